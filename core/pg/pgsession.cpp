#include "pg/pgsession.h"

#include <QRegularExpression>

#include <algorithm>

#include <libpq-fe.h>

namespace spillway {

int PgError::copyLine() const
{
    static const QRegularExpression re(QStringLiteral("line (\\d+)"));
    const auto m = re.match(context);
    return m.hasMatch() ? m.captured(1).toInt() : 0;
}

QString PgError::toString() const
{
    QString text = message;
    if (!detail.isEmpty())
        text += QStringLiteral(" (%1)").arg(detail);
    if (!sqlState.isEmpty())
        text += QStringLiteral(" [SQLSTATE %1]").arg(sqlState);
    return text;
}

PgSession::~PgSession()
{
    close();
}

bool PgSession::isRetryableState(const QString &s)
{
    // Connection exceptions, the server shutting down or restarting (pg_terminate_backend
    // gives 57P01), too many connections, serialization failures and deadlocks.
    return s.startsWith(QLatin1String("08")) || s == QLatin1String("57P01") ||
           s == QLatin1String("57P02") || s == QLatin1String("57P03") ||
           s == QLatin1String("53300") || s == QLatin1String("40001") ||
           s == QLatin1String("40P01");
}

bool PgSession::connect(const QString &conninfo, PgError *error)
{
    close();
    m_conn = PQconnectdb(conninfo.toUtf8().constData());
    if (PQstatus(m_conn) == CONNECTION_OK)
        return true;
    if (error) {
        error->message = QString::fromUtf8(PQerrorMessage(m_conn)).trimmed();
        error->connectionLost = true;
        error->retryable = true;
    }
    close();
    return false;
}

bool PgSession::isConnected() const
{
    return m_conn && PQstatus(m_conn) == CONNECTION_OK;
}

void PgSession::close()
{
    if (m_conn)
        PQfinish(m_conn);
    m_conn = nullptr;
}

int PgSession::backendPid() const
{
    return m_conn ? PQbackendPID(m_conn) : 0;
}

QString PgSession::serverVersion() const
{
    if (!m_conn)
        return {};
    const int v = PQserverVersion(m_conn);
    return QStringLiteral("%1.%2").arg(v / 10000).arg(v % 10000);
}

void PgSession::fillError(PGresult *result, PgError *error) const
{
    if (!error)
        return;
    auto field = [result](int code) {
        const char *v = result ? PQresultErrorField(result, code) : nullptr;
        return v ? QString::fromUtf8(v) : QString();
    };
    error->message = field(PG_DIAG_MESSAGE_PRIMARY);
    if (error->message.isEmpty())
        error->message =
            QString::fromUtf8(m_conn ? PQerrorMessage(m_conn) : "no connection").trimmed();
    error->sqlState = field(PG_DIAG_SQLSTATE);
    error->detail = field(PG_DIAG_MESSAGE_DETAIL);
    error->context = field(PG_DIAG_CONTEXT);
    error->position = field(PG_DIAG_STATEMENT_POSITION).toInt();
    error->connectionLost = !m_conn || PQstatus(m_conn) != CONNECTION_OK;
    error->retryable = error->connectionLost || isRetryableState(error->sqlState);
}

bool PgSession::exec(const QString &sql, PgError *error)
{
    if (!m_conn) {
        if (error)
            *error = PgError{QStringLiteral("not connected"), {}, {}, {}, true, true};
        return false;
    }
    PGresult *r = PQexec(m_conn, sql.toUtf8().constData());
    const ExecStatusType status = PQresultStatus(r);
    const bool ok = status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK;
    if (!ok)
        fillError(r, error);
    PQclear(r);
    return ok;
}

bool PgSession::query(const QString &sql, QList<QStringList> *rows, PgError *error)
{
    if (!m_conn) {
        if (error)
            *error = PgError{QStringLiteral("not connected"), {}, {}, {}, true, true};
        return false;
    }
    PGresult *r = PQexec(m_conn, sql.toUtf8().constData());
    const bool ok = PQresultStatus(r) == PGRES_TUPLES_OK;
    if (!ok) {
        fillError(r, error);
    } else if (rows) {
        for (int i = 0; i < PQntuples(r); ++i) {
            QStringList row;
            for (int j = 0; j < PQnfields(r); ++j)
                row.append(PQgetisnull(r, i, j) ? QString()
                                                : QString::fromUtf8(PQgetvalue(r, i, j)));
            rows->append(row);
        }
    }
    PQclear(r);
    return ok;
}

bool PgSession::copyIn(const QString &copySql, const char *const *pieces, const size_t *sizes,
                       int count, PgError *error)
{
    if (!m_conn) {
        if (error)
            *error = PgError{QStringLiteral("not connected"), {}, {}, {}, true, true};
        return false;
    }
    PGresult *r = PQexec(m_conn, copySql.toUtf8().constData());
    if (PQresultStatus(r) != PGRES_COPY_IN) {
        fillError(r, error);
        PQclear(r);
        return false;
    }
    PQclear(r);
    bool sent = true;
    for (int i = 0; i < count && sent; ++i) {
        // Large pieces go in slices so libpq's buffer stays small.
        constexpr size_t slice = size_t(1) << 20;
        for (size_t off = 0; off < sizes[i] && sent; off += slice)
            sent =
                PQputCopyData(m_conn, pieces[i] + off, int(std::min(slice, sizes[i] - off))) == 1;
    }
    PQputCopyEnd(m_conn, sent ? nullptr : "client failed to send data");
    bool ok = sent;
    while ((r = PQgetResult(m_conn)) != nullptr) {
        if (PQresultStatus(r) != PGRES_COMMAND_OK) {
            if (ok)
                fillError(r, error);
            ok = false;
        }
        PQclear(r);
    }
    if (!ok && error && error->message.isEmpty())
        fillError(nullptr, error);
    return ok;
}

} // namespace spillway
