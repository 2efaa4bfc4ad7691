#include "run/timeserieschart.h"

#include "shell/chartstyle.h"

#include <QCategoryAxis>
#include <QEvent>
#include <QLineSeries>

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
    for (const Buffer &b : std::as_const(m_buffers)) {
        b.series->replace(b.points);
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
    for (Buffer &b : m_buffers) {
        b.points.clear();
        b.series->clear();
    }
    m_first = 0;
    m_last = 10;
    m_leftPeak = m_rightPeak = 0;
    updateAxes();
}

int TimeSeriesChart::drawnCount(int series) const
{
    return int(m_buffers.at(series).series->count());
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
}

void TimeSeriesChart::applyPalette()
{
    applyChartPalette(this);
    for (qsizetype i = 0; i < m_buffers.size(); ++i) {
        QPen pen = m_buffers[i].series->pen();
        pen.setColor(chartColor(m_colors[i], palette()));
        m_buffers[i].series->setPen(pen);
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
