#pragma once

// A pipeline run (issue 13): the user's own ETL commands run under Spillway's measurement.
//
//   Generating  the schema's rows are written as files into filesDirectory with the Engine and
//               a FileSink, unless the folder already holds the files of identical settings
//               (spillway-files.json, the fingerprint), which are then reused;
//   Before      the --before command, when given (e.g. truncates the target tables);
//   Running     every command at once (CommandRunner: /bin/sh -c, own process group), each with
//               SPILLWAY_FILES, SPILLWAY_MANIFEST (dirty rows), SPILLWAY_RUN_ID, PGHOST, PGPORT,
//               PGDATABASE, PGUSER, PGPASSWORD (child environment only) and
//               PGAPPNAME=spillway/<run id>/<index>; once a second each command's process tree
//               and the database (PipelineSampler over the target tables) are sampled;
//   Verifying   the target tables are compared with the expected rows through the map, the
//               dirty-row manifest and the pipeline's reject file;
//   Done        finished(PipelineResult) carries the outcomes, the verify reports and the
//               record's pipeline part.
// With repeat > 1, Before, Running and Verifying run once per iteration.
//
// A pipeline that sets its own application_name is still measured (its process tree, its
// target tables, the database); its sessions count as "others" in the sessions summary.
//
// Every output line is appended to logFile as it comes (flushed per line), so the pipeline's
// logging is never lost, whatever the record keeps.

#include "files/filesink.h"
#include "history/pipelinerecord.h"
#include "pipeline/commandrunner.h"
#include "run/engine.h"
#include "run/pipelinemetrics.h"
#include "run/plan.h"
#include "verify/verifymap.h"
#include "verify/verifyreport.h"

#include <QFile>
#include <QFutureWatcher>
#include <QJsonObject>
#include <QObject>
#include <QProcessEnvironment>
#include <QTimer>

#include <memory>

class QThreadPool;

namespace spillway {

class PipelineSampler;
class ProcessTreeSampler;

struct PipelineCommand
{
    QString name;        // shown before each output line ("etl"); empty: "1", "2", ...
    QString commandLine; // run with /bin/sh -c
};

struct PipelineOptions
{
    QList<PipelineCommand> commands;
    QString workingDirectory; // of every command; empty: the current one
    QString filesDirectory;   // empty: <runStoreDirectory>/files-<fingerprint>
    QString conninfo;         // the target database
    QString dbSchema;         // where unmapped schema tables are; empty: search_path
    VerifyMap map;
    QString rejectsPath;       // the pipeline's reject file, for verify; empty: none
    double timeoutSeconds = 0; // per iteration; 0: none
    QString beforeCommand;     // run before each iteration; empty: none
    int repeat = 1;
    bool verify = true;
    FileSinkOptions files; // format, split, compression (directory: see filesDirectory)
    PlanOptions plan;      // rows, seed, tables, ... and the dirty rows (plan.dirty)
    EngineOptions engine;
    QString runId;             // SPILLWAY_RUN_ID, PGAPPNAME; the run record's id
    QString runStoreDirectory; // where the record goes: the log file and default files beside it
    QString schemaArgument;    // file or example:NAME, for the verify report
};

struct PipelineIteration
{
    double seconds = 0; // from the commands' start until the last one ended
    QList<CommandOutcome> outcomes;
    bool hasBefore = false;
    CommandOutcome before;
    uint64_t rows = 0; // rows inserted into the target tables during the iteration
    double rowsPerSecond = 0;
    bool verified = false;
    VerifyReport verify;
    QString verifyError; // the check itself could not be done

    bool commandsSucceeded() const; // every command exited 0
};

struct PipelineResult
{
    bool ok =
        false; // every command of every iteration exited 0, verify (if any) found no difference
    bool cancelled = false;
    QString error;                  // a runtime error (files, connection, verify could not run)
    bool commandFailed = false;     // some command exited non-zero, was killed or timed out
    bool verifyDifferences = false; // verify ran and found differences
    QList<PipelineIteration> iterations;
    QString filesDirectory;
    bool reusedFiles = false;
    QString manifestPath; // empty when no dirty rows
    QString logFile;
    RunSnapshot last;
    PipelineRecord record; // the run record's pipeline part (RunRecord::pipeline)

    // The engine-style result a RunRecorder finishes with.
    RunResult runResult() const;
};

class PipelineJob : public QObject
{
    Q_OBJECT

public:
    enum class Phase { Generating, Before, Running, Verifying, Done };
    Q_ENUM(Phase)

    explicit PipelineJob(QThreadPool *pool, QObject *parent = nullptr);
    ~PipelineJob() override;

    // Checks the options, builds the plan and starts generating (or reusing) the files; returns
    // an error message, or empty when the run started (finished() follows).
    QString start(std::shared_ptr<CompiledSchema> schema, const PipelineOptions &options);
    // Stops every process group (SIGTERM, SIGKILL after 5 s) or the generation; verify is
    // skipped; finished() follows with cancelled set.
    void cancel();

    Phase phase() const { return m_phase; }
    int iteration() const { return m_iteration; } // 0-based
    std::shared_ptr<const Plan> plan() const { return m_plan; }
    QString filesDirectory() const { return m_filesDirectory; }
    QString logFile() const { return m_result.logFile; }
    // The target table of each selected schema table (schema-qualified), in plan order.
    QStringList targetTables() const { return m_targets; }

    static QString phaseName(Phase phase); // translated
    // Files default folder name and fingerprint of a run's file settings.
    static QJsonObject fingerprint(const CompiledSchema &schema, const PipelineOptions &options);
    // The command's environment (without the inherited variables when base is empty).
    static QProcessEnvironment environment(const PipelineOptions &options, int command,
                                           const QString &filesDirectory,
                                           const QString &manifestPath,
                                           const QProcessEnvironment &base);

signals:
    void phaseChanged(spillway::PipelineJob::Phase phase);
    void notice(const QString &text); // "reusing files in …", "iteration 2 of 3"
    // While the files are written: the generating engine's snapshots.
    void generationProgress(const spillway::RunSnapshot &snapshot);
    // While the commands run, once a second: rows = inserts into the target tables.
    void snapshotTaken(const spillway::RunSnapshot &snapshot);
    void pipelineSampled(const spillway::PipelineSample &sample);
    // command -1: the --before command
    void outputLine(const spillway::PipelineLogLine &line);
    void commandFinished(int command, const spillway::CommandOutcome &outcome);
    void finished(const spillway::PipelineResult &result);

private:
    struct VerifyOutcome;

    void setPhase(Phase phase);
    QString openLog();
    void writeLog(const QString &text);
    void note(const QString &text);
    void startGenerating();
    void onGenerated(const RunResult &result);
    void retireRunner();
    void startIteration();
    void startCommands();
    void startDatabaseSampler(int commands);
    void launchCommands();
    void retireDatabaseSampler();
    void onCommandFinished(int command, const spillway::CommandOutcome &outcome);
    void onLine(spillway::PipelineLogLine line);
    ProcessSample sampleCommand(int command);
    PipelineSample currentSample();
    void sample();
    void publish(const PipelineSample &sample, bool final);
    void onDatabaseSample(const spillway::DatabaseSample &sample);
    void onCommandsFinished();
    void completeRun();
    void startVerify();
    void onVerified();
    void endIteration();
    void finish(const QString &error = {});

    QThreadPool *m_pool;
    std::shared_ptr<CompiledSchema> m_schema;
    std::shared_ptr<const Plan> m_plan;
    PipelineOptions m_options;
    Phase m_phase = Phase::Generating;
    int m_iteration = 0;
    bool m_cancelled = false;
    QString m_filesDirectory;
    QString m_manifestPath;
    QString m_password;        // masked in the output lines
    QStringList m_targets;     // SQL names, as the sampler and verify take them
    QStringList m_targetNames; // shown: quotes only where needed
    std::unique_ptr<Engine> m_engine;
    std::unique_ptr<CommandRunner> m_runner;
    std::unique_ptr<PipelineSampler> m_dbSampler;
    std::vector<std::unique_ptr<ProcessTreeSampler>> m_procSamplers;
    std::unique_ptr<QFutureWatcher<VerifyOutcome>> m_verifyWatcher;
    PipelineIteration m_current;
    QList<CommandOutcome> m_outcomes;
    QList<bool> m_ended;
    QList<ProcessSample> m_lastProcess;
    QTimer m_timer;
    DatabaseSample m_lastDatabase;
    bool m_hasDatabase = false;
    bool m_awaitingBaseline = false; // the database sampler's first answer
    bool m_waitingFinalSample = false;
    int m_runSerial = 0;
    double m_offset = 0;      // the earlier iterations' command time
    double m_wallSeconds = 0; // every iteration's command time
    double m_samplingCpu = 0; // CPU seconds of the samplers
    QFile m_log;
    PipelineResult m_result;
    PipelineRecorder m_recorder;
};

} // namespace spillway
