#include "run/runsettings.h"

#include "files/filesink.h"
#include "history/runassert.h"
#include "pg/localserver.h"
#include "schema/schemaio.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>

#include <algorithm>
#include <cmath>

namespace spillway {

QString RunSettings::kind() const
{
    if (isPipeline())
        return QStringLiteral("pipeline");
    return isIngest() ? QStringLiteral("ingest") : QStringLiteral("generate");
}

PlanOptions RunSettings::planOptions() const
{
    PlanOptions o;
    o.rows = rows;
    o.scale = scale;
    o.seed = seed;
    return o;
}

PipelineOptions RunSettings::pipelineOptions(const QString &conninfo) const
{
    PipelineOptions o;
    o.commands = pipeline.runnableCommands();
    o.workingDirectory = pipeline.workingDirectory;
    o.filesDirectory = pipeline.filesDirectory;
    o.conninfo = conninfo;
    o.map = pipeline.map;
    o.rejectsPath = pipeline.rejectsFile;
    o.timeoutSeconds = pipeline.timeoutSeconds;
    o.beforeCommand = pipeline.beforeCommand;
    o.repeat = pipeline.repeat;
    o.files.format.format = format;
    o.files.compression = compression;
    o.files.splitRows = splitRows;
    o.files.splitBytes = splitBytes;
    o.plan = planOptions();
    o.plan.dirty = pipeline.dirtyOptions();
    o.engine.workers = workers;
    return o;
}

QStringList RunSettings::problems() const
{
    QStringList out;
    if (target == RunTarget::Files && directory.trimmed().isEmpty())
        out << QObject::tr("Choose an output folder for the files.");
    if (target == RunTarget::Postgres && !profile.problem().isEmpty())
        out << profile.problem();
    if (isPipeline()) {
        out << pipeline.problems();
        if (usesProfile() && profile.name != pipeline.profileName)
            out << QObject::tr("There is no connection profile \"%1\": choose another "
                               "database for the pipeline.")
                       .arg(pipeline.profileName);
        else if (usesProfile() && !profile.problem().isEmpty())
            out << profile.problem();
    }
    if (splitRows && splitBytes)
        out << QObject::tr("Split files by rows or by size, not both.");
    if (!(scale > 0))
        out << QObject::tr("The scale must be above 0.");
    for (const QString &text : thresholds) {
        QString error;
        if (!Threshold::parse(text, &error))
            out << QObject::tr("Threshold '%1': %2").arg(text, error);
    }
    return out;
}

QStringList RunSettings::arguments(const QString &schemaFile) const
{
    QStringList a{QStringLiteral("spillway-cli"), kind(),
                  schemaFile.isEmpty() ? unsavedSchema() : schemaFile};
    if (target == RunTarget::Files || isPipeline()) {
        if (isPipeline()) {
            a << pipeline.arguments();
            if (usesProfile())
                a << QStringLiteral("--db") << profile.conninfo();
            else if (!serverDir.isEmpty())
                a << QStringLiteral("--server-dir") << serverDir;
        } else {
            a << QStringLiteral("--out") << directory;
        }
        a << QStringLiteral("--format") << FormatOptions::formatName(format);
        if (splitRows)
            a << QStringLiteral("--split-rows") << QString::number(splitRows);
        if (splitBytes)
            a << QStringLiteral("--split-bytes") << QString::number(splitBytes);
        if (compression != Compression::None)
            a << QStringLiteral("--compress") << Compressor::name(compression);
    } else {
        if (target == RunTarget::Postgres)
            a << QStringLiteral("--db") << profile.conninfo();
        else if (!serverDir.isEmpty())
            a << QStringLiteral("--server-dir") << serverDir;
        a << QStringLiteral("--mode") << IngestOptions::modeName(mode)
          << QStringLiteral("--copy-format") << IngestOptions::formatName(copyFormat);
        if (constraintsFirst)
            a << QStringLiteral("--constraints-first");
        if (retries != 8)
            a << QStringLiteral("--retries") << QString::number(retries);
    }
    if (rows)
        a << QStringLiteral("--rows") << QString::number(*rows);
    if (scale != 1.0)
        a << QStringLiteral("--scale") << QString::number(scale);
    if (seed)
        a << QStringLiteral("--seed") << QString::number(*seed);
    if (workers > 0)
        a << QStringLiteral("--workers") << QString::number(workers);
    for (const QString &t : thresholds)
        a << QStringLiteral("--assert") << t;
    return a;
}

QString RunSettings::commandLine(const QString &schemaFile) const
{
    QStringList quoted;
    for (const QString &argument : arguments(schemaFile))
        quoted << shellQuote(argument);
    return quoted.join(QLatin1Char(' '));
}

QString RunSettings::unsavedSchema()
{
    return QCoreApplication::translate("RunSettings", "<unsaved schema>");
}

QString RunSettings::schemaArgument(const QString &fileName, const Schema &schema)
{
    if (!fileName.isEmpty())
        return QFileInfo(fileName).absoluteFilePath();
    return bundledExample(schema);
}

QString RunSettings::bundledExample(const Schema &schema)
{
    // The examples are compiled in and never change while the program runs: hash them once.
    static const QHash<QString, QString> byHash = [] {
        QHash<QString, QString> hashes;
        const QString prefix = QStringLiteral(":/spillway/examples/");
        const QStringList files =
            QDir(prefix).entryList({QStringLiteral("*.json")}, QDir::Files, QDir::Name);
        for (const QString &file : files) {
            Diagnostics ignored;
            if (const auto example = SchemaIO::load(prefix + file, ignored))
                hashes.insert(SchemaIO::hash(*example), QFileInfo(file).completeBaseName());
        }
        return hashes;
    }();
    const QString name = byHash.value(SchemaIO::hash(schema));
    return name.isEmpty() ? QString() : QStringLiteral("example:") + name;
}

QStringList RunSettings::existingOutputs(const QStringList &tables) const
{
    const QDir dir(directory);
    if (directory.trimmed().isEmpty() || !dir.exists())
        return {};
    FileSinkOptions options;
    options.format.format = format;
    options.compression = compression;
    const FileSink sink(options);
    const bool split = splitRows || splitBytes;
    const QStringList present = dir.entryList(QDir::Files | QDir::Hidden, QDir::Name);
    QStringList out;
    for (const QString &table : tables) {
        if (!split) {
            if (present.contains(sink.fileName(table, 0)))
                out << sink.fileName(table, 0);
            continue;
        }
        // Parts are BASE_NNNNN.EXT where the whole file is BASE.EXT: the names part from the
        // first character where they differ ('_' against the extension's '.').
        const QString whole = sink.fileName(table, 0);
        const QString part = sink.fileName(table, 1);
        qsizetype base = 0;
        while (base < whole.size() && whole.at(base) == part.at(base))
            ++base;
        const QString head = part.left(base + 1);
        const QString tail = whole.mid(base);
        for (const QString &file : present) {
            if (file.size() != head.size() + 5 + tail.size() || !file.startsWith(head) ||
                !file.endsWith(tail))
                continue;
            const QString digits = file.mid(head.size(), 5);
            if (std::all_of(digits.begin(), digits.end(), [](QChar c) { return c.isDigit(); }))
                out << file;
        }
    }
    out.removeDuplicates();
    out.sort();
    return out;
}

namespace {

const QStringList kTargetNames{QStringLiteral("local"), QStringLiteral("postgres"),
                               QStringLiteral("files"), QStringLiteral("pipeline")};

// 64-bit counts and seeds as decimal strings: a JSON number is a double (53 bits).
std::optional<uint64_t> readCount(const QJsonObject &o, const QString &key)
{
    bool ok = false;
    const uint64_t value = o.value(key).toString().toULongLong(&ok);
    return ok ? std::optional<uint64_t>(value) : std::nullopt;
}

} // namespace

QJsonObject RunSettings::toJson() const
{
    QJsonObject o{{QStringLiteral("target"), kTargetNames.value(int(target))},
                  {QStringLiteral("directory"), directory},
                  {QStringLiteral("format"), FormatOptions::formatName(format)},
                  {QStringLiteral("compression"), Compressor::name(compression)},
                  {QStringLiteral("splitRows"), QString::number(splitRows)},
                  {QStringLiteral("splitBytes"), QString::number(splitBytes)},
                  {QStringLiteral("profile"), profile.toJson()},
                  {QStringLiteral("serverDir"), serverDir},
                  {QStringLiteral("mode"), IngestOptions::modeName(mode)},
                  {QStringLiteral("copyFormat"), IngestOptions::formatName(copyFormat)},
                  {QStringLiteral("constraintsFirst"), constraintsFirst},
                  {QStringLiteral("retries"), retries},
                  {QStringLiteral("scale"), scale},
                  {QStringLiteral("workers"), workers},
                  {QStringLiteral("thresholds"), QJsonArray::fromStringList(thresholds)},
                  {QStringLiteral("pipeline"), pipeline.toJson()}};
    if (rows)
        o.insert(QStringLiteral("rows"), QString::number(*rows));
    if (seed)
        o.insert(QStringLiteral("seed"), QString::number(*seed));
    return o;
}

RunSettings RunSettings::fromJson(const QJsonObject &o)
{
    RunSettings s;
    const int target = kTargetNames.indexOf(o.value(QStringLiteral("target")).toString());
    if (target >= 0)
        s.target = RunTarget(target);
    s.directory = o.value(QStringLiteral("directory")).toString();
    FormatOptions::parseFormat(o.value(QStringLiteral("format")).toString(), s.format);
    Compressor::parse(o.value(QStringLiteral("compression")).toString(), s.compression);
    s.splitRows = readCount(o, QStringLiteral("splitRows")).value_or(0);
    s.splitBytes = readCount(o, QStringLiteral("splitBytes")).value_or(0);
    if (o.value(QStringLiteral("profile")).isObject())
        s.profile = ConnectionProfile::fromJson(o.value(QStringLiteral("profile")).toObject());
    s.serverDir = o.value(QStringLiteral("serverDir")).toString();
    IngestOptions::parseMode(o.value(QStringLiteral("mode")).toString(), s.mode);
    IngestOptions::parseFormat(o.value(QStringLiteral("copyFormat")).toString(), s.copyFormat);
    s.constraintsFirst = o.value(QStringLiteral("constraintsFirst")).toBool();
    s.retries = o.value(QStringLiteral("retries")).toInt(s.retries);
    s.rows = readCount(o, QStringLiteral("rows"));
    s.scale = o.value(QStringLiteral("scale")).toDouble(s.scale);
    s.seed = readCount(o, QStringLiteral("seed"));
    s.workers = o.value(QStringLiteral("workers")).toInt(s.workers);
    for (const QJsonValue &v : o.value(QStringLiteral("thresholds")).toArray())
        s.thresholds << v.toString();
    s.pipeline = PipelineSettings::fromJson(o.value(QStringLiteral("pipeline")).toObject());
    return s;
}

QJsonObject RunSettings::recordSettings(const QString &schemaFile, const Schema &schema) const
{
    QJsonObject o{{QStringLiteral("schema_file"), schemaFile},
                  {QStringLiteral("schema_name"), schema.name},
                  {QStringLiteral("schema_hash"), SchemaIO::hash(schema)},
                  {QStringLiteral("seed"), QString::number(seed.value_or(schema.seed))},
                  {QStringLiteral("chunk_rows"), QStringLiteral("auto")},
                  {QStringLiteral("source"), QStringLiteral("gui")}};
    if (rows)
        o.insert(QStringLiteral("rows"), double(*rows));
    if (scale != 1.0)
        o.insert(QStringLiteral("scale"), scale);
    if (target == RunTarget::Files || isPipeline()) {
        o.insert(QStringLiteral("format"), FormatOptions::formatName(format));
        if (isPipeline()) {
            const QJsonObject p = pipeline.recordSettings();
            for (auto it = p.begin(); it != p.end(); ++it)
                o.insert(it.key(), it.value());
            if (!pipeline.filesDirectory.isEmpty())
                o.insert(QStringLiteral("files"),
                         QFileInfo(pipeline.filesDirectory).absoluteFilePath());
        } else {
            o.insert(QStringLiteral("output"), QFileInfo(directory).absoluteFilePath());
        }
        if (splitRows)
            o.insert(QStringLiteral("split_rows"), double(splitRows));
        if (splitBytes)
            o.insert(QStringLiteral("split_bytes"), double(splitBytes));
        if (compression != Compression::None)
            o.insert(QStringLiteral("compression"), Compressor::name(compression));
    } else {
        o.insert(QStringLiteral("mode"), IngestOptions::modeName(mode));
        o.insert(QStringLiteral("copy_format"), IngestOptions::formatName(copyFormat));
        o.insert(QStringLiteral("constraints_first"), constraintsFirst);
    }
    if (!thresholds.isEmpty())
        o.insert(QStringLiteral("thresholds"), QJsonArray::fromStringList(thresholds));
    return o;
}

} // namespace spillway
