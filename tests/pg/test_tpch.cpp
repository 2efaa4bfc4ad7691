// example:tpch in a real PostgreSQL, as a user would load it: spillway-cli generates the eight
// tables as CSV at scale factor 0.01, psql \copy loads them into the tables `spillway-cli ddl`
// creates, and the DDL's keys are added after the load. Then every primary and foreign key of
// the TPC-H specification must exist (those the DDL cannot declare are added here and must hold
// too), every column rule of clause 4.2.3 (tests/pg/tpch/rules.sql) must find no violation, and
// the 22 TPC-H queries (tests/pg/tpch/qNN.sql, the validation parameters) must run.

#include "../processsupport.h"
#include "pgfixture.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace spillway::test;

namespace {

const QString kScale = QStringLiteral("0.01");

// The load at kScale and TPC-H's queries take minutes on a slow machine.
constexpr int kTimeoutMs = 300000;

QByteArray readFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

QString tpchFile(const QString &name)
{
    return QDir(QStringLiteral(SPILLWAY_TPCH_DIR)).filePath(name);
}

// A key of the specification (clause 1.4.2): a primary key when `references` is empty.
struct SpecKey
{
    const char *table;
    const char *columns;
    const char *references; // "table(columns)"
};

const SpecKey kSpecKeys[] = {
    {"region", "r_regionkey", ""},
    {"nation", "n_nationkey", ""},
    {"nation", "n_regionkey", "region(r_regionkey)"},
    {"part", "p_partkey", ""},
    {"supplier", "s_suppkey", ""},
    {"supplier", "s_nationkey", "nation(n_nationkey)"},
    {"partsupp", "ps_partkey,ps_suppkey", ""},
    {"partsupp", "ps_partkey", "part(p_partkey)"},
    {"partsupp", "ps_suppkey", "supplier(s_suppkey)"},
    {"customer", "c_custkey", ""},
    {"customer", "c_nationkey", "nation(n_nationkey)"},
    {"orders", "o_orderkey", ""},
    {"orders", "o_custkey", "customer(c_custkey)"},
    {"lineitem", "l_orderkey,l_linenumber", ""},
    {"lineitem", "l_orderkey", "orders(o_orderkey)"},
    {"lineitem", "l_partkey,l_suppkey", "partsupp(ps_partkey,ps_suppkey)"},
};

} // namespace

class TestTpch : public QObject
{
    Q_OBJECT

    std::unique_ptr<PgFixture> m_pg;
    QTemporaryDir m_dir;
    QHash<QString, qint64> m_rows; // rows generate reported, per table

    QString psql(const QStringList &arguments, QString *output = nullptr)
    {
        return spillway::test::psql(m_pg->connectionString(), arguments, output, kTimeoutMs);
    }
    QString query(const QString &sql)
    {
        return psqlQuery(m_pg->connectionString(), sql, kTimeoutMs);
    }

    QString runSql(const QString &name, const QByteArray &sql)
    {
        const QString path = m_dir.filePath(name);
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly) || file.write(sql) != sql.size())
            return QStringLiteral("cannot write %1").arg(path);
        file.close();
        return psql({QStringLiteral("-f"), path});
    }

    // The tables of `spillway-cli ddl`, the CSV files of `generate` through psql \copy, then the
    // DDL's constraints: the load a user of the example does.
    void load()
    {
        const CliResult ddl =
            runCli({QStringLiteral("ddl"), QStringLiteral("example:tpch")}, {}, {}, kTimeoutMs);
        QVERIFY2(ddl.exitCode == 0, qPrintable(ddl.err));
        const qsizetype split = ddl.out.indexOf("-- Constraints");
        QVERIFY(split > 0);
        QCOMPARE(runSql(QStringLiteral("tables.sql"), ddl.out.left(split)), QString());

        const QString out = m_dir.filePath(QStringLiteral("tpch"));
        const CliResult generated = runCli(
            {QStringLiteral("generate"), QStringLiteral("example:tpch"), QStringLiteral("--out"),
             out, QStringLiteral("--scale"), kScale, QStringLiteral("--format"),
             QStringLiteral("csv"), QStringLiteral("--json"), QStringLiteral("--no-record")},
            {}, {}, kTimeoutMs);
        QVERIFY2(generated.exitCode == 0, qPrintable(generated.err));
        QJsonArray tables;
        for (const QByteArray &line : generated.out.split('\n')) {
            const QJsonObject event = QJsonDocument::fromJson(line).object();
            if (event.value(QLatin1String("event")) == QLatin1String("finished"))
                tables = event.value(QLatin1String("tables")).toArray();
        }
        QCOMPARE(tables.size(), 8);
        for (const QJsonValue &t : tables) {
            const QString table = t.toObject().value(QLatin1String("name")).toString();
            m_rows.insert(table, t.toObject().value(QLatin1String("rows")).toInteger());
            const QString csv = QDir(out).filePath(table + QStringLiteral(".csv"));
            const QString error = psqlCopyCsv(m_pg->connectionString(), table, csv, kTimeoutMs);
            QVERIFY2(error.isEmpty(), qPrintable(QStringLiteral("%1: %2").arg(table, error)));
        }
        QCOMPARE(runSql(QStringLiteral("constraints.sql"), ddl.out.mid(split)), QString());
        QCOMPARE(psql({QStringLiteral("-c"), QStringLiteral("ANALYZE")}), QString());
    }

    // The constraint of `table` over exactly `columns` (in order), of pg_constraint type `type`.
    QString constraintOn(const QString &table, const QString &columns, const QString &type)
    {
        return query(
            QStringLiteral("SELECT string_agg(c.conname || ':' || coalesce(c.confrelid::regclass::"
                           "text, ''), ' ') FROM pg_constraint c WHERE c.conrelid = '%1'::regclass "
                           "AND c.contype = '%3' AND (SELECT string_agg(a.attname, ',' ORDER BY "
                           "k.i) FROM unnest(c.conkey) WITH ORDINALITY k(n, i) JOIN pg_attribute a "
                           "ON a.attrelid = c.conrelid AND a.attnum = k.n) = '%2'")
                .arg(table, columns, type));
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        if (QStandardPaths::findExecutable(QStringLiteral("psql")).isEmpty())
            QSKIP("psql is not installed (apt install postgresql-client)");
        m_pg = std::make_unique<PgFixture>();
        QVERIFY2(m_pg->isReady(), qPrintable(m_pg->error()));
        load();
    }
    void cleanupTestCase() { m_pg.reset(); }

    // Scale factor 0.01 of the specification's counts; nation and region never scale.
    void rowCounts_data()
    {
        QTest::addColumn<QString>("table");
        QTest::addColumn<qint64>("rows");
        QTest::newRow("region") << QStringLiteral("region") << qint64(5);
        QTest::newRow("nation") << QStringLiteral("nation") << qint64(25);
        QTest::newRow("part") << QStringLiteral("part") << qint64(2000);
        QTest::newRow("supplier") << QStringLiteral("supplier") << qint64(100);
        QTest::newRow("partsupp") << QStringLiteral("partsupp") << qint64(8000);
        QTest::newRow("customer") << QStringLiteral("customer") << qint64(1500);
        QTest::newRow("orders") << QStringLiteral("orders") << qint64(15000);
    }
    void rowCounts()
    {
        QFETCH(QString, table);
        QFETCH(qint64, rows);
        QCOMPARE(m_rows.value(table), rows);
        QCOMPARE(query(QStringLiteral("SELECT count(*) FROM %1").arg(table)),
                 QString::number(rows));
    }
    void lineitemRows()
    {
        const qint64 lines = m_rows.value(QStringLiteral("lineitem"));
        QVERIFY2(lines > 15000 * 3 && lines < 15000 * 5, qPrintable(QString::number(lines)));
        QCOMPARE(query(QStringLiteral("SELECT count(*) FROM lineitem")), QString::number(lines));
    }

    // Every key of the specification is on the loaded tables: the DDL's, or added here, where
    // the server checks it against every row.
    void specificationKeys_data()
    {
        QTest::addColumn<QString>("table");
        QTest::addColumn<QString>("columns");
        QTest::addColumn<QString>("references");
        for (const SpecKey &key : kSpecKeys) {
            const QString references = QString::fromLatin1(key.references);
            const QString name =
                QStringLiteral("%1(%2)%3")
                    .arg(QString::fromLatin1(key.table), QString::fromLatin1(key.columns),
                         references.isEmpty() ? QString() : QStringLiteral(" -> ") + references);
            QTest::newRow(qPrintable(name))
                << QString::fromLatin1(key.table) << QString::fromLatin1(key.columns) << references;
        }
    }
    void specificationKeys()
    {
        QFETCH(QString, table);
        QFETCH(QString, columns);
        QFETCH(QString, references);
        const QString type = references.isEmpty() ? QStringLiteral("p") : QStringLiteral("f");
        if (!constraintOn(table, columns, type).isEmpty())
            return;
        const QString sql =
            references.isEmpty()
                ? QStringLiteral("ALTER TABLE %1 ADD PRIMARY KEY (%2)").arg(table, columns)
                : QStringLiteral("ALTER TABLE %1 ADD FOREIGN KEY (%2) REFERENCES %3")
                      .arg(table, columns, references);
        qInfo("not in the DDL, added: %s", qPrintable(sql));
        QCOMPARE(psql({QStringLiteral("-c"), sql}), QString());
        QVERIFY(!constraintOn(table, columns, type).isEmpty());
    }

    void rules_data()
    {
        QTest::addColumn<QString>("sql");
        const QString text = QString::fromUtf8(readFile(tpchFile(QStringLiteral("rules.sql"))));
        const QStringList blocks = text.split(QStringLiteral("-- rule: "));
        QVERIFY(blocks.size() > 30);
        for (qsizetype i = 1; i < blocks.size(); ++i) {
            const qsizetype eol = blocks[i].indexOf(QLatin1Char('\n'));
            QTest::newRow(qPrintable(blocks[i].left(eol))) << blocks[i].mid(eol + 1).trimmed();
        }
    }
    // Each rule counts its violations.
    void rules()
    {
        QFETCH(QString, sql);
        QCOMPARE(query(sql), QStringLiteral("0"));
    }

    void queries_data()
    {
        QTest::addColumn<int>("number");
        for (int q = 1; q <= 22; ++q)
            QTest::newRow(qPrintable(QStringLiteral("Q%1").arg(q))) << q;
    }
    // The queries run as written; Q1 sees the four (return flag, line status) groups of the
    // specification's data and Q6 a revenue.
    void queries()
    {
        QFETCH(int, number);
        const QString path =
            tpchFile(QStringLiteral("q%1.sql").arg(number, 2, 10, QLatin1Char('0')));
        QVERIFY(QFile::exists(path));
        QString out;
        QCOMPARE(
            psql({QStringLiteral("-F"), QStringLiteral(","), QStringLiteral("-f"), path}, &out),
            QString());
        if (number == 1) {
            QStringList groups;
            for (const QString &line : out.split(QLatin1Char('\n')))
                groups.append(line.section(QLatin1Char(','), 0, 1));
            QCOMPARE(groups, (QStringList{QStringLiteral("A,F"), QStringLiteral("N,F"),
                                          QStringLiteral("N,O"), QStringLiteral("R,F")}));
        } else if (number == 6) {
            QVERIFY2(QRegularExpression(QStringLiteral("^[0-9]+\\.[0-9]+$")).match(out).hasMatch(),
                     qPrintable(out));
        }
    }
};

QTEST_GUILESS_MAIN(TestTpch)
#include "test_tpch.moc"
