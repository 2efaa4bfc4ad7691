#pragma once

// Shows a run's snapshots on stderr: a live bar redrawn in place on a terminal, a line every
// few seconds otherwise, JSON lines with --json; then a summary. Run events (lost connections,
// retries, the ledger's answers) get a line of their own as they come, whatever the mode but
// --quiet.

#include "run/metrics.h"

#include <QJsonObject>
#include <QObject>

namespace spillway::cli {

class ProgressPrinter : public QObject
{
    Q_OBJECT

public:
    enum class Mode { Bar, Lines, Json, Quiet };
    ProgressPrinter(Mode mode, const QString &verb, QObject *parent = nullptr);

    static Mode chooseMode(bool json, bool quiet);
    // The snapshot's events first (a line each, or a JSON object each with --json), then the
    // progress.
    void show(const spillway::RunSnapshot &snapshot);
    void finish(const spillway::RunResult &result);
    // A step before or after the rows (connecting, creating constraints, ...).
    void phase(const QString &description);

    static QJsonObject toJson(const spillway::RunSnapshot &snapshot);
    static QString summaryLine(const QString &verb, const spillway::RunSnapshot &snapshot);

private:
    QString barLine(const spillway::RunSnapshot &s) const;
    void showEvents(const QList<spillway::RunEvent> &events);

    Mode m_mode;
    QString m_verb;
    double m_lastLineAt = -1;
    int m_lastWidth = 0;
};

} // namespace spillway::cli
