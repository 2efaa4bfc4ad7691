#include "verify/verifydigest.h"

#include "verify/md5.h"

#include <QtConcurrent/QtConcurrentMap>
#include <QThreadPool>

#include <algorithm>

namespace spillway {
namespace {

std::vector<ChunkSpec> chunksOf(const Plan &plan, int table)
{
    const TablePlan *tp = plan.tablePlan(table);
    if (!tp)
        return {};
    const auto first = plan.chunks().begin() + qsizetype(tp->firstChunk);
    return {first, first + qsizetype(tp->chunkCount)};
}

struct Scratch
{
    std::string text;
    std::string record;
};

// Adds the values of rows [from, to) of a batch to a digest.
void addCleanRows(const RowBatch &batch, uint32_t from, uint32_t to,
                  const std::vector<DigestColumn> &columns, DigestKind kind, TableDigest &digest,
                  Scratch &s)
{
    digest.rows += to - from;
    for (size_t k = 0; k < columns.size(); ++k) {
        const Value *values = batch.column(columns[k].column);
        const PgTextForm &form = columns[k].form;
        ColumnDigest &d = digest.columns[k];
        const bool hash = hasColumnChecksums(kind) && form.isPredictable();
        for (uint32_t i = from; i < to; ++i) {
            if (values[i].isNull())
                continue;
            ++d.nonNull;
            if (hash) {
                form.render(values[i], s.text);
                d.checksum += md5Prefix32(s.text);
            }
        }
    }
    if (!hasRowChecksum(kind))
        return;
    const auto predictable = std::count_if(columns.begin(), columns.end(),
                                           [](const auto &c) { return c.form.isPredictable(); });
    if (predictable == 0)
        return;
    for (uint32_t i = from; i < to; ++i) {
        s.record.assign(1, '(');
        bool first = true;
        for (const DigestColumn &c : columns) {
            if (!c.form.isPredictable())
                continue;
            if (!first)
                s.record.push_back(',');
            first = false;
            const Value &v = batch.column(c.column)[i];
            if (!v.isNull()) {
                c.form.render(v, s.text);
                VerifyDigest::appendRecordField(s.record, s.text);
            }
        }
        s.record.push_back(')');
        digest.rowChecksum += md5Prefix32(s.record);
    }
}

// The same, skipping the rows written dirty (encode/dirtyrows.h): they must not be loaded.
void addRows(const RowBatch &batch, uint32_t from, uint32_t to, const DirtyRows *dirty,
             const std::vector<DigestColumn> &columns, DigestKind kind, TableDigest &digest,
             Scratch &s)
{
    if (!dirty)
        return addCleanRows(batch, from, to, columns, kind, digest, s);
    while (from < to) {
        while (from < to && dirty->isDirty(batch.firstRow + from))
            ++from;
        uint32_t end = from;
        while (end < to && !dirty->isDirty(batch.firstRow + end))
            ++end;
        if (end > from)
            addCleanRows(batch, from, end, columns, kind, digest, s);
        from = end;
    }
}

// Calls consume(batch) for the batches of the table's rows whose key index (row, or parent row
// when byParent) is in [first, first + count), generating only the chunks that hold them.
template<class Consume>
void generateRange(const Plan &plan, int table, bool byParent, uint64_t first, uint64_t count,
                   Consume &&consume)
{
    const TableRuntime &t = *plan.schema()->tables()[size_t(table)];
    RowBatch batch(int(t.columns.size()));
    const uint64_t end = first + count;
    if (!t.isChild()) {
        // Any row range of a root table can be generated alone.
        ChunkSpec range;
        range.table = table;
        range.firstRow = first;
        range.rowCount = std::min(end, t.rowCount) - std::min(first, t.rowCount);
        plan.generateChunk(range, batch, consume);
        return;
    }
    for (const ChunkSpec &chunk : chunksOf(plan, table)) {
        const uint64_t from = byParent ? chunk.firstParent : chunk.firstRow;
        const uint64_t size = byParent ? chunk.parentCount : chunk.rowCount;
        if (from + size > first && from < end)
            plan.generateChunk(chunk, batch, consume);
    }
}

// The key index of row i of a batch: the row's, or its parent's.
uint64_t keyIndex(const RowBatch &b, uint32_t i, bool byParent)
{
    return byParent ? b.parentRows[i] : b.firstRow + i;
}

// The column of a table as a sequence key, if it is one.
std::optional<RowKey> sequenceColumn(const CompiledSchema &schema, const TableRuntime &t, int c)
{
    const ColumnRuntime &column = t.columns[size_t(c)];
    const QJsonObject &g = schema.schema().tables[t.schemaIndex].columns[c].generator;
    if (g.value(QStringLiteral("kind")).toString() != QLatin1String("sequence") ||
        column.nullThreshold != 0 || column.uniqueMode == ColumnRuntime::UniqueMode::Permuted ||
        PgTextForm::forType(column.sqlType).family() != PgTextForm::Family::Integer)
        return std::nullopt;
    RowKey key;
    key.column = c;
    key.start = g.value(QStringLiteral("start")).toInteger(1);
    key.step = g.value(QStringLiteral("step")).toInteger(1);
    if (key.step == 0)
        return std::nullopt;
    return key;
}

// A never-null, non-permuted column of a child table generated by `kind`, or -1.
int plainColumn(const CompiledSchema &schema, const TableRuntime &t, const char *kind)
{
    for (int c : t.outputColumns) {
        const ColumnRuntime &column = t.columns[size_t(c)];
        const QJsonObject &g = schema.schema().tables[t.schemaIndex].columns[c].generator;
        if (g.value(QStringLiteral("kind")).toString() == QLatin1String(kind) &&
            column.nullThreshold == 0 && column.uniqueMode != ColumnRuntime::UniqueMode::Permuted)
            return c;
    }
    return -1;
}

} // namespace

QString checksumText(Checksum checksum)
{
    char digits[48];
    char *p = digits + sizeof digits;
    do {
        *--p = char('0' + int(checksum % 10));
        checksum /= 10;
    } while (checksum);
    return QString::fromLatin1(p, digits + sizeof digits - p);
}

void TableDigest::merge(const TableDigest &other)
{
    rows += other.rows;
    rowChecksum += other.rowChecksum;
    if (columns.size() < other.columns.size())
        columns.resize(other.columns.size());
    for (size_t k = 0; k < other.columns.size(); ++k) {
        columns[k].nonNull += other.columns[k].nonNull;
        columns[k].checksum += other.columns[k].checksum;
    }
}

void VerifyDigest::appendRecordField(std::string &record, std::string_view text)
{
    bool quote = text.empty();
    for (char c : text) {
        if (c == '"' || c == '\\' || c == '(' || c == ')' || c == ',' || c == ' ' ||
            (c >= '\t' && c <= '\r'))
            quote = true;
    }
    if (!quote) {
        record.append(text);
        return;
    }
    record.push_back('"');
    for (char c : text) {
        if (c == '"' || c == '\\')
            record.push_back(c);
        record.push_back(c);
    }
    record.push_back('"');
}

QFuture<TableDigest> VerifyDigest::table(std::shared_ptr<const Plan> plan, int table,
                                         const std::vector<DigestColumn> &columns, DigestKind kind,
                                         QThreadPool *pool)
{
    auto digestChunk = [plan, columns, kind](const ChunkSpec &chunk) {
        const TableRuntime &t = *plan->schema()->tables()[size_t(chunk.table)];
        RowBatch batch(int(t.columns.size()));
        TableDigest digest(columns.size());
        Scratch scratch;
        const auto dirty = plan->dirtyRows(chunk.table);
        plan->generateChunk(chunk, batch, [&](const RowBatch &b) {
            addRows(b, 0, b.count, dirty.get(), columns, kind, digest, scratch);
        });
        return digest;
    };
    auto reduce = [](TableDigest &total, const TableDigest &part) { total.merge(part); };
    return QtConcurrent::mappedReduced<TableDigest>(pool ? pool : QThreadPool::globalInstance(),
                                                    chunksOf(*plan, table), digestChunk, reduce,
                                                    QtConcurrent::UnorderedReduce);
}

QFuture<BucketDigests> VerifyDigest::buckets(std::shared_ptr<const Plan> plan, int table,
                                             const std::vector<DigestColumn> &columns,
                                             bool byParent, uint64_t bucketSize, DigestKind kind,
                                             QThreadPool *pool)
{
    auto digestChunk = [plan, columns, byParent, bucketSize, kind](const ChunkSpec &chunk) {
        const TableRuntime &t = *plan->schema()->tables()[size_t(chunk.table)];
        RowBatch batch(int(t.columns.size()));
        BucketDigests digests;
        Scratch scratch;
        const auto dirty = plan->dirtyRows(chunk.table);
        plan->generateChunk(chunk, batch, [&](const RowBatch &b) {
            // Key indexes only grow within a batch: add it run by run of one bucket.
            for (uint32_t from = 0; from < b.count;) {
                const uint64_t bucket = keyIndex(b, from, byParent) / bucketSize;
                uint32_t to = from + 1;
                while (to < b.count && keyIndex(b, to, byParent) / bucketSize == bucket)
                    ++to;
                auto it = digests.try_emplace(bucket, columns.size()).first;
                addRows(b, from, to, dirty.get(), columns, kind, it->second, scratch);
                from = to;
            }
        });
        return digests;
    };
    auto reduce = [](BucketDigests &total, const BucketDigests &part) {
        for (const auto &[bucket, digest] : part)
            total.try_emplace(bucket).first->second.merge(digest);
    };
    return QtConcurrent::mappedReduced<BucketDigests>(pool ? pool : QThreadPool::globalInstance(),
                                                      chunksOf(*plan, table), digestChunk, reduce,
                                                      QtConcurrent::UnorderedReduce);
}

QFuture<TableDigest> VerifyDigest::ranges(std::shared_ptr<const Plan> plan, int table,
                                          const std::vector<DigestColumn> &columns, bool byParent,
                                          uint64_t bucketSize, const std::vector<uint64_t> &buckets,
                                          DigestKind kind, QThreadPool *pool)
{
    auto digestBucket = [plan, table, columns, byParent, bucketSize, kind](uint64_t bucket) {
        TableDigest digest(columns.size());
        Scratch scratch;
        const auto dirty = plan->dirtyRows(table);
        const uint64_t first = bucket * bucketSize, end = first + bucketSize;
        generateRange(*plan, table, byParent, first, bucketSize, [&](const RowBatch &b) {
            uint32_t from = 0, to = b.count;
            while (from < to && keyIndex(b, from, byParent) < first)
                ++from;
            while (to > from && keyIndex(b, to - 1, byParent) >= end)
                --to;
            addRows(b, from, to, dirty.get(), columns, kind, digest, scratch);
        });
        return digest;
    };
    auto reduce = [](TableDigest &total, const TableDigest &part) { total.merge(part); };
    return QtConcurrent::mappedReduced<TableDigest>(pool ? pool : QThreadPool::globalInstance(),
                                                    buckets, digestBucket, reduce,
                                                    QtConcurrent::UnorderedReduce);
}

std::vector<ExpectedRow> VerifyDigest::rows(const Plan &plan, int table,
                                            const std::vector<DigestColumn> &columns, bool byParent,
                                            uint64_t first, uint64_t count)
{
    std::vector<ExpectedRow> rows;
    std::string text;
    const auto dirty = plan.dirtyRows(table);
    generateRange(plan, table, byParent, first, count, [&](const RowBatch &b) {
        for (uint32_t i = 0; i < b.count; ++i) {
            const uint64_t index = keyIndex(b, i, byParent);
            if (index < first || index >= first + count ||
                (dirty && dirty->isDirty(b.firstRow + i)))
                continue;
            ExpectedRow r;
            r.index = index;
            r.ordinal = byParent ? b.ordinals[i] : 0;
            for (const DigestColumn &c : columns) {
                const Value &v = b.column(c.column)[i];
                if (v.isNull()) {
                    r.values.append(QString());
                    continue;
                }
                c.form.render(v, text);
                r.values.append(QString::fromUtf8(text.data(), qsizetype(text.size())));
            }
            rows.push_back(std::move(r));
        }
    });
    return rows;
}

std::optional<RowKey> VerifyDigest::rowKey(const CompiledSchema &schema, int table)
{
    const TableRuntime &t = *schema.tables()[size_t(table)];
    std::optional<RowKey> key;
    for (int c : t.outputColumns) {
        const auto candidate = sequenceColumn(schema, t, c);
        if (candidate && (!key || (t.columns[size_t(c)].primaryKey &&
                                   !t.columns[size_t(key->column)].primaryKey)))
            key = candidate;
    }
    if (key || !t.isChild())
        return key;
    // A child row is named by its parent's sequence key and its ordinal under the parent.
    const TableRuntime &parent = *schema.tables()[size_t(t.parent)];
    const int parentColumn = plainColumn(schema, t, "parent");
    const int ordinal = plainColumn(schema, t, "ordinal");
    if (parentColumn < 0 || ordinal < 0)
        return std::nullopt;
    const QJsonObject &pg = schema.schema().tables[t.schemaIndex].columns[parentColumn].generator;
    const int target = parent.columnIndex(pg.value(QStringLiteral("column")).toString());
    key = target < 0 ? std::nullopt : sequenceColumn(schema, parent, target);
    if (!key)
        return std::nullopt;
    key->column = parentColumn;
    key->ordinalColumn = ordinal;
    key->ordinalStart = schema.schema()
                            .tables[t.schemaIndex]
                            .columns[ordinal]
                            .generator.value(QStringLiteral("start"))
                            .toInteger(1);
    return key;
}

} // namespace spillway
