#include "progressprinter.h"

#include "clicommon.h"

#include <QJsonArray>
#include <QJsonDocument>

#include <sys/ioctl.h>
#include <unistd.h>

namespace spillway::cli {

ProgressPrinter::ProgressPrinter(Mode mode, const QString &verb, QObject *parent)
    : QObject(parent)
    , m_mode(mode)
    , m_verb(verb)
{}

ProgressPrinter::Mode ProgressPrinter::chooseMode(bool json, bool quiet)
{
    if (quiet)
        return Mode::Quiet;
    if (json)
        return Mode::Json;
    return stderrIsTerminal() ? Mode::Bar : Mode::Lines;
}

static int terminalWidth()
{
    winsize ws{};
    if (ioctl(fileno(stderr), TIOCGWINSZ, &ws) == 0 && ws.ws_col > 20)
        return ws.ws_col;
    return 100;
}

QString ProgressPrinter::barLine(const RunSnapshot &s) const
{
    const QString stats =
        QStringLiteral(" %1%  %2/%3 rows  %4 rows/s  %5/s  ETA %6")
            .arg(QString::number(100.0 * s.fraction(), 'f', 1), formatCount(double(s.rowsDone)),
                 formatCount(double(s.rowsTotal)), formatCount(s.rowsPerSecond),
                 formatBytes(s.bytesPerSecond), formatDuration(s.etaSeconds));
    QString extra;
    if (s.commitLatency.count > 0)
        extra += QStringLiteral("  p95 commit %1 ms").arg(s.commitLatency.p95, 0, 'f', 0);
    QString current;
    for (const TableProgress &t : s.tables) {
        if (t.rowsDone < t.rowsTotal) {
            current = t.name;
            break;
        }
    }
    const int width = terminalWidth();
    const int barWidth =
        std::max(10, std::min(40, width - int(stats.size()) - int(current.size()) - 6));
    const int filled = int(s.fraction() * barWidth);
    QString bar = QString(filled, QChar(0x2588)) + QString(barWidth - filled, QChar(0x2591));
    QString line = (current.isEmpty() ? QString() : current.left(20) + QLatin1Char(' ')) +
                   QLatin1Char('[') + bar + QLatin1Char(']') + stats;
    return line.left(width - 1);
}

void ProgressPrinter::showEvents(const QList<RunEvent> &events)
{
    if (events.isEmpty() || m_mode == Mode::Quiet)
        return;
    QString text;
    for (const RunEvent &e : events) {
        if (m_mode == Mode::Json) {
            text += QString::fromUtf8(QJsonDocument(e.toJson()).toJson(QJsonDocument::Compact)) +
                    QLatin1Char('\n');
            continue;
        }
        const QString line = e.text();
        text += e.isWarning() ? QStringLiteral("warning: ") + line
                              : line.left(1).toUpper() + line.mid(1);
        text += QLatin1Char('\n');
    }
    if (m_mode == Mode::Bar && m_lastWidth > 0) // over the bar, which the snapshot redraws
        text =
            QLatin1Char('\r') + QString(m_lastWidth, QLatin1Char(' ')) + QLatin1Char('\r') + text;
    m_lastWidth = 0;
    printErr(text);
}

void ProgressPrinter::show(const RunSnapshot &s)
{
    showEvents(s.events);
    switch (m_mode) {
    case Mode::Quiet:
        return;
    case Mode::Bar: {
        const QString line = barLine(s);
        const int pad = std::max(0, m_lastWidth - int(line.size()));
        printErr(QLatin1Char('\r') + line + QString(pad, QLatin1Char(' ')));
        m_lastWidth = int(line.size());
        return;
    }
    case Mode::Lines:
        // Logs and CI: one line every 5 seconds is enough to see a run move.
        if (m_lastLineAt >= 0 && s.elapsedSeconds - m_lastLineAt < 5 && !s.finished)
            return;
        if (s.finished)
            return;
        m_lastLineAt = s.elapsedSeconds;
        printErr(QStringLiteral("[%1] %2 %3/%4 rows (%5%), %6 rows/s, %7/s, ETA %8\n")
                     .arg(formatDuration(s.elapsedSeconds), m_verb, formatCount(double(s.rowsDone)),
                          formatCount(double(s.rowsTotal)),
                          QString::number(100.0 * s.fraction(), 'f', 1),
                          formatCount(s.rowsPerSecond), formatBytes(s.bytesPerSecond),
                          formatDuration(s.etaSeconds)));
        return;
    case Mode::Json: {
        QJsonObject o = toJson(s);
        o.insert(QStringLiteral("event"), QStringLiteral("progress"));
        printErr(QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact)) +
                 QLatin1Char('\n'));
        return;
    }
    }
}

void ProgressPrinter::phase(const QString &description)
{
    if (m_mode == Mode::Json) {
        printErr(QStringLiteral("{\"event\":\"phase\",\"phase\":\"%1\"}\n").arg(description));
    } else if (m_mode != Mode::Quiet && description != QLatin1String("loading")) {
        if (m_mode == Mode::Bar && m_lastWidth > 0)
            printErr(QStringLiteral("\n"));
        m_lastWidth = 0;
        printErr(description.left(1).toUpper() + description.mid(1) + QStringLiteral("...\n"));
    }
}

void ProgressPrinter::finish(const RunResult &result)
{
    if (m_mode == Mode::Bar) {
        RunSnapshot last = result.last;
        last.events.clear(); // shown with the final snapshot already
        show(last);
        printErr(QStringLiteral("\n"));
    }
    if (m_mode == Mode::Json || m_mode == Mode::Quiet)
        return;
    if (result.ok)
        printErr(summaryLine(m_verb, result.last) + QLatin1Char('\n'));
}

QString ProgressPrinter::summaryLine(const QString &verb, const RunSnapshot &s)
{
    QString line = QStringLiteral("%1 %2 rows (%3) in %4: %5 rows/s, %6/s")
                       .arg(verb, QString::number(s.rowsDone - s.rowsSkipped),
                            formatBytes(double(s.bytesDone)), formatDuration(s.elapsedSeconds),
                            formatCount(s.meanRowsPerSecond), formatBytes(s.meanBytesPerSecond));
    const LatencySummary &l = s.commitLatency;
    if (l.count > 0)
        line += QStringLiteral("\nChunk commits: %1, latency p50 %2 ms, p95 %3 ms, p99 %4 ms, "
                               "max %5 ms")
                    .arg(l.count)
                    .arg(l.p50, 0, 'f', 1)
                    .arg(l.p95, 0, 'f', 1)
                    .arg(l.p99, 0, 'f', 1)
                    .arg(l.max, 0, 'f', 1);
    return line;
}

QJsonObject ProgressPrinter::toJson(const RunSnapshot &s)
{
    QJsonArray tables;
    for (const TableProgress &t : s.tables)
        tables.append(QJsonObject{{QStringLiteral("name"), t.name},
                                  {QStringLiteral("rows"), double(t.rowsDone)},
                                  {QStringLiteral("rows_total"), double(t.rowsTotal)},
                                  {QStringLiteral("bytes"), double(t.bytesDone)}});
    QJsonObject o{{QStringLiteral("elapsed_s"), s.elapsedSeconds},
                  {QStringLiteral("rows"), double(s.rowsDone)},
                  {QStringLiteral("rows_total"), double(s.rowsTotal)},
                  {QStringLiteral("bytes"), double(s.bytesDone)},
                  {QStringLiteral("rows_per_s"), s.rowsPerSecond},
                  {QStringLiteral("bytes_per_s"), s.bytesPerSecond},
                  {QStringLiteral("mean_rows_per_s"), s.meanRowsPerSecond},
                  {QStringLiteral("mean_bytes_per_s"), s.meanBytesPerSecond},
                  {QStringLiteral("eta_s"), s.etaSeconds},
                  {QStringLiteral("tables"), tables}};
    if (s.rowsSkipped)
        o.insert(QStringLiteral("rows_skipped"), double(s.rowsSkipped));
    if (s.commitLatency.count > 0) {
        const LatencySummary &l = s.commitLatency;
        o.insert(QStringLiteral("commits"), l.count);
        o.insert(QStringLiteral("p50_commit_ms"), l.p50);
        o.insert(QStringLiteral("p95_commit_ms"), l.p95);
        o.insert(QStringLiteral("p99_commit_ms"), l.p99);
        o.insert(QStringLiteral("max_commit_ms"), l.max);
    }
    if (!s.workers.isEmpty()) {
        QJsonArray workers;
        for (WorkerState w : s.workers)
            workers.append(workerStateName(w));
        o.insert(QStringLiteral("workers"), workers);
    }
    if (s.hasServerSample) {
        o.insert(
            QStringLiteral("server"),
            QJsonObject{{QStringLiteral("tuples_inserted_per_s"), s.server.tuplesInsertedPerSecond},
                        {QStringLiteral("wal_bytes_per_s"), s.server.walBytesPerSecond},
                        {QStringLiteral("checkpoints"), double(s.server.checkpoints)},
                        {QStringLiteral("active_copies"), s.server.activeCopies}});
    }
    return o;
}

} // namespace spillway::cli
