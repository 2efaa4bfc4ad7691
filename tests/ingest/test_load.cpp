// spillway-cli load into a real PostgreSQL: CSV with quotes, newlines and Unicode cut into
// many chunks lands exactly as psql's \copy lands it; TSV and COPY text too; a killed load
// resumes exactly once; missing tables and files give clear errors.

#include "ingesttestsupport.h"
#include "pgfixture.h"

#include <QDir>
#include <QTemporaryDir>

using namespace spillway;
using namespace spillway::test;

namespace {

const char kSchema[] =
    "{\"seed\": 9, \"tables\": [{\"name\": \"messy\", \"rows\": 20000, \"columns\": ["
    "{\"name\": \"id\", \"type\": \"bigint\", \"primaryKey\": true, \"generator\": {\"kind\": "
    "\"sequence\"}},"
    "{\"name\": \"txt\", \"type\": \"text\", \"nullFraction\": 0.1, \"generator\": {\"kind\": "
    "\"choice\", "
    "\"values\": [\"plain\", \"a,b\", \"say \\\"hi\\\"\", \"line1\\nline2\\r\\nline3\", "
    "\"tab\\there\", "
    "\"back\\\\slash\", \"\\\\N\", \"\", \"日本語 é 🙂\"]}},"
    "{\"name\": \"amount\", \"type\": \"numeric(10,2)\", \"generator\": {\"kind\": \"decimal\", "
    "\"min\": 0, \"max\": 1000}},"
    "{\"name\": \"at\", \"type\": \"timestamp\", \"generator\": {\"kind\": \"timestamp\"}}]}]}";

const QString kDigest =
    QStringLiteral("SELECT count(*) || ':' || md5(string_agg(t::text, '|' ORDER BY id)) FROM %1 t");

} // namespace

class TestLoad : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        m_pg = std::make_unique<PgFixture>();
        QVERIFY2(m_pg->isReady(), qPrintable(m_pg->error()));
        m_db = m_pg->connectionString();
        QVERIFY(m_dir.isValid());
        m_schema = m_dir.filePath(QStringLiteral("messy.json"));
        QFile f(m_schema);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(kSchema);
        f.close();
        const CliResult ddl = cli({QStringLiteral("ddl"), m_schema});
        QCOMPARE(ddl.exitCode, 0);
        m_ddl = ddl.outText();
        for (const QString &format :
             {QStringLiteral("csv"), QStringLiteral("tsv"), QStringLiteral("pgcopy")}) {
            // TSV's default null (empty) cannot tell NULL from '': use \N as COPY does.
            QStringList args{QStringLiteral("generate"),     m_schema,
                             QStringLiteral("--out"),        m_dir.filePath(format),
                             QStringLiteral("--format"),     format,
                             QStringLiteral("--split-rows"), QStringLiteral("7000"),
                             QStringLiteral("--quiet")};
            if (format == QLatin1String("tsv"))
                args << QStringLiteral("--null") << QStringLiteral("\\N");
            const CliResult g = cli(args);
            QVERIFY2(g.exitCode == 0, qPrintable(g.err));
        }
        // The reference: psql's own \copy of the CSV files into "reference".
        QString ddlRef = m_ddl;
        ddlRef.replace(QStringLiteral("\"messy\""), QStringLiteral("\"reference\""));
        QVERIFY(execute(m_db, ddlRef).isEmpty());
        for (const QString &file :
             QDir(m_dir.filePath(QStringLiteral("csv"))).entryList(QDir::Files, QDir::Name)) {
            const QString error = psqlCopyCsv(m_db, QStringLiteral("reference"),
                                              m_dir.filePath(QStringLiteral("csv/") + file), 60000);
            QVERIFY2(error.isEmpty(), qPrintable(error));
        }
        m_reference = queryValue(m_db, kDigest.arg(QStringLiteral("reference")));
        QVERIFY(m_reference.startsWith(QStringLiteral("20000:")));
    }
    void cleanupTestCase() { m_pg.reset(); }

    void init()
    {
        QVERIFY(execute(m_db, QStringLiteral("DROP TABLE IF EXISTS messy; ") + m_ddl).isEmpty());
    }

    void formatsLandAsPsqlLandsThem_data()
    {
        QTest::addColumn<QString>("format");
        QTest::addColumn<QString>("chunk");
        QTest::newRow("csv, 4 KiB chunks") << QStringLiteral("csv") << QStringLiteral("4k");
        QTest::newRow("csv, one chunk per file")
            << QStringLiteral("csv") << QStringLiteral("64MiB");
        QTest::newRow("tsv") << QStringLiteral("tsv") << QStringLiteral("16k");
        QTest::newRow("pgcopy") << QStringLiteral("pgcopy") << QStringLiteral("16k");
    }
    void formatsLandAsPsqlLandsThem()
    {
        QFETCH(QString, format);
        QFETCH(QString, chunk);
        QStringList args{QStringLiteral("load"),          m_dir.filePath(format),
                         QStringLiteral("--db"),          m_db,
                         QStringLiteral("--table"),       QStringLiteral("messy"),
                         QStringLiteral("--format"),      format,
                         QStringLiteral("--workers"),     QStringLiteral("2"),
                         QStringLiteral("--chunk-bytes"), chunk,
                         QStringLiteral("--quiet")};
        if (format != QLatin1String("pgcopy"))
            args << QStringLiteral("--header");
        if (format == QLatin1String("tsv"))
            args << QStringLiteral("--null") << QStringLiteral("\\N");
        const CliResult r = cli(args);
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QCOMPARE(queryValue(m_db, kDigest.arg(QStringLiteral("messy"))), m_reference);
    }

    void killedLoadResumesExactlyOnce()
    {
        const QStringList args{QStringLiteral("load"),     m_dir.filePath(QStringLiteral("csv")),
                               QStringLiteral("--db"),     m_db,
                               QStringLiteral("--table"),  QStringLiteral("messy"),
                               QStringLiteral("--header"), QStringLiteral("--chunk-bytes"),
                               QStringLiteral("2k"),       QStringLiteral("--workers"),
                               QStringLiteral("1"),        QStringLiteral("--run-id"),
                               QStringLiteral("load-kill")};
        QProcess p;
        p.start(QStringLiteral(SPILLWAY_CLI), args);
        QVERIFY(waitForCount(
            m_db, QStringLiteral("SELECT count(*) FROM spillway.ledger WHERE run_id = 'load-kill'"),
            20));
        p.kill();
        QVERIFY(p.waitForFinished(30000));
        const qlonglong partial =
            queryValue(m_db, QStringLiteral("SELECT count(*) FROM messy")).toLongLong();
        QVERIFY(partial > 0 && partial < 20000);
        const CliResult r =
            cli(QStringList(args) << QStringLiteral("--resume") << QStringLiteral("--quiet"));
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QCOMPARE(queryValue(m_db, kDigest.arg(QStringLiteral("messy"))), m_reference);
    }

    void missingTableAndFiles()
    {
        const CliResult noTable =
            cli({QStringLiteral("load"), m_dir.filePath(QStringLiteral("csv")),
                 QStringLiteral("--db"), m_db, QStringLiteral("--table"), QStringLiteral("nosuch"),
                 QStringLiteral("--header")});
        QCOMPARE(noTable.exitCode, 1);
        QVERIFY2(noTable.err.contains(QStringLiteral("does not exist")), qPrintable(noTable.err));
        const CliResult noFile =
            cli({QStringLiteral("load"), QStringLiteral("/nonexistent/file.csv"),
                 QStringLiteral("--db"), m_db, QStringLiteral("--table"), QStringLiteral("messy")});
        QCOMPARE(noFile.exitCode, 1);
        QVERIFY2(noFile.err.contains(QStringLiteral("/nonexistent/file.csv")),
                 qPrintable(noFile.err));
        const CliResult noTableFlag =
            cli({QStringLiteral("load"), m_dir.filePath(QStringLiteral("csv"))});
        QCOMPARE(noTableFlag.exitCode, 2);
    }

private:
    std::unique_ptr<PgFixture> m_pg;
    QString m_db;
    QTemporaryDir m_dir;
    QString m_schema;
    QString m_ddl;
    QString m_reference;
};

QTEST_GUILESS_MAIN(TestLoad)
#include "test_load.moc"
