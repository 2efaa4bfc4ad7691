#include "run/connectionprofile.h"

#include "pg/conninfo.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QStringList>

namespace spillway {
QString ConnectionProfile::conninfo() const
{
    switch (kind) {
    case Kind::ConnInfo:
        return connInfo.trimmed();
    case Kind::Service:
        return ConnInfo::keywordValue(QStringLiteral("service"), service.trimmed());
    case Kind::Fields:
        break;
    }
    QStringList parts;
    const auto add = [&parts](const char *key, const QString &value) {
        if (!value.trimmed().isEmpty())
            parts << ConnInfo::keywordValue(QString::fromLatin1(key), value.trimmed());
    };
    add("host", host);
    if (port > 0)
        add("port", QString::number(port));
    add("dbname", database);
    add("user", user);
    add("sslmode", sslmode);
    return parts.join(QLatin1Char(' '));
}

QString ConnectionProfile::problem() const
{
    if (kind == Kind::Service && service.trimmed().isEmpty())
        return tr("Connection: name a service of pg_service.conf, or choose another kind of "
                  "connection.");
    if (kind == Kind::ConnInfo && ConnInfo::hasPassword(connInfo))
        return tr("Connection: the connection string contains a password. Remove it: Spillway "
                  "never saves passwords. Let the password be asked each time or remembered in the "
                  "system keyring below, or put it in ~/.pgpass.");
    if (kind == Kind::ConnInfo) {
        QString error;
        ConnInfo::options(connInfo, &error);
        if (!error.isEmpty())
            return tr("Connection: %1. Write key=value pairs such as \"host=db1 dbname=shop\" or a "
                      "URI such as postgresql://etl@db1/shop.")
                .arg(error);
    }
    return {};
}

QString ConnectionProfile::keyringKey() const
{
    return QStringLiteral("profile:") + name;
}

QString ConnectionProfile::kindName(Kind kind)
{
    switch (kind) {
    case Kind::ConnInfo:
        return QStringLiteral("conninfo");
    case Kind::Service:
        return QStringLiteral("service");
    case Kind::Fields:
        break;
    }
    return QStringLiteral("fields");
}

QJsonObject ConnectionProfile::toJson() const
{
    return {{QStringLiteral("name"), name},
            {QStringLiteral("kind"), kindName(kind)},
            {QStringLiteral("host"), host},
            {QStringLiteral("port"), port},
            {QStringLiteral("database"), database},
            {QStringLiteral("user"), user},
            {QStringLiteral("sslmode"), sslmode},
            // problem() refuses such a string; should one get here, it is saved without it.
            {QStringLiteral("conninfo"),
             ConnInfo::hasPassword(connInfo) ? ConnInfo::withoutPassword(connInfo) : connInfo},
            {QStringLiteral("service"), service},
            {QStringLiteral("askPassword"), askPassword},
            {QStringLiteral("keyring"), keyring}};
}

ConnectionProfile ConnectionProfile::fromJson(const QJsonObject &o)
{
    ConnectionProfile p;
    // Profiles saved before "kind" existed always held host, port and sslmode; their defaults
    // were localhost, 5432 and prefer.
    const bool old = !o.contains(QStringLiteral("kind"));
    const QString kind = o.value(QStringLiteral("kind")).toString();
    for (Kind k : {Kind::Fields, Kind::ConnInfo, Kind::Service}) {
        if (kind == kindName(k))
            p.kind = k;
    }
    p.name = o.value(QStringLiteral("name")).toString();
    p.host =
        o.value(QStringLiteral("host")).toString(old ? QStringLiteral("localhost") : QString());
    p.port = o.value(QStringLiteral("port")).toInt(old ? 5432 : 0);
    p.database = o.value(QStringLiteral("database")).toString();
    p.user = o.value(QStringLiteral("user")).toString();
    p.sslmode =
        o.value(QStringLiteral("sslmode")).toString(old ? QStringLiteral("prefer") : QString());
    p.connInfo = o.value(QStringLiteral("conninfo")).toString();
    p.service = o.value(QStringLiteral("service")).toString();
    p.askPassword = o.value(QStringLiteral("askPassword")).toBool();
    p.keyring = o.value(QStringLiteral("keyring")).toBool();
    return p;
}

QByteArray ConnectionProfile::listToJson(const QList<ConnectionProfile> &profiles)
{
    QJsonArray array;
    for (const ConnectionProfile &p : profiles)
        array.append(p.toJson());
    return QJsonDocument(array).toJson(QJsonDocument::Compact);
}

QList<ConnectionProfile> ConnectionProfile::listFromJson(const QByteArray &json)
{
    QList<ConnectionProfile> profiles;
    const QJsonDocument doc = QJsonDocument::fromJson(json);
    for (const QJsonValue &v : doc.array())
        if (v.isObject())
            profiles.append(fromJson(v.toObject()));
    return profiles;
}

} // namespace spillway
