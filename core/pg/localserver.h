#pragma once

// LocalServer: the private PostgreSQL server Spillway starts itself when the user gives no
// connection. It lives in one folder (the "server folder"):
//
//   <server dir>/data/          the database cluster (initdb on first start)
//   <server dir>/socket/        Unix socket directory, mode 0700 (a /tmp/spillway-XXXXXX folder
//                               instead when that path is too long for a socket)
//   <server dir>/server.log     the server's log (pg_ctl -l)
//   <server dir>/server.json    state read by other processes: port, socket dir, binaries
//   <server dir>.lock           QLockFile held while starting or stopping (in the parent)
//
// The server listens on a Unix socket only (listen_addresses = ''), on a port number that is
// free, trusts local connections, and runs with settings tuned for bulk loading at the cost of
// crash safety (see bulkLoadSettings()): it is a throwaway server for generated data.
//
// When Spillway runs as root, the server programs run as the system user "postgres" (or the
// one named by SPILLWAY_SERVER_USER), since initdb and postgres refuse to run as root; the
// server folder is then owned by that user, who must be able to reach it. The database
// superuser is always "postgres" (initdb -U postgres), whoever runs Spillway; the database to
// use is "spillway", created on first start.
//
// Every method returns errors as values: an empty QString means success, otherwise the message
// says what failed, where, and what to do. Nothing throws. A LocalServer object is cheap and
// holds no process: start() leaves the server running after the object is gone, and any
// process can status() or stop() it through the same folder. One object is not meant to be
// used from several threads at once; separate objects (and processes) on one folder are fine.
// start() and stop() block (initdb and pg_ctl run synchronously): call them off the GUI thread.
//
//   LocalServer server;                       // default folder
//   if (QString error = server.start(); !error.isEmpty()) ...
//   pqxx::connection c(server.connectionString().toStdString());
//   ...
//   if (!server.wasAlreadyRunning()) server.stop(); // leave a server others use alone

#include <QList>
#include <QString>

namespace spillway {

namespace serverprograms {
struct Account;
}

// A server setting chosen for bulk loading, with why (for --help and the README).
struct ServerSetting
{
    QString name;
    QString value; // as SHOW prints it
    QString reason;
};

// What status() found. Fields other than serverDir/dataDir/logFile are empty or zero when
// unknown (never started, or state unreadable: see problem).
struct LocalServerStatus
{
    bool initialized = false; // the data folder holds a database cluster
    bool running = false;     // the server accepts connections
    qint64 pid = 0;           // postmaster process id, when running
    int port = 0;
    QString serverDir;
    QString dataDir;
    QString socketDir;
    QString logFile;
    QString binDir;           // folder of initdb/pg_ctl/postgres used last
    QString version;          // PostgreSQL version of those programs, e.g. "15.20"
    QString user;             // database user to connect as
    QString database;         // database created for Spillway
    QString connectionString; // libpq keyword/value string, when running
    QString problem;          // why the state could not be read fully, else empty
};

class LocalServer
{
public:
    // An empty serverDir means defaultServerDir(). Nothing is touched until start().
    explicit LocalServer(const QString &serverDir = QString());

    // $XDG_DATA_HOME/spillway/server (~/.local/share/spillway/server). As root, when the server
    // user cannot enter that folder (root's home is usually mode 0700): /var/lib/spillway/server.
    static QString defaultServerDir();
    // The database Spillway creates on first start and connects to by default: "spillway".
    static QString databaseName();
    // The settings written into the cluster on every start, with the reason for each.
    static QList<ServerSetting> bulkLoadSettings();
    // libpq keyword/value string, values quoted where needed.
    static QString connectionString(const QString &host, int port, const QString &database,
                                    const QString &user);

    // Use the server programs in this folder instead of searching (pg_config --bindir, the
    // highest /usr/lib/postgresql/*/bin, PATH). For unusual installs and tests.
    void setBinDir(const QString &dir) { m_binDirOverride = dir; }
    // How long start() waits for the server (and stop() for it to shut down). Default 60 s.
    void setTimeout(int seconds) { m_timeoutSeconds = seconds; }

    QString serverDir() const { return m_serverDir; }
    QString dataDir() const;
    QString logFile() const;

    // Initializes the cluster on first use, starts the server and creates the database. When the
    // server already runs (started by this or another process), adopts it: that is no error.
    // Safe to call from several processes at once on the same folder.
    QString start();
    // Fast shutdown (pg_ctl -m fast): open sessions are cut. Not running is no error.
    QString stop();
    // Reads the folder, the server's pid file and pings the server. Never modifies anything.
    LocalServerStatus status() const;

    // After a successful start(): whether the server was running already (then stop it only if
    // you own it), and how to reach it.
    bool wasAlreadyRunning() const { return m_wasAlreadyRunning; }
    int port() const { return m_port; }
    QString socketDir() const { return m_socketDir; }
    QString user() const;
    // For `database` (default databaseName()); empty before a successful start().
    QString connectionString(const QString &database = QString()) const;

private:
    QString statePath() const;
    QString lockPath() const;
    QString resolveBinDir(QString &binDir, QString &version) const;
    QString startLocked();
    QString stopLocked();
    QString launch(const serverprograms::Account &account, const QString &binDir);
    QString writeState(const QString &binDir, const QString &version) const;

    QString m_serverDir;
    QString m_binDirOverride;
    int m_timeoutSeconds = 60;
    bool m_wasAlreadyRunning = false;
    int m_port = 0;
    QString m_socketDir;
};

} // namespace spillway
