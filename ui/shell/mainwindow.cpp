#include "shell/mainwindow.h"

#include "design/designerpage.h"
#include "design/schemadocument.h"
#include "history/historyview.h"
#include "run/dashboard.h"
#include "run/runcontroller.h"
#include "run/runpanel.h"
#include "shell/filecontroller.h"
#include "shell/icons.h"
#include "shell/palettes.h"
#include "shell/settings.h"
#include "shell/startpage.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QCloseEvent>
#include <QDir>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QScreen>
#include <QScrollArea>
#include <QSplitter>
#include <QStatusBar>
#include <QStyle>
#include <QTabWidget>
#include <QTimer>
#include <QToolBar>
#include <QUndoStack>

namespace spillway {

namespace {

// A page whose minimum size is larger than the window (a 1024x640 screen, a long status line)
// scrolls inside its tab instead of forcing the whole window past the screen's edge.
QWidget *scrollable(QWidget *page)
{
    auto *scroll = new QScrollArea;
    scroll->setWidget(page);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    return scroll;
}

} // namespace

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent)
    , m_document(new SchemaDocument(this))
    , m_files(new FileController(m_document, this))
    , m_pages(new QTabWidget(this))
    , m_designer(new DesignerPage(m_document))
    , m_runController(new RunController(this))
    , m_history(new HistoryView)
{
    setWindowIcon(Icons::app());
    setAcceptDrops(true);
    m_runController->setDocument(m_document);
    m_pages->setDocumentMode(true);
    createStartPage();
    m_pages->addTab(m_start, Icons::app(), tr("S&tart"));
    m_pages->addTab(scrollable(m_designer), Icons::table(), tr("&Design"));
    m_pages->addTab(scrollable(createRunPage()), Icons::run(), tr("&Run"));
    m_pages->addTab(scrollable(m_history), Icons::theme(QStringLiteral("document-open-recent")),
                    tr("&History"));
    m_pages->setAccessibleName(tr("Pages"));
    setCentralWidget(m_pages);
    createMenus();
    connect(m_pages, &QTabWidget::currentChanged, this, [this](int page) {
        if (page == HistoryPage)
            m_history->refresh();
    });
    connect(m_runController, &RunController::runFinished, m_history, &HistoryView::refresh);
    connect(m_document, &SchemaDocument::fileNameChanged, this, &MainWindow::updateTitle);
    connect(m_document, &SchemaDocument::modifiedChanged, this, &MainWindow::updateTitle);
    connect(m_document, &SchemaDocument::schemaChanged, this, &MainWindow::updateTitle);
    connect(m_document, &SchemaDocument::diagnosticsChanged, this, [this] {
        const qsizetype n = m_document->diagnostics().size();
        statusBar()->showMessage(n == 0 ? tr("Schema is valid")
                                        : tr("%n problem(s) in the schema", nullptr, int(n)));
    });
    updateTitle();
    restoreLayout();
}

MainWindow::~MainWindow() = default;

QWidget *MainWindow::createRunPage()
{
    m_runPanel = new RunPanel(m_runController);
    m_runPanel->setProfiles(ConnectionProfile::listFromJson(Settings::connectionProfiles.value()));
    connect(m_runPanel, &RunPanel::profilesChanged, this,
            [](const QList<ConnectionProfile> &profiles) {
                Settings::connectionProfiles.set(ConnectionProfile::listToJson(profiles));
            });
    // "Show problem" beside a disabled Run selects the problem's table or column in the designer.
    connect(m_runPanel, &RunPanel::problemActivated, this, [this](const QString &jsonPath) {
        showPage(DesignPage);
        m_designer->revealProblem(jsonPath);
    });
    m_dashboard = new Dashboard;
    m_dashboard->setController(m_runController);
    auto *scroll = new QScrollArea;
    scroll->setWidget(m_runPanel);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    // The settings are a form: never narrower than its labels and fields need; a quarter of the
    // width at first, so the dashboard keeps most of a 1024-pixel window.
    scroll->setMinimumWidth(m_runPanel->minimumSizeHint().width() +
                            scroll->style()->pixelMetric(QStyle::PM_ScrollBarExtent) + 4);
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    auto *split = new QSplitter(Qt::Horizontal);
    split->addWidget(scroll);
    split->addWidget(m_dashboard);
    split->setStretchFactor(0, 1);
    split->setStretchFactor(1, 3);
    split->setSizes({scroll->minimumWidth(), 3 * scroll->minimumWidth()});
    return split;
}

void MainWindow::createStartPage()
{
    m_start = new StartPage(FileController::examples());
    connect(m_files, &FileController::recentFilesChanged, m_start, &StartPage::refreshRecent);
    connect(m_start, &StartPage::recentFileRemoveRequested, m_files, &FileController::removeRecent);
    const auto thenDesign = [this](bool opened) {
        if (opened)
            showPage(DesignPage);
    };
    connect(m_start, &StartPage::newRequested, this,
            [this, thenDesign] { thenDesign(m_files->newBlank()); });
    connect(m_start, &StartPage::openRequested, this,
            [this, thenDesign] { thenDesign(m_files->chooseAndOpen()); });
    connect(m_start, &StartPage::recentFileRequested, this,
            [this, thenDesign](const QString &file) { thenDesign(m_files->open(file)); });
    connect(m_start, &StartPage::exampleOpenRequested, this,
            [this, thenDesign](const QString &name) { thenDesign(m_files->openExample(name)); });
    connect(m_start, &StartPage::exampleGenerateRequested, this,
            &MainWindow::chooseFolderAndGenerate);
    connect(m_start, &StartPage::exampleLoadRequested, this, &MainWindow::loadExample);
}

void MainWindow::chooseFolderAndGenerate(const QString &name)
{
    QString suggestion = m_runPanel->settings().directory;
    if (suggestion.isEmpty())
        suggestion = Settings::lastDirectory.value();
    const QString directory = QFileDialog::getExistingDirectory(
        this, tr("Generate “%1” into Folder").arg(name), suggestion);
    if (!directory.isEmpty())
        generateExample(name, directory);
}

bool MainWindow::generateExample(const QString &name, const QString &directory)
{
    return runExample(name, RunTarget::Files, directory);
}

bool MainWindow::loadExample(const QString &name)
{
    return runExample(name, RunTarget::LocalServer, QString());
}

bool MainWindow::runExample(const QString &name, RunTarget target, const QString &directory)
{
    if (m_runController->isActive()) {
        showPage(RunPage);
        statusBar()->showMessage(
            tr("A run is in progress: cancel it or wait for it to finish first."), 8000);
        return false;
    }
    if (!m_files->openExample(name))
        return false;
    RunSettings settings = m_runPanel->settings(); // rows, workers, mode... as the user left them
    settings.target = target;
    if (target == RunTarget::Files)
        settings.directory = directory;
    m_runPanel->setSettings(settings);
    showPage(RunPage);
    m_runPanel->run();
    return m_runController->isActive();
}

QAction *MainWindow::runAction() const
{
    return m_runPanel->runAction();
}

void MainWindow::createMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    file->addActions({m_files->newAction(), m_files->newFromExampleAction(),
                      m_files->newFromDatabaseAction(), m_files->importDdlAction(),
                      m_files->openAction()});
    file->addMenu(m_files->recentMenu());
    QAction *start = file->addAction(Icons::app(), tr("Start &Page"));
    start->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_H));
    connect(start, &QAction::triggered, this, [this] { showPage(HomePage); });
    file->addSeparator();
    file->addActions({m_files->saveAction(), m_files->saveAsAction()});
    file->addSeparator();
    QAction *quit = file->addAction(Icons::theme(QStringLiteral("application-exit")), tr("&Quit"));
    quit->setShortcut(QKeySequence::Quit);
    quit->setMenuRole(QAction::QuitRole);
    connect(quit, &QAction::triggered, this, &QWidget::close);

    QMenu *edit = menuBar()->addMenu(tr("&Edit"));
    QAction *undo = m_document->undoStack()->createUndoAction(this, tr("&Undo"));
    undo->setShortcut(QKeySequence::Undo);
    undo->setIcon(Icons::theme(QStringLiteral("edit-undo")));
    QAction *redo = m_document->undoStack()->createRedoAction(this, tr("&Redo"));
    redo->setShortcut(QKeySequence::Redo);
    redo->setIcon(Icons::theme(QStringLiteral("edit-redo")));
    edit->addActions({undo, redo});

    QMenu *schema = menuBar()->addMenu(tr("&Schema"));
    schema->addActions({m_designer->addTableAction(), m_designer->addColumnAction(),
                        m_designer->duplicateAction(), m_designer->deleteAction()});

    QMenu *run = menuBar()->addMenu(tr("&Run"));
    QAction *runNow = runAction();
    runNow->setIcon(Icons::run());
    run->addAction(runNow);
    connect(runNow, &QAction::triggered, this, [this] { showPage(RunPage); });

    createViewMenu();

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    connect(help->addAction(tr("&About Spillway")), &QAction::triggered, this, [this] {
        QMessageBox::about(
            this, tr("About Spillway"),
            tr("<b>Spillway %1</b><p>A workbench for load-testing data ingestion into "
               "PostgreSQL.</p>")
                .arg(QApplication::applicationVersion()));
    });

    QToolBar *bar = addToolBar(tr("Main"));
    bar->setObjectName(QStringLiteral("mainToolBar"));
    bar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    bar->addActions({m_files->newAction(), m_files->openAction(), m_files->saveAction()});
    bar->addSeparator();
    bar->addActions({undo, redo});
    bar->addSeparator();
    bar->addAction(runNow);
}

void MainWindow::createViewMenu()
{
    QMenu *view = menuBar()->addMenu(tr("&View"));
    const QStringList names = {tr("&Start Page"), tr("&Design"), tr("&Run"), tr("&History")};
    for (int page = 0; page < names.size(); ++page) {
        QAction *show = view->addAction(names.at(page));
        show->setShortcut(QKeySequence(Qt::ALT | Qt::Key(Qt::Key_1 + page)));
        connect(show, &QAction::triggered, this, [this, page] { showPage(Page(page)); });
    }
    view->addSeparator();
    QMenu *themes = view->addMenu(tr("&Theme"));
    m_themes = new QActionGroup(this);
    const QList<std::pair<Theme, QString>> choices = {
        {Theme::System, tr("&System")}, {Theme::Light, tr("&Light")}, {Theme::Dark, tr("&Dark")}};
    for (const auto &[theme, text] : choices) {
        QAction *action = themes->addAction(text);
        action->setCheckable(true);
        action->setChecked(theme == currentTheme());
        action->setData(themeName(theme));
        m_themes->addAction(action);
        connect(action, &QAction::triggered, this, [this, theme = theme] { setTheme(theme); });
    }
}

void MainWindow::setTheme(Theme theme)
{
    applyTheme(theme);
    Settings::theme.set(themeName(theme));
    const QList<QAction *> actions = m_themes->actions();
    for (QAction *action : actions)
        action->setChecked(action->data().toString() == themeName(theme));
}

void MainWindow::showPage(Page page)
{
    m_pages->setCurrentIndex(page);
}

MainWindow::Page MainWindow::currentPage() const
{
    return Page(m_pages->currentIndex());
}

void MainWindow::updateTitle()
{
    setWindowTitle(m_document->displayName() + QStringLiteral("[*]"));
    setWindowModified(m_document->isModified());
    setWindowFilePath(m_document->fileName());
}

void MainWindow::restoreLayout()
{
    const QByteArray geometry = Settings::windowGeometry.value();
    if (geometry.isEmpty() || !restoreGeometry(geometry)) // first start: fit a small screen too
        resize(QSize(1280, 820).boundedTo(screen()->availableGeometry().size() * 0.95));
    restoreState(Settings::windowState.value());
    m_designer->restoreState();
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    if (!m_files->maybeSave()) {
        event->ignore();
        return;
    }
    Settings::windowGeometry.set(saveGeometry());
    Settings::windowState.set(saveState());
    m_designer->saveState();
    event->accept();
}

void MainWindow::dragEnterEvent(QDragEnterEvent *event)
{
    const QList<QUrl> urls = event->mimeData()->urls();
    if (urls.size() == 1 && urls.first().isLocalFile())
        event->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent *event)
{
    const QList<QUrl> urls = event->mimeData()->urls();
    if (urls.size() != 1 || !urls.first().isLocalFile())
        return;
    event->acceptProposedAction();
    const QString file = urls.first().toLocalFile();
    // Opened after the drop returns, so a dialog does not block the drag source.
    QMetaObject::invokeMethod(
        this,
        [this, file] {
            if (m_files->open(file))
                showPage(DesignPage);
        },
        Qt::QueuedConnection);
}

} // namespace spillway
