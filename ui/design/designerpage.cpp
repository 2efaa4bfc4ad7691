#include "design/designerpage.h"

#include "design/columninspector.h"
#include "design/previewpanel.h"
#include "design/schemadocument.h"
#include "design/schematreemodel.h"
#include "design/tableinspector.h"
#include "schema/problemplace.h"
#include "shell/icons.h"
#include "shell/settings.h"

#include <QAction>
#include <QHeaderView>
#include <QLineEdit>
#include <QResizeEvent>
#include <QScrollArea>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QStackedWidget>
#include <QToolBar>
#include <QTreeView>
#include <QVBoxLayout>

namespace spillway {

DesignerPage::DesignerPage(SchemaDocument *document, QWidget *parent)
    : QWidget(parent)
    , m_document(document)
    , m_model(new SchemaTreeModel(document, this))
    , m_proxy(new QSortFilterProxyModel(this))
{
    m_proxy->setSourceModel(m_model);
    m_proxy->setRecursiveFilteringEnabled(true);
    m_proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_proxy->setFilterKeyColumn(-1);
    createActions();

    m_tableInspector = new TableInspector(document);
    m_columnInspector = new ColumnInspector(document);
    m_inspectors = new QStackedWidget;
    m_inspectors->addWidget(m_tableInspector);
    m_inspectors->addWidget(m_columnInspector);
    m_inspectorScroll = new QScrollArea;
    m_inspectorScroll->setWidget(m_inspectors);
    m_inspectorScroll->setWidgetResizable(true);
    m_inspectorScroll->setFrameShape(QFrame::NoFrame);
    m_inspectorScroll->setAccessibleName(tr("Inspector"));

    m_splitter = new QSplitter(Qt::Horizontal);
    m_splitter->addWidget(createTreePane());
    m_splitter->addWidget(m_inspectorScroll);
    m_splitter->setStretchFactor(0, 2);
    m_splitter->setStretchFactor(1, 3);
    m_preview = new PreviewPanel;
    m_preview->setDocument(document);
    m_previewSplitter = new QSplitter(Qt::Vertical);
    m_previewSplitter->addWidget(m_splitter);
    m_previewSplitter->addWidget(m_preview);
    m_previewSplitter->setStretchFactor(0, 3);
    m_previewSplitter->setStretchFactor(1, 2);
    connect(m_previewSplitter, &QSplitter::splitterMoved, this,
            [this] { m_previewShareKept = false; });
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_previewSplitter);

    connect(document, &SchemaDocument::currentChanged, this,
            &DesignerPage::syncSelectionFromDocument);
    connect(document, &SchemaDocument::documentReset, m_tree, &QTreeView::expandAll);
    connect(m_model, &QAbstractItemModel::rowsInserted, m_tree, [this](const QModelIndex &parent) {
        if (!parent.isValid())
            m_tree->expandAll();
    });
    connect(m_tree->selectionModel(), &QItemSelectionModel::currentChanged, this,
            &DesignerPage::syncDocumentFromSelection);
    connect(m_preview, &PreviewPanel::problemActivated, this, &DesignerPage::revealProblem);
    m_tree->expandAll();
    syncSelectionFromDocument();
}

QWidget *DesignerPage::createTreePane()
{
    m_filter = new QLineEdit;
    m_filter->setPlaceholderText(tr("Filter tables and columns"));
    m_filter->setClearButtonEnabled(true);
    m_filter->setAccessibleName(tr("Filter schema"));
    connect(m_filter, &QLineEdit::textChanged, m_proxy, [this](const QString &text) {
        m_proxy->setFilterFixedString(text);
        m_tree->expandAll();
    });
    m_tree = new QTreeView;
    m_tree->setModel(m_proxy);
    m_tree->setAccessibleName(tr("Schema tree"));
    m_tree->setDragDropMode(QAbstractItemView::InternalMove);
    m_tree->setDefaultDropAction(Qt::MoveAction);
    m_tree->setDragEnabled(true);
    m_tree->setAcceptDrops(true);
    m_tree->setDropIndicatorShown(true);
    m_tree->setAlternatingRowColors(true);
    m_tree->setUniformRowHeights(true);
    m_tree->setEditTriggers(QAbstractItemView::EditKeyPressed | QAbstractItemView::SelectedClicked);
    m_tree->header()->setSectionResizeMode(SchemaTreeModel::NameColumn, QHeaderView::Stretch);
    m_tree->header()->setSectionResizeMode(SchemaTreeModel::TypeColumn,
                                           QHeaderView::ResizeToContents);
    m_tree->header()->setSectionResizeMode(SchemaTreeModel::GeneratorColumn,
                                           QHeaderView::ResizeToContents);
    m_tree->header()->setStretchLastSection(false);
    m_tree->setContextMenuPolicy(Qt::ActionsContextMenu);
    m_tree->addActions({m_addTable, m_addColumn, m_duplicate, m_delete});

    auto *bar = new QToolBar;
    bar->setIconSize(QSize(16, 16));
    bar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    bar->addActions({m_addTable, m_addColumn});
    bar->addSeparator();
    bar->addActions({m_duplicate, m_delete});
    bar->setAccessibleName(tr("Schema actions"));

    auto *pane = new QWidget;
    auto *layout = new QVBoxLayout(pane);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addWidget(bar);
    layout->addWidget(m_filter);
    layout->addWidget(m_tree);
    return pane;
}

void DesignerPage::createActions()
{
    m_addTable = new QAction(Icons::addTable(), tr("Add &Table"), this);
    m_addTable->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_T));
    m_addTable->setToolTip(tr("Add a table after the current one"));
    m_addColumn = new QAction(Icons::addColumn(), tr("Add &Column"), this);
    m_addColumn->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_N));
    m_addColumn->setToolTip(tr("Add a column after the current one"));
    m_duplicate = new QAction(Icons::duplicate(), tr("D&uplicate"), this);
    m_duplicate->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_D));
    m_duplicate->setToolTip(tr("Duplicate the current table or column"));
    m_delete = new QAction(Icons::remove(), tr("&Delete"), this);
    m_delete->setShortcut(QKeySequence::Delete);
    m_delete->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    m_delete->setToolTip(tr("Delete the current table or column"));
    connect(m_addTable, &QAction::triggered, this, &DesignerPage::addTable);
    connect(m_addColumn, &QAction::triggered, this, &DesignerPage::addColumn);
    connect(m_duplicate, &QAction::triggered, this, &DesignerPage::duplicateCurrent);
    connect(m_delete, &QAction::triggered, this, &DesignerPage::deleteCurrent);
}

void DesignerPage::syncSelectionFromDocument()
{
    const int table = m_document->currentTable();
    const int column = m_document->currentColumn();
    m_inspectors->setCurrentIndex(column >= 0 ? 1 : 0);
    m_addColumn->setEnabled(table >= 0);
    m_duplicate->setEnabled(table >= 0);
    m_delete->setEnabled(table >= 0);
    if (table < 0)
        return;
    const QModelIndex source =
        column >= 0 ? m_model->columnIndex(table, column) : m_model->tableIndex(table);
    const QModelIndex index = m_proxy->mapFromSource(source);
    if (index.isValid() && m_tree->currentIndex().siblingAtColumn(0) != index) {
        m_tree->selectionModel()->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect |
                                                             QItemSelectionModel::Rows);
        m_tree->scrollTo(index);
    }
}

void DesignerPage::syncDocumentFromSelection()
{
    const QModelIndex index = m_proxy->mapToSource(m_tree->currentIndex());
    if (!index.isValid())
        return;
    m_document->setCurrent(index.data(SchemaTreeModel::TableIndexRole).toInt(),
                           index.data(SchemaTreeModel::ColumnIndexRole).toInt());
}

void DesignerPage::revealProblem(const QString &jsonPath)
{
    const ProblemPlace place = ProblemPlace::locate(m_document->schema(), jsonPath);
    if (place.table < 0)
        return;
    const QModelIndex source = place.column >= 0 ? m_model->columnIndex(place.table, place.column)
                                                 : m_model->tableIndex(place.table);
    if (!m_proxy->mapFromSource(source).isValid())
        m_filter->clear(); // the filter hides the item
    m_document->setCurrent(place.table, place.column);
    syncSelectionFromDocument();
    QWidget *editor = place.column >= 0 ? m_columnInspector->editorFor(place.rest)
                                        : m_tableInspector->editorFor(place.rest);
    if (!editor || !editor->isVisibleTo(m_inspectors)) {
        m_tree->setFocus(Qt::OtherFocusReason);
        return;
    }
    m_inspectorScroll->ensureWidgetVisible(editor);
    editor->setFocus(Qt::OtherFocusReason);
}

void DesignerPage::addTable()
{
    const int at = m_document->currentTable() + 1;
    m_document->insertTable(at, m_document->newTableSpec());
    m_document->setCurrent(at, -1);
}

void DesignerPage::addColumn()
{
    const int table = m_document->currentTable();
    if (table < 0)
        return;
    const int column = m_document->currentColumn();
    const int at =
        column >= 0 ? column + 1 : int(m_document->schema().tables[table].columns.size());
    m_document->insertColumn(table, at, m_document->newColumnSpec(table));
    m_document->setCurrent(table, at);
    m_columnInspector->nameEdit()->setFocus();
    m_columnInspector->nameEdit()->selectAll();
}

void DesignerPage::duplicateCurrent()
{
    const int table = m_document->currentTable();
    const int column = m_document->currentColumn();
    if (table < 0)
        return;
    if (column >= 0) {
        ColumnSpec copy = m_document->schema().tables[table].columns[column];
        const QString base = copy.name;
        copy.name = base + QStringLiteral("_copy");
        for (int i = 2; m_document->schema().tables[table].columnIndex(copy.name) >= 0; ++i)
            copy.name = base + QStringLiteral("_copy") + QString::number(i);
        copy.primaryKey = false;
        m_document->insertColumn(table, column + 1, copy);
        m_document->setCurrent(table, column + 1);
    } else {
        TableSpec copy = m_document->schema().tables[table];
        const QString base = copy.name + QStringLiteral("_copy");
        copy.name = base;
        for (int i = 2; m_document->schema().tableIndex(copy.name) >= 0; ++i)
            copy.name = base + QString::number(i);
        m_document->insertTable(table + 1, copy);
        m_document->setCurrent(table + 1, -1);
    }
}

void DesignerPage::deleteCurrent()
{
    const int table = m_document->currentTable();
    const int column = m_document->currentColumn();
    if (column >= 0)
        m_document->removeColumn(table, column);
    else if (table >= 0)
        m_document->removeTable(table);
}

void DesignerPage::saveState() const
{
    Settings::designerSplitter.set(m_splitter->saveState());
    // A split the user never dragged stays proportional next time too.
    Settings::designerPreviewSplitter.set(m_previewShareKept ? QByteArray()
                                                             : m_previewSplitter->saveState());
}

void DesignerPage::restoreState()
{
    const QByteArray split = Settings::designerSplitter.value();
    if (!split.isEmpty())
        m_splitter->restoreState(split);
    const QByteArray preview = Settings::designerPreviewSplitter.value();
    if (!preview.isEmpty())
        m_previewShareKept = !m_previewSplitter->restoreState(preview);
}

void DesignerPage::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    if (!m_previewShareKept)
        return;
    // The preview's table and chart get 45%: a tall window shows them tall, not the inspector's
    // empty space.
    const int height = m_previewSplitter->height() - m_previewSplitter->handleWidth();
    const int preview = height * 45 / 100;
    m_previewSplitter->setSizes({height - preview, preview});
}

} // namespace spillway
