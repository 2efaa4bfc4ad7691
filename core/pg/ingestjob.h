#pragma once

// An ingest run into PostgreSQL: prepares the tables (mode, DDL, ledger), loads them with the
// engine and a PgSink (one COPY transaction per chunk), samples the server, then creates
// constraints and analyzes. The CLI and the GUI both drive this class.

#include "pg/pgsink.h"
#include "run/engine.h"
#include "run/plan.h"

#include <QObject>

#include <memory>

class QThreadPool;

namespace spillway {

class BinaryCopyEncoder;
class Database;
class ServerSampler;

enum class LoadMode { Create, Truncate, Append, Recreate };

struct IngestOptions
{
    QString conninfo;
    LoadMode mode = LoadMode::Create;
    CopyFormat format = CopyFormat::Binary;
    bool constraintsFirst = false; // create foreign keys and unique constraints before loading
    bool unlogged = false;
    bool analyze = true;
    QString runId;       // empty: a new id
    bool resume = false; // continue the run (given, or the latest unfinished one)
    QString dbSchema;    // PostgreSQL schema for the tables; empty: search_path
    int retries = 8;
    int retryDelayMs = 250;

    static bool parseMode(const QString &text, LoadMode &mode);
    static bool parseFormat(const QString &text, CopyFormat &format);
    static QString modeName(LoadMode mode);
    static QString formatName(CopyFormat format);
};

class IngestJob : public QObject
{
    Q_OBJECT

public:
    explicit IngestJob(QThreadPool *pool, QObject *parent = nullptr);
    ~IngestJob() override;

    // Connects, prepares the database and starts loading; returns an error message, or empty
    // when the run started (runFinished follows).
    QString start(std::shared_ptr<CompiledSchema> schema, const PlanOptions &planOptions,
                  const EngineOptions &engineOptions, const IngestOptions &options);
    void cancel();

    QString runId() const { return m_runId; }
    QString serverVersion() const { return m_serverVersion; }
    std::shared_ptr<const Plan> plan() const { return m_plan; }
    uint64_t resumedChunks() const { return uint64_t(m_committed.size()); }

    // Settings that a resumed run must share with the run it continues.
    static QJsonObject planSettings(const CompiledSchema &schema, const PlanOptions &options);

signals:
    void snapshotTaken(const spillway::RunSnapshot &snapshot);
    void phaseChanged(const QString &description);
    void runFinished(const spillway::RunResult &result);

private:
    QString resolveRun(const QJsonObject &settings);
    QString prepareTables();
    QString constraintStatements(QStringList *statements);
    void onEngineFinished(const RunResult &result);
    std::unique_ptr<Encoder> createEncoder(QSet<int> *textTables);

    QThreadPool *m_pool;
    std::unique_ptr<Database> m_db;
    std::unique_ptr<BinaryCopyEncoder> m_binaryEncoder;
    std::unique_ptr<Engine> m_engine;
    std::unique_ptr<ServerSampler> m_sampler;
    std::shared_ptr<CompiledSchema> m_schema;
    std::shared_ptr<const Plan> m_plan;
    IngestOptions m_options;
    QString m_runId;
    QString m_serverVersion;
    QSet<QString> m_committed;
    ServerSample m_lastSample;
    bool m_hasSample = false;
    bool m_keptTables = false; // append/truncate into tables that existed (with their keys)
};

} // namespace spillway
