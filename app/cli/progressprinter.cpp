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

void ProgressPrinter::show(const RunSnapshot &s)
{
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

void ProgressPrinter::finish(const RunResult &result)
{
    if (m_mode == Mode::Bar) {
        show(result.last);
        printErr(QStringLiteral("\n"));
    }
    if (m_mode == Mode::Json || m_mode == Mode::Quiet)
        return;
    if (result.ok)
        printErr(summaryLine(m_verb, result.last) + QLatin1Char('\n'));
}

QString ProgressPrinter::summaryLine(const QString &verb, const RunSnapshot &s)
{
    return QStringLiteral("%1 %2 rows (%3) in %4: %5 rows/s, %6/s")
        .arg(verb, QString::number(s.rowsDone), formatBytes(double(s.bytesDone)),
             formatDuration(s.elapsedSeconds), formatCount(s.meanRowsPerSecond),
             formatBytes(s.meanBytesPerSecond));
}

QJsonObject ProgressPrinter::toJson(const RunSnapshot &s)
{
    QJsonArray tables;
    for (const TableProgress &t : s.tables)
        tables.append(QJsonObject{{QStringLiteral("name"), t.name},
                                  {QStringLiteral("rows"), double(t.rowsDone)},
                                  {QStringLiteral("rows_total"), double(t.rowsTotal)},
                                  {QStringLiteral("bytes"), double(t.bytesDone)}});
    return QJsonObject{{QStringLiteral("elapsed_s"), s.elapsedSeconds},
                       {QStringLiteral("rows"), double(s.rowsDone)},
                       {QStringLiteral("rows_total"), double(s.rowsTotal)},
                       {QStringLiteral("bytes"), double(s.bytesDone)},
                       {QStringLiteral("rows_per_s"), s.rowsPerSecond},
                       {QStringLiteral("bytes_per_s"), s.bytesPerSecond},
                       {QStringLiteral("mean_rows_per_s"), s.meanRowsPerSecond},
                       {QStringLiteral("mean_bytes_per_s"), s.meanBytesPerSecond},
                       {QStringLiteral("eta_s"), s.etaSeconds},
                       {QStringLiteral("tables"), tables}};
}

} // namespace spillway::cli
