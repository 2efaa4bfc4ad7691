#include "history/runcompare.h"

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

QList<MetricChange> compareSummaries(const RunRecord &a, const RunRecord &b)
{
    QList<MetricChange> changes;
    for (const MetricInfo &m : RunSummary::metrics()) {
        MetricChange c;
        c.name = QLatin1String(m.name);
        c.description = QLatin1String(m.description);
        c.a = a.summary.value(c.name);
        c.b = b.summary.value(c.name);
        if (!c.a && !c.b)
            continue;
        if (c.a && c.b && *c.a == *c.b)
            c.percent = 0;
        else if (c.a && c.b && *c.a != 0)
            c.percent = 100.0 * (*c.b - *c.a) / std::abs(*c.a);
        if (c.a && c.b && m.better != 0 && std::abs(c.percent) >= 0.05)
            c.verdict = (*c.b > *c.a) == (m.better > 0) ? 1 : -1;
        changes.append(c);
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
