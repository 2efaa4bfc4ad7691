#include "pg/localserver.h"

#include "base/shellquote.h"
#include "pg/serverprograms.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLockFile>
#include <QSaveFile>
#include <QStandardPaths>
#include <QThread>

#include <pqxx/pqxx>

#include <libpq-fe.h>

#include <arpa/inet.h>
#include <cerrno>
#include <csignal>
#include <cstdlib>
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>

namespace spillway {

using serverprograms::Account;

namespace {

const auto kSuperuser = QStringLiteral("postgres");
const auto kSettingsFile = QStringLiteral("spillway.conf");
const auto kIncludeLine = QStringLiteral("include_if_exists = 'spillway.conf'");

// What start() remembers for other processes (status, stop) in server.json.
struct State
{
    int port = 0;
    QString socketDir;
    QString binDir;
    QString version;
};

State readState(const QString &path, QString &problem)
{
    State state;
    QFile file(path);
    if (!file.exists())
        return state;
    if (!file.open(QIODevice::ReadOnly)) {
        problem = QStringLiteral("cannot read %1: %2").arg(path, file.errorString());
        return state;
    }
    const QJsonObject o = QJsonDocument::fromJson(file.readAll()).object();
    state.port = o.value(QLatin1String("port")).toInt();
    state.socketDir = o.value(QLatin1String("socketDir")).toString();
    state.binDir = o.value(QLatin1String("binDir")).toString();
    state.version = o.value(QLatin1String("version")).toString();
    return state;
}

// The first lines of postmaster.pid, which the server keeps while it runs.
struct PidFile
{
    qint64 pid = 0;
    int port = 0;
    QString socketDir;
    QString state; // "starting", "ready", "stopping" (absent early in startup)
};

std::optional<PidFile> readPidFile(const QString &dataDir)
{
    QFile file(QDir(dataDir).filePath(QStringLiteral("postmaster.pid")));
    if (!file.open(QIODevice::ReadOnly))
        return std::nullopt;
    const QStringList lines = QString::fromLocal8Bit(file.readAll()).split(QLatin1Char('\n'));
    PidFile pid;
    pid.pid = lines.value(0).trimmed().toLongLong();
    pid.port = lines.value(3).trimmed().toInt();
    pid.socketDir = lines.value(4).trimmed();
    pid.state = lines.value(7).trimmed();
    if (pid.pid <= 0)
        return std::nullopt;
    return pid;
}

enum class Process { Gone, Zombie, Running };

// Whether a postgres process of that id runs. A pid file left by a crash may name a pid another
// program got since; a postmaster killed a moment ago lingers as a zombie until reaped, and a new
// one refuses to start while it does.
Process processState(qint64 pid)
{
    if (pid <= 0 || (::kill(pid_t(pid), 0) != 0 && errno != EPERM))
        return Process::Gone;
    QFile stat(QStringLiteral("/proc/%1/stat").arg(pid));
    if (!stat.open(QIODevice::ReadOnly))
        return Process::Running;            // no /proc: trust kill()
    const QByteArray line = stat.readAll(); // "pid (comm) state ..."
    const qsizetype close = line.lastIndexOf(')');
    if (!line.mid(line.indexOf('(') + 1).startsWith("postgres"))
        return Process::Gone;
    return close > 0 && line.mid(close + 2, 1) == "Z" ? Process::Zombie : Process::Running;
}

bool processAlive(qint64 pid)
{
    return processState(pid) == Process::Running;
}

bool acceptsConnections(const QString &socketDir, int port)
{
    if (socketDir.isEmpty() || port <= 0)
        return false;
    const QString conninfo =
        LocalServer::connectionString(socketDir, port, kSuperuser, kSuperuser) +
        QStringLiteral(" connect_timeout=5");
    return PQping(conninfo.toUtf8().constData()) == PQPING_OK;
}

// pg_ctl puts paths in double quotes for /bin/sh; these characters would break out of them.
QString checkPathCharacters(const QString &serverDir)
{
    // libpq splits host=... at commas.
    for (const QChar c : {QLatin1Char('"'), QLatin1Char('$'), QLatin1Char('`'), QLatin1Char('\\'),
                          QLatin1Char('\n'), QLatin1Char(',')}) {
        if (serverDir.contains(c))
            return QStringLiteral("The server folder '%1' contains '%2', which pg_ctl or libpq "
                                  "cannot handle. Choose another --server-dir.")
                .arg(serverDir, c);
    }
    return {};
}

bool isEmptyOrOurs(const QString &serverDir)
{
    const QDir dir(serverDir);
    return dir.isEmpty(QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot) ||
           dir.exists(QStringLiteral("server.json")) ||
           dir.exists(QStringLiteral("data/PG_VERSION"));
}

// As root, the server user must be able to reach the server folder (root's home is usually
// closed to it). Checked before anything is created.
QString checkReachable(const QString &serverDir)
{
    if (geteuid() != 0)
        return {};
    Account account;
    if (QString error = serverprograms::resolveAccount(account); !error.isEmpty())
        return error;
    const QString blocked = serverprograms::unenterableFolder(serverDir, account);
    if (blocked.isEmpty() || blocked == serverDir) // the folder itself is handed over
        return {};
    return QStringLiteral("The local server runs as '%1' (PostgreSQL refuses to run as root), and "
                          "'%1' may not enter '%2'. Choose a --server-dir it can reach, e.g. "
                          "/var/lib/spillway/server.")
        .arg(account.name, blocked);
}

// Creates the server folder; as root, hands it to the server user.
QString prepareServerDir(const QString &serverDir, const Account &account)
{
    const bool existed = QFileInfo::exists(serverDir);
    if (!existed && !QDir().mkpath(serverDir))
        return QStringLiteral("Cannot create the server folder '%1'. Check the permissions of "
                              "its parent or choose another --server-dir.")
            .arg(serverDir);
    const QByteArray path = QFile::encodeName(serverDir);
    if (!account.switchUser) {
        if (!existed)
            ::chmod(path.constData(), 0700);
        return {};
    }
    struct stat st
    {
    };
    if (::stat(path.constData(), &st) == 0 && st.st_uid == account.uid)
        return {};
    if (existed && !isEmptyOrOurs(serverDir))
        return QStringLiteral("The server folder '%1' is neither empty nor a Spillway server "
                              "folder, so it is not handed to the server user '%2'. Choose a new "
                              "or empty --server-dir.")
            .arg(serverDir, account.name);
    ::chmod(path.constData(), 0700);
    return serverprograms::handOver(serverDir, account);
}

QString initCluster(const Account &account, const QString &binDir, const QString &dataDir,
                    int timeoutSeconds)
{
    const QDir data(dataDir);
    if (data.exists() && !data.isEmpty(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot))
        return QStringLiteral("The folder '%1' is not empty but holds no PostgreSQL cluster (no "
                              "PG_VERSION). Remove it, or choose another --server-dir.")
            .arg(dataDir);
    // Trust on the private socket only; TCP is off anyway, and would be rejected. --no-sync:
    // the cluster is a throwaway, like the fsync = off it runs with.
    const QStringList arguments = {QStringLiteral("-D"),
                                   dataDir,
                                   QStringLiteral("-U"),
                                   kSuperuser,
                                   QStringLiteral("-E"),
                                   QStringLiteral("UTF8"),
                                   QStringLiteral("--locale=C"),
                                   QStringLiteral("--auth-local=trust"),
                                   QStringLiteral("--auth-host=reject"),
                                   QStringLiteral("--no-sync")};
    const auto result =
        serverprograms::run(account, QDir(binDir).filePath(QStringLiteral("initdb")), arguments,
                            QFileInfo(dataDir).absolutePath(), timeoutSeconds);
    if (!result.ok)
        return QStringLiteral("initdb failed for '%1' (%2):\n%3")
            .arg(dataDir, result.failure, result.output);
    QFile conf(data.filePath(QStringLiteral("postgresql.conf")));
    if (!conf.open(QIODevice::Append | QIODevice::Text) ||
        conf.write("\n# Spillway's bulk-loading settings, rewritten on every start.\n"
                   "# ALTER SYSTEM (postgresql.auto.conf) still overrides them.\n" +
                   kIncludeLine.toUtf8() + '\n') < 0)
        return QStringLiteral("Cannot add Spillway's settings to '%1': %2.")
            .arg(conf.fileName(), conf.errorString());
    return {};
}

QString writeSettings(const Account &account, const QString &dataDir)
{
    QString text = QStringLiteral("# Written by Spillway on every start of its local server; "
                                  "see LocalServer::bulkLoadSettings().\n");
    const QList<ServerSetting> settings = LocalServer::bulkLoadSettings();
    for (const ServerSetting &s : settings)
        text += QStringLiteral("\n# %1\n%2 = '%3'\n").arg(s.reason, s.name, s.value);
    QSaveFile file(QDir(dataDir).filePath(kSettingsFile));
    if (!file.open(QIODevice::WriteOnly) || file.write(text.toUtf8()) < 0 || !file.commit())
        return QStringLiteral("Cannot write the server settings '%1': %2.")
            .arg(file.fileName(), file.errorString());
    return serverprograms::handOver(file.fileName(), account);
}

// postgres refuses socket paths longer than sun_path allows (107 bytes).
bool socketPathFits(const QString &socketDir)
{
    return QFile::encodeName(socketDir + QStringLiteral("/.s.PGSQL.65535.lock")).size() <= 107;
}

bool isTemporarySocketDir(const QString &socketDir, const QString &serverDir)
{
    return !socketDir.isEmpty() &&
           QFileInfo(socketDir).fileName().startsWith(QLatin1String("spillway-")) &&
           !socketDir.startsWith(serverDir);
}

// <server dir>/socket, or a fresh folder in /tmp when that path is too long for a socket.
QString prepareSocketDir(const QString &serverDir, const State &previous, const Account &account,
                         QString &socketDir)
{
    socketDir = QDir(serverDir).filePath(QStringLiteral("socket"));
    if (!socketPathFits(socketDir)) {
        socketDir = previous.socketDir;
        if (!isTemporarySocketDir(socketDir, serverDir) || !QFileInfo(socketDir).isDir()) {
            QString base = QDir::tempPath();
            if (!socketPathFits(base + QStringLiteral("/spillway-XXXXXX")))
                base = QStringLiteral("/tmp");
            QByteArray pattern = QFile::encodeName(base + QStringLiteral("/spillway-XXXXXX"));
            if (!::mkdtemp(pattern.data()))
                return QStringLiteral("Cannot create a socket folder in '%1': %2.")
                    .arg(base, QString::fromLocal8Bit(std::strerror(errno)));
            socketDir = QFile::decodeName(pattern);
        }
    } else if (!QDir().mkpath(socketDir)) {
        return QStringLiteral("Cannot create the socket folder '%1'.").arg(socketDir);
    }
    // Only the server's user may enter: the socket trusts whoever reaches it.
    if (::chmod(QFile::encodeName(socketDir).constData(), 0700) != 0)
        return QStringLiteral("Cannot make the socket folder '%1' private: %2.")
            .arg(socketDir, QString::fromLocal8Bit(std::strerror(errno)));
    return serverprograms::handOver(socketDir, account);
}

bool tcpPortFree(int port)
{
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    if (fd < 0)
        return true;
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = htons(uint16_t(port));
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    const bool free = ::bind(fd, reinterpret_cast<sockaddr *>(&address), sizeof address) == 0;
    ::close(fd);
    return free;
}

// A port the kernel considers free on localhost right now (its ephemeral range).
int kernelPickedPort()
{
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    if (fd < 0)
        return 0;
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t length = sizeof address;
    int port = 0;
    if (::bind(fd, reinterpret_cast<sockaddr *>(&address), sizeof address) == 0 &&
        ::getsockname(fd, reinterpret_cast<sockaddr *>(&address), &length) == 0)
        port = ntohs(address.sin_port);
    ::close(fd);
    return port;
}

// Free: no socket of that number in our folder nor in the usual PostgreSQL socket folders, and
// no TCP listener on localhost (so `psql -p PORT` can never reach another server by mistake).
bool portFree(const QString &socketDir, int port)
{
    const QString name = QStringLiteral(".s.PGSQL.%1").arg(port);
    for (const QString &dir : {socketDir, QStringLiteral("/tmp"), QStringLiteral("/run/postgresql"),
                               QStringLiteral("/var/run/postgresql")}) {
        if (QFileInfo::exists(QDir(dir).filePath(name)) ||
            QFileInfo::exists(QDir(dir).filePath(name + QStringLiteral(".lock"))))
            return false;
    }
    return tcpPortFree(port);
}

int choosePort(const QString &socketDir, int previous)
{
    if (previous > 0 && portFree(socketDir, previous))
        return previous;
    for (int attempt = 0; attempt < 100; ++attempt) {
        const int port = kernelPickedPort();
        if (port > 0 && portFree(socketDir, port))
            return port;
    }
    for (int port = 54321; port < 65535; ++port)
        if (portFree(socketDir, port))
            return port;
    return 0;
}

QString ensureDatabase(const QString &adminConninfo, const QString &database)
{
    try {
        pqxx::connection connection(adminConninfo.toStdString());
        pqxx::nontransaction tx(connection);
        const std::string name = database.toStdString();
        const pqxx::result found =
            tx.exec("SELECT 1 FROM pg_database WHERE datname = " + tx.quote(name));
        if (found.empty())
            tx.exec("CREATE DATABASE " + tx.quote_name(name));
        return {};
    } catch (const std::exception &e) {
        return QStringLiteral("Cannot create the database '%1' on the local server (%2): %3")
            .arg(database, adminConninfo, QString::fromUtf8(e.what()).trimmed());
    }
}

QString lockError(const QLockFile &lock, const QString &path, const QString &serverDir)
{
    if (lock.error() == QLockFile::LockFailedError) {
        qint64 pid = 0;
        QString host, application;
        lock.getLockInfo(&pid, &host, &application);
        return QStringLiteral("Another process (pid %1) is starting or stopping the local server "
                              "in '%2'. Wait for it; if no such process runs, remove '%3'.")
            .arg(pid)
            .arg(serverDir, path);
    }
    return QStringLiteral("Cannot create the lock file '%1'. Check that its folder is writable, "
                          "or choose another --server-dir.")
        .arg(path);
}

} // namespace

LocalServer::LocalServer(const QString &serverDir)
    : m_serverDir(QDir::cleanPath(
          QFileInfo(serverDir.isEmpty() ? defaultServerDir() : serverDir).absoluteFilePath()))
{}

QString LocalServer::defaultServerDir()
{
    const QString home = QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation) +
                         QStringLiteral("/spillway/server");
    if (geteuid() != 0)
        return home;
    Account account;
    if (serverprograms::resolveAccount(account).isEmpty() &&
        !serverprograms::unenterableFolder(QFileInfo(home).absolutePath(), account).isEmpty())
        return QStringLiteral("/var/lib/spillway/server");
    return home;
}

QString LocalServer::databaseName()
{
    return QStringLiteral("spillway");
}

QList<ServerSetting> LocalServer::bulkLoadSettings()
{
    auto s = [](const char *name, const char *value, const char *reason) {
        return ServerSetting{QString::fromLatin1(name), QString::fromLatin1(value),
                             QString::fromLatin1(reason)};
    };
    return {
        s("max_connections", "100", "one connection per ingest worker, plus psql and verify"),
        s("shared_buffers", "256MB",
          "room for COPY ring buffers and index builds, small enough for a laptop"),
        s("maintenance_work_mem", "512MB",
          "faster CREATE INDEX and foreign key checks after a load, as PostgreSQL advises"),
        s("wal_level", "minimal", "no replication or archiving: the least WAL to write"),
        s("max_wal_senders", "0", "required by wal_level = minimal"),
        s("max_wal_size", "8GB", "checkpoints are not forced by WAL volume during a load"),
        s("checkpoint_timeout", "30min", "few checkpoints, so pages are written once"),
        s("synchronous_commit", "off", "a chunk's commit does not wait for its WAL flush"),
        s("fsync", "off",
          "private throwaway server: a machine crash may corrupt it; regenerate the data"),
        s("full_page_writes", "off", "same trade as fsync = off: no torn-page protection"),
        s("autovacuum", "off",
          "no vacuum or analyze competes with COPY on freshly loaded tables; wraparound "
          "protection still runs; run ANALYZE after a load"),
        s("TimeZone", "UTC", "timestamptz values print the same on every machine"),
    };
}

QString LocalServer::connectionString(const QString &host, int port, const QString &database,
                                      const QString &user)
{
    auto value = [](QString v) {
        if (!v.isEmpty() && !v.contains(QLatin1Char(' ')) && !v.contains(QLatin1Char('\'')) &&
            !v.contains(QLatin1Char('\\')))
            return v;
        v.replace(QLatin1Char('\\'), QStringLiteral("\\\\"));
        v.replace(QLatin1Char('\''), QStringLiteral("\\'"));
        return QLatin1Char('\'') + v + QLatin1Char('\'');
    };
    return QStringLiteral("host=%1 port=%2 dbname=%3 user=%4")
        .arg(value(host))
        .arg(port)
        .arg(value(database), value(user));
}

QString LocalServer::dataDir() const
{
    return QDir(m_serverDir).filePath(QStringLiteral("data"));
}

QString LocalServer::logFile() const
{
    return QDir(m_serverDir).filePath(QStringLiteral("server.log"));
}

QString LocalServer::statePath() const
{
    return QDir(m_serverDir).filePath(QStringLiteral("server.json"));
}

QString LocalServer::lockPath() const
{
    return m_serverDir + QStringLiteral(".lock");
}

QString LocalServer::user() const
{
    return kSuperuser;
}

QString LocalServer::connectionString(const QString &database) const
{
    if (m_port <= 0)
        return {};
    return connectionString(m_socketDir, m_port, database.isEmpty() ? databaseName() : database,
                            kSuperuser);
}

LocalServerStatus LocalServer::status() const
{
    LocalServerStatus s;
    s.serverDir = m_serverDir;
    s.dataDir = dataDir();
    s.logFile = logFile();
    s.user = kSuperuser;
    s.database = databaseName();
    s.initialized = QFileInfo::exists(QDir(s.dataDir).filePath(QStringLiteral("PG_VERSION")));
    const State state = readState(statePath(), s.problem);
    s.port = state.port;
    s.socketDir = state.socketDir;
    s.binDir = state.binDir;
    s.version = state.version;
    const std::optional<PidFile> pid = readPidFile(s.dataDir);
    if (!pid || !processAlive(pid->pid))
        return s;
    s.pid = pid->pid;
    s.port = pid->port;
    if (!pid->socketDir.isEmpty())
        s.socketDir = pid->socketDir;
    s.running = acceptsConnections(s.socketDir, s.port);
    if (s.running)
        s.connectionString = connectionString(s.socketDir, s.port, s.database, s.user);
    return s;
}

QString LocalServer::start()
{
    m_wasAlreadyRunning = false;
    if (QString error = checkPathCharacters(m_serverDir); !error.isEmpty())
        return error;
    if (QString error = checkReachable(m_serverDir); !error.isEmpty())
        return error;
    const QString parent = QFileInfo(m_serverDir).absolutePath();
    if (!QDir().mkpath(parent))
        return QStringLiteral("Cannot create the folder '%1' for the local server. Check its "
                              "permissions or choose another --server-dir.")
            .arg(parent);
    QLockFile lock(lockPath());
    lock.setStaleLockTime(0); // stale only when its process is gone: initdb may take a while
    if (!lock.tryLock(m_timeoutSeconds * 1000))
        return lockError(lock, lockPath(), m_serverDir);
    return startLocked();
}

// Waits while a server is starting up or shutting down. True when it runs in the end.
static bool settle(const LocalServer &server, int timeoutSeconds)
{
    const QDeadlineTimer deadline(timeoutSeconds * 1000);
    for (;; QThread::msleep(100)) {
        const LocalServerStatus s = server.status();
        if (s.running || deadline.hasExpired())
            return s.running;
        const std::optional<PidFile> pid = readPidFile(s.dataDir);
        if (!pid)
            return false;
        const Process process = processState(pid->pid);
        if (process == Process::Zombie)
            continue;
        if (process == Process::Gone ||
            (pid->state != QLatin1String("starting") && pid->state != QLatin1String("stopping") &&
             !pid->state.isEmpty()))
            return false;
    }
}

QString LocalServer::startLocked()
{
    if (settle(*this, m_timeoutSeconds)) {
        const LocalServerStatus s = status();
        m_wasAlreadyRunning = true;
        m_port = s.port;
        m_socketDir = s.socketDir;
        return ensureDatabase(connectionString(kSuperuser), databaseName());
    }
    Account account;
    QString binDir, version;
    QString error = serverprograms::resolveAccount(account);
    if (error.isEmpty())
        error = resolveBinDir(binDir, version);
    if (error.isEmpty())
        error = prepareServerDir(m_serverDir, account);
    const bool initialized =
        QFileInfo::exists(QDir(dataDir()).filePath(QStringLiteral("PG_VERSION")));
    if (error.isEmpty() && !initialized)
        error = initCluster(account, binDir, dataDir(), m_timeoutSeconds);
    if (error.isEmpty())
        error = writeSettings(account, dataDir());
    if (error.isEmpty())
        error = launch(account, binDir);
    if (error.isEmpty())
        error = writeState(binDir, version);
    if (error.isEmpty())
        error = ensureDatabase(connectionString(kSuperuser), databaseName());
    return error;
}

// The programs matching the cluster's version (PG_VERSION), or the newest when there is none.
QString LocalServer::resolveBinDir(QString &binDir, QString &version) const
{
    QFile pgVersion(QDir(dataDir()).filePath(QStringLiteral("PG_VERSION")));
    const int clusterMajor = pgVersion.open(QIODevice::ReadOnly)
                                 ? QString::fromLatin1(pgVersion.readAll()).trimmed().toInt()
                                 : 0;
    if (QString error = serverprograms::findBinDir(m_binDirOverride, clusterMajor, binDir);
        !error.isEmpty())
        return error;
    version = serverprograms::programsVersion(binDir);
    const int major = serverprograms::majorVersion(version);
    if (clusterMajor > 0 && major != clusterMajor)
        return QStringLiteral("The cluster in '%1' was created by PostgreSQL %2, but the server "
                              "programs found (%3) are version %4. %5, or remove '%1' to start "
                              "afresh.")
            .arg(dataDir())
            .arg(clusterMajor)
            .arg(binDir, version.isEmpty() ? QStringLiteral("unknown") : version,
                 serverprograms::installHint(clusterMajor));
    return {};
}

// pg_ctl stop in `mode` ("fast", or "immediate" to clean up a start that went wrong).
static serverprograms::ToolResult pgCtlStop(const Account &account, const QString &binDir,
                                            const QString &dataDir, const QString &mode,
                                            int timeoutSeconds)
{
    const QStringList arguments = {QStringLiteral("stop"),
                                   QStringLiteral("-D"),
                                   dataDir,
                                   QStringLiteral("-m"),
                                   mode,
                                   QStringLiteral("-w"),
                                   QStringLiteral("-t"),
                                   QString::number(timeoutSeconds),
                                   QStringLiteral("-s")};
    return serverprograms::run(account, QDir(binDir).filePath(QStringLiteral("pg_ctl")), arguments,
                               QFileInfo(dataDir).absolutePath(), timeoutSeconds + 10);
}

QString LocalServer::launch(const Account &account, const QString &binDir)
{
    QString problem;
    const State previous = readState(statePath(), problem);
    if (QString error = prepareSocketDir(m_serverDir, previous, account, m_socketDir);
        !error.isEmpty())
        return error;
    m_port = choosePort(m_socketDir, previous.port);
    if (m_port <= 0)
        return QStringLiteral("No free port number for the local server's socket in '%1'.")
            .arg(m_socketDir);
    // On the command line rather than in a file: no TCP, whatever ALTER SYSTEM says. -k takes a
    // list: the double quotes keep commas and spaces in the path.
    const QString options = QStringLiteral("-p %1 -k %2 -c listen_addresses=''")
                                .arg(m_port)
                                .arg(shellQuote(QLatin1Char('"') + m_socketDir + QLatin1Char('"')));
    const QStringList arguments = {QStringLiteral("start"),
                                   QStringLiteral("-D"),
                                   dataDir(),
                                   QStringLiteral("-l"),
                                   logFile(),
                                   QStringLiteral("-w"),
                                   QStringLiteral("-t"),
                                   QString::number(m_timeoutSeconds),
                                   QStringLiteral("-s"),
                                   QStringLiteral("-o"),
                                   options};
    const auto result =
        serverprograms::run(account, QDir(binDir).filePath(QStringLiteral("pg_ctl")), arguments,
                            m_serverDir, m_timeoutSeconds + 10);
    const QDeadlineTimer deadline(10000);
    while (result.ok && !acceptsConnections(m_socketDir, m_port) && !deadline.hasExpired())
        QThread::msleep(100);
    if (result.ok && acceptsConnections(m_socketDir, m_port))
        return {};
    if (result.ok) // running but unreachable: do not leave it behind
        pgCtlStop(account, binDir, dataDir(), QStringLiteral("immediate"), m_timeoutSeconds);
    m_port = 0;
    return QStringLiteral("The local PostgreSQL server in '%1' did not start (%2%3). The end of "
                          "its log '%4':\n%5")
        .arg(dataDir(),
             result.ok ? QStringLiteral("it does not accept connections") : result.failure,
             result.output.isEmpty() ? QString() : QStringLiteral(": ") + result.output, logFile(),
             serverprograms::tailOfFile(logFile(), 15));
}

QString LocalServer::writeState(const QString &binDir, const QString &version) const
{
    const QJsonObject o{
        {QStringLiteral("port"), m_port},     {QStringLiteral("socketDir"), m_socketDir},
        {QStringLiteral("binDir"), binDir},   {QStringLiteral("version"), version},
        {QStringLiteral("user"), kSuperuser}, {QStringLiteral("database"), databaseName()}};
    QSaveFile file(statePath());
    if (!file.open(QIODevice::WriteOnly) ||
        file.write(QJsonDocument(o).toJson(QJsonDocument::Indented)) < 0 || !file.commit())
        return QStringLiteral("Cannot write '%1': %2.").arg(file.fileName(), file.errorString());
    return {};
}

QString LocalServer::stop()
{
    if (!QFileInfo(m_serverDir).isDir())
        return {};
    QLockFile lock(lockPath());
    lock.setStaleLockTime(0);
    if (!lock.tryLock(m_timeoutSeconds * 1000))
        return lockError(lock, lockPath(), m_serverDir);
    return stopLocked();
}

QString LocalServer::stopLocked()
{
    QString problem;
    const State state = readState(statePath(), problem);
    const std::optional<PidFile> pid = readPidFile(dataDir());
    if (pid && processAlive(pid->pid)) {
        Account account;
        QString error = serverprograms::resolveAccount(account);
        QString binDir = state.binDir, version;
        if (error.isEmpty() && !serverprograms::hasServerPrograms(binDir))
            error = resolveBinDir(binDir, version);
        if (!error.isEmpty())
            return error;
        const auto result =
            pgCtlStop(account, binDir, dataDir(), QStringLiteral("fast"), m_timeoutSeconds);
        if (!result.ok && processAlive(pid->pid))
            return QStringLiteral("Cannot stop the local server (pid %1) in '%2' (%3): %4\nSee "
                                  "its log '%5'.")
                .arg(pid->pid)
                .arg(dataDir(), result.failure, result.output, logFile());
    }
    if (isTemporarySocketDir(state.socketDir, m_serverDir))
        QDir().rmdir(state.socketDir); // only when empty: the server removed its socket
    m_port = 0;
    return {};
}

} // namespace spillway
