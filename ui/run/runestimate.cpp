#include "run/runestimate.h"

#include "base/quantity.h"
#include "encode/binaryencoder.h"
#include "encode/encoder.h"
#include "files/compressor.h"
#include "run/plan.h"

#include <QCoreApplication>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>
#include <cmath>
#include <new>

namespace spillway {
namespace {

// Rows sampled per table: a full batch at the start, the middle and the end, so that values
// whose width grows with the row index (sequences, keys) are weighed across the table.
constexpr int kSamplePlaces = 3;
// Parents whose fan-out is drawn to estimate a child table's rows (spread over the parent).
constexpr uint64_t kFanOutSample = 1000;

// The encoder the run uses for a table: the files' format, or the COPY stream's (binary COPY
// falls back to text for tables with a type that has no binary form, as IngestJob does).
std::unique_ptr<Encoder> encoderFor(const RunSettings &settings, const TableRuntime &table)
{
    FormatOptions format;
    if (!settings.isIngest()) {
        format.format = settings.format;
        return Encoder::create(format);
    }
    switch (settings.copyFormat) {
    case CopyFormat::Binary:
        format.format = BinaryCopyEncoder::checkTable(table).isEmpty() ? OutputFormat::PgBinary
                                                                       : OutputFormat::PgCopy;
        break;
    case CopyFormat::Text:
        format.format = OutputFormat::PgCopy;
        break;
    case CopyFormat::Csv:
        format.format = OutputFormat::Csv;
        format.header = false;
        break;
    }
    return Encoder::create(format);
}

// Rows of every table, in load order (parents first), as the planner will count them.
void sizeTables(CompiledSchema &schema, const PlanOptions &options)
{
    Arena scratch(256);
    for (auto &table : schema.tables()) {
        if (!table->isChild()) {
            table->rowCount = Plan::rootRows(schema, *table, options);
        } else {
            const uint64_t parents = schema.tables()[size_t(table->parent)]->rowCount;
            const uint64_t sample = std::min(parents, kFanOutSample);
            double sum = 0;
            for (uint64_t i = 0; i < sample; ++i)
                sum += double(table->fanOutOf(parents / sample * i, scratch));
            table->rowCount =
                sample ? uint64_t(std::llround(sum / double(sample) * double(parents))) : 0;
        }
        for (ColumnRuntime &column : table->columns) {
            if (column.generator)
                column.generator->prepare();
        }
        if (table->fanOut)
            table->fanOut->prepare();
    }
}

// Fills `batch` with up to a batch of rows starting near row `row` of the table. A child
// table's rows are found by walking its parents from the proportional parent onwards.
void sampleRows(const CompiledSchema &schema, const TableRuntime &table, uint64_t row,
                RowBatch &batch)
{
    batch.arena.reset();
    batch.count = 0;
    if (!table.isChild()) {
        batch.firstRow = row;
        batch.count = uint32_t(std::min<uint64_t>(RowBatch::kCapacity, table.rowCount - row));
    } else {
        const uint64_t parents = schema.tables()[size_t(table.parent)]->rowCount;
        uint64_t parent =
            table.rowCount ? uint64_t(double(row) / double(table.rowCount) * double(parents)) : 0;
        Arena scratch(256);
        batch.firstRow = row;
        for (; parent < parents && batch.count < RowBatch::kCapacity; ++parent) {
            const uint64_t n = table.fanOutOf(parent, scratch);
            for (uint64_t k = 0; k < n && batch.count < RowBatch::kCapacity; ++k) {
                batch.parentRows[batch.count] = parent;
                batch.ordinals[batch.count] = uint32_t(k);
                ++batch.count;
            }
        }
    }
    if (batch.count)
        table.generate(batch);
}

struct TableBytes
{
    double bytes = 0;      // uncompressed, headers included
    double compressed = 0; // the same through the compressor (0 without compression)
};

// Files a table's rows go to: more than one when the run splits them.
double fileCount(const RunSettings &settings, uint64_t rows, double bytes)
{
    if (settings.isIngest())
        return 1;
    if (settings.splitRows)
        return std::max(1.0, std::ceil(double(rows) / double(settings.splitRows)));
    if (settings.splitBytes)
        return std::max(1.0, std::ceil(bytes / double(settings.splitBytes)));
    return 1;
}

TableBytes estimateTable(const CompiledSchema &schema, const TableRuntime &table,
                         const RunSettings &settings)
{
    const std::unique_ptr<Encoder> encoder = encoderFor(settings, table);
    ByteBuffer encoded;
    uint64_t sampled = 0;
    RowBatch batch(int(table.columns.size()));
    // Places that do not overlap: repeated rows would make the sample compress too well.
    const int places =
        table.rowCount >= uint64_t(kSamplePlaces) * RowBatch::kCapacity ? kSamplePlaces : 1;
    const uint64_t last = table.rowCount - std::min<uint64_t>(table.rowCount, RowBatch::kCapacity);
    for (int place = 0; place < places && table.rowCount; ++place) {
        const uint64_t row = places > 1 ? last / uint64_t(places - 1) * uint64_t(place) : 0;
        sampleRows(schema, table, row, batch);
        encoder->encode(table, batch, encoded, nullptr);
        sampled += batch.count;
    }
    const double perRow = sampled ? double(encoded.size()) / double(sampled) : 0;
    ByteBuffer frame;
    encoder->writeHeader(table, frame);
    encoder->writeTrailer(frame);
    TableBytes out;
    out.bytes = perRow * double(table.rowCount);
    out.bytes += double(frame.size()) * fileCount(settings, table.rowCount, out.bytes);
    if (settings.isIngest() || settings.compression == Compression::None || encoded.isEmpty())
        return out;
    const auto compressor =
        Compressor::create(settings.compression, Compressor::defaultLevel(settings.compression));
    ByteBuffer packed;
    if (!compressor->begin().isEmpty() ||
        !compressor->compress(encoded.data(), encoded.size(), packed).isEmpty() ||
        !compressor->finish(packed).isEmpty())
        return out;
    out.compressed = out.bytes * double(packed.size()) / double(encoded.size());
    return out;
}

} // namespace

QString RunEstimate::text() const
{
    if (!valid)
        return {};
    return QCoreApplication::translate("RunEstimate", "≈ %1 rows · ≈ %2")
        .arg(formatCount(double(rows)), formatBytes(bytes));
}

RunEstimate RunEstimate::compute(const Schema &schema, const RunSettings &settings)
{
    RunEstimate estimate;
    Diagnostics ignored; // the document shows the schema's own problems
    const std::shared_ptr<CompiledSchema> compiled = CompiledSchema::compile(schema, ignored);
    if (!compiled)
        return estimate;
    const PlanOptions options = settings.planOptions();
    if (!Plan::check(compiled, options, estimate.problems))
        return estimate;
    try {
        sizeTables(*compiled, options);
        for (const auto &table : compiled->tables()) {
            const TableBytes bytes = estimateTable(*compiled, *table, settings);
            estimate.rows += table->rowCount;
            estimate.bytes += bytes.compressed > 0 ? bytes.compressed : bytes.bytes;
        }
    } catch (const std::bad_alloc &) {
        return estimate; // the run meets the same rows and reports them (Engine)
    }
    estimate.valid = true;
    return estimate;
}

RunEstimator::RunEstimator(QObject *parent)
    : QObject(parent)
{
    connect(&m_watcher, &QFutureWatcher<RunEstimate>::finished, this, [this] {
        if (m_pending) {
            startNext(); // settings changed meanwhile: this result is stale already
            return;
        }
        m_estimate = m_watcher.result();
        m_busy = false;
        emit estimated(m_estimate);
    });
}

RunEstimator::~RunEstimator()
{
    m_watcher.waitForFinished();
}

void RunEstimator::request(const Schema &schema, const RunSettings &settings)
{
    m_nextSchema = schema;
    m_nextSettings = settings;
    m_pending = true;
    if (!m_watcher.isRunning())
        startNext();
}

void RunEstimator::startNext()
{
    m_pending = false;
    m_busy = true;
    m_watcher.setFuture(QtConcurrent::run(&RunEstimate::compute, m_nextSchema, m_nextSettings));
}

} // namespace spillway
