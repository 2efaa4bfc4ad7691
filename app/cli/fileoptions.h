#pragma once

// The file options of the commands that write files (generate, pipeline): --format, the CSV
// dialect (--delimiter, --quote, --null, --no-header), --split-rows/--split-bytes and
// --compress/--compress-level, declared and read in one place.

#include "files/filesink.h"

#include <QCommandLineParser>

namespace spillway::cli {

void addFileFormatOptions(QCommandLineParser &parser);
// Reads them into `options` (the directory is left alone); prints every problem.
bool readFileFormatOptions(const QCommandLineParser &parser, FileSinkOptions &options);

} // namespace spillway::cli
