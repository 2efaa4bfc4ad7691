#pragma once

// Measures one command's process tree from /proc while it runs (issue 13): the root (the
// command's shell), every descendant by parent pid, and every process still in the root's
// process group or session (children that daemonised and were re-parented to init). One scan
// of /proc per sample, reading only `stat` of every process and `io` of the tree's members.
// Not thread-safe; call sample() from one thread, about once a second.

#include "run/pipelinemetrics.h"

#include <QHash>
#include <QList>
#include <QtGlobal>

#include <cstdint>

namespace spillway {

struct ProcStat; // one /proc/PID/stat line (proctree.cpp)

class ProcessTreeSampler
{
public:
    explicit ProcessTreeSampler(qint64 rootPid); // takes the baseline for the first CPU %

    // CPU % from the difference to the previous sample() (or to the constructor); memory of the
    // live processes; bytes read and written as totals that never go down, processes that ended
    // included.
    ProcessSample sample();
    // sample() of each, from one scan of /proc for all of them (several commands at once).
    static QList<ProcessSample> sampleAll(const QList<ProcessTreeSampler *> &samplers);

    qint64 rootPid() const { return m_rootPid; }
    QList<qint64> members() const { return m_members.keys(); } // pids of the last sample

private:
    struct Seen
    {
        quint64 startTime = 0; // tells a reused pid from the process that had it
        qint64 parent = 0;
        quint64 ticks = 0; // utime + stime + cutime + cstime (reaped children included)
        qint64 readBytes = 0;
        qint64 writeBytes = 0;
    };
    struct Totals
    {
        quint64 ticks = 0;
        qint64 readBytes = 0;
        qint64 writeBytes = 0;
    };

    ProcessSample sampleFrom(const QList<ProcStat> &all);
    Totals scan(const QList<ProcStat> &all, ProcessSample *sample);
    void retire(const QHash<qint64, Seen> &now);

    qint64 m_rootPid = 0;
    QHash<qint64, Seen> m_members; // last seen of every member
    Totals m_departed;             // last seen of members that ended and no member reaped
    Totals m_last;                 // totals at the previous sample (never decrease)
    qint64 m_lastNanos = 0;        // monotonic clock at the previous sample
};

// The live processes (zombies left out) whose process group is `processGroup`, from one scan of
// /proc: what is left of a command's group once its shell has ended.
QList<qint64> liveGroupMembers(qint64 processGroup);

// Spillway's own CPU time so far (user + system seconds of this process, all threads), so the
// pipeline job can report what its sampling cost.
double processCpuSeconds();

} // namespace spillway
