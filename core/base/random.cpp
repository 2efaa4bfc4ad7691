#include "base/random.h"

#include <algorithm>

namespace spillway {

Permutation::Permutation(uint64_t n, uint64_t key)
    : m_n(n)
{
    int bits = 2;
    while (bits < 64 && (uint64_t(1) << bits) < n)
        ++bits;
    bits += bits & 1;
    m_halfBits = bits / 2;
    m_halfMask = m_halfBits >= 64 ? ~uint64_t(0) : (uint64_t(1) << m_halfBits) - 1;
    for (int r = 0; r < 4; ++r)
        m_keys[r] = combineKey(key, 0xFE15E1ULL + r);
}

uint64_t Permutation::encrypt(uint64_t x) const
{
    uint64_t left = x >> m_halfBits;
    uint64_t right = x & m_halfMask;
    for (int r = 0; r < 4; ++r) {
        const uint64_t next = left ^ round(right, r);
        left = right;
        right = next;
    }
    return (left << m_halfBits) | right;
}

uint64_t Permutation::decrypt(uint64_t y) const
{
    uint64_t left = y >> m_halfBits;
    uint64_t right = y & m_halfMask;
    for (int r = 3; r >= 0; --r) {
        const uint64_t prev = right ^ round(left, r);
        right = left;
        left = prev;
    }
    return (left << m_halfBits) | right;
}

uint64_t Permutation::map(uint64_t x) const
{
    // Cycle walking ends only for x in [0, n) (x's own cycle leads back into the range): an x
    // outside, which a checked plan never asks for, is folded in rather than walked forever.
    if (m_n == 0)
        return 0;
    if (x >= m_n)
        x %= m_n;
    // The Feistel domain is at most 4n, so this loops about twice on average.
    uint64_t y = encrypt(x);
    while (y >= m_n)
        y = encrypt(y);
    return y;
}

uint64_t Permutation::unmap(uint64_t y) const
{
    if (m_n == 0)
        return 0;
    if (y >= m_n)
        y %= m_n;
    uint64_t x = decrypt(y);
    while (x >= m_n)
        x = decrypt(x);
    return x;
}

namespace {

double expm1OverX(double x)
{
    return std::abs(x) > 1e-8 ? std::expm1(x) / x : 1.0 + x * 0.5 * (1.0 + x / 3.0);
}

double log1pOverX(double x)
{
    return std::abs(x) > 1e-8 ? std::log1p(x) / x : 1.0 - x * (0.5 - x / 3.0);
}

} // namespace

ZipfSampler::ZipfSampler(uint64_t n, double s)
    : m_n(std::max<uint64_t>(n, 1))
    , m_s(s)
{
    m_hIntegralX1 = hIntegral(1.5) - 1.0;
    m_hIntegralN = hIntegral(static_cast<double>(m_n) + 0.5);
    m_sConst = 2.0 - hIntegralInverse(hIntegral(2.5) - h(2.0));
    if (m_n <= kTableRanks) {
        std::vector<double> weights(m_n);
        for (uint64_t k = 0; k < m_n; ++k)
            weights[k] = h(double(k + 1));
        m_table = std::make_shared<const AliasTable>(weights);
    }
}

double ZipfSampler::h(double x) const
{
    return std::exp(-m_s * std::log(x));
}

double ZipfSampler::hInverse(double x) const
{
    return std::exp(-std::log(x) / m_s);
}

double ZipfSampler::hIntegral(double x) const
{
    const double logX = std::log(x);
    return expm1OverX((1.0 - m_s) * logX) * logX;
}

double ZipfSampler::hIntegralInverse(double x) const
{
    double t = x * (1.0 - m_s);
    if (t < -1.0)
        t = -1.0;
    return std::exp(log1pOverX(t) * x);
}

uint64_t ZipfSampler::sampleByRejection(const RandomStream &rng, uint64_t row, uint32_t k0) const
{
    for (uint32_t attempt = 0;; ++attempt) {
        const double u =
            m_hIntegralN + rng.unit(row, k0 + attempt) * (m_hIntegralX1 - m_hIntegralN);
        const double x = hIntegralInverse(u);
        double kd = std::floor(x + 0.5);
        kd = std::clamp(kd, 1.0, static_cast<double>(m_n));
        const auto k = static_cast<uint64_t>(kd);
        if (kd - x <= m_sConst || u >= hIntegral(kd + 0.5) - h(kd) || attempt > 64)
            return k;
    }
}

} // namespace spillway
