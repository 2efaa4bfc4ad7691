#pragma once

// The pipeline part of a run record (kind "pipeline", RunRecord::pipeline): the user's commands
// and how they ended, per iteration (--repeat) with the median and spread, each command's
// process-tree series, each target table's rows/s, the database's series, a sessions summary,
// the output lines (up to a bound; the complete log is the sibling file logFile) and what the
// measurement cost. PipelineRecorder builds it from the samples and lines as they come.

#include "run/pipelinemetrics.h"

#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace spillway {

class RunSummary;

// How one command ended (CommandOutcome in core/pipeline, as the record keeps it).
struct PipelineCommandRecord
{
    QString name;
    QString commandLine; // masked
    int exitCode = -1;
    int signal = 0;
    bool timedOut = false;
    bool stopped = false; // cancelled or stopped by the timeout
    double seconds = 0;
    QString error; // could not start: what and why

    bool succeeded() const { return error.isEmpty() && !timedOut && signal == 0 && exitCode == 0; }
    QString statusText() const; // "exit 0", "exit 3", "signal 9", "timed out", "did not start"
    QJsonObject toJson() const;
    static PipelineCommandRecord fromJson(const QJsonObject &object);
};

struct PipelineIterationRecord
{
    double seconds = 0;
    double rows = 0; // inserted into the target tables
    double rowsPerSecond = 0;
    QList<PipelineCommandRecord> commands;
    bool hasBefore = false;
    PipelineCommandRecord before;
    bool verified = false;
    bool verifyOk = false;
    QString verifyError;

    QJsonObject toJson() const;
    static PipelineIterationRecord fromJson(const QJsonObject &object);
};

struct Spread
{
    double median = 0;
    double min = 0;
    double max = 0;
    static Spread of(QList<double> values); // zeros when empty
    QJsonObject toJson() const;
    static Spread fromJson(const QJsonObject &object);
};

// One point of a series, the figures named by the series' columns.
struct SeriesPoint
{
    double elapsedSeconds = 0; // since the first iteration's commands started
    QList<double> values;
};

// A time series with named columns ("cpu_percent", "rss_mb", ...), at most kMaxPoints points.
struct PipelineSeries
{
    QString name; // the command's or the table's name; "database"
    QStringList columns;
    QList<SeriesPoint> points;

    QList<double> column(const QString &name) const;
    QJsonObject toJson() const;
    static PipelineSeries fromJson(const QJsonObject &object);
};

// Sessions over the run: peaks and the most frequent wait events.
struct SessionTotals
{
    QString name; // a command's name, or "others"
    int peakSessions = 0;
    int peakActive = 0;
    int peakWaiting = 0;
    int peakBlocked = 0;
    int peakIdleInTransaction = 0;
    QStringList waitEvents; // "Lock:relation ×12" (samples that saw it), most frequent first

    QJsonObject toJson() const;
    static SessionTotals fromJson(const QJsonObject &object);
};

struct PipelineLogEntry
{
    int iteration = 0;
    PipelineLogLine line;
};

struct PipelineRecord
{
    QList<PipelineCommandRecord> commands; // the last iteration's outcomes
    QString beforeCommand;                 // masked; empty: none
    QList<PipelineIterationRecord> iterations;
    Spread durationSeconds;
    Spread rowsPerSecond;
    QStringList targetTables;
    QList<PipelineSeries> commandSeries; // per command: cpu_percent, rss_mb, read_mb, write_mb
    QList<PipelineSeries> tableSeries;   // per target table: inserts_per_s, updates_per_s, ...
    PipelineSeries databaseSeries;       // wal_mb_per_s, sessions, active, waiting, blocked, ...
    QList<SessionTotals> sessions;       // per command, then "others"
    QList<PipelineLogEntry> log;         // the first and the last lines, kMaxLogLines at most
    qint64 logLines = 0;                 // lines written in all
    QString logFile;                     // the complete log (a sibling of the record)
    double samplingCpuSeconds = 0;       // Spillway's own CPU while the commands ran
    double wallSeconds = 0;              // the commands' time, every iteration
    QString filesDirectory;
    bool reusedFiles = false;
    QString manifestPath;

    static constexpr int kMaxPoints = 2000;
    static constexpr int kMaxLogLines = 4000;

    double samplingOverheadPercent() const; // of one core
    // Whether the record kept every line (else lines between the first and the last half were
    // left out, see logFile).
    bool logComplete() const { return logLines <= log.size(); }
    double peakRssBytes(int command) const;
    double meanCpuPercent(int command) const;
    // duration_s, rows_per_s (medians), max_rss_mb, cpu_percent for --assert and compare.
    void addSummary(RunSummary &summary) const;

    QJsonObject toJson() const;
    static PipelineRecord fromJson(const QJsonObject &object);
};

// Builds a PipelineRecord while the pipeline runs. Plain calls from the job's thread.
class PipelineRecorder
{
public:
    void start(const QStringList &names, const QStringList &commandLines,
               const QString &beforeCommand, const QStringList &targetTables);
    void setIteration(int iteration, double offsetSeconds);
    void addSample(const PipelineSample &sample);
    void addLine(const PipelineLogLine &line);
    void addIteration(const PipelineIterationRecord &iteration);
    // Appends the last lines kept apart while the log was longer than the bound.
    void finish();

    PipelineRecord &record() { return m_record; }
    const PipelineRecord &record() const { return m_record; }

private:
    void append(PipelineSeries &series, double elapsed, const QList<double> &values);
    void addSessions(const DatabaseSample &sample);

    PipelineRecord m_record;
    int m_iteration = 0;
    double m_offset = 0;
    qint64 m_samples = 0;
    qint64 m_stride = 1;
    QList<QHash<QString, int>> m_waitCounts;
    QList<PipelineLogEntry> m_tail; // the last lines, kMaxLogLines / 2 at most
};

} // namespace spillway
