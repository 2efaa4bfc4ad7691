// FileChunker and chunk records, without a server: chunks know their file's own first line
// (header and quoted newlines counted) and record, a resume's committed record ranges come back
// as chunks of their own whatever the chunk size, COPY's "line N" maps to the right record, and
// the digest is XXH64.

#include "files/chunkrecords.h"
#include "files/filechunker.h"

#include <QTemporaryDir>
#include <QTest>

using namespace spillway;

class TestFileChunker : public QObject
{
    Q_OBJECT

private slots:
    void digestIsXxh64()
    {
        QCOMPARE(chunkDigest("", 0), QStringLiteral("ef46db3751d8e999"));
        QCOMPARE(chunkDigest("a", 1), QStringLiteral("d24ec4f1a98c6e5b"));
        const QByteArray longer(100, 'x');
        QVERIFY(chunkDigest(longer.constData(), 100) != chunkDigest(longer.constData(), 99));
    }

    void copyLineToRecord_data()
    {
        QTest::addColumn<bool>("csv");
        QTest::addColumn<int>("copyLine");
        QTest::addColumn<int>("record");
        // Records: "1,a" (line 1), "2,\"x\ny\nz\"" (lines 2-4), "3,b" (line 5).
        QTest::newRow("csv first") << true << 1 << 0;
        QTest::newRow("csv multi-line, its first line") << true << 2 << 1;
        QTest::newRow("csv multi-line, its last line") << true << 4 << 1;
        QTest::newRow("csv after it") << true << 5 << 2;
        QTest::newRow("csv beyond") << true << 6 << -1;
        QTest::newRow("text counts records") << false << 3 << 2;
    }
    void copyLineToRecord()
    {
        QFETCH(bool, csv);
        QFETCH(int, copyLine);
        QFETCH(int, record);
        const QByteArray data = csv ? QByteArray("1,a\n2,\"x\ny\nz\"\n3,b\n")
                                    : QByteArray("1\ta\n2\tx\\ny\\nz\n3\tb\n");
        const auto spans = recordSpans(data.constData(), data.size(), csv, '"');
        QCOMPARE(spans.size(), size_t(4));
        QCOMPARE(recordAtCopyLine(spans, 0, 3, copyLine, csv), record);
        QCOMPARE(recordText(data.constData(), spans, 2),
                 QByteArray("3\tb").replace('\t', csv ? ',' : '\t'));
    }

    void cutsAroundFixedRangesAndCountsLines()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("f.csv"));
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("id,txt\n");
        for (int i = 1; i <= 100; ++i)
            f.write(i % 10 == 0 ? QByteArray::number(i) + ",\"two\nlines\"\n"
                                : QByteArray::number(i) + ",plain\n");
        f.close();
        FileChunkerOptions o;
        o.files = {path};
        o.header = true;
        o.chunkBytes = 1024; // bigger than the ranges' gaps: only the ranges cut
        o.fixedRanges = {RecordRange{0, 15, 10}, RecordRange{0, 25, 5}, RecordRange{0, 90, 10}};
        const FileChunkPlan plan = FileChunker::scan(o);
        QVERIFY2(plan.error.isEmpty(), qPrintable(plan.error));
        QCOMPARE(plan.fileRecords, QList<uint64_t>{100});
        // [0,15) [15,25)* [25,30)* [30,90) [90,100)*
        QCOMPARE(plan.chunks.size(), 5);
        const QList<uint64_t> first{0, 15, 25, 30, 90}, rows{15, 10, 5, 60, 10};
        const QList<int> fixed{-1, 0, 1, -1, 2};
        for (int i = 0; i < 5; ++i) {
            const FileChunk &c = plan.chunks[i];
            QCOMPARE(c.fileRecord, first[i]);
            QCOMPARE(c.rows, rows[i]);
            QCOMPARE(c.fixed, fixed[i]);
            // Line of record r (0-based): header, r records, one extra line per 10th before it.
            QCOMPARE(c.line, qint64(2 + first[i] + first[i] / 10));
        }
    }
};

QTEST_GUILESS_MAIN(TestFileChunker)
#include "test_filechunker.moc"
