#pragma once

// One recorded run on the history page: its charts (throughput with the mean, commit latency,
// server signals; for a pipeline run also rows/s per target table, the commands' CPU and memory
// and the database's activity) and, on a second tab, its settings, summary, tables, thresholds
// and verify result (a pipeline's commands with their exit statuses first). A pipeline run has
// a third tab with its commands' output: the lines the record keeps, or the whole log file.

#include "history/runrecord.h"

#include <QWidget>

class QChart;
class QChartView;
class QLabel;
class QPlainTextEdit;
class QPushButton;
class QTabWidget;
class QTableView;
class QVBoxLayout;

namespace spillway {

class RunPropertiesModel;

class RunView : public QWidget
{
    Q_OBJECT

public:
    explicit RunView(QWidget *parent = nullptr);

    void setRun(const RunRecord &run);
    const RunRecord &run() const { return m_run; }
    // The charts shown, throughput first.
    QList<QChartView *> chartViews() const { return m_chartViews; }
    QPlainTextEdit *logView() const { return m_log; }
    // Shows the whole log file instead of the record's lines; an error message, or empty.
    QString showFullLog();
    // "12.3 s [name] text" (stderr lines marked "!"), one line per entry.
    static QString logText(const PipelineRecord &pipeline);

protected:
    void changeEvent(QEvent *event) override;

private:
    void rebuildCharts();
    void showLog();
    QChartView *addChart(QChart *chart, const QString &accessibleName);

    RunRecord m_run;
    QLabel *m_title;
    QTabWidget *m_tabs;
    QWidget *m_chartPage;
    QVBoxLayout *m_chartLayout;
    QList<QChartView *> m_chartViews;
    RunPropertiesModel *m_properties;
    QTableView *m_propertiesView;
    QWidget *m_logPage;
    QPlainTextEdit *m_log;
    QLabel *m_logNote;
    QPushButton *m_fullLog;
};

} // namespace spillway
