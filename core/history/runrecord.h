#pragma once

// Run records: everything needed to compare one run with another later (what ran, with which
// settings, on which machine, how fast over time, how it ended), kept as one JSON file per run
// by RunStore. RunRecorder builds a record while a run goes: connect it to the snapshots of an
// Engine or an IngestJob, finish it with the run's result. Passwords never reach a record:
// command lines, settings, errors and verify results are masked when written.

#include "history/pipelinerecord.h"
#include "history/runassert.h"
#include "history/runsummary.h"
#include "run/metrics.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QStringList>

#include <optional>

namespace spillway {

enum class RunStatus { Ok, Failed, Cancelled };

struct MachineInfo
{
    QString hostname;
    QString os; // pretty name, e.g. "Debian GNU/Linux 12 (bookworm)"
    QString kernel;
    QString architecture;
    QString cpuModel;
    int cores = 0;
    qint64 memoryBytes = 0;

    static MachineInfo current();
    QJsonObject toJson() const;
    static MachineInfo fromJson(const QJsonObject &object);
};

struct TableRows
{
    QString name;
    uint64_t rows = 0;
    uint64_t rowsTotal = 0;
    uint64_t bytes = 0;
};

struct RunRecord
{
    static constexpr int kFormatVersion = 1;

    QString id;        // "20261125-193012-generate-ab12": sorts by start time
    QString kind;      // generate, ingest, load, verify, pipeline
    QDateTime started; // UTC
    QDateTime finished;
    RunStatus status = RunStatus::Ok;
    QString error;
    QStringList commandLine;
    QJsonObject settings;    // schema_file, schema_hash, seed, rows, workers, format, target, ...
    QString softwareVersion; // Spillway's
    QString qtVersion;
    QString serverVersion; // PostgreSQL, when the run used a server
    MachineInfo machine;
    QList<RunSample> series; // at most RunRecorder::kMaxSamples points, evenly spaced
    RunSummary summary;
    QList<TableRows> tables;
    QList<ThresholdResult> thresholds;
    QJsonObject verify; // attached by the verify command; empty when none
    // Lost connections, retries and the ledger's answers, in order (RunRecorder::kMaxEvents at
    // most; eventsDropped counts the rest).
    QList<RunEvent> events;
    int eventsDropped = 0;
    // Kind "pipeline": the user's commands, their series and output (absent in other records).
    std::optional<PipelineRecord> pipeline;

    // "ok", "failed", "cancelled", or "violated" for a run that ended well but broke a
    // threshold.
    QString statusText() const;
    bool thresholdsPassed() const;

    QJsonObject toJson() const;
    static std::optional<RunRecord> fromJson(const QJsonObject &object, QString *error);
    static QString newId(const QString &kind, const QDateTime &startedUtc);
    static QString statusName(RunStatus status);
};

class RunRecorder : public QObject
{
    Q_OBJECT

public:
    // A 10-hour run at 10 snapshots a second would keep 360,000 points; past this many the
    // series keeps every second point and samples half as often, so memory stays bounded.
    static constexpr int kMaxSamples = 2000;
    // Events kept in a record; a run that loses its connections all day keeps the first ones.
    static constexpr int kMaxEvents = 1000;

    // Starts a record now. commandLine is masked here; id empty: a new one.
    RunRecorder(const QString &kind, const QStringList &commandLine, const QString &id = {},
                QObject *parent = nullptr);

    // Records the snapshots of an Engine, an IngestJob or anything with the same signal.
    template<class Source> void attach(Source *source)
    {
        connect(source, &Source::snapshotTaken, this, &RunRecorder::addSnapshot);
    }
    void addSnapshot(const spillway::RunSnapshot &snapshot);
    // An event that no snapshot carries (a GUI run's pauses), kept like the snapshots' events.
    void addEvent(const spillway::RunEvent &event);
    // Ends the record: end time, status, error, summary and per-table rows.
    void finish(const spillway::RunResult &result);

    RunRecord &record() { return m_record; }
    const RunRecord &record() const { return m_record; }

private:
    RunRecord m_record;
    qint64 m_snapshots = 0; // snapshots seen
    qint64 m_stride = 1;    // every m_stride-th snapshot is kept
    qint64 m_retries = 0;   // retry events seen, kept or not
};

} // namespace spillway
