// The geometry generators (issue 11, PostGIS): every value is a valid geometry of the column's
// shape and SRID. Rings are closed, have at least four points, never cross themselves (checked
// with exact integer segment tests on the microdegree grid) and run counter-clockwise;
// multipolygon parts are disjoint; parcels share their neighbours' corners; tracks have their
// vertex counts and step lengths, and track_times one time per vertex. Bad parameters and
// column types are refused at their JSON paths.

#include "../testsupport.h"
#include "base/geometry.h"

#include <QTest>

#include <cmath>

using namespace spillway;
using namespace spillway::test;

namespace {

struct P
{
    int64_t x, y; // microdegrees: every generated coordinate is on this grid
    bool operator==(const P &o) const { return x == o.x && y == o.y; }
};

using Ring = std::vector<P>;

P micro(double x, double y)
{
    return {std::llround(x * 1e6), std::llround(y * 1e6)};
}

int orientation(P a, P b, P c)
{
    const __int128 v = __int128(b.x - a.x) * (c.y - a.y) - __int128(b.y - a.y) * (c.x - a.x);
    return v > 0 ? 1 : v < 0 ? -1 : 0;
}

bool onSegment(P a, P b, P p)
{
    return std::min(a.x, b.x) <= p.x && p.x <= std::max(a.x, b.x) && std::min(a.y, b.y) <= p.y &&
           p.y <= std::max(a.y, b.y);
}

// Whether segments ab and cd share any point (touching counts).
bool intersect(P a, P b, P c, P d)
{
    const int o1 = orientation(a, b, c), o2 = orientation(a, b, d);
    const int o3 = orientation(c, d, a), o4 = orientation(c, d, b);
    if (o1 != o2 && o3 != o4)
        return true;
    return (o1 == 0 && onSegment(a, b, c)) || (o2 == 0 && onSegment(a, b, d)) ||
           (o3 == 0 && onSegment(c, d, a)) || (o4 == 0 && onSegment(c, d, b));
}

// A closed ring of at least 4 points whose edges meet only where consecutive edges share a
// vertex, and whose consecutive edges are not collinear and folded back.
QString ringProblem(const Ring &r)
{
    if (r.size() < 4)
        return QStringLiteral("fewer than 4 points");
    if (!(r.front() == r.back()))
        return QStringLiteral("not closed");
    const size_t n = r.size() - 1; // edges
    for (size_t i = 0; i < n; ++i) {
        for (size_t j = i + 1; j < n; ++j) {
            const bool adjacent = j == i + 1 || (i == 0 && j == n - 1);
            if (adjacent) {
                // Adjacent edges share one vertex; they must not overlap along a line.
                const P shared = j == i + 1 ? r[j] : r[0];
                const P other1 = j == i + 1 ? r[i] : r[1];
                const P other2 = j == i + 1 ? r[j + 1] : r[n - 1];
                if (orientation(other1, shared, other2) == 0 &&
                    (onSegment(shared, other1, other2) || onSegment(shared, other2, other1)))
                    return QStringLiteral("edges %1 and %2 overlap").arg(i).arg(j);
                continue;
            }
            if (intersect(r[i], r[i + 1], r[j], r[j + 1]))
                return QStringLiteral("edges %1 and %2 cross").arg(i).arg(j);
        }
    }
    return {};
}

double signedArea(const Ring &r)
{
    double a = 0;
    for (size_t i = 0; i + 1 < r.size(); ++i)
        a += double(r[i].x) * double(r[i + 1].y) - double(r[i + 1].x) * double(r[i].y);
    return a / 2;
}

bool inside(const Ring &r, P p)
{
    bool in = false;
    for (size_t i = 0, j = r.size() - 2; i + 1 < r.size(); j = i++) {
        if ((r[i].y > p.y) != (r[j].y > p.y) &&
            double(p.x) < double(r[j].x - r[i].x) * double(p.y - r[i].y) / double(r[j].y - r[i].y) +
                              double(r[i].x))
            in = !in;
    }
    return in;
}

Geometry read(const Value &v)
{
    Geometry g;
    if (v.kind != ValueKind::Text || !readGeometryText(v.view(), g))
        qWarning("not a geometry: %s", std::string(v.view()).c_str());
    return g;
}

// The rings of a polygon or multipolygon value, each as microdegree points; every coordinate
// must already be on the grid.
std::vector<Ring> rings(const Geometry &g)
{
    std::vector<Ring> out;
    size_t at = 0;
    for (const uint32_t n : g.parts) {
        Ring r;
        for (uint32_t k = 0; k < n; ++k, ++at) {
            const P p = micro(g.xy[2 * at], g.xy[2 * at + 1]);
            if (double(p.x) / 1e6 != g.xy[2 * at] || double(p.y) / 1e6 != g.xy[2 * at + 1])
                qWarning("coordinate off the microdegree grid");
            r.push_back(p);
        }
        out.push_back(std::move(r));
    }
    return out;
}

QByteArray table(const QByteArray &columns, uint64_t rows = 2000)
{
    return "{\"seed\": 5, \"tables\": [{\"name\": \"t\", \"rows\": " + QByteArray::number(rows) +
           ", \"columns\": [" + columns + "]}]}";
}

QByteArray column(const char *name, const char *type, const char *generator)
{
    return "{\"name\": \"" + QByteArray(name) + "\", \"type\": \"" + type +
           "\", \"generator\": " + QByteArray(generator).replace('\'', '"') + "}";
}

double metres(const double *a, const double *b)
{
    const double lat = (a[1] + b[1]) / 2 * M_PI / 180;
    const double dx = (b[0] - a[0]) * 111320.0 * std::cos(lat), dy = (b[1] - a[1]) * 111320.0;
    return std::hypot(dx, dy);
}

} // namespace

class TestGeoGenerators : public QObject
{
    Q_OBJECT

private slots:
    void polygonsAreValid_data();
    void polygonsAreValid();
    void multipolygonPartsAreDisjoint();
    void parcelsShareCorners();
    void pointsFollowTheColumnType();
    void tracksWalk();
    void trackTimesMatchTheVertices();
    void deterministic();
    void valuesOfTheColumnsType();
    void refusals_data();
    void refusals();
};

void TestGeoGenerators::polygonsAreValid_data()
{
    QTest::addColumn<QByteArray>("columnJson");
    QTest::addColumn<int>("rows"); // fewer where the quadratic simplicity check is costly
    QTest::newRow("polygon default")
        << column("g", "geometry(Polygon,4326)", "{'kind':'polygon'}") << 2000;
    QTest::newRow("polygon many vertices")
        << column("g", "geometry(Polygon,4326)",
                  "{'kind':'polygon','minVertices':200,'maxVertices':1000,'radius':200,"
                  "'jitter':0.5}")
        << 100;
    QTest::newRow("polygon smallest radius")
        << column("g", "geography(Polygon)",
                  "{'kind':'polygon','minVertices':3,'maxVertices':50,'radius':10,'jitter':0.5}")
        << 2000;
    QTest::newRow("triangles in a box")
        << column("g", "geometry",
                  "{'kind':'polygon','minVertices':3,'maxVertices':3,'bbox':[170,60,180,89.9],"
                  "'radius':5000}")
        << 2000;
    QTest::newRow("parcel") << column("g", "geometry(Polygon,4326)",
                                      "{'kind':'parcel','origin':[13.3,52.4],'jitter':0.25}")
                            << 2000;
    QTest::newRow("multipolygon")
        << column("g", "geometry(MultiPolygon,4326)",
                  "{'kind':'multipolygon','minParts':1,'maxParts':9,'radius':30}")
        << 2000;
}

void TestGeoGenerators::polygonsAreValid()
{
    QFETCH(QByteArray, columnJson);
    const auto schema = compile(table(columnJson));
    QVERIFY(schema);
    Arena arena;
    QFETCH(int, rows);
    for (const Value &v : values(*schema, 0, 0, 0, uint64_t(rows), &arena)) {
        const Geometry g = read(v);
        QVERIFY(g.shape == GeometryShape::Polygon || g.shape == GeometryShape::MultiPolygon);
        QVERIFY(!g.parts.empty());
        for (const Ring &r : rings(g)) {
            const QString problem = ringProblem(r);
            QVERIFY2(problem.isEmpty(),
                     qPrintable(problem + QLatin1String(": ") + QString::fromUtf8(v.text, v.len)));
            QVERIFY2(signedArea(r) > 0, "the exterior ring runs counter-clockwise");
            for (const P &p : r)
                QVERIFY(std::abs(p.x) <= 180000000 && std::abs(p.y) <= 90000000);
        }
    }
}

void TestGeoGenerators::multipolygonPartsAreDisjoint()
{
    const auto schema = compile(table(column("g", "geometry(MultiPolygon,4326)",
                                             "{'kind':'multipolygon','minParts':2,'maxParts':"
                                             "12,'radius':20,'maxVertices':40}")));
    QVERIFY(schema);
    Arena arena;
    for (const Value &v : values(*schema, 0, 0, 0, 500, &arena)) {
        const Geometry g = read(v);
        QCOMPARE(g.shape, GeometryShape::MultiPolygon);
        QCOMPARE(g.polygons.size(), g.parts.size()); // one ring per part
        QVERIFY(g.polygons.size() >= 2 && g.polygons.size() <= 12);
        const std::vector<Ring> parts = rings(g);
        for (size_t a = 0; a < parts.size(); ++a) {
            for (size_t b = a + 1; b < parts.size(); ++b) {
                QVERIFY(!inside(parts[a], parts[b][0]) && !inside(parts[b], parts[a][0]));
                for (size_t i = 0; i + 1 < parts[a].size(); ++i)
                    for (size_t j = 0; j + 1 < parts[b].size(); ++j)
                        QVERIFY(
                            !intersect(parts[a][i], parts[a][i + 1], parts[b][j], parts[b][j + 1]));
            }
        }
    }
}

void TestGeoGenerators::parcelsShareCorners()
{
    const auto schema = compile(table(column("g", "geometry(Polygon,4326)",
                                             "{'kind':'parcel','origin':[-3.7,40.4],"
                                             "'columns':10,'cellSize':25}"),
                                      100));
    QVERIFY(schema);
    Arena arena;
    const std::vector<Value> all = values(*schema, 0, 0, 0, 100, &arena);
    std::vector<Ring> cells;
    for (const Value &v : all)
        cells.push_back(rings(read(v)).front());
    // Corners run south-west, south-east, north-east, north-west.
    for (size_t r = 0; r < cells.size(); ++r) {
        QCOMPARE(cells[r].size(), size_t(5));
        if (r % 10 != 9) { // its east neighbour
            QVERIFY(cells[r][1] == cells[r + 1][0]);
            QVERIFY(cells[r][2] == cells[r + 1][3]);
        }
        if (r + 10 < cells.size()) { // its north neighbour
            QVERIFY(cells[r][3] == cells[r + 10][0]);
            QVERIFY(cells[r][2] == cells[r + 10][1]);
        }
        // About 25 m a side.
        const double side = metres(&read(all[r]).xy[0], &read(all[r]).xy[2]);
        QVERIFY2(side > 12 && side < 38, qPrintable(QString::number(side)));
    }
}

void TestGeoGenerators::pointsFollowTheColumnType()
{
    const auto schema = compile(table(column("a", "geometry(Point)",
                                             "{'kind':'point','bbox':[5.9,45.8,10.5,"
                                             "47.8]}") +
                                      "," + column("b", "geography(Point)", "{'kind':'point'}") +
                                      "," + column("c", "", "{'kind':'point'}")));
    QVERIFY(schema);
    QCOMPARE(schema->tables().front()->columns[2].sqlType, QStringLiteral("geometry(Point,4326)"));
    Arena arena;
    for (const Value &v : values(*schema, 0, 0, 0, 1000, &arena)) {
        QVERIFY(v.view().substr(0, 6) == "POINT(");
        const Geometry g = read(v);
        QVERIFY(g.xy[0] >= 5.9 && g.xy[0] <= 10.5 && g.xy[1] >= 45.8 && g.xy[1] <= 47.8);
    }
    for (int c : {1, 2}) {
        for (const Value &v : values(*schema, 0, c, 0, 100, &arena))
            QVERIFY(v.view().substr(0, 16) == "SRID=4326;POINT(");
    }
}

void TestGeoGenerators::tracksWalk()
{
    const auto schema = compile(
        table(column("t", "geometry(LineString,4326)",
                     "{'kind':'track','minVertices':5,'maxVertices':60,'step':40,'maxTurn':45}")));
    QVERIFY(schema);
    Arena arena;
    for (const Value &v : values(*schema, 0, 0, 0, 1000, &arena)) {
        const Geometry g = read(v);
        QCOMPARE(g.shape, GeometryShape::LineString);
        QVERIFY(g.pointCount() >= 5 && g.pointCount() <= 60);
        for (uint32_t k = 1; k < g.pointCount(); ++k) {
            const double step = metres(&g.xy[2 * (k - 1)], &g.xy[2 * k]);
            QVERIFY2(step > 19.5 && step < 60.5, qPrintable(QString::number(step)));
        }
    }
}

void TestGeoGenerators::trackTimesMatchTheVertices()
{
    const auto schema = compile(table(
        column("started", "timestamptz",
               "{'kind':'timestamp','min':'2024-05-01 00:00:00','max':'2024-05-02 00:00:00'}") +
        "," + column("t", "geometry(LineString,4326)", "{'kind':'track','maxVertices':20}") + "," +
        column("times", "timestamptz[]",
               "{'kind':'track_times','track':'t','start':'started','interval':'15s'}") +
        "," + column("drawn", "", "{'kind':'track_times','track':'t'}")));
    QVERIFY(schema);
    QCOMPARE(schema->tables().front()->columns[3].sqlType, QStringLiteral("timestamptz[]"));
    Arena arena;
    const std::vector<Value> tracks = values(*schema, 0, 1, 0, 300, &arena);
    const std::vector<Value> times = values(*schema, 0, 2, 0, 300, &arena);
    const std::vector<Value> drawn = values(*schema, 0, 3, 0, 300, &arena);
    for (size_t r = 0; r < tracks.size(); ++r) {
        const uint32_t n = read(tracks[r]).pointCount();
        for (const Value *v : {&times[r], &drawn[r]}) {
            const QString text = QString::fromUtf8(v->text, v->len);
            QVERIFY(text.startsWith(QLatin1Char('{')) && text.endsWith(QLatin1Char('}')));
            QCOMPARE(uint32_t(text.count(QLatin1Char(',')) + 1), n);
        }
        // Consecutive times 15 s apart: the seconds field of the first two elements.
        const QStringList elements = QString::fromUtf8(times[r].text, times[r].len)
                                         .mid(1)
                                         .chopped(1)
                                         .split(QLatin1Char(','));
        QVERIFY(elements[0].startsWith(QLatin1String("\"2024-05-0")));
        const auto seconds = [](const QString &e) {
            const QString clock = e.section(QLatin1Char(' '), 1).left(8);
            return clock.left(2).toInt() * 3600 + clock.mid(3, 2).toInt() * 60 +
                   clock.mid(6, 2).toInt();
        };
        QCOMPARE((seconds(elements[1]) - seconds(elements[0]) + 86400) % 86400, 15);
    }
}

void TestGeoGenerators::deterministic()
{
    const QByteArray json = table(column("a", "geometry(Polygon,4326)", "{'kind':'polygon'}") +
                                  "," + column("b", "", "{'kind':'track'}") + "," +
                                  column("c", "", "{'kind':'multipolygon'}"));
    const auto one = compile(json), two = compile(json);
    QVERIFY(one && two);
    Arena a1, a2;
    for (int c = 0; c < 3; ++c) {
        const std::vector<Value> x = values(*one, 0, c, 0, 700, &a1);
        const std::vector<Value> y = values(*two, 0, c, 100, 600, &a2);
        for (size_t r = 0; r < y.size(); ++r)
            QVERIFY(x[r + 100].view() == y[r].view());
    }
}

void TestGeoGenerators::refusals_data()
{
    QTest::addColumn<QByteArray>("columnJson");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("message");
    const QString gen = QStringLiteral("tables[0].columns[0].generator");
    QTest::newRow("shape") << column("g", "geometry(Point,4326)", "{'kind':'polygon'}") << gen
                           << "writes Polygon geometries, but the column is geometry(Point,4326)";
    QTest::newRow("not geometry") << column("g", "text", "{'kind':'track'}") << gen
                                  << "writes LineString geometries, but the column is text";
    QTest::newRow("srid") << column("g", "geometry(Point,3857)", "{'kind':'point'}") << gen
                          << "the column's SRID is 3857";
    QTest::newRow("z type") << column("g", "geometry(PointZ,4326)", "{'kind':'point'}")
                            << "tables[0].columns[0].type"
                            << "only two-dimensional";
    QTest::newRow("radius") << column("g", "", "{'kind':'polygon','maxVertices':500,'radius':20}")
                            << gen + QLatin1String(".radius") << "too small for 500 vertices";
    QTest::newRow("jitter") << column("g", "", "{'kind':'polygon','jitter':0.9}")
                            << gen + QLatin1String(".jitter") << "jitter";
    QTest::newRow("vertices") << column("g", "", "{'kind':'track','minVertices':1}")
                              << gen + QLatin1String(".minVertices") << "minVertices";
    QTest::newRow("parcel origin")
        << column("g", "", "{'kind':'parcel','origin':[13,95]}") << gen + QLatin1String(".origin")
        << "'origin' must be [longitude, latitude]";
    QTest::newRow("parcel antimeridian")
        << column("g", "", "{'kind':'parcel','origin':[179.9,0],'columns':1000}")
        << gen + QLatin1String(".columns") << "reach past longitude 180";
    QTest::newRow("track_times type") << column("g", "text", "{'kind':'track_times','track':'g'}")
                                      << gen << "declare it as timestamptz[]";
    QTest::newRow("expression") << column("g", "geometry(Point,4326)",
                                          "{'kind':'expression','expression':'1'}")
                                << gen << "geometry";
    const QString fit = QStringLiteral("does not fit the column's type: give a geometry");
    QTest::newRow("choice of unreadable hex")
        << column("g", "geometry",
                  "{'kind':'choice','values':['POINT(1 "
                  "2)','0101000021e3080000000000000000F03F0000000000000040']}")
        << gen + QLatin1String(".values[1]") << fit;
    QTest::newRow("choice of another shape")
        << column("g", "geometry(Point)", "{'kind':'choice','values':['LINESTRING(0 0,1 1)']}")
        << gen + QLatin1String(".values[0]") << fit;
    QTest::newRow("choice without the column's SRID")
        << column("g", "geometry(Point,4326)", "{'kind':'choice','values':['POINT(1 2)']}")
        << gen + QLatin1String(".values[0]") << fit;
    QTest::newRow("constant of another SRID")
        << column("g", "geography(Point)", "{'kind':'constant','value':'SRID=3857;POINT(1 2)'}")
        << gen << fit;
}

// Geometry text a choice or constant may hold: what PostGIS stores in the column.
void TestGeoGenerators::valuesOfTheColumnsType()
{
    Diagnostics d;
    const auto schema = SchemaIO::parse(
        table(column("g", "geography(Point)",
                     "{'kind':'choice','values':['POINT(1 2)','SRID=4326;POINT(3 4)',"
                     "'0101000020E6100000000000000000F03F0000000000000040']}")),
        d);
    QVERIFY(schema);
    QVERIFY2(CompiledSchema::compile(*schema, d), qPrintable(d.toString()));
}

void TestGeoGenerators::refusals()
{
    QFETCH(QByteArray, columnJson);
    QFETCH(QString, path);
    QFETCH(QString, message);
    Diagnostics d;
    const auto schema = SchemaIO::parse(table(columnJson), d);
    QVERIFY(schema);
    QVERIFY(!CompiledSchema::compile(*schema, d));
    bool found = false;
    for (const Diagnostic &problem : d.items())
        found = found || (problem.path.startsWith(path) && problem.message.contains(message));
    QVERIFY2(found, qPrintable(d.toString()));
}

QTEST_GUILESS_MAIN(TestGeoGenerators)
#include "test_geogenerators.moc"
