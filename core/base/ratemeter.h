#pragma once

// Turns cumulative counters sampled on a timer into rates smoothed over about a second, and
// an ETA. Lives on the owner's thread; workers only bump atomics.

#include <algorithm>
#include <cstdint>

namespace spillway {

class RateMeter
{
public:
    void reset() { *this = RateMeter(); }

    void sample(double now, uint64_t rows, uint64_t bytes)
    {
        const double dt = now - m_lastTime;
        if (dt <= 0)
            return;
        const double r = double(rows - m_lastRows) / dt, b = double(bytes - m_lastBytes) / dt;
        const double alpha = std::min(1.0, dt / 1.0);
        m_rows = m_sampled ? m_rows + alpha * (r - m_rows) : r;
        m_bytes = m_sampled ? m_bytes + alpha * (b - m_bytes) : b;
        m_sampled = true;
        m_lastTime = now;
        m_lastRows = rows;
        m_lastBytes = bytes;
    }
    double rowsPerSecond() const { return m_rows; }
    double bytesPerSecond() const { return m_bytes; }
    // Seconds until `remaining` rows are done at the current rate (or `fallback` rows/s).
    double eta(uint64_t remaining, double fallback) const
    {
        const double rate = m_rows > 0 ? m_rows : fallback;
        return rate > 0 ? double(remaining) / rate : -1;
    }

private:
    bool m_sampled = false;
    double m_lastTime = 0;
    uint64_t m_lastRows = 0, m_lastBytes = 0;
    double m_rows = 0, m_bytes = 0;
};

} // namespace spillway
