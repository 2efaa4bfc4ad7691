#pragma once

// The run panel's page for the "Your pipeline" target (issue 13): the database (the embedded
// local server or a saved connection profile, as the ingest targets choose), the commands (a
// table of name and command line; added, removed, reordered; at least one row), the working
// folder and the files folder, the map (MapEditor) and the pipeline's reject file, the share
// and kinds of dirty rows, a timeout, repeats and a command run before each repeat.

#include "run/pipelinesettings.h"

#include <QWidget>

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QLineEdit;
class QSpinBox;
class QTableView;
class QToolButton;

namespace spillway {

class CommandListModel;
class MapEditor;
struct Schema;

class PipelinePage : public QWidget
{
    Q_OBJECT

public:
    explicit PipelinePage(QWidget *parent = nullptr);

    PipelineSettings settings() const;
    void setSettings(const PipelineSettings &settings);
    // The saved connection profiles' names, offered beside the local server.
    void setProfileNames(const QStringList &names);
    void setSchema(const Schema &schema);

    CommandListModel *commandModel() const { return m_commands; }
    QTableView *commandView() const { return m_commandView; }
    MapEditor *mapEditor() const { return m_map; }
    QComboBox *databaseBox() const { return m_database; }
    QDoubleSpinBox *dirtyBox() const { return m_dirty; }
    QCheckBox *dirtyKindBox(DirtyKind kind) const;

    // Out of view (another target's page is current) it asks for no height: QStackedLayout
    // takes the tallest page's height for a width, hidden ones too.
    int heightForWidth(int width) const override;

signals:
    void edited();

private:
    QWidget *createCommands();
    QWidget *createDirty();
    QWidget *createPicker(QLineEdit *edit, const QString &title, bool file);
    void updateCommandButtons();
    void moveCurrent(int delta);

    QComboBox *m_database;
    CommandListModel *m_commands;
    QTableView *m_commandView;
    QToolButton *m_add;
    QToolButton *m_remove;
    QToolButton *m_up;
    QToolButton *m_down;
    QLineEdit *m_workingDirectory;
    QLineEdit *m_filesDirectory;
    MapEditor *m_map;
    QLineEdit *m_rejects;
    QDoubleSpinBox *m_dirty;
    QList<QCheckBox *> m_kinds; // allDirtyKinds() order
    QSpinBox *m_timeout;
    QSpinBox *m_repeat;
    QLineEdit *m_before;
    QString m_profileName; // the stored choice while its profile is not offered (yet)
};

} // namespace spillway
