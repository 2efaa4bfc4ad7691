#include "pg/ingestjob.h"

#include "encode/binaryencoder.h"
#include "pg/database.h"
#include "pg/postgis.h"
#include "pg/serversampler.h"
#include "schema/ddl.h"
#include "schema/schemaio.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QThreadPool>

namespace spillway {

bool IngestOptions::parseMode(const QString &text, LoadMode &mode)
{
    static const QHash<QString, LoadMode> modes{{QStringLiteral("create"), LoadMode::Create},
                                                {QStringLiteral("truncate"), LoadMode::Truncate},
                                                {QStringLiteral("append"), LoadMode::Append},
                                                {QStringLiteral("recreate"), LoadMode::Recreate}};
    if (!modes.contains(text))
        return false;
    mode = modes.value(text);
    return true;
}

bool IngestOptions::parseFormat(const QString &text, CopyFormat &format)
{
    static const QHash<QString, CopyFormat> formats{{QStringLiteral("binary"), CopyFormat::Binary},
                                                    {QStringLiteral("text"), CopyFormat::Text},
                                                    {QStringLiteral("csv"), CopyFormat::Csv}};
    if (!formats.contains(text))
        return false;
    format = formats.value(text);
    return true;
}

QString IngestOptions::modeName(LoadMode mode)
{
    switch (mode) {
    case LoadMode::Create:
        return QStringLiteral("create");
    case LoadMode::Truncate:
        return QStringLiteral("truncate");
    case LoadMode::Append:
        return QStringLiteral("append");
    case LoadMode::Recreate:
        return QStringLiteral("recreate");
    }
    return {};
}

QString IngestOptions::formatName(CopyFormat format)
{
    switch (format) {
    case CopyFormat::Binary:
        return QStringLiteral("binary");
    case CopyFormat::Text:
        return QStringLiteral("text");
    case CopyFormat::Csv:
        return QStringLiteral("csv");
    }
    return {};
}

namespace {

// Binary COPY for every table whose column types allow it, COPY text for the others.
class CopyEncoder final : public Encoder
{
public:
    CopyEncoder(const BinaryCopyEncoder *binary, QSet<const TableRuntime *> textTables)
        : m_binary(binary)
        , m_textTables(std::move(textTables))
    {
        FormatOptions text;
        text.format = OutputFormat::PgCopy;
        m_text = Encoder::create(text);
    }
    void writeHeader(const TableRuntime &table, ByteBuffer &out) const override
    {
        if (!m_textTables.contains(&table))
            m_binary->writeHeader(table, out);
    }
    void encode(const TableRuntime &table, const RowBatch &batch, ByteBuffer &out,
                std::vector<uint32_t> *rowEnds) const override
    {
        if (m_textTables.contains(&table))
            m_text->encode(table, batch, out, rowEnds);
        else
            m_binary->encode(table, batch, out, rowEnds);
    }

private:
    const BinaryCopyEncoder *m_binary;
    std::unique_ptr<Encoder> m_text;
    QSet<const TableRuntime *> m_textTables;
};

} // namespace

IngestJob::IngestJob(QThreadPool *pool, QObject *parent)
    : QObject(parent)
    , m_pool(pool)
{}

IngestJob::~IngestJob() = default;

QJsonObject IngestJob::planSettings(const CompiledSchema &schema, const PlanOptions &o)
{
    QJsonObject rows;
    for (auto it = o.tableRows.cbegin(); it != o.tableRows.cend(); ++it)
        rows.insert(it.key(), QString::number(it.value()));
    QStringList tables = o.tables;
    tables.sort();
    return QJsonObject{
        {QStringLiteral("schema_hash"), SchemaIO::hash(schema.schema())},
        {QStringLiteral("seed"), QString::number(schema.seed())},
        {QStringLiteral("rows"), o.rows ? QString::number(*o.rows) : QString()},
        {QStringLiteral("table_rows"), rows},
        {QStringLiteral("scale"), o.scale},
        {QStringLiteral("chunk_rows"), QString::number(o.chunkRows)},
        {QStringLiteral("tables"), QJsonArray::fromStringList(tables)},
        {QStringLiteral("shard"), QStringLiteral("%1/%2").arg(o.shardIndex).arg(o.shardCount)}};
}

QString IngestJob::start(std::shared_ptr<CompiledSchema> schema, const PlanOptions &planOptions,
                         const EngineOptions &engineOptions, const IngestOptions &options)
{
    m_schema = std::move(schema);
    m_options = options;
    m_db = std::make_unique<Database>();
    m_binaryEncoder = std::make_unique<BinaryCopyEncoder>();
    emit phaseChanged(QCoreApplication::translate("spillway::IngestJob", "connecting"));
    if (QString e = m_db->open(options.conninfo); !e.isEmpty())
        return e;
    m_serverVersion = m_db->serverVersion();
    Diagnostics diagnostics;
    m_plan = Plan::build(m_schema, planOptions, m_pool, diagnostics);
    if (!m_plan)
        return diagnostics.toString();
    if (QString e = m_db->ensureLedger(); !e.isEmpty())
        return QStringLiteral("cannot create the ledger (schema \"spillway\"): %1").arg(e);
    if (QString e = resolveRun(planSettings(*m_schema, planOptions)); !e.isEmpty())
        return e;
    if (!m_options.resume) {
        emit phaseChanged(QCoreApplication::translate("spillway::IngestJob", "creating tables"));
        if (QString e = prepareTables(); !e.isEmpty())
            return e;
    }
    PgSinkOptions sinkOptions;
    sinkOptions.conninfo = options.conninfo;
    sinkOptions.runId = m_runId;
    sinkOptions.dbSchema = options.dbSchema;
    sinkOptions.format = options.format;
    sinkOptions.workers =
        engineOptions.workers > 0 ? engineOptions.workers : m_pool->maxThreadCount();
    sinkOptions.retry.retries = options.retries;
    sinkOptions.retry.delayMs = options.retryDelayMs;
    sinkOptions.committed = m_committed;
    auto encoder = createEncoder(&sinkOptions.textTables);
    auto sink = std::make_shared<PgSink>(sinkOptions);
    m_engine = std::make_unique<Engine>(m_pool);
    connect(m_engine.get(), &Engine::snapshotTaken, this, [this](RunSnapshot s) {
        s.server = m_lastSample;
        s.hasServerSample = m_hasSample;
        emit snapshotTaken(s);
    });
    connect(m_engine.get(), &Engine::runFinished, this, &IngestJob::onEngineFinished);
    m_sampler = std::make_unique<ServerSampler>(options.conninfo);
    connect(m_sampler.get(), &ServerSampler::sampled, this, [this](const ServerSample &s) {
        m_lastSample = s;
        m_hasSample = true;
    });
    EngineOptions eo = engineOptions;
    // Tables kept from before may hold foreign keys already: parents are then loaded first.
    eo.tableBarrier = options.constraintsFirst || m_keptTables;
    emit phaseChanged(QCoreApplication::translate("spillway::IngestJob", "loading"));
    if (!m_engine->start(m_plan, sink, std::move(encoder), eo))
        return m_engine->error();
    m_sampler->start();
    return {};
}

void IngestJob::cancel()
{
    if (m_engine)
        m_engine->cancel();
}

QString IngestJob::resolveRun(const QJsonObject &settings)
{
    const QString settingsText =
        QString::fromUtf8(QJsonDocument(settings).toJson(QJsonDocument::Compact));
    const QString hash = settings.value(QStringLiteral("schema_hash")).toString();
    m_runId = m_options.runId;
    QList<QStringList> rows;
    if (m_options.resume) {
        const QString sql =
            m_runId.isEmpty()
                ? QStringLiteral(
                      "SELECT run_id, settings::text, status FROM spillway.runs WHERE "
                      "schema_hash = %1 AND status <> 'finished' ORDER BY started_at DESC "
                      "LIMIT 1")
                      .arg(Ddl::quoteLiteral(hash))
                : QStringLiteral("SELECT run_id, settings::text, status FROM spillway.runs WHERE "
                                 "run_id = %1")
                      .arg(Ddl::quoteLiteral(m_runId));
        if (QString e = m_db->query(sql, &rows); !e.isEmpty())
            return e;
        if (rows.isEmpty())
            return m_runId.isEmpty()
                       ? QStringLiteral("there is no unfinished run of this schema to resume: run "
                                        "without --resume")
                       : QStringLiteral("there is no run '%1' in this database to resume: check "
                                        "--run-id (spillway.runs lists the runs)")
                             .arg(m_runId);
        m_runId = rows[0][0];
        const QJsonObject stored = QJsonDocument::fromJson(rows[0][1].toUtf8()).object();
        for (auto it = settings.constBegin(); it != settings.constEnd(); ++it) {
            if (stored.value(it.key()) != it.value())
                return QStringLiteral("run '%1' was started with different settings (%2): resume "
                                      "it with the same schema, seed, rows, chunk size and "
                                      "tables")
                    .arg(m_runId, it.key());
        }
        rows.clear();
        if (QString e = m_db->query(QStringLiteral("SELECT table_name, chunk FROM spillway.ledger "
                                                   "WHERE run_id = %1")
                                        .arg(Ddl::quoteLiteral(m_runId)),
                                    &rows);
            !e.isEmpty())
            return e;
        for (const QStringList &r : rows)
            m_committed.insert(PgSink::ledgerKey(r[0], r[1].toUInt()));
        return m_db->execute(
            QStringLiteral("UPDATE spillway.runs SET status = 'running' WHERE run_id = %1")
                .arg(Ddl::quoteLiteral(m_runId)));
    }
    if (m_runId.isEmpty())
        m_runId = QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyyMMdd-HHmmss-")) +
                  QString::number(QRandomGenerator::global()->bounded(0x10000), 16)
                      .rightJustified(4, QLatin1Char('0'));
    if (QString e = m_db->query(QStringLiteral("SELECT 1 FROM spillway.runs WHERE run_id = %1")
                                    .arg(Ddl::quoteLiteral(m_runId)),
                                &rows);
        !e.isEmpty())
        return e;
    if (!rows.isEmpty())
        return QStringLiteral("run '%1' already exists in this database: add --resume to continue "
                              "it, or choose another --run-id")
            .arg(m_runId);
    return m_db->execute(QStringLiteral("INSERT INTO spillway.runs (run_id, schema_hash, settings) "
                                        "VALUES (%1, %2, %3::jsonb)")
                             .arg(Ddl::quoteLiteral(m_runId), Ddl::quoteLiteral(hash),
                                  Ddl::quoteLiteral(settingsText)));
}

QString IngestJob::prepareTables()
{
    QStringList names;
    for (const TablePlan &tp : m_plan->tables())
        names.append(m_schema->tables()[size_t(tp.table)]->name);
    DdlOptions ddl;
    ddl.unlogged = m_options.unlogged;
    ddl.schemaName = m_options.dbSchema;
    QStringList statements;
    if (!m_options.dbSchema.isEmpty())
        statements.append(QStringLiteral("CREATE SCHEMA IF NOT EXISTS %1")
                              .arg(Ddl::quoteIdentifier(m_options.dbSchema)));
    QStringList missing;
    for (const QString &name : names) {
        QString error;
        const bool exists = m_db->tableExists(m_options.dbSchema, name, &error);
        if (!error.isEmpty())
            return error;
        const QString qualified = Ddl::qualifiedName(m_options.dbSchema, name);
        if (exists && m_options.mode == LoadMode::Create)
            return QStringLiteral("table %1 already exists in the database: choose --mode append, "
                                  "truncate or recreate")
                .arg(qualified);
        if (exists && m_options.mode == LoadMode::Recreate)
            statements.append(QStringLiteral("DROP TABLE %1 CASCADE").arg(qualified));
        if (exists && m_options.mode == LoadMode::Truncate)
            statements.append(QStringLiteral("TRUNCATE %1 CASCADE").arg(qualified));
        if (!exists || m_options.mode == LoadMode::Recreate)
            missing.append(name);
        else
            m_keptTables = true;
    }
    if (!missing.isEmpty()) { // an empty list would mean every table
        // Geometry and geography columns need PostGIS before their tables can be created.
        if (QString e = Postgis::ensure(*m_db, Postgis::columns(*m_schema, missing)); !e.isEmpty())
            return e;
        statements += Ddl::createTables(*m_schema, ddl, missing);
    }
    if (m_options.constraintsFirst) {
        if (QString e = constraintStatements(&statements); !e.isEmpty())
            return e;
    }
    return m_db->execute(statements);
}

QString IngestJob::constraintStatements(QStringList *statements)
{
    // Constraints are named like PostgreSQL names them; existing ones are kept.
    QStringList names;
    for (const TablePlan &tp : m_plan->tables())
        names.append(m_schema->tables()[size_t(tp.table)]->name);
    DdlOptions ddl;
    ddl.schemaName = m_options.dbSchema;
    QList<QStringList> existing;
    if (QString e = m_db->query(QStringLiteral("SELECT conname FROM pg_constraint"), &existing);
        !e.isEmpty())
        return e;
    QSet<QString> present;
    for (const QStringList &r : existing)
        present.insert(r[0]);
    for (const QString &s : Ddl::constraints(*m_schema, ddl, names)) {
        const int a = int(s.indexOf(QStringLiteral("CONSTRAINT \""))) + 12;
        const int b = int(s.indexOf(QStringLiteral("\" "), a));
        const QString name = s.mid(a, b - a).replace(QStringLiteral("\"\""), QStringLiteral("\""));
        if (!present.contains(name))
            statements->append(s);
    }
    return {};
}

std::unique_ptr<Encoder> IngestJob::createEncoder(QSet<int> *textTables)
{
    FormatOptions format;
    switch (m_options.format) {
    case CopyFormat::Text:
        format.format = OutputFormat::PgCopy;
        return Encoder::create(format);
    case CopyFormat::Csv:
        format.format = OutputFormat::Csv;
        format.header = false;
        return Encoder::create(format);
    case CopyFormat::Binary:
        break;
    }
    QSet<const TableRuntime *> text;
    for (const TablePlan &tp : m_plan->tables()) {
        const TableRuntime &table = *m_schema->tables()[size_t(tp.table)];
        if (const QString why = BinaryCopyEncoder::checkTable(table); !why.isEmpty()) {
            text.insert(&table);
            textTables->insert(tp.table);
            emit phaseChanged(
                QCoreApplication::translate("spillway::IngestJob", "loading %1 with COPY text: %2")
                    .arg(table.name, why));
        }
    }
    return std::make_unique<CopyEncoder>(m_binaryEncoder.get(), std::move(text));
}

void IngestJob::onEngineFinished(const RunResult &engineResult)
{
    m_sampler->stop();
    RunResult result = engineResult;
    if (!result.ok && m_binaryEncoder && m_binaryEncoder->hasError())
        result.error = m_binaryEncoder->error(); // names the value the server refused
    result.last.server = m_lastSample;
    result.last.hasServerSample = m_hasSample;
    const QString run = Ddl::quoteLiteral(m_runId);
    if (result.ok) {
        emit phaseChanged(
            QCoreApplication::translate("spillway::IngestJob", "creating constraints"));
        QStringList after;
        QString e = m_options.constraintsFirst ? QString() : constraintStatements(&after);
        if (e.isEmpty())
            e = m_db->executeEach(after);
        if (e.isEmpty() && m_options.analyze) {
            emit phaseChanged(QCoreApplication::translate("spillway::IngestJob", "analyzing"));
            QStringList analyze;
            for (const QString &table : result.outputs)
                analyze.append(QStringLiteral("ANALYZE %1").arg(table));
            e = m_db->executeEach(analyze);
        }
        if (!e.isEmpty()) {
            result.ok = false;
            result.error =
                QStringLiteral("the data loaded, but finishing the tables failed: %1").arg(e);
        }
    }
    const QString status = result.ok          ? QStringLiteral("finished")
                           : result.cancelled ? QStringLiteral("cancelled")
                                              : QStringLiteral("failed");
    m_db->execute(QStringLiteral("UPDATE spillway.runs SET status = %1, finished_at = now() WHERE "
                                 "run_id = %2")
                      .arg(Ddl::quoteLiteral(status), run));
    emit runFinished(result);
}

} // namespace spillway
