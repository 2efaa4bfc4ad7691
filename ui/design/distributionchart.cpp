#include "design/distributionchart.h"

#include <QAreaSeries>
#include <QBarCategoryAxis>
#include <QBarSet>
#include <QDateTime>
#include <QDateTimeAxis>
#include <QHorizontalBarSeries>
#include <QLineSeries>
#include <QScatterSeries>
#include <QTimeZone>
#include <QValueAxis>

namespace spillway {
namespace {

const QColor kBarColor(0x3b, 0x82, 0xc4);

// Histogram edges on the chart's x axis: numbers as they are, dates and times as milliseconds
// since the epoch in local time (what QDateTimeAxis shows).
double axisX(const ColumnDistribution &d, double value)
{
    using Axis = ColumnDistribution::Axis;
    qint64 utcMs = 0;
    switch (d.axis) {
    case Axis::Number:
        return value;
    case Axis::Date:
        utcMs = qint64(value * 86400000.0);
        break;
    case Axis::Time:
    case Axis::Timestamp:
        utcMs = qint64(value / 1000.0);
        break;
    }
    const QDateTime utc = QDateTime::fromMSecsSinceEpoch(utcMs, Qt::UTC);
    return double(QDateTime(utc.date(), utc.time()).toMSecsSinceEpoch());
}

QString summary(const ColumnDistribution &d, const QString &what)
{
    QString text = QStringLiteral("<b>%1</b><br>%2 · %L3 sampled")
                       .arg(d.column.toHtmlEscaped(), what)
                       .arg(d.sampled);
    if (d.nulls)
        text += QStringLiteral(" · %1% NULL")
                    .arg(QString::number(100.0 * d.nulls / std::max(d.sampled, 1), 'f', 1));
    return text;
}

QString elided(const QString &text)
{
    return text.size() > 22 ? text.left(21) + QChar(0x2026) : text;
}

} // namespace

DistributionChart::DistributionChart(QWidget *parent)
    : QChartView(parent)
{
    setRenderHint(QPainter::Antialiasing);
    chart()->legend()->hide();
    chart()->setMargins(QMargins(4, 4, 4, 4));
    QFont font = chart()->titleFont();
    font.setPointSizeF(font.pointSizeF() * 0.95);
    chart()->setTitleFont(font);
    setMinimumSize(280, 200);
}

void DistributionChart::reset(const QString &title)
{
    chart()->removeAllSeries();
    const auto axes = chart()->axes();
    for (QAbstractAxis *axis : axes) {
        chart()->removeAxis(axis);
        delete axis;
    }
    chart()->setTitle(title);
}

void DistributionChart::showMessage(const QString &message)
{
    m_distribution = {};
    reset(message);
}

void DistributionChart::showDistribution(const ColumnDistribution &d)
{
    m_distribution = d;
    switch (d.kind) {
    case ColumnDistribution::Kind::Histogram:
        showHistogram(d);
        break;
    case ColumnDistribution::Kind::TopValues:
        showTopValues(d);
        break;
    case ColumnDistribution::Kind::Scatter:
        showScatter(d);
        break;
    case ColumnDistribution::Kind::None:
        reset(QStringLiteral("<b>%1</b><br>%2").arg(d.column.toHtmlEscaped(), d.note));
        break;
    }
}

void DistributionChart::showHistogram(const ColumnDistribution &d)
{
    reset(summary(d, QStringLiteral("histogram")));
    auto *upper = new QLineSeries;
    const double width = d.binWidth();
    int peak = 1;
    for (int i = 0; i < d.bins.size(); ++i) {
        const double left = axisX(d, d.minimum + width * i);
        const double right = axisX(d, d.minimum + width * (i + 1));
        upper->append(left, d.bins.at(i));
        upper->append(right, d.bins.at(i));
        peak = std::max(peak, d.bins.at(i));
    }
    auto *lower = new QLineSeries;
    lower->append(axisX(d, d.minimum), 0);
    lower->append(axisX(d, d.maximum), 0);
    auto *area = new QAreaSeries(upper, lower);
    area->setColor(kBarColor);
    area->setBorderColor(kBarColor.darker(130));
    chart()->addSeries(area);
    QAbstractAxis *x = nullptr;
    if (d.axis == ColumnDistribution::Axis::Number) {
        auto *valueAxis = new QValueAxis;
        valueAxis->setRange(d.minimum, d.maximum);
        valueAxis->setLabelFormat(QStringLiteral("%.4g"));
        valueAxis->applyNiceNumbers();
        x = valueAxis;
    } else {
        auto *timeAxis = new QDateTimeAxis;
        const double spanDays = (axisX(d, d.maximum) - axisX(d, d.minimum)) / 86400000.0;
        timeAxis->setFormat(d.axis == ColumnDistribution::Axis::Time ? QStringLiteral("HH:mm")
                            : spanDays > 400                         ? QStringLiteral("yyyy")
                            : spanDays > 3                           ? QStringLiteral("yyyy-MM-dd")
                                           : QStringLiteral("MM-dd HH:mm"));
        timeAxis->setRange(QDateTime::fromMSecsSinceEpoch(qint64(axisX(d, d.minimum))),
                           QDateTime::fromMSecsSinceEpoch(qint64(axisX(d, d.maximum))));
        timeAxis->setTickCount(4);
        x = timeAxis;
    }
    auto *y = new QValueAxis;
    y->setRange(0, peak * 1.1);
    y->setLabelFormat(QStringLiteral("%d"));
    y->applyNiceNumbers();
    chart()->addAxis(x, Qt::AlignBottom);
    chart()->addAxis(y, Qt::AlignLeft);
    area->attachAxis(x);
    area->attachAxis(y);
}

void DistributionChart::showTopValues(const ColumnDistribution &d)
{
    reset(summary(
        d, QStringLiteral("%1 most frequent of %2 distinct").arg(d.labels.size()).arg(d.distinct)));
    auto *set = new QBarSet(d.column);
    set->setColor(kBarColor);
    QStringList categories;
    int peak = 1;
    // Bars grow upwards from the first category: list the most frequent last so it is on top.
    for (qsizetype i = d.labels.size() - 1; i >= 0; --i) {
        QString label = elided(d.labels.at(i));
        while (categories.contains(label))
            label += QLatin1Char(' ');
        categories.append(label);
        *set << d.counts.at(i);
        peak = std::max(peak, d.counts.at(i));
    }
    auto *series = new QHorizontalBarSeries;
    series->append(set);
    series->setBarWidth(0.75);
    chart()->addSeries(series);
    auto *y = new QBarCategoryAxis;
    y->append(categories);
    auto *x = new QValueAxis;
    x->setRange(0, peak * 1.1);
    x->setLabelFormat(QStringLiteral("%d"));
    x->applyNiceNumbers();
    chart()->addAxis(y, Qt::AlignLeft);
    chart()->addAxis(x, Qt::AlignBottom);
    series->attachAxis(x);
    series->attachAxis(y);
}

void DistributionChart::showScatter(const ColumnDistribution &d)
{
    reset(summary(d, QStringLiteral("locations (longitude, latitude)")));
    auto *series = new QScatterSeries;
    series->setMarkerSize(4);
    series->setColor(kBarColor);
    series->setBorderColor(Qt::transparent);
    series->replace(d.points);
    chart()->addSeries(series);
    double x0 = 180, x1 = -180, y0 = 90, y1 = -90;
    for (const QPointF &p : d.points) {
        x0 = std::min(x0, p.x());
        x1 = std::max(x1, p.x());
        y0 = std::min(y0, p.y());
        y1 = std::max(y1, p.y());
    }
    auto *x = new QValueAxis;
    x->setRange(x0 - 0.5, x1 + 0.5);
    x->setTitleText(QStringLiteral("longitude"));
    auto *y = new QValueAxis;
    y->setRange(y0 - 0.5, y1 + 0.5);
    y->setTitleText(QStringLiteral("latitude"));
    chart()->addAxis(x, Qt::AlignBottom);
    chart()->addAxis(y, Qt::AlignLeft);
    series->attachAxis(x);
    series->attachAxis(y);
}

} // namespace spillway
