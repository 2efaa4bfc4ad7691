// spillway-cli load of every format generate writes, on a real server: CSV, TSV, COPY text and
// binary COPY, plain, gzip and zstd (split parts, and parts concatenated into one multi-member
// or multi-frame file) land exactly as psql's \copy of the plain CSV lands them; a killed .zst
// load resumes exactly once; a bad row in a .gz file names the file's own line and resumes
// exactly once after a fix; a bad binary tuple is named by its number, resumes exactly once
// after a fix, and is set aside as hex; damaged or mismatched files give clear errors.

#include "files/compressor.h"
#include "ingesttestsupport.h"
#include "pgfixture.h"

#include <QDir>
#include <QTemporaryDir>
#include <QtEndian>

using namespace spillway;
using namespace spillway::test;

namespace {

const char kSchema[] =
    "{\"seed\": 5, \"tables\": [{\"name\": \"messy\", \"rows\": 30000, \"columns\": ["
    "{\"name\": \"id\", \"type\": \"bigint\", \"primaryKey\": true, \"generator\": {\"kind\": "
    "\"sequence\"}},"
    "{\"name\": \"txt\", \"type\": \"text\", \"nullFraction\": 0.1, \"generator\": {\"kind\": "
    "\"choice\", \"values\": [\"plain\", \"a,b\", \"say \\\"hi\\\"\", \"line1\\nline2\", "
    "\"tab\\there\", \"back\\\\slash\", \"\", \"日本語 é\"]}},"
    "{\"name\": \"amount\", \"type\": \"numeric(10,2)\", \"generator\": {\"kind\": \"decimal\", "
    "\"min\": 0, \"max\": 1000}},"
    "{\"name\": \"at\", \"type\": \"timestamp\", \"generator\": {\"kind\": \"timestamp\"}}]}]}";

const QString kDigest = QStringLiteral(
    "SELECT count(*) || ':' || md5(string_agg(t::text, E'\\n' ORDER BY id)) FROM %1 t");

QByteArray compress(const QByteArray &data, Compression c)
{
    auto z = Compressor::create(c, 1);
    ByteBuffer out;
    z->begin();
    z->compress(data.constData(), size_t(data.size()), out);
    z->finish(out);
    return QByteArray(out.data(), qsizetype(out.size()));
}

bool writeFile(const QString &path, const QByteArray &bytes)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly | QIODevice::Truncate) && f.write(bytes) == bytes.size();
}

QByteArray readFile(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

// A CSV of (id, n) with a header; n = 3 * id except `bad`.
QByteArray numsCsv(int records, int bad, const QByteArray &badValue)
{
    QByteArray s = "id,n\n";
    for (int id = 1; id <= records; ++id)
        s += QByteArray::number(id) + ',' + (id == bad ? badValue : QByteArray::number(3 * id)) +
             '\n';
    return s;
}

// A binary COPY file of (id int4, n int4), n = 3 * id, except `bad`, whose n is 8 bytes.
QByteArray numsBinary(int records, int bad)
{
    QByteArray s("PGCOPY\n\377\r\n\0", 11);
    s += QByteArray(8, '\0');
    auto be32 = [&s](qint32 v) {
        char b[4];
        qToBigEndian(v, b);
        s.append(b, 4);
    };
    for (int id = 1; id <= records; ++id) {
        s.append("\0\2", 2);
        be32(4);
        be32(id);
        if (id == bad) {
            be32(8);
            s += QByteArray(8, '\1');
        } else {
            be32(4);
            be32(3 * id);
        }
    }
    s.append("\xff\xff", 2);
    return s;
}

} // namespace

class TestLoadCompressed : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        m_pg = std::make_unique<PgFixture>();
        QVERIFY2(m_pg->isReady(), qPrintable(m_pg->error()));
        m_db = m_pg->connectionString();
        QVERIFY(m_dir.isValid());
        const QString schema = m_dir.filePath(QStringLiteral("messy.json"));
        QVERIFY(writeFile(schema, kSchema));
        const CliResult ddl = cli({QStringLiteral("ddl"), schema});
        QCOMPARE(ddl.exitCode, 0);
        m_ddl = ddl.outText();
        for (const QString &format : {QStringLiteral("csv"), QStringLiteral("tsv"),
                                      QStringLiteral("pgcopy"), QStringLiteral("pgbinary")})
            for (const QString &compress :
                 {QStringLiteral("none"), QStringLiteral("gzip"), QStringLiteral("zstd")}) {
                QStringList args{QStringLiteral("generate"),
                                 schema,
                                 QStringLiteral("--out"),
                                 m_dir.filePath(format + QLatin1Char('-') + compress),
                                 QStringLiteral("--format"),
                                 format,
                                 QStringLiteral("--compress"),
                                 compress,
                                 QStringLiteral("--split-rows"),
                                 QStringLiteral("7000"),
                                 QStringLiteral("--quiet")};
                if (format == QLatin1String("tsv"))
                    args << QStringLiteral("--null") << QStringLiteral("\\N");
                const CliResult g = cli(args);
                QVERIFY2(g.exitCode == 0, qPrintable(g.err));
            }
        // Parts concatenated: one multi-member gzip / multi-frame zstd file per format.
        for (const QString &format : {QStringLiteral("pgcopy"), QStringLiteral("pgbinary")})
            for (const QString &compress : {QStringLiteral("gzip"), QStringLiteral("zstd")}) {
                const QDir parts(m_dir.filePath(format + QLatin1Char('-') + compress));
                QByteArray all;
                for (const QString &f : parts.entryList(QDir::Files, QDir::Name))
                    all += readFile(parts.filePath(f));
                QDir(m_dir.path()).mkpath(QStringLiteral("cat-%1-%2").arg(format, compress));
                QVERIFY(writeFile(m_dir.filePath(QStringLiteral("cat-%1-%2/all.%3")
                                                     .arg(format, compress,
                                                          compress == QLatin1String("gzip")
                                                              ? QStringLiteral("gz")
                                                              : QStringLiteral("zst"))),
                                  all));
            }
        QString ddlRef = m_ddl;
        ddlRef.replace(QStringLiteral("\"messy\""), QStringLiteral("\"reference\""));
        QVERIFY(execute(m_db, ddlRef).isEmpty());
        const QDir plain(m_dir.filePath(QStringLiteral("csv-none")));
        for (const QString &file : plain.entryList(QDir::Files, QDir::Name)) {
            const QString error =
                psqlCopyCsv(m_db, QStringLiteral("reference"), plain.filePath(file), 60000);
            QVERIFY2(error.isEmpty(), qPrintable(error));
        }
        m_reference = queryValue(m_db, kDigest.arg(QStringLiteral("reference")));
        QVERIFY(m_reference.startsWith(QStringLiteral("30000:")));
    }
    void cleanupTestCase() { m_pg.reset(); }

    void init()
    {
        QVERIFY(execute(m_db, QStringLiteral("DROP TABLE IF EXISTS messy; DROP TABLE IF EXISTS "
                                             "nums; CREATE TABLE nums (id integer, n integer); ") +
                                  m_ddl)
                    .isEmpty());
    }

    void everyFormatLandsAsThePlainCsv_data()
    {
        QTest::addColumn<QString>("folder");
        QTest::addColumn<QString>("format"); // empty: told by the files
        for (const char *format : {"csv", "tsv", "pgcopy", "pgbinary"})
            for (const char *compress : {"none", "gzip", "zstd"}) {
                const QString folder =
                    QStringLiteral("%1-%2").arg(QLatin1String(format), QLatin1String(compress));
                QTest::newRow(qPrintable(folder)) << folder << QString::fromLatin1(format);
            }
        QTest::newRow("pgbinary-gzip, format detected")
            << QStringLiteral("pgbinary-gzip") << QString();
        for (const char *name : {"cat-pgcopy-gzip", "cat-pgcopy-zstd"})
            QTest::newRow(name) << QString::fromLatin1(name) << QStringLiteral("pgcopy");
        for (const char *name : {"cat-pgbinary-gzip", "cat-pgbinary-zstd"})
            QTest::newRow(name) << QString::fromLatin1(name) << QStringLiteral("binary");
    }
    void everyFormatLandsAsThePlainCsv()
    {
        QFETCH(QString, folder);
        QFETCH(QString, format);
        QStringList args{QStringLiteral("load"),          m_dir.filePath(folder),
                         QStringLiteral("--db"),          m_db,
                         QStringLiteral("--table"),       QStringLiteral("messy"),
                         QStringLiteral("--workers"),     QStringLiteral("2"),
                         QStringLiteral("--chunk-bytes"), QStringLiteral("64k"),
                         QStringLiteral("--quiet")};
        if (!format.isEmpty())
            args << QStringLiteral("--format") << format;
        if (format == QLatin1String("csv") || format == QLatin1String("tsv"))
            args << QStringLiteral("--header");
        if (format == QLatin1String("tsv"))
            args << QStringLiteral("--null") << QStringLiteral("\\N");
        const CliResult r = cli(args);
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QCOMPARE(queryValue(m_db, kDigest.arg(QStringLiteral("messy"))), m_reference);
    }

    void killedZstdLoadResumesExactlyOnce()
    {
        const QStringList args{
            QStringLiteral("load"),          m_dir.filePath(QStringLiteral("pgcopy-zstd")),
            QStringLiteral("--db"),          m_db,
            QStringLiteral("--table"),       QStringLiteral("messy"),
            QStringLiteral("--format"),      QStringLiteral("pgcopy"),
            QStringLiteral("--chunk-bytes"), QStringLiteral("2k"),
            QStringLiteral("--run-id"),      QStringLiteral("kill-zst"),
            QStringLiteral("--runs-dir"),    m_dir.filePath(QStringLiteral("runs"))};
        QProcess p;
        p.start(QStringLiteral(SPILLWAY_CLI), args);
        QVERIFY(waitForCount(
            m_db, QStringLiteral("SELECT count(*) FROM spillway.ledger WHERE run_id = 'kill-zst'"),
            20));
        p.kill();
        QVERIFY(p.waitForFinished(30000));
        const qlonglong partial =
            queryValue(m_db, QStringLiteral("SELECT count(*) FROM messy")).toLongLong();
        QVERIFY(partial > 0 && partial < 30000);
        const CliResult r =
            cli(QStringList(args) << QStringLiteral("--resume") << QStringLiteral("--quiet"));
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QCOMPARE(queryValue(m_db, kDigest.arg(QStringLiteral("messy"))), m_reference);
    }

    void badRowInGzipNamesItsLineAndResumesExactlyOnce()
    {
        const QString path = m_dir.filePath(QStringLiteral("bad.csv.gz"));
        QVERIFY(writeFile(path, compress(numsCsv(20000, 12345, "oops"), Compression::Gzip)));
        const CliResult r = cli(numsArgs(path, QStringLiteral("csv"), QStringLiteral("gz")));
        QCOMPARE(r.exitCode, 1);
        const QString where = QStringLiteral("'%1' line 12346 (record 12345), column n").arg(path);
        QVERIFY2(r.err.contains(where), qPrintable(r.err));
        const qlonglong partial =
            queryValue(m_db, QStringLiteral("SELECT count(*) FROM nums")).toLongLong();
        QVERIFY(partial > 0 && partial < 20000);
        QVERIFY(writeFile(path, compress(numsCsv(20000, 12345, "1234567"), Compression::Gzip)));
        const CliResult resumed = cli(numsArgs(path, QStringLiteral("csv"), QStringLiteral("gz"))
                                      << QStringLiteral("--resume"));
        QVERIFY2(resumed.exitCode == 0, qPrintable(resumed.err));
        QCOMPARE(
            queryValue(m_db, QStringLiteral("SELECT count(*) || ':' || count(DISTINCT id) || "
                                            "':' || sum(n) FROM nums")),
            QStringLiteral("20000:20000:%1").arg(3LL * 20000 * 20001 / 2 - 3 * 12345 + 1234567));
    }

    void badBinaryTupleIsNamedAndSetAside()
    {
        const QString path = m_dir.filePath(QStringLiteral("bad.bin.zst"));
        QVERIFY(writeFile(path, compress(numsBinary(20000, 777), Compression::Zstd)));
        const CliResult r = cli(numsArgs(path, QStringLiteral("binary"), QStringLiteral("bin")));
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(QStringLiteral("'%1' tuple 777, column n").arg(path)),
                 qPrintable(r.err));
        QVERIFY2(r.err.contains(QStringLiteral("22P03")), qPrintable(r.err));
        // Tuple 777 is in the first chunk: whether later chunks committed before the error
        // stopped the load depends on scheduling, but the bad chunk never did.
        QVERIFY(queryValue(m_db, QStringLiteral("SELECT count(*) FROM nums")).toInt() < 20000);
        QVERIFY(writeFile(path, compress(numsBinary(20000, -1), Compression::Zstd))); // fixed
        const CliResult resumed =
            cli(numsArgs(path, QStringLiteral("binary"), QStringLiteral("bin"))
                << QStringLiteral("--resume"));
        QVERIFY2(resumed.exitCode == 0, qPrintable(resumed.err));
        QCOMPARE(queryValue(m_db, QStringLiteral("SELECT count(*) || ':' || count(DISTINCT id) || "
                                                 "':' || sum(n) FROM nums")),
                 QStringLiteral("20000:20000:%1").arg(3LL * 20000 * 20001 / 2));

        QVERIFY(writeFile(path, compress(numsBinary(20000, 777), Compression::Zstd)));
        QVERIFY(execute(m_db, QStringLiteral("TRUNCATE nums")).isEmpty());
        const QString rejects = m_dir.filePath(QStringLiteral("bin.rejects.csv"));
        const CliResult skip =
            cli(numsArgs(path, QStringLiteral("binary"), QStringLiteral("bin-skip"))
                << QStringLiteral("--on-error") << QStringLiteral("skip")
                << QStringLiteral("--reject-file") << rejects);
        QVERIFY2(skip.exitCode == 0, qPrintable(skip.err));
        QCOMPARE(queryValue(m_db, QStringLiteral("SELECT count(*) || ':' || count(DISTINCT id) "
                                                 "FROM nums")),
                 QStringLiteral("19999:19999"));
        const QByteArray text = readFile(rejects);
        QVERIFY2(text.contains(path.toUtf8() + ",777,777,n,22P03,"), text.constData());
        QVERIFY2(text.contains(",00020000000400000309000000080101010101010101\n"),
                 text.constData()); // the tuple's bytes as hex
    }

    void damagedCompressedFilesGiveClearErrors_data()
    {
        QTest::addColumn<QString>("ext");
        QTest::addColumn<bool>("truncate"); // else: bytes in the middle overwritten
        QTest::addColumn<QString>("words");
        QTest::newRow("truncated zstd")
            << QStringLiteral("zst") << true << QStringLiteral("is truncated");
        QTest::newRow("truncated gzip")
            << QStringLiteral("gz") << true << QStringLiteral("is truncated");
        QTest::newRow("corrupt gzip")
            << QStringLiteral("gz") << false << QStringLiteral("is not valid gzip data");
    }
    void damagedCompressedFilesGiveClearErrors()
    {
        QFETCH(QString, ext);
        QFETCH(bool, truncate);
        QFETCH(QString, words);
        const QString path = m_dir.filePath(QStringLiteral("damaged.csv.") + ext);
        QByteArray bytes =
            compress(numsCsv(20000, -1, {}),
                     ext == QLatin1String("gz") ? Compression::Gzip : Compression::Zstd);
        if (truncate)
            bytes.truncate(bytes.size() / 2);
        else
            bytes.replace(bytes.size() / 2, 64, QByteArray(64, '\x55'));
        QVERIFY(writeFile(path, bytes));
        const CliResult r = cli(numsArgs(path, QStringLiteral("csv"), QStringLiteral("damaged")));
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(QStringLiteral("'%1' ").arg(path) + words), qPrintable(r.err));
        QVERIFY2(r.err.contains(QStringLiteral("byte")), qPrintable(r.err));
        QVERIFY2(r.err.contains(QStringLiteral("write it again")), qPrintable(r.err));
        QCOMPARE(queryValue(m_db, QStringLiteral("SELECT count(*) FROM nums")),
                 QStringLiteral("0"));
    }

    void mismatchedFilesAreRefused_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QString>("format");
        QTest::addColumn<QString>("words");
        QTest::newRow("plain text named .gz")
            << QStringLiteral("plain.csv.gz") << numsCsv(10, -1, {}) << QStringLiteral("csv")
            << QStringLiteral("is named .gz but does not start with gzip's magic bytes");
        QTest::newRow("binary loaded as csv")
            << QStringLiteral("nums.bin") << numsBinary(10, -1) << QStringLiteral("csv")
            << QStringLiteral("is a binary COPY file (it starts with PGCOPY's signature): load "
                              "it with --format binary");
        QTest::newRow("csv loaded as binary")
            << QStringLiteral("nums.csv") << numsCsv(10, -1, {}) << QStringLiteral("binary")
            << QStringLiteral("no PGCOPY signature at byte 0");
        QTest::newRow("binary cut short")
            << QStringLiteral("cut.bin") << numsBinary(10, -1).chopped(7)
            << QStringLiteral("binary") << QStringLiteral("it ends inside tuple 10");
    }
    void mismatchedFilesAreRefused()
    {
        QFETCH(QString, name);
        QFETCH(QByteArray, bytes);
        QFETCH(QString, format);
        QFETCH(QString, words);
        const QString path = m_dir.filePath(name);
        QVERIFY(writeFile(path, bytes));
        const CliResult r = cli(numsArgs(path, format, QStringLiteral("mismatch")));
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(QStringLiteral("'%1'").arg(path)), qPrintable(r.err));
        QVERIFY2(r.err.contains(words), qPrintable(r.err));
        QCOMPARE(queryValue(m_db, QStringLiteral("SELECT count(*) FROM nums")),
                 QStringLiteral("0"));
    }

private:
    QStringList numsArgs(const QString &file, const QString &format, const QString &runId) const
    {
        QStringList a{QStringLiteral("load"),
                      file,
                      QStringLiteral("--db"),
                      m_db,
                      QStringLiteral("--table"),
                      QStringLiteral("nums"),
                      QStringLiteral("--format"),
                      format,
                      QStringLiteral("--run-id"),
                      runId,
                      QStringLiteral("--chunk-bytes"),
                      QStringLiteral("16k"),
                      QStringLiteral("--quiet"),
                      QStringLiteral("--runs-dir"),
                      m_dir.filePath(QStringLiteral("runs"))};
        if (format == QLatin1String("csv"))
            a << QStringLiteral("--header");
        return a;
    }

    std::unique_ptr<PgFixture> m_pg;
    QString m_db;
    QTemporaryDir m_dir;
    QString m_ddl;
    QString m_reference;
};

QTEST_GUILESS_MAIN(TestLoadCompressed)
#include "test_loadcompressed.moc"
