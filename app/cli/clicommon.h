#pragma once

// Shared pieces of spillway-cli's commands: exit codes, loading a schema argument, parsing
// sizes and row counts, and writing to the terminal.

#include "base/quantity.h"
#include "run/plan.h"
#include "schema/compiledschema.h"

#include <QCommandLineParser>
#include <QEventLoop>
#include <QStringList>

#include <functional>

#include <memory>
#include <optional>

namespace spillway::cli {

enum ExitCode {
    ExitOk = 0,
    ExitFailure = 1,   // the run failed (disk full, server gone, ...)
    ExitUsage = 2,     // bad flags or an invalid schema
    ExitMismatch = 3,  // verify found differences
    ExitThreshold = 4, // an --assert threshold was violated
};

// stdout, UTF-8, no newline added. When the reader has gone (EPIPE), nothing more is written
// and the process ends with SIGPIPE's status (see endProcess).
void printOut(const QString &text);
void printErr(const QString &text); // stderr, UTF-8, no newline added
bool stderrIsTerminal();

// Parses the command line of one command; prints help or errors. Returns an exit code when the
// command should stop now (help shown: 0; usage error: 2), nothing to go on.
std::optional<int> parseCommandLine(QCommandLineParser &parser, const QStringList &arguments,
                                    const QString &command, const QString &usage, int minPositional,
                                    int maxPositional);

// A schema argument: a file, or "example:NAME" for a bundled example.
QString resolveSchemaPath(const QString &argument);
QStringList exampleNames();
// The schema's text: a file, a bundled example (example:NAME) or, for "-", standard input.
std::optional<QByteArray> readSchemaText(const QString &argument, QString *error);
// Loads and compiles; prints every problem to stderr. Null on failure.
std::shared_ptr<CompiledSchema> loadSchema(const QString &argument,
                                           std::optional<uint64_t> seedOverride = std::nullopt);

// Reads --rows/--scale/--seed/--chunk-rows/--table/--shard into plan options; prints problems.
bool readPlanOptions(const QCommandLineParser &parser, PlanOptions &options);
// --dirty and --dirty-kinds (part of the plan options).
bool readDirtyOptions(const QCommandLineParser &parser, DirtyOptions &options);
void addPlanOptions(QCommandLineParser &parser);

// Runs `loop` until it quits. Ctrl+C and SIGTERM call `cancel` on the loop's thread (the run
// then ends cleanly: partial files removed, transactions rolled back, the record "cancelled");
// endProcess() then ends the process with that signal.
void execCancellable(QEventLoop &loop, QObject *context, const std::function<void()> &cancel);

// Exit statuses as Unix shells expect them. At start, SIGPIPE is ignored so that a closed
// standard output is an EPIPE error the run can end on cleanly (and record), not a sudden
// death. At the end, endProcess(code) returns code, unless the run was stopped by SIGINT or
// SIGTERM, or standard output's reader went away (noteStdoutClosed): then the process dies of
// that signal (SIGPIPE for the reader) after its cleanup, so the shell sees 130, 143 or 141.
void ignoreBrokenPipe();
void noteStdoutClosed();
bool isStdoutClosed(); // the reader of standard output went away (`| head`)
int endProcess(int exitCode);

} // namespace spillway::cli
