#pragma once

// The `expression` generator: a column computed from other columns of its row by an expression
// (schema/expression.h), e.g. "c_nationkey + 10" or "format('Customer#%09d', c_custkey)". Other
// generators embed one through RowExpression (a template's {format(...)} placeholder).

#include "schema/expression.h"
#include "schema/generator.h"

#include <QList>
#include <QStringList>

#include <memory>
#include <optional>

namespace spillway {

class EvalNode;
class GeneratorRegistry;
class LookupSet;
struct BatchContext;
struct GeneratorArgs;
struct TableRuntime;

// An expression over the columns of the row, its parent row's (parent.x) and the rows its
// references drew (ref.x), compiled and ready to evaluate a batch at a time.
class RowExpression
{
public:
    // Compiles `text` for a value of `sqlType` in the column `args` builds; nothing, with
    // *problems filled, when it does not validate.
    static std::optional<RowExpression> compile(const GeneratorArgs &args, const QString &text,
                                                const QString &sqlType,
                                                QList<ExprProblem> *problems);

    // The columns of the row read, in the order evaluate() expects their batch positions.
    const QStringList &columns() const { return m_columns; }
    // Values of ctx.count rows into out; indexes[i] is the batch position of columns()[i].
    void evaluate(const BatchContext &ctx, const QList<int> &indexes, Value *out) const;
    // True when a value needs the row's parent row (it reads parent.x).
    bool needsParent() const;
    // The columns of other tables it looks up (Generator::otherRowReads), appended to `out`.
    void addReads(std::vector<Generator::RowRead> &out) const;
    // Called through Generator::bindTable: finds the reference columns it looks up through.
    void bindTable(const TableRuntime &table);

private:
    std::shared_ptr<const EvalNode> m_root;
    QStringList m_columns;
    std::vector<int> m_sources;          // per input slot: index in m_columns, or -1 (lookup)
    std::shared_ptr<LookupSet> m_lookup; // null when the expression reads no other row
};

void registerExpressionGenerators(GeneratorRegistry &registry);

} // namespace spillway
