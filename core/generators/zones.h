#pragma once

// Time zones for timestamptz values: each zone's UTC offsets over 1900-2200 read once from the
// system's time zone database (QTimeZone, tzdata) into a sorted table, so the offset of an
// instant is a binary search; and the text of intervals.

#include "base/aliastable.h"
#include "base/random.h"

#include <QString>
#include <QStringList>

#include <optional>
#include <vector>

namespace spillway {

class ZoneSet
{
public:
    // Zones by IANA name ("Europe/Berlin"), "UTC", or a fixed offset ("+05:30", "-03").
    static std::optional<ZoneSet> create(const QStringList &names,
                                         const std::vector<double> &weights, RandomStream rng,
                                         QString *problem);

    // The offset east of UTC, in seconds, of the row's zone at the instant.
    int32_t offsetAt(uint64_t row, int64_t utcMicros) const;

private:
    struct Zone
    {
        std::vector<int64_t> since; // UTC microseconds each offset starts at, ascending
        std::vector<int32_t> offsets;
        int32_t before = 0; // the offset before the first transition
    };
    std::vector<Zone> m_zones;
    std::optional<AliasTable> m_pick;
    RandomStream m_rng;
};

// PostgreSQL's interval output for a non-negative number of microseconds under 2^62:
// "3 days 04:05:06", "1 day", "00:00:01.5".
size_t formatInterval(int64_t micros, char *out);
// ISO 8601: "P3DT4H5M6S", "PT0S".
size_t formatIsoInterval(int64_t micros, char *out);

} // namespace spillway
