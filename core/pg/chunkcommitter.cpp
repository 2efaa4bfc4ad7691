#include "pg/chunkcommitter.h"

#include "pg/conninfo.h"
#include "schema/ddl.h"

#include <QDateTime>
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

void ChunkCommitter::setEvents(RunEventQueue *events, int worker)
{
    m_events = events;
    m_worker = worker;
}

void ChunkCommitter::report(RunEvent::Kind kind, const ChunkKey &key, const PgError &error,
                            int attempt, const QString &phase)
{
    if (!m_events)
        return;
    RunEvent e;
    e.kind = kind;
    e.time = QDateTime::currentDateTimeUtc();
    e.worker = m_worker + 1;
    e.table = key.table;
    e.chunk = key.chunk;
    if (kind == RunEvent::Kind::Retry) {
        e.attempt = attempt + 1;
        e.attempts = m_policy.retries + 1;
        e.delayMs = backoffMs(attempt - 1);
    }
    if (kind == RunEvent::Kind::ConnectionLost) {
        e.phase = phase.isEmpty() ? workerStateName(state()) : phase;
        // libpq's first line says it ("FATAL: terminating connection due to administrator
        // command"); the rest is its generic advice, over several lines.
        const QString text = error.toString().trimmed();
        e.error = text.section(QLatin1Char('\n'), 0, 0).simplified();
    }
    m_events->push(std::move(e));
}

int ChunkCommitter::backoffMs(int attempt) const
{
    const double delay = m_policy.delayMs * std::pow(2.0, std::min(attempt, 16));
    return std::min(m_policy.maxDelayMs, int(delay));
}

void ChunkCommitter::backoff(int attempt)
{
    const int ms = backoffMs(attempt);
    for (int slept = 0; slept < ms && !*m_cancelled; slept += 20)
        QThread::msleep(20);
}

bool ChunkCommitter::connectIfNeeded(PgError *error)
{
    if (m_session.isConnected())
        return true;
    setState(WorkerState::Connecting);
    if (!m_session.connect(m_conninfo, error))
        return false;
    // Chunks need no durability wait of their own; timestamptz text is read as UTC, as the
    // binary form sends it.
    m_session.exec(QStringLiteral("SET synchronous_commit = off; SET TimeZone = 'UTC'"), nullptr);
    return true;
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

bool ChunkCommitter::askLedger(const ChunkKey &key, bool *committed, PgError *error)
{
    if (!alreadyCommitted(key, committed, error))
        return false;
    report(*committed ? RunEvent::Kind::LedgerCommitted : RunEvent::Kind::LedgerNotCommitted, key);
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
            report(RunEvent::Kind::Retry, key, {}, n);
            backoff(n - 1);
            if (*m_cancelled)
                break;
        }
        error = PgError();
        if (!connectIfNeeded(&error)) {
            report(RunEvent::Kind::ConnectionLost, key, error);
            continue;
        }
        bool committed = false;
        if (n > 0 && !askLedger(key, &committed, &error)) {
            if (!error.retryable)
                return describeCopyFailure(key, error);
            report(RunEvent::Kind::ConnectionLost, key, error, 0,
                   QStringLiteral("checking the ledger"));
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
        report(RunEvent::Kind::ConnectionLost, key, error);
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
