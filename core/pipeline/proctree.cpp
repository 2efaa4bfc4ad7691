#include "pipeline/proctree.h"

#include <QSet>

#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <dirent.h>
#include <fcntl.h>
#include <sys/resource.h>
#include <unistd.h>

namespace spillway {

// What one /proc/PID/stat line says about a process.
struct ProcStat
{
    qint64 pid = 0;
    qint64 parent = 0;
    qint64 group = 0;
    qint64 session = 0;
    char state = '?';
    quint64 ticks = 0; // utime + stime + cutime + cstime
    quint64 startTime = 0;
    qint64 rssPages = 0;
};

namespace {

// Reads a small /proc file whole into `buffer` (NUL-terminated); false when it is gone or not
// readable (a process that just ended, an io file of somebody else's process).
bool readSmallFile(int directory, const char *path, char *buffer, size_t size)
{
    const int fd = ::openat(directory, path, O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return false;
    const ssize_t n = ::read(fd, buffer, size - 1);
    ::close(fd);
    if (n <= 0)
        return false;
    buffer[n] = '\0';
    return true;
}

// `proc` is an open /proc, so that each read resolves only "PID/stat".
bool readStat(int proc, qint64 pid, ProcStat *line)
{
    char path[64], text[1024];
    std::snprintf(path, sizeof path, "%lld/stat", static_cast<long long>(pid));
    if (!readSmallFile(proc, path, text, sizeof text))
        return false;
    // The command name is in parentheses and may hold spaces and ')': the fields start after the
    // last ')'.
    const char *close = std::strrchr(text, ')');
    if (!close)
        return false;
    long long parent = 0, group = 0, session = 0, cutime = 0, cstime = 0, rss = 0;
    unsigned long long utime = 0, stime = 0, start = 0;
    const int fields = std::sscanf(close + 1,
                                   " %c %lld %lld %lld %*s %*s %*s %*s %*s %*s %*s %llu %llu "
                                   "%lld %lld %*s %*s %*s %*s %llu %*s %lld",
                                   &line->state, &parent, &group, &session, &utime, &stime, &cutime,
                                   &cstime, &start, &rss);
    if (fields != 10)
        return false;
    line->pid = pid;
    line->parent = parent;
    line->group = group;
    line->session = session;
    line->ticks = utime + stime + quint64(qMax(0LL, cutime)) + quint64(qMax(0LL, cstime));
    line->startTime = start;
    line->rssPages = rss;
    return true;
}

qint64 ioField(const char *text, const char *name)
{
    const char *at = std::strstr(text, name);
    return at ? std::strtoll(at + std::strlen(name), nullptr, 10) : -1;
}

// Storage bytes read and written by the process (and the children it reaped); false when the
// file cannot be read (another user's process, or a kernel without task I/O accounting).
bool readIo(qint64 pid, qint64 *readBytes, qint64 *writeBytes)
{
    char path[64], text[512];
    std::snprintf(path, sizeof path, "/proc/%lld/io", static_cast<long long>(pid));
    if (!readSmallFile(AT_FDCWD, path, text, sizeof text))
        return false;
    const qint64 r = ioField(text, "\nread_bytes: "), w = ioField(text, "\nwrite_bytes: ");
    if (r < 0 || w < 0)
        return false;
    *readBytes = r;
    *writeBytes = w;
    return true;
}

// Every process on the system, from its /proc/PID/stat.
QList<ProcStat> allProcesses()
{
    QList<ProcStat> lines;
    DIR *dir = ::opendir("/proc");
    if (!dir)
        return lines;
    while (const dirent *entry = ::readdir(dir)) {
        char *end = nullptr;
        const long long pid = std::strtoll(entry->d_name, &end, 10);
        ProcStat line;
        if (pid > 0 && end && *end == '\0' && readStat(::dirfd(dir), pid, &line))
            lines.append(line);
    }
    ::closedir(dir);
    return lines;
}

bool isDead(char state)
{
    return state == 'Z' || state == 'X' || state == 'x';
}

// The tree of `root`: itself, every process whose process group or session it leads, and every
// descendant of those by parent pid.
QList<ProcStat> treeOf(qint64 root, const QList<ProcStat> &all)
{
    QMultiHash<qint64, int> children; // parent pid → index in `all`
    QList<int> pending;
    QSet<qint64> members;
    for (int i = 0; i < all.size(); ++i) {
        children.insert(all[i].parent, i);
        if (all[i].pid == root || all[i].group == root || all[i].session == root) {
            pending.append(i);
            members.insert(all[i].pid);
        }
    }
    QList<ProcStat> tree;
    while (!pending.isEmpty()) {
        const ProcStat &line = all[pending.takeLast()];
        tree.append(line);
        for (auto it = children.constFind(line.pid); it != children.cend() && it.key() == line.pid;
             ++it) {
            if (!members.contains(all[*it].pid)) {
                members.insert(all[*it].pid);
                pending.append(*it);
            }
        }
    }
    return tree;
}

// Still there (outside the tree now), as opposed to reaped.
bool stillRunning(qint64 pid)
{
    return ::kill(pid_t(pid), 0) == 0 || errno == EPERM;
}

qint64 monotonicNanos()
{
    timespec now{};
    ::clock_gettime(CLOCK_MONOTONIC, &now);
    return qint64(now.tv_sec) * 1000000000 + now.tv_nsec;
}

} // namespace

ProcessTreeSampler::ProcessTreeSampler(qint64 rootPid)
    : m_rootPid(rootPid)
{
    ProcessSample ignored;
    m_last = scan(allProcesses(), &ignored);
    m_lastNanos = monotonicNanos();
}

ProcessSample ProcessTreeSampler::sample()
{
    return sampleFrom(allProcesses());
}

QList<ProcessSample> ProcessTreeSampler::sampleAll(const QList<ProcessTreeSampler *> &samplers)
{
    const QList<ProcStat> all = allProcesses();
    QList<ProcessSample> samples;
    for (ProcessTreeSampler *sampler : samplers)
        samples.append(sampler->sampleFrom(all));
    return samples;
}

ProcessSample ProcessTreeSampler::sampleFrom(const QList<ProcStat> &all)
{
    ProcessSample sample;
    const Totals now = scan(all, &sample);
    const qint64 nanos = monotonicNanos();
    const double seconds = double(nanos - m_lastNanos) / 1e9;
    static const double ticksPerSecond = double(::sysconf(_SC_CLK_TCK));
    const quint64 ticks = now.ticks > m_last.ticks ? now.ticks - m_last.ticks : 0;
    if (seconds > 0 && ticksPerSecond > 0)
        sample.cpuPercent = 100.0 * double(ticks) / ticksPerSecond / seconds;
    m_last.ticks = qMax(m_last.ticks, now.ticks);
    m_last.readBytes = qMax(m_last.readBytes, now.readBytes);
    m_last.writeBytes = qMax(m_last.writeBytes, now.writeBytes);
    m_lastNanos = nanos;
    sample.readBytes = m_last.readBytes;
    sample.writeBytes = m_last.writeBytes;
    return sample;
}

ProcessTreeSampler::Totals ProcessTreeSampler::scan(const QList<ProcStat> &all,
                                                    ProcessSample *sample)
{
    static const qint64 pageSize = ::sysconf(_SC_PAGESIZE);
    QHash<qint64, Seen> now;
    Totals totals; // of the live members first, then with those that ended
    for (const ProcStat &line : treeOf(m_rootPid, all)) {
        Seen seen;
        seen.startTime = line.startTime;
        seen.parent = line.parent;
        seen.ticks = line.ticks;
        const auto before = m_members.constFind(line.pid);
        const bool known = before != m_members.cend() && before->startTime == line.startTime;
        if (!readIo(line.pid, &seen.readBytes, &seen.writeBytes) && known) {
            seen.readBytes = before->readBytes; // unreadable now: keep what it had
            seen.writeBytes = before->writeBytes;
        }
        totals.ticks += seen.ticks;
        totals.readBytes += seen.readBytes;
        totals.writeBytes += seen.writeBytes;
        if (!isDead(line.state)) {
            sample->rssBytes += line.rssPages * pageSize;
            ++sample->processes;
        }
        now.insert(line.pid, seen);
    }
    retire(now);
    totals.ticks += m_departed.ticks;
    totals.readBytes += m_departed.readBytes;
    totals.writeBytes += m_departed.writeBytes;
    return totals;
}

// Members seen last time and gone now: a member that reaped it holds its CPU time and bytes
// (cutime/cstime and /proc/PID/io include reaped children); otherwise (re-parented to init,
// reaped by Spillway, still running but out of the tree) they would be lost, so they are kept
// here.
void ProcessTreeSampler::retire(const QHash<qint64, Seen> &now)
{
    for (auto it = m_members.cbegin(); it != m_members.cend(); ++it) {
        const auto current = now.constFind(it.key());
        if (current != now.cend() && current->startTime == it->startTime)
            continue;
        if (now.contains(it->parent) && !stillRunning(it.key()))
            continue;
        m_departed.ticks += it->ticks;
        m_departed.readBytes += it->readBytes;
        m_departed.writeBytes += it->writeBytes;
    }
    m_members = now;
}

QList<qint64> liveGroupMembers(qint64 processGroup)
{
    QList<qint64> pids;
    if (processGroup <= 0)
        return pids;
    for (const ProcStat &line : allProcesses()) {
        if (line.group == processGroup && !isDead(line.state))
            pids.append(line.pid);
    }
    return pids;
}

double processCpuSeconds()
{
    rusage usage{};
    if (::getrusage(RUSAGE_SELF, &usage) != 0)
        return 0;
    const auto seconds = [](const timeval &t) {
        return double(t.tv_sec) + double(t.tv_usec) / 1e6;
    };
    return seconds(usage.ru_utime) + seconds(usage.ru_stime);
}

} // namespace spillway
