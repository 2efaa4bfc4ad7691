#include "schema/rowreader.h"

#include <memory>

namespace spillway {

namespace {

// Per worker thread: a stack of batches, one per nesting level of reads.
struct ScratchStack
{
    std::vector<std::unique_ptr<RowBatch>> batches;
    size_t used = 0;
};

thread_local ScratchStack t_scratch;

} // namespace

RowReader::Scratch::Scratch(int columns)
{
    ScratchStack &s = t_scratch;
    if (s.used == s.batches.size())
        s.batches.push_back(nullptr);
    auto &slot = s.batches[s.used++];
    if (!slot || slot->columnCount() < columns)
        slot = std::make_unique<RowBatch>(std::max(columns, 1));
    slot->arena.reset();
    slot->rows = nullptr;
    m_batch = slot.get();
}

RowReader::Scratch::~Scratch()
{
    --t_scratch.used;
}

RowReader::RowReader(const TableRuntime &table, std::vector<int> columns)
    : m_table(&table)
{
    std::vector<bool> needed(table.columns.size(), false);
    for (int c : columns) {
        for (int d : table.evaluationOrderFor(c))
            needed[size_t(d)] = true;
    }
    for (int c : table.evalOrder) {
        if (needed[size_t(c)])
            m_order.push_back(c);
    }
}

bool RowReader::readable(const TableRuntime &table, QString *why)
{
    for (const TableRuntime *t = &table; t && t->isChild(); t = t->parentTable) {
        if (t->constantFanOut == 0) {
            if (why)
                *why = QStringLiteral("table '%1' has a varying number of rows per parent row, so "
                                      "its row at an index cannot be computed alone: give its "
                                      "'rowsPerParent' a constant count (or uniform min = max)")
                           .arg(t->name);
            return false;
        }
    }
    return true;
}

bool RowReader::canRead(const TableRuntime &table, int column, QString *why)
{
    for (int c : table.evaluationOrderFor(column)) {
        const Generator *g = table.columns[size_t(c)].generator.get();
        if (g && g->needsParent())
            return readable(table, why);
    }
    return true;
}

void RowReader::read(const uint64_t *rows, uint32_t n, const uint64_t *parentRows,
                     const uint32_t *ordinals, RowBatch &out, Arena *arena) const
{
    BatchContext ctx;
    ctx.firstRow = n ? rows[0] : 0;
    ctx.count = n;
    ctx.rows = rows;
    ctx.batch = &out;
    ctx.arena = arena ? arena : &out.arena;
    out.firstRow = ctx.firstRow;
    out.count = n;
    out.rows = rows;
    if (m_table->isChild()) {
        if (!parentRows || !ordinals) {
            const uint64_t k = std::max<uint64_t>(m_table->constantFanOut, 1);
            if ((k & (k - 1)) == 0) { // a power of two, as fan-outs often are: no division
                const int shift = __builtin_ctzll(k);
                for (uint32_t i = 0; i < n; ++i) {
                    out.parentRows[i] = rows[i] >> shift;
                    out.ordinals[i] = uint32_t(rows[i] & (k - 1));
                }
            } else {
                for (uint32_t i = 0; i < n; ++i) {
                    out.parentRows[i] = rows[i] / k;
                    out.ordinals[i] = uint32_t(rows[i] % k);
                }
            }
            parentRows = out.parentRows.data();
            ordinals = out.ordinals.data();
        }
        ctx.parentRows = parentRows;
        ctx.ordinals = ordinals;
    }
    out.startFill();
    for (int c : m_order)
        m_table->columns[size_t(c)].fill(ctx, out.column(c));
}

} // namespace spillway
