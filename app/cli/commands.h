#pragma once

// The commands of spillway-cli. Each takes its own arguments (the command name first) and
// returns the process exit code.

#include "engine.h"
#include "filesink.h"
#include "progressprinter.h"

#include <QStringList>

namespace spillway::cli {

int runValidate(const QStringList &arguments);
int runPreview(const QStringList &arguments);
int runGenerate(const QStringList &arguments);
int runDdl(const QStringList &arguments);
int runExamples(const QStringList &arguments);

int runToFiles(std::shared_ptr<CompiledSchema> schema, const PlanOptions &planOptions,
               const FileSinkOptions &sinkOptions, const EngineOptions &engineOptions,
               ProgressPrinter::Mode mode);

} // namespace spillway::cli
