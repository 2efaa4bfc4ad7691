// The values of the expression language: exact decimal helpers, comparisons and the
// conversions that casts and column reads share.

#include "generators/expressioneval.h"

#include "generators/textrender.h"

#include <cmath>
#include <cstdio>

namespace spillway {

i128 decimalPow10(int n)
{
    if (n >= 0 && n < 20)
        return i128(kPowersOf10[n]);
    i128 p = i128(kPowersOf10[19]);
    for (int i = 19; i < n; ++i)
        p *= 10;
    return p;
}

// Rounds half away from zero, as PostgreSQL's numeric does; 64-bit division when it fits
// (a 128-bit division is a slow library call).
i128 roundDiv(i128 num, i128 den)
{
    if (den < 0) {
        num = -num;
        den = -den;
    }
    if (num >= -i128(INT64_MAX) && num <= i128(INT64_MAX) && den <= i128(INT64_MAX)) {
        const int64_t n = int64_t(num), d = int64_t(den);
        const int64_t q = n / d, r = n % d;
        if (uint64_t(r < 0 ? -r : r) >= uint64_t(d) - uint64_t(r < 0 ? -r : r))
            return n < 0 ? q - 1 : q + 1;
        return q;
    }
    const i128 q = num / den;
    const i128 r = num % den;
    if (2 * (r < 0 ? -r : r) >= den)
        return num < 0 ? q - 1 : q + 1;
    return q;
}

i128 intervalKey(const Value &v)
{
    return i128(v.i) + i128(int64_t(v.u)) * 30 * kMicrosPerDayExpr;
}

// v / 10^k rounded half away from zero; the usual k are constants, so the compiler divides
// by multiplying.
template<int64_t D> int64_t roundDivBy(int64_t v)
{
    const int64_t q = v / D, r = v % D;
    const int64_t ar = r < 0 ? -r : r;
    return 2 * ar >= D ? (v < 0 ? q - 1 : q + 1) : q;
}

int64_t roundToPow10(int64_t v, int k)
{
    switch (k) {
    case 1:
        return roundDivBy<10>(v);
    case 2:
        return roundDivBy<100>(v);
    case 3:
        return roundDivBy<1000>(v);
    case 4:
        return roundDivBy<10000>(v);
    case 5:
        return roundDivBy<100000>(v);
    case 6:
        return roundDivBy<1000000>(v);
    default: {
        const int64_t d = int64_t(kPowersOf10[k]);
        const int64_t q = v / d, r = v % d;
        const uint64_t ar = uint64_t(r < 0 ? -r : r);
        return ar >= uint64_t(d) - ar ? (v < 0 ? q - 1 : q + 1) : q;
    }
    }
}

int compareAs(ExprType type, const Value &a, const Value &b)
{
    switch (type) {
    case ExprType::Decimal: {
        const int s = std::max(a.scale, b.scale);
        const i128 l = i128(a.i) * decimalPow10(s - a.scale);
        const i128 r = i128(b.i) * decimalPow10(s - b.scale);
        return l < r ? -1 : l > r ? 1 : 0;
    }
    case ExprType::Float:
        return a.f < b.f ? -1 : a.f > b.f ? 1 : 0;
    case ExprType::Text: {
        const int c = std::memcmp(a.text, b.text, std::min(a.len, b.len));
        return c != 0 ? (c < 0 ? -1 : 1) : a.len < b.len ? -1 : a.len > b.len ? 1 : 0;
    }
    case ExprType::Interval: {
        const i128 l = intervalKey(a), r = intervalKey(b);
        return l < r ? -1 : l > r ? 1 : 0;
    }
    default:
        return a.i < b.i ? -1 : a.i > b.i ? 1 : 0;
    }
}

Value decimalRescaled(i128 unscaled, int from, int to)
{
    if (to >= from) {
        const i128 f = decimalPow10(to - from);
        if (unscaled > i128(INT64_MAX) || unscaled < i128(INT64_MIN))
            return Value::null();
        return fitDecimal(unscaled * f, to);
    }
    return fitDecimal(roundDiv(unscaled, decimalPow10(from - to)), to);
}

Value decimalFromDouble(double d, int scale)
{
    // Through 15 significant digits, as PostgreSQL converts double precision to numeric.
    if (!std::isfinite(d) || std::fabs(d) >= 9e18)
        return Value::null();
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.14e", d);
    i128 digits = 0;
    const char *p = buf + (buf[0] == '-' ? 1 : 0);
    for (; *p && *p != 'e'; ++p) {
        if (*p >= '0' && *p <= '9')
            digits = digits * 10 + (*p - '0');
    }
    const int exponent = *p == 'e' ? std::atoi(p + 1) : 0;
    if (buf[0] == '-')
        digits = -digits;
    const int ownScale = 14 - exponent; // digits * 10^-ownScale
    if (ownScale < 0)
        return decimalRescaled(digits * decimalPow10(-ownScale), 0, scale);
    if (ownScale > 36)
        return Value::decimal(0, uint8_t(scale));
    return decimalRescaled(digits, ownScale, scale);
}

namespace {

Value toInteger(const Value &v, int bits)
{
    int64_t r = v.i;
    if (v.kind == ValueKind::Decimal) {
        const i128 q = roundDiv(i128(v.i), decimalPow10(std::min<int>(v.scale, 38)));
        if (q > i128(INT64_MAX) || q < i128(INT64_MIN))
            return Value::null();
        r = int64_t(q);
    } else if (v.kind == ValueKind::Float) {
        if (!std::isfinite(v.f) || std::fabs(v.f) >= 9.2e18)
            return Value::null();
        r = int64_t(std::rint(v.f));
    }
    if (bits > 0 && bits < 64) {
        const int64_t limit = int64_t(1) << (bits - 1);
        if (r < -limit || r >= limit)
            return Value::null();
    }
    return Value::integer(r);
}

Value toDecimal(const Value &v, int scale, int precision)
{
    Value r;
    if (v.kind == ValueKind::Float)
        r = decimalFromDouble(v.f, scale >= 0 ? scale : 6);
    else if (scale >= 0 || v.scale > kMaxScale)
        r = decimalRescaled(i128(v.i), v.scale, scale >= 0 ? scale : kMaxScale);
    else
        r = Value::decimal(v.i, v.scale);
    // numeric(p,s) holds |x| < 10^(p-s); PostgreSQL refuses more, here the value is null.
    if (!r.isNull() && precision > 0 && precision <= 38) {
        const i128 bound = decimalPow10(std::min(precision, 38));
        if (i128(r.i) >= bound || -i128(r.i) >= bound)
            return Value::null();
    }
    return r;
}

double toDouble(const Value &v)
{
    if (v.kind == ValueKind::Float)
        return v.f;
    if (v.kind == ValueKind::Decimal)
        return double(v.i) / double(decimalPow10(std::min<int>(v.scale, 38)));
    return double(v.i);
}

Value toText(const Value &v, Arena &arena)
{
    if (v.kind == ValueKind::Text)
        return v;
    const std::string_view s =
        arena.write(renderedLengthBound(v), [&v](char *p) { return renderText(v, p); });
    return Value::string(s);
}

int64_t toMicros(const Value &v)
{
    return v.kind == ValueKind::Date ? v.i * kMicrosPerDayExpr : v.i;
}

} // namespace

Value convertValue(const Value &v, ExprType to, int scale, int precision, bool real, Arena &arena)
{
    if (v.isNull())
        return v;
    switch (to) {
    case ExprType::Int:
        return toInteger(v, precision);
    case ExprType::Decimal:
        return toDecimal(v, scale, precision);
    case ExprType::Float: {
        const double d = toDouble(v);
        return Value::real(real ? double(float(d)) : d);
    }
    case ExprType::Text:
        return toText(v, arena);
    case ExprType::Bool:
        return Value::boolean(v.i != 0);
    case ExprType::Date:
        return dateOrNull(v.kind == ValueKind::Date ? v.i : floorDiv(v.i, kMicrosPerDayExpr));
    case ExprType::Timestamp:
        return v.kind == ValueKind::Date && (v.i > kMaxDays || v.i < -kMaxDays)
                   ? Value::null()
                   : Value::timestamp(toMicros(v));
    case ExprType::TimestampTz:
        if (v.kind == ValueKind::Date && (v.i > kMaxDays || v.i < -kMaxDays))
            return Value::null();
        return v.kind == ValueKind::TimestampTz ? v : Value::timestampTz(toMicros(v), 0);
    default:
        return v;
    }
}

} // namespace spillway
