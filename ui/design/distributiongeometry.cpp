#include "design/distributiongeometry.h"

#include <QAbstractSeries>
#include <QChart>
#include <QPainter>

namespace spillway {

GeometryLayer::GeometryLayer(QChart *chart, QAbstractSeries *anchor)
    : m_chart(chart)
    , m_anchor(anchor)
{
    m_polygons.setFillRule(Qt::OddEvenFill);
    // Above the plot area and the grid, below the points (the scatter series draws at a higher
    // z value), so that a site inside a parcel stays visible.
    setZValue(m_chart->zValue() + 1);
    setParentItem(m_chart);
    refresh();
}

void GeometryLayer::setShapes(const QList<QPolygonF> &lines,
                              const QList<QList<QPolygonF>> &polygons)
{
    m_lines.clear();
    for (const QPolygonF &line : lines)
        m_lines.addPolygon(line);
    m_polygons.clear();
    m_polygons.setFillRule(Qt::OddEvenFill);
    for (const QList<QPolygonF> &rings : polygons) {
        for (const QPolygonF &ring : rings) {
            m_polygons.addPolygon(ring);
            m_polygons.closeSubpath();
        }
    }
    update();
}

void GeometryLayer::setColors(const QColor &line, const QColor &fill, const QColor &edge)
{
    m_line = line;
    m_fill = fill;
    m_edge = edge;
    update();
}

void GeometryLayer::refresh()
{
    const QRectF area = m_chart->plotArea();
    if (area != m_area) {
        prepareGeometryChange();
        m_area = area;
    }
    update();
}

QRectF GeometryLayer::boundingRect() const
{
    return m_area;
}

void GeometryLayer::paint(QPainter *painter, const QStyleOptionGraphicsItem *, QWidget *)
{
    if (m_area.isEmpty() || (m_lines.isEmpty() && m_polygons.isEmpty()))
        return;
    // Data to plot area is linear on both axes: two mapped points give the transform. The layer
    // is a child of the chart, whose coordinates mapToPosition() returns.
    const QPointF origin = m_chart->mapToPosition(QPointF(0, 0), m_anchor);
    const QPointF unit = m_chart->mapToPosition(QPointF(1, 1), m_anchor);
    const QTransform toPlot(unit.x() - origin.x(), 0, 0, unit.y() - origin.y(), origin.x(),
                            origin.y());
    painter->save();
    painter->setClipRect(m_area);
    painter->setRenderHint(QPainter::Antialiasing);
    const QPainterPath polygons = toPlot.map(m_polygons);
    const QPainterPath lines = toPlot.map(m_lines);
    QPen edge(m_edge, 1.0);
    edge.setCosmetic(true);
    painter->setPen(edge);
    painter->setBrush(m_fill);
    painter->drawPath(polygons);
    QPen line(m_line, 1.4);
    line.setCosmetic(true);
    line.setJoinStyle(Qt::RoundJoin);
    painter->setPen(line);
    painter->setBrush(Qt::NoBrush);
    painter->drawPath(lines);
    painter->restore();
}

} // namespace spillway
