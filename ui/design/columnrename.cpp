#include "design/columnrename.h"

#include "design/expressionnames.h"
#include "schema/expression.h"
#include "schema/schema.h"

#include <QJsonObject>
#include <QRegularExpression>

#include <algorithm>
#include <functional>

namespace spillway {

namespace {

struct Span
{
    int start = 0;
    int length = 0;
};

// The parts of the qualified name written at `pos`: identifiers or "quoted" ones joined by '.'.
QList<Span> nameSpans(const QString &text, int pos)
{
    QList<Span> spans;
    int i = pos;
    const int n = int(text.size());
    while (i < n) {
        while (i < n && text[i].isSpace())
            ++i;
        const int start = i;
        if (i < n && text[i] == QLatin1Char('"')) {
            for (++i; i < n; ++i) {
                if (text[i] != QLatin1Char('"'))
                    continue;
                if (i + 1 < n && text[i + 1] == QLatin1Char('"')) {
                    ++i;
                    continue;
                }
                ++i;
                break;
            }
        } else {
            while (i < n && (text[i].isLetterOrNumber() || text[i] == QLatin1Char('_')))
                ++i;
        }
        if (i == start)
            break;
        spans.append({start, i - start});
        int j = i;
        while (j < n && text[j].isSpace())
            ++j;
        if (j >= n || text[j] != QLatin1Char('.'))
            break;
        i = j + 1;
    }
    return spans;
}

// A name as the expression language reads it back: plain when lower case, quoted otherwise.
QString written(const QString &name)
{
    static const QRegularExpression plain(QStringLiteral("^[a-z_][a-z0-9_]*$"));
    if (plain.match(name).hasMatch())
        return name;
    QString quoted = name;
    quoted.replace(QLatin1Char('"'), QStringLiteral("\"\""));
    return QLatin1Char('"') + quoted + QLatin1Char('"');
}

bool startsWith(const QStringList &parts, const QStringList &from)
{
    return parts.size() >= from.size() && parts.mid(0, from.size()) == from;
}

void collectColumns(const ExprNode &node, QList<const ExprNode *> &out)
{
    if (node.kind == ExprNode::Kind::Column)
        out.append(&node);
    for (const auto &arg : node.args)
        collectColumns(*arg, out);
}

// The text a column of `spec` reads, and how to rename in it.
using Renamer = std::function<QString(const QString &)>;

bool renameGenerator(QJsonObject &generator, const Renamer &inExpression, const Renamer &inTemplate,
                     const Renamer &inName)
{
    bool changed = false;
    const auto update = [&](QJsonObject &object, const QString &key, const Renamer &rename) {
        if (!object.value(key).isString())
            return;
        const QString before = object.value(key).toString();
        const QString after = rename(before);
        if (after != before) {
            object.insert(key, after);
            changed = true;
        }
    };
    const QString kind = generator.value(QStringLiteral("kind")).toString();
    if (kind == QLatin1String("expression") || kind == QLatin1String("aggregate"))
        update(generator, QStringLiteral("expression"), inExpression);
    if (kind == QLatin1String("template"))
        update(generator, QStringLiteral("template"), inTemplate);
    QJsonObject after = generator.value(QStringLiteral("after")).toObject();
    if (!after.isEmpty()) {
        update(after, QStringLiteral("column"), inName);
        generator.insert(QStringLiteral("after"), after);
    }
    return changed;
}

// The renames that apply to a text read on a row of `row`, for column `old` of `table`.
QList<std::pair<QStringList, QStringList>> rulesFor(const Schema &schema, const TableSpec &row,
                                                    const QString &table, const QString &old,
                                                    const QString &name)
{
    QList<std::pair<QStringList, QStringList>> rules;
    if (row.name == table)
        rules.append({{old}, {name}});
    if (row.perParent && row.perParent->parent == table)
        rules.append({{QStringLiteral("parent"), old}, {QStringLiteral("parent"), name}});
    for (const ColumnSpec &ref : row.columns) {
        const TableSpec *target = lookedUpTable(schema, row, ref);
        if (target && target->name == table)
            rules.append({{ref.name, old}, {ref.name, name}});
    }
    return rules;
}

} // namespace

QString renameInExpression(const QString &expression, const QStringList &from,
                           const QStringList &to)
{
    QList<ExprProblem> problems;
    const std::unique_ptr<ExprNode> root = parseExpression(expression, problems);
    if (!root || from.isEmpty() || from.size() != to.size())
        return expression;
    QList<const ExprNode *> columns;
    collectColumns(*root, columns);
    QList<std::pair<Span, QString>> edits;
    for (const ExprNode *column : std::as_const(columns)) {
        if (!startsWith(column->name.split(QLatin1Char('.')), from))
            continue;
        const QList<Span> spans = nameSpans(expression, column->pos);
        if (spans.size() < from.size())
            continue;
        for (qsizetype i = 0; i < from.size(); ++i)
            if (from[i] != to[i])
                edits.append({spans[i], written(to[i])});
    }
    // From the end, so that earlier positions stay valid.
    std::sort(edits.begin(), edits.end(),
              [](const auto &a, const auto &b) { return a.first.start > b.first.start; });
    QString result = expression;
    for (const auto &[span, text] : std::as_const(edits))
        result.replace(span.start, span.length, text);
    return result;
}

QString renameInTemplate(const QString &text, const QStringList &from, const QStringList &to)
{
    QString result;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text[i];
        const bool doubled = i + 1 < text.size() && text[i + 1] == c;
        const qsizetype close = text.indexOf(QLatin1Char('}'), i + 1);
        if ((c == QLatin1Char('{') || c == QLatin1Char('}')) && doubled) {
            result += c;
            result += c;
            ++i;
        } else if (c == QLatin1Char('{') && close > i) {
            QString inner = text.mid(i + 1, close - i - 1);
            const QStringList parts = inner.trimmed().split(QLatin1Char('.'));
            if (inner.contains(QLatin1Char('(')))
                inner = renameInExpression(inner, from, to);
            else if (startsWith(parts, from))
                inner.replace(inner.trimmed(),
                              (to + parts.mid(from.size())).join(QLatin1Char('.')));
            result += QLatin1Char('{') + inner + QLatin1Char('}');
            i = close;
        } else {
            result += c;
        }
    }
    return result;
}

QList<int> renameColumnReaders(Schema &schema, const QString &table, const QString &old,
                               const QString &name)
{
    QList<int> changed;
    for (int t = 0; t < schema.tables.size(); ++t) {
        TableSpec &spec = schema.tables[t];
        bool tableChanged = false;
        for (ColumnSpec &column : spec.columns) {
            // An aggregate's expression reads a row of the child table it names.
            const QString kind = column.generator.value(QStringLiteral("kind")).toString();
            const TableSpec *row =
                kind == QLatin1String("aggregate")
                    ? schema.table(column.generator.value(QStringLiteral("table")).toString())
                    : &spec;
            if (!row)
                continue;
            const auto rules = rulesFor(schema, *row, table, old, name);
            const auto apply = [&](QString text, auto rename) {
                for (const auto &[from, to] : rules)
                    text = rename(text, from, to);
                return text;
            };
            const Renamer inExpression = [&](const QString &text) {
                return apply(text, renameInExpression);
            };
            const Renamer inTemplate = [&](const QString &text) {
                return apply(text, renameInTemplate);
            };
            const Renamer inName = [&](const QString &text) {
                return apply(text,
                             [](const QString &n, const QStringList &from, const QStringList &to) {
                                 const QStringList parts = n.split(QLatin1Char('.'));
                                 return startsWith(parts, from)
                                            ? (to + parts.mid(from.size())).join(QLatin1Char('.'))
                                            : n;
                             });
            };
            // A composite reference names the reference column of its row it follows.
            if (spec.name == table && kind == QLatin1String("reference") &&
                column.generator.value(QStringLiteral("row")).toString() == old) {
                column.generator.insert(QStringLiteral("row"), name);
                tableChanged = true;
            }
            if (kind == QLatin1String("aggregate") && row->name != spec.name) {
                // Its "after" (if any) is still of this row: only the expression is the child's.
                QJsonObject expressionOnly{{QStringLiteral("kind"), kind},
                                           {QStringLiteral("expression"),
                                            column.generator.value(QStringLiteral("expression"))}};
                if (renameGenerator(expressionOnly, inExpression, inTemplate, inName)) {
                    column.generator.insert(QStringLiteral("expression"),
                                            expressionOnly.value(QStringLiteral("expression")));
                    tableChanged = true;
                }
                continue;
            }
            tableChanged |= renameGenerator(column.generator, inExpression, inTemplate, inName);
        }
        if (tableChanged)
            changed.append(t);
    }
    return changed;
}

} // namespace spillway
