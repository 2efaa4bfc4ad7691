// The dashboard's states (running, paused, resumed, finished, cancelled): no ETA once the run
// stopped, no COPYs in progress after it; time charts that break their lines across a pause and
// shade it; columns wide enough for what they show; and a file run paused in place recorded as
// one run over its active time.

#include "history/runstore.h"
#include "monitortestsupport.h"
#include "run/runlogmodel.h"
#include "run/tableprogressmodel.h"
#include "run/workerstrip.h"
#include "shell/palettes.h"

#include <QBrush>
#include <QDir>
#include <QGuiApplication>
#include <QHeaderView>
#include <QLegendMarker>
#include <QLineSeries>
#include <QTableView>
#include <QTemporaryDir>

using namespace spillway;

class TestDashboard : public QObject
{
    Q_OBJECT

private slots:
    void logColorsFollowPalette();
    void initTestCase();
    void runningShowsEtaAndCopies();
    void pauseAndResume();
    void finishedShowsItsTime();
    void cancelledShowsNoEta();
    void chartBreaksAcrossPause();
    void columnsFitTheirText();
    void pausedFileRunIsOneRecord();

private:
    QTemporaryDir m_dir;
};

namespace {

// A snapshot as an ingest reports it mid-run: two workers copying, two COPYs on the server.
RunSnapshot midRun(double elapsed, uint64_t rows)
{
    RunSnapshot s;
    s.elapsedSeconds = elapsed;
    s.rowsDone = rows;
    s.rowsTotal = 1000000;
    s.bytesDone = rows * 100;
    s.rowsPerSecond = 50000;
    s.meanRowsPerSecond = double(rows) / elapsed;
    s.etaSeconds = 8;
    s.tables = {{QStringLiteral("lineitem"), rows, 1000000, rows * 100}};
    s.workers = {WorkerState::Copying, WorkerState::Copying};
    s.hasServerSample = true;
    s.server.elapsedSeconds = elapsed;
    s.server.checkpoints = 1;
    s.server.activeCopies = 2;
    s.server.tuplesInsertedPerSecond = 50000;
    return s;
}

RunResult ended(const RunSnapshot &last, bool ok, bool cancelled)
{
    RunResult r;
    r.ok = ok;
    r.cancelled = cancelled;
    r.error = cancelled ? QStringLiteral("the run was cancelled") : QString();
    r.last = last;
    r.last.finished = true;
    return r;
}

bool allWorkers(const Dashboard &d, WorkerState state)
{
    const QList<WorkerState> &states = d.workerStrip()->states();
    return !states.isEmpty() &&
           std::all_of(states.begin(), states.end(), [state](WorkerState s) { return s == state; });
}

} // namespace

void TestDashboard::initTestCase()
{
    qRegisterMetaType<RunResult>();
    qRegisterMetaType<RunSnapshot>();
    QVERIFY(m_dir.isValid());
}

void TestDashboard::runningShowsEtaAndCopies()
{
    Dashboard d;
    d.addSnapshot(midRun(2, 100000));
    QVERIFY2(d.statsText().contains(QLatin1String("ETA 8.0 s")), qPrintable(d.statsText()));
    QVERIFY2(d.serverText().contains(QLatin1String("COPYs in progress: 2")),
             qPrintable(d.serverText()));
    QVERIFY(allWorkers(d, WorkerState::Copying));
}

void TestDashboard::pauseAndResume()
{
    Dashboard d;
    d.addSnapshot(midRun(2, 100000));
    d.showPaused(2.1);
    QCOMPARE(d.phaseText(), QStringLiteral("Paused"));
    QVERIFY2(d.statsText().contains(QLatin1String("paused")), qPrintable(d.statsText()));
    QVERIFY2(!d.statsText().contains(QLatin1String("ETA")), qPrintable(d.statsText()));
    QVERIFY2(!d.statsText().contains(QLatin1String("rows/s")), qPrintable(d.statsText()));
    QVERIFY2(!d.serverText().contains(QLatin1String("COPYs")), qPrintable(d.serverText()));
    QVERIFY(allWorkers(d, WorkerState::Idle));
    for (TimeSeriesChart *chart : {d.throughputChart(), d.latencyChart(), d.serverChart()}) {
        QVERIFY(chart->isPaused());
        QCOMPARE(chart->pauseCount(), 1);
    }
    d.showResumed(3);
    QVERIFY(!d.throughputChart()->isPaused());
    d.addSnapshot(midRun(3, 150000));
    QVERIFY2(d.statsText().contains(QLatin1String("ETA 8.0 s")), qPrintable(d.statsText()));
    QVERIFY2(d.statsText().contains(QLatin1String("paused 3.0 s")), qPrintable(d.statsText()));
    QVERIFY2(d.statsText().contains(QLatin1String("elapsed 3.0 s")), qPrintable(d.statsText()));
    QVERIFY(d.serverText().contains(QLatin1String("COPYs in progress: 2")));
    // The points after the pause sit after it on the time axis: 3 s of work + 3 s paused.
    QCOMPARE(d.throughputChart()->segmentCount(0), 2);
}

void TestDashboard::finishedShowsItsTime()
{
    Dashboard d;
    d.addSnapshot(midRun(2, 100000));
    RunSnapshot last = midRun(12, 1000000);
    last.server.activeCopies = 2; // the final sample was taken while the last COPYs ran
    last.workers = {WorkerState::Done, WorkerState::Copying};
    last.finished = true;
    d.addSnapshot(last);
    QVERIFY2(d.statsText().contains(QLatin1String("finishing")), qPrintable(d.statsText()));
    d.showFinished(ended(last, true, false));
    QCOMPARE(d.phaseText(), QStringLiteral("Finished"));
    QVERIFY2(d.statsText().contains(QLatin1String("finished in 12 s")), qPrintable(d.statsText()));
    QVERIFY(!d.statsText().contains(QLatin1String("ETA")));
    QVERIFY2(!d.serverText().contains(QLatin1String("COPYs")), qPrintable(d.serverText()));
    QVERIFY(d.serverText().contains(QLatin1String("Checkpoints during the run: 1")));
    QVERIFY(allWorkers(d, WorkerState::Done));
    QVERIFY(!d.isBannerVisible());
}

void TestDashboard::cancelledShowsNoEta()
{
    Dashboard d;
    const RunSnapshot s = midRun(2, 100000);
    d.addSnapshot(s);
    d.showFinished(ended(s, false, true));
    QCOMPARE(d.phaseText(), QStringLiteral("Cancelled"));
    QVERIFY2(d.statsText().contains(QLatin1String("cancelled")), qPrintable(d.statsText()));
    QVERIFY(!d.statsText().contains(QLatin1String("ETA")));
    QVERIFY(!d.statsText().contains(QLatin1String("done")));
    QVERIFY(!d.serverText().contains(QLatin1String("COPYs")));
    QVERIFY(allWorkers(d, WorkerState::Idle));
    QVERIFY(!d.isBannerVisible());
    // Cancelled while paused: the pause band closes, the state says cancelled.
    d.clear();
    d.addSnapshot(s);
    d.showPaused(2);
    d.showFinished(ended(s, false, true));
    QVERIFY(!d.throughputChart()->isPaused());
    QVERIFY2(d.statsText().contains(QLatin1String("cancelled")), qPrintable(d.statsText()));
}

void TestDashboard::chartBreaksAcrossPause()
{
    TimeSeriesChart chart(QStringLiteral("Throughput"));
    chart.resize(600, 300);
    chart.show();
    QVERIFY(QTest::qWaitForWindowExposed(&chart));
    chart.addSeries(QStringLiteral("rows/s"), Qt::blue);
    for (int i = 0; i <= 20; ++i)
        chart.append(0, i * 0.1, 100 + i);
    chart.flush();
    QCOMPARE(chart.segmentCount(0), 1);
    chart.beginPause(2.0);
    chart.extendPause(4.0);
    chart.endPause(5.0);
    for (int i = 0; i <= 20; ++i)
        chart.append(0, 5.0 + i * 0.1, 200 + i);
    chart.flush();
    QCOMPARE(chart.pauseCount(), 1);
    QCOMPARE(chart.segmentCount(0), 2);
    QCOMPARE(chart.drawnCount(0), 42);
    // No piece spans the pause: each ends before it or starts after it, with the same pen.
    const QList<QAbstractSeries *> all = chart.chart()->series();
    QCOMPARE(all.size(), 2);
    for (QAbstractSeries *series : all) {
        auto *line = qobject_cast<QLineSeries *>(series);
        QVERIFY(line);
        const QList<QPointF> points = line->points();
        QVERIFY(!points.isEmpty());
        QVERIFY(points.last().x() <= 2.0 || points.first().x() >= 5.0);
        QCOMPARE(line->pen(), static_cast<QLineSeries *>(all.first())->pen());
    }
    // The legend names the series once.
    QTest::qWait(50); // the legend lays its markers out on the next event loop pass
    int visibleMarkers = 0;
    for (QLegendMarker *marker : chart.chart()->legend()->markers())
        visibleMarkers += marker->isVisible() ? 1 : 0;
    QCOMPARE(visibleMarkers, 1);
    chart.clear();
    QCOMPARE(chart.pauseCount(), 0);
    QCOMPARE(chart.chart()->series().size(), 1);
}

void TestDashboard::columnsFitTheirText()
{
    for (const QSize size : {QSize(1024, 640), QSize(1600, 1000)}) {
        Dashboard d;
        d.resize(size);
        d.show();
        RunSnapshot s = midRun(2, 100000);
        const QString longName = QStringLiteral("order_line_items_archive");
        s.tables = {{QStringLiteral("lineitem"), 1000000, 1000000, 123456789},
                    {longName, 123456, 88800000, 1234567}};
        d.addSnapshot(s);
        d.addLog(LogLevel::Warning, QStringLiteral("worker 2 retries table 'lineitem', chunk 3"),
                 {});
        QVERIFY(QTest::qWaitForWindowExposed(&d));
        const QTableView *tables = d.tableView();
        const QFontMetrics fm = tables->fontMetrics();
        const QHeaderView *th = tables->horizontalHeader();
        QVERIFY(th->sectionSize(TableProgressModel::TableColumn) > fm.horizontalAdvance(longName));
        QVERIFY(th->sectionSize(TableProgressModel::ProgressColumn) >
                fm.horizontalAdvance(QStringLiteral("100.0%")));
        for (int c : {int(TableProgressModel::RowsColumn), int(TableProgressModel::TotalColumn),
                      int(TableProgressModel::BytesColumn)}) {
            for (int row = 0; row < d.tableModel()->rowCount(); ++row) {
                const QModelIndex i = d.tableModel()->index(row, c);
                QVERIFY2(th->sectionSize(c) > fm.horizontalAdvance(i.data().toString()),
                         qPrintable(i.data().toString()));
                QVERIFY(i.data(Qt::TextAlignmentRole).value<Qt::Alignment>() & Qt::AlignRight);
            }
        }
        const QHeaderView *lh = d.logView()->horizontalHeader();
        QVERIFY(lh->sectionSize(RunLogModel::LevelColumn) >
                fm.horizontalAdvance(RunLogModel::levelName(LogLevel::Warning)));
        QVERIFY(lh->sectionSize(RunLogModel::TimeColumn) >
                fm.horizontalAdvance(QStringLiteral("00:00:00")));
        QCOMPARE(lh->sectionResizeMode(RunLogModel::MessageColumn), QHeaderView::Stretch);
        test::saveScreenshot(&d, QStringLiteral("dashboard-columns-%1").arg(size.width()));
    }
}

// Pausing a file run in place and resuming it records one run: all its rows, its active time
// (the pause excluded), a mean rate over that time, and the pause as events; the charts break.
void TestDashboard::pausedFileRunIsOneRecord()
{
    SchemaDocument doc;
    QVERIFY(doc.newFromExample(QStringLiteral("lineitem")).isEmpty());
    RunController controller;
    controller.setDocument(&doc);
    const QString runs = m_dir.filePath(QStringLiteral("runs-files"));
    controller.setRunsDirectory(runs);
    Dashboard dashboard;
    dashboard.setController(&controller);
    RunSettings s;
    s.target = RunTarget::Files;
    s.directory = m_dir.filePath(QStringLiteral("out"));
    s.rows = 3000000;
    s.workers = 2;
    controller.setSettings(s);
    QSignalSpy finished(&controller, &RunController::runFinished);
    QVERIFY(controller.start());
    QTRY_VERIFY_WITH_TIMEOUT(controller.canPause() || !finished.isEmpty(), 60000);
    QTRY_VERIFY_WITH_TIMEOUT(controller.lastSnapshot().rowsDone > 0 || !finished.isEmpty(), 60000);
    QVERIFY2(finished.isEmpty(), "the run ended before it could be paused");
    controller.pause();
    QVERIFY(dashboard.throughputChart()->isPaused());
    QTest::qWait(1500);
    QVERIFY(dashboard.statsText().contains(QLatin1String("paused")));
    controller.resume();
    const RunResult result = test::waitForResult(finished, 120000);
    QVERIFY2(result.ok, qPrintable(result.error));
    QCOMPARE(dashboard.throughputChart()->pauseCount(), 1);
    QCOMPARE(dashboard.throughputChart()->segmentCount(0), 2);
    QVERIFY2(dashboard.statsText().contains(QLatin1String("finished in")),
             qPrintable(dashboard.statsText()));

    QCOMPARE(QDir(runs).entryList(QDir::Files).size(), 1);
    QString error;
    const auto record = RunStore(runs).find(controller.recordId(), &error);
    QVERIFY2(record, qPrintable(error));
    QCOMPARE(record->summary.value(QStringLiteral("rows")).value_or(0), 3000000.0);
    const double active = record->summary.value(QStringLiteral("elapsed_s")).value_or(0);
    const double wall = double(record->started.msecsTo(record->finished)) / 1000;
    qInfo("active %.2f s, wall %.2f s", active, wall);
    QVERIFY(active > 0);
    QVERIFY(active < wall - 1.0);
    const double rate = record->summary.value(QStringLiteral("rows_per_s")).value_or(0);
    QVERIFY(qAbs(rate - 3000000.0 / active) < 3000000.0 / active * 0.01);
    QStringList kinds;
    for (const RunEvent &e : record->events)
        kinds << e.kindName();
    QCOMPARE(kinds, (QStringList{QStringLiteral("paused"), QStringLiteral("resumed")}));
    QVERIFY(record->events.last().pausedSeconds >= 1.4);
}

QTEST_MAIN(TestDashboard)
void TestDashboard::logColorsFollowPalette()
{
    // Errors and warnings stand out from the text's base in the light and the dark palette.
    RunLogModel log;
    log.add(LogLevel::Error, QStringLiteral("COPY failed"));
    log.add(LogLevel::Warning, QStringLiteral("retrying"));
    const QPalette start = QGuiApplication::palette();
    for (const QPalette &palette : {lightPalette(), darkPalette()}) {
        QGuiApplication::setPalette(palette);
        const int base = palette.color(QPalette::Base).lightness();
        for (int row = 0; row < 2; ++row) {
            const QColor color = log.index(row, RunLogModel::MessageColumn)
                                     .data(Qt::ForegroundRole)
                                     .value<QBrush>()
                                     .color();
            QVERIFY2(std::abs(color.lightness() - base) >= 80,
                     qPrintable(QStringLiteral("%1 on %2")
                                    .arg(color.name(), palette.color(QPalette::Base).name())));
        }
    }
    QGuiApplication::setPalette(start);
}

#include "test_dashboard.moc"
