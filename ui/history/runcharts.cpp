#include "history/runcharts.h"

#include "shell/chartstyle.h"

#include <QCategoryAxis>
#include <QChart>
#include <QLineSeries>
#include <QMap>
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

// One column of a pipeline series (the sum of several when given more) as a line.
QLineSeries *pipelineLine(const PipelineSeries &series, const QStringList &columns, double scale,
                          const QString &name, const QColor &color, bool dashed = false)
{
    QList<QList<double>> values;
    for (const QString &c : columns)
        values << series.column(c);
    QList<QPointF> points;
    points.reserve(series.points.size());
    for (qsizetype i = 0; i < series.points.size(); ++i) {
        double sum = 0;
        bool any = false;
        for (const QList<double> &v : std::as_const(values)) {
            if (i < v.size() && !std::isnan(v.at(i))) {
                sum += v.at(i);
                any = true;
            }
        }
        if (any)
            points.append(QPointF(series.points.at(i).elapsedSeconds, sum / scale));
    }
    auto *line = new QLineSeries;
    line->setName(name);
    line->replace(points);
    QPen pen(color, dashed ? 1.5 : 2);
    if (dashed)
        pen.setDashPattern({4, 3});
    line->setPen(pen);
    return line;
}

// Rows/s into every target table together, at each sample time.
QLineSeries *pipelineTotalLine(const PipelineRecord &p, const QString &name, const QColor &color)
{
    QMap<double, double> total;
    for (const PipelineSeries &table : p.tableSeries) {
        const QStringList columns{QStringLiteral("inserts_per_s"), QStringLiteral("updates_per_s"),
                                  QStringLiteral("deletes_per_s")};
        for (const QString &column : columns) {
            const QList<double> values = table.column(column);
            for (qsizetype i = 0; i < values.size() && i < table.points.size(); ++i) {
                if (!std::isnan(values.at(i)))
                    total[table.points.at(i).elapsedSeconds] += values.at(i);
            }
        }
    }
    QList<QPointF> points;
    for (auto it = total.cbegin(); it != total.cend(); ++it)
        points.append(QPointF(it.key(), it.value()));
    auto *line = new QLineSeries;
    line->setName(name);
    line->replace(points);
    line->setPen(QPen(color, 2));
    return line;
}

QCategoryAxis *pipelineTimeAxis(const PipelineRecord &p)
{
    double maxX = 0;
    for (const PipelineSeries *s : {&p.databaseSeries}) {
        if (!s->points.isEmpty())
            maxX = std::max(maxX, s->points.last().elapsedSeconds);
    }
    for (const QList<PipelineSeries> *list : {&p.commandSeries, &p.tableSeries}) {
        for (const PipelineSeries &s : *list) {
            if (!s.points.isEmpty())
                maxX = std::max(maxX, s.points.last().elapsedSeconds);
        }
    }
    QCategoryAxis *time = newAxis(QObject::tr("elapsed"));
    setAxisTicks(nullptr, time, axisTicks(0, maxX, AxisScale::Seconds, 7, AxisFit::Inside));
    return time;
}

} // namespace

QChart *createPipelineTablesChart(const RunRecord &r, const QPalette &palette)
{
    if (!r.pipeline || r.pipeline->tableSeries.isEmpty())
        return nullptr;
    QChart *chart = newChart(QObject::tr("Rows/s into the target tables"));
    QList<QLineSeries *> lines;
    const QList<PipelineSeries> &tables = r.pipeline->tableSeries;
    for (qsizetype i = 0; i < tables.size(); ++i)
        lines << pipelineLine(tables.at(i),
                              {QStringLiteral("inserts_per_s"), QStringLiteral("updates_per_s"),
                               QStringLiteral("deletes_per_s")},
                              1, tables.at(i).name, chartSeriesColor(int(i), palette));
    attach(chart, lines, pipelineTimeAxis(*r.pipeline), newAxis(QObject::tr("rows/s")),
           Qt::AlignLeft);
    applyChartPalette(chart, palette);
    return chart;
}

QChart *createPipelineCommandsChart(const RunRecord &r, const QPalette &palette)
{
    if (!r.pipeline || r.pipeline->commandSeries.isEmpty())
        return nullptr;
    QChart *chart = newChart(QObject::tr("Commands: CPU and memory"));
    QList<QLineSeries *> cpu, rss;
    const QList<PipelineSeries> &commands = r.pipeline->commandSeries;
    for (qsizetype i = 0; i < commands.size(); ++i) {
        const QColor color = chartSeriesColor(int(i), palette);
        const QString name = commands.at(i).name;
        cpu << pipelineLine(commands.at(i), {QStringLiteral("cpu_percent")}, 1,
                            QObject::tr("%1 CPU %").arg(name), color);
        rss << pipelineLine(commands.at(i), {QStringLiteral("rss_mb")}, 1,
                            QObject::tr("%1 MB").arg(name), color, true);
    }
    QCategoryAxis *time = pipelineTimeAxis(*r.pipeline);
    attach(chart, cpu, time, newAxis(QObject::tr("CPU % of one core")), Qt::AlignLeft);
    attach(chart, rss, time, newAxis(QObject::tr("memory MB")), Qt::AlignRight);
    applyChartPalette(chart, palette);
    return chart;
}

QChart *createPipelineDatabaseChart(const RunRecord &r, const QPalette &palette)
{
    if (!r.pipeline || r.pipeline->databaseSeries.points.isEmpty())
        return nullptr;
    const PipelineSeries &d = r.pipeline->databaseSeries;
    QChart *chart = newChart(QObject::tr("Database activity"));
    QList<QLineSeries *> sessions;
    const QList<std::pair<const char *, QString>> columns{
        {"active", QObject::tr("active")},
        {"idle_in_transaction", QObject::tr("idle in transaction")},
        {"waiting", QObject::tr("waiting")},
        {"blocked", QObject::tr("blocked")}};
    for (qsizetype i = 0; i < columns.size(); ++i)
        sessions << pipelineLine(d, {QLatin1String(columns.at(i).first)}, 1, columns.at(i).second,
                                 chartSeriesColor(int(i), palette));
    QCategoryAxis *time = pipelineTimeAxis(*r.pipeline);
    attach(chart, sessions, time, newAxis(QObject::tr("sessions")), Qt::AlignLeft);
    attach(chart,
           {pipelineLine(d, {QStringLiteral("wal_mb_per_s")}, 1, QObject::tr("WAL MB/s"),
                         chartSeriesColor(4, palette), true)},
           time, newAxis(QObject::tr("WAL MB/s")), Qt::AlignRight);
    applyChartPalette(chart, palette);
    return chart;
}

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
    // Two pipeline runs compare what their commands loaded, not how fast the files were made.
    const bool pipelines = a.pipeline && b.pipeline;
    QLineSeries *sa = pipelines
                          ? pipelineTotalLine(*a.pipeline, QObject::tr("A rows/s into the targets"),
                                              chartSeriesColor(0, palette))
                          : lineOf(a, &RunSample::rowsPerSecond, 1, QObject::tr("A rows/s"),
                                   chartSeriesColor(0, palette));
    QLineSeries *sb = pipelines
                          ? pipelineTotalLine(*b.pipeline, QObject::tr("B rows/s into the targets"),
                                              chartSeriesColor(1, palette))
                          : lineOf(b, &RunSample::rowsPerSecond, 1, QObject::tr("B rows/s"),
                                   chartSeriesColor(1, palette));
    // B dashed as well as in another hue, for readers who cannot tell the hues apart.
    QPen pen = sb->pen();
    pen.setDashPattern({4, 2});
    sb->setPen(pen);
    QCategoryAxis *time = pipelines ? newAxis(QObject::tr("elapsed")) : timeAxis({&a, &b});
    if (pipelines) { // the longer of the two pipelines' series sets the axis
        double maxX = 0;
        for (const QLineSeries *line : {sa, sb}) {
            if (line->count() > 0)
                maxX = std::max(maxX, line->at(line->count() - 1).x());
        }
        setAxisTicks(nullptr, time, axisTicks(0, maxX, AxisScale::Seconds, 7, AxisFit::Inside));
    }
    attach(chart, {sa, sb}, time, newAxis(QObject::tr("rows/s")), Qt::AlignLeft);
    applyChartPalette(chart, palette);
    return chart;
}

} // namespace spillway
