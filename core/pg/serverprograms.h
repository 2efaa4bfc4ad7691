#pragma once

// Internals of LocalServer: which system account PostgreSQL's server programs (initdb, pg_ctl,
// postgres) run as, where those programs are, running them, and handing files to that account.
// Not part of spillway_pg's API: use LocalServer.

#include <QString>
#include <QStringList>

#include <sys/types.h>
#include <vector>

namespace spillway::serverprograms {

// The account the server programs run as: the current user, or, when Spillway runs as root
// (PostgreSQL refuses root), "postgres" or the user named by SPILLWAY_SERVER_USER.
struct Account
{
    QString name;
    uid_t uid = 0;
    gid_t gid = 0;
    std::vector<gid_t> groups;
    bool switchUser = false; // children drop from root to this account
};

// Fills `account`; returns an error (no such user, ...) or empty.
QString resolveAccount(Account &account);

struct ToolResult
{
    bool ok = false; // started, finished in time, exit code 0
    int exitCode = -1;
    QString output;  // stdout and stderr, merged
    QString failure; // when not ok: "exit code 1", "timed out after 60 s", ...
};

// Runs `program` as `account` in `workingDir`, without the caller's PG* environment variables
// (PGDATA, PGPORT, ... must not redirect the private server).
ToolResult run(const Account &account, const QString &program, const QStringList &arguments,
               const QString &workingDir, int timeoutSeconds);

// Whether `dir` holds initdb, pg_ctl and postgres.
bool hasServerPrograms(const QString &dir);
// Finds the folder of the server programs: `overrideDir` alone when given, else pg_config
// --bindir, /usr/lib/postgresql/<preferredMajor>/bin, the highest /usr/lib/postgresql/*/bin,
// and PATH. Returns an error naming the package to install, or empty.
QString findBinDir(const QString &overrideDir, int preferredMajor, QString &binDir);
// "15.20" from `pg_ctl --version`, or empty.
QString programsVersion(const QString &binDir);
// 15 for "15.20" or "15"; 0 when unknown.
int majorVersion(const QString &version);
// "Install them with 'apt-get install postgresql-15' ..." (major 0: the distribution's default).
QString installHint(int major);

// When the account is switched: makes it the owner of `path` (not recursive). Else nothing.
QString handOver(const QString &path, const Account &account);
// The first folder on the way to `path` (included) that `account` may not enter, or empty.
// Looks at mode bits only; folders that do not exist yet count as enterable.
QString unenterableFolder(const QString &path, const Account &account);

// The last `lines` lines of a text file (for error messages quoting a log).
QString tailOfFile(const QString &path, int lines);

} // namespace spillway::serverprograms
