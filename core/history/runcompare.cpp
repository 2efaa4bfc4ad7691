#include "history/runcompare.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <cmath>

namespace spillway {

QString MetricChange::changeText() const
{
    if (std::isnan(percent))
        return QStringLiteral("-");
    const QChar arrow = std::abs(percent) < 0.05 ? QLatin1Char('=')
                        : percent > 0            ? QChar(0x25B2)
                                                 : QChar(0x25BC);
    return QStringLiteral("%1%2% %3")
        .arg(percent > 0 ? QStringLiteral("+") : QString())
        .arg(percent, 0, 'f', 1)
        .arg(arrow);
}

QString MetricChange::verdictText() const
{
    return verdict > 0   ? QStringLiteral("better")
           : verdict < 0 ? QStringLiteral("worse")
                         : QString();
}

namespace {

MetricChange change(const QString &name, const QString &description, std::optional<double> a,
                    std::optional<double> b, int better)
{
    MetricChange c;
    c.name = name;
    c.description = description;
    c.a = a;
    c.b = b;
    if (c.a && c.b && *c.a == *c.b)
        c.percent = 0;
    else if (c.a && c.b && *c.a != 0)
        c.percent = 100.0 * (*c.b - *c.a) / std::abs(*c.a);
    if (c.a && c.b && better != 0 && std::abs(c.percent) >= 0.05)
        c.verdict = (*c.b > *c.a) == (better > 0) ? 1 : -1;
    return c;
}

std::optional<double> meanOf(const QList<double> &values)
{
    if (values.isEmpty())
        return std::nullopt;
    double sum = 0;
    for (double v : values)
        sum += v;
    return sum / double(values.size());
}

} // namespace

QList<MetricChange> compareSummaries(const RunRecord &a, const RunRecord &b)
{
    QList<MetricChange> changes;
    for (const MetricInfo &m : RunSummary::metrics()) {
        const QString name = QLatin1String(m.name);
        const auto va = a.summary.value(name), vb = b.summary.value(name);
        if (va || vb)
            changes.append(change(name, QLatin1String(m.description), va, vb, m.better));
    }
    return changes;
}

QList<MetricChange> comparePipelines(const RunRecord &a, const RunRecord &b)
{
    QList<MetricChange> changes;
    if (!a.pipeline || !b.pipeline)
        return changes;
    const PipelineRecord &pa = *a.pipeline, &pb = *b.pipeline;
    for (int i = 0; i < pa.commands.size(); ++i) {
        const QString name = pa.commands[i].name;
        int j = 0;
        while (j < pb.commands.size() && pb.commands[j].name != name)
            ++j;
        if (j == pb.commands.size())
            continue;
        changes.append(
            change(QCoreApplication::translate("spillway::RunCompare", "%1: seconds").arg(name),
                   QCoreApplication::translate("spillway::RunCompare",
                                               "the command's time (the last iteration)"),
                   pa.commands[i].seconds, pb.commands[j].seconds, -1));
        changes.append(change(
            QCoreApplication::translate("spillway::RunCompare", "%1: peak RSS MB").arg(name),
            QCoreApplication::translate("spillway::RunCompare",
                                        "highest resident memory of the command's process tree"),
            pa.peakRssBytes(i) / 1e6, pb.peakRssBytes(j) / 1e6, -1));
        changes.append(change(
            QCoreApplication::translate("spillway::RunCompare", "%1: mean CPU %").arg(name),
            QCoreApplication::translate("spillway::RunCompare",
                                        "mean CPU of the command's process tree (100 = one core)"),
            pa.meanCpuPercent(i), pb.meanCpuPercent(j), -1));
    }
    for (const PipelineSeries &ta : pa.tableSeries) {
        for (const PipelineSeries &tb : pb.tableSeries) {
            if (ta.name != tb.name)
                continue;
            changes.append(change(
                QCoreApplication::translate("spillway::RunCompare", "%1: mean rows/s").arg(ta.name),
                QCoreApplication::translate("spillway::RunCompare",
                                            "mean rows inserted per second into the table"),
                meanOf(ta.column(QStringLiteral("inserts_per_s"))),
                meanOf(tb.column(QStringLiteral("inserts_per_s"))), +1));
        }
    }
    return changes;
}

namespace {

// A run's settings with the facts of where and with what it ran, under parenthesised keys.
QJsonObject comparableSettings(const RunRecord &r)
{
    QJsonObject s = r.settings;
    s.insert(QStringLiteral("(kind)"), r.kind);
    s.insert(QStringLiteral("(spillway)"), r.softwareVersion);
    s.insert(QStringLiteral("(server)"), r.serverVersion);
    const QJsonObject machine = r.machine.toJson();
    for (auto it = machine.constBegin(); it != machine.constEnd(); ++it)
        s.insert(QStringLiteral("(machine) ") + it.key(), it.value());
    return s;
}

} // namespace

QList<SettingDifference> differingSettings(const RunRecord &a, const RunRecord &b)
{
    const QJsonObject sa = comparableSettings(a), sb = comparableSettings(b);
    QStringList keys = sa.keys() + sb.keys();
    keys.removeDuplicates();
    keys.sort();
    QList<SettingDifference> rows;
    for (const QString &key : keys) {
        if (sa.value(key) != sb.value(key))
            rows.append({key, settingText(sa.value(key)), settingText(sb.value(key))});
    }
    return rows;
}

QString settingText(const QJsonValue &v)
{
    if (v.isString())
        return v.toString().isEmpty() ? QStringLiteral("-") : v.toString();
    if (v.isDouble())
        return formatNumber(v.toDouble());
    if (v.isBool())
        return v.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    if (v.isNull() || v.isUndefined())
        return QStringLiteral("-");
    return QString::fromUtf8(v.isArray()
                                 ? QJsonDocument(v.toArray()).toJson(QJsonDocument::Compact)
                                 : QJsonDocument(v.toObject()).toJson(QJsonDocument::Compact));
}

} // namespace spillway
