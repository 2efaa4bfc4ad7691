#include "schema/compiledschema.h"

#include <algorithm>

#include "schema/schemacompiler.h"

#include <atomic>
#include <cmath>
#include <optional>

namespace spillway {

void ColumnRuntime::fill(const BatchContext &ctx, Value *out) const
{
    // Mostly-null columns: decide the nulls first and generate only the other rows.
    if (nullThreshold > (uint64_t(1) << 62) && uniqueMode != UniqueMode::Permuted) {
        uint32_t positions[RowBatch::kCapacity];
        uint32_t n = 0;
        for (uint32_t i = 0; i < ctx.count && ctx.count <= RowBatch::kCapacity; ++i) {
            if (nullStream.draw(ctx.row(i)) < nullThreshold)
                out[i] = Value::null();
            else
                positions[n++] = i;
        }
        if (ctx.count <= RowBatch::kCapacity && generator->generateAt(ctx, positions, n, out))
            return;
    }
    if (uniqueMode == UniqueMode::Permuted) {
        for (uint32_t i = 0; i < ctx.count; ++i)
            out[i] = generator->valueAt(permutation.map(ctx.row(i)), *ctx.arena);
    } else {
        generator->generate(ctx, out);
    }
    if (nullThreshold) {
        for (uint32_t i = 0; i < ctx.count; ++i) {
            if (nullStream.draw(ctx.row(i)) < nullThreshold)
                out[i] = Value::null();
        }
    }
}

Value ColumnRuntime::valueForRow(uint64_t row, Arena &arena) const
{
    BatchContext ctx;
    ctx.firstRow = row;
    ctx.count = 1;
    ctx.arena = &arena;
    Value v;
    fill(ctx, &v);
    return v;
}

bool drawnRows(const Generator &g, const BatchContext &ctx, uint64_t *rows)
{
    const uint64_t key = g.drawKey();
    if (key == 0 || !ctx.batch)
        return g.drawRows(ctx, rows);
    const RowBatch &b = *ctx.batch;
    const void *at =
        ctx.rows ? static_cast<const void *>(ctx.rows) : static_cast<const void *>(ctx.parentRows);
    for (size_t i = 0; i < b.drawnUsed; ++i) {
        const RowBatch::Drawn &d = b.drawn[i];
        if (d.key == key && d.firstRow == ctx.firstRow && d.at == at && d.count == ctx.count) {
            std::copy_n(d.rows.data(), ctx.count, rows);
            return true;
        }
    }
    if (!g.drawRows(ctx, rows))
        return false;
    constexpr size_t kKept = 8; // a few references per table share draws
    if (b.drawnUsed < kKept) {
        if (b.drawn.size() == b.drawnUsed)
            b.drawn.emplace_back();
        RowBatch::Drawn &d = b.drawn[b.drawnUsed++];
        d.key = key;
        d.firstRow = ctx.firstRow;
        d.at = at;
        d.count = ctx.count;
        d.rows.assign(rows, rows + ctx.count);
    }
    return true;
}

RowBatch::RowBatch(int columnCount)
    : parentRows(kCapacity)
    , ordinals(kCapacity)
    , m_columns(columnCount)
    , m_values(size_t(columnCount) * kCapacity)
{}

bool TableRuntime::isNotNull(int column) const
{
    const ColumnRuntime &c = columns[size_t(column)];
    if (c.primaryKey || std::find(primaryKey.begin(), primaryKey.end(), column) != primaryKey.end())
        return true;
    return c.nullThreshold == 0 && c.generator && c.generator->neverNull();
}

int TableRuntime::columnIndex(const QString &column) const
{
    for (size_t i = 0; i < columns.size(); ++i) {
        if (columns[i].name == column)
            return int(i);
    }
    return -1;
}

void TableRuntime::generate(RowBatch &batch) const
{
    generate(batch, evalOrder);
}

std::vector<int> TableRuntime::evaluationOrderFor(int column) const
{
    std::vector<bool> needed(columns.size(), false);
    std::vector<int> pending{column};
    while (!pending.empty()) {
        const int c = pending.back();
        pending.pop_back();
        if (c < 0 || size_t(c) >= columns.size() || needed[size_t(c)])
            continue;
        needed[size_t(c)] = true;
        for (int d : columns[size_t(c)].dependencies)
            pending.push_back(d);
    }
    std::vector<int> order;
    for (int c : evalOrder) {
        if (needed[size_t(c)])
            order.push_back(c);
    }
    return order;
}

void TableRuntime::generate(RowBatch &batch, const std::vector<int> &only) const
{
    BatchContext ctx;
    ctx.firstRow = batch.firstRow;
    ctx.count = batch.count;
    ctx.rows = batch.rows;
    ctx.batch = &batch;
    ctx.arena = &batch.arena;
    if (isChild()) {
        ctx.parentRows = batch.parentRows.data();
        ctx.ordinals = batch.ordinals.data();
    }
    batch.startFill();
    for (int c : only)
        columns[size_t(c)].fill(ctx, batch.column(c));
}

namespace {

uint64_t nextTableSerial()
{
    static std::atomic<uint64_t> serial{0};
    return ++serial;
}

// Where this thread's last firstChildRow() call for a table ended: the next call for a parent at
// or after it continues from there.
struct ChildCursor
{
    uint64_t table = 0; // TableRuntime serial; 0: unused
    uint64_t parent = 0;
    uint64_t row = 0;
};

} // namespace

TableRuntime::TableRuntime()
    : m_serial(nextTableSerial())
{}

uint64_t TableRuntime::firstChildRow(uint64_t parentRow) const
{
    if (constantFanOut)
        return parentRow * constantFanOut;
    const auto after =
        std::upper_bound(childRanges.begin(), childRanges.end(), parentRow,
                         [](uint64_t p, const ChildRange &range) { return p < range.firstParent; });
    ChildRange from = after == childRanges.begin() ? ChildRange{} : *(after - 1);
    constexpr int kCursors = 4;
    thread_local ChildCursor cursors[kCursors];
    thread_local int replace = 0;
    ChildCursor *cursor = nullptr;
    for (ChildCursor &c : cursors) {
        if (c.table == m_serial)
            cursor = &c;
    }
    if (cursor && cursor->parent <= parentRow && cursor->parent >= from.firstParent)
        from = {cursor->parent, cursor->row};
    if (!cursor) {
        cursor = &cursors[replace];
        replace = (replace + 1) % kCursors;
    }
    thread_local Arena scratch(256);
    uint64_t row = from.firstRow;
    for (uint64_t p = from.firstParent; p < parentRow; ++p)
        row += fanOutOf(p, scratch);
    scratch.reset();
    *cursor = {m_serial, parentRow, row};
    return row;
}

uint64_t TableRuntime::fanOutOf(uint64_t parentRow, Arena &arena) const
{
    BatchContext ctx;
    ctx.firstRow = parentRow;
    ctx.count = 1;
    ctx.arena = &arena;
    Value v;
    fanOut->generate(ctx, &v);
    return v.kind == ValueKind::Int && v.i > 0 ? uint64_t(v.i) : 0;
}

RowBound TableRuntime::childBound(uint64_t parentRows, const QString &parentName) const
{
    RowBound b;
    const auto hi = fanOut ? fanOut->upperBound() : std::nullopt;
    if (hi) {
        const uint64_t each = uint64_t(std::max<int64_t>(*hi, 0));
        const unsigned __int128 rows = static_cast<unsigned __int128>(parentRows) * each;
        b.rows = rows > ~uint64_t(0) ? ~uint64_t(0) : uint64_t(rows);
        b.why = QStringLiteral("%1 rows of parent '%2' × at most %3 per parent")
                    .arg(parentRows)
                    .arg(parentName)
                    .arg(each);
        b.lower = QStringLiteral("lower the parent's rows or the fan-out's maximum");
        return b;
    }
    const double mean = std::max(0.0, fanOut ? fanOut->mean().value_or(0.0) : 0.0);
    b.rows = uint64_t(std::min(std::ceil(double(parentRows) * mean), 1.8e19));
    b.why = QStringLiteral("%1 rows of parent '%2' × %3 per parent on average")
                .arg(parentRows)
                .arg(parentName)
                .arg(mean);
    b.lower = QStringLiteral("lower the parent's rows or the fan-out's mean, or give the fan-out "
                             "a 'max'");
    return b;
}

bool TableRuntime::checkUniqueCapacity(const RowBound &bound, Diagnostics &diagnostics) const
{
    bool ok = true;
    for (size_t c = 0; c < columns.size(); ++c) {
        const ColumnRuntime &column = columns[c];
        if (column.uniqueMode != ColumnRuntime::UniqueMode::Permuted ||
            column.permutation.size() >= bound.rows)
            continue;
        diagnostics.add(QStringLiteral("tables[%1].columns[%2].unique").arg(schemaIndex).arg(c),
                        QStringLiteral("'unique' needs up to %1 distinct values (%2) but the "
                                       "generator can make only %3: widen the generator's "
                                       "range, or %4")
                            .arg(bound.rows)
                            .arg(bound.why)
                            .arg(column.permutation.size())
                            .arg(bound.lower));
        ok = false;
    }
    return ok;
}

bool TableRuntime::checkPairDraws(int c, bool planned, Diagnostics &diagnostics) const
{
    const ColumnRuntime &a = columns[size_t(c)];
    const ColumnRuntime &b = columns[size_t(a.pairedWith)];
    if (a.pairedWith < c || !b.distinctFrom)
        return true; // reported once, with the pair's first column
    const uint64_t rowsA = planned ? a.distinctFrom->rowCount : a.distinctFrom->declaredBound.rows;
    const uint64_t rowsB = planned ? b.distinctFrom->rowCount : b.distinctFrom->declaredBound.rows;
    const unsigned __int128 pairs = static_cast<unsigned __int128>(rowsA) * rowsB;
    const uint64_t rows = planned ? rowCount : declaredBound.rows;
    if (pairs >= rows)
        return true;
    diagnostics.add(
        QStringLiteral("tables[%1].columns[%2].generator.pairs").arg(schemaIndex).arg(c),
        QStringLiteral("%1.%2: (%2, %3) draws %4 rows without repeating a pair, but "
                       "%5 × %6 rows of '%7' and '%8' make only %9 pairs: make "
                       "fewer rows or give those tables more")
            .arg(name, a.name, b.name)
            .arg(rows)
            .arg(rowsA)
            .arg(rowsB)
            .arg(a.distinctFrom->name, b.distinctFrom->name)
            .arg(uint64_t(pairs)));
    return false;
}

// The k rows parent row p draws are rows (p + 1 + i * d) mod S, d = S / k + p / S, i < k: distinct
// unless some j * d (0 < j < k) is a multiple of S. d takes the values S / k ... S / k + (P - 1) /
// S.
static std::optional<uint64_t> strideClash(uint64_t k, uint64_t s, uint64_t p)
{
    const uint64_t first = s / k, last = s / k + (p - 1) / s;
    if (last - first > 1000000 / std::max<uint64_t>(k, 1))
        return first; // too many steps to check: refused as if the first clashed
    for (uint64_t d = first; d <= last; ++d) {
        for (uint64_t j = 1; j < k; ++j) {
            if ((static_cast<unsigned __int128>(j) * d) % s == 0)
                return d;
        }
    }
    return std::nullopt;
}

bool TableRuntime::checkStrideDraws(int c, bool planned, Diagnostics &diagnostics) const
{
    const ColumnRuntime &column = columns[size_t(c)];
    const uint64_t k = constantFanOut;
    const uint64_t s =
        planned ? column.distinctFrom->rowCount : column.distinctFrom->declaredBound.rows;
    const uint64_t p = !parentTable ? 0
                       : planned    ? parentTable->rowCount
                                    : parentTable->declaredBound.rows;
    if (k == 0 || s == 0 || p == 0)
        return true; // no fan-out (reported with it) or nothing drawn
    const auto clash = strideClash(k, s, p);
    if (!clash)
        return true;
    diagnostics.add(
        QStringLiteral("tables[%1].columns[%2].generator.stride").arg(schemaIndex).arg(c),
        QStringLiteral("%1.%2: 'stride' draws %3 rows of '%4' per parent row, %5 apart (%6 "
                       "rows of '%4', %7 parent rows), and some of them coincide: give '%4' "
                       "more rows (not a multiple of a step), or the parent fewer")
            .arg(name, column.name)
            .arg(k)
            .arg(column.distinctFrom->name)
            .arg(*clash)
            .arg(s)
            .arg(p));
    return false;
}

bool TableRuntime::checkDistinctDraws(const QString &parentName, bool planned,
                                      Diagnostics &diagnostics) const
{
    bool ok = true;
    const auto most = fanOut ? fanOut->upperBound() : std::nullopt;
    for (size_t c = 0; c < columns.size(); ++c) {
        const TableRuntime *from = columns[c].distinctFrom;
        if (!from)
            continue;
        if (columns[c].pairedWith >= 0) {
            ok = checkPairDraws(int(c), planned, diagnostics) && ok;
            continue;
        }
        if (columns[c].strideDraw) {
            ok = checkStrideDraws(int(c), planned, diagnostics) && ok;
            continue;
        }
        const uint64_t rows = planned ? from->rowCount : from->declaredBound.rows;
        const QString path =
            QStringLiteral("tables[%1].columns[%2].generator.distinct").arg(schemaIndex).arg(c);
        if (!most) {
            diagnostics.add(path, QStringLiteral("%1.%2: 'distinct' needs a fan-out with a "
                                                 "maximum, but the fan-out of '%3' under '%4' "
                                                 "has none: give its count a 'max'")
                                      .arg(name, columns[c].name, name, parentName));
            ok = false;
        } else if (uint64_t(std::max<int64_t>(*most, 0)) > rows) {
            diagnostics.add(path, QStringLiteral("%1.%2: %3 can have up to %4 %5, but %6 has %7 "
                                                 "rows: %4 distinct values cannot be drawn from "
                                                 "%7; lower the fan-out's 'max' or give '%6' "
                                                 "more rows")
                                      .arg(name, columns[c].name, parentName)
                                      .arg(*most)
                                      .arg(name, from->name)
                                      .arg(rows));
            ok = false;
        }
    }
    return ok;
}

std::shared_ptr<CompiledSchema> CompiledSchema::compile(const Schema &schema,
                                                        Diagnostics &diagnostics)
{
    SchemaCompiler compiler(schema, diagnostics);
    return compiler.run();
}

TableRuntime *CompiledSchema::table(const QString &name) const
{
    for (const auto &t : m_tables) {
        if (t->name == name)
            return t.get();
    }
    return nullptr;
}

int CompiledSchema::tableIndex(const QString &name) const
{
    for (size_t i = 0; i < m_tables.size(); ++i) {
        if (m_tables[i]->name == name)
            return int(i);
    }
    return -1;
}

uint64_t CompiledSchema::tableKey(uint64_t seed, const QString &table)
{
    return combineKey(mix64(seed), hashName(table.toStdString()));
}

uint64_t CompiledSchema::columnKey(uint64_t seed, const QString &table, const QString &column)
{
    return combineKey(tableKey(seed, table), hashName(column.toStdString()));
}

} // namespace spillway
