#include "encode/binaryconvert.h"

#include "base/params.h"
#include "base/value.h"
#include "base/valueformat.h"

#include <charconv>
#include <cmath>
#include <limits>
#include <memory>

namespace spillway {
namespace {

constexpr double kPow10[] = {1e0,  1e1,  1e2,  1e3,  1e4,  1e5,  1e6,  1e7,  1e8,  1e9,  1e10, 1e11,
                             1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};
constexpr int kNumericMaxExponent = 1000; // numeric_in's limit on the exponent
constexpr int kNumericMaxScale = 0x3FFF;  // NUMERIC_DSCALE_MAX

inline bool isSpace(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f';
}
inline bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}
inline char lower(char c)
{
    return c >= 'A' && c <= 'Z' ? char(c - 'A' + 'a') : c;
}

std::string_view trimmed(std::string_view s)
{
    while (!s.empty() && isSpace(s.front()))
        s.remove_prefix(1);
    while (!s.empty() && isSpace(s.back()))
        s.remove_suffix(1);
    return s;
}

bool equalsNoCase(std::string_view s, std::string_view word)
{
    if (s.size() != word.size())
        return false;
    for (size_t i = 0; i < s.size(); ++i) {
        if (lower(s[i]) != word[i])
            return false;
    }
    return true;
}

int floorDiv4(int v)
{
    return v >= 0 ? v / 4 : -((3 - v) / 4);
}

char *putNumericSpecial(char *p, uint16_t sign)
{
    p = putBE32(p, 8);
    p = putBE16(p, 0);
    p = putBE16(p, 0);
    p = putBE16(p, sign);
    return putBE16(p, 0);
}

// NaN and the infinities, in the spellings numeric_in accepts; 0 when s is none of them.
uint16_t numericSpecial(std::string_view s)
{
    if (equalsNoCase(s, "nan"))
        return 0xC000;
    for (std::string_view inf : {"infinity", "+infinity", "inf", "+inf"}) {
        if (equalsNoCase(s, inf))
            return 0xD000;
    }
    if (equalsNoCase(s, "-infinity") || equalsNoCase(s, "-inf"))
        return 0xF000;
    return 0;
}

// The mantissa and exponent of a decimal number's text.
struct DecimalText
{
    bool negative = false;
    std::string_view mantissa; // digits with at most one '.'
    int fractionDigits = 0;
    int exponent = 0;
};

std::optional<DecimalText> splitDecimal(std::string_view s)
{
    DecimalText d;
    size_t i = 0;
    if (i < s.size() && (s[i] == '+' || s[i] == '-'))
        d.negative = s[i++] == '-';
    const size_t begin = i;
    bool point = false, anyDigit = false;
    for (; i < s.size(); ++i) {
        if (isDigit(s[i])) {
            anyDigit = true;
            d.fractionDigits += point;
        } else if (s[i] == '.' && !point) {
            point = true;
        } else {
            break;
        }
    }
    if (!anyDigit)
        return std::nullopt;
    d.mantissa = s.substr(begin, i - begin);
    if (i < s.size() && (s[i] == 'e' || s[i] == 'E')) {
        const auto exponent = parsePgInteger(s.substr(i + 1));
        if (!exponent || *exponent > kNumericMaxExponent || *exponent < -kNumericMaxExponent)
            return std::nullopt;
        d.exponent = int(*exponent);
        i = s.size();
    }
    if (i != s.size())
        return std::nullopt;
    return d;
}

// Writes the groups of a decimal whose first digit is nonzero: digit i has the power of ten
// e0 - i. Returns the number of groups written.
int fillGroups(std::string_view mantissa, int e0, uint16_t *groups)
{
    static constexpr uint16_t kGroupPow[4] = {1, 10, 100, 1000};
    const int weight = floorDiv4(e0);
    int e = e0, last = 0;
    for (char c : mantissa) {
        if (c == '.')
            continue;
        const int g = floorDiv4(e);
        groups[weight - g] = uint16_t(groups[weight - g] + (c - '0') * kGroupPow[e - 4 * g]);
        last = weight - g;
        --e;
    }
    return last + 1;
}

// The text of unscaled * 10^-scale for any scale (formatDecimal stops at 15 digits).
constexpr size_t kDecimalText = 300;
std::string_view decimalText(char *text, int64_t unscaled, int scale)
{
    char digits[24];
    std::string_view d(digits, size_t(formatInt(digits, unscaled) - digits));
    char *p = text;
    if (d.front() == '-') {
        *p++ = '-';
        d.remove_prefix(1);
    }
    const int whole = int(d.size()) - scale;
    if (whole <= 0) {
        *p++ = '0';
        *p++ = '.';
        for (int i = whole; i < 0; ++i)
            *p++ = '0';
    }
    for (size_t i = 0; i < d.size(); ++i) {
        if (whole > 0 && int(i) == whole)
            *p++ = '.';
        *p++ = d[i];
    }
    return std::string_view(text, size_t(p - text));
}

} // namespace

char *putNumericText(char *p, std::string_view text)
{
    const std::string_view s = trimmed(text);
    if (const uint16_t special = numericSpecial(s))
        return putNumericSpecial(p, special);
    const auto d = splitDecimal(s);
    if (!d)
        return nullptr;
    const int scale = std::max(0, d->fractionDigits - d->exponent);
    std::string_view m = d->mantissa;
    // Each leading zero dropped, before or after the point, lowers the first digit's power.
    int integerDigits = int(std::min(m.find('.'), m.size()));
    while (!m.empty() && (m.front() == '0' || m.front() == '.')) {
        integerDigits -= m.front() == '0';
        m.remove_prefix(1);
    }
    if (scale > kNumericMaxScale)
        return nullptr;
    if (m.empty()) // zero keeps its scale, nothing else
        return putNumeric(p, 0, scale);
    const int e0 = integerDigits + d->exponent - 1;
    const int weight = floorDiv4(e0);
    if (weight > INT16_MAX || weight < INT16_MIN + 2)
        return nullptr;
    uint16_t local[64] = {};
    std::unique_ptr<uint16_t[]> heap;
    uint16_t *groups = local;
    if (m.size() / 4 + 2 > 64) {
        heap.reset(new uint16_t[m.size() / 4 + 2]());
        groups = heap.get();
    }
    int n = fillGroups(m, e0, groups);
    while (n > 0 && groups[n - 1] == 0)
        --n;
    p = putBE32(p, uint32_t(8 + 2 * n));
    p = putBE16(p, uint16_t(n));
    p = putBE16(p, uint16_t(weight));
    p = putBE16(p, d->negative ? 0x4000 : 0);
    p = putBE16(p, uint16_t(scale));
    for (int i = 0; i < n; ++i)
        p = putBE16(p, groups[i]);
    return p;
}

char *putNumericFloat(char *p, double v, int digits)
{
    if (std::isnan(v))
        return putNumericSpecial(p, 0xC000);
    if (std::isinf(v))
        return putNumericSpecial(p, v > 0 ? 0xD000 : 0xF000);
    char text[kFloatNumericBound];
    const auto r =
        digits < 0 || digits == kShortestFloat
            ? std::to_chars(text, text + sizeof text, v)
            : std::to_chars(text, text + sizeof text, v, std::chars_format::fixed, digits);
    if (r.ec != std::errc())
        return nullptr;
    return putNumericText(p, std::string_view(text, size_t(r.ptr - text)));
}

double canonicalDouble(double v, int digits)
{
    if (digits < 0 || digits == kShortestFloat || !std::isfinite(v))
        return v;
    // Fast exact case: v already is the double nearest to n / 10^digits.
    if (digits <= 15 && std::fabs(v) * kPow10[digits] < 0x1p52) {
        const double n = std::nearbyint(v * kPow10[digits]);
        if (n / kPow10[digits] == v)
            return v;
    }
    char text[kFloatNumericBound];
    const auto r = std::to_chars(text, text + sizeof text, v, std::chars_format::fixed, digits);
    if (r.ec != std::errc())
        return v;
    double back = v;
    std::from_chars(text, r.ptr, back);
    return back;
}

std::optional<float> floatFromDouble(double v, int digits)
{
    if (!std::isfinite(v))
        return float(v);
    const bool shortest = digits < 0 || digits == kShortestFloat;
    const float f = float(v);
    if (shortest && std::isfinite(f) && (f != 0 || v == 0)) {
        // float(v) is what float4in makes of v's shortest text unless v lies within one of
        // its own ulps of a midpoint between two reals; then go through the text.
        const double ulp = std::nextafter(v, HUGE_VAL) - v;
        const double down = (double(f) + double(std::nextafter(f, -HUGE_VALF))) / 2;
        const double up = (double(f) + double(std::nextafter(f, HUGE_VALF))) / 2;
        if (std::fabs(v - down) > 2 * ulp && std::fabs(v - up) > 2 * ulp)
            return f;
    }
    char text[kFloatNumericBound];
    const auto r =
        shortest ? std::to_chars(text, text + sizeof text, v)
                 : std::to_chars(text, text + sizeof text, v, std::chars_format::fixed, digits);
    if (r.ec != std::errc())
        return std::nullopt;
    return parsePgFloat(std::string_view(text, size_t(r.ptr - text)));
}

double doubleFromDecimal(int64_t unscaled, int scale)
{
    const uint64_t u = unscaled < 0 ? 0 - uint64_t(unscaled) : uint64_t(unscaled);
    if (u < (1ULL << 53) && scale <= 22) {
        // Both operands exact: one correctly rounded division, as strtod would round.
        const double d = double(u) / kPow10[scale];
        return unscaled < 0 ? -d : d;
    }
    char text[kDecimalText];
    return parsePgDouble(decimalText(text, unscaled, scale)).value_or(0.0);
}

std::optional<float> floatFromDecimal(int64_t unscaled, int scale)
{
    if (scale > 200)
        return float(doubleFromDecimal(unscaled, scale)); // tiny: no double rounding issue
    char text[kDecimalText];
    return parsePgFloat(decimalText(text, unscaled, scale));
}

std::optional<int64_t> parsePgInteger(std::string_view text)
{
    const std::string_view s = trimmed(text);
    size_t i = 0;
    const bool negative = i < s.size() && s[i] == '-';
    if (i < s.size() && (s[i] == '-' || s[i] == '+'))
        ++i;
    if (i == s.size())
        return std::nullopt;
    uint64_t v = 0;
    for (; i < s.size(); ++i) {
        if (!isDigit(s[i]) || v > (uint64_t(INT64_MAX) + 1 - unsigned(s[i] - '0')) / 10)
            return std::nullopt;
        v = v * 10 + unsigned(s[i] - '0');
    }
    if (!negative && v > uint64_t(INT64_MAX))
        return std::nullopt;
    return negative ? int64_t(0 - v) : int64_t(v);
}

namespace {

template<class T> std::optional<T> parseFloating(std::string_view text)
{
    std::string_view s = trimmed(text);
    bool negative = false;
    if (!s.empty() && (s.front() == '+' || s.front() == '-')) {
        negative = s.front() == '-';
        s.remove_prefix(1);
        if (!s.empty() && (s.front() == '+' || s.front() == '-'))
            return std::nullopt;
    }
    T v = 0;
    const auto r = std::from_chars(s.data(), s.data() + s.size(), v);
    if (s.empty() || r.ec != std::errc() || r.ptr != s.data() + s.size())
        return std::nullopt; // out of range too: float4in/float8in refuse over- and underflow
    return negative ? -v : v;
}

} // namespace

std::optional<double> parsePgDouble(std::string_view text)
{
    return parseFloating<double>(text);
}
std::optional<float> parsePgFloat(std::string_view text)
{
    return parseFloating<float>(text);
}

std::optional<bool> parsePgBool(std::string_view text)
{
    const std::string_view s = trimmed(text);
    auto prefixOf = [&](std::string_view word, size_t minimum) {
        return s.size() >= minimum && s.size() <= word.size() &&
               equalsNoCase(s, word.substr(0, s.size()));
    };
    if (prefixOf("true", 1) || prefixOf("yes", 1) || prefixOf("on", 2) || s == "1")
        return true;
    if (prefixOf("false", 1) || prefixOf("no", 1) || prefixOf("off", 2) || s == "0")
        return false;
    return std::nullopt;
}

bool parsePgUuid(std::string_view s, uint64_t &hi, uint64_t &lo)
{
    auto hex = [](char c) {
        c = lower(c);
        return isDigit(c) ? c - '0' : (c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1);
    };
    size_t i = 0;
    const bool braces = !s.empty() && s[0] == '{';
    i += braces;
    uint64_t word[2] = {0, 0};
    for (int byte = 0; byte < 16; ++byte) {
        if (i + 2 > s.size() || hex(s[i]) < 0 || hex(s[i + 1]) < 0)
            return false;
        word[byte / 8] = word[byte / 8] << 8 | uint64_t(hex(s[i]) << 4 | hex(s[i + 1]));
        i += 2;
        // uuid_in allows a hyphen after any group of four digits.
        if (i < s.size() && s[i] == '-' && byte % 2 == 1 && byte < 15)
            ++i;
    }
    if (braces && (i >= s.size() || s[i++] != '}'))
        return false;
    if (i != s.size())
        return false;
    hi = word[0];
    lo = word[1];
    return true;
}

namespace {

// Reads 1..maxDigits digits at s[i], advancing i.
bool readNumber(std::string_view s, size_t &i, int minDigits, int maxDigits, int64_t &v)
{
    v = 0;
    int n = 0;
    while (i < s.size() && isDigit(s[i]) && n < maxDigits) {
        v = v * 10 + (s[i++] - '0');
        ++n;
    }
    return n >= minDigits && (i == s.size() || !isDigit(s[i]));
}

// HH:MM[:SS[.ffffff]] at s[i]. More than six fraction digits are refused rather than rounded
// in a way that might differ from the server's rounding.
bool readTimeOfDay(std::string_view s, size_t &i, int64_t &micros)
{
    int64_t h = 0, m = 0, sec = 0, frac = 0;
    if (!readNumber(s, i, 1, 2, h) || i >= s.size() || s[i++] != ':' || !readNumber(s, i, 2, 2, m))
        return false;
    if (i < s.size() && s[i] == ':') {
        ++i;
        if (!readNumber(s, i, 2, 2, sec))
            return false;
        if (i < s.size() && s[i] == '.') {
            int digits = 0;
            for (++i; i < s.size() && isDigit(s[i]); ++i, ++digits) {
                if (digits < 6)
                    frac = frac * 10 + (s[i] - '0');
                else if (s[i] != '0')
                    return false;
            }
            for (; digits < 6; ++digits)
                frac *= 10;
        }
    }
    micros = ((h * 60 + m) * 60 + sec) * 1000000 + frac;
    return m < 60 && sec < 60 && micros <= kMicrosPerDay;
}

// An optional zone at s[i]: Z, UTC, GMT or +HH[[:]MM[[:]SS]], after optional spaces.
bool readZone(std::string_view s, size_t &i, PgTimestamp &t)
{
    while (i < s.size() && s[i] == ' ')
        ++i;
    if (i == s.size())
        return true;
    const std::string_view rest = s.substr(i);
    if (equalsNoCase(rest, "z") || equalsNoCase(rest, "utc") || equalsNoCase(rest, "gmt")) {
        t.hasZone = true;
        i = s.size();
        return true;
    }
    if (s[i] != '+' && s[i] != '-')
        return false;
    const int sign = s[i++] == '-' ? -1 : 1;
    int64_t h = 0, m = 0, sec = 0;
    const size_t start = i;
    int64_t run = 0;
    readNumber(s, i, 0, 6, run);
    switch (i - start) {
    case 1:
    case 2: // H, HH, HH:MM, HH:MM:SS
        h = run;
        if (i < s.size() && s[i] == ':' && !readNumber(s, ++i, 2, 2, m))
            return false;
        if (i < s.size() && s[i] == ':' && !readNumber(s, ++i, 2, 2, sec))
            return false;
        break;
    case 4: // HHMM
        h = run / 100;
        m = run % 100;
        break;
    case 6: // HHMMSS
        h = run / 10000;
        m = run / 100 % 100;
        sec = run % 100;
        break;
    default:
        return false;
    }
    if (i != s.size() || h > 15 || m > 59 || sec > 59)
        return false;
    t.hasZone = true;
    t.zoneWest = int32_t(-sign * (h * 3600 + m * 60 + sec));
    return true;
}

std::optional<PgTimestamp> specialTimestamp(std::string_view s)
{
    PgTimestamp t;
    if (equalsNoCase(s, "epoch"))
        return t;
    t.finite = false;
    if (equalsNoCase(s, "infinity") || equalsNoCase(s, "+infinity")) {
        t.micros = INT64_MAX;
        return t;
    }
    if (equalsNoCase(s, "-infinity")) {
        t.micros = INT64_MIN;
        return t;
    }
    return std::nullopt;
}

} // namespace

std::optional<PgTimestamp> parsePgTimestamp(std::string_view text)
{
    const std::string_view s = trimmed(text);
    if (const auto special = specialTimestamp(s))
        return special;
    size_t i = 0;
    int64_t y = 0, m = 0, d = 0;
    if (!readNumber(s, i, 4, 7, y) || i >= s.size() || s[i++] != '-' ||
        !readNumber(s, i, 1, 2, m) || i >= s.size() || s[i++] != '-' || !readNumber(s, i, 1, 2, d))
        return std::nullopt;
    static constexpr int kMonthDays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    const bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    if (m < 1 || m > 12 || d < 1 || d > kMonthDays[m - 1] || (m == 2 && d == 29 && !leap))
        return std::nullopt;
    PgTimestamp t;
    t.micros = daysFromCivil(y, unsigned(m), unsigned(d)) * kMicrosPerDay;
    if (i == s.size())
        return t;
    if (s[i] != ' ' && s[i] != 'T')
        return std::nullopt;
    while (++i < s.size() && s[i] == ' ') {
    }
    int64_t micros = 0;
    if (!readTimeOfDay(s, i, micros) || !readZone(s, i, t))
        return std::nullopt;
    t.micros += micros;
    return t;
}

std::optional<PgTimestamp> parsePgTime(std::string_view text)
{
    const std::string_view s = trimmed(text);
    size_t i = 0;
    PgTimestamp t;
    if (!readTimeOfDay(s, i, t.micros) || !readZone(s, i, t))
        return std::nullopt;
    return t;
}

int64_t decodeBytea(std::string_view s, char *out)
{
    char *p = out;
    if (s.size() >= 2 && s[0] == '\\' && s[1] == 'x') {
        auto hex = [](char c) {
            c = lower(c);
            return isDigit(c) ? c - '0' : (c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1);
        };
        for (size_t i = 2; i < s.size();) {
            if (s[i] == ' ' || s[i] == '\n' || s[i] == '\t' || s[i] == '\r') {
                ++i;
                continue;
            }
            if (i + 1 >= s.size() || hex(s[i]) < 0 || hex(s[i + 1]) < 0)
                return -1;
            *p++ = char(hex(s[i]) << 4 | hex(s[i + 1]));
            i += 2;
        }
        return p - out;
    }
    for (size_t i = 0; i < s.size();) {
        if (s[i] != '\\') {
            *p++ = s[i++];
        } else if (i + 3 < s.size() && s[i + 1] >= '0' && s[i + 1] <= '3' && s[i + 2] >= '0' &&
                   s[i + 2] <= '7' && s[i + 3] >= '0' && s[i + 3] <= '7') {
            *p++ = char((s[i + 1] - '0') << 6 | (s[i + 2] - '0') << 3 | (s[i + 3] - '0'));
            i += 4;
        } else if (i + 1 < s.size() && s[i + 1] == '\\') {
            *p++ = '\\';
            i += 2;
        } else {
            return -1;
        }
    }
    return p - out;
}

} // namespace spillway
