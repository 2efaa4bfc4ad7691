// The acceptance test of issue 12, as a user runs it: the shop database (tests/pg/import) is
// imported with `spillway-cli import --profile`; the document validates; ingested into an empty
// copy of the same DDL it violates no constraint; row counts are within 15% of the source; the
// common values' shares and null fractions are within 0.05 of the source's pg_stats. The same
// DDL as a file imports to an equivalent document, and the bundled examples' own DDL round-trips
// (import(ddl(example)) validates and ingests).

#include "importsupport.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace spillway::test;

namespace {

// spillway-cli in UTF-8 (its libpq reads PGCLIENTENCODING); an ingest may take minutes.
CliResult cli(const QStringList &arguments)
{
    return runCli(arguments, {},
                  environmentWith({{QStringLiteral("PGCLIENTENCODING"), QStringLiteral("UTF8")}}),
                  300000);
}

QString dataFile(const QString &name)
{
    return QStringLiteral(SPILLWAY_IMPORT_DATA) + QLatin1Char('/') + name;
}

// "table.column type" for every column: what two imports of the same tables must share.
QStringList columnTypes(const QByteArray &document)
{
    QStringList out;
    const QJsonArray tables =
        QJsonDocument::fromJson(document).object().value(QLatin1String("tables")).toArray();
    for (const QJsonValue &t : tables) {
        const QJsonObject table = t.toObject();
        for (const QJsonValue &c : table.value(QLatin1String("columns")).toArray())
            out.append(QStringLiteral("%1.%2 %3")
                           .arg(table.value(QLatin1String("name")).toString(),
                                c.toObject().value(QLatin1String("name")).toString(),
                                c.toObject().value(QLatin1String("type")).toString()));
    }
    out.sort();
    return out;
}

} // namespace

class TestImportAccept : public QObject
{
    Q_OBJECT

    std::unique_ptr<PgFixture> m_pg;
    QTemporaryDir m_dir;
    QString m_shop;

    QString createDatabase(const QString &name, const QStringList &files)
    {
        const QString e =
            psql(m_pg->connectionString(),
                 {QStringLiteral("-c"), QStringLiteral("CREATE DATABASE %1").arg(name)});
        if (!e.isEmpty())
            return e;
        QStringList arguments;
        for (const QString &f : files)
            arguments << QStringLiteral("-f") << f;
        return psql(m_pg->connectionString(name), arguments);
    }

    // pg_stats of one column in `conninfo`: null_frac and each common value's share.
    QMap<QString, double> shape(const QString &conninfo, const QString &table,
                                const QString &column)
    {
        QString out;
        psql(conninfo,
             {QStringLiteral("-F"), QStringLiteral("\t"), QStringLiteral("-c"),
              QStringLiteral("SELECT '(null)', null_frac FROM pg_stats WHERE tablename = '%1' AND "
                             "attname = '%2' UNION ALL SELECT v, f FROM pg_stats, unnest("
                             "most_common_vals::text::text[], most_common_freqs) AS m(v, f) WHERE "
                             "tablename = '%1' AND attname = '%2'")
                  .arg(table, column)},
             &out);
        QMap<QString, double> shares;
        for (const QString &line : out.split(QLatin1Char('\n'), Qt::SkipEmptyParts))
            shares.insert(line.section(QLatin1Char('\t'), 0, 0),
                          line.section(QLatin1Char('\t'), 1).toDouble());
        return shares;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        if (QStandardPaths::findExecutable(QStringLiteral("psql")).isEmpty())
            QSKIP("psql is not installed (apt install postgresql-client)");
        m_pg = std::make_unique<PgFixture>();
        QVERIFY2(m_pg->isReady(), qPrintable(m_pg->error()));
        QCOMPARE(
            createDatabase(QStringLiteral("shop"), {dataFile(QStringLiteral("shop.sql")),
                                                    dataFile(QStringLiteral("shop-data.sql"))}),
            QString());
        m_shop = m_pg->connectionString(QStringLiteral("shop"));
    }
    void cleanupTestCase() { m_pg.reset(); }

    void profiledImportIngestsIntoTheSameTables()
    {
        const QString doc = m_dir.filePath(QStringLiteral("shop.json"));
        const ProcessResult imported = cli(
            {QStringLiteral("import"), QStringLiteral("--db"), m_shop, QStringLiteral("--profile"),
             QStringLiteral("--out"), doc, QStringLiteral("--json")});
        QVERIFY2(imported.exitCode == 0, qPrintable(imported.err));
        const QJsonObject report = QJsonDocument::fromJson(imported.err.toUtf8()).object();
        QCOMPARE(report.value(QLatin1String("tables")).toInt(), 5);
        QVERIFY(report.value(QLatin1String("valid")).toBool());
        QVERIFY(!report.value(QLatin1String("notes")).toArray().isEmpty()); // guesses, with reasons
        const ProcessResult valid = cli({QStringLiteral("validate"), doc});
        QVERIFY2(valid.exitCode == 0, qPrintable(valid.err));

        // An empty copy of the same DDL, constraints in place: any violation fails the load.
        // --constraints-first loads parents before children, as foreign keys in place need.
        QCOMPARE(createDatabase(QStringLiteral("target"), {dataFile(QStringLiteral("shop.sql"))}),
                 QString());
        const QString target = m_pg->connectionString(QStringLiteral("target"));
        const ProcessResult ingested =
            cli({QStringLiteral("ingest"), doc, QStringLiteral("--db"), target,
                 QStringLiteral("--mode"), QStringLiteral("append"),
                 QStringLiteral("--constraints-first"), QStringLiteral("--quiet"),
                 QStringLiteral("--no-record")});
        QVERIFY2(ingested.exitCode == 0, qPrintable(ingested.err));

        for (const QString &table :
             {QStringLiteral("customers"), QStringLiteral("products"), QStringLiteral("orders"),
              QStringLiteral("order_items"), QStringLiteral("favourites")}) {
            const QString count = QStringLiteral("SELECT count(*) FROM %1").arg(table);
            const double source = psqlQuery(m_shop, count).toDouble();
            const double copy = psqlQuery(target, count).toDouble();
            QVERIFY2(qAbs(copy - source) <= 0.15 * source,
                     qPrintable(QStringLiteral("%1: %2 rows, the source has %3")
                                    .arg(table)
                                    .arg(copy)
                                    .arg(source)));
        }
        QCOMPARE(psql(target, {QStringLiteral("-c"), QStringLiteral("ANALYZE")}), QString());
        const QList<std::pair<QString, QString>> columns = {
            {QStringLiteral("customers"), QStringLiteral("tier")},
            {QStringLiteral("customers"), QStringLiteral("last_ip")},
            {QStringLiteral("orders"), QStringLiteral("status")},
        };
        for (const auto &[table, column] : columns) {
            const QMap<QString, double> source = shape(m_shop, table, column);
            const QMap<QString, double> copy = shape(target, table, column);
            QVERIFY(!source.isEmpty());
            for (auto it = source.cbegin(); it != source.cend(); ++it) {
                if (it.key() != QLatin1String("(null)") && it.value() < 0.01)
                    continue; // a value too rare for ANALYZE's sample to list reliably
                QVERIFY2(qAbs(copy.value(it.key()) - it.value()) <= 0.05,
                         qPrintable(QStringLiteral("%1.%2 = %3: %4 in the copy, %5 in the source")
                                        .arg(table, column, it.key())
                                        .arg(copy.value(it.key()))
                                        .arg(it.value())));
            }
        }
    }

    void ddlFileImportsToAnEquivalentDocument()
    {
        const ProcessResult live = cli({QStringLiteral("import"), QStringLiteral("--db"), m_shop,
                                        QStringLiteral("--rows-from"), QStringLiteral("1000")});
        QVERIFY2(live.exitCode == 0, qPrintable(live.err));
        const ProcessResult file =
            cli({QStringLiteral("import"), dataFile(QStringLiteral("shop.sql")),
                 QStringLiteral("--rows-from"), QStringLiteral("1000"),
                 QStringLiteral("--server-dir"), m_pg->serverDir()});
        QVERIFY2(file.exitCode == 0, qPrintable(file.err));
        QCOMPARE(columnTypes(file.out), columnTypes(live.out));
        QVERIFY(columnTypes(live.out).contains(QStringLiteral("products.price numeric(10,2)")));
    }

    void examplesRoundTrip_data()
    {
        QTest::addColumn<QString>("example");
        for (const char *name : {"iot", "webevents", "wide", "ecommerce", "lineitem"})
            QTest::newRow(name) << QString::fromLatin1(name);
    }

    // import(ddl(example)) validates, and ingests into the example's own DDL.
    void examplesRoundTrip()
    {
        QFETCH(QString, example);
        const ProcessResult ddl =
            cli({QStringLiteral("ddl"), QStringLiteral("example:") + example});
        QVERIFY2(ddl.exitCode == 0, qPrintable(ddl.err));
        const QString sql = m_dir.filePath(example + QStringLiteral(".sql"));
        QFile file(sql);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(ddl.out);
        file.close();
        const QString doc = m_dir.filePath(example + QStringLiteral(".json"));
        const ProcessResult imported = cli(
            {QStringLiteral("import"), sql, QStringLiteral("--rows-from"), QStringLiteral("300"),
             QStringLiteral("--out"), doc, QStringLiteral("--server-dir"), m_pg->serverDir()});
        QVERIFY2(imported.exitCode == 0, qPrintable(imported.err));
        const QString database = QStringLiteral("rt_") + example;
        QCOMPARE(createDatabase(database, {sql}), QString());
        const ProcessResult ingested =
            cli({QStringLiteral("ingest"), doc, QStringLiteral("--db"),
                 m_pg->connectionString(database), QStringLiteral("--mode"),
                 QStringLiteral("append"), QStringLiteral("--constraints-first"),
                 QStringLiteral("--quiet"), QStringLiteral("--no-record")});
        QVERIFY2(ingested.exitCode == 0, qPrintable(ingested.err));
    }
};

QTEST_GUILESS_MAIN(TestImportAccept)
#include "test_import_accept.moc"
