#pragma once

// Fast text forms of values, as PostgreSQL prints and parses them: integers, exact decimals,
// floats (shortest round-trip), dates, times, timestamps, UUIDs. Each writes at `p` and returns
// the end; callers reserve kMaxScalarText bytes first. Used by every text encoder and template.

#include "value.h"

#include <cstdint>

namespace spillway {

constexpr size_t kMaxScalarText = 48;

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
