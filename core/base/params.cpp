#include "base/params.h"

#include <QRegularExpression>

#include <cmath>

namespace spillway {

ParamReader::ParamReader(const QJsonObject &object, const QString &path, Diagnostics *diagnostics)
    : m_object(object)
    , m_path(path)
    , m_diagnostics(diagnostics)
{}

QString ParamReader::pathOf(const QString &key) const
{
    return m_path.isEmpty() ? key : m_path + QLatin1Char('.') + key;
}

void ParamReader::error(const QString &key, const QString &message) const
{
    if (m_diagnostics)
        m_diagnostics->add(key.isEmpty() ? m_path : pathOf(key), message);
}

void ParamReader::missing(const QString &key, const QString &expected) const
{
    error(key, QStringLiteral("missing parameter '%1': add %2").arg(key, expected));
}

void ParamReader::mistyped(const QString &key, const QString &expected) const
{
    error(key, QStringLiteral("'%1' must be %2").arg(key, expected));
}

QJsonValue ParamReader::take(const QString &key)
{
    m_read.insert(key);
    return m_object.value(key);
}

std::optional<QJsonValue> ParamReader::optional(const QString &key)
{
    const QJsonValue v = take(key);
    if (v.isUndefined())
        return std::nullopt;
    return v;
}

int ParamReader::option(const QString &key, const QStringList &options)
{
    const QString v = string(key, options.front());
    const qsizetype i = options.indexOf(v);
    if (i < 0)
        error(key, QStringLiteral("'%1' is not a valid '%2': use one of %3")
                       .arg(v, key, options.join(QStringLiteral(", "))));
    return i < 0 ? 0 : int(i);
}

int64_t ParamReader::integer(const QString &key)
{
    if (!has(key)) {
        take(key);
        missing(key, QStringLiteral("an integer"));
        return 0;
    }
    return integer(key, 0);
}

int64_t ParamReader::integer(const QString &key, int64_t fallback)
{
    const QJsonValue v = take(key);
    if (v.isUndefined())
        return fallback;
    const double d = v.toDouble(std::nan(""));
    if (!v.isDouble() || std::isnan(d) || d != std::floor(d) ||
        std::abs(d) > 9.007199254740992e15) {
        mistyped(key, QStringLiteral("an integer (got %1)")
                          .arg(v.isString() ? QLatin1Char('"') + v.toString() + QLatin1Char('"')
                                            : QString::number(d)));
        return fallback;
    }
    return static_cast<int64_t>(d);
}

double ParamReader::number(const QString &key)
{
    if (!has(key)) {
        take(key);
        missing(key, QStringLiteral("a number"));
        return 0;
    }
    return number(key, 0);
}

double ParamReader::number(const QString &key, double fallback)
{
    const QJsonValue v = take(key);
    if (v.isUndefined())
        return fallback;
    if (!v.isDouble()) {
        mistyped(key, QStringLiteral("a number"));
        return fallback;
    }
    return v.toDouble();
}

bool ParamReader::boolean(const QString &key, bool fallback)
{
    const QJsonValue v = take(key);
    if (v.isUndefined())
        return fallback;
    if (!v.isBool()) {
        mistyped(key, QStringLiteral("true or false"));
        return fallback;
    }
    return v.toBool();
}

QString ParamReader::string(const QString &key)
{
    if (!has(key)) {
        take(key);
        missing(key, QStringLiteral("a string"));
        return {};
    }
    return string(key, QString());
}

QString ParamReader::string(const QString &key, const QString &fallback)
{
    const QJsonValue v = take(key);
    if (v.isUndefined())
        return fallback;
    if (!v.isString()) {
        mistyped(key, QStringLiteral("a string"));
        return fallback;
    }
    return v.toString();
}

QString ParamReader::name(const QString &key, const QString &what)
{
    if (!has(key)) {
        take(key);
        missing(key, QStringLiteral("the name of a %1").arg(what));
        return {};
    }
    return name(key, what, QString());
}

QString ParamReader::name(const QString &key, const QString &what, const QString &fallback)
{
    const QJsonValue v = take(key);
    if (v.isUndefined())
        return fallback;
    if (!v.isString() || v.toString().trimmed().isEmpty()) {
        error(key, QStringLiteral("'%1' %2: name a %3")
                       .arg(key,
                            v.isString() ? QStringLiteral("is empty")
                                         : QStringLiteral("must be a string"),
                            what));
        return fallback;
    }
    return v.toString();
}

QJsonArray ParamReader::array(const QString &key)
{
    const QJsonValue v = take(key);
    if (v.isUndefined()) {
        missing(key, QStringLiteral("an array"));
        return {};
    }
    if (!v.isArray()) {
        mistyped(key, QStringLiteral("an array"));
        return {};
    }
    return v.toArray();
}

QJsonObject ParamReader::object(const QString &key)
{
    const QJsonValue v = take(key);
    if (v.isUndefined()) {
        missing(key, QStringLiteral("an object"));
        return {};
    }
    if (!v.isObject()) {
        mistyped(key, QStringLiteral("an object"));
        return {};
    }
    return v.toObject();
}

int64_t ParamReader::date(const QString &key)
{
    if (!has(key)) {
        take(key);
        missing(key, QStringLiteral("a date such as \"2024-01-31\""));
        return 0;
    }
    return date(key, 0);
}

int64_t ParamReader::date(const QString &key, int64_t fallback)
{
    const QJsonValue v = take(key);
    if (v.isUndefined())
        return fallback;
    const auto days = parseDate(v.toString());
    if (!v.isString() || !days) {
        mistyped(key, QStringLiteral("a date written YYYY-MM-DD, such as \"2024-01-31\""));
        return fallback;
    }
    return *days;
}

int64_t ParamReader::timestamp(const QString &key)
{
    if (!has(key)) {
        take(key);
        missing(key, QStringLiteral("a timestamp such as \"2024-01-31 08:00:00\""));
        return 0;
    }
    return timestamp(key, 0);
}

int64_t ParamReader::timestamp(const QString &key, int64_t fallback)
{
    const QJsonValue v = take(key);
    if (v.isUndefined())
        return fallback;
    const auto micros = parseTimestamp(v.toString());
    if (!v.isString() || !micros) {
        mistyped(key, QStringLiteral("a timestamp written YYYY-MM-DD HH:MM:SS, such as "
                                     "\"2024-01-31 08:00:00\""));
        return fallback;
    }
    return *micros;
}

int64_t ParamReader::duration(const QString &key)
{
    if (!has(key)) {
        take(key);
        missing(key, QStringLiteral("a duration such as \"2h\" or a number of seconds"));
        return 0;
    }
    return duration(key, 0);
}

int64_t ParamReader::duration(const QString &key, int64_t fallback)
{
    const QJsonValue v = take(key);
    if (v.isUndefined())
        return fallback;
    const auto micros = parseDuration(v);
    if (!micros) {
        mistyped(key, QStringLiteral("a duration: seconds as a number, or text such as \"90s\", "
                                     "\"15 min\", \"2h\", \"3 days\", \"1w\""));
        return fallback;
    }
    return *micros;
}

void ParamReader::requireOrdered(const QString &loKey, double lo, const QString &hiKey, double hi)
{
    if (lo > hi)
        error(hiKey, QStringLiteral("'%1' (%2) is below '%3' (%4): make '%1' at least '%3'")
                         .arg(hiKey, QString::number(hi), loKey, QString::number(lo)));
}

void ParamReader::requireRange(const QString &key, double value, double lo, double hi)
{
    if (value < lo || value > hi || std::isnan(value))
        error(key, QStringLiteral("'%1' is %2; it must be between %3 and %4")
                       .arg(key, QString::number(value), QString::number(lo), QString::number(hi)));
}

void ParamReader::rejectUnknown(const QStringList &alsoAllowed)
{
    QStringList known(m_read.cbegin(), m_read.cend());
    known += QStringList(m_asked.cbegin(), m_asked.cend());
    known += alsoAllowed;
    known.sort();
    known.removeDuplicates();
    for (auto it = m_object.constBegin(); it != m_object.constEnd(); ++it) {
        if (m_read.contains(it.key()) || alsoAllowed.contains(it.key()))
            continue;
        error(it.key(), QStringLiteral("unknown parameter '%1'; this generator takes: %2")
                            .arg(it.key(), known.join(QStringLiteral(", "))));
    }
}

void ParamReader::skipRest()
{
    for (auto it = m_object.constBegin(); it != m_object.constEnd(); ++it)
        m_read.insert(it.key());
}

int64_t daysFromCivil(int64_t y, unsigned m, unsigned d)
{
    // Howard Hinnant's days_from_civil.
    y -= m <= 2;
    const int64_t era = (y >= 0 ? y : y - 399) / 400;
    const unsigned yoe = static_cast<unsigned>(y - era * 400);
    const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + static_cast<int64_t>(doe) - 719468;
}

void civilFromDays(int64_t z, int64_t &y, unsigned &m, unsigned &d)
{
    z += 719468;
    const int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    const unsigned doe = static_cast<unsigned>(z - era * 146097);
    const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    y = static_cast<int64_t>(yoe) + era * 400;
    const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const unsigned mp = (5 * doy + 2) / 153;
    d = doy - (153 * mp + 2) / 5 + 1;
    m = mp < 10 ? mp + 3 : mp - 9;
    y += m <= 2;
}

std::optional<int64_t> ParamReader::parseDate(const QString &text)
{
    static const QRegularExpression re(QStringLiteral("^(-?\\d{4})-(\\d{2})-(\\d{2})$"));
    const auto match = re.match(text.trimmed());
    if (!match.hasMatch())
        return std::nullopt;
    const int y = match.captured(1).toInt();
    const unsigned m = match.captured(2).toUInt();
    const unsigned d = match.captured(3).toUInt();
    static const unsigned monthDays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (m < 1 || m > 12 || d < 1 || d > monthDays[m - 1])
        return std::nullopt;
    const bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    if (m == 2 && d == 29 && !leap)
        return std::nullopt;
    return daysFromCivil(y, m, d);
}

std::optional<int64_t> ParamReader::parseTimestamp(const QString &text)
{
    static const QRegularExpression re(QStringLiteral(
        "^(-?\\d{4}-\\d{2}-\\d{2})(?:[ T](\\d{2}):(\\d{2})(?::(\\d{2})(?:\\.(\\d{1,6}))?)?)?$"));
    const auto match = re.match(text.trimmed());
    if (!match.hasMatch())
        return std::nullopt;
    const auto days = parseDate(match.captured(1));
    const int h = match.captured(2).toInt();
    const int mi = match.captured(3).toInt();
    const int s = match.captured(4).toInt();
    if (!days || h > 23 || mi > 59 || s > 59)
        return std::nullopt;
    QString frac = match.captured(5);
    frac = frac.leftJustified(6, QLatin1Char('0'));
    const int64_t micros = frac.toLongLong();
    return (*days * 86400 + h * 3600 + mi * 60 + s) * int64_t(1000000) + micros;
}

std::optional<int64_t> ParamReader::parseDuration(const QJsonValue &value)
{
    if (value.isDouble())
        return static_cast<int64_t>(std::llround(value.toDouble() * 1e6));
    if (!value.isString())
        return std::nullopt;
    static const QRegularExpression re(QStringLiteral(
        "^\\s*(-?\\d+(?:\\.\\d+)?)\\s*(us|ms|s|sec|secs|seconds?|m|min|mins|minutes?|h|hours?|"
        "d|days?|w|weeks?)?\\s*$"));
    const auto match = re.match(value.toString());
    if (!match.hasMatch())
        return std::nullopt;
    const double amount = match.captured(1).toDouble();
    const QString unit = match.captured(2);
    double scale = 1e6;
    if (unit == QLatin1String("us"))
        scale = 1;
    else if (unit == QLatin1String("ms"))
        scale = 1e3;
    else if (unit.startsWith(QLatin1Char('m')))
        scale = 60e6;
    else if (unit.startsWith(QLatin1Char('h')))
        scale = 3600e6;
    else if (unit.startsWith(QLatin1Char('d')))
        scale = 86400e6;
    else if (unit.startsWith(QLatin1Char('w')))
        scale = 7 * 86400e6;
    return static_cast<int64_t>(std::llround(amount * scale));
}

} // namespace spillway
