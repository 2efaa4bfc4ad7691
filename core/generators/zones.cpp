#include "generators/zones.h"

#include "base/valueformat.h"

#include <QDateTime>
#include <QRegularExpression>
#include <QTimeZone>

#include <algorithm>
#include <cstring>

namespace spillway {

namespace {

std::optional<int32_t> fixedOffset(const QString &name)
{
    if (name == QLatin1String("UTC") || name == QLatin1String("Z") || name == QLatin1String("GMT"))
        return 0;
    static const QRegularExpression re(QStringLiteral("^([+-])(\\d{2})(?::?(\\d{2}))?$"));
    const auto m = re.match(name);
    if (!m.hasMatch() || m.captured(2).toInt() > 15 || m.captured(3).toInt() > 59)
        return std::nullopt;
    const int32_t seconds = m.captured(2).toInt() * 3600 + m.captured(3).toInt() * 60;
    return m.captured(1) == QLatin1String("-") ? -seconds : seconds;
}

} // namespace

std::optional<ZoneSet> ZoneSet::create(const QStringList &names, const std::vector<double> &weights,
                                       RandomStream rng, QString *problem)
{
    ZoneSet set;
    set.m_rng = rng;
    if (names.isEmpty()) {
        *problem = QStringLiteral("'zones' needs at least one time zone, such as [\"UTC\"]");
        return std::nullopt;
    }
    const QDateTime from(QDate(1900, 1, 1), QTime(0, 0), Qt::UTC);
    const QDateTime to(QDate(2200, 1, 1), QTime(0, 0), Qt::UTC);
    for (const QString &name : names) {
        Zone zone;
        if (const auto fixed = fixedOffset(name)) {
            zone.before = *fixed;
        } else {
            const QTimeZone tz(name.toUtf8());
            if (!tz.isValid()) {
                *problem = QStringLiteral("unknown time zone '%1': use an IANA name such as "
                                          "\"Europe/Berlin\" or \"America/New_York\", \"UTC\", "
                                          "or an offset such as \"+05:30\" (the tzdata package "
                                          "provides the names)")
                               .arg(name);
                return std::nullopt;
            }
            zone.before = tz.offsetFromUtc(from);
            for (const QTimeZone::OffsetData &t : tz.transitions(from, to)) {
                zone.since.push_back(t.atUtc.toMSecsSinceEpoch() * 1000);
                zone.offsets.push_back(int32_t(t.offsetFromUtc));
            }
        }
        set.m_zones.push_back(std::move(zone));
    }
    if (set.m_zones.size() > 1)
        set.m_pick.emplace(weights);
    return set;
}

int32_t ZoneSet::offsetAt(uint64_t row, int64_t utcMicros) const
{
    const Zone &z =
        m_zones.size() == 1 ? m_zones.front() : m_zones[m_pick->sample(m_rng.draw(row))];
    const auto it = std::upper_bound(z.since.begin(), z.since.end(), utcMicros);
    return it == z.since.begin() ? z.before : z.offsets[size_t(it - z.since.begin() - 1)];
}

size_t formatInterval(int64_t micros, char *out)
{
    constexpr int64_t perDay = 86400LL * 1000000;
    const int64_t days = micros / perDay;
    const int64_t rest = micros % perDay;
    char *p = out;
    if (days) {
        p = formatInt(p, days);
        const char *unit = days == 1 ? " day" : " days";
        std::memcpy(p, unit, std::strlen(unit));
        p += std::strlen(unit);
        if (!rest)
            return size_t(p - out);
        *p++ = ' ';
    }
    p = formatTime(p, rest); // HH:MM:SS[.ffffff], as interval_out prints the time part
    return size_t(p - out);
}

size_t formatIsoInterval(int64_t micros, char *out)
{
    constexpr int64_t perSecond = 1000000;
    const int64_t days = micros / (86400 * perSecond);
    int64_t rest = micros % (86400 * perSecond);
    char *p = out;
    *p++ = 'P';
    if (days) {
        p = formatInt(p, days);
        *p++ = 'D';
    }
    if (rest || !days) {
        *p++ = 'T';
        const int64_t hours = rest / (3600 * perSecond), minutes = rest / (60 * perSecond) % 60;
        rest %= 60 * perSecond;
        if (hours) {
            p = formatInt(p, hours);
            *p++ = 'H';
        }
        if (minutes) {
            p = formatInt(p, minutes);
            *p++ = 'M';
        }
        if (rest || (!hours && !minutes)) {
            p = formatInt(p, rest / perSecond);
            if (rest % perSecond) {
                char frac[8];
                char *e = formatInt(frac, rest % perSecond + perSecond); // 1dddddd
                *p++ = '.';
                while (e > frac + 1 && e[-1] == '0')
                    --e;
                std::memcpy(p, frac + 1, size_t(e - frac - 1));
                p += e - frac - 1;
            }
            *p++ = 'S';
        }
    }
    return size_t(p - out);
}

} // namespace spillway
