#pragma once

// What a run will make, before it starts: the rows of every table (after --rows and --scale;
// a child table's rows from a sample of its parents' fan-out) and the bytes the chosen target
// receives, from a sample of real rows encoded (and compressed) exactly as the run encodes
// them, extrapolated to each table's rows. RunEstimate::compute() is a pure function of
// (schema, settings); RunEstimator runs it off the GUI thread, one computation at a time.

#include "base/diagnostics.h"
#include "run/runsettings.h"
#include "schema/schema.h"

#include <QFutureWatcher>
#include <QObject>
#include <QString>

namespace spillway {

struct RunEstimate
{
    bool valid = false;   // false: the schema does not compile, or the plan refuses
    uint64_t rows = 0;    // every table's rows
    double bytes = 0;     // files: on disk (compressed); PostgreSQL: the COPY stream's bytes
    Diagnostics problems; // what the planner refuses in these settings (Plan::check)

    // "≈ 1.2M rows · ≈ 340 MiB" (formatted by base/quantity.h); empty when not valid.
    QString text() const;

    static RunEstimate compute(const Schema &schema, const RunSettings &settings);
};

class RunEstimator : public QObject
{
    Q_OBJECT

public:
    explicit RunEstimator(QObject *parent = nullptr);
    ~RunEstimator() override; // waits for a computation in progress (they are short)

    // Estimates (schema, settings) on the global pool. While one computation runs, later
    // requests are coalesced: the last one is computed next, the ones between are dropped.
    void request(const Schema &schema, const RunSettings &settings);
    bool isBusy() const { return m_busy; } // until the latest request's estimated()
    const RunEstimate &estimate() const { return m_estimate; }

signals:
    void estimated(const spillway::RunEstimate &estimate);

private:
    void startNext();

    QFutureWatcher<RunEstimate> m_watcher;
    bool m_pending = false;
    bool m_busy = false;
    Schema m_nextSchema;
    RunSettings m_nextSettings;
    RunEstimate m_estimate;
};

} // namespace spillway

Q_DECLARE_METATYPE(spillway::RunEstimate)
