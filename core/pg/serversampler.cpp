#include "pg/serversampler.h"

#include "pg/database.h"

#include <QTimer>

namespace spillway {

class ServerSampler::Worker : public QObject
{
    Q_OBJECT

public:
    explicit Worker(const QString &conninfo)
        : m_conninfo(conninfo)
        , m_timer(this)
    {
        connect(&m_timer, &QTimer::timeout, this, &Worker::sample);
    }

    void begin(int intervalMs)
    {
        m_clock.start();
        if (const QString e = m_db.open(m_conninfo); !e.isEmpty()) {
            emit failed(e);
            return;
        }
        sample();
        m_timer.start(intervalMs);
    }
    void end()
    {
        m_timer.stop();
        m_db.close();
    }

signals:
    void sampled(const spillway::ServerSample &sample);
    void failed(const QString &message);

private:
    void sample()
    {
        QList<QStringList> rows;
        const QString e = m_db.query(
            QStringLiteral("SELECT (SELECT tup_inserted FROM pg_stat_database WHERE datname = "
                           "current_database()), pg_current_wal_lsn() - '0/0'::pg_lsn, "
                           "(SELECT checkpoints_timed + checkpoints_req FROM pg_stat_bgwriter), "
                           "(SELECT coalesce(sum(bytes_processed), 0) FROM pg_stat_progress_copy), "
                           "(SELECT count(*) FROM pg_stat_progress_copy)"),
            &rows);
        if (!e.isEmpty() || rows.isEmpty()) {
            m_timer.stop();
            emit failed(e);
            return;
        }
        const QStringList &r = rows.front();
        const double now = double(m_clock.nsecsElapsed()) / 1e9;
        const double tuples = r[0].toDouble(), wal = r[1].toDouble();
        const qint64 checkpoints = r[2].toLongLong();
        ServerSample s;
        s.elapsedSeconds = now;
        if (m_hasPrevious && now > m_previousTime) {
            s.tuplesInsertedPerSecond = (tuples - m_previousTuples) / (now - m_previousTime);
            s.walBytesPerSecond = (wal - m_previousWal) / (now - m_previousTime);
            s.checkpoints = checkpoints - m_firstCheckpoints;
        } else {
            m_firstCheckpoints = checkpoints;
        }
        s.copyBytesProcessed = r[3].toLongLong();
        s.activeCopies = r[4].toInt();
        m_previousTuples = tuples;
        m_previousWal = wal;
        m_previousTime = now;
        m_hasPrevious = true;
        emit sampled(s);
    }

    QString m_conninfo;
    Database m_db;
    QTimer m_timer;
    QElapsedTimer m_clock;
    bool m_hasPrevious = false;
    double m_previousTuples = 0, m_previousWal = 0, m_previousTime = 0;
    qint64 m_firstCheckpoints = 0;
};

ServerSampler::ServerSampler(const QString &conninfo, QObject *parent)
    : QObject(parent)
{
    qRegisterMetaType<spillway::ServerSample>();
    m_worker = new Worker(conninfo);
    m_worker->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    connect(m_worker, &Worker::sampled, this, &ServerSampler::sampled);
    connect(m_worker, &Worker::failed, this, &ServerSampler::samplingFailed);
    m_thread.start();
}

ServerSampler::~ServerSampler()
{
    // The worker (and its connection) is deleted on its thread as the thread finishes.
    m_thread.quit();
    m_thread.wait();
}

void ServerSampler::start(int intervalMs)
{
    QMetaObject::invokeMethod(m_worker, [w = m_worker, intervalMs] { w->begin(intervalMs); });
}

void ServerSampler::stop()
{
    if (m_thread.isRunning())
        QMetaObject::invokeMethod(m_worker, [w = m_worker] { w->end(); });
}

} // namespace spillway

#include "serversampler.moc"
