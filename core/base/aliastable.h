#pragma once

#include <cmath>
#include <cstdint>
#include <vector>

namespace spillway {

// Walker's alias method (Vose's construction): one draw picks a slot and, from the same
// draw's remaining bits, either the slot's own value or its alias. O(1) per value.
class AliasTable
{
public:
    explicit AliasTable(const std::vector<double> &weights)
        : m_slots(weights.size())
    {
        const size_t n = weights.size();
        double sum = 0;
        for (double w : weights)
            sum += w;
        std::vector<double> p(n);
        std::vector<uint32_t> small, large;
        for (size_t i = 0; i < n; ++i) {
            p[i] = weights[i] * double(n) / sum;
            (p[i] < 1.0 ? small : large).push_back(uint32_t(i));
        }
        while (!small.empty() && !large.empty()) {
            const uint32_t s = small.back();
            const uint32_t l = large.back();
            small.pop_back();
            large.pop_back();
            m_slots[s] = {uint64_t(std::ldexp(p[s], 64)), l};
            p[l] = (p[l] + p[s]) - 1.0;
            (p[l] < 1.0 ? small : large).push_back(l);
        }
        // What is left is full up to rounding: such a slot always keeps its own value.
        for (const auto &rest : {small, large}) {
            for (uint32_t i : rest)
                m_slots[i] = {~uint64_t(0), i};
        }
    }

    uint32_t sample(uint64_t draw) const
    {
        const unsigned __int128 p = static_cast<unsigned __int128>(draw) * m_slots.size();
        const auto index = uint32_t(p >> 64);
        const Slot &slot = m_slots[index];
        // A select, not a branch: the outcome is random, so a branch would mispredict often.
        const uint32_t own = -uint32_t(static_cast<uint64_t>(p) < slot.threshold);
        return (index & own) | (slot.alias & ~own);
    }

private:
    struct Slot
    {
        uint64_t threshold; // keep the slot's own value when the remaining bits are below this
        uint32_t alias;
    };
    std::vector<Slot> m_slots;
};

} // namespace spillway
