#pragma once

// Helpers for the worked example's end-to-end tests: the programs it runs (run with
// processsupport.h), read the run record a command left, read JSON Lines files.

#include "../processsupport.h"
#include "base/shellquote.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QString>
#include <QStringList>

namespace spillway::test {

const QString kCli = QStringLiteral(SPILLWAY_CLI);
const QString kPython = QStringLiteral(SPILLWAY_PYTHON);
const QString kExampleDir = QStringLiteral(SPILLWAY_EXAMPLE_DIR);
const QString kManifestChecker = QStringLiteral(SPILLWAY_MANIFEST_CHECKER);

// Generate, the example's ETL and the checker may take minutes on a slow machine.
constexpr int kProgramTimeoutMs = 240000;

// The records of `kind` a command left in the runs folder `dir`.
inline QList<QJsonObject> records(const QString &dir, const QString &kind)
{
    QList<QJsonObject> found;
    for (const QString &name : QDir(dir).entryList({QStringLiteral("*.json")}, QDir::Files)) {
        QFile f(QDir(dir).filePath(name));
        if (!f.open(QIODevice::ReadOnly))
            continue;
        const QJsonObject record = QJsonDocument::fromJson(f.readAll()).object();
        if (record.value(QStringLiteral("kind")).toString() == kind)
            found.append(record);
    }
    return found;
}

// Every object of a JSON Lines file (an empty list when it cannot be read).
inline QList<QJsonObject> jsonLines(const QString &path)
{
    QList<QJsonObject> objects;
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return objects;
    for (const QByteArray &line : f.readAll().split('\n')) {
        if (!line.trimmed().isEmpty())
            objects.append(QJsonDocument::fromJson(line).object());
    }
    return objects;
}

// "file:line" of every object with "file" and "line" in a JSON Lines file.
inline QSet<QString> fileLines(const QList<QJsonObject> &objects)
{
    QSet<QString> lines;
    for (const QJsonObject &o : objects)
        lines.insert(QStringLiteral("%1:%2").arg(
            o.value(QStringLiteral("file")).toString(),
            QString::number(o.value(QStringLiteral("line")).toInteger())));
    return lines;
}

// A command line for /bin/sh: each argument one word.
inline QString shellLine(const QStringList &arguments)
{
    QStringList words;
    for (const QString &a : arguments)
        words.append(shellQuote(a));
    return words.join(QLatin1Char(' '));
}

} // namespace spillway::test
