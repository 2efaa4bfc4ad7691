// Output formats as the tools that load them read them: CSV (RFC 4180, as PostgreSQL's COPY
// ... CSV reads it), TSV and PostgreSQL COPY text. Tricky values (quotes, delimiters, line
// breaks, backslashes, a literal \N, empty strings next to NULLs, spaces, Unicode) go through
// the engine and file sink, and come back unchanged through an independent decoder written in
// Python (decode.py: the csv module, and a COPY text decoder written from PostgreSQL's manual).

#include "../processsupport.h"
#include "../run/runsupport.h"
#include "../testsupport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace spillway;
using namespace spillway::test;

namespace {

const QString kTricky = QStringLiteral(SPILLWAY_TEST_DATA "/tricky.json");
const QString kDecoder = QStringLiteral(SPILLWAY_TEST_DATA "/../decode.py");
const QString kPython = QStringLiteral("/usr/bin/python3");

struct Decoded
{
    QString error;
    QJsonValue header;
    QJsonArray rows;
};

Decoded decode(const QString &file, const FormatOptions &format)
{
    QStringList args{kDecoder, QStringLiteral("--format"),
                     FormatOptions::formatName(format.format)};
    if (format.format == OutputFormat::Csv) {
        args << QStringLiteral("--delimiter") << QString(QLatin1Char(format.delimiter))
             << QStringLiteral("--quote") << QString(QLatin1Char(format.quote));
    }
    if (format.nullStringSet)
        args << QStringLiteral("--null=") + format.nullString;
    if (format.header && format.format != OutputFormat::PgCopy)
        args << QStringLiteral("--header");
    args << file;
    const ProcessResult python = runProcess(
        kPython, args, {},
        environmentWith({{QStringLiteral("PYTHONIOENCODING"), QStringLiteral("utf-8")}}), 60000);
    Decoded out;
    if (python.exitCode != 0) {
        out.error = QStringLiteral("decode.py failed: ") + describe(python);
        return out;
    }
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(python.out, &parseError);
    if (doc.isNull()) {
        out.error = QStringLiteral("decode.py printed no JSON: ") + parseError.errorString();
        return out;
    }
    out.header = doc.object().value(QStringLiteral("header"));
    out.rows = doc.object().value(QStringLiteral("rows")).toArray();
    return out;
}

// What a cell must read back as: the generator's value as text, or null.
QJsonValue expectedCell(const Value &v, const FormatOptions &format)
{
    if (v.kind == ValueKind::Null)
        return QJsonValue::Null;
    const QString text = Preview::text(v);
    // Text formats have no quoting: a text written exactly as the null string reads back as
    // NULL (as in PostgreSQL, which compares before de-escaping: \N the text is written \\N).
    // The cases here only let that happen to the empty string under TSV's empty null string.
    const QString null = format.effectiveNull();
    if (format.format != OutputFormat::Csv && text == null && !null.contains(QLatin1Char('\\')))
        return QJsonValue::Null;
    return text;
}

QString show(const QJsonValue &v)
{
    return QString::fromUtf8(QJsonDocument(QJsonArray{v}).toJson(QJsonDocument::Compact));
}

FormatOptions csv(char delimiter, char quote, const char *null = nullptr, bool header = true)
{
    FormatOptions f;
    f.format = OutputFormat::Csv;
    f.delimiter = delimiter;
    f.quote = quote;
    f.header = header;
    if (null) {
        f.nullString = QString::fromUtf8(null);
        f.nullStringSet = true;
    }
    return f;
}

FormatOptions text(OutputFormat format, const char *null = nullptr)
{
    FormatOptions f;
    f.format = format;
    if (null) {
        f.nullString = QString::fromUtf8(null);
        f.nullStringSet = true;
    }
    return f;
}

// One row of a one-column table holding `value` (or NULL), encoded.
QByteArray encodeOne(const QString &value, bool isNull, const FormatOptions &format)
{
    const QJsonObject column{{QStringLiteral("name"), QStringLiteral("v")},
                             {QStringLiteral("type"), QStringLiteral("text")},
                             {QStringLiteral("nullFraction"), isNull ? 1 : 0},
                             {QStringLiteral("generator"),
                              QJsonObject{{QStringLiteral("kind"), QStringLiteral("constant")},
                                          {QStringLiteral("value"), value}}}};
    const QJsonObject table{{QStringLiteral("name"), QStringLiteral("t")},
                            {QStringLiteral("rows"), 1},
                            {QStringLiteral("columns"), QJsonArray{column}}};
    const auto schema =
        compile(QJsonDocument(QJsonObject{{QStringLiteral("tables"), QJsonArray{table}}}).toJson());
    if (!schema)
        return "(invalid schema)";
    const TableRuntime &t = *schema->tables().front();
    RowBatch batch(int(t.columns.size()));
    batch.count = 1;
    t.generate(batch);
    ByteBuffer out;
    Encoder::create(format)->encode(t, batch, out, nullptr);
    return QByteArray(out.data(), qsizetype(out.size()));
}

} // namespace

Q_DECLARE_METATYPE(spillway::FormatOptions)

class TestOutput : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void roundTrip_data();
    void roundTrip();
    void exactBytes_data();
    void exactBytes();
    void formatCheck_data();
    void formatCheck();

private:
    QTemporaryDir m_tmp;
    int m_runs = 0;
};

void TestOutput::initTestCase()
{
    QVERIFY(m_tmp.isValid());
    if (!QFile::exists(kPython))
        QSKIP("/usr/bin/python3 is needed to decode the files independently");
    QVERIFY(QFile::exists(kDecoder));
}

void TestOutput::roundTrip_data()
{
    QTest::addColumn<FormatOptions>("format");
    QTest::newRow("csv") << csv(',', '"');
    QTest::newRow("csv ; NULL") << csv(';', '"', "NULL");
    QTest::newRow("csv | ' \\N") << csv('|', '\'', "\\N");
    QTest::newRow("csv tab <null>") << csv('\t', '"', "<null>");
    QTest::newRow("csv ' no header") << csv(',', '\'', nullptr, false);
    QTest::newRow("csv space-padded null") << csv(',', '"', " ");
    QTest::newRow("tsv") << text(OutputFormat::Tsv);
    QTest::newRow("tsv \\N") << text(OutputFormat::Tsv, "\\N");
    QTest::newRow("pgcopy") << text(OutputFormat::PgCopy);
    QTest::newRow("pgcopy NUL!") << text(OutputFormat::PgCopy, "NUL!");
}

void TestOutput::roundTrip()
{
    QFETCH(FormatOptions, format);
    QCOMPARE(format.check(), QString());
    const QString out = m_tmp.filePath(QString::number(++m_runs));
    FileSinkOptions options;
    options.directory = out;
    options.format = format;
    QString error;
    const RunOutcome run = runToFolder(compileFile(kTricky, &error), PlanOptions{}, options);
    QVERIFY2(run.result.ok, qPrintable(error + run.setupError + run.result.error));
    // The values the generators made, straight from the schema, to compare with.
    const auto schema = compile(readAll(kTricky));
    QVERIFY(schema);
    for (const TablePlan &tp : run.plan->tables()) {
        const TableRuntime &table = *schema->tables()[size_t(tp.table)];
        const QString file = QDir(out).filePath(FileSink(options).fileName(table.name, 0));
        const Decoded decoded = decode(file, format);
        QVERIFY2(decoded.error.isEmpty(), qPrintable(decoded.error));
        if (format.header && format.format != OutputFormat::PgCopy) {
            QJsonArray names;
            for (int c : table.outputColumns)
                names.append(table.columns[size_t(c)].name);
            QCOMPARE(decoded.header.toArray(), names);
        } else {
            QVERIFY(decoded.header.isNull());
        }
        QCOMPARE(uint64_t(decoded.rows.size()), tp.rows);
        Arena arena(1 << 16);
        std::vector<std::vector<Value>> columns;
        for (int c : table.outputColumns)
            columns.push_back(values(*schema, tp.table, c, 0, tp.rows, &arena));
        int nulls = 0;
        for (qsizetype r = 0; r < decoded.rows.size(); ++r) {
            const QJsonArray row = decoded.rows[r].toArray();
            QCOMPARE(size_t(row.size()), columns.size());
            for (size_t c = 0; c < columns.size(); ++c) {
                const QJsonValue expected = expectedCell(columns[c][size_t(r)], format);
                nulls += expected.isNull();
                if (row[qsizetype(c)] != expected)
                    QFAIL(qPrintable(QStringLiteral("%1 row %2 column %3: read %4, expected %5")
                                         .arg(table.name)
                                         .arg(r)
                                         .arg(table.columns[size_t(table.outputColumns[c])].name,
                                              show(row[qsizetype(c)]), show(expected))));
            }
        }
        QVERIFY(nulls > 0); // the null cases were exercised
    }
}

void TestOutput::exactBytes_data()
{
    // The encodings PostgreSQL's COPY FROM expects, byte for byte, for the cases that matter.
    QTest::addColumn<FormatOptions>("format");
    QTest::addColumn<QString>("value");
    QTest::addColumn<bool>("isNull");
    QTest::addColumn<QByteArray>("expected");
    const FormatOptions plainCsv = csv(',', '"');
    const FormatOptions nullWord = csv(',', '"', "NULL");
    const FormatOptions copy = text(OutputFormat::PgCopy);
    FormatOptions tsv = text(OutputFormat::Tsv);
    tsv.header = false;
    auto row = [](const char *name, const FormatOptions &f, const char *value, bool isNull,
                  const QByteArray &expected) {
        QTest::newRow(name) << f << QString::fromUtf8(value) << isNull << expected;
    };
    row("csv plain", plainCsv, "plain", false, "plain\n");
    row("csv empty string", plainCsv, "", false, "\"\"\n");
    row("csv null", plainCsv, "x", true, "\n");
    row("csv null word", nullWord, "x", true, "NULL\n");
    row("csv text equal to null", nullWord, "NULL", false, "\"NULL\"\n");
    row("csv empty with null word", nullWord, "", false, "\"\"\n");
    row("csv comma", plainCsv, "a,b", false, "\"a,b\"\n");
    row("csv quotes", plainCsv, "say \"hi\"", false, "\"say \"\"hi\"\"\"\n");
    row("csv CRLF", plainCsv, "a\r\nb", false, "\"a\r\nb\"\n");
    row("csv spaces kept", plainCsv, " x ", false, " x \n");
    row("csv backslash plain", plainCsv, "C:\\x", false, "C:\\x\n");
    row("csv end-of-data marker", plainCsv, "\\.", false, "\"\\.\"\n");
    row("csv other quote", csv(';', '\''), "it's \"x\"", false, "'it''s \"x\"'\n");
    row("copy escapes", copy, "a\tb\\c\r\nd", false, "a\\tb\\\\c\\r\\nd\n");
    row("copy null", copy, "x", true, "\\N\n");
    row("copy literal \\N", copy, "\\N", false, "\\\\N\n");
    row("copy end-of-data marker", copy, "\\.", false, "\\\\.\n");
    row("copy unicode", copy, "é 日本 🚀", false, "é 日本 🚀\n");
    row("tsv null", tsv, "x", true, "\n");
    row("tsv tab", tsv, "a\tb", false, "a\\tb\n");
}

void TestOutput::exactBytes()
{
    QFETCH(FormatOptions, format);
    QFETCH(QString, value);
    QFETCH(bool, isNull);
    QFETCH(QByteArray, expected);
    QCOMPARE(encodeOne(value, isNull, format), expected);
}

void TestOutput::formatCheck_data()
{
    QTest::addColumn<FormatOptions>("format");
    QTest::addColumn<QStringList>("message"); // fragments; empty: the options are fine
    auto ok = [](const char *name, const FormatOptions &f) {
        QTest::newRow(name) << f << QStringList();
    };
    auto bad = [](const char *name, const FormatOptions &f, const QStringList &fragments) {
        QTest::newRow(name) << f << fragments;
    };
    const QString delimiter = QStringLiteral("delimiter"), quote = QStringLiteral("quote"),
                  null = QStringLiteral("null string");
    ok("csv default", csv(',', '"'));
    ok("csv ;", csv(';', '"'));
    ok("csv |'", csv('|', '\''));
    ok("csv tab", csv('\t', '"'));
    ok("csv null word", csv(',', '"', "NULL"));
    ok("tsv \\N", text(OutputFormat::Tsv, "\\N"));
    ok("pgcopy", text(OutputFormat::PgCopy));
    bad("delimiter is quote", csv('"', '"'), {quote, delimiter});
    bad("' delimiter and quote", csv('\'', '\''), {quote, delimiter});
    bad("digit delimiter", csv('5', '"'), {delimiter, QStringLiteral("digit")});
    bad("newline delimiter", csv('\n', '"'), {delimiter, QStringLiteral("newline")});
    bad("CR delimiter", csv('\r', '"'), {delimiter, QStringLiteral("newline")});
    bad("dot delimiter", csv('.', '"'), {delimiter});
    bad("minus delimiter", csv('-', '"'), {delimiter});
    bad("NUL delimiter", csv('\0', '"'), {delimiter});
    bad("newline quote", csv(',', '\n'), {quote});
    bad("digit quote", csv(',', '0'), {quote});
    bad("null holds delimiter", csv(',', '"', "a,b"), {null, delimiter});
    bad("null holds quote", csv(',', '"', "a\"b"), {null, quote});
    bad("csv null holds LF", csv(',', '"', "a\nb"), {null, QStringLiteral("line break")});
    bad("csv null holds CR", csv(',', '"', "\r"), {null, QStringLiteral("line break")});
    bad("tsv null holds tab", text(OutputFormat::Tsv, "a\tb"), {null, QStringLiteral("tab")});
    bad("tsv null holds LF", text(OutputFormat::Tsv, "\n"), {null, QStringLiteral("line break")});
    bad("copy null holds CR", text(OutputFormat::PgCopy, "x\ry"),
        {null, QStringLiteral("line break")});
}

void TestOutput::formatCheck()
{
    QFETCH(FormatOptions, format);
    QFETCH(QStringList, message);
    const QString problem = format.check();
    if (message.isEmpty()) {
        QCOMPARE(problem, QString());
        return;
    }
    QVERIFY2(!problem.isEmpty(), "the options must be refused");
    for (const QString &fragment : message)
        QVERIFY2(problem.contains(fragment), qPrintable(problem));
    QVERIFY2(problem.contains(QLatin1Char(':')), "the message says what to use instead");
}

QTEST_GUILESS_MAIN(TestOutput)
#include "test_output.moc"
