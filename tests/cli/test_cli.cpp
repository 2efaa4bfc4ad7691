// spillway-cli as scripts and CI jobs use it: the real binary run with QProcess. Exit codes
// (0 ok, 1 the run failed, 2 usage error or invalid schema), messages that say what and where,
// standard output streaming, JSON summaries, preview tables, quoted DDL, every command's help,
// and memory that does not grow with rows. Signals and closed pipes: test_exits.cpp.

#include "../processsupport.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <sys/resource.h>

using namespace spillway::test;

namespace {

const QString kCli = QStringLiteral(SPILLWAY_CLI);
QString g_runsDir; // where the CLI may record runs: never the user's own folder

QProcessEnvironment cliEnvironment()
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    if (!env.contains(QStringLiteral("SPILLWAY_RUNS_DIR")))
        env.insert(QStringLiteral("SPILLWAY_RUNS_DIR"), g_runsDir);
    return env;
}

// Runs spillway-cli with `input` on its standard input; `stdoutFile` redirects its standard
// output to a file (e.g. /dev/full).
CliResult run(const QStringList &args, const QByteArray &input = {}, int timeoutMs = 60000,
              const QString &stdoutFile = QString())
{
    return runCli(args, input, cliEnvironment(), timeoutMs, [&stdoutFile](QProcess &process) {
        if (!stdoutFile.isEmpty())
            process.setStandardOutputFile(stdoutFile);
    });
}

bool writeFile(const QString &name, const QByteArray &bytes)
{
    QFile file(name);
    return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size();
}

QByteArray readFile(const QString &name)
{
    QFile file(name);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

QStringList lines(const QByteArray &bytes)
{
    QStringList list = QString::fromUtf8(bytes).split(QLatin1Char('\n'));
    if (!list.isEmpty() && list.back().isEmpty())
        list.removeLast();
    return list;
}

// A one-table schema document.
QByteArray schemaJson(const QString &table, const QJsonArray &columns, int rows = 20)
{
    const QJsonObject t{{QStringLiteral("name"), table},
                        {QStringLiteral("rows"), rows},
                        {QStringLiteral("columns"), columns}};
    return QJsonDocument(
               QJsonObject{{QStringLiteral("seed"), 5}, {QStringLiteral("tables"), QJsonArray{t}}})
        .toJson();
}

QJsonObject column(const QString &name, const QString &type, const QJsonObject &generator,
                   double nullFraction = 0)
{
    return QJsonObject{{QStringLiteral("name"), name},
                       {QStringLiteral("type"), type},
                       {QStringLiteral("nullFraction"), nullFraction},
                       {QStringLiteral("generator"), generator}};
}

QJsonObject choice(const QJsonArray &values)
{
    return QJsonObject{{QStringLiteral("kind"), QStringLiteral("choice")},
                       {QStringLiteral("values"), values}};
}

} // namespace

class TestCli : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void exitCodes_data();
    void exitCodes();
    void validateBadJson();
    void validateUnknownGenerator();
    void validateListsEveryProblem();
    void generateInvalidSchema();
    void streamOneTable_data();
    void streamOneTable();
    void streamEmptyTable();
    void streamTwoTablesRefused();
    void fullDisk();
    void unwritableFolder();
    void jsonSummary();
    void formatOptionsReachTheFiles();
    void seedIsDeterministic();
    void previewTable();
    void previewAlignsNulls();
    void ddlQuotesIdentifiers();
    void help_data();
    void help();
    void versionFlags();
    void schemaFromStandardInput();
    void examples();
    void generators();
    void memoryStaysBounded();

private:
    QString path(const QString &name) const { return m_tmp.filePath(name); }
    QTemporaryDir m_tmp;
};

void TestCli::initTestCase()
{
    QVERIFY2(QFile::exists(kCli), qPrintable(kCli));
    QVERIFY(m_tmp.isValid());
    g_runsDir = m_tmp.filePath(QStringLiteral("runs"));
}

void TestCli::exitCodes_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<int>("code");
    QTest::addColumn<QString>("message"); // in stdout or stderr
    const QString out = m_tmp.filePath(QStringLiteral("exit-codes"));
    auto gen = [&out](const QStringList &more) {
        return QStringList{QStringLiteral("generate"), QStringLiteral("example:ecommerce"),
                           QStringLiteral("--out"), out, QStringLiteral("--quiet")} +
               more;
    };
    auto row = [](const char *name, const QStringList &args, int code, const char *message) {
        QTest::newRow(name) << args << code << QString::fromUtf8(message);
    };
    auto s = [](const char *a) { return QString::fromUtf8(a); };
    row("--version", {s("--version")}, 0, "spillway-cli 0.");
    row("no arguments", {}, 2, "Usage: spillway-cli COMMAND");
    row("--help", {s("--help")}, 0, "Exit codes");
    row("unknown command", {s("frobnicate")}, 2, "unknown command 'frobnicate'");
    row("validate example", {s("validate"), s("example:ecommerce")}, 0, "valid");
    row("validate missing file", {s("validate"), s("/nonexistent/s.json")}, 2,
        "/nonexistent/s.json");
    row("validate no schema", {s("validate")}, 2, "expected 1");
    row("unknown option", {s("validate"), s("--frob"), s("example:ecommerce")}, 2, "frob");
    row("generate without --out", {s("generate"), s("example:ecommerce")}, 2, "--out is required");
    row("bad --format", gen({s("--format"), s("xml")}), 2, "--format xml is unknown");
    row("bad --rows", gen({s("--rows"), s("lots")}), 2, "--rows lots");
    row("negative --rows", gen({s("--rows=-5")}), 2, "--rows -5");
    row("fractional --rows", gen({s("--rows"), s("1.5")}), 2, "--rows 1.5");
    row("--rows and --scale", gen({s("--rows"), s("10"), s("--scale"), s("2")}), 2, "not both");
    row("zero --scale", gen({s("--scale"), s("0")}), 2, "--scale");
    row("unknown --table", gen({s("--table"), s("nope")}), 2, "no table 'nope'");
    row("--rows of a child table", gen({s("--rows"), s("order_lines=5")}), 2, "child table");
    row("--rows of an unknown table", gen({s("--rows"), s("nope=5")}), 2, "no table 'nope'");
    row("--shard out of range", gen({s("--shard"), s("4/4")}), 2, "--shard");
    row("--shard malformed", gen({s("--shard"), s("two")}), 2, "--shard");
    row("--workers 0", gen({s("--workers"), s("0")}), 2, "--workers");
    row("--chunk-rows 0", gen({s("--chunk-rows"), s("0")}), 2, "--chunk-rows");
    row("--split-rows 0", gen({s("--split-rows"), s("0")}), 2, "--split-rows");
    row("bad --split-bytes", gen({s("--split-bytes"), s("big")}), 2, "--split-bytes");
    row("both splits", gen({s("--split-rows"), s("10"), s("--split-bytes"), s("1M")}), 2,
        "not both");
    row("delimiter is quote", gen({s("--delimiter"), s("\"")}), 2, "quote");
    row("long delimiter", gen({s("--delimiter"), s("ab")}), 2, "one ASCII character");
    row("null with line break", gen({s("--null"), s("a\nb")}), 2, "line break");
    row("--dirty above half", gen({s("--dirty"), s("0.7")}), 2, "between 0 and 0.5");
    row("--dirty not a number", gen({s("--dirty"), s("lots")}), 2, "not a dirty fraction");
    row("unknown --dirty-kinds", gen({s("--dirty"), s("1%"), s("--dirty-kinds"), s("typo")}), 2,
        "unknown dirty kind 'typo': use field_count, quote, encoding");
    row("--dirty-kinds without --dirty", gen({s("--dirty-kinds"), s("number")}), 2,
        "--dirty-kinds needs --dirty");
    row("dirty binary COPY", gen({s("--dirty"), s("1%"), s("--format"), s("pgbinary")}), 2,
        "binary COPY files cannot hold dirty rows");
    row("dirty to standard output",
        {s("generate"), s("example:ecommerce"), s("--out"), s("-"), s("--table"), s("products"),
         s("--dirty"), s("1%")},
        2, "dirty rows need a folder for their manifest");
    row("ingest dirty",
        {s("ingest"), s("example:ecommerce"), s("--dirty"), s("1%"), s("--db"),
         s("host=/nonexistent")},
        2, "dirty rows are for files: generate or pipeline");
    row("two schemas", gen({s("example:lineitem")}), 2, "expected 1");
    row("missing example", {s("generate"), s("example:nope"), s("--out"), out}, 2,
        "no bundled example 'nope'");
    row("preview --rows 0", {s("preview"), s("example:ecommerce"), s("--rows"), s("0")}, 2,
        "--rows");
    row("preview unknown table", {s("preview"), s("example:ecommerce"), s("--table"), s("x")}, 2,
        "no table 'x'");
    row("ddl missing file", {s("ddl"), s("/nonexistent/s.json")}, 2, "/nonexistent/s.json");
    row("examples takes no argument", {s("examples"), s("x")}, 2, "expected 0");
    row("generators of an unknown kind", {s("generators"), s("nope")}, 2,
        "unknown generator kind 'nope'");
    row("generators takes one kind", {s("generators"), s("uniform"), s("normal")}, 2,
        "expected 0 to 1");
}

void TestCli::exitCodes()
{
    QFETCH(QStringList, args);
    QFETCH(int, code);
    QFETCH(QString, message);
    const CliResult r = run(args);
    QVERIFY2(!r.crashed(), qPrintable(describe(r)));
    QVERIFY2(r.exitCode == code, qPrintable(describe(r)));
    QVERIFY2(r.bothOutputs().contains(message), qPrintable(describe(r)));
    if (code == 2 && args.value(0) == QLatin1String("generate"))
        QVERIFY2(r.out.isEmpty(), "a usage error writes no data to standard output");
    QCOMPARE(QDir(path(QStringLiteral("exit-codes"))).entryList(QDir::Files), QStringList());
}

void TestCli::validateBadJson()
{
    const QString file = path(QStringLiteral("bad.json"));
    QVERIFY(writeFile(file, "{\n  \"tables\": [\n    {\"name\": \"t\",, }\n  ]\n}\n"));
    const CliResult r = run({QStringLiteral("validate"), file});
    QVERIFY2(r.exitCode == 2, qPrintable(describe(r)));
    const QString err = r.err;
    QVERIFY2(err.contains(file), qPrintable(err));
    QVERIFY2(err.contains(QRegularExpression(QStringLiteral("line 3, column \\d+"))),
             qPrintable(err));
    QVERIFY2(err.contains(QStringLiteral("not valid JSON")), qPrintable(err));
}

// A schema whose second column names a generator that does not exist ('nope').
static QString writeUnknownGeneratorSchema(const QString &file)
{
    const QJsonArray columns{column(QStringLiteral("id"), QStringLiteral("bigint"),
                                    {{QStringLiteral("kind"), QStringLiteral("sequence")}}),
                             column(QStringLiteral("v"), QStringLiteral("text"),
                                    {{QStringLiteral("kind"), QStringLiteral("nope")}})};
    return writeFile(file, schemaJson(QStringLiteral("t"), columns)) ? file : QString();
}

void TestCli::validateUnknownGenerator()
{
    const QString file =
        writeUnknownGeneratorSchema(path(QStringLiteral("unknown-generator.json")));
    QVERIFY(!file.isEmpty());
    const QString where = QStringLiteral("tables[0].columns[1].generator.kind");
    const CliResult r = run({QStringLiteral("validate"), file});
    QVERIFY2(r.exitCode == 2, qPrintable(describe(r)));
    QVERIFY2(r.bothOutputs().contains(where) && r.bothOutputs().contains(QStringLiteral("'nope'")),
             qPrintable(describe(r)));

    const CliResult json = run({QStringLiteral("validate"), QStringLiteral("--json"), file});
    QCOMPARE(json.exitCode, 2);
    const QJsonObject report = QJsonDocument::fromJson(json.out).object();
    QCOMPARE(report.value(QStringLiteral("valid")).toBool(true), false);
    const QJsonArray problems = report.value(QStringLiteral("problems")).toArray();
    QCOMPARE(problems.size(), 1);
    QCOMPARE(problems[0].toObject().value(QStringLiteral("path")).toString(), where);
}

void TestCli::validateListsEveryProblem()
{
    const QString file = path(QStringLiteral("two-problems.json"));
    const QJsonArray columns{column(QStringLiteral("a"), QStringLiteral("text"),
                                    {{QStringLiteral("kind"), QStringLiteral("nope")}}),
                             column(QStringLiteral("b"), QStringLiteral("integer"),
                                    {{QStringLiteral("kind"), QStringLiteral("uniform")},
                                     {QStringLiteral("min"), 10},
                                     {QStringLiteral("max"), 1}})};
    QVERIFY(writeFile(file, schemaJson(QStringLiteral("t"), columns)));
    const CliResult r = run({QStringLiteral("validate"), file});
    QVERIFY2(r.exitCode == 2, qPrintable(describe(r)));
    QVERIFY2(r.bothOutputs().contains(QStringLiteral("tables[0].columns[0]")) &&
                 r.bothOutputs().contains(QStringLiteral("tables[0].columns[1]")),
             qPrintable(describe(r)));
}

void TestCli::generateInvalidSchema()
{
    const QString file = writeUnknownGeneratorSchema(path(QStringLiteral("invalid.json")));
    QVERIFY(!file.isEmpty());
    const QString out = path(QStringLiteral("invalid-out"));
    const CliResult r = run({QStringLiteral("generate"), file, QStringLiteral("--out"), out});
    QVERIFY2(r.exitCode == 2, qPrintable(describe(r)));
    QVERIFY2(r.bothOutputs().contains(QStringLiteral("tables[0].columns[1].generator.kind")),
             qPrintable(describe(r)));
    QVERIFY(!QFileInfo::exists(out) || QDir(out).isEmpty());
}

void TestCli::streamOneTable_data()
{
    QTest::addColumn<QString>("table");
    QTest::addColumn<QString>("format");
    QTest::newRow("products csv") << QStringLiteral("products") << QStringLiteral("csv");
    QTest::newRow("order_lines pgcopy")
        << QStringLiteral("order_lines") << QStringLiteral("pgcopy");
    QTest::newRow("customers tsv") << QStringLiteral("customers") << QStringLiteral("tsv");
}

void TestCli::streamOneTable()
{
    // --out - writes the very bytes the folder output gets, data only on standard output.
    QFETCH(QString, table);
    QFETCH(QString, format);
    const QStringList common{QStringLiteral("generate"), QStringLiteral("example:ecommerce"),
                             QStringLiteral("--table"),  table,
                             QStringLiteral("--rows"),   QStringLiteral("500"),
                             QStringLiteral("--format"), format};
    const CliResult streamed =
        run(common + QStringList{QStringLiteral("--out"), QStringLiteral("-")});
    QVERIFY2(streamed.exitCode == 0, qPrintable(describe(streamed)));
    const QString folder = path(QStringLiteral("stream-") + table);
    const CliResult written =
        run(common + QStringList{QStringLiteral("--out"), folder, QStringLiteral("--quiet")});
    QVERIFY2(written.exitCode == 0, qPrintable(describe(written)));
    const QString ext = format == QLatin1String("pgcopy") ? QStringLiteral("copy") : format;
    QCOMPARE(QDir(folder).entryList(QDir::Files), QStringList{table + QLatin1Char('.') + ext});
    QVERIFY(streamed.out == readFile(QDir(folder).filePath(table + QLatin1Char('.') + ext)));
    const QStringList rows = lines(streamed.out);
    if (table == QLatin1String("products")) {
        QCOMPARE(rows.size(), 501);
        QCOMPARE(rows.front(), QStringLiteral("id,sku,name,category,price,in_stock"));
    }
    if (format == QLatin1String("pgcopy"))
        QVERIFY(rows.size() >= 500 && rows.size() <= 500 * 7); // 1 to 7 lines per order
}

void TestCli::streamEmptyTable()
{
    // No rows is still a valid table: its header, and exit 0.
    const CliResult r = run({QStringLiteral("generate"), QStringLiteral("example:ecommerce"),
                             QStringLiteral("--table"), QStringLiteral("products"),
                             QStringLiteral("--rows"), QStringLiteral("0"), QStringLiteral("--out"),
                             QStringLiteral("-"), QStringLiteral("--quiet")});
    QVERIFY2(r.exitCode == 0, qPrintable(describe(r)));
    QCOMPARE(r.out, QByteArray("id,sku,name,category,price,in_stock\n"));
}

void TestCli::streamTwoTablesRefused()
{
    const CliResult r = run({QStringLiteral("generate"), QStringLiteral("example:ecommerce"),
                             QStringLiteral("--out"), QStringLiteral("-"), QStringLiteral("--rows"),
                             QStringLiteral("10")});
    QVERIFY2(r.exitCode == 1 || r.exitCode == 2, qPrintable(describe(r)));
    QVERIFY2(r.err.contains(QLatin1String("--table")) && r.err.contains(QLatin1String("one table")),
             qPrintable(describe(r)));
    QVERIFY(r.out.isEmpty());
}

void TestCli::fullDisk()
{
    if (!QFile::exists(QStringLiteral("/dev/full")))
        QSKIP("no /dev/full here");
    const CliResult r =
        run({QStringLiteral("generate"), QStringLiteral("example:lineitem"),
             QStringLiteral("--rows"), QStringLiteral("20000"), QStringLiteral("--out"),
             QStringLiteral("-"), QStringLiteral("--quiet")},
            {}, 60000, QStringLiteral("/dev/full"));
    QVERIFY2(!r.crashed() && r.exitCode == 1, qPrintable(describe(r)));
    QVERIFY2(r.err.contains(QLatin1String("No space left")) ||
                 r.err.contains(QLatin1String("cannot write")),
             qPrintable(describe(r)));
    QVERIFY2(r.err.contains(QLatin1String("standard output")), qPrintable(describe(r)));
}

void TestCli::unwritableFolder()
{
    const QString out = QStringLiteral("/proc/spillway-test/out");
    const CliResult r =
        run({QStringLiteral("generate"), QStringLiteral("example:lineitem"),
             QStringLiteral("--rows"), QStringLiteral("10"), QStringLiteral("--out"), out});
    QVERIFY2(r.exitCode == 1, qPrintable(describe(r)));
    QVERIFY2(r.err.contains(out), qPrintable(describe(r)));
}

void TestCli::jsonSummary()
{
    const QString out = path(QStringLiteral("json"));
    const CliResult r = run({QStringLiteral("generate"), QStringLiteral("example:ecommerce"),
                             QStringLiteral("--scale"), QStringLiteral("0.001"),
                             QStringLiteral("--out"), out, QStringLiteral("--json")});
    QVERIFY2(r.exitCode == 0, qPrintable(describe(r)));
    const QStringList outLines = lines(r.out);
    QVERIFY(!outLines.isEmpty());
    QJsonParseError error;
    const QJsonObject summary = QJsonDocument::fromJson(outLines.back().toUtf8(), &error).object();
    QVERIFY2(error.error == QJsonParseError::NoError, qPrintable(outLines.back()));
    QCOMPARE(summary.value(QStringLiteral("event")).toString(), QStringLiteral("finished"));
    QCOMPARE(summary.value(QStringLiteral("ok")).toBool(), true);
    const QJsonArray tables = summary.value(QStringLiteral("tables")).toArray();
    QCOMPARE(tables.size(), 4);
    qint64 rows = 0;
    for (const QJsonValue &t : tables) {
        const QJsonObject o = t.toObject();
        QCOMPARE(o.value(QStringLiteral("rows")).toInteger(),
                 o.value(QStringLiteral("rows_total")).toInteger());
        rows += o.value(QStringLiteral("rows")).toInteger();
        // The table's file has a header and one line per row (no line breaks in this data).
        const QString file =
            QDir(out).filePath(o.value(QStringLiteral("name")).toString() + QStringLiteral(".csv"));
        QCOMPARE(lines(readFile(file)).size(), o.value(QStringLiteral("rows")).toInteger() + 1);
    }
    QCOMPARE(summary.value(QStringLiteral("rows")).toInteger(), rows);
    QVERIFY(rows > 1100); // 100 customers, 10 products, 1000 orders and their lines
    QCOMPARE(summary.value(QStringLiteral("outputs")).toArray().size(), 4);
    // Progress events go to standard error, each a JSON object.
    for (const QString &line : lines(r.err.toUtf8()))
        QVERIFY2(QJsonDocument::fromJson(line.toUtf8()).isObject(), qPrintable(line));
}

void TestCli::formatOptionsReachTheFiles()
{
    const QString out = path(QStringLiteral("options"));
    const CliResult r =
        run({QStringLiteral("generate"), QStringLiteral("example:ecommerce"),
             QStringLiteral("--table"), QStringLiteral("customers"), QStringLiteral("--rows"),
             QStringLiteral("2000"), QStringLiteral("--delimiter"), QStringLiteral(";"),
             QStringLiteral("--quote"), QStringLiteral("'"), QStringLiteral("--null"),
             QStringLiteral("NULL"), QStringLiteral("--no-header"), QStringLiteral("--split-rows"),
             QStringLiteral("600"), QStringLiteral("--out"), out, QStringLiteral("--quiet")});
    QVERIFY2(r.exitCode == 0, qPrintable(describe(r)));
    QStringList expected;
    for (int part = 1; part <= 4; ++part)
        expected.append(QStringLiteral("customers_%1.csv").arg(part, 5, 10, QLatin1Char('0')));
    QCOMPARE(QDir(out).entryList(QDir::Files), expected);
    QByteArray all;
    for (const QString &file : expected)
        all += readFile(QDir(out).filePath(file));
    const QStringList rows = lines(all);
    QCOMPARE(rows.size(), 2000);
    QVERIFY(rows.front().startsWith(QStringLiteral("1;"))); // no header
    QVERIFY(all.contains(";'O''Brien';"));                  // quoted with ', doubled inside
    QVERIFY(all.contains(";NULL\n"));                       // phone is sometimes NULL
}

void TestCli::seedIsDeterministic()
{
    auto generate = [](const QString &seed) {
        return run({QStringLiteral("generate"), QStringLiteral("example:ecommerce"),
                    QStringLiteral("--table"), QStringLiteral("orders"), QStringLiteral("--rows"),
                    QStringLiteral("300"), QStringLiteral("--seed"), seed,
                    QStringLiteral("--workers"), QStringLiteral("3"),
                    QStringLiteral("--chunk-rows"), QStringLiteral("7"), QStringLiteral("--out"),
                    QStringLiteral("-")});
    };
    const CliResult a = generate(QStringLiteral("1")), b = generate(QStringLiteral("1")),
                    c = generate(QStringLiteral("2"));
    QVERIFY2(a.exitCode == 0, qPrintable(describe(a)));
    QCOMPARE(lines(a.out).size(), 301);
    QVERIFY(a.out == b.out);
    QVERIFY(a.out != c.out);
}

void TestCli::previewTable()
{
    const CliResult r = run({QStringLiteral("preview"), QStringLiteral("example:ecommerce"),
                             QStringLiteral("--rows"), QStringLiteral("3")});
    QVERIFY2(r.exitCode == 0, qPrintable(describe(r)));
    const QStringList out = lines(r.out);
    const QStringList expectedHeaders{
        QStringLiteral(
            "id | first_name | last_name | email | country | signed_up_at | tier | phone"),
        QStringLiteral("id | sku | name | category | price | in_stock"),
        QStringLiteral("id | customer_id | ordered_at | status | shipped_at | total | note"),
        QStringLiteral("order_id | line_no | product_id | quantity | unit_price | discount")};
    const QStringList titles{QStringLiteral("customers (100000 rows planned)"),
                             QStringLiteral("products (10000 rows planned)"),
                             QStringLiteral("orders (1000000 rows planned)"),
                             QStringLiteral("order_lines (")};
    for (int t = 0; t < 4; ++t) {
        const qsizetype at = out.indexOf(
            QRegularExpression(QRegularExpression::escape(titles[t]) + QStringLiteral(".*")));
        QVERIFY2(at >= 0, qPrintable(titles[t]));
        QVERIFY(at + 5 < out.size());
        const QString header = out[at + 1];
        QCOMPARE(header.simplified(), expectedHeaders[t]);
        QVERIFY(out[at + 2].contains(QStringLiteral("-+-")));
        // Columns line up: every separator sits where the header's does.
        for (int row = 2; row <= 5; ++row) {
            const QString &line = out[at + row];
            for (qsizetype i = header.indexOf(QLatin1Char('|')); i >= 0;
                 i = header.indexOf(QLatin1Char('|'), i + 1))
                QVERIFY2(line.size() > i &&
                             (line[i] == QLatin1Char('|') || line[i] == QLatin1Char('+')),
                         qPrintable(header + QLatin1Char('\n') + line));
        }
    }
}

void TestCli::previewAlignsNulls()
{
    // Short values next to NULLs: the NULL marker is wider than the values themselves.
    const QString file = path(QStringLiteral("nulls.json"));
    const QJsonArray columns{column(QStringLiteral("a"), QStringLiteral("text"),
                                    choice({QStringLiteral("x"), QStringLiteral("y")}), 0.5),
                             column(QStringLiteral("b"), QStringLiteral("integer"),
                                    {{QStringLiteral("kind"), QStringLiteral("uniform")},
                                     {QStringLiteral("min"), 1},
                                     {QStringLiteral("max"), 9}})};
    QVERIFY(writeFile(file, schemaJson(QStringLiteral("t"), columns)));
    const CliResult r = run({QStringLiteral("preview"), file});
    QVERIFY2(r.exitCode == 0, qPrintable(describe(r)));
    const QStringList out = lines(r.out);
    QVERIFY(out.size() >= 13);
    QVERIFY(r.out.contains("NULL"));
    const qsizetype bar = out[1].indexOf(QLatin1Char('|'));
    QVERIFY(bar > 0);
    for (int row = 2; row < 13; ++row)
        QVERIFY2(out[row].indexOf(QLatin1Char(row == 2 ? '+' : '|')) == bar,
                 qPrintable(QString::fromUtf8(r.out)));
}

void TestCli::ddlQuotesIdentifiers()
{
    const QString file = path(QStringLiteral("hostile.json"));
    const QJsonArray columns{column(QStringLiteral("a\"b"), QStringLiteral("text"),
                                    {{QStringLiteral("kind"), QStringLiteral("constant")},
                                     {QStringLiteral("value"), QStringLiteral("q")}})};
    QVERIFY(writeFile(file, schemaJson(QStringLiteral("x\"; DROP TABLE y; --"), columns)));
    const CliResult r = run({QStringLiteral("ddl"), file, QStringLiteral("--drop"),
                             QStringLiteral("--db-schema"), QStringLiteral("s\"s")});
    QVERIFY2(r.exitCode == 0, qPrintable(describe(r)));
    const QString ddl = QString::fromUtf8(r.out);
    QVERIFY2(ddl.contains(QStringLiteral("\"x\"\"; DROP TABLE y; --\"")), qPrintable(ddl));
    QVERIFY2(ddl.contains(QStringLiteral("\"s\"\"s\".\"x\"\"; DROP TABLE y; --\"")),
             qPrintable(ddl));
    QVERIFY2(ddl.contains(QStringLiteral("\"a\"\"b\" text")), qPrintable(ddl));
    // Outside quoted identifiers nothing of the name is left: remove them, the rest is plain.
    QString outside = ddl;
    outside.remove(QRegularExpression(QStringLiteral("\"(?:[^\"]|\"\")*\"")));
    QVERIFY2(!outside.contains(QStringLiteral("DROP TABLE y")) &&
                 !outside.contains(QLatin1Char('"')),
             qPrintable(outside));
    // The bundled shop quotes its names and keys too.
    const CliResult shop = run({QStringLiteral("ddl"), QStringLiteral("example:ecommerce")});
    QCOMPARE(shop.exitCode, 0);
    QVERIFY(shop.out.contains("CREATE TABLE \"customers\""));
    QVERIFY(shop.out.contains("PRIMARY KEY (\"id\")"));
}

void TestCli::help_data()
{
    QTest::addColumn<QString>("command");
    QTest::addColumn<QStringList>("options");
    auto list = [](const char *text) {
        return QString::fromLatin1(text).split(QLatin1Char(' '), Qt::SkipEmptyParts);
    };
    QTest::newRow("validate") << QStringLiteral("validate") << list("--json --help");
    QTest::newRow("preview") << QStringLiteral("preview")
                             << list("--table --rows --seed --width --help");
    QTest::newRow("generate")
        << QStringLiteral("generate")
        << list("--out --format --workers --split-rows --split-bytes --delimiter --quote --null "
                "--no-header --json --quiet --rows --scale --seed --chunk-rows --table --shard");
    QTest::newRow("ddl") << QStringLiteral("ddl")
                         << list("--unlogged --drop --if-not-exists --db-schema");
    QTest::newRow("examples") << QStringLiteral("examples") << list("--help");
    QTest::newRow("generators") << QStringLiteral("generators") << list("--help KIND");
}

void TestCli::help()
{
    QFETCH(QString, command);
    QFETCH(QStringList, options);
    QByteArray first;
    for (const QStringList &call : {QStringList{command, QStringLiteral("--help")},
                                    QStringList{command, QStringLiteral("-h")},
                                    QStringList{QStringLiteral("help"), command}}) {
        const CliResult r = run(call);
        QVERIFY2(r.exitCode == 0, qPrintable(describe(r)));
        const QString text = QString::fromUtf8(r.out);
        QVERIFY2(text.contains(QStringLiteral("Usage: spillway-cli ") + command), qPrintable(text));
        for (const QString &option : options)
            QVERIFY2(text.contains(option), qPrintable(option + QLatin1Char('\n') + text));
        if (first.isEmpty())
            first = r.out;
        QCOMPARE(r.out, first); // `help COMMAND` is `COMMAND --help`
    }
}

// -V and --version print the version; -v is not the version (it usually means verbose).
void TestCli::versionFlags()
{
    for (const QString &flag : {QStringLiteral("-V"), QStringLiteral("--version")}) {
        const CliResult r = run({flag});
        QVERIFY2(r.exitCode == 0 && r.out.startsWith("spillway-cli "), qPrintable(describe(r)));
    }
    QCOMPARE(run({QStringLiteral("-v")}).exitCode, 2);
}

// "-" reads the schema from standard input, for validate and for commands that compile it.
void TestCli::schemaFromStandardInput()
{
    for (const QString &command : {QStringLiteral("validate"), QStringLiteral("ddl")}) {
        const QByteArray schema = R"({"tables": [{"name": "t", "rows": 5, "columns": [
            {"name": "id", "type": "bigint", "generator": {"kind": "sequence"}}]}]})";
        const CliResult r = run({command, QStringLiteral("-")}, schema, 30000);
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY2(command == QLatin1String("validate") ? r.out.contains("-: valid")
                                                      : r.out.contains("CREATE TABLE \"t\""),
                 r.out.constData());
    }
}

void TestCli::examples()
{
    const CliResult r = run({QStringLiteral("examples")});
    QCOMPARE(r.exitCode, 0);
    const QStringList names = QString::fromUtf8(r.out).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    QVERIFY(names.size() >= 2);
    QVERIFY(r.out.contains("example:ecommerce") && r.out.contains("example:lineitem"));
    for (const QString &line : names) {
        const QString name = line.section(QLatin1Char(' '), 0, 0);
        const CliResult v = run({QStringLiteral("validate"), name});
        QVERIFY2(v.exitCode == 0, qPrintable(name + QLatin1Char('\n') + describe(v)));
    }
}

// Every kind with its category and summary; each kind's parameters with the JSON Schema's
// defaults, the source the designer's forms read too.
void TestCli::generators()
{
    const CliResult r = run({QStringLiteral("generators")});
    QVERIFY2(r.exitCode == 0, qPrintable(describe(r)));
    const QStringList lines = QString::fromUtf8(r.out).split(QLatin1Char('\n'));
    QVERIFY(lines.value(0).startsWith(QLatin1String("KIND")));
    QStringList kinds;
    for (const QString &line : lines.mid(1)) {
        if (line.isEmpty())
            break;
        const QStringList cells = line.split(QLatin1Char(' '), Qt::SkipEmptyParts);
        QVERIFY2(cells.size() >= 3, qPrintable(line)); // kind, category, summary
        kinds.append(cells.first());
    }
    QVERIFY2(r.out.contains(QStringLiteral("\n%1 kinds.").arg(kinds.size()).toUtf8()),
             qPrintable(describe(r)));
    for (const char *kind : {"uniform", "reference", "email", "card_number", "json"})
        QVERIFY2(kinds.contains(QLatin1String(kind)), kind);
    for (const QString &kind : std::as_const(kinds)) {
        const CliResult k = run({QStringLiteral("generators"), kind});
        QVERIFY2(k.exitCode == 0 && k.out.startsWith((kind + QStringLiteral(" (")).toUtf8()),
                 qPrintable(kind + QLatin1Char('\n') + describe(k)));
    }
    const CliResult decimal = run({QStringLiteral("generators"), QStringLiteral("decimal")});
    const QString text = QString::fromUtf8(decimal.out);
    static const QRegularExpression min(QStringLiteral("\nmin +number +yes\n"));
    static const QRegularExpression distribution(
        QStringLiteral("\ndistribution +one of uniform\\|normal\\|exponential +uniform +no +"));
    QVERIFY2(text.contains(min), qPrintable(text));
    QVERIFY2(text.contains(distribution), qPrintable(text));
}
void TestCli::memoryStaysBounded()
{
    // 2M rows (about 280 MB of CSV) streamed out: the process's peak RSS stays small. Measured
    // from the kernel's accounting of waited-for children, so nothing is timed.
    const CliResult r =
        run({QStringLiteral("generate"), QStringLiteral("example:lineitem"),
             QStringLiteral("--rows"), QStringLiteral("2M"), QStringLiteral("--out"),
             QStringLiteral("-"), QStringLiteral("--quiet")},
            {}, 120000, QProcess::nullDevice());
    QVERIFY(r.finished);
    QCOMPARE(r.exitCode, 0);
    rusage usage{};
    QCOMPARE(getrusage(RUSAGE_CHILDREN, &usage), 0);
    QVERIFY2(usage.ru_maxrss > 0 && usage.ru_maxrss < 200 * 1024,
             qPrintable(QStringLiteral("largest child peak: %1 KiB").arg(usage.ru_maxrss)));
}

QTEST_GUILESS_MAIN(TestCli)
#include "test_cli.moc"
