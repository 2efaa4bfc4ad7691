#pragma once

// Draws a ColumnDistribution with Qt Charts: a histogram (a stepped area over a value or date
// axis), the top values as horizontal bars, or a lon/lat scatter. Rebuilt once per preview
// update, never per value.

#include "design/distribution.h"

#include <QChartView>

namespace spillway {

class DistributionChart : public QChartView
{
    Q_OBJECT

public:
    explicit DistributionChart(QWidget *parent = nullptr);

    void showDistribution(const ColumnDistribution &distribution);
    void showMessage(const QString &message);
    const ColumnDistribution &distribution() const { return m_distribution; }

private:
    void reset(const QString &title);
    void showHistogram(const ColumnDistribution &d);
    void showTopValues(const ColumnDistribution &d);
    void showScatter(const ColumnDistribution &d);

    ColumnDistribution m_distribution;
};

} // namespace spillway
