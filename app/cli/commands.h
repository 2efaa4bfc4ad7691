#pragma once

// The commands of spillway-cli. Each takes its own arguments (the command name first) and
// returns the process exit code.

#include "files/filesink.h"
#include "pg/ingestjob.h"
#include "progressprinter.h"
#include "run/engine.h"
#include "verify/verifyreport.h"

#include <QStringList>

namespace spillway::cli {

class CliRunRecording; // runrecording.h

int runValidate(const QStringList &arguments);
int runPreview(const QStringList &arguments);
int runGenerate(const QStringList &arguments);
int runDdl(const QStringList &arguments);
int runExamples(const QStringList &arguments);
int runGenerators(const QStringList &arguments);
int runRuns(const QStringList &arguments);
int runServer(const QStringList &arguments);
int runVerify(const QStringList &arguments);
int runPipeline(const QStringList &arguments);
int runImport(const QStringList &arguments);

// verify's text report: each table, then the summary line.
QString verifyReportText(const VerifyReport &report);

int runIngest(const QStringList &arguments);
int runLoad(const QStringList &arguments);
int runIngestJob(std::shared_ptr<CompiledSchema> schema, const PlanOptions &planOptions,
                 const EngineOptions &engineOptions, const IngestOptions &options,
                 ProgressPrinter::Mode mode, CliRunRecording *recording = nullptr);

int runToFiles(std::shared_ptr<CompiledSchema> schema, const PlanOptions &planOptions,
               const FileSinkOptions &sinkOptions, const EngineOptions &engineOptions,
               ProgressPrinter::Mode mode, CliRunRecording *recording = nullptr);

} // namespace spillway::cli
