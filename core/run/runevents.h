#pragma once

// Things that happened during a run and deserve a line of their own: a worker lost its
// connection, a chunk is retried, the ledger said whether a lost COMMIT went through. Workers
// push them into a RunEventQueue (a mutex, no signal); the sampler's tick drains the queue into
// the next snapshot, so the CLI, the run record and the dashboard see each event once. A GUI run
// paused and resumed records its pauses as events too (Paused, Resumed).

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <cstdint>
#include <mutex>

namespace spillway {

struct RunEvent
{
    enum class Kind { ConnectionLost, Retry, LedgerCommitted, LedgerNotCommitted, Paused, Resumed };

    Kind kind = Kind::ConnectionLost;
    QDateTime time; // UTC
    int worker = 0; // 1-based
    QString table;
    uint32_t chunk = 0;
    int attempt = 0;   // Retry: the attempt about to be made (2 = the first retry)
    int attempts = 0;  // Retry: attempts allowed in all
    int delayMs = 0;   // Retry: wait before the attempt
    QString phase;     // ConnectionLost: what the worker was doing (connecting, copying, ...)
    QString error;     // ConnectionLost: libpq's or the server's words
    uint64_t rows = 0; // Paused: rows done when the run paused
    double elapsedSeconds = 0; // Paused, Resumed: the run's active seconds (pauses excluded)
    double pausedSeconds = 0;  // Resumed: how long the pause lasted

    bool isWarning() const { return kind == Kind::ConnectionLost; }
    // "connection_lost", "retry", "ledger_committed", "ledger_not_committed", "paused", "resumed"
    QString kindName() const;
    // One line for people: "worker 2 lost its connection while copying table 'x', chunk 17: ..."
    QString text() const;
    // {"event": kindName(), "time": ISO 8601, "worker", "table", "chunk", ..., "message": text()}
    QJsonObject toJson() const;
    static RunEvent fromJson(const QJsonObject &object);
};

// Any thread may push; the owner drains. Bounded: past kMaxPending undrained events (far more
// than workers x retries can produce between two ticks) further ones are dropped.
class RunEventQueue
{
public:
    static constexpr int kMaxPending = 10000;

    void push(RunEvent event);
    QList<RunEvent> drain();

private:
    std::mutex m_mutex;
    QList<RunEvent> m_pending;
};

} // namespace spillway
