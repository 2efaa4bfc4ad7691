#pragma once

// The run dashboard: overall progress with ETA, per-table progress, live throughput (rows/s
// and MB/s with the run's mean as a line), commit latency p50/p95/p99, per-worker states,
// server signals (tuples/s, WAL bytes/s, checkpoints) and a log of warnings and errors. It
// draws what RunController's snapshots say, once per snapshot (~10 Hz); a failed run raises a
// banner above everything. Its figures follow the run's state: paused and cancelled runs show
// so instead of an ETA, a finished run its time, and nothing in progress stays on screen after
// the run stopped. Time charts run on wall time since the start: a pause is a shaded band with
// the lines broken across it. A pipeline run shows its own page instead of the ingest charts
// (PipelineView: per-table rows/s, the commands' CPU and memory, the database's activity, the
// verify result), and its commands' output in the log: prefixed by the command's name, stderr
// lines as warnings, added in batches a few times a second, the oldest dropped past the log's
// capacity with a note of how many are only in the run's full log.

#include "pg/pipelinejob.h"
#include "run/metrics.h"
#include "run/runlogmodel.h"
#include "run/runsettings.h"

#include <QElapsedTimer>
#include <QPointer>
#include <QTimer>
#include <QWidget>

class QLabel;
class QPlainTextEdit;
class QProgressBar;
class QStackedWidget;
class QTableView;

namespace spillway {

class PipelineView;
class RunController;
class TableProgressModel;
class TimeSeriesChart;
class WorkerStrip;

class Dashboard : public QWidget
{
    Q_OBJECT

public:
    explicit Dashboard(QWidget *parent = nullptr);

    void setController(RunController *controller);

    void clear();
    void addSnapshot(const spillway::RunSnapshot &snapshot);
    void showFinished(const spillway::RunResult &result);
    // The run paused after activeSeconds of work; it resumed after pausedSeconds of pause.
    void showPaused(double activeSeconds);
    void showResumed(double pausedSeconds);
    void addLog(spillway::LogLevel level, const QString &text, const QString &details);
    void showBanner(const QString &text);
    void hideBanner();

    // Pipeline runs (RunController's pipeline signals).
    void startPipeline(const QStringList &commands, const QString &logFile);
    void addPipelineSample(const spillway::PipelineSample &sample);
    // Buffered; the log gets the lines in one batch per flush (a timer, ~10 times a second).
    void addPipelineOutput(const spillway::PipelineLogLine &line);
    void flushOutput();
    void showCommandFinished(int command, const spillway::CommandOutcome &outcome);
    void showPipelineResult(const spillway::PipelineResult &result);
    PipelineView *pipelineView() const { return m_pipeline; }
    bool isPipelineShown() const;
    QString olderLinesText() const;

    TimeSeriesChart *throughputChart() const { return m_throughput; }
    TimeSeriesChart *latencyChart() const { return m_latency; }
    TimeSeriesChart *serverChart() const { return m_server; }
    TableProgressModel *tableModel() const { return m_tables; }
    RunLogModel *logModel() const { return m_log; }
    WorkerStrip *workerStrip() const { return m_workers; }
    bool isBannerVisible() const;
    QString bannerText() const;
    QString phaseText() const;
    QString statsText() const;
    QString serverText() const;
    QTableView *tableView() const { return m_tableView; }
    QTableView *logView() const { return m_logView; }

private:
    enum class Status { Idle, Running, Paused, Finished, Cancelled, Failed };

    QWidget *createHeader();
    QList<TimeSeriesChart *> charts() const;
    QString etaText(const RunSnapshot &s) const;
    void updateServerText();
    void setWorkersAll(WorkerState state);
    void tickPause();
    QWidget *createCharts();
    QWidget *createLog();
    void updateHeader(const RunSnapshot &s);
    void addChartPoints(const RunSnapshot &s);
    void showLogDetails();
    void updateOlderLines();

    QPointer<RunController> m_controller;
    QLabel *m_banner;
    QLabel *m_phase;
    QLabel *m_stats;
    QProgressBar *m_progress;
    TimeSeriesChart *m_throughput;
    TimeSeriesChart *m_latency;
    TimeSeriesChart *m_server;
    TableProgressModel *m_tables;
    RunLogModel *m_log;
    QTableView *m_tableView;
    QTableView *m_logView;
    QPlainTextEdit *m_details;
    QStackedWidget *m_chartStack;
    PipelineView *m_pipeline;
    QLabel *m_older; // "N older lines are only in the full log"
    QList<RunLogModel::Entry> m_pendingLines;
    QTimer m_lineFlush;
    QStringList m_commandNames;
    QString m_logFile;
    WorkerStrip *m_workers;
    QLabel *m_checkpoints;
    double m_lastServerSample = -1;
    double m_serverOffset = 0;
    Status m_status = Status::Idle;
    QString m_runPhase;        // the run's phase, shown again after a pause
    RunSnapshot m_snapshot;    // the latest one
    ServerSample m_serverLast; // the latest server sample, when m_hasServer
    bool m_hasServer = false;
    double m_pausedTotal = 0; // seconds of pauses ended: chart time = active time + this
    double m_pauseStart = -1; // chart time the pause in progress began at
    QElapsedTimer m_pauseClock;
    QTimer m_pauseTicker; // grows the charts' pause bands while paused
};

} // namespace spillway
