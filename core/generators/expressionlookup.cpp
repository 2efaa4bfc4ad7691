#include "generators/expressionlookup.h"

#include "schema/generatorregistry.h"
#include "schema/schemacompiler.h"

namespace spillway {

namespace {

QStringList columnNames(const TableRuntime &table)
{
    QStringList names;
    for (const ColumnRuntime &c : table.columns)
        names.append(c.name);
    return names;
}

QString hint(const QString &name, const QStringList &names)
{
    const QString best = SchemaCompiler::closest(name, names);
    return best.isEmpty() ? QString() : QStringLiteral("; did you mean '%1'?").arg(best);
}

int findColumn(const TableRuntime &table, const QString &name)
{
    const int exact = table.columnIndex(name);
    if (exact >= 0)
        return exact;
    for (size_t c = 0; c < table.columns.size(); ++c) {
        if (table.columns[c].name.compare(name, Qt::CaseInsensitive) == 0)
            return int(c);
    }
    return -1;
}

// The table `via` (a column of the row's own table) draws rows of; empty with *problem when
// it is no reference or parent column.
const TableRuntime *viaTable(const GeneratorArgs &a, const TableSpec &spec, const QString &via,
                             bool *parentRow, QString *problem)
{
    const qsizetype c = spec.columnIndex(via);
    const QJsonObject g = spec.columns[c].generator;
    const QString kind = g.value(QStringLiteral("kind")).toString();
    if (kind == QLatin1String("parent")) {
        *parentRow = true;
        return a.context.parentTable();
    }
    if (kind != QLatin1String("reference")) {
        *problem = QStringLiteral("'%1' is a %2 column, not a reference, so it points at no row: "
                                  "look up columns through a reference or parent column")
                       .arg(via, kind.isEmpty() ? QStringLiteral("generator-less") : kind);
        return nullptr;
    }
    const QString target = g.value(QStringLiteral("table")).toString();
    const TableRuntime *table = a.context.table(target);
    if (!table)
        *problem = target == a.table
                       ? QStringLiteral("'%1' draws rows of this same table, whose values are "
                                        "being computed: a lookup reads another table's rows")
                             .arg(via)
                       : QStringLiteral("'%1' references table '%2', which does not exist")
                             .arg(via, target);
    return table;
}

} // namespace

std::optional<ExprColumn> LookupSet::resolve(const GeneratorArgs &a, const TableSpec &spec,
                                             const QString &name, int slot, QString *problem)
{
    const qsizetype dot = name.indexOf(QLatin1Char('.'));
    const QString prefix = name.left(dot), column = name.mid(dot + 1);
    if (column.contains(QLatin1Char('.'))) {
        *problem = QStringLiteral("'%1': a lookup reads one step away (ref.column or "
                                  "parent.column); to read further, look up a column that "
                                  "looks up itself")
                       .arg(name);
        return std::nullopt;
    }
    if (a.depth > 0) {
        *problem = QStringLiteral("'%1': other rows are read by a column's own expression, "
                                  "template or 'after', not inside arrays or json objects")
                       .arg(name);
        return std::nullopt;
    }
    bool parentRow = false;
    const TableRuntime *table = nullptr;
    QString via;
    if (spec.columnIndex(prefix) >= 0) {
        via = prefix;
        if (via == a.column) {
            *problem = QStringLiteral("column '%1' cannot look up through itself").arg(via);
            return std::nullopt;
        }
        table = viaTable(a, spec, via, &parentRow, problem);
        if (!table) {
            if (problem->isEmpty())
                *problem = QStringLiteral("'%1' has no parent row: table '%2' has no "
                                          "'rowsPerParent'")
                               .arg(via, a.table);
            return std::nullopt;
        }
    } else if (prefix == QLatin1String("parent")) {
        parentRow = true;
        table = a.context.parentTable();
        if (!table) {
            *problem = QStringLiteral("'%1': table '%2' has no parent, so there is no parent row "
                                      "to read: parent columns are read in child tables (give "
                                      "'%2' a 'rowsPerParent')")
                           .arg(name, a.table);
            return std::nullopt;
        }
    } else {
        QStringList names;
        for (const ColumnSpec &c : spec.columns)
            names.append(c.name);
        *problem = QStringLiteral("'%1': '%2' is neither 'parent' nor a column of table '%3'%4")
                       .arg(name, prefix, a.table, hint(prefix, names));
        return std::nullopt;
    }
    const int target = findColumn(*table, column);
    if (target < 0) {
        *problem = QStringLiteral("'%1': table '%2' has no column '%3'%4")
                       .arg(name, table->name, column, hint(column, columnNames(*table)));
        return std::nullopt;
    }
    const ColumnRuntime &col = table->columns[size_t(target)];
    if (!col.generator) {
        *problem = QStringLiteral("'%1': column '%2.%3' has problems of its own: fix them first")
                       .arg(name, table->name, col.name);
        return std::nullopt;
    }
    QString why;
    if (!RowReader::canRead(*table, target, &why)) {
        *problem = QStringLiteral("'%1' cannot be read: %2").arg(name, why);
        return std::nullopt;
    }
    const ExprTarget type = exprTargetOf(col.sqlType);
    if (type.type == ExprType::Error) {
        *problem = QStringLiteral("column '%1.%2' is of type %3, which expressions cannot read")
                       .arg(table->name, col.name, col.sqlType);
        return std::nullopt;
    }
    auto it = std::find_if(m_lookups.begin(), m_lookups.end(),
                           [&](const Lookup &l) { return l.via == via && l.table == table; });
    if (it == m_lookups.end()) {
        m_lookups.push_back({via, parentRow, table, {}, {}, nullptr});
        it = m_lookups.end() - 1;
    }
    it->inputs.push_back({slot, target});
    return ExprColumn{type.type, type.scale, slot};
}

void LookupSet::finish()
{
    for (Lookup &l : m_lookups) {
        std::vector<int> columns;
        for (const Input &in : l.inputs)
            columns.push_back(in.column);
        l.reader = RowReader(*l.table, columns);
    }
}

void LookupSet::bind(const TableRuntime &table)
{
    for (Lookup &l : m_lookups) {
        const int c = l.via.isEmpty() ? -1 : table.columnIndex(l.via);
        l.viaColumn = c >= 0 ? &table.columns[size_t(c)] : nullptr;
    }
}

void LookupSet::addReads(std::vector<Generator::RowRead> &out) const
{
    for (const Lookup &l : m_lookups) {
        for (const Input &in : l.inputs)
            out.push_back({l.table, in.column});
    }
}

bool LookupSet::needsParent() const
{
    return std::any_of(m_lookups.begin(), m_lookups.end(),
                       [](const Lookup &l) { return l.parentRow; });
}

void LookupSet::read(const BatchContext &ctx, uint32_t offset, uint32_t n, const Value **inputs,
                     std::vector<std::unique_ptr<RowReader::Scratch>> &held) const
{
    for (const Lookup &l : m_lookups) {
        held.push_back(std::make_unique<RowReader::Scratch>(int(l.table->columns.size())));
        readOne(l, ctx, offset, n, inputs, held.back()->batch());
    }
}

void LookupSet::readOne(const Lookup &l, const BatchContext &ctx, uint32_t offset, uint32_t n,
                        const Value **inputs, RowBatch &batch) const
{
    uint64_t drawn[RowBatch::kCapacity];
    const uint64_t *rows = nullptr;
    const BatchContext sub = ctx.slice(offset, n);
    if (l.parentRow)
        rows = sub.parentRows;
    else if (l.viaColumn && l.viaColumn->generator &&
             drawnRows(*l.viaColumn->generator, sub, drawn))
        rows = drawn;
    if (!rows) { // an empty referenced table, or no parent rows: nothing to read
        for (const Input &in : l.inputs) {
            fillValues(batch.column(in.column), n, Value::null());
            inputs[in.slot] = batch.column(in.column);
        }
        return;
    }
    // Parent rows' columns are kept for the rest of the batch's fill; values read before are
    // used as they are (their text is in ctx.arena, which outlives the fill).
    const bool keep = l.parentRow && ctx.batch && !(l.viaColumn && l.viaColumn->nullThreshold);
    if (keep && readBefore(l, sub, inputs))
        return;
    l.reader.read(rows, n, nullptr, nullptr, batch, ctx.arena);
    const ColumnRuntime *via = l.viaColumn;
    for (const Input &in : l.inputs) {
        Value *values = batch.column(in.column);
        // A null reference points at no row: what it looks up is null too.
        if (via && via->nullThreshold) {
            for (uint32_t i = 0; i < n; ++i) {
                if (via->nullStream.draw(sub.row(i)) < via->nullThreshold)
                    values[i] = Value::null();
            }
        }
        inputs[in.slot] = values;
    }
    if (keep)
        remember(l, sub, inputs);
}

bool LookupSet::readBefore(const Lookup &l, const BatchContext &sub, const Value **inputs) const
{
    const RowBatch &b = *sub.batch;
    for (const Input &in : l.inputs) {
        const Value *found = nullptr;
        for (size_t i = 0; i < b.lookedUsed && !found; ++i) {
            const RowBatch::Looked &k = b.looked[i];
            if (k.table == l.table && k.column == in.column && k.at == sub.parentRows &&
                k.count == sub.count)
                found = k.values.data();
        }
        if (!found)
            return false;
        inputs[in.slot] = found;
    }
    return true;
}

void LookupSet::remember(const Lookup &l, const BatchContext &sub, const Value **inputs) const
{
    constexpr size_t kKept = 8;
    const RowBatch &b = *sub.batch;
    for (const Input &in : l.inputs) {
        if (b.lookedUsed == kKept)
            return;
        if (b.looked.size() == b.lookedUsed)
            b.looked.emplace_back();
        RowBatch::Looked &k = b.looked[b.lookedUsed++];
        k.table = l.table;
        k.column = in.column;
        k.at = sub.parentRows;
        k.count = sub.count;
        k.values.assign(inputs[in.slot], inputs[in.slot] + sub.count);
    }
}

} // namespace spillway
