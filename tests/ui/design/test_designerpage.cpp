// The designer page: going to a problem selects its table or column and focuses the editor of
// the parameter it concerns; the preview lists problems by table and column names and a click
// on one goes to it; selecting a column whose preview is heavy (a geographic scatter) keeps the
// window responsive, because sampling runs on a worker and the chart gets a bounded sample.

#include "../run/monitortestsupport.h"
#include "design/columninspector.h"
#include "design/designerpage.h"
#include "design/distributionchart.h"
#include "design/previewmodel.h"
#include "design/previewpanel.h"
#include "design/problemlabel.h"
#include "design/schemadocument.h"
#include "design/schematreemodel.h"
#include "design/tableinspector.h"

#include <QApplication>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QElapsedTimer>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QPalette>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QStyleFactory>
#include <QTest>
#include <QTimer>
#include <QTreeView>

using namespace spillway;

namespace {

// The document's table and column that the tree's current item shows.
QPair<int, int> treeSelection(DesignerPage &page)
{
    const QModelIndex index = page.treeView()->currentIndex();
    return {index.data(SchemaTreeModel::TableIndexRole).toInt(),
            index.data(SchemaTreeModel::ColumnIndexRole).toInt()};
}

int columnOf(const SchemaDocument &doc, int table, const QString &name)
{
    return int(doc.schema().tables.at(table).columns.size()) > 0
               ? int(doc.schema().tables.at(table).columnIndex(name))
               : -1;
}

} // namespace

class TestDesignerPage : public QObject
{
    Q_OBJECT

private slots:
    void revealSelectsAndFocuses_data();
    void revealSelectsAndFocuses();
    void revealIgnoresUnknownPaths();
    void revealClearsAHidingFilter();
    void previewProblemsAreNamedAndClickable();
    void problemsFitSmallWindows_data();
    void problemsFitSmallWindows();
    void previewKeepsItsShare();
    void selectingKeepsWindowResponsive_data();
    void selectingKeepsWindowResponsive();
};

void TestDesignerPage::revealSelectsAndFocuses_data()
{
    QTest::addColumn<QString>("column"); // empty: the table itself
    QTest::addColumn<QString>("rest");
    QTest::addColumn<QString>("editor"); // class name of the focused editor
    // orders.total is an aggregate (no "max"); ordered_at's max is a date-time spin box.
    QTest::newRow("parameter") << QStringLiteral("ordered_at") << QStringLiteral("generator.max")
                               << QStringLiteral("QAbstractSpinBox");
    QTest::newRow("column name") << QStringLiteral("total") << QStringLiteral("name")
                                 << QStringLiteral("QLineEdit");
    QTest::newRow("generator") << QStringLiteral("total") << QStringLiteral("generator.kind")
                               << QStringLiteral("QComboBox");
    QTest::newRow("column itself")
        << QStringLiteral("total") << QString() << QStringLiteral("QTreeView");
    QTest::newRow("table rows") << QString() << QStringLiteral("rows")
                                << QStringLiteral("QDoubleSpinBox");
}

void TestDesignerPage::revealSelectsAndFocuses()
{
    QFETCH(QString, column);
    QFETCH(QString, rest);
    QFETCH(QString, editor);
    SchemaDocument doc;
    QVERIFY(doc.newFromExample(QStringLiteral("ecommerce")).isEmpty());
    const int table = int(doc.schema().tableIndex(QStringLiteral("orders")));
    QVERIFY(table >= 0);
    const int c = column.isEmpty() ? -1 : columnOf(doc, table, column);
    QVERIFY(column.isEmpty() || c >= 0);
    DesignerPage page(&doc);
    page.resize(1200, 800);
    page.show();
    QApplication::setActiveWindow(&page);
    QVERIFY(QTest::qWaitForWindowActive(&page));

    QString path = SchemaDocument::tablePath(table);
    if (c >= 0)
        path = SchemaDocument::columnPath(table, c);
    if (!rest.isEmpty())
        path += QLatin1Char('.') + rest;
    page.revealProblem(path);
    QCOMPARE(doc.currentTable(), table);
    QCOMPARE(doc.currentColumn(), c);
    QCOMPARE(treeSelection(page), qMakePair(table, c));
    QWidget *focus = QApplication::focusWidget();
    QVERIFY(focus);
    QVERIFY2(focus->inherits(editor.toLatin1().constData()), focus->metaObject()->className());
    if (rest == QLatin1String("name"))
        QCOMPARE(focus, page.columnInspector()->nameEdit());
}

void TestDesignerPage::revealIgnoresUnknownPaths()
{
    SchemaDocument doc;
    QVERIFY(doc.newFromExample(QStringLiteral("ecommerce")).isEmpty());
    DesignerPage page(&doc);
    doc.setCurrent(0, 1);
    for (const QString &path :
         {QStringLiteral("tables[99].columns[0].generator.max"),
          QStringLiteral("tables[0].columns[99]"), QStringLiteral("seed"), QString()}) {
        page.revealProblem(path);
        QCOMPARE(doc.currentTable(), 0);
        QCOMPARE(doc.currentColumn(), 1);
    }
}

void TestDesignerPage::revealClearsAHidingFilter()
{
    SchemaDocument doc;
    QVERIFY(doc.newFromExample(QStringLiteral("ecommerce")).isEmpty());
    DesignerPage page(&doc);
    auto *filter = page.findChild<QLineEdit *>();
    QVERIFY(filter);
    filter->setText(QStringLiteral("no-table-or-column-has-this-name"));
    page.revealProblem(SchemaDocument::columnPath(1, 2));
    QVERIFY(filter->text().isEmpty());
    QCOMPARE(treeSelection(page), qMakePair(1, 2));
}

void TestDesignerPage::previewProblemsAreNamedAndClickable()
{
    SchemaDocument doc;
    QVERIFY(doc.newFromExample(QStringLiteral("ecommerce")).isEmpty());
    const int table = int(doc.schema().tableIndex(QStringLiteral("orders")));
    const int column = columnOf(doc, table, QStringLiteral("total"));
    QVERIFY(table >= 0 && column >= 0);
    DesignerPage page(&doc);
    PreviewPanel *preview = page.previewPanel();
    QSignalSpy updated(preview, &PreviewPanel::previewUpdated);
    QTRY_VERIFY_WITH_TIMEOUT(updated.size() >= 1 && !preview->isBusy(), 20000);

    ColumnSpec broken = doc.schema().tables.at(table).columns.at(column);
    broken.generator = QJsonObject{{QStringLiteral("kind"), QStringLiteral("no-such-generator")}};
    doc.setColumn(table, column, broken);
    doc.setCurrent(0, -1);
    QTRY_VERIFY_WITH_TIMEOUT(preview->isShowingProblems(), 20000);
    ProblemLabel *list = preview->problemList();
    const QString path =
        SchemaDocument::columnPath(table, column) + QStringLiteral(".generator.kind");
    QVERIFY2(list->paths().contains(path), qPrintable(list->paths().join(QLatin1Char(' '))));
    QVERIFY2(list->text().contains(QStringLiteral("orders.total: generator.kind: ")),
             qPrintable(list->text()));
    QVERIFY(!list->text().contains(QStringLiteral("tables[")));
    // The tree's tooltip words it the same way.
    QVERIFY(page.model()
                ->columnIndex(table, column)
                .data(Qt::ToolTipRole)
                .toString()
                .startsWith(QStringLiteral("orders.total: generator.kind: ")));

    // A click on the link (the label's href is the problem's position) goes to the column.
    QLabel *text = nullptr;
    for (QLabel *l : list->findChildren<QLabel *>())
        if (l->textFormat() == Qt::RichText)
            text = l;
    QVERIFY(text);
    const int at = int(list->paths().indexOf(path));
    emit text->linkActivated(QString::number(at));
    QCOMPARE(doc.currentTable(), table);
    QCOMPARE(doc.currentColumn(), column);
    QCOMPARE(treeSelection(page), qMakePair(table, column));
}

void TestDesignerPage::problemsFitSmallWindows_data()
{
    QTest::addColumn<QSize>("size");
    QTest::addColumn<bool>("dark");
    QTest::newRow("1024x640") << QSize(1024, 640) << false;
    QTest::newRow("1600x1000") << QSize(1600, 1000) << false;
    QTest::newRow("1024x640 dark") << QSize(1024, 640) << true;
}

void TestDesignerPage::problemsFitSmallWindows()
{
    // The designer with a broken schema fits a 1024x640 window, and its problem list is on
    // screen (screenshots with SPILLWAY_SCREENSHOT_DIR set).
    QFETCH(QSize, size);
    QFETCH(bool, dark);
    const QPalette light = QApplication::palette();
    if (dark) {
        QApplication::setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
        QPalette p;
        p.setColor(QPalette::Window, QColor(45, 45, 48));
        p.setColor(QPalette::WindowText, QColor(230, 230, 230));
        p.setColor(QPalette::Base, QColor(30, 30, 32));
        p.setColor(QPalette::AlternateBase, QColor(40, 40, 44));
        p.setColor(QPalette::Text, QColor(230, 230, 230));
        p.setColor(QPalette::Button, QColor(55, 55, 58));
        p.setColor(QPalette::ButtonText, QColor(230, 230, 230));
        p.setColor(QPalette::Link, QColor(110, 170, 255));
        QApplication::setPalette(p);
    }
    SchemaDocument doc;
    QVERIFY(doc.newFromExample(QStringLiteral("iot")).isEmpty());
    ColumnSpec broken = doc.schema().tables.at(0).columns.at(2);
    broken.generator.insert(QStringLiteral("kind"), QStringLiteral("choise"));
    doc.setColumn(0, 2, broken);
    DesignerPage page(&doc);
    QVERIFY2(page.minimumSizeHint().width() <= size.width() &&
                 page.minimumSizeHint().height() <= size.height() - 100, // menus, tabs, status
             qPrintable(QStringLiteral("%1x%2")
                            .arg(page.minimumSizeHint().width())
                            .arg(page.minimumSizeHint().height())));
    page.resize(size.width(), size.height() - 100);
    page.show();
    QVERIFY(QTest::qWaitForWindowExposed(&page));
    QTRY_VERIFY_WITH_TIMEOUT(page.previewPanel()->isShowingProblems(), 20000);
    ProblemLabel *list = page.previewPanel()->problemList();
    QVERIFY(list->isVisible());
    QVERIFY(list->visibleRegion().boundingRect().height() > 0);
    test::saveScreenshot(&page, QStringLiteral("designer-problems-%1x%2%3")
                                    .arg(size.width())
                                    .arg(size.height())
                                    .arg(dark ? QStringLiteral("-dark") : QString()));
    page.revealProblem(list->paths().value(0));
    QCOMPARE(doc.currentColumn(), 2);
    test::saveScreenshot(&page, QStringLiteral("designer-revealed-%1x%2%3")
                                    .arg(size.width())
                                    .arg(size.height())
                                    .arg(dark ? QStringLiteral("-dark") : QString()));
    if (dark)
        QApplication::setPalette(light);
}

void TestDesignerPage::previewKeepsItsShare()
{
    // The preview's table and chart get a fair share of a tall window, not what is left below
    // the inspector; once the user drags the split, it stays where they put it.
    SchemaDocument doc;
    QVERIFY(doc.newFromExample(QStringLiteral("ecommerce")).isEmpty());
    DesignerPage page(&doc);
    page.restoreState(); // nothing saved: the default split
    page.resize(1024, 540);
    page.show();
    QVERIFY(QTest::qWaitForWindowExposed(&page));
    auto *split = qobject_cast<QSplitter *>(page.previewPanel()->parentWidget());
    QVERIFY(split);
    for (const QSize size : {QSize(1600, 900), QSize(1024, 540), QSize(1600, 900)}) {
        page.resize(size);
        QTRY_COMPARE(split->height(), size.height());
        const int preview = split->sizes().at(1);
        QVERIFY2(preview >= size.height() * 2 / 5,
                 qPrintable(QStringLiteral("preview %1 of %2").arg(preview).arg(size.height())));
    }
    split->setSizes({700, 200});
    emit split->splitterMoved(700, 1); // what dragging the handle emits
    page.resize(1600, 800);
    QTRY_COMPARE(split->height(), 800);
    QVERIFY(split->sizes().at(1) < 800 * 2 / 5);
}

void TestDesignerPage::selectingKeepsWindowResponsive_data()
{
    QTest::addColumn<QString>("table");
    QTest::addColumn<QString>("column");
    QTest::addColumn<int>("kind");
    QTest::newRow("geo scatter") << QStringLiteral("devices") << QStringLiteral("location")
                                 << int(ColumnDistribution::Kind::Scatter);
    QTest::newRow("child histogram")
        << QStringLiteral("readings") << QStringLiteral("temperature_c")
        << int(ColumnDistribution::Kind::Histogram);
    QTest::newRow("text top values") << QStringLiteral("devices") << QStringLiteral("model")
                                     << int(ColumnDistribution::Kind::TopValues);
}

void TestDesignerPage::selectingKeepsWindowResponsive()
{
    // Select a column of the iot example (the sensor location is a geographic scatter) while a
    // heartbeat timer measures the longest the GUI thread went without running its events.
    QFETCH(QString, table);
    QFETCH(QString, column);
    QFETCH(int, kind);
    SchemaDocument doc;
    QVERIFY(doc.newFromExample(QStringLiteral("iot")).isEmpty());
    const int t = int(doc.schema().tableIndex(table));
    const int c = t >= 0 ? columnOf(doc, t, column) : -1;
    QVERIFY(t >= 0 && c >= 0);
    DesignerPage page(&doc);
    page.resize(1600, 1000);
    page.show();
    QVERIFY(QTest::qWaitForWindowExposed(&page));
    PreviewPanel *preview = page.previewPanel();
    QTRY_VERIFY_WITH_TIMEOUT(!preview->isBusy(), 20000);

    QElapsedTimer clock;
    qint64 last = 0;
    qint64 longest = 0;
    QTimer heartbeat;
    heartbeat.setInterval(5);
    connect(&heartbeat, &QTimer::timeout, &page, [&] {
        longest = std::max(longest, clock.elapsed() - last);
        last = clock.elapsed();
    });
    QSignalSpy updated(preview, &PreviewPanel::previewUpdated);
    clock.start();
    heartbeat.start();
    const auto *proxy = static_cast<QSortFilterProxyModel *>(page.treeView()->model());
    page.treeView()->setCurrentIndex(proxy->mapFromSource(page.model()->columnIndex(t, c)));
    const qint64 selected = clock.elapsed();
    QTRY_VERIFY_WITH_TIMEOUT(updated.size() >= 1 && !preview->isBusy(), 30000);
    QTest::qWait(100); // the chart's first paint
    heartbeat.stop();
    const ColumnDistribution &shown = preview->distributionChart()->distribution();
    QCOMPARE(int(shown.kind), kind);
    QVERIFY(shown.points.size() <= DistributionSampler::kScatterSamples);
    QCOMPARE(preview->model()->rowCount(), PreviewPanel::kRows);
    qInfo("%s.%s: selecting took %lld ms on the GUI thread, preview after %lld ms, longest GUI "
          "stall %lld ms",
          qPrintable(table), qPrintable(column), selected, clock.elapsed(), longest);
    // Generous for a loaded two-core machine; drawing 20000 scatter markers stalled 4 to 10 s.
    QVERIFY2(longest < 1500, qPrintable(QString::number(longest)));
}

QTEST_MAIN(TestDesignerPage)
#include "test_designerpage.moc"
