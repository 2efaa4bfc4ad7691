#pragma once

// Runs the user's own command lines for `pipeline` (issue 13): each one as `/bin/sh -c LINE`
// leading its own process group, all of them at once, so pipelines that load at the same time
// in production do so here. Every line a command writes to stdout or stderr comes out as it
// arrives, with the command's index and the time since start(); stop() and the timeout end
// whole process groups (SIGTERM, then SIGKILL after a grace period), so a shell's children and
// theirs end with it. Lives on the caller's thread and never blocks it.

#include "run/pipelinemetrics.h"

#include <QElapsedTimer>
#include <QList>
#include <QMetaType>
#include <QObject>
#include <QProcessEnvironment>
#include <QString>

#include <memory>
#include <vector>

class QTimer;

namespace spillway {

struct CommandSpec
{
    QString name;             // shown before its output lines ("load", "etl-2")
    QString commandLine;      // run as /bin/sh -c commandLine, in its own process group
    QString workingDirectory; // empty = Spillway's own
    // The child's whole environment; an empty one means Spillway's own environment.
    QProcessEnvironment environment;
};

struct CommandOutcome
{
    int exitCode = -1;     // the shell's exit status when it exited, -1 otherwise
    int signal = 0;        // the signal that ended the shell, 0 when it exited
    bool timedOut = false; // ended by the runner's timeout
    bool stopped = false;  // ended by stop()
    double seconds = 0;    // from start() to the shell's end
    QString error;         // could not start: what and why (then nothing ran)
    // Processes of its group were still running when the shell ended (started in the background
    // and not waited for); they were ended with the group.
    bool leftoversEnded = false;

    bool succeeded() const
    {
        return error.isEmpty() && !timedOut && !stopped && signal == 0 && exitCode == 0;
    }
};

class CommandRunner : public QObject
{
    Q_OBJECT

public:
    // Lines longer than this many bytes come out in pieces of at most this size.
    static constexpr int kMaxLineBytes = 64 * 1024;

    explicit CommandRunner(QObject *parent = nullptr);
    // Ends every process group still running (SIGKILL) and reaps the shells: no zombie, no orphan.
    ~CommandRunner() override;

    // Starts every command at once; call once per runner. Commands that cannot start report
    // commandFinished with an error (after start() returns, never inside it).
    void start(const QList<CommandSpec> &commands);
    void setTimeout(double seconds);   // 0 = none; stops every group when reached
    void setKillGrace(double seconds); // SIGTERM → SIGKILL, 5 s by default
    void stop();                       // SIGTERM each process group, SIGKILL after the grace period

    QList<qint64> processIds() const; // the shells' pids (= process group ids); 0 = not started
    bool isRunning() const;           // some shell has not ended yet
    double elapsedSeconds() const;    // since start()
    QList<CommandOutcome> outcomes() const; // so far; default values for commands still running

signals:
    void commandStarted(int command, qint64 processId);
    // One per line (+ the last partial one). Lines end at "\n", "\r\n" or a lone "\r" (a progress
    // bar redrawing itself; empty redraws are left out).
    void lineRead(const spillway::PipelineLogLine &line);
    void commandFinished(int command, const spillway::CommandOutcome &outcome);
    void allFinished();

private:
    struct Command;

    void launch(int index);
    void connectProcess(int index);
    void readOutput(int index, bool fromStderr);
    void emitLines(int index, bool fromStderr, bool atEnd);
    void onFinished(int index, int exitCode, bool crashed);
    void onStartFailed(int index, const QString &message);
    void finishCommand(int index);
    void terminateGroups(bool timedOut);
    void killRemainingGroups();

    std::vector<std::unique_ptr<Command>> m_commands;
    QElapsedTimer m_clock;
    QTimer *m_timeoutTimer = nullptr;
    QTimer *m_graceTimer = nullptr;
    double m_timeoutSeconds = 0;
    double m_graceSeconds = 5;
    int m_unfinished = 0;
};

} // namespace spillway

Q_DECLARE_METATYPE(spillway::CommandOutcome)
