#pragma once

// Per-table progress of a run, from the snapshots' TableProgress list: one row per table, in
// load order. Updated in place (dataChanged) on each tick; reset only when the tables change.

#include "base/quantity.h"
#include "run/metrics.h"

#include <QAbstractTableModel>

namespace spillway {

class TableProgressModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { TableColumn, ProgressColumn, RowsColumn, TotalColumn, BytesColumn, ColumnCount };
    enum Roles { FractionRole = Qt::UserRole + 1 };

    explicit TableProgressModel(QObject *parent = nullptr);

    void setTables(const QList<TableProgress> &tables);
    void clear();

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    QList<TableProgress> m_tables;
};

} // namespace spillway
