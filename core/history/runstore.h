#pragma once

// The runs folder: one JSON file per run record, named after its id. The default folder is
// $XDG_DATA_HOME/spillway/runs (~/.local/share/spillway/runs); SPILLWAY_RUNS_DIR or an explicit
// folder (--runs-dir) overrides it, e.g. to keep a CI job's runs with its workspace.

#include "history/runrecord.h"

#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <optional>

namespace spillway {

class RunStore
{
public:
    explicit RunStore(const QString &directory = {}); // empty: defaultDirectory()

    static QString defaultDirectory();
    QString directory() const { return m_directory; }
    QString fileName(const QString &id) const;
    bool contains(const QString &id) const;

    // Writes atomically (QSaveFile), creating the folder; returns an error message, empty on
    // success.
    QString save(const RunRecord &record) const;

    // Every record, oldest first; files that cannot be read are skipped and described in
    // problems.
    QList<RunRecord> list(QStringList *problems = nullptr) const;
    // Record ids, oldest first (file names only: cheap).
    QStringList ids() const;

    // A run by reference: its id, a unique prefix of it, "latest" or "latest~N" (N runs
    // before the latest), or the path of a record file (a baseline kept in a repository).
    std::optional<RunRecord> find(const QString &reference, QString *error) const;
    static std::optional<RunRecord> load(const QString &path, QString *error);

    // Stores a verify result on a run ("a verify result shows up on its run"); returns an
    // error message, empty on success.
    QString attachVerify(const QString &reference, const QJsonObject &verify) const;

private:
    std::optional<QString> resolve(const QString &reference, QString *error) const;
    static QString write(const RunRecord &record, const QString &path);

    QString m_directory;
};

} // namespace spillway
