#pragma once

// A recorded run's figures: the points of its time series, and its summary. The summary's
// metric names are at once its JSON keys, the names --assert thresholds use and the rows of a
// comparison, so that a figure is named the same way everywhere.

#include "base/quantity.h"
#include "run/metrics.h"

#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

#include <limits>
#include <optional>

namespace spillway {

inline constexpr double kNotMeasured = std::numeric_limits<double>::quiet_NaN();

// One point of a run's time series, taken from a snapshot. Optional figures are NaN when the
// run did not measure them (a file run has no commits and no server).
struct RunSample
{
    double elapsedSeconds = 0;
    double rows = 0; // rows made by this run so far (rows skipped on a resume excluded)
    double bytes = 0;
    double rowsPerSecond = 0;
    double bytesPerSecond = 0;
    double p95CommitMs = kNotMeasured;
    double serverTuplesPerSecond = kNotMeasured;
    double walBytesPerSecond = kNotMeasured;

    static RunSample fromSnapshot(const RunSnapshot &snapshot);
};

// Column-wise JSON ({"elapsed_s": [...], "rows": [...], ...}): compact for 2,000 points, and
// what a chart wants.
QJsonObject seriesToJson(const QList<RunSample> &series);
QList<RunSample> seriesFromJson(const QJsonObject &object);

struct MetricInfo
{
    const char *name;
    const char *description;
    int better; // +1: higher is better, -1: lower is better, 0: neither (a count)
};

class RunSummary
{
public:
    // Every metric a summary may hold, in display order.
    static const QList<MetricInfo> &metrics();
    static const MetricInfo *metric(const QString &name);
    static QStringList metricNames();

    // Figures of a finished run from its final snapshot and its series (for peaks and means of
    // server figures).
    static RunSummary fromRun(const RunSnapshot &last, const QList<RunSample> &series);

    // Nothing when the run did not measure the metric.
    std::optional<double> value(const QString &name) const;
    // Sets a known metric (a driver's own counter such as retries); unknown names are ignored.
    void set(const QString &name, double value);
    bool isEmpty() const { return m_values.isEmpty(); }

    QJsonObject toJson() const;
    static RunSummary fromJson(const QJsonObject &object);

private:
    QMap<QString, double> m_values;
};

} // namespace spillway
