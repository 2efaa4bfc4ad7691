#include "run/runsession.h"

#include "files/filesink.h"
#include "pg/conninfo.h"
#include "pg/ingestjob.h"
#include "pg/localserver.h"
#include "run/engine.h"

#include <QDir>

namespace spillway {

RunSession::RunSession(Schema schema, Options options)
    : m_schema(std::move(schema))
    , m_options(std::move(options))
{
    const int workers = m_options.settings.workers;
    m_pool.setMaxThreadCount(workers > 0 ? workers : QThread::idealThreadCount());
}

RunSession::~RunSession()
{
    m_cancel = true;
    if (m_engine)
        m_engine->cancel();
    if (m_job)
        m_job->cancel();
    if (m_pipeline)
        m_pipeline->cancel();
    m_pipeline.reset();
    m_job.reset();
    m_engine.reset();
    m_pool.waitForDone();
}

void RunSession::requestCancel(bool keepServer)
{
    m_keepServer = keepServer;
    m_cancel = true;
    // Reaches the engine once start() returned; setup steps check m_cancel themselves.
    QMetaObject::invokeMethod(this, &RunSession::cancelNow, Qt::QueuedConnection);
}

void RunSession::setPaused(bool paused)
{
    // m_engine lives on the run thread; Engine::setPaused itself is atomic + notify.
    QMetaObject::invokeMethod(
        this,
        [this, paused] {
            if (m_engine)
                m_engine->setPaused(paused);
        },
        Qt::QueuedConnection);
}

void RunSession::cancelNow()
{
    if (m_engine)
        m_engine->cancel();
    if (m_job)
        m_job->cancel();
    if (m_pipeline)
        m_pipeline->cancel();
}

void RunSession::fail(const QString &error)
{
    RunResult result;
    result.error = error;
    // core's engine and committer say it in English, this session in the user's language
    result.cancelled = isCancelled() && (error == tr("the run was cancelled") ||
                                         error == QLatin1String("the run was cancelled"));
    onFinished(result);
}

void RunSession::start()
{
    Diagnostics diagnostics;
    emit phaseChanged(tr("compiling"));
    auto compiled = CompiledSchema::compile(m_schema, diagnostics);
    if (!compiled)
        return fail(tr("the schema has problems:\n%1").arg(diagnostics.toString()));
    QString error;
    if (m_options.settings.target == RunTarget::Files) {
        error = startFiles(compiled);
    } else {
        QString conninfo = m_options.settings.profile.conninfo();
        if (m_options.settings.usesLocalServer())
            error = startServer(&conninfo);
        else if (!m_options.password.isEmpty())
            conninfo =
                ConnInfo::withOption(conninfo, QStringLiteral("password"), m_options.password);
        if (error.isEmpty() && isCancelled())
            error = tr("the run was cancelled");
        if (error.isEmpty())
            error = m_options.settings.isPipeline() ? startPipeline(compiled, conninfo)
                                                    : startIngest(compiled, conninfo);
    }
    if (!error.isEmpty())
        fail(error);
}

QString RunSession::startServer(QString *conninfo)
{
    emit phaseChanged(tr("starting the local server"));
    LocalServer server(m_options.settings.serverDir);
    if (QString e = server.start(); !e.isEmpty())
        return tr("the local PostgreSQL server did not start: %1").arg(e);
    m_serverMine = m_options.ownsServer || !server.wasAlreadyRunning();
    emit serverStarted(server.wasAlreadyRunning());
    *conninfo = server.connectionString();
    return {};
}

QString RunSession::startFiles(const std::shared_ptr<CompiledSchema> &schema)
{
    const RunSettings &s = m_options.settings;
    emit phaseChanged(tr("planning"));
    Diagnostics diagnostics;
    auto plan = Plan::build(schema, s.planOptions(), &m_pool, diagnostics);
    if (!plan)
        return diagnostics.toString();
    if (isCancelled())
        return tr("the run was cancelled");
    FileSinkOptions sinkOptions;
    sinkOptions.directory = s.directory;
    sinkOptions.format.format = s.format;
    sinkOptions.splitRows = s.splitRows;
    sinkOptions.splitBytes = s.splitBytes;
    sinkOptions.compression = s.compression;
    if (!QDir().mkpath(s.directory))
        return tr("cannot create the folder %1: check its parent's permissions").arg(s.directory);
    m_engine = std::make_unique<Engine>(&m_pool);
    connect(m_engine.get(), &Engine::snapshotTaken, this, &RunSession::snapshotTaken);
    connect(m_engine.get(), &Engine::runFinished, this, &RunSession::onFinished);
    EngineOptions engineOptions;
    engineOptions.workers = s.workers;
    emit phaseChanged(tr("generating"));
    if (!m_engine->start(plan, std::make_shared<FileSink>(sinkOptions), sinkOptions.format,
                         engineOptions))
        return m_engine->error();
    emit loading(QString(), QString());
    return {};
}

QString RunSession::startIngest(const std::shared_ptr<CompiledSchema> &schema,
                                const QString &conninfo)
{
    const RunSettings &s = m_options.settings;
    IngestOptions options;
    options.conninfo = conninfo;
    options.mode = s.mode;
    options.format = s.copyFormat;
    options.constraintsFirst = s.constraintsFirst;
    options.retries = s.retries;
    if (!m_options.resumeRunId.isEmpty()) {
        options.runId = m_options.resumeRunId;
        options.resume = true;
    }
    EngineOptions engineOptions;
    engineOptions.workers = s.workers;
    m_job = std::make_unique<IngestJob>(&m_pool);
    connect(m_job.get(), &IngestJob::snapshotTaken, this, &RunSession::snapshotTaken);
    connect(m_job.get(), &IngestJob::phaseChanged, this, &RunSession::phaseChanged);
    connect(m_job.get(), &IngestJob::runFinished, this, &RunSession::onFinished);
    if (QString e = m_job->start(schema, s.planOptions(), engineOptions, options); !e.isEmpty())
        return e;
    emit loading(m_job->runId(), m_job->serverVersion());
    return {};
}

QString RunSession::startPipeline(const std::shared_ptr<CompiledSchema> &schema,
                                  const QString &conninfo)
{
    PipelineOptions options = m_options.settings.pipelineOptions(conninfo);
    options.runId = m_options.recordId;
    options.runStoreDirectory = m_options.runsDirectory;
    options.schemaArgument = m_options.schemaArgument;
    m_pipeline = std::make_unique<PipelineJob>(&m_pool);
    PipelineJob *job = m_pipeline.get();
    connect(job, &PipelineJob::snapshotTaken, this, &RunSession::snapshotTaken);
    connect(job, &PipelineJob::phaseChanged, this, [this](PipelineJob::Phase phase) {
        if (phase != PipelineJob::Phase::Done)
            emit phaseChanged(PipelineJob::phaseName(phase));
    });
    connect(job, &PipelineJob::notice, this, &RunSession::notice);
    connect(job, &PipelineJob::pipelineSampled, this, &RunSession::pipelineSampled);
    connect(job, &PipelineJob::outputLine, this, &RunSession::outputLine);
    connect(job, &PipelineJob::commandFinished, this, &RunSession::commandFinished);
    connect(job, &PipelineJob::finished, this, [this](const PipelineResult &result) {
        emit pipelineFinished(result);
        onFinished(result.runResult());
    });
    if (QString e = job->start(schema, options); !e.isEmpty())
        return e;
    QStringList names;
    for (const PipelineCommand &c : options.commands)
        names << c.name;
    // loading() first: the controller's runStarted clears the dashboard, which then shows
    // the pipeline's page.
    emit loading(QString(), QString());
    emit pipelineStarted(names, job->targetTables(), job->logFile());
    return {};
}

void RunSession::onFinished(const RunResult &result)
{
    if (m_done)
        return;
    m_done = true;
    if (m_serverMine && !m_keepServer) {
        emit phaseChanged(tr("stopping the local server"));
        LocalServer server(m_options.settings.serverDir);
        if (QString e = server.stop(); !e.isEmpty()) {
            RunResult r = result;
            r.error += tr("\n(the local server did not stop: %1)").arg(e);
            emit finished(r);
            return;
        }
    }
    emit finished(result);
}

} // namespace spillway
