// The engine and the file sink as users rely on them: the same schema and seed give the same
// bytes whatever the workers, chunk size, reorder window or completion order; references point
// at rows that exist; split files and shards leave only whole files; unique columns stay unique
// at scale; memory does not grow with rows. Cancel, pause and snapshots: test_runcontrol.cpp.

#include "runsupport.h"

#include <QElapsedTimer>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

using namespace spillway;
using namespace spillway::test;

namespace {

const QString kMixed = QStringLiteral(SPILLWAY_TEST_DATA "/mixed.json");
const QString kUnique = QStringLiteral(SPILLWAY_TEST_DATA "/unique.json");
const QString kEcommerce = QStringLiteral(":/spillway/examples/ecommerce.json");
const QString kLineitem = QStringLiteral(":/spillway/examples/lineitem.json");

} // namespace

class TestEngine : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void determinism_data();
    void determinism();
    void chunksIndependentOfWorkerAndOrder_data();
    void chunksIndependentOfWorkerAndOrder();
    void childTableIndependentOfChunking_data();
    void childTableIndependentOfChunking();
    void ecommerceReferences();
    void splitByRows_data();
    void splitByRows();
    void splitByBytes_data();
    void splitByBytes();
    void zeroRowsStillWriteEveryFile_data();
    void zeroRowsStillWriteEveryFile();
    void shardsConcatenate_data();
    void shardsConcatenate();
    void uniqueAtScale();
    void uniqueSpaceTooSmall();
    void fileNames_data();
    void fileNames();
    void openErrors();
    void memoryStaysBounded();

private:
    void checkOrderLines(const QHash<QString, QList<QByteArray>> &lines);
    QString folder(const QString &name);
    std::shared_ptr<CompiledSchema> schema(const QString &file);

    QTemporaryDir m_tmp;
    int m_folders = 0;
    // Reference output of mixed.json (5000 root rows, one worker, default chunks) per format.
    QHash<QString, QMap<QString, QByteArray>> m_reference;
};

QString TestEngine::folder(const QString &name)
{
    return m_tmp.filePath(QStringLiteral("%1-%2").arg(++m_folders).arg(name));
}

std::shared_ptr<CompiledSchema> TestEngine::schema(const QString &file)
{
    QString error;
    auto compiled = compileFile(file, &error);
    if (!compiled)
        qWarning("%s: %s", qPrintable(file), qPrintable(error));
    return compiled;
}

void TestEngine::initTestCase()
{
    QVERIFY(m_tmp.isValid());
    for (const QString &format : {QStringLiteral("csv"), QStringLiteral("pgcopy")}) {
        const QString out = folder(QStringLiteral("reference-") + format);
        PlanOptions plan;
        plan.rows = 5000;
        EngineOptions engine;
        engine.workers = 1;
        const RunOutcome run = runToFolder(schema(kMixed), plan, sinkTo(out, format), engine);
        QVERIFY2(run.setupError.isEmpty(), qPrintable(run.setupError));
        QVERIFY2(run.result.ok, qPrintable(run.result.error));
        m_reference[format] = hashFolder(out);
        QCOMPARE(m_reference[format].size(), 2);
    }
}

void TestEngine::determinism_data()
{
    QTest::addColumn<QString>("format");
    QTest::addColumn<int>("workers");
    QTest::addColumn<qulonglong>("chunkRows");
    QTest::addColumn<int>("window");
    QTest::addColumn<bool>("jitter"); // random delays in the writer: chunks pile up out of order
    for (const char *format : {"csv", "pgcopy"}) {
        for (int workers : {1, 2, 4}) {
            for (qulonglong chunk : {1ULL, 7ULL, 1000ULL, 0ULL})
                QTest::addRow("%s w%d c%llu", format, workers, chunk)
                    << QString::fromLatin1(format) << workers << chunk << 0 << false;
        }
        QTest::addRow("%s w4 c31 window=workers jitter", format)
            << QString::fromLatin1(format) << 4 << 31ULL << 1 << true;
        QTest::addRow("%s w4 c1000 window64 jitter", format)
            << QString::fromLatin1(format) << 4 << 1000ULL << 64 << true;
        QTest::addRow("%s w2 c31 jitter", format)
            << QString::fromLatin1(format) << 2 << 31ULL << 0 << true;
    }
}

void TestEngine::determinism()
{
    QFETCH(QString, format);
    QFETCH(int, workers);
    QFETCH(qulonglong, chunkRows);
    QFETCH(int, window);
    QFETCH(bool, jitter);
    const QString out = folder(QStringLiteral("determinism"));
    PlanOptions plan;
    plan.rows = 5000;
    plan.chunkRows = chunkRows;
    EngineOptions engine;
    engine.workers = workers;
    engine.window = window;
    HookSink::Hook hook;
    if (jitter) {
        hook = [](const EncodedChunk &, int, int) {
            QThread::usleep(QRandomGenerator::global()->bounded(200));
            return QString();
        };
    }
    auto sink = std::make_shared<HookSink>(std::make_shared<FileSink>(sinkTo(out, format)), hook);
    const RunOutcome run = runPlan(schema(kMixed), plan, sink, formatNamed(format), engine);
    QVERIFY2(run.setupError.isEmpty(), qPrintable(run.setupError));
    QVERIFY2(run.result.ok, qPrintable(run.result.error));
    if (chunkRows)
        QCOMPARE(run.plan->tables().front().chunkRows, uint64_t(chunkRows));
    QCOMPARE(hashFolder(out), m_reference[format]);
}

void TestEngine::chunksIndependentOfWorkerAndOrder_data()
{
    QTest::addColumn<QString>("format");
    QTest::addColumn<int>("workers");
    QTest::addColumn<qulonglong>("chunkRows");
    for (const char *format : {"csv", "pgcopy"}) {
        for (int workers : {2, 4}) {
            for (qulonglong chunk : {31ULL, 1000ULL})
                QTest::addRow("%s w%d c%llu", format, workers, chunk)
                    << QString::fromLatin1(format) << workers << chunk;
        }
    }
}

void TestEngine::chunksIndependentOfWorkerAndOrder()
{
    // An unordered sink gets chunks from any worker, in whatever order they finish (shuffled
    // further by random delays); put back in plan order they are the file's bytes.
    QFETCH(QString, format);
    QFETCH(int, workers);
    QFETCH(qulonglong, chunkRows);
    PlanOptions plan;
    plan.rows = 5000;
    plan.chunkRows = chunkRows;
    EngineOptions engine;
    engine.workers = workers;
    auto collect = std::make_shared<CollectSink>(false);
    QSet<int> workersSeen;
    std::mutex seenMutex;
    auto sink = std::make_shared<HookSink>(collect, [&](const EncodedChunk &, int worker, int) {
        {
            std::lock_guard lock(seenMutex);
            workersSeen.insert(worker);
        }
        QThread::usleep(QRandomGenerator::global()->bounded(150));
        return QString();
    });
    const FormatOptions fmt = formatNamed(format);
    const RunOutcome run = runPlan(schema(kMixed), plan, sink, fmt, engine);
    QVERIFY2(run.result.ok, qPrintable(run.result.error + run.setupError));
    QVERIFY(workersSeen.size() >= 1);
    const auto encoder = Encoder::create(fmt);
    const FileSink names(sinkTo(QString(), format));
    for (const TablePlan &tp : run.plan->tables()) {
        const TableRuntime &table = *run.plan->schema()->tables()[size_t(tp.table)];
        ByteBuffer header;
        encoder->writeHeader(table, header);
        const QByteArray bytes =
            QByteArray(header.data(), qsizetype(header.size())) + collect->tableBytes(tp.table);
        QCOMPARE(sha256(bytes), m_reference[format].value(names.fileName(table.name, 0)));
    }
}

void TestEngine::childTableIndependentOfChunking_data()
{
    QTest::addColumn<int>("workers");
    QTest::addColumn<qulonglong>("chunkRows");
    for (int workers : {1, 4}) {
        for (qulonglong chunk : {3ULL, 7ULL, 1000ULL, 0ULL})
            QTest::addRow("w%d c%llu", workers, chunk) << workers << chunk;
    }
}

void TestEngine::childTableIndependentOfChunking()
{
    // order_lines alone: its parents (orders) are only sized, and its bytes do not depend on
    // how parent ranges are cut.
    QFETCH(int, workers);
    QFETCH(qulonglong, chunkRows);
    static QByteArray reference;
    PlanOptions plan;
    plan.scale = 0.01;
    plan.tables = QStringList{QStringLiteral("order_lines")};
    if (reference.isEmpty()) {
        const QString out = folder(QStringLiteral("lines-reference"));
        const RunOutcome run =
            runToFolder(schema(kEcommerce), plan, sinkTo(out, QStringLiteral("csv")));
        QVERIFY2(run.result.ok, qPrintable(run.result.error + run.setupError));
        QCOMPARE(filesIn(out), QStringList{QStringLiteral("order_lines.csv")});
        reference = hashFolder(out).value(QStringLiteral("order_lines.csv"));
    }
    const QString out = folder(QStringLiteral("lines"));
    plan.chunkRows = chunkRows;
    EngineOptions engine;
    engine.workers = workers;
    const RunOutcome run =
        runToFolder(schema(kEcommerce), plan, sinkTo(out, QStringLiteral("csv")), engine);
    QVERIFY2(run.result.ok, qPrintable(run.result.error + run.setupError));
    QVERIFY(run.plan->tables().front().chunkCount > (chunkRows == 3 ? 1000U : 0U));
    QCOMPARE(filesIn(out), QStringList{QStringLiteral("order_lines.csv")});
    QCOMPARE(hashFolder(out).value(QStringLiteral("order_lines.csv")), reference);
}

void TestEngine::ecommerceReferences()
{
    const QString out = folder(QStringLiteral("ecommerce"));
    PlanOptions plan;
    plan.scale = 0.02; // 2000 customers, 200 products, 20000 orders, about 80000 lines
    EngineOptions engine;
    engine.workers = 2;
    const RunOutcome run =
        runToFolder(schema(kEcommerce), plan, sinkTo(out, QStringLiteral("csv")), engine);
    QVERIFY2(run.result.ok, qPrintable(run.result.error + run.setupError));

    // Every table parsed; each column's values by name.
    QHash<QString, QHash<QString, QList<QByteArray>>> tables;
    uint64_t total = 0;
    for (const TablePlan &tp : run.plan->tables()) {
        const QString name = tableName(*run.plan, tp);
        qsizetype rows = 0;
        QString error;
        QVERIFY2(readCsvColumns(QDir(out).filePath(name + QStringLiteral(".csv")), tables[name],
                                rows, &error),
                 qPrintable(name + QStringLiteral(": ") + error));
        QCOMPARE(uint64_t(rows), tp.rows);
        total += tp.rows;
    }
    QCOMPARE(total, run.plan->totalRows());
    QCOMPARE(run.result.last.rowsDone, total);
    QCOMPARE(tables.value(QStringLiteral("customers")).value(QStringLiteral("id")).size(), 2000);
    QCOMPARE(tables.value(QStringLiteral("orders")).value(QStringLiteral("id")).size(), 20000);

    auto keys = [&](const char *table, const char *column) {
        const QList<QByteArray> v = tables[QString::fromLatin1(table)][QString::fromLatin1(column)];
        return QSet<QByteArray>(v.begin(), v.end());
    };
    const QSet<QByteArray> customers = keys("customers", "id"), products = keys("products", "id"),
                           orders = keys("orders", "id");
    QCOMPARE(customers.size(), 2000);
    QCOMPARE(products.size(), 200);
    QCOMPARE(orders.size(), 20000);
    QCOMPARE(keys("products", "sku").size(), 200);
    QVERIFY(keys("orders", "customer_id").subtract(customers).isEmpty());
    QVERIFY(keys("order_lines", "product_id").subtract(products).isEmpty());
    QVERIFY(keys("order_lines", "order_id").subtract(orders).isEmpty());
    QCOMPARE(keys("order_lines", "order_id"), orders); // every order has lines
    checkOrderLines(tables[QStringLiteral("order_lines")]);
}

void TestEngine::checkOrderLines(const QHash<QString, QList<QByteArray>> &lines)
{
    // 1 to 7 lines per order, numbered from 1, an order's lines together and in order.
    const QList<QByteArray> orderIds = lines.value(QStringLiteral("order_id"));
    const QList<QByteArray> lineNos = lines.value(QStringLiteral("line_no"));
    QCOMPARE(orderIds.size(), lineNos.size());
    qint64 previous = 0, expectedLine = 1;
    for (qsizetype i = 0; i < orderIds.size(); ++i) {
        const qint64 order = orderIds[i].toLongLong();
        if (order != previous) {
            QVERIFY2(order > previous, "child rows follow their parents' order");
            expectedLine = 1;
            previous = order;
        }
        QCOMPARE(lineNos[i].toLongLong(), expectedLine);
        QVERIFY(expectedLine <= 7);
        ++expectedLine;
    }
}

void TestEngine::splitByRows_data()
{
    QTest::addColumn<QString>("format");
    QTest::addColumn<qulonglong>("splitRows");
    QTest::addColumn<qulonglong>("rows"); // of the root table; the child has about 3 times more
    for (const QString &format :
         {QStringLiteral("csv"), QStringLiteral("pgcopy"), QStringLiteral("tsv")}) {
        QTest::addRow("%s 7", qPrintable(format)) << format << 7ULL << 200ULL;
        for (qulonglong n : {500ULL, 1999ULL, 2000ULL, 100000ULL})
            QTest::addRow("%s %llu", qPrintable(format), n) << format << n << 2000ULL;
    }
}

void TestEngine::splitByRows()
{
    QFETCH(QString, format);
    QFETCH(qulonglong, splitRows);
    QFETCH(qulonglong, rows);
    PlanOptions plan;
    plan.rows = rows;
    plan.chunkRows = 300; // split points fall inside chunks and on their edges
    const QString whole = folder(QStringLiteral("whole")), split = folder(QStringLiteral("split"));
    const RunOutcome wholeRun = runToFolder(schema(kMixed), plan, sinkTo(whole, format));
    QVERIFY2(wholeRun.result.ok, qPrintable(wholeRun.result.error + wholeRun.setupError));
    FileSinkOptions options = sinkTo(split, format);
    options.splitRows = splitRows;
    const RunOutcome run = runToFolder(schema(kMixed), plan, options);
    QVERIFY2(run.result.ok, qPrintable(run.result.error + run.setupError));

    const FileSink names(options);
    QStringList expectedFiles;
    for (const TablePlan &tp : run.plan->tables()) {
        const QString name = tableName(*run.plan, tp);
        const QByteArray unsplit = readAll(QDir(whole).filePath(names.fileName(name, 0)));
        const QByteArray header = unsplit.left(headerSize(unsplit, format));
        const int parts = int(std::max<uint64_t>(1, (tp.rows + splitRows - 1) / splitRows));
        QByteArray joined = header;
        for (int part = 1; part <= parts; ++part) {
            const QString file = names.fileName(name, part);
            expectedFiles.append(file);
            const QByteArray bytes = readAll(QDir(split).filePath(file));
            QVERIFY2(bytes.startsWith(header), qPrintable(file)); // a header in every file
            const uint64_t rows = rowEnds(bytes, format).size();
            if (part < parts)
                QCOMPARE(rows, uint64_t(splitRows));
            else
                QCOMPARE(rows, tp.rows - uint64_t(parts - 1) * splitRows);
            joined += bytes.mid(header.size());
        }
        QVERIFY2(joined == unsplit, qPrintable(name));
    }
    expectedFiles.sort();
    QCOMPARE(filesIn(split), expectedFiles);
}

void TestEngine::splitByBytes_data()
{
    QTest::addColumn<QString>("format");
    QTest::addColumn<qulonglong>("limit");
    QTest::addColumn<qulonglong>("rows");
    for (const QString &format : {QStringLiteral("csv"), QStringLiteral("pgcopy")}) {
        // Limits below one row: a file per row.
        QTest::addRow("%s 1", qPrintable(format)) << format << 1ULL << 50ULL;
        QTest::addRow("%s 100", qPrintable(format)) << format << 100ULL << 100ULL;
        for (qulonglong limit : {4096ULL, 65536ULL, 100000000ULL})
            QTest::addRow("%s %llu", qPrintable(format), limit) << format << limit << 1000ULL;
    }
}

void TestEngine::splitByBytes()
{
    QFETCH(QString, format);
    QFETCH(qulonglong, limit);
    QFETCH(qulonglong, rows);
    PlanOptions plan;
    plan.rows = rows;
    plan.chunkRows = 300;
    const QString whole = folder(QStringLiteral("whole")), split = folder(QStringLiteral("bytes"));
    QVERIFY(runToFolder(schema(kMixed), plan, sinkTo(whole, format)).result.ok);
    FileSinkOptions options = sinkTo(split, format);
    options.splitBytes = limit;
    const RunOutcome run = runToFolder(schema(kMixed), plan, options);
    QVERIFY2(run.result.ok, qPrintable(run.result.error + run.setupError));

    const FileSink names(options);
    int filesSeen = 0;
    for (const TablePlan &tp : run.plan->tables()) {
        const QString name = tableName(*run.plan, tp);
        const QByteArray unsplit = readAll(QDir(whole).filePath(names.fileName(name, 0)));
        const QByteArray header = unsplit.left(headerSize(unsplit, format));
        QByteArray joined = header;
        QByteArray previous;
        for (int part = 1; QFile::exists(QDir(split).filePath(names.fileName(name, part)));
             ++part) {
            ++filesSeen;
            const QByteArray bytes = readAll(QDir(split).filePath(names.fileName(name, part)));
            const auto ends = rowEnds(bytes, format);
            QVERIFY(bytes.startsWith(header));
            QVERIFY2(!ends.empty(), "no file without rows");
            // Within the limit, unless one row alone is bigger.
            QVERIFY2(uint64_t(bytes.size()) <= limit || ends.size() == 1,
                     qPrintable(QStringLiteral("%1 part %2: %3 bytes, %4 rows")
                                    .arg(name)
                                    .arg(part)
                                    .arg(bytes.size())
                                    .arg(ends.size())));
            // And not cut early: the previous file could not take this file's first row.
            const qsizetype firstRow = ends.front() - header.size();
            if (!previous.isEmpty())
                QVERIFY(uint64_t(previous.size() + firstRow) > limit);
            previous = bytes;
            joined += bytes.mid(header.size());
        }
        QVERIFY2(joined == unsplit, qPrintable(name));
    }
    QCOMPARE(filesIn(split).size(), filesSeen);
}

void TestEngine::zeroRowsStillWriteEveryFile_data()
{
    QTest::addColumn<QString>("format");
    QTest::addColumn<qulonglong>("splitRows");
    QTest::newRow("csv") << QStringLiteral("csv") << 0ULL;
    QTest::newRow("csv split") << QStringLiteral("csv") << 10ULL;
    QTest::newRow("pgcopy") << QStringLiteral("pgcopy") << 0ULL;
}

void TestEngine::zeroRowsStillWriteEveryFile()
{
    // An ETL job waiting for a table's file gets one even when the table is empty: a header
    // only (or nothing for COPY text), never a missing file.
    QFETCH(QString, format);
    QFETCH(qulonglong, splitRows);
    const QString out = folder(QStringLiteral("empty"));
    PlanOptions plan;
    plan.rows = 0;
    FileSinkOptions options = sinkTo(out, format);
    options.splitRows = splitRows;
    const RunOutcome run = runToFolder(schema(kMixed), plan, options);
    QVERIFY2(run.result.ok, qPrintable(run.result.error + run.setupError));
    QCOMPARE(run.plan->totalRows(), uint64_t(0));
    const FileSink names(options);
    const int part = splitRows ? 1 : 0;
    QStringList expected{names.fileName(QStringLiteral("accounts"), part),
                         names.fileName(QStringLiteral("events"), part)};
    QCOMPARE(filesIn(out), expected);
    QCOMPARE(run.result.outputs.size(), 2);
    const QByteArray accounts = readAll(QDir(out).filePath(expected[0]));
    if (hasHeader(format))
        QCOMPARE(accounts, QByteArray("id,code,name,note,balance,score,opened,token\n"));
    else
        QVERIFY(accounts.isEmpty());
}

void TestEngine::shardsConcatenate_data()
{
    QTest::addColumn<QString>("format");
    QTest::addColumn<int>("shards");
    QTest::addColumn<qulonglong>("rows");
    QTest::newRow("csv 2") << QStringLiteral("csv") << 2 << 5000ULL;
    QTest::newRow("csv 3") << QStringLiteral("csv") << 3 << 5000ULL;
    QTest::newRow("pgcopy 7") << QStringLiteral("pgcopy") << 7 << 5000ULL;
    QTest::newRow("csv 7 of 5 rows") << QStringLiteral("csv") << 7 << 5ULL;
}

void TestEngine::shardsConcatenate()
{
    QFETCH(QString, format);
    QFETCH(int, shards);
    QFETCH(qulonglong, rows);
    PlanOptions plan;
    plan.rows = rows;
    plan.chunkRows = 700;
    const QString whole = folder(QStringLiteral("unsharded"));
    const RunOutcome wholeRun = runToFolder(schema(kMixed), plan, sinkTo(whole, format));
    QVERIFY2(wholeRun.result.ok, qPrintable(wholeRun.result.error + wholeRun.setupError));
    QHash<QString, QByteArray> joined;
    uint64_t shardRows = 0;
    for (int k = 0; k < shards; ++k) {
        plan.shardIndex = k;
        plan.shardCount = shards;
        const QString out = folder(QStringLiteral("shard%1").arg(k));
        const RunOutcome run = runToFolder(schema(kMixed), plan, sinkTo(out, format));
        QVERIFY2(run.result.ok, qPrintable(run.result.error + run.setupError));
        shardRows += run.plan->totalRows();
        QCOMPARE(filesIn(out), filesIn(whole)); // every shard writes every table
        for (const QString &file : filesIn(out)) {
            const QByteArray bytes = readAll(QDir(out).filePath(file));
            joined[file] += k == 0 ? bytes : bytes.mid(headerSize(bytes, format));
        }
    }
    QCOMPARE(shardRows, wholeRun.plan->totalRows());
    for (const QString &file : filesIn(whole))
        QVERIFY2(joined.value(file) == readAll(QDir(whole).filePath(file)), qPrintable(file));
}

void TestEngine::uniqueAtScale()
{
    // 100000 rows from a pattern with exactly 100000 values: a permutation of the whole space.
    const QString out = folder(QStringLiteral("unique"));
    const RunOutcome run =
        runToFolder(schema(kUnique), PlanOptions{}, sinkTo(out, QStringLiteral("pgcopy")));
    QVERIFY2(run.result.ok, qPrintable(run.result.error + run.setupError));
    const QList<QByteArray> lines =
        readAll(QDir(out).filePath(QStringLiteral("products.copy"))).split('\n');
    QCOMPARE(lines.size(), 100001); // and an empty piece after the last newline
    const QRegularExpression sku(QStringLiteral("^[A-J]\\d{4}$"));
    QSet<QByteArray> seen;
    seen.reserve(100000);
    for (qsizetype i = 0; i + 1 < lines.size(); ++i) {
        const QByteArray value = lines[i].mid(lines[i].indexOf('\t') + 1);
        QVERIFY2(sku.match(QString::fromLatin1(value)).hasMatch(), value.constData());
        seen.insert(value);
    }
    QCOMPARE(seen.size(), 100000);

    // The bundled shop's SKUs at 100k products.
    PlanOptions plan;
    plan.tables = QStringList{QStringLiteral("products")};
    plan.tableRows.insert(QStringLiteral("products"), 100000);
    const QString shop = folder(QStringLiteral("unique-shop"));
    const RunOutcome products =
        runToFolder(schema(kEcommerce), plan, sinkTo(shop, QStringLiteral("pgcopy")));
    QVERIFY2(products.result.ok, qPrintable(products.result.error + products.setupError));
    QSet<QByteArray> skus;
    for (const QByteArray &line :
         readAll(QDir(shop).filePath(QStringLiteral("products.copy"))).split('\n')) {
        if (!line.isEmpty())
            skus.insert(line.split('\t').value(1));
    }
    QCOMPARE(skus.size(), 100000);
}

void TestEngine::uniqueSpaceTooSmall()
{
    PlanOptions plan;
    plan.rows = 100001;
    const RunOutcome run = runToFolder(schema(kUnique), plan,
                                       sinkTo(folder(QStringLiteral("x")), QStringLiteral("csv")));
    QVERIFY(!run.plan);
    QVERIFY2(run.setupError.contains(QStringLiteral("unique")) &&
                 run.setupError.contains(QStringLiteral("100001")) &&
                 run.setupError.contains(QStringLiteral("tables[0].columns[1]")),
             qPrintable(run.setupError));
}

void TestEngine::fileNames_data()
{
    QTest::addColumn<QString>("format");
    QTest::addColumn<QString>("table");
    QTest::addColumn<int>("part");
    QTest::addColumn<QString>("expected");
    QTest::newRow("plain") << "csv"
                           << "orders" << 0 << "orders.csv";
    QTest::newRow("part") << "csv"
                          << "orders" << 1 << "orders_00001.csv";
    QTest::newRow("part 12345") << "tsv"
                                << "orders" << 12345 << "orders_12345.tsv";
    QTest::newRow("copy") << "pgcopy"
                          << "orders" << 0 << "orders.copy";
    QTest::newRow("slash") << "csv"
                           << "a/b" << 0 << "a_b.csv";
    QTest::newRow("backslash") << "csv"
                               << "a\\b" << 0 << "a_b.csv";
    QTest::newRow("parent") << "csv"
                            << "../x" << 0 << "_.._x.csv";
    QTest::newRow("dot") << "csv"
                         << ".hidden" << 2 << "_.hidden_00002.csv";
    QTest::newRow("unicode") << "csv"
                             << "日本" << 0 << "日本.csv";
}

void TestEngine::fileNames()
{
    QFETCH(QString, format);
    QFETCH(QString, table);
    QFETCH(int, part);
    QFETCH(QString, expected);
    const FileSink sink(sinkTo(QStringLiteral("/tmp"), format));
    QCOMPARE(sink.fileName(table, part), expected);
}

void TestEngine::openErrors()
{
    // Standard output takes one table; a folder that cannot be made is named in the error.
    const RunOutcome two = runToFolder(schema(kMixed), PlanOptions{},
                                       sinkTo(QStringLiteral("-"), QStringLiteral("csv")));
    QVERIFY2(two.setupError.contains(QStringLiteral("--table")), qPrintable(two.setupError));
    const QString bad = QStringLiteral("/proc/spillway-no-such/out");
    const RunOutcome missing =
        runToFolder(schema(kMixed), PlanOptions{}, sinkTo(bad, QStringLiteral("csv")));
    QVERIFY2(missing.setupError.contains(bad), qPrintable(missing.setupError));
}

void TestEngine::memoryStaysBounded()
{
    // 2M lineitem rows (about 280 MB of CSV) through the engine: the peak stays far below
    // the output size, as workers x chunk + window bound it.
    if (!resetPeakRss())
        QSKIP("/proc/self/clear_refs is not writable here: cannot measure the peak");
    const qint64 before = peakRssKiB();
    QVERIFY(before > 0);
    PlanOptions plan;
    plan.rows = 2000000;
    auto sink = std::make_shared<CollectSink>(true, false);
    EngineOptions engine;
    engine.workers = 2;
    const RunOutcome run =
        runPlan(schema(kLineitem), plan, sink, formatNamed(QStringLiteral("csv")), engine);
    QVERIFY2(run.result.ok, qPrintable(run.result.error + run.setupError));
    QCOMPARE(sink->rows(), uint64_t(2000000));
    QVERIFY(sink->bytes() > 200u * 1000 * 1000);
    const qint64 peak = peakRssKiB();
    QVERIFY2(peak - before < 200 * 1024,
             qPrintable(QStringLiteral("peak grew by %1 KiB").arg(peak - before)));
}

QTEST_GUILESS_MAIN(TestEngine)
#include "test_engine.moc"
