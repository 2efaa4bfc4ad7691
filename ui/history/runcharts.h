#pragma once

// Qt Charts of recorded runs for the history page: throughput over time with its mean, commit
// latency and the server's signals, and two runs' throughput overlaid. Colors come from the
// palette so that the charts follow a light or a dark theme.

#include "history/runrecord.h"

class QChart;
class QPalette;

namespace spillway {

// Rows/s (left axis) and MB/s (right axis) over time, each with its mean as a dashed line.
QChart *createThroughputChart(const RunRecord &run, const QPalette &palette);
// p95 commit latency over time; nullptr when the run measured none (a file run).
QChart *createLatencyChart(const RunRecord &run, const QPalette &palette);
// Server tuples inserted/s and WAL MB/s; nullptr when the run sampled no server.
QChart *createServerChart(const RunRecord &run, const QPalette &palette);
// Pipeline runs (RunRecord::pipeline), nullptr for other runs: rows/s into each target table
// (one series per table); each command's CPU % (left) and resident memory (right, dashed); the
// database's sessions (active, idle in transaction, waiting, blocked) and WAL MB/s.
QChart *createPipelineTablesChart(const RunRecord &run, const QPalette &palette);
QChart *createPipelineCommandsChart(const RunRecord &run, const QPalette &palette);
QChart *createPipelineDatabaseChart(const RunRecord &run, const QPalette &palette);
// Rows/s of a and b overlaid, named "A …" and "B …".
QChart *createCompareChart(const RunRecord &a, const RunRecord &b, const QPalette &palette);

} // namespace spillway
