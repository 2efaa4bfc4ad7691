#include "pg/serversampler.h"

#include "pg/database.h"
#include "pg/samplingthread.h"

#include <QCoreApplication>

namespace spillway {

// The previous sample, for rates; touched on the sampling thread only.
struct ServerSampler::State
{
    double previousTuples = 0, previousWal = 0, previousTime = 0;
    qint64 firstCheckpoints = 0;

    QString sample(Database &db, const SamplingThread::Tick &tick, ServerSample *s)
    {
        QList<QStringList> rows;
        const QString e = db.query(
            QStringLiteral("SELECT (SELECT tup_inserted FROM pg_stat_database WHERE datname = "
                           "current_database()), pg_current_wal_lsn() - '0/0'::pg_lsn, "
                           "(SELECT checkpoints_timed + checkpoints_req FROM pg_stat_bgwriter), "
                           "(SELECT coalesce(sum(bytes_processed), 0) FROM pg_stat_progress_copy), "
                           "(SELECT count(*) FROM pg_stat_progress_copy)"),
            &rows);
        if (!e.isEmpty() || rows.isEmpty())
            return e.isEmpty()
                       ? QCoreApplication::translate("ServerSampler", "no server statistics")
                       : e;
        const QStringList &r = rows.front();
        const double now = tick.elapsedSeconds;
        const double tuples = r[0].toDouble(), wal = r[1].toDouble();
        const qint64 checkpoints = r[2].toLongLong();
        s->elapsedSeconds = now;
        if (!tick.first && now > previousTime) {
            s->tuplesInsertedPerSecond = (tuples - previousTuples) / (now - previousTime);
            s->walBytesPerSecond = (wal - previousWal) / (now - previousTime);
            s->checkpoints = checkpoints - firstCheckpoints;
        } else if (tick.first) {
            firstCheckpoints = checkpoints;
        }
        s->copyBytesProcessed = r[3].toLongLong();
        s->activeCopies = r[4].toInt();
        previousTuples = tuples;
        previousWal = wal;
        previousTime = now;
        return {};
    }
};

ServerSampler::ServerSampler(const QString &conninfo, QObject *parent)
    : QObject(parent)
    , m_conninfo(conninfo)
    , m_state(std::make_unique<State>())
{
    qRegisterMetaType<spillway::ServerSample>();
}

ServerSampler::~ServerSampler()
{
    m_thread.reset(); // waits for the sampling thread, which uses m_state
}

void ServerSampler::start(int intervalMs)
{
    // Created here, when the interval is known; a failure ends sampling (the ingest goes on).
    if (!m_thread) {
        m_thread = std::make_unique<SamplingThread>(
            m_conninfo, SamplingThread::OnFailure::Stop,
            [this](Database &db, const SamplingThread::Tick &tick) {
                ServerSample s;
                const QString e = m_state->sample(db, tick, &s);
                if (e.isEmpty())
                    QMetaObject::invokeMethod(this, [this, s] { emit sampled(s); });
                return e;
            },
            [this](const QString &message) {
                QMetaObject::invokeMethod(this, [this, message] { emit samplingFailed(message); });
            });
    }
    m_thread->start(intervalMs);
}

void ServerSampler::stop()
{
    if (m_thread)
        m_thread->stop();
}

} // namespace spillway
