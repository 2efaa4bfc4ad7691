#include "design/previewmodel.h"

#include <QBrush>
#include <QFont>
#include <QPalette>

namespace spillway {

PreviewModel::PreviewModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

void PreviewModel::setRows(const PreviewRows &rows)
{
    beginResetModel();
    m_rows = rows;
    endResetModel();
}

void PreviewModel::clear()
{
    setRows({});
}

bool PreviewModel::isNull(int row, int column) const
{
    if (row < 0 || row >= m_rows.nulls.size())
        return false;
    const QList<bool> &nulls = m_rows.nulls.at(row);
    return column >= 0 && column < nulls.size() && nulls.at(column);
}

int PreviewModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.rows.size());
}

int PreviewModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.headers.size());
}

QVariant PreviewModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const QStringList &row = m_rows.rows.at(index.row());
    const QString text = index.column() < row.size() ? row.at(index.column()) : QString();
    const bool null = isNull(index.row(), index.column());
    switch (role) {
    case Qt::DisplayRole:
        if (null)
            return QStringLiteral("NULL");
        return text.isEmpty() ? QStringLiteral("\"\"") : text.left(200);
    case Qt::ToolTipRole:
        return null ? tr("NULL (no value)") : text.left(2000);
    case Qt::FontRole:
        if (null) {
            QFont font;
            font.setItalic(true);
            return font;
        }
        return {};
    case Qt::ForegroundRole:
        if (null || text.isEmpty())
            return QBrush(QPalette().color(QPalette::Disabled, QPalette::Text));
        return {};
    case IsNullRole:
        return null;
    case RawTextRole:
        return null ? QVariant() : QVariant(text);
    default:
        return {};
    }
}

QVariant PreviewModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (role != Qt::DisplayRole)
        return {};
    if (orientation == Qt::Vertical)
        return section + 1;
    if (section < 0 || section >= m_rows.headers.size())
        return {};
    return m_rows.headers.at(section);
}

} // namespace spillway
