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

void printOut(const QString &text); // stdout, UTF-8, no newline added
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
// Loads and compiles; prints every problem to stderr. Null on failure.
std::shared_ptr<CompiledSchema> loadSchema(const QString &argument,
                                           std::optional<uint64_t> seedOverride = std::nullopt);

// Reads --rows/--scale/--seed/--chunk-rows/--table/--shard into plan options; prints problems.
bool readPlanOptions(const QCommandLineParser &parser, PlanOptions &options);
void addPlanOptions(QCommandLineParser &parser);

// Runs `loop` until it quits. Ctrl+C and SIGTERM call `cancel` on the loop's thread (the run
// then ends cleanly: partial files removed, transactions rolled back).
void execCancellable(QEventLoop &loop, QObject *context, const std::function<void()> &cancel);

} // namespace spillway::cli
