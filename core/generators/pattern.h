#pragma once

// Text from a regular expression: parses a practical subset (literals, escapes, classes,
// quantifiers, alternation, groups) into a flat program that writes random matching strings and,
// when every string has exactly one derivation, enumerates them by index so that `unique`
// columns can be drawn from a permutation instead of a set of seen values.

#include "base/random.h"
#include "base/value.h"

#include <QString>

#include <cstdint>
#include <cstring>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace spillway {

// Many small random choices from few 64-bit draws: a draw is read as a binary fraction, each
// choice multiplies it by its range and keeps the remainder, and a fresh draw is taken once
// fewer than kMarginBits of precision would be left (so a choice's bias stays below 2^-20).
// Choices are a pure function of (stream, row, first draw, sequence of ranges).
class EntropyPool
{
public:
    EntropyPool(const RandomStream &rng, uint64_t row, uint32_t firstDraw = 0)
        : m_rng(rng)
        , m_row(row)
        , m_next(firstDraw)
    {}

    // Uniform in [0, n); n >= 1.
    uint64_t below(uint64_t n)
    {
        if (n <= 1)
            return 0;
        const int bits = 64 - __builtin_clzll(n - 1);
        if (m_bits < bits + kMarginBits) {
            m_x = m_rng.draw(m_row, m_next++);
            m_bits = 64;
        }
        const unsigned __int128 p = static_cast<unsigned __int128>(m_x) * n;
        m_x = static_cast<uint64_t>(p);
        m_bits -= bits;
        return static_cast<uint64_t>(p >> 64);
    }

private:
    static constexpr int kMarginBits = 20;
    RandomStream m_rng;
    uint64_t m_row;
    uint32_t m_next;
    int m_bits = 0;
    uint64_t m_x = 0;
};

// Copies text into the arena (Arena::copy with copyShort).
inline std::string_view copyToArena(Arena &arena, const char *text, size_t n)
{
    char *out = arena.allocate(n);
    copyShort(out, text, n);
    return {out, n};
}

// Where pattern text goes: TextCounter measures it, TextWriter writes it.
// putPadded(s, n), for n <= 16, moves 16 bytes at once: s must have 16 readable bytes and the
// destination 16 spare bytes past the end of the text.
struct TextCounter
{
    size_t length = 0;
    void put(char) { ++length; }
    void put(const char *, size_t n) { length += n; }
    void putPadded(const char *, size_t n) { length += n; }
};

struct TextWriter
{
    char *at;
    void put(char c) { *at++ = c; }
    void put(const char *s, size_t n)
    {
        copyShort(at, s, n);
        at += n;
    }
    void putPadded(const char *s, size_t n)
    {
        std::memcpy(at, s, 16);
        at += n;
    }
};

// Division by a count fixed at compile time, with a multiply: with m = floor((2^64 - 1) / d),
// floor(n * m / 2^64) is the quotient or one less, and one comparison corrects it. (Enumeration
// divides by the same counts on every row; a hardware division costs tens of cycles.) A
// saturated count (Pattern::kInfinite) takes the whole of n.
struct Divisor
{
    uint64_t d = 1;
    uint64_t m = ~uint64_t(0);

    Divisor() = default;
    explicit Divisor(uint64_t divisor)
        : d(divisor)
        , m(~uint64_t(0) / divisor)
    {}
    // Returns n / d and sets remainder to n % d.
    uint64_t divide(uint64_t n, uint64_t &remainder) const
    {
        if (d == ~uint64_t(0)) {
            remainder = n;
            return 0;
        }
        uint64_t q = uint64_t((static_cast<unsigned __int128>(n) * m) >> 64);
        remainder = n - q * d;
        if (remainder >= d) {
            ++q;
            remainder -= d;
        }
        return q;
    }
};

struct PatternParseResult;

class Pattern
{
public:
    static constexpr int kDefaultMaxRepeat = 8;
    static constexpr uint32_t kMaxRepeatCount = 10000;    // largest explicit {n,m} bound
    static constexpr size_t kMaxLength = size_t(1) << 20; // longest string a pattern may make
    static constexpr int kMaxDepth = 50;                  // nesting of groups
    static constexpr uint64_t kInfinite = ~uint64_t(0);   // a saturated count: 2^64 - 1 or more
    static uint64_t saturatingMul(uint64_t a, uint64_t b)
    {
        return a != 0 && b != 0 && a > kInfinite / b ? kInfinite : a * b;
    }

    // `maxRepeat` bounds the open quantifiers: * is {0,maxRepeat}, + is {1,maxRepeat},
    // {n,} is {n,max(n,maxRepeat)}.
    static PatternParseResult parse(const QString &text, int maxRepeat = kDefaultMaxRepeat);

    // Longest string in bytes (UTF-8).
    size_t maxLength() const { return m_maxLength; }
    // True when enumerate() is injective: every index below cardinality() gives another string.
    // The rule is conservative: a sequence may hold at most one part of varying length (its
    // total length then places every part); a part repeated a varying number of times needs a
    // fixed, non-zero length; alternatives need fixed lengths, and two of equal length must
    // differ in the characters allowed at some position. So "a|a", "a?a?" and "(a|ab)(c|bc)"
    // cannot be unique, while "[A-Z]{3}\d{2,4}" and "(Mr|Mrs|Ms) [A-Z]" can.
    bool canEnumerate() const { return m_injective; }
    // Number of distinct strings, saturated at UINT64_MAX; only when canEnumerate().
    std::optional<uint64_t> cardinality() const;

    // Draws a run of n digits ("\\d{n}", "[0-9]{n}") as one number below 10^n (up to 12 digits
    // a draw) instead of digit by digit: the same strings, twice as fast or more for long runs,
    // but other draws, so not for patterns whose generated bytes are pinned (the pattern
    // generator). Used for the dictionaries' postal codes, phone numbers and IBANs.
    void setDigitRuns(bool on) { m_digitRuns = on; }

    // Write at out, which holds maxLength() bytes, and return the length.
    size_t generate(const RandomStream &rng, uint64_t row, char *out) const;
    size_t enumerate(uint64_t index, char *out) const;
    // The same, stored in the arena with no allocation beyond the string itself.
    std::string_view generate(const RandomStream &rng, uint64_t row, Arena &arena) const;
    std::string_view enumerate(uint64_t index, Arena &arena) const;

private:
    friend class PatternBuilder;
    static constexpr size_t kStackLength = 1024;

    enum class Kind : uint8_t { Literal, Class, Group };
    // One quantified atom. Literal/Class: bytes [begin, begin+size) of m_bytes;
    // Group: alternatives are m_seqs[begin .. begin+size).
    struct Node
    {
        Kind kind;
        uint32_t min;
        uint32_t max;
        uint32_t begin;
        uint32_t size;
    };
    struct Seq
    {
        uint32_t begin; // nodes [begin, begin+size) of m_nodes
        uint32_t size;
    };

    template<class Out> Out generateInto(const RandomStream &rng, uint64_t row, Out out) const;
    template<class Out> static Out putDigitRun(EntropyPool &pool, uint32_t count, Out out);
    template<class Out> Out enumerateSeq(uint32_t seq, uint64_t index, Out out) const;
    template<class Out> Out enumerateNode(uint32_t node, uint64_t index, Out out) const;
    template<class Out> Out enumerateAtom(uint32_t node, uint64_t digit, Out out) const;

    std::vector<Node> m_nodes;
    std::vector<Seq> m_seqs; // m_seqs[0] is the whole pattern
    std::string m_bytes;
    // Distinct strings (saturating; UINT64_MAX stands for "at least 2^64 - 1").
    std::vector<Divisor> m_atomCard; // per node, one repetition
    std::vector<Divisor> m_nodeCard; // per node, all repetitions
    std::vector<uint64_t> m_seqCard;
    bool m_injective = false;
    bool m_fixedLength = false; // all strings are m_maxLength bytes long
    bool m_digitRuns = false;   // see setDigitRuns()
    size_t m_maxLength = 0;
};

struct PatternParseResult
{
    std::optional<Pattern> pattern;
    QString error;   // what is wrong, where (1-based character) and what to do
    int offset = -1; // 0-based character offset of the problem
};

// The hot path lives here so that a generator's batch loop can inline it.
// An explicit stack rather than recursion, and the tables' addresses in locals: the pool, the
// output position and the current sequence then stay in registers. (Reached through memory,
// they would be reloaded after every byte written, since a char store may alias anything.)
template<class Out>
inline Out Pattern::generateInto(const RandomStream &rng, uint64_t row, Out out) const
{
    struct Frame // where to resume after a group's alternative, and its repetitions left
    {
        uint32_t at, end, group, left;
    };
    Frame stack[kMaxDepth + 2];
    int top = 0;
    const Node *nodes = m_nodes.data();
    const Seq *seqs = m_seqs.data();
    const char *allBytes = m_bytes.data();
    EntropyPool pool(rng, row);
    uint32_t at = seqs[0].begin;
    uint32_t end = at + seqs[0].size;
    for (;;) {
        if (at == end) { // a sequence is done: repeat or leave the group it was chosen for
            if (top == 0)
                break;
            Frame &f = stack[top - 1];
            if (f.left == 0) {
                at = f.at;
                end = f.end;
                --top;
                continue;
            }
            --f.left;
            const Node &g = nodes[f.group];
            const Seq alt = seqs[g.begin + pool.below(g.size)];
            at = alt.begin;
            end = alt.begin + alt.size;
            continue;
        }
        const uint32_t index = at++;
        const Node n = nodes[index];
        const auto reps = n.min == n.max ? n.min : n.min + uint32_t(pool.below(n.max - n.min + 1));
        const char *bytes = allBytes + n.begin;
        if (n.kind == Kind::Literal) {
            for (uint32_t r = 0; r < reps; ++r)
                out.put(bytes, n.size);
        } else if (n.kind == Kind::Class) {
            if (m_digitRuns && reps > 1 && n.size == 10 && bytes[0] == '0' && bytes[9] == '9') {
                out = putDigitRun(pool, reps, out);
                continue;
            }
            for (uint32_t r = 0; r < reps; ++r)
                out.put(bytes[pool.below(n.size)]);
        } else if (reps > 0) {
            stack[top++] = {at, end, index, reps - 1};
            const Seq alt = seqs[n.begin + pool.below(n.size)];
            at = alt.begin;
            end = alt.begin + alt.size;
        }
    }
    return out;
}

template<class Out> inline Out Pattern::putDigitRun(EntropyPool &pool, uint32_t count, Out out)
{
    while (count > 0) {
        const uint32_t k = std::min<uint32_t>(count, 12); // 10^12 < 2^40: fits a draw's margin
        uint64_t v = pool.below(kPowersOf10[k]);
        char digits[16];
        for (uint32_t j = k; j > 0; --j) {
            digits[j - 1] = char('0' + v % 10);
            v /= 10;
        }
        // Byte by byte: a wide read of bytes just stored one at a time would stall.
        for (uint32_t j = 0; j < k; ++j)
            out.put(digits[j]);
        count -= k;
    }
    return out;
}

// Mixed-radix decoding: each node takes index % (its cardinality) and passes the quotient on;
// a saturated (infinite) cardinality takes the whole remaining index.
template<class Out> inline Out Pattern::enumerateSeq(uint32_t seq, uint64_t index, Out out) const
{
    const Seq s = m_seqs[seq];
    for (uint32_t i = s.begin; i < s.begin + s.size; ++i) {
        uint64_t digit = index;
        index = m_nodeCard[i].divide(index, digit);
        out = enumerateNode(i, digit, out);
    }
    return out;
}

template<class Out> inline Out Pattern::enumerateNode(uint32_t node, uint64_t index, Out out) const
{
    const Node &n = m_nodes[node];
    const Divisor &c = m_atomCard[node];
    uint32_t reps = n.min;
    if (n.min != n.max) {
        uint64_t count = 1; // strings with exactly `reps` repetitions: c^reps
        for (uint32_t r = 0; r < n.min; ++r)
            count = saturatingMul(count, c.d);
        while (reps < n.max && index >= count) {
            index -= count;
            ++reps;
            count = saturatingMul(count, c.d);
        }
    }
    for (uint32_t r = 0; r < reps; ++r) {
        uint64_t digit = index;
        index = c.divide(index, digit);
        out = enumerateAtom(node, digit, out);
    }
    return out;
}

template<class Out> inline Out Pattern::enumerateAtom(uint32_t node, uint64_t digit, Out out) const
{
    const Node &n = m_nodes[node];
    switch (n.kind) {
    case Kind::Literal:
        out.put(m_bytes.data() + n.begin, n.size);
        break;
    case Kind::Class:
        out.put(m_bytes[n.begin + digit]);
        break;
    case Kind::Group:
        for (uint32_t a = n.begin; a < n.begin + n.size; ++a) {
            if (digit < m_seqCard[a] || a + 1 == n.begin + n.size)
                return enumerateSeq(a, digit, out);
            digit -= m_seqCard[a];
        }
        break;
    }
    return out;
}

inline size_t Pattern::generate(const RandomStream &rng, uint64_t row, char *out) const
{
    return size_t(generateInto(rng, row, TextWriter{out}).at - out);
}

inline size_t Pattern::enumerate(uint64_t index, char *out) const
{
    return size_t(enumerateSeq(0, index, TextWriter{out}).at - out);
}

inline std::string_view Pattern::generate(const RandomStream &rng, uint64_t row, Arena &arena) const
{
    if (m_fixedLength) { // every string has this length: write in place
        char *out = arena.allocate(m_maxLength);
        return {out, generate(rng, row, out)};
    }
    if (m_maxLength <= kStackLength) // in place, the unused end given back
        return arena.write(m_maxLength, [&](char *out) { return generate(rng, row, out); });
    // Long strings: measure, then write in place; the draws replay identically.
    const size_t length = generateInto(rng, row, TextCounter{}).length;
    char *out = arena.allocate(length);
    return {out, generate(rng, row, out)};
}

inline std::string_view Pattern::enumerate(uint64_t index, Arena &arena) const
{
    if (m_fixedLength) {
        char *out = arena.allocate(m_maxLength);
        return {out, enumerate(index, out)};
    }
    if (m_maxLength <= kStackLength)
        return arena.write(m_maxLength, [&](char *out) { return enumerate(index, out); });
    char *out = arena.allocate(enumerateSeq(0, index, TextCounter{}).length);
    return {out, enumerate(index, out)};
}

} // namespace spillway
