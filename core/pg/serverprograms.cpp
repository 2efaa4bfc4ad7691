#include "pg/serverprograms.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <grp.h>
#include <pwd.h>
#include <sys/stat.h>
#include <unistd.h>

namespace spillway::serverprograms {

namespace {

const char *const kServerPrograms[] = {"initdb", "pg_ctl", "postgres"};

// getpwnam_r/getpwuid_r into a buffer that lives as long as the entry is used.
struct PasswdEntry
{
    passwd entry{};
    passwd *found = nullptr;
    std::vector<char> buffer = std::vector<char>(16384);
};

void fillGroups(Account &account)
{
    const QByteArray name = account.name.toLocal8Bit();
    int count = 64;
    account.groups.resize(size_t(count));
    if (getgrouplist(name.constData(), account.gid, account.groups.data(), &count) < 0) {
        account.groups.resize(size_t(count));
        getgrouplist(name.constData(), account.gid, account.groups.data(), &count);
    }
    account.groups.resize(size_t(std::max(count, 0)));
}

QString currentAccount(Account &account, const QString &requested)
{
    PasswdEntry pw;
    getpwuid_r(geteuid(), &pw.entry, pw.buffer.data(), pw.buffer.size(), &pw.found);
    account.name =
        pw.found ? QString::fromLocal8Bit(pw.found->pw_name) : QString::number(geteuid());
    account.uid = geteuid();
    account.gid = getegid();
    account.switchUser = false;
    if (!requested.isEmpty() && requested != account.name)
        return QStringLiteral("SPILLWAY_SERVER_USER=%1 only applies when Spillway runs as root; "
                              "the local PostgreSQL server runs as you (%2). Unset it.")
            .arg(requested, account.name);
    return {};
}

} // namespace

QString resolveAccount(Account &account)
{
    const QString requested = qEnvironmentVariable("SPILLWAY_SERVER_USER");
    if (geteuid() != 0)
        return currentAccount(account, requested);
    account.name = requested.isEmpty() ? QStringLiteral("postgres") : requested;
    PasswdEntry pw;
    getpwnam_r(account.name.toLocal8Bit().constData(), &pw.entry, pw.buffer.data(),
               pw.buffer.size(), &pw.found);
    if (!pw.found)
        return QStringLiteral(
                   "Spillway runs as root, and PostgreSQL refuses to: the local server runs as "
                   "the system user '%1', which does not exist. Install PostgreSQL ('apt-get "
                   "install postgresql' creates the user 'postgres'), create the user "
                   "('useradd --system postgres'), or name another one with "
                   "SPILLWAY_SERVER_USER.")
            .arg(account.name);
    if (pw.found->pw_uid == 0)
        return QStringLiteral("The local server would run as '%1', which is root too; "
                              "PostgreSQL refuses to run as root. Set SPILLWAY_SERVER_USER to an "
                              "unprivileged user.")
            .arg(account.name);
    account.uid = pw.found->pw_uid;
    account.gid = pw.found->pw_gid;
    account.switchUser = true;
    fillGroups(account);
    return {};
}

static QProcessEnvironment childEnvironment(const Account &account)
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    const QStringList keys = env.keys();
    for (const QString &key : keys)
        if (key.startsWith(QLatin1String("PG")))
            env.remove(key);
    if (account.switchUser) {
        env.insert(QStringLiteral("USER"), account.name);
        env.insert(QStringLiteral("LOGNAME"), account.name);
        env.remove(QStringLiteral("HOME")); // root's home is not the server user's
    }
    return env;
}

ToolResult run(const Account &account, const QString &program, const QStringList &arguments,
               const QString &workingDir, int timeoutSeconds)
{
    QProcess process;
    process.setProgram(program);
    process.setArguments(arguments);
    process.setWorkingDirectory(workingDir);
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.setProcessEnvironment(childEnvironment(account));
    if (account.switchUser) {
        // Runs in the child between fork and exec: async-signal-safe calls only.
        const uid_t uid = account.uid;
        const gid_t gid = account.gid;
        const std::vector<gid_t> groups = account.groups;
        process.setChildProcessModifier([uid, gid, groups]() {
            if (setgroups(groups.size(), groups.data()) != 0 || setgid(gid) != 0 ||
                setuid(uid) != 0) {
                static const char message[] = "spillway: cannot switch to the server user\n";
                [[maybe_unused]] const auto written = ::write(2, message, sizeof message - 1);
                ::_exit(126);
            }
        });
    }
    ToolResult result;
    process.start();
    if (!process.waitForStarted(30000)) {
        result.failure = process.errorString();
        return result;
    }
    if (!process.waitForFinished(timeoutSeconds * 1000)) {
        process.kill();
        process.waitForFinished(5000);
        result.failure = QStringLiteral("timed out after %1 s").arg(timeoutSeconds);
    }
    result.output = QString::fromLocal8Bit(process.readAll()).trimmed();
    if (!result.failure.isEmpty())
        return result;
    if (process.exitStatus() != QProcess::NormalExit) {
        result.failure = QStringLiteral("crashed");
        return result;
    }
    result.exitCode = process.exitCode();
    result.ok = result.exitCode == 0;
    if (!result.ok)
        result.failure = QStringLiteral("exit code %1").arg(result.exitCode);
    return result;
}

bool hasServerPrograms(const QString &dir)
{
    if (dir.isEmpty())
        return false;
    for (const char *name : kServerPrograms) {
        const QFileInfo info(QDir(dir).filePath(QString::fromLatin1(name)));
        if (!info.isFile() || !info.isExecutable())
            return false;
    }
    return true;
}

static QString pgConfigOutput(const QString &option)
{
    const QString pgConfig = QStandardPaths::findExecutable(QStringLiteral("pg_config"));
    if (pgConfig.isEmpty())
        return {};
    Account self;
    currentAccount(self, QString());
    const ToolResult result = run(self, pgConfig, {option}, QDir::rootPath(), 10);
    return result.ok ? result.output : QString();
}

// /usr/lib/postgresql/<major>/bin, highest version first (Debian's layout).
static QStringList debianBinDirs(int preferredMajor)
{
    const QDir root(QStringLiteral("/usr/lib/postgresql"));
    QStringList versions = root.entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    std::sort(versions.begin(), versions.end(), [](const QString &a, const QString &b) {
        return majorVersion(a) != majorVersion(b) ? majorVersion(a) > majorVersion(b) : a > b;
    });
    QStringList dirs;
    for (const QString &version : versions) {
        const QString dir = root.filePath(version + QStringLiteral("/bin"));
        if (majorVersion(version) == preferredMajor)
            dirs.prepend(dir);
        else
            dirs.append(dir);
    }
    return dirs;
}

QString findBinDir(const QString &overrideDir, int preferredMajor, QString &binDir)
{
    if (!overrideDir.isEmpty()) {
        if (hasServerPrograms(overrideDir)) {
            binDir = QFileInfo(overrideDir).absoluteFilePath();
            return {};
        }
        return QStringLiteral("The PostgreSQL server programs (initdb, pg_ctl, postgres) are not "
                              "in '%1', the folder given for them. %2, or give the folder that "
                              "holds them.")
            .arg(overrideDir, installHint(preferredMajor));
    }
    QStringList candidates;
    // pg_config describes the installation libpq came from; on Debian that is /usr/bin, which
    // holds no initdb, so the versioned folders follow.
    const QString pgConfigBin = pgConfigOutput(QStringLiteral("--bindir"));
    if (!pgConfigBin.isEmpty())
        candidates.append(pgConfigBin);
    candidates += debianBinDirs(preferredMajor);
    const QString initdb = QStandardPaths::findExecutable(QStringLiteral("initdb"));
    if (!initdb.isEmpty())
        candidates.append(QFileInfo(QFileInfo(initdb).canonicalFilePath()).absolutePath());
    for (const QString &dir : std::as_const(candidates)) {
        if (hasServerPrograms(dir)) {
            binDir = dir;
            return {};
        }
    }
    return QStringLiteral("The PostgreSQL server programs (initdb, pg_ctl, postgres) were not "
                          "found (looked in pg_config --bindir, /usr/lib/postgresql/*/bin and "
                          "PATH). %1, or give their folder with --bin-dir.")
        .arg(installHint(preferredMajor));
}

QString programsVersion(const QString &binDir)
{
    Account self;
    currentAccount(self, QString());
    const ToolResult result = run(self, QDir(binDir).filePath(QStringLiteral("pg_ctl")),
                                  {QStringLiteral("--version")}, QDir::rootPath(), 10);
    static const QRegularExpression re(QStringLiteral("\\(PostgreSQL\\)\\s+(\\S+)"));
    const QRegularExpressionMatch match = re.match(result.output);
    return result.ok && match.hasMatch() ? match.captured(1) : QString();
}

int majorVersion(const QString &version)
{
    static const QRegularExpression re(QStringLiteral("^(\\d+)"));
    const QRegularExpressionMatch match = re.match(version);
    if (!match.hasMatch())
        return 0;
    return match.captured(1).toInt();
}

QString installHint(int major)
{
    if (major <= 0) {
        // The version libpq-dev belongs to is the one the packages of this system pair with.
        major = majorVersion(
            pgConfigOutput(QStringLiteral("--version")).section(QLatin1Char(' '), 1, 1));
    }
    const QString debian =
        major >= 10 ? QStringLiteral("postgresql-%1").arg(major) : QStringLiteral("postgresql");
    return QStringLiteral("Install them: 'apt-get install %1' (Debian, Ubuntu), 'dnf install "
                          "postgresql-server' (Fedora) or 'brew install postgresql' (macOS)")
        .arg(debian);
}

QString handOver(const QString &path, const Account &account)
{
    if (!account.switchUser)
        return {};
    if (::chown(QFile::encodeName(path).constData(), account.uid, account.gid) != 0)
        return QStringLiteral("Cannot hand '%1' to the server user '%2': %3.")
            .arg(path, account.name, QString::fromLocal8Bit(std::strerror(errno)));
    return {};
}

static bool mayEnter(const QString &dir, const Account &account)
{
    struct stat st
    {
    };
    if (::stat(QFile::encodeName(dir).constData(), &st) != 0 || account.uid == 0)
        return true;
    if (st.st_uid == account.uid)
        return st.st_mode & S_IXUSR;
    const bool inGroup =
        st.st_gid == account.gid ||
        std::find(account.groups.begin(), account.groups.end(), st.st_gid) != account.groups.end();
    return st.st_mode & (inGroup ? S_IXGRP : S_IXOTH);
}

QString unenterableFolder(const QString &path, const Account &account)
{
    const QString absolute = QDir::cleanPath(QFileInfo(path).absoluteFilePath());
    const QStringList parts = absolute.split(QLatin1Char('/'), Qt::SkipEmptyParts);
    QString folder = QStringLiteral("/");
    if (!mayEnter(folder, account))
        return folder;
    for (const QString &part : parts) {
        folder = QDir(folder).filePath(part);
        if (!mayEnter(folder, account))
            return folder;
    }
    return {};
}

QString tailOfFile(const QString &path, int lines)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return QStringLiteral("(cannot read %1: %2)").arg(path, file.errorString());
    const qint64 keep = 8192;
    if (file.size() > keep)
        file.seek(file.size() - keep);
    QStringList all = QString::fromLocal8Bit(file.readAll()).trimmed().split(QLatin1Char('\n'));
    if (all.size() > lines)
        all = all.mid(all.size() - lines);
    return all.join(QLatin1Char('\n'));
}

} // namespace spillway::serverprograms
