#pragma once

// One segment of a GUI run, living on the run controller's thread (never the GUI thread):
// starts the embedded server when the target needs it, compiles and plans the schema, drives an
// Engine with a FileSink or an IngestJob, and stops the server it started. Everything that
// blocks (initdb, pg_ctl, connecting, DDL, ANALYZE) therefore blocks this thread only. A paused
// ingest is one segment cancelled and a later one resumed through the ledger.

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

private:
    QString startFiles(const std::shared_ptr<CompiledSchema> &schema);
    QString startIngest(const std::shared_ptr<CompiledSchema> &schema, const QString &conninfo);
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
    bool m_serverMine = false;
    std::atomic<bool> m_cancel{false};
    std::atomic<bool> m_keepServer{false};
    bool m_done = false;
};

} // namespace spillway
