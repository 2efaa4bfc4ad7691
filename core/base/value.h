#pragma once

// One generated value, typed the way PostgreSQL will store it. Values are plain data: text
// points into the batch's arena, so a batch of rows costs no allocation per value.

#include <cstdint>
#include <cstring>
#include <memory>
#include <string_view>
#include <vector>

namespace spillway {

enum class ValueKind : uint8_t {
    Null,
    Bool,        // i: 0 or 1
    Int,         // i
    Float,       // f; scale = digits after the point, or 255 for shortest round-trip form
    Decimal,     // i: unscaled value; scale: digits after the point
    Date,        // i: days since 1970-01-01
    Time,        // i: microseconds since midnight
    Timestamp,   // i: microseconds since 1970-01-01 00:00:00 (no time zone)
    TimestampTz, // i: microseconds since 1970-01-01 00:00:00 UTC; u: the zone's offset east of
                 // UTC in seconds (as int64), used only to print the local time
    Uuid,        // i, u: high and low 64 bits
    Text,        // text, len (UTF-8); scale kJsonText when the text is a JSON document
};

constexpr uint8_t kShortestFloat = 255;

// 10^0 .. 10^19, for decimal scales and digit runs.
constexpr uint64_t kPowersOf10[20] = {1ULL,
                                      10ULL,
                                      100ULL,
                                      1000ULL,
                                      10000ULL,
                                      100000ULL,
                                      1000000ULL,
                                      10000000ULL,
                                      100000000ULL,
                                      1000000000ULL,
                                      10000000000ULL,
                                      100000000000ULL,
                                      1000000000000ULL,
                                      10000000000000ULL,
                                      100000000000000ULL,
                                      1000000000000000ULL,
                                      10000000000000000ULL,
                                      100000000000000000ULL,
                                      1000000000000000000ULL,
                                      10000000000000000000ULL};
constexpr uint8_t kJsonText = 1; // Text whose bytes are JSON: JSON Lines embeds it as is

struct Value
{
    ValueKind kind = ValueKind::Null;
    uint8_t scale = 0;
    uint32_t len = 0;
    union {
        int64_t i = 0;
        double f;
    };
    union {
        uint64_t u = 0;
        const char *text;
    };

    // User-provided, so that `static const Value null;` compiles with clang 15 too (it does
    // not count the unions' member initializers as making the type const-default-constructible).
    constexpr Value() noexcept {}

    static Value null() { return Value{}; }
    static Value boolean(bool b) { return make(ValueKind::Bool, b ? 1 : 0); }
    static Value integer(int64_t v) { return make(ValueKind::Int, v); }
    static Value date(int64_t days) { return make(ValueKind::Date, days); }
    static Value time(int64_t micros) { return make(ValueKind::Time, micros); }
    static Value timestamp(int64_t micros) { return make(ValueKind::Timestamp, micros); }
    static Value timestampTz(int64_t utcMicros, int32_t offsetSeconds)
    {
        Value v = make(ValueKind::TimestampTz, utcMicros);
        v.u = uint64_t(int64_t(offsetSeconds));
        return v;
    }
    static Value json(std::string_view s)
    {
        Value v = string(s);
        v.scale = kJsonText;
        return v;
    }
    static Value decimal(int64_t unscaled, uint8_t scale)
    {
        Value v = make(ValueKind::Decimal, unscaled);
        v.scale = scale;
        return v;
    }
    static Value real(double d, uint8_t scale = kShortestFloat)
    {
        Value v;
        v.kind = ValueKind::Float;
        v.scale = scale;
        v.f = d;
        return v;
    }
    static Value uuid(uint64_t hi, uint64_t lo)
    {
        Value v = make(ValueKind::Uuid, static_cast<int64_t>(hi));
        v.u = lo;
        return v;
    }
    static Value string(std::string_view s)
    {
        Value v;
        v.kind = ValueKind::Text;
        v.text = s.data();
        v.len = static_cast<uint32_t>(s.size());
        return v;
    }

    bool isNull() const { return kind == ValueKind::Null; }
    bool isJson() const { return kind == ValueKind::Text && scale == kJsonText; }
    int32_t zoneOffset() const { return int32_t(int64_t(u)); }
    std::string_view view() const { return {text, len}; }

private:
    static Value make(ValueKind k, int64_t v)
    {
        Value r;
        r.kind = k;
        r.i = v;
        return r;
    }
};

// Stores v field by field. A Value built piece by piece on the stack and then copied whole is
// read back with wider loads than it was written with, which stalls store forwarding on every
// value; hot batch loops store through this instead.
inline void putValue(Value *dst, const Value &v)
{
    dst->kind = v.kind;
    dst->scale = v.scale;
    dst->len = v.len;
    dst->i = v.i;
    dst->u = v.u;
}

// n copies of v, copied once into registers first (see putValue).
inline void fillValues(Value *dst, size_t n, const Value &v)
{
    const ValueKind kind = v.kind;
    const uint8_t scale = v.scale;
    const uint32_t len = v.len;
    const int64_t i = v.i;
    const uint64_t u = v.u;
    for (size_t k = 0; k < n; ++k) {
        dst[k].kind = kind;
        dst[k].scale = scale;
        dst[k].len = len;
        dst[k].i = i;
        dst[k].u = u;
    }
}

// Copies a short run of bytes with a few fixed-size moves instead of a call to memcpy: words
// and pattern pieces are mostly under 32 bytes, and the call dominated their cost.
inline void copyShort(char *dst, const char *src, size_t n)
{
    if (n > 32) {
        std::memcpy(dst, src, n);
    } else if (n > 16) {
        char head[16], tail[16];
        std::memcpy(head, src, 16);
        std::memcpy(tail, src + n - 16, 16);
        std::memcpy(dst, head, 16);
        std::memcpy(dst + n - 16, tail, 16);
    } else if (n >= 8) {
        uint64_t head, tail;
        std::memcpy(&head, src, 8);
        std::memcpy(&tail, src + n - 8, 8);
        std::memcpy(dst, &head, 8);
        std::memcpy(dst + n - 8, &tail, 8);
    } else if (n >= 4) {
        uint32_t head, tail;
        std::memcpy(&head, src, 4);
        std::memcpy(&tail, src + n - 4, 4);
        std::memcpy(dst, &head, 4);
        std::memcpy(dst + n - 4, &tail, 4);
    } else if (n > 0) {
        dst[0] = src[0];
        dst[n / 2] = src[n / 2];
        dst[n - 1] = src[n - 1];
    }
}

// Bump allocator for the text of one batch. Blocks never move, so views stay valid until
// reset(); reset() keeps the first block for reuse.
class Arena
{
public:
    explicit Arena(size_t blockSize = 64 * 1024)
        : m_blockSize(blockSize)
    {}

    char *allocate(size_t n)
    {
        if (m_used + n > m_capacity)
            grow(n);
        char *p = m_current + m_used;
        m_used += n;
        return p;
    }
    std::string_view copy(std::string_view s)
    {
        char *p = allocate(s.size());
        copyShort(p, s.data(), s.size());
        return {p, s.size()};
    }
    // Text of at most `bound` bytes written in place: write(char *) returns the length, and
    // the unused end of the room is given back.
    template<class Write> std::string_view write(size_t bound, const Write &write)
    {
        char *p = allocate(bound);
        const size_t n = write(p);
        m_used -= bound - n;
        return {p, n};
    }
    void reset();

private:
    void grow(size_t atLeast);

    size_t m_blockSize;
    std::vector<std::unique_ptr<char[]>> m_blocks;
    size_t m_blockIndex = 0;
    char *m_current = nullptr;
    size_t m_used = 0;
    size_t m_capacity = 0;
};

} // namespace spillway
