// spillway-cli runs: list, show and compare recorded runs.

#include "clicommon.h"
#include "commands.h"
#include "history/htmlreport.h"
#include "history/runcompare.h"
#include "history/runstore.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSaveFile>

#include <cmath>

namespace spillway::cli {
namespace {

const char *const kRunsUsage =
    "Usage: spillway-cli runs list|show|compare|report [options]\n\n"
    "  runs list               the recorded runs, oldest first\n"
    "  runs show RUN           one run: settings, summary, tables, thresholds, rows/s over time\n"
    "  runs compare A B        B's summary against A's, and the settings that differ\n"
    "  runs report RUN [--compare RUN2] [--out FILE]\n"
    "                          a self-contained HTML report with charts (of RUN2 against RUN)\n\n"
    "RUN is an id, a unique prefix of one, latest, latest~N (N runs before the latest) or a\n"
    "record file (a baseline kept with the project).\n";

void addStoreOptions(QCommandLineParser &p)
{
    p.addOptions({{QStringLiteral("runs-dir"),
                   QStringLiteral("Folder of run records (default: $SPILLWAY_RUNS_DIR, else "
                                  "~/.local/share/spillway/runs)."),
                   QStringLiteral("DIR")},
                  {QStringLiteral("json"), QStringLiteral("Print JSON.")}});
}

void printJson(const QJsonValue &value)
{
    const QJsonDocument doc =
        value.isArray() ? QJsonDocument(value.toArray()) : QJsonDocument(value.toObject());
    printOut(QString::fromUtf8(doc.toJson(QJsonDocument::Indented)));
}

// Rows of cells as aligned columns; the first column is left-aligned, the others right-aligned
// unless alignLeft marks them.
QString formatTable(const QList<QStringList> &rows, const QList<bool> &alignLeft = {})
{
    QList<qsizetype> widths;
    for (const QStringList &row : rows) {
        for (qsizetype c = 0; c < row.size(); ++c) {
            if (widths.size() <= c)
                widths.append(0);
            widths[c] = std::max(widths[c], row[c].size());
        }
    }
    QString out;
    for (const QStringList &row : rows) {
        QString line;
        for (qsizetype c = 0; c < row.size(); ++c) {
            const bool left = c == 0 || alignLeft.value(c, false);
            const int width = c + 1 == row.size() && left ? 0 : int(widths[c]);
            line += (left ? row[c].leftJustified(width) : row[c].rightJustified(width)) +
                    QStringLiteral("  ");
        }
        out += line.trimmed().isEmpty() ? QString() : QStringLiteral("  ") + line.trimmed();
        out += QLatin1Char('\n');
    }
    return out;
}

QString figure(const RunRecord &r, const char *metric)
{
    const auto v = r.summary.value(QLatin1String(metric));
    return v ? formatNumber(*v) : QStringLiteral("-");
}

QString localTime(const QDateTime &utc)
{
    return utc.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
}

// Parses a subcommand's options; the store comes from --runs-dir.
std::optional<int> parseSub(QCommandLineParser &p, const QStringList &arguments,
                            const QString &name, const QString &usage, int positional)
{
    addStoreOptions(p);
    return parseCommandLine(p, arguments, QStringLiteral("runs ") + name, usage, positional,
                            positional);
}

std::optional<RunRecord> findOrReport(const RunStore &store, const QString &reference)
{
    QString error;
    auto record = store.find(reference, &error);
    if (!record)
        printErr(QStringLiteral("error: %1\n").arg(error));
    return record;
}

int runsList(const QStringList &arguments)
{
    QCommandLineParser p;
    p.addOption({QStringLiteral("kind"), QStringLiteral("Only runs of this kind."),
                 QStringLiteral("KIND")});
    if (auto exit = parseSub(p, arguments, QStringLiteral("list"),
                             QStringLiteral("Lists the recorded runs, oldest first."), 0))
        return *exit;
    const RunStore store(p.value(QStringLiteral("runs-dir")));
    QStringList problems;
    QList<RunRecord> records = store.list(&problems);
    for (const QString &problem : problems)
        printErr(QStringLiteral("warning: %1\n").arg(problem));
    const QString kind = p.value(QStringLiteral("kind"));
    if (!kind.isEmpty())
        records.removeIf([&kind](const RunRecord &r) { return r.kind != kind; });
    if (p.isSet(QStringLiteral("json"))) {
        QJsonArray array;
        for (const RunRecord &r : records)
            array.append(
                QJsonObject{{QStringLiteral("id"), r.id},
                            {QStringLiteral("kind"), r.kind},
                            {QStringLiteral("started"), r.started.toString(Qt::ISODateWithMs)},
                            {QStringLiteral("status"), r.statusText()},
                            {QStringLiteral("summary"), r.summary.toJson()}});
        printJson(array);
        return ExitOk;
    }
    if (records.isEmpty()) {
        printOut(QStringLiteral("No runs recorded in %1.\n").arg(store.directory()));
        return ExitOk;
    }
    QList<QStringList> rows{{QStringLiteral("ID"), QStringLiteral("KIND"), QStringLiteral("DATE"),
                             QStringLiteral("STATUS"), QStringLiteral("ROWS"),
                             QStringLiteral("ROWS/S"), QStringLiteral("MB/S"),
                             QStringLiteral("P95 COMMIT MS")}};
    for (const RunRecord &r : records)
        rows.append({r.id, r.kind, localTime(r.started), r.statusText(), figure(r, "rows"),
                     figure(r, "rows_per_s"), figure(r, "mb_per_s"), figure(r, "p95_commit_ms")});
    printOut(formatTable(rows, {true, true, true, true}));
    return ExitOk;
}

// Rows/s over time in one line of block characters, the series cut into at most `width`
// buckets.
QString sparkline(const QList<RunSample> &series, int width)
{
    if (series.size() < 2)
        return {};
    const qsizetype buckets = std::min<qsizetype>(width, series.size());
    QList<double> values(buckets, 0);
    for (qsizetype b = 0; b < buckets; ++b) {
        const qsizetype from = b * series.size() / buckets, to = (b + 1) * series.size() / buckets;
        for (qsizetype i = from; i < to; ++i)
            values[b] += series[i].rowsPerSecond / double(to - from);
    }
    const double peak = *std::max_element(values.begin(), values.end());
    QString line;
    for (double v : values)
        line += QChar(0x2581 + (peak > 0 ? std::min(7, int(v / peak * 8)) : 0));
    return line;
}

QString headerText(const RunRecord &r)
{
    QString text = QStringLiteral("Run %1 (%2, %3)\n").arg(r.id, r.kind, r.statusText());
    QList<QStringList> rows;
    rows.append({QStringLiteral("Started"),
                 localTime(r.started) + QStringLiteral(", took ") +
                     formatDuration(r.summary.value(QStringLiteral("elapsed_s")).value_or(0))});
    rows.append({QStringLiteral("Command"), r.commandLine.join(QLatin1Char(' '))});
    QString software = QStringLiteral("Spillway %1, Qt %2").arg(r.softwareVersion, r.qtVersion);
    if (!r.serverVersion.isEmpty())
        software += QStringLiteral(", PostgreSQL %1").arg(r.serverVersion);
    rows.append({QStringLiteral("Software"), software});
    const MachineInfo &m = r.machine;
    rows.append({QStringLiteral("Machine"),
                 QStringLiteral("%1, %2, %3, %4 cores, %5")
                     .arg(m.hostname, m.os, m.cpuModel.isEmpty() ? m.architecture : m.cpuModel)
                     .arg(m.cores)
                     .arg(formatBytes(double(m.memoryBytes)))});
    if (!r.error.isEmpty())
        rows.append({QStringLiteral("Error"), r.error});
    return text + formatTable(rows, {true, true});
}

QString detailText(const RunRecord &r)
{
    QList<QStringList> settings;
    for (auto it = r.settings.constBegin(); it != r.settings.constEnd(); ++it)
        settings.append({it.key(), settingText(it.value())});
    QList<QStringList> summary;
    for (const MetricInfo &m : RunSummary::metrics()) {
        if (const auto v = r.summary.value(QLatin1String(m.name)))
            summary.append({QLatin1String(m.name), formatNumber(*v), QLatin1String(m.description)});
    }
    QList<QStringList> tables;
    for (const TableRows &t : r.tables)
        tables.append({t.name, formatNumber(double(t.rows)) + QStringLiteral(" rows"),
                       formatBytes(double(t.bytes))});
    QString text = QStringLiteral("\nSettings\n") + formatTable(settings, {true, true}) +
                   QStringLiteral("\nSummary\n") + formatTable(summary, {true, false, true}) +
                   QStringLiteral("\nTables\n") + formatTable(tables);
    if (!r.thresholds.isEmpty()) {
        QList<QStringList> thresholds;
        for (const ThresholdResult &t : r.thresholds)
            thresholds.append({t.passed ? QStringLiteral("ok") : QStringLiteral("FAILED"), t.text,
                               t.passed ? QStringLiteral("%1 = %2").arg(
                                              t.metric, formatNumber(t.actual.value_or(0)))
                                        : t.message});
        text += QStringLiteral("\nThresholds\n") + formatTable(thresholds, {true, true, true});
    }
    if (!r.events.isEmpty()) {
        QList<QStringList> events;
        for (const RunEvent &e : r.events)
            events.append({e.time.toUTC().toString(QStringLiteral("HH:mm:ss.zzz")), e.text()});
        if (r.eventsDropped > 0)
            events.append({QString(), QStringLiteral("(%1 more not kept)").arg(r.eventsDropped)});
        text += QStringLiteral("\nEvents (UTC)\n") + formatTable(events, {true, true});
    }
    return text;
}

QString pipelineCommandsText(const PipelineRecord &p)
{
    QList<QStringList> commands;
    for (int i = 0; i < p.commands.size(); ++i) {
        const PipelineCommandRecord &c = p.commands[i];
        commands.append({c.name, c.statusText(), formatDuration(c.seconds),
                         formatBytes(p.peakRssBytes(i)),
                         QStringLiteral("%1%").arg(p.meanCpuPercent(i), 0, 'f', 1), c.commandLine});
    }
    QString text = QStringLiteral("\nCommands\n") +
                   formatTable({{QStringLiteral("NAME"), QStringLiteral("ENDED"),
                                 QStringLiteral("TOOK"), QStringLiteral("PEAK RSS"),
                                 QStringLiteral("MEAN CPU"), QStringLiteral("COMMAND")}},
                               {true, true}) +
                   formatTable(commands, {true, true, false, false, false, true});
    if (p.iterations.size() > 1) {
        QList<QStringList> rows;
        for (int i = 0; i < p.iterations.size(); ++i) {
            const PipelineIterationRecord &it = p.iterations[i];
            rows.append({QString::number(i + 1), formatDuration(it.seconds),
                         formatNumber(it.rows) + QStringLiteral(" rows"),
                         formatCount(it.rowsPerSecond) + QStringLiteral(" rows/s"),
                         !it.verified  ? QStringLiteral("not verified")
                         : it.verifyOk ? QStringLiteral("verified")
                                       : QStringLiteral("verify: differences")});
        }
        text += QStringLiteral("\nIterations (median %1, %2 to %3; median %4 rows/s, %5 to %6)\n")
                    .arg(formatDuration(p.durationSeconds.median),
                         formatDuration(p.durationSeconds.min),
                         formatDuration(p.durationSeconds.max), formatCount(p.rowsPerSecond.median),
                         formatCount(p.rowsPerSecond.min), formatCount(p.rowsPerSecond.max)) +
                formatTable(rows, {true, false, false, false, true});
    }
    return text;
}

QString pipelineDatabaseText(const PipelineRecord &p)
{
    QString text;
    QList<QStringList> tables;
    for (const PipelineSeries &t : p.tableSeries) {
        const QList<double> rate = t.column(QStringLiteral("inserts_per_s"));
        QList<RunSample> points;
        for (double v : rate) {
            RunSample sample;
            sample.rowsPerSecond = v;
            points.append(sample);
        }
        const double peak = rate.isEmpty() ? 0 : *std::max_element(rate.begin(), rate.end());
        tables.append({t.name, QStringLiteral("peak %1 rows/s").arg(formatCount(peak)),
                       sparkline(points, 40)});
    }
    if (!tables.isEmpty())
        text += QStringLiteral("\nTarget tables, inserts/s over time\n") +
                formatTable(tables, {true, true, true});
    QList<QStringList> sessions;
    for (const SessionTotals &s : p.sessions)
        sessions.append({s.name, QStringLiteral("peak %1 sessions").arg(s.peakSessions),
                         QStringLiteral("%1 waiting").arg(s.peakWaiting),
                         QStringLiteral("%1 blocked").arg(s.peakBlocked),
                         s.waitEvents.join(QStringLiteral(", "))});
    text += QStringLiteral("\nSessions\n") + formatTable(sessions, {true, true, true, true, true});
    text += QStringLiteral("\nFiles %1%2; measuring cost %3% of one core\n")
                .arg(p.filesDirectory, p.reusedFiles ? QStringLiteral(" (reused)") : QString())
                .arg(p.samplingOverheadPercent(), 0, 'f', 2);
    return text;
}

QString pipelineText(const PipelineRecord &p)
{
    QString text = pipelineCommandsText(p) + pipelineDatabaseText(p);
    constexpr int kTail = 20;
    text += QStringLiteral("\nOutput, the last %1 of %2 lines (all of them: %3)\n")
                .arg(std::min<qsizetype>(kTail, p.log.size()))
                .arg(p.logLines)
                .arg(p.logFile);
    for (qsizetype i = std::max<qsizetype>(0, p.log.size() - kTail); i < p.log.size(); ++i) {
        const PipelineLogLine &l = p.log[i].line;
        const QString name = l.command >= 0 && l.command < p.commands.size()
                                 ? p.commands[l.command].name
                                 : QStringLiteral("before");
        text += QStringLiteral("  %1 [%2%3] %4\n")
                    .arg(l.elapsedSeconds, 8, 'f', 2)
                    .arg(name, l.fromStderr ? QStringLiteral(":err") : QString(), l.text);
    }
    return text;
}

int runsShow(const QStringList &arguments)
{
    QCommandLineParser p;
    p.addPositionalArgument(QStringLiteral("RUN"), QStringLiteral("Run id, prefix, latest, "
                                                                  "latest~N or record file."));
    if (auto exit = parseSub(p, arguments, QStringLiteral("show"),
                             QStringLiteral("Shows one recorded run."), 1))
        return *exit;
    const RunStore store(p.value(QStringLiteral("runs-dir")));
    const auto r = findOrReport(store, p.positionalArguments().first());
    if (!r)
        return ExitUsage;
    if (p.isSet(QStringLiteral("json"))) {
        printJson(r->toJson());
        return ExitOk;
    }
    QString text = headerText(*r) + detailText(*r);
    if (r->pipeline)
        text += pipelineText(*r->pipeline);
    if (const QString line = sparkline(r->series, 60); !line.isEmpty())
        text += QStringLiteral("\nRows/s over %1 (peak %2)\n  %3\n")
                    .arg(formatDuration(r->series.last().elapsedSeconds),
                         figure(*r, "peak_rows_per_s"), line);
    if (!r->verify.isEmpty()) {
        QList<QStringList> verify;
        for (auto it = r->verify.constBegin(); it != r->verify.constEnd(); ++it)
            verify.append({it.key(), settingText(it.value())});
        text += QStringLiteral("\nVerify\n") + formatTable(verify, {true, true});
    }
    printOut(text);
    return ExitOk;
}

QJsonObject changeJson(const MetricChange &c)
{
    return {{QStringLiteral("metric"), c.name},
            {QStringLiteral("a"), c.a ? QJsonValue(*c.a) : QJsonValue()},
            {QStringLiteral("b"), c.b ? QJsonValue(*c.b) : QJsonValue()},
            {QStringLiteral("change_pct"),
             std::isnan(c.percent) ? QJsonValue() : QJsonValue(std::round(c.percent * 10) / 10)},
            {QStringLiteral("verdict"),
             c.verdictText().isEmpty() ? QJsonValue() : QJsonValue(c.verdictText())}};
}

QJsonObject compareJson(const RunRecord &a, const RunRecord &b)
{
    QJsonArray metrics, settings;
    for (const MetricChange &c : compareSummaries(a, b) + comparePipelines(a, b))
        metrics.append(changeJson(c));
    for (const SettingDifference &d : differingSettings(a, b))
        settings.append(QJsonObject{{QStringLiteral("setting"), d.key},
                                    {QStringLiteral("a"), d.a},
                                    {QStringLiteral("b"), d.b}});
    return {{QStringLiteral("a"), a.id},
            {QStringLiteral("b"), b.id},
            {QStringLiteral("metrics"), metrics},
            {QStringLiteral("settings_differ"), settings}};
}

QString compareText(const RunRecord &a, const RunRecord &b)
{
    QList<QStringList> rows{{QStringLiteral("METRIC"), QStringLiteral("A"), QStringLiteral("B"),
                             QStringLiteral("CHANGE"), QString()}};
    for (const MetricChange &c : compareSummaries(a, b) + comparePipelines(a, b))
        rows.append({c.name, c.a ? formatNumber(*c.a) : QStringLiteral("-"),
                     c.b ? formatNumber(*c.b) : QStringLiteral("-"), c.changeText(),
                     c.verdictText()});
    QString text = QStringLiteral("A: %1 (%2, %3)\nB: %4 (%5, %6)\n\n")
                       .arg(a.id, localTime(a.started), a.statusText(), b.id, localTime(b.started),
                            b.statusText()) +
                   formatTable(rows, {true, false, false, false, true});
    QList<QStringList> settings;
    for (const SettingDifference &d : differingSettings(a, b))
        settings.append({d.key, d.a, QStringLiteral("->"), d.b});
    text += settings.isEmpty() ? QStringLiteral("\nSettings: the same.\n")
                               : QStringLiteral("\nSettings that differ\n") +
                                     formatTable(settings, {true, true, true, true});
    return text;
}

int runsCompare(const QStringList &arguments)
{
    QCommandLineParser p;
    p.addPositionalArgument(QStringLiteral("A"), QStringLiteral("The base run."));
    p.addPositionalArgument(QStringLiteral("B"), QStringLiteral("The run compared with it."));
    if (auto exit = parseSub(p, arguments, QStringLiteral("compare"),
                             QStringLiteral("Compares run B with run A: summary figures with the "
                                            "change in percent, and the settings that differ."),
                             2))
        return *exit;
    const RunStore store(p.value(QStringLiteral("runs-dir")));
    const auto a = findOrReport(store, p.positionalArguments().at(0));
    const auto b = a ? findOrReport(store, p.positionalArguments().at(1)) : std::nullopt;
    if (!a || !b)
        return ExitUsage;
    if (p.isSet(QStringLiteral("json")))
        printJson(compareJson(*a, *b));
    else
        printOut(compareText(*a, *b));
    return ExitOk;
}

// Writes text to a file atomically, or to standard output for "-".
int writeReport(const QString &path, const QString &html)
{
    if (path == QLatin1String("-")) {
        printOut(html);
        return ExitOk;
    }
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(html.toUtf8()) < 0 || !file.commit()) {
        printErr(QStringLiteral("error: cannot write the report to %1: %2; choose another "
                                "--out file\n")
                     .arg(path, file.errorString()));
        return ExitFailure;
    }
    printOut(QStringLiteral("Report written to %1\n").arg(path));
    return ExitOk;
}

int runsReport(const QStringList &arguments)
{
    QCommandLineParser p;
    p.addPositionalArgument(QStringLiteral("RUN"), QStringLiteral("Run id, prefix, latest, "
                                                                  "latest~N or record file."));
    p.addOptions({{QStringLiteral("compare"),
                   QStringLiteral("Compare RUN2 against RUN (RUN is the base, as in runs "
                                  "compare)."),
                   QStringLiteral("RUN2")},
                  {QStringLiteral("out"),
                   QStringLiteral("HTML file to write (default: ID.html, or A-vs-B.html; - for "
                                  "standard output)."),
                   QStringLiteral("FILE")}});
    if (auto exit = parseSub(p, arguments, QStringLiteral("report"),
                             QStringLiteral("Writes a self-contained HTML report of a run, or of "
                                            "two runs compared, with charts as inline SVG."),
                             1))
        return *exit;
    const RunStore store(p.value(QStringLiteral("runs-dir")));
    const auto a = findOrReport(store, p.positionalArguments().first());
    if (!a)
        return ExitUsage;
    const QString other = p.value(QStringLiteral("compare"));
    const auto b = other.isEmpty() ? std::nullopt : findOrReport(store, other);
    if (!other.isEmpty() && !b)
        return ExitUsage;
    QString out = p.value(QStringLiteral("out"));
    if (out.isEmpty())
        out = (b ? a->id + QStringLiteral("-vs-") + b->id : a->id) + QStringLiteral(".html");
    return writeReport(out, b ? HtmlReport::forComparison(*a, *b) : HtmlReport::forRun(*a));
}

} // namespace

int runRuns(const QStringList &arguments)
{
    const QString sub = arguments.value(1);
    QStringList rest = arguments;
    if (!sub.isEmpty())
        rest.removeAt(1);
    if (sub == QLatin1String("list"))
        return runsList(rest);
    if (sub == QLatin1String("show"))
        return runsShow(rest);
    if (sub == QLatin1String("compare"))
        return runsCompare(rest);
    if (sub == QLatin1String("report"))
        return runsReport(rest);
    if (sub == QLatin1String("--help") || sub == QLatin1String("-h")) {
        printOut(QString::fromLatin1(kRunsUsage));
        return ExitOk;
    }
    printErr((sub.isEmpty()
                  ? QString()
                  : QStringLiteral("spillway-cli runs: unknown subcommand '%1'\n\n").arg(sub)) +
             QString::fromLatin1(kRunsUsage));
    return ExitUsage;
}

} // namespace spillway::cli
