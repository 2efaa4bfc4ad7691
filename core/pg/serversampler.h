#pragma once

// Samples server-side statistics once a second during an ingest, on its own thread with its
// own connection, so a slow statistics query never delays workers or the window: tuples
// inserted/s (pg_stat_database), WAL bytes/s (pg_current_wal_lsn), checkpoints
// (pg_stat_bgwriter) and COPY progress (pg_stat_progress_copy).

#include "run/metrics.h"

#include <QObject>

#include <memory>

namespace spillway {

class SamplingThread;

class ServerSampler : public QObject
{
    Q_OBJECT

public:
    explicit ServerSampler(const QString &conninfo, QObject *parent = nullptr);
    ~ServerSampler() override;

    void start(int intervalMs = 1000);
    void stop();

signals:
    void sampled(const spillway::ServerSample &sample);
    void samplingFailed(const QString &message);

private:
    struct State;
    QString m_conninfo;
    std::unique_ptr<State> m_state; // used on the sampling thread only
    std::unique_ptr<SamplingThread> m_thread;
};

} // namespace spillway

Q_DECLARE_METATYPE(spillway::ServerSample)
