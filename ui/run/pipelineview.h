#pragma once

// The dashboard's page for a pipeline run (issue 13), drawn from what the run controller passes
// on once a second: rows/s into each target table (one series per table), each command's CPU and
// memory (one pair of series per command) beside a table of the commands (state or exit status,
// CPU, memory, storage bytes, sessions), the database's activity (the commands' sessions active,
// idle in transaction, waiting and blocked; WAL MB/s) with its top wait events, checkpoints,
// temporary files and COPYs, and the target tables' figures. After the run, each iteration's
// verify result.

#include "pg/pipelinejob.h"

#include <QWidget>

class QLabel;
class QTableView;

namespace spillway {

class CommandActivityModel;
class TargetTableModel;
class TimeSeriesChart;

class PipelineView : public QWidget
{
    Q_OBJECT

public:
    explicit PipelineView(QWidget *parent = nullptr);

    // A new pipeline run and its commands (every chart emptied). The target tables get their
    // series as the samples name them.
    void start(const QStringList &commands);
    void addSample(const spillway::PipelineSample &sample);
    void showCommandFinished(int command, const spillway::CommandOutcome &outcome);
    void showResult(const spillway::PipelineResult &result);
    void clear();

    TimeSeriesChart *tablesChart() const { return m_tablesChart; }
    TimeSeriesChart *commandsChart() const { return m_commandsChart; }
    TimeSeriesChart *databaseChart() const { return m_databaseChart; }
    CommandActivityModel *commandModel() const { return m_commands; }
    TargetTableModel *tableModel() const { return m_tables; }
    QString databaseText() const;
    QString verifyText() const;

    // "exit 0", "exit 3", "signal 9", "timed out", "stopped", "did not start: …".
    static QString outcomeText(const CommandOutcome &outcome);
    static bool outcomeFailed(const CommandOutcome &outcome);
    // One line per iteration's verify: the tables that match, or those that do not and how.
    static QString verifyText(const PipelineResult &result);

private:
    QWidget *createSide();
    int tableSeries(const QString &table);
    void updateDatabaseText(const DatabaseSample &sample);
    void flushCharts();

    TimeSeriesChart *m_tablesChart;
    TimeSeriesChart *m_commandsChart;
    TimeSeriesChart *m_databaseChart;
    CommandActivityModel *m_commands;
    TargetTableModel *m_tables;
    QTableView *m_commandView;
    QTableView *m_tableView;
    QLabel *m_database;
    QLabel *m_verify;         // verify found what was generated
    QLabel *m_verifyProblem;  // verify found differences (the error colour)
    QStringList m_tableNames; // m_tablesChart's series, in order
    int m_commandCount = 0;
};

} // namespace spillway
