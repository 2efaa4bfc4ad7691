#include "history/runassert.h"

#include <QRegularExpression>

#include <cmath>

namespace spillway {
namespace {

std::optional<double> parseNumber(QString text)
{
    text.remove(QLatin1Char('_')).remove(QLatin1Char(','));
    static const QRegularExpression re(
        QStringLiteral("^([-+]?(?:\\d+\\.?\\d*|\\.\\d+)(?:[eE][-+]?\\d+)?)([kKMGT]?)$"));
    const auto m = re.match(text);
    if (!m.hasMatch())
        return std::nullopt;
    double value = m.captured(1).toDouble();
    const QString unit = m.captured(2).toUpper();
    if (!unit.isEmpty())
        value *= std::pow(1000.0, double(QStringLiteral("KMGT").indexOf(unit) + 1));
    if (!std::isfinite(value))
        return std::nullopt;
    return value;
}

QString validNames()
{
    return RunSummary::metricNames().join(QStringLiteral(", "));
}

QString violation(const Threshold &t, double actual)
{
    const QString head = QStringLiteral("%1 = %2").arg(t.metric, formatNumber(actual));
    const double gap = std::abs(actual - t.value);
    const QString by =
        t.value != 0
            ? QStringLiteral(" by %1 (%2%)")
                  .arg(formatNumber(gap), QString::number(100.0 * gap / std::abs(t.value), 'f', 1))
            : QStringLiteral(" by %1").arg(formatNumber(gap));
    if (t.op == Threshold::Op::Equal)
        return QStringLiteral("%1 is not equal to the threshold %2, off%3")
            .arg(head, formatNumber(t.value), by);
    if (actual == t.value) // only a strict comparison fails here
        return QStringLiteral("%1 is not %2 the threshold %3")
            .arg(head,
                 t.op == Threshold::Op::Greater ? QStringLiteral("above") : QStringLiteral("below"),
                 formatNumber(t.value));
    return QStringLiteral("%1 is %2 the threshold %3%4")
        .arg(head, actual < t.value ? QStringLiteral("below") : QStringLiteral("above"),
             formatNumber(t.value), by);
}

} // namespace

std::optional<Threshold> Threshold::parse(const QString &text, QString *error)
{
    static const QRegularExpression re(
        QStringLiteral("^\\s*([A-Za-z0-9_]+)\\s*(>=|<=|==|=|>|<)\\s*(\\S.*?)\\s*$"));
    const auto m = re.match(text);
    auto fail = [&](const QString &message) {
        if (error)
            *error = message;
        return std::nullopt;
    };
    if (!m.hasMatch())
        return fail(QStringLiteral("--assert '%1' is not METRIC OP NUMBER, such as "
                                   "'rows_per_s>=500000' (OP: >=, <=, >, <, ==); metrics: %2")
                        .arg(text, validNames()));
    Threshold t;
    t.text = text.trimmed();
    t.metric = m.captured(1);
    if (!RunSummary::metric(t.metric))
        return fail(QStringLiteral("--assert '%1': there is no metric '%2'; metrics: %3")
                        .arg(text, t.metric, validNames()));
    const QString op = m.captured(2);
    if (op == QLatin1String("="))
        return fail(QStringLiteral("--assert '%1': use == to compare for equality").arg(text));
    t.op = op == QLatin1String(">=")   ? Op::GreaterEqual
           : op == QLatin1String("<=") ? Op::LessEqual
           : op == QLatin1String("==") ? Op::Equal
           : op == QLatin1String(">")  ? Op::Greater
                                       : Op::Less;
    const auto value = parseNumber(m.captured(3));
    if (!value)
        return fail(QStringLiteral("--assert '%1': '%2' is not a number (examples: 500000, 5e5, "
                                   "500k, 2.5)")
                        .arg(text, m.captured(3)));
    t.value = *value;
    return t;
}

QString Threshold::opText(Op op)
{
    switch (op) {
    case Op::Less:
        return QStringLiteral("<");
    case Op::LessEqual:
        return QStringLiteral("<=");
    case Op::Greater:
        return QStringLiteral(">");
    case Op::GreaterEqual:
        return QStringLiteral(">=");
    case Op::Equal:
        return QStringLiteral("==");
    }
    return {};
}

bool Threshold::holds(double actual) const
{
    switch (op) {
    case Op::Less:
        return actual < value;
    case Op::LessEqual:
        return actual <= value;
    case Op::Greater:
        return actual > value;
    case Op::GreaterEqual:
        return actual >= value;
    case Op::Equal:
        return actual == value;
    }
    return false;
}

ThresholdResult evaluate(const Threshold &threshold, const RunSummary &summary)
{
    ThresholdResult r;
    r.text = threshold.text;
    r.metric = threshold.metric;
    r.op = Threshold::opText(threshold.op);
    r.threshold = threshold.value;
    r.actual = summary.value(threshold.metric);
    if (!r.actual) {
        r.message = QStringLiteral("%1 was not measured by this run, so '%2' cannot hold")
                        .arg(threshold.metric, threshold.text);
        return r;
    }
    r.passed = threshold.holds(*r.actual);
    if (!r.passed)
        r.message = violation(threshold, *r.actual);
    return r;
}

QJsonObject ThresholdResult::toJson() const
{
    QJsonObject o{{QStringLiteral("assert"), text},
                  {QStringLiteral("metric"), metric},
                  {QStringLiteral("op"), op},
                  {QStringLiteral("threshold"), threshold},
                  {QStringLiteral("actual"), actual ? QJsonValue(*actual) : QJsonValue()},
                  {QStringLiteral("passed"), passed}};
    if (!message.isEmpty())
        o.insert(QStringLiteral("message"), message);
    return o;
}

ThresholdResult ThresholdResult::fromJson(const QJsonObject &o)
{
    ThresholdResult r;
    r.text = o.value(QLatin1String("assert")).toString();
    r.metric = o.value(QLatin1String("metric")).toString();
    r.op = o.value(QLatin1String("op")).toString();
    r.threshold = o.value(QLatin1String("threshold")).toDouble();
    if (o.value(QLatin1String("actual")).isDouble())
        r.actual = o.value(QLatin1String("actual")).toDouble();
    r.passed = o.value(QLatin1String("passed")).toBool();
    r.message = o.value(QLatin1String("message")).toString();
    return r;
}

} // namespace spillway
