#include "base/axisticks.h"

#include <QDateTime>
#include <QTimeZone>

#include <algorithm>
#include <cmath>
#include <vector>

namespace spillway {
namespace {

constexpr double kSecondMs = 1000, kMinuteMs = 60 * kSecondMs, kHourMs = 60 * kMinuteMs,
                 kDayMs = 24 * kHourMs;
constexpr double kMonthMs = 30.436875 * kDayMs, kYearMs = 365.2425 * kDayMs;
// A step may be a little shorter than the range / (ticks - 1) asks for: 2 rather than 5 when 2.6
// is asked for gives one tick more instead of two fewer.
constexpr double kSlack = 0.75;
constexpr int kMaxTicks = 1000;
// QDateTime's comfortable range; timestamps beyond it are labelled as plain numbers.
constexpr double kMaxTimestampMs = 8.0e15;

// 1, 2 or 5 × 10^n, the smallest at or above `raw`.
double decimalStep(double raw)
{
    const double power = std::pow(10.0, std::floor(std::log10(raw)));
    for (double m : {1.0, 2.0, 5.0}) {
        if (m * power >= raw * (1 - 1e-12))
            return m * power;
    }
    return 10 * power;
}

// The first of `candidates` (ascending) at or above `raw`, else decimal steps of the last one.
double listedStep(double raw, std::initializer_list<double> candidates, double unitAfter)
{
    for (double c : candidates) {
        if (c >= raw * (1 - 1e-12))
            return c;
    }
    return unitAfter * decimalStep(raw / unitAfter);
}

double stepFor(double raw, AxisScale scale)
{
    raw *= kSlack;
    switch (scale) {
    case AxisScale::Count:
        return decimalStep(std::max(raw, 1.0));
    case AxisScale::Seconds:
        if (raw < 1)
            return decimalStep(raw);
        return listedStep(raw,
                          {1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200, 10800,
                           21600, 43200, 86400},
                          86400);
    case AxisScale::Degrees:
        if (raw < 1)
            return decimalStep(raw);
        return listedStep(raw, {1, 2, 5, 10, 15, 30, 45, 90}, 90);
    case AxisScale::Timestamp:
        if (raw < kSecondMs) // labels show milliseconds at most
            return decimalStep(std::max(raw, 1.0));
        return listedStep(
            raw, {kSecondMs,      2 * kSecondMs,  5 * kSecondMs, 10 * kSecondMs, 15 * kSecondMs,
                  30 * kSecondMs, kMinuteMs,      2 * kMinuteMs, 5 * kMinuteMs,  10 * kMinuteMs,
                  15 * kMinuteMs, 30 * kMinuteMs, kHourMs,       2 * kHourMs,    3 * kHourMs,
                  6 * kHourMs,    12 * kHourMs,   kDayMs,        2 * kDayMs,     7 * kDayMs,
                  kMonthMs,       2 * kMonthMs,   3 * kMonthMs,  6 * kMonthMs,   kYearMs},
            kYearMs);
    case AxisScale::Number:
    case AxisScale::Bytes:
        break;
    }
    return decimalStep(raw);
}

// Fewest decimals that print `step` exactly (0.25 needs 2), at most 15.
int decimalsFor(double step)
{
    for (int d = 0; d < 15; ++d) {
        const double scaled = std::abs(step) * std::pow(10.0, d);
        if (std::abs(scaled - std::round(scaled)) <= 1e-6 * scaled)
            return d;
    }
    return 15;
}

QString fixed(double value, int decimals)
{
    QString s = QString::number(value, 'f', decimals);
    if (s.contains(QLatin1Char('.'))) {
        while (s.endsWith(QLatin1Char('0')))
            s.chop(1);
        if (s.endsWith(QLatin1Char('.')))
            s.chop(1);
    }
    return s == QLatin1String("-0") ? QStringLiteral("0") : s;
}

double maxAbs(const AxisTicks &t)
{
    double m = 0;
    for (const AxisTick &tick : t.ticks)
        m = std::max(m, std::abs(tick.value));
    return m;
}

// Counts and numbers: one SI suffix for the whole axis, dropped when the step would need more
// than one decimal in it (1990, 1995 rather than 1.99k, 2k).
void labelNumbers(AxisTicks &t)
{
    static const char *const units[] = {"", "k", "M", "G", "T", "P", "E"};
    const double top = maxAbs(t);
    int u = top >= 1e4 ? std::min(6, int(std::floor(std::log10(top) / 3))) : 0;
    int decimals = decimalsFor(t.step / std::pow(1000.0, u));
    while (u > 0 && decimals > 1)
        decimals = decimalsFor(t.step / std::pow(1000.0, --u));
    const bool scientific = top >= 1e21 || decimals > 6;
    const int digits = std::clamp(int(std::ceil(std::log10(top / t.step))) + 1, 1, 15);
    for (AxisTick &tick : t.ticks) {
        if (tick.value == 0)
            tick.label = QStringLiteral("0");
        else if (scientific)
            tick.label = QString::number(tick.value, 'g', digits);
        else
            tick.label =
                fixed(tick.value / std::pow(1000.0, u), decimals) + QLatin1String(units[u]);
    }
}

void labelDegrees(AxisTicks &t)
{
    const int decimals = decimalsFor(t.step);
    for (AxisTick &tick : t.ticks)
        tick.label = fixed(tick.value, decimals) + QChar(0x00b0);
}

QString clock(qint64 seconds, bool withHours)
{
    const QChar zero = QLatin1Char('0');
    if (withHours)
        return QStringLiteral("%1:%2:%3")
            .arg(seconds / 3600)
            .arg(seconds / 60 % 60, 2, 10, zero)
            .arg(seconds % 60, 2, 10, zero);
    return QStringLiteral("%1:%2").arg(seconds / 60).arg(seconds % 60, 2, 10, zero);
}

QString durationLabel(double value, double step, double top)
{
    const QString sign = value < 0 ? QStringLiteral("-") : QString();
    const double a = std::abs(value);
    if (top < 60 || step < 1)
        return sign + fixed(a, decimalsFor(step)) + QStringLiteral(" s");
    const qint64 s = std::llround(a);
    if (top < 3600)
        return sign + clock(s, false);
    if (std::fmod(step, 86400) == 0 && top >= 2 * 86400)
        return sign + fixed(a / 86400, 0) + QStringLiteral(" d");
    if (std::fmod(step, 3600) == 0)
        return sign + fixed(a / 3600, 0) + QStringLiteral(" h");
    return sign + clock(s, true);
}

void labelSeconds(AxisTicks &t)
{
    const double top = maxAbs(t);
    for (AxisTick &tick : t.ticks)
        tick.label = durationLabel(tick.value, t.step, top);
}

void labelBytes(AxisTicks &t, int unit)
{
    static const char *const units[] = {" B", " KiB", " MiB", " GiB", " TiB"};
    const double factor = std::pow(1024.0, unit);
    const int decimals = decimalsFor(t.step / factor);
    for (AxisTick &tick : t.ticks)
        tick.label = tick.value == 0
                         ? QStringLiteral("0")
                         : fixed(tick.value / factor, decimals) + QLatin1String(units[unit]);
}

QDateTime utc(double ms)
{
    return QDateTime::fromMSecsSinceEpoch(qint64(std::llround(ms)), QTimeZone::utc());
}

void labelTimestamps(AxisTicks &t)
{
    if (t.ticks.isEmpty())
        return;
    const QDateTime first = utc(t.ticks.first().value), last = utc(t.ticks.last().value);
    QString format;
    if (t.step >= kYearMs * 0.99)
        format = QStringLiteral("yyyy");
    else if (t.step >= kMonthMs * 0.99)
        format = QStringLiteral("yyyy-MM");
    else if (t.step >= kDayMs)
        format = QStringLiteral("yyyy-MM-dd");
    else {
        format = t.step < kSecondMs   ? QStringLiteral("HH:mm:ss.zzz")
                 : t.step < kMinuteMs ? QStringLiteral("HH:mm:ss")
                                      : QStringLiteral("HH:mm");
        if (first.date().year() != last.date().year())
            format.prepend(QStringLiteral("yyyy-MM-dd "));
        else if (first.date() != last.date())
            format.prepend(QStringLiteral("MM-dd "));
    }
    for (AxisTick &tick : t.ticks)
        tick.label = utc(tick.value).toString(format);
}

// Ticks every `step` from `offset` (plus multiples), covering [lo, hi] as `fit` says.
std::vector<double> uniformTicks(double lo, double hi, double step, double offset, AxisFit fit)
{
    const double eps = 1e-9;
    const double a = (lo - offset) / step, b = (hi - offset) / step;
    const double first = fit == AxisFit::Widen ? std::floor(a + eps) : std::ceil(a - eps);
    const double last = fit == AxisFit::Widen ? std::ceil(b - eps) : std::floor(b + eps);
    std::vector<double> out;
    for (double i = first; i <= last && out.size() < size_t(kMaxTicks); ++i) {
        const double v = offset + i * step;
        if (std::isfinite(v)) // past the largest double: the axis ends at the data
            out.push_back(std::abs(v) < step * 1e-9 ? 0.0 : v);
    }
    return out;
}

// Calendar months (every `months`, aligned to January) or years (aligned to multiples).
std::vector<double> calendarTicks(double lo, double hi, int months, AxisFit fit)
{
    const QDate d = utc(lo).date();
    int index = d.year() * 12 + d.month() - 1; // months since year 0
    index -= ((index % months) + months) % months;
    std::vector<double> out;
    const auto at = [](int i) {
        return double(QDateTime(QDate(i / 12, i % 12 + 1, 1), QTime(0, 0), QTimeZone::utc())
                          .toMSecsSinceEpoch());
    };
    for (int i = index; out.size() < size_t(kMaxTicks); i += months) {
        const double v = at(i);
        if (v < lo && (fit == AxisFit::Inside || at(i + months) <= lo))
            continue;
        out.push_back(v);
        if (v >= hi)
            break;
    }
    if (fit == AxisFit::Inside && !out.empty() && out.back() > hi)
        out.pop_back();
    return out;
}

std::vector<double> tickValues(double lo, double hi, double step, AxisScale scale, AxisFit fit)
{
    if (scale == AxisScale::Timestamp && step >= kMonthMs * 0.99) {
        const int months = step >= kYearMs * 0.99 ? int(std::llround(step / kYearMs)) * 12
                                                  : int(std::llround(step / kMonthMs));
        return calendarTicks(lo, hi, std::max(months, 1), fit);
    }
    // Weeks start on Monday (1970-01-05).
    const double offset = scale == AxisScale::Timestamp && step == 7 * kDayMs ? 4 * kDayMs : 0;
    return uniformTicks(lo, hi, step, offset, fit);
}

// A range with extent: a lone value gets a little room around it, nothing gets 0..1.
void giveExtent(double &lo, double &hi, AxisScale scale)
{
    if (!std::isfinite(lo) && !std::isfinite(hi))
        lo = hi = 0;
    else if (!std::isfinite(lo))
        lo = hi;
    else if (!std::isfinite(hi))
        hi = lo;
    if (lo > hi)
        std::swap(lo, hi);
    const double magnitude = std::max(std::abs(lo), std::abs(hi));
    if (hi - lo > magnitude * 1e-12)
        return;
    const double v = lo;
    if (scale == AxisScale::Timestamp) {
        lo = v - 30 * kSecondMs;
        hi = v + 30 * kSecondMs;
    } else if (v == 0) {
        lo = 0;
        hi = 1;
    } else {
        const double half =
            scale == AxisScale::Number || scale == AxisScale::Bytes ? std::abs(v) * 0.05 : 0.5;
        lo = v - half;
        hi = v + half;
    }
}

AxisTicks build(double lo, double hi, AxisScale scale, int target, AxisFit fit)
{
    AxisTicks t;
    for (int n = target; n <= target + 6; ++n) {
        t.step = stepFor((hi - lo) / (n - 1), scale);
        const std::vector<double> values = tickValues(lo, hi, t.step, scale, fit);
        t.ticks.clear();
        for (double v : values)
            t.ticks.append({v, QString()});
        if (t.ticks.size() >= 2 || fit == AxisFit::Widen)
            break;
    }
    if (t.ticks.isEmpty() && fit == AxisFit::Inside) // no round value inside: show the nearest
        return build(lo, hi, scale, target, AxisFit::Widen);
    t.minimum = lo;
    t.maximum = hi;
    if (fit == AxisFit::Widen && !t.ticks.isEmpty() && std::isfinite(t.ticks.first().value) &&
        std::isfinite(t.ticks.last().value)) {
        t.minimum = std::min(lo, t.ticks.first().value);
        t.maximum = std::max(hi, t.ticks.last().value);
    }
    return t;
}

} // namespace

QStringList AxisTicks::labels() const
{
    QStringList out;
    out.reserve(ticks.size());
    for (const AxisTick &t : ticks)
        out.append(t.label);
    return out;
}

AxisTicks axisTicks(double lo, double hi, AxisScale scale, int targetTicks, AxisFit fit)
{
    giveExtent(lo, hi, scale);
    if (scale == AxisScale::Timestamp && std::max(std::abs(lo), std::abs(hi)) > kMaxTimestampMs)
        scale = AxisScale::Number;
    const int target = std::max(2, targetTicks);
    if (scale == AxisScale::Bytes) {
        // Round steps in the unit the largest value is read in (0.5 GiB, not 500,000,000 B).
        const double top = std::max(std::abs(lo), std::abs(hi));
        const int unit = top >= 1024 ? std::min(4, int(std::log(top) / std::log(1024.0))) : 0;
        const double factor = std::pow(1024.0, unit);
        AxisTicks t = build(lo / factor, hi / factor,
                            unit == 0 ? AxisScale::Count : AxisScale::Number, target, fit);
        t.minimum *= factor;
        t.maximum *= factor;
        t.step *= factor;
        for (AxisTick &tick : t.ticks)
            tick.value *= factor;
        labelBytes(t, unit);
        return t;
    }
    AxisTicks t = build(lo, hi, scale, target, fit);
    switch (scale) {
    case AxisScale::Number:
    case AxisScale::Count:
    case AxisScale::Bytes:
        labelNumbers(t);
        break;
    case AxisScale::Seconds:
        labelSeconds(t);
        break;
    case AxisScale::Timestamp:
        labelTimestamps(t);
        break;
    case AxisScale::Degrees:
        labelDegrees(t);
        break;
    }
    return t;
}

int tickTarget(double pixels, double labelPixels)
{
    if (!(pixels > 0) || !(labelPixels > 0))
        return 2;
    return std::max(2, int(pixels / (labelPixels * 2)) + 1);
}

} // namespace spillway
