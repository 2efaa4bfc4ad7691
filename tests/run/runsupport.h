#pragma once

// Helpers for tests that drive whole runs: compile a schema, run a plan through the Engine into
// a sink inside a local event loop, wrap a sink to delay, cancel or fail it, hash and list the
// files a run wrote, and parse CSV independently of the encoder.

#include "files/filesink.h"
#include "run/engine.h"
#include "schema/schemaio.h"

#include <QCryptographicHash>
#include <QDir>
#include <QEventLoop>
#include <QFile>
#include <QHash>
#include <QMap>
#include <QThreadPool>
#include <QTimer>

#include <atomic>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <vector>

namespace spillway::test {

// Compiles a schema file (or a ":/spillway/examples/NAME.json" resource) without sizing it:
// the planner does that. Null, with the problems in `error`, when it is invalid.
inline std::shared_ptr<CompiledSchema> compileFile(const QString &fileName, QString *error)
{
    Diagnostics d;
    const auto schema = SchemaIO::load(fileName, d);
    std::shared_ptr<CompiledSchema> compiled;
    if (schema)
        compiled = CompiledSchema::compile(*schema, d);
    if (!compiled && error)
        *error = d.toString();
    return compiled;
}

inline std::shared_ptr<CompiledSchema> compileJson(const QByteArray &json, QString *error)
{
    Diagnostics d;
    const auto schema = SchemaIO::parse(json, d);
    std::shared_ptr<CompiledSchema> compiled;
    if (schema)
        compiled = CompiledSchema::compile(*schema, d);
    if (!compiled && error)
        *error = d.toString();
    return compiled;
}

// Passes every call through to another sink; `beforeWrite` may delay, cancel or fail a write
// (a non-empty return is the write's error and the inner sink never sees that chunk).
class HookSink final : public Sink
{
public:
    using Hook = std::function<QString(const EncodedChunk &chunk, int worker, int callIndex)>;

    HookSink(std::shared_ptr<Sink> inner, Hook beforeWrite)
        : m_inner(std::move(inner))
        , m_hook(std::move(beforeWrite))
    {}

    bool isOrdered() const override { return m_inner->isOrdered(); }
    bool needsRowEnds() const override { return m_inner->needsRowEnds(); }
    bool takesDirtyRows() const override { return m_inner->takesDirtyRows(); }
    QString open(const Plan &plan) override { return m_inner->open(plan); }
    QString write(EncodedChunk &chunk, int worker) override
    {
        const int index = m_calls.fetch_add(1);
        if (m_hook) {
            if (QString e = m_hook(chunk, worker, index); !e.isEmpty())
                return e;
        }
        return m_inner->write(chunk, worker);
    }
    QString finish(bool completed) override { return m_inner->finish(completed); }
    QStringList outputs() const override { return m_inner->outputs(); }

private:
    std::shared_ptr<Sink> m_inner;
    Hook m_hook;
    std::atomic<int> m_calls{0};
};

// An unordered sink that keeps every chunk by its sequence number (or only counts bytes), for
// checking that a chunk's bytes do not depend on which worker made it or when.
class CollectSink final : public Sink
{
public:
    explicit CollectSink(bool ordered, bool keep = true)
        : m_ordered(ordered)
        , m_keep(keep)
    {}

    bool isOrdered() const override { return m_ordered; }
    QString open(const Plan &) override { return {}; }
    QString write(EncodedChunk &chunk, int) override
    {
        std::lock_guard lock(m_mutex);
        m_bytes += chunk.data.size();
        m_rows += chunk.rows;
        if (m_keep)
            m_chunks[chunk.sequence] = {
                chunk.table, QByteArray(chunk.data.data(), qsizetype(chunk.data.size()))};
        return {};
    }
    QString finish(bool) override { return {}; }

    uint64_t bytes() const { return m_bytes; }
    uint64_t rows() const { return m_rows; }
    // The bytes of one table's chunks, in plan order.
    QByteArray tableBytes(int table) const
    {
        QByteArray out;
        for (const auto &[sequence, chunk] : m_chunks) {
            if (chunk.first == table)
                out += chunk.second;
        }
        return out;
    }

private:
    bool m_ordered;
    bool m_keep;
    std::mutex m_mutex;
    std::map<uint64_t, std::pair<int, QByteArray>> m_chunks;
    uint64_t m_bytes = 0;
    uint64_t m_rows = 0;
};

struct RunOutcome
{
    QString setupError; // the plan or the sink could not start
    std::shared_ptr<const Plan> plan;
    RunResult result;
    QList<RunSnapshot> snapshots;
    bool timedOut = false;
};

// Plans and runs `schema` into `sink`, waiting in a local event loop for runFinished.
// `prepare` gets the engine before it starts (to connect to it, or to hand it to a hook).
inline RunOutcome runPlan(const std::shared_ptr<CompiledSchema> &schema,
                          const PlanOptions &planOptions, const std::shared_ptr<Sink> &sink,
                          const FormatOptions &format, EngineOptions engineOptions = {},
                          const std::function<void(Engine &)> &prepare = {}, int timeoutMs = 120000)
{
    RunOutcome outcome;
    if (engineOptions.workers <= 0)
        engineOptions.workers = 2;
    QThreadPool pool;
    pool.setMaxThreadCount(engineOptions.workers + 1);
    Diagnostics diagnostics;
    auto plan = Plan::build(schema, planOptions, &pool, diagnostics);
    if (!plan) {
        outcome.setupError = diagnostics.toString();
        return outcome;
    }
    outcome.plan = plan;
    Engine engine(&pool);
    QEventLoop loop;
    QObject::connect(&engine, &Engine::snapshotTaken, &loop,
                     [&](const RunSnapshot &s) { outcome.snapshots.append(s); });
    QObject::connect(&engine, &Engine::runFinished, &loop, [&](const RunResult &r) {
        outcome.result = r;
        loop.quit();
    });
    if (prepare)
        prepare(engine);
    if (!engine.start(plan, sink, format, engineOptions)) {
        outcome.setupError = engine.error();
        return outcome;
    }
    QTimer guard;
    guard.setSingleShot(true);
    QObject::connect(&guard, &QTimer::timeout, &loop, [&] {
        outcome.timedOut = true;
        engine.cancel();
    });
    guard.start(timeoutMs);
    loop.exec();
    return outcome;
}

// Runs into a folder through a FileSink.
inline RunOutcome runToFolder(const std::shared_ptr<CompiledSchema> &schema,
                              const PlanOptions &planOptions, const FileSinkOptions &sinkOptions,
                              EngineOptions engineOptions = {})
{
    return runPlan(schema, planOptions, std::make_shared<FileSink>(sinkOptions), sinkOptions.format,
                   engineOptions);
}

inline QByteArray readAll(const QString &fileName)
{
    QFile file(fileName);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return file.readAll();
}

inline QByteArray sha256(const QByteArray &bytes)
{
    return QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex();
}

// SHA-256 of every file in a folder, by file name.
inline QMap<QString, QByteArray> hashFolder(const QString &folder)
{
    QMap<QString, QByteArray> hashes;
    const QDir dir(folder);
    for (const QString &name : dir.entryList(QDir::Files | QDir::Hidden, QDir::Name)) {
        QFile file(dir.filePath(name));
        QCryptographicHash hash(QCryptographicHash::Sha256);
        if (file.open(QIODevice::ReadOnly))
            hash.addData(&file);
        hashes.insert(name, hash.result().toHex());
    }
    return hashes;
}

inline QStringList filesIn(const QString &folder)
{
    return QDir(folder).entryList(QDir::Files | QDir::Hidden, QDir::Name);
}

// RFC 4180 records: quoted fields may hold the delimiter, doubled quotes and line breaks; a
// record ends at LF (or CRLF) outside quotes. Written from the RFC, not from the encoder.
struct CsvField
{
    QByteArray text;
    bool quoted = false;
};
using CsvRecord = std::vector<CsvField>;

inline bool parseCsv(const QByteArray &data, char delimiter, char quote,
                     std::vector<CsvRecord> &records, QString *error = nullptr,
                     std::vector<qsizetype> *ends = nullptr)
{
    records.clear();
    if (ends)
        ends->clear();
    CsvRecord record;
    CsvField field;
    bool inQuotes = false, afterQuote = false, fieldStarted = false;
    auto endField = [&] {
        record.push_back(field);
        field = {};
        afterQuote = false;
        fieldStarted = false;
    };
    for (qsizetype i = 0; i < data.size(); ++i) {
        const char c = data[i];
        if (inQuotes) {
            if (c != quote) {
                field.text += c;
            } else if (i + 1 < data.size() && data[i + 1] == quote) {
                field.text += quote;
                ++i;
            } else {
                inQuotes = false;
                afterQuote = true;
            }
            continue;
        }
        if (c == delimiter) {
            endField();
        } else if (c == '\n' || (c == '\r' && i + 1 < data.size() && data[i + 1] == '\n')) {
            if (c == '\r')
                ++i;
            endField();
            records.push_back(std::move(record));
            record.clear();
            if (ends)
                ends->push_back(i + 1);
        } else if (c == quote && !fieldStarted) {
            inQuotes = true;
            field.quoted = true;
            fieldStarted = true;
        } else if (afterQuote || c == quote || c == '\r') {
            if (error)
                *error = QStringLiteral("stray character at byte %1").arg(i);
            return false;
        } else {
            field.text += c;
            fieldStarted = true;
        }
    }
    if (inQuotes) {
        if (error)
            *error = QStringLiteral("unterminated quoted field at the end");
        return false;
    }
    if (fieldStarted || !record.empty()) {
        if (error)
            *error = QStringLiteral("the last record does not end with a newline");
        return false;
    }
    return true;
}

FormatOptions formatNamed(const QString &name)
{
    FormatOptions format;
    FormatOptions::parseFormat(name, format.format);
    return format;
}

FileSinkOptions sinkTo(const QString &folder, const QString &format)
{
    FileSinkOptions options;
    options.directory = folder;
    options.format = formatNamed(format);
    return options;
}

bool hasHeader(const QString &format)
{
    return format != QLatin1String("pgcopy");
}

// Data rows of one output file (csv, tsv or pgcopy), and where each ends (one past its newline).
std::vector<qsizetype> rowEnds(const QByteArray &bytes, const QString &format)
{
    std::vector<qsizetype> ends;
    if (format == QLatin1String("csv")) {
        std::vector<CsvRecord> records;
        QString error;
        if (!parseCsv(bytes, ',', '"', records, &error, &ends))
            qWarning("not valid CSV: %s", qPrintable(error));
        if (!ends.empty())
            ends.erase(ends.begin()); // the header
        return ends;
    }
    // TSV and COPY text escape line breaks: one line per row.
    for (qsizetype i = bytes.indexOf('\n'); i >= 0; i = bytes.indexOf('\n', i + 1))
        ends.push_back(i + 1);
    if (format == QLatin1String("tsv") && !ends.empty())
        ends.erase(ends.begin());
    return ends;
}

qsizetype headerSize(const QByteArray &bytes, const QString &format)
{
    return hasHeader(format) ? bytes.indexOf('\n') + 1 : 0;
}

QStringList partFiles(const QString &folder)
{
    return QDir(folder).entryList({QStringLiteral("*.part")}, QDir::Files | QDir::Hidden);
}

QString tableName(const Plan &plan, const TablePlan &table)
{
    return plan.schema()->tables()[size_t(table.table)]->name;
}

// Each column's values by header name, from a CSV file with a header; false when malformed.
inline bool readCsvColumns(const QString &fileName, QHash<QString, QList<QByteArray>> &columns,
                           qsizetype &rows, QString *error)
{
    std::vector<CsvRecord> records;
    if (!parseCsv(readAll(fileName), ',', '"', records, error))
        return false;
    if (records.empty()) {
        *error = QStringLiteral("no header");
        return false;
    }
    rows = qsizetype(records.size()) - 1;
    for (size_t c = 0; c < records[0].size(); ++c) {
        QList<QByteArray> &values = columns[QString::fromUtf8(records[0][c].text)];
        for (size_t r = 1; r < records.size(); ++r) {
            if (records[r].size() != records[0].size()) {
                *error = QStringLiteral("record %1 has %2 fields").arg(r).arg(records[r].size());
                return false;
            }
            values.append(records[r][c].text);
        }
    }
    return true;
}

// Peak resident set size of this process in KiB (VmHWM), or -1 when unknown.
inline qint64 peakRssKiB()
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmHWM:"))
            return line.mid(6).trimmed().split(' ').front().toLongLong();
    }
    return -1;
}

// Resets VmHWM to the current RSS (Linux >= 4.0); false when the kernel does not allow it.
inline bool resetPeakRss()
{
    QFile clear(QStringLiteral("/proc/self/clear_refs"));
    if (!clear.open(QIODevice::WriteOnly))
        return false;
    return clear.write("5") == 1 && clear.flush();
}

} // namespace spillway::test
