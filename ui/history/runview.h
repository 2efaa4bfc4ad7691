#pragma once

// One recorded run on the history page: its charts (throughput with the mean, commit latency,
// server signals) and, on a second tab, its settings, summary, tables, thresholds and verify
// result.

#include "history/runrecord.h"

#include <QWidget>

class QChart;
class QChartView;
class QLabel;
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

protected:
    void changeEvent(QEvent *event) override;

private:
    void rebuildCharts();
    QChartView *addChart(QChart *chart, const QString &accessibleName);

    RunRecord m_run;
    QLabel *m_title;
    QTabWidget *m_tabs;
    QWidget *m_chartPage;
    QVBoxLayout *m_chartLayout;
    QList<QChartView *> m_chartViews;
    RunPropertiesModel *m_properties;
    QTableView *m_propertiesView;
};

} // namespace spillway
