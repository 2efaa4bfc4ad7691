#pragma once

// The dashboard's log: what a run said that deserves attention (phases, warnings, errors), each
// with a time, a level, a one-line text and details (the full error, where and what to do), and
// a pipeline's own output lines (prefixed by the command's name, stderr as warnings). Bounded:
// the oldest entries go first, a whole batch at a time, and olderCount() says how many went (the
// run's full log keeps them), so 100k lines of output keep the view as fast as 100.

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
        QString source; // the pipeline command that wrote the line; empty: Spillway itself
    };

    explicit RunLogModel(QObject *parent = nullptr);

    void add(spillway::LogLevel level, const QString &text, const QString &details = {});
    // Many entries at once: one insertion and at most one removal of the oldest.
    void addEntries(const QList<Entry> &entries);
    void clear();
    const Entry &entry(int row) const { return m_entries.at(row); }
    int count(LogLevel level) const;
    // Entries kept at most (kMaxEntries unless set); fewer drop the oldest now.
    int capacity() const { return m_capacity; }
    void setCapacity(int capacity);
    // Entries dropped as the log grew past its capacity since the last clear().
    qint64 olderCount() const { return m_older; }
    // "[name] text" for a command's line, the text alone for Spillway's own.
    static QString messageText(const Entry &entry);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    static QString levelName(LogLevel level);

signals:
    void olderCountChanged(qint64 count);

private:
    void dropOldest(qsizetype count);

    QList<Entry> m_entries;
    int m_capacity = kMaxEntries;
    qint64 m_older = 0;
};

} // namespace spillway
