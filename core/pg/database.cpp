#include "pg/database.h"

#include "pg/conninfo.h"
#include "schema/ddl.h"

#include <pqxx/pqxx>

namespace spillway {

struct Database::Connection : pqxx::connection
{
    using pqxx::connection::connection;
};

Database::Database() = default;
Database::~Database() = default;

static QString describe(const std::exception &e)
{
    QString text = QString::fromUtf8(e.what()).trimmed();
    if (const auto *sql = dynamic_cast<const pqxx::sql_error *>(&e)) {
        if (!sql->sqlstate().empty())
            text += QStringLiteral(" [SQLSTATE %1]").arg(QString::fromStdString(sql->sqlstate()));
    }
    return text;
}

QString Database::open(const QString &conninfo)
{
    m_conninfo = conninfo;
    if (const QString e = ConnInfo::check(conninfo); !e.isEmpty())
        return e;
    try {
        m_connection = std::make_unique<Connection>(conninfo.toStdString());
        pqxx::nontransaction tx(*m_connection);
        tx.exec("SET client_min_messages = warning");
        return {};
    } catch (const std::exception &e) {
        m_connection.reset();
        return QStringLiteral("cannot connect to PostgreSQL (%1): %2; check that the server is "
                              "running and the connection string, or leave out --db to use the "
                              "embedded local server")
            .arg(ConnInfo::masked(conninfo), describe(e));
    }
}

bool Database::isOpen() const
{
    return m_connection && m_connection->is_open();
}

void Database::close()
{
    m_connection.reset();
}

bool Database::reconnectIfBroken()
{
    // The server may have restarted during a long run: one fresh connection is worth a try.
    if (m_connection && m_connection->is_open())
        return true;
    return !m_conninfo.isEmpty() && open(m_conninfo).isEmpty();
}

QString Database::execute(const QStringList &statements)
{
    QString current;
    for (int attempt = 0; attempt < 2; ++attempt) {
        reconnectIfBroken();
        if (!m_connection)
            return QStringLiteral("not connected to PostgreSQL");
        try {
            pqxx::work tx(*m_connection);
            for (const QString &s : statements) {
                current = s;
                tx.exec(s.toStdString());
            }
            tx.commit();
            return {};
        } catch (const pqxx::broken_connection &e) {
            m_connection.reset(); // reconnect once, then report
            if (attempt == 1)
                return QStringLiteral("%1 (while running: %2)").arg(describe(e), current.left(300));
        } catch (const std::exception &e) {
            return QStringLiteral("%1 (while running: %2)").arg(describe(e), current.left(300));
        }
    }
    return {};
}

QString Database::executeEach(const QStringList &statements)
{
    for (const QString &s : statements) {
        if (const QString e = execute(s); !e.isEmpty())
            return e;
    }
    return {};
}

QString Database::query(const QString &sql, QList<QStringList> *rows)
{
    for (int attempt = 0; attempt < 2; ++attempt) {
        reconnectIfBroken();
        if (!m_connection)
            return QStringLiteral("not connected to PostgreSQL");
        try {
            pqxx::nontransaction tx(*m_connection);
            const pqxx::result r = tx.exec(sql.toStdString());
            for (const auto &row : r) {
                QStringList cells;
                for (const auto &field : row)
                    cells.append(field.is_null() ? QString() : QString::fromUtf8(field.c_str()));
                rows->append(cells);
            }
            return {};
        } catch (const pqxx::broken_connection &e) {
            m_connection.reset();
            if (attempt == 1)
                return QStringLiteral("%1 (while running: %2)").arg(describe(e), sql.left(300));
        } catch (const std::exception &e) {
            return QStringLiteral("%1 (while running: %2)").arg(describe(e), sql.left(300));
        }
    }
    return {};
}

QString Database::queryValue(const QString &sql, QString *value)
{
    QList<QStringList> rows;
    const QString e = query(sql, &rows);
    if (e.isEmpty() && !rows.isEmpty() && !rows.front().isEmpty())
        *value = rows.front().front();
    return e;
}

QString Database::serverVersion() const
{
    if (!m_connection)
        return {};
    const int v = m_connection->server_version();
    return QStringLiteral("%1.%2").arg(v / 10000).arg(v % 10000);
}

QString Database::currentDatabase()
{
    QString name;
    queryValue(QStringLiteral("SELECT current_database()"), &name);
    return name;
}

bool Database::tableExists(const QString &schemaName, const QString &table, QString *error)
{
    QString value;
    const QString sql =
        schemaName.isEmpty()
            ? QStringLiteral("SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = "
                             "c.relnamespace WHERE c.relname = %1 AND n.nspname = "
                             "ANY(current_schemas(false)) AND c.relkind IN ('r', 'p')")
                  .arg(Ddl::quoteLiteral(table))
            : QStringLiteral("SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = "
                             "c.relnamespace WHERE c.relname = %1 AND n.nspname = %2 AND c.relkind "
                             "IN ('r', 'p')")
                  .arg(Ddl::quoteLiteral(table), Ddl::quoteLiteral(schemaName));
    const QString e = queryValue(sql, &value);
    if (error)
        *error = e;
    return e.isEmpty() && value.toInt() > 0;
}

QString Database::ensureLedger()
{
    return execute(QStringList{
        QStringLiteral("CREATE SCHEMA IF NOT EXISTS spillway"),
        QStringLiteral("CREATE TABLE IF NOT EXISTS spillway.ledger ("
                       "run_id text NOT NULL, table_name text NOT NULL, chunk integer NOT NULL, "
                       "first_row bigint NOT NULL, row_count bigint NOT NULL, "
                       "committed_at timestamptz NOT NULL DEFAULT now(), "
                       "PRIMARY KEY (run_id, table_name, chunk))"),
        QStringLiteral("CREATE TABLE IF NOT EXISTS spillway.runs ("
                       "run_id text PRIMARY KEY, schema_hash text NOT NULL, settings jsonb NOT "
                       "NULL, started_at timestamptz NOT NULL DEFAULT now(), finished_at "
                       "timestamptz, status text NOT NULL DEFAULT 'running')")});
}

} // namespace spillway
