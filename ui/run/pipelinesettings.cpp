#include "run/pipelinesettings.h"

#include <QDir>
#include <QJsonArray>
#include <QObject>

#include <algorithm>

namespace spillway {
namespace {

QString number(double value)
{
    return QString::number(value, 'g', 10);
}

} // namespace

QString PipelineSettings::defaultName(int command)
{
    return QString::number(command + 1);
}

QList<PipelineCommand> PipelineSettings::runnableCommands() const
{
    QList<PipelineCommand> out;
    for (const PipelineCommand &c : commands) {
        if (c.commandLine.trimmed().isEmpty())
            continue;
        const QString name = c.name.trimmed();
        out.append({name.isEmpty() ? defaultName(int(out.size())) : name, c.commandLine.trimmed()});
    }
    return out;
}

QStringList PipelineSettings::problems() const
{
    QStringList out;
    const QList<PipelineCommand> runnable = runnableCommands();
    if (runnable.isEmpty())
        out << QObject::tr("Add a command for the pipeline: the command line that runs your ETL.");
    QStringList names;
    for (const PipelineCommand &c : runnable) {
        if (names.contains(c.name))
            out << QObject::tr("Two commands are named \"%1\": give each its own name.")
                       .arg(c.name);
        names << c.name;
    }
    if (const QString e = dirtyOptions().check(); !e.isEmpty())
        out << QObject::tr("Dirty rows: %1").arg(e);
    for (const QString &kind : dirtyKinds) {
        if (!dirtyKindFromName(kind))
            out << QObject::tr("Dirty rows: there is no kind \"%1\".").arg(kind);
    }
    if (repeat < 1)
        out << QObject::tr("Repeat: run the pipeline at least once.");
    if (timeoutSeconds < 0)
        out << QObject::tr("The timeout must be 0 (none) or more seconds.");
    return out;
}

DirtyOptions PipelineSettings::dirtyOptions() const
{
    DirtyOptions o;
    o.fraction = dirtyPercent / 100.0;
    o.isSet = dirtyPercent > 0; // else each table's own setting in the schema holds
    for (const QString &name : dirtyKinds) {
        if (const auto kind = dirtyKindFromName(name))
            o.kinds << *kind;
    }
    return o;
}

QStringList PipelineSettings::arguments() const
{
    QStringList a;
    for (const PipelineCommand &c : runnableCommands())
        a << QStringLiteral("--run") << c.commandLine << QStringLiteral("--name") << c.name;
    if (!workingDirectory.isEmpty())
        a << QStringLiteral("--workdir") << workingDirectory;
    if (!filesDirectory.isEmpty())
        a << QStringLiteral("--files") << filesDirectory;
    if (!mapFile.isEmpty())
        a << QStringLiteral("--map") << mapFile;
    if (!rejectsFile.isEmpty())
        a << QStringLiteral("--rejects") << rejectsFile;
    if (dirtyPercent > 0) {
        a << QStringLiteral("--dirty") << number(dirtyPercent / 100.0);
        if (!dirtyKinds.isEmpty())
            a << QStringLiteral("--dirty-kinds") << dirtyKinds.join(QLatin1Char(','));
    }
    if (timeoutSeconds > 0)
        a << QStringLiteral("--timeout") << number(timeoutSeconds) + QLatin1Char('s');
    if (repeat > 1)
        a << QStringLiteral("--repeat") << QString::number(repeat);
    if (!beforeCommand.isEmpty())
        a << QStringLiteral("--before") << beforeCommand;
    return a;
}

QJsonObject PipelineSettings::toJson() const
{
    QJsonArray list;
    for (const PipelineCommand &c : commands)
        list.append(QJsonObject{{QStringLiteral("name"), c.name},
                                {QStringLiteral("command"), c.commandLine}});
    return {{QStringLiteral("commands"), list},
            {QStringLiteral("workingDirectory"), workingDirectory},
            {QStringLiteral("filesDirectory"), filesDirectory},
            {QStringLiteral("profile"), profileName},
            {QStringLiteral("mapFile"), mapFile},
            {QStringLiteral("map"), map.toJson()},
            {QStringLiteral("rejectsFile"), rejectsFile},
            {QStringLiteral("dirtyPercent"), dirtyPercent},
            {QStringLiteral("dirtyKinds"), QJsonArray::fromStringList(dirtyKinds)},
            {QStringLiteral("timeoutSeconds"), timeoutSeconds},
            {QStringLiteral("repeat"), repeat},
            {QStringLiteral("before"), beforeCommand}};
}

PipelineSettings PipelineSettings::fromJson(const QJsonObject &o)
{
    PipelineSettings s;
    for (const QJsonValue &v : o.value(QStringLiteral("commands")).toArray()) {
        const QJsonObject c = v.toObject();
        s.commands.append({c.value(QStringLiteral("name")).toString(),
                           c.value(QStringLiteral("command")).toString()});
    }
    s.workingDirectory = o.value(QStringLiteral("workingDirectory")).toString();
    s.filesDirectory = o.value(QStringLiteral("filesDirectory")).toString();
    s.profileName = o.value(QStringLiteral("profile")).toString();
    s.mapFile = o.value(QStringLiteral("mapFile")).toString();
    if (o.value(QStringLiteral("map")).isObject()) {
        // A stored map that no longer parses (an older version) is left out, not half-read.
        if (auto map = VerifyMap::fromJsonObject(o.value(QStringLiteral("map")).toObject(),
                                                 s.mapFile, nullptr))
            s.map = *map;
    }
    s.rejectsFile = o.value(QStringLiteral("rejectsFile")).toString();
    s.dirtyPercent = std::clamp(o.value(QStringLiteral("dirtyPercent")).toDouble(), 0.0,
                                DirtyOptions::kMaxFraction * 100);
    for (const QJsonValue &v : o.value(QStringLiteral("dirtyKinds")).toArray())
        s.dirtyKinds << v.toString();
    s.timeoutSeconds = std::max(0.0, o.value(QStringLiteral("timeoutSeconds")).toDouble());
    s.repeat = std::max(1, o.value(QStringLiteral("repeat")).toInt(1));
    s.beforeCommand = o.value(QStringLiteral("before")).toString();
    return s;
}

// The keys `spillway-cli pipeline` records, so that History compares GUI and CLI runs alike.
QJsonObject PipelineSettings::recordSettings() const
{
    QJsonArray list;
    for (const PipelineCommand &c : runnableCommands())
        list.append(QJsonObject{{QStringLiteral("name"), c.name},
                                {QStringLiteral("command"), c.commandLine}});
    QJsonObject o{{QStringLiteral("commands"), list},
                  {QStringLiteral("repeat"), repeat},
                  {QStringLiteral("verify"), true}};
    if (!workingDirectory.isEmpty())
        o.insert(QStringLiteral("workdir"), QDir(workingDirectory).absolutePath());
    if (!beforeCommand.isEmpty())
        o.insert(QStringLiteral("before"), beforeCommand);
    if (timeoutSeconds > 0)
        o.insert(QStringLiteral("timeout_s"), timeoutSeconds);
    if (!map.isEmpty())
        o.insert(QStringLiteral("map"), map.toJson());
    if (!rejectsFile.isEmpty())
        o.insert(QStringLiteral("rejects"), rejectsFile);
    if (dirtyPercent > 0) {
        const DirtyOptions dirty = dirtyOptions();
        o.insert(QStringLiteral("dirty"), dirty.fraction);
        o.insert(QStringLiteral("dirty_kinds"), QJsonArray::fromStringList(dirty.kindNames()));
    }
    return o;
}

} // namespace spillway
