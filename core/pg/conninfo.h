#pragma once

// Connection strings. A connection is a libpq connection string or URI; PG* environment
// variables, service files and .pgpass apply as in psql. Anything Spillway shows or writes
// goes through masked(), so a password never reaches a file, a log or the screen. The GUI
// reads what libpq would use (defaults()) and what it used (probe()) from here, so that only
// core/pg includes libpq.

#include <QMap>
#include <QString>
#include <QStringList>

namespace spillway {

// What libpq uses for a keyword that a connection string leaves out (PQconndefaults()).
struct ConnDefault
{
    QString value;    // in effect: the service named by PGSERVICE, the variable or libpq's default
    QString envVar;   // the variable libpq reads for it (PGHOST, PGPORT...), may be empty
    QString envValue; // that variable's value; empty when unset
    QString compiled; // libpq's built-in default, may be empty
};

// Where the password of a connection came from, as far as libpq can tell.
enum class PasswordOrigin {
    None,             // the server asked for none (trust, peer, certificate)
    ConnectionString, // given with the connection string (the caller knows from where)
    Environment,      // PGPASSWORD
    PasswordFile,     // .pgpass or the passfile keyword
};

// What libpq resolved for a connection attempt (PQconninfo() of the connection), without the
// password.
struct ResolvedConnection
{
    QString error; // empty when connected; else libpq's message and what to check
    QString host;  // the host name, address or Unix socket folder actually used
    bool unixSocket = false;
    QString port;
    QString database;
    QString user;
    QString sslmode;
    bool sslInUse = false;
    QString service;       // service=... in effect, if any
    QString serverVersion; // server_version as the server reports it
    QString passwordFile;  // the passfile libpq consults
    PasswordOrigin passwordOrigin = PasswordOrigin::None;
    bool needsPassword = false;     // failed because the server wants a password libpq did not have
    QMap<QString, QString> options; // every non-empty PQconninfo() option except passwords
};

class ConnInfo
{
public:
    // The connection string with any password replaced by "****"; parse errors are returned
    // as the string itself with an explanation removed of secrets.
    static QString masked(const QString &conninfo);
    // Checks the syntax with libpq; empty when fine, else what is wrong and what to do.
    static QString check(const QString &conninfo);
    // Adds keyword=value (quoted) to a keyword/value connection string or URI.
    static QString withOption(const QString &conninfo, const QString &key, const QString &value);
    // keyword=value, the value quoted only when libpq needs it (empty, spaces, quotes).
    static QString keywordValue(const QString &key, const QString &value);

    // The options a connection string or URI sets explicitly (PQconninfoParse()), keyword to
    // value; empty and *error set when it does not parse.
    static QMap<QString, QString> options(const QString &conninfo, QString *error = nullptr);
    // Whether the string carries a password (password= or postgresql://user:secret@...).
    static bool hasPassword(const QString &conninfo);
    // The same options as a keyword/value string without password and sslpassword; empty when
    // the password cannot be told apart from the other values.
    static QString withoutPassword(const QString &conninfo);
    // The [names] of the service files libpq reads: PGSERVICEFILE (else ~/.pg_service.conf)
    // and pg_service.conf in PGSYSCONFDIR (else Debian's /etc/postgresql-common); sorted.
    static QStringList serviceNames();
    // What libpq uses for each keyword that is left out, read now (environment, PGSERVICE).
    static QMap<QString, ConnDefault> defaults();

    // Connects once with libpq (blocking: call it off the GUI thread) and reports what libpq
    // resolved; connect_timeout defaults to 10 seconds unless the string sets one.
    static ResolvedConnection probe(const QString &conninfo);
};

} // namespace spillway
