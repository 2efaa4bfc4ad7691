// The start page: it lists every bundled example and the recent files (a missing one greyed and
// removable); its buttons open the example, a recent file or a new schema on the Design page, and
// "Generate Files…" really writes the example's files from the Run page. The themes: the dark
// palette is complete and applying a theme can be undone.

#include "design/schemadocument.h"
#include "run/dashboard.h"
#include "run/runcontroller.h"
#include "run/runpanel.h"
#include "shell/filecontroller.h"
#include "shell/mainwindow.h"
#include "shell/palettes.h"
#include "shell/settings.h"
#include "shell/startpage.h"

#include <QAction>
#include <QApplication>
#include <QDir>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QScrollArea>
#include <QSignalSpy>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QStyle>
#include <QTemporaryDir>
#include <QTest>

using namespace spillway;

class TestStartPage : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void listsEveryExample();
    void listsRecentFiles();
    void openExampleShowsDesigner();
    void newEmptySchemaShowsDesigner();
    void recentFileOpensByClickAndKey();
    void missingRecentFileIsRemovable();
    void generateFilesRunsFromRunPage();
    void fitsSmallScreen();
    void darkPaletteIsComplete();
    void themesApplyAndRestore();
    void themeMenuIsRemembered();
    void errorTextFollowsTheme();

private:
    QString saveExample(const QString &name);
    QTemporaryDir m_dir;
};

void TestStartPage::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true); // QSettings in a test folder, not the user's
    QCoreApplication::setOrganizationName(QStringLiteral("spillway-tests"));
    QCoreApplication::setApplicationName(QStringLiteral("test_startpage"));
    QVERIFY(m_dir.isValid());
}

void TestStartPage::init()
{
    QSettings().clear();
}

QString TestStartPage::saveExample(const QString &name)
{
    SchemaDocument doc;
    if (!doc.newFromExample(name).isEmpty())
        return {};
    const QString file = m_dir.filePath(name + QStringLiteral(".json"));
    return doc.save(file).isEmpty() ? file : QString();
}

void TestStartPage::listsEveryExample()
{
    MainWindow window;
    QCOMPARE(window.currentPage(), MainWindow::HomePage); // what a plain start shows
    const QStringList names = SchemaDocument::exampleNames();
    QVERIFY(names.size() >= 5);
    QCOMPARE(window.startPage()->exampleNames(), names);
    for (const QString &name : names) {
        for (const char *action : {"open", "generate", "load"})
            QVERIFY2(window.startPage()->exampleButton(name, QLatin1String(action)),
                     qPrintable(name + QLatin1Char('/') + QLatin1String(action)));
    }
    const QList<ExampleSummary> examples = FileController::examples();
    QCOMPARE(examples.size(), names.size());
    for (const ExampleSummary &example : examples) {
        QVERIFY2(!example.description.isEmpty(), qPrintable(example.name));
        QVERIFY(example.tables > 0 && example.columns >= example.tables);
    }
}

void TestStartPage::listsRecentFiles()
{
    const QString iot = saveExample(QStringLiteral("iot"));
    const QString missing = m_dir.filePath(QStringLiteral("gone.json"));
    Settings::recentFiles.set({iot, missing});
    MainWindow window;
    QListWidget *list = window.startPage()->recentList();
    QCOMPARE(list->count(), 2);
    QVERIFY(list->item(0)->text().startsWith(QStringLiteral("iot.json")));
    const QColor grey = list->palette().color(QPalette::Disabled, QPalette::Text);
    QCOMPARE(list->item(1)->foreground().color(), grey);
    QVERIFY(list->item(0)->foreground().color() != grey);

    // Saving elsewhere puts the file on top, at once.
    window.files()->open(saveExample(QStringLiteral("wide")));
    QCOMPARE(list->count(), 3);
    QVERIFY(list->item(0)->text().startsWith(QStringLiteral("wide.json")));
}

void TestStartPage::openExampleShowsDesigner()
{
    MainWindow window;
    QPushButton *open =
        window.startPage()->exampleButton(QStringLiteral("iot"), QStringLiteral("open"));
    QVERIFY(open);
    QTest::mouseClick(open, Qt::LeftButton);
    QCOMPARE(window.currentPage(), MainWindow::DesignPage);
    QCOMPARE(window.document()->schema().name, QStringLiteral("iot"));
    QVERIFY(!window.document()->isModified());
}

void TestStartPage::newEmptySchemaShowsDesigner()
{
    MainWindow window;
    window.files()->openExample(QStringLiteral("ecommerce"));
    window.showPage(MainWindow::HomePage);
    auto *newSchema = window.startPage()->findChild<QPushButton *>(QStringLiteral("newSchema"));
    QVERIFY(newSchema);
    newSchema->click();
    QCOMPARE(window.currentPage(), MainWindow::DesignPage);
    QCOMPARE(window.document()->schema().tables.size(), 1); // the blank one-table schema
}

void TestStartPage::recentFileOpensByClickAndKey()
{
    const QString iot = saveExample(QStringLiteral("iot"));
    const QString wide = saveExample(QStringLiteral("wide"));
    Settings::recentFiles.set({iot, wide});
    MainWindow window;
    window.resize(1024, 640);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QListWidget *list = window.startPage()->recentList();
    QTest::mouseClick(list->viewport(), Qt::LeftButton, {},
                      list->visualItemRect(list->item(1)).center());
    QCOMPARE(window.currentPage(), MainWindow::DesignPage);
    QCOMPARE(window.document()->fileName(), wide);

    window.showPage(MainWindow::HomePage);
    list->setFocus();
    list->setCurrentRow(1); // wide went on top when it was opened: iot is second now
    QVERIFY(list->currentItem()->text().startsWith(QStringLiteral("iot.json")));
    QTest::keyClick(list, Qt::Key_Return);
    QCOMPARE(window.currentPage(), MainWindow::DesignPage);
    QCOMPARE(window.document()->fileName(), iot);
}

void TestStartPage::missingRecentFileIsRemovable()
{
    const QString iot = saveExample(QStringLiteral("iot"));
    const QString missing = m_dir.filePath(QStringLiteral("gone.json"));
    Settings::recentFiles.set({missing, iot});
    MainWindow window;
    QListWidget *list = window.startPage()->recentList();
    list->setCurrentRow(0);
    QTest::keyClick(list, Qt::Key_Return); // a missing file does not open
    QCOMPARE(window.currentPage(), MainWindow::HomePage);
    QTest::keyClick(list, Qt::Key_Delete);
    QCOMPARE(Settings::recentFiles.value(), QStringList{iot});
    QCOMPARE(list->count(), 1);
}

void TestStartPage::generateFilesRunsFromRunPage()
{
    QTemporaryDir out;
    QVERIFY(out.isValid());
    MainWindow window;
    QSignalSpy finished(window.runController(), &RunController::runFinished);
    QVERIFY(window.generateExample(QStringLiteral("wide"), out.path()));
    QCOMPARE(window.currentPage(), MainWindow::RunPage);
    QCOMPARE(window.document()->schema().name, QStringLiteral("wide"));
    QCOMPARE(window.runPanel()->settings().target, RunTarget::Files);
    QCOMPARE(window.runPanel()->settings().directory, out.path());
    // A second click while it runs does not start another.
    QVERIFY(!window.generateExample(QStringLiteral("wide"), out.path()));
    QVERIFY(finished.wait(120000));
    QVERIFY(!QDir(out.path()).entryList(QDir::Files).isEmpty());
}

void TestStartPage::fitsSmallScreen()
{
    // Every page fits a 1024x640 window: what needs more scrolls inside its page.
    MainWindow window;
    window.files()->openExample(QStringLiteral("ecommerce"));
    // The dashboard as a run fills it: the longest status line and four tables' progress.
    RunSnapshot s;
    s.elapsedSeconds = 4.2;
    s.rowsDone = 417200;
    s.rowsTotal = 5106834;
    s.bytesDone = 95400000;
    s.rowsPerSecond = 1340000;
    s.meanRowsPerSecond = 99333;
    s.bytesPerSecond = 95400000;
    s.etaSeconds = 48;
    s.commitLatency = {40, 52.3, 95.1, 180.4, 190.0};
    s.hasServerSample = true;
    s.server = {4.2, 1200000, 80e6, 0, 50000000, 2};
    for (const char *table : {"customers", "products", "orders", "order_lines"})
        s.tables.append({QString::fromLatin1(table), 100000, 4000000, 269000000});
    s.workers = {WorkerState::Copying, WorkerState::Copying};
    window.findChild<Dashboard *>()->addSnapshot(s);
    window.resize(1024, 640);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    for (auto page : {MainWindow::HomePage, MainWindow::DesignPage, MainWindow::RunPage,
                      MainWindow::HistoryPage}) {
        window.showPage(page);
        QCoreApplication::processEvents();
        const QSize minimum = window.minimumSizeHint();
        QVERIFY2(minimum.width() <= 1024 && minimum.height() <= 640,
                 qPrintable(QStringLiteral("page %1 needs %2x%3")
                                .arg(page)
                                .arg(minimum.width())
                                .arg(minimum.height())));
        QCOMPARE(window.size(), QSize(1024, 640));
        // ... and none scrolls sideways at that width: its content fits the page's width.
        if (auto *scroll = qobject_cast<QScrollArea *>(
                window.centralWidget()->findChild<QStackedWidget *>()->currentWidget())) {
            const int needed = scroll->widget()->minimumSizeHint().width();
            QVERIFY2(needed <= scroll->viewport()->width(),
                     qPrintable(QStringLiteral("page %1 needs %2 px of %3")
                                    .arg(page)
                                    .arg(needed)
                                    .arg(scroll->viewport()->width())));
        }
    }
}

void TestStartPage::darkPaletteIsComplete()
{
    const QPalette dark = darkPalette();
    const QPalette::ColorGroup groups[] = {QPalette::Active, QPalette::Inactive,
                                           QPalette::Disabled};
    for (QPalette::ColorGroup group : groups) {
        QVERIFY(dark.color(group, QPalette::Window).lightness() < 100);
        QVERIFY(dark.color(group, QPalette::Base).lightness() < 100);
        QVERIFY(dark.color(group, QPalette::ToolTipBase).lightness() < 120);
        QVERIFY(dark.color(group, QPalette::ToolTipText).lightness() > 150);
        QVERIFY(dark.color(group, QPalette::Link).lightness() > 120);
    }
    QVERIFY(dark.color(QPalette::Active, QPalette::Text).lightness() > 180);
    QVERIFY(dark.color(QPalette::Disabled, QPalette::Text) !=
            dark.color(QPalette::Active, QPalette::Text));
    QVERIFY(dark.color(QPalette::Active, QPalette::HighlightedText).lightness() > 180);
}

void TestStartPage::themesApplyAndRestore()
{
    const QString startStyle = QApplication::style()->name();
    const QColor startWindow = QApplication::palette().color(QPalette::Window);
    for (const QString &name : themeNames()) {
        bool ok = false;
        QCOMPARE(themeName(themeFromName(name, &ok)), name);
        QVERIFY(ok);
    }
    bool ok = true;
    themeFromName(QStringLiteral("sepia"), &ok);
    QVERIFY(!ok);

    applyTheme(Theme::Dark);
    QCOMPARE(QApplication::style()->name(), QStringLiteral("fusion"));
    QCOMPARE(QApplication::palette().color(QPalette::Window),
             darkPalette().color(QPalette::Window));
    applyTheme(Theme::Light);
    QVERIFY(QApplication::palette().color(QPalette::Window).lightness() > 180);
    applyTheme(Theme::System);
    QCOMPARE(QApplication::style()->name(), startStyle);
    QCOMPARE(QApplication::palette().color(QPalette::Window), startWindow);
    QCOMPARE(currentTheme(), Theme::System);
}

void TestStartPage::themeMenuIsRemembered()
{
    MainWindow window;
    QAction *dark = nullptr;
    const QList<QAction *> actions = window.findChildren<QAction *>();
    for (QAction *action : actions) {
        if (action->isCheckable() && action->data().toString() == QStringLiteral("dark"))
            dark = action;
    }
    QVERIFY(dark);
    QVERIFY(!dark->isChecked());
    dark->trigger();
    QVERIFY(dark->isChecked());
    QCOMPARE(currentTheme(), Theme::Dark);
    QCOMPARE(Settings::theme.value(), QStringLiteral("dark"));
    window.setTheme(Theme::System);
    QVERIFY(!dark->isChecked());
    QCOMPARE(Settings::theme.value(), QStringLiteral("system"));
}

QTEST_MAIN(TestStartPage)
void TestStartPage::errorTextFollowsTheme()
{
    // A label shown as an error stays readable when the theme turns dark and back.
    QLabel label(QStringLiteral("Choose an output folder for the files."));
    showAsError(&label);
    for (Theme theme : {Theme::Dark, Theme::Light, Theme::Dark}) {
        applyTheme(theme);
        const QPalette p = label.palette();
        const int contrast = std::abs(p.color(QPalette::WindowText).lightness() -
                                      p.color(QPalette::Window).lightness());
        QVERIFY2(contrast >= 90, qPrintable(QStringLiteral("%1 on %2")
                                                .arg(p.color(QPalette::WindowText).name(),
                                                     p.color(QPalette::Window).name())));
    }
    applyTheme(Theme::System);
}

#include "test_startpage.moc"
