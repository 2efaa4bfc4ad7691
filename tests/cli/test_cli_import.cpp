// spillway-cli import as users run it: its help, the flags it refuses (exit 2), a DDL file's
// error at its line (exit 2), a schema or table that is not there (exit 2), a server that is
// not there (exit 1), the report on standard error and the document on standard output or in
// --out.

#include "../processsupport.h"
#include "pgfixture.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace spillway::test;

namespace {

// spillway-cli import with `arguments`.
CliResult runImport(const QStringList &arguments)
{
    return runCli(QStringList{QStringLiteral("import")} + arguments);
}

const QByteArray kDdl = "-- two tables\n"
                        "CREATE TABLE authors (\n"
                        "    id integer PRIMARY KEY,\n"
                        "    email text NOT NULL UNIQUE\n"
                        ");\n"
                        "CREATE TABLE books (\n"
                        "    id integer PRIMARY KEY,\n"
                        "    author_id integer NOT NULL REFERENCES authors (id),\n"
                        "    title text NOT NULL\n"
                        ");\n"
                        "ALTER TABLE books OWNER TO someone_else;\n";

} // namespace

class TestCliImport : public QObject
{
    Q_OBJECT

    std::unique_ptr<PgFixture> m_pg;
    QTemporaryDir m_dir;

    QString writeFile(const QString &name, const QByteArray &bytes)
    {
        QFile file(m_dir.filePath(name));
        if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size())
            return {};
        return file.fileName();
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_pg = std::make_unique<PgFixture>();
        QVERIFY2(m_pg->isReady(), qPrintable(m_pg->error()));
    }
    void cleanupTestCase() { m_pg.reset(); }

    void help()
    {
        const CliResult r = runImport({QStringLiteral("--help")});
        QCOMPARE(r.exitCode, 0);
        for (const char *option : {"--db", "--db-schema", "--table", "--profile", "--rows-from",
                                   "--out", "--json", "FILE.sql"})
            QVERIFY2(r.out.contains(option), option);
    }

    void refusesFlags_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("message");
        QTest::newRow("nothing") << QStringList{} << QStringLiteral("give either --db CONNINFO");
        QTest::newRow("both") << QStringList{QStringLiteral("a.sql"), QStringLiteral("--db"),
                                             QStringLiteral("dbname=x")}
                              << QStringLiteral("give either --db CONNINFO");
        QTest::newRow("profile of a file")
            << QStringList{QStringLiteral("a.sql"), QStringLiteral("--profile")}
            << QStringLiteral("a DDL file has no statistics");
        QTest::newRow("rows-from")
            << QStringList{QStringLiteral("--db"), QStringLiteral("dbname=x"),
                           QStringLiteral("--rows-from"), QStringLiteral("many")}
            << QStringLiteral("--rows-from must be 'stats' or a positive "
                              "row count");
        QTest::newRow("seed") << QStringList{QStringLiteral("--db"), QStringLiteral("dbname=x"),
                                             QStringLiteral("--seed"), QStringLiteral("-1")}
                              << QStringLiteral("--seed must be");
        QTest::newRow("missing file") << QStringList{QStringLiteral("/nonexistent/shop.sql")}
                                      << QStringLiteral("cannot read '/nonexistent/shop.sql'");
        QTest::newRow("unknown option")
            << QStringList{QStringLiteral("--frobnicate")} << QStringLiteral("frobnicate");
    }

    void refusesFlags()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QString, message);
        const CliResult r = runImport(arguments);
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(message), qPrintable(r.err));
        QVERIFY(r.out.isEmpty());
    }

    void unreachableServerIsARuntimeFailure()
    {
        const CliResult r = runImport(
            {QStringLiteral("--db"), QStringLiteral("host=/nonexistent-folder dbname=x")});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(QLatin1String("cannot connect to PostgreSQL")), qPrintable(r.err));
    }

    void unknownSchemaOrTable()
    {
        CliResult r = runImport({QStringLiteral("--db"), m_pg->connectionString(),
                                 QStringLiteral("--db-schema"), QStringLiteral("sales")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(QLatin1String("schema \"sales\" does not exist in database "
                                              "\"spillway\"")),
                 qPrintable(r.err));
        r = runImport({QStringLiteral("--db"), m_pg->connectionString(), QStringLiteral("--table"),
                       QStringLiteral("invoices")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(QLatin1String("table \"invoices\" not found")), qPrintable(r.err));
    }

    void ddlErrorAtItsLine()
    {
        const QString file = writeFile(QStringLiteral("broken.sql"),
                                       "CREATE TABLE a (id int);\n\nCREATE TABLE b (\n  id int,\n"
                                       "  x nosuchtype\n);\n");
        const CliResult r = runImport({file, QStringLiteral("--server-dir"), m_pg->serverDir()});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(file + QStringLiteral(":5: type \"nosuchtype\" does not exist")),
                 qPrintable(r.err));
        QVERIFY(r.out.isEmpty());
    }

    void ddlFileToOutAndJsonReport()
    {
        const QString file = writeFile(QStringLiteral("library.sql"), kDdl);
        const QString out = m_dir.filePath(QStringLiteral("library.json"));
        const CliResult r = runImport({file, QStringLiteral("--server-dir"), m_pg->serverDir(),
                                       QStringLiteral("--out"), out, QStringLiteral("--json"),
                                       QStringLiteral("--rows-from"), QStringLiteral("10k")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY(r.out.isEmpty());
        QFile written(out);
        QVERIFY(written.open(QIODevice::ReadOnly));
        const QJsonObject document = QJsonDocument::fromJson(written.readAll()).object();
        QCOMPARE(document.value(QLatin1String("tables")).toArray().size(), 2);
        QCOMPARE(document.value(QLatin1String("name")).toString(), QStringLiteral("library"));
        // The report is the last line of standard error (the server's own lines come first).
        const QStringList lines = r.err.trimmed().split(QLatin1Char('\n'));
        const QJsonObject report = QJsonDocument::fromJson(lines.last().toUtf8()).object();
        QCOMPARE(report.value(QLatin1String("tables")).toInt(), 2);
        QVERIFY(report.value(QLatin1String("valid")).toBool());
        bool skipped = false;
        for (const QJsonValue &n : report.value(QLatin1String("notes")).toArray())
            skipped |= n.toObject()
                           .value(QLatin1String("message"))
                           .toString()
                           .contains(QLatin1String("1 statement(s) about owners"));
        QVERIFY2(skipped, lines.last().toUtf8().constData());
    }

    void liveDatabaseToStdoutWithTextReport()
    {
        const QString conninfo = m_pg->connectionString();
        const QString error =
            psql(conninfo, {QStringLiteral("-c"),
                            QString::fromUtf8(kDdl).section(QStringLiteral("ALTER TABLE"), 0, 0)});
        QVERIFY2(error.isEmpty(), qPrintable(error));
        const CliResult r = runImport({QStringLiteral("--db"), conninfo, QStringLiteral("--table"),
                                       QStringLiteral("public.books"), QStringLiteral("--table"),
                                       QStringLiteral("authors")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const QJsonObject document = QJsonDocument::fromJson(r.out).object();
        QCOMPARE(document.value(QLatin1String("tables")).toArray().size(), 2);
        QVERIFY2(r.err.startsWith(QLatin1String("Imported 2 table(s)")), qPrintable(r.err));
        // Never analyzed: the row count is unknown, and the report says so for each table.
        QVERIFY2(r.err.contains(QLatin1String("never analyzed")), qPrintable(r.err));
    }
};

QTEST_GUILESS_MAIN(TestCliImport)
#include "test_cli_import.moc"
