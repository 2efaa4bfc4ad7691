#pragma once

// Runs a plan: workers on the injected QThreadPool generate chunks straight into encoded
// buffers and hand them to a sink. Ordered sinks (files) get their chunks in plan order from
// one writer task, through a bounded reorder window, so writing never stalls generation. Workers
// only touch atomics; a timer on the engine's thread samples them ~10 times a second into snapshot
// signals. Memory is bounded by (workers + window) chunk buffers.

#include "base/ratemeter.h"
#include "encode/encoder.h"
#include "run/metrics.h"
#include "run/plan.h"
#include "run/sink.h"

#include <QElapsedTimer>
#include <QObject>
#include <QTimer>

#include <atomic>
#include <condition_variable>
#include <map>
#include <memory>
#include <mutex>

class QThreadPool;

namespace spillway {

struct EngineOptions
{
    int workers = 0; // 0: the pool's maximum thread count
    int window = 0;  // chunks that may wait for their turn; 0: 2 x workers
    int sampleIntervalMs = 100;
    // Start a table's chunks only after every chunk of the tables before it was delivered
    // (needed when foreign keys exist during the load).
    bool tableBarrier = false;
};

class Engine : public QObject
{
    Q_OBJECT

public:
    Engine(QThreadPool *pool, QObject *parent = nullptr);
    ~Engine() override;

    // Starts the run; returns false (and emits nothing) when the sink cannot open, with the
    // reason in error().
    bool start(std::shared_ptr<const Plan> plan, std::shared_ptr<Sink> sink,
               const FormatOptions &format, const EngineOptions &options);
    bool start(std::shared_ptr<const Plan> plan, std::shared_ptr<Sink> sink,
               std::unique_ptr<Encoder> encoder, const EngineOptions &options);
    void cancel();
    // Any thread. While paused, workers finish the chunk in hand and take no new one; the sampler
    // keeps ticking (rates fall to ~0) and cancel() still ends the run.
    void setPaused(bool paused);
    bool isPaused() const { return m_paused.load(); }
    bool isRunning() const { return m_running; }
    QString error() const { return m_error; }
    RunSnapshot snapshot() const;

signals:
    void snapshotTaken(const spillway::RunSnapshot &snapshot);
    void runFinished(const spillway::RunResult &result);

private:
    void workerLoop(int worker);
    bool generate(const ChunkSpec &chunk, EncodedChunk &out, RowBatch &batch);
    void deliver(std::unique_ptr<EncodedChunk> chunk, int worker);
    ByteBuffer takeBuffer();
    void recycle(std::unique_ptr<EncodedChunk> chunk);
    bool waitForWindow(uint64_t sequence);
    bool waitWhilePaused();
    bool waitForEarlierTables(const ChunkSpec &chunk);
    void chunkFinished(int table);
    void fail(const QString &message);
    QString outOfMemoryMessage(const ChunkSpec *chunk) const;
    void workerDone();
    void writerLoop();
    void completeWhenIdle();
    void sample();
    void complete();

    QThreadPool *m_pool;
    std::shared_ptr<const Plan> m_plan;
    std::shared_ptr<Sink> m_sink;
    std::unique_ptr<Encoder> m_encoder;
    EngineOptions m_options;
    QTimer m_timer;
    QElapsedTimer m_clock;
    bool m_running = false;
    QString m_error;

    // Shared with workers.
    std::atomic<uint64_t> m_nextChunk{0};
    std::atomic<bool> m_cancelled{false};
    std::atomic<bool> m_failed{false};
    std::atomic<bool> m_paused{false};
    std::atomic<int> m_activeWorkers{0};
    std::atomic<uint64_t> m_rowsDone{0};
    std::atomic<uint64_t> m_bytesDone{0};
    std::atomic<uint64_t> m_rowsSkipped{0};
    std::vector<uint64_t> m_tableChunksFinished; // guarded by m_mutex; for the table barrier
    std::condition_variable m_tableFinished;
    std::unique_ptr<std::atomic<uint64_t>[]> m_tableRows;
    std::unique_ptr<std::atomic<uint64_t>[]> m_tableBytes;
    std::mutex m_mutex;                   // guards everything below, and m_error while running
    std::condition_variable m_windowOpen; // also wakes workers waiting out a pause
    std::condition_variable m_chunkReady;
    std::condition_variable m_allDone;
    std::map<uint64_t, std::unique_ptr<EncodedChunk>> m_pending;
    uint64_t m_nextToWrite = 0;
    bool m_writerActive = false;
    bool m_completionQueued = false;

    // Buffers of chunks already written, reused by the next chunks: fresh megabytes would cost
    // a page fault per page, and faults of several workers queue on the process's memory map.
    std::mutex m_spareMutex;
    std::vector<ByteBuffer> m_spare;

    RateMeter m_rate; // owner thread only
};

} // namespace spillway
