#pragma once

// Two recorded runs compared on the history page: their throughput overlaid, the summary side
// by side with the change and better/worse, and the settings that differ.

#include "history/runrecord.h"

#include <QWidget>

class QChartView;
class QLabel;
class QTableView;

namespace spillway {

class RunCompareModel;
class RunPropertiesModel;

class CompareView : public QWidget
{
    Q_OBJECT

public:
    explicit CompareView(QWidget *parent = nullptr);

    // b is compared against a (a is the base, as in `runs compare A B`).
    void setRuns(const RunRecord &a, const RunRecord &b);
    const RunRecord &runA() const { return m_a; }
    const RunRecord &runB() const { return m_b; }
    QChartView *chartView() const { return m_chartView; }
    RunCompareModel *compareModel() const { return m_compare; }

protected:
    void changeEvent(QEvent *event) override;

private:
    void rebuildChart();

    RunRecord m_a, m_b;
    QLabel *m_title;
    QChartView *m_chartView;
    RunCompareModel *m_compare;
    RunPropertiesModel *m_differences;
    QTableView *m_compareView;
    QTableView *m_differencesView;
};

} // namespace spillway
