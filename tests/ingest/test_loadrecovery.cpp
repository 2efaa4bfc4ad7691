// spillway-cli load when PostgreSQL refuses records, on a real server: the error names the
// file's own line (header and quoted newlines counted), record, column and SQLSTATE; a bad row
// fixed in place (with another byte length) resumes to every record exactly once; a resume
// after a record was added or removed is refused, precisely, duplicating nothing; with
// --on-error skip every good record lands once and the reject file holds exactly the bad ones.

#include "ingesttestsupport.h"
#include "pgfixture.h"

#include <QDir>
#include <QTemporaryDir>

using namespace spillway;
using namespace spillway::test;

namespace {

const int kRecords = 20000;

// Record `id` (1-based) of a file: id, n, txt; every 97th txt holds a newline (a quoted
// multi-line field in CSV, an escaped \n in TSV and COPY text).
QByteArray record(const QString &format, int id, const QByteArray &n)
{
    const QByteArray i = QByteArray::number(id);
    if (format == QLatin1String("csv"))
        return i + ',' + n + ',' +
               (id % 97 == 0 ? "\"two\nlines, " + i + '"' : QByteArray("plain ") + i) + '\n';
    return i + '\t' + n + '\t' + (id % 97 == 0 ? "two\\nlines " : "plain ") + i + '\n';
}

// The records of a file, n = 3 * id except where `bad` says otherwise.
QList<QByteArray> records(const QString &format, const QHash<int, QByteArray> &bad)
{
    QList<QByteArray> list;
    for (int id = 1; id <= kRecords; ++id)
        list.append(record(format, id, bad.value(id, QByteArray::number(3 * id))));
    return list;
}

bool hasHeader(const QString &format)
{
    return format != QLatin1String("pgcopy");
}

bool writeFile(const QString &path, const QString &format, const QList<QByteArray> &list)
{
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return false;
    if (hasHeader(format))
        f.write(format == QLatin1String("csv") ? "id,n,txt\n" : "id\tn\ttxt\n");
    for (const QByteArray &r : list)
        f.write(r);
    return true;
}

// The file's own 1-based line where record `index` (0-based) starts.
int lineOf(const QString &format, const QList<QByteArray> &list, int index)
{
    int line = hasHeader(format) ? 2 : 1;
    for (int i = 0; i < index; ++i)
        line += int(list[i].count('\n'));
    return line;
}

} // namespace

class TestLoadRecovery : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        m_pg = std::make_unique<PgFixture>();
        QVERIFY2(m_pg->isReady(), qPrintable(m_pg->error()));
        m_db = m_pg->connectionString();
        QVERIFY(m_dir.isValid());
    }
    void cleanupTestCase() { m_pg.reset(); }

    void init()
    {
        QVERIFY(execute(m_db, QStringLiteral("DROP TABLE IF EXISTS nums; CREATE TABLE nums (id "
                                             "integer, n integer, txt text)"))
                    .isEmpty());
    }

    void formats_data()
    {
        QTest::addColumn<QString>("format");
        QTest::newRow("csv") << QStringLiteral("csv");
        QTest::newRow("tsv") << QStringLiteral("tsv");
        QTest::newRow("pgcopy") << QStringLiteral("pgcopy");
    }

    void badRowStopsThenFixedRowResumesExactlyOnce_data()
    {
        QTest::addColumn<QString>("format");
        QTest::addColumn<int>("bad");
        QTest::newRow("csv") << QStringLiteral("csv") << 10001;
        QTest::newRow("csv, a multi-line record") << QStringLiteral("csv") << 9991;
        QTest::newRow("tsv") << QStringLiteral("tsv") << 10001;
        QTest::newRow("pgcopy") << QStringLiteral("pgcopy") << 10001;
    }
    void badRowStopsThenFixedRowResumesExactlyOnce()
    {
        QFETCH(QString, format);
        QFETCH(int, bad);
        const QString path = m_dir.filePath(QStringLiteral("stop.") + format);
        QList<QByteArray> list = records(format, {{bad, "oops"}});
        QVERIFY(writeFile(path, format, list));
        const QString runId = QStringLiteral("stop-%1-%2").arg(format).arg(bad);
        const CliResult r = cli(loadArgs(path, format, runId));
        QCOMPARE(r.exitCode, 1);
        const QString where = QStringLiteral("'%1' line %2 (record %3), column n")
                                  .arg(path)
                                  .arg(lineOf(format, list, bad - 1))
                                  .arg(bad);
        QVERIFY2(r.err.contains(where), qPrintable(r.err + QStringLiteral("\nwanted: ") + where));
        QVERIFY2(r.err.contains(QStringLiteral("22P02")), qPrintable(r.err));
        QVERIFY2(r.err.contains(QStringLiteral("--resume")), qPrintable(r.err));
        const qlonglong partial = count(QStringLiteral("count(*)"));
        QVERIFY(partial > 0 && partial < kRecords);
        QCOMPARE(count(QStringLiteral("count(DISTINCT id)")), partial);

        list[bad - 1] = record(format, bad, "1234567"); // another byte length
        QVERIFY(writeFile(path, format, list));
        const CliResult resumed = cli(loadArgs(path, format, runId) << QStringLiteral("--resume"));
        QVERIFY2(resumed.exitCode == 0, qPrintable(resumed.err));
        QCOMPARE(count(QStringLiteral("count(*)")), qlonglong(kRecords));
        QCOMPARE(count(QStringLiteral("count(DISTINCT id)")), qlonglong(kRecords));
        QCOMPARE(count(QStringLiteral("sum(n)")),
                 3LL * kRecords * (kRecords + 1) / 2 - 3 * bad + 1234567);
    }

    void changedRecordsRefuseResume_data()
    {
        QTest::addColumn<int>("removed"); // 0-based record removed, or -1
        QTest::addColumn<int>("added");   // 0-based index a new record is inserted at, or -1
        QTest::newRow("record removed among loaded ones") << 4 << -1;
        QTest::newRow("record added after the bad one") << -1 << 10001;
        QTest::newRow("record removed at the end") << kRecords - 1 << -1;
    }
    void changedRecordsRefuseResume()
    {
        QFETCH(int, removed);
        QFETCH(int, added);
        const QString format = QStringLiteral("csv");
        const QString path = m_dir.filePath(QStringLiteral("changed.csv"));
        QList<QByteArray> list = records(format, {{10001, "oops"}});
        QVERIFY(writeFile(path, format, list));
        const QString runId = QStringLiteral("changed-%1-%2").arg(removed).arg(added);
        QCOMPARE(cli(loadArgs(path, format, runId)).exitCode, 1);
        const qlonglong partial = count(QStringLiteral("count(*)"));

        list[10000] = record(format, 10001, "7");
        QList<QByteArray> changed = list;
        if (removed >= 0)
            changed.removeAt(removed);
        if (added >= 0)
            changed.insert(added, record(format, 30000, "1"));
        QVERIFY(writeFile(path, format, changed));
        const CliResult refused = cli(loadArgs(path, format, runId) << QStringLiteral("--resume"));
        QCOMPARE(refused.exitCode, 1);
        QVERIFY2(refused.err.contains(QStringLiteral("'%1'").arg(path)), qPrintable(refused.err));
        QVERIFY2(refused.err.contains(QStringLiteral("added or removed")), qPrintable(refused.err));
        QVERIFY2(refused.err.contains(QStringLiteral("start over")), qPrintable(refused.err));
        QCOMPARE(count(QStringLiteral("count(*)")), partial);

        QVERIFY(writeFile(path, format, list)); // restored: the resume goes on
        const CliResult resumed = cli(loadArgs(path, format, runId) << QStringLiteral("--resume"));
        QVERIFY2(resumed.exitCode == 0, qPrintable(resumed.err));
        QCOMPARE(count(QStringLiteral("count(*)")), qlonglong(kRecords));
        QCOMPARE(count(QStringLiteral("count(DISTINCT id)")), qlonglong(kRecords));
    }

    void skipSetsBadRecordsAside_data() { formats_data(); }
    void skipSetsBadRecordsAside()
    {
        QFETCH(QString, format);
        const QString path = m_dir.filePath(QStringLiteral("skip.") + format);
        // Two neighbours, a multi-line record (97 * 103) and the file's last records.
        const QList<int> bad{3, 4, 5000, 9991, 19999, 20000};
        QHash<int, QByteArray> values;
        for (int id : bad)
            values.insert(id, id == 5000 ? "99999999999" : "x" + QByteArray::number(id));
        const QList<QByteArray> list = records(format, values);
        QVERIFY(writeFile(path, format, list));
        const QString rejects = m_dir.filePath(QStringLiteral("skip-%1.rejects.csv").arg(format));
        const CliResult r = cli(loadArgs(path, format, QStringLiteral("skip-") + format)
                                << QStringLiteral("--on-error") << QStringLiteral("skip")
                                << QStringLiteral("--reject-file") << rejects);
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY2(r.err.contains(QStringLiteral("Rejected 6 record(s): see ") + rejects),
                 qPrintable(r.err));
        QCOMPARE(count(QStringLiteral("count(*)")), qlonglong(kRecords - bad.size()));
        QCOMPARE(count(QStringLiteral("count(DISTINCT id)")), qlonglong(kRecords - bad.size()));
        QCOMPARE(count(QStringLiteral("count(*) FILTER (WHERE id IN (3, 4, 5000, 9991, 19999, "
                                      "20000))")),
                 0LL);
        QStringList expected;
        for (int id : bad)
            expected << QStringLiteral("%1|%2|%3|n|%4|%5")
                            .arg(path)
                            .arg(lineOf(format, list, id - 1))
                            .arg(id)
                            .arg(id == 5000 ? QStringLiteral("22003") : QStringLiteral("22P02"))
                            .arg(QString::fromUtf8(list[id - 1].chopped(1)));
        QCOMPARE(readRejects(rejects), expected);
    }

    // A load stopped by --max-rejects in the middle of splitting a chunk resumes exactly once.
    void maxRejectsStopsMidSplitAndResumes()
    {
        const QString format = QStringLiteral("csv");
        const QString path = m_dir.filePath(QStringLiteral("max.csv"));
        QVERIFY(writeFile(path, format, records(format, {{3, "a"}, {4, "b"}, {6000, "c"}})));
        QStringList args = loadArgs(path, format, QStringLiteral("max"))
                           << QStringLiteral("--on-error") << QStringLiteral("skip");
        const QString first = m_dir.filePath(QStringLiteral("max1.rejects.csv"));
        const CliResult stopped =
            cli(QStringList(args) << QStringLiteral("--max-rejects") << QStringLiteral("1")
                                  << QStringLiteral("--reject-file") << first);
        QCOMPARE(stopped.exitCode, 1);
        QVERIFY2(stopped.err.contains(QStringLiteral("more than 1 records were refused")),
                 qPrintable(stopped.err));
        const QString second = m_dir.filePath(QStringLiteral("max2.rejects.csv"));
        const CliResult resumed =
            cli(args << QStringLiteral("--resume") << QStringLiteral("--reject-file") << second);
        QVERIFY2(resumed.exitCode == 0, qPrintable(resumed.err));
        QCOMPARE(count(QStringLiteral("count(*)")), qlonglong(kRecords - 3));
        QCOMPARE(count(QStringLiteral("count(DISTINCT id)")), qlonglong(kRecords - 3));
        QCOMPARE(readRejects(second).size(), 3);
    }

    // kill -9 while refused chunks are being split: the resume skips every committed half.
    void killedMidSplitResumesExactlyOnce()
    {
        const QString format = QStringLiteral("csv");
        const QString path = m_dir.filePath(QStringLiteral("killed.csv"));
        QHash<int, QByteArray> bad;
        for (int id = 150; id <= kRecords; id += 150)
            bad.insert(id, "bad");
        QVERIFY(writeFile(path, format, records(format, bad)));
        QStringList args = loadArgs(path, format, QStringLiteral("killed"))
                           << QStringLiteral("--on-error") << QStringLiteral("skip");
        args[args.indexOf(QStringLiteral("--workers")) + 1] = QStringLiteral("1");
        QProcess p;
        p.start(QStringLiteral(SPILLWAY_CLI), args);
        QVERIFY(waitForCount(m_db,
                             QStringLiteral("SELECT count(*) FROM spillway.ledger WHERE run_id = "
                                            "'killed'"),
                             200));
        p.kill();
        QVERIFY(p.waitForFinished(30000));
        const qlonglong partial = count(QStringLiteral("count(*)"));
        QVERIFY(partial > 0 && partial < kRecords - bad.size());
        const CliResult resumed = cli(args << QStringLiteral("--resume"));
        QVERIFY2(resumed.exitCode == 0, qPrintable(resumed.err));
        QCOMPARE(count(QStringLiteral("count(*)")), qlonglong(kRecords - bad.size()));
        QCOMPARE(count(QStringLiteral("count(DISTINCT id)")), qlonglong(kRecords - bad.size()));
    }

    void rejectFileBesideRunRecord()
    {
        const QString format = QStringLiteral("csv");
        const QString path = m_dir.filePath(QStringLiteral("beside.csv"));
        QVERIFY(writeFile(path, format, records(format, {{7, "bad"}})));
        QTemporaryDir runs;
        const CliResult r = cli(loadArgs(path, format, QStringLiteral("beside"))
                                << QStringLiteral("--on-error") << QStringLiteral("skip")
                                << QStringLiteral("--runs-dir") << runs.path());
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const QStringList files = QDir(runs.path()).entryList(QDir::Files, QDir::Name);
        QCOMPARE(files.size(), 2);
        QVERIFY(files[1].endsWith(QLatin1String(".rejects.csv")));
        QCOMPARE(files[1].chopped(12), files[0].chopped(5)); // RUN.json, RUN.rejects.csv
        QVERIFY2(r.err.contains(runs.filePath(files[1])), qPrintable(r.err));
        QFile record(runs.filePath(files[0]));
        QVERIFY(record.open(QIODevice::ReadOnly));
        const QByteArray json = record.readAll();
        QVERIFY(json.contains("\"rows_rejected\": 1"));
        QVERIFY(json.contains(".rejects.csv"));
    }

private:
    QStringList loadArgs(const QString &file, const QString &format, const QString &runId) const
    {
        QStringList a{QStringLiteral("load"),
                      file,
                      QStringLiteral("--db"),
                      m_db,
                      QStringLiteral("--table"),
                      QStringLiteral("nums"),
                      QStringLiteral("--format"),
                      format,
                      QStringLiteral("--workers"),
                      QStringLiteral("2"),
                      QStringLiteral("--chunk-bytes"),
                      QStringLiteral("16k"),
                      QStringLiteral("--run-id"),
                      runId,
                      QStringLiteral("--quiet"),
                      QStringLiteral("--runs-dir"),
                      m_dir.filePath(QStringLiteral("runs"))};
        if (hasHeader(format))
            a << QStringLiteral("--header");
        return a;
    }

    qlonglong count(const QString &expression) const
    {
        return queryValue(m_db, QStringLiteral("SELECT %1 FROM nums").arg(expression)).toLongLong();
    }

    // The reject file, read by PostgreSQL's own CSV parser: file|line|record|column|sqlstate|row.
    QStringList readRejects(const QString &path) const
    {
        execute(m_db, QStringLiteral("DROP TABLE IF EXISTS rejects; CREATE TABLE rejects (file "
                                     "text, line int, record int, col text, sqlstate text, "
                                     "message text, row text)"));
        const QString error = psqlCopyCsv(m_db, QStringLiteral("rejects"), path, 60000);
        if (!error.isEmpty())
            return {error};
        const QString all = queryValue(
            m_db, QStringLiteral("SELECT string_agg(concat_ws('|', file, line, record, col, "
                                 "sqlstate, row), E'\\x01' ORDER BY record) FROM rejects"));
        return all.split(QChar(1), Qt::SkipEmptyParts);
    }

    std::unique_ptr<PgFixture> m_pg;
    QString m_db;
    QTemporaryDir m_dir;
};

QTEST_GUILESS_MAIN(TestLoadRecovery)
#include "test_loadrecovery.moc"
