#include "history/runcharts.h"

#include "shell/chartstyle.h"

#include <QCategoryAxis>
#include <QChart>
#include <QLineSeries>
#include <QPalette>
#include <QPen>

#include <cmath>

namespace spillway {
namespace {

QLineSeries *lineOf(const RunRecord &r, double RunSample::*field, double scale, const QString &name,
                    const QColor &color)
{
    auto *series = new QLineSeries;
    series->setName(name);
    QList<QPointF> points;
    points.reserve(r.series.size());
    for (const RunSample &s : r.series) {
        if (!std::isnan(s.*field)) // Qt Charts draws NaN badly: leave unmeasured points out
            points.append(QPointF(s.elapsedSeconds, s.*field / scale));
    }
    series->replace(points);
    series->setPen(QPen(color, 2));
    return series;
}

// A mean is dashed and thinner, in a lighter or darker tone of its series: told apart from the
// series in the plot and in the legend, whose markers are drawn like the lines.
QLineSeries *meanOf(const QLineSeries *line, double mean, const QColor &color,
                    const QPalette &palette)
{
    auto *series = new QLineSeries;
    series->setName(QObject::tr("mean %1").arg(formatNumber(mean)));
    const QList<QPointF> points = line->points();
    if (!points.isEmpty())
        series->replace({QPointF(points.first().x(), mean), QPointF(points.last().x(), mean)});
    QPen pen(isDarkPalette(palette) ? color.lighter(130) : color.darker(130), 1.5);
    pen.setDashPattern({4, 3});
    series->setPen(pen);
    return series;
}

double meanOf(const RunRecord &r, const char *metric, const QLineSeries *line)
{
    if (const auto v = r.summary.value(QLatin1String(metric)))
        return *v;
    const QList<QPointF> points = line->points();
    double sum = 0;
    for (const QPointF &p : points)
        sum += p.y();
    return points.isEmpty() ? 0 : sum / double(points.size());
}

QChart *newChart(const QString &title)
{
    auto *chart = new QChart;
    chart->setTitle(title);
    chart->legend()->setAlignment(Qt::AlignBottom);
    chart->setMargins(QMargins(4, 4, 4, 4));
    chart->setAnimationOptions(QChart::NoAnimation);
    return chart;
}

QCategoryAxis *newAxis(const QString &title)
{
    QCategoryAxis *axis = newTickAxis();
    axis->setTitleText(title);
    return axis;
}

// Attaches series to the chart on the time axis and a value axis from zero to a round top.
void attach(QChart *chart, const QList<QLineSeries *> &series, QCategoryAxis *time,
            QCategoryAxis *value, Qt::Alignment side)
{
    double maxY = 0;
    for (const QLineSeries *s : series) {
        for (const QPointF &p : s->points())
            maxY = std::max(maxY, p.y());
    }
    // Ticks before the axis is in the chart: the chart then lays the labels out at their width
    // (a right axis given its labels afterwards showed them as "…").
    setAxisTicks(nullptr, value, axisTicks(0, maxY * 1.05, AxisScale::Number, 5));
    if (!chart->axes(Qt::Horizontal).contains(time))
        chart->addAxis(time, Qt::AlignBottom);
    chart->addAxis(value, side);
    for (QLineSeries *s : series) {
        chart->addSeries(s);
        s->attachAxis(time);
        s->attachAxis(value);
    }
    if (side == Qt::AlignRight)
        value->setGridLineVisible(false); // one grid, the left axis's
}

QCategoryAxis *timeAxis(const QList<const RunRecord *> &runs)
{
    QCategoryAxis *time = newAxis(QObject::tr("elapsed"));
    double maxX = 0;
    for (const RunRecord *r : runs) {
        if (!r->series.isEmpty())
            maxX = std::max(maxX, r->series.last().elapsedSeconds);
    }
    setAxisTicks(nullptr, time, axisTicks(0, maxX, AxisScale::Seconds, 7, AxisFit::Inside));
    return time;
}

} // namespace

QChart *createThroughputChart(const RunRecord &r, const QPalette &palette)
{
    QChart *chart = newChart(QObject::tr("Throughput"));
    const QColor rowsColor = chartSeriesColor(0, palette), mbColor = chartSeriesColor(1, palette);
    QLineSeries *rows = lineOf(r, &RunSample::rowsPerSecond, 1, QObject::tr("rows/s"), rowsColor);
    QLineSeries *mb = lineOf(r, &RunSample::bytesPerSecond, 1e6, QObject::tr("MB/s"), mbColor);
    const double rowsMeanValue = meanOf(r, "rows_per_s", rows);
    const double mbMeanValue = meanOf(r, "mb_per_s", mb);
    QLineSeries *rowsMean = meanOf(rows, rowsMeanValue, rowsColor, palette);
    QLineSeries *mbMean = meanOf(mb, mbMeanValue, mbColor, palette);
    rowsMean->setName(QObject::tr("mean rows/s %1").arg(formatCount(rowsMeanValue)));
    mbMean->setName(QObject::tr("mean MB/s %1").arg(formatNumber(mbMeanValue)));
    QCategoryAxis *time = timeAxis({&r});
    attach(chart, {rows, rowsMean}, time, newAxis(QObject::tr("rows/s")), Qt::AlignLeft);
    attach(chart, {mb, mbMean}, time, newAxis(QObject::tr("MB/s")), Qt::AlignRight);
    applyChartPalette(chart, palette);
    return chart;
}

QChart *createLatencyChart(const RunRecord &r, const QPalette &palette)
{
    QLineSeries *p95 = lineOf(r, &RunSample::p95CommitMs, 1, QObject::tr("p95 commit ms"),
                              chartSeriesColor(0, palette));
    if (p95->count() == 0) {
        delete p95;
        return nullptr;
    }
    QChart *chart = newChart(QObject::tr("Commit latency"));
    attach(chart, {p95}, timeAxis({&r}), newAxis(QObject::tr("ms")), Qt::AlignLeft);
    applyChartPalette(chart, palette);
    return chart;
}

QChart *createServerChart(const RunRecord &r, const QPalette &palette)
{
    QLineSeries *tuples = lineOf(r, &RunSample::serverTuplesPerSecond, 1,
                                 QObject::tr("tuples inserted/s"), chartSeriesColor(0, palette));
    if (tuples->count() == 0) {
        delete tuples;
        return nullptr;
    }
    QLineSeries *wal = lineOf(r, &RunSample::walBytesPerSecond, 1e6, QObject::tr("WAL MB/s"),
                              chartSeriesColor(2, palette));
    QChart *chart = newChart(QObject::tr("Server"));
    QCategoryAxis *time = timeAxis({&r});
    attach(chart, {tuples}, time, newAxis(QObject::tr("tuples/s")), Qt::AlignLeft);
    attach(chart, {wal}, time, newAxis(QObject::tr("WAL MB/s")), Qt::AlignRight);
    applyChartPalette(chart, palette);
    return chart;
}

QChart *createCompareChart(const RunRecord &a, const RunRecord &b, const QPalette &palette)
{
    QChart *chart = newChart(QObject::tr("Throughput, B against A"));
    QLineSeries *sa = lineOf(a, &RunSample::rowsPerSecond, 1, QObject::tr("A rows/s"),
                             chartSeriesColor(0, palette));
    QLineSeries *sb = lineOf(b, &RunSample::rowsPerSecond, 1, QObject::tr("B rows/s"),
                             chartSeriesColor(1, palette));
    // B dashed as well as in another hue, for readers who cannot tell the hues apart.
    QPen pen = sb->pen();
    pen.setDashPattern({4, 2});
    sb->setPen(pen);
    attach(chart, {sa, sb}, timeAxis({&a, &b}), newAxis(QObject::tr("rows/s")), Qt::AlignLeft);
    applyChartPalette(chart, palette);
    return chart;
}

} // namespace spillway
