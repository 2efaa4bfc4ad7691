#pragma once

// The lines and polygons of a geometry column's scatter (ColumnDistribution::lines, polygons),
// drawn over the chart's plot area in the coordinates of its axes. Qt Charts has no series for
// many separate shapes (a series per line would be thousands of items), so one item paints them
// all as two painter paths, mapped from data to the plot area through the scatter series that
// is attached to the same axes, and repaints when the plot area or the axes' ranges change.

#include <QColor>
#include <QGraphicsItem>
#include <QList>
#include <QPainterPath>
#include <QPolygonF>

class QAbstractSeries;
class QChart;

namespace spillway {

class GeometryLayer : public QGraphicsItem
{
public:
    // `anchor` is attached to the chart's x and y axes; the layer is added to the chart's scene.
    GeometryLayer(QChart *chart, QAbstractSeries *anchor);

    void setShapes(const QList<QPolygonF> &lines, const QList<QList<QPolygonF>> &polygons);
    void setColors(const QColor &line, const QColor &fill, const QColor &edge);
    // Call after the plot area or an axis range changed.
    void refresh();

    QRectF boundingRect() const override;
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;

private:
    QChart *m_chart;
    QAbstractSeries *m_anchor;
    QPainterPath m_lines;
    QPainterPath m_polygons; // odd-even fill: holes stay open
    QColor m_line, m_fill, m_edge;
    QRectF m_area;
};

} // namespace spillway
