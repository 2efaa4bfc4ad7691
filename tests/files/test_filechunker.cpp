// FileChunker and chunk records, without a server: chunks know their file's own first line
// (header and quoted newlines counted) and record, a resume's committed record ranges come back
// as chunks of their own whatever the chunk size, COPY's "line N" maps to the right record, and
// the digest is XXH64; gzip and zstd files (members and frames concatenated) read as their
// plain bytes and cut at the same records; binary COPY is cut between tuples wherever its bytes
// are split.

#include "base/bytebuffer.h"
#include "files/chunkrecords.h"
#include "files/copybinary.h"
#include "files/datastream.h"
#include "files/filechunker.h"

#include <QTemporaryDir>
#include <QTest>

using namespace spillway;

namespace {

QByteArray compressed(const QByteArray &data, Compression c)
{
    auto z = Compressor::create(c, 3);
    ByteBuffer out;
    z->begin();
    z->compress(data.constData(), size_t(data.size()), out);
    z->finish(out);
    return QByteArray(out.data(), qsizetype(out.size()));
}

QByteArray csvText(int from, int to)
{
    QByteArray s;
    for (int i = from; i <= to; ++i)
        s += QByteArray::number(i) + (i % 7 == 0 ? ",\"a\nb\"\n" : ",plain\n");
    return s;
}

bool writeFile(const QString &path, const QByteArray &bytes)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(bytes) == bytes.size();
}

} // namespace

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

    void compressedStreamsReadAsTheirPlainBytes_data()
    {
        QTest::addColumn<int>("compression");
        QTest::newRow("gzip") << int(Compression::Gzip);
        QTest::newRow("zstd") << int(Compression::Zstd);
    }
    void compressedStreamsReadAsTheirPlainBytes()
    {
        QFETCH(int, compression);
        const auto c = Compression(compression);
        QTemporaryDir dir;
        const QByteArray a = csvText(1, 30000), b = csvText(30001, 40000);
        const QString ext = c == Compression::Gzip ? QStringLiteral("gz") : QStringLiteral("zst");
        const QString path = dir.filePath(QStringLiteral("two.csv.") + ext);
        QVERIFY(writeFile(path, compressed(a, c) + compressed(b, c))); // two members / frames
        DataStream s(path);
        QVERIFY2(s.open(), qPrintable(s.error()));
        QCOMPARE(s.compression(), c);
        QByteArray all;
        char buf[777];
        for (qint64 n; (n = s.read(buf, sizeof buf)) > 0;)
            all.append(buf, n);
        QVERIFY2(s.error().isEmpty(), qPrintable(s.error()));
        QVERIFY(all == a + b);
        QByteArray piece(100, '\0');
        QVERIFY(s.readAt(5, 100, piece.data())); // backwards: reopens
        QCOMPARE(piece, all.mid(5, 100));

        // The same chunks as the plain file's.
        const QString plain = dir.filePath(QStringLiteral("two.csv"));
        QVERIFY(writeFile(plain, a + b));
        FileChunkerOptions o;
        o.chunkBytes = 10000;
        o.files = {plain};
        const FileChunkPlan p1 = FileChunker::scan(o);
        o.files = {path};
        const FileChunkPlan p2 = FileChunker::scan(o);
        QVERIFY2(p2.error.isEmpty(), qPrintable(p2.error));
        QCOMPARE(p2.chunks.size(), p1.chunks.size());
        for (qsizetype i = 0; i < p1.chunks.size(); ++i) {
            QCOMPARE(p2.chunks[i].offset, p1.chunks[i].offset);
            QCOMPARE(p2.chunks[i].line, p1.chunks[i].line);
            QCOMPARE(p2.chunks[i].rows, p1.chunks[i].rows);
        }
        QCOMPARE(p2.totalRows, uint64_t(40000));
    }

    void binaryCopyCutsBetweenTuplesWhereverSplit()
    {
        // Two streams back to back, tuples of 0 to 2 fields, NULLs and an extension.
        auto stream = [](int first, int count, bool ext) {
            QByteArray s = binaryCopyHeader();
            if (ext)
                s.replace(15, 4, QByteArray("\0\0\0\3xyz", 7));
            for (int i = first; i < first + count; ++i) {
                const int fields = i % 3;
                s += char(0);
                s += char(fields);
                for (int f = 0; f < fields; ++f) {
                    if ((i + f) % 5 == 0) {
                        s += QByteArray("\xff\xff\xff\xff", 4);
                    } else {
                        s += QByteArray("\0\0\0\2", 4);
                        s += QByteArray::number(i % 100).rightJustified(2, '0');
                    }
                }
            }
            return s + binaryCopyTrailer();
        };
        const QByteArray data = stream(1, 50, true) + stream(51, 30, false);
        for (const qint64 piece : {qint64(1), qint64(3), qint64(data.size())}) {
            QList<qint64> tupleEnds, starts, trailers;
            BinaryCopyWalker w([&](BinaryCopyWalker::Event e, qint64 at) {
                (e == BinaryCopyWalker::Event::TupleEnd    ? tupleEnds
                 : e == BinaryCopyWalker::Event::DataStart ? starts
                                                           : trailers)
                    .append(at);
            });
            for (qint64 i = 0; i < data.size(); i += piece)
                QVERIFY2(w.feed(data.constData() + i, std::min(piece, data.size() - i), i),
                         qPrintable(w.error()));
            QVERIFY2(w.finish(), qPrintable(w.error()));
            QCOMPARE(tupleEnds.size(), 80);
            QCOMPARE(starts, (QList<qint64>{22, stream(1, 50, true).size() + 19}));
            QCOMPARE(trailers.size(), 2);
        }
        const QByteArray cut = data.left(data.size() - 5);
        BinaryCopyWalker w([](BinaryCopyWalker::Event, qint64) {});
        QVERIFY(w.feed(cut.constData(), cut.size(), 0));
        QVERIFY(!w.finish());
        QVERIFY2(w.error().contains(QStringLiteral("truncated")), qPrintable(w.error()));
        // tupleSpans over one stream's tuples finds them all.
        const QByteArray one = stream(1, 50, false);
        const auto spans = tupleSpans(one.constData() + 19, one.size() - 21);
        QCOMPARE(spans.size(), size_t(51));
        QCOMPARE(spans.back().offset, qint64(one.size() - 21));
    }
};

QTEST_GUILESS_MAIN(TestFileChunker)
#include "test_filechunker.moc"
