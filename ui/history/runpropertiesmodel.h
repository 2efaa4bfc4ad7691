#pragma once

// Name/value rows grouped under section headings, for a run's overview, summary, tables,
// thresholds, verify result and settings, or for the settings two runs differ in.

#include "history/runrecord.h"

#include <QAbstractTableModel>

namespace spillway {

class RunPropertiesModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { Name, Value, ColumnCount };
    enum Role { IsSectionRole = Qt::UserRole + 1 };

    struct Entry
    {
        QString name;
        QString value;
        QString toolTip;
        bool section = false; // a heading row; value empty
    };

    explicit RunPropertiesModel(QObject *parent = nullptr);

    void setEntries(const QList<Entry> &entries);
    const QList<Entry> &entries() const { return m_entries; }
    // Everything a record holds, by section.
    void setRun(const RunRecord &record);
    // The settings that differ between a and b ("a → b").
    void setDifferences(const RunRecord &a, const RunRecord &b);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    static QList<Entry> runEntries(const RunRecord &record);

private:
    QList<Entry> m_entries;
};

} // namespace spillway
