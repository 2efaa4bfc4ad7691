#include "generators/aggregategenerator.h"

#include "generators/expressioneval.h"
#include "schema/compiledschema.h"
#include "schema/expressioncheck.h"
#include "schema/generatorregistry.h"
#include "schema/rowreader.h"
#include "schema/schemacompiler.h"

#include <algorithm>

namespace spillway {

namespace {

enum class Function { Count, Sum, Avg, Min, Max, BoolAnd, BoolOr }; // as aggregateFunctions()

// The columns of the child table an aggregate's expression reads, from the document: the child
// compiles after its parent, so its runtime is found later, in prepare().
class ChildResolver final : public ExprResolver
{
public:
    explicit ChildResolver(const TableSpec &child)
        : m_child(child)
    {}

    std::optional<ExprColumn> resolve(const QString &name, QString *problem) const override
    {
        const qsizetype c = find(name);
        if (name.contains(QLatin1Char('.')) || c < 0) {
            QStringList names;
            for (const ColumnSpec &column : m_child.columns)
                names.append(column.name);
            const QString best = SchemaCompiler::closest(name, names);
            *problem =
                name.contains(QLatin1Char('.'))
                    ? QStringLiteral("'%1': an aggregate reads only columns of its child "
                                     "table '%2'; compute other values in a column of "
                                     "'%2' first")
                          .arg(name, m_child.name)
                : best.isEmpty()
                    ? QStringLiteral("column '%1' is not in table '%2'").arg(name, m_child.name)
                    : QStringLiteral("column '%1' is not in table '%2'; did you mean '%3'?")
                          .arg(name, m_child.name, best);
            return std::nullopt;
        }
        const ColumnSpec &column = m_child.columns[c];
        QString type = column.sqlType.trimmed();
        if (type.isEmpty()) {
            const GeneratorInfo *info = GeneratorRegistry::instance().find(
                column.generator.value(QStringLiteral("kind")).toString());
            type = info ? info->defaultSqlType : QString();
        }
        const ExprTarget target = exprTargetOf(type);
        if (target.type == ExprType::Error) {
            *problem = QStringLiteral("column '%1' is of type %2, which expressions cannot read")
                           .arg(column.name, type);
            return std::nullopt;
        }
        qsizetype slot = m_slots.indexOf(column.name);
        if (slot < 0) {
            slot = m_slots.size();
            m_slots.append(column.name);
        }
        return ExprColumn{target.type, target.scale, int(slot)};
    }
    const QStringList &inputs() const { return m_slots; }

private:
    qsizetype find(const QString &name) const
    {
        qsizetype folded = -1;
        for (qsizetype c = 0; c < m_child.columns.size(); ++c) {
            if (m_child.columns[c].name == name)
                return c;
            if (m_child.columns[c].name.compare(name, Qt::CaseInsensitive) == 0)
                folded = c;
        }
        return folded;
    }

    const TableSpec &m_child;
    mutable QStringList m_slots;
};

// One parent's running aggregate.
struct Fold
{
    __int128 sum = 0; // integers and decimals, at the aggregate's scale
    double real = 0;  // floats
    uint64_t count = 0;
    Value best; // min, max
    bool flag = false;
};

// What compiling decided: the function, the expression's type and the column it fills.
struct AggregateSpec
{
    Function function = Function::Count;
    QString child;
    std::shared_ptr<const EvalNode> root; // null: count(*)
    QStringList inputs;                   // child columns read, by slot
    ExprType type = ExprType::Int;        // the expression's type
    int scale = 0;                        // sums of decimals are kept at this scale
    ExprTarget target;
};

class AggregateGenerator final : public Generator
{
public:
    AggregateGenerator(const CompiledSchema *schema, AggregateSpec spec)
        : m_schema(schema)
        , m_spec(std::move(spec))
    {}

    void generate(const BatchContext &ctx, Value *out) const override;
    bool neverNull() const override { return m_spec.function == Function::Count; }
    void prepare() override;
    std::vector<RowRead> otherRowReads() const override
    {
        std::vector<RowRead> reads;
        const TableRuntime *child = m_schema->table(m_spec.child);
        for (qsizetype s = 0; child && s < m_spec.inputs.size(); ++s)
            reads.push_back({child, child->columnIndex(m_spec.inputs[s])});
        return reads;
    }

private:
    void foldParents(const BatchContext &ctx, uint32_t begin, uint32_t end, Fold *folds) const;
    void foldChildren(RowBatch &children, const uint32_t *owner, Fold *folds, Arena &arena) const;
    void add(Fold &f, const Value &v, Arena &arena) const;
    Value finish(const Fold &f, Arena &arena) const;
    Value decimalResult(__int128 unscaled, int scale) const;

    const CompiledSchema *m_schema;
    AggregateSpec m_spec;
    const TableRuntime *m_child = nullptr;
    std::vector<int> m_columns; // child columns generated, in evaluation order
    QList<int> m_slots;         // child column of each input slot
};

void AggregateGenerator::prepare()
{
    m_child = m_schema->table(m_spec.child);
    m_columns.clear();
    m_slots.clear();
    if (!m_child)
        return;
    std::vector<bool> needed(m_child->columns.size(), false);
    for (const QString &name : std::as_const(m_spec.inputs)) {
        const int c = m_child->columnIndex(name);
        m_slots.append(c);
        for (int d : m_child->evaluationOrderFor(c))
            needed[size_t(d)] = true;
    }
    for (int c : m_child->evalOrder) {
        if (needed[size_t(c)])
            m_columns.push_back(c);
    }
}

void AggregateGenerator::generate(const BatchContext &ctx, Value *out) const
{
    Q_ASSERT(m_child); // prepare() binds the child table before any generate()
    std::vector<Fold> folds(ctx.count);
    // Runs of consecutive parent rows have consecutive children: one child walk per run.
    for (uint32_t i = 0; i < ctx.count && m_child;) {
        uint32_t j = i + 1;
        while (j < ctx.count && ctx.row(j) == ctx.row(j - 1) + 1)
            ++j;
        foldParents(ctx, i, j, folds.data());
        i = j;
    }
    for (uint32_t i = 0; i < ctx.count; ++i)
        out[i] = finish(folds[i], *ctx.arena);
}

void AggregateGenerator::foldParents(const BatchContext &ctx, uint32_t begin, uint32_t end,
                                     Fold *folds) const
{
    Arena scratch(256);
    if (!m_spec.root) { // count(*): the fan-out alone
        for (uint32_t i = begin; i < end; ++i)
            folds[i].count = m_child->fanOutOf(ctx.row(i), scratch);
        return;
    }
    // The thread's pooled batch: a fresh one per call would allocate and clear every column.
    const RowReader::Scratch pooled(int(m_child->columns.size()));
    RowBatch &children = pooled.batch();
    uint32_t owner[RowBatch::kCapacity];
    uint64_t next = m_child->firstChildRow(ctx.row(begin));
    uint32_t filled = 0;
    auto flush = [&] {
        children.arena.reset();
        children.firstRow = next;
        children.count = filled;
        m_child->generate(children, m_columns);
        foldChildren(children, owner, folds, *ctx.arena);
        next += filled;
        filled = 0;
    };
    for (uint32_t i = begin; i < end; ++i) {
        const uint64_t p = ctx.row(i);
        const uint64_t n = m_child->fanOutOf(p, scratch);
        for (uint64_t k = 0; k < n; ++k) {
            children.parentRows[filled] = p;
            children.ordinals[filled] = uint32_t(k);
            owner[filled] = i;
            if (++filled == RowBatch::kCapacity)
                flush();
        }
    }
    if (filled)
        flush();
}

void AggregateGenerator::foldChildren(RowBatch &children, const uint32_t *owner, Fold *folds,
                                      Arena &arena) const
{
    thread_local ScratchPool pool;
    std::vector<const Value *> inputs(size_t(m_slots.size()));
    for (qsizetype s = 0; s < m_slots.size(); ++s)
        inputs[size_t(s)] = children.column(m_slots[s]);
    static_assert(kEvalBatch >= RowBatch::kCapacity, "one evaluation per child batch");
    Scratch buffer(EvalFrame{nullptr, 0, nullptr, &pool});
    const EvalFrame frame{inputs.data(), children.count, &children.arena, &pool};
    const Value *values = m_spec.root->eval(frame, buffer.get());
    for (uint32_t j = 0; j < children.count; ++j) {
        if (!values[j].isNull())
            add(folds[owner[j]], values[j], arena);
    }
}

void AggregateGenerator::add(Fold &f, const Value &v, Arena &arena) const
{
    const bool first = f.count++ == 0;
    switch (m_spec.function) {
    case Function::Count:
        break;
    case Function::Sum:
    case Function::Avg:
        if (m_spec.type == ExprType::Float)
            f.real += v.f;
        else if (v.kind == ValueKind::Decimal && v.scale > m_spec.scale)
            f.sum += roundDiv(__int128(v.i), decimalPow10(v.scale - m_spec.scale));
        else
            f.sum += __int128(v.i) *
                     decimalPow10(m_spec.scale - (v.kind == ValueKind::Decimal ? v.scale : 0));
        break;
    case Function::Min:
    case Function::Max: {
        const int c = first ? 0 : compareAs(m_spec.type, v, f.best);
        if (first || (m_spec.function == Function::Min ? c < 0 : c > 0)) {
            f.best = v;
            if (v.kind == ValueKind::Text) // the child batch's arena is reset per batch
                f.best.text = arena.copy({v.text, v.len}).data();
        }
        break;
    }
    case Function::BoolAnd:
        f.flag = (first || f.flag) && v.i != 0;
        break;
    case Function::BoolOr:
        f.flag = f.flag || v.i != 0;
        break;
    }
}

Value AggregateGenerator::decimalResult(__int128 unscaled, int scale) const
{
    const ExprTarget &t = m_spec.target;
    const int to = t.type == ExprType::Decimal && t.scale >= 0 ? t.scale
                   : t.type == ExprType::Int                   ? 0
                                                               : std::min(scale, kMaxScale);
    return decimalRescaled(unscaled, scale, to);
}

Value AggregateGenerator::finish(const Fold &f, Arena &arena) const
{
    Value v;
    if (m_spec.function == Function::Count)
        v = Value::integer(int64_t(f.count));
    else if (f.count == 0)
        return Value::null(); // as SQL: an aggregate over no rows is null, count is 0
    switch (m_spec.function) {
    case Function::Count:
        break;
    case Function::Sum:
        v = m_spec.type == ExprType::Float ? Value::real(f.real)
                                           : decimalResult(f.sum, m_spec.scale);
        break;
    case Function::Avg: {
        if (m_spec.type == ExprType::Float) {
            v = Value::real(f.real / double(f.count));
            break;
        }
        // At 16 digits at least, as PostgreSQL's avg(numeric), before the column's rounding.
        const int scale = std::max(m_spec.scale, 16);
        v = decimalResult(roundDiv(f.sum * decimalPow10(scale - m_spec.scale), __int128(f.count)),
                          scale);
        break;
    }
    case Function::Min:
    case Function::Max:
        v = f.best;
        break;
    case Function::BoolAnd:
    case Function::BoolOr:
        v = Value::boolean(f.flag);
        break;
    }
    const ExprTarget &t = m_spec.target;
    return convertValue(v, t.type, t.scale, t.precision, t.real, arena);
}

} // namespace

namespace {

// The type `function` gives over values of `type`, or Error when it cannot take them.
ExprType resultType(Function function, ExprType type)
{
    switch (function) {
    case Function::Count:
        return ExprType::Int;
    case Function::Sum:
        return isNumericType(type) ? type : ExprType::Error;
    case Function::Avg:
        return !isNumericType(type)      ? ExprType::Error
               : type == ExprType::Float ? ExprType::Float
                                         : ExprType::Decimal;
    case Function::Min:
    case Function::Max:
        return type == ExprType::Bool || type == ExprType::Interval || type == ExprType::Null
                   ? ExprType::Error
                   : type;
    case Function::BoolAnd:
    case Function::BoolOr:
        return type == ExprType::Bool ? type : ExprType::Error;
    }
    return ExprType::Error;
}

// A column of `target` can hold a value of `from` (the rule expressions follow too).
bool assignable(ExprType from, const ExprTarget &target)
{
    return from == target.type || target.type == ExprType::Text ||
           (isNumericType(from) && isNumericType(target.type)) ||
           (isTemporalType(from) && isTemporalType(target.type));
}

// The child table named by "table": it must have a fan-out under this table.
const TableSpec *childTable(GeneratorArgs &a, const Schema &document, const QString &name)
{
    QStringList names;
    for (const TableSpec &t : document.tables) {
        if (t.name == name) {
            if (t.perParent && t.perParent->parent == a.table)
                return &t;
            a.params.error(QStringLiteral("table"),
                           t.perParent ? QStringLiteral("'%1' is a child of '%2', not of '%3': "
                                                        "an aggregate reads the child rows of "
                                                        "its own table")
                                             .arg(name, t.perParent->parent, a.table)
                                       : QStringLiteral("'%1' is not a child of '%2': give it "
                                                        "\"rowsPerParent\" with \"parent\": "
                                                        "\"%2\"")
                                             .arg(name, a.table));
            return nullptr;
        }
        names.append(t.name);
    }
    const QString best = SchemaCompiler::closest(name, names);
    a.params.error(
        QStringLiteral("table"),
        best.isEmpty()
            ? QStringLiteral("there is no table '%1'").arg(name)
            : QStringLiteral("there is no table '%1'; did you mean '%2'?").arg(name, best));
    return nullptr;
}

// Parses and checks the expression over the child's columns into spec (type, scale, inputs).
bool compileExpression(GeneratorArgs &a, const TableSpec &child, const QString &text,
                       AggregateSpec &spec)
{
    ChildResolver resolver(child);
    QList<ExprProblem> problems;
    std::unique_ptr<ExprNode> root = parseExpression(text, problems);
    if (root) {
        ExprChecker checker(resolver, problems);
        checker.check(*root);
    }
    for (const ExprProblem &problem : std::as_const(problems))
        a.params.error(QStringLiteral("expression"), Expression::describe(problem));
    if (!root || !problems.isEmpty())
        return false;
    spec.type = root->type;
    spec.inputs = resolver.inputs();
    // Sums of decimals whose scale varies are kept at the most digits a decimal has.
    spec.scale = spec.type == ExprType::Decimal ? (root->scale >= 0 ? root->scale : kMaxScale) : 0;
    if (spec.function != Function::Count &&
        resultType(spec.function, spec.type) == ExprType::Error) {
        a.params.error(
            QStringLiteral("expression"),
            QStringLiteral("at column 1 of the expression: %1 cannot take %2 values: "
                           "%3")
                .arg(aggregateFunctions()[int(spec.function)], exprTypeName(spec.type),
                     spec.function == Function::BoolAnd || spec.function == Function::BoolOr
                         ? QStringLiteral("give it a condition, e.g. status = 'F'")
                     : spec.type == ExprType::Bool ? QStringLiteral("use bool_and or bool_or")
                                                   : QStringLiteral("give it a number")));
        return false;
    }
    spec.root = buildEvalNode(*root);
    return true;
}

std::unique_ptr<Generator> makeAggregate(GeneratorArgs &a)
{
    const auto *compiler = dynamic_cast<const SchemaCompiler *>(&a.context);
    const QString name = a.params.name(QStringLiteral("table"), QStringLiteral("child table"));
    const QString functionName = a.params.string(QStringLiteral("function"));
    const int function = int(aggregateFunctions().indexOf(functionName));
    if (!functionName.isNull() && function < 0)
        a.params.error(QStringLiteral("function"),
                       QStringLiteral("'%1' is not an aggregate function: use one of %2")
                           .arg(functionName, aggregateFunctions().join(QStringLiteral(", "))));
    const bool hasExpression = a.params.has(QStringLiteral("expression"));
    const QString text = hasExpression || function != int(Function::Count)
                             ? a.params.string(QStringLiteral("expression"))
                             : QString();
    if (a.depth > 0)
        a.params.error(QStringLiteral("table"),
                       QStringLiteral("an aggregate is a column of its own: it cannot be an "
                                      "array element or a json field"));
    if (!compiler || name.isEmpty() || function < 0 || a.depth > 0)
        return nullptr;
    const TableSpec *child = childTable(a, compiler->document(), name);
    if (!child)
        return nullptr;
    AggregateSpec spec;
    spec.function = Function(function);
    spec.child = name;
    if (!text.isNull() && !compileExpression(a, *child, text, spec))
        return nullptr;
    spec.target = exprTargetOf(a.sqlType);
    const ExprType result = resultType(spec.function, spec.type);
    if (spec.target.type == ExprType::Error || !assignable(result, spec.target)) {
        a.params.error(QStringLiteral("function"),
                       QStringLiteral("%1 gives %2, which a %3 column cannot hold: change the "
                                      "column's type or the function")
                           .arg(aggregateFunctions()[function], exprTypeName(result), a.sqlType));
        return nullptr;
    }
    return std::make_unique<AggregateGenerator>(compiler->compiled(), std::move(spec));
}

} // namespace

const QStringList &aggregateFunctions()
{
    static const QStringList names{QStringLiteral("count"),  QStringLiteral("sum"),
                                   QStringLiteral("avg"),    QStringLiteral("min"),
                                   QStringLiteral("max"),    QStringLiteral("bool_and"),
                                   QStringLiteral("bool_or")};
    return names;
}

void registerAggregateGenerators(GeneratorRegistry &r)
{
    r.add({QStringLiteral("aggregate"),
           QStringLiteral(QT_TRANSLATE_NOOP("GeneratorRegistry", "composite")),
           QStringLiteral(QT_TRANSLATE_NOOP("GeneratorRegistry",
                                            "A value over the row's child rows: sum(quantity * "
                                            "unit_price) of an order's lines")),
           QStringLiteral("numeric"), makeAggregate});
}

} // namespace spillway
