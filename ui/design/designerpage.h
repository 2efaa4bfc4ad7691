#pragma once

// The "Design" page: the schema tree (filterable, drag-and-drop reordering) with its add,
// duplicate and delete actions, the table or column inspector for the current item, and the
// live preview of the monitor area below them.

#include <QWidget>

class QAction;
class QLineEdit;
class QScrollArea;
class QSortFilterProxyModel;
class QSplitter;
class QStackedWidget;
class QTreeView;

namespace spillway {

class ColumnInspector;
class PreviewPanel;
class SchemaDocument;
class SchemaTreeModel;
class TableInspector;

class DesignerPage : public QWidget
{
    Q_OBJECT

public:
    explicit DesignerPage(SchemaDocument *document, QWidget *parent = nullptr);

    QAction *addTableAction() const { return m_addTable; }
    QAction *addColumnAction() const { return m_addColumn; }
    QAction *duplicateAction() const { return m_duplicate; }
    QAction *deleteAction() const { return m_delete; }
    QTreeView *treeView() const { return m_tree; }
    SchemaTreeModel *model() const { return m_model; }
    TableInspector *tableInspector() const { return m_tableInspector; }
    ColumnInspector *columnInspector() const { return m_columnInspector; }
    PreviewPanel *previewPanel() const { return m_preview; }

    void saveState() const;
    void restoreState();

public slots:
    // Goes to a problem: selects its table or column (clearing a filter that hides it) and
    // focuses the editor of the parameter it concerns when there is one. A path that names no
    // table of the document (see ProblemPlace) changes nothing.
    void revealProblem(const QString &jsonPath);

protected:
    void resizeEvent(QResizeEvent *event) override;

private:
    QWidget *createTreePane();
    void createActions();
    void syncSelectionFromDocument();
    void syncDocumentFromSelection();
    void addTable();
    void addColumn();
    void duplicateCurrent();
    void deleteCurrent();

    SchemaDocument *m_document;
    SchemaTreeModel *m_model;
    QSortFilterProxyModel *m_proxy;
    QTreeView *m_tree = nullptr;
    QLineEdit *m_filter = nullptr;
    QStackedWidget *m_inspectors = nullptr;
    QScrollArea *m_inspectorScroll = nullptr;
    TableInspector *m_tableInspector = nullptr;
    ColumnInspector *m_columnInspector = nullptr;
    PreviewPanel *m_preview = nullptr;
    QSplitter *m_splitter = nullptr;
    QSplitter *m_previewSplitter = nullptr;
    // Until the user drags it (or a saved layout is restored), the preview keeps its share of
    // the page's height whatever the window's size.
    bool m_previewShareKept = true;
    QAction *m_addTable = nullptr;
    QAction *m_addColumn = nullptr;
    QAction *m_duplicate = nullptr;
    QAction *m_delete = nullptr;
};

} // namespace spillway
