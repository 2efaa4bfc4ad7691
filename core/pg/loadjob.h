#pragma once

// `load`: parallel, exactly-once COPY of existing files (Spillway's or anybody's) into one
// table, with the same progress, metrics and ledger as an ingest. Files are cut into chunks at
// record boundaries; each chunk is one COPY transaction with its ledger row and record range,
// so an interrupted or refused load resumes (after bad rows are fixed in place) without losing
// or duplicating a row. See loadledger.h for resume, chunkloader.h for errors and rejects.

#include "base/ratemeter.h"
#include "files/chunkfeeder.h"
#include "files/filechunker.h"
#include "pg/chunkcommitter.h"
#include "pg/chunkloader.h"
#include "pg/loadledger.h"
#include "run/metrics.h"

#include <QElapsedTimer>
#include <QObject>
#include <QTimer>

#include <atomic>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <vector>

class QThreadPool;

namespace spillway {

class Database;
class ServerSampler;

struct LoadOptions
{
    QString conninfo;
    QStringList files; // files or folders
    QString table;     // target table (may be schema-qualified as schema.table)
    QString dbSchema;
    QString format;      // csv, tsv, pgcopy or binary; empty: binary if the files are, else csv
    bool header = false; // CSV/TSV files start with a header naming the columns
    char delimiter = ',';
    char quote = '"';
    QString nullString; // empty: the format's default
    bool nullStringSet = false;
    int workers = 2;
    qint64 chunkBytes = 8 * 1024 * 1024;
    QString runId;
    bool resume = false;
    bool skipErrors = false; // --on-error skip: refused records go to rejectFile
    qint64 maxRejects = -1;  // stop when more records are refused; -1: no limit
    QString rejectFile;
    RetryPolicy retry;
};

class LoadJob : public QObject
{
    Q_OBJECT

public:
    explicit LoadJob(QThreadPool *pool, QObject *parent = nullptr);
    ~LoadJob() override;

    // Scans the files, checks the table and starts loading; empty when started.
    QString start(const LoadOptions &options);
    void cancel();

    QString runId() const { return m_runId; }
    QString serverVersion() const { return m_serverVersion; }
    RunSnapshot snapshot() const;
    QString copyStatement() const { return m_copySql; }
    QString format() const { return m_options.format; } // as given, or as told by the files
    uint64_t rowsRejected() const { return m_rejects ? m_rejects->count() : 0; }
    QString rejectFile() const { return m_options.rejectFile; }

signals:
    void snapshotTaken(const spillway::RunSnapshot &snapshot);
    void phaseChanged(const QString &description);
    void warning(const QString &message); // something the user should know, not an error
    void runFinished(const spillway::RunResult &result);

private:
    QString prepare();
    QString resolveRun();
    QString buildCopyStatement();
    void launch();
    QString detectFormat();
    void workerLoop(int worker);
    void fail(const QString &error);
    void workerDone();
    void complete();

    QThreadPool *m_pool;
    LoadOptions m_options;
    std::unique_ptr<Database> m_db;
    std::unique_ptr<ServerSampler> m_sampler;
    FileChunkPlan m_chunks;
    QStringList m_files;
    QString m_copySql;
    QString m_runId;
    QString m_serverVersion;
    LoadRun m_run;
    std::unique_ptr<RejectWriter> m_rejects;
    ChunkLoadContext m_context;
    std::vector<std::unique_ptr<ChunkCommitter>> m_committers;
    RunEventQueue m_events;                // retries, drained by the timer's tick
    std::unique_ptr<ChunkFeeder> m_feeder; // after m_chunks: it reads the plan

    std::atomic<uint32_t> m_nextChunk{0}; // next ledger chunk id
    std::atomic<bool> m_cancelled{false};
    std::atomic<bool> m_failed{false};
    std::atomic<int> m_active{0};
    std::atomic<uint64_t> m_rowsDone{0}, m_bytesDone{0}, m_rowsSkipped{0};
    mutable std::mutex m_mutex;
    std::condition_variable m_idle;
    QString m_error;
    std::vector<double> m_latencies;

    QTimer m_timer;
    QElapsedTimer m_clock;
    RateMeter m_rate;
    ServerSample m_lastSample;
    bool m_hasSample = false;
};

} // namespace spillway
