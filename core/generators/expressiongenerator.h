#pragma once

// The `expression` generator: a column computed from other columns of its row by an expression
// (schema/expression.h), e.g. "c_nationkey + 10" or "format('Customer#%09d', c_custkey)". Other
// generators embed one through RowExpression (a template's {format(...)} placeholder).

#include "schema/expression.h"

#include <QList>
#include <QStringList>

#include <memory>
#include <optional>

namespace spillway {

class EvalNode;
class GeneratorRegistry;
struct BatchContext;
struct GeneratorArgs;

// An expression over the columns of the row, compiled and ready to evaluate a batch at a time.
class RowExpression
{
public:
    // Compiles `text` for a value of `sqlType` in the column `args` builds; nothing, with
    // *problems filled, when it does not validate.
    static std::optional<RowExpression> compile(const GeneratorArgs &args, const QString &text,
                                                const QString &sqlType,
                                                QList<ExprProblem> *problems);

    // The columns read, in the order evaluate() expects their batch positions.
    const QStringList &columns() const { return m_columns; }
    // Values of ctx.count rows into out; indexes[i] is the batch position of columns()[i].
    void evaluate(const BatchContext &ctx, const QList<int> &indexes, Value *out) const;

private:
    std::shared_ptr<const EvalNode> m_root;
    QStringList m_columns;
};

void registerExpressionGenerators(GeneratorRegistry &registry);

} // namespace spillway
