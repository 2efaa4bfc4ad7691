#include "run/preview.h"

#include "base/valueformat.h"

#include <new>

namespace spillway {

bool Preview::prepare(CompiledSchema &schema, Diagnostics *diagnostics)
{
    Diagnostics problems;
    for (const auto &table : schema.tables())
        table->checkUniqueCapacity(table->declaredBound, problems);
    if (diagnostics)
        diagnostics->append(problems);
    if (problems.hasErrors())
        return false;
    Arena scratch(256);
    for (auto &table : schema.tables()) {
        if (!table->isChild()) {
            table->rowCount = uint64_t(std::max<int64_t>(table->declaredRows, 0));
        } else {
            const TableRuntime &parent = *schema.tables()[size_t(table->parent)];
            const uint64_t sample = std::min<uint64_t>(parent.rowCount, 1000);
            double sum = 0;
            for (uint64_t p = 0; p < sample; ++p)
                sum += double(table->fanOutOf(p, scratch));
            table->rowCount = sample ? uint64_t(sum / double(sample) * double(parent.rowCount)) : 0;
        }
        for (ColumnRuntime &column : table->columns) {
            if (column.generator)
                column.generator->prepare();
        }
    }
    return true;
}

QString Preview::text(const Value &v)
{
    if (v.kind == ValueKind::Text)
        return QString::fromUtf8(v.text, qsizetype(v.len));
    char buffer[kMaxScalarText];
    char *end = formatScalar(buffer, v);
    return QString::fromLatin1(buffer, end - buffer);
}

PreviewRows Preview::rows(const CompiledSchema &schema, int t, int count)
{
    const TableRuntime &table = *schema.tables()[size_t(t)];
    PreviewRows result;
    result.table = table.name;
    for (int c : table.outputColumns)
        result.headers.append(table.columns[size_t(c)].name);
    try {
        fill(schema, table, count, result);
    } catch (const std::bad_alloc &) {
        result.rows.clear();
        result.nulls.clear();
        result.problem = outOfMemoryMessage(table.name);
    }
    return result;
}

QString Preview::outOfMemoryMessage(const QString &table)
{
    return QStringLiteral("ran out of memory while generating table '%1': lower the lengths "
                          "of its arrays (maxLength), their nesting or the size of its text "
                          "and bytes values")
        .arg(table);
}

void Preview::fill(const CompiledSchema &schema, const TableRuntime &table, int count,
                   PreviewRows &result)
{
    RowBatch batch(int(table.columns.size()));
    uint32_t n = 0;
    Arena scratch(256);
    if (table.isChild()) {
        // Parents without rows are skipped, but not forever: a fan-out that is mostly 0 over
        // a billion parents shows the rows found among the first million.
        constexpr uint64_t kMaxParentsScanned = 1000000;
        const uint64_t parents =
            std::min(schema.tables()[size_t(table.parent)]->rowCount, kMaxParentsScanned);
        for (uint64_t p = 0; p < parents && n < uint32_t(count); ++p) {
            const uint64_t k = table.fanOutOf(p, scratch);
            for (uint64_t i = 0; i < k && n < uint32_t(count); ++i, ++n) {
                batch.parentRows[n] = p;
                batch.ordinals[n] = uint32_t(i);
            }
        }
    } else {
        n = uint32_t(std::min<uint64_t>(uint64_t(std::max(count, 0)), table.rowCount));
    }
    batch.firstRow = 0;
    batch.count = std::min<uint32_t>(n, RowBatch::kCapacity);
    table.generate(batch);
    for (uint32_t r = 0; r < batch.count; ++r) {
        QStringList row;
        QList<bool> nulls;
        for (int c : table.outputColumns) {
            const Value &v = batch.column(c)[r];
            row.append(text(v));
            nulls.append(v.isNull());
        }
        result.rows.append(row);
        result.nulls.append(nulls);
    }
}

} // namespace spillway
