#pragma once

// PostGIS on the target server: which columns of a schema need the extension (geometry and
// geography types), and making sure it exists in the database before tables with such columns
// are created. Ingest and pipeline runs call ensure() first; a server without PostGIS, or a
// user who may not create the extension, gets a message that names the columns, the server and
// what to do.

#include <QString>
#include <QStringList>

namespace spillway {

class CompiledSchema;
class Database;

class Postgis
{
public:
    // The extension's name in CREATE EXTENSION and pg_extension.
    static QString extensionName() { return QStringLiteral("postgis"); }
    // Whether a column of this SQL type needs PostGIS: geometry and geography, with or without
    // a type modifier ("geometry(Point,4326)") or array brackets (base/geometry's rule).
    static bool needsPostgis(const QString &sqlType);
    // "table.column" of every visible column that needs PostGIS, in the schema's table order,
    // among `tables` (empty: every table).
    static QStringList columns(const CompiledSchema &schema, const QStringList &tables = {});
    // The Debian package that installs PostGIS for a server of this major version.
    static QString package(int serverMajor);

    // When `columns` is not empty: nothing if the extension exists in the connected database,
    // otherwise CREATE EXTENSION IF NOT EXISTS postgis. Returns empty on success, else what is
    // missing, where (server, database, user) and what to do.
    static QString ensure(Database &db, const QStringList &columns);

    // The messages ensure() returns, for a server described as `server` (e.g. "the PostgreSQL
    // 15.5 server on /tmp/s port 5432"): PostGIS is not installed there; or the extension is
    // available but `user` may not create it in `database` (`error`: the server's answer).
    static QString notInstalledMessage(const QStringList &columns, const QString &server,
                                       const QString &extensionDir, int serverMajor);
    static QString cannotCreateMessage(const QStringList &columns, const QString &server,
                                       const QString &database, const QString &user,
                                       const QString &error);
};

} // namespace spillway
