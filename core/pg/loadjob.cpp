#include "pg/loadjob.h"

#include "files/copybinary.h"
#include "files/datastream.h"
#include "pg/database.h"
#include "pg/pgsink.h"
#include "pg/serversampler.h"
#include "schema/ddl.h"

#include <QDateTime>
#include <QRandomGenerator>
#include <QThreadPool>

namespace spillway {

LoadJob::LoadJob(QThreadPool *pool, QObject *parent)
    : QObject(parent)
    , m_pool(pool)
{
    connect(&m_timer, &QTimer::timeout, this, [this] {
        const uint64_t skipped = m_rowsSkipped;
        m_rate.sample(double(m_clock.nsecsElapsed()) / 1e9, m_rowsDone - skipped, m_bytesDone);
        RunSnapshot s = snapshot();
        s.events = m_events.drain();
        emit snapshotTaken(s);
    });
}

LoadJob::~LoadJob()
{
    cancel();
    std::unique_lock lock(m_mutex);
    m_idle.wait(lock, [this] { return m_active == 0; });
}

void LoadJob::cancel()
{
    m_cancelled = true;
    if (m_feeder)
        m_feeder->stop();
}

QString LoadJob::buildCopyStatement()
{
    const QString table = m_options.table.contains(QLatin1Char('.')) && m_options.dbSchema.isEmpty()
                              ? Ddl::qualifiedName(m_options.table.section(QLatin1Char('.'), 0, 0),
                                                   m_options.table.section(QLatin1Char('.'), 1))
                              : Ddl::qualifiedName(m_options.dbSchema, m_options.table);
    QString exists;
    if (QString e = m_db->queryValue(
            QStringLiteral("SELECT to_regclass(%1) IS NOT NULL").arg(Ddl::quoteLiteral(table)),
            &exists);
        !e.isEmpty())
        return e;
    if (exists != QLatin1String("t"))
        return QStringLiteral("table %1 does not exist in the database: create it first (for "
                              "Spillway's data: spillway-cli ddl SCHEMA | psql ...)")
            .arg(table);
    QString columns;
    if (m_options.header && !m_chunks.headers.isEmpty()) {
        // The header names the columns, so files may hold them in any order or a subset.
        const QString sep = m_options.format == QLatin1String("csv")
                                ? QString(QLatin1Char(m_options.delimiter))
                                : QStringLiteral("\t");
        QStringList names;
        for (QString name : m_chunks.headers.front().split(sep)) {
            if (name.startsWith(QLatin1Char(m_options.quote)) &&
                name.endsWith(QLatin1Char(m_options.quote)))
                name = name.mid(1, name.size() - 2);
            names.append(Ddl::quoteIdentifier(name));
        }
        columns = QStringLiteral(" (%1)").arg(names.join(QStringLiteral(", ")));
    }
    QStringList opts;
    if (m_options.format == QLatin1String("csv")) {
        opts << QStringLiteral("FORMAT csv")
             << QStringLiteral("DELIMITER %1")
                    .arg(Ddl::quoteLiteral(QString(QLatin1Char(m_options.delimiter))))
             << QStringLiteral("QUOTE %1")
                    .arg(Ddl::quoteLiteral(QString(QLatin1Char(m_options.quote))));
    } else if (m_options.format == QLatin1String("binary")) {
        opts << QStringLiteral("FORMAT binary");
    } else {
        opts << QStringLiteral("FORMAT text");
    }
    if (m_options.nullStringSet && m_options.format != QLatin1String("binary"))
        opts << QStringLiteral("NULL %1").arg(Ddl::quoteLiteral(m_options.nullString));
    else if (m_options.format == QLatin1String("tsv"))
        opts << QStringLiteral("NULL ''");
    m_copySql = QStringLiteral("COPY %1%2 FROM STDIN (%3)")
                    .arg(table, columns, opts.join(QStringLiteral(", ")));
    return {};
}

QString LoadJob::resolveRun()
{
    if (m_options.resume)
        return LoadLedger::findRun(*m_db, m_options, m_files, &m_run);
    m_run = LoadRun();
    m_run.runId = m_options.runId;
    if (m_run.runId.isEmpty())
        m_run.runId = QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyyMMdd-HHmmss-")) +
                      QString::number(QRandomGenerator::global()->bounded(0x10000), 16)
                          .rightJustified(4, QLatin1Char('0'));
    return {};
}

// Opens the database, finds or names the run, scans the files (cut around what a resumed run
// committed) and checks a resume may go on; empty when ready to load.
QString LoadJob::prepare()
{
    m_db = std::make_unique<Database>();
    if (QString e = m_db->open(m_options.conninfo); !e.isEmpty())
        return e;
    m_serverVersion = m_db->serverVersion();
    if (QString e = m_db->ensureLedger(); !e.isEmpty())
        return e;
    if (QString e = LoadLedger::ensureTables(*m_db); !e.isEmpty())
        return e;
    if (QString e = resolveRun(); !e.isEmpty())
        return e;
    m_runId = m_run.runId;
    emit phaseChanged(QStringLiteral("scanning %1 file(s)").arg(m_files.size()));
    FileChunkerOptions scan;
    scan.files = m_files;
    scan.csv = m_options.format == QLatin1String("csv");
    scan.binary = m_options.format == QLatin1String("binary");
    scan.quote = m_options.quote;
    scan.header = m_options.header;
    scan.chunkBytes = m_options.chunkBytes;
    scan.fixedRanges = m_run.committed;
    m_chunks = FileChunker::scan(scan, &m_cancelled);
    if (!m_chunks.error.isEmpty())
        return m_chunks.error;
    if (QString e = buildCopyStatement(); !e.isEmpty())
        return e;
    if (m_options.resume)
        return LoadLedger::checkUnchanged(m_run, m_chunks, m_files, scan.binary);
    if (const QString note = LoadLedger::unfinishedNote(*m_db, m_options, m_files); !note.isEmpty())
        emit warning(note);
    return LoadLedger::registerRun(*m_db, m_options, m_files, m_chunks, m_runId);
}

QString LoadJob::start(const LoadOptions &options)
{
    m_options = options;
    QString error;
    m_files = FileChunker::expand(options.files, &error);
    if (!error.isEmpty())
        return error;
    if (m_files.isEmpty())
        return QStringLiteral("no files to load: name files or folders");
    if (options.skipErrors && options.rejectFile.isEmpty())
        return QStringLiteral("--on-error skip needs a reject file");
    if (QString e = detectFormat(); !e.isEmpty())
        return e;
    if (QString e = prepare(); !e.isEmpty())
        return e;
    m_nextChunk = m_run.nextChunk;
    m_rejects = std::make_unique<RejectWriter>(options.rejectFile);
    m_context.runId = m_runId;
    m_context.table = options.table;
    m_context.copySql = m_copySql;
    m_context.files = m_files;
    m_context.csv = m_options.format == QLatin1String("csv");
    m_context.binary = m_options.format == QLatin1String("binary");
    m_context.quote = options.quote;
    m_context.skipErrors = options.skipErrors;
    m_context.maxRejects = options.maxRejects;
    m_context.nextChunk = &m_nextChunk;
    m_context.rejects = m_rejects.get();
    launch();
    return {};
}

void LoadJob::launch()
{
    for (int i = 0; i < m_options.workers; ++i)
        m_committers.push_back(
            std::make_unique<ChunkCommitter>(m_options.conninfo, m_options.retry, &m_cancelled));
    for (int i = 0; i < m_options.workers; ++i)
        m_committers[size_t(i)]->setEvents(&m_events, i);
    m_sampler = std::make_unique<ServerSampler>(m_options.conninfo);
    connect(m_sampler.get(), &ServerSampler::sampled, this, [this](const ServerSample &s) {
        m_lastSample = s;
        m_hasSample = true;
    });
    m_sampler->start();
    emit phaseChanged(QStringLiteral("loading"));
    m_clock.start();
    m_timer.start(100);
    if (m_pool->maxThreadCount() < m_options.workers)
        m_pool->setMaxThreadCount(m_options.workers);
    const int workers = std::max(1, std::min(m_options.workers, int(m_chunks.chunks.size())));
    // One chunk read ahead is enough: reading (even decompressing) a chunk takes a fraction of
    // its COPY; memory stays (workers + 2) chunks.
    m_feeder = std::make_unique<ChunkFeeder>(m_chunks, m_files, 1);
    m_feeder->start();
    m_active = workers;
    for (int w = 0; w < workers; ++w)
        m_pool->start([this, w] { workerLoop(w); });
}

// Without --format: binary COPY when the first file (decompressed) starts with PGCOPY's
// signature, else CSV. With one: binary files must be loaded as binary.
QString LoadJob::detectFormat()
{
    DataStream stream(m_files.front());
    if (!stream.open())
        return stream.error();
    QByteArray start(11, '\0');
    const qint64 n = stream.read(start.data(), start.size());
    if (n < 0)
        return stream.error();
    const bool binary = isBinaryCopy(start.left(qsizetype(n)));
    if (m_options.format.isEmpty())
        m_options.format = binary ? QStringLiteral("binary") : QStringLiteral("csv");
    else if (binary && m_options.format != QLatin1String("binary"))
        return QStringLiteral("'%1' is a binary COPY file (it starts with PGCOPY's signature): "
                              "load it with --format binary")
            .arg(m_files.front());
    if (m_options.format == QLatin1String("binary") && m_options.header)
        return QStringLiteral("--header does not apply to binary COPY files");
    return {};
}

void LoadJob::workerLoop(int worker)
{
    ChunkCommitter &committer = *m_committers[size_t(worker)];
    ChunkLoader loader(m_context, committer);
    ChunkFeeder::Item item;
    for (;;) {
        committer.setState(WorkerState::Generating); // waiting for the reader's next chunk
        if (m_cancelled || m_failed || !m_feeder->next(item)) {
            if (const QString e = m_feeder->error(); !e.isEmpty())
                fail(e);
            break;
        }
        const FileChunk &c = m_chunks.chunks[item.chunk];
        if (c.fixed >= 0) { // committed by an earlier attempt, checked unchanged
            m_rowsDone += c.rows;
            m_rowsSkipped += c.rows;
            continue;
        }
        const QString e = loader.load(c, item.data);
        item.data = QByteArray(); // not held while waiting for the next one
        m_rowsDone += loader.rowsLoaded();
        m_bytesDone += uint64_t(c.length);
        if (!e.isEmpty()) {
            if (!m_cancelled) // a chunk given up because of the cancel: the run is cancelled
                fail(e);
            break;
        }
        std::lock_guard lock(m_mutex);
        if (committer.lastLatencyMs() >= 0)
            m_latencies.push_back(committer.lastLatencyMs());
    }
    committer.close();
    committer.setState(WorkerState::Done);
    workerDone();
}

void LoadJob::fail(const QString &error)
{
    {
        std::lock_guard lock(m_mutex);
        if (m_error.isEmpty())
            m_error = error;
        m_failed = true;
    }
    m_feeder->stop();
}

void LoadJob::workerDone()
{
    std::lock_guard lock(m_mutex);
    if (--m_active == 0) {
        m_idle.notify_all();
        QMetaObject::invokeMethod(this, &LoadJob::complete, Qt::QueuedConnection);
    }
}

RunSnapshot LoadJob::snapshot() const
{
    RunSnapshot s;
    s.elapsedSeconds = m_clock.isValid() ? double(m_clock.nsecsElapsed()) / 1e9 : 0;
    s.rowsSkipped = m_rowsSkipped;
    s.rowsDone = m_rowsDone;
    s.bytesDone = m_bytesDone;
    s.rowsTotal = m_chunks.totalRows;
    s.tables.append(TableProgress{m_options.table, s.rowsDone, s.rowsTotal, s.bytesDone});
    if (s.elapsedSeconds > 0) {
        s.meanRowsPerSecond = double(s.rowsDone - s.rowsSkipped) / s.elapsedSeconds;
        s.meanBytesPerSecond = double(s.bytesDone) / s.elapsedSeconds;
    }
    s.rowsPerSecond = m_rate.rowsPerSecond();
    s.bytesPerSecond = m_rate.bytesPerSecond();
    if (s.rowsTotal >= s.rowsDone)
        s.etaSeconds = m_rate.eta(s.rowsTotal - s.rowsDone, s.meanRowsPerSecond);
    for (const auto &c : m_committers)
        s.workers.append(c->state());
    std::vector<double> latencies;
    {
        std::lock_guard lock(m_mutex);
        latencies = m_latencies;
    }
    s.commitLatency = summarizeLatencies(latencies);
    s.server = m_lastSample;
    s.hasServerSample = m_hasSample;
    return s;
}

void LoadJob::complete()
{
    m_timer.stop();
    m_sampler->stop();
    RunResult result;
    result.cancelled = m_cancelled && !m_failed;
    result.ok = !m_cancelled && !m_failed;
    result.error = result.cancelled ? QStringLiteral("the load was cancelled") : m_error;
    result.outputs = QStringList{m_options.table};
    result.last = snapshot();
    result.last.events = m_events.drain();
    result.last.finished = true;
    result.last.rowsPerSecond = result.last.meanRowsPerSecond;
    result.last.bytesPerSecond = result.last.meanBytesPerSecond;
    result.last.etaSeconds = 0;
    const QString status = result.ok          ? QStringLiteral("finished")
                           : result.cancelled ? QStringLiteral("cancelled")
                                              : QStringLiteral("failed");
    m_db->execute(QStringLiteral(
                      "UPDATE spillway.runs SET status = %1, finished_at = now() WHERE run_id = %2")
                      .arg(Ddl::quoteLiteral(status), Ddl::quoteLiteral(m_runId)));
    emit snapshotTaken(result.last);
    emit runFinished(result);
}

} // namespace spillway
