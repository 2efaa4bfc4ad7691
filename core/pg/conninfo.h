#pragma once

// Connection strings. A connection is a libpq connection string or URI; PG* environment
// variables, service files and .pgpass apply as in psql. Anything Spillway shows or writes
// goes through masked(), so a password never reaches a file, a log or the screen.

#include <QString>

namespace spillway {

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
};

} // namespace spillway
