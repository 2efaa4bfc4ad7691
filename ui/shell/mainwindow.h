#pragma once

// The main window: pages "Start" (examples, recent files), "Design" (schema tree, inspectors,
// live preview), "Run" (run panel and dashboard) and "History" (recorded runs); File, Edit,
// Schema, Run and View menus (with the theme); remembers its geometry, dock and splitter layout;
// accepts a schema file dropped onto it.

#include "run/runsettings.h"

#include <QMainWindow>

class QActionGroup;
class QTabWidget;

namespace spillway {

class Dashboard;
class DesignerPage;
class FileController;
class HistoryView;
class RunController;
class RunPanel;
class SchemaDocument;
class StartPage;
enum class Theme;

class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    enum Page { HomePage, DesignPage, RunPage, HistoryPage };

    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    SchemaDocument *document() const { return m_document; }
    FileController *files() const { return m_files; }
    DesignerPage *designer() const { return m_designer; }
    RunController *runController() const { return m_runController; }
    RunPanel *runPanel() const { return m_runPanel; }
    HistoryView *historyView() const { return m_history; }
    StartPage *startPage() const { return m_start; }
    QAction *runAction() const; // F5: starts a run with the Run page's settings

    void showPage(Page page);
    Page currentPage() const;

    // The start page's one-click runs: open the example, then run it with the Run page's other
    // settings, to files in `directory` or into the embedded local server. False when a run is
    // already going, the document was kept (unsaved changes) or the run could not start.
    bool generateExample(const QString &name, const QString &directory);
    bool loadExample(const QString &name);
    // Applies and remembers a theme (View > Theme).
    void setTheme(Theme theme);

protected:
    void closeEvent(QCloseEvent *event) override;
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;

private:
    QWidget *createRunPage();
    void createStartPage();
    void createMenus();
    void createViewMenu();
    bool runExample(const QString &name, RunTarget target, const QString &directory);
    void chooseFolderAndGenerate(const QString &name);
    void updateTitle();
    void restoreLayout();

    SchemaDocument *m_document;
    FileController *m_files;
    QTabWidget *m_pages;
    StartPage *m_start = nullptr;
    QActionGroup *m_themes = nullptr;
    DesignerPage *m_designer;
    RunController *m_runController;
    RunPanel *m_runPanel = nullptr;
    Dashboard *m_dashboard = nullptr;
    HistoryView *m_history;
};

} // namespace spillway
