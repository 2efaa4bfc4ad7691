#pragma once

// What a run reports while it runs: counters sampled on the owner's thread into snapshots.

#include "run/runevents.h"

#include <QList>
#include <QMetaType>
#include <QString>

#include <cstdint>
#include <iterator>

namespace spillway {

struct TableProgress
{
    QString name;
    uint64_t rowsDone = 0;
    uint64_t rowsTotal = 0;
    uint64_t bytesDone = 0;
};

enum class WorkerState : int { Idle, Generating, Connecting, Copying, Committing, Retrying, Done };

// "idle", "generating", ... as the CLI's JSON and the run log show it; the dashboard shows them
// translated (QCoreApplication::translate("WorkerState", name)).
inline QString workerStateName(WorkerState state)
{
    static const char *const names[] = {QT_TRANSLATE_NOOP("WorkerState", "idle"),
                                        QT_TRANSLATE_NOOP("WorkerState", "generating"),
                                        QT_TRANSLATE_NOOP("WorkerState", "connecting"),
                                        QT_TRANSLATE_NOOP("WorkerState", "copying"),
                                        QT_TRANSLATE_NOOP("WorkerState", "committing"),
                                        QT_TRANSLATE_NOOP("WorkerState", "retrying"),
                                        QT_TRANSLATE_NOOP("WorkerState", "done")};
    const int i = int(state);
    return i >= 0 && i < int(std::size(names)) ? QLatin1String(names[i]) : QString();
}

struct LatencySummary
{
    int count = 0;
    double p50 = 0, p95 = 0, p99 = 0, max = 0; // milliseconds
};

// Server-side figures sampled during an ingest (PostgreSQL statistics views).
struct ServerSample
{
    double elapsedSeconds = 0;
    double tuplesInsertedPerSecond = 0; // pg_stat_database.tup_inserted
    double walBytesPerSecond = 0;       // pg_current_wal_lsn() differences
    qint64 checkpoints = 0;             // pg_stat_bgwriter timed + requested, since the start
    qint64 copyBytesProcessed = 0;      // pg_stat_progress_copy, all COPYs in progress
    int activeCopies = 0;
};

struct RunSnapshot
{
    double elapsedSeconds = 0;
    uint64_t rowsDone = 0;
    uint64_t rowsTotal = 0;
    uint64_t bytesDone = 0;
    double rowsPerSecond = 0; // over the last second or so
    double bytesPerSecond = 0;
    double meanRowsPerSecond = 0; // since the start
    double meanBytesPerSecond = 0;
    double etaSeconds = -1; // -1 when unknown
    QList<TableProgress> tables;
    uint64_t rowsSkipped = 0;     // rows of chunks already committed by an earlier attempt
    QList<WorkerState> workers;   // ingest only
    LatencySummary commitLatency; // ingest only: per-chunk transaction time
    ServerSample server;          // ingest only, the latest sample
    bool hasServerSample = false;
    bool finished = false;
    QList<RunEvent> events; // what happened since the previous snapshot (retries, ...)

    double fraction() const { return rowsTotal ? double(rowsDone) / double(rowsTotal) : 1.0; }
};

struct RunResult
{
    bool ok = false;
    bool cancelled = false;
    QString error;    // what went wrong, where, and what to do
    RunSnapshot last; // final counters
    QStringList outputs;
};

} // namespace spillway

Q_DECLARE_METATYPE(spillway::RunSnapshot)
Q_DECLARE_METATYPE(spillway::RunResult)
