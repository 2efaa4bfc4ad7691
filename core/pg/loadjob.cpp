#include "loadjob.h"

#include "database.h"
#include "ddl.h"
#include "pgsink.h"
#include "serversampler.h"

#include <QDateTime>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
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
    } else {
        opts << QStringLiteral("FORMAT text");
    }
    if (m_options.nullStringSet)
        opts << QStringLiteral("NULL %1").arg(Ddl::quoteLiteral(m_options.nullString));
    else if (m_options.format == QLatin1String("tsv"))
        opts << QStringLiteral("NULL ''");
    m_copySql = QStringLiteral("COPY %1%2 FROM STDIN (%3)")
                    .arg(table, columns, opts.join(QStringLiteral(", ")));
    return {};
}

QString LoadJob::resolveRun()
{
    QJsonArray files;
    for (const QString &f : m_files) {
        const QFileInfo info(f);
        files.append(
            QJsonObject{{QStringLiteral("path"), info.absoluteFilePath()},
                        {QStringLiteral("size"), double(info.size())},
                        {QStringLiteral("modified"), info.lastModified().toString(Qt::ISODate)}});
    }
    const QJsonObject settings{{QStringLiteral("kind"), QStringLiteral("load")},
                               {QStringLiteral("files"), files},
                               {QStringLiteral("table"), m_options.table},
                               {QStringLiteral("chunk_bytes"), double(m_options.chunkBytes)},
                               {QStringLiteral("header"), m_options.header}};
    const QString text = QString::fromUtf8(QJsonDocument(settings).toJson(QJsonDocument::Compact));
    const QString hash = QStringLiteral("load:") + m_options.table;
    QList<QStringList> rows;
    m_runId = m_options.runId;
    if (m_options.resume) {
        const QString sql =
            m_runId.isEmpty()
                ? QStringLiteral(
                      "SELECT run_id, settings::text FROM spillway.runs WHERE schema_hash = %1 "
                      "AND status <> 'finished' ORDER BY started_at DESC LIMIT 1")
                      .arg(Ddl::quoteLiteral(hash))
                : QStringLiteral(
                      "SELECT run_id, settings::text FROM spillway.runs WHERE run_id = %1")
                      .arg(Ddl::quoteLiteral(m_runId));
        if (QString e = m_db->query(sql, &rows); !e.isEmpty())
            return e;
        if (rows.isEmpty())
            return QStringLiteral(
                       "there is no unfinished load into '%1' to resume: run without --resume")
                .arg(m_options.table);
        m_runId = rows[0][0];
        if (QJsonDocument::fromJson(rows[0][1].toUtf8()).object() != settings)
            return QStringLiteral("load '%1' was started with other files, sizes or chunk size: "
                                  "resume it with the same files, unchanged")
                .arg(m_runId);
        rows.clear();
        if (QString e =
                m_db->query(QStringLiteral("SELECT chunk FROM spillway.ledger WHERE run_id = %1")
                                .arg(Ddl::quoteLiteral(m_runId)),
                            &rows);
            !e.isEmpty())
            return e;
        for (const QStringList &r : rows)
            m_committed.insert(r[0].toUInt());
        return {};
    }
    if (m_runId.isEmpty())
        m_runId = QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyyMMdd-HHmmss-")) +
                  QString::number(QRandomGenerator::global()->bounded(0x10000), 16)
                      .rightJustified(4, QLatin1Char('0'));
    return m_db->execute(
        QStringLiteral("INSERT INTO spillway.runs (run_id, schema_hash, settings) "
                       "VALUES (%1, %2, %3::jsonb)")
            .arg(Ddl::quoteLiteral(m_runId), Ddl::quoteLiteral(hash), Ddl::quoteLiteral(text)));
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
    emit phaseChanged(QStringLiteral("scanning %1 file(s)").arg(m_files.size()));
    FileChunkerOptions scan;
    scan.files = m_files;
    scan.csv = options.format == QLatin1String("csv");
    scan.quote = options.quote;
    scan.header = options.header;
    scan.chunkBytes = options.chunkBytes;
    m_chunks = FileChunker::scan(scan, &m_cancelled);
    if (!m_chunks.error.isEmpty())
        return m_chunks.error;
    m_db = std::make_unique<Database>();
    if (QString e = m_db->open(options.conninfo); !e.isEmpty())
        return e;
    m_serverVersion = m_db->serverVersion();
    if (QString e = buildCopyStatement(); !e.isEmpty())
        return e;
    if (QString e = m_db->ensureLedger(); !e.isEmpty())
        return e;
    if (QString e = resolveRun(); !e.isEmpty())
        return e;
    for (int i = 0; i < options.workers; ++i) {
        m_committers.push_back(
            std::make_unique<ChunkCommitter>(options.conninfo, options.retry, &m_cancelled));
        m_committers.back()->setEvents(&m_events, i);
    }
    m_sampler = std::make_unique<ServerSampler>(options.conninfo);
    connect(m_sampler.get(), &ServerSampler::sampled, this, [this](const ServerSample &s) {
        m_lastSample = s;
        m_hasSample = true;
    });
    m_sampler->start();
    emit phaseChanged(QStringLiteral("loading"));
    m_clock.start();
    m_timer.start(100);
    if (m_pool->maxThreadCount() < options.workers)
        m_pool->setMaxThreadCount(options.workers);
    const int workers = std::max(1, std::min(options.workers, int(m_chunks.chunks.size())));
    m_active = workers;
    for (int w = 0; w < workers; ++w)
        m_pool->start([this, w] { workerLoop(w); });
    return {};
}

void LoadJob::workerLoop(int worker)
{
    ChunkCommitter &committer = *m_committers[size_t(worker)];
    std::unique_ptr<QFile> file;
    int openFile = -1;
    QByteArray buffer;
    for (;;) {
        const uint32_t i = m_next.fetch_add(1);
        if (i >= uint32_t(m_chunks.chunks.size()) || m_cancelled || m_failed)
            break;
        const FileChunk &c = m_chunks.chunks[i];
        if (m_committed.contains(c.index)) {
            m_rowsDone += c.rows;
            m_rowsSkipped += c.rows;
            continue;
        }
        if (c.file != openFile) {
            file = std::make_unique<QFile>(m_files[c.file]);
            openFile = c.file;
            if (!file->open(QIODevice::ReadOnly)) {
                std::lock_guard lock(m_mutex);
                m_error = QStringLiteral("cannot read '%1': %2")
                              .arg(file->fileName(), file->errorString());
                m_failed = true;
                break;
            }
        }
        committer.setState(WorkerState::Generating); // reading the file
        buffer.resize(qsizetype(c.length));
        if (!file->seek(c.offset) || file->read(buffer.data(), c.length) != c.length) {
            std::lock_guard lock(m_mutex);
            m_error = QStringLiteral(
                          "cannot read '%1' at byte %2: %3; was the file changed during the load?")
                          .arg(file->fileName())
                          .arg(c.offset)
                          .arg(file->errorString());
            m_failed = true;
            break;
        }
        const char *pieces[1] = {buffer.constData()};
        const size_t sizes[1] = {size_t(buffer.size())};
        const ChunkKey key{m_runId, m_options.table, c.index, c.firstRow, c.rows};
        const QString e = committer.commit(key, ChunkCommit{m_copySql, pieces, sizes, 1});
        std::lock_guard lock(m_mutex);
        if (!e.isEmpty()) {
            if (m_error.isEmpty())
                m_error = QStringLiteral("%1 (file '%2')").arg(e, m_files[c.file]);
            m_failed = true;
            break;
        }
        if (committer.lastLatencyMs() >= 0)
            m_latencies.push_back(committer.lastLatencyMs());
        m_rowsDone += c.rows;
        m_bytesDone += uint64_t(c.length);
    }
    committer.close();
    committer.setState(WorkerState::Done);
    workerDone();
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
