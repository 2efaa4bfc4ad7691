#include "run/timeserieschart.h"

#include <QGraphicsRectItem>
#include <QLegendMarker>
#include <QLineSeries>
#include <QValueAxis>

#include <algorithm>
#include <cmath>

namespace spillway {
namespace {

// 1, 2, 5 × 10^n at or above value: steady axis maxima instead of jitter on every tick.
double niceCeiling(double value)
{
    if (!(value > 0))
        return 4; // an empty or all-zero series: whole-number ticks 0..4
    const double power = std::pow(10.0, std::floor(std::log10(value)));
    for (double step : {1.0, 2.0, 2.5, 5.0, 10.0}) {
        if (value <= step * power)
            return step * power;
    }
    return 10 * power;
}

} // namespace

TimeSeriesChart::TimeSeriesChart(const QString &title, QWidget *parent)
    : QChartView(parent)
    , m_x(new QValueAxis)
    , m_left(new QValueAxis)
{
    setRenderHint(QPainter::Antialiasing);
    setMinimumHeight(170);
    QChart *c = chart();
    c->setTitle(title);
    c->setMargins(QMargins(2, 2, 2, 2));
    c->legend()->setAlignment(Qt::AlignTop);
    QFont font = c->legend()->font();
    font.setPointSizeF(font.pointSizeF() * 0.9);
    c->legend()->setFont(font);
    m_x->setRange(0, 10);
    m_x->setLabelFormat(QStringLiteral("%.0f s"));
    m_x->setTickCount(6);
    m_left->setRange(0, 1);
    m_left->setLabelFormat(QStringLiteral("%.4g"));
    c->addAxis(m_x, Qt::AlignBottom);
    c->addAxis(m_left, Qt::AlignLeft);
}

int TimeSeriesChart::addSeries(const QString &name, const QColor &color, Qt::PenStyle style,
                               bool rightAxis)
{
    auto *series = new QLineSeries;
    series->setName(name);
    QPen pen(color);
    pen.setWidthF(style == Qt::SolidLine ? 2.0 : 1.5);
    pen.setStyle(style);
    series->setPen(pen);
    chart()->addSeries(series);
    if (rightAxis && !m_right) {
        m_right = new QValueAxis;
        m_right->setRange(0, 1);
        m_right->setLabelFormat(QStringLiteral("%.4g"));
        chart()->addAxis(m_right, Qt::AlignRight);
    }
    series->attachAxis(m_x);
    series->attachAxis(rightAxis ? m_right : m_left);
    m_buffers.append({series, {}, rightAxis});
    return int(m_buffers.size()) - 1;
}

void TimeSeriesChart::setAxisTitles(const QString &left, const QString &right)
{
    m_left->setTitleText(left);
    if (m_right)
        m_right->setTitleText(right);
}

void TimeSeriesChart::setAxisFormat(const QString &leftFormat, const QString &rightFormat)
{
    m_left->setLabelFormat(leftFormat);
    if (m_right && !rightFormat.isEmpty())
        m_right->setLabelFormat(rightFormat);
}

void TimeSeriesChart::append(int series, double x, double y)
{
    QList<QPointF> &points = m_buffers[series].points;
    if (!std::isfinite(y))
        return;
    points.append(QPointF(x, y));
    if (points.size() > kCapacity)
        points.remove(0, points.size() - kCapacity);
}

void TimeSeriesChart::flush()
{
    double first = 0, last = 0, leftPeak = 0, rightPeak = 0;
    bool any = false;
    for (int i = 0; i < int(m_buffers.size()); ++i)
        drawSegments(i);
    for (const Buffer &b : std::as_const(m_buffers)) {
        if (b.points.isEmpty())
            continue;
        first = any ? std::min(first, b.points.first().x()) : b.points.first().x();
        last = any ? std::max(last, b.points.last().x()) : b.points.last().x();
        any = true;
        double &peak = b.right ? rightPeak : leftPeak;
        for (const QPointF &p : b.points)
            peak = std::max(peak, p.y());
    }
    if (!any)
        return;
    m_x->setRange(first, std::max(last, first + 10));
    m_left->setRange(0, niceCeiling(leftPeak * 1.05));
    if (m_right)
        m_right->setRange(0, niceCeiling(rightPeak * 1.05));
}

void TimeSeriesChart::clear()
{
    clearPauses();
    for (Buffer &b : m_buffers) {
        b.points.clear();
        b.series->clear();
    }
    m_x->setRange(0, 10);
    m_left->setRange(0, 1);
    if (m_right)
        m_right->setRange(0, 1);
}

int TimeSeriesChart::drawnCount(int series) const
{
    int count = int(m_buffers.at(series).series->count());
    if (series < int(m_segments.size())) {
        for (const QLineSeries *piece : m_segments.at(series))
            count += int(piece->count());
    }
    return count;
}

int TimeSeriesChart::segmentCount(int series) const
{
    int count = m_buffers.at(series).series->count() > 0 ? 1 : 0;
    if (series < int(m_segments.size())) {
        for (const QLineSeries *piece : m_segments.at(series))
            count += piece->count() > 0 ? 1 : 0;
    }
    return count;
}

void TimeSeriesChart::beginPause(double x)
{
    if (isPaused())
        return;
    auto *item = new QGraphicsRectItem;
    item->setPen(Qt::NoPen);
    item->setZValue(chart()->zValue() + 1);
    item->setToolTip(tr("Paused"));
    scene()->addItem(item);
    m_pauses.append({x, x, true, item});
    connect(chart(), &QChart::plotAreaChanged, this, &TimeSeriesChart::layoutPauseBands,
            Qt::UniqueConnection);
    connect(m_x, &QValueAxis::rangeChanged, this, &TimeSeriesChart::layoutPauseBands,
            Qt::UniqueConnection);
    layoutPauseBands();
}

void TimeSeriesChart::extendPause(double x)
{
    if (!isPaused())
        return;
    m_pauses.last().to = std::max(m_pauses.last().from, x);
    if (x > m_x->max())
        m_x->setMax(x); // lays the bands out through rangeChanged
    else
        layoutPauseBands();
}

void TimeSeriesChart::endPause(double x)
{
    if (!isPaused())
        return;
    extendPause(x);
    m_pauses.last().open = false;
}

void TimeSeriesChart::drawSegments(int series)
{
    const Buffer &b = m_buffers.at(series);
    if (m_pauses.isEmpty()) {
        b.series->replace(b.points);
        return;
    }
    // Piece k holds the points after the k-th pause: a point belongs after every pause that
    // began before it.
    QList<QList<QPointF>> pieces(m_pauses.size() + 1);
    for (const QPointF &p : b.points) {
        const auto after = std::count_if(m_pauses.cbegin(), m_pauses.cend(),
                                         [&p](const PauseBand &band) { return band.from < p.x(); });
        pieces[after].append(p);
    }
    if (m_segments.size() < m_buffers.size())
        m_segments.resize(m_buffers.size());
    QList<QLineSeries *> &extra = m_segments[series];
    while (extra.size() < m_pauses.size())
        extra.append(addSegment(b.series));
    b.series->replace(pieces.constFirst());
    for (qsizetype k = 0; k < extra.size(); ++k) {
        if (extra[k]->pen() != b.series->pen())
            extra[k]->setPen(b.series->pen()); // the main piece may have been restyled
        extra[k]->replace(pieces.at(k + 1));
    }
}

QLineSeries *TimeSeriesChart::addSegment(QLineSeries *like)
{
    auto *piece = new QLineSeries;
    piece->setName(like->name());
    piece->setPen(like->pen());
    chart()->addSeries(piece);
    for (QAbstractAxis *axis : like->attachedAxes())
        piece->attachAxis(axis);
    for (QLegendMarker *marker : chart()->legend()->markers(piece))
        marker->setVisible(false); // the legend names the series once
    return piece;
}

void TimeSeriesChart::layoutPauseBands()
{
    const QRectF plot = chart()->plotArea();
    const double min = m_x->min(), span = m_x->max() - m_x->min();
    // A shade that shows on the chart's own background, light theme or dark (themes paint it
    // with a gradient, whose brush has no color of its own).
    const QBrush brush = chart()->isPlotAreaBackgroundVisible() ? chart()->plotAreaBackgroundBrush()
                                                                : chart()->backgroundBrush();
    const QColor background = brush.gradient() && !brush.gradient()->stops().isEmpty()
                                  ? brush.gradient()->stops().constFirst().second
                                  : brush.color();
    const QColor shade =
        background.lightness() > 128 ? QColor(0, 0, 0, 40) : QColor(255, 255, 255, 48);
    for (const PauseBand &band : std::as_const(m_pauses)) {
        band.item->setBrush(shade);
        if (!(span > 0) || plot.isEmpty()) {
            band.item->hide();
            continue;
        }
        const double left = plot.left() + (band.from - min) / span * plot.width();
        const double right = plot.left() + (band.to - min) / span * plot.width();
        const QRectF rect =
            QRectF(QPointF(left, plot.top()), QPointF(right, plot.bottom())).intersected(plot);
        band.item->setRect(chart()->mapRectToScene(rect));
        band.item->setVisible(rect.width() > 0);
    }
}

void TimeSeriesChart::clearPauses()
{
    for (const PauseBand &band : std::as_const(m_pauses))
        delete band.item;
    m_pauses.clear();
    for (const QList<QLineSeries *> &pieces : std::as_const(m_segments)) {
        for (QLineSeries *piece : pieces) {
            chart()->removeSeries(piece);
            delete piece;
        }
    }
    m_segments.clear();
}

} // namespace spillway
