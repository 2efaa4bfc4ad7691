#pragma once

// A recorded run, or two runs compared, as one self-contained HTML page: settings, summary,
// per-table rows, thresholds, the verify result and charts drawn as inline SVG. No scripts and
// no external files, so the page can be mailed, attached to a CI job or opened years later.
// Every text that comes from a record (names are free text) is escaped.

#include "history/runrecord.h"

#include <QString>

namespace spillway {

class HtmlReport
{
public:
    // One run: throughput (rows/s and MB/s with their means), commit latency p95 and server
    // tuples/s when measured, and everything else the record holds.
    static QString forRun(const RunRecord &run);
    // Run b against run a, as `runs compare` reads: throughput overlaid, summary side by side
    // with the change in percent and better/worse, and the settings that differ.
    static QString forComparison(const RunRecord &a, const RunRecord &b);
};

} // namespace spillway
