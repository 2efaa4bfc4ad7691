#pragma once

// The dashboard's log: what a run said that deserves attention (phases, warnings, errors), each
// with a time, a level, a one-line text and details (the full error, where and what to do).
// Bounded: the oldest entries go first.

#include "run/runsettings.h"

#include <QAbstractTableModel>
#include <QDateTime>

namespace spillway {

class RunLogModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    static constexpr int kMaxEntries = 2000;
    enum Column { TimeColumn, LevelColumn, MessageColumn, ColumnCount };
    enum Roles { LevelRole = Qt::UserRole + 1, DetailsRole };

    struct Entry
    {
        QDateTime time;
        LogLevel level = LogLevel::Info;
        QString text;
        QString details;
    };

    explicit RunLogModel(QObject *parent = nullptr);

    void add(spillway::LogLevel level, const QString &text, const QString &details = {});
    void clear();
    const Entry &entry(int row) const { return m_entries.at(row); }
    int count(LogLevel level) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    static QString levelName(LogLevel level);

private:
    QList<Entry> m_entries;
};

} // namespace spillway
