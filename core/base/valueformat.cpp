#include "base/valueformat.h"

#include "base/params.h"

#include <charconv>
#include <cstring>

namespace spillway {
namespace {

inline char *twoDigits(char *p, unsigned v)
{
    std::memcpy(p, kDigitPairs + 2 * v, 2);
    return p + 2;
}

inline int digitCount(uint64_t v)
{
    int n = 1;
    for (;;) {
        if (v < 10)
            return n;
        if (v < 100)
            return n + 1;
        if (v < 1000)
            return n + 2;
        if (v < 10000)
            return n + 3;
        v /= 10000;
        n += 4;
    }
}

// Writes the digits backwards straight into place: no temporary, no copy.
inline char *formatUnsigned(char *p, uint64_t v)
{
    const int n = digitCount(v);
    char *q = p + n;
    while (v >= 100) {
        const unsigned pair = unsigned(v % 100);
        v /= 100;
        q -= 2;
        q[0] = kDigitPairs[2 * pair];
        q[1] = kDigitPairs[2 * pair + 1];
    }
    if (v >= 10) {
        q[-2] = kDigitPairs[2 * v];
        q[-1] = kDigitPairs[2 * v + 1];
    } else {
        q[-1] = char('0' + v);
    }
    return p + n;
}

// Dates from 1900 to 2199 come from a table built once (about 1 MB, of which a run touches
// only the days in its range); others are computed.
constexpr int64_t kDateTableFirst = -25567; // 1900-01-01
constexpr int64_t kDateTableDays = 109572;  // up to 2199-12-31

struct DateTable
{
    char text[kDateTableDays][10];
    DateTable()
    {
        for (int64_t d = 0; d < kDateTableDays; ++d) {
            int64_t y = 0;
            unsigned m = 0, day = 0;
            civilFromDays(kDateTableFirst + d, y, m, day);
            char *p = text[d];
            p[0] = char('0' + y / 1000);
            p[1] = char('0' + y / 100 % 10);
            p[2] = char('0' + y / 10 % 10);
            p[3] = char('0' + y % 10);
            p[4] = '-';
            p[5] = char('0' + m / 10);
            p[6] = char('0' + m % 10);
            p[7] = '-';
            p[8] = char('0' + day / 10);
            p[9] = char('0' + day % 10);
        }
    }
};

const DateTable &dateTable()
{
    static const DateTable table;
    return table;
}

} // namespace

char *formatInt(char *p, int64_t v)
{
    if (v < 0) {
        *p++ = '-';
        return formatUnsigned(p, 0 - uint64_t(v));
    }
    return formatUnsigned(p, uint64_t(v));
}

namespace {

// Exactly n digits of v (v < 10^n) ending at `end`, two at a time.
inline void fixedDigits(char *end, uint64_t v, int n)
{
    for (; n >= 2; n -= 2) {
        end -= 2;
        std::memcpy(end, kDigitPairs + 2 * (v % 100), 2);
        v /= 100;
    }
    if (n == 1)
        end[-1] = char('0' + v);
}

template<uint64_t F> inline char *splitDecimal(char *p, uint64_t u, int scale)
{
    p = formatUnsigned(p, u / F); // a constant divisor: a multiply, not a division
    *p++ = '.';
    fixedDigits(p + scale, u % F, scale);
    return p + scale;
}

} // namespace

char *formatDecimal(char *p, int64_t unscaled, int scale)
{
    uint64_t u = unscaled < 0 ? 0 - uint64_t(unscaled) : uint64_t(unscaled);
    if (unscaled < 0)
        *p++ = '-';
    switch (scale) {
    case 1:
        return splitDecimal<10>(p, u, 1);
    case 2:
        return splitDecimal<100>(p, u, 2);
    case 3:
        return splitDecimal<1000>(p, u, 3);
    case 4:
        return splitDecimal<10000>(p, u, 4);
    case 6:
        return splitDecimal<1000000>(p, u, 6);
    default:
        break;
    }
    if (scale <= 0)
        return formatUnsigned(p, u);
    if (scale >= 20) { // u < 2^64 < 10^20: no integer digits; kPowersOf10 stops at 10^19
        *p++ = '0';
        *p++ = '.';
        std::memset(p, '0', size_t(scale - 20));
        p += scale - 20;
        fixedDigits(p + 20, u, 20);
        return p + 20;
    }
    const uint64_t f = kPowersOf10[scale];
    p = formatUnsigned(p, u / f);
    *p++ = '.';
    fixedDigits(p + scale, u % f, scale);
    return p + scale;
}

char *formatFloat(char *p, double v, int digits)
{
    char *end = p + kMaxScalarText;
    std::to_chars_result r = (digits < 0 || digits == kShortestFloat)
                                 ? std::to_chars(p, end, v)
                                 : std::to_chars(p, end, v, std::chars_format::fixed, digits);
    return r.ptr;
}

char *formatDate(char *p, int64_t days)
{
    const int64_t index = days - kDateTableFirst;
    if (index >= 0 && index < kDateTableDays) {
        std::memcpy(p, dateTable().text[index], 10);
        return p + 10;
    }
    int64_t y = 0;
    unsigned m = 0, d = 0;
    civilFromDays(days, y, m, d);
    if (y >= 1000 && y <= 9999) {
        p = twoDigits(p, unsigned(y / 100));
        p = twoDigits(p, unsigned(y % 100));
    } else {
        // PostgreSQL pads years to four digits; years before 1 are not generated.
        const uint64_t year = uint64_t(y < 0 ? -y : y);
        for (int pad = 4 - digitCount(year); pad > 0; --pad)
            *p++ = '0';
        p = formatUnsigned(p, year);
    }
    *p++ = '-';
    p = twoDigits(p, m);
    *p++ = '-';
    return twoDigits(p, d);
}

char *formatTime(char *p, int64_t micros)
{
    int64_t seconds = micros / 1000000;
    int64_t frac = micros % 1000000;
    p = twoDigits(p, unsigned(seconds / 3600));
    *p++ = ':';
    p = twoDigits(p, unsigned(seconds / 60 % 60));
    *p++ = ':';
    p = twoDigits(p, unsigned(seconds % 60));
    if (frac) {
        *p++ = '.';
        int n = 6;
        while (frac % 10 == 0) {
            frac /= 10;
            --n;
        }
        for (int i = n - 1; i >= 0; --i) {
            p[i] = char('0' + frac % 10);
            frac /= 10;
        }
        p += n;
    }
    return p;
}

char *formatTimestampTz(char *p, int64_t utcMicros, int32_t offsetSeconds)
{
    p = formatTimestamp(p, utcMicros + int64_t(offsetSeconds) * 1000000);
    const int32_t east = offsetSeconds < 0 ? -offsetSeconds : offsetSeconds;
    *p++ = offsetSeconds < 0 ? '-' : '+';
    p = twoDigits(p, unsigned(east / 3600));
    if (east % 3600) {
        *p++ = ':';
        p = twoDigits(p, unsigned(east / 60 % 60));
    }
    return p;
}

char *formatTimestamp(char *p, int64_t micros)
{
    constexpr int64_t perDay = 86400LL * 1000000;
    int64_t days = micros / perDay;
    int64_t rest = micros % perDay;
    if (rest < 0) {
        rest += perDay;
        --days;
    }
    p = formatDate(p, days);
    *p++ = ' ';
    return formatTime(p, rest);
}

char *formatUuid(char *p, uint64_t hi, uint64_t lo)
{
    static constexpr char hex[] = "0123456789abcdef";
    for (int i = 0; i < 8; ++i) {
        if (i == 4 || i == 6)
            *p++ = '-';
        const unsigned byte = unsigned(hi >> (56 - 8 * i)) & 0xFF;
        *p++ = hex[byte >> 4];
        *p++ = hex[byte & 15];
    }
    *p++ = '-';
    for (int i = 0; i < 8; ++i) {
        if (i == 2)
            *p++ = '-';
        const unsigned byte = unsigned(lo >> (56 - 8 * i)) & 0xFF;
        *p++ = hex[byte >> 4];
        *p++ = hex[byte & 15];
    }
    return p;
}

char *formatScalar(char *p, const Value &v)
{
    switch (v.kind) {
    case ValueKind::Null:
    case ValueKind::Text:
        return p;
    case ValueKind::Bool:
        std::memcpy(p, v.i ? "true" : "false", v.i ? 4 : 5);
        return p + (v.i ? 4 : 5);
    case ValueKind::Int:
        return formatInt(p, v.i);
    case ValueKind::Float:
        return formatFloat(p, v.f, v.scale);
    case ValueKind::Decimal:
        return formatDecimal(p, v.i, v.scale);
    case ValueKind::Date:
        return formatDate(p, v.i);
    case ValueKind::Time:
        return formatTime(p, v.i);
    case ValueKind::Timestamp:
        return formatTimestamp(p, v.i);
    case ValueKind::TimestampTz:
        return formatTimestampTz(p, v.i, v.zoneOffset());
    case ValueKind::Uuid:
        return formatUuid(p, uint64_t(v.i), v.u);
    }
    return p;
}

} // namespace spillway
