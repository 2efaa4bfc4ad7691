#include "run/runsettings.h"

#include "history/runassert.h"
#include "pg/localserver.h"
#include "schema/schemaio.h"

#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>

#include <cmath>

namespace spillway {
PlanOptions RunSettings::planOptions() const
{
    PlanOptions o;
    o.rows = rows;
    o.scale = scale;
    o.seed = seed;
    return o;
}

QStringList RunSettings::problems() const
{
    QStringList out;
    if (target == RunTarget::Files && directory.trimmed().isEmpty())
        out << QStringLiteral("Choose an output folder for the files.");
    if (target == RunTarget::Postgres && !profile.problem().isEmpty())
        out << profile.problem();
    if (splitRows && splitBytes)
        out << QStringLiteral("Split files by rows or by size, not both.");
    if (!(scale > 0))
        out << QStringLiteral("The scale must be above 0.");
    for (const QString &text : thresholds) {
        QString error;
        if (!Threshold::parse(text, &error))
            out << QStringLiteral("Threshold '%1': %2").arg(text, error);
    }
    return out;
}

QStringList RunSettings::arguments(const QString &schemaFile) const
{
    QStringList a{QStringLiteral("spillway-cli"), kind(),
                  schemaFile.isEmpty() ? QStringLiteral("SCHEMA.json") : schemaFile};
    if (target == RunTarget::Files) {
        a << QStringLiteral("--out") << directory << QStringLiteral("--format")
          << FormatOptions::formatName(format);
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
    if (target == RunTarget::Files) {
        o.insert(QStringLiteral("format"), FormatOptions::formatName(format));
        o.insert(QStringLiteral("output"), QFileInfo(directory).absoluteFilePath());
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
