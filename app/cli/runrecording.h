#pragma once

// Run recording for spillway-cli's run commands (generate, ingest, load, verify): the
// --runs-dir, --assert and --no-record options, a RunRecorder fed by the run's snapshots, the
// record written to the runs folder at the end, and the --assert thresholds checked. A command
// adds it in a few lines:
//
//     addRunRecordingOptions(parser);                      // next to addPlanOptions(parser)
//     ... parseCommandLine(parser, arguments, ...) ...
//     CliRunRecording recording(QStringLiteral("ingest"), arguments, parser);
//     if (!recording.isReady())
//         return ExitUsage;                                // a bad --assert; already reported
//     recording.addSettings(CliRunRecording::planSettings(schemaArgument, *schema, planOptions));
//     recording.attach(&job);                              // anything with snapshotTaken()
//     ...
//     // in the runFinished handler, after the command's own exit code is known:
//     exitCode = recording.finish(result, exitCode, {{QStringLiteral("target"), conninfo}});
//
// finish() returns ExitThreshold (4) when the run succeeded but broke an --assert threshold,
// else the exit code it was given. Strings in settings are masked before they are written, so
// a connection string can be passed as it is.

#include "history/runassert.h"
#include "history/runrecord.h"
#include "history/runstore.h"

#include <QCommandLineParser>
#include <QJsonObject>

namespace spillway {
class CompiledSchema;
struct FileSinkOptions;
struct PlanOptions;
} // namespace spillway

namespace spillway::cli {

void addRunRecordingOptions(QCommandLineParser &parser);

class CliRunRecording
{
public:
    // kind: generate, ingest, load or verify (also the command's name); arguments: the
    // command's arguments as main() passed them; parser: already parsed. Reports a bad --assert
    // on stderr and leaves isReady() false.
    CliRunRecording(const QString &kind, const QStringList &arguments,
                    const QCommandLineParser &parser);
    Q_DISABLE_COPY_MOVE(CliRunRecording)

    bool isReady() const { return m_ready; }
    bool isRecording() const { return m_record; }
    QString id() const { return m_recorder.record().id; }
    QString fileName() const { return m_store.fileName(id()); }

    template<class Source> void attach(Source *source) { m_recorder.attach(source); }
    void addSnapshot(const spillway::RunSnapshot &snapshot) { m_recorder.addSnapshot(snapshot); }
    void addSettings(const QJsonObject &settings);
    void setServerVersion(const QString &version);
    // The record as it stands, for what the helper does not cover (a driver's own summary
    // figures: recorder().record().summary.set("retries", n)).
    RunRecorder &recorder() { return m_recorder; }
    // A figure of the command's own for the summary (kept when finish() computes the rest).
    void addSummaryValue(const QString &name, double value)
    {
        m_extraSummary.append({name, value});
    }

    // Ends the record, checks the thresholds (only for a run that succeeded), reports them,
    // writes the record unless --no-record; returns the process exit code.
    int finish(const spillway::RunResult &result, int exitCode, const QJsonObject &settings = {});

    // Settings every schema-driven run shares: schema file, name and hash, seed, rows, scale,
    // chunk rows, tables, shard.
    static QJsonObject planSettings(const QString &schemaArgument, const CompiledSchema &schema,
                                    const PlanOptions &options);
    // Settings of a file run: format, output folder, split sizes, workers.
    static QJsonObject fileSettings(const FileSinkOptions &options, int workers);

private:
    void report(const RunRecord &record, const QString &saveError) const;
    QString runsDirOption() const;

    RunStore m_store;
    RunRecorder m_recorder;
    QList<Threshold> m_thresholds;
    QList<QPair<QString, double>> m_extraSummary;
    bool m_ready = true;
    bool m_record = true;
    bool m_json = false;
    bool m_quiet = false;
};

} // namespace spillway::cli
