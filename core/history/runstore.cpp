#include "history/runstore.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QSaveFile>
#include <QStandardPaths>

#include <algorithm>

namespace spillway {

RunStore::RunStore(const QString &directory)
    : m_directory(directory.isEmpty() ? defaultDirectory() : directory)
{}

QString RunStore::defaultDirectory()
{
    const QString fromEnvironment = qEnvironmentVariable("SPILLWAY_RUNS_DIR");
    if (!fromEnvironment.isEmpty())
        return fromEnvironment;
    return QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation) +
           QStringLiteral("/spillway/runs");
}

QString RunStore::fileName(const QString &id) const
{
    return QDir(m_directory).filePath(id + QStringLiteral(".json"));
}

bool RunStore::contains(const QString &id) const
{
    return QFileInfo::exists(fileName(id));
}

QString RunStore::save(const RunRecord &record) const
{
    if (!QDir().mkpath(m_directory))
        return QStringLiteral("cannot create the runs folder '%1': check its permissions or "
                              "choose another with --runs-dir")
            .arg(m_directory);
    return write(record, fileName(record.id));
}

QString RunStore::write(const RunRecord &record, const QString &path)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return QStringLiteral("cannot write the run record '%1': %2").arg(path, file.errorString());
    file.write(QJsonDocument(record.toJson()).toJson(QJsonDocument::Indented));
    if (!file.commit())
        return QStringLiteral("cannot write the run record '%1': %2").arg(path, file.errorString());
    return {};
}

QStringList RunStore::ids() const
{
    QStringList names =
        QDir(m_directory).entryList({QStringLiteral("*.json")}, QDir::Files, QDir::Name);
    for (QString &name : names)
        name.chop(5);
    return names; // ids start with the UTC start time, so name order is time order
}

QList<RunRecord> RunStore::list(QStringList *problems) const
{
    QList<RunRecord> records;
    for (const QString &id : ids()) {
        QString error;
        if (auto record = load(fileName(id), &error))
            records.append(std::move(*record));
        else if (problems)
            problems->append(error);
    }
    std::stable_sort(records.begin(), records.end(),
                     [](const RunRecord &a, const RunRecord &b) { return a.started < b.started; });
    return records;
}

std::optional<RunRecord> RunStore::load(const QString &path, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        if (error)
            *error = QStringLiteral("cannot read '%1': %2").arg(path, file.errorString());
        return std::nullopt;
    }
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(file.readAll(), &parseError);
    if (!doc.isObject()) {
        if (error)
            *error = QStringLiteral("'%1' is not a run record: %2")
                         .arg(path, parseError.error != QJsonParseError::NoError
                                        ? parseError.errorString()
                                        : QStringLiteral("not a JSON object"));
        return std::nullopt;
    }
    QString problem;
    auto record = RunRecord::fromJson(doc.object(), &problem);
    if (!record && error)
        *error = QStringLiteral("'%1': %2").arg(path, problem);
    return record;
}

std::optional<QString> RunStore::resolve(const QString &reference, QString *error) const
{
    auto fail = [error](const QString &message) -> std::optional<QString> {
        if (error)
            *error = message;
        return std::nullopt;
    };
    if (reference.endsWith(QLatin1String(".json")) && QFileInfo::exists(reference))
        return reference;
    const QStringList all = ids();
    static const QRegularExpression latest(QStringLiteral("^latest(?:~(\\d+))?$"));
    if (const auto m = latest.match(reference); m.hasMatch()) {
        const qsizetype back = m.captured(1).toLongLong();
        if (back >= all.size())
            return fail(
                QStringLiteral("there are only %1 run(s) in %2").arg(all.size()).arg(m_directory));
        return fileName(all.at(all.size() - 1 - back));
    }
    if (all.contains(reference))
        return fileName(reference);
    QStringList matches;
    for (const QString &id : all) {
        if (id.startsWith(reference))
            matches.append(id);
    }
    if (matches.size() == 1)
        return fileName(matches.first());
    if (matches.isEmpty())
        return fail(QStringLiteral("no run '%1' in %2; 'spillway-cli runs list' shows the runs")
                        .arg(reference, m_directory));
    return fail(QStringLiteral("'%1' matches %2 runs (%3%4); give more of the id")
                    .arg(reference)
                    .arg(matches.size())
                    .arg(matches.mid(0, 3).join(QStringLiteral(", ")),
                         matches.size() > 3 ? QStringLiteral(", ...") : QString()));
}

std::optional<RunRecord> RunStore::find(const QString &reference, QString *error) const
{
    const auto path = resolve(reference, error);
    if (!path)
        return std::nullopt;
    return load(*path, error);
}

QString RunStore::attachVerify(const QString &reference, const QJsonObject &verify) const
{
    QString error;
    const auto path = resolve(reference, &error);
    if (!path)
        return error;
    auto record = load(*path, &error);
    if (!record)
        return error;
    record->verify = verify;
    return write(*record, *path);
}

} // namespace spillway
