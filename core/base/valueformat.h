#pragma once

// Fast text forms of values, as PostgreSQL prints and parses them: integers, exact decimals,
// floats (shortest round-trip), dates, times, timestamps, UUIDs. Each writes at `p` and returns
// the end; callers reserve kMaxScalarText bytes first. Used by every text encoder and template.

#include "base/value.h"

#include <cstdint>

namespace spillway {

constexpr size_t kMaxScalarText = 48;

// "00" "01" ... "99": two digits at a time.
inline constexpr char kDigitPairs[201] =
    "00010203040506070809101112131415161718192021222324252627282930"
    "31323334353637383940414243444546474849505152535455565758596061"
    "62636465666768697071727374757677787980818283848586878889909192"
    "93949596979899";

char *formatInt(char *p, int64_t v);
char *formatDecimal(char *p, int64_t unscaled, int scale);
char *formatFloat(char *p, double v, int digits); // digits < 0 or 255: shortest form
char *formatDate(char *p, int64_t days);
char *formatTime(char *p, int64_t micros);
char *formatTimestamp(char *p, int64_t micros);
// The local time at the offset, then the offset: 2024-03-05 14:22:01+01, -03:30.
char *formatTimestampTz(char *p, int64_t utcMicros, int32_t offsetSeconds);
char *formatUuid(char *p, uint64_t hi, uint64_t lo);
// Any non-text, non-null value; text values are the caller's (they need escaping).
char *formatScalar(char *p, const Value &v);

} // namespace spillway
