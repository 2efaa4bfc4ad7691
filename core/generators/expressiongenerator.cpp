#include "generators/expressiongenerator.h"

#include "generators/expressioneval.h"
#include "schema/compiledschema.h"
#include "schema/generatorregistry.h"
#include "schema/schemacompiler.h"

namespace spillway {

namespace {

// Names of the row's own columns: each distinct name read becomes one input slot.
class RowResolver final : public ExprResolver
{
public:
    RowResolver(const TableSpec &table, const QString &self)
        : m_table(table)
        , m_self(self)
    {}

    std::optional<ExprColumn> resolve(const QString &name, QString *problem) const override
    {
        if (name.contains(QLatin1Char('.'))) {
            *problem =
                QStringLiteral("'%1': an expression reads only columns of its own row").arg(name);
            return std::nullopt;
        }
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
        }
        return ExprColumn{target.type, target.scale, int(slot)};
    }
    const QStringList &inputs() const { return m_slots; }

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

    const TableSpec &m_table;
    QString m_self;
    mutable QStringList m_slots;
};

class ExpressionGenerator final : public Generator
{
public:
    ExpressionGenerator(std::unique_ptr<EvalNode> root, QStringList columns)
        : m_root(std::move(root))
        , m_columns(std::move(columns))
    {}

    void generate(const BatchContext &ctx, Value *out) const override
    {
        thread_local ScratchPool pool;
        std::vector<const Value *> inputs(size_t(m_indexes.size()));
        for (uint32_t offset = 0; offset < ctx.count; offset += kEvalBatch) {
            for (qsizetype s = 0; s < m_indexes.size(); ++s)
                inputs[size_t(s)] = ctx.batch->column(m_indexes[s]) + offset;
            EvalFrame frame{inputs.data(), std::min(kEvalBatch, ctx.count - offset), ctx.arena,
                            &pool};
            const Value *values = m_root->eval(frame, out + offset);
            if (values != out + offset)
                std::copy(values, values + frame.count, out + offset);
        }
    }
    QStringList dependencies() const override { return m_columns; }
    QString dependencyKey(int) const override { return QStringLiteral("expression"); }
    void bindDependencies(const QList<int> &indexes) override { m_indexes = indexes; }

private:
    std::unique_ptr<EvalNode> m_root;
    QStringList m_columns;
    QList<int> m_indexes;
};

std::unique_ptr<Generator> makeExpression(GeneratorArgs &a)
{
    const QString text = a.params.string(QStringLiteral("expression"));
    const auto *compiler = dynamic_cast<const SchemaCompiler *>(&a.context);
    const TableSpec *table = compiler ? compiler->currentTableSpec() : nullptr;
    if (text.isNull() || !table)
        return nullptr;
    RowResolver resolver(*table, a.column);
    const Expression expression = Expression::compile(text, resolver, a.sqlType);
    for (const ExprProblem &problem : expression.problems())
        a.params.error(QStringLiteral("expression"), Expression::describe(problem));
    if (!expression.isValid())
        return nullptr;
    return std::make_unique<ExpressionGenerator>(buildEvalNode(*expression.root()),
                                                 resolver.inputs());
}

} // namespace

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
