// spillway-cli generators [KIND]: the generator kinds with their category and summary (from the
// registry), and one kind's parameters as the JSON Schema describes them (GeneratorCatalog,
// the same source as the designer's parameter forms).

#include "clicommon.h"
#include "commands.h"
#include "generators/generatorcatalog.h"
#include "schema/generatorregistry.h"

#include <QJsonArray>
#include <QJsonDocument>

#include <algorithm>

namespace spillway::cli {

namespace {

// A default as it would be written in a schema file: 0.5, "uniform", [1, 2], {...}.
QString jsonText(const QJsonValue &value)
{
    if (value.isUndefined() || value.isNull())
        return QString();
    if (value.isString())
        return value.toString();
    const QByteArray wrapped = QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact);
    return QString::fromUtf8(wrapped.mid(1, wrapped.size() - 2));
}

// Columns as wide as their widest cell, two spaces apart; the last one is not padded.
void printTable(const QList<QStringList> &rows)
{
    QList<qsizetype> widths;
    for (const QStringList &row : rows)
        for (qsizetype i = 0; i < row.size(); ++i) {
            if (widths.size() <= i)
                widths.append(0);
            widths[i] = std::max(widths[i], row[i].size());
        }
    for (const QStringList &row : rows) {
        QString line;
        for (qsizetype i = 0; i < row.size(); ++i)
            line += i + 1 < row.size() ? row[i].leftJustified(widths[i] + 2) : row[i];
        while (line.endsWith(QLatin1Char(' ')))
            line.chop(1);
        printOut(line + QLatin1Char('\n'));
    }
}

int listKinds()
{
    const QList<GeneratorInfo> &infos = GeneratorRegistry::instance().all();
    QList<QStringList> rows{
        {QStringLiteral("KIND"), QStringLiteral("CATEGORY"), QStringLiteral("SUMMARY")}};
    for (const GeneratorInfo &info : infos)
        rows.append({info.kind, info.category, info.summary});
    printTable(rows);
    printOut(QStringLiteral("\n%1 kinds. 'spillway-cli generators KIND' lists a kind's "
                            "parameters.\n")
                 .arg(infos.size()));
    return ExitOk;
}

int describeKind(const QString &kind)
{
    const GeneratorInfo *info = GeneratorRegistry::instance().find(kind);
    if (!info || !GeneratorCatalog::hasKind(kind)) {
        printErr(QStringLiteral("spillway-cli generators: unknown generator kind '%1'; run "
                                "'spillway-cli generators' for the list\n")
                     .arg(kind));
        return ExitUsage;
    }
    printOut(QStringLiteral("%1 (%2): %3\n").arg(kind, info->category, info->summary));
    const QString description = GeneratorCatalog::description(kind);
    if (!description.isEmpty() && description != info->summary)
        printOut(description + QLatin1Char('\n'));
    printOut(QStringLiteral("Default SQL type: %1\n\n").arg(info->defaultSqlType));
    const QList<ParameterInfo> parameters = GeneratorCatalog::parameters(kind);
    if (parameters.isEmpty()) {
        printOut(QStringLiteral("No parameters.\n"));
        return ExitOk;
    }
    QList<QStringList> rows{{QStringLiteral("PARAMETER"), QStringLiteral("TYPE"),
                             QStringLiteral("DEFAULT"), QStringLiteral("REQUIRED"),
                             QStringLiteral("DESCRIPTION")}};
    for (const ParameterInfo &p : parameters)
        rows.append({p.name, GeneratorCatalog::typeName(p), jsonText(p.defaultValue),
                     p.required ? QStringLiteral("yes") : QStringLiteral("no"), p.description});
    printTable(rows);
    return ExitOk;
}

} // namespace

int runGenerators(const QStringList &arguments)
{
    QCommandLineParser p;
    p.addPositionalArgument(QStringLiteral("KIND"),
                            QStringLiteral("A generator kind: list its parameters."),
                            QStringLiteral("[KIND]"));
    if (auto exit = parseCommandLine(p, arguments, QStringLiteral("generators"),
                                     QStringLiteral("Lists the generator kinds with their "
                                                    "category and summary; with KIND, its "
                                                    "parameters (type, default, required, "
                                                    "description)."),
                                     0, 1))
        return *exit;
    const QStringList positional = p.positionalArguments();
    return positional.isEmpty() ? listKinds() : describeKind(positional.first());
}

} // namespace spillway::cli
