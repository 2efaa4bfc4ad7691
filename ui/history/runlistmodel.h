#pragma once

// The recorded runs as a table for the history page: one row per RunRecord with the figures
// `spillway-cli runs list` shows. Sorted and filtered through a QSortFilterProxyModel
// (SortRole gives numbers and dates, not their text).

#include "history/runrecord.h"

#include <QAbstractTableModel>

namespace spillway {

class RunListModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column {
        Id,
        Kind,
        Date,
        Status,
        Rows,
        RowsPerSecond,
        MbPerSecond,
        P95Commit,
        Schema,
        ColumnCount
    };
    enum Role { SortRole = Qt::UserRole + 1, RunIdRole, StatusRole };

    explicit RunListModel(QObject *parent = nullptr);

    // Replaces the records (oldest first, as RunStore::list gives them).
    void setRecords(const QList<RunRecord> &records);
    const QList<RunRecord> &records() const { return m_records; }
    // The record of a row, or nullptr.
    const RunRecord *record(int row) const;
    int rowOf(const QString &id) const; // -1 when absent

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    static QString schemaOf(const RunRecord &record);
    // The run's status for people, in their language ("ok", "failed", "cancelled", "violated"
    // stay the words of run files, the CLI and reports).
    static QString statusLabel(const RunRecord &record);

private:
    QVariant display(const RunRecord &record, int column) const;
    QVariant sortValue(const RunRecord &record, int column) const;

    QList<RunRecord> m_records;
};

} // namespace spillway
