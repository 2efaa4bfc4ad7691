#pragma once

// A saved PostgreSQL target, following libpq's conventions: a connection string or
// postgresql:// URI, a service name (pg_service.conf / PGSERVICEFILE), or fields where an empty
// field is left out so that libpq takes it from PGHOST, PGPORT, PGDATABASE, PGUSER, PGSSLMODE,
// PGSERVICE's service or its own default. Deliberately without a password: libpq reads .pgpass
// and PGPASSWORD, askPassword makes the run panel ask for one (echo off) before each session,
// and keyring keeps it in the system keyring (PasswordKeyring), never in these settings.

#include <QByteArray>
#include <QCoreApplication>
#include <QJsonObject>
#include <QList>
#include <QString>

namespace spillway {

struct ConnectionProfile
{
    Q_DECLARE_TR_FUNCTIONS(ConnectionProfile)

public:
    enum class Kind { Fields, ConnInfo, Service };

    QString name;
    Kind kind = Kind::Fields;
    // Kind::Fields; empty (port 0): not written, libpq decides.
    QString host;
    int port = 0;
    QString database;
    QString user;
    QString sslmode;
    // Kind::ConnInfo: a keyword/value string or URI, never with a password.
    QString connInfo;
    // Kind::Service: a [section] of pg_service.conf.
    QString service;
    bool askPassword = false;
    bool keyring = false; // the password is kept in the system keyring under keyringKey()

    // libpq connection string without any password.
    QString conninfo() const;
    // What stops this profile from being used (a password in the string, a syntax error, no
    // service name); empty when fine.
    QString problem() const;
    // The keyring entry of this profile's password.
    QString keyringKey() const;

    QJsonObject toJson() const;
    // Reads both this format and the older one (host, port, database, user, sslmode always set).
    static ConnectionProfile fromJson(const QJsonObject &object);
    static QString kindName(Kind kind);

    // A list as a compact JSON array (what Settings::connectionProfiles stores), and back;
    // bytes that are not a JSON array give an empty list.
    static QByteArray listToJson(const QList<ConnectionProfile> &profiles);
    static QList<ConnectionProfile> listFromJson(const QByteArray &json);
};

} // namespace spillway
