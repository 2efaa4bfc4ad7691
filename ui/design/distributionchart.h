#pragma once

// Draws a ColumnDistribution with Qt Charts: a histogram (a stepped area over a value, date or
// time axis), the top values as horizontal bars (labels elided to fit, the full value, count and
// share in a tooltip), or a lon/lat scatter with a geometry column's lines and polygons drawn
// whole, at the same scale on both axes. Axes tick at round values (base/axisticks), the
// chart follows the application palette (ui/shell/chartstyle). Rebuilt once per preview update,
// never per value.

#include "design/distribution.h"

#include "base/axisticks.h"

#include <QChartView>

class QCategoryAxis;

namespace spillway {

class GeometryLayer;

class DistributionChart : public QChartView
{
    Q_OBJECT

public:
    explicit DistributionChart(QWidget *parent = nullptr);

    void showDistribution(const ColumnDistribution &distribution);
    void showMessage(const QString &message);
    const ColumnDistribution &distribution() const { return m_distribution; }

    // The top values' category labels as drawn (as many as fit, elided to the chart's width),
    // top to bottom.
    QStringList categoryLabels() const;
    // The tooltip text of the top-values bar at `index` (0: the most frequent).
    QString barToolTip(int index) const;

protected:
    void changeEvent(QEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;

private:
    // An axis with round ticks, recomputed when the chart's size changes.
    struct TickAxis
    {
        QCategoryAxis *axis = nullptr;
        double minimum = 0, maximum = 1;
        AxisScale scale = AxisScale::Number;
        AxisFit fit = AxisFit::Widen;
    };

    void reset(const QString &title);
    void showHistogram(const ColumnDistribution &d);
    void showTopValues(const ColumnDistribution &d);
    void showScatter(const ColumnDistribution &d);
    static QString scatterTitle(const ColumnDistribution &d);
    QRectF scatterRangeForAspect() const;
    void fitScatterAspect();
    QCategoryAxis *addTickAxis(Qt::Alignment side, double minimum, double maximum, AxisScale scale,
                               AxisFit fit);
    void updateTicks();
    AxisTicks ticksAcross(const TickAxis &axis, double length) const;
    void showBarToolTip(bool status, int index);
    QStringList elidedLabels(const ColumnDistribution &d, qsizetype count);
    int valuesThatFit() const;

    ColumnDistribution m_distribution;
    QList<TickAxis> m_tickAxes;
    int m_elideWidth = 0;  // of the top values' labels, when they were drawn
    int m_shownValues = 0; // top values drawn: as many as fit the height
    bool m_rebuildPending = false;
    QRectF m_scatterRange;               // the scatter's shapes with a margin, before the aspect
    GeometryLayer *m_geometry = nullptr; // a scatter's lines and polygons, owned by the chart
};

} // namespace spillway
