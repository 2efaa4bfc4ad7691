#pragma once

// Commits chunks exactly once: each chunk is one transaction holding its COPY and its row in
// spillway.ledger. A lost connection is retried with backoff; before a retry the ledger says
// whether the lost COMMIT went through. Used by the generated-data sink and by `load`.
// One committer per worker; it is not shared between threads. Each lost connection, retry and
// ledger answer is pushed as a RunEvent into the queue given by setEvents(), if any.

#include "pg/pgsession.h"
#include "run/metrics.h"
#include "run/runevents.h"

#include <QString>

#include <atomic>
#include <cstdint>

namespace spillway {

struct RetryPolicy
{
    int retries = 8;   // attempts after the first
    int delayMs = 250; // first backoff, doubled each attempt
    int maxDelayMs = 8000;
};

struct ChunkKey
{
    QString runId;
    QString table; // the table's name as the ledger records it
    uint32_t chunk = 0;
    uint64_t firstRow = 0;
    uint64_t rows = 0;
};

struct ChunkCommit
{
    QString copySql;           // COPY ... FROM STDIN (...)
    const char *const *pieces; // data sent in order
    const size_t *sizes;
    int count;
    QString extraSql = {}; // optional: run in the chunk's transaction, before COMMIT
};

class ChunkCommitter
{
public:
    ChunkCommitter(QString conninfo, RetryPolicy policy, const std::atomic<bool> *cancelled);
    // Where lost connections, retries and ledger answers go; worker is 0-based.
    void setEvents(RunEventQueue *events, int worker);

    // Returns an empty string when committed (now or by an earlier attempt), else the error:
    // what was refused, where (table, chunk, row) and the server's words.
    QString commit(const ChunkKey &key, const ChunkCommit &data);

    WorkerState state() const { return WorkerState(m_state.load()); }
    void setState(WorkerState s) { m_state = int(s); }
    double lastLatencyMs() const { return m_lastLatencyMs; }
    int retries() const { return m_retries; }
    // The server's error behind the last failed commit (SQLSTATE, COPY context), if any.
    const PgError &lastError() const { return m_lastError; }
    void close() { m_session.close(); }

    static QString applicationName() { return QStringLiteral("spillway-worker"); }

private:
    bool attempt(const ChunkKey &key, const ChunkCommit &data, PgError *error);
    bool alreadyCommitted(const ChunkKey &key, bool *committed, PgError *error);
    // After a failed attempt: did its COMMIT go through? Reports the ledger's answer.
    bool askLedger(const ChunkKey &key, bool *committed, PgError *error);
    bool connectIfNeeded(PgError *error);
    int backoffMs(int attempt) const;
    void backoff(int attempt);
    void report(RunEvent::Kind kind, const ChunkKey &key, const PgError &error = {},
                int attempt = 0, const QString &phase = {});

    QString m_conninfo;
    RetryPolicy m_policy;
    const std::atomic<bool> *m_cancelled;
    PgSession m_session;
    std::atomic<int> m_state{int(WorkerState::Idle)};
    double m_lastLatencyMs = 0;
    int m_retries = 0;
    PgError m_lastError;
    RunEventQueue *m_events = nullptr;
    int m_worker = 0;
};

QString describeCopyFailure(const ChunkKey &key, const PgError &error);

} // namespace spillway
