#include "design/tablekeysmodel.h"

#include "shell/icons.h"

namespace spillway {

TableKeysModel::TableKeysModel(QObject *parent)
    : QAbstractListModel(parent)
{}

QString TableKeysModel::describe(const QStringList &columns)
{
    return QLatin1Char('(') + columns.join(QStringLiteral(", ")) + QLatin1Char(')');
}

QString TableKeysModel::describe(const ForeignKeySpec &key)
{
    return tr("%1 → %2 %3").arg(describe(key.columns), key.table, describe(key.referencedColumns));
}

void TableKeysModel::setTable(const TableSpec &table, const QString &tablePath,
                              const QList<Diagnostic> &problems)
{
    QList<Row> rows;
    if (!table.primaryKey.isEmpty())
        rows.append({PrimaryKey,
                     0,
                     tr("Primary key %1").arg(describe(table.primaryKey)),
                     QStringLiteral("primaryKey"),
                     {}});
    for (int u = 0; u < table.unique.size(); ++u)
        rows.append({Unique,
                     u,
                     tr("Unique %1").arg(describe(table.unique[u])),
                     QStringLiteral("unique[%1]").arg(u),
                     {}});
    for (int f = 0; f < table.foreignKeys.size(); ++f)
        rows.append({ForeignKey,
                     f,
                     tr("Foreign key %1").arg(describe(table.foreignKeys[f])),
                     QStringLiteral("foreignKeys[%1]").arg(f),
                     {}});
    for (Row &row : rows) {
        const QString path = tablePath + QLatin1Char('.') + row.path;
        for (const Diagnostic &d : problems)
            if (d.path == path || d.path.startsWith(path + QLatin1Char('.')) ||
                d.path.startsWith(path + QLatin1Char('[')))
                row.problems.append(d.message);
    }
    beginResetModel();
    m_rows = rows;
    endResetModel();
}

int TableKeysModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

QVariant TableKeysModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &row = m_rows[index.row()];
    switch (role) {
    case Qt::DisplayRole:
    case Qt::AccessibleTextRole:
        return row.text;
    case Qt::ToolTipRole:
        return row.problems.isEmpty()
                   ? row.text
                   : row.text + QLatin1Char('\n') + row.problems.join(QLatin1Char('\n'));
    case Qt::DecorationRole:
        return row.problems.isEmpty() ? Icons::key() : Icons::warning();
    case KindRole:
        return int(row.kind);
    case IndexRole:
        return row.index;
    case PathRole:
        return row.path;
    case ProblemsRole:
        return row.problems;
    default:
        return {};
    }
}

} // namespace spillway
