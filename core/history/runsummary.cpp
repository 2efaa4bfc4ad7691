#include "history/runsummary.h"

#include <QJsonArray>
#include <QLocale>

#include <algorithm>
#include <cmath>

namespace spillway {
namespace {

struct SeriesColumn
{
    const char *name;
    double RunSample::*field;
    double scale; // JSON value = field / scale
    int decimals;
    bool optional;
};

const SeriesColumn kColumns[] = {
    {"elapsed_s", &RunSample::elapsedSeconds, 1, 2, false},
    {"rows", &RunSample::rows, 1, 0, false},
    {"bytes", &RunSample::bytes, 1, 0, false},
    {"rows_per_s", &RunSample::rowsPerSecond, 1, 0, false},
    {"mb_per_s", &RunSample::bytesPerSecond, 1e6, 3, false},
    {"p95_commit_ms", &RunSample::p95CommitMs, 1, 1, true},
    {"server_tuples_per_s", &RunSample::serverTuplesPerSecond, 1, 0, true},
    {"wal_mb_per_s", &RunSample::walBytesPerSecond, 1e6, 3, true},
};

// Rounded so that a record stays small and readable; JSON writes the shortest form.
double rounded(double value, int decimals)
{
    const double f = std::pow(10.0, decimals);
    return std::round(value * f) / f;
}

} // namespace

RunSample RunSample::fromSnapshot(const RunSnapshot &s)
{
    RunSample p;
    p.elapsedSeconds = s.elapsedSeconds;
    p.rows = double(s.rowsDone - std::min(s.rowsSkipped, s.rowsDone));
    p.bytes = double(s.bytesDone);
    p.rowsPerSecond = s.rowsPerSecond;
    p.bytesPerSecond = s.bytesPerSecond;
    if (s.commitLatency.count > 0)
        p.p95CommitMs = s.commitLatency.p95;
    if (s.hasServerSample) {
        p.serverTuplesPerSecond = s.server.tuplesInsertedPerSecond;
        p.walBytesPerSecond = s.server.walBytesPerSecond;
    }
    return p;
}

QJsonObject seriesToJson(const QList<RunSample> &series)
{
    QJsonObject out;
    for (const SeriesColumn &c : kColumns) {
        const bool measured = std::any_of(series.begin(), series.end(), [&c](const RunSample &p) {
            return !std::isnan(p.*c.field);
        });
        if (c.optional && !measured)
            continue;
        QJsonArray values;
        for (const RunSample &p : series) {
            const double v = p.*c.field;
            values.append(std::isnan(v) ? QJsonValue()
                                        : QJsonValue(rounded(v / c.scale, c.decimals)));
        }
        out.insert(QLatin1String(c.name), values);
    }
    return out;
}

QList<RunSample> seriesFromJson(const QJsonObject &object)
{
    QList<RunSample> series(object.value(QLatin1String("elapsed_s")).toArray().size());
    for (const SeriesColumn &c : kColumns) {
        const QJsonArray values = object.value(QLatin1String(c.name)).toArray();
        for (qsizetype i = 0; i < series.size() && i < values.size(); ++i) {
            const QJsonValue v = values.at(i);
            series[i].*c.field = v.isDouble() ? v.toDouble() * c.scale : kNotMeasured;
        }
    }
    return series;
}

const QList<MetricInfo> &RunSummary::metrics()
{
    // Descriptions marked for lupdate: the desktop shows them translated (context "RunSummary").
    static const QList<MetricInfo> list = {
        {"rows", QT_TRANSLATE_NOOP("RunSummary", "rows made by this run"), 0},
        {"rows_total", QT_TRANSLATE_NOOP("RunSummary", "rows the run was to make"), 0},
        {"bytes", QT_TRANSLATE_NOOP("RunSummary", "bytes written (as encoded)"), 0},
        {"elapsed_s", QT_TRANSLATE_NOOP("RunSummary", "seconds from start to end, pauses excluded"),
         -1},
        {"rows_per_s", QT_TRANSLATE_NOOP("RunSummary", "mean rows per second"), +1},
        {"mb_per_s", QT_TRANSLATE_NOOP("RunSummary", "mean megabytes (10^6 bytes) per second"), +1},
        {"peak_rows_per_s",
         QT_TRANSLATE_NOOP("RunSummary", "highest rows per second over about a second"), +1},
        {"rows_skipped",
         QT_TRANSLATE_NOOP("RunSummary",
                           "rows already loaded by the interrupted run this one resumed"),
         0},
        {"commits", QT_TRANSLATE_NOOP("RunSummary", "chunk transactions committed"), 0},
        {"p50_commit_ms", QT_TRANSLATE_NOOP("RunSummary", "median chunk commit time"), -1},
        {"p95_commit_ms", QT_TRANSLATE_NOOP("RunSummary", "95th percentile chunk commit time"), -1},
        {"p99_commit_ms", QT_TRANSLATE_NOOP("RunSummary", "99th percentile chunk commit time"), -1},
        {"max_commit_ms", QT_TRANSLATE_NOOP("RunSummary", "longest chunk commit time"), -1},
        {"retries", QT_TRANSLATE_NOOP("RunSummary", "chunk attempts repeated after an error"), -1},
        {"rows_rejected",
         QT_TRANSLATE_NOOP("RunSummary",
                           "records refused by the server and set aside (load --on-error skip)"),
         -1},
        {"server_tuples_per_s",
         QT_TRANSLATE_NOOP("RunSummary", "mean rows inserted per second seen by the server"), +1},
        {"wal_mb_per_s", QT_TRANSLATE_NOOP("RunSummary", "mean WAL megabytes written per second"),
         0},
        {"checkpoints", QT_TRANSLATE_NOOP("RunSummary", "server checkpoints during the run"), -1},
        {"duration_s",
         QT_TRANSLATE_NOOP("RunSummary",
                           "pipeline: seconds the commands ran (median over iterations)"),
         -1},
        {"max_rss_mb",
         QT_TRANSLATE_NOOP("RunSummary",
                           "pipeline: highest resident memory of one command's process tree"),
         -1},
        {"cpu_percent",
         QT_TRANSLATE_NOOP("RunSummary",
                           "pipeline: mean CPU of the commands' process trees (100 = one core)"),
         -1},
        {"sampling_cpu_percent",
         QT_TRANSLATE_NOOP("RunSummary",
                           "pipeline: Spillway's own CPU while the commands ran (100 = one core)"),
         -1},
    };
    return list;
}

const MetricInfo *RunSummary::metric(const QString &name)
{
    for (const MetricInfo &m : metrics()) {
        if (name == QLatin1String(m.name))
            return &m;
    }
    return nullptr;
}

QStringList RunSummary::metricNames()
{
    QStringList names;
    for (const MetricInfo &m : metrics())
        names.append(QLatin1String(m.name));
    return names;
}

RunSummary RunSummary::fromRun(const RunSnapshot &last, const QList<RunSample> &series)
{
    RunSummary s;
    s.set(QStringLiteral("rows"),
          double(last.rowsDone - std::min(last.rowsSkipped, last.rowsDone)));
    s.set(QStringLiteral("rows_total"), double(last.rowsTotal));
    s.set(QStringLiteral("bytes"), double(last.bytesDone));
    s.set(QStringLiteral("elapsed_s"), last.elapsedSeconds);
    s.set(QStringLiteral("rows_per_s"), last.meanRowsPerSecond);
    s.set(QStringLiteral("mb_per_s"), last.meanBytesPerSecond / 1e6);
    s.set(QStringLiteral("rows_skipped"), double(last.rowsSkipped));
    double peak = last.meanRowsPerSecond;
    double tuples = 0, wal = 0;
    int serverPoints = 0;
    for (const RunSample &p : series) {
        peak = std::max(peak, p.rowsPerSecond);
        if (!std::isnan(p.serverTuplesPerSecond)) {
            tuples += p.serverTuplesPerSecond;
            wal += std::isnan(p.walBytesPerSecond) ? 0 : p.walBytesPerSecond;
            ++serverPoints;
        }
    }
    s.set(QStringLiteral("peak_rows_per_s"), peak);
    const LatencySummary &l = last.commitLatency;
    if (l.count > 0) {
        s.set(QStringLiteral("commits"), l.count);
        s.set(QStringLiteral("p50_commit_ms"), l.p50);
        s.set(QStringLiteral("p95_commit_ms"), l.p95);
        s.set(QStringLiteral("p99_commit_ms"), l.p99);
        s.set(QStringLiteral("max_commit_ms"), l.max);
    }
    if (serverPoints > 0) {
        s.set(QStringLiteral("server_tuples_per_s"), tuples / serverPoints);
        s.set(QStringLiteral("wal_mb_per_s"), wal / serverPoints / 1e6);
    }
    if (last.hasServerSample)
        s.set(QStringLiteral("checkpoints"), double(last.server.checkpoints));
    return s;
}

std::optional<double> RunSummary::value(const QString &name) const
{
    const auto it = m_values.constFind(name);
    if (it == m_values.constEnd())
        return std::nullopt;
    return *it;
}

void RunSummary::set(const QString &name, double value)
{
    if (metric(name) && !std::isnan(value))
        m_values.insert(name, value);
}

QJsonObject RunSummary::toJson() const
{
    QJsonObject o;
    for (auto it = m_values.constBegin(); it != m_values.constEnd(); ++it)
        o.insert(it.key(), rounded(it.value(), std::abs(it.value()) >= 1000 ? 1 : 4));
    return o;
}

RunSummary RunSummary::fromJson(const QJsonObject &object)
{
    RunSummary s;
    for (auto it = object.constBegin(); it != object.constEnd(); ++it) {
        if (it.value().isDouble())
            s.set(it.key(), it.value().toDouble());
    }
    return s;
}

} // namespace spillway
