#include "pipelineprinter.h"

#include "base/quantity.h"
#include "clicommon.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>

#include <sys/ioctl.h>
#include <unistd.h>

namespace spillway::cli {
namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("spillway::cli::PipelinePrinter", text);
}

int terminalWidth()
{
    winsize ws{};
    if (ioctl(fileno(stderr), TIOCGWINSZ, &ws) == 0 && ws.ws_col > 20)
        return ws.ws_col;
    return 100;
}

void printJsonLine(const QJsonObject &object)
{
    printErr(QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact)) +
             QLatin1Char('\n'));
}

} // namespace

PipelinePrinter::PipelinePrinter(ProgressPrinter::Mode mode, const QStringList &commandNames)
    : m_mode(mode)
    , m_names(commandNames)
    , m_files(mode, tr("Generated"))
{}

QString PipelinePrinter::commandName(int command) const
{
    return command < 0 ? tr("before") : m_names.value(command, QString::number(command + 1));
}

void PipelinePrinter::clearBar()
{
    if (m_mode == ProgressPrinter::Mode::Bar && !m_bar.isEmpty())
        printErr(QLatin1Char('\r') + QString(m_bar.size(), QLatin1Char(' ')) + QLatin1Char('\r'));
}

void PipelinePrinter::print(const QString &text)
{
    clearBar();
    printErr(text);
    if (m_mode == ProgressPrinter::Mode::Bar && !m_bar.isEmpty())
        printErr(m_bar);
}

void PipelinePrinter::line(const PipelineLogLine &l)
{
    if (m_mode == ProgressPrinter::Mode::Json) {
        printJsonLine({{QStringLiteral("event"), QStringLiteral("output")},
                       {QStringLiteral("command"), commandName(l.command)},
                       {QStringLiteral("stream"),
                        l.fromStderr ? QStringLiteral("stderr") : QStringLiteral("stdout")},
                       {QStringLiteral("elapsed_s"), l.elapsedSeconds},
                       {QStringLiteral("text"), l.text}});
        return;
    }
    print(QStringLiteral("[%1%2] %3\n")
              .arg(commandName(l.command), l.fromStderr ? QStringLiteral(":err") : QString(),
                   l.text));
}

QString PipelinePrinter::statusText(const PipelineSample &s) const
{
    QStringList tables;
    for (const TableActivity &t : s.database.tables)
        tables.append(tr("%1 %2 rows/s").arg(t.table, formatCount(t.insertsPerSecond)));
    QStringList commands;
    for (const CommandSample &c : s.commands) {
        if (c.running)
            commands.append(tr("%1 %2% CPU %3")
                                .arg(commandName(c.command))
                                .arg(c.process.cpuPercent, 0, 'f', 0)
                                .arg(formatBytes(double(c.process.rssBytes))));
        else
            commands.append(tr("%1 done").arg(commandName(c.command)));
    }
    QString text = QStringLiteral("[%1] ").arg(formatDuration(s.elapsedSeconds));
    text += s.hasDatabase ? tables.join(QStringLiteral(", ")) : tr("no database sample yet");
    if (s.hasDatabase && s.database.walBytesPerSecond > 0)
        text += tr(", WAL %1").arg(formatByteRate(s.database.walBytesPerSecond));
    return text + QStringLiteral(" | ") + commands.join(QStringLiteral(", "));
}

QJsonObject PipelinePrinter::toJson(const PipelineSample &s)
{
    QJsonArray commands, tables;
    for (const CommandSample &c : s.commands)
        commands.append(QJsonObject{{QStringLiteral("command"), c.command},
                                    {QStringLiteral("running"), c.running},
                                    {QStringLiteral("cpu_percent"), c.process.cpuPercent},
                                    {QStringLiteral("rss_bytes"), double(c.process.rssBytes)},
                                    {QStringLiteral("read_bytes"), double(c.process.readBytes)},
                                    {QStringLiteral("write_bytes"), double(c.process.writeBytes)},
                                    {QStringLiteral("processes"), c.process.processes}});
    for (const TableActivity &t : s.database.tables)
        tables.append(QJsonObject{{QStringLiteral("table"), t.table},
                                  {QStringLiteral("inserts_per_s"), t.insertsPerSecond},
                                  {QStringLiteral("updates_per_s"), t.updatesPerSecond},
                                  {QStringLiteral("deletes_per_s"), t.deletesPerSecond},
                                  {QStringLiteral("inserted"), double(t.inserted)}});
    QJsonObject o{{QStringLiteral("event"), QStringLiteral("sample")},
                  {QStringLiteral("elapsed_s"), s.elapsedSeconds},
                  {QStringLiteral("commands"), commands}};
    if (s.hasDatabase) {
        o.insert(QStringLiteral("tables"), tables);
        o.insert(QStringLiteral("wal_bytes_per_s"), s.database.walBytesPerSecond);
    }
    return o;
}

void PipelinePrinter::sample(const PipelineSample &s)
{
    switch (m_mode) {
    case ProgressPrinter::Mode::Quiet:
        return;
    case ProgressPrinter::Mode::Json:
        printJsonLine(toJson(s));
        return;
    case ProgressPrinter::Mode::Lines:
        if (m_lastLineAt >= 0 && s.elapsedSeconds - m_lastLineAt < 5)
            return;
        m_lastLineAt = s.elapsedSeconds;
        printErr(statusText(s) + QLatin1Char('\n'));
        return;
    case ProgressPrinter::Mode::Bar: {
        const QString text = statusText(s).left(terminalWidth() - 1);
        const int pad = std::max(0, int(m_bar.size()) - int(text.size()));
        printErr(QLatin1Char('\r') + text + QString(pad, QLatin1Char(' ')));
        m_bar = text;
        return;
    }
    }
}

void PipelinePrinter::notice(const QString &text)
{
    if (m_mode == ProgressPrinter::Mode::Json)
        printJsonLine(
            {{QStringLiteral("event"), QStringLiteral("notice")}, {QStringLiteral("text"), text}});
    else if (m_mode != ProgressPrinter::Mode::Quiet)
        print(text.left(1).toUpper() + text.mid(1) + QLatin1Char('\n'));
}

void PipelinePrinter::phase(PipelineJob::Phase phase)
{
    if (m_generating && phase != PipelineJob::Phase::Generating &&
        m_mode != ProgressPrinter::Mode::Json && m_mode != ProgressPrinter::Mode::Quiet)
        printErr(QStringLiteral("\n")); // after the files' progress bar
    m_generating = phase == PipelineJob::Phase::Generating;
    if (m_mode == ProgressPrinter::Mode::Json) {
        printJsonLine({{QStringLiteral("event"), QStringLiteral("phase")},
                       {QStringLiteral("phase"), PipelineJob::phaseName(phase)}});
        return;
    }
    if (phase != PipelineJob::Phase::Running) {
        clearBar();
        m_bar.clear();
    }
}

void PipelinePrinter::finish(const PipelineResult &r)
{
    clearBar();
    m_bar.clear();
    if (m_mode == ProgressPrinter::Mode::Json || m_mode == ProgressPrinter::Mode::Quiet)
        return;
    const PipelineRecord &record = r.record;
    QString text;
    for (int i = 0; i < record.commands.size(); ++i) {
        const PipelineCommandRecord &c = record.commands[i];
        text += tr("%1: %2 after %3, peak RSS %4, mean CPU %5%\n")
                    .arg(c.name, c.statusText(), formatDuration(c.seconds),
                         formatBytes(record.peakRssBytes(i)))
                    .arg(record.meanCpuPercent(i), 0, 'f', 0);
    }
    if (!record.iterations.isEmpty()) {
        const PipelineIterationRecord &last = record.iterations.last();
        if (record.iterations.size() == 1)
            text += tr("%1 rows into %2 target table(s) in %3: %4 rows/s\n")
                        .arg(formatNumber(last.rows))
                        .arg(record.targetTables.size())
                        .arg(formatDuration(last.seconds), formatCount(last.rowsPerSecond));
        else
            text += tr("%1 iterations: median %2 (%3 to %4), median %5 rows/s (%6 to %7)\n")
                        .arg(record.iterations.size())
                        .arg(formatDuration(record.durationSeconds.median),
                             formatDuration(record.durationSeconds.min),
                             formatDuration(record.durationSeconds.max),
                             formatCount(record.rowsPerSecond.median),
                             formatCount(record.rowsPerSecond.min),
                             formatCount(record.rowsPerSecond.max));
    }
    if (record.wallSeconds > 0)
        text +=
            tr("Measuring cost %1% of one core\n").arg(record.samplingOverheadPercent(), 0, 'f', 2);
    if (!record.logFile.isEmpty())
        text += tr("Complete output: %1\n").arg(record.logFile);
    printErr(text);
}

} // namespace spillway::cli
