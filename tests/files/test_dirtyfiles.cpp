// Dirty rows in files: the manifest lists exactly the rows DirtyRows picks, in file order; a
// split keeps a duplicate in the file of the row it repeats; a cancelled run's manifest names
// only the files it kept; formats and targets that cannot hold dirty rows are refused; a run
// without dirty rows writes the same bytes as before and no manifest.

#include "../run/runsupport.h"
#include "files/dirtymanifest.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace spillway;
using namespace spillway::test;

namespace {

const QString kDirty = QStringLiteral(SPILLWAY_TEST_DATA "/dirty.json");

QList<QJsonObject> manifest(const QString &folder)
{
    QList<QJsonObject> entries;
    QFile file(QDir(folder).filePath(DirtyManifest::fileName()));
    if (!file.open(QIODevice::ReadOnly))
        return entries;
    for (const QByteArray &line : file.readAll().split('\n')) {
        if (!line.isEmpty())
            entries.append(QJsonDocument::fromJson(line).object());
    }
    return entries;
}

PlanOptions dirtyPlan(double fraction, QList<DirtyKind> kinds = {})
{
    PlanOptions plan;
    plan.tableRows.insert(QStringLiteral("customers"), 4000);
    plan.chunkRows = 700;
    plan.dirty.fraction = fraction;
    plan.dirty.kinds = kinds;
    plan.dirty.isSet = true;
    return plan;
}

} // namespace

class TestDirtyFiles : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QVERIFY(m_tmp.isValid()); }

    void manifestListsEveryDirtyRow_data()
    {
        QTest::addColumn<QString>("format");
        for (const char *f : {"csv", "tsv", "pgcopy", "jsonl"})
            QTest::newRow(f) << QString::fromLatin1(f);
    }
    void manifestListsEveryDirtyRow()
    {
        QFETCH(QString, format);
        const QString out = folder(format);
        const FileSinkOptions options = sinkTo(out, format);
        const RunOutcome run = runToFolder(schema(), dirtyPlan(0.02), options);
        QVERIFY2(run.result.ok, qPrintable(run.setupError + run.result.error));
        const auto dirty = run.plan->dirtyTables(options.format.format);
        QStringList expected;
        for (const TablePlan &tp : run.plan->tables()) {
            const DirtyRows *rows = (*dirty)[size_t(tp.table)].get();
            for (uint64_t row = 0; rows && row < tp.rows; ++row) {
                if (const auto hit = rows->at(row))
                    expected.append(QStringLiteral("%1 %2 %3")
                                        .arg(rows->table().name, QString::number(row),
                                             dirtyKindName(hit->kind)));
            }
        }
        QStringList listed;
        for (const QJsonObject &e : manifest(out))
            listed.append(QStringLiteral("%1 %2 %3")
                              .arg(e[QStringLiteral("table")].toString(),
                                   QString::number(e[QStringLiteral("row")].toInteger()),
                                   e[QStringLiteral("kind")].toString()));
        QVERIFY(expected.size() > 100);
        QCOMPARE(listed, expected);
    }

    // Only duplicates, many of them, and small parts: no part after the first starts with a
    // dirty row, so each duplicate's original is in its file.
    void splitKeepsDuplicatesWithTheirRow()
    {
        const QString out = folder(QStringLiteral("split"));
        FileSinkOptions options = sinkTo(out, QStringLiteral("csv"));
        options.splitRows = 50;
        const RunOutcome run =
            runToFolder(schema(), dirtyPlan(0.3, {DirtyKind::Duplicate}), options);
        QVERIFY2(run.result.ok, qPrintable(run.setupError + run.result.error));
        int duplicates = 0;
        for (const QJsonObject &e : manifest(out)) {
            const QString file = e[QStringLiteral("file")].toString();
            if (!file.endsWith(QLatin1String("_00001.csv")))
                QVERIFY2(e[QStringLiteral("record")].toInteger() > 1, qPrintable(file));
            duplicates += e[QStringLiteral("kind")].toString() == QLatin1String("duplicate");
        }
        QVERIFY(duplicates > 100);
        // Parts hold at least their 50 rows (more when the cut moved past dirty rows).
        const QStringList parts =
            QDir(out).entryList({QStringLiteral("customers_*.csv")}, QDir::Files, QDir::Name);
        QVERIFY(parts.size() > 10);
        for (qsizetype i = 0; i + 1 < parts.size(); ++i)
            QVERIFY(rowEnds(readAll(QDir(out).filePath(parts[i])), QStringLiteral("csv")).size() >=
                    50);
    }

    void cancelKeepsLinesOfKeptFilesOnly()
    {
        const QString out = folder(QStringLiteral("cancel"));
        FileSinkOptions options = sinkTo(out, QStringLiteral("csv"));
        options.splitRows = 1000;
        PlanOptions plan = dirtyPlan(0.05);
        plan.tables = QStringList{QStringLiteral("customers")};
        Engine *engine = nullptr;
        int seen = 0;
        auto sink = std::make_shared<HookSink>(std::make_shared<FileSink>(options),
                                               [&](const EncodedChunk &, int, int) {
                                                   if (++seen == 4)
                                                       engine->cancel();
                                                   return QString();
                                               });
        const RunOutcome run =
            runPlan(schema(), plan, sink, options.format, {}, [&](Engine &e) { engine = &e; });
        QVERIFY(run.setupError.isEmpty());
        QVERIFY(run.result.cancelled);
        const QStringList kept = filesIn(out);
        QVERIFY(kept.contains(QStringLiteral("customers_00001.csv")));
        QVERIFY(!kept.contains(QStringLiteral("customers_00004.csv")));
        const QList<QJsonObject> entries = manifest(out);
        QVERIFY(!entries.isEmpty());
        for (const QJsonObject &e : entries)
            QVERIFY2(kept.contains(e[QStringLiteral("file")].toString()),
                     qPrintable(e[QStringLiteral("file")].toString()));
    }

    void refusals()
    {
        const QString out = folder(QStringLiteral("refused"));
        RunOutcome run =
            runToFolder(schema(), dirtyPlan(0.01), sinkTo(out, QStringLiteral("pgbinary")));
        QVERIFY2(run.setupError.contains(QLatin1String("use a text format")) ||
                     run.setupError.contains(QLatin1String("text format")),
                 qPrintable(run.setupError));
        PlanOptions one = dirtyPlan(0.01);
        one.tables = QStringList{QStringLiteral("notes")};
        run = runToFolder(schema(), one, sinkTo(QStringLiteral("-"), QStringLiteral("csv")));
        QVERIFY2(run.setupError.contains(QLatin1String("folder for their manifest")),
                 qPrintable(run.setupError));
        // A database sink does not take dirty rows (ingest).
        run = runPlan(schema(), dirtyPlan(0.01), std::make_shared<CollectSink>(false),
                      FormatOptions());
        QVERIFY2(run.setupError.startsWith(QLatin1String("dirty rows are for files")),
                 qPrintable(run.setupError));
    }

    // Tiny chunks put most duplicates at a batch's first row, whose original is generated
    // alone (a child table's from its parent): the bytes do not depend on chunking.
    void bytesDoNotDependOnChunks()
    {
        QMap<QString, QByteArray> first;
        for (const uint64_t chunkRows : {7, 1000}) {
            const QString out = folder(QStringLiteral("chunks"));
            PlanOptions plan = dirtyPlan(0.2);
            plan.chunkRows = chunkRows;
            QVERIFY(runToFolder(schema(), plan, sinkTo(out, QStringLiteral("jsonl"))).result.ok);
            if (first.isEmpty())
                first = hashFolder(out);
            else
                QCOMPARE(hashFolder(out), first);
        }
        QVERIFY(first.contains(DirtyManifest::fileName()));
    }

    void cleanRunUnchanged()
    {
        const QString before = folder(QStringLiteral("clean"));
        QVERIFY(
            runToFolder(schema(), dirtyPlan(0), sinkTo(before, QStringLiteral("csv"))).result.ok);
        PlanOptions plain;
        plain.tableRows.insert(QStringLiteral("customers"), 4000);
        const QString after = folder(QStringLiteral("plain"));
        // A manifest left by an earlier dirty run in the folder is removed.
        QVERIFY(QDir().mkpath(after));
        QFile stale(QDir(after).filePath(DirtyManifest::fileName()));
        QVERIFY(stale.open(QIODevice::WriteOnly));
        stale.close();
        QVERIFY(runToFolder(schema(), plain, sinkTo(after, QStringLiteral("csv"))).result.ok);
        QCOMPARE(hashFolder(after), hashFolder(before));
        QVERIFY(!filesIn(after).contains(DirtyManifest::fileName()));
    }

private:
    QString folder(const QString &name)
    {
        return m_tmp.filePath(QStringLiteral("%1-%2").arg(++m_folders).arg(name));
    }
    std::shared_ptr<CompiledSchema> schema()
    {
        QString error;
        auto compiled = compileFile(kDirty, &error);
        if (!compiled)
            qWarning("%s", qPrintable(error));
        return compiled;
    }

    QTemporaryDir m_tmp;
    int m_folders = 0;
};

QTEST_GUILESS_MAIN(TestDirtyFiles)
#include "test_dirtyfiles.moc"
