// Geometry and geography columns in every output: CSV and COPY text write the EWKT, binary COPY
// the EWKB that PostGIS's receive functions read, JSON Lines a GeoJSON object, and verify's
// text form is the upper-case hex EWKB PostgreSQL prints (with the column's SRID).

#include "encode/binaryencoder.h"
#include "encode/encoder.h"
#include "valuespec.h"
#include "verify/pgtextform.h"

#include <QTest>

using namespace spillway;
using namespace spillway::test;

namespace {

QByteArray encode(const Encoder &encoder, const TableRuntime &table, const QList<QByteArray> &row)
{
    RowBatch batch(int(table.columns.size()));
    batch.count = 1;
    for (qsizetype c = 0; c < row.size(); ++c)
        batch.column(int(c))[0] = valueOf(row[c], batch.arena);
    ByteBuffer out;
    encoder.encode(table, batch, out, nullptr);
    return QByteArray(out.data(), qsizetype(out.size()));
}

std::unique_ptr<Encoder> encoderFor(OutputFormat format)
{
    FormatOptions options;
    options.format = format;
    options.header = false;
    return Encoder::create(options);
}

} // namespace

class TestGeometryEncode : public QObject
{
    Q_OBJECT

private slots:
    void binaryTypes();
    void binaryField_data();
    void binaryField();
    void binaryRefusesWhatIsNoGeometry();
    void textFormats();
    void jsonLines();
    void verifyTextForm_data();
    void verifyTextForm();
};

void TestGeometryEncode::binaryTypes()
{
    for (const char *type : {"geometry", "geometry(Point,4326)", "GEOGRAPHY(Polygon)"})
        QCOMPARE(BinaryCopyEncoder::typeOf(QString::fromLatin1(type)), BinaryType::Geometry);
    QCOMPARE(BinaryCopyEncoder::typeOf(QStringLiteral("geometry[]")), BinaryType::Unsupported);
    const auto schema = tableOf({"geometry(Point,4326)", "geography(LineString)"});
    QVERIFY(schema);
    QCOMPARE(BinaryCopyEncoder::checkTable(*schema->tables().front()), QString());
}

void TestGeometryEncode::binaryField_data()
{
    QTest::addColumn<QByteArray>("type");
    QTest::addColumn<QByteArray>("value");
    QTest::addColumn<QByteArray>("field"); // hex: length word, then the EWKB
    QTest::newRow("ewkt point") << QByteArray("geometry(Point,4326)")
                                << QByteArray("text:SRID=4326;POINT(1 2)")
                                << QByteArray("00000019"
                                              "0101000020E6100000000000000000F03F0000000000000040");
    QTest::newRow("wkt line") << QByteArray("geometry") << QByteArray("text:LINESTRING(0 0,1 -1.5)")
                              << QByteArray("00000029"
                                            "010200000002000000"
                                            "0000000000000000"
                                            "0000000000000000"
                                            "000000000000F03F"
                                            "000000000000F8BF");
    QTest::newRow("hex ewkb") << QByteArray("geography(Point)")
                              << QByteArray(
                                     "text:0101000020E6100000000000000000F03F0000000000000040")
                              << QByteArray("00000019"
                                            "0101000020E6100000000000000000F03F0000000000000040");
    QTest::newRow("null") << QByteArray("geometry") << QByteArray("null") << QByteArray("FFFFFFFF");
}

void TestGeometryEncode::binaryField()
{
    QFETCH(QByteArray, type);
    QFETCH(QByteArray, value);
    const auto schema = tableOf({type});
    QVERIFY(schema);
    BinaryCopyEncoder encoder;
    const QByteArray tuple = encode(encoder, *schema->tables().front(), {value});
    QVERIFY2(!encoder.hasError(), qPrintable(encoder.error()));
    QCOMPARE(tuple.left(2), QByteArray("\x00\x01", 2)); // one field
    QTEST(tuple.mid(2).toHex().toUpper(), "field");
}

void TestGeometryEncode::binaryRefusesWhatIsNoGeometry()
{
    const auto schema = tableOf({"geometry(Point,4326)"});
    QVERIFY(schema);
    BinaryCopyEncoder encoder;
    encode(encoder, *schema->tables().front(), {"text:POINT(1)"});
    QVERIFY(encoder.hasError());
    QVERIFY2(encoder.error().contains(QLatin1String("is not a two-dimensional geometry")),
             qPrintable(encoder.error()));
    QVERIFY(encoder.error().contains(QLatin1String("column 'c0'")));
}

void TestGeometryEncode::textFormats()
{
    const auto schema = tableOf({"geometry(LineString,4326)", "integer"});
    QVERIFY(schema);
    const TableRuntime &table = *schema->tables().front();
    const QList<QByteArray> row = {"text:SRID=4326;LINESTRING(1 2,3 4)", "int:7"};
    QCOMPARE(encode(*encoderFor(OutputFormat::Csv), table, row),
             QByteArray("\"SRID=4326;LINESTRING(1 2,3 4)\",7\n"));
    QCOMPARE(encode(*encoderFor(OutputFormat::PgCopy), table, row),
             QByteArray("SRID=4326;LINESTRING(1 2,3 4)\t7\n"));
}

void TestGeometryEncode::jsonLines()
{
    const auto schema = tableOf({"geometry(Polygon,4326)", "text", "geography"});
    QVERIFY(schema);
    const QByteArray line = encode(
        *encoderFor(OutputFormat::JsonLines), *schema->tables().front(),
        {"text:SRID=4326;POLYGON((0 0,1 0,1 1,0 0))", "text:POINT(1 2)", "text:not a geometry"});
    QCOMPARE(line, QByteArray("{\"c0\":{\"type\":\"Polygon\",\"coordinates\":[[[0,0],[1,0],[1,1],"
                              "[0,0]]]},\"c1\":\"POINT(1 2)\",\"c2\":\"not a geometry\"}\n"));
}

void TestGeometryEncode::verifyTextForm_data()
{
    QTest::addColumn<QString>("type");
    QTest::addColumn<QByteArray>("value");
    QTest::addColumn<QByteArray>("text");
    QTest::newRow("point 4326") << "geometry(Point,4326)" << QByteArray("text:SRID=4326;POINT(1 2)")
                                << QByteArray("0101000020E6100000000000000000F03F0000000000000040");
    // The column's SRID applies to a value written without one (postgis_valid_typmod).
    QTest::newRow("srid from column") << "geometry(Point,4326)" << QByteArray("text:POINT(1 2)")
                                      << QByteArray("0101000020E6100000000000000000F03F0000"
                                                    "000000000040");
    QTest::newRow("no srid") << "geometry" << QByteArray("text:POINT(1 2)")
                             << QByteArray("0101000000000000000000F03F0000000000000040");
    QTest::newRow("geography") << "geography(Point)" << QByteArray("text:POINT(1 2)")
                               << QByteArray("0101000020E6100000000000000000F03F0000000000000040");
}

void TestGeometryEncode::verifyTextForm()
{
    QFETCH(QString, type);
    QFETCH(QByteArray, value);
    const PgTextForm form = PgTextForm::forType(type);
    QCOMPARE(form.family(), PgTextForm::Family::Geometry);
    QVERIFY(form.isPredictable());
    QVERIFY(form.sameTextAs(PgTextForm::forType(type.toUpper())));
    Arena arena;
    std::string out;
    form.render(valueOf(value, arena), out);
    QTEST(QByteArray::fromStdString(out), "text");
}

QTEST_GUILESS_MAIN(TestGeometryEncode)
#include "test_geometryencode.moc"
