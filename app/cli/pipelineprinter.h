#pragma once

// What `spillway-cli pipeline` shows while the user's commands run: each output line prefixed
// by its command's name ("[etl] ...", "[etl:err] ..." for standard error), a progress line
// redrawn in place on a terminal (rows/s per target table, CPU and RSS per command), a line
// every 5 seconds otherwise, JSON lines with --json; then the summary.

#include "pg/pipelinejob.h"
#include "progressprinter.h"

#include <QStringList>

namespace spillway::cli {

class PipelinePrinter
{
public:
    PipelinePrinter(ProgressPrinter::Mode mode, const QStringList &commandNames);

    void line(const spillway::PipelineLogLine &line);
    void sample(const spillway::PipelineSample &sample);
    void notice(const QString &text);
    void phase(spillway::PipelineJob::Phase phase);
    void generation(const spillway::RunSnapshot &snapshot) { m_files.show(snapshot); }
    void finish(const spillway::PipelineResult &result);

    // The progress line's text (also the lines of --lines mode).
    QString statusText(const spillway::PipelineSample &sample) const;
    static QJsonObject toJson(const spillway::PipelineSample &sample);

private:
    void clearBar();
    void print(const QString &text); // over the bar, which is then drawn again
    QString commandName(int command) const;

    ProgressPrinter::Mode m_mode;
    QStringList m_names;
    ProgressPrinter m_files;
    QString m_bar; // what the bar shows now; empty when none
    double m_lastLineAt = -1;
    bool m_generating = false;
};

} // namespace spillway::cli
