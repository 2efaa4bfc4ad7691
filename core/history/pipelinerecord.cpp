#include "history/pipelinerecord.h"

#include "history/runsummary.h"
#include "history/secrets.h"

#include <QCoreApplication>
#include <QJsonArray>

#include <algorithm>
#include <cmath>

namespace spillway {
namespace {

double rounded(double value, int decimals)
{
    const double f = std::pow(10.0, decimals);
    return std::round(value * f) / f;
}

const QStringList &commandColumns()
{
    static const QStringList columns{QStringLiteral("cpu_percent"), QStringLiteral("rss_mb"),
                                     QStringLiteral("read_mb"), QStringLiteral("write_mb"),
                                     QStringLiteral("processes")};
    return columns;
}

const QStringList &tableColumns()
{
    static const QStringList columns{
        QStringLiteral("inserts_per_s"), QStringLiteral("updates_per_s"),
        QStringLiteral("deletes_per_s"), QStringLiteral("inserted"),
        QStringLiteral("live_rows"),     QStringLiteral("copy_mb")};
    return columns;
}

const QStringList &databaseColumns()
{
    static const QStringList columns{
        QStringLiteral("wal_mb_per_s"), QStringLiteral("sessions"),
        QStringLiteral("active"),       QStringLiteral("waiting"),
        QStringLiteral("blocked"),      QStringLiteral("idle_in_transaction"),
        QStringLiteral("temp_mb"),      QStringLiteral("checkpoints"),
        QStringLiteral("active_copies")};
    return columns;
}

QJsonObject logEntryToJson(const PipelineLogEntry &e)
{
    QJsonObject o{{QStringLiteral("t"), rounded(e.line.elapsedSeconds, 3)},
                  {QStringLiteral("command"), e.line.command},
                  {QStringLiteral("text"), maskConnectionString(e.line.text)}};
    if (e.line.fromStderr)
        o.insert(QStringLiteral("stderr"), true);
    if (e.iteration > 0)
        o.insert(QStringLiteral("iteration"), e.iteration);
    return o;
}

PipelineLogEntry logEntryFromJson(const QJsonObject &o)
{
    PipelineLogEntry e;
    e.iteration = o.value(QLatin1String("iteration")).toInt();
    e.line.elapsedSeconds = o.value(QLatin1String("t")).toDouble();
    e.line.command = o.value(QLatin1String("command")).toInt();
    e.line.fromStderr = o.value(QLatin1String("stderr")).toBool();
    e.line.text = o.value(QLatin1String("text")).toString();
    return e;
}

template<class T> QJsonArray arrayOf(const QList<T> &items)
{
    QJsonArray out;
    for (const T &item : items)
        out.append(item.toJson());
    return out;
}

template<class T> QList<T> listOf(const QJsonValue &value)
{
    QList<T> out;
    for (const QJsonValue &v : value.toArray())
        out.append(T::fromJson(v.toObject()));
    return out;
}

} // namespace

QString PipelineCommandRecord::statusText() const
{
    if (!error.isEmpty())
        return QCoreApplication::translate("spillway::PipelineRecord", "did not start");
    if (timedOut)
        return QCoreApplication::translate("spillway::PipelineRecord", "timed out");
    if (stopped)
        return QCoreApplication::translate("spillway::PipelineRecord", "stopped");
    if (signal != 0)
        return QCoreApplication::translate("spillway::PipelineRecord", "signal %1").arg(signal);
    return QCoreApplication::translate("spillway::PipelineRecord", "exit %1").arg(exitCode);
}

QJsonObject PipelineCommandRecord::toJson() const
{
    QJsonObject o{{QStringLiteral("name"), name},
                  {QStringLiteral("command"), maskConnectionString(commandLine)},
                  {QStringLiteral("exit_code"), exitCode},
                  {QStringLiteral("seconds"), rounded(seconds, 3)}};
    if (signal != 0)
        o.insert(QStringLiteral("signal"), signal);
    if (timedOut)
        o.insert(QStringLiteral("timed_out"), true);
    if (stopped)
        o.insert(QStringLiteral("stopped"), true);
    if (!error.isEmpty())
        o.insert(QStringLiteral("error"), maskConnectionString(error));
    return o;
}

PipelineCommandRecord PipelineCommandRecord::fromJson(const QJsonObject &o)
{
    PipelineCommandRecord c;
    c.name = o.value(QLatin1String("name")).toString();
    c.commandLine = o.value(QLatin1String("command")).toString();
    c.exitCode = o.value(QLatin1String("exit_code")).toInt(-1);
    c.signal = o.value(QLatin1String("signal")).toInt();
    c.timedOut = o.value(QLatin1String("timed_out")).toBool();
    c.stopped = o.value(QLatin1String("stopped")).toBool();
    c.seconds = o.value(QLatin1String("seconds")).toDouble();
    c.error = o.value(QLatin1String("error")).toString();
    return c;
}

QJsonObject PipelineIterationRecord::toJson() const
{
    QJsonObject o{{QStringLiteral("seconds"), rounded(seconds, 3)},
                  {QStringLiteral("rows"), rows},
                  {QStringLiteral("rows_per_s"), rounded(rowsPerSecond, 1)},
                  {QStringLiteral("commands"), arrayOf(commands)},
                  {QStringLiteral("verified"), verified}};
    if (hasBefore)
        o.insert(QStringLiteral("before"), before.toJson());
    if (verified)
        o.insert(QStringLiteral("verify_ok"), verifyOk);
    if (!verifyError.isEmpty())
        o.insert(QStringLiteral("verify_error"), maskConnectionString(verifyError));
    return o;
}

PipelineIterationRecord PipelineIterationRecord::fromJson(const QJsonObject &o)
{
    PipelineIterationRecord i;
    i.seconds = o.value(QLatin1String("seconds")).toDouble();
    i.rows = o.value(QLatin1String("rows")).toDouble();
    i.rowsPerSecond = o.value(QLatin1String("rows_per_s")).toDouble();
    i.commands = listOf<PipelineCommandRecord>(o.value(QLatin1String("commands")));
    i.hasBefore = o.contains(QLatin1String("before"));
    i.before = PipelineCommandRecord::fromJson(o.value(QLatin1String("before")).toObject());
    i.verified = o.value(QLatin1String("verified")).toBool();
    i.verifyOk = o.value(QLatin1String("verify_ok")).toBool();
    i.verifyError = o.value(QLatin1String("verify_error")).toString();
    return i;
}

Spread Spread::of(QList<double> values)
{
    if (values.isEmpty())
        return {};
    std::sort(values.begin(), values.end());
    const qsizetype n = values.size();
    const double median = n % 2 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2; // NOLINT
    return {median, values.first(), values.last()};
}

QJsonObject Spread::toJson() const
{
    return {{QStringLiteral("median"), rounded(median, 3)},
            {QStringLiteral("min"), rounded(min, 3)},
            {QStringLiteral("max"), rounded(max, 3)}};
}

Spread Spread::fromJson(const QJsonObject &o)
{
    return {o.value(QLatin1String("median")).toDouble(), o.value(QLatin1String("min")).toDouble(),
            o.value(QLatin1String("max")).toDouble()};
}

QList<double> PipelineSeries::column(const QString &columnName) const
{
    QList<double> out;
    const qsizetype c = columns.indexOf(columnName);
    if (c < 0)
        return out;
    out.reserve(points.size());
    for (const SeriesPoint &p : points)
        out.append(c < p.values.size() ? p.values[c] : 0.0);
    return out;
}

QJsonObject PipelineSeries::toJson() const
{
    QJsonObject values;
    QJsonArray elapsed;
    for (const SeriesPoint &p : points)
        elapsed.append(rounded(p.elapsedSeconds, 2));
    values.insert(QStringLiteral("elapsed_s"), elapsed);
    for (qsizetype c = 0; c < columns.size(); ++c) {
        QJsonArray column;
        for (const SeriesPoint &p : points)
            column.append(rounded(c < p.values.size() ? p.values[c] : 0.0, 3));
        values.insert(columns[c], column);
    }
    return {{QStringLiteral("name"), name},
            {QStringLiteral("columns"), QJsonArray::fromStringList(columns)},
            {QStringLiteral("values"), values}};
}

PipelineSeries PipelineSeries::fromJson(const QJsonObject &o)
{
    PipelineSeries s;
    s.name = o.value(QLatin1String("name")).toString();
    for (const QJsonValue &v : o.value(QLatin1String("columns")).toArray())
        s.columns.append(v.toString());
    const QJsonObject values = o.value(QLatin1String("values")).toObject();
    const QJsonArray elapsed = values.value(QLatin1String("elapsed_s")).toArray();
    QList<QJsonArray> columns;
    for (const QString &c : std::as_const(s.columns))
        columns.append(values.value(c).toArray());
    for (qsizetype i = 0; i < elapsed.size(); ++i) {
        SeriesPoint p;
        p.elapsedSeconds = elapsed.at(i).toDouble();
        for (const QJsonArray &c : std::as_const(columns))
            p.values.append(c.at(i).toDouble());
        s.points.append(p);
    }
    return s;
}

QJsonObject SessionTotals::toJson() const
{
    return {{QStringLiteral("name"), name},
            {QStringLiteral("peak_sessions"), peakSessions},
            {QStringLiteral("peak_active"), peakActive},
            {QStringLiteral("peak_waiting"), peakWaiting},
            {QStringLiteral("peak_blocked"), peakBlocked},
            {QStringLiteral("peak_idle_in_transaction"), peakIdleInTransaction},
            {QStringLiteral("wait_events"), QJsonArray::fromStringList(waitEvents)}};
}

SessionTotals SessionTotals::fromJson(const QJsonObject &o)
{
    SessionTotals s;
    s.name = o.value(QLatin1String("name")).toString();
    s.peakSessions = o.value(QLatin1String("peak_sessions")).toInt();
    s.peakActive = o.value(QLatin1String("peak_active")).toInt();
    s.peakWaiting = o.value(QLatin1String("peak_waiting")).toInt();
    s.peakBlocked = o.value(QLatin1String("peak_blocked")).toInt();
    s.peakIdleInTransaction = o.value(QLatin1String("peak_idle_in_transaction")).toInt();
    for (const QJsonValue &v : o.value(QLatin1String("wait_events")).toArray())
        s.waitEvents.append(v.toString());
    return s;
}

double PipelineRecord::samplingOverheadPercent() const
{
    return wallSeconds > 0 ? 100.0 * samplingCpuSeconds / wallSeconds : 0.0;
}

double PipelineRecord::peakRssBytes(int command) const
{
    if (command < 0 || command >= commandSeries.size())
        return 0;
    const QList<double> rss = commandSeries[command].column(QStringLiteral("rss_mb"));
    return rss.isEmpty() ? 0.0 : *std::max_element(rss.begin(), rss.end()) * 1e6;
}

double PipelineRecord::meanCpuPercent(int command) const
{
    if (command < 0 || command >= commandSeries.size())
        return 0;
    const QList<double> cpu = commandSeries[command].column(QStringLiteral("cpu_percent"));
    double sum = 0;
    for (double v : cpu)
        sum += v;
    return cpu.isEmpty() ? 0.0 : sum / double(cpu.size());
}

void PipelineRecord::addSummary(RunSummary &summary) const
{
    if (!iterations.isEmpty()) {
        summary.set(QStringLiteral("duration_s"), durationSeconds.median);
        summary.set(QStringLiteral("rows_per_s"), rowsPerSecond.median);
        summary.set(QStringLiteral("rows"), iterations.last().rows);
    }
    double rss = 0, cpu = 0;
    for (int c = 0; c < commandSeries.size(); ++c) {
        rss = std::max(rss, peakRssBytes(c));
        cpu += meanCpuPercent(c);
    }
    if (!commandSeries.isEmpty()) {
        summary.set(QStringLiteral("max_rss_mb"), rss / 1e6);
        summary.set(QStringLiteral("cpu_percent"), cpu);
    }
    if (wallSeconds > 0)
        summary.set(QStringLiteral("sampling_cpu_percent"), samplingOverheadPercent());
}

QJsonObject PipelineRecord::toJson() const
{
    QJsonArray logArray;
    for (const PipelineLogEntry &e : log)
        logArray.append(logEntryToJson(e));
    QJsonObject o{
        {QStringLiteral("commands"), arrayOf(commands)},
        {QStringLiteral("iterations"), arrayOf(iterations)},
        {QStringLiteral("duration_s"), durationSeconds.toJson()},
        {QStringLiteral("rows_per_s"), rowsPerSecond.toJson()},
        {QStringLiteral("target_tables"), QJsonArray::fromStringList(targetTables)},
        {QStringLiteral("command_series"), arrayOf(commandSeries)},
        {QStringLiteral("table_series"), arrayOf(tableSeries)},
        {QStringLiteral("database_series"), databaseSeries.toJson()},
        {QStringLiteral("sessions"), arrayOf(sessions)},
        {QStringLiteral("log"), logArray},
        {QStringLiteral("log_lines"), double(logLines)},
        {QStringLiteral("log_file"), logFile},
        {QStringLiteral("sampling_cpu_s"), rounded(samplingCpuSeconds, 3)},
        {QStringLiteral("wall_s"), rounded(wallSeconds, 3)},
        {QStringLiteral("files"), filesDirectory},
        {QStringLiteral("reused_files"), reusedFiles},
    };
    if (!beforeCommand.isEmpty())
        o.insert(QStringLiteral("before"), maskConnectionString(beforeCommand));
    if (!manifestPath.isEmpty())
        o.insert(QStringLiteral("manifest"), manifestPath);
    return o;
}

PipelineRecord PipelineRecord::fromJson(const QJsonObject &o)
{
    PipelineRecord r;
    r.commands = listOf<PipelineCommandRecord>(o.value(QLatin1String("commands")));
    r.beforeCommand = o.value(QLatin1String("before")).toString();
    r.iterations = listOf<PipelineIterationRecord>(o.value(QLatin1String("iterations")));
    r.durationSeconds = Spread::fromJson(o.value(QLatin1String("duration_s")).toObject());
    r.rowsPerSecond = Spread::fromJson(o.value(QLatin1String("rows_per_s")).toObject());
    for (const QJsonValue &v : o.value(QLatin1String("target_tables")).toArray())
        r.targetTables.append(v.toString());
    r.commandSeries = listOf<PipelineSeries>(o.value(QLatin1String("command_series")));
    r.tableSeries = listOf<PipelineSeries>(o.value(QLatin1String("table_series")));
    r.databaseSeries =
        PipelineSeries::fromJson(o.value(QLatin1String("database_series")).toObject());
    r.sessions = listOf<SessionTotals>(o.value(QLatin1String("sessions")));
    for (const QJsonValue &v : o.value(QLatin1String("log")).toArray())
        r.log.append(logEntryFromJson(v.toObject()));
    r.logLines = qint64(o.value(QLatin1String("log_lines")).toDouble());
    r.logFile = o.value(QLatin1String("log_file")).toString();
    r.samplingCpuSeconds = o.value(QLatin1String("sampling_cpu_s")).toDouble();
    r.wallSeconds = o.value(QLatin1String("wall_s")).toDouble();
    r.filesDirectory = o.value(QLatin1String("files")).toString();
    r.reusedFiles = o.value(QLatin1String("reused_files")).toBool();
    r.manifestPath = o.value(QLatin1String("manifest")).toString();
    return r;
}

void PipelineRecorder::start(const QStringList &names, const QStringList &commandLines,
                             const QString &beforeCommand, const QStringList &targetTables)
{
    m_record = PipelineRecord();
    m_record.beforeCommand = maskConnectionString(beforeCommand);
    m_record.targetTables = targetTables;
    for (qsizetype i = 0; i < names.size(); ++i) {
        PipelineCommandRecord c;
        c.name = names[i];
        c.commandLine = maskConnectionString(commandLines.value(i));
        m_record.commands.append(c);
        m_record.commandSeries.append({names[i], commandColumns(), {}});
        SessionTotals totals;
        totals.name = names[i];
        m_record.sessions.append(totals);
    }
    SessionTotals others;
    others.name = QStringLiteral("others");
    m_record.sessions.append(others);
    for (const QString &t : targetTables)
        m_record.tableSeries.append({t, tableColumns(), {}});
    m_record.databaseSeries = {QStringLiteral("database"), databaseColumns(), {}};
    m_waitCounts = QList<QHash<QString, int>>(m_record.sessions.size());
    m_samples = 0;
    m_stride = 1;
    m_tail.clear();
}

void PipelineRecorder::setIteration(int iteration, double offsetSeconds)
{
    m_iteration = iteration;
    m_offset = offsetSeconds;
}

void PipelineRecorder::append(PipelineSeries &series, double elapsed, const QList<double> &values)
{
    series.points.append({elapsed, values});
}

void PipelineRecorder::addSample(const PipelineSample &sample)
{
    if (sample.hasDatabase)
        addSessions(sample.database);
    if (m_samples++ % m_stride != 0)
        return;
    const double t = m_offset + sample.elapsedSeconds;
    for (const CommandSample &c : sample.commands) {
        if (c.command < 0 || c.command >= m_record.commandSeries.size())
            continue;
        const ProcessSample &p = c.process;
        append(m_record.commandSeries[c.command], t,
               {p.cpuPercent, double(p.rssBytes) / 1e6, double(p.readBytes) / 1e6,
                double(p.writeBytes) / 1e6, double(p.processes)});
    }
    if (sample.hasDatabase) {
        const DatabaseSample &d = sample.database;
        for (const TableActivity &a : d.tables) {
            const qsizetype i = m_record.targetTables.indexOf(a.table);
            if (i >= 0)
                append(m_record.tableSeries[i], t,
                       {a.insertsPerSecond, a.updatesPerSecond, a.deletesPerSecond,
                        double(a.inserted), double(a.liveRows),
                        double(a.copyBytesProcessed) / 1e6});
        }
        SessionSummary all;
        for (const SessionSummary &s : d.sessions) {
            all.total += s.total;
            all.active += s.active;
            all.waiting += s.waiting;
            all.blocked += s.blocked;
            all.idleInTransaction += s.idleInTransaction;
        }
        append(m_record.databaseSeries, t,
               {d.walBytesPerSecond / 1e6, double(all.total), double(all.active),
                double(all.waiting), double(all.blocked), double(all.idleInTransaction),
                double(d.tempBytes) / 1e6, double(d.checkpoints), double(d.activeCopies)});
    }
    if (m_record.databaseSeries.points.size() < PipelineRecord::kMaxPoints &&
        std::all_of(
            m_record.commandSeries.begin(), m_record.commandSeries.end(),
            [](const PipelineSeries &s) { return s.points.size() < PipelineRecord::kMaxPoints; }))
        return;
    // Keep every second point of every series, so that they stay evenly spaced and bounded.
    auto thin = [](PipelineSeries &s) {
        qsizetype kept = 0;
        for (qsizetype i = 0; i < s.points.size(); i += 2)
            s.points[kept++] = s.points[i];
        s.points.resize(kept);
    };
    for (PipelineSeries &s : m_record.commandSeries)
        thin(s);
    for (PipelineSeries &s : m_record.tableSeries)
        thin(s);
    thin(m_record.databaseSeries);
    m_stride *= 2;
}

void PipelineRecorder::addSessions(const DatabaseSample &sample)
{
    for (qsizetype i = 0; i < sample.sessions.size() && i < m_record.sessions.size(); ++i) {
        // The last entry of a sample is "others", whatever the number of commands.
        const qsizetype target = i == sample.sessions.size() - 1 ? m_record.sessions.size() - 1 : i;
        const SessionSummary &s = sample.sessions[i];
        SessionTotals &t = m_record.sessions[target];
        t.peakSessions = std::max(t.peakSessions, s.total);
        t.peakActive = std::max(t.peakActive, s.active);
        t.peakWaiting = std::max(t.peakWaiting, s.waiting);
        t.peakBlocked = std::max(t.peakBlocked, s.blocked);
        t.peakIdleInTransaction = std::max(t.peakIdleInTransaction, s.idleInTransaction);
        QHash<QString, int> &counts = m_waitCounts[target];
        for (const QString &w : s.waitEvents)
            ++counts[w.section(QStringLiteral(" ×"), 0, 0)];
        QList<QPair<int, QString>> sorted;
        for (auto it = counts.constBegin(); it != counts.constEnd(); ++it)
            sorted.append({-it.value(), it.key()});
        std::sort(sorted.begin(), sorted.end());
        t.waitEvents.clear();
        for (qsizetype k = 0; k < sorted.size() && k < 8; ++k)
            t.waitEvents.append(
                QStringLiteral("%1 \u00d7%2").arg(sorted[k].second).arg(-sorted[k].first));
    }
}

void PipelineRecorder::addLine(const PipelineLogLine &line)
{
    ++m_record.logLines;
    const PipelineLogEntry entry{m_iteration, line};
    if (m_record.log.size() < PipelineRecord::kMaxLogLines / 2) {
        m_record.log.append(entry);
        return;
    }
    m_tail.append(entry);
    if (m_tail.size() > PipelineRecord::kMaxLogLines / 2)
        m_tail.removeFirst();
}

void PipelineRecorder::addIteration(const PipelineIterationRecord &iteration)
{
    m_record.iterations.append(iteration);
    m_record.commands = iteration.commands;
    QList<double> seconds, rates;
    for (const PipelineIterationRecord &i : std::as_const(m_record.iterations)) {
        seconds.append(i.seconds);
        rates.append(i.rowsPerSecond);
    }
    m_record.durationSeconds = Spread::of(seconds);
    m_record.rowsPerSecond = Spread::of(rates);
}

void PipelineRecorder::finish()
{
    m_record.log += m_tail;
    m_tail.clear();
}

} // namespace spillway
