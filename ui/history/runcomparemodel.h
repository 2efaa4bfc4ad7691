#pragma once

// Two runs' summaries side by side for the history page's compare view: each metric of B
// against A with the change in percent and better/worse, as `spillway-cli runs compare` shows.

#include "history/runcompare.h"

#include <QAbstractTableModel>

namespace spillway {

class RunCompareModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { Metric, A, B, Change, Verdict, ColumnCount };
    enum Role { SortRole = Qt::UserRole + 1, VerdictRole };

    explicit RunCompareModel(QObject *parent = nullptr);

    void setRuns(const RunRecord &a, const RunRecord &b);
    void clear();
    const QList<MetricChange> &changes() const { return m_changes; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    QVariant display(const MetricChange &change, int column) const;
    QVariant foreground(const MetricChange &change, int column) const;

    QList<MetricChange> m_changes;
};

} // namespace spillway
