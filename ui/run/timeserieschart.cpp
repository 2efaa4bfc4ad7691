#include "run/timeserieschart.h"

#include "shell/chartstyle.h"

#include <QCategoryAxis>
#include <QEvent>
#include <QGraphicsRectItem>
#include <QLegendMarker>
#include <QLineSeries>

#include <algorithm>
#include <cmath>

namespace spillway {

TimeSeriesChart::TimeSeriesChart(const QString &title, QWidget *parent)
    : QChartView(parent)
    , m_x(newTickAxis())
    , m_left(newTickAxis())
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
    c->addAxis(m_x, Qt::AlignBottom);
    c->addAxis(m_left, Qt::AlignLeft);
    updateAxes();
    applyPalette();
}

int TimeSeriesChart::addSeries(const QString &name, const QColor &color, Qt::PenStyle style,
                               bool rightAxis)
{
    auto *series = new QLineSeries;
    series->setName(name);
    QPen pen(chartColor(color, palette()));
    pen.setWidthF(style == Qt::SolidLine ? 2.0 : 1.5);
    pen.setStyle(style);
    if (style == Qt::DashLine)
        pen.setDashPattern({4, 3}); // long enough to read as dashes in the legend's marker
    series->setPen(pen);
    chart()->addSeries(series);
    if (rightAxis && !m_right) {
        m_right = newTickAxis();
        chart()->addAxis(m_right, Qt::AlignRight);
        m_right->setGridLineVisible(false); // one grid, the left axis's
        updateAxes();
        applyPalette();
    }
    series->attachAxis(m_x);
    series->attachAxis(rightAxis ? m_right : m_left);
    m_buffers.append({series, {}, rightAxis});
    m_colors.append(color);
    return int(m_buffers.size()) - 1;
}

void TimeSeriesChart::setAxisTitles(const QString &left, const QString &right)
{
    m_left->setTitleText(left);
    if (m_right)
        m_right->setTitleText(right);
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
    m_first = first;
    m_last = std::max(last, first + 10);
    m_leftPeak = leftPeak * 1.05;
    m_rightPeak = rightPeak * 1.05;
    updateAxes();
}

void TimeSeriesChart::clear()
{
    clearPauses();
    for (Buffer &b : m_buffers) {
        b.points.clear();
        b.series->clear();
    }
    m_first = 0;
    m_last = 10;
    m_leftPeak = m_rightPeak = 0;
    updateAxes();
}

void TimeSeriesChart::removeAllSeries()
{
    clear();
    for (const Buffer &b : std::as_const(m_buffers)) {
        chart()->removeSeries(b.series);
        delete b.series;
    }
    m_buffers.clear();
    m_colors.clear();
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
    layoutPauseBands();
}

void TimeSeriesChart::extendPause(double x)
{
    if (!isPaused())
        return;
    m_pauses.last().to = std::max(m_pauses.last().from, x);
    if (x > m_last) {
        m_last = x;
        updateAxes(); // lays the bands out on the new range
    } else {
        layoutPauseBands();
    }
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

// Ticks as many as the plot's size allows: time labels need about "0:00:00" of room across,
// value labels (numbers: 0, 5k, 10k) a line of height.
void TimeSeriesChart::updateAxes()
{
    const QFontMetricsF metrics(m_x->labelsFont());
    const QRectF plot = chart()->plotArea();
    const int across =
        plot.width() > 0
            ? tickTarget(plot.width(), metrics.horizontalAdvance(QStringLiteral("0:00:00")))
            : 6;
    const int down =
        plot.height() > 0 ? std::min(6, tickTarget(plot.height(), metrics.height())) : 5;
    m_x = setAxisTicks(chart(), m_x,
                       axisTicks(m_first, m_last, AxisScale::Seconds, across, AxisFit::Inside));
    m_left = setAxisTicks(chart(), m_left, axisTicks(0, m_leftPeak, AxisScale::Number, down));
    if (m_right)
        m_right =
            setAxisTicks(chart(), m_right, axisTicks(0, m_rightPeak, AxisScale::Number, down));
    if (!m_pauses.isEmpty())
        layoutPauseBands(); // the x axis may be a new one with another range
}

void TimeSeriesChart::applyPalette()
{
    applyChartPalette(this);
    for (qsizetype i = 0; i < m_buffers.size(); ++i) {
        QPen pen = m_buffers[i].series->pen();
        pen.setColor(chartColor(m_colors[i], palette()));
        m_buffers[i].series->setPen(pen);
        if (i < m_segments.size()) {
            for (QLineSeries *piece : std::as_const(m_segments[i]))
                piece->setPen(pen); // the line pieces after each pause
        }
    }
}

void TimeSeriesChart::changeEvent(QEvent *event)
{
    QChartView::changeEvent(event);
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::ApplicationPaletteChange)
        applyPalette();
}

void TimeSeriesChart::resizeEvent(QResizeEvent *event)
{
    QChartView::resizeEvent(event);
    updateAxes();
}

} // namespace spillway
