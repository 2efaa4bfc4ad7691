#pragma once

// Building blocks of the binary COPY encoder (binaryencoder.h): big-endian writers, PostgreSQL's
// binary numeric, and readers for the text forms PostgreSQL's input functions accept. A value
// generated as text for a typed column (a uuid column fed by a choice of strings, say) must
// reach the server as the same datum the text COPY path would have produced, so the readers
// follow int8in, float8in, numeric_in, boolin, uuid_in, byteain and the ISO forms of date_in
// and timestamp_in. Anything they do not recognise is reported rather than guessed.

#include <cstdint>
#include <cstring>
#include <optional>
#include <string_view>

namespace spillway {

// PostgreSQL counts dates and timestamps from 2000-01-01; Spillway from 1970-01-01.
constexpr int64_t kPgEpochDays = 10957;
constexpr int64_t kMicrosPerDay = 86400LL * 1000000;
constexpr int64_t kPgEpochMicros = kPgEpochDays * kMicrosPerDay;

// Worst-case bytes of a numeric field made from a Float (its fixed form can be long).
constexpr size_t kFloatNumericBound = 400;

inline char *putBE16(char *p, uint16_t v)
{
    v = __builtin_bswap16(v);
    std::memcpy(p, &v, 2);
    return p + 2;
}
inline char *putBE32(char *p, uint32_t v)
{
    v = __builtin_bswap32(v);
    std::memcpy(p, &v, 4);
    return p + 4;
}
inline char *putBE64(char *p, uint64_t v)
{
    v = __builtin_bswap64(v);
    std::memcpy(p, &v, 8);
    return p + 8;
}

// A numeric field (length word included) for unscaled * 10^-scale: base-10000 digits, most
// significant first, the decimal point between groups, trailing zero groups dropped, as
// numeric_send writes it. At most 28 bytes.
inline char *putNumeric(char *p, int64_t unscaled, int scale)
{
    static constexpr uint64_t kPad[4] = {1, 1000, 100, 10};
    const uint64_t u = unscaled < 0 ? 0 - uint64_t(unscaled) : uint64_t(unscaled);
    // Scale the value up so the point falls on a group boundary.
    const int pad = (4 - scale % 4) % 4;
    const int fractionGroups = (scale + pad) / 4;
    uint16_t groups[8];
    int n = 0;
    if (u <= UINT64_MAX / 1000) {
        for (uint64_t v = u * kPad[scale % 4]; v; v /= 10000)
            groups[n++] = uint16_t(v % 10000);
    } else {
        for (unsigned __int128 v = (unsigned __int128)u * kPad[scale % 4]; v; v /= 10000)
            groups[n++] = uint16_t(uint64_t(v % 10000));
    }
    int low = 0; // groups[0] is the least significant; zeros there are implied
    while (low < n && groups[low] == 0)
        ++low;
    const int digits = n - low;
    p = putBE32(p, uint32_t(8 + 2 * digits));
    p = putBE16(p, uint16_t(digits));
    p = putBE16(p, uint16_t(digits ? n - 1 - fractionGroups : 0));
    p = putBE16(p, unscaled < 0 && digits ? 0x4000 : 0);
    p = putBE16(p, uint16_t(scale));
    for (int i = n - 1; i >= low; --i)
        p = putBE16(p, groups[i]);
    return p;
}

// A numeric field from text as numeric_in reads it (spaces, sign, digits, point, exponent,
// NaN and infinities); nullptr when the text is not a number. Needs text.size() + 24 bytes.
char *putNumericText(char *p, std::string_view text);
// A numeric field from a Float, through the text the text encoders print for it
// (digits: fixed digits after the point, or kShortestFloat). Needs kFloatNumericBound bytes.
char *putNumericFloat(char *p, double v, int digits);

// The double a Float's text form reads back as: v itself unless it is printed with fixed digits.
double canonicalDouble(double v, int digits);
// The real (float4) that float4in makes of the Float's text form; nullopt when out of range.
std::optional<float> floatFromDouble(double v, int digits);
// The double / real float8in and float4in make of an exact decimal.
double doubleFromDecimal(int64_t unscaled, int scale);
std::optional<float> floatFromDecimal(int64_t unscaled, int scale);

std::optional<int64_t> parsePgInteger(std::string_view text);
std::optional<double> parsePgDouble(std::string_view text);
std::optional<float> parsePgFloat(std::string_view text);
std::optional<bool> parsePgBool(std::string_view text);
bool parsePgUuid(std::string_view text, uint64_t &hi, uint64_t &lo);

// ISO dates and times, plus the special words infinity, -infinity and epoch.
struct PgTimestamp
{
    int64_t micros = 0;   // since 1970-01-01, UTC when a zone was given
    bool finite = true;   // false: +/-infinity, the sign in micros
    bool hasZone = false; // an explicit zone was given (and applied)
    int32_t zoneWest = 0; // seconds west of UTC, the binary timetz zone
};
std::optional<PgTimestamp> parsePgTimestamp(std::string_view text);
// A time of day, with an optional zone: micros since midnight.
std::optional<PgTimestamp> parsePgTime(std::string_view text);

// bytea input (\x hex or escape form) decoded into out, which has room for text.size()
// bytes. Returns the decoded size, or -1 when the text is not valid bytea input.
int64_t decodeBytea(std::string_view text, char *out);

} // namespace spillway
