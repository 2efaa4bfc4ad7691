#include "schema/aggregatecheck.h"

#include "schema/expression.h"

#include <QJsonDocument>
#include <QRegularExpression>

#include <functional>

namespace spillway {

namespace {

int columnNamed(const TableRuntime &table, const QString &name)
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

// The child columns an aggregate's expression names.
std::vector<int> expressionColumns(const TableRuntime &child, const QString &text)
{
    QList<ExprProblem> problems;
    const auto root = parseExpression(text, problems);
    std::vector<int> columns;
    const std::function<void(const ExprNode &)> walk = [&](const ExprNode &n) {
        if (n.kind == ExprNode::Kind::Column) {
            const int c = columnNamed(child, n.name);
            if (c >= 0)
                columns.push_back(c);
        }
        for (const auto &arg : n.args)
            walk(*arg);
    };
    if (root)
        walk(*root);
    return columns;
}

// The parent column a child column reads as `source.column`, when `source` is the parent row:
// "parent", the child's `parent` column, or a reference of the child into the parent table.
struct ParentRead
{
    QString via;
    int column = -1;
};

std::vector<ParentRead> parentReads(const TableSpec &childSpec, int c, const TableRuntime &parent)
{
    static const QRegularExpression dotted(
        QStringLiteral("([A-Za-z_][A-Za-z0-9_]*)\\.([A-Za-z_][A-Za-z0-9_]*)"));
    const QJsonObject &generator = childSpec.columns[c].generator;
    const QString text = QString::fromUtf8(QJsonDocument(generator).toJson(QJsonDocument::Compact));
    std::vector<ParentRead> reads;
    for (auto it = dotted.globalMatch(text); it.hasNext();) {
        const auto m = it.next();
        const QString via = m.captured(1);
        bool intoParent = via.compare(QLatin1String("parent"), Qt::CaseInsensitive) == 0;
        const qsizetype v = childSpec.columnIndex(via);
        if (!intoParent && v >= 0) {
            const QJsonObject &g = childSpec.columns[v].generator;
            const QString kind = g.value(QStringLiteral("kind")).toString();
            intoParent = kind == QLatin1String("parent") ||
                         (kind == QLatin1String("reference") &&
                          g.value(QStringLiteral("table")).toString() == parent.name);
        }
        const int column = intoParent ? columnNamed(parent, m.captured(2)) : -1;
        if (column >= 0)
            reads.push_back({via, column});
    }
    return reads;
}

void checkAggregate(const CompiledSchema &schema, const TableRuntime &parent, int a,
                    Diagnostics &diagnostics)
{
    const TableSpec &parentSpec = schema.schema().tables[parent.schemaIndex];
    const QJsonObject &g = parentSpec.columns[a].generator;
    const TableRuntime *child = schema.table(g.value(QStringLiteral("table")).toString());
    if (!child || child->schemaIndex < 0)
        return;
    const TableSpec &childSpec = schema.schema().tables[child->schemaIndex];
    std::vector<bool> needed(child->columns.size(), false);
    for (int c : expressionColumns(*child, g.value(QStringLiteral("expression")).toString())) {
        for (int d : child->evaluationOrderFor(c))
            needed[size_t(d)] = true;
    }
    for (size_t c = 0; c < needed.size(); ++c) {
        if (!needed[c])
            continue;
        for (const ParentRead &read : parentReads(childSpec, int(c), parent)) {
            const std::vector<int> order = parent.evaluationOrderFor(read.column);
            if (std::find(order.begin(), order.end(), a) == order.end())
                continue;
            const QString &x = parent.columns[size_t(read.column)].name;
            diagnostics.add(
                QStringLiteral("tables[%1].columns[%2].generator.expression")
                    .arg(parent.schemaIndex)
                    .arg(a),
                QStringLiteral("%1.%2 is circular: it reads %3.%4, which reads %5.%6, %7: "
                               "an aggregate cannot read a child column computed from it; "
                               "compute %3.%4 without %5.%6")
                    .arg(parent.name, parent.columns[size_t(a)].name, child->name,
                         child->columns[c].name, read.via, x,
                         read.column == a ? QStringLiteral("the aggregate itself")
                                          : QStringLiteral("which is computed from the "
                                                           "aggregate")));
            return;
        }
    }
}

} // namespace

void checkAggregateCycles(const CompiledSchema &schema, Diagnostics &diagnostics)
{
    for (const auto &table : schema.tables()) {
        if (table->aggregatedChildren.isEmpty() || table->schemaIndex < 0)
            continue;
        const TableSpec &spec = schema.schema().tables[table->schemaIndex];
        for (int c = 0; c < spec.columns.size(); ++c) {
            if (spec.columns[c].generator.value(QStringLiteral("kind")).toString() ==
                QLatin1String("aggregate"))
                checkAggregate(schema, *table, c, diagnostics);
        }
    }
}

} // namespace spillway
