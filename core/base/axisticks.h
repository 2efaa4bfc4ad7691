#pragma once

// Axis ticks for every chart (designer distributions, the run dashboard, History and the HTML
// report): given a data range, round tick positions and their labels, so that axes read "0, 5M,
// 10M" rather than "5000000" or "1e+05", and time axes tick at whole seconds, minutes, days or
// months. Labels follow the printing rules of base/quantity (k/M/G for counts, KiB/MiB for
// bytes), scaled once per axis so that every label of one axis uses the same unit.
//
// Steps are 1, 2 or 5 × 10^n, except:
//   - Seconds (durations): 1/2/5 × 10^n below a second, then 1, 2, 5, 10, 15, 30 s, 1, 2, 5, 10,
//     15, 30 min, 1, 2, 3, 6, 12 h, then whole days; labels "30 s", "1:30", "1:15:00",
//     "2 h", "3 d" (as base/quantity's formatDuration writes them);
//   - Timestamp (milliseconds since the epoch, UTC): calendar steps (seconds, minutes, hours,
//     days, months, years) labelled by what the step needs ("HH:mm", "yyyy-MM-dd", "yyyy-MM",
//     "yyyy");
//   - Degrees: ... 0.1, 0.2, 0.5, 1, 2, 5, 10, 15, 30, 45, 90, labelled "52.5°".
// A range without extent (one value, or none) still gives a readable axis: 0..1 around zero, a
// little on each side of a single value. NaN and infinite bounds are ignored.

#include <QList>
#include <QString>
#include <QStringList>

namespace spillway {

enum class AxisScale {
    Number,    // any value: 0.25, 1990, 12.5k, -3M
    Count,     // whole numbers (rows, values): steps of at least 1
    Bytes,     // IEC units: 512 B, 1.5 KiB, 2 GiB
    Seconds,   // durations
    Timestamp, // milliseconds since 1970-01-01 UTC
    Degrees,   // latitude and longitude
};

enum class AxisFit {
    Widen,  // the axis grows to the ticks just outside the data (value axes starting at 0)
    Inside, // the axis keeps the data range; ticks fall inside it (histograms, scrolling time)
};

struct AxisTick
{
    double value = 0;
    QString label;
};

struct AxisTicks
{
    double minimum = 0; // the axis range to show
    double maximum = 1;
    double step = 1; // between ticks; a nominal length for calendar months and years
    QList<AxisTick> ticks;

    QStringList labels() const;
};

// About `targetTicks` ticks (at least 2) over [minimum, maximum], in either order.
AxisTicks axisTicks(double minimum, double maximum, AxisScale scale, int targetTicks = 5,
                    AxisFit fit = AxisFit::Widen);

// How many ticks fit on an axis `pixels` long when one label needs `labelPixels` (and as much
// again of free space): at least 2.
int tickTarget(double pixels, double labelPixels);

} // namespace spillway
