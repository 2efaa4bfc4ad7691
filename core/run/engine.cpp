#include "run/engine.h"

#include "encode/binaryencoder.h"

#include <QThreadPool>

namespace spillway {

Engine::Engine(QThreadPool *pool, QObject *parent)
    : QObject(parent)
    , m_pool(pool)
{
    qRegisterMetaType<spillway::RunSnapshot>();
    qRegisterMetaType<spillway::RunResult>();
    connect(&m_timer, &QTimer::timeout, this, &Engine::sample);
}

Engine::~Engine()
{
    cancel();
    std::unique_lock lock(m_mutex);
    m_allDone.wait(lock, [this] { return m_activeWorkers.load() == 0 && !m_writerActive; });
}

bool Engine::start(std::shared_ptr<const Plan> plan, std::shared_ptr<Sink> sink,
                   const FormatOptions &format, const EngineOptions &options)
{
    // A binary COPY file must hold every column in binary: refuse tables that cannot.
    if (format.format == OutputFormat::PgBinary) {
        QStringList problems;
        for (const TablePlan &tp : plan->tables()) {
            const QString problem =
                BinaryCopyEncoder::checkTable(*plan->schema()->tables()[size_t(tp.table)]);
            if (!problem.isEmpty())
                problems.append(problem);
        }
        if (!problems.isEmpty()) {
            m_error = problems.join(QStringLiteral("; ")) +
                      QStringLiteral(" (binary COPY files need a binary form for every column: "
                                     "write these tables with --format pgcopy or csv, or leave "
                                     "them out with --table)");
            return false;
        }
    }
    if (plan->hasDirtyRows() && !sink->takesDirtyRows()) {
        m_error = QStringLiteral("dirty rows are for files: generate or pipeline (pass "
                                 "--dirty 0 to load this schema's tables clean)");
        return false;
    }
    std::unique_ptr<Encoder> encoder = Encoder::create(format);
    if (plan->hasDirtyRows())
        encoder->setDirtyTables(plan->dirtyTables(format.format));
    return start(std::move(plan), std::move(sink), std::move(encoder), options);
}

bool Engine::start(std::shared_ptr<const Plan> plan, std::shared_ptr<Sink> sink,
                   std::unique_ptr<Encoder> encoder, const EngineOptions &options)
{
    Q_ASSERT(!m_running);
    m_plan = std::move(plan);
    m_sink = std::move(sink);
    m_encoder = std::move(encoder);
    m_options = options;
    if (m_options.workers <= 0)
        m_options.workers = std::max(1, m_pool->maxThreadCount());
    // Ordered sinks add one writer task beside the workers.
    if (m_pool->maxThreadCount() < m_options.workers + 1)
        m_pool->setMaxThreadCount(m_options.workers + 1);
    if (m_options.window <= 0)
        m_options.window = 2 * m_options.workers;
    m_options.window = std::max(m_options.window, m_options.workers);
    m_error = m_sink->open(*m_plan);
    if (!m_error.isEmpty())
        return false;

    const size_t tables = m_plan->schema()->tables().size();
    m_tableRows.reset(new std::atomic<uint64_t>[tables]);
    m_tableBytes.reset(new std::atomic<uint64_t>[tables]);
    for (size_t t = 0; t < tables; ++t) {
        m_tableRows[t] = 0;
        m_tableBytes[t] = 0;
    }
    m_nextChunk = 0;
    m_nextToWrite = 0;
    m_cancelled = false;
    m_failed = false;
    m_paused = false;
    m_rowsDone = 0;
    m_bytesDone = 0;
    m_rowsSkipped = 0;
    m_tableChunksFinished.assign(tables, 0);
    m_rate.reset();
    m_running = true;
    m_clock.start();
    m_timer.start(m_options.sampleIntervalMs);

    const int workers = int(std::min<uint64_t>(uint64_t(m_options.workers),
                                               std::max<uint64_t>(1, m_plan->chunks().size())));
    m_activeWorkers = workers;
    m_writerActive = m_sink->isOrdered();
    m_completionQueued = false;
    if (m_writerActive)
        m_pool->start([this] { writerLoop(); });
    for (int w = 0; w < workers; ++w)
        m_pool->start([this, w] { workerLoop(w); });
    return true;
}

void Engine::cancel()
{
    m_cancelled = true;
    if (m_sink)
        m_sink->cancel();
    std::lock_guard lock(m_mutex);
    m_windowOpen.notify_all();
    m_chunkReady.notify_all();
    m_tableFinished.notify_all();
}

void Engine::setPaused(bool paused)
{
    std::lock_guard lock(m_mutex);
    m_paused = paused;
    if (!paused)
        m_windowOpen.notify_all(); // cancel() and fail() notify it as well
}

bool Engine::waitWhilePaused()
{
    if (m_paused) {
        std::unique_lock lock(m_mutex);
        m_windowOpen.wait(lock, [this] { return !m_paused || m_cancelled || m_failed; });
    }
    return !m_cancelled && !m_failed;
}

void Engine::workerLoop(int worker)
{
    const auto &chunks = m_plan->chunks();
    const bool ordered = m_sink->isOrdered();
    RowBatch batch(0);
    int batchColumns = -1;
    const ChunkSpec *current = nullptr; // for the out-of-memory message
    try {
        for (;;) {
            if (!waitWhilePaused())
                break;
            const uint64_t seq = m_nextChunk.fetch_add(1);
            if (seq >= chunks.size() || m_cancelled || m_failed)
                break;
            if (ordered && !waitForWindow(seq))
                break;
            const ChunkSpec &spec = chunks[seq];
            current = &spec;
            if (m_options.tableBarrier && !waitForEarlierTables(spec))
                break;
            if (!ordered && m_sink->isDone(spec)) {
                // Committed by an earlier attempt of this run (resume).
                m_tableRows[size_t(spec.table)] += spec.rowCount;
                m_rowsDone += spec.rowCount;
                m_rowsSkipped += spec.rowCount;
                chunkFinished(spec.table);
                continue;
            }
            const int columns = int(m_plan->schema()->tables()[size_t(spec.table)]->columns.size());
            if (columns != batchColumns) {
                batch = RowBatch(columns);
                batchColumns = columns;
            }
            auto chunk = std::make_unique<EncodedChunk>();
            chunk->data = takeBuffer();
            chunk->sequence = seq;
            if (!generate(spec, *chunk, batch))
                break;
            deliver(std::move(chunk), worker);
        }
    } catch (const std::bad_alloc &) {
        fail(outOfMemoryMessage(current));
    }
    workerDone();
}

QString Engine::outOfMemoryMessage(const ChunkSpec *chunk) const
{
    const QString table =
        chunk ? m_plan->schema()->tables()[size_t(chunk->table)]->name : QStringLiteral("?");
    return QStringLiteral("ran out of memory while generating table '%1'%2: lower the lengths "
                          "of its arrays (maxLength) or their nesting, the size of its text and "
                          "bytes values, or use fewer --workers or a smaller --chunk-rows")
        .arg(table, chunk ? QStringLiteral(" (rows %1 to %2)")
                                .arg(chunk->firstRow)
                                .arg(chunk->firstRow + chunk->rowCount)
                          : QString());
}

bool Engine::generate(const ChunkSpec &spec, EncodedChunk &out, RowBatch &batch)
{
    const TableRuntime &table = *m_plan->schema()->tables()[size_t(spec.table)];
    const TablePlan *tp = m_plan->tablePlan(spec.table);
    out.table = spec.table;
    out.firstRow = spec.firstRow;
    out.rows = spec.rowCount;
    // Room for the whole chunk up front: the plan's estimate, or once chunks of the table have
    // been delivered their measured width (child tables have no estimate, and growing a
    // buffer of megabytes copies it).
    const uint64_t doneRows = m_tableRows[size_t(spec.table)].load(std::memory_order_relaxed);
    const uint64_t doneBytes = m_tableBytes[size_t(spec.table)].load(std::memory_order_relaxed);
    const double perRow =
        doneRows && doneBytes ? double(doneBytes) / double(doneRows) : (tp ? tp->bytesPerRow : 64);
    out.data.reserve(size_t(double(spec.rowCount) * perRow * 1.25) + 4096);
    std::vector<uint32_t> *ends = m_sink->needsRowEnds() ? &out.rowEnds : nullptr;
    if (ends)
        ends->reserve(spec.rowCount);
    m_plan->generateChunk(spec, batch,
                          [&](const RowBatch &b) { m_encoder->encode(table, b, out.data, ends); });
    return !m_cancelled;
}

bool Engine::waitForWindow(uint64_t seq)
{
    std::unique_lock lock(m_mutex);
    m_windowOpen.wait(lock, [&] {
        return seq < m_nextToWrite + uint64_t(m_options.window) || m_cancelled || m_failed;
    });
    return !m_cancelled && !m_failed;
}

void Engine::deliver(std::unique_ptr<EncodedChunk> chunk, int worker)
{
    if (!m_sink->isOrdered()) {
        if (const QString e = m_sink->write(*chunk, worker); !e.isEmpty()) {
            if (!m_cancelled) // a write that cancel() cut short (a retry given up) is the cancel
                fail(e);
        } else {
            m_tableRows[size_t(chunk->table)] += chunk->rows;
            m_tableBytes[size_t(chunk->table)] += chunk->data.size();
            m_rowsDone += chunk->rows;
            m_bytesDone += chunk->data.size();
            chunkFinished(chunk->table);
        }
        recycle(std::move(chunk));
        return;
    }
    std::lock_guard lock(m_mutex);
    m_pending.emplace(chunk->sequence, std::move(chunk));
    m_chunkReady.notify_one();
}

ByteBuffer Engine::takeBuffer()
{
    std::lock_guard lock(m_spareMutex);
    if (m_spare.empty())
        return {};
    ByteBuffer b = std::move(m_spare.back());
    m_spare.pop_back();
    return b;
}

void Engine::recycle(std::unique_ptr<EncodedChunk> chunk)
{
    constexpr size_t kLargestKept = size_t(64) << 20; // an unusually wide chunk's goes back
    ByteBuffer &b = chunk->data;
    if (b.capacity() == 0 || b.capacity() > kLargestKept)
        return;
    b.clear();
    std::lock_guard lock(m_spareMutex);
    // As many as can be in flight: the window of written-out chunks and one per worker.
    if (m_spare.size() < size_t(m_options.window + m_options.workers))
        m_spare.push_back(std::move(b));
}

void Engine::writerLoop()
{
    // Writes chunks strictly in sequence; workers run ahead by at most the window.
    std::unique_lock lock(m_mutex);
    for (;;) {
        m_chunkReady.wait(lock, [this] {
            return m_failed || m_cancelled || m_activeWorkers == 0 ||
                   (!m_pending.empty() && m_pending.begin()->first == m_nextToWrite);
        });
        if (m_failed || m_cancelled)
            break;
        if (m_pending.empty() || m_pending.begin()->first != m_nextToWrite) {
            if (m_activeWorkers == 0)
                break;
            continue;
        }
        std::unique_ptr<EncodedChunk> next = std::move(m_pending.begin()->second);
        m_pending.erase(m_pending.begin());
        lock.unlock();
        const QString e = m_sink->write(*next, 0);
        if (e.isEmpty()) {
            m_tableRows[size_t(next->table)] += next->rows;
            m_tableBytes[size_t(next->table)] += next->data.size();
            m_rowsDone += next->rows;
            m_bytesDone += next->data.size();
        }
        recycle(std::move(next));
        lock.lock();
        if (!e.isEmpty()) {
            m_failed = true;
            if (m_error.isEmpty())
                m_error = e;
        }
        ++m_nextToWrite;
        m_windowOpen.notify_all();
    }
    m_writerActive = false;
    m_windowOpen.notify_all();
    completeWhenIdle();
}

void Engine::completeWhenIdle()
{
    // Called with m_mutex held, by the last worker and by the writer: the run completes once.
    if (m_activeWorkers > 0 || m_writerActive || m_completionQueued)
        return;
    m_completionQueued = true;
    m_allDone.notify_all();
    QMetaObject::invokeMethod(this, &Engine::complete, Qt::QueuedConnection);
}

bool Engine::waitForEarlierTables(const ChunkSpec &chunk)
{
    std::unique_lock lock(m_mutex);
    m_tableFinished.wait(lock, [&] {
        if (m_cancelled || m_failed)
            return true;
        for (const TablePlan &tp : m_plan->tables()) {
            if (tp.table == chunk.table)
                return true;
            if (m_tableChunksFinished[size_t(tp.table)] < tp.chunkCount)
                return false;
        }
        return true;
    });
    return !m_cancelled && !m_failed;
}

void Engine::chunkFinished(int table)
{
    std::lock_guard lock(m_mutex);
    ++m_tableChunksFinished[size_t(table)];
    m_tableFinished.notify_all();
}

void Engine::fail(const QString &message)
{
    std::lock_guard lock(m_mutex);
    if (m_error.isEmpty())
        m_error = message;
    m_failed = true;
    m_windowOpen.notify_all();
    m_chunkReady.notify_all();
    m_tableFinished.notify_all();
}

void Engine::workerDone()
{
    std::lock_guard lock(m_mutex);
    if (--m_activeWorkers > 0)
        return;
    m_chunkReady.notify_all(); // the writer drains what is left, then completes the run
    completeWhenIdle();
}

RunSnapshot Engine::snapshot() const
{
    RunSnapshot s;
    s.elapsedSeconds = m_clock.isValid() ? double(m_clock.nsecsElapsed()) / 1e9 : 0;
    s.rowsSkipped = m_rowsSkipped; // before rowsDone: workers add to rowsDone first
    s.rowsDone = m_rowsDone;
    s.bytesDone = m_bytesDone;
    if (!m_plan)
        return s;
    s.rowsTotal = m_plan->totalRows();
    for (const TablePlan &tp : m_plan->tables()) {
        TableProgress p;
        p.name = m_plan->schema()->tables()[size_t(tp.table)]->name;
        p.rowsTotal = tp.rows;
        p.rowsDone = m_tableRows ? m_tableRows[size_t(tp.table)].load() : 0;
        p.bytesDone = m_tableBytes ? m_tableBytes[size_t(tp.table)].load() : 0;
        s.tables.append(p);
    }
    if (s.elapsedSeconds > 0) {
        s.meanRowsPerSecond = double(s.rowsDone - s.rowsSkipped) / s.elapsedSeconds;
        s.meanBytesPerSecond = double(s.bytesDone) / s.elapsedSeconds;
    }
    if (m_sink)
        m_sink->addMetrics(s);
    s.rowsPerSecond = m_rate.rowsPerSecond();
    s.bytesPerSecond = m_rate.bytesPerSecond();
    if (s.rowsTotal >= s.rowsDone && s.rowsDone > s.rowsSkipped)
        s.etaSeconds = m_rate.eta(s.rowsTotal - s.rowsDone, s.meanRowsPerSecond);
    return s;
}

void Engine::sample()
{
    const uint64_t skipped = m_rowsSkipped;
    m_rate.sample(double(m_clock.nsecsElapsed()) / 1e9, m_rowsDone - skipped, m_bytesDone);
    emit snapshotTaken(snapshot());
}

void Engine::complete()
{
    m_timer.stop();
    RunResult result;
    result.cancelled = m_cancelled && !m_failed;
    const bool completed = !m_cancelled && !m_failed;
    const QString finishError = m_sink->finish(completed);
    {
        std::lock_guard lock(m_mutex);
        result.error = m_error.isEmpty() ? finishError : m_error;
        m_pending.clear();
    }
    {
        std::lock_guard lock(m_spareMutex);
        m_spare.clear(); // the memory goes back between runs
    }
    if (result.cancelled && result.error.isEmpty())
        result.error = QStringLiteral("the run was cancelled");
    result.ok = completed && finishError.isEmpty();
    result.outputs = m_sink->outputs();
    result.last = snapshot();
    result.last.finished = true;
    result.last.rowsPerSecond = result.last.meanRowsPerSecond;
    result.last.bytesPerSecond = result.last.meanBytesPerSecond;
    result.last.etaSeconds = 0;
    m_running = false;
    emit snapshotTaken(result.last);
    emit runFinished(result);
}

} // namespace spillway
