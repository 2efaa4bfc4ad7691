// The binary COPY encoder: the exact bytes of each type against PostgreSQL's binary
// representations, the stream framing, type resolution, the fallback check and the errors a
// sink reports. tests/encode/test_binary_pg.cpp loads the output into a real server.

#include "base/valueformat.h"
#include "encode/binaryencoder.h"
#include "valuespec.h"

#include <QFile>
#include <QFuture>
#include <QRandomGenerator>
#include <QtConcurrent>

#include <cmath>

using namespace spillway;
using namespace spillway::test;

namespace {

// The tuples of one batch whose rows are `rows` (each a list of values, one per column).
QByteArray encodeRows(const BinaryCopyEncoder &encoder, const TableRuntime &table,
                      const std::vector<std::vector<Value>> &rows,
                      std::vector<uint32_t> *rowEnds = nullptr)
{
    RowBatch batch(int(table.columns.size()));
    batch.count = uint32_t(rows.size());
    for (size_t r = 0; r < rows.size(); ++r) {
        for (size_t c = 0; c < rows[r].size(); ++c)
            batch.column(int(c))[r] = rows[r][c];
    }
    ByteBuffer out;
    encoder.encode(table, batch, out, rowEnds);
    return QByteArray(out.data(), qsizetype(out.size()));
}

// The text of a binary numeric field (after its length word), as numeric_out prints it.
QString numericText(const QByteArray &field)
{
    auto word = [&](int i) {
        return int16_t(uint16_t(uchar(field[2 * i]) << 8 | uchar(field[2 * i + 1])));
    };
    const int ndigits = word(0), weight = word(1), dscale = word(3);
    const bool negative = uint16_t(word(2)) == 0x4000;
    QString integer, fraction;
    for (int w = std::max(weight, 0); w >= 0; --w) {
        const int i = weight - w;
        const int g = i >= 0 && i < ndigits ? word(4 + i) : 0;
        integer += w == std::max(weight, 0) ? QString::number(g)
                                            : QStringLiteral("%1").arg(g, 4, 10, QLatin1Char('0'));
    }
    for (int w = -1; fraction.size() < dscale; --w) {
        const int i = weight - w;
        const int g = i >= 0 && i < ndigits ? word(4 + i) : 0;
        fraction += QStringLiteral("%1").arg(g, 4, 10, QLatin1Char('0'));
    }
    fraction.truncate(dscale);
    const QString text = dscale ? integer + QLatin1Char('.') + fraction : integer;
    return negative && ndigits ? QLatin1Char('-') + text : text;
}

// unscaled * 10^-scale written out for any scale.
QString decimalReference(int64_t unscaled, int scale)
{
    QString digits = QString::number(unscaled < 0 ? 0 - uint64_t(unscaled) : uint64_t(unscaled));
    if (scale > 0) {
        if (digits.size() <= scale)
            digits = QString(scale - digits.size() + 1, QLatin1Char('0')) + digits;
        digits.insert(digits.size() - scale, QLatin1Char('.'));
    }
    return unscaled < 0 ? QLatin1Char('-') + digits : digits;
}

} // namespace

class TestBinary : public QObject
{
    Q_OBJECT

private slots:
    void headerAndTrailer()
    {
        const auto schema = tableOf({"bigint"});
        QVERIFY(schema);
        BinaryCopyEncoder encoder;
        ByteBuffer out;
        encoder.writeHeader(*schema->tables()[0], out);
        BinaryCopyEncoder::trailer(out);
        QCOMPARE(QByteArray(out.data(), qsizetype(out.size())).toHex(),
                 QByteArray("5047434f50590aff0d0a00"
                            "00000000"
                            "00000000"
                            "ffff"));
    }

    void fields_data()
    {
        QTest::addColumn<QByteArray>("type");
        QTest::addColumn<QByteArray>("value");
        QTest::addColumn<QByteArray>("expected"); // hex of the field, length word included

        auto row = [](const char *name, const char *type, const char *value, const char *hex) {
            QTest::newRow(name) << QByteArray(type) << QByteArray(value) << QByteArray(hex);
        };
        row("null", "bigint", "null", "ffffffff");
        row("bigint", "bigint", "int:1", "00000008 0000000000000001");
        row("bigint negative", "int8", "int:-1", "00000008 ffffffffffffffff");
        row("integer", "integer", "int:42", "00000004 0000002a");
        row("smallint", "smallint", "int:-2", "00000002 fffe");
        row("numeric 12.34", "numeric(15,2)", "dec:1234:2",
            "0000000c 0002 0000 0000 0002 000c 0d48");
        row("numeric -0.05", "numeric", "dec:-5:2", "0000000a 0001 ffff 4000 0002 01f4");
        row("numeric 0.00", "numeric(15,2)", "dec:0:2", "00000008 0000 0000 0000 0002");
        row("numeric 12.30", "numeric", "dec:1230:2", "0000000c 0002 0000 0000 0002 000c 0bb8");
        row("numeric 10000 from int", "numeric", "int:10000", "0000000a 0001 0001 0000 0000 0001");
        row("numeric 123456789.01", "decimal(12,2)", "dec:12345678901:2",
            "00000010 0004 0002 0000 0002 0001 0929 1a85 0064");
        row("numeric int64 min", "numeric", "int:-9223372036854775808",
            "00000012 0005 0004 4000 0000 039a 0d2c 0170 1565 16b0");
        row("numeric 5e-20", "numeric", "dec:5:20", "0000000a 0001 fffb 0000 0014 0005");
        row("numeric text 1.5e-07", "numeric", "text:1.5e-07", "0000000a 0001 fffe 0000 0008 000f");
        row("numeric text 1e+20", "numeric", "text: 1e+20 ", "0000000a 0001 0005 0000 0000 0001");
        row("numeric text -000.0500", "numeric", "text:-000.0500",
            "0000000a 0001 ffff 4000 0004 01f4");
        row("numeric text NaN", "numeric", "text:NaN", "00000008 0000 0000 c000 0000");
        row("numeric text -inf", "numeric", "text:-Infinity", "00000008 0000 0000 f000 0000");
        row("numeric float 0.1", "numeric", "float:0.1", "0000000a 0001 ffff 0000 0001 03e8");
        row("numeric float 2.50 fixed", "numeric", "float:2.5:2",
            "0000000c 0002 0000 0000 0002 0002 1388");
        row("date 2000-01-01", "date", "date:2000-01-01", "00000004 00000000");
        row("date 1999-12-31", "date", "date:1999-12-31", "00000004 ffffffff");
        row("date 1970-01-01", "date", "date:1970-01-01", "00000004 ffffd533");
        row("date from text", "date", "text:2000-01-02", "00000004 00000001");
        row("date text infinity", "date", "text:infinity", "00000004 7fffffff");
        row("date from timestamp", "date", "ts:2000-01-02 23:59:59", "00000004 00000001");
        row("timestamp 2000", "timestamp", "ts:2000-01-01 00:00:00", "00000008 0000000000000000");
        row("timestamp 1970", "timestamp", "ts:1970-01-01 00:00:00", "00000008 fffca2fec4c82000");
        row("timestamp from date", "timestamp", "date:2000-01-01", "00000008 0000000000000000");
        row("timestamp text zone ignored", "timestamp", "text:2000-01-01 00:00:00+02",
            "00000008 0000000000000000");
        row("timestamptz utc", "timestamptz", "ts:2000-01-01 00:00:00",
            "00000008 0000000000000000");
        row("timestamptz text zone", "timestamp with time zone", "text:2000-01-01T02:00:00+02:00",
            "00000008 0000000000000000");
        row("timestamptz text fraction", "timestamptz", "text:2000-01-01 00:00:00.5Z",
            "00000008 000000000007a120");
        row("time noon", "time", "time:43200000000", "00000008 0000000a0eebb000");
        row("time text", "time", "text:12:00", "00000008 0000000a0eebb000");
        row("timetz", "timetz", "time:43200000000", "0000000c 0000000a0eebb000 00000000");
        row("timetz text zone", "time with time zone", "text:12:00:00-05",
            "0000000c 0000000a0eebb000 00004650");
        row("uuid", "uuid", "uuid:a0eebc999c0b4ef8:bb6d6bb9bd380a11",
            "00000010 a0eebc999c0b4ef8bb6d6bb9bd380a11");
        row("uuid text", "uuid", "text:{A0EEBC99-9C0B4EF8-BB6D6BB9-BD380A11}",
            "00000010 a0eebc999c0b4ef8bb6d6bb9bd380a11");
        row("bool true", "boolean", "bool:1", "00000001 01");
        row("bool false", "bool", "bool:0", "00000001 00");
        row("bool text off", "boolean", "text: OFF ", "00000001 00");
        row("bool int 1", "boolean", "int:1", "00000001 01");
        row("text utf-8", "text", "text:h\xc3\xa9llo", "00000006 68c3a96c6c6f");
        row("text empty", "text", "text:", "00000000");
        row("char(3) not padded", "char(3)", "text:a", "00000001 61");
        row("varchar from int", "varchar(10)", "int:42", "00000002 3432");
        row("text from date", "text", "date:2024-02-29", "0000000a 323032342d30322d3239");
        row("text from bool", "citext", "bool:1", "00000004 74727565");
        row("json", "json", "text:{\"a\":1}", "00000007 7b2261223a317d");
        row("jsonb", "jsonb", "text:{\"a\":1}", "00000008 01 7b2261223a317d");
        row("jsonb from int", "jsonb", "int:7", "00000002 01 37");
        row("bytea plain", "bytea", "text:ab", "00000002 6162");
        row("bytea hex", "bytea", "text:\\x01 02FF", "00000003 0102ff");
        row("bytea escape", "bytea", "text:a\\\\b\\001", "00000004 615c6201");
        row("float8", "double precision", "float:1.5", "00000008 3ff8000000000000");
        row("float8 fixed digits", "float8", "float:0.30000000000000004:2",
            "00000008 3fd3333333333333");
        row("float8 from decimal", "float", "dec:1234:2", "00000008 4028ae147ae147ae");
        row("float8 text", "double precision", "text: -1.5 ", "00000008 bff8000000000000");
        row("real", "real", "float:1.5", "00000004 3fc00000");
        row("real from int", "float4", "int:16777217", "00000004 4b800000");
        row("bigint from decimal 3.00", "bigint", "dec:300:2", "00000008 0000000000000003");
        row("bigint from float 3", "bigint", "float:3", "00000008 0000000000000003");
        row("bigint from text", "bigint", "text: 12 ", "00000008 000000000000000c");
        row("smallint out of range", "smallint", "int:40000", "fffffffe");
        row("integer from text abc", "integer", "text:abc", "fffffffe");
        row("bigint from decimal 3.5", "bigint", "dec:35:1", "fffffffe");
        row("numeric from bool", "numeric", "bool:1", "fffffffe");
        row("date from bad text", "date", "text:2023-02-29", "fffffffe");
        row("uuid from bad text", "uuid", "text:a0eebc99", "fffffffe");
        row("bytea bad escape", "bytea", "text:\\q", "fffffffe");
        row("inet null", "inet", "null", "ffffffff");
        // inet: family 2 (PGSQL_AF_INET), 32 bits, not cidr, 4 bytes of address.
        row("inet value", "inet", "text:10.0.0.1", "00000008 02200004 0a000001");
        row("cidr block", "cidr", "text:10.1.0.0/16", "00000008 02100104 0a010000");
        row("inet bad text", "inet", "text:10.0.0", "fffffffe");
        row("macaddr", "macaddr", "text:08:00:2b:01:02:03", "00000006 08002b010203");
        row("interval", "interval", "text:1 day 00:00:01.5",
            "00000010 000000000016e360 00000001 00000000");
        row("interval iso", "interval", "text:P2DT1H",
            "00000010 00000000d693a400 00000002 00000000");
        row("interval bad text", "interval", "text:2 weeks", "fffffffe");
        row("money value", "money", "text:1.00", "fffffffe");
    }

    void fields()
    {
        QFETCH(QByteArray, type);
        QFETCH(QByteArray, value);
        QFETCH(QByteArray, expected);
        const auto schema = tableOf({type});
        QVERIFY(schema);
        Arena arena;
        BinaryCopyEncoder encoder;
        const QByteArray bytes =
            encodeRows(encoder, *schema->tables()[0], {{valueOf(value, arena)}});
        QCOMPARE(bytes.left(2).toHex(), QByteArray("0001"));
        QCOMPARE(bytes.mid(2).toHex(), QByteArray::fromHex(expected).toHex());
        QCOMPARE(encoder.hasError(), expected == "fffffffe");
    }

    void tuplesAndRowEnds()
    {
        const auto schema = tableOf({"integer", "text"});
        QVERIFY(schema);
        const TableRuntime &table = *schema->tables()[0];
        QCOMPARE(BinaryCopyEncoder::checkTable(table), QString());
        Arena arena;
        BinaryCopyEncoder encoder;
        std::vector<uint32_t> rowEnds;
        const QByteArray bytes = encodeRows(
            encoder, table, {{Value::integer(1), valueOf("text:ab", arena)}, {Value(), Value()}},
            &rowEnds);
        QCOMPARE(bytes.toHex(), QByteArray("0002"
                                           "00000004"
                                           "00000001"
                                           "00000002"
                                           "6162"
                                           "0002"
                                           "ffffffff"
                                           "ffffffff"));
        QCOMPARE(rowEnds, (std::vector<uint32_t>{16, 26}));
    }

    void typeOf_data()
    {
        QTest::addColumn<QString>("sqlType");
        QTest::addColumn<int>("type");
        auto row = [](const char *type, BinaryType binary) {
            QTest::newRow(type) << QString::fromLatin1(type) << int(binary);
        };
        row("int2", BinaryType::Int2);
        row("INTEGER", BinaryType::Int4);
        row("bigint", BinaryType::Int8);
        row("real", BinaryType::Float4);
        row("float(24)", BinaryType::Float4);
        row("float(25)", BinaryType::Float8);
        row("double  precision", BinaryType::Float8);
        row("numeric(15, 2)", BinaryType::Numeric);
        row("decimal", BinaryType::Numeric);
        row("timestamp(3) with time zone", BinaryType::TimestampTz);
        row("timestamp without time zone", BinaryType::Timestamp);
        row("time with time zone", BinaryType::TimeTz);
        row("character varying(25)", BinaryType::Text);
        row("char(1)", BinaryType::Text);
        row("bpchar", BinaryType::Text);
        row("jsonb", BinaryType::Jsonb);
        row("bytea", BinaryType::Bytea);
        row("inet", BinaryType::Inet);
        row("cidr", BinaryType::Cidr);
        row("macaddr", BinaryType::MacAddr);
        row("interval", BinaryType::Interval);
        row("point", BinaryType::Point);
        row("macaddr8", BinaryType::Unsupported);
        row("money", BinaryType::Unsupported);
        row("tsvector", BinaryType::Unsupported);
        row("integer[]", BinaryType::Unsupported);
        row("text[][]", BinaryType::Unsupported);
    }

    void typeOf()
    {
        QFETCH(QString, sqlType);
        QFETCH(int, type);
        QCOMPARE(int(BinaryCopyEncoder::typeOf(sqlType)), type);
    }

    void checkTableNamesUnsupportedColumns()
    {
        const auto schema = tableOf({"bigint", "money", "integer[]", "text"});
        QVERIFY(schema);
        const QString message = BinaryCopyEncoder::checkTable(*schema->tables()[0]);
        QVERIFY2(message.contains(QLatin1String("table 't'")), qPrintable(message));
        QVERIFY2(message.contains(QLatin1String("'c1' (money)")), qPrintable(message));
        QVERIFY2(message.contains(QLatin1String("'c2' (integer[])")), qPrintable(message));
        QVERIFY2(!message.contains(QLatin1String("'c0'")), qPrintable(message));
        QVERIFY2(message.contains(QLatin1String("text COPY")), qPrintable(message));
    }

    void errorNamesTableColumnRowAndValue()
    {
        const auto schema = tableOf({"bigint", "smallint"});
        QVERIFY(schema);
        BinaryCopyEncoder encoder;
        QVERIFY(!encoder.hasError());
        RowBatch batch(2);
        batch.firstRow = 500;
        batch.count = 2;
        batch.column(0)[0] = batch.column(0)[1] = Value::integer(1);
        batch.column(1)[0] = Value::integer(7);
        batch.column(1)[1] = Value::integer(70000);
        ByteBuffer out;
        encoder.encode(*schema->tables()[0], batch, out, nullptr);
        const QString error = encoder.error();
        QVERIFY(encoder.hasError());
        for (const char *part : {"table 't'", "column 'c1' (smallint)", "row 501", "'70000'",
                                 "out of range for smallint", "text COPY"})
            QVERIFY2(error.contains(QLatin1String(part)), qPrintable(error));
    }

    void numericMatchesDecimalText()
    {
        // Random unscaled values and scales: the binary numeric reads back as the same number
        // with the same display scale.
        const auto schema = tableOf({"numeric"});
        QVERIFY(schema);
        BinaryCopyEncoder encoder;
        QRandomGenerator rng(7);
        for (int i = 0; i < 20000; ++i) {
            const int bits = int(rng.bounded(64));
            int64_t unscaled = int64_t(rng.generate64() >> (63 - bits));
            if (rng.bounded(2))
                unscaled = -unscaled;
            if (i == 0)
                unscaled = INT64_MIN;
            const int scale = i % 7 == 0 ? int(rng.bounded(40)) : int(rng.bounded(19));
            const QByteArray bytes = encodeRows(encoder, *schema->tables()[0],
                                                {{Value::decimal(unscaled, uint8_t(scale))}});
            QCOMPARE(numericText(bytes.mid(6)), decimalReference(unscaled, scale));
            // No trailing zero digit groups, no leading ones.
            const int ndigits = (uchar(bytes[6]) << 8) | uchar(bytes[7]);
            if (ndigits) {
                QVERIFY(bytes.mid(6 + 8, 2) != QByteArray(2, '\0'));
                QVERIFY(bytes.right(2) != QByteArray(2, '\0'));
            }
        }
    }

    void sharedByWorkers()
    {
        // One encoder serves every worker and table at once: the bytes do not depend on it.
        QFile file(QStringLiteral(SPILLWAY_EXAMPLES "/ecommerce.json"));
        QVERIFY(file.open(QIODevice::ReadOnly));
        const auto schema = compile(file.readAll());
        QVERIFY(schema);
        auto encodeTable = [&](const BinaryCopyEncoder &encoder, size_t t) {
            const TableRuntime &table = *schema->tables()[t];
            RowBatch batch(int(table.columns.size()));
            batch.count = 200;
            if (table.isChild()) {
                for (uint32_t i = 0; i < batch.count; ++i) {
                    batch.parentRows.push_back(i);
                    batch.ordinals.push_back(0);
                }
            }
            table.generate(batch);
            ByteBuffer out;
            encoder.encode(table, batch, out, nullptr);
            return QByteArray(out.data(), qsizetype(out.size()));
        };
        const size_t tables = schema->tables().size();
        std::vector<QByteArray> expected;
        for (size_t t = 0; t < tables; ++t)
            expected.push_back(encodeTable(BinaryCopyEncoder(), t));
        BinaryCopyEncoder shared;
        QList<QFuture<bool>> runs;
        for (int i = 0; i < 16; ++i) {
            runs.append(QtConcurrent::run([&, i] {
                const size_t t = size_t(i) % tables;
                return encodeTable(shared, t) == expected[t];
            }));
        }
        for (QFuture<bool> &run : runs)
            QVERIFY(run.result());
        QVERIFY2(!shared.hasError(), qPrintable(shared.error()));
    }

    void lineitemEncodesEveryRow()
    {
        QFile file(QStringLiteral(SPILLWAY_EXAMPLES "/lineitem.json"));
        QVERIFY(file.open(QIODevice::ReadOnly));
        const auto schema = compile(file.readAll());
        QVERIFY(schema);
        const TableRuntime &table = *schema->tables()[0];
        QCOMPARE(BinaryCopyEncoder::checkTable(table), QString());
        BinaryCopyEncoder encoder;
        RowBatch batch(int(table.columns.size()));
        batch.count = RowBatch::kCapacity;
        table.generate(batch);
        ByteBuffer out;
        std::vector<uint32_t> rowEnds;
        encoder.encode(table, batch, out, &rowEnds);
        QVERIFY2(!encoder.hasError(), qPrintable(encoder.error()));
        QCOMPARE(rowEnds.size(), size_t(batch.count));
        // Walk the tuples: 16 fields each, lengths adding up to the row ends.
        size_t at = 0;
        for (uint32_t end : rowEnds) {
            auto be = [&](size_t i, int n) {
                uint32_t v = 0;
                for (int k = 0; k < n; ++k)
                    v = v << 8 | uchar(out.data()[i + size_t(k)]);
                return v;
            };
            QCOMPARE(be(at, 2), 16u);
            at += 2;
            for (int f = 0; f < 16; ++f) {
                const uint32_t len = be(at, 4);
                at += 4 + (len == 0xFFFFFFFF ? 0 : len);
            }
            QCOMPARE(at, size_t(end));
        }
    }
};

QTEST_GUILESS_MAIN(TestBinary)
#include "test_binary.moc"
