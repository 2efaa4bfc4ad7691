#include "pg/conninfo.h"

#include <QStringList>
#include <QUrl>

#include <libpq-fe.h>

namespace spillway {

static QString quoteValue(const QString &value)
{
    QString v = value;
    v.replace(QLatin1Char('\\'), QStringLiteral("\\\\"))
        .replace(QLatin1Char('\''), QStringLiteral("\\'"));
    return QLatin1Char('\'') + v + QLatin1Char('\'');
}

QString ConnInfo::masked(const QString &conninfo)
{
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

} // namespace spillway
