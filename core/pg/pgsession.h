#pragma once

// One libpq connection, used by an ingest worker for its chunk transactions. libpqxx 6.4 has
// no public access to its connection's PGconn, and COPY of binary data needs PQputCopyData,
// so workers talk to libpq directly; everything else (DDL, ledger, verify, statistics) goes
// through libpqxx. Errors come back as values, classified so the caller knows what to retry.

#include <QList>
#include <QString>
#include <QStringList>

#include <cstddef>

struct pg_conn;
struct pg_result;

namespace spillway {

struct PgError
{
    QString message;  // the server's or libpq's message
    QString sqlState; // five-character SQLSTATE, empty for client-side errors
    QString detail;
    QString context; // e.g. "COPY lineitem, line 5, column l_tax: ..."
    bool connectionLost = false;
    bool retryable = false; // lost connection, server shutting down, deadlock, ...
    int position = 0;       // 1-based character of the statement the error points at, 0 when none

    bool isEmpty() const { return message.isEmpty(); }
    int copyLine() const; // the 1-based line of a COPY error, 0 when not known
    QString toString() const;
};

class PgSession
{
public:
    PgSession() = default;
    PgSession(const PgSession &) = delete;
    PgSession &operator=(const PgSession &) = delete;
    ~PgSession();

    bool connect(const QString &conninfo, PgError *error);
    bool isConnected() const;
    void close();
    int backendPid() const;
    QString serverVersion() const;

    bool exec(const QString &sql, PgError *error);
    // Rows of a small result as text (NULL as a null QString).
    bool query(const QString &sql, QList<QStringList> *rows, PgError *error);
    // Runs `copySql` (COPY ... FROM STDIN) and sends the pieces in order.
    bool copyIn(const QString &copySql, const char *const *pieces, const size_t *sizes, int count,
                PgError *error);

    static bool isRetryableState(const QString &sqlState);

private:
    void fillError(::pg_result *result, PgError *error) const;

    pg_conn *m_conn = nullptr;
};

} // namespace spillway
