#include "pg/samplingthread.h"

#include "pg/conninfo.h"
#include "pg/database.h"

#include <QSet>
#include <QTimer>

#include <ctime>

namespace spillway {

// Sampling is not worth waiting long for a server that does not answer (the owner's destructor
// waits for a connection attempt in progress); and in pg_stat_activity the sampling session says
// what it is unless the user named it.
static QString samplingConnection(const QString &conninfo)
{
    QString error;
    const QMap<QString, QString> options = ConnInfo::options(conninfo, &error);
    if (!error.isEmpty())
        return conninfo; // Database::open() says what is wrong with it
    QString result = ConnInfo::withOption(conninfo, QStringLiteral("fallback_application_name"),
                                          QStringLiteral("spillway sampler"));
    if (!options.contains(QStringLiteral("connect_timeout")))
        result =
            ConnInfo::withOption(result, QStringLiteral("connect_timeout"), QStringLiteral("3"));
    return result;
}

class SamplingThread::Worker : public QObject
{
    Q_OBJECT

public:
    Worker(const QString &conninfo, OnFailure onFailure, Step step, Failed failed,
           std::atomic<double> *cpuSeconds)
        : m_conninfo(samplingConnection(conninfo))
        , m_onFailure(onFailure)
        , m_step(std::move(step))
        , m_failed(std::move(failed))
        , m_cpuSeconds(cpuSeconds)
        , m_timer(this)
    {
        connect(&m_timer, &QTimer::timeout, this, [this] {
            if (!tick())
                m_timer.stop();
        });
    }

    void begin(int intervalMs)
    {
        m_clock.start();
        m_first = true;
        m_reported.clear();
        if (tick())
            m_timer.start(intervalMs);
    }
    void end()
    {
        m_timer.stop();
        m_db.close();
        m_cpuSeconds->store(currentThreadCpuSeconds());
    }

private:
    // One step; false when sampling ends here.
    bool tick()
    {
        QString error = m_db.isOpen() ? QString() : m_db.open(m_conninfo);
        if (error.isEmpty()) {
            const Tick t{double(m_clock.nsecsElapsed()) / 1e9, m_first};
            error = m_step(m_db, t);
            if (error.isEmpty()) {
                m_first = false;
            } else if (!m_db.isOpen()) {
                // The connection went away during the step: say why it cannot be had again.
                if (const QString reason = m_db.open(m_conninfo); !reason.isEmpty())
                    error = reason;
            }
        }
        m_cpuSeconds->store(currentThreadCpuSeconds());
        if (error.isEmpty()) {
            m_reported.clear(); // the next outage is reported again
            return true;
        }
        if (m_onFailure == OnFailure::Stop) {
            m_failed(error);
            return false;
        }
        if (!m_reported.contains(error)) {
            m_reported.insert(error);
            m_failed(error);
        }
        return true;
    }

    QString m_conninfo;
    OnFailure m_onFailure;
    Step m_step;
    Failed m_failed;
    std::atomic<double> *m_cpuSeconds;
    Database m_db;
    QTimer m_timer;
    QElapsedTimer m_clock;
    bool m_first = true;
    QSet<QString> m_reported;
};

SamplingThread::SamplingThread(const QString &conninfo, OnFailure onFailure, Step step,
                               Failed failed)
{
    m_worker = new Worker(conninfo, onFailure, std::move(step), std::move(failed), &m_cpuSeconds);
    m_worker->moveToThread(&m_thread);
    QObject::connect(&m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    m_thread.setObjectName(QStringLiteral("spillway sampler"));
    m_thread.start();
}

SamplingThread::~SamplingThread()
{
    // The worker (and its connection) is deleted on its thread as the thread finishes.
    m_thread.quit();
    m_thread.wait();
}

void SamplingThread::start(int intervalMs)
{
    QMetaObject::invokeMethod(m_worker, [w = m_worker, intervalMs] { w->begin(intervalMs); });
}

void SamplingThread::stop()
{
    if (m_thread.isRunning())
        QMetaObject::invokeMethod(m_worker, [w = m_worker] { w->end(); });
}

double SamplingThread::currentThreadCpuSeconds()
{
    timespec ts{};
    if (clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts) != 0)
        return 0;
    return double(ts.tv_sec) + double(ts.tv_nsec) / 1e9;
}

} // namespace spillway

#include "samplingthread.moc"
