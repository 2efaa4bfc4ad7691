#pragma once

// Loads generated chunks into PostgreSQL: one connection per worker, each chunk one COPY in one
// transaction together with its ledger row (see ChunkCommitter), so every chunk is committed
// exactly once, across retries and resumed runs.

#include "pg/chunkcommitter.h"
#include "run/sink.h"
#include "schema/compiledschema.h"

#include <QSet>
#include <QStringList>

#include <atomic>
#include <memory>
#include <mutex>
#include <vector>

namespace spillway {

enum class CopyFormat { Binary, Text, Csv };

struct PgSinkOptions
{
    QString conninfo;
    QString runId;
    QString dbSchema; // PostgreSQL schema of the tables; empty: search_path
    CopyFormat format = CopyFormat::Binary;
    QSet<int> textTables; // tables sent as COPY text although format is binary
    int workers = 1;
    RetryPolicy retry;
    QSet<QString> committed; // ledgerKey()s already committed (resume)
};

class PgSink final : public Sink
{
public:
    explicit PgSink(PgSinkOptions options);
    ~PgSink() override;

    bool isOrdered() const override { return false; }
    QString open(const Plan &plan) override;
    QString write(EncodedChunk &chunk, int worker) override;
    QString finish(bool completed) override;
    QStringList outputs() const override;
    bool isDone(const ChunkSpec &chunk) const override;
    void cancel() override { m_cancelled = true; }
    void addMetrics(RunSnapshot &snapshot) const override;

    static QString ledgerKey(const QString &table, uint32_t chunk);
    static QString copyStatement(const TableRuntime &table, const QString &dbSchema,
                                 const QString &format);

private:
    PgSinkOptions m_options;
    const Plan *m_plan = nullptr;
    std::vector<std::unique_ptr<ChunkCommitter>> m_committers;
    std::vector<QString> m_copySql; // per table index
    std::vector<bool> m_binary;
    ByteBuffer m_binaryHeader;
    ByteBuffer m_binaryTrailer;
    std::atomic<bool> m_cancelled{false};
    mutable RunEventQueue m_events; // drained by addMetrics() on the sampler's tick
    mutable std::mutex m_latencyMutex;
    std::vector<double> m_latenciesMs;
};

// Percentiles of a set of latencies (sorted in place).
LatencySummary summarizeLatencies(std::vector<double> &latenciesMs);

} // namespace spillway
