#include "run/timeserieschart.h"

#include <QLineSeries>
#include <QValueAxis>

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
    m_x->setRange(first, std::max(last, first + 10));
    m_left->setRange(0, niceCeiling(leftPeak * 1.05));
    if (m_right)
        m_right->setRange(0, niceCeiling(rightPeak * 1.05));
}

void TimeSeriesChart::clear()
{
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
    return int(m_buffers.at(series).series->count());
}

} // namespace spillway
