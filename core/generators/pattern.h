#pragma once

// Text from a regular expression: parses a practical subset (literals, escapes, classes,
// quantifiers, alternation, groups) into a flat program that writes random matching strings and,
// when every string has exactly one derivation, enumerates them by index so that `unique`
// columns can be drawn from a permutation instead of a set of seen values.

#include "random.h"
#include "value.h"

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

// Where pattern text goes: TextCounter measures it, TextWriter writes it.
struct TextCounter
{
    size_t length = 0;
    void put(char) { ++length; }
    void put(const char *, size_t n) { length += n; }
};

struct TextWriter
{
    char *at;
    void put(char c) { *at++ = c; }
    void put(const char *s, size_t n)
    {
        std::memcpy(at, s, n);
        at += n;
    }
};

struct PatternParseResult;

class Pattern
{
public:
    static constexpr int kDefaultMaxRepeat = 8;
    static constexpr uint32_t kMaxRepeatCount = 10000;    // largest explicit {n,m} bound
    static constexpr size_t kMaxLength = size_t(1) << 20; // longest string a pattern may make
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
    bool canEnumerate() const { return m_injective; }
    // Number of distinct strings, saturated at UINT64_MAX; only when canEnumerate().
    std::optional<uint64_t> cardinality() const;

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

    template<class Out> void generateSeq(uint32_t seq, EntropyPool &pool, Out &out) const;
    template<class Out> void enumerateSeq(uint32_t seq, uint64_t index, Out &out) const;
    template<class Out> void enumerateNode(uint32_t node, uint64_t index, Out &out) const;
    template<class Out> void enumerateAtom(uint32_t node, uint64_t digit, Out &out) const;

    std::vector<Node> m_nodes;
    std::vector<Seq> m_seqs; // m_seqs[0] is the whole pattern
    std::string m_bytes;
    // Distinct strings (saturating; UINT64_MAX stands for "at least 2^64 - 1").
    std::vector<uint64_t> m_atomCard; // per node, one repetition
    std::vector<uint64_t> m_nodeCard; // per node, all repetitions
    std::vector<uint64_t> m_seqCard;
    bool m_injective = false;
    size_t m_maxLength = 0;
};

struct PatternParseResult
{
    std::optional<Pattern> pattern;
    QString error;   // what is wrong, where (1-based character) and what to do
    int offset = -1; // 0-based character offset of the problem
};

// The hot path lives here so that a generator's batch loop can inline it.

template<class Out>
inline void Pattern::generateSeq(uint32_t seq, EntropyPool &pool, Out &out) const
{
    const Seq s = m_seqs[seq];
    for (uint32_t i = s.begin; i < s.begin + s.size; ++i) {
        const Node &n = m_nodes[i];
        const auto reps = n.min == n.max ? n.min : n.min + uint32_t(pool.below(n.max - n.min + 1));
        const char *bytes = m_bytes.data() + n.begin;
        switch (n.kind) {
        case Kind::Literal:
            for (uint32_t r = 0; r < reps; ++r)
                out.put(bytes, n.size);
            break;
        case Kind::Class:
            for (uint32_t r = 0; r < reps; ++r)
                out.put(bytes[pool.below(n.size)]);
            break;
        case Kind::Group:
            for (uint32_t r = 0; r < reps; ++r)
                generateSeq(n.begin + uint32_t(pool.below(n.size)), pool, out);
            break;
        }
    }
}

// Mixed-radix decoding: each node takes index % (its cardinality) and passes the quotient on;
// a saturated (infinite) cardinality takes the whole remaining index.
template<class Out> inline void Pattern::enumerateSeq(uint32_t seq, uint64_t index, Out &out) const
{
    const Seq s = m_seqs[seq];
    for (uint32_t i = s.begin; i < s.begin + s.size; ++i) {
        const uint64_t c = m_nodeCard[i];
        enumerateNode(i, c == kInfinite ? index : index % c, out);
        index = c == kInfinite ? 0 : index / c;
    }
}

template<class Out>
inline void Pattern::enumerateNode(uint32_t node, uint64_t index, Out &out) const
{
    const Node &n = m_nodes[node];
    const uint64_t c = m_atomCard[node];
    uint32_t reps = n.min;
    if (n.min != n.max) {
        uint64_t count = 1; // strings with exactly `reps` repetitions: c^reps
        for (uint32_t r = 0; r < n.min; ++r)
            count = saturatingMul(count, c);
        while (reps < n.max && index >= count) {
            index -= count;
            ++reps;
            count = saturatingMul(count, c);
        }
    }
    for (uint32_t r = 0; r < reps; ++r) {
        enumerateAtom(node, c == kInfinite ? index : index % c, out);
        index = c == kInfinite ? 0 : index / c;
    }
}

template<class Out>
inline void Pattern::enumerateAtom(uint32_t node, uint64_t digit, Out &out) const
{
    const Node &n = m_nodes[node];
    switch (n.kind) {
    case Kind::Literal:
        out.put(m_bytes.data() + n.begin, n.size);
        return;
    case Kind::Class:
        out.put(m_bytes[n.begin + digit]);
        return;
    case Kind::Group:
        for (uint32_t a = n.begin; a < n.begin + n.size; ++a) {
            if (digit < m_seqCard[a] || a + 1 == n.begin + n.size) {
                enumerateSeq(a, digit, out);
                return;
            }
            digit -= m_seqCard[a];
        }
        return;
    }
}

inline size_t Pattern::generate(const RandomStream &rng, uint64_t row, char *out) const
{
    EntropyPool pool(rng, row);
    TextWriter sink{out};
    generateSeq(0, pool, sink);
    return size_t(sink.at - out);
}

inline size_t Pattern::enumerate(uint64_t index, char *out) const
{
    TextWriter sink{out};
    enumerateSeq(0, index, sink);
    return size_t(sink.at - out);
}

inline std::string_view Pattern::generate(const RandomStream &rng, uint64_t row, Arena &arena) const
{
    if (m_maxLength <= kStackLength) {
        char buffer[kStackLength];
        return arena.copy({buffer, generate(rng, row, buffer)});
    }
    // Long strings: measure, then write in place; the draws replay identically.
    TextCounter counter;
    EntropyPool measure(rng, row);
    generateSeq(0, measure, counter);
    char *out = arena.allocate(counter.length);
    return {out, generate(rng, row, out)};
}

inline std::string_view Pattern::enumerate(uint64_t index, Arena &arena) const
{
    if (m_maxLength <= kStackLength) {
        char buffer[kStackLength];
        return arena.copy({buffer, enumerate(index, buffer)});
    }
    TextCounter counter;
    enumerateSeq(0, index, counter);
    char *out = arena.allocate(counter.length);
    return {out, enumerate(index, out)};
}

} // namespace spillway
