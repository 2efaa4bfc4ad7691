#include "pg/pgsink.h"

#include "encode/binaryencoder.h"
#include "run/plan.h"
#include "schema/ddl.h"

#include <algorithm>

namespace spillway {

LatencySummary summarizeLatencies(std::vector<double> &v)
{
    if (v.empty())
        return {};
    std::sort(v.begin(), v.end());
    auto at = [&v](double q) { return v[std::min(v.size() - 1, size_t(q * double(v.size())))]; };
    return {int(v.size()), at(0.50), at(0.95), at(0.99), v.back()};
}

PgSink::PgSink(PgSinkOptions options)
    : m_options(std::move(options))
{}

PgSink::~PgSink() = default;

QString PgSink::ledgerKey(const QString &table, uint32_t chunk)
{
    return table + QLatin1Char('/') + QString::number(chunk);
}

QString PgSink::copyStatement(const TableRuntime &table, const QString &dbSchema,
                              const QString &format)
{
    QStringList columns;
    for (int c : table.outputColumns)
        columns.append(Ddl::quoteIdentifier(table.columns[size_t(c)].name));
    return QStringLiteral("COPY %1 (%2) FROM STDIN (FORMAT %3)")
        .arg(Ddl::qualifiedName(dbSchema, table.name), columns.join(QStringLiteral(", ")), format);
}

QString PgSink::open(const Plan &plan)
{
    m_plan = &plan;
    m_committers.clear();
    RetryPolicy retry = m_options.retry;
    for (int i = 0; i < std::max(1, m_options.workers); ++i) {
        m_committers.push_back(
            std::make_unique<ChunkCommitter>(m_options.conninfo, retry, &m_cancelled));
        m_committers.back()->setEvents(&m_events, i);
    }
    m_copySql.clear();
    m_binary.clear();
    const auto &tables = plan.schema()->tables();
    // Binary COPY framing: the PGCOPY header before the chunk's tuples, the trailer after.
    BinaryCopyEncoder framing;
    m_binaryHeader.clear();
    m_binaryTrailer.clear();
    if (!tables.empty())
        framing.writeHeader(*tables.front(), m_binaryHeader);
    BinaryCopyEncoder::trailer(m_binaryTrailer);
    for (int t = 0; t < int(tables.size()); ++t) {
        QString format = QStringLiteral("binary");
        if (m_options.format == CopyFormat::Text || m_options.textTables.contains(t))
            format = QStringLiteral("text");
        else if (m_options.format == CopyFormat::Csv)
            format = QStringLiteral("csv");
        m_binary.push_back(format == QLatin1String("binary"));
        m_copySql.push_back(copyStatement(*tables[size_t(t)], m_options.dbSchema, format));
    }
    return {};
}

bool PgSink::isDone(const ChunkSpec &chunk) const
{
    if (m_options.committed.isEmpty())
        return false;
    const QString &table = m_plan->schema()->tables()[size_t(chunk.table)]->name;
    return m_options.committed.contains(ledgerKey(table, chunk.indexInTable));
}

QString PgSink::write(EncodedChunk &chunk, int worker)
{
    ChunkCommitter &committer = *m_committers[size_t(worker) % m_committers.size()];
    ChunkKey key;
    key.runId = m_options.runId;
    key.table = m_plan->schema()->tables()[size_t(chunk.table)]->name;
    key.chunk = m_plan->chunks()[chunk.sequence].indexInTable;
    key.firstRow = chunk.firstRow;
    key.rows = chunk.rows;
    const char *pieces[3] = {m_binaryHeader.data(), chunk.data.data(), m_binaryTrailer.data()};
    const size_t sizes[3] = {m_binaryHeader.size(), chunk.data.size(), m_binaryTrailer.size()};
    const bool binary = m_binary[size_t(chunk.table)];
    const ChunkCommit data{m_copySql[size_t(chunk.table)], binary ? pieces : pieces + 1,
                           binary ? sizes : sizes + 1, binary ? 3 : 1};
    const QString error = committer.commit(key, data);
    if (error.isEmpty() && committer.lastLatencyMs() >= 0) {
        std::lock_guard lock(m_latencyMutex);
        m_latenciesMs.push_back(committer.lastLatencyMs());
    }
    return error;
}

QString PgSink::finish(bool completed)
{
    Q_UNUSED(completed)
    for (auto &c : m_committers) {
        c->close();
        c->setState(WorkerState::Done);
    }
    return {};
}

QStringList PgSink::outputs() const
{
    QStringList tables;
    if (!m_plan)
        return tables;
    for (const TablePlan &tp : m_plan->tables())
        tables.append(Ddl::qualifiedName(m_options.dbSchema,
                                         m_plan->schema()->tables()[size_t(tp.table)]->name));
    return tables;
}

void PgSink::addMetrics(RunSnapshot &snapshot) const
{
    for (const auto &c : m_committers)
        snapshot.workers.append(c->state());
    snapshot.events += m_events.drain(); // each event reaches one snapshot
    std::vector<double> copy;
    {
        std::lock_guard lock(m_latencyMutex);
        copy = m_latenciesMs;
    }
    snapshot.commitLatency = summarizeLatencies(copy);
}

} // namespace spillway
