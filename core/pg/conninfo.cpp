#include "pg/conninfo.h"

#include <QDir>
#include <QFile>
#include <QStringList>
#include <QUrl>

#include <algorithm>
#include <memory>

#include <libpq-fe.h>

namespace spillway {

static QString quoteValue(const QString &value)
{
    QString v = value;
    v.replace(QLatin1Char('\\'), QStringLiteral("\\\\"))
        .replace(QLatin1Char('\''), QStringLiteral("\\'"));
    return QLatin1Char('\'') + v + QLatin1Char('\'');
}

static bool uriHasUserPassword(const QString &s);

QString ConnInfo::masked(const QString &conninfo)
{
    const QString trimmed = conninfo.trimmed();
    if (uriHasUserPassword(trimmed) && !options(trimmed).contains(QStringLiteral("password")))
        return QStringLiteral("(a URI with a password that libpq reads as other values)");
    char *error = nullptr;
    PQconninfoOption *options = PQconninfoParse(conninfo.toUtf8().constData(), &error);
    if (!options) {
        if (error)
            PQfreemem(error);
        return QStringLiteral("(unparseable connection string)");
    }
    QStringList parts;
    for (PQconninfoOption *o = options; o->keyword; ++o) {
        if (!o->val || !*o->val)
            continue;
        const QString key = QString::fromUtf8(o->keyword);
        const bool secret = key == QLatin1String("password") || key == QLatin1String("sslpassword");
        parts.append(key + QLatin1Char('=') +
                     (secret ? QStringLiteral("****") : quoteValue(QString::fromUtf8(o->val))));
    }
    PQconninfoFree(options);
    return parts.join(QLatin1Char(' '));
}

QString ConnInfo::check(const QString &conninfo)
{
    char *error = nullptr;
    PQconninfoOption *options = PQconninfoParse(conninfo.toUtf8().constData(), &error);
    if (options) {
        PQconninfoFree(options);
        return {};
    }
    QString message = error ? QString::fromUtf8(error).trimmed() : QStringLiteral("out of memory");
    if (error)
        PQfreemem(error);
    return QStringLiteral("invalid connection string: %1; use key=value pairs such as "
                          "\"host=localhost dbname=test\" or a URI such as "
                          "postgresql://user@host/db")
        .arg(message);
}

QString ConnInfo::withOption(const QString &conninfo, const QString &key, const QString &value)
{
    if (conninfo.startsWith(QLatin1String("postgres://")) ||
        conninfo.startsWith(QLatin1String("postgresql://"))) {
        const QChar sep = conninfo.contains(QLatin1Char('?')) ? QLatin1Char('&') : QLatin1Char('?');
        return conninfo + sep + key + QLatin1Char('=') +
               QString::fromUtf8(QUrl::toPercentEncoding(value));
    }
    return conninfo + QLatin1Char(' ') + key + QLatin1Char('=') + quoteValue(value);
}

QString ConnInfo::keywordValue(const QString &key, const QString &value)
{
    const bool plain = !value.isEmpty() && std::none_of(value.begin(), value.end(), [](QChar c) {
        return c.isSpace() || c == QLatin1Char('\'') || c == QLatin1Char('\\');
    });
    return key + QLatin1Char('=') + (plain ? value : quoteValue(value));
}

static bool isSecret(const char *keyword)
{
    return qstrcmp(keyword, "password") == 0 || qstrcmp(keyword, "sslpassword") == 0;
}

QMap<QString, QString> ConnInfo::options(const QString &conninfo, QString *error)
{
    QMap<QString, QString> out;
    char *message = nullptr;
    PQconninfoOption *parsed = PQconninfoParse(conninfo.toUtf8().constData(), &message);
    if (!parsed) {
        if (error)
            *error =
                message ? QString::fromUtf8(message).trimmed() : QStringLiteral("out of memory");
        if (message)
            PQfreemem(message);
        return out;
    }
    for (PQconninfoOption *o = parsed; o->keyword; ++o) {
        if (o->val && *o->val)
            out.insert(QString::fromUtf8(o->keyword), QString::fromUtf8(o->val));
    }
    PQconninfoFree(parsed);
    return out;
}

// user:secret@ in a URI's authority, read as text: libpq cuts the authority at the first '/',
// so a password holding one (or a URI pasted twice) would otherwise pass as host and port.
static bool uriHasUserPassword(const QString &s)
{
    if (!s.startsWith(QLatin1String("postgres://")) &&
        !s.startsWith(QLatin1String("postgresql://")))
        return false;
    const int start = int(s.indexOf(QLatin1String("://"))) + 3;
    const int query = int(s.indexOf(QLatin1Char('?'), start));
    const int at = int(s.lastIndexOf(QLatin1Char('@'), query < 0 ? -1 : query - 1));
    return at > start && s.mid(start, at - start).contains(QLatin1Char(':'));
}

bool ConnInfo::hasPassword(const QString &conninfo)
{
    const QMap<QString, QString> o = options(conninfo);
    return o.contains(QStringLiteral("password")) || o.contains(QStringLiteral("sslpassword")) ||
           uriHasUserPassword(conninfo.trimmed());
}

QString ConnInfo::withoutPassword(const QString &conninfo)
{
    QStringList parts;
    const QMap<QString, QString> o = options(conninfo);
    if (uriHasUserPassword(conninfo.trimmed()) && !o.contains(QStringLiteral("password")))
        return {}; // libpq misread it: the password is inside other values
    for (auto it = o.begin(); it != o.end(); ++it) {
        if (!isSecret(it.key().toUtf8().constData()))
            parts << keywordValue(it.key(), it.value());
    }
    return parts.join(QLatin1Char(' '));
}

QStringList ConnInfo::serviceNames()
{
    QString user = qEnvironmentVariable("PGSERVICEFILE");
    if (user.isEmpty())
        user = QDir::homePath() + QStringLiteral("/.pg_service.conf");
    QString sysconf = qEnvironmentVariable("PGSYSCONFDIR");
    if (sysconf.isEmpty())
        sysconf = QStringLiteral("/etc/postgresql-common"); // libpq's SYSCONFDIR on Debian
    QStringList names;
    for (const QString &path : {user, sysconf + QStringLiteral("/pg_service.conf")}) {
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly | QIODevice::Text))
            continue;
        while (!file.atEnd()) {
            const QString line = QString::fromUtf8(file.readLine()).trimmed();
            if (line.startsWith(QLatin1Char('[')) && line.endsWith(QLatin1Char(']')))
                names << line.mid(1, line.size() - 2).trimmed();
        }
    }
    names.sort();
    names.removeDuplicates();
    return names;
}

QMap<QString, ConnDefault> ConnInfo::defaults()
{
    QMap<QString, ConnDefault> out;
    PQconninfoOption *all = PQconndefaults();
    if (!all)
        return out;
    for (PQconninfoOption *o = all; o->keyword; ++o) {
        if (isSecret(o->keyword))
            continue;
        ConnDefault d;
        d.value = QString::fromUtf8(o->val ? o->val : "");
        d.envVar = QString::fromUtf8(o->envvar ? o->envvar : "");
        if (!d.envVar.isEmpty())
            d.envValue = qEnvironmentVariable(o->envvar);
        d.compiled = QString::fromUtf8(o->compiled ? o->compiled : "");
        out.insert(QString::fromUtf8(o->keyword), d);
    }
    PQconninfoFree(all);
    return out;
}

namespace {

struct ConnDeleter
{
    void operator()(PGconn *c) const { PQfinish(c); }
};

QString text(const char *s)
{
    return s ? QString::fromUtf8(s) : QString();
}

void readOptions(PGconn *conn, ResolvedConnection *r)
{
    PQconninfoOption *info = PQconninfo(conn);
    for (PQconninfoOption *o = info; o && o->keyword; ++o) {
        if (o->val && *o->val && !isSecret(o->keyword))
            r->options.insert(QString::fromUtf8(o->keyword), QString::fromUtf8(o->val));
    }
    if (info)
        PQconninfoFree(info);
    r->host = text(PQhost(conn));
    r->unixSocket = r->host.startsWith(QLatin1Char('/')) || r->host.startsWith(QLatin1Char('@'));
    r->port = text(PQport(conn));
    r->database = text(PQdb(conn));
    r->user = text(PQuser(conn));
    r->sslmode = r->options.value(QStringLiteral("sslmode"));
    r->passwordFile = r->options.value(QStringLiteral("passfile"));
}

} // namespace

ResolvedConnection ConnInfo::probe(const QString &conninfo)
{
    ResolvedConnection r;
    if (const QString e = check(conninfo); !e.isEmpty()) {
        r.error = e;
        return r;
    }
    // Keywords before the expanded dbname are overridden by the string: a connect_timeout
    // there wins over this one.
    const QByteArray expanded = conninfo.toUtf8();
    const char *keys[] = {"connect_timeout", "dbname", nullptr};
    const char *values[] = {"10", expanded.constData(), nullptr};
    std::unique_ptr<PGconn, ConnDeleter> conn(PQconnectdbParams(keys, values, 1));
    if (!conn) {
        r.error = QStringLiteral("out of memory");
        return r;
    }
    readOptions(conn.get(), &r);
    // libpq keeps no copy of the service keyword for PQconninfo(): the string's or PGSERVICE.
    r.service =
        options(conninfo).value(QStringLiteral("service"), qEnvironmentVariable("PGSERVICE"));
    const bool given = hasPassword(conninfo);
    if (PQstatus(conn.get()) != CONNECTION_OK) {
        r.needsPassword = PQconnectionNeedsPassword(conn.get());
        r.error = text(PQerrorMessage(conn.get())).trimmed();
        return r;
    }
    r.sslInUse = PQsslInUse(conn.get());
    r.serverVersion = text(PQparameterStatus(conn.get(), "server_version"));
    if (PQconnectionUsedPassword(conn.get())) {
        r.passwordOrigin = given ? PasswordOrigin::ConnectionString
                           : qEnvironmentVariableIsSet("PGPASSWORD") ? PasswordOrigin::Environment
                                                                     : PasswordOrigin::PasswordFile;
    }
    return r;
}

} // namespace spillway
