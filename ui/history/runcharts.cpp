#include "history/runcharts.h"

#include <QChart>
#include <QLineSeries>
#include <QPalette>
#include <QPen>
#include <QValueAxis>

#include <cmath>

namespace spillway {
namespace {

// Two hues told apart by people with the common color-vision deficiencies, lightened on a dark
// palette.
QColor seriesColor(int index, const QPalette &palette)
{
    const bool dark = palette.color(QPalette::Base).lightness() < 128;
    static const QColor light[] = {QColor(0x1f, 0x6f, 0xb2), QColor(0xd9, 0x73, 0x0d),
                                   QColor(0x2e, 0x7d, 0x32)};
    const QColor c = light[index % 3];
    return dark ? c.lighter(150) : c;
}

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

QLineSeries *meanOf(const QLineSeries *line, double mean, const QColor &color)
{
    auto *series = new QLineSeries;
    series->setName(QObject::tr("mean %1").arg(formatNumber(mean)));
    const QList<QPointF> points = line->points();
    if (!points.isEmpty())
        series->replace({QPointF(points.first().x(), mean), QPointF(points.last().x(), mean)});
    QPen pen(color, 1.5, Qt::DashLine);
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

QChart *newChart(const QString &title, const QPalette &palette)
{
    auto *chart = new QChart;
    chart->setTitle(title);
    chart->setBackgroundBrush(palette.color(QPalette::Base));
    chart->setPlotAreaBackgroundVisible(false);
    chart->setTitleBrush(palette.color(QPalette::Text));
    chart->legend()->setLabelColor(palette.color(QPalette::Text));
    chart->legend()->setAlignment(Qt::AlignBottom);
    chart->setMargins(QMargins(4, 4, 4, 4));
    chart->setAnimationOptions(QChart::NoAnimation);
    return chart;
}

QValueAxis *newAxis(const QString &title, const QPalette &palette)
{
    auto *axis = new QValueAxis;
    axis->setTitleText(title);
    axis->setLabelsColor(palette.color(QPalette::Text));
    axis->setTitleBrush(palette.color(QPalette::Text));
    QColor grid = palette.color(QPalette::Text);
    grid.setAlpha(40);
    axis->setGridLineColor(grid);
    axis->setLinePenColor(grid);
    return axis;
}

// Attaches series to the chart on the time axis and a value axis starting at zero.
void attach(QChart *chart, const QList<QLineSeries *> &series, QValueAxis *time, QValueAxis *value,
            Qt::Alignment side)
{
    double maxY = 0;
    if (!chart->axes(Qt::Horizontal).contains(time))
        chart->addAxis(time, Qt::AlignBottom);
    chart->addAxis(value, side);
    for (QLineSeries *s : series) {
        chart->addSeries(s);
        s->attachAxis(time);
        s->attachAxis(value);
        for (const QPointF &p : s->points())
            maxY = std::max(maxY, p.y());
    }
    value->setRange(0, maxY > 0 ? maxY * 1.1 : 1);
    value->applyNiceNumbers();
    // Whole numbers for large figures (no 8e+04), decimals for small ones.
    const double top = value->max();
    value->setLabelFormat(top >= 100 ? QStringLiteral("%.0f")
                          : top >= 1 ? QStringLiteral("%.1f")
                                     : QStringLiteral("%.3f"));
    if (side == Qt::AlignRight)
        value->setGridLineVisible(false); // one grid, the left axis's
}

QValueAxis *timeAxis(const QList<const RunRecord *> &runs, const QPalette &palette)
{
    QValueAxis *time = newAxis(QObject::tr("seconds"), palette);
    double maxX = 0;
    for (const RunRecord *r : runs) {
        if (!r->series.isEmpty())
            maxX = std::max(maxX, r->series.last().elapsedSeconds);
    }
    time->setRange(0, maxX > 0 ? maxX : 1);
    time->setLabelFormat(maxX >= 10 ? QStringLiteral("%.0f") : QStringLiteral("%.1f"));
    return time;
}

} // namespace

QChart *createThroughputChart(const RunRecord &r, const QPalette &palette)
{
    QChart *chart = newChart(QObject::tr("Throughput"), palette);
    QLineSeries *rows =
        lineOf(r, &RunSample::rowsPerSecond, 1, QObject::tr("rows/s"), seriesColor(0, palette));
    QLineSeries *mb =
        lineOf(r, &RunSample::bytesPerSecond, 1e6, QObject::tr("MB/s"), seriesColor(1, palette));
    const double rowsMeanValue = meanOf(r, "rows_per_s", rows);
    const double mbMeanValue = meanOf(r, "mb_per_s", mb);
    QLineSeries *rowsMean = meanOf(rows, rowsMeanValue, seriesColor(0, palette).darker(130));
    QLineSeries *mbMean = meanOf(mb, mbMeanValue, seriesColor(1, palette).darker(130));
    rowsMean->setName(QObject::tr("mean rows/s %1").arg(formatNumber(rowsMeanValue)));
    mbMean->setName(QObject::tr("mean MB/s %1").arg(formatNumber(mbMeanValue)));
    QValueAxis *time = timeAxis({&r}, palette);
    attach(chart, {rows, rowsMean}, time, newAxis(QObject::tr("rows/s"), palette), Qt::AlignLeft);
    attach(chart, {mb, mbMean}, time, newAxis(QObject::tr("MB/s"), palette), Qt::AlignRight);
    return chart;
}

QChart *createLatencyChart(const RunRecord &r, const QPalette &palette)
{
    QLineSeries *p95 = lineOf(r, &RunSample::p95CommitMs, 1, QObject::tr("p95 commit ms"),
                              seriesColor(0, palette));
    if (p95->count() == 0) {
        delete p95;
        return nullptr;
    }
    QChart *chart = newChart(QObject::tr("Commit latency"), palette);
    attach(chart, {p95}, timeAxis({&r}, palette), newAxis(QObject::tr("ms"), palette),
           Qt::AlignLeft);
    return chart;
}

QChart *createServerChart(const RunRecord &r, const QPalette &palette)
{
    QLineSeries *tuples = lineOf(r, &RunSample::serverTuplesPerSecond, 1,
                                 QObject::tr("tuples inserted/s"), seriesColor(0, palette));
    if (tuples->count() == 0) {
        delete tuples;
        return nullptr;
    }
    QLineSeries *wal = lineOf(r, &RunSample::walBytesPerSecond, 1e6, QObject::tr("WAL MB/s"),
                              seriesColor(2, palette));
    QChart *chart = newChart(QObject::tr("Server"), palette);
    QValueAxis *time = timeAxis({&r}, palette);
    attach(chart, {tuples}, time, newAxis(QObject::tr("tuples/s"), palette), Qt::AlignLeft);
    attach(chart, {wal}, time, newAxis(QObject::tr("WAL MB/s"), palette), Qt::AlignRight);
    return chart;
}

QChart *createCompareChart(const RunRecord &a, const RunRecord &b, const QPalette &palette)
{
    QChart *chart = newChart(QObject::tr("Throughput, B against A"), palette);
    QLineSeries *sa =
        lineOf(a, &RunSample::rowsPerSecond, 1, QObject::tr("A rows/s"), seriesColor(0, palette));
    QLineSeries *sb =
        lineOf(b, &RunSample::rowsPerSecond, 1, QObject::tr("B rows/s"), seriesColor(1, palette));
    attach(chart, {sa, sb}, timeAxis({&a, &b}, palette), newAxis(QObject::tr("rows/s"), palette),
           Qt::AlignLeft);
    return chart;
}

} // namespace spillway
