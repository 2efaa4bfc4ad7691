#include "schema/problemplace.h"

#include <QRegularExpression>

namespace spillway {

ProblemPlace ProblemPlace::locate(const Schema &schema, const QString &path)
{
    static const QRegularExpression re(
        QStringLiteral("^tables\\[(\\d+)\\](?:\\.columns\\[(\\d+)\\])?(?:\\.(.*))?$"));
    ProblemPlace place;
    place.rest = path;
    const QRegularExpressionMatch m = re.match(path);
    if (!m.hasMatch())
        return place;
    bool ok = false;
    const qsizetype table = m.captured(1).toLongLong(&ok);
    if (!ok || table >= schema.tables.size())
        return place;
    qsizetype column = -1;
    if (m.hasCaptured(2)) {
        column = m.captured(2).toLongLong(&ok);
        if (!ok || column >= schema.tables.at(table).columns.size())
            return place;
    }
    place.table = int(table);
    place.column = int(column);
    place.rest = m.captured(3);
    return place;
}

QString ProblemPlace::name(const Schema &schema, const QString &path)
{
    if (path.isEmpty())
        return QStringLiteral("schema");
    const ProblemPlace place = locate(schema, path);
    if (place.table < 0)
        return path;
    const TableSpec &table = schema.tables.at(place.table);
    QString where =
        table.name.isEmpty() ? QStringLiteral("tables[%1]").arg(place.table) : table.name;
    if (place.column >= 0) {
        const QString &column = table.columns.at(place.column).name;
        where += QLatin1Char('.') +
                 (column.isEmpty() ? QStringLiteral("columns[%1]").arg(place.column) : column);
    }
    return place.rest.isEmpty() ? where : where + QStringLiteral(": ") + place.rest;
}

QString ProblemPlace::describe(const Schema &schema, const Diagnostic &problem)
{
    QString where = name(schema, problem.path);
    if (problem.line > 0)
        where += QStringLiteral(" (line %1, column %2)").arg(problem.line).arg(problem.column);
    return where + QStringLiteral(": ") + problem.message;
}

} // namespace spillway
