#pragma once

// One segment of a GUI run, living on the run controller's thread (never the GUI thread):
// starts the embedded server when the target needs it, compiles and plans the schema, drives an
// Engine with a FileSink, an IngestJob or a PipelineJob (the user's commands on generated
// files), and stops the server it started. Everything that
// blocks (initdb, pg_ctl, connecting, DDL, ANALYZE) therefore blocks this thread only. A paused
// ingest is one segment cancelled and a later one resumed through the ledger.

#include "pg/pipelinejob.h"
#include "run/metrics.h"
#include "run/runsettings.h"
#include "schema/schema.h"

#include <QObject>
#include <QThreadPool>

#include <atomic>
#include <memory>

namespace spillway {

class Engine;
class IngestJob;
class PipelineJob;

class RunSession : public QObject
{
    Q_OBJECT

public:
    struct Options
    {
        RunSettings settings;
        QString password;        // memory only; added to the connection string for this session
        QString resumeRunId;     // ingest: continue this ledger run (pause/resume)
        bool ownsServer = false; // the embedded server was started by an earlier segment
        QString recordId;        // pipeline: the run record's id (SPILLWAY_RUN_ID, PGAPPNAME)
        QString runsDirectory;   // pipeline: where its log and default files folder go
        QString schemaArgument;  // pipeline: the schema as the command line names it
    };

    RunSession(Schema schema, Options options);
    ~RunSession() override;

    // Run-thread slot: does the whole setup, then the run goes on in the engine.
    void start();
    // Any thread. keepServer: leave the embedded server running (a pause).
    void requestCancel(bool keepServer);
    // Any thread. Pauses or resumes a file run's engine (an ingest pauses by cancelling).
    void setPaused(bool paused);

signals:
    void phaseChanged(const QString &phase);
    // The run is loading; ingestRunId is the ledger's run id (ingest only).
    void loading(const QString &ingestRunId, const QString &serverVersion);
    void serverStarted(bool wasAlreadyRunning);
    void snapshotTaken(const spillway::RunSnapshot &snapshot);
    void finished(const spillway::RunResult &result);
    // Pipeline runs: the commands started (names in order), the tables it watches, its log.
    void pipelineStarted(const QStringList &commands, const QStringList &targetTables,
                         const QString &logFile);
    void pipelineSampled(const spillway::PipelineSample &sample);
    void outputLine(const spillway::PipelineLogLine &line);
    void commandFinished(int command, const spillway::CommandOutcome &outcome);
    void notice(const QString &text);
    // Before finished(): the whole result (outcomes, verify reports, the record's part).
    void pipelineFinished(const spillway::PipelineResult &result);

private:
    QString startFiles(const std::shared_ptr<CompiledSchema> &schema);
    QString startIngest(const std::shared_ptr<CompiledSchema> &schema, const QString &conninfo);
    QString startPipeline(const std::shared_ptr<CompiledSchema> &schema, const QString &conninfo);
    QString startServer(QString *conninfo);
    void onFinished(const RunResult &result);
    void fail(const QString &error);
    void cancelNow();
    bool isCancelled() const { return m_cancel.load(); }

    Schema m_schema;
    Options m_options;
    QThreadPool m_pool;
    std::unique_ptr<Engine> m_engine;
    std::unique_ptr<IngestJob> m_job;
    std::unique_ptr<PipelineJob> m_pipeline;
    bool m_serverMine = false;
    std::atomic<bool> m_cancel{false};
    std::atomic<bool> m_keepServer{false};
    bool m_done = false;
};

} // namespace spillway
