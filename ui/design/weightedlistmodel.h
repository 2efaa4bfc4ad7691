#pragma once

// Values and their weights (a `choice` generator's `values` and `weights`) as an editable
// two-column table, for the weighted-list editor.

#include <QAbstractTableModel>
#include <QJsonArray>

namespace spillway {

class WeightedListModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { ValueColumn, WeightColumn, ColumnCount };
    enum Role { ShareRole = Qt::UserRole + 1 }; // double: the row's share of the total weight

    explicit WeightedListModel(QObject *parent = nullptr);

    // Weights empty: every value weighs 1.
    void setList(const QJsonArray &values, const QJsonArray &weights);
    QJsonArray values() const;
    QJsonArray weights() const; // empty when every weight is 1

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    bool insertRows(int row, int count, const QModelIndex &parent = {}) override;
    bool removeRows(int row, int count, const QModelIndex &parent = {}) override;

signals:
    void listEdited(); // by the user (setData, insertRows, removeRows), not by setList

private:
    struct Entry
    {
        QJsonValue value;
        double weight = 1;
    };
    double total() const;
    QList<Entry> m_entries;
};

} // namespace spillway
