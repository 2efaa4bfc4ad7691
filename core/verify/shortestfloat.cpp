#include "verify/shortestfloat.h"

#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <limits>

namespace spillway {
namespace {

// mantissa * 10^exponent10, with the number of digits to_chars gave the mantissa.
struct Decimal
{
    uint64_t mantissa = 0;
    int exponent10 = 0; // of the last digit
    int digits = 0;
};

// Reads to_chars' scientific form: d[.ddd]e[+-]XX.
Decimal parseScientific(const char *begin, const char *end)
{
    Decimal d;
    const char *p = begin;
    if (*p == '-')
        ++p;
    for (; p < end && *p != 'e'; ++p) {
        if (*p == '.')
            continue;
        d.mantissa = d.mantissa * 10 + uint64_t(*p - '0');
        ++d.digits;
    }
    int exponent = 0;
    std::from_chars(p + 1 + (p[1] == '+'), end, exponent);
    d.exponent10 = exponent - (d.digits - 1);
    return d;
}

uint64_t pow5(int n)
{
    uint64_t r = 1;
    while (n-- > 0)
        r *= 5;
    return r;
}

// Whether mantissa * 10^exponent10 equals odd * 2^exponent2 exactly.
bool equalsDyadic(const Decimal &d, uint64_t odd, int exponent2)
{
    if (d.mantissa == 0)
        return false;
    uint64_t m = d.mantissa;
    int twos = 0;
    for (; (m & 1) == 0; m >>= 1)
        ++twos;
    // 10^k = 2^k * 5^k: the powers of five must make up (or divide out of) the odd parts.
    const int k = d.exponent10;
    if (k >= 0) {
        if (k > 27)
            return false;
        return static_cast<unsigned __int128>(m) * pow5(k) == odd && twos + k == exponent2;
    }
    if (-k > 27 || m % pow5(-k) != 0)
        return false;
    return m / pow5(-k) == odd && twos + k == exponent2;
}

template<class T> struct Bits;
template<> struct Bits<double>
{
    using Word = uint64_t;
    static constexpr int kFraction = 52;
    static constexpr int kBias = 1075; // exponent bias plus the fraction bits
    static constexpr int kMaxDigits = 17;
    static constexpr int kFixedLimit = 15;
};
template<> struct Bits<float>
{
    using Word = uint32_t;
    static constexpr int kFraction = 23;
    static constexpr int kBias = 150;
    static constexpr int kMaxDigits = 9;
    static constexpr int kFixedLimit = 6;
};

// Whether a decimal lies exactly on a boundary of v's rounding interval (v finite, > 0).
template<class T> bool onBoundary(T v, const Decimal &d)
{
    typename Bits<T>::Word word;
    std::memcpy(&word, &v, sizeof v);
    const uint64_t fraction = word & ((typename Bits<T>::Word(1) << Bits<T>::kFraction) - 1);
    const int biased = int(word >> Bits<T>::kFraction);
    const uint64_t m2 = biased ? fraction | (uint64_t(1) << Bits<T>::kFraction) : fraction;
    const int e2 = (biased ? biased : 1) - Bits<T>::kBias;
    if (equalsDyadic(d, 2 * m2 + 1, e2 - 1)) // halfway up
        return true;
    // Halfway down; the gap below a power of two is half as wide.
    if (fraction == 0 && biased > 1)
        return equalsDyadic(d, 4 * m2 - 1, e2 - 2);
    return equalsDyadic(d, 2 * m2 - 1, e2 - 1);
}

template<class T> Decimal toDecimal(T v, int precision)
{
    char text[64];
    const auto r =
        precision < 0
            ? std::to_chars(text, text + sizeof text, v, std::chars_format::scientific)
            : std::to_chars(text, text + sizeof text, v, std::chars_format::scientific, precision);
    return parseScientific(text, r.ptr);
}

// Whether the decimal reads back as v and is not halfway between v and a neighbour.
template<class T> bool strictlyInside(T v, const Decimal &d)
{
    char text[48];
    char *p = std::to_chars(text, text + 24, d.mantissa).ptr;
    *p++ = 'e';
    p = std::to_chars(p, text + sizeof text, d.exponent10).ptr;
    T back = 0;
    std::from_chars(text, p, back);
    return back == v && !onBoundary(v, d);
}

// PostgreSQL's shortest decimal of a finite v > 0.
template<class T> Decimal shortest(T v)
{
    const Decimal d = toDecimal(v, -1);
    if (!onBoundary(v, d))
        return d;
    for (int digits = d.digits; digits <= Bits<T>::kMaxDigits; ++digits) {
        const Decimal nearest = toDecimal(v, digits - 1);
        Decimal best;
        long double bestDistance = std::numeric_limits<long double>::infinity();
        for (int step = -1; step <= 1; ++step) {
            Decimal c = nearest;
            c.mantissa += uint64_t(int64_t(step));
            if (c.mantissa == 0 || !strictlyInside(v, c))
                continue;
            const long double distance =
                std::fabs(static_cast<long double>(c.mantissa) *
                              std::pow(10.0L, static_cast<long double>(c.exponent10)) -
                          static_cast<long double>(v));
            if (distance < bestDistance)
                best = c, bestDistance = distance;
        }
        if (best.mantissa)
            return best;
    }
    return d;
}

// Lays digits out as float8out does: 0.000ddd, ddd.ddd, ddd000 or d.ddde+XX.
char *layout(char *p, const Decimal &d, int fixedLimit)
{
    char digits[24];
    const int n = int(std::to_chars(digits, digits + sizeof digits, d.mantissa).ptr - digits);
    const int exponent = d.exponent10 + n - 1; // of the first digit
    if (exponent >= -4 && exponent < fixedLimit) {
        const int before = exponent + 1; // digits before the point
        if (before <= 0) {
            *p++ = '0';
            *p++ = '.';
            for (int i = before; i < 0; ++i)
                *p++ = '0';
            std::memcpy(p, digits, size_t(n));
            return p + n;
        }
        if (before < n) {
            std::memcpy(p, digits, size_t(before));
            p[before] = '.';
            std::memcpy(p + before + 1, digits + before, size_t(n - before));
            return p + n + 1;
        }
        std::memcpy(p, digits, size_t(n));
        std::memset(p + n, '0', size_t(before - n));
        return p + before;
    }
    *p++ = digits[0];
    if (n > 1) {
        *p++ = '.';
        std::memcpy(p, digits + 1, size_t(n - 1));
        p += n - 1;
    }
    *p++ = 'e';
    *p++ = exponent < 0 ? '-' : '+';
    const int e = std::abs(exponent);
    if (e < 10)
        *p++ = '0';
    return std::to_chars(p, p + 4, e).ptr;
}

template<class T> char *format(char *p, T v)
{
    if (std::isnan(v)) {
        std::memcpy(p, "NaN", 3);
        return p + 3;
    }
    if (std::signbit(v))
        *p++ = '-';
    if (std::isinf(v)) {
        std::memcpy(p, "Infinity", 8);
        return p + 8;
    }
    if (v == 0) {
        *p = '0';
        return p + 1;
    }
    return layout(p, shortest(std::fabs(v)), Bits<T>::kFixedLimit);
}

} // namespace

char *formatPgDouble(char *p, double v)
{
    return format(p, v);
}

char *formatPgReal(char *p, float v)
{
    return format(p, v);
}

} // namespace spillway
