// PostGIS geometries in base/geometry.h: the column types and their modifiers, the writers
// against hand-computed EWKT, EWKB and GeoJSON, and the reader (EWKT and hex (E)WKB, exact
// round trips, refusals).

#include "base/geometry.h"

#include <QTest>

#include <random>
#include <string>

using namespace spillway;

Q_DECLARE_METATYPE(spillway::GeometryShape)
Q_DECLARE_METATYPE(spillway::Geometry)

namespace {

Geometry geometry(GeometryShape shape, int32_t srid, std::vector<double> xy,
                  std::vector<uint32_t> parts = {}, std::vector<uint32_t> polygons = {})
{
    Geometry g;
    g.shape = shape;
    g.srid = srid;
    g.xy = std::move(xy);
    g.parts = std::move(parts);
    g.polygons = std::move(polygons);
    return g;
}

QByteArray ewkt(const Geometry &g)
{
    QByteArray out(qsizetype(ewktBound(g)), '\0');
    out.truncate(writeEwkt(out.data(), g) - out.data());
    return out;
}

QByteArray hex(const Geometry &g)
{
    QByteArray out(qsizetype(2 * ewkbSize(g)), '\0');
    out.truncate(writeEwkbHex(out.data(), g) - out.data());
    return out;
}

QByteArray geoJson(const Geometry &g)
{
    QByteArray out(qsizetype(geoJsonBound(g)), '\0');
    out.truncate(writeGeoJson(out.data(), g) - out.data());
    return out;
}

bool same(const Geometry &a, const Geometry &b)
{
    return a.shape == b.shape && a.srid == b.srid && a.xy == b.xy && a.parts == b.parts &&
           a.polygons == b.polygons;
}

const QByteArray kSquare = "0000000000000000"
                           "0000000000000000" // (0 0)
                           "000000000000F03F"
                           "0000000000000000" // (1 0)
                           "000000000000F03F"
                           "000000000000F03F" // (1 1)
                           "0000000000000000"
                           "0000000000000000"; // (0 0)

} // namespace

class TestGeometry : public QObject
{
    Q_OBJECT

private slots:
    void types_data();
    void types();
    void refusedTypes_data();
    void refusedTypes();
    void writers_data();
    void writers();
    void ewkbSizeIsExact();
    void readsWhatPostgisReads_data();
    void readsWhatPostgisReads();
    void refusesWhatItCannotRead_data();
    void refusesWhatItCannotRead();
    void roundTripsExactly();
};

void TestGeometry::types_data()
{
    QTest::addColumn<QString>("type");
    QTest::addColumn<bool>("geography");
    QTest::addColumn<GeometryShape>("shape");
    QTest::addColumn<int>("srid");
    QTest::addColumn<QString>("name");
    QTest::newRow("geometry") << "geometry" << false << GeometryShape::Any << 0 << "geometry";
    QTest::newRow("point") << "geometry(Point)" << false << GeometryShape::Point << 0
                           << "geometry(Point)";
    QTest::newRow("spaces, case") << " GEOMETRY ( polygon , 4326 ) " << false
                                  << GeometryShape::Polygon << 4326 << "geometry(Polygon,4326)";
    QTest::newRow("multipolygon 3857")
        << "geometry(MultiPolygon,3857)" << false << GeometryShape::MultiPolygon << 3857
        << "geometry(MultiPolygon,3857)";
    QTest::newRow("any with srid") << "geometry(Geometry,4326)" << false << GeometryShape::Any
                                   << 4326 << "geometry(Geometry,4326)";
    QTest::newRow("geography") << "geography" << true << GeometryShape::Any << 4326 << "geography";
    QTest::newRow("geography line") << "geography(LineString)" << true << GeometryShape::LineString
                                    << 4326 << "geography(LineString,4326)";
}

void TestGeometry::types()
{
    QFETCH(QString, type);
    QVERIFY(isGeometryTypeName(type));
    QString error;
    const auto parsed = parseGeometryType(type, &error);
    QVERIFY2(parsed, qPrintable(error));
    QTEST(parsed->geography, "geography");
    QTEST(parsed->shape, "shape");
    QTEST(int(parsed->srid), "srid");
    QTEST(parsed->sqlName(), "name");
    QVERIFY(parsed->accepts(parsed->shape));
}

void TestGeometry::refusedTypes_data()
{
    QTest::addColumn<QString>("type");
    QTest::addColumn<QString>("message"); // empty: not a geometry type at all
    QTest::newRow("z") << "geometry(PointZ,4326)"
                       << "only two-dimensional shapes";
    QTest::newRow("zm") << "geography(LineStringZM)"
                        << "only two-dimensional shapes";
    QTest::newRow("unknown shape") << "geometry(Circle)"
                                   << "'Circle' is not a supported shape";
    QTest::newRow("srid range") << "geometry(Point,1000000)"
                                << "SRID 1000000 is out of range";
    QTest::newRow("negative srid") << "geometry(Point,-1)"
                                   << "SRID -1 is out of range";
    QTest::newRow("array") << "geometry[]"
                           << "arrays of geometries are not supported";
    QTest::newRow("no shape") << "geometry(4326)"
                              << "is not a geometry type";
    QTest::newRow("other type") << "geometryx"
                                << "";
    QTest::newRow("text") << "text"
                          << "";
}

void TestGeometry::refusedTypes()
{
    QFETCH(QString, type);
    QFETCH(QString, message);
    QString error;
    QVERIFY(!parseGeometryType(type, &error));
    QCOMPARE(isGeometryTypeName(type), !message.isEmpty());
    if (message.isEmpty())
        QVERIFY(error.isEmpty());
    else
        QVERIFY2(error.contains(message), qPrintable(error));
}

void TestGeometry::writers_data()
{
    QTest::addColumn<Geometry>("g");
    QTest::addColumn<QByteArray>("ewkt");
    QTest::addColumn<QByteArray>("hex");
    QTest::addColumn<QByteArray>("json");
    // What PostGIS prints for 'SRID=4326;POINT(1 2)'::geometry.
    QTest::newRow("point 4326") << geometry(GeometryShape::Point, 4326, {1, 2})
                                << QByteArray("SRID=4326;POINT(1 2)")
                                << QByteArray("0101000020E6100000000000000000F03F0000000000000040")
                                << QByteArray("{\"type\":\"Point\",\"coordinates\":[1,2]}");
    QTest::newRow("decimals, negative zero")
        << geometry(GeometryShape::Point, 0, {13.404954, -0.0}) << QByteArray("POINT(13.404954 -0)")
        << QByteArray("0101000000"
                      "CEC4742156CF2A40"
                      "0000000000000080")
        << QByteArray("{\"type\":\"Point\",\"coordinates\":[13.404954,-0]}");
    QTest::newRow("linestring") << geometry(GeometryShape::LineString, 0, {0, 0, 1, -1.5})
                                << QByteArray("LINESTRING(0 0,1 -1.5)")
                                << QByteArray("010200000002000000"
                                              "0000000000000000"
                                              "0000000000000000"
                                              "000000000000F03F"
                                              "000000000000F8BF")
                                << QByteArray("{\"type\":\"LineString\",\"coordinates\":[[0,0],"
                                              "[1,-1.5]]}");
    QTest::newRow("polygon 4326")
        << geometry(GeometryShape::Polygon, 4326, {0, 0, 1, 0, 1, 1, 0, 0}, {4})
        << QByteArray("SRID=4326;POLYGON((0 0,1 0,1 1,0 0))")
        << QByteArray("0103000020E61000000100000004000000" + kSquare)
        << QByteArray("{\"type\":\"Polygon\",\"coordinates\":[[[0,0],[1,0],[1,1],[0,0]]]}");
    QTest::newRow("multipoint") << geometry(GeometryShape::MultiPoint, 0, {1, 2, 0, 0})
                                << QByteArray("MULTIPOINT((1 2),(0 0))")
                                << QByteArray("010400000002000000"
                                              "0101000000"
                                              "000000000000F03F"
                                              "0000000000000040"
                                              "0101000000"
                                              "0000000000000000"
                                              "0000000000000000")
                                << QByteArray("{\"type\":\"MultiPoint\",\"coordinates\":[[1,2],"
                                              "[0,0]]}");
    QTest::newRow("multilinestring")
        << geometry(GeometryShape::MultiLineString, 0, {0, 0, 1, 0, 1, 1, 0, 0}, {2, 2})
        << QByteArray("MULTILINESTRING((0 0,1 0),(1 1,0 0))")
        << QByteArray("010500000002000000"
                      "010200000002000000" +
                      kSquare.left(64) + "010200000002000000" + kSquare.mid(64))
        << QByteArray("{\"type\":\"MultiLineString\",\"coordinates\":[[[0,0],[1,0]],[[1,1],"
                      "[0,0]]]}");
    QTest::newRow("multipolygon 4326")
        << geometry(GeometryShape::MultiPolygon, 4326,
                    {0, 0, 1, 0, 1, 1, 0, 0, 0, 0, 1, 0, 1, 1, 0, 0}, {4, 4}, {1, 1})
        << QByteArray("SRID=4326;MULTIPOLYGON(((0 0,1 0,1 1,0 0)),((0 0,1 0,1 1,0 0)))")
        << QByteArray("0106000020E610000002000000"
                      "01030000000100000004000000" +
                      kSquare + "01030000000100000004000000" + kSquare)
        << QByteArray("{\"type\":\"MultiPolygon\",\"coordinates\":[[[[0,0],[1,0],[1,1],[0,0]]],"
                      "[[[0,0],[1,0],[1,1],[0,0]]]]}");
}

void TestGeometry::writers()
{
    QFETCH(Geometry, g);
    QTEST(ewkt(g), "ewkt");
    QTEST(hex(g), "hex");
    QTEST(geoJson(g), "json");
}

void TestGeometry::ewkbSizeIsExact()
{
    const Geometry g = geometry(GeometryShape::MultiPolygon, 4326,
                                {0, 0, 1, 0, 1, 1, 0, 0, 5, 5, 6, 5, 6, 6, 5, 5}, {4, 4}, {2});
    std::string raw(ewkbSize(g) + 16, '\0');
    QCOMPARE(size_t(writeEwkb(raw.data(), g) - raw.data()), ewkbSize(g));
}

void TestGeometry::readsWhatPostgisReads_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QByteArray>("ewkt"); // what writeEwkt makes of it
    QTest::newRow("ewkt") << QByteArray("SRID=4326;POINT(1 2)")
                          << QByteArray("SRID=4326;POINT(1 2)");
    QTest::newRow("spaces, case") << QByteArray(" srid=4326; point ( +1  2e0 ) ")
                                  << QByteArray("SRID=4326;POINT(1 2)");
    QTest::newRow("multipoint bare")
        << QByteArray("MULTIPOINT(1 2, 3 4)") << QByteArray("MULTIPOINT((1 2),(3 4))");
    QTest::newRow("polygon with hole")
        << QByteArray("POLYGON((0 0,10 0,10 10,0 0),(1 1,2 1,2 2,1 1))")
        << QByteArray("POLYGON((0 0,10 0,10 10,0 0),(1 1,2 1,2 2,1 1))");
    QTest::newRow("multipolygon") << QByteArray("MultiPolygon(((0 0,1 0,1 1,0 0)),((5 5,6 5,6 "
                                                "6,5 5),(5.1 5.1,5.2 5.1,5.2 5.2,5.1 5.1)))")
                                  << QByteArray("MULTIPOLYGON(((0 0,1 0,1 1,0 0)),((5 5,6 5,6 6,"
                                                "5 5),(5.1 5.1,5.2 5.1,5.2 5.2,5.1 5.1)))");
    QTest::newRow("hex ewkb") << QByteArray("0101000020E6100000000000000000F03F0000000000000040")
                              << QByteArray("SRID=4326;POINT(1 2)");
    QTest::newRow("hex lower case")
        << QByteArray("0101000020e6100000000000000000f03f0000000000000040")
        << QByteArray("SRID=4326;POINT(1 2)");
    QTest::newRow("hex big-endian wkb")
        << QByteArray("00000000013FF00000000000004000000000000000") << QByteArray("POINT(1 2)");
    QTest::newRow("hex multipolygon") << QByteArray("0106000020E610000001000000"
                                                    "01030000000100000004000000" +
                                                    kSquare)
                                      << QByteArray("SRID=4326;MULTIPOLYGON(((0 0,1 0,1 1,0 0)))");
}

void TestGeometry::readsWhatPostgisReads()
{
    QFETCH(QByteArray, text);
    Geometry g;
    QString error;
    QVERIFY2(readGeometryText(std::string_view(text.constData(), size_t(text.size())), g, &error),
             qPrintable(error));
    QTEST(ewkt(g), "ewkt");
}

void TestGeometry::refusesWhatItCannotRead_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QString>("message");
    QTest::newRow("z") << QByteArray("POINT Z (1 2 3)") << "not well formed";
    QTest::newRow("3 coordinates") << QByteArray("POINT(1 2 3)") << "not well formed";
    QTest::newRow("empty") << QByteArray("POINT EMPTY") << "not well formed";
    QTest::newRow("one coordinate") << QByteArray("POINT(1)") << "not well formed";
    QTest::newRow("one-point line") << QByteArray("LINESTRING(1 2)") << "not well formed";
    QTest::newRow("nan") << QByteArray("POINT(nan 1)") << "not well formed";
    QTest::newRow("curve") << QByteArray("CIRCULARSTRING(0 0,1 1,2 0)") << "not a 2D shape";
    QTest::newRow("junk after") << QByteArray("POINT(1 2) x") << "unexpected text";
    QTest::newRow("srid without ;") << QByteArray("SRID=4326 POINT(1 2)") << "SRID=";
    QTest::newRow("hex z") << QByteArray("01010000A0E6100000000000000000F03F0000000000000040"
                                         "0000000000000840")
                           << "hex WKB";
    QTest::newRow("hex cut") << QByteArray("0101000020E6100000000000000000F03F00000000")
                             << "hex WKB";
}

void TestGeometry::refusesWhatItCannotRead()
{
    QFETCH(QByteArray, text);
    QFETCH(QString, message);
    Geometry g;
    QString error;
    QVERIFY(!readGeometryText(std::string_view(text.constData(), size_t(text.size())), g, &error));
    QVERIFY2(error.contains(message), qPrintable(error));
}

void TestGeometry::roundTripsExactly()
{
    std::mt19937_64 random(7);
    std::uniform_real_distribution<double> lon(-180, 180), lat(-90, 90);
    Geometry g;
    g.shape = GeometryShape::LineString;
    g.srid = 4326;
    for (int i = 0; i < 2000; ++i)
        g.addPoint(lon(random), i % 3 ? lat(random) : std::ldexp(lat(random), -40));
    const QByteArray text = ewkt(g);
    Geometry back;
    QVERIFY(readGeometryText(std::string_view(text.constData(), size_t(text.size())), back));
    QVERIFY(same(g, back)); // every double read back bit for bit
    const QByteArray h = hex(g);
    QVERIFY(readGeometryText(std::string_view(h.constData(), size_t(h.size())), back));
    QVERIFY(same(g, back));
}

QTEST_GUILESS_MAIN(TestGeometry)
#include "test_geometry.moc"
