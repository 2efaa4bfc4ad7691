#pragma once

// Runs the current document from the GUI, as `spillway-cli generate|ingest` would: to files
// (Engine + FileSink) or into PostgreSQL (IngestJob; a connection profile or the embedded local
// server). The work happens on the controller's own thread (RunSession), so starting a server,
// connecting or analyzing never blocks the window; snapshots come back ~10 times a second.
// Every run is recorded with RunRecorder into the same runs folder as the CLI's, so History
// shows it. Pause is honest: an ingest is cancelled and later resumed through the ledger with
// the same run id (nothing lost, nothing twice); a file run pauses in place (its workers stop
// taking chunks until resumed or cancelled). Either way the run is one run: its snapshots
// count all rows of all segments over its active time (pauses excluded), and its one record
// lists the pauses as events. A pipeline run (the user's commands on generated files) passes
// on what its job measures (pipelineSampled, once a second), its commands' output lines and
// exit statuses, and records its pipeline part (commands, series, log, verify); it does not
// pause.

#include "design/schemadocument.h"
#include "pg/pipelinejob.h"
#include "run/metrics.h"
#include "run/runsettings.h"

#include <QElapsedTimer>
#include <QObject>
#include <QPointer>
#include <QThread>

#include <memory>

namespace spillway {

class RunRecorder;
class RunSession;
struct RunRecord;

class RunController : public QObject
{
    Q_OBJECT

public:
    enum class State { Idle, Starting, Running, Pausing, Paused, Cancelling };
    Q_ENUM(State)

    explicit RunController(QObject *parent = nullptr);
    ~RunController() override;

    void setDocument(SchemaDocument *doc);
    SchemaDocument *document() const { return m_doc; }
    void setSettings(const RunSettings &settings) { m_settings = settings; }
    const RunSettings &settings() const { return m_settings; }
    // Asked for by the run panel (echo off) and kept in memory only, never in settings.
    void setPassword(const QString &password) { m_password = password; }
    // Empty: RunStore::defaultDirectory() (SPILLWAY_RUNS_DIR or ~/.local/share/spillway/runs).
    void setRunsDirectory(const QString &directory) { m_runsDirectory = directory; }
    QString runsDirectory() const;

    // Starts a run of the document with settings(); false (and an error logged) when it cannot.
    bool start();
    void pause();
    void resume();
    void cancel();

    State state() const { return m_state; }
    bool isActive() const { return m_state != State::Idle; }
    bool canPause() const;
    QString recordId() const { return m_recordId; } // the current or last run's record
    const RunSnapshot &lastSnapshot() const { return m_last; }
    // Wall seconds the run has spent paused so far (the pause in progress included).
    double pausedSeconds() const;
    // The equivalent command, quoted for a shell (no password ever); the run record keeps the
    // same arguments, so History's command runs the same schema with the same settings.
    QString commandLine() const;
    // The schema argument of that command: RunSettings::schemaArgument() of the document
    // (example:NAME or the saved file's absolute path; empty when never saved).
    QString schemaArgument() const;
    // True when the command's schema argument names the document as it is now: an unchanged
    // example, or a saved file without unsaved changes.
    bool isCommandCurrent() const;

signals:
    // The document was set, edited, opened, saved or renamed: what commandLine(),
    // schemaArgument() and the schema's problems say may have changed.
    void documentChanged();
    void stateChanged(spillway::RunController::State state);
    void runStarted(const QString &recordId);
    void phaseChanged(const QString &phase);
    void snapshotTaken(const spillway::RunSnapshot &snapshot);
    void runFinished(const spillway::RunResult &result);
    void runRecorded(const QString &recordId, const QString &fileName);
    // The run paused after activeSeconds of work; resumed after pausedSeconds of pause.
    void paused(double activeSeconds);
    void resumed(double pausedSeconds);
    void logMessage(spillway::LogLevel level, const QString &text, const QString &details);
    // Pipeline runs: the commands (names, in order) started; the target tables it watches; the
    // file that keeps every output line.
    void pipelineStarted(const QStringList &commands, const QStringList &targetTables,
                         const QString &logFile);
    void pipelineSampled(const spillway::PipelineSample &sample);
    void pipelineOutput(const spillway::PipelineLogLine &line);
    void commandFinished(int command, const spillway::CommandOutcome &outcome);
    // Just before runFinished: outcomes, verify reports and the record's pipeline part.
    void pipelineFinished(const spillway::PipelineResult &result);

private:
    void launch(const QString &resumeRunId);
    void setState(State state);
    void onSnapshot(RunSnapshot snapshot);
    void onLoading(const QString &ingestRunId, const QString &serverVersion);
    void onSessionFinished(RunResult result);
    void finishRecord(const RunResult &result);
    void connectPipeline(RunSession *session);
    void addPipelineRecord(RunRecord &record) const;
    // One run out of its segments: all rows, all bytes, active seconds, means over those.
    RunSnapshot combined(RunSnapshot segment) const;
    void enterPause(uint64_t rows);
    void leavePause();
    void stopOwnedServer();
    // Lost connections, retries and the ledger's answers, as the workers reported them.
    void logEvents(const RunSnapshot &snapshot);

    QPointer<SchemaDocument> m_doc;
    RunSettings m_settings;
    RunSettings m_runSettings; // of the run in progress (the panel may change settings())
    Schema m_runSchema;
    QString m_password;
    QString m_runsDirectory;
    QThread m_thread;
    QObject *m_threadContext; // lives on m_thread: runs stray jobs (stopping a server)
    QPointer<RunSession> m_session;
    std::unique_ptr<RunRecorder> m_recorder;
    State m_state = State::Idle;
    QString m_recordId;
    QString m_ingestRunId;
    QString m_serverVersion;
    bool m_ownsServer = false;
    bool m_started = false;
    RunSnapshot m_carry;           // the run as its earlier ingest segments left it
    bool m_resumedSegment = false; // the ingest segment in progress resumed an earlier one
    QElapsedTimer m_pauseClock;    // valid while paused
    double m_pausedTotal = 0;      // wall seconds of the pauses that have ended
    RunSnapshot m_last;
    std::optional<PipelineResult> m_pipelineResult; // of the pipeline run that just finished
};

} // namespace spillway
