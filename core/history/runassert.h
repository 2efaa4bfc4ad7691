#pragma once

// --assert thresholds ("rows_per_s>=500000", "p95_commit_ms<=2000"): checked against a finished
// run's summary so that a performance regression fails a CI job. Metric names are
// RunSummary's; a run that did not measure a metric violates any threshold on it, since a
// threshold that silently passes guards nothing.

#include "history/runsummary.h"

#include <QJsonObject>
#include <QString>

#include <optional>

namespace spillway {

struct Threshold
{
    enum class Op { Less, LessEqual, Greater, GreaterEqual, Equal };

    QString text; // as given
    QString metric;
    Op op = Op::GreaterEqual;
    double value = 0;

    // "metric OP number"; numbers may use k/M/G/T suffixes (x1000), exponents and ',' or '_'
    // between digits. On a problem, returns nothing and says what is wrong, listing the valid
    // metric names.
    static std::optional<Threshold> parse(const QString &text, QString *error);
    static QString opText(Op op);
    bool holds(double actual) const;
};

struct ThresholdResult
{
    QString text;
    QString metric;
    QString op;
    double threshold = 0;
    std::optional<double> actual; // nothing when the run did not measure the metric
    bool passed = false;
    QString message; // why it failed: "rows_per_s = 412,345 is below the threshold 500,000 by ..."

    QJsonObject toJson() const;
    static ThresholdResult fromJson(const QJsonObject &object);
};

ThresholdResult evaluate(const Threshold &threshold, const RunSummary &summary);

} // namespace spillway
