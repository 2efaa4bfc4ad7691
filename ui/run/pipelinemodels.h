#pragma once

// What a pipeline run's dashboard lists beside its charts, from the PipelineSamples the run
// controller passes on once a second: each command (its state or exit status, its process
// tree's CPU, memory and storage bytes, its database sessions), and each target table (rows/s
// in, rows inserted, updated and deleted since the start, live rows, COPY bytes in progress).
// Both update in place (dataChanged) and reset only when the commands or the tables change.

#include "run/pipelinemetrics.h"

#include <QAbstractTableModel>
#include <QStringList>

namespace spillway {

class CommandActivityModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column {
        NameColumn,
        StateColumn,
        CpuColumn,
        RssColumn,
        ReadColumn,
        WrittenColumn,
        SessionsColumn,
        ColumnCount
    };
    enum Roles { FailedRole = Qt::UserRole + 1 };

    explicit CommandActivityModel(QObject *parent = nullptr);

    // The run's commands, by name, in order (a new run: every figure cleared).
    void setCommands(const QStringList &names);
    QStringList commands() const;
    void setSample(const spillway::PipelineSample &sample);
    // A command ended: `status` says how ("exit 0", "timed out"), failed marks it.
    void setFinished(int command, const QString &status, bool failed);
    void clear();

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    // "2 active · 1 idle in transaction · 1 waiting · 1 blocked", empty parts left out.
    static QString sessionsText(const SessionSummary &sessions);

private:
    struct Row
    {
        QString name;
        QString status; // empty while it runs (or before it started)
        bool failed = false;
        bool sampled = false;
        bool running = false;
        ProcessSample process;
        SessionSummary sessions;
    };
    QVariant display(const Row &row, int column) const;

    QList<Row> m_rows;
};

class TargetTableModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column {
        TableColumn,
        RateColumn,
        InsertedColumn,
        UpdatedColumn,
        DeletedColumn,
        LiveColumn,
        CopyColumn,
        ColumnCount
    };

    explicit TargetTableModel(QObject *parent = nullptr);

    void setTables(const QList<spillway::TableActivity> &tables);
    const QList<TableActivity> &tables() const { return m_tables; }
    void clear();

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    QList<TableActivity> m_tables;
};

} // namespace spillway
