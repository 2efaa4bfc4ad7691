#pragma once

// What the run panel asks for and the run controller runs: the target (files, a PostgreSQL
// connection profile, the embedded local server, or the user's own pipeline on generated files
// into either database), row counts, workers, seed, load mode and thresholds. Plain data, so
// that the command line equivalent (`spillway-cli generate|ingest|pipeline`)
// and the run record's settings are computed from the same values the run uses. A password is
// never part of these settings: it is asked for at run time and kept in memory only.

#include "base/quantity.h"
#include "base/shellquote.h"
#include "encode/encoder.h"
#include "files/compressor.h"
#include "pg/ingestjob.h"
#include "run/connectionprofile.h"
#include "run/pipelinesettings.h"
#include "run/plan.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace spillway {

enum class LogLevel { Info, Warning, Error };

enum class RunTarget { LocalServer, Postgres, Files, Pipeline };

struct RunSettings
{
    RunTarget target = RunTarget::LocalServer;

    // Files
    QString directory;
    OutputFormat format = OutputFormat::Csv;
    Compression compression = Compression::None;
    uint64_t splitRows = 0;
    uint64_t splitBytes = 0;

    // PostgreSQL
    ConnectionProfile profile;
    QString serverDir; // embedded server folder; empty: LocalServer::defaultServerDir()
    LoadMode mode = LoadMode::Recreate;
    CopyFormat copyFormat = CopyFormat::Binary;
    bool constraintsFirst = false;
    int retries = 8; // attempts per chunk after a lost connection

    // Plan
    std::optional<uint64_t> rows; // every root table; nothing: the schema's counts
    double scale = 1.0;
    std::optional<uint64_t> seed;
    int workers = 0; // 0: one per core

    QStringList thresholds; // --assert expressions, checked with core/runassert.h

    // Your pipeline: its database is `profile` when pipeline.profileName names one, else the
    // embedded server; its files are written as the Files target's fields say.
    PipelineSettings pipeline;

    bool isIngest() const
    {
        return target == RunTarget::LocalServer || target == RunTarget::Postgres;
    }
    bool isPipeline() const { return target == RunTarget::Pipeline; }
    // The run connects with `profile` (a password may be asked for).
    bool usesProfile() const
    {
        return target == RunTarget::Postgres || (isPipeline() && !pipeline.profileName.isEmpty());
    }
    // The run needs the embedded server (started for it unless running already).
    bool usesLocalServer() const
    {
        return target == RunTarget::LocalServer || (isPipeline() && pipeline.profileName.isEmpty());
    }
    QString kind() const;
    PlanOptions planOptions() const;
    // What PipelineJob runs (target Pipeline): the commands, folders, map, dirty rows, files,
    // plan and workers of these settings against `conninfo` (with its password, memory only).
    PipelineOptions pipelineOptions(const QString &conninfo) const;
    // Problems that stop a run before it starts (no folder, a bad threshold...); empty when fine.
    QStringList problems() const;

    // The equivalent `spillway-cli` invocation, one argument per element (unquoted).
    // schemaFile: the CLI's schema argument (a file or example:NAME, see schemaArgument()); an
    // empty one is written as unsavedSchema(), which no shell or CLI mistakes for a file.
    QStringList arguments(const QString &schemaFile) const;
    // The same, quoted for a POSIX shell.
    QString commandLine(const QString &schemaFile) const;
    static QString unsavedSchema(); // "<unsaved schema>", translated

    // The schema argument `spillway-cli` reads the same schema from: the saved file's absolute
    // path, `example:NAME` for a bundled example the document still equals (by SchemaIO::hash),
    // empty when the document was never saved.
    static QString schemaArgument(const QString &fileName, const Schema &schema);
    // "example:NAME" when `schema` equals a bundled example, else empty.
    static QString bundledExample(const Schema &schema);

    // Files already in `directory` that a files run of these tables would write over (file
    // names, sorted): each table's file, or any of its split parts when the run splits.
    QStringList existingOutputs(const QStringList &tables) const;

    // Every field, for Settings::runSettings (the profile without a password, as always).
    QJsonObject toJson() const;
    static RunSettings fromJson(const QJsonObject &object);

    // Settings a run record keeps (masked by the recorder, no password ever here).
    QJsonObject recordSettings(const QString &schemaFile, const Schema &schema) const;
};

} // namespace spillway
