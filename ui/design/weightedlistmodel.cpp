#include "design/weightedlistmodel.h"

#include <QLocale>

namespace spillway {

WeightedListModel::WeightedListModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

void WeightedListModel::setList(const QJsonArray &values, const QJsonArray &weights)
{
    beginResetModel();
    m_entries.clear();
    for (qsizetype i = 0; i < values.size(); ++i)
        m_entries.append({values.at(i), i < weights.size() ? weights.at(i).toDouble(1) : 1.0});
    endResetModel();
}

QJsonArray WeightedListModel::values() const
{
    QJsonArray result;
    for (const Entry &e : m_entries)
        result.append(e.value);
    return result;
}

QJsonArray WeightedListModel::weights() const
{
    QJsonArray result;
    bool allOne = true;
    for (const Entry &e : m_entries) {
        result.append(e.weight);
        allOne = allOne && e.weight == 1;
    }
    return allOne ? QJsonArray() : result;
}

int WeightedListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_entries.size());
}

int WeightedListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

double WeightedListModel::total() const
{
    double sum = 0;
    for (const Entry &e : m_entries)
        sum += e.weight;
    return sum;
}

QVariant WeightedListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const Entry &e = m_entries[index.row()];
    if (role == ShareRole)
        return total() > 0 ? e.weight / total() : 0.0;
    if (role == Qt::ToolTipRole && index.column() == WeightColumn)
        return tr("%1 % of the values").arg(QLocale().toString(100 * e.weight / total(), 'f', 1));
    if (role != Qt::DisplayRole && role != Qt::EditRole)
        return {};
    if (index.column() == WeightColumn)
        return e.weight;
    return e.value.isString() ? e.value.toString() : e.value.toVariant().toString();
}

bool WeightedListModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (role != Qt::EditRole || !checkIndex(index, CheckIndexOption::IndexIsValid))
        return false;
    Entry &e = m_entries[index.row()];
    if (index.column() == WeightColumn) {
        bool ok = false;
        const double w = value.toDouble(&ok);
        if (!ok || w < 0)
            return false;
        e.weight = w;
        emit dataChanged(this->index(0, WeightColumn), this->index(rowCount() - 1, WeightColumn));
    } else {
        // Keep the JSON type of numbers and booleans that were there (choice of integers...).
        const QString text = value.toString();
        bool ok = false;
        const double number = text.toDouble(&ok);
        if (e.value.isDouble() && ok)
            e.value = number;
        else if (e.value.isBool() &&
                 (text == QLatin1String("true") || text == QLatin1String("false")))
            e.value = text == QLatin1String("true");
        else
            e.value = text;
        emit dataChanged(index, index);
    }
    emit listEdited();
    return true;
}

QVariant WeightedListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (role != Qt::DisplayRole)
        return {};
    if (orientation == Qt::Vertical)
        return section + 1;
    return section == ValueColumn ? tr("Value") : tr("Weight");
}

Qt::ItemFlags WeightedListModel::flags(const QModelIndex &index) const
{
    if (!index.isValid())
        return Qt::NoItemFlags;
    return Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsEditable;
}

bool WeightedListModel::insertRows(int row, int count, const QModelIndex &parent)
{
    if (parent.isValid() || row < 0 || row > rowCount() || count <= 0)
        return false;
    const bool numeric = !m_entries.isEmpty() && m_entries.first().value.isDouble();
    beginInsertRows(parent, row, row + count - 1);
    for (int i = 0; i < count; ++i)
        m_entries.insert(row + i, {numeric ? QJsonValue(0) : QJsonValue(tr("value")), 1.0});
    endInsertRows();
    emit listEdited();
    return true;
}

bool WeightedListModel::removeRows(int row, int count, const QModelIndex &parent)
{
    if (parent.isValid() || row < 0 || count <= 0 || row + count > rowCount())
        return false;
    beginRemoveRows(parent, row, row + count - 1);
    m_entries.remove(row, count);
    endRemoveRows();
    emit listEdited();
    return true;
}

} // namespace spillway
