#pragma once

// Two recorded runs side by side, as `spillway-cli runs compare` shows them: every summary
// metric of run B against run A with the change in percent and whether it got better or worse
// (by the metric's better-direction), and the settings that differ. Shared by the HTML report
// and the desktop history so that a comparison reads the same everywhere.

#include "base/quantity.h"
#include "history/runrecord.h"

#include <QJsonValue>
#include <QList>
#include <QString>

#include <optional>

namespace spillway {

struct MetricChange
{
    QString name;
    QString description;
    std::optional<double> a, b;
    double percent = kNotMeasured; // NaN: no change computable (a missing or zero)
    int verdict = 0;               // +1 better, -1 worse, 0 neither (a count, or no change)

    // "+12.5% ▲", "-3.0% ▼", "+0.0% =" or "-".
    QString changeText() const;
    // "better", "worse" or empty.
    QString verdictText() const;
};

// Metrics measured by either run, in RunSummary's display order.
QList<MetricChange> compareSummaries(const RunRecord &a, const RunRecord &b);

// Pipeline runs (kind "pipeline"): per command, matched by name, its seconds, peak RSS and mean
// CPU, and per target table its mean inserts per second ("etl: peak RSS MB", ...); empty
// unless both runs hold a pipeline part.
QList<MetricChange> comparePipelines(const RunRecord &a, const RunRecord &b);

struct SettingDifference
{
    QString key; // a settings key, or "(kind)", "(spillway)", "(server)", "(machine) cores" ...
    QString a, b;
};

// Settings, and where and with what the runs ran, that differ; sorted by key.
QList<SettingDifference> differingSettings(const RunRecord &a, const RunRecord &b);

// A setting's value as text: strings as they are, numbers as formatNumber, "-" for nothing.
QString settingText(const QJsonValue &value);

} // namespace spillway
