#pragma once

// The thread behind the statistics samplers (ServerSampler, PipelineSampler): its own thread and
// its own connection, one step per interval, so that a slow statistics query never delays the
// workers, the user's pipeline or the window. It connects (again, when the server went away),
// reports failures, and measures its own CPU time so that the cost of sampling can be shown.
//
// The step and the failure callback run on the sampling thread; they hand results to their
// owner's thread themselves (QMetaObject::invokeMethod with the owner as context).

#include <QElapsedTimer>
#include <QString>
#include <QThread>

#include <atomic>
#include <functional>

namespace spillway {

class Database;

class SamplingThread
{
public:
    enum class OnFailure {
        Stop,  // the first failure ends sampling
        Retry, // keep trying at every interval; each distinct message is reported once
               // until a step succeeds again
    };
    struct Tick
    {
        double elapsedSeconds = 0; // since start()
        bool first = false;        // the first step since start(): take the baselines
    };
    // Queries and publishes; returns an error message, empty when the step succeeded.
    using Step = std::function<QString(Database &db, const Tick &tick)>;
    using Failed = std::function<void(const QString &message)>;

    SamplingThread(const QString &conninfo, OnFailure onFailure, Step step, Failed failed);
    ~SamplingThread(); // waits for a step in progress (bounded by the connect timeout)
    SamplingThread(const SamplingThread &) = delete;
    SamplingThread &operator=(const SamplingThread &) = delete;

    // Both return at once; the work happens on the sampling thread.
    void start(int intervalMs);
    void stop();

    // CPU time the sampling thread has used, in seconds; from any thread.
    double cpuSeconds() const { return m_cpuSeconds.load(); }
    // CPU time of the calling thread (CLOCK_THREAD_CPUTIME_ID), in seconds.
    static double currentThreadCpuSeconds();

private:
    class Worker;
    QThread m_thread;
    Worker *m_worker = nullptr;
    std::atomic<double> m_cpuSeconds{0};
};

} // namespace spillway
