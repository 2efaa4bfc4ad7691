#include "pg/pipelinejob.h"

#include "files/compressor.h"
#include "files/dirtymanifest.h"
#include "history/runrecord.h"
#include "history/runstore.h"
#include "pg/conninfo.h"
#include "pg/database.h"
#include "pg/ingestjob.h"
#include "pg/pipelinesampler.h"
#include "pg/postgis.h"
#include "pg/verifier.h"
#include "pipeline/proctree.h"
#include "schema/schema.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QSaveFile>
#include <QtConcurrent>

#include <algorithm>
#include <ctime>

namespace spillway {
namespace {

const char kFingerprintFile[] = "spillway-files.json";

double threadCpuSeconds()
{
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return double(ts.tv_sec) + double(ts.tv_nsec) / 1e9;
}

// "staging"."orders" → staging.orders: quotes kept only where the name needs them.
QString displayName(const QString &relation)
{
    static const QRegularExpression plain(QStringLiteral("\"([a-z_][a-z0-9_$]*)\""));
    QString out = relation;
    out.replace(plain, QStringLiteral("\\1"));
    return out;
}

// The user's commands may create the tables of the schema's geometry columns (spillway-cli ddl),
// so PostGIS is created for them first. Empty when none is needed or it is there, else why not.
QString preparePostgis(const CompiledSchema &schema, const Plan &plan, const QString &conninfo)
{
    QStringList tables;
    for (const TablePlan &tp : plan.tables())
        tables.append(schema.tables()[size_t(tp.table)]->name);
    const QStringList columns = Postgis::columns(schema, tables);
    if (columns.isEmpty())
        return {};
    Database db;
    if (QString e = db.open(conninfo); !e.isEmpty())
        return e;
    return Postgis::ensure(db, columns);
}

PipelineCommandRecord commandRecord(const QString &name, const QString &commandLine,
                                    const CommandOutcome &o)
{
    PipelineCommandRecord c;
    c.name = name;
    c.commandLine = commandLine;
    c.exitCode = o.exitCode;
    c.signal = o.signal;
    c.timedOut = o.timedOut;
    c.stopped = o.stopped;
    c.seconds = o.seconds;
    c.error = o.error;
    return c;
}

} // namespace

struct PipelineJob::VerifyOutcome
{
    QString error;
    VerifyReport report;
};

bool PipelineIteration::commandsSucceeded() const
{
    return !outcomes.isEmpty() &&
           std::all_of(outcomes.begin(), outcomes.end(),
                       [](const CommandOutcome &o) { return o.succeeded(); });
}

RunResult PipelineResult::runResult() const
{
    RunResult r;
    r.ok = ok;
    r.cancelled = cancelled;
    r.error = error;
    if (r.error.isEmpty() && commandFailed)
        r.error = PipelineJob::tr("a command failed (see the commands' exit statuses)");
    if (r.error.isEmpty() && verifyDifferences)
        r.error = PipelineJob::tr("verify found differences in the target tables");
    r.last = last;
    r.outputs = record.targetTables;
    return r;
}

PipelineJob::PipelineJob(QThreadPool *pool, QObject *parent)
    : QObject(parent)
    , m_pool(pool)
{
    m_timer.setInterval(1000);
    connect(&m_timer, &QTimer::timeout, this, &PipelineJob::sample);
}

PipelineJob::~PipelineJob()
{
    if (m_verifyWatcher)
        m_verifyWatcher->waitForFinished();
}

QString PipelineJob::phaseName(Phase phase)
{
    switch (phase) {
    case Phase::Generating:
        return tr("generating files");
    case Phase::Before:
        return tr("running the before command");
    case Phase::Running:
        return tr("running the pipeline");
    case Phase::Verifying:
        return tr("verifying");
    case Phase::Done:
        return tr("done");
    }
    return {};
}

QJsonObject PipelineJob::fingerprint(const CompiledSchema &schema, const PipelineOptions &options)
{
    QJsonObject o = IngestJob::planSettings(schema, options.plan);
    o.remove(QStringLiteral("chunk_rows")); // the chunking does not change the files' bytes
    const FileSinkOptions &f = options.files;
    const DirtyOptions &dirty = options.plan.dirty;
    o.insert(QStringLiteral("generator_version"), kGeneratorVersion);
    o.insert(QStringLiteral("format"), FormatOptions::formatName(f.format.format));
    o.insert(QStringLiteral("delimiter"), QString(QLatin1Char(f.format.delimiter)));
    o.insert(QStringLiteral("quote"), QString(QLatin1Char(f.format.quote)));
    o.insert(QStringLiteral("header"), f.format.header);
    o.insert(QStringLiteral("null"), f.format.effectiveNull());
    o.insert(QStringLiteral("split_rows"), QString::number(f.splitRows));
    o.insert(QStringLiteral("split_bytes"), QString::number(f.splitBytes));
    o.insert(QStringLiteral("compress"), Compressor::name(f.compression));
    o.insert(QStringLiteral("compress_level"),
             f.compression == Compression::None ? 0 : f.compressionLevel);
    o.insert(QStringLiteral("dirty_fraction"), dirty.fraction);
    o.insert(QStringLiteral("dirty_kinds"), QJsonArray::fromStringList(dirty.kindNames()));
    o.insert(QStringLiteral("dirty_set"), dirty.isSet);
    return o;
}

QProcessEnvironment PipelineJob::environment(const PipelineOptions &options, int command,
                                             const QString &filesDirectory,
                                             const QString &manifestPath,
                                             const QProcessEnvironment &base)
{
    QProcessEnvironment env = base;
    env.insert(QStringLiteral("SPILLWAY_FILES"), filesDirectory);
    if (manifestPath.isEmpty())
        env.remove(QStringLiteral("SPILLWAY_MANIFEST"));
    else
        env.insert(QStringLiteral("SPILLWAY_MANIFEST"), manifestPath);
    env.insert(QStringLiteral("SPILLWAY_RUN_ID"), options.runId);
    // libpq's own parsing of the connection string, and libpq's own names of the variables.
    const QMap<QString, ConnDefault> defaults = ConnInfo::defaults();
    const QMap<QString, QString> given = ConnInfo::options(options.conninfo);
    for (auto it = given.constBegin(); it != given.constEnd(); ++it) {
        const QString variable = defaults.value(it.key()).envVar; // secrets are not listed
        if (!variable.isEmpty())
            env.insert(variable, it.value());
    }
    if (given.contains(QStringLiteral("password")))
        env.insert(QStringLiteral("PGPASSWORD"), given.value(QStringLiteral("password")));
    env.insert(
        QStringLiteral("PGAPPNAME"),
        QStringLiteral("spillway/%1/%2")
            .arg(options.runId, command < 0 ? QStringLiteral("before") : QString::number(command)));
    return env;
}

QString PipelineJob::start(std::shared_ptr<CompiledSchema> schema, const PipelineOptions &options)
{
    m_schema = std::move(schema);
    m_options = options;
    PipelineOptions &o = m_options;
    if (o.commands.isEmpty())
        return tr("there is no command to run: give the pipeline's command line with --run");
    if (o.repeat < 1)
        return tr("the number of iterations must be 1 or more");
    if (const QString e = ConnInfo::check(o.conninfo); !e.isEmpty())
        return e;
    if (o.runId.isEmpty())
        o.runId = RunRecord::newId(QStringLiteral("pipeline"), QDateTime::currentDateTimeUtc());
    if (o.runStoreDirectory.isEmpty())
        o.runStoreDirectory = RunStore::defaultDirectory();
    for (int i = 0; i < o.commands.size(); ++i) {
        if (o.commands[i].name.isEmpty())
            o.commands[i].name = QString::number(i + 1);
    }
    if (!o.map.isEmpty()) {
        if (const QString e = o.map.validate(*m_schema); !e.isEmpty())
            return e;
    }
    Diagnostics diagnostics;
    m_plan = Plan::build(m_schema, o.plan, m_pool, diagnostics);
    if (!m_plan)
        return diagnostics.toString();
    resolvePaths();
    if (m_plan->hasDirtyRows())
        m_manifestPath = QDir(m_filesDirectory).filePath(DirtyManifest::fileName());
    m_password = ConnInfo::options(o.conninfo).value(QStringLiteral("password"));
    m_result.filesDirectory = m_filesDirectory;
    m_result.manifestPath = m_manifestPath;
    if (const QString e = openLog(); !e.isEmpty())
        return e;
    QStringList names, lines;
    for (const PipelineCommand &c : std::as_const(o.commands)) {
        names.append(c.name);
        lines.append(c.commandLine);
    }
    m_recorder.start(names, lines, o.beforeCommand, m_targetNames);
    QTimer::singleShot(0, this, &PipelineJob::startGenerating);
    return {};
}

void PipelineJob::resolvePaths()
{
    const PipelineOptions &o = m_options;
    for (const TablePlan &tp : m_plan->tables()) {
        const QString target =
            o.map.targetTable(m_schema->tables()[size_t(tp.table)]->name, o.dbSchema);
        m_targets.append(target);
        m_targetNames.append(displayName(target));
    }
    m_filesDirectory = o.filesDirectory;
    if (m_filesDirectory.isEmpty()) { // named after the settings, so that a rerun finds them
        const QByteArray settings =
            QJsonDocument(fingerprint(*m_schema, o)).toJson(QJsonDocument::Compact);
        const QByteArray hash = QCryptographicHash::hash(settings, QCryptographicHash::Sha1);
        m_filesDirectory =
            QDir(o.runStoreDirectory)
                .filePath(QStringLiteral("files-") + QString::fromLatin1(hash.toHex().left(12)));
    }
    m_filesDirectory = QDir(m_filesDirectory).absolutePath();
}

QString PipelineJob::openLog()
{
    if (!QDir().mkpath(m_options.runStoreDirectory))
        return tr("cannot create the runs folder %1").arg(m_options.runStoreDirectory);
    m_log.setFileName(QDir(m_options.runStoreDirectory)
                          .absoluteFilePath(m_options.runId + QStringLiteral(".log")));
    if (!m_log.open(QIODevice::WriteOnly | QIODevice::Append | QIODevice::Text))
        return tr("cannot write the pipeline's log %1: %2")
            .arg(m_log.fileName(), m_log.errorString());
    m_result.logFile = m_log.fileName();
    return {};
}

void PipelineJob::writeLog(const QString &text)
{
    if (!m_log.isOpen())
        return;
    m_log.write(text.toUtf8());
    m_log.flush();
}

void PipelineJob::note(const QString &text)
{
    writeLog(QStringLiteral("# %1\n").arg(text));
    emit notice(text);
}

void PipelineJob::setPhase(Phase phase)
{
    m_phase = phase;
    emit phaseChanged(phase);
}

void PipelineJob::cancel()
{
    if (m_phase == Phase::Done || m_cancelled)
        return;
    m_cancelled = true;
    if (m_engine)
        m_engine->cancel();
    if (m_runner && m_runner->isRunning())
        m_runner->stop();
}

void PipelineJob::startGenerating()
{
    if (m_cancelled)
        return finish();
    if (!QDir().mkpath(m_filesDirectory))
        return finish(tr("cannot create the files folder %1").arg(m_filesDirectory));
    // A pipeline may store geometries as text, without PostGIS: a notice, not an error.
    if (const QString e = preparePostgis(*m_schema, *m_plan, m_options.conninfo); !e.isEmpty())
        note(e);
    const QJsonObject settings = fingerprint(*m_schema, m_options);
    const QString fingerprintPath =
        QDir(m_filesDirectory).filePath(QLatin1String(kFingerprintFile));
    if (QFile file(fingerprintPath); file.open(QIODevice::ReadOnly)) {
        const QJsonObject stored = QJsonDocument::fromJson(file.readAll()).object();
        const QJsonArray outputs = stored.value(QLatin1String("outputs")).toArray();
        const bool complete = std::all_of(outputs.begin(), outputs.end(), [this](const auto &v) {
            return QFileInfo::exists(QDir(m_filesDirectory).filePath(v.toString()));
        });
        if (stored.value(QLatin1String("settings")).toObject() == settings && complete &&
            (m_manifestPath.isEmpty() || QFileInfo::exists(m_manifestPath))) {
            m_result.reusedFiles = true;
            note(tr("Reusing files in %1 (written earlier with the same schema, seed and "
                    "settings)")
                     .arg(m_filesDirectory));
            return startIteration();
        }
        file.close();
        QFile::remove(fingerprintPath); // written again once the new files are complete
    }
    setPhase(Phase::Generating);
    note(tr("Generating files into %1").arg(m_filesDirectory));
    for (const QString &warning : m_plan->dirtyWarnings(m_options.files.format.format))
        note(tr("Warning: %1").arg(warning));
    FileSinkOptions sinkOptions = m_options.files;
    sinkOptions.directory = m_filesDirectory;
    auto sink = std::make_shared<FileSink>(sinkOptions);
    m_engine = std::make_unique<Engine>(m_pool);
    connect(m_engine.get(), &Engine::snapshotTaken, this, &PipelineJob::generationProgress);
    connect(m_engine.get(), &Engine::runFinished, this, &PipelineJob::onGenerated);
    if (!m_engine->start(m_plan, sink, sinkOptions.format, m_options.engine))
        finish(tr("cannot write the files: %1").arg(m_engine->error()));
}

void PipelineJob::onGenerated(const RunResult &result)
{
    m_engine.release()->deleteLater(); // inside its own signal
    if (result.cancelled || m_cancelled)
        return finish();
    if (!result.ok)
        return finish(tr("generating the files failed: %1").arg(result.error));
    QJsonArray outputs;
    for (const QString &path : result.outputs)
        outputs.append(QFileInfo(path).fileName());
    const QJsonObject stored{
        {QStringLiteral("format"), QStringLiteral("spillway-files")},
        {QStringLiteral("settings"), fingerprint(*m_schema, m_options)},
        {QStringLiteral("outputs"), outputs},
        {QStringLiteral("rows"), double(result.last.rowsDone)},
        {QStringLiteral("written"), QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs)}};
    QSaveFile file(QDir(m_filesDirectory).filePath(QLatin1String(kFingerprintFile)));
    if (!file.open(QIODevice::WriteOnly) || file.write(QJsonDocument(stored).toJson()) < 0 ||
        !file.commit())
        note(tr("Cannot write %1 (the files will be generated again next time): %2")
                 .arg(file.fileName(), file.errorString()));
    startIteration();
}

void PipelineJob::retireRunner()
{
    if (m_runner)
        m_runner.release()->deleteLater(); // may be inside one of its signals
}

void PipelineJob::startIteration()
{
    if (m_cancelled)
        return finish();
    m_current = PipelineIteration();
    if (m_options.repeat > 1)
        note(tr("Iteration %1 of %2").arg(m_iteration + 1).arg(m_options.repeat));
    if (m_options.beforeCommand.isEmpty())
        return startCommands();
    setPhase(Phase::Before);
    retireRunner();
    m_runner = std::make_unique<CommandRunner>();
    connect(m_runner.get(), &CommandRunner::lineRead, this, [this](PipelineLogLine line) {
        line.command = -1;
        onLine(line);
    });
    connect(m_runner.get(), &CommandRunner::commandFinished, this,
            [this](int, const CommandOutcome &outcome) {
                m_current.hasBefore = true;
                m_current.before = outcome;
            });
    connect(m_runner.get(), &CommandRunner::allFinished, this, [this] {
        const PipelineCommandRecord before =
            commandRecord(tr("before"), m_options.beforeCommand, m_current.before);
        note(tr("The before command: %1").arg(before.statusText()));
        if (m_cancelled)
            return endIteration();
        if (!m_current.before.succeeded()) {
            m_result.commandFailed = true;
            m_result.error = tr("the before command failed (%1); the iteration did not run")
                                 .arg(before.statusText());
            return endIteration();
        }
        startCommands();
    });
    CommandSpec spec{tr("before"), m_options.beforeCommand, m_options.workingDirectory,
                     environment(m_options, -1, m_filesDirectory, m_manifestPath,
                                 QProcessEnvironment::systemEnvironment())};
    m_runner->setTimeout(m_options.timeoutSeconds);
    m_runner->start({spec});
}

void PipelineJob::startCommands()
{
    setPhase(Phase::Running);
    const int n = int(m_options.commands.size());
    m_outcomes = QList<CommandOutcome>(n);
    m_ended = QList<bool>(n, false);
    m_lastProcess = QList<ProcessSample>(n);
    m_procSamplers.clear();
    m_procSamplers.resize(size_t(n));
    m_hasDatabase = false;
    m_lastDatabase = DatabaseSample();
    m_waitingFinalSample = false;
    // The database's counters are taken as a baseline before anything runs, so that rows a
    // quick command inserts at once are counted; without an answer in 5 s the commands start
    // anyway (and the database is sampled when it answers).
    m_awaitingBaseline = true;
    startDatabaseSampler(n);
    const int serial = ++m_runSerial;
    QTimer::singleShot(5000, this, [this, serial] {
        if (serial == m_runSerial)
            launchCommands();
    });
}

void PipelineJob::launchCommands()
{
    if (!m_awaitingBaseline)
        return;
    m_awaitingBaseline = false;
    if (m_cancelled) {
        retireDatabaseSampler();
        return endIteration();
    }
    QList<CommandSpec> specs;
    const QProcessEnvironment base = QProcessEnvironment::systemEnvironment();
    for (int i = 0; i < m_options.commands.size(); ++i)
        specs.append({m_options.commands[i].name, m_options.commands[i].commandLine,
                      m_options.workingDirectory,
                      environment(m_options, i, m_filesDirectory, m_manifestPath, base)});
    retireRunner();
    m_runner = std::make_unique<CommandRunner>();
    connect(m_runner.get(), &CommandRunner::lineRead, this, &PipelineJob::onLine);
    connect(m_runner.get(), &CommandRunner::commandStarted, this, [this](int i, qint64 pid) {
        if (i >= 0 && size_t(i) < m_procSamplers.size() && pid > 0)
            m_procSamplers[size_t(i)] = std::make_unique<ProcessTreeSampler>(pid);
    });
    connect(m_runner.get(), &CommandRunner::commandFinished, this, &PipelineJob::onCommandFinished);
    connect(m_runner.get(), &CommandRunner::allFinished, this, &PipelineJob::onCommandsFinished);
    m_recorder.setIteration(m_iteration, m_offset);
    m_runner->setTimeout(m_options.timeoutSeconds);
    m_runner->start(specs);
    m_timer.start();
    // One early look, so that a command done within a second still has its tree's figures.
    const int serial = m_runSerial;
    QTimer::singleShot(250, this, [this, serial] {
        if (serial == m_runSerial && m_timer.isActive())
            sample();
    });
}

void PipelineJob::startDatabaseSampler(int commands)
{
    PipelineSamplerOptions samplerOptions;
    samplerOptions.conninfo = m_options.conninfo;
    samplerOptions.targetTables = m_targets;
    samplerOptions.applicationPrefix = QStringLiteral("spillway/%1/").arg(m_options.runId);
    samplerOptions.commands = commands;
    m_dbSampler = std::make_unique<PipelineSampler>(samplerOptions);
    connect(m_dbSampler.get(), &PipelineSampler::sampled, this, &PipelineJob::onDatabaseSample);
    connect(m_dbSampler.get(), &PipelineSampler::samplingFailed, this,
            [this](const QString &message) {
                note(tr("The database could not be sampled: %1").arg(message));
                launchCommands(); // when still waiting for the baseline
            });
    connect(m_dbSampler.get(), &PipelineSampler::noted, this, &PipelineJob::note);
    m_dbSampler->start();
}

void PipelineJob::retireDatabaseSampler()
{
    if (!m_dbSampler)
        return;
    m_dbSampler->stop();
    // Its CPU time so far: what the sampling thread reported with its last sample, or more.
    m_samplingCpu += std::max(m_dbSampler->cpuSeconds(), m_lastDatabase.samplerCpuSeconds);
    m_dbSampler.release()->deleteLater(); // may be inside one of its signals
}

void PipelineJob::onCommandFinished(int i, const CommandOutcome &outcome)
{
    if (i < 0 || i >= m_outcomes.size())
        return;
    m_outcomes[i] = outcome;
    const PipelineCommandRecord record = commandRecord(m_options.commands[i].name, {}, outcome);
    note(tr("%1: %2 after %3 s")
             .arg(record.name, record.statusText())
             .arg(outcome.seconds, 0, 'f', 1) +
         (outcome.error.isEmpty() ? QString() : QStringLiteral(": ") + outcome.error));
    if (!m_ended[i]) {
        m_lastProcess[i] = sampleCommand(i); // the last figures of its tree
        m_ended[i] = true;
    }
    emit commandFinished(i, outcome);
}

void PipelineJob::onLine(PipelineLogLine line)
{
    if (!m_password.isEmpty())
        line.text.replace(m_password, QStringLiteral("****"));
    const QString name =
        line.command < 0 ? tr("before") : m_options.commands.value(line.command).name;
    writeLog(QStringLiteral("%1 [%2%3] %4\n")
                 .arg(line.elapsedSeconds, 9, 'f', 3)
                 .arg(name, line.fromStderr ? QStringLiteral(":err") : QString(), line.text));
    m_recorder.addLine(line);
    emit outputLine(line);
}

ProcessSample PipelineJob::sampleCommand(int command)
{
    const double cpuBefore = threadCpuSeconds();
    ProcessSample p;
    if (size_t(command) < m_procSamplers.size() && m_procSamplers[size_t(command)])
        p = m_procSamplers[size_t(command)]->sample();
    m_samplingCpu += threadCpuSeconds() - cpuBefore;
    return p;
}

PipelineSample PipelineJob::currentSample()
{
    const double cpuBefore = threadCpuSeconds();
    PipelineSample s;
    s.elapsedSeconds = m_runner ? m_runner->elapsedSeconds() : 0;
    // The running commands' trees from one scan of /proc.
    QList<ProcessTreeSampler *> samplers;
    QList<int> sampled;
    for (int i = 0; i < m_outcomes.size(); ++i) {
        if (!m_ended[i] && size_t(i) < m_procSamplers.size() && m_procSamplers[size_t(i)]) {
            samplers.append(m_procSamplers[size_t(i)].get());
            sampled.append(i);
        }
    }
    const QList<ProcessSample> trees = ProcessTreeSampler::sampleAll(samplers);
    for (qsizetype k = 0; k < sampled.size() && k < trees.size(); ++k)
        m_lastProcess[sampled[k]] = trees[k];
    for (int i = 0; i < m_outcomes.size(); ++i) {
        CommandSample c;
        c.command = i;
        c.running = !m_ended[i];
        if (c.running) {
            c.process = m_lastProcess[i];
        } else { // ended: nothing runs, what it read and wrote stays
            c.process.readBytes = m_lastProcess[i].readBytes;
            c.process.writeBytes = m_lastProcess[i].writeBytes;
        }
        s.commands.append(c);
    }
    s.database = m_lastDatabase;
    s.hasDatabase = m_hasDatabase;
    m_samplingCpu += threadCpuSeconds() - cpuBefore;
    return s;
}

void PipelineJob::sample()
{
    publish(currentSample(), false);
}

void PipelineJob::publish(const PipelineSample &s, bool final)
{
    m_recorder.addSample(s);
    emit pipelineSampled(s);
    RunSnapshot r;
    r.elapsedSeconds = m_offset + s.elapsedSeconds;
    r.rowsTotal = m_plan->totalRows();
    for (int i = 0; i < m_targetNames.size(); ++i) {
        TableProgress t;
        t.name = m_targetNames[i];
        t.rowsTotal = m_plan->tables()[size_t(i)].rows;
        for (const TableActivity &a : s.database.tables) {
            if (a.table != t.name)
                continue;
            t.rowsDone = uint64_t(std::max<qint64>(0, a.inserted));
            r.rowsPerSecond += a.insertsPerSecond;
            r.server.copyBytesProcessed += a.copyBytesProcessed;
        }
        r.rowsDone += t.rowsDone;
        r.tables.append(t);
    }
    r.meanRowsPerSecond = s.elapsedSeconds > 0 ? double(r.rowsDone) / s.elapsedSeconds : 0;
    if (r.rowsPerSecond > 0 && r.rowsDone < r.rowsTotal)
        r.etaSeconds = double(r.rowsTotal - r.rowsDone) / r.rowsPerSecond;
    r.hasServerSample = s.hasDatabase;
    r.server.elapsedSeconds = s.database.elapsedSeconds;
    r.server.tuplesInsertedPerSecond = r.rowsPerSecond;
    r.server.walBytesPerSecond = s.database.walBytesPerSecond;
    r.server.checkpoints = s.database.checkpoints;
    r.server.activeCopies = s.database.activeCopies;
    r.finished = final;
    m_result.last = r;
    emit snapshotTaken(r);
}

void PipelineJob::onDatabaseSample(const DatabaseSample &sample)
{
    m_lastDatabase = sample;
    // The sampler was given the targets as SQL names; the record and the screen show them plain.
    for (TableActivity &a : m_lastDatabase.tables) {
        const qsizetype i = m_targets.indexOf(a.table);
        if (i >= 0)
            a.table = m_targetNames[i];
    }
    m_hasDatabase = true;
    if (m_awaitingBaseline)
        return launchCommands();
    if (m_waitingFinalSample) {
        m_waitingFinalSample = false;
        completeRun();
    }
}

void PipelineJob::onCommandsFinished()
{
    m_timer.stop();
    for (const CommandOutcome &o : std::as_const(m_outcomes))
        m_current.seconds = std::max(m_current.seconds, o.seconds);
    m_current.outcomes = m_outcomes;
    // Counters of the last transactions reach pg_stat_* when their sessions end: wait for the
    // sampler's next round (at most a few seconds) before counting the iteration's rows.
    m_waitingFinalSample = true;
    const int serial = ++m_runSerial;
    QTimer::singleShot(2500, this, [this, serial] {
        if (m_waitingFinalSample && serial == m_runSerial) {
            m_waitingFinalSample = false;
            completeRun();
        }
    });
}

void PipelineJob::completeRun()
{
    PipelineSample last = currentSample();
    last.elapsedSeconds = m_current.seconds;
    retireDatabaseSampler();
    publish(last, true);
    m_current.rows = m_result.last.rowsDone;
    m_current.rowsPerSecond =
        m_current.seconds > 0 ? double(m_current.rows) / m_current.seconds : 0;
    m_offset += m_current.seconds;
    m_wallSeconds += m_current.seconds;
    m_procSamplers.clear();
    const bool anySucceeded = std::any_of(m_outcomes.begin(), m_outcomes.end(),
                                          [](const CommandOutcome &o) { return o.succeeded(); });
    if (!m_current.commandsSucceeded())
        m_result.commandFailed = true;
    if (m_cancelled || !m_options.verify || !anySucceeded)
        return endIteration();
    startVerify();
}

void PipelineJob::startVerify()
{
    setPhase(Phase::Verifying);
    VerifyOptions vo;
    vo.conninfo = m_options.conninfo;
    vo.dbSchema = m_options.dbSchema;
    vo.map = m_options.map;
    vo.manifestPath = m_manifestPath;
    if (!m_options.rejectsPath.isEmpty())
        vo.rejectsPath = QDir(m_options.workingDirectory.isEmpty() ? QDir::currentPath()
                                                                   : m_options.workingDirectory)
                             .absoluteFilePath(m_options.rejectsPath);
    const std::shared_ptr<const Plan> plan = m_plan;
    QThreadPool *pool = m_pool;
    const QString schemaArgument = m_options.schemaArgument;
    m_verifyWatcher = std::make_unique<QFutureWatcher<VerifyOutcome>>();
    connect(m_verifyWatcher.get(), &QFutureWatcherBase::finished, this, &PipelineJob::onVerified);
    m_verifyWatcher->setFuture(QtConcurrent::run([plan, vo, pool, schemaArgument] {
        VerifyOutcome out;
        out.report.schema = schemaArgument;
        Verifier verifier(pool);
        out.error = verifier.run(plan, vo, out.report);
        return out;
    }));
}

void PipelineJob::onVerified()
{
    const VerifyOutcome out = m_verifyWatcher->result();
    m_verifyWatcher.release()->deleteLater(); // inside its own signal
    m_current.verify = out.report;
    m_current.verifyError = out.error;
    m_current.verified = out.error.isEmpty();
    if (!out.error.isEmpty()) {
        m_result.error = tr("verify could not compare the tables: %1").arg(out.error);
    } else if (!out.report.ok()) {
        m_result.verifyDifferences = true;
        note(tr("Verify found differences"));
    } else {
        note(tr("Verify: every table as expected"));
    }
    endIteration();
}

void PipelineJob::endIteration()
{
    PipelineIterationRecord rec;
    rec.seconds = m_current.seconds;
    rec.rows = double(m_current.rows);
    rec.rowsPerSecond = m_current.rowsPerSecond;
    for (int i = 0; i < m_current.outcomes.size(); ++i)
        rec.commands.append(commandRecord(
            m_options.commands[i].name, m_options.commands[i].commandLine, m_current.outcomes[i]));
    rec.hasBefore = m_current.hasBefore;
    if (rec.hasBefore)
        rec.before = commandRecord(tr("before"), m_options.beforeCommand, m_current.before);
    rec.verified = m_current.verified;
    rec.verifyOk = m_current.verified && m_current.verify.ok();
    rec.verifyError = m_current.verifyError;
    if (!m_current.outcomes.isEmpty() || rec.hasBefore) {
        m_recorder.addIteration(rec);
        m_result.iterations.append(m_current);
    }
    const bool failed = m_result.commandFailed || !m_result.error.isEmpty();
    if (failed && m_iteration + 1 < m_options.repeat)
        note(tr("Stopping after iteration %1: it failed").arg(m_iteration + 1));
    if (!m_cancelled && !failed && ++m_iteration < m_options.repeat)
        return startIteration();
    finish();
}

void PipelineJob::finish(const QString &error)
{
    if (m_phase == Phase::Done)
        return;
    m_timer.stop();
    if (!error.isEmpty() && m_result.error.isEmpty())
        m_result.error = error;
    if (!m_result.error.isEmpty())
        writeLog(QStringLiteral("# error: %1\n").arg(m_result.error));
    retireDatabaseSampler();
    m_result.cancelled = m_cancelled;
    m_result.ok = !m_cancelled && m_result.error.isEmpty() && !m_result.commandFailed &&
                  !m_result.verifyDifferences && !m_result.iterations.isEmpty();
    m_result.last.finished = true;
    m_recorder.finish();
    PipelineRecord &record = m_recorder.record();
    record.logFile = m_result.logFile;
    record.filesDirectory = m_filesDirectory;
    record.reusedFiles = m_result.reusedFiles;
    record.manifestPath = m_manifestPath;
    record.samplingCpuSeconds = m_samplingCpu;
    record.wallSeconds = m_wallSeconds;
    m_result.record = record;
    if (m_cancelled)
        note(tr("Cancelled"));
    m_log.close();
    setPhase(Phase::Done);
    emit finished(m_result);
}

} // namespace spillway
