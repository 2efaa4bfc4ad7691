// The private local PostgreSQL server: start, connect, settings, privacy, idempotence, restart,
// errors, and `spillway-cli server`. Runs real servers in temporary folders.

#include "../processsupport.h"
#include "pg/localserver.h"
#include "pgfixture.h"

#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTest>

#include <pqxx/pqxx>

#include <memory>
#include <sys/stat.h>
#include <unistd.h>

using namespace spillway;
using namespace spillway::test;

namespace {

// The first column of the first row of `sql`, or the error text prefixed with "error: ".
QString queryValue(const QString &conninfo, const char *sql)
{
    try {
        pqxx::connection connection(conninfo.toStdString());
        pqxx::nontransaction tx(connection);
        const pqxx::result r = tx.exec(sql);
        return r.empty() || r[0][0].is_null() ? QString() : QString::fromUtf8(r[0][0].c_str());
    } catch (const std::exception &e) {
        return QStringLiteral("error: ") + QString::fromUtf8(e.what());
    }
}

int modeOf(const QString &path)
{
    struct stat st
    {
    };
    return ::stat(QFile::encodeName(path).constData(), &st) == 0 ? int(st.st_mode & 07777) : -1;
}

} // namespace

class TestLocalServer : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void connectsOverPrivateSocketOnly();
    void bulkSettingsApplied_data();
    void bulkSettingsApplied();
    void socketFolderIsPrivate();
    void statusReportsRunning();
    void secondStartAdoptsRunningServer();
    void restartKeepsData();
    void missingProgramsGiveInstallHint();
    void defaultFolderHonoursXdgDataHome();
    void rootRefusesFolderServerUserCannotEnter();
    void connectionStringQuotesValues();
    void longFolderUsesShortSocketFolder();
    void cliStartStatusStop();
    void cliRejectsUnknownAction();

private:
    std::unique_ptr<PgFixture> m_pg;
};

void TestLocalServer::initTestCase()
{
    m_pg = std::make_unique<PgFixture>();
    QVERIFY2(m_pg->isReady(), qPrintable(m_pg->error()));
}

void TestLocalServer::cleanupTestCase()
{
    m_pg.reset();
}

void TestLocalServer::connectsOverPrivateSocketOnly()
{
    const QString conninfo = m_pg->connectionString();
    QVERIFY(conninfo.startsWith(QStringLiteral("host=") + m_pg->server().socketDir() + u' '));
    QCOMPARE(queryValue(conninfo, "SELECT 1"), QStringLiteral("1"));
    QCOMPARE(queryValue(conninfo, "SELECT current_database()"), LocalServer::databaseName());
    QCOMPARE(queryValue(conninfo, "SELECT current_user"), m_pg->server().user());
    QCOMPARE(queryValue(conninfo, "SHOW listen_addresses"), QString()); // no TCP at all
    QCOMPARE(queryValue(conninfo, "SHOW server_encoding"), QStringLiteral("UTF8"));
}

void TestLocalServer::bulkSettingsApplied_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("value");
    const QList<ServerSetting> settings = LocalServer::bulkLoadSettings();
    for (const ServerSetting &s : settings) {
        QVERIFY(!s.reason.isEmpty());
        QTest::newRow(qPrintable(s.name)) << s.name << s.value;
    }
}

void TestLocalServer::bulkSettingsApplied()
{
    QFETCH(QString, name);
    QFETCH(QString, value);
    const QByteArray sql = "SHOW " + name.toUtf8();
    QCOMPARE(queryValue(m_pg->connectionString(), sql.constData()), value);
}

void TestLocalServer::socketFolderIsPrivate()
{
    const QString socketDir = m_pg->server().socketDir();
    QCOMPARE(modeOf(socketDir), 0700);
    QVERIFY(QFileInfo::exists(
        QStringLiteral("%1/.s.PGSQL.%2").arg(socketDir).arg(m_pg->server().port())));
}

void TestLocalServer::statusReportsRunning()
{
    const LocalServerStatus s = LocalServer(m_pg->serverDir()).status();
    QVERIFY2(s.running, qPrintable(s.problem));
    QVERIFY(s.initialized);
    QVERIFY(s.pid > 0);
    QCOMPARE(s.port, m_pg->server().port());
    QCOMPARE(s.socketDir, m_pg->server().socketDir());
    QCOMPARE(s.dataDir, m_pg->serverDir() + QStringLiteral("/data"));
    QCOMPARE(s.connectionString, m_pg->connectionString());
    QVERIFY2(s.version.front().isDigit(), qPrintable(s.version));
    QVERIFY(QFileInfo(s.binDir + QStringLiteral("/initdb")).isExecutable());
}

void TestLocalServer::secondStartAdoptsRunningServer()
{
    const qint64 pid = m_pg->server().status().pid;
    LocalServer other(m_pg->serverDir());
    QCOMPARE(other.start(), QString());
    QVERIFY(other.wasAlreadyRunning());
    QCOMPARE(other.port(), m_pg->server().port());
    QCOMPARE(other.connectionString(), m_pg->connectionString());
    QCOMPARE(other.status().pid, pid);
}

void TestLocalServer::restartKeepsData()
{
    LocalServer &server = m_pg->server();
    QCOMPARE(queryValue(m_pg->connectionString(),
                        "CREATE TABLE kept (x int); INSERT INTO kept VALUES (42); SELECT 1"),
             QStringLiteral("1"));
    QCOMPARE(server.stop(), QString());
    const LocalServerStatus stopped = server.status();
    QVERIFY(!stopped.running);
    QCOMPARE(stopped.pid, 0);
    QVERIFY(stopped.initialized);
    QVERIFY(!QFileInfo::exists(server.dataDir() + QStringLiteral("/postmaster.pid")));
    QCOMPARE(server.stop(), QString()); // not running: still fine

    QCOMPARE(server.start(), QString());
    QVERIFY(!server.wasAlreadyRunning());
    QCOMPARE(queryValue(m_pg->connectionString(), "SELECT x FROM kept"), QStringLiteral("42"));
}

void TestLocalServer::missingProgramsGiveInstallHint()
{
    QTemporaryDir dir;
    LocalServer server(dir.path());
    server.setBinDir(QStringLiteral("/nonexistent/pgbin"));
    const QString error = server.start();
    QVERIFY2(error.contains(QStringLiteral("apt-get install postgresql")), qPrintable(error));
    QVERIFY2(error.contains(QStringLiteral("/nonexistent/pgbin")), qPrintable(error));
    QVERIFY(!QFileInfo::exists(server.dataDir()));
    QVERIFY(!server.status().running);
}

static QString defaultFolderWith(const QString &xdgDataHome)
{
    const QByteArray saved = qgetenv("XDG_DATA_HOME");
    qputenv("XDG_DATA_HOME", QFile::encodeName(xdgDataHome));
    const QString folder = LocalServer::defaultServerDir();
    if (saved.isNull())
        qunsetenv("XDG_DATA_HOME");
    else
        qputenv("XDG_DATA_HOME", saved);
    return folder;
}

void TestLocalServer::defaultFolderHonoursXdgDataHome()
{
    QTemporaryDir dir; // mode 0700
    if (geteuid() == 0) {
        // The server user cannot enter a folder private to root: the system folder instead.
        QCOMPARE(defaultFolderWith(dir.path()), QStringLiteral("/var/lib/spillway/server"));
        QFile::setPermissions(dir.path(), QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner |
                                              QFile::ExeOther);
    }
    QCOMPARE(defaultFolderWith(dir.path()), dir.path() + QStringLiteral("/spillway/server"));
}

// As root (the common first run: a clone under /root), a --server-dir the 'postgres' user cannot
// reach is refused before anything is created, naming the closed folder and a folder that works.
void TestLocalServer::rootRefusesFolderServerUserCannotEnter()
{
    if (geteuid() != 0)
        QSKIP("only root hands the server folder to the 'postgres' user");
    QTemporaryDir closed; // mode 0700, like /root
    QVERIFY(closed.isValid());
    const QString folder = closed.filePath(QStringLiteral("clone/spillway-demo/server"));
    LocalServer server(folder);
    const QString error = server.start();
    QVERIFY2(error.contains(QStringLiteral("may not enter '%1'").arg(closed.path())),
             qPrintable(error));
    QVERIFY2(error.contains(QStringLiteral("/var/lib/spillway/server")), qPrintable(error));
    QVERIFY(!QFileInfo::exists(closed.filePath(QStringLiteral("clone"))));
}

void TestLocalServer::connectionStringQuotesValues()
{
    QCOMPARE(LocalServer::connectionString(QStringLiteral("/tmp/a b"), 5433, QStringLiteral("db"),
                                           QStringLiteral("it's")),
             QStringLiteral("host='/tmp/a b' port=5433 dbname=db user='it\\'s'"));
}

void TestLocalServer::longFolderUsesShortSocketFolder()
{
    QTemporaryDir dir;
    QFile::setPermissions(dir.path(), QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner |
                                          QFile::ExeGroup | QFile::ExeOther);
    LocalServer server(dir.filePath(QString(90, u'x')));
    QCOMPARE(server.start(), QString());
    const QString socketDir = server.socketDir();
    QVERIFY2(!socketDir.startsWith(server.serverDir()), qPrintable(socketDir));
    QCOMPARE(modeOf(socketDir), 0700);
    QCOMPARE(queryValue(server.connectionString(), "SELECT 1"), QStringLiteral("1"));
    QCOMPARE(server.stop(), QString());
    QVERIFY(!QFileInfo::exists(socketDir)); // the temporary socket folder goes with the server
}

void TestLocalServer::cliStartStatusStop()
{
    QTemporaryDir dir;
    const QString folder = dir.path();
    const QStringList start = {QStringLiteral("server"), QStringLiteral("start"),
                               QStringLiteral("--server-dir"), folder, QStringLiteral("--json")};
    // Two processes starting the same fresh folder at once: one initializes, one adopts.
    QProcess first, second;
    first.start(QStringLiteral(SPILLWAY_CLI), start);
    second.start(QStringLiteral(SPILLWAY_CLI), start);
    QVERIFY(first.waitForFinished(120000) && second.waitForFinished(120000));
    QCOMPARE(first.exitCode(), 0);
    QCOMPARE(second.exitCode(), 0);
    const QJsonObject a = QJsonDocument::fromJson(first.readAllStandardOutput()).object();
    const QJsonObject b = QJsonDocument::fromJson(second.readAllStandardOutput()).object();
    QVERIFY(a.value(QLatin1String("running")).toBool() &&
            b.value(QLatin1String("running")).toBool());
    QVERIFY(a.value(QLatin1String("alreadyRunning")).toBool() !=
            b.value(QLatin1String("alreadyRunning")).toBool());

    const CliResult again = runCli(start.mid(0, 4)); // text output, already running
    QCOMPARE(again.exitCode, 0);
    QVERIFY2(again.outText().contains(QStringLiteral("already running")),
             qPrintable(again.outText()));
    QVERIFY2(again.outText().contains(QStringLiteral("psql \"host=")), qPrintable(again.outText()));

    const QStringList status = {QStringLiteral("server"), QStringLiteral("status"),
                                QStringLiteral("--server-dir"), folder};
    CliResult s = runCli(status + QStringList{QStringLiteral("--json")});
    QCOMPARE(s.exitCode, 0);
    const QJsonObject state = QJsonDocument::fromJson(s.out).object();
    QVERIFY(state.value(QLatin1String("running")).toBool());
    QCOMPARE(queryValue(state.value(QLatin1String("connectionString")).toString(), "SELECT 1"),
             QStringLiteral("1"));

    const CliResult stop = runCli(
        {QStringLiteral("server"), QStringLiteral("stop"), QStringLiteral("--server-dir"), folder});
    QCOMPARE(stop.exitCode, 0);
    s = runCli(status);
    QCOMPARE(s.exitCode, 1); // not running
    QVERIFY2(s.outText().startsWith(QStringLiteral("not running")), qPrintable(s.outText()));
}

void TestLocalServer::cliRejectsUnknownAction()
{
    const CliResult r = runCli({QStringLiteral("server"), QStringLiteral("restart")});
    QCOMPARE(r.exitCode, 2);
    QVERIFY(r.err.contains(QStringLiteral("unknown action")));
}

QTEST_GUILESS_MAIN(TestLocalServer)
#include "test_localserver.moc"
