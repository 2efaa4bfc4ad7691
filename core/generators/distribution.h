#pragma once

// The shape of a value within a range, shared by the numeric and temporal generators:
// uniform, normal (bell around a mean) or exponential (most values near one end).

#include "base/params.h"
#include "base/random.h"

#include <algorithm>
#include <cmath>

namespace spillway {

class Spread
{
public:
    enum class Shape { Uniform, Normal, Exponential };

    // Reads "distribution" and its parameters ("mean", "stddev", "from" for exponential) for
    // values in [lo, hi]. Means and deviations are in the same unit as lo and hi.
    // With durationUnit > 0 (temporal values held in steps of that many microseconds), mean and
    // stddev are durations: "36h", "3 days" or seconds.
    // With numberScale, mean and stddev given in user units are multiplied into the units of
    // lo and hi (decimals are held unscaled: 12.34 with scale 2 is 1234).
    static Spread read(ParamReader &params, double lo, double hi, int64_t durationUnit = 0,
                       double numberScale = 1.0);

    Shape shape() const { return m_shape; }
    bool isUniform() const { return m_shape == Shape::Uniform; }

    // A real value in [lo, hi] (uses draws k and k + 1).
    double sample(const RandomStream &rng, uint64_t row, uint32_t k) const
    {
        switch (m_shape) {
        case Shape::Uniform:
            return m_lo + rng.unit(row, k) * (m_hi - m_lo);
        case Shape::Normal:
            return std::clamp(m_mean + m_stddev * standardNormal(rng, row, k), m_lo, m_hi);
        case Shape::Exponential: {
            // Truncated exponential by inversion, so no value is piled up on the far end.
            const double u = rng.unit(row, k);
            const double x = -m_mean * std::log(1.0 - u * m_truncation);
            return m_fromHigh ? std::max(m_lo, m_hi - x) : std::min(m_hi, m_lo + x);
        }
        }
        return m_lo;
    }
    // An integer in [lo, hi]; uniform is exact (no rounding bias at the ends).
    int64_t sampleInt(const RandomStream &rng, uint64_t row, uint32_t k) const
    {
        if (m_shape == Shape::Uniform)
            return int64_t(m_loInt + rng.below(row, m_spanInt, k));
        const double v = std::floor(sample(rng, row, k) + 0.5);
        return std::clamp<int64_t>(int64_t(v), int64_t(m_loInt), int64_t(m_loInt + m_spanInt - 1));
    }

private:
    Shape m_shape = Shape::Uniform;
    double m_lo = 0, m_hi = 0, m_mean = 0, m_stddev = 1, m_truncation = 1;
    bool m_fromHigh = false;
    uint64_t m_loInt = 0, m_spanInt = 1;
};

} // namespace spillway
