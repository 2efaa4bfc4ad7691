// Keys of other tables: "reference" picks a parent row by a distribution and computes that
// row's key (no table is held in memory); "parent" takes the key of the row's fan-out parent;
// "ordinal" numbers the rows under one parent (1, 2, 3, ... per order). A reference with
// "distinct": true draws without replacement within each parent (a keyed permutation of the
// referenced rows per parent, read at the row's ordinal); one with "row": "col" reads another
// column of the row that reference column `col` picked (composite foreign keys); two with
// "pairs" naming each other draw a pair of rows from a keyed permutation of all row pairs of
// their tables, so no pair repeats in the table.
//
// Every one of them draws the row first (Generator::drawRows) and then computes the target
// column at the drawn rows with a RowReader, a batch at a time: the target may be computed from
// other columns, and lookups (ref.x in expressions) read the same rows.

#include "schema/compiledschema.h"
#include "schema/generatorregistry.h"
#include "schema/rowreader.h"
#include "schema/schemacompiler.h"

#include <algorithm>
#include <optional>

namespace spillway {
namespace {

// A reference column that other columns read the row of ("row": it) may target a column that
// is not unique on its own, when the table declares a foreign key over them that targets a key
// of that table (TPC-H's lineitem (l_partkey, l_suppkey) -> partsupp (ps_partkey, ps_suppkey)).
bool leadsCompositeKey(const GeneratorArgs &a, const QString &table)
{
    const auto *compiler = dynamic_cast<const SchemaCompiler *>(&a.context);
    const TableSpec *spec = compiler ? compiler->currentTableSpec() : nullptr;
    if (!spec)
        return false;
    for (const ForeignKeySpec &fk : spec->foreignKeys) {
        if (fk.table == table && fk.columns.contains(a.column) && fk.columns.size() > 1)
            return true;
    }
    return false;
}

// Checks that `column` of `table` can be computed at any row: its index, or -1 when it cannot.
int targetColumn(GeneratorArgs &a, const TableRuntime *table, const QString &column,
                 bool needUnique = true)
{
    if (!table)
        return -1;
    const int index = table->columnIndex(column);
    if (index < 0) {
        QStringList names;
        for (const ColumnRuntime &c : table->columns)
            names.append(c.name);
        a.params.error(QStringLiteral("column"),
                       QStringLiteral("table '%1' has no column '%2'; its columns: %3")
                           .arg(table->name, column, names.join(QStringLiteral(", "))));
        return -1;
    }
    const ColumnRuntime &target = table->columns[size_t(index)];
    if (!target.generator) {
        a.params.error(QStringLiteral("column"),
                       QStringLiteral("'%1.%2' has problems of its own: fix them first")
                           .arg(table->name, column));
        return -1;
    }
    QString why;
    if (!RowReader::canRead(*table, index, &why)) {
        a.params.error(QStringLiteral("column"),
                       QStringLiteral("'%1.%2' is computed from its parent row, so it cannot be "
                                      "referenced: %3")
                           .arg(table->name, column, why));
        return -1;
    }
    if (needUnique && !target.unique && !leadsCompositeKey(a, table->name)) {
        a.params.error(QStringLiteral("column"),
                       QStringLiteral("'%1.%2' is not unique, so it cannot be a foreign key "
                                      "target: mark it \"primaryKey\" or \"unique\", or make "
                                      "this column part of a table-level foreign key into a "
                                      "key of '%1' whose other columns read its row (\"row\")")
                           .arg(table->name, column));
        return -1;
    }
    if (target.nullThreshold)
        a.params.error(QStringLiteral("column"),
                       QStringLiteral("'%1.%2' has nulls, so it cannot be referenced: set its "
                                      "'nullFraction' to 0")
                           .arg(table->name, column));
    return index;
}

// Draws a row of another table per row (drawRows) and gives column `column` of it, computed
// at the drawn rows a batch at a time.
class DrawnValue : public Generator
{
public:
    DrawnValue(const TableRuntime *table, int column)
        : m_reader(*table, {column})
        , m_column(column)
        , m_width(int(table->columns.size()))
    {}
    std::vector<RowRead> otherRowReads() const override { return {{m_reader.table(), m_column}}; }
    void generate(const BatchContext &ctx, Value *out) const override
    {
        uint64_t rows[RowBatch::kCapacity];
        for (uint32_t offset = 0; offset < ctx.count; offset += RowBatch::kCapacity) {
            const uint32_t n = std::min(RowBatch::kCapacity, ctx.count - offset);
            if (drawnRows(*this, ctx.slice(offset, n), rows))
                read(rows, n, *ctx.arena, out + offset);
            else
                fillValues(out + offset, n, Value::null());
        }
    }
    bool generateAt(const BatchContext &ctx, const uint32_t *positions, uint32_t n,
                    Value *out) const override
    {
        uint64_t all[RowBatch::kCapacity];
        uint64_t rows[RowBatch::kCapacity];
        Value values[RowBatch::kCapacity];
        if (ctx.count > RowBatch::kCapacity)
            return false;
        const bool drawn = drawnRows(*this, ctx, all);
        for (uint32_t k = 0; drawn && k < n; ++k)
            rows[k] = all[positions[k]];
        if (drawn)
            read(rows, n, *ctx.arena, values);
        for (uint32_t k = 0; k < n; ++k)
            out[positions[k]] = drawn ? values[k] : Value::null();
        return true;
    }

private:
    void read(const uint64_t *rows, uint32_t n, Arena &arena, Value *out) const
    {
        RowReader::Scratch scratch(m_width);
        m_reader.read(rows, n, nullptr, nullptr, scratch.batch(), &arena);
        std::copy_n(scratch.batch().column(m_column), n, out);
    }

    RowReader m_reader;
    int m_column;
    int m_width;
};

class Reference final : public DrawnValue
{
public:
    Reference(RandomStream rng, const TableRuntime *table, int column, double s, bool scatter)
        : DrawnValue(table, column)
        , m_rng(rng)
        , m_table(table)
        , m_s(s)
        , m_scatter(scatter)
    {}
    void prepare() override
    {
        const uint64_t n = std::max<uint64_t>(m_table->rowCount, 1);
        m_rows = m_table->rowCount;
        if (m_s > 0)
            m_zipf = ZipfSampler(n, m_s);
        if (m_scatter)
            m_permutation = Permutation(n, m_rng.derive(hashName("\x01scatter")).key());
        // With a table of ranks, the scattered parent of every rank is looked up, not computed.
        m_scattered.clear();
        if (m_scatter && m_s > 0 && m_zipf.hasTable()) {
            m_scattered.resize(n);
            for (uint64_t rank = 0; rank < n; ++rank)
                m_scattered[rank] = uint32_t(m_permutation.map(rank));
        }
    }
    bool drawRows(const BatchContext &ctx, uint64_t *rows) const override
    {
        if (m_rows == 0)
            return false;
        for (uint32_t i = 0; i < ctx.count; ++i)
            rows[i] = draw(ctx.row(i));
        return true;
    }
    // Columns sharing this draw ("row") are built with the same stream, table and shape.
    uint64_t drawKey() const override
    {
        uint64_t s = 0;
        std::memcpy(&s, &m_s, sizeof s);
        return combineKey(combineKey(m_rng.key(), reinterpret_cast<uintptr_t>(m_table)),
                          s ^ (m_scatter ? 1 : 0)) |
               1;
    }

private:
    uint64_t draw(uint64_t row) const
    {
        if (m_s <= 0)
            return m_rng.below(row, m_rows, 0);
        const uint64_t rank = m_zipf.sample(m_rng, row, 0) - 1;
        if (!m_scattered.empty())
            return m_scattered[rank];
        // the hottest rows are spread over the table, not its first rows
        return m_scatter ? m_permutation.map(rank) : rank;
    }

    RandomStream m_rng;
    const TableRuntime *m_table;
    double m_s;
    bool m_scatter;
    uint64_t m_rows = 0;
    ZipfSampler m_zipf;
    Permutation m_permutation;
    std::vector<uint32_t> m_scattered; // rank -> parent row, for tabled zipf
};

// Row `ordinal` of a permutation of the referenced rows keyed by the parent row: the children
// of one parent get distinct rows while the fan-out is at most the referenced table's rows.
class DistinctReference final : public DrawnValue
{
public:
    DistinctReference(RandomStream rng, const TableRuntime *table, int column)
        : DrawnValue(table, column)
        , m_rng(rng)
        , m_table(table)
    {}
    void prepare() override { m_rows = m_table->rowCount; }
    bool drawRows(const BatchContext &ctx, uint64_t *rows) const override
    {
        if (m_rows == 0 || !ctx.parentRows || !ctx.ordinals)
            return false;
        Permutation permutation;
        uint64_t current = ~uint64_t(0);
        for (uint32_t i = 0; i < ctx.count; ++i) {
            if (ctx.parentRows[i] != current) {
                current = ctx.parentRows[i];
                permutation = Permutation(m_rows, combineKey(m_rng.key(), current));
            }
            rows[i] = permutation.map(ctx.ordinals[i] % m_rows);
        }
        return true;
    }
    bool needsParent() const override { return true; }

private:
    RandomStream m_rng;
    const TableRuntime *m_table;
    uint64_t m_rows = 0;
};

// Ordinal i of parent row p draws row (p + 1 + i * (S / k + p / S)) mod S (see strideFanOut).
class StrideReference final : public DrawnValue
{
public:
    StrideReference(const TableRuntime *table, int column, uint64_t fanOut)
        : DrawnValue(table, column)
        , m_table(table)
        , m_k(fanOut)
    {}
    void prepare() override { m_rows = m_table->rowCount; }
    bool drawRows(const BatchContext &ctx, uint64_t *rows) const override
    {
        if (m_rows == 0 || !ctx.parentRows || !ctx.ordinals)
            return false;
        const uint64_t base = m_rows / m_k;
        for (uint32_t i = 0; i < ctx.count; ++i) {
            const uint64_t p = ctx.parentRows[i];
            const uint64_t step = base + p / m_rows;
            uint64_t at = 0;
            // 64 bits nearly always suffice; 128 when the product would overflow them.
            if (__builtin_mul_overflow(step, uint64_t(ctx.ordinals[i]), &at) ||
                __builtin_add_overflow(at, p + 1, &at))
                at = uint64_t((p + 1 + static_cast<unsigned __int128>(step) * ctx.ordinals[i]) %
                              m_rows);
            rows[i] = at % m_rows;
        }
        return true;
    }
    bool needsParent() const override { return true; }

private:
    const TableRuntime *m_table;
    uint64_t m_k;
    uint64_t m_rows = 0;
};

// One side of a pair: row r of the table is pair perm(r) of the pair space nA × nB; the pair's
// first column (by name) reads row i / nB of its table, the second row i % nB of its own.
class PairReference final : public DrawnValue
{
public:
    PairReference(uint64_t key, const TableRuntime *own, int column, const TableRuntime *other,
                  bool first)
        : DrawnValue(own, column)
        , m_key(key)
        , m_own(own)
        , m_other(other)
        , m_first(first)
    {}
    void prepare() override
    {
        m_b = m_first ? m_other->rowCount : m_own->rowCount;
        const unsigned __int128 space =
            static_cast<unsigned __int128>(m_b) * (m_first ? m_own->rowCount : m_other->rowCount);
        m_space = space > (uint64_t(1) << 62) ? uint64_t(1) << 62 : uint64_t(space);
        m_permutation = Permutation(std::max<uint64_t>(m_space, 1), m_key);
    }
    bool drawRows(const BatchContext &ctx, uint64_t *rows) const override
    {
        if (m_space == 0)
            return false;
        for (uint32_t i = 0; i < ctx.count; ++i) {
            const uint64_t pair = m_permutation.map(ctx.row(i) % m_space);
            rows[i] = m_first ? pair / m_b : pair % m_b;
        }
        return true;
    }

private:
    uint64_t m_key;
    const TableRuntime *m_own;
    const TableRuntime *m_other;
    bool m_first;
    uint64_t m_b = 0;
    uint64_t m_space = 0;
    Permutation m_permutation;
};

class ParentKey final : public DrawnValue
{
public:
    ParentKey(const TableRuntime *parent, int column)
        : DrawnValue(parent, column)
    {}
    bool drawRows(const BatchContext &ctx, uint64_t *rows) const override
    {
        if (!ctx.parentRows)
            return false;
        std::copy_n(ctx.parentRows, ctx.count, rows);
        return true;
    }
    bool needsParent() const override { return true; }
};

class Ordinal final : public Generator
{
public:
    explicit Ordinal(int64_t start)
        : m_start(start)
    {}
    void generate(const BatchContext &ctx, Value *out) const override
    {
        for (uint32_t i = 0; i < ctx.count; ++i)
            out[i] = Value::integer(m_start + int64_t(ctx.ordinals[i]));
    }
    bool needsParent() const override { return true; }

private:
    int64_t m_start;
};

// How a reference draws its row: its own parameters, or those of the column named by "row".
struct Draw
{
    RandomStream rng;
    QString distribution;
    double s = 0;
    bool scatter = true;
    bool distinct = false;
    uint64_t stride = 0; // "stride": the constant fan-out k of the child table
};

// "stride": ordinal i of parent row p draws row (p + 1 + i * (S / k + p / S)) mod S of a table
// of S rows, k the child table's constant fan-out: TPC-H's partsupp suppliers
// (ps_suppkey = (ps_partkey + i * (S/4 + (ps_partkey - 1) / S)) mod S + 1). The k rows of one
// parent are distinct unless j * (S / k + p / S) is a multiple of S for some 0 < j < k, which
// checkDistinctDraws rules out for every parent row p < P.
uint64_t strideFanOut(GeneratorArgs &a, const Draw &d)
{
    const auto *compiler = dynamic_cast<const SchemaCompiler *>(&a.context);
    const TableSpec *spec = compiler ? compiler->currentTableSpec() : nullptr;
    const uint64_t k = spec && spec->perParent && a.context.parentTable()
                           ? SchemaCompiler::constantCount(spec->perParent->count)
                           : 0;
    QString problem;
    if (k == 0)
        problem = QStringLiteral("'stride' draws the rows of each parent by the parent row and "
                                 "the ordinal, so it needs a child table with a constant "
                                 "fan-out: give table '%1' a 'rowsPerParent' count of kind "
                                 "constant")
                      .arg(a.table);
    else if (d.distinct || d.distribution != QLatin1String("uniform"))
        problem = QStringLiteral("'stride' says how the rows are drawn: drop 'distinct' and "
                                 "'distribution'");
    else if (a.depth > 0)
        problem = QStringLiteral("'stride' makes a column part of a table-level key, so it "
                                 "belongs to a column of its own");
    if (!problem.isEmpty()) {
        a.params.error(QStringLiteral("stride"), problem);
        return 0;
    }
    return k;
}

Draw ownDraw(GeneratorArgs &a)
{
    Draw d{a.rng, a.params.string(QStringLiteral("distribution"), QStringLiteral("uniform"))};
    if (d.distribution == QLatin1String("zipf")) {
        d.s = a.params.number(QStringLiteral("s"), 1.0);
        if (d.s <= 0 || d.s > 20)
            a.params.error(QStringLiteral("s"),
                           QStringLiteral("'s' (the exponent) must be above 0 and at most 20"));
    } else if (d.distribution != QLatin1String("uniform")) {
        a.params.error(
            QStringLiteral("distribution"),
            QStringLiteral("unknown distribution '%1': use uniform or zipf").arg(d.distribution));
    }
    d.scatter = a.params.boolean(QStringLiteral("scatter"), true);
    d.distinct = a.params.boolean(QStringLiteral("distinct"), false);
    if (a.params.boolean(QStringLiteral("stride"), false))
        d.stride = strideFanOut(a, d);
    if (d.distinct && d.distribution == QLatin1String("zipf"))
        a.params.error(QStringLiteral("distinct"),
                       QStringLiteral("'distinct' draws each referenced row at most once per "
                                      "parent, in a keyed order, so it has no distribution: drop "
                                      "'distribution'"));
    else if (d.distinct && a.depth > 0)
        a.params.error(QStringLiteral("distinct"),
                       QStringLiteral("'distinct' makes a column part of a table-level key, so "
                                      "it belongs to a column of its own: move this reference "
                                      "out of the json object"));
    else if (d.distinct && !a.context.parentTable())
        a.params.error(QStringLiteral("distinct"),
                       QStringLiteral("'distinct' draws without replacement within each parent: "
                                      "give table '%1' a 'rowsPerParent' fan-out")
                           .arg(a.table));
    return d;
}

// The draw of reference column `leader` of the same table, which this column shares.
std::optional<Draw> sharedDraw(GeneratorArgs &a, const QString &leader, const QString &table)
{
    const QJsonObject g = a.context.columnGenerator(leader);
    QString problem;
    if (leader == a.column)
        problem = QStringLiteral("a column cannot share its own row: name another reference "
                                 "column");
    else if (g.isEmpty())
        problem = QStringLiteral("table '%1' has no column '%2'").arg(a.table, leader);
    else if (g.value(QStringLiteral("kind")).toString() != QLatin1String("reference"))
        problem = QStringLiteral("'%1' is not a reference, so it picks no row").arg(leader);
    else if (g.value(QStringLiteral("table")).toString() != table)
        problem = QStringLiteral("'%1' picks rows of '%2', not of '%3'")
                      .arg(leader, g.value(QStringLiteral("table")).toString(), table);
    else if (g.contains(QStringLiteral("row")))
        problem = QStringLiteral("'%1' shares the row of '%2' itself: name '%2'")
                      .arg(leader, g.value(QStringLiteral("row")).toString());
    if (!problem.isEmpty()) {
        a.params.error(QStringLiteral("row"), problem);
        return std::nullopt;
    }
    for (const char *own : {"distribution", "s", "scatter", "distinct", "stride"}) {
        if (a.params.has(QLatin1String(own)))
            a.params.error(QLatin1String(own),
                           QStringLiteral("the row comes from '%1', which says how it is drawn: "
                                          "drop '%2' here")
                               .arg(leader, QLatin1String(own)));
    }
    Draw d{RandomStream(combineKey(a.tableKey, hashName(leader.toStdString()))),
           g.value(QStringLiteral("distribution")).toString(QStringLiteral("uniform"))};
    if (d.distribution == QLatin1String("zipf"))
        d.s = g.value(QStringLiteral("s")).toDouble(1.0);
    d.scatter = g.value(QStringLiteral("scatter")).toBool(true);
    d.distinct = g.value(QStringLiteral("distinct")).toBool(false);
    if (g.value(QStringLiteral("stride")).toBool(false)) {
        const auto *compiler = dynamic_cast<const SchemaCompiler *>(&a.context);
        const TableSpec *spec = compiler ? compiler->currentTableSpec() : nullptr;
        d.stride =
            spec && spec->perParent ? SchemaCompiler::constantCount(spec->perParent->count) : 0;
    }
    return d;
}

// The other table of a "pairs" draw, after checking that `partner` names this column back.
const TableRuntime *pairPartner(GeneratorArgs &a, const QString &partner)
{
    const QJsonObject g = a.context.columnGenerator(partner);
    QString problem;
    if (partner == a.column)
        problem = QStringLiteral("a column cannot pair with itself: name another reference "
                                 "column");
    else if (g.isEmpty())
        problem = QStringLiteral("table '%1' has no column '%2'").arg(a.table, partner);
    else if (g.value(QStringLiteral("kind")).toString() != QLatin1String("reference"))
        problem = QStringLiteral("'%1' is not a reference, so it picks no row").arg(partner);
    else if (g.value(QStringLiteral("pairs")).toString() != a.column)
        problem = QStringLiteral("'%1' must name this column back: give it \"pairs\": \"%2\"")
                      .arg(partner, a.column);
    else if (a.context.parentTable())
        problem = QStringLiteral("pairs are drawn over the whole table: in a child table, key "
                                 "the 'parent' column with a reference that has \"distinct\": "
                                 "true");
    else if (a.depth > 0)
        problem = QStringLiteral("a pair makes columns of a table-level key: move this "
                                 "reference out of the json object");
    for (const char *own : {"distribution", "s", "scatter", "distinct", "stride", "row"}) {
        if (a.params.has(QLatin1String(own)))
            a.params.error(QLatin1String(own),
                           QStringLiteral("a pair is drawn from a permutation of all row pairs: "
                                          "drop '%1' here")
                               .arg(QLatin1String(own)));
    }
    if (!problem.isEmpty()) {
        a.params.error(QStringLiteral("pairs"), problem);
        return nullptr;
    }
    return a.context.table(g.value(QStringLiteral("table")).toString());
}

std::unique_ptr<Generator> makePair(GeneratorArgs &a, const QString &partner,
                                    const TableRuntime *table, int column)
{
    const TableRuntime *other = pairPartner(a, partner);
    if (!other)
        return nullptr; // reported by pairPartner() or by the partner's own table check
    const bool first = a.column < partner;
    const QString name = QStringLiteral("\x01pairs:%1\x01%2")
                             .arg(first ? a.column : partner, first ? partner : a.column);
    return std::make_unique<PairReference>(combineKey(a.tableKey, hashName(name.toStdString())),
                                           table, column, other, first);
}

std::unique_ptr<Generator> makeReference(GeneratorArgs &a)
{
    const QString tableName =
        a.params.name(QStringLiteral("table"), QStringLiteral("table of this schema"));
    const QString columnName =
        a.params.name(QStringLiteral("column"), QStringLiteral("unique column of that table"));
    const QString partner = a.params.string(QStringLiteral("pairs"), QString());
    const QString leader =
        partner.isEmpty() ? a.params.string(QStringLiteral("row"), QString()) : QString();
    std::optional<Draw> draw;
    if (partner.isEmpty())
        draw =
            leader.isEmpty() ? std::optional<Draw>(ownDraw(a)) : sharedDraw(a, leader, tableName);
    else
        draw = Draw{a.rng, QString()};
    if (tableName.isEmpty() || columnName.isEmpty() || !draw)
        return nullptr; // reported by name() or sharedDraw()
    const TableRuntime *table = a.context.table(tableName);
    if (!table) {
        if (tableName == a.table)
            a.params.error(QStringLiteral("table"),
                           QStringLiteral("a table cannot reference its own rows yet: reference "
                                          "another table"));
        else
            a.params.error(QStringLiteral("table"),
                           QStringLiteral("table '%1' does not exist: reference one of the "
                                          "schema's tables")
                               .arg(tableName));
        return nullptr;
    }
    // A column read from a shared row is one part of a composite key: it need not be unique.
    const int column = targetColumn(a, table, columnName, leader.isEmpty());
    if (column < 0)
        return nullptr;
    if (!partner.isEmpty())
        return makePair(a, partner, table, column);
    if (draw->stride)
        return std::make_unique<StrideReference>(table, column, draw->stride);
    if (draw->distinct)
        return std::make_unique<DistinctReference>(draw->rng, table, column);
    return std::make_unique<Reference>(draw->rng, table, column, draw->s > 0 ? draw->s : 0,
                                       draw->scatter);
}

std::unique_ptr<Generator> makeParent(GeneratorArgs &a)
{
    const QString columnName = a.params.name(QStringLiteral("column"),
                                             QStringLiteral("unique column of the parent table"));
    const TableRuntime *parent = a.context.parentTable();
    if (!parent) {
        a.params.error(QString(), QStringLiteral("'parent' needs a child table: give table '%1' a "
                                                 "'rowsPerParent' fan-out")
                                      .arg(a.table));
        return nullptr;
    }
    if (columnName.isEmpty())
        return nullptr; // reported by name()
    const int column = targetColumn(a, parent, columnName);
    if (column < 0)
        return nullptr;
    return std::make_unique<ParentKey>(parent, column);
}

std::unique_ptr<Generator> makeOrdinal(GeneratorArgs &a)
{
    return std::make_unique<Ordinal>(a.params.integer(QStringLiteral("start"), 1));
}

} // namespace

void registerReferenceGenerators(GeneratorRegistry &r)
{
    const QString ref = QStringLiteral(QT_TRANSLATE_NOOP("GeneratorRegistry", "reference"));
    r.add({QStringLiteral("reference"), ref,
           QStringLiteral(QT_TRANSLATE_NOOP(
               "GeneratorRegistry", "A key of another table; the row picked uniformly or by zipf")),
           QStringLiteral("bigint"), makeReference});
    r.add({QStringLiteral("parent"), ref,
           QStringLiteral(QT_TRANSLATE_NOOP("GeneratorRegistry",
                                            "The key of this row's parent (child tables)")),
           QStringLiteral("bigint"), makeParent});
    r.add({QStringLiteral("ordinal"), ref,
           QStringLiteral(QT_TRANSLATE_NOOP(
               "GeneratorRegistry", "Position under the parent: start, start + 1, ... per parent")),
           QStringLiteral("integer"), makeOrdinal});
}

} // namespace spillway
