// spillway-cli server start|stop|status: the private local PostgreSQL server.

#include "clicommon.h"
#include "commands.h"
#include "pg/localserver.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace spillway::cli {

static QString serverUsage()
{
    QString text =
        QStringLiteral(
            "Starts, stops or shows Spillway's private local PostgreSQL server, used when no "
            "connection is given. It lives in one folder (default: %1), listens on a Unix socket "
            "in "
            "a folder only its user can enter, never on TCP, and trusts local connections. When "
            "run "
            "as root, the server runs as the system user 'postgres' (or SPILLWAY_SERVER_USER).\n\n"
            "  start    initialize on first use, start (already running is fine), create the "
            "database '%2', print how to connect\n"
            "  stop     fast shutdown (not running is fine)\n"
            "  status   show the state\n\n"
            "Exit status: start/stop 0 done, 1 failed; status 0 running, 1 not running (or "
            "unreadable); 2 usage error.\n\n"
            "Settings for bulk loading (a throwaway server: speed over crash safety):\n")
            .arg(LocalServer::defaultServerDir(), LocalServer::databaseName());
    const QList<ServerSetting> settings = LocalServer::bulkLoadSettings();
    for (const ServerSetting &s : settings)
        text += QStringLiteral("  %1 %2\n")
                    .arg((s.name + QStringLiteral(" = ") + s.value).leftJustified(30), s.reason);
    return text.trimmed();
}

static QJsonObject toJson(const LocalServerStatus &s)
{
    return QJsonObject{{QStringLiteral("running"), s.running},
                       {QStringLiteral("initialized"), s.initialized},
                       {QStringLiteral("pid"), s.pid},
                       {QStringLiteral("port"), s.port},
                       {QStringLiteral("serverDir"), s.serverDir},
                       {QStringLiteral("dataDir"), s.dataDir},
                       {QStringLiteral("socketDir"), s.socketDir},
                       {QStringLiteral("logFile"), s.logFile},
                       {QStringLiteral("binDir"), s.binDir},
                       {QStringLiteral("version"), s.version},
                       {QStringLiteral("user"), s.user},
                       {QStringLiteral("database"), s.database},
                       {QStringLiteral("connectionString"), s.connectionString}};
}

static void printJson(QJsonObject object)
{
    printOut(QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact)) +
             QLatin1Char('\n'));
}

static QString psqlCommand(const QString &connectionString)
{
    return QStringLiteral("psql \"%1\"").arg(connectionString);
}

// `running` replaces the first word when the server runs ("started", ...).
static QString describe(const LocalServerStatus &s, const QString &running = QString())
{
    QString text;
    if (s.running)
        text =
            QStringLiteral("%1 (pid %2)%3\n")
                .arg(running.isEmpty() ? QStringLiteral("running") : running)
                .arg(s.pid)
                .arg(s.version.isEmpty() ? QString() : QStringLiteral(", PostgreSQL ") + s.version);
    else
        text = s.initialized ? QStringLiteral("not running\n")
                             : QStringLiteral("not running (never started in this folder)\n");
    text += QStringLiteral("  server folder: %1\n  data:          %2\n  log:           %3\n")
                .arg(s.serverDir, s.dataDir, s.logFile);
    if (s.running) {
        text +=
            QStringLiteral("  socket:        %1 (port %2, no TCP)\n").arg(s.socketDir).arg(s.port);
        text += QStringLiteral("Connect with:\n  %1\n").arg(psqlCommand(s.connectionString));
    }
    if (!s.problem.isEmpty())
        text += QStringLiteral("  problem:       %1\n").arg(s.problem);
    return text;
}

static QString dirArgument(const LocalServer &server)
{
    return server.serverDir() == LocalServer::defaultServerDir()
               ? QString()
               : QStringLiteral(" --server-dir '%1'").arg(server.serverDir());
}

static int serverStart(LocalServer &server, bool json)
{
    if (const QString error = server.start(); !error.isEmpty()) {
        if (json)
            printJson({{QStringLiteral("error"), error}});
        printErr(QStringLiteral("spillway-cli server start: %1\n").arg(error));
        return ExitFailure;
    }
    const LocalServerStatus s = server.status();
    if (json) {
        QJsonObject o = toJson(s);
        o.insert(QStringLiteral("alreadyRunning"), server.wasAlreadyRunning());
        printJson(o);
        return ExitOk;
    }
    printOut(describe(s, server.wasAlreadyRunning()
                             ? QStringLiteral("Local PostgreSQL server already running")
                             : QStringLiteral("Local PostgreSQL server started")) +
             QStringLiteral("Stop with:\n  spillway-cli server stop%1\n").arg(dirArgument(server)));
    return ExitOk;
}

static int serverStop(LocalServer &server, bool json)
{
    const bool wasRunning = server.status().running;
    if (const QString error = server.stop(); !error.isEmpty()) {
        if (json)
            printJson({{QStringLiteral("error"), error}});
        printErr(QStringLiteral("spillway-cli server stop: %1\n").arg(error));
        return ExitFailure;
    }
    if (json) {
        QJsonObject o = toJson(server.status());
        o.insert(QStringLiteral("wasRunning"), wasRunning);
        printJson(o);
    } else {
        printOut(
            wasRunning
                ? QStringLiteral("Local PostgreSQL server in %1 stopped.\n").arg(server.serverDir())
                : QStringLiteral("Local PostgreSQL server in %1 was not running.\n")
                      .arg(server.serverDir()));
    }
    return ExitOk;
}

int runServer(const QStringList &arguments)
{
    QCommandLineParser p;
    p.addPositionalArgument(QStringLiteral("ACTION"), QStringLiteral("start, stop or status."));
    p.addOptions(
        {{QStringLiteral("server-dir"),
          QStringLiteral("The server's folder (default %1).").arg(LocalServer::defaultServerDir()),
          QStringLiteral("DIR")},
         {QStringLiteral("bin-dir"),
          QStringLiteral("Folder of initdb, pg_ctl and postgres (default: searched)."),
          QStringLiteral("DIR")},
         {QStringLiteral("json"), QStringLiteral("Print the state as one JSON object.")}});
    if (auto exit = parseCommandLine(p, arguments, QStringLiteral("server"), serverUsage(), 1, 1))
        return *exit;
    const QString action = p.positionalArguments().first();
    LocalServer server(p.value(QStringLiteral("server-dir")));
    server.setBinDir(p.value(QStringLiteral("bin-dir")));
    const bool json = p.isSet(QStringLiteral("json"));
    if (action == QLatin1String("start"))
        return serverStart(server, json);
    if (action == QLatin1String("stop"))
        return serverStop(server, json);
    if (action == QLatin1String("status")) {
        const LocalServerStatus s = server.status();
        if (json)
            printJson(toJson(s));
        else
            printOut(describe(s));
        return s.running ? ExitOk : ExitFailure;
    }
    printErr(QStringLiteral("spillway-cli server: unknown action '%1' (start, stop or status)\nTry "
                            "'spillway-cli server --help'.\n")
                 .arg(action));
    return ExitUsage;
}

} // namespace spillway::cli
