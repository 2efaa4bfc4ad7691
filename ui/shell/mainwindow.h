#pragma once

// The main window: pages "Design" (schema tree, inspectors, live preview), "Run" (run panel and
// dashboard) and "History" (recorded runs); File, Edit, Schema and Run menus; remembers its
// geometry, dock and splitter layout; accepts a schema file dropped onto it.

#include <QMainWindow>

class QTabWidget;

namespace spillway {

class Dashboard;
class DesignerPage;
class FileController;
class HistoryView;
class RunController;
class RunPanel;
class SchemaDocument;

class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    enum Page { DesignPage, RunPage, HistoryPage };

    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    SchemaDocument *document() const { return m_document; }
    FileController *files() const { return m_files; }
    DesignerPage *designer() const { return m_designer; }
    RunController *runController() const { return m_runController; }
    RunPanel *runPanel() const { return m_runPanel; }
    HistoryView *historyView() const { return m_history; }
    QAction *runAction() const; // F5: starts a run with the Run page's settings

    void showPage(Page page);

protected:
    void closeEvent(QCloseEvent *event) override;
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;

private:
    QWidget *createRunPage();
    void createMenus();
    void updateTitle();
    void restoreLayout();

    SchemaDocument *m_document;
    FileController *m_files;
    QTabWidget *m_pages;
    DesignerPage *m_designer;
    RunController *m_runController;
    RunPanel *m_runPanel = nullptr;
    Dashboard *m_dashboard = nullptr;
    HistoryView *m_history;
};

} // namespace spillway
