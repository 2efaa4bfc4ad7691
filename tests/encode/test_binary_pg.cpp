// The binary COPY encoder against a real PostgreSQL server: the same rows loaded with
// COPY ... (FORMAT binary) and with COPY ... (FORMAT csv) must read back identically, for every
// supported type, for values converted from another kind, and for generated tables. A value
// the encoder cannot convert must stop the COPY.

#include "copysupport.h"
#include "encode/binaryencoder.h"
#include "pgfixture.h"
#include "schema/ddl.h"
#include "valuespec.h"

#include <QStandardPaths>
#include <QTemporaryDir>

using namespace spillway;
using namespace spillway::test;

namespace {

QString createTable(const QString &name, const TableRuntime &table)
{
    QStringList columns;
    for (int c : table.outputColumns) {
        columns.append(Ddl::quoteIdentifier(table.columns[size_t(c)].name) + QLatin1Char(' ') +
                       table.columns[size_t(c)].sqlType);
    }
    return QStringLiteral("CREATE TABLE %1 (%2)").arg(name, columns.join(QStringLiteral(", ")));
}

} // namespace

class TestBinaryPg : public QObject
{
    Q_OBJECT

    std::unique_ptr<PgFixture> m_pg;
    QTemporaryDir m_files;
    int m_tables = 0;

    // Runs psql commands in one session (UTC, UTF-8); returns psql's error output, or empty.
    QString psql(const QStringList &commands, QString *output = nullptr)
    {
        return psqlCommands(m_pg->connectionString(),
                            QStringList{QStringLiteral("SET TimeZone = 'UTC'")} + commands, output);
    }

    // Loads the rows both ways into two new tables; returns their names, or fails the test.
    void loadBoth(const TableRuntime &table, const Encoded &encoded, QString &binaryTable,
                  QString &csvTable)
    {
        const int n = ++m_tables;
        binaryTable = QStringLiteral("bin_%1").arg(n);
        csvTable = QStringLiteral("csv_%1").arg(n);
        const QString binFile = writeFile(m_files, QStringLiteral("%1.bin").arg(n), encoded.binary);
        const QString csvFile = writeFile(m_files, QStringLiteral("%1.csv").arg(n), encoded.csv);
        QVERIFY(!binFile.isEmpty() && !csvFile.isEmpty());
        const QString error =
            psql({createTable(binaryTable, table), createTable(csvTable, table),
                  QStringLiteral("\\copy %1 from '%2' (format binary)").arg(binaryTable, binFile),
                  QStringLiteral("\\copy %1 from '%2' (format csv)").arg(csvTable, csvFile)});
        QVERIFY2(error.isEmpty(), qPrintable(error));
    }

    // Both tables' rows as text, in the order of their first column.
    void compareTables(const QString &binaryTable, const QString &csvTable, int rows)
    {
        QString fromBinary, fromCsv, count;
        const QString select = QStringLiteral("SELECT * FROM %1 ORDER BY 1");
        QString error = psql({select.arg(binaryTable)}, &fromBinary);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        error = psql({select.arg(csvTable)}, &fromCsv);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        error = psql({QStringLiteral("SELECT count(*) FROM %1").arg(binaryTable)}, &count);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QCOMPARE(count, QStringLiteral("SET\n%1\n").arg(rows));
        const QStringList a = fromBinary.split(QLatin1Char('\n'));
        const QStringList b = fromCsv.split(QLatin1Char('\n'));
        QCOMPARE(a.size(), b.size());
        for (qsizetype i = 0; i < a.size(); ++i)
            QCOMPARE(a[i], b[i]);
    }

    // Generates `rows` rows of the first table of `json` and checks both loads agree.
    void checkGenerated(const QByteArray &json, uint32_t rows)
    {
        const auto schema = compile(json);
        QVERIFY(schema);
        const TableRuntime &table = *schema->tables()[0];
        QCOMPARE(BinaryCopyEncoder::checkTable(table), QString());
        const auto batches = generateBatches(table, rows);
        BinaryCopyEncoder encoder;
        const Encoded encoded = encodeBoth(encoder, table, pointersTo(batches));
        QVERIFY2(!encoder.hasError(), qPrintable(encoder.error()));
        QString binaryTable, csvTable;
        loadBoth(table, encoded, binaryTable, csvTable);
        compareTables(binaryTable, csvTable, int(rows));
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_files.isValid());
        if (QStandardPaths::findExecutable(QStringLiteral("psql")).isEmpty())
            QSKIP("psql is not installed (apt install postgresql-client)");
        m_pg = std::make_unique<PgFixture>();
        QVERIFY2(m_pg->isReady(), qPrintable(m_pg->error()));
        const QString error = psql({QStringLiteral("CREATE EXTENSION IF NOT EXISTS citext")});
        QVERIFY2(error.isEmpty(), qPrintable(error));
    }
    void cleanupTestCase() { m_pg.reset(); }

    void valuesMatchCsv_data()
    {
        QTest::addColumn<QByteArray>("type");
        QTest::addColumn<QList<QByteArray>>("values");
        auto row = [](const char *type, const QList<QByteArray> &values) {
            QTest::newRow(type) << QByteArray(type) << values;
        };
        // (Decimals with a zero fraction, 3.00, load as integers only in binary: text COPY
        // refuses.)
        row("smallint", {"int:-32768", "int:32767", "float:3", "text: 12 "});
        row("integer", {"int:-2147483648", "int:2147483647", "text:-7"});
        row("bigint", {"int:-9223372036854775808", "int:9223372036854775807", "text:+42"});
        row("numeric", {"dec:1234:2", "dec:-5:2", "dec:0:2", "int:10000", "dec:12345678901:2",
                        "int:-9223372036854775808", "dec:5:20", "text:1.5e-07", "text: 1e+20 ",
                        "text:-000.0500", "text:NaN", "text:-Infinity", "float:0.1", "float:2.5:2",
                        "float:1e-300", "float:-123456789.125", "float:1.7976931348623157e308"});
        row("numeric(15,2)", {"dec:123456:4", "dec:5:3", "dec:-15:3", "int:7", "float:0.125"});
        row("real",
            {"float:0.1", "float:3.4028234663852886e38", "float:1.4e-45", "float:1.25:1",
             "int:16777217", "dec:1234:2", "text:1.5", "text:-inf", "float:0.30000000000000004"});
        row("double precision",
            {"float:0.1", "float:0.30000000000000004:2", "dec:1234:2", "int:9007199254740993",
             "text:NaN", "float:5e-324", "dec:123456789012345678:25"});
        row("boolean", {"bool:1", "bool:0", "text:yes", "text: OFF ", "int:1", "text:t"});
        row("date", {"date:2000-01-01", "date:1999-12-31", "date:1900-02-28", "date:2400-12-31",
                     "text:infinity", "text:-infinity", "text:2024-2-9", "ts:2000-01-02 23:59:59"});
        row("timestamp", {"ts:2000-01-01 00:00:00", "ts:1950-06-15 12:34:56", "date:2024-02-29",
                          "text:2000-01-01T02:00:00+02:00", "text:-infinity",
                          "text:2024-01-01 12:34:56.123456", "text:epoch"});
        row("timestamptz", {"ts:2000-01-01 00:00:00", "ts:2038-01-19 03:14:08", "date:2024-02-29",
                            "text:2000-01-01T02:00:00+02:00", "text:2024-06-01 12:00:00-0930",
                            "text:2024-06-01 12:00:00 Z", "text:infinity"});
        row("time", {"time:0", "time:43200000000", "time:86400000000", "text:23:59:59.999999"});
        row("timetz", {"time:0", "time:43200000000", "text:12:00:00-05", "text:12:00+05:30"});
        row("uuid",
            {"uuid:a0eebc999c0b4ef8:bb6d6bb9bd380a11", "text:{A0EEBC99-9C0B4EF8-BB6D6BB9-BD380A11}",
             "text:a0eebc999c0b4ef8bb6d6bb9bd380a11"});
        row("text", {"text:h\xc3\xa9llo", "text:tab\there, newline\nthere, \"quoted\", \\",
                     "text:", "int:42", "date:2024-02-29", "bool:1", "float:0.1", "dec:1234:2",
                     "uuid:1:2", "ts:2024-01-01 10:00:00", "time:1000000"});
        row("char(3)", {"text:a", "text:abc", "text:ab ", "text:abc   ", "int:7"});
        row("varchar(5)", {"text:abc", "int:12345", "text:abcde  "});
        row("citext", {"text:MiXeD", "int:1"});
        row("xml", {"text:<a>1</a>", "text:plain text"});
        row("json", {"text:{\"a\": 1,  \"b\": [1, 2]}", "int:7", "text:\"s\""});
        row("jsonb", {"text:{\"b\": [1, 2], \"a\": null}", "int:7", "float:1.5", "bool:0"});
        row("bytea", {"text:ab", "text:\\x0102ff", "text:a\\\\b\\001", "int:42", "text:"});
        row("inet", {"text:10.1.2.3", "text:10.1.2.0/24", "text:::1", "text:2001:db8::7/64",
                     "text:0.0.0.0/0", "text:fe80::1:2:3:4"});
        row("cidr", {"text:10.1.0.0/16", "text:2001:db8::/32", "text:192.168.1.7/32"});
        row("macaddr", {"text:08:00:2b:01:02:03", "text:FF:ff:00:00:00:01"});
        row("interval", {"text:00:00:00", "text:1 day", "text:3 days 04:05:06.5", "text:PT0S",
                         "text:P2DT3H4M5.25S", "text:PT90M"});
        row("point", {"text:(1.5,-2.25)", "text:(0,0)", "text:(-180,90)"});
    }

    void valuesMatchCsv()
    {
        QFETCH(QByteArray, type);
        QFETCH(QList<QByteArray>, values);
        const auto schema = tableOf({"integer", type});
        QVERIFY(schema);
        const TableRuntime &table = *schema->tables()[0];
        RowBatch batch(2);
        Arena arena;
        values.append("null");
        batch.count = uint32_t(values.size());
        for (qsizetype i = 0; i < values.size(); ++i) {
            batch.column(0)[i] = Value::integer(i);
            batch.column(1)[i] = valueOf(values[i], arena);
        }
        BinaryCopyEncoder encoder;
        const Encoded encoded = encodeBoth(encoder, table, {&batch});
        QVERIFY2(!encoder.hasError(), qPrintable(encoder.error()));
        QString binaryTable, csvTable;
        loadBoth(table, encoded, binaryTable, csvTable);
        compareTables(binaryTable, csvTable, int(values.size()));
    }

    void generatedTableMatchesCsv()
    {
        const QByteArray json =
            "{\"seed\": 5, \"tables\": [{\"name\": \"g\", \"rows\": 5000, \"columns\": ["
            "{\"name\": \"id\", \"type\": \"bigint\", \"generator\": {\"kind\": \"sequence\"}},"
            "{\"name\": \"i2\", \"type\": \"smallint\", \"nullFraction\": 0.1, \"generator\": "
            "{\"kind\": \"uniform\", \"min\": -32768, \"max\": 32767}},"
            "{\"name\": \"i4\", \"type\": \"integer\", \"generator\": "
            "{\"kind\": \"uniform\", \"min\": -2147483648, \"max\": 2147483647}},"
            "{\"name\": \"f4\", \"type\": \"real\", \"generator\": "
            "{\"kind\": \"float\", \"min\": -1000000, \"max\": 1000000}},"
            "{\"name\": \"f8\", \"type\": \"double precision\", \"generator\": "
            "{\"kind\": \"normal\", \"mean\": 0, \"stddev\": 100000}},"
            "{\"name\": \"f8d\", \"type\": \"double precision\", \"generator\": "
            "{\"kind\": \"float\", \"min\": 0, \"max\": 100, \"digits\": 3}},"
            "{\"name\": \"n\", \"type\": \"numeric(15,2)\", \"nullFraction\": 0.2, "
            "\"generator\": {\"kind\": \"decimal\", \"min\": -100000, \"max\": 100000}},"
            "{\"name\": \"n6\", \"type\": \"numeric\", \"generator\": "
            "{\"kind\": \"decimal\", \"min\": -1, \"max\": 1, \"scale\": 6}},"
            "{\"name\": \"nf\", \"type\": \"numeric\", \"generator\": "
            "{\"kind\": \"float\", \"min\": -1000, \"max\": 1000}},"
            "{\"name\": \"b\", \"type\": \"boolean\", \"generator\": {\"kind\": \"boolean\"}},"
            "{\"name\": \"d\", \"type\": \"date\", \"generator\": "
            "{\"kind\": \"date\", \"min\": \"1800-01-01\", \"max\": \"2300-12-31\"}},"
            "{\"name\": \"t\", \"type\": \"time\", \"generator\": {\"kind\": \"time\"}},"
            "{\"name\": \"ttz\", \"type\": \"timetz\", \"generator\": {\"kind\": \"time\"}},"
            "{\"name\": \"ts\", \"type\": \"timestamp\", \"generator\": {\"kind\": \"timestamp\", "
            "\"min\": \"1950-01-01 00:00:00\", \"max\": \"2050-01-01 00:00:00\", "
            "\"precision\": 6}},"
            "{\"name\": \"tz\", \"type\": \"timestamptz\", \"generator\": {\"kind\": "
            "\"timestamp\"}},"
            "{\"name\": \"u\", \"type\": \"uuid\", \"generator\": {\"kind\": \"uuid\"}},"
            "{\"name\": \"tx\", \"type\": \"text\", \"generator\": "
            "{\"kind\": \"sentence\"}},"
            "{\"name\": \"ch\", \"type\": \"char(5)\", \"generator\": "
            "{\"kind\": \"choice\", \"values\": [\"a\", \"ab \", \"abcde\", \"\"]}},"
            "{\"name\": \"vc\", \"type\": \"varchar(40)\", \"generator\": "
            "{\"kind\": \"words\", \"minLength\": 1, \"maxLength\": 40}},"
            "{\"name\": \"j\", \"type\": \"json\", \"generator\": "
            "{\"kind\": \"choice\", \"values\": [\"{\\\"a\\\": 1}\", \"[1, 2]\"]}},"
            "{\"name\": \"jb\", \"type\": \"jsonb\", \"generator\": "
            "{\"kind\": \"choice\", \"values\": [\"{\\\"a\\\": 1, \\\"b\\\": null}\", \"3\"]}},"
            "{\"name\": \"by\", \"type\": \"bytea\", \"generator\": "
            "{\"kind\": \"choice\", \"values\": [\"ab\", \"\\\\x0102ff\"]}}"
            "]}]}";
        checkGenerated(json, 5000);
    }

    void catalogueMatchesCsv()
    {
        const QByteArray json =
            "{\"seed\": 9, \"tables\": [{\"name\": \"c\", \"rows\": 3000, \"columns\": ["
            "{\"name\": \"id\", \"type\": \"bigint\", \"generator\": {\"kind\": \"sequence\"}},"
            "{\"name\": \"v4\", \"type\": \"inet\", \"generator\": {\"kind\": \"ipv4\"}},"
            "{\"name\": \"v6\", \"type\": \"inet\", \"generator\": {\"kind\": \"ipv6\", "
            "\"cidr\": \"2001:db8::/40\", \"withPrefix\": true}},"
            "{\"name\": \"net\", \"type\": \"cidr\", \"generator\": {\"kind\": \"ipv4\", "
            "\"withPrefix\": true}},"
            "{\"name\": \"mac\", \"type\": \"macaddr\", \"generator\": {\"kind\": \"mac\"}},"
            "{\"name\": \"iv\", \"type\": \"interval\", \"generator\": {\"kind\": "
            "\"interval\", \"max\": \"90 days\"}},"
            "{\"name\": \"iso\", \"type\": \"interval\", \"generator\": {\"kind\": "
            "\"interval\", \"max\": \"3 days\", \"style\": \"iso\"}},"
            "{\"name\": \"pt\", \"type\": \"point\", \"generator\": {\"kind\": "
            "\"geo_point\", \"format\": \"point\"}},"
            "{\"name\": \"tz\", \"type\": \"timestamptz\", \"generator\": {\"kind\": "
            "\"timestamptz\", \"zones\": [\"Europe/Berlin\", \"Asia/Kathmandu\", \"-03:30\"]}},"
            "{\"name\": \"tzl\", \"type\": \"timestamp\", \"generator\": {\"kind\": "
            "\"timestamptz\", \"zones\": [\"America/New_York\"]}},"
            "{\"name\": \"doc\", \"type\": \"jsonb\", \"generator\": {\"kind\": \"json\", "
            "\"fields\": {\"n\": {\"kind\": \"uniform\", \"min\": 1, \"max\": 9}, "
            "\"who\": {\"kind\": \"full_name\"}}}},"
            "{\"name\": \"raw\", \"type\": \"bytea\", \"generator\": {\"kind\": \"bytes\", "
            "\"minLength\": 0, \"maxLength\": 12}},"
            "{\"name\": \"lat\", \"type\": \"double precision\", \"generator\": "
            "{\"kind\": \"latitude\"}}"
            "]}]}";
        checkGenerated(json, 3000);
    }

    void lineitemMatchesCsv()
    {
        QFile file(QStringLiteral(SPILLWAY_EXAMPLES "/lineitem.json"));
        QVERIFY(file.open(QIODevice::ReadOnly));
        checkGenerated(file.readAll(), 20000);
    }

    void ecommerceMatchesCsv()
    {
        QFile file(QStringLiteral(SPILLWAY_EXAMPLES "/ecommerce.json"));
        QVERIFY(file.open(QIODevice::ReadOnly));
        checkGenerated(file.readAll(), 5000);
    }

    void unconvertibleValueStopsCopy()
    {
        const auto schema = tableOf({"integer", "smallint"});
        QVERIFY(schema);
        const TableRuntime &table = *schema->tables()[0];
        RowBatch batch(2);
        batch.count = 2;
        batch.column(0)[0] = Value::integer(1);
        batch.column(1)[0] = Value::integer(1);
        batch.column(0)[1] = Value::integer(2);
        batch.column(1)[1] = Value::integer(70000);
        BinaryCopyEncoder encoder;
        const Encoded encoded = encodeBoth(encoder, table, {&batch});
        QVERIFY(encoder.hasError());
        const QString path = writeFile(m_files, QStringLiteral("bad.bin"), encoded.binary);
        const QString error =
            psql({createTable(QStringLiteral("bad"), table),
                  QStringLiteral("\\copy bad from '%1' (format binary)").arg(path)});
        QVERIFY2(error.contains(QLatin1String("invalid field size")), qPrintable(error));
        QString count;
        QCOMPARE(psql({QStringLiteral("SELECT count(*) FROM bad")}, &count), QString());
        QCOMPARE(count, QStringLiteral("SET\n0\n"));
    }
};

QTEST_GUILESS_MAIN(TestBinaryPg)
#include "test_binary_pg.moc"
