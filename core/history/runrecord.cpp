#include "history/runrecord.h"

#include "history/secrets.h"
#include "schema/schema.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonArray>
#include <QRandomGenerator>
#include <QSysInfo>
#include <QThread>

#include <unistd.h>

namespace spillway {
namespace {

// Settings and verify results are free-form: mask every string in them.
QJsonValue masked(const QJsonValue &value)
{
    if (value.isString())
        return maskConnectionString(value.toString());
    if (value.isArray()) {
        QJsonArray out;
        for (const QJsonValue &v : value.toArray())
            out.append(masked(v));
        return out;
    }
    if (value.isObject()) {
        QJsonObject out;
        const QJsonObject in = value.toObject();
        for (auto it = in.constBegin(); it != in.constEnd(); ++it)
            out.insert(it.key(), masked(it.value()));
        return out;
    }
    return value;
}

QString readCpuModel()
{
    QFile file(QStringLiteral("/proc/cpuinfo"));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    // /proc files report size 0, so atEnd() cannot be trusted: read to the end instead.
    const QList<QByteArray> lines = file.readAll().split('\n');
    for (const QByteArray &line : lines) {
        if (line.startsWith("model name"))
            return QString::fromUtf8(line.mid(line.indexOf(':') + 1)).trimmed();
    }
    return {};
}

const char *const kStatusNames[] = {"ok", "failed", "cancelled"};

QJsonArray tablesToJson(const QList<TableRows> &tables)
{
    QJsonArray out;
    for (const TableRows &t : tables)
        out.append(QJsonObject{{QStringLiteral("name"), t.name},
                               {QStringLiteral("rows"), double(t.rows)},
                               {QStringLiteral("rows_total"), double(t.rowsTotal)},
                               {QStringLiteral("bytes"), double(t.bytes)}});
    return out;
}

QList<TableRows> tablesFromJson(const QJsonArray &array)
{
    QList<TableRows> tables;
    for (const QJsonValue &v : array) {
        const QJsonObject o = v.toObject();
        tables.append({o.value(QLatin1String("name")).toString(),
                       uint64_t(o.value(QLatin1String("rows")).toDouble()),
                       uint64_t(o.value(QLatin1String("rows_total")).toDouble()),
                       uint64_t(o.value(QLatin1String("bytes")).toDouble())});
    }
    return tables;
}

QJsonArray eventsToJson(const QList<RunEvent> &events)
{
    QJsonArray out;
    for (const RunEvent &e : events) {
        QJsonObject o = e.toJson();
        o.insert(QStringLiteral("message"), maskConnectionString(e.text()));
        if (!e.error.isEmpty())
            o.insert(QStringLiteral("error"), maskConnectionString(e.error));
        out.append(o);
    }
    return out;
}

} // namespace

MachineInfo MachineInfo::current()
{
    MachineInfo m;
    m.hostname = QSysInfo::machineHostName();
    m.os = QSysInfo::prettyProductName();
    m.kernel = QSysInfo::kernelType() + QLatin1Char(' ') + QSysInfo::kernelVersion();
    m.architecture = QSysInfo::currentCpuArchitecture();
    m.cpuModel = readCpuModel();
    m.cores = QThread::idealThreadCount();
#if defined(_SC_PHYS_PAGES) && defined(_SC_PAGESIZE)
    m.memoryBytes = qint64(sysconf(_SC_PHYS_PAGES)) * qint64(sysconf(_SC_PAGESIZE));
#endif
    return m;
}

QJsonObject MachineInfo::toJson() const
{
    return {{QStringLiteral("hostname"), hostname},
            {QStringLiteral("os"), os},
            {QStringLiteral("kernel"), kernel},
            {QStringLiteral("architecture"), architecture},
            {QStringLiteral("cpu_model"), cpuModel},
            {QStringLiteral("cores"), cores},
            {QStringLiteral("memory_bytes"), double(memoryBytes)}};
}

MachineInfo MachineInfo::fromJson(const QJsonObject &o)
{
    MachineInfo m;
    m.hostname = o.value(QLatin1String("hostname")).toString();
    m.os = o.value(QLatin1String("os")).toString();
    m.kernel = o.value(QLatin1String("kernel")).toString();
    m.architecture = o.value(QLatin1String("architecture")).toString();
    m.cpuModel = o.value(QLatin1String("cpu_model")).toString();
    m.cores = o.value(QLatin1String("cores")).toInt();
    m.memoryBytes = qint64(o.value(QLatin1String("memory_bytes")).toDouble());
    return m;
}

QString RunRecord::statusName(RunStatus status)
{
    return QLatin1String(kStatusNames[int(status)]);
}

bool RunRecord::thresholdsPassed() const
{
    return std::all_of(thresholds.begin(), thresholds.end(),
                       [](const ThresholdResult &t) { return t.passed; });
}

QString RunRecord::statusText() const
{
    if (status == RunStatus::Ok && !thresholdsPassed())
        return QStringLiteral("violated");
    return statusName(status);
}

QString RunRecord::newId(const QString &kind, const QDateTime &startedUtc)
{
    return QStringLiteral("%1-%2-%3")
        .arg(startedUtc.toUTC().toString(QStringLiteral("yyyyMMdd-HHmmss")), kind)
        .arg(QRandomGenerator::system()->bounded(0x10000), 4, 16, QLatin1Char('0'));
}

QJsonObject RunRecord::toJson() const
{
    QJsonArray thresholdArray;
    for (const ThresholdResult &t : thresholds)
        thresholdArray.append(t.toJson());
    QJsonObject o{
        {QStringLiteral("format"), QStringLiteral("spillway-run")},
        {QStringLiteral("format_version"), kFormatVersion},
        {QStringLiteral("id"), id},
        {QStringLiteral("kind"), kind},
        {QStringLiteral("started"), started.toUTC().toString(Qt::ISODateWithMs)},
        {QStringLiteral("finished"), finished.toUTC().toString(Qt::ISODateWithMs)},
        {QStringLiteral("status"), statusName(status)},
        {QStringLiteral("command_line"), QJsonArray::fromStringList(maskArguments(commandLine))},
        {QStringLiteral("settings"), masked(settings)},
        {QStringLiteral("software"), QJsonObject{{QStringLiteral("spillway"), softwareVersion},
                                                 {QStringLiteral("qt"), qtVersion}}},
        {QStringLiteral("machine"), machine.toJson()},
        {QStringLiteral("summary"), summary.toJson()},
        {QStringLiteral("tables"), tablesToJson(tables)},
        {QStringLiteral("thresholds"), thresholdArray},
        {QStringLiteral("series"), seriesToJson(series)},
        {QStringLiteral("events"), eventsToJson(events)},
    };
    if (eventsDropped > 0)
        o.insert(QStringLiteral("events_dropped"), eventsDropped);
    if (!error.isEmpty())
        o.insert(QStringLiteral("error"), maskConnectionString(error));
    if (!serverVersion.isEmpty())
        o.insert(QStringLiteral("server_version"), serverVersion);
    if (!verify.isEmpty())
        o.insert(QStringLiteral("verify"), masked(verify));
    if (pipeline)
        o.insert(QStringLiteral("pipeline"), pipeline->toJson());
    return o;
}

std::optional<RunRecord> RunRecord::fromJson(const QJsonObject &o, QString *error)
{
    auto fail = [error](const QString &message) {
        if (error)
            *error = message;
        return std::nullopt;
    };
    if (o.value(QLatin1String("format")).toString() != QLatin1String("spillway-run"))
        return fail(QStringLiteral("not a Spillway run record (no \"format\": \"spillway-run\")"));
    if (o.value(QLatin1String("format_version")).toInt() > kFormatVersion)
        return fail(QStringLiteral("written by a newer Spillway (record format %1, this one "
                                   "reads %2); update Spillway to read it")
                        .arg(o.value(QLatin1String("format_version")).toInt())
                        .arg(kFormatVersion));
    RunRecord r;
    r.id = o.value(QLatin1String("id")).toString();
    r.kind = o.value(QLatin1String("kind")).toString();
    r.started = QDateTime::fromString(o.value(QLatin1String("started")).toString(), Qt::ISODate);
    r.finished = QDateTime::fromString(o.value(QLatin1String("finished")).toString(), Qt::ISODate);
    if (r.id.isEmpty() || r.kind.isEmpty() || !r.started.isValid())
        return fail(QStringLiteral("run record without an id, kind or valid start time"));
    const QString status = o.value(QLatin1String("status")).toString();
    r.status = status == QLatin1String("ok")          ? RunStatus::Ok
               : status == QLatin1String("cancelled") ? RunStatus::Cancelled
                                                      : RunStatus::Failed;
    r.error = o.value(QLatin1String("error")).toString();
    for (const QJsonValue &v : o.value(QLatin1String("command_line")).toArray())
        r.commandLine.append(v.toString());
    r.settings = o.value(QLatin1String("settings")).toObject();
    const QJsonObject software = o.value(QLatin1String("software")).toObject();
    r.softwareVersion = software.value(QLatin1String("spillway")).toString();
    r.qtVersion = software.value(QLatin1String("qt")).toString();
    r.serverVersion = o.value(QLatin1String("server_version")).toString();
    r.machine = MachineInfo::fromJson(o.value(QLatin1String("machine")).toObject());
    r.summary = RunSummary::fromJson(o.value(QLatin1String("summary")).toObject());
    r.tables = tablesFromJson(o.value(QLatin1String("tables")).toArray());
    for (const QJsonValue &v : o.value(QLatin1String("thresholds")).toArray())
        r.thresholds.append(ThresholdResult::fromJson(v.toObject()));
    r.series = seriesFromJson(o.value(QLatin1String("series")).toObject());
    r.verify = o.value(QLatin1String("verify")).toObject();
    for (const QJsonValue &v : o.value(QLatin1String("events")).toArray())
        r.events.append(RunEvent::fromJson(v.toObject()));
    r.eventsDropped = o.value(QLatin1String("events_dropped")).toInt();
    if (o.value(QLatin1String("pipeline")).isObject())
        r.pipeline = PipelineRecord::fromJson(o.value(QLatin1String("pipeline")).toObject());
    return r;
}

RunRecorder::RunRecorder(const QString &kind, const QStringList &commandLine, const QString &id,
                         QObject *parent)
    : QObject(parent)
{
    m_record.kind = kind;
    m_record.started = QDateTime::currentDateTimeUtc();
    m_record.id = id.isEmpty() ? RunRecord::newId(kind, m_record.started) : id;
    m_record.commandLine = maskArguments(commandLine);
    m_record.softwareVersion = QCoreApplication::applicationVersion();
    m_record.qtVersion = QString::fromLatin1(qVersion());
    m_record.machine = MachineInfo::current();
    m_record.settings.insert(QStringLiteral("generator_version"), kGeneratorVersion);
}

void RunRecorder::addEvent(const RunEvent &event)
{
    m_retries += event.kind == RunEvent::Kind::Retry ? 1 : 0;
    if (m_record.events.size() < kMaxEvents)
        m_record.events.append(event);
    else
        ++m_record.eventsDropped;
}

void RunRecorder::addSnapshot(const RunSnapshot &snapshot)
{
    for (const RunEvent &e : snapshot.events)
        addEvent(e);
    if (m_snapshots++ % m_stride != 0)
        return;
    QList<RunSample> &series = m_record.series;
    series.append(RunSample::fromSnapshot(snapshot));
    if (series.size() < kMaxSamples)
        return;
    // Keep the points at even positions: those are the snapshots at multiples of twice the
    // stride, so the series stays evenly spaced.
    qsizetype kept = 0;
    for (qsizetype i = 0; i < series.size(); i += 2)
        series[kept++] = series[i];
    series.resize(kept);
    m_stride *= 2;
}

void RunRecorder::finish(const RunResult &result)
{
    m_record.finished = QDateTime::currentDateTimeUtc();
    m_record.status = result.ok          ? RunStatus::Ok
                      : result.cancelled ? RunStatus::Cancelled
                                         : RunStatus::Failed;
    m_record.error = maskConnectionString(result.error);
    // The final snapshot may have fallen between kept points; a series ends where the run did.
    const RunSample last = RunSample::fromSnapshot(result.last);
    if (m_record.series.isEmpty() || m_record.series.last().elapsedSeconds != last.elapsedSeconds)
        m_record.series.append(last);
    m_record.summary = RunSummary::fromRun(result.last, m_record.series);
    if (!result.last.workers.isEmpty()) // a run that commits chunks (ingest, load) can retry
        m_record.summary.set(QStringLiteral("retries"), double(m_retries));
    m_record.tables.clear();
    for (const TableProgress &t : result.last.tables)
        m_record.tables.append({t.name, t.rowsDone, t.rowsTotal, t.bytesDone});
}

} // namespace spillway
