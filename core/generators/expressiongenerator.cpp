#include "generators/expressiongenerator.h"

#include "generators/expressioneval.h"
#include "generators/expressionlookup.h"
#include "schema/compiledschema.h"
#include "schema/generatorregistry.h"
#include "schema/schemacompiler.h"

#include <QHash>

namespace spillway {

namespace {

// Names of the row's own columns, and of other rows' (a name with a dot, see LookupSet): each
// distinct name read becomes one input slot.
class RowResolver final : public ExprResolver
{
public:
    RowResolver(const GeneratorArgs &args, const TableSpec &table)
        : m_args(args)
        , m_table(table)
        , m_self(args.column)
    {}

    std::optional<ExprColumn> resolve(const QString &name, QString *problem) const override
    {
        if (name.contains(QLatin1Char('.')))
            return resolveLookup(name, problem);
        const ColumnSpec *column = find(name);
        if (!column) {
            QStringList names;
            for (const ColumnSpec &c : m_table.columns)
                names.append(c.name);
            const QString best = SchemaCompiler::closest(name, names);
            *problem =
                best.isEmpty()
                    ? QStringLiteral("column '%1' is not in table '%2'").arg(name, m_table.name)
                    : QStringLiteral("column '%1' is not in table '%2'; did "
                                     "you mean '%3'?")
                          .arg(name, m_table.name, best);
            return std::nullopt;
        }
        if (column->name == m_self) {
            *problem = QStringLiteral("column '%1' cannot refer to itself").arg(m_self);
            return std::nullopt;
        }
        QString type = column->sqlType.trimmed();
        if (type.isEmpty()) {
            const GeneratorInfo *info = GeneratorRegistry::instance().find(
                column->generator.value(QStringLiteral("kind")).toString());
            type = info ? info->defaultSqlType : QString();
        }
        const ExprTarget target = exprTargetOf(type);
        if (target.type == ExprType::Error) {
            *problem = QStringLiteral("column '%1' is of type %2, which expressions cannot read")
                           .arg(column->name, type);
            return std::nullopt;
        }
        qsizetype slot = m_slots.indexOf(column->name);
        if (slot < 0) {
            slot = m_slots.size();
            m_slots.append(column->name);
            m_sources.push_back(int(m_own.size()));
            m_own.append(column->name);
        }
        return ExprColumn{target.type, target.scale, int(slot)};
    }
    const QStringList &own() const { return m_own; }
    const std::vector<int> &sources() const { return m_sources; }
    std::shared_ptr<LookupSet> lookups() const
    {
        if (m_lookups)
            m_lookups->finish();
        return m_lookups;
    }

private:
    std::optional<ExprColumn> resolveLookup(const QString &name, QString *problem) const
    {
        const auto known = m_looked.constFind(name);
        if (known != m_looked.constEnd()) // read before: the same slot
            return *known;
        if (!m_lookups)
            m_lookups = std::make_shared<LookupSet>();
        auto column = m_lookups->resolve(m_args, m_table, name, int(m_slots.size()), problem);
        if (column) {
            m_slots.append(name);
            m_sources.push_back(-1);
            m_looked.insert(name, *column);
        }
        return column;
    }

private:
    const ColumnSpec *find(const QString &name) const
    {
        const ColumnSpec *folded = nullptr;
        for (const ColumnSpec &c : m_table.columns) {
            if (c.name == name)
                return &c;
            if (c.name.compare(name, Qt::CaseInsensitive) == 0)
                folded = &c;
        }
        return folded;
    }

    const GeneratorArgs &m_args;
    const TableSpec &m_table;
    QString m_self;
    mutable QStringList m_slots;
    mutable QStringList m_own;
    mutable std::vector<int> m_sources;
    mutable std::shared_ptr<LookupSet> m_lookups;
    mutable QHash<QString, ExprColumn> m_looked;
};

class ExpressionGenerator final : public Generator
{
public:
    explicit ExpressionGenerator(RowExpression expression)
        : m_expression(std::move(expression))
    {}

    void generate(const BatchContext &ctx, Value *out) const override
    {
        m_expression.evaluate(ctx, m_indexes, out);
    }
    QStringList dependencies() const override { return m_expression.columns(); }
    QString dependencyKey(int) const override { return QStringLiteral("expression"); }
    void bindDependencies(const QList<int> &indexes) override { m_indexes = indexes; }
    bool needsParent() const override { return m_expression.needsParent(); }
    std::vector<RowRead> otherRowReads() const override
    {
        std::vector<RowRead> reads;
        m_expression.addReads(reads);
        return reads;
    }
    void bindTable(const TableRuntime &table) override { m_expression.bindTable(table); }

private:
    RowExpression m_expression;
    QList<int> m_indexes;
};

std::unique_ptr<Generator> makeExpression(GeneratorArgs &a)
{
    const QString text = a.params.string(QStringLiteral("expression"));
    if (text.isNull())
        return nullptr;
    QList<ExprProblem> problems;
    auto expression = RowExpression::compile(a, text, a.sqlType, &problems);
    for (const ExprProblem &problem : std::as_const(problems))
        a.params.error(QStringLiteral("expression"), Expression::describe(problem));
    if (!expression)
        return nullptr;
    return std::make_unique<ExpressionGenerator>(std::move(*expression));
}

} // namespace

std::optional<RowExpression> RowExpression::compile(const GeneratorArgs &args, const QString &text,
                                                    const QString &sqlType,
                                                    QList<ExprProblem> *problems)
{
    const auto *compiler = dynamic_cast<const SchemaCompiler *>(&args.context);
    const TableSpec *table = compiler ? compiler->currentTableSpec() : nullptr;
    if (!table) {
        problems->append({0, QStringLiteral("an expression needs the table it is in")});
        return std::nullopt;
    }
    RowResolver resolver(args, *table);
    const Expression expression = Expression::compile(text, resolver, sqlType);
    *problems = expression.problems();
    if (!expression.isValid())
        return std::nullopt;
    RowExpression result;
    result.m_root = buildEvalNode(*expression.root());
    result.m_columns = resolver.own();
    result.m_sources = resolver.sources();
    result.m_lookup = resolver.lookups();
    return result;
}

bool RowExpression::needsParent() const
{
    return m_lookup && m_lookup->needsParent();
}

void RowExpression::addReads(std::vector<Generator::RowRead> &out) const
{
    if (m_lookup)
        m_lookup->addReads(out);
}

void RowExpression::bindTable(const TableRuntime &table)
{
    if (m_lookup)
        m_lookup->bind(table);
}

void RowExpression::evaluate(const BatchContext &ctx, const QList<int> &indexes, Value *out) const
{
    thread_local ScratchPool pool;
    std::vector<const Value *> inputs(m_sources.size());
    std::vector<std::unique_ptr<RowReader::Scratch>> held;
    for (uint32_t offset = 0; offset < ctx.count; offset += kEvalBatch) {
        const uint32_t n = std::min(kEvalBatch, ctx.count - offset);
        for (size_t s = 0; s < m_sources.size(); ++s) {
            if (m_sources[s] >= 0)
                inputs[s] = ctx.batch->column(indexes[m_sources[s]]) + offset;
        }
        held.clear();
        if (m_lookup)
            m_lookup->read(ctx, offset, n, inputs.data(), held);
        EvalFrame frame{inputs.data(), n, ctx.arena, &pool};
        const Value *values = m_root->eval(frame, out + offset);
        if (values != out + offset)
            std::copy(values, values + frame.count, out + offset);
    }
}

void registerExpressionGenerators(GeneratorRegistry &r)
{
    r.add({QStringLiteral("expression"),
           QStringLiteral(QT_TRANSLATE_NOOP("GeneratorRegistry", "composite")),
           QStringLiteral(QT_TRANSLATE_NOOP(
               "GeneratorRegistry",
               "A value computed from other columns of the row: price * quantity")),
           QStringLiteral("numeric"), makeExpression});
}

} // namespace spillway
