#pragma once

// Samples the database side of a pipeline run (issue 13) once a second, on its own thread with
// its own connection, in one round trip: per target table the rows inserted, updated and
// deleted (as in pg_stat_all_tables, summed over a partitioned table's partitions) plus the
// rows of COPYs still in progress into it (pg_stat_progress_copy), WAL bytes/s, checkpoints, temp
// files, and the sessions of each command (pg_stat_activity, told apart by application_name) with
// their waits and locks.
//
// Lag: PostgreSQL publishes a table's counters only when the writing transaction ends and the
// backend flushes its statistics (PostgreSQL 15: at most once a second, up to 10 s later for a
// backend that went idle right after a flush); a transaction's own counts (pg_stat_get_xact_*)
// are visible only to its session, so no other session can see them sooner. Rows of a COPY in
// progress are counted from pg_stat_progress_copy instead, so a long single-transaction load
// still shows its rate; a table's inserted count never goes down while a finished COPY's rows
// wait for that flush.
// Inserts of transactions that rolled back count too (as in n_tup_ins).
//
// Sessions are client backends of the current database (not autovacuum or parallel workers);
// the sampler's own is left out. pg_blocking_pids() is asked only for sessions waiting on a lock.

#include "run/pipelinemetrics.h"

#include <QObject>
#include <QStringList>

#include <memory>

namespace spillway {

class SamplingThread;

struct PipelineSamplerOptions
{
    QString conninfo;
    QStringList targetTables;  // schema-qualified ("staging.customer"); may not exist yet
    QString applicationPrefix; // "spillway/<run id>/": command i's sessions use prefix + i
    int commands = 1;
    int intervalMs = 1000;
};

class PipelineSampler : public QObject
{
    Q_OBJECT

public:
    explicit PipelineSampler(const PipelineSamplerOptions &options, QObject *parent = nullptr);
    ~PipelineSampler() override;

    // Connects and samples every intervalMs until stop(). Never blocks the caller: a failing
    // sample (the server restarting, a bad connection string) is reported and tried again at
    // the next interval.
    void start();
    // Returns at once; no sampled() or samplingFailed() is emitted after it.
    void stop();

    // CPU time the sampling thread has used so far (connecting, querying, decoding), in
    // seconds; callable from any thread. Each sample carries it too (samplerCpuSeconds).
    double cpuSeconds() const;

signals:
    void sampled(const spillway::DatabaseSample &sample);
    // Once per distinct message until a sample succeeds again; sampling goes on.
    void samplingFailed(const QString &message);
    // Something the user should know once, that is not a failure (e.g. no WAL rate on a standby).
    void noted(const QString &message);

private:
    struct State;
    std::unique_ptr<State> m_state; // used on the sampling thread only
    std::unique_ptr<SamplingThread> m_thread;
    bool m_stopped = false;
};

} // namespace spillway
