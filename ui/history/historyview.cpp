#include "history/historyview.h"

#include "history/compareview.h"
#include "history/htmlreport.h"
#include "history/runlistmodel.h"
#include "history/runstore.h"
#include "history/runview.h"

#include <QAction>
#include <QDir>
#include <QEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QFileSystemWatcher>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QSaveFile>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QStyle>
#include <QTableView>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>

namespace spillway {

namespace {
constexpr int kDetailWidth = 640; // the comparison's summary and settings side by side
} // namespace

HistoryView::HistoryView(QWidget *parent)
    : QWidget(parent)
    , m_model(new RunListModel(this))
    , m_proxy(new QSortFilterProxyModel(this))
    , m_filter(new QLineEdit)
    , m_list(new QTableView)
    , m_status(new QLabel)
    , m_stack(new QStackedWidget)
    , m_placeholder(new QLabel)
    , m_runView(new RunView)
    , m_compareView(new CompareView)
    , m_watcher(new QFileSystemWatcher(this))
    , m_reloadTimer(new QTimer(this))
{
    setAccessibleName(tr("Run history"));
    createActions();
    m_placeholder->setText(tr("Open a run to see its charts and result; select two runs "
                              "(Ctrl+click) to compare them."));
    m_placeholder->setAlignment(Qt::AlignCenter);
    m_placeholder->setWordWrap(true);
    m_placeholder->setEnabled(false); // drawn in the palette's disabled (dimmed) text color
    m_stack->addWidget(m_placeholder);
    m_stack->addWidget(m_runView);
    m_stack->addWidget(m_compareView);
    m_runView->setObjectName(QStringLiteral("runView"));
    m_compareView->setObjectName(QStringLiteral("compareView"));

    m_split = new QSplitter(Qt::Horizontal);
    m_split->addWidget(createListPane());
    m_split->addWidget(m_stack);
    m_split->setStretchFactor(0, 2);
    m_split->setStretchFactor(1, 3);
    m_split->setSizes({560, 840});
    connect(m_split, &QSplitter::splitterMoved, this, [this] { m_splitDragged = true; });
    m_split->installEventFilter(this);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_split);

    // RunStore saves through QSaveFile (a temporary file, then a rename): wait for the burst
    // of changes to settle before reading the folder again.
    m_reloadTimer->setSingleShot(true);
    m_reloadTimer->setInterval(250);
    connect(m_reloadTimer, &QTimer::timeout, this, &HistoryView::refresh);
    connect(m_watcher, &QFileSystemWatcher::directoryChanged, m_reloadTimer,
            qOverload<>(&QTimer::start));
    setRunsDir({});
}

void HistoryView::createActions()
{
    m_refreshAction = new QAction(tr("&Refresh"), this);
    m_refreshAction->setShortcut(QKeySequence::Refresh);
    m_refreshAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    m_refreshAction->setToolTip(
        tr("Read the runs folder again (%1)")
            .arg(QKeySequence(QKeySequence::Refresh).toString(QKeySequence::NativeText)));
    connect(m_refreshAction, &QAction::triggered, this, &HistoryView::refresh);
    m_exportAction = new QAction(tr("&Export Report\u2026"), this);
    m_exportAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_E));
    m_exportAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    m_exportAction->setToolTip(tr("Save the selected run, or the two selected runs compared, "
                                  "as an HTML report (Ctrl+E)"));
    m_exportAction->setEnabled(false);
    connect(m_exportAction, &QAction::triggered, this, &HistoryView::chooseAndExport);
    auto *findAction = new QAction(tr("Filter runs"), this);
    findAction->setShortcut(QKeySequence::Find);
    findAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(findAction, &QAction::triggered, m_filter, [this]() {
        m_filter->setFocus(Qt::ShortcutFocusReason);
        m_filter->selectAll();
    });
    addActions({m_refreshAction, m_exportAction, findAction});
}

QWidget *HistoryView::createListPane()
{
    m_filter->setPlaceholderText(tr("Filter runs (Ctrl+F): id, kind, status, schema\u2026"));
    m_filter->setClearButtonEnabled(true);
    m_filter->setObjectName(QStringLiteral("runFilter"));
    m_filter->setAccessibleName(tr("Filter runs"));
    m_proxy->setSourceModel(m_model);
    m_proxy->setSortRole(RunListModel::SortRole);
    m_proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_proxy->setFilterKeyColumn(-1);
    connect(m_filter, &QLineEdit::textChanged, m_proxy,
            &QSortFilterProxyModel::setFilterFixedString);

    m_list->setModel(m_proxy);
    m_list->setObjectName(QStringLiteral("runList"));
    m_list->setAccessibleName(tr("Recorded runs"));
    m_list->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_list->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_list->setSortingEnabled(true);
    m_list->sortByColumn(RunListModel::Date, Qt::DescendingOrder); // newest first
    m_list->verticalHeader()->hide();
    m_list->horizontalHeader()->setStretchLastSection(true);
    m_list->setWordWrap(false);
    m_list->setAlternatingRowColors(true);
    m_list->verticalHeader()->setDefaultSectionSize(m_list->fontMetrics().height() + 8);
    connect(m_list->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &HistoryView::showSelection);
    m_status->setAccessibleName(tr("Runs folder"));
    m_status->setTextFormat(Qt::PlainText);
    m_status->setWordWrap(true);

    auto *refresh = new QToolButton;
    refresh->setDefaultAction(m_refreshAction);
    auto *exportButton = new QToolButton;
    exportButton->setDefaultAction(m_exportAction);
    auto *top = new QHBoxLayout;
    top->addWidget(m_filter, 1);
    top->addWidget(refresh);
    top->addWidget(exportButton);
    auto *pane = new QWidget;
    auto *layout = new QVBoxLayout(pane);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(top);
    layout->addWidget(m_list, 1);
    layout->addWidget(m_status);
    return pane;
}

void HistoryView::setRunsDir(const QString &dir)
{
    m_dir = RunStore(dir).directory();
    refresh();
}

QString HistoryView::runsDir() const
{
    return m_dir;
}

void HistoryView::refresh()
{
    const QStringList selected = selectedRunIds();
    QStringList problems;
    const QList<RunRecord> records = RunStore(m_dir).list(&problems);
    m_model->setRecords(records);
    m_list->resizeColumnsToContents();
    fitListPane();
    QString status =
        tr("%n run(s) in %1", nullptr, int(records.size())).arg(QDir::toNativeSeparators(m_dir));
    if (!problems.isEmpty())
        status += QLatin1Char('\n') +
                  tr("%n file(s) could not be read: %1", nullptr, int(problems.size()))
                      .arg(problems.join(QStringLiteral("; ")));
    m_status->setText(status);
    watchFolder();
    m_reloaded = true; // the records may have changed (a verify result attached): show again
    selectRuns(selected);
    m_reloaded = false;
    emit runsReloaded(int(records.size()));
}

bool HistoryView::eventFilter(QObject *watched, QEvent *event)
{
    // Before the splitter spreads a new width by its stretch factors.
    if (watched == m_split && event->type() == QEvent::Resize)
        fitListPane();
    return QWidget::eventFilter(watched, event);
}

// The list as wide as its columns while the run or comparison beside keeps kDetailWidth (every
// column in view at 1600 pixels; at 1024 the comparison's tables come first).
void HistoryView::fitListPane()
{
    const int total = m_split->width() - m_split->handleWidth();
    if (m_splitDragged || total <= 0)
        return;
    // Frame, a vertical scroll bar and a little slack: per-item scrolling shows a horizontal
    // bar for a single pixel too many.
    int needed = 2 * m_list->frameWidth() + 2 * m_list->fontMetrics().averageCharWidth() +
                 m_list->style()->pixelMetric(QStyle::PM_ScrollBarExtent, nullptr, m_list);
    // The columns as resizeColumnsToContents() made them; the last one stretches, so its hint.
    const QHeaderView *header = m_list->horizontalHeader();
    const int last = m_proxy->columnCount() - 1;
    for (int c = 0; c < last; ++c)
        needed += header->sectionSize(c);
    needed += std::max(header->sectionSizeHint(last),
                       static_cast<QAbstractItemView *>(m_list)->sizeHintForColumn(last));
    const int list = std::min(needed, std::max(total * 35 / 100, total - kDetailWidth));
    m_split->setSizes({list, total - list});
}

// Watches the runs folder, or while it does not exist yet the nearest folder above it, so
// that the first run saved shows up too.
void HistoryView::watchFolder()
{
    if (!m_watcher->directories().isEmpty())
        m_watcher->removePaths(m_watcher->directories());
    QString path = QDir(m_dir).absolutePath();
    while (!QFileInfo(path).isDir() && !QDir(path).isRoot())
        path = QFileInfo(path).path(); // cdUp() refuses to climb from a missing folder
    if (QFileInfo(path).isDir())
        m_watcher->addPath(path);
}

void HistoryView::selectRuns(const QStringList &ids)
{
    QItemSelection selection;
    for (const QString &id : ids) {
        const int row = m_model->rowOf(id);
        if (row < 0)
            continue;
        const QModelIndex index = m_proxy->mapFromSource(m_model->index(row, 0));
        if (index.isValid())
            selection.select(index, index.siblingAtColumn(RunListModel::ColumnCount - 1));
    }
    m_list->selectionModel()->select(selection, QItemSelectionModel::ClearAndSelect);
    if (!selection.isEmpty())
        m_list->scrollTo(selection.indexes().first());
    showSelection();
}

QList<const RunRecord *> HistoryView::selectedRecords() const
{
    QList<const RunRecord *> out;
    const QModelIndexList rows = m_list->selectionModel()->selectedRows();
    for (const QModelIndex &index : rows) {
        if (const RunRecord *r = m_model->record(m_proxy->mapToSource(index).row()))
            out.append(r);
    }
    std::sort(out.begin(), out.end(), [](const RunRecord *a, const RunRecord *b) {
        return a->started != b->started ? a->started < b->started : a->id < b->id;
    });
    return out;
}

QStringList HistoryView::selectedRunIds() const
{
    QStringList ids;
    for (const RunRecord *r : selectedRecords())
        ids.append(r->id);
    return ids;
}

void HistoryView::showSelection()
{
    const QList<const RunRecord *> runs = selectedRecords();
    if (runs.size() == 1) {
        if (m_reloaded || m_runView->run().id != runs[0]->id ||
            m_stack->currentWidget() != m_runView)
            m_runView->setRun(*runs[0]);
        m_stack->setCurrentWidget(m_runView);
    } else if (runs.size() == 2) {
        m_compareView->setRuns(*runs[0], *runs[1]);
        m_stack->setCurrentWidget(m_compareView);
    } else {
        m_placeholder->setText(runs.isEmpty()
                                   ? tr("Open a run to see its charts and result; select two "
                                        "runs (Ctrl+click) to compare them.")
                                   : tr("%n runs selected: select one to open it, or two to "
                                        "compare them.",
                                        nullptr, int(runs.size())));
        m_stack->setCurrentWidget(m_placeholder);
    }
    m_exportAction->setEnabled(runs.size() == 1 || runs.size() == 2);
    emit selectedRunsChanged(selectedRunIds());
}

QString HistoryView::exportReport(const QString &fileName) const
{
    const QList<const RunRecord *> runs = selectedRecords();
    if (runs.isEmpty() || runs.size() > 2)
        return tr("Select one run, or two to compare, before exporting a report.");
    const QString html = runs.size() == 1 ? HtmlReport::forRun(*runs[0])
                                          : HtmlReport::forComparison(*runs[0], *runs[1]);
    QSaveFile file(fileName);
    if (!file.open(QIODevice::WriteOnly) || file.write(html.toUtf8()) < 0 || !file.commit())
        return tr("Could not write the report to %1: %2. Choose another folder or file name.")
            .arg(QDir::toNativeSeparators(fileName), file.errorString());
    return {};
}

void HistoryView::chooseAndExport()
{
    const QStringList ids = selectedRunIds();
    if (ids.isEmpty() || ids.size() > 2)
        return;
    if (m_lastExportDir.isEmpty())
        m_lastExportDir = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    const QString name = ids.join(QStringLiteral("-vs-")) + QStringLiteral(".html");
    const QString fileName = QFileDialog::getSaveFileName(this, tr("Export Report"),
                                                          QDir(m_lastExportDir).filePath(name),
                                                          tr("HTML report (*.html)"));
    if (fileName.isEmpty())
        return;
    m_lastExportDir = QFileInfo(fileName).absolutePath();
    if (const QString error = exportReport(fileName); !error.isEmpty())
        QMessageBox::warning(this, tr("Export Report"), error);
}

} // namespace spillway
