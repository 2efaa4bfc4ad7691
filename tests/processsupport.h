#pragma once

// Helpers shared by the tests that run programs as a user does: spillway-cli (runCli, where the
// test target defines SPILLWAY_CLI), psql on a test server, and any other program, each run to
// its end for its exit code and both outputs.
//
//   const CliResult r = runCli({QStringLiteral("validate"), path});
//   QVERIFY2(r.exitCode == 0, qPrintable(describe(r)));
//   QCOMPARE(psqlQuery(pg.connectionString(), QStringLiteral("SELECT 1")), QStringLiteral("1"));

#include <QByteArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QString>
#include <QStringList>

#include <functional>
#include <initializer_list>
#include <utility>

namespace spillway::test {

// How long a program may run before it is killed and reported as not finished.
constexpr int kProcessTimeoutMs = 120000;

// How a program ended.
struct ProcessResult
{
    int exitCode = -1;     // -1: it crashed, was killed, did not start or did not finish in time
    bool finished = false; // false: it did not start or did not finish in time (err says which)
    QByteArray out;        // standard output
    QString err;           // standard error (UTF-8), after why it did not finish if it did not

    bool crashed() const { return exitCode < 0; } // crashed, killed or timed out
    QString outText() const { return QString::fromUtf8(out); }
    QString bothOutputs() const { return outText() + err; } // standard output first
    // The JSON object on standard output, or an empty one when the output does not start with {.
    QJsonObject json() const
    {
        return out.startsWith('{') ? QJsonDocument::fromJson(out).object() : QJsonObject();
    }
};
using CliResult = ProcessResult;

// The test's own environment with `variables` set (added or replaced).
inline QProcessEnvironment
environmentWith(std::initializer_list<std::pair<QString, QString>> variables)
{
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    for (const auto &[name, value] : variables)
        environment.insert(name, value);
    return environment;
}

// Runs `program` to its end: `input` on its standard input (closed after it, so nothing waits
// for a terminal), in `environment` (empty: the test's own), killed after `timeoutMs`. `prepare`
// sets up the process before it starts (a redirection, a child's resource limit).
inline ProcessResult runProcess(const QString &program, const QStringList &arguments,
                                const QByteArray &input = {},
                                const QProcessEnvironment &environment = {},
                                int timeoutMs = kProcessTimeoutMs,
                                const std::function<void(QProcess &)> &prepare = {})
{
    QProcess process;
    if (!environment.isEmpty())
        process.setProcessEnvironment(environment);
    if (prepare)
        prepare(process);
    process.start(program, arguments);
    if (!input.isEmpty())
        process.write(input);
    process.closeWriteChannel();
    ProcessResult r;
    r.finished = process.waitForFinished(timeoutMs);
    if (!r.finished) {
        r.err = QStringLiteral("%1 did not finish: %2\n").arg(program, process.errorString());
        process.kill();
        process.waitForFinished();
    } else if (process.exitStatus() == QProcess::NormalExit) {
        r.exitCode = process.exitCode();
    }
    r.out = process.readAllStandardOutput(); // what it wrote before it was killed, too
    r.err += QString::fromUtf8(process.readAllStandardError());
    return r;
}

#ifdef SPILLWAY_CLI
// Runs the spillway-cli the test target was built with (see runProcess).
inline CliResult runCli(const QStringList &arguments, const QByteArray &input = {},
                        const QProcessEnvironment &environment = {},
                        int timeoutMs = kProcessTimeoutMs,
                        const std::function<void(QProcess &)> &prepare = {})
{
    return runProcess(QStringLiteral(SPILLWAY_CLI), arguments, input, environment, timeoutMs,
                      prepare);
}
#endif

// The exit code, whether it crashed or timed out, and the last `tail` characters of each
// output: a failed assertion's message.
inline QString describe(const ProcessResult &r, qsizetype tail = 3000)
{
    return QStringLiteral("exit %1%2\nstdout: %3\nstderr: %4")
        .arg(r.exitCode)
        .arg(r.crashed() ? QStringLiteral(" (crashed or timed out)") : QString())
        .arg(r.outText().right(tail), r.err.right(tail));
}

// How psql's standard output is handed back.
enum class PsqlOutput { Trimmed, AsPrinted };

// psql -X -At -v ON_ERROR_STOP=1 `arguments` on `conninfo`, in UTF-8, in one session; returns
// empty, or an error text with psql's standard error. `output` gets its standard output.
inline QString psql(const QString &conninfo, const QStringList &arguments,
                    QString *output = nullptr, int timeoutMs = kProcessTimeoutMs,
                    PsqlOutput form = PsqlOutput::Trimmed)
{
    const ProcessResult r = runProcess(
        QStringLiteral("psql"),
        QStringList{conninfo, QStringLiteral("-X"), QStringLiteral("-At"), QStringLiteral("-v"),
                    QStringLiteral("ON_ERROR_STOP=1")} +
            arguments,
        {}, environmentWith({{QStringLiteral("PGCLIENTENCODING"), QStringLiteral("UTF8")}}),
        timeoutMs);
    if (!r.finished)
        return r.err;
    if (output)
        *output = form == PsqlOutput::Trimmed ? r.outText().trimmed() : r.outText();
    return r.exitCode == 0 ? QString() : QStringLiteral("psql failed: %1").arg(r.err);
}

// What `sql` prints in psql (trimmed), or the error text.
inline QString psqlQuery(const QString &conninfo, const QString &sql,
                         int timeoutMs = kProcessTimeoutMs)
{
    QString out;
    const QString error = psql(conninfo, {QStringLiteral("-c"), sql}, &out, timeoutMs);
    return error.isEmpty() ? out : error;
}

// psql's \copy of a CSV file with a header row into `table` (an SQL identifier, quoted as
// needed), as a user's script loads one; empty, or the error text.
inline QString psqlCopyCsv(const QString &conninfo, const QString &table, const QString &csv,
                           int timeoutMs = kProcessTimeoutMs)
{
    return psql(conninfo,
                {QStringLiteral("-c"),
                 QStringLiteral("\\copy %1 from '%2' (format csv, header true)").arg(table, csv)},
                nullptr, timeoutMs);
}

} // namespace spillway::test
