#pragma once

// Counter-based randomness: every random number is a pure function of a key (derived from the
// seed, table and column) and a counter (row index and draw number). Nothing carries state from
// one row to the next, which is what lets any row range be generated alone, by any worker, in any
// order, with identical bytes.

#include "base/aliastable.h"

#include <cmath>
#include <cstdint>
#include <memory>
#include <string_view>

namespace spillway {

// A strong 64-bit finaliser (the "moremur" variant of SplitMix64's mixer).
constexpr uint64_t mix64(uint64_t x)
{
    x ^= x >> 27;
    x *= 0x3C79AC492BA7B653ULL;
    x ^= x >> 33;
    x *= 0x1C69B3F74AC4AE35ULL;
    x ^= x >> 27;
    return x;
}

// FNV-1a, used only to turn names into keys (never per row).
constexpr uint64_t hashName(std::string_view s, uint64_t h = 0xCBF29CE484222325ULL)
{
    for (char c : s) {
        h ^= static_cast<unsigned char>(c);
        h *= 0x100000001B3ULL;
    }
    return h;
}

constexpr uint64_t combineKey(uint64_t a, uint64_t b)
{
    return mix64(a ^ (b + 0x9E3779B97F4A7C15ULL + (a << 6) + (a >> 2)));
}

// The random stream of one column: draw(row, k) is the k-th independent 64-bit value for a row.
class RandomStream
{
public:
    constexpr RandomStream() = default;
    constexpr explicit RandomStream(uint64_t key)
        : m_key(key)
    {}
    constexpr uint64_t key() const { return m_key; }
    constexpr RandomStream derive(uint64_t salt) const
    {
        return RandomStream(combineKey(m_key, salt));
    }

    constexpr uint64_t draw(uint64_t row, uint32_t k = 0) const
    {
        return mix64(m_key ^ mix64(row * 0x9E3779B97F4A7C15ULL + k * 0xD1B54A32D192ED03ULL + 1));
    }
    // Uniform in [0, 1) with 53 bits.
    double unit(uint64_t row, uint32_t k = 0) const
    {
        return static_cast<double>(draw(row, k) >> 11) * 0x1.0p-53;
    }
    // Uniform in (0, 1], safe for log().
    double unitOpen(uint64_t row, uint32_t k = 0) const
    {
        return (static_cast<double>(draw(row, k) >> 11) + 1.0) * 0x1.0p-53;
    }
    // Uniform integer in [0, n) (Lemire's multiply-shift; bias < n / 2^64, negligible).
    uint64_t below(uint64_t row, uint64_t n, uint32_t k = 0) const
    {
        return static_cast<uint64_t>((static_cast<unsigned __int128>(draw(row, k)) * n) >> 64);
    }

private:
    uint64_t m_key = 0;
};

// A keyed bijection of [0, n): a balanced Feistel network on the smallest even-bit domain that
// holds n, with cycle walking back into range. Gives unique values without remembering any.
class Permutation
{
public:
    Permutation() = default;
    Permutation(uint64_t n, uint64_t key);

    uint64_t size() const { return m_n; }
    // x in [0, n); larger x are folded into it (never an endless cycle walk).
    uint64_t map(uint64_t x) const;
    uint64_t unmap(uint64_t y) const;

private:
    // A light round function (one multiply): a Feistel network needs mixing, not strength.
    uint64_t round(uint64_t half, int r) const
    {
        uint64_t x = (half ^ m_keys[r]) * 0x9E3779B97F4A7C15ULL;
        x ^= x >> 31;
        return (x * 0xBF58476D1CE4E5B9ULL >> 17) & m_halfMask;
    }
    uint64_t encrypt(uint64_t x) const;
    uint64_t decrypt(uint64_t y) const;

    uint64_t m_n = 0;
    int m_halfBits = 0;
    uint64_t m_halfMask = 0;
    uint64_t m_keys[4] = {};
};

// Zipf(s) over ranks 1..n. Up to kTableRanks ranks, an alias table of the exact probabilities
// (one draw and one lookup a sample, at most 16 MB); above, rejection-inversion (Hörmann &
// Derflinger 1996): O(1) per sample for any n, so a billion-row parent table costs no table of
// weights.
class ZipfSampler
{
public:
    ZipfSampler() = default;
    ZipfSampler(uint64_t n, double s);
    // Draws a rank in [1, n] from independent uniform values taken from the stream.
    uint64_t sample(const RandomStream &rng, uint64_t row, uint32_t k0) const
    {
        if (m_table)
            return m_table->sample(rng.draw(row, k0)) + 1;
        return sampleByRejection(rng, row, k0);
    }
    uint64_t size() const { return m_n; }
    double exponent() const { return m_s; }
    bool hasTable() const { return m_table != nullptr; }

private:
    uint64_t sampleByRejection(const RandomStream &rng, uint64_t row, uint32_t k0) const;
    double h(double x) const;
    double hInverse(double x) const;
    double hIntegral(double x) const;
    double hIntegralInverse(double x) const;

    static constexpr uint64_t kTableRanks = uint64_t(1) << 20;

    uint64_t m_n = 1;
    double m_s = 1.0;
    std::shared_ptr<const AliasTable> m_table; // copies share it
    double m_hIntegralX1 = 0;
    double m_hIntegralN = 0;
    double m_sConst = 0;
};

// Standard normal from two uniforms (Box-Muller), deterministic per (row, k).
inline double standardNormal(const RandomStream &rng, uint64_t row, uint32_t k)
{
    const double u1 = rng.unitOpen(row, k);
    const double u2 = rng.unit(row, k + 1);
    return std::sqrt(-2.0 * std::log(u1)) * std::cos(6.283185307179586 * u2);
}

} // namespace spillway
