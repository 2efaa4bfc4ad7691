#include "pg/chunkcommitter.h"

#include "pg/conninfo.h"
#include "schema/ddl.h"

#include <QElapsedTimer>
#include <QThread>

#include <algorithm>
#include <cmath>

namespace spillway {

ChunkCommitter::ChunkCommitter(QString conninfo, RetryPolicy policy,
                               const std::atomic<bool> *cancelled)
    : m_conninfo(
          ConnInfo::withOption(conninfo, QStringLiteral("application_name"), applicationName()))
    , m_policy(policy)
    , m_cancelled(cancelled)
{}

QString describeCopyFailure(const ChunkKey &key, const PgError &error)
{
    QString where = QStringLiteral("table '%1', chunk %2").arg(key.table).arg(key.chunk);
    if (key.rows)
        where +=
            QStringLiteral(" (rows %1 to %2)").arg(key.firstRow).arg(key.firstRow + key.rows - 1);
    if (const int line = error.copyLine(); line > 0)
        where += QStringLiteral(", row %1").arg(key.firstRow + uint64_t(line) - 1);
    return QStringLiteral("PostgreSQL refused %1: %2%3")
        .arg(where, error.toString(),
             error.context.isEmpty() ? QString() : QStringLiteral(" — ") + error.context);
}

void ChunkCommitter::backoff(int attempt)
{
    const double delay = m_policy.delayMs * std::pow(2.0, std::min(attempt, 16));
    const int ms = std::min(m_policy.maxDelayMs, int(delay));
    for (int slept = 0; slept < ms && !*m_cancelled; slept += 20)
        QThread::msleep(20);
}

bool ChunkCommitter::alreadyCommitted(const ChunkKey &key, bool *committed, PgError *error)
{
    QList<QStringList> rows;
    const QString sql = QStringLiteral("SELECT 1 FROM spillway.ledger WHERE run_id = %1 AND "
                                       "table_name = %2 AND chunk = %3")
                            .arg(Ddl::quoteLiteral(key.runId), Ddl::quoteLiteral(key.table))
                            .arg(key.chunk);
    if (!m_session.query(sql, &rows, error))
        return false;
    *committed = !rows.isEmpty();
    return true;
}

bool ChunkCommitter::attempt(const ChunkKey &key, const ChunkCommit &data, PgError *error)
{
    setState(WorkerState::Copying);
    if (!m_session.exec(QStringLiteral("BEGIN"), error) ||
        !m_session.copyIn(data.copySql, data.pieces, data.sizes, data.count, error))
        return false;
    setState(WorkerState::Committing);
    const QString ledger = QStringLiteral("INSERT INTO spillway.ledger (run_id, table_name, chunk, "
                                          "first_row, row_count) VALUES (%1, %2, %3, %4, %5)")
                               .arg(Ddl::quoteLiteral(key.runId), Ddl::quoteLiteral(key.table))
                               .arg(key.chunk)
                               .arg(key.firstRow)
                               .arg(key.rows);
    return m_session.exec(ledger, error) &&
           (data.extraSql.isEmpty() || m_session.exec(data.extraSql, error)) &&
           m_session.exec(QStringLiteral("COMMIT"), error);
}

QString ChunkCommitter::commit(const ChunkKey &key, const ChunkCommit &data)
{
    PgError error;
    m_lastError = PgError();
    for (int n = 0; n <= m_policy.retries && !*m_cancelled; ++n) {
        if (n > 0) {
            setState(WorkerState::Retrying);
            ++m_retries;
            backoff(n - 1);
            if (*m_cancelled)
                break;
        }
        error = PgError();
        if (!m_session.isConnected()) {
            setState(WorkerState::Connecting);
            if (!m_session.connect(m_conninfo, &error))
                continue;
            // Chunks need no durability wait of their own; timestamptz text is read as UTC, as
            // the binary form sends it.
            m_session.exec(QStringLiteral("SET synchronous_commit = off; SET TimeZone = 'UTC'"),
                           nullptr);
        }
        bool committed = false;
        if (n > 0 && !alreadyCommitted(key, &committed, &error)) {
            if (!error.retryable)
                return describeCopyFailure(key, error);
            m_session.close();
            continue;
        }
        QElapsedTimer timer;
        timer.start();
        if (committed || attempt(key, data, &error)) {
            m_lastLatencyMs = committed ? -1 : double(timer.nsecsElapsed()) / 1e6;
            setState(WorkerState::Generating);
            return {};
        }
        if (m_session.isConnected())
            m_session.exec(QStringLiteral("ROLLBACK"), nullptr);
        if (!error.retryable) {
            m_lastError = error;
            return describeCopyFailure(key, error);
        }
        m_session.close();
    }
    if (*m_cancelled)
        return QStringLiteral("the run was cancelled");
    return QStringLiteral("gave up on table '%1', chunk %2 after %3 attempts: %4; check the "
                          "server and the connection, then run again with --resume")
        .arg(key.table)
        .arg(key.chunk)
        .arg(m_policy.retries + 1)
        .arg(error.toString());
}

} // namespace spillway
