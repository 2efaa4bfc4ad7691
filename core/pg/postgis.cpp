#include "pg/postgis.h"

#include "base/geometry.h"
#include "pg/database.h"
#include "schema/compiledschema.h"
#include "schema/ddl.h"

namespace spillway {

namespace {

// What the server says about itself, for the "where" of a message.
struct ServerFacts
{
    QString description; // "the PostgreSQL 15.5 server on /var/run/postgresql port 5432"
    QString database;
    QString user;
    QString extensionDir; // empty when the user may not read pg_config
    int major = 0;
};

// The Unix socket folder the server listens on (as postgresql.conf has it, perhaps quoted), or
// empty: reading the setting needs pg_read_all_settings.
QString socketFolder(Database &db)
{
    QString dirs;
    if (!db.queryValue(QStringLiteral("SELECT current_setting('unix_socket_directories')"), &dirs)
             .isEmpty())
        return {};
    QString dir = dirs.section(QLatin1Char(','), 0, 0).trimmed();
    if (dir.size() >= 2 && dir.startsWith(QLatin1Char('"')) && dir.endsWith(QLatin1Char('"')))
        dir = dir.mid(1, dir.size() - 2);
    return dir;
}

ServerFacts serverFacts(Database &db)
{
    ServerFacts facts;
    QList<QStringList> rows;
    db.query(QStringLiteral("SELECT current_setting('server_version'), "
                            "current_setting('server_version_num'), "
                            "coalesce(host(inet_server_addr()), ''), current_setting('port'), "
                            "current_database(), current_user"),
             &rows);
    if (rows.isEmpty() || rows.front().size() < 6) {
        facts.description = QStringLiteral("the server");
        return facts;
    }
    const QStringList &r = rows.front();
    facts.major = r[1].toInt() / 10000;
    QString host = r[2];
    if (host.isEmpty()) // a Unix socket
        host = socketFolder(db);
    facts.description = QStringLiteral("the PostgreSQL %1 server on %2 port %3")
                            .arg(r[0].section(QLatin1Char(' '), 0, 0),
                                 host.isEmpty() ? QStringLiteral("a Unix socket") : host, r[3]);
    facts.database = r[4];
    facts.user = r[5];
    QString share; // pg_config is for superusers only: without it the message says less
    if (db.queryValue(QStringLiteral("SELECT setting FROM pg_config WHERE name = 'SHAREDIR'"),
                      &share)
            .isEmpty() &&
        !share.isEmpty())
        facts.extensionDir = share + QStringLiteral("/extension");
    return facts;
}

bool extensionExists(Database &db, QString *error)
{
    QString value;
    *error = db.queryValue(QStringLiteral("SELECT count(*) FROM pg_extension WHERE extname = %1")
                               .arg(Ddl::quoteLiteral(Postgis::extensionName())),
                           &value);
    return error->isEmpty() && value.toInt() > 0;
}

QString columnList(const QStringList &columns)
{
    constexpr int kShown = 8;
    if (columns.size() <= kShown)
        return columns.join(QStringLiteral(", "));
    return QStringLiteral("%1 and %2 more")
        .arg(columns.mid(0, kShown).join(QStringLiteral(", ")))
        .arg(columns.size() - kShown);
}

} // namespace

bool Postgis::needsPostgis(const QString &sqlType)
{
    return isGeometryTypeName(sqlType);
}

QStringList Postgis::columns(const CompiledSchema &schema, const QStringList &tables)
{
    QStringList found;
    for (const auto &table : schema.tables()) {
        if (!tables.isEmpty() && !tables.contains(table->name))
            continue;
        for (const int c : table->outputColumns) {
            const ColumnRuntime &column = table->columns[size_t(c)];
            if (needsPostgis(column.sqlType))
                found.append(table->name + QLatin1Char('.') + column.name);
        }
    }
    return found;
}

QString Postgis::package(int serverMajor)
{
    return QStringLiteral("postgresql-%1-postgis-3").arg(serverMajor > 0 ? serverMajor : 15);
}

QString Postgis::notInstalledMessage(const QStringList &columns, const QString &server,
                                     const QString &extensionDir, int serverMajor)
{
    const QString where =
        extensionDir.isEmpty()
            ? server
            : QStringLiteral("%1 (no %2.control in %3)").arg(server, extensionName(), extensionDir);
    return QStringLiteral("PostGIS is not installed on %1, and the geometry/geography columns %2 "
                          "need it: install it on the server's machine (Debian: apt-get install "
                          "%3) or ask the server's administrator to, then run again")
        .arg(where, columnList(columns), package(serverMajor));
}

QString Postgis::cannotCreateMessage(const QStringList &columns, const QString &server,
                                     const QString &database, const QString &user,
                                     const QString &error)
{
    return QStringLiteral("the geometry/geography columns %1 need the extension %2 in database "
                          "\"%3\" on %4, and user \"%5\" cannot create it (%6): ask a superuser to "
                          "run CREATE EXTENSION %2; in \"%3\", or connect as one, then run again")
        .arg(columnList(columns), extensionName(), database, server, user, error);
}

QString Postgis::ensure(Database &db, const QStringList &columns)
{
    if (columns.isEmpty())
        return {};
    QString error;
    if (extensionExists(db, &error))
        return {};
    if (!error.isEmpty())
        return QStringLiteral("cannot tell whether PostGIS is installed: %1").arg(error);
    QString available;
    if (QString e = db.queryValue(QStringLiteral("SELECT count(*) FROM pg_available_extensions "
                                                 "WHERE name = %1")
                                      .arg(Ddl::quoteLiteral(extensionName())),
                                  &available);
        !e.isEmpty())
        return QStringLiteral("cannot tell whether PostGIS is installed: %1").arg(e);
    if (available.toInt() == 0) {
        const ServerFacts facts = serverFacts(db);
        return notInstalledMessage(columns, facts.description, facts.extensionDir, facts.major);
    }
    const QString created =
        db.execute(QStringLiteral("CREATE EXTENSION IF NOT EXISTS %1").arg(extensionName()));
    // Two runs may create it at once: the loser's error is no error when the extension is there.
    if (created.isEmpty() || extensionExists(db, &error))
        return {};
    const ServerFacts facts = serverFacts(db);
    // "ERROR:  permission denied ...\nHINT:  Must be superuser ..." as one line.
    QString answer = created.section(QStringLiteral(" (while running:"), 0, 0);
    answer.remove(QStringLiteral("ERROR:  "));
    answer = answer.simplified().replace(QStringLiteral(" HINT: "), QStringLiteral("; "));
    return cannotCreateMessage(columns, facts.description, facts.database, facts.user, answer);
}

} // namespace spillway
