#pragma once

// Run records made the way the CLI makes them (RunRecorder fed snapshots), for the report and
// history tests.

#include "history/runassert.h"
#include "history/runrecord.h"

#include <cmath>

namespace spillway::test {

struct RunShape
{
    QString id;
    QString kind = QStringLiteral("ingest");
    QString schemaName = QStringLiteral("shop");
    QDateTime started = QDateTime(QDate(2026, 1, 10), QTime(9, 0), Qt::UTC);
    double rowsPerSecond = 50000;
    int samples = 40;
    bool commits = true; // an ingest measures commit latency and server figures
    int workers = 2;
};

inline RunRecord makeRun(const RunShape &shape)
{
    RunRecorder recorder(
        shape.kind,
        {QStringLiteral("spillway-cli"), shape.kind, QStringLiteral("example:ecommerce")},
        shape.id);
    RunRecord &r = recorder.record();
    r.settings.insert(QStringLiteral("schema_name"), shape.schemaName);
    r.settings.insert(QStringLiteral("workers"), shape.workers);
    if (shape.commits)
        r.serverVersion = QStringLiteral("15.6");
    RunSnapshot s;
    for (int i = 1; i <= shape.samples; ++i) {
        s.elapsedSeconds = i * 0.5;
        s.rowsPerSecond = shape.rowsPerSecond * (1 + 0.1 * std::sin(i / 3.0));
        s.bytesPerSecond = s.rowsPerSecond * 120;
        s.rowsDone = uint64_t(shape.rowsPerSecond * s.elapsedSeconds);
        s.rowsTotal = uint64_t(shape.rowsPerSecond * shape.samples * 0.5);
        s.bytesDone = s.rowsDone * 120;
        s.meanRowsPerSecond = shape.rowsPerSecond;
        s.meanBytesPerSecond = shape.rowsPerSecond * 120;
        if (shape.commits) {
            s.commitLatency = {i, 20.0 + i, 40.0 + i % 7, 60.0, 80.0};
            s.hasServerSample = i > 2;
            s.server.tuplesInsertedPerSecond = s.rowsPerSecond * 0.98;
            s.server.walBytesPerSecond = s.bytesPerSecond * 1.3;
        }
        recorder.addSnapshot(s);
    }
    RunResult result;
    result.ok = true;
    result.last = s;
    result.last.rowsDone = s.rowsTotal;
    result.last.tables = {{QStringLiteral("orders"), s.rowsTotal / 2, s.rowsTotal / 2, 1000},
                          {QStringLiteral("order_lines"), s.rowsTotal / 2, s.rowsTotal / 2, 2000}};
    recorder.finish(result);
    r.started = shape.started;
    r.finished = shape.started.addSecs(shape.samples / 2);
    if (auto t = Threshold::parse(QStringLiteral("rows_per_s>=1000"), nullptr))
        r.thresholds.append(evaluate(*t, r.summary));
    return r;
}

} // namespace spillway::test
