// Controlling a run as users do: cancelling leaves only whole files (also mid-split and from a
// snapshot handler), pausing holds the workers while the sampler keeps ticking, a failing sink
// leaves no partial file, running out of memory ends the run with a message instead of a crash,
// and progress snapshots add up to the files written.

#include "runsupport.h"

#include <QElapsedTimer>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

using namespace spillway;
using namespace spillway::test;

namespace {

const QString kMixed = QStringLiteral(SPILLWAY_TEST_DATA "/mixed.json");

// Encodes CSV, but runs out of memory on one table's second chunk, as a row too wide for the
// machine would.
class ExhaustedEncoder final : public Encoder
{
public:
    explicit ExhaustedEncoder(QString table)
        : m_inner(Encoder::create(FormatOptions()))
        , m_table(std::move(table))
    {}
    void writeHeader(const TableRuntime &table, ByteBuffer &out) const override
    {
        m_inner->writeHeader(table, out);
    }
    void encode(const TableRuntime &table, const RowBatch &batch, ByteBuffer &out,
                std::vector<uint32_t> *rowEnds) const override
    {
        if (table.name == m_table && batch.firstRow >= 1000)
            throw std::bad_alloc();
        m_inner->encode(table, batch, out, rowEnds);
    }

private:
    std::unique_ptr<Encoder> m_inner;
    QString m_table;
};

} // namespace

class TestRunControl : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QVERIFY(m_tmp.isValid()); }
    void cancelLeavesOnlyWholeFiles_data();
    void cancelLeavesOnlyWholeFiles();
    void cancelWhileRunning();
    void pauseHoldsWorkers_data();
    void pauseHoldsWorkers();
    void sinkFailureLeavesNoPartialFile();
    void outOfMemoryFailsTheRun_data();
    void outOfMemoryFailsTheRun();
    void snapshots();

private:
    QString folder(const QString &name)
    {
        return m_tmp.filePath(QStringLiteral("%1-%2").arg(++m_folders).arg(name));
    }
    std::shared_ptr<CompiledSchema> schema(const QString &file)
    {
        QString error;
        auto compiled = compileFile(file, &error);
        if (!compiled)
            qWarning("%s: %s", qPrintable(file), qPrintable(error));
        return compiled;
    }

    QTemporaryDir m_tmp;
    int m_folders = 0;
};

void TestRunControl::cancelLeavesOnlyWholeFiles_data()
{
    QTest::addColumn<QStringList>("tables");
    QTest::addColumn<qulonglong>("splitRows");
    QTest::addColumn<int>("cancelAtTable"); // cancel at the 4th chunk of this load-order table
    QTest::newRow("one table") << QStringList{QStringLiteral("accounts")} << 0ULL << 0;
    QTest::newRow("in second table") << QStringList{} << 0ULL << 1;
    QTest::newRow("split parts") << QStringList{QStringLiteral("accounts")} << 1000ULL << 0;
}

void TestRunControl::cancelLeavesOnlyWholeFiles()
{
    QFETCH(QStringList, tables);
    QFETCH(qulonglong, splitRows);
    QFETCH(int, cancelAtTable);
    PlanOptions plan;
    plan.rows = 20000;
    plan.chunkRows = 500;
    plan.tables = tables;
    const QString out = folder(QStringLiteral("cancel"));
    FileSinkOptions options = sinkTo(out, QStringLiteral("csv"));
    options.splitRows = splitRows;
    Engine *engine = nullptr;
    int seenInTable = 0;
    auto sink = std::make_shared<HookSink>(
        std::make_shared<FileSink>(options), [&](const EncodedChunk &chunk, int, int) {
            if (chunk.table == cancelAtTable && ++seenInTable == 4)
                engine->cancel();
            return QString();
        });
    const RunOutcome run =
        runPlan(schema(kMixed), plan, sink, options.format, {}, [&](Engine &e) { engine = &e; });
    QVERIFY(run.setupError.isEmpty());
    QVERIFY(run.result.cancelled);
    QVERIFY(!run.result.ok);
    QVERIFY(!run.result.error.isEmpty());
    QVERIFY(run.result.last.rowsDone < run.plan->totalRows());
    QCOMPARE(partFiles(out), QStringList());

    // What is left has its final name only when whole.
    const FileSink names(options);
    QStringList expected;
    for (const TablePlan &tp : run.plan->tables()) {
        if (tp.table < cancelAtTable)
            expected.append(names.fileName(tableName(*run.plan, tp), 0));
    }
    if (!splitRows) {
        QCOMPARE(filesIn(out), expected);
        for (const QString &file : expected) {
            QCOMPARE(rowEnds(readAll(QDir(out).filePath(file)), QStringLiteral("csv")).size(),
                     size_t(20000));
        }
        return;
    }
    const QStringList parts = filesIn(out);
    QVERIFY(!parts.isEmpty()); // parts finished before the cancel are kept
    for (int i = 0; i < parts.size(); ++i) {
        QCOMPARE(parts[i], names.fileName(QStringLiteral("accounts"), i + 1));
        QCOMPARE(rowEnds(readAll(QDir(out).filePath(parts[i])), QStringLiteral("csv")).size(),
                 size_t(splitRows));
    }
}

void TestRunControl::cancelWhileRunning()
{
    // A cancel from the owner's thread (what Ctrl+C and the GUI's Stop do) while workers and the
    // writer are busy.
    PlanOptions plan;
    plan.rows = 3000000;
    plan.chunkRows = 20000;
    const QString out = folder(QStringLiteral("cancel-live"));
    const FileSinkOptions options = sinkTo(out, QStringLiteral("csv"));
    EngineOptions engineOptions;
    engineOptions.sampleIntervalMs = 20;
    const RunOutcome run = runPlan(schema(kMixed), plan, std::make_shared<FileSink>(options),
                                   options.format, engineOptions, [](Engine &engine) {
                                       QObject::connect(&engine, &Engine::snapshotTaken, &engine,
                                                        [&engine](const RunSnapshot &s) {
                                                            if (s.rowsDone > 0 && !s.finished)
                                                                engine.cancel();
                                                        });
                                   });
    QVERIFY(run.setupError.isEmpty());
    QVERIFY(run.result.cancelled);
    QVERIFY(run.result.last.rowsDone < run.plan->totalRows());
    QCOMPARE(partFiles(out), QStringList());
    for (const QString &file : filesIn(out)) {
        // Only a table finished before the cancel may be there, whole.
        const QString table = file.section(QLatin1Char('.'), 0, 0);
        const TablePlan *tp = run.plan->tablePlan(run.plan->schema()->tableIndex(table));
        QVERIFY(tp);
        QCOMPARE(uint64_t(rowEnds(readAll(QDir(out).filePath(file)), QStringLiteral("csv")).size()),
                 tp->rows);
    }
}

void TestRunControl::pauseHoldsWorkers_data()
{
    QTest::addColumn<bool>("cancelWhilePaused");
    QTest::newRow("resume") << false;
    QTest::newRow("cancel") << true;
}

// Paused, workers take no new chunk (rows stop while the sampler keeps ticking); resumed, the
// run completes whole; cancelled while paused, it ends at once with no partial file.
void TestRunControl::pauseHoldsWorkers()
{
    QFETCH(bool, cancelWhilePaused);
    PlanOptions plan;
    plan.rows = 3000000;
    plan.chunkRows = 20000;
    const QString out = folder(QStringLiteral("pause"));
    const FileSinkOptions options = sinkTo(out, QStringLiteral("csv"));
    EngineOptions engineOptions;
    engineOptions.sampleIntervalMs = 20;
    QElapsedTimer pausedFor;
    uint64_t settledRows = 0;
    uint64_t rowsAfterWait = 0;
    int pausedSnapshots = 0;
    bool sawPaused = false;
    const RunOutcome run = runPlan(
        schema(kMixed), plan, std::make_shared<FileSink>(options), options.format, engineOptions,
        [&](Engine &engine) {
            QObject::connect(&engine, &Engine::snapshotTaken, &engine, [&](const RunSnapshot &s) {
                if (s.finished)
                    return;
                if (!pausedFor.isValid()) {
                    if (s.rowsDone > 0) {
                        engine.setPaused(true);
                        sawPaused = engine.isPaused();
                        pausedFor.start();
                    }
                    return;
                }
                if (!engine.isPaused())
                    return;
                ++pausedSnapshots;
                if (pausedFor.elapsed() < 150) {
                    settledRows = s.rowsDone; // chunks in hand when paused still finish
                } else if (pausedFor.elapsed() >= 450) {
                    rowsAfterWait = s.rowsDone;
                    if (cancelWhilePaused)
                        engine.cancel();
                    else
                        engine.setPaused(false);
                }
            });
        },
        30000);
    QVERIFY(run.setupError.isEmpty());
    QVERIFY(!run.timedOut);
    QVERIFY(sawPaused);
    QVERIFY(pausedSnapshots >= 5); // the sampler kept ticking
    QVERIFY(settledRows > 0);
    QCOMPARE(rowsAfterWait, settledRows);
    QCOMPARE(partFiles(out), QStringList());
    if (cancelWhilePaused) {
        QVERIFY(run.result.cancelled);
        QVERIFY(run.result.last.rowsDone < run.plan->totalRows());
    } else {
        QVERIFY2(run.result.ok, qPrintable(run.result.error));
        QCOMPARE(run.result.last.rowsDone, run.plan->totalRows());
    }
}

void TestRunControl::sinkFailureLeavesNoPartialFile()
{
    PlanOptions plan;
    plan.rows = 20000;
    plan.chunkRows = 1000;
    const QString out = folder(QStringLiteral("fail"));
    const FileSinkOptions options = sinkTo(out, QStringLiteral("csv"));
    auto sink = std::make_shared<HookSink>(
        std::make_shared<FileSink>(options), [](const EncodedChunk &chunk, int, int index) {
            return chunk.table == 1 && index >= 25 ? QStringLiteral("disk on fire") : QString();
        });
    const RunOutcome run = runPlan(schema(kMixed), plan, sink, options.format);
    QVERIFY(run.setupError.isEmpty());
    QVERIFY(!run.result.ok);
    QVERIFY(!run.result.cancelled);
    QCOMPARE(run.result.error, QStringLiteral("disk on fire"));
    QCOMPARE(partFiles(out), QStringList());
    QCOMPARE(filesIn(out), QStringList{QStringLiteral("accounts.csv")});
    QCOMPARE(
        rowEnds(readAll(QDir(out).filePath(QStringLiteral("accounts.csv"))), QStringLiteral("csv"))
            .size(),
        size_t(20000));
}

void TestRunControl::outOfMemoryFailsTheRun_data()
{
    QTest::addColumn<bool>("ordered");
    QTest::addColumn<int>("workers");
    QTest::newRow("files, 1 worker") << true << 1;
    QTest::newRow("files, 2 workers") << true << 2;
    QTest::newRow("unordered, 2 workers") << false << 2;
}

void TestRunControl::outOfMemoryFailsTheRun()
{
    QFETCH(bool, ordered);
    QFETCH(int, workers);
    PlanOptions planOptions;
    planOptions.rows = 5000;
    planOptions.chunkRows = 1000;
    const auto compiled = schema(kMixed);
    QVERIFY(compiled);
    QThreadPool pool;
    pool.setMaxThreadCount(workers + 1);
    Diagnostics diagnostics;
    const auto plan = Plan::build(compiled, planOptions, &pool, diagnostics);
    QVERIFY2(plan, qPrintable(diagnostics.toString()));
    const QString victim = compiled->tables().back()->name;
    auto encoder = std::make_unique<ExhaustedEncoder>(victim);
    Engine engine(&pool);
    QEventLoop loop;
    RunResult result;
    QObject::connect(&engine, &Engine::runFinished, &loop, [&](const RunResult &r) {
        result = r;
        loop.quit();
    });
    EngineOptions options;
    options.workers = workers;
    QVERIFY(
        engine.start(plan, std::make_shared<CollectSink>(ordered), std::move(encoder), options));
    QTimer::singleShot(60000, &loop, [&] { engine.cancel(); });
    loop.exec();
    QVERIFY(!result.ok);
    QVERIFY(!result.cancelled);
    QVERIFY2(result.error.startsWith(
                 QStringLiteral("ran out of memory while generating table '%1'").arg(victim)),
             qPrintable(result.error));
    QVERIFY2(result.error.contains(QLatin1String("maxLength")), qPrintable(result.error));
}

void TestRunControl::snapshots()
{
    PlanOptions plan;
    plan.rows = 20000;
    plan.chunkRows = 1000;
    const QString out = folder(QStringLiteral("snapshots"));
    const FileSinkOptions options = sinkTo(out, QStringLiteral("pgcopy"));
    EngineOptions engine;
    engine.sampleIntervalMs = 10;
    // About 80 chunks at 5 ms each: the run lasts long enough for the sampler to fire.
    auto sink = std::make_shared<HookSink>(std::make_shared<FileSink>(options),
                                           [](const EncodedChunk &, int, int) {
                                               QThread::msleep(5);
                                               return QString();
                                           });
    const RunOutcome run = runPlan(schema(kMixed), plan, sink, options.format, engine);
    QVERIFY2(run.result.ok, qPrintable(run.result.error + run.setupError));
    const QList<RunSnapshot> &s = run.snapshots;
    QVERIFY2(s.size() >= 3, qPrintable(QString::number(s.size())));
    for (qsizetype i = 0; i < s.size(); ++i) {
        QCOMPARE(s[i].rowsTotal, run.plan->totalRows());
        QVERIFY(s[i].rowsDone <= s[i].rowsTotal);
        QCOMPARE(s[i].finished, i == s.size() - 1);
        if (i > 0) {
            QVERIFY(s[i].rowsDone >= s[i - 1].rowsDone);
            QVERIFY(s[i].bytesDone >= s[i - 1].bytesDone);
            QVERIFY(s[i].elapsedSeconds >= s[i - 1].elapsedSeconds);
        }
    }
    const RunSnapshot &last = s.back();
    QCOMPARE(last.rowsDone, run.plan->totalRows());
    QCOMPARE(run.result.last.rowsDone, last.rowsDone);
    QCOMPARE(last.tables.size(), 2);
    uint64_t fileBytes = 0;
    for (const QString &file : filesIn(out))
        fileBytes += uint64_t(QFileInfo(QDir(out).filePath(file)).size());
    uint64_t tableBytes = 0;
    for (const TableProgress &t : last.tables) {
        QCOMPARE(t.rowsDone, t.rowsTotal);
        tableBytes += t.bytesDone;
    }
    QCOMPARE(tableBytes, last.bytesDone);
    QCOMPARE(last.bytesDone, fileBytes); // COPY text: no header, every byte counted
}

QTEST_GUILESS_MAIN(TestRunControl)
#include "test_runcontrol.moc"
