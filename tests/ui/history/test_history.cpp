// The history page offscreen: its models pass QAbstractItemModelTester, it lists the records
// of a runs folder (and new ones as they are saved), opening one run shows its charts, selecting
// two compares them, and Export Report writes the HTML report.

#include "history/compareview.h"
#include "history/historyview.h"
#include "history/runcomparemodel.h"
#include "history/runlistmodel.h"
#include "history/runpropertiesmodel.h"
#include "history/runstore.h"
#include "history/runview.h"
#include "runfixtures.h"

#include <QAbstractItemModelTester>
#include <QChart>
#include <QChartView>
#include <QHeaderView>
#include <QLineEdit>
#include <QLineSeries>
#include <QScrollBar>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

using namespace spillway;
using namespace spillway::test;

namespace {

RunRecord run(const QString &id, int day, double rowsPerSecond, bool commits = true,
              const QString &schema = QStringLiteral("shop"))
{
    RunShape shape;
    shape.id = id;
    shape.started = QDateTime(QDate(2026, 1, day), QTime(9, 0), Qt::UTC);
    shape.rowsPerSecond = rowsPerSecond;
    shape.commits = commits;
    shape.kind = commits ? QStringLiteral("ingest") : QStringLiteral("generate");
    shape.schemaName = schema;
    return makeRun(shape);
}

const QString kA = QStringLiteral("20260110-090000-ingest-aaaa");
const QString kB = QStringLiteral("20260111-090000-ingest-bbbb");
const QString kC = QStringLiteral("20260112-090000-generate-cccc");

QLineSeries *seriesNamed(QChart *chart, const QString &prefix)
{
    const QList<QAbstractSeries *> all = chart->series();
    for (QAbstractSeries *s : all) {
        if (s->name().startsWith(prefix))
            return qobject_cast<QLineSeries *>(s);
    }
    return nullptr;
}

} // namespace

class TestHistory : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void listModelPassesTester();
    void compareModelPassesTester();
    void propertiesModelPassesTester();
    void commandIsQuotedForAShell();
    void listsRunsOfTheFolder();
    void filterNarrowsTheList();
    void listShowsItsColumnsBesideTheRun();
    void openingOneRunShowsItsCharts();
    void selectingTwoRunsComparesThem();
    void newRunAppearsWhenSaved();
    void exportsReport();
    void screenshots();

private:
    QTemporaryDir m_dir;
    QString m_runs;
};

void TestHistory::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_runs = m_dir.filePath(QStringLiteral("runs"));
    const RunStore store(m_runs);
    QCOMPARE(store.save(run(kA, 10, 50000)), QString());
    QCOMPARE(store.save(run(kB, 11, 60000)), QString());
    QCOMPARE(store.save(run(kC, 12, 90000, false, QStringLiteral("<lineitem & co>"))), QString());
}

void TestHistory::listModelPassesTester()
{
    RunListModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setRecords(RunStore(m_runs).list());
    QCOMPARE(model.rowCount(), 3);
    QSortFilterProxyModel proxy;
    QAbstractItemModelTester proxyTester(&proxy,
                                         QAbstractItemModelTester::FailureReportingMode::QtTest);
    proxy.setSourceModel(&model);
    proxy.setSortRole(RunListModel::SortRole);
    proxy.sort(RunListModel::RowsPerSecond, Qt::DescendingOrder);
    QCOMPARE(proxy.index(0, RunListModel::Id).data().toString(), kC);
    model.setRecords({});
    QCOMPARE(proxy.rowCount(), 0);
}

void TestHistory::compareModelPassesTester()
{
    RunCompareModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setRuns(run(kA, 10, 50000), run(kB, 11, 60000));
    QVERIFY(model.rowCount() > 5);
    bool sawBetter = false;
    for (int row = 0; row < model.rowCount(); ++row) {
        if (model.index(row, RunCompareModel::Metric).data().toString() == u"rows_per_s") {
            QCOMPARE(model.index(row, RunCompareModel::Change).data().toString(),
                     QStringLiteral("+20.0% \u25B2"));
            QCOMPARE(model.index(row, RunCompareModel::Verdict).data().toString(),
                     QStringLiteral("better"));
            sawBetter = true;
        }
    }
    QVERIFY(sawBetter);
    model.clear();
    QCOMPARE(model.rowCount(), 0);
}

void TestHistory::propertiesModelPassesTester()
{
    RunPropertiesModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    RunRecord r = run(kA, 10, 50000);
    r.verify = QJsonObject{{QStringLiteral("ok"), true}};
    model.setRun(r);
    QStringList sections;
    for (const auto &e : model.entries()) {
        if (e.section)
            sections.append(e.name);
    }
    QCOMPARE(sections, QStringList({QStringLiteral("Run"), QStringLiteral("Summary"),
                                    QStringLiteral("Tables"), QStringLiteral("Thresholds"),
                                    QStringLiteral("Verify"), QStringLiteral("Settings")}));
    model.setDifferences(run(kA, 10, 50000), run(kB, 11, 60000));
    QVERIFY(model.rowCount() >= 1);
}

void TestHistory::commandIsQuotedForAShell()
{
    RunPropertiesModel model;
    RunRecord r = run(kA, 10, 50000);
    r.commandLine = {QStringLiteral("spillway-cli"), QStringLiteral("generate"),
                     QStringLiteral("/tmp/my schemas/shop.json"), QStringLiteral("--out"),
                     QStringLiteral("it's here")};
    model.setRun(r);
    QString command;
    for (const auto &e : model.entries()) {
        if (e.name == QStringLiteral("Command"))
            command = e.value;
    }
    QCOMPARE(command, QStringLiteral("spillway-cli generate '/tmp/my schemas/shop.json' --out "
                                     "'it'\\''s here'"));
}

void TestHistory::listsRunsOfTheFolder()
{
    HistoryView view;
    view.setRunsDir(m_runs);
    QCOMPARE(view.runsDir(), m_runs);
    QCOMPARE(view.model()->rowCount(), 3);
    auto *list = view.findChild<QTableView *>(QStringLiteral("runList"));
    QVERIFY(list);
    // Newest first.
    QCOMPARE(list->model()->index(0, RunListModel::Id).data().toString(), kC);
    QCOMPARE(list->model()->index(0, RunListModel::Schema).data().toString(),
             QStringLiteral("<lineitem & co>"));
    QVERIFY(!view.exportAction()->isEnabled());
}

void TestHistory::filterNarrowsTheList()
{
    HistoryView view;
    view.setRunsDir(m_runs);
    auto *filter = view.findChild<QLineEdit *>(QStringLiteral("runFilter"));
    auto *list = view.findChild<QTableView *>(QStringLiteral("runList"));
    QVERIFY(filter && list);
    filter->setText(QStringLiteral("GENERATE"));
    QCOMPARE(list->model()->rowCount(), 1);
    QCOMPARE(list->model()->index(0, RunListModel::Id).data().toString(), kC);
    filter->clear();
    QCOMPARE(list->model()->rowCount(), 3);
}

void TestHistory::listShowsItsColumnsBesideTheRun()
{
    // A wide window shows every column of the run list without scrolling sideways; a 1024-pixel
    // one keeps the comparison beside it readable. Counts are compact there, exact in tooltips.
    HistoryView view;
    view.setRunsDir(m_runs);
    view.resize(1024, 560);
    view.show();
    view.resize(1600, 900);
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    view.selectRuns({kA, kB});
    auto *list = view.findChild<QTableView *>(QStringLiteral("runList"));
    QVERIFY(list);
    QTRY_VERIFY2(list->horizontalHeader()->length() <= list->viewport()->width(),
                 qPrintable(QStringLiteral("%1 %2 %3")
                                .arg(list->horizontalHeader()->length())
                                .arg(list->viewport()->width())
                                .arg(list->width())));
    QTRY_VERIFY2(!list->horizontalScrollBar()->isVisible(),
                 qPrintable(QStringLiteral("%1 of %2")
                                .arg(list->horizontalScrollBar()->maximum())
                                .arg(list->horizontalHeader()->length())));
    view.resize(1024, 560);
    QTRY_COMPARE(view.width(), 1024);
    QVERIFY(view.findChild<CompareView *>()->width() >= 600);
    const QModelIndex rows = list->model()->index(0, RunListModel::Rows);
    QVERIFY2(!rows.data().toString().contains(QLatin1Char(',')),
             qPrintable(rows.data().toString()));
    QVERIFY(rows.data(Qt::ToolTipRole).toString().size() > rows.data().toString().size());
}

void TestHistory::openingOneRunShowsItsCharts()
{
    HistoryView view;
    view.resize(1200, 800);
    view.setRunsDir(m_runs);
    view.selectRuns({kA});
    QCOMPARE(view.selectedRunIds(), QStringList{kA});
    QVERIFY(view.runView()->isVisibleTo(&view));
    QCOMPARE(view.runView()->run().id, kA);
    const QList<QChartView *> charts = view.runView()->chartViews();
    QCOMPARE(charts.size(), 3); // throughput, commit latency, server
    QLineSeries *rows = seriesNamed(charts[0]->chart(), QStringLiteral("rows/s"));
    QVERIFY(rows);
    QCOMPARE(rows->count(), 40);
    QLineSeries *mean = seriesNamed(charts[0]->chart(), QStringLiteral("mean rows/s"));
    QVERIFY(mean);
    QCOMPARE(mean->at(0).y(), 50000.0);
    QVERIFY(seriesNamed(charts[0]->chart(), QStringLiteral("MB/s")));
    QVERIFY(view.exportAction()->isEnabled());
    // A file run has no commits and no server: the throughput chart alone.
    view.selectRuns({kC});
    QCOMPARE(view.runView()->chartViews().size(), 1);
}

void TestHistory::selectingTwoRunsComparesThem()
{
    HistoryView view;
    view.resize(1200, 800);
    view.setRunsDir(m_runs);
    view.selectRuns({kB, kA});
    QCOMPARE(view.selectedRunIds(), QStringList({kA, kB})); // oldest first: A is the base
    CompareView *compare = view.compareView();
    QVERIFY(compare->isVisibleTo(&view));
    QCOMPARE(compare->runA().id, kA);
    QCOMPARE(compare->runB().id, kB);
    QChart *chart = compare->chartView()->chart();
    QLineSeries *a = seriesNamed(chart, QStringLiteral("A rows/s"));
    QLineSeries *b = seriesNamed(chart, QStringLiteral("B rows/s"));
    QVERIFY(a && b);
    QCOMPARE(a->count(), 40);
    QCOMPARE(b->count(), 40);
    QVERIFY(b->at(0).y() > a->at(0).y());
    QVERIFY(compare->compareModel()->rowCount() > 5);
}

void TestHistory::newRunAppearsWhenSaved()
{
    QTemporaryDir dir;
    const QString runs = dir.filePath(QStringLiteral("later/runs")); // does not exist yet
    HistoryView view;
    view.setRunsDir(runs);
    QCOMPARE(view.model()->rowCount(), 0);
    QSignalSpy reloaded(&view, &HistoryView::runsReloaded);
    QCOMPARE(RunStore(runs).save(run(kA, 10, 50000)), QString());
    QTRY_COMPARE_WITH_TIMEOUT(view.model()->rowCount(), 1, 10000);
    QCOMPARE(RunStore(runs).save(run(kB, 11, 60000)), QString());
    QTRY_COMPARE_WITH_TIMEOUT(view.model()->rowCount(), 2, 10000);
    QVERIFY(reloaded.count() >= 2);
}

void TestHistory::exportsReport()
{
    HistoryView view;
    view.setRunsDir(m_runs);
    QTemporaryDir out;
    const QString file = out.filePath(QStringLiteral("report.html"));
    QVERIFY(!view.exportReport(file).isEmpty()); // nothing selected
    view.selectRuns({kA, kB});
    QCOMPARE(view.exportReport(file), QString());
    QFile f(file);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QString html = QString::fromUtf8(f.readAll());
    QVERIFY(html.contains(kA) && html.contains(kB));
    QVERIFY(html.contains(QLatin1String("<svg")));
    QVERIFY(!view.exportReport(out.filePath(QStringLiteral("no/such/folder/r.html"))).isEmpty());
}

// Not an assertion: with SPILLWAY_SCREENSHOT_DIR set, saves the list, one run and a compare as
// PNG files, to look at what the page draws.
void TestHistory::screenshots()
{
    const QString dir = qEnvironmentVariable("SPILLWAY_SCREENSHOT_DIR");
    if (dir.isEmpty())
        QSKIP("set SPILLWAY_SCREENSHOT_DIR to save screenshots");
    HistoryView view;
    view.resize(1400, 860);
    view.setRunsDir(m_runs);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    QVERIFY(view.grab().save(dir + QStringLiteral("/history-list.png")));
    view.selectRuns({kA});
    QTest::qWait(50);
    QVERIFY(view.grab().save(dir + QStringLiteral("/history-run.png")));
    view.selectRuns({kA, kB});
    QTest::qWait(50);
    QVERIFY(view.grab().save(dir + QStringLiteral("/history-compare.png")));
    QVERIFY(view.exportReport(dir + QStringLiteral("/report-compare.html")).isEmpty());
    view.selectRuns({kA});
    QVERIFY(view.exportReport(dir + QStringLiteral("/report-run.html")).isEmpty());
}

QTEST_MAIN(TestHistory)
#include "test_history.moc"
