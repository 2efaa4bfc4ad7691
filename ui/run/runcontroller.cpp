#include "run/runcontroller.h"

#include "design/schemadocument.h"
#include "history/runrecord.h"
#include "history/runstore.h"
#include "pg/conninfo.h"
#include "pg/localserver.h"
#include "run/runsession.h"

namespace spillway {
namespace {

QString targetText(const RunSettings &s)
{
    switch (s.target) {
    case RunTarget::Files:
        return s.directory;
    case RunTarget::Postgres:
        return s.profile.conninfo();
    case RunTarget::LocalServer:
        return QStringLiteral("embedded local server");
    case RunTarget::Pipeline:
        return s.usesProfile() ? s.profile.conninfo() : QStringLiteral("embedded local server");
    }
    return {};
}

} // namespace

RunController::RunController(QObject *parent)
    : QObject(parent)
    , m_threadContext(new QObject)
{
    m_thread.setObjectName(QStringLiteral("spillway-run"));
    m_threadContext->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_threadContext, &QObject::deleteLater);
    m_thread.start();
}

RunController::~RunController()
{
    if (m_session) {
        m_session->requestCancel(false);
        connect(&m_thread, &QThread::finished, m_session, &QObject::deleteLater);
    }
    m_thread.quit();
    m_thread.wait();
}

void RunController::setDocument(SchemaDocument *doc)
{
    if (m_doc)
        disconnect(m_doc, nullptr, this, nullptr);
    m_doc = doc;
    if (doc) {
        for (auto changed : {&SchemaDocument::schemaChanged, &SchemaDocument::fileNameChanged})
            connect(doc, changed, this, &RunController::documentChanged);
        connect(doc, &SchemaDocument::modifiedChanged, this, &RunController::documentChanged);
    }
    emit documentChanged();
}

QString RunController::runsDirectory() const
{
    return m_runsDirectory.isEmpty() ? RunStore::defaultDirectory() : m_runsDirectory;
}

bool RunController::canPause() const
{
    if (m_state != State::Running || !m_session || m_runSettings.isPipeline())
        return false;
    return !m_runSettings.isIngest() || !m_ingestRunId.isEmpty();
}

QString RunController::commandLine() const
{
    return m_settings.commandLine(schemaArgument());
}

QString RunController::schemaArgument() const
{
    return m_doc ? RunSettings::schemaArgument(m_doc->fileName(), m_doc->schema()) : QString();
}

bool RunController::isCommandCurrent() const
{
    if (!m_doc)
        return false;
    if (!m_doc->fileName().isEmpty())
        return !m_doc->isModified();
    return !schemaArgument().isEmpty(); // an example, unchanged (equal by hash)
}

void RunController::setState(State state)
{
    if (m_state == state)
        return;
    m_state = state;
    emit stateChanged(state);
}

bool RunController::start()
{
    if (isActive()) {
        emit logMessage(LogLevel::Warning, tr("A run is in progress already."), {});
        return false;
    }
    QStringList problems = m_settings.problems();
    if (!m_doc)
        problems << tr("There is no schema to run.");
    else if (!m_doc->compiled())
        problems << tr("The schema has problems: fix them in the designer first.");
    if (!problems.isEmpty()) {
        emit logMessage(LogLevel::Error, tr("Cannot start the run"),
                        problems.join(QLatin1Char('\n')));
        return false;
    }
    m_runSettings = m_settings;
    m_runSchema = m_doc->schema();
    const QString schemaFile = schemaArgument();
    RunStore store(runsDirectory());
    QString id;
    do
        id = RunRecord::newId(m_runSettings.kind(), QDateTime::currentDateTimeUtc());
    while (store.contains(id));
    m_recorder = std::make_unique<RunRecorder>(m_runSettings.kind(),
                                               m_runSettings.arguments(schemaFile), id);
    QJsonObject &settings = m_recorder->record().settings;
    const QJsonObject extra = m_runSettings.recordSettings(schemaFile, m_runSchema);
    for (auto it = extra.begin(); it != extra.end(); ++it)
        settings.insert(it.key(), it.value());
    settings.insert(QStringLiteral("target"), ConnInfo::masked(targetText(m_runSettings)));
    // The command names the saved file: say when the run used unsaved edits instead.
    if (!isCommandCurrent())
        settings.insert(QStringLiteral("schema_unsaved"), true);
    settings.insert(QStringLiteral("workers"), m_runSettings.workers > 0
                                                   ? m_runSettings.workers
                                                   : QThread::idealThreadCount());
    m_recordId = id;
    m_ingestRunId.clear();
    m_serverVersion.clear();
    m_ownsServer = false;
    m_started = false;
    m_carry = {};
    m_resumedSegment = false;
    m_pauseClock.invalidate();
    m_pausedTotal = 0;
    m_last = {};
    m_pipelineResult.reset();
    emit logMessage(LogLevel::Info, tr("Starting: %1").arg(commandLine()), {});
    launch(QString());
    return true;
}

void RunController::launch(const QString &resumeRunId)
{
    RunSession::Options options;
    options.settings = m_runSettings;
    options.password = m_password;
    options.resumeRunId = resumeRunId;
    options.ownsServer = m_ownsServer;
    options.recordId = m_recordId;
    options.runsDirectory = runsDirectory();
    options.schemaArgument = schemaArgument();
    auto *session = new RunSession(m_runSchema, options);
    session->moveToThread(&m_thread);
    m_session = session;
    connect(session, &RunSession::snapshotTaken, this, &RunController::onSnapshot);
    connect(session, &RunSession::finished, this, &RunController::onSessionFinished);
    connect(session, &RunSession::loading, this, &RunController::onLoading);
    connect(session, &RunSession::phaseChanged, this, [this](const QString &phase) {
        emit phaseChanged(phase);
        emit logMessage(LogLevel::Info, phase.left(1).toUpper() + phase.mid(1), {});
    });
    connect(session, &RunSession::serverStarted, this, [this](bool wasRunning) {
        if (!m_resumedSegment && !m_started)
            m_ownsServer = !wasRunning;
    });
    connectPipeline(session);
    setState(State::Starting);
    QMetaObject::invokeMethod(session, &RunSession::start, Qt::QueuedConnection);
}

void RunController::connectPipeline(RunSession *session)
{
    connect(session, &RunSession::pipelineStarted, this, &RunController::pipelineStarted);
    connect(session, &RunSession::pipelineSampled, this, &RunController::pipelineSampled);
    connect(session, &RunSession::outputLine, this, &RunController::pipelineOutput);
    connect(session, &RunSession::commandFinished, this, &RunController::commandFinished);
    connect(session, &RunSession::notice, this, [this](const QString &text) {
        emit logMessage(LogLevel::Info, text.left(1).toUpper() + text.mid(1), {});
    });
    // The result crosses to this thread inside the call (no metatype for it), queued before
    // the session's finished() so that finishRecord() has it.
    connect(
        session, &RunSession::pipelineFinished, session,
        [this](const PipelineResult &result) {
            QMetaObject::invokeMethod(
                this,
                [this, result] {
                    m_pipelineResult = result;
                    emit pipelineFinished(result);
                },
                Qt::QueuedConnection);
        },
        Qt::DirectConnection);
}

void RunController::onLoading(const QString &ingestRunId, const QString &serverVersion)
{
    m_ingestRunId = ingestRunId;
    if (!serverVersion.isEmpty())
        m_serverVersion = serverVersion;
    if (m_state == State::Starting)
        setState(State::Running);
    if (!m_started) {
        m_started = true;
        emit runStarted(m_recordId);
    }
}

double RunController::pausedSeconds() const
{
    return m_pausedTotal + (m_pauseClock.isValid() ? double(m_pauseClock.nsecsElapsed()) / 1e9 : 0);
}

RunSnapshot RunController::combined(RunSnapshot s) const
{
    if (!m_runSettings.isIngest()) {
        // A file run pauses in place: its engine's clock kept running through the pauses.
        s.elapsedSeconds = std::max(0.0, s.elapsedSeconds - pausedSeconds());
    } else if (m_resumedSegment) {
        // The ledger counts the rows of earlier segments as skipped; they are this run's rows.
        const RunSnapshot &c = m_carry;
        s.elapsedSeconds += c.elapsedSeconds;
        s.rowsDone = std::max(s.rowsDone, c.rowsDone);
        s.rowsSkipped = c.rowsSkipped;
        s.bytesDone += c.bytesDone;
        for (TableProgress &t : s.tables) {
            for (const TableProgress &earlier : c.tables) {
                if (earlier.name == t.name) {
                    t.rowsDone = std::max(t.rowsDone, earlier.rowsDone);
                    t.bytesDone += earlier.bytesDone;
                }
            }
        }
        if (s.commitLatency.count == 0)
            s.commitLatency = c.commitLatency;
        if (s.hasServerSample && c.hasServerSample) // counted since each segment's start
            s.server.checkpoints += c.server.checkpoints;
    }
    if (s.elapsedSeconds > 0) {
        s.meanRowsPerSecond =
            double(s.rowsDone - std::min(s.rowsSkipped, s.rowsDone)) / s.elapsedSeconds;
        s.meanBytesPerSecond = double(s.bytesDone) / s.elapsedSeconds;
    }
    if (s.finished) {
        s.rowsPerSecond = s.meanRowsPerSecond;
        s.bytesPerSecond = s.meanBytesPerSecond;
    }
    return s;
}

void RunController::onSnapshot(RunSnapshot snapshot)
{
    if (m_state == State::Paused)
        return; // a paused file run's sampler keeps ticking: nothing ran
    snapshot = combined(std::move(snapshot));
    logEvents(snapshot);
    if (snapshot.finished && m_state == State::Pausing) {
        // The last snapshot of a segment ended by a pause: the run itself goes on.
        for (const RunEvent &e : std::as_const(snapshot.events))
            m_recorder->addEvent(e);
        snapshot.finished = false;
        snapshot.rowsPerSecond = snapshot.bytesPerSecond = 0;
        snapshot.etaSeconds = -1;
        m_last = snapshot;
        return;
    }
    m_last = snapshot;
    if (m_recorder)
        m_recorder->addSnapshot(snapshot);
    emit snapshotTaken(snapshot);
}

void RunController::enterPause(uint64_t rows)
{
    m_pauseClock.start();
    RunEvent e;
    e.kind = RunEvent::Kind::Paused;
    e.time = QDateTime::currentDateTimeUtc();
    e.rows = rows;
    e.elapsedSeconds = m_last.elapsedSeconds;
    if (m_recorder)
        m_recorder->addEvent(e);
    setState(State::Paused);
    const QString text = e.text();
    emit logMessage(
        LogLevel::Info, text.left(1).toUpper() + text.mid(1),
        m_runSettings.isIngest()
            ? tr("Resume continues ingest run %1 through the ledger.").arg(m_ingestRunId)
            : tr("The workers take no new chunk until the run resumes."));
    emit paused(e.elapsedSeconds);
}

void RunController::leavePause()
{
    const double seconds = m_pauseClock.isValid() ? double(m_pauseClock.nsecsElapsed()) / 1e9 : 0.0;
    m_pausedTotal += seconds;
    m_pauseClock.invalidate();
    RunEvent e;
    e.kind = RunEvent::Kind::Resumed;
    e.time = QDateTime::currentDateTimeUtc();
    e.elapsedSeconds = m_last.elapsedSeconds;
    e.pausedSeconds = seconds;
    if (m_recorder)
        m_recorder->addEvent(e);
    const QString text = e.text();
    emit logMessage(LogLevel::Info, text.left(1).toUpper() + text.mid(1),
                    m_runSettings.isIngest()
                        ? tr("Committed chunks of run %1 are skipped.").arg(m_ingestRunId)
                        : QString());
    emit resumed(seconds);
}

void RunController::logEvents(const RunSnapshot &snapshot)
{
    for (const RunEvent &e : snapshot.events) {
        const QString text = e.text();
        QString details =
            QStringLiteral("%1 (UTC)").arg(e.time.toUTC().toString(Qt::ISODateWithMs));
        if (e.kind == RunEvent::Kind::ConnectionLost)
            details += tr("\n\nThe chunk is retried with backoff; before sending it "
                          "again, the ledger says whether its COMMIT went through, "
                          "so no row is lost or duplicated.");
        emit logMessage(e.isWarning() ? LogLevel::Warning : LogLevel::Info,
                        text.left(1).toUpper() + text.mid(1), details);
    }
}

void RunController::pause()
{
    if (!canPause() || !m_session)
        return;
    if (!m_runSettings.isIngest()) {
        // A file run pauses in place: workers stop taking chunks, nothing is torn down.
        m_session->setPaused(true);
        enterPause(m_last.rowsDone);
        return;
    }
    setState(State::Pausing);
    m_session->requestCancel(true);
}

void RunController::resume()
{
    if (m_state != State::Paused)
        return;
    if (!m_runSettings.isIngest()) {
        if (!m_session)
            return;
        leavePause();
        m_session->setPaused(false);
        setState(State::Running);
        return;
    }
    leavePause();
    m_resumedSegment = true;
    launch(m_ingestRunId);
}

void RunController::cancel()
{
    if (m_state == State::Paused && !m_session) {
        // A paused ingest: its segment has ended already.
        stopOwnedServer();
        RunResult result;
        result.cancelled = true;
        result.error = tr("the run was cancelled while paused");
        result.last = m_last;
        result.last.finished = true;
        finishRecord(result);
        return;
    }
    if (!m_session || m_state == State::Idle)
        return;
    setState(State::Cancelling);
    m_session->requestCancel(false);
}

void RunController::stopOwnedServer()
{
    if (!m_ownsServer || m_runSettings.target != RunTarget::LocalServer)
        return;
    const QString dir = m_runSettings.serverDir;
    QMetaObject::invokeMethod(
        m_threadContext, [dir] { LocalServer(dir).stop(); }, Qt::QueuedConnection);
}

void RunController::onSessionFinished(RunResult result)
{
    if (m_session)
        m_session->deleteLater();
    m_session = nullptr;
    if (result.last.rowsTotal == 0 && m_last.rowsTotal > 0) {
        result.last = m_last; // the segment ended before its first snapshot
        result.last.finished = true;
    }
    result.last = combined(result.last);
    result.last.elapsedSeconds = std::max(result.last.elapsedSeconds, m_last.elapsedSeconds);
    if (m_state == State::Pausing && result.cancelled) {
        m_carry = m_last;
        enterPause(m_last.rowsDone);
        return;
    }
    finishRecord(result);
}

void RunController::addPipelineRecord(RunRecord &record) const
{
    if (!m_pipelineResult)
        return;
    const PipelineResult &p = *m_pipelineResult;
    record.pipeline = p.record;
    p.record.addSummary(record.summary);
    // The last iteration's verify report is the run's, as `pipeline` records it.
    for (auto it = p.iterations.crbegin(); it != p.iterations.crend(); ++it) {
        if (it->verified) {
            record.verify = it->verify.toJson();
            break;
        }
    }
}

void RunController::finishRecord(const RunResult &result)
{
    if (m_pauseClock.isValid()) { // cancelled while paused
        m_pausedTotal += double(m_pauseClock.nsecsElapsed()) / 1e9;
        m_pauseClock.invalidate();
    }
    if (!m_started && !result.ok) {
        // A run that never started loading still has its record: History shows the failure.
        emit runStarted(m_recordId);
    }
    RunRecord &record = m_recorder->record();
    record.serverVersion = m_serverVersion;
    if (!m_ingestRunId.isEmpty())
        record.settings.insert(QStringLiteral("ingest_run_id"), m_ingestRunId);
    m_recorder->finish(result);
    addPipelineRecord(record);
    if (result.ok) {
        for (const QString &text : m_runSettings.thresholds) {
            if (auto threshold = Threshold::parse(text, nullptr))
                record.thresholds.append(evaluate(*threshold, record.summary));
        }
    }
    if (result.ok)
        emit logMessage(LogLevel::Info,
                        tr("Finished: %1 rows").arg(formatNumber(double(result.last.rowsDone))),
                        result.outputs.join(QLatin1Char('\n')));
    else if (result.cancelled)
        emit logMessage(LogLevel::Warning, tr("Cancelled"), result.error);
    else
        emit logMessage(LogLevel::Error,
                        tr("The run failed: %1").arg(result.error.section(QLatin1Char('\n'), 0, 0)),
                        result.error);
    for (const ThresholdResult &t : record.thresholds) {
        if (!t.passed)
            emit logMessage(LogLevel::Warning, tr("Threshold violated: %1").arg(t.text), t.message);
    }
    RunStore store(runsDirectory());
    if (const QString e = store.save(record); !e.isEmpty())
        emit logMessage(LogLevel::Warning, tr("The run was not recorded"), e);
    else
        emit runRecorded(record.id, store.fileName(record.id));
    setState(State::Idle);
    emit runFinished(result);
}

} // namespace spillway
