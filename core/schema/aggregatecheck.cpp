#include "schema/aggregatecheck.h"

#include "schema/expression.h"

#include <QHash>
#include <QJsonDocument>
#include <QRegularExpression>

#include <algorithm>
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

// Every column of every table is a node; a column points at the columns of its own row it reads
// and at the other tables' columns it computes at other rows (Generator::otherRowReads).
class ReadGraph
{
public:
    explicit ReadGraph(const CompiledSchema &schema)
        : m_tables(schema.tables())
    {
        for (size_t t = 0; t < m_tables.size(); ++t) {
            m_first.push_back(m_size);
            m_index.insert(m_tables[t].get(), int(t));
            m_size += int(m_tables[t]->columns.size());
        }
    }
    int size() const { return m_size; }
    int node(int table, int column) const { return m_first[size_t(table)] + column; }
    std::pair<int, int> at(int node) const
    {
        const auto it = std::upper_bound(m_first.begin(), m_first.end(), node) - 1;
        const int t = int(it - m_first.begin());
        return {t, node - *it};
    }
    std::vector<int> edges(int n) const
    {
        const auto [t, c] = at(n);
        const ColumnRuntime &column = m_tables[size_t(t)]->columns[size_t(c)];
        std::vector<int> out;
        for (int d : column.dependencies)
            out.push_back(node(t, d));
        if (!column.generator)
            return out;
        for (const Generator::RowRead &r : column.generator->otherRowReads()) {
            const int other = m_index.value(r.table, -1);
            if (other >= 0 && r.column >= 0 &&
                size_t(r.column) < m_tables[size_t(other)]->columns.size())
                out.push_back(node(other, r.column));
        }
        return out;
    }
    QString name(int n) const
    {
        const auto [t, c] = at(n);
        return m_tables[size_t(t)]->name + QLatin1Char('.') +
               m_tables[size_t(t)]->columns[size_t(c)].name;
    }
    QString path(int n) const
    {
        const auto [t, c] = at(n);
        return QStringLiteral("tables[%1].columns[%2].generator")
            .arg(m_tables[size_t(t)]->schemaIndex)
            .arg(c);
    }

private:
    const std::vector<std::unique_ptr<TableRuntime>> &m_tables;
    std::vector<int> m_first;
    QHash<const TableRuntime *, int> m_index;
    int m_size = 0;
};

void reportCircle(const ReadGraph &graph, const std::vector<int> &circle, Diagnostics &diagnostics)
{
    QString chain;
    for (size_t i = 1; i < circle.size(); ++i)
        chain += (i == 1 ? QStringLiteral("it reads ") : QStringLiteral(", which reads ")) +
                 graph.name(circle[i]);
    chain += (circle.size() == 1 ? QStringLiteral("it reads ") : QStringLiteral(", which reads ")) +
             graph.name(circle.front()) + QStringLiteral(" again");
    diagnostics.add(graph.path(circle.front()),
                    QStringLiteral("%1 is circular: %2, through other tables' rows, so generating "
                                   "it would never end: compute one of these columns without "
                                   "the next")
                        .arg(graph.name(circle.front()), chain));
}

// Depth-first, without recursion (schemas can be large): a column met again while it is still
// on the path closes a circle.
void checkReadCircles(const CompiledSchema &schema, Diagnostics &diagnostics)
{
    const ReadGraph graph(schema);
    enum : char { Unseen, OnPath, Done };
    std::vector<char> state(size_t(graph.size()), Unseen);
    struct Frame
    {
        int node;
        std::vector<int> next;
        size_t at = 0;
    };
    for (int start = 0; start < graph.size(); ++start) {
        if (state[size_t(start)] != Unseen)
            continue;
        std::vector<Frame> path{{start, graph.edges(start)}};
        state[size_t(start)] = OnPath;
        while (!path.empty()) {
            Frame &top = path.back();
            if (top.at == top.next.size()) {
                state[size_t(top.node)] = Done;
                path.pop_back();
                continue;
            }
            const int n = top.next[top.at++];
            if (state[size_t(n)] == OnPath) {
                std::vector<int> circle;
                auto from = std::find_if(path.begin(), path.end(),
                                         [n](const Frame &f) { return f.node == n; });
                for (; from != path.end(); ++from)
                    circle.push_back(from->node);
                reportCircle(graph, circle, diagnostics);
                return; // one circle at a time: breaking it may break the others
            }
            if (state[size_t(n)] == Unseen) {
                state[size_t(n)] = OnPath;
                path.push_back({n, graph.edges(n)});
            }
        }
    }
}

// An aggregate whose child columns read the parent row's column computed from the aggregate:
// named with the columns that close the circle.
void checkParentCircles(const CompiledSchema &schema, Diagnostics &diagnostics)
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

} // namespace

void checkAggregateCycles(const CompiledSchema &schema, Diagnostics &diagnostics)
{
    const qsizetype before = diagnostics.size();
    checkParentCircles(schema, diagnostics);
    // What the parent check cannot name: circles through a third table.
    if (diagnostics.size() == before)
        checkReadCircles(schema, diagnostics);
}

} // namespace spillway
