#include "pg/pipelinesampler.h"

#include "pg/database.h"
#include "pg/samplingthread.h"
#include "schema/ddl.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>
#include <array>

namespace spillway {

namespace {

// Null for a null string.
QString sqlTextArray(const QStringList &values)
{
    QStringList quoted;
    for (const QString &v : values)
        quoted.append(v.isNull() ? QStringLiteral("NULL") : Ddl::quoteLiteral(v));
    return QStringLiteral("ARRAY[%1]::text[]").arg(quoted.join(QStringLiteral(", ")));
}

// A target is read as SQL (to_regclass): "staging.orders" or "Staging"."Orders". An unquoted
// name with capitals (Staging.Orders) is also tried as written, quoted.
QStringList quotedAlternatives(const QStringList &targets)
{
    QStringList alternatives;
    for (const QString &t : targets) {
        const QStringList parts = t.split(QLatin1Char('.'));
        const bool plain = !t.contains(QLatin1Char('"')) && t != t.toLower() && parts.size() <= 2;
        alternatives.append(plain ? (parts.size() == 2 ? Ddl::qualifiedName(parts[0], parts[1])
                                                       : Ddl::quoteIdentifier(t))
                                  : QString());
    }
    return alternatives;
}

QStringList nullWhenEmpty(QStringList names)
{
    for (QString &n : names) {
        if (n.trimmed().isEmpty())
            n = QString();
    }
    return names;
}

// The target tables, with the rows and bytes of COPYs in progress into each. A partitioned
// (or inherited) target counts the rows of its partitions. Catalogs and statistics are read
// without locking the tables (to_regclass, pg_inherits), so a pipeline's ACCESS EXCLUSIVE lock
// does not hold sampling up.
QString tablesQuery(const PipelineSamplerOptions &o)
{
    return QStringLiteral(R"sql(
target AS (SELECT name, alt, i FROM unnest(%1, %2) WITH ORDINALITY AS u(name, alt, i)),
resolved AS (SELECT i, coalesce(to_regclass(name), to_regclass(alt))::oid AS oid FROM target),
tree(i, relid) AS (
  SELECT i, oid FROM resolved WHERE oid IS NOT NULL
  UNION ALL SELECT tree.i, h.inhrelid FROM tree JOIN pg_inherits h ON h.inhparent = tree.relid),
counters AS (
  SELECT i, sum(pg_stat_get_tuples_inserted(relid)) AS ins,
    sum(pg_stat_get_tuples_updated(relid)) AS upd, sum(pg_stat_get_tuples_deleted(relid)) AS del,
    sum(pg_stat_get_live_tuples(relid)) AS live
  FROM tree GROUP BY i),
tables AS (
  SELECT r.i, r.oid::bigint AS oid, s.ins, s.upd, s.del, s.live,
    (SELECT coalesce(sum(p.bytes_processed), 0) FROM copies p
     WHERE p.relid = r.oid AND p.command = 'COPY FROM') AS copy_bytes,
    (SELECT coalesce(sum(p.tuples_processed), 0) FROM copies p
     WHERE p.relid = r.oid AND p.command = 'COPY FROM') AS copy_rows
  FROM resolved r LEFT JOIN counters s ON s.i = r.i))sql")
        .arg(sqlTextArray(nullWhenEmpty(o.targetTables)),
             sqlTextArray(quotedAlternatives(o.targetTables)));
}

// Client sessions of the database but the sampler's own, by command (the last: others).
// pg_blocking_pids() briefly locks the lock manager: asked only for sessions waiting on a lock.
QString sessionsQuery(const PipelineSamplerOptions &o)
{
    QStringList applicationNames;
    for (int i = 0; i < o.commands; ++i)
        applicationNames.append(o.applicationPrefix + QString::number(i));
    return QStringLiteral(R"sql(
sessions AS (
  SELECT coalesce(array_position(%1, a.application_name) - 1, %2) AS command,
    a.state, a.wait_event_type, a.wait_event,
    CASE WHEN a.wait_event_type = 'Lock' THEN cardinality(pg_blocking_pids(a.pid)) > 0
    ELSE false END AS blocked
  FROM pg_stat_activity a
  WHERE a.datname = current_database() AND a.pid <> pg_backend_pid()
    AND a.backend_type = 'client backend'))sql")
        .arg(sqlTextArray(applicationNames), QString::number(o.commands));
}

// The whole sample in one statement and one round trip, answered as one JSON document. The
// statement timeout bounds how long an overloaded server can keep the sampling thread (and so
// the owner's destructor) waiting.
QString sampleQuery(const PipelineSamplerOptions &o, int serverMajor)
{
    const QString copies =
        serverMajor >= 14
            ? QStringLiteral("SELECT relid, command, bytes_processed, tuples_processed "
                             "FROM pg_stat_progress_copy WHERE datname = current_database()")
            : QStringLiteral("SELECT NULL::oid AS relid, NULL::text AS command, 0::bigint "
                             "AS bytes_processed, 0::bigint AS tuples_processed WHERE false");
    const QString checkpoints =
        serverMajor >= 17
            ? QStringLiteral("SELECT num_timed + num_requested FROM pg_stat_checkpointer")
            : QStringLiteral("SELECT checkpoints_timed + checkpoints_req FROM pg_stat_bgwriter");
    return QStringLiteral(R"sql(SET statement_timeout = '5s';
WITH RECURSIVE copies AS (%1), %2, %3
SELECT json_build_object(
  'tables', (SELECT coalesce(json_agg(tables ORDER BY i), '[]') FROM tables),
  'wal', CASE WHEN pg_is_in_recovery() THEN NULL ELSE pg_current_wal_lsn() - '0/0'::pg_lsn END,
  'checkpoints', (%4), 'temp_files', d.temp_files, 'temp_bytes', d.temp_bytes,
  'copies', (SELECT count(*) FROM copies),
  'sessions', (SELECT coalesce(json_agg(g), '[]') FROM (
    SELECT command, state, wait_event_type, wait_event, blocked, count(*) AS n
    FROM sessions GROUP BY 1, 2, 3, 4, 5) g))
FROM pg_stat_database d WHERE d.datname = current_database())sql")
        .arg(copies, tablesQuery(o), sessionsQuery(o), checkpoints);
}

qint64 integer(const QJsonObject &o, const char *key)
{
    return qint64(o.value(QLatin1String(key)).toDouble());
}

// "Lock:relation ×2", most frequent first, at most five.
QStringList topWaits(const QHash<QString, int> &counts)
{
    QList<std::pair<QString, int>> waits(counts.keyValueBegin(), counts.keyValueEnd());
    std::sort(waits.begin(), waits.end(), [](const auto &a, const auto &b) {
        return a.second != b.second ? a.second > b.second : a.first < b.first;
    });
    QStringList out;
    for (const auto &[name, n] : waits) {
        if (out.size() == 5)
            break;
        out.append(n == 1
                       ? name
                       : QCoreApplication::translate("PipelineSampler", "%1 ×%2").arg(name).arg(n));
    }
    return out;
}

// sessions[i] for command i, the last for every other session.
QList<SessionSummary> readSessions(const QJsonArray &groups, int commands)
{
    QList<SessionSummary> sessions(commands + 1);
    QList<QHash<QString, int>> waits(commands + 1);
    for (const QJsonValue &value : groups) {
        const QJsonObject g = value.toObject();
        const int c = std::clamp(int(integer(g, "command")), 0, commands);
        const int n = int(integer(g, "n"));
        const QString state = g.value(QLatin1String("state")).toString();
        const QString event = g.value(QLatin1String("wait_event")).toString();
        SessionSummary &s = sessions[c];
        s.total += n;
        if (state == QLatin1String("active")) {
            s.active += n;
            if (!event.isEmpty()) {
                s.waiting += n;
                waits[c][g.value(QLatin1String("wait_event_type")).toString() + QLatin1Char(':') +
                         event] += n;
            }
        } else if (state == QLatin1String("idle")) {
            s.idle += n;
        } else if (state.startsWith(QLatin1String("idle in transaction"))) {
            s.idleInTransaction += n;
        }
        if (g.value(QLatin1String("blocked")).toBool())
            s.blocked += n;
    }
    for (int c = 0; c <= commands; ++c)
        sessions[c].waitEvents = topWaits(waits[c]);
    return sessions;
}

// One target table's counters since the start, across the table appearing, being dropped and
// created again (a new oid counts from zero) and statistics resets.
struct TableCounters
{
    enum { Inserted, Updated, Deleted };
    qint64 oid = 0; // 0 while the table does not exist
    std::array<qint64, 3> base{}, carried{}, last{};
    std::array<qint64, 3> shown{}; // as last reported: never decreasing

    void observe(qint64 newOid, const std::array<qint64, 3> &raw, bool first)
    {
        if (newOid != oid) {
            for (int k = 0; k < 3; ++k)
                carried[k] += last[k] - base[k];
            // A table there at the start counts from its counters then; one that appeared
            // since counts everything.
            base = first ? raw : std::array<qint64, 3>{};
            last = base;
            oid = newOid;
        }
        for (int k = 0; k < 3; ++k) {
            if (raw[k] < last[k]) // statistics were reset: keep what was counted
                base[k] -= last[k] - raw[k];
            last[k] = raw[k];
        }
    }
    qint64 committed(int k) const { return carried[k] + last[k] - base[k]; }
};

} // namespace

// Baselines and previous values; touched on the sampling thread only.
struct PipelineSampler::State
{
    PipelineSamplerOptions options;
    QString sql;
    QList<TableCounters> tables;
    double previousTime = 0, previousWal = 0;
    bool hasWal = false, walNoted = false;
    qint64 firstCheckpoints = 0, firstTempFiles = 0, firstTempBytes = 0;

    void reset(Database &db)
    {
        sql = sampleQuery(options, db.serverVersion().section(QLatin1Char('.'), 0, 0).toInt());
        tables = QList<TableCounters>(options.targetTables.size());
        hasWal = walNoted = false;
    }
    QString sample(Database &db, const SamplingThread::Tick &tick, DatabaseSample *s,
                   QString *note);
    void readTables(const QJsonArray &rows, bool first, double dt, DatabaseSample *s);
    void readServer(const QJsonObject &o, bool first, double dt, DatabaseSample *s, QString *note);
};

QString PipelineSampler::State::sample(Database &db, const SamplingThread::Tick &tick,
                                       DatabaseSample *s, QString *note)
{
    if (tick.first || sql.isEmpty())
        reset(db);
    QElapsedTimer roundTrip;
    roundTrip.start();
    QList<QStringList> rows;
    if (QString e = db.query(sql, &rows); !e.isEmpty()) {
        e.remove(QStringLiteral(" (while running: %1)").arg(sql.left(300))); // not the whole query
        return QCoreApplication::translate("PipelineSampler",
                                           "cannot read the database's statistics: %1")
            .arg(e);
    }
    s->queryMilliseconds = double(roundTrip.nsecsElapsed()) / 1e6;
    QJsonParseError parseError;
    const QJsonDocument doc =
        rows.isEmpty() || rows.front().isEmpty()
            ? QJsonDocument()
            : QJsonDocument::fromJson(rows.front().front().toUtf8(), &parseError);
    if (!doc.isObject())
        return QCoreApplication::translate("PipelineSampler",
                                           "the statistics query gave no usable answer (%1)")
            .arg(rows.isEmpty() ? QCoreApplication::translate("PipelineSampler", "no row")
                                : parseError.errorString());
    const QJsonObject o = doc.object();
    const double dt = tick.first ? 0 : tick.elapsedSeconds - previousTime;
    s->elapsedSeconds = tick.elapsedSeconds;
    readTables(o.value(QLatin1String("tables")).toArray(), tick.first, dt, s);
    readServer(o, tick.first, dt, s, note);
    s->sessions = readSessions(o.value(QLatin1String("sessions")).toArray(), options.commands);
    previousTime = tick.elapsedSeconds;
    return {};
}

void PipelineSampler::State::readTables(const QJsonArray &rows, bool first, double dt,
                                        DatabaseSample *s)
{
    for (int i = 0; i < tables.size(); ++i) {
        const QJsonObject r = i < rows.size() ? rows.at(i).toObject() : QJsonObject();
        TableCounters &c = tables[i];
        c.observe(integer(r, "oid"), {integer(r, "ins"), integer(r, "upd"), integer(r, "del")},
                  first);
        // Rows of a COPY in progress are not in n_tup_ins before its transaction ends.
        const qint64 inflight = integer(r, "copy_rows");
        std::array<qint64, 3> now{c.committed(TableCounters::Inserted) + inflight,
                                  c.committed(TableCounters::Updated),
                                  c.committed(TableCounters::Deleted)};
        std::array<double, 3> perSecond{};
        for (int k = 0; k < 3; ++k) {
            now[k] = std::max(now[k], c.shown[k]);
            perSecond[k] = dt > 0 ? double(now[k] - c.shown[k]) / dt : 0;
        }
        c.shown = now;
        TableActivity a;
        a.table = options.targetTables.at(i);
        a.inserted = now[0];
        a.updated = now[1];
        a.deleted = now[2];
        a.insertsPerSecond = perSecond[0];
        a.updatesPerSecond = perSecond[1];
        a.deletesPerSecond = perSecond[2];
        a.liveRows = integer(r, "live");
        a.copyBytesProcessed = integer(r, "copy_bytes");
        s->tables.append(a);
    }
}

void PipelineSampler::State::readServer(const QJsonObject &o, bool first, double dt,
                                        DatabaseSample *s, QString *note)
{
    const qint64 checkpoints = integer(o, "checkpoints");
    const qint64 tempFiles = integer(o, "temp_files"), tempBytes = integer(o, "temp_bytes");
    if (first) {
        firstCheckpoints = checkpoints;
        firstTempFiles = tempFiles;
        firstTempBytes = tempBytes;
    }
    s->checkpoints = checkpoints - firstCheckpoints;
    s->tempFiles = tempFiles - firstTempFiles;
    s->tempBytes = tempBytes - firstTempBytes;
    s->activeCopies = int(integer(o, "copies"));
    const QJsonValue wal = o.value(QLatin1String("wal"));
    if (wal.isDouble()) {
        if (hasWal && dt > 0)
            s->walBytesPerSecond = std::max(0.0, (wal.toDouble() - previousWal) / dt);
        previousWal = wal.toDouble();
        hasWal = true;
    } else if (!walNoted) {
        walNoted = true;
        *note = QCoreApplication::translate(
            "PipelineSampler", "The server is a standby (in recovery): WAL bytes/s are not "
                               "measured; the other figures are.");
    }
}

PipelineSampler::PipelineSampler(const PipelineSamplerOptions &options, QObject *parent)
    : QObject(parent)
    , m_state(std::make_unique<State>())
{
    qRegisterMetaType<spillway::DatabaseSample>();
    m_state->options = options;
    m_state->options.commands = std::max(0, options.commands);
    m_thread = std::make_unique<SamplingThread>(
        options.conninfo, SamplingThread::OnFailure::Retry,
        [this](Database &db, const SamplingThread::Tick &tick) {
            DatabaseSample s;
            QString note;
            const QString e = m_state->sample(db, tick, &s, &note);
            s.samplerCpuSeconds = SamplingThread::currentThreadCpuSeconds();
            QMetaObject::invokeMethod(this, [this, e, s, note] {
                if (m_stopped)
                    return;
                if (!note.isEmpty())
                    emit noted(note);
                if (e.isEmpty())
                    emit sampled(s);
            });
            return e;
        },
        [this](const QString &message) {
            QMetaObject::invokeMethod(this, [this, message] {
                if (!m_stopped)
                    emit samplingFailed(message);
            });
        });
}

PipelineSampler::~PipelineSampler()
{
    m_stopped = true;
    m_thread.reset(); // waits for the sampling thread, which uses m_state
}

void PipelineSampler::start()
{
    m_stopped = false;
    m_thread->start(std::max(50, m_state->options.intervalMs));
}

void PipelineSampler::stop()
{
    m_stopped = true;
    m_thread->stop();
}

double PipelineSampler::cpuSeconds() const
{
    return m_thread->cpuSeconds();
}

} // namespace spillway
