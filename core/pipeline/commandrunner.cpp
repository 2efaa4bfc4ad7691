#include "pipeline/commandrunner.h"

#include "pipeline/proctree.h"

#include <QFileInfo>
#include <QProcess>
#include <QTimer>

#include <algorithm>
#include <csignal>
#include <limits>
#include <sys/types.h>
#include <unistd.h>

namespace spillway {

namespace {

void signalGroup(qint64 processGroup, int signal)
{
    if (processGroup > 0)
        ::kill(pid_t(-processGroup), signal);
}

// Where a piece of at most `max` bytes starting at `from` ends without splitting a UTF-8
// sequence (a sequence is at most 4 bytes, so at most 3 continuation bytes are given back).
qsizetype pieceEnd(const QByteArray &bytes, qsizetype from, qsizetype max)
{
    qsizetype end = from + max;
    for (int i = 0; i < 3 && end - 1 > from && (uchar(bytes.at(end)) & 0xC0) == 0x80; ++i)
        --end;
    return (uchar(bytes.at(end)) & 0xC0) == 0x80 ? from + max : end;
}

// Where the line starting at `from` ends (`end`) and the next one starts (`next`).
struct LineCut
{
    qsizetype end = 0;
    qsizetype next = 0;
    bool redraw = false; // ended by a lone '\r' (a progress bar redrawing its line)
};

// Cuts the next line off `bytes` at "\n", "\r\n" or a lone "\r" (progress bars, Spark's stage
// bar), or after kMaxLineBytes; false when the rest must wait for more output.
bool nextLine(const QByteArray &bytes, qsizetype from, bool atEnd, LineCut *cut)
{
    const qsizetype size = bytes.size();
    const char *begin = bytes.constData();
    const qsizetype limit = qMin(size, from + CommandRunner::kMaxLineBytes + 1);
    const char *at =
        std::find_if(begin + from, begin + limit, [](char c) { return c == '\n' || c == '\r'; });
    const qsizetype p = at - begin;
    if (p < limit) {
        cut->end = p;
        cut->next = p + 1;
        cut->redraw = false;
        if (*at == '\n')
            return true;
        if (p + 1 == size && !atEnd)
            return false; // a '\n' may follow in the next read
        if (p + 1 < size && begin[p + 1] == '\n')
            cut->next = p + 2;
        else
            cut->redraw = true;
        return true;
    }
    if (size - from > CommandRunner::kMaxLineBytes) {
        cut->end = cut->next = pieceEnd(bytes, from, CommandRunner::kMaxLineBytes);
        cut->redraw = false;
        return true;
    }
    if (!atEnd)
        return false;
    cut->end = cut->next = size;
    cut->redraw = false;
    return true;
}

// In the child between fork and exec (async-signal-safe calls only). The shell leads a process
// group of its own, so its children and theirs can be signalled together, and Ctrl+C in a
// terminal reaches Spillway only (which stops the groups itself). Signals Spillway ignores or
// blocks (SIGPIPE, SIGINT in the CLI, a thread's mask) would be inherited through exec and change
// how the user's pipeline behaves (`yes | head`, SIGTERM from stop()): they are reset.
void prepareChild()
{
    ::setpgid(0, 0);
    struct sigaction defaults = {};
    defaults.sa_handler = SIG_DFL;
    for (const int signal : {SIGPIPE, SIGINT, SIGQUIT, SIGTERM, SIGHUP, SIGCHLD, SIGUSR1, SIGUSR2})
        ::sigaction(signal, &defaults, nullptr);
    sigset_t none;
    sigemptyset(&none);
    ::sigprocmask(SIG_SETMASK, &none, nullptr);
}

// How errors name a command: its name, or its command line when it has none.
QString commandName(const CommandSpec &spec)
{
    return spec.name.isEmpty() ? spec.commandLine : spec.name;
}

int milliseconds(double seconds)
{
    return int(qBound(0.0, seconds * 1000.0, double(std::numeric_limits<int>::max())));
}

} // namespace

struct CommandRunner::Command
{
    CommandSpec spec;
    QProcess *process = nullptr;
    qint64 pid = 0;
    QByteArray pending[2]; // bytes of stdout [0] and stderr [1] not yet ended by a newline
    CommandOutcome outcome;
    bool finished = false;
    bool terminated = false; // SIGTERM sent to the group; SIGKILL follows after the grace period
};

CommandRunner::CommandRunner(QObject *parent)
    : QObject(parent)
    , m_timeoutTimer(new QTimer(this))
    , m_graceTimer(new QTimer(this))
{
    qRegisterMetaType<spillway::PipelineLogLine>();
    qRegisterMetaType<spillway::CommandOutcome>();
    m_timeoutTimer->setSingleShot(true);
    m_timeoutTimer->setTimerType(Qt::PreciseTimer); // a coarse timer may fire 5% early
    m_graceTimer->setSingleShot(true);
    connect(m_timeoutTimer, &QTimer::timeout, this, [this] { terminateGroups(true); });
    connect(m_graceTimer, &QTimer::timeout, this, &CommandRunner::killRemainingGroups);
}

CommandRunner::~CommandRunner()
{
    for (const auto &command : m_commands) {
        if (!command->process)
            continue;
        disconnect(command->process, nullptr, this, nullptr);
        if (command->pid > 0 && (!command->finished || command->terminated))
            signalGroup(command->pid, SIGKILL);
        if (command->process->state() != QProcess::NotRunning)
            command->process->waitForFinished(5000); // reaps the shell: no zombie
    }
}

void CommandRunner::start(const QList<CommandSpec> &commands)
{
    Q_ASSERT(m_commands.empty());
    m_clock.start();
    for (const CommandSpec &spec : commands) {
        m_commands.push_back(std::make_unique<Command>());
        m_commands.back()->spec = spec;
    }
    m_unfinished = int(m_commands.size());
    for (int i = 0; i < int(m_commands.size()); ++i)
        launch(i);
    if (m_unfinished == 0)
        QTimer::singleShot(0, this, &CommandRunner::allFinished);
    else if (m_timeoutSeconds > 0)
        m_timeoutTimer->start(milliseconds(m_timeoutSeconds));
}

void CommandRunner::setTimeout(double seconds)
{
    m_timeoutSeconds = qMax(0.0, seconds);
    if (!m_clock.isValid() || m_unfinished == 0)
        return;
    m_timeoutTimer->stop();
    if (m_timeoutSeconds > 0)
        m_timeoutTimer->start(milliseconds(m_timeoutSeconds - elapsedSeconds()));
}

void CommandRunner::setKillGrace(double seconds)
{
    m_graceSeconds = qMax(0.0, seconds);
}

void CommandRunner::stop()
{
    terminateGroups(false);
}

QList<qint64> CommandRunner::processIds() const
{
    QList<qint64> ids;
    for (const auto &command : m_commands)
        ids.append(command->pid);
    return ids;
}

bool CommandRunner::isRunning() const
{
    return m_unfinished > 0;
}

double CommandRunner::elapsedSeconds() const
{
    return m_clock.isValid() ? double(m_clock.nsecsElapsed()) / 1e9 : 0.0;
}

QList<CommandOutcome> CommandRunner::outcomes() const
{
    QList<CommandOutcome> list;
    for (const auto &command : m_commands)
        list.append(command->finished ? command->outcome : CommandOutcome());
    return list;
}

void CommandRunner::launch(int index)
{
    Command &command = *m_commands[size_t(index)];
    const QString directory = command.spec.workingDirectory;
    if (!directory.isEmpty() && !QFileInfo(directory).isDir()) {
        const QString message = tr("The working folder %1 does not exist; choose an existing "
                                   "folder for the command \"%2\".")
                                    .arg(directory, commandName(command.spec));
        QTimer::singleShot(0, this, [this, index, message] { onStartFailed(index, message); });
        return;
    }
    auto *process = new QProcess(this);
    command.process = process;
    process->setProgram(QStringLiteral("/bin/sh"));
    process->setArguments({QStringLiteral("-c"), command.spec.commandLine});
    process->setWorkingDirectory(directory);
    process->setProcessEnvironment(command.spec.environment.isEmpty()
                                       ? QProcessEnvironment::systemEnvironment()
                                       : command.spec.environment);
    process->setStandardInputFile(QProcess::nullDevice());
    process->setChildProcessModifier(&prepareChild);
    connectProcess(index);
    process->start(QIODevice::ReadOnly);
    command.pid = process->processId();
    // The parent sets the group too, so that stop() right after start() finds it even before
    // the child ran its modifier (fails harmlessly once the child has called exec).
    if (command.pid > 0)
        ::setpgid(pid_t(command.pid), pid_t(command.pid));
}

void CommandRunner::connectProcess(int index)
{
    QProcess *process = m_commands[size_t(index)]->process;
    connect(process, &QProcess::readyReadStandardOutput, this,
            [this, index] { readOutput(index, false); });
    connect(process, &QProcess::readyReadStandardError, this,
            [this, index] { readOutput(index, true); });
    connect(process, &QProcess::started, this,
            [this, index] { emit commandStarted(index, m_commands[size_t(index)]->pid); });
    connect(process, &QProcess::finished, this,
            [this, index](int exitCode, QProcess::ExitStatus status) {
                onFinished(index, exitCode, status == QProcess::CrashExit);
            });
    connect(process, &QProcess::errorOccurred, this, [this, index](QProcess::ProcessError error) {
        if (error != QProcess::FailedToStart)
            return;
        const QString message = tr("Could not start /bin/sh for the command \"%1\": %2")
                                    .arg(commandName(m_commands[size_t(index)]->spec),
                                         m_commands[size_t(index)]->process->errorString());
        QTimer::singleShot(0, this, [this, index, message] { onStartFailed(index, message); });
    });
}

void CommandRunner::readOutput(int index, bool fromStderr)
{
    Command &command = *m_commands[size_t(index)];
    command.pending[fromStderr] += fromStderr ? command.process->readAllStandardError()
                                              : command.process->readAllStandardOutput();
    emitLines(index, fromStderr, false);
}

void CommandRunner::emitLines(int index, bool fromStderr, bool atEnd)
{
    QByteArray &pending = m_commands[size_t(index)]->pending[fromStderr];
    PipelineLogLine line;
    line.command = index;
    line.fromStderr = fromStderr;
    line.elapsedSeconds = elapsedSeconds();
    qsizetype from = 0;
    LineCut cut;
    while (from < pending.size() && nextLine(pending, from, atEnd, &cut)) {
        line.text = QString::fromUtf8(pending.constData() + from, cut.end - from);
        from = cut.next;
        if (!cut.redraw || !line.text.isEmpty())
            emit lineRead(line);
    }
    pending.remove(0, from);
}

void CommandRunner::onFinished(int index, int exitCode, bool crashed)
{
    Command &command = *m_commands[size_t(index)];
    if (command.finished)
        return;
    for (const bool fromStderr : {false, true}) {
        readOutput(index, fromStderr);
        emitLines(index, fromStderr, true);
    }
    command.outcome.seconds = elapsedSeconds();
    // Qt gives the number of the signal that ended the process as its exit code.
    if (crashed)
        command.outcome.signal = exitCode;
    else
        command.outcome.exitCode = exitCode;
    // What the shell left running in the background ends with it: a pipeline's run is over when
    // its command is, and nothing of it may keep loading unmeasured.
    if (!command.terminated && !liveGroupMembers(command.pid).isEmpty()) {
        command.outcome.leftoversEnded = true;
        command.terminated = true;
        signalGroup(command.pid, SIGTERM);
        if (!m_graceTimer->isActive())
            m_graceTimer->start(milliseconds(m_graceSeconds));
    }
    finishCommand(index);
}

void CommandRunner::onStartFailed(int index, const QString &message)
{
    Command &command = *m_commands[size_t(index)];
    if (command.finished)
        return;
    command.outcome.error = message;
    command.pid = 0; // nothing runs under it
    command.outcome.seconds = elapsedSeconds();
    finishCommand(index);
}

void CommandRunner::finishCommand(int index)
{
    Command &command = *m_commands[size_t(index)];
    command.finished = true;
    --m_unfinished;
    emit commandFinished(index, command.outcome);
    if (m_unfinished == 0) {
        m_timeoutTimer->stop();
        emit allFinished();
    }
}

void CommandRunner::terminateGroups(bool timedOut)
{
    bool any = false;
    for (const auto &command : m_commands) {
        if (command->finished || command->pid <= 0)
            continue;
        if (!command->outcome.timedOut && !command->outcome.stopped)
            (timedOut ? command->outcome.timedOut : command->outcome.stopped) = true;
        command->terminated = true;
        signalGroup(command->pid, SIGTERM);
        any = true;
    }
    if (any && !m_graceTimer->isActive())
        m_graceTimer->start(milliseconds(m_graceSeconds));
}

void CommandRunner::killRemainingGroups()
{
    for (const auto &command : m_commands) {
        if (command->terminated)
            signalGroup(command->pid, SIGKILL);
    }
}

} // namespace spillway
