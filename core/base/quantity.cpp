#include "base/quantity.h"

#include <QLocale>
#include <QRegularExpression>

#include <cmath>

namespace spillway {

namespace {

// A number with optional grouping (one separator, groups of three: "1,5" is not fifteen),
// decimals and exponent, then a unit: K/M/G/T, then for sizes an optional "i" and "B". Returns the
// scaled value, or nothing when the text does not match.
std::optional<double> parseScaled(const QString &text, bool bytes)
{
    static const QRegularExpression re(QStringLiteral(
        "^\\s*((?:[0-9]{1,3}(?:_[0-9]{3})+|[0-9]{1,3}(?:,[0-9]{3})+|[0-9]+)(?:\\.[0-9]+)?"
        "(?:[eE][+]?[0-9]+)?)\\s*([kKmMgGtT]?)(i?)([bB]?)\\s*$"));
    const auto m = re.match(text);
    if (!m.hasMatch())
        return std::nullopt;
    QString digits = m.captured(1);
    digits.remove(QLatin1Char('_')).remove(QLatin1Char(','));
    const QString unit = m.captured(2).toUpper();
    const bool iec = !m.captured(3).isEmpty();
    const bool b = !m.captured(4).isEmpty();
    if (!bytes && (iec || b))
        return std::nullopt; // "10MB" is not a count
    if (iec && unit.isEmpty())
        return std::nullopt; // "10iB"
    bool ok = false;
    double value = digits.toDouble(&ok);
    if (!ok)
        return std::nullopt;
    const int power = unit.isEmpty() ? 0 : int(QStringLiteral("KMGT").indexOf(unit)) + 1;
    value *= std::pow(bytes ? 1024.0 : 1000.0, power);
    if (!(value >= 0) || value > 9.2e18)
        return std::nullopt;
    return value;
}

QString scaled(double value, double step, const char *const *units, int count)
{
    int u = 0;
    while (std::abs(value) >= step && u < count - 1) {
        value /= step;
        ++u;
    }
    return QString::number(value, 'f',
                           u == 0                 ? 0
                           : std::abs(value) < 10 ? 2
                                                  : 1) +
           QLatin1String(units[u]);
}

} // namespace

std::optional<uint64_t> parseCount(const QString &text)
{
    const auto v = parseScaled(text, false);
    if (!v || *v != std::floor(*v))
        return std::nullopt;
    return uint64_t(*v);
}

std::optional<uint64_t> parseByteSize(const QString &text)
{
    const auto v = parseScaled(text, true);
    if (!v)
        return std::nullopt;
    return uint64_t(std::llround(*v));
}

QString formatCount(double value)
{
    static const char *const units[] = {"", "k", "M", "G", "T"};
    if (std::abs(value) < 1000)
        return QString::number(qint64(std::llround(value)));
    return scaled(value, 1000, units, 5);
}

QString formatNumber(double value)
{
    static const QLocale english(QLocale::English, QLocale::UnitedStates);
    const double a = std::abs(value);
    const int decimals = (value == std::floor(value) || a >= 1000) ? 0
                         : a >= 10                                 ? 1
                         : a >= 1                                  ? 2
                                                                   : 3;
    return english.toString(value, 'f', decimals);
}

QString formatBytes(double bytes)
{
    static const char *const units[] = {" B", " KiB", " MiB", " GiB", " TiB"};
    return scaled(bytes, 1024, units, 5);
}

QString formatByteRate(double bytesPerSecond)
{
    return QString::number(bytesPerSecond / 1e6, 'f', bytesPerSecond < 1e7 ? 2 : 1) +
           QStringLiteral(" MB/s");
}

QString formatDuration(double seconds)
{
    if (!(seconds >= 0))
        return QStringLiteral("–");
    if (seconds < 59.5)
        return QString::number(seconds, 'f', seconds < 9.95 ? 1 : 0) + QStringLiteral(" s");
    const qint64 s = std::llround(seconds);
    if (s < 3600)
        return QStringLiteral("%1:%2").arg(s / 60).arg(s % 60, 2, 10, QLatin1Char('0'));
    return QStringLiteral("%1:%2:%3")
        .arg(s / 3600)
        .arg(s / 60 % 60, 2, 10, QLatin1Char('0'))
        .arg(s % 60, 2, 10, QLatin1Char('0'));
}

} // namespace spillway
