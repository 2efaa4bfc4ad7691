#pragma once

// Commits chunks exactly once: each chunk is one transaction holding its COPY and its row in
// spillway.ledger. A lost connection is retried with backoff; before a retry the ledger says
// whether the lost COMMIT went through. Used by the generated-data sink and by `load`.
// One committer per worker; it is not shared between threads.

#include "pg/pgsession.h"
#include "run/metrics.h"

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
    void backoff(int attempt);

    QString m_conninfo;
    RetryPolicy m_policy;
    const std::atomic<bool> *m_cancelled;
    PgSession m_session;
    std::atomic<int> m_state{int(WorkerState::Idle)};
    double m_lastLatencyMs = 0;
    int m_retries = 0;
    PgError m_lastError;
};

QString describeCopyFailure(const ChunkKey &key, const PgError &error);

} // namespace spillway
