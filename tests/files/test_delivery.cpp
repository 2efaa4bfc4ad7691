// Delivery formats as other tools read them: JSON Lines through Python's json module, checked
// against the CSV of the same run through Python's csv module; gzip and zstd files (whole and
// split) through Python's gzip module and the gzip and zstd command-line tools, which must give
// back the uncompressed output byte for byte; and compressed bytes streamed to standard output.

#include "../processsupport.h"
#include "../run/runsupport.h"
#include "../testsupport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace spillway;
using namespace spillway::test;

namespace {

const QString kTricky = QStringLiteral(SPILLWAY_TEST_DATA "/tricky.json");
const QString kTyped = QStringLiteral(SPILLWAY_TEST_DATA "/delivery.json");
const QString kDecoder = QStringLiteral(SPILLWAY_TEST_DATA "/../decode.py");
const QString kPython = QStringLiteral("/usr/bin/python3");
const QString kCli = QStringLiteral(SPILLWAY_CLI);

// Runs a program to its end, feeding `input`, with Python's standard streams in UTF-8.
ProcessResult run(const QString &program, const QStringList &args, const QByteArray &input = {})
{
    return runProcess(
        program, args, input,
        environmentWith({{QStringLiteral("PYTHONIOENCODING"), QStringLiteral("utf-8")}}));
}

struct Decoded
{
    QString error;
    QJsonArray header;
    QJsonArray rows;
};

Decoded decode(const QString &file, const QString &format)
{
    Decoded d;
    QStringList args{kDecoder, QStringLiteral("--format"), format};
    if (format == QLatin1String("csv"))
        args << QStringLiteral("--header");
    const ProcessResult p = run(kPython, args << file);
    if (p.exitCode != 0) {
        d.error = describe(p);
        return d;
    }
    const QJsonObject doc = QJsonDocument::fromJson(p.out).object();
    d.header = doc.value(QStringLiteral("header")).toArray();
    d.rows = doc.value(QStringLiteral("rows")).toArray();
    return d;
}

QByteArray readFile(const QString &name)
{
    QFile file(name);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

// How JSON must carry a value whose CSV text is `text` (see decode.py's jsonl cells).
QJsonValue jsonCell(const Value &v, const QJsonValue &text)
{
    switch (v.kind) {
    case ValueKind::Null:
        return QJsonValue::Null;
    case ValueKind::Bool:
        return QJsonObject{{QStringLiteral("b"), v.i != 0}};
    case ValueKind::Int:
    case ValueKind::Float:
    case ValueKind::Decimal:
        return QJsonObject{{QStringLiteral("n"), text}};
    default:
        return QJsonObject{{QStringLiteral("s"), text}};
    }
}

QString show(const QJsonValue &v)
{
    return QString::fromUtf8(QJsonDocument(QJsonArray{v}).toJson(QJsonDocument::Compact));
}

FileSinkOptions sinkOptions(const QString &dir, OutputFormat format, Compression compression,
                            uint64_t splitRows = 0)
{
    FileSinkOptions o;
    o.directory = dir;
    o.format.format = format;
    o.compression = compression;
    o.compressionLevel = Compressor::defaultLevel(compression);
    o.splitRows = splitRows;
    return o;
}

QString runTo(const QString &schemaFile, const FileSinkOptions &options)
{
    QString error;
    const auto schema = compileFile(schemaFile, &error);
    if (!schema)
        return error;
    const RunOutcome run = runToFolder(schema, PlanOptions{}, options);
    return run.result.ok ? QString() : run.setupError + run.result.error;
}

} // namespace

Q_DECLARE_METATYPE(spillway::OutputFormat)
Q_DECLARE_METATYPE(spillway::Compression)

class TestDelivery : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void jsonLines_data();
    void jsonLines();
    void compressedFiles_data();
    void compressedFiles();
    void compressedStdout_data();
    void compressedStdout();
    void badCompressionOptions();

private:
    QString newFolder() { return m_tmp.filePath(QString::number(++m_runs)); }

    QTemporaryDir m_tmp;
    int m_runs = 0;
};

void TestDelivery::initTestCase()
{
    QVERIFY(m_tmp.isValid());
    for (const QString &tool : {kPython, QStringLiteral("/usr/bin/gzip")}) {
        if (!QFile::exists(tool))
            QSKIP(qPrintable(tool + QStringLiteral(" is needed to read the output independently")));
    }
    if (QStandardPaths::findExecutable(QStringLiteral("zstd")).isEmpty())
        QSKIP("the zstd command-line tool is needed to read zstd output independently");
}

void TestDelivery::jsonLines_data()
{
    QTest::addColumn<QString>("schemaFile");
    QTest::newRow("tricky text") << kTricky;
    QTest::newRow("every type") << kTyped;
}

void TestDelivery::jsonLines()
{
    QFETCH(QString, schemaFile);
    const QString csvDir = newFolder(), jsonDir = newFolder();
    QCOMPARE(runTo(schemaFile, sinkOptions(csvDir, OutputFormat::Csv, Compression::None)),
             QString());
    QCOMPARE(runTo(schemaFile, sinkOptions(jsonDir, OutputFormat::JsonLines, Compression::None)),
             QString());
    const auto schema = compile(readAll(schemaFile));
    QVERIFY(schema);
    for (const auto &table : schema->tables()) {
        const QString base = QDir(csvDir).filePath(table->name);
        const Decoded csv = decode(base + QStringLiteral(".csv"), QStringLiteral("csv"));
        const Decoded json = decode(QDir(jsonDir).filePath(table->name) + QStringLiteral(".jsonl"),
                                    QStringLiteral("jsonl"));
        QVERIFY2(csv.error.isEmpty(), qPrintable(csv.error));
        QVERIFY2(json.error.isEmpty(), qPrintable(json.error));
        QCOMPARE(json.header, csv.header);
        QCOMPARE(json.rows.size(), csv.rows.size());
        QVERIFY(!json.rows.isEmpty());
        const int tableIndex = int(&table - &schema->tables().front());
        Arena arena(1 << 16);
        std::vector<std::vector<Value>> columns;
        for (int c : table->outputColumns)
            columns.push_back(
                values(*schema, tableIndex, c, 0, uint64_t(json.rows.size()), &arena));
        int nulls = 0;
        for (qsizetype r = 0; r < json.rows.size(); ++r) {
            const QJsonArray jsonRow = json.rows[r].toArray(), csvRow = csv.rows[r].toArray();
            QCOMPARE(size_t(jsonRow.size()), columns.size());
            for (size_t c = 0; c < columns.size(); ++c) {
                const Value &v = columns[c][size_t(r)];
                const QJsonValue text = csvRow[qsizetype(c)];
                QCOMPARE(text.isNull(), v.kind == ValueKind::Null);
                const QJsonValue expected = jsonCell(v, text);
                nulls += expected.isNull();
                if (jsonRow[qsizetype(c)] != expected)
                    QFAIL(qPrintable(QStringLiteral("%1 row %2 column %3: read %4, expected %5")
                                         .arg(table->name)
                                         .arg(r)
                                         .arg(csv.header[qsizetype(c)].toString(),
                                              show(jsonRow[qsizetype(c)]), show(expected))));
            }
        }
        QVERIFY(nulls > 0); // the null cases were exercised
    }
}

void TestDelivery::compressedFiles_data()
{
    QTest::addColumn<OutputFormat>("format");
    QTest::addColumn<Compression>("compression");
    QTest::addColumn<int>("splitRows");
    for (const Compression c : {Compression::Gzip, Compression::Zstd}) {
        for (const OutputFormat f : {OutputFormat::Csv, OutputFormat::JsonLines}) {
            for (const int split : {0, 700}) {
                const QString name =
                    QStringLiteral("%1 %2 %3")
                        .arg(Compressor::name(c), FormatOptions::formatName(f))
                        .arg(split ? QStringLiteral("split") : QStringLiteral("whole"));
                QTest::newRow(qPrintable(name)) << f << c << split;
            }
        }
    }
}

void TestDelivery::compressedFiles()
{
    QFETCH(OutputFormat, format);
    QFETCH(Compression, compression);
    QFETCH(int, splitRows);
    const QString plainDir = newFolder(), packedDir = newFolder();
    QCOMPARE(runTo(kTyped, sinkOptions(plainDir, format, Compression::None, uint64_t(splitRows))),
             QString());
    QCOMPARE(runTo(kTyped, sinkOptions(packedDir, format, compression, uint64_t(splitRows))),
             QString());
    const QStringList plain = QDir(plainDir).entryList(QDir::Files, QDir::Name);
    QStringList expected;
    for (const QString &name : plain)
        expected << name + QLatin1Char('.') + Compressor::extension(compression);
    QCOMPARE(QDir(packedDir).entryList(QDir::Files, QDir::Name), expected);
    QCOMPARE(plain.size(), splitRows ? 3 : 1); // 2000 rows
    for (qsizetype i = 0; i < plain.size(); ++i) {
        const QByteArray original = readFile(QDir(plainDir).filePath(plain[i]));
        const QString packed = QDir(packedDir).filePath(expected[i]);
        QVERIFY(!original.isEmpty());
        QVERIFY(readFile(packed).size() < original.size());
        QList<ProcessResult> readers;
        if (compression == Compression::Gzip) {
            readers << run(kPython, {QStringLiteral("-c"),
                                     QStringLiteral(
                                         "import gzip, sys; "
                                         "sys.stdout.buffer.write(gzip.open(sys.argv[1]).read())"),
                                     packed})
                    << run(QStringLiteral("gzip"), {QStringLiteral("-dc"), packed});
        } else {
            readers << run(QStringLiteral("zstd"), {QStringLiteral("-dcq"), packed});
        }
        for (const ProcessResult &p : readers) {
            QVERIFY2(p.exitCode == 0, qPrintable(describe(p)));
            QVERIFY2(p.out == original, qPrintable(expected[i]));
        }
    }
}

void TestDelivery::compressedStdout_data()
{
    QTest::addColumn<QString>("compression");
    QTest::addColumn<QString>("format");
    QTest::newRow("gzip csv") << QStringLiteral("gzip") << QStringLiteral("csv");
    QTest::newRow("zstd jsonl") << QStringLiteral("zstd") << QStringLiteral("jsonl");
}

void TestDelivery::compressedStdout()
{
    QFETCH(QString, compression);
    QFETCH(QString, format);
    const QString dir = newFolder();
    const QStringList common{QStringLiteral("generate"), kTyped,
                             QStringLiteral("--format"), format,
                             QStringLiteral("--quiet"),  QStringLiteral("--no-record")};
    const ProcessResult files = run(kCli, QStringList(common) << QStringLiteral("--out") << dir);
    QVERIFY2(files.exitCode == 0, qPrintable(describe(files)));
    const QByteArray original = readFile(QDir(dir).filePath(QStringLiteral("typed.") + format));
    QVERIFY(!original.isEmpty());
    const ProcessResult streamed =
        run(kCli, QStringList(common) << QStringLiteral("--out") << QStringLiteral("-")
                                      << QStringLiteral("--compress") << compression
                                      << QStringLiteral("--compress-level") << QStringLiteral("3"));
    QVERIFY2(streamed.exitCode == 0, qPrintable(describe(streamed)));
    QVERIFY(streamed.out.size() < original.size());
    const ProcessResult back = run(compression, {QStringLiteral("-dc")}, streamed.out);
    QVERIFY2(back.exitCode == 0, qPrintable(describe(back)));
    QVERIFY(back.out == original);
}

void TestDelivery::badCompressionOptions()
{
    const QStringList common{QStringLiteral("generate"), kTyped,
                             QStringLiteral("--out"),    newFolder(),
                             QStringLiteral("--quiet"),  QStringLiteral("--no-record")};
    const struct
    {
        QStringList args;
        QString message;
    } cases[] = {
        {{QStringLiteral("--compress"), QStringLiteral("brotli")}, QStringLiteral("gzip, zstd")},
        {{QStringLiteral("--compress"), QStringLiteral("gzip"), QStringLiteral("--compress-level"),
          QStringLiteral("12")},
         QStringLiteral("1 to 9")},
        {{QStringLiteral("--compress-level"), QStringLiteral("3")}, QStringLiteral("--compress")},
    };
    for (const auto &c : cases) {
        const ProcessResult r = run(kCli, QStringList(common) + c.args);
        QVERIFY(r.finished);
        QVERIFY(r.exitCode != 0);
        QVERIFY2(r.err.contains(c.message), qPrintable(r.err));
    }
}

QTEST_GUILESS_MAIN(TestDelivery)
#include "test_delivery.moc"
