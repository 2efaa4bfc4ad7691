#pragma once

// The file side of the main window: New (blank or from the example gallery), Open, Save, Save
// As, recent files, and the unsaved-changes prompt before anything replaces the document.

#include <QList>
#include <QObject>
#include <QString>

class QAction;
class QMenu;
class QWidget;

namespace spillway {

class SchemaDocument;

// A bundled example as the start page and the example gallery show it: its name (what
// `example:NAME` and `--example NAME` take) and the schema's own description and size.
struct ExampleSummary
{
    QString name;
    QString description;
    int tables = 0;
    int columns = 0;
};

class FileController : public QObject
{
    Q_OBJECT

public:
    FileController(SchemaDocument *document, QWidget *window);

    QAction *newAction() const { return m_new; }
    QAction *newFromExampleAction() const { return m_newFromExample; }
    QAction *newFromDatabaseAction() const { return m_newFromDatabase; }
    QAction *importDdlAction() const { return m_importDdl; }
    QAction *openAction() const { return m_open; }
    QAction *saveAction() const { return m_save; }
    QAction *saveAsAction() const { return m_saveAs; }
    QMenu *recentMenu() const { return m_recentMenu; }

    // True when the document may be replaced or closed: saved, discarded, or not modified.
    bool maybeSave();
    bool open(const QString &fileName);    // asks about unsaved changes first
    bool openExample(const QString &name); // likewise
    bool save();
    bool saveAs();
    bool newBlank();      // asks about unsaved changes first
    bool chooseAndOpen(); // the Open dialog; false when cancelled or the file was refused
    void removeRecent(const QString &fileName);

    // Every bundled example (SchemaDocument::exampleNames()), in name order.
    static QList<ExampleSummary> examples();

signals:
    void recentFilesChanged();

private:
    void chooseExample();
    // New from Database… (database) or Import DDL… (!database): a new document, or a merge
    // into the open one when the user chose it in the dialog.
    void importSchema(bool database);
    void addRecent(const QString &fileName);
    void updateRecentMenu();
    void showError(const QString &title, const QString &message);

    SchemaDocument *m_document;
    QWidget *m_window;
    QAction *m_new;
    QAction *m_newFromExample;
    QAction *m_newFromDatabase;
    QAction *m_importDdl;
    QAction *m_open;
    QAction *m_save;
    QAction *m_saveAs;
    QMenu *m_recentMenu;
};

} // namespace spillway
