#include "history/runpropertiesmodel.h"

#include "base/shellquote.h"
#include "history/runcompare.h"
#include "history/runlistmodel.h"

#include <QCoreApplication>
#include <QFont>

namespace spillway {
namespace {

using Entry = RunPropertiesModel::Entry;

void addSection(QList<Entry> &out, const QString &title)
{
    out.append({title, {}, {}, true});
}

void addObject(QList<Entry> &out, const QJsonObject &object)
{
    for (auto it = object.constBegin(); it != object.constEnd(); ++it)
        out.append({it.key(), settingText(it.value()), {}, false});
}

void addOverview(QList<Entry> &out, const RunRecord &r)
{
    addSection(out, RunPropertiesModel::tr("Run"));
    const QString format = QStringLiteral("yyyy-MM-dd HH:mm:ss");
    out.append({RunPropertiesModel::tr("Id"), r.id, {}, false});
    out.append({RunPropertiesModel::tr("Status"), RunListModel::statusLabel(r), r.error, false});
    if (!r.error.isEmpty())
        out.append({RunPropertiesModel::tr("Error"), r.error, r.error, false});
    out.append(
        {RunPropertiesModel::tr("Started"), r.started.toLocalTime().toString(format), {}, false});
    out.append(
        {RunPropertiesModel::tr("Finished"), r.finished.toLocalTime().toString(format), {}, false});
    QStringList words;
    for (const QString &word : r.commandLine)
        words.append(shellQuote(word)); // pastes into a shell as it was run
    const QString command = words.join(QLatin1Char(' '));
    out.append({RunPropertiesModel::tr("Command"), command, command, false});
    QString software = QStringLiteral("Spillway %1, Qt %2").arg(r.softwareVersion, r.qtVersion);
    if (!r.serverVersion.isEmpty())
        software += QStringLiteral(", PostgreSQL %1").arg(r.serverVersion);
    out.append({RunPropertiesModel::tr("Software"), software, {}, false});
    const MachineInfo &m = r.machine;
    out.append({RunPropertiesModel::tr("Machine"),
                RunPropertiesModel::tr("%1, %2, %n core(s), %3", nullptr, m.cores)
                    .arg(m.hostname, m.cpuModel.isEmpty() ? m.architecture : m.cpuModel,
                         formatBytes(double(m.memoryBytes))),
                m.os, false});
}

void addResult(QList<Entry> &out, const RunRecord &r)
{
    addSection(out, RunPropertiesModel::tr("Summary"));
    for (const MetricInfo &m : RunSummary::metrics()) {
        if (const auto v = r.summary.value(QLatin1String(m.name)))
            out.append({QLatin1String(m.name), formatNumber(*v),
                        QCoreApplication::translate("RunSummary", m.description), false});
    }
    if (!r.tables.isEmpty()) {
        addSection(out, RunPropertiesModel::tr("Tables"));
        for (const TableRows &t : r.tables)
            out.append({t.name,
                        RunPropertiesModel::tr("%1 of %2 rows, %3")
                            .arg(formatNumber(double(t.rows)), formatNumber(double(t.rowsTotal)),
                                 formatBytes(double(t.bytes))),
                        {},
                        false});
    }
    if (!r.thresholds.isEmpty()) {
        addSection(out, RunPropertiesModel::tr("Thresholds"));
        for (const ThresholdResult &t : r.thresholds)
            out.append({t.text,
                        t.passed ? RunPropertiesModel::tr("ok: %1 = %2")
                                       .arg(t.metric, formatNumber(t.actual.value_or(0)))
                                 : RunPropertiesModel::tr("FAILED: %1").arg(t.message),
                        t.message, false});
    }
}

QString spreadText(const Spread &s, bool count)
{
    const auto text = [count](double v) { return count ? formatCount(v) : formatDuration(v); };
    if (s.min == s.max)
        return text(s.median);
    return RunPropertiesModel::tr("median %1 (%2 to %3)")
        .arg(text(s.median), text(s.min), text(s.max));
}

void addCommands(QList<Entry> &out, const QList<PipelineCommandRecord> &commands,
                 const QString &prefix)
{
    for (const PipelineCommandRecord &c : commands)
        out.append(
            {prefix + c.name,
             RunPropertiesModel::tr("%1 after %2").arg(c.statusText(), formatDuration(c.seconds)),
             c.error.isEmpty() ? c.commandLine : c.error, false});
}

// The pipeline's commands and how they ended (per repeat when there were several), its
// figures' median and spread, its files and its log.
void addPipeline(QList<Entry> &out, const PipelineRecord &p)
{
    addSection(out, RunPropertiesModel::tr("Pipeline"));
    if (p.iterations.size() > 1) {
        for (qsizetype i = 0; i < p.iterations.size(); ++i) {
            const PipelineIterationRecord &it = p.iterations.at(i);
            const QString prefix = RunPropertiesModel::tr("run %1: ").arg(i + 1);
            if (it.hasBefore)
                addCommands(out, {it.before}, prefix + RunPropertiesModel::tr("before "));
            addCommands(out, it.commands, prefix);
        }
        out.append(
            {RunPropertiesModel::tr("Duration"), spreadText(p.durationSeconds, false), {}, false});
        out.append(
            {RunPropertiesModel::tr("Rows/s"), spreadText(p.rowsPerSecond, true), {}, false});
    } else {
        addCommands(out, p.commands, QString());
    }
    if (!p.targetTables.isEmpty())
        out.append({RunPropertiesModel::tr("Target tables"),
                    p.targetTables.join(QStringLiteral(", ")),
                    {},
                    false});
    for (const SessionTotals &s : p.sessions) {
        out.append({RunPropertiesModel::tr("Sessions of %1").arg(s.name),
                    RunPropertiesModel::tr("peak %1, active %2, waiting %3, blocked %4")
                        .arg(s.peakSessions)
                        .arg(s.peakActive)
                        .arg(s.peakWaiting)
                        .arg(s.peakBlocked),
                    s.waitEvents.join(QLatin1Char('\n')), false});
    }
    if (!p.filesDirectory.isEmpty())
        out.append({RunPropertiesModel::tr("Files"),
                    p.reusedFiles ? RunPropertiesModel::tr("%1 (reused)").arg(p.filesDirectory)
                                  : p.filesDirectory,
                    {},
                    false});
    if (!p.manifestPath.isEmpty())
        out.append({RunPropertiesModel::tr("Dirty-row manifest"), p.manifestPath, {}, false});
    out.append({RunPropertiesModel::tr("Output lines"),
                p.logComplete() ? formatNumber(double(p.logLines))
                                : RunPropertiesModel::tr("%1 (the record keeps %2)")
                                      .arg(formatNumber(double(p.logLines)),
                                           formatNumber(double(p.log.size()))),
                p.logFile, false});
    out.append({RunPropertiesModel::tr("Measuring cost"),
                RunPropertiesModel::tr("%1% of one core")
                    .arg(QString::number(p.samplingOverheadPercent(), 'f', 2)),
                {},
                false});
}

} // namespace

RunPropertiesModel::RunPropertiesModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

QList<RunPropertiesModel::Entry> RunPropertiesModel::runEntries(const RunRecord &r)
{
    QList<Entry> out;
    addOverview(out, r);
    if (r.pipeline)
        addPipeline(out, *r.pipeline);
    addResult(out, r);
    if (!r.verify.isEmpty()) {
        addSection(out, tr("Verify"));
        addObject(out, r.verify);
    }
    addSection(out, tr("Settings"));
    addObject(out, r.settings);
    return out;
}

void RunPropertiesModel::setEntries(const QList<Entry> &entries)
{
    beginResetModel();
    m_entries = entries;
    endResetModel();
}

void RunPropertiesModel::setRun(const RunRecord &record)
{
    setEntries(runEntries(record));
}

void RunPropertiesModel::setDifferences(const RunRecord &a, const RunRecord &b)
{
    QList<Entry> out;
    const QList<SettingDifference> diffs = differingSettings(a, b);
    for (const SettingDifference &d : diffs)
        out.append({d.key, QStringLiteral("%1 \u2192 %2").arg(d.a, d.b), {}, false});
    if (diffs.isEmpty())
        out.append({tr("Settings"), tr("the same"), {}, false});
    setEntries(out);
}

int RunPropertiesModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_entries.size());
}

int RunPropertiesModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant RunPropertiesModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Entry &e = m_entries[index.row()];
    switch (role) {
    case Qt::DisplayRole:
        return index.column() == Name ? e.name : e.value;
    case Qt::ToolTipRole:
        return e.toolTip.isEmpty() ? QVariant() : QVariant(e.toolTip);
    case Qt::FontRole:
        if (e.section) {
            QFont bold;
            bold.setBold(true);
            return bold;
        }
        return {};
    case Qt::AccessibleTextRole:
        return e.section ? tr("Section %1").arg(e.name) : QVariant();
    case IsSectionRole:
        return e.section;
    default:
        return {};
    }
}

QVariant RunPropertiesModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole || section < 0 ||
        section >= ColumnCount)
        return QAbstractTableModel::headerData(section, orientation, role);
    return section == Name ? tr("Name") : tr("Value");
}

} // namespace spillway
