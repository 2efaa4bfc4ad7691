#include "run/tableprogressmodel.h"

#include <cmath>

namespace spillway {

TableProgressModel::TableProgressModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

void TableProgressModel::setTables(const QList<TableProgress> &tables)
{
    bool sameTables = tables.size() == m_tables.size();
    for (qsizetype i = 0; sameTables && i < tables.size(); ++i)
        sameTables = tables.at(i).name == m_tables.at(i).name;
    if (!sameTables) {
        beginResetModel();
        m_tables = tables;
        endResetModel();
        return;
    }
    m_tables = tables;
    if (!m_tables.isEmpty())
        emit dataChanged(index(0, ProgressColumn), index(rowCount() - 1, BytesColumn));
}

void TableProgressModel::clear()
{
    setTables({});
}

int TableProgressModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_tables.size());
}

int TableProgressModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant TableProgressModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const TableProgress &t = m_tables.at(index.row());
    const double fraction = t.rowsTotal ? double(t.rowsDone) / double(t.rowsTotal) : 1.0;
    if (role == FractionRole)
        return fraction;
    if (role == Qt::TextAlignmentRole)
        return index.column() == TableColumn      ? QVariant(Qt::AlignLeft | Qt::AlignVCenter)
               : index.column() == ProgressColumn ? QVariant(Qt::AlignCenter)
                                                  : QVariant(Qt::AlignRight | Qt::AlignVCenter);
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole)
        return {};
    switch (index.column()) {
    case TableColumn:
        return t.name;
    case ProgressColumn:
        return QStringLiteral("%1%").arg(QString::number(fraction * 100, 'f', 1));
    case RowsColumn:
        return role == Qt::ToolTipRole ? formatNumber(double(t.rowsDone))
                                       : formatCount(double(t.rowsDone));
    case TotalColumn:
        return role == Qt::ToolTipRole ? formatNumber(double(t.rowsTotal))
                                       : formatCount(double(t.rowsTotal));
    case BytesColumn:
        return formatBytes(double(t.bytesDone));
    default:
        return {};
    }
}

QVariant TableProgressModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal)
        return {};
    if (role == Qt::TextAlignmentRole) // numbers right-aligned, their headers with them
        return section >= RowsColumn ? QVariant(Qt::AlignRight | Qt::AlignVCenter)
                                     : QVariant(Qt::AlignLeft | Qt::AlignVCenter);
    if (role != Qt::DisplayRole)
        return {};
    switch (section) {
    case TableColumn:
        return tr("Table");
    case ProgressColumn:
        return tr("Progress");
    case RowsColumn:
        return tr("Rows");
    case TotalColumn:
        return tr("Of");
    case BytesColumn:
        return tr("Bytes");
    default:
        return {};
    }
}

} // namespace spillway
