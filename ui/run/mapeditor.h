#pragma once

// The map of a pipeline run as the run panel edits it: a tree of the schema's tables and
// columns (MapModel) where each gets its target name, a dropped box, a cast and an expression,
// with Load… and Save… of a map file (the JSON document `verify --map` and `pipeline --map`
// read) and Reset to the schema's own names. Says which file the map is from and whether the
// tree was edited since it was loaded or saved, since a command line names the file.

#include "verify/verifymap.h"

#include <QWidget>

class QLabel;
class QPushButton;
class QTreeView;

namespace spillway {

class MapModel;
struct Schema;

class MapEditor : public QWidget
{
    Q_OBJECT

public:
    explicit MapEditor(QWidget *parent = nullptr);

    void setSchema(const Schema &schema);
    // The map and the file it came from (empty: none); `unsaved`: it differs from the file.
    void setMap(const VerifyMap &map, const QString &fileName, bool unsaved);
    VerifyMap map() const;
    QString fileName() const { return m_fileName; }
    bool isUnsaved() const { return m_unsaved; }
    MapModel *model() const { return m_model; }
    QTreeView *view() const { return m_view; }

    // Reads `path` into the tree; an error message, or empty when it loaded.
    QString load(const QString &path);
    // Writes the tree's map to `path` (atomically); an error message, or empty when saved.
    QString save(const QString &path);

signals:
    // The tree was edited, or a map loaded, saved or reset.
    void mapChanged();

private:
    void chooseAndLoad();
    void chooseAndSave();
    void updateLabel();

    MapModel *m_model;
    QTreeView *m_view;
    QLabel *m_file;
    QPushButton *m_load;
    QPushButton *m_save;
    QPushButton *m_reset;
    QString m_fileName;
    bool m_unsaved = false;
};

} // namespace spillway
