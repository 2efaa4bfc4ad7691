// Geometry generators for PostGIS columns: points near the group's city or in a box, random-walk
// tracks and the times of their vertices, simple polygons around a centre, parcels on a grid
// and multipolygons. Values are EWKT text (base/geometry.h) in longitude/latitude degrees,
// rounded to microdegrees (about 0.1 m) like the other place generators.
//
// Every geometry is valid (ST_IsValid) by construction. A polygon's vertices sit at strictly
// increasing angles around its centre, each in its own slot of the circle ([0.25, 0.75] of
// it), so the ring is star-shaped and cannot cross itself; its radius is at least 0.2 m per
// vertex, so rounding to microdegrees (under 0.08 m) cannot reorder the angles. A
// multipolygon's parts lie in disjoint discs. A parcel is the cell of a grid whose corners
// are jittered by at most a quarter cell, and neighbours share those corners exactly.

#include "base/geometry.h"
#include "base/valueformat.h"
#include "generators/distribution.h"
#include "generators/nested.h"
#include "generators/placetext.h"
#include "schema/compiledschema.h"
#include "schema/generatorregistry.h"

#include <QJsonArray>

#include <algorithm>
#include <cmath>

namespace spillway {

namespace {

constexpr double kMetresPerDegree = 111320.0;
constexpr double kPi = 3.14159265358979323846;
constexpr double kMinMetresPerVertex = 0.2;

double microRounded(double degrees)
{
    return double(microDegrees(degrees)) / 1e6;
}

// A local east/north frame in metres around a point, mapped to degrees.
struct Frame
{
    double lon, lat, lonPerMetre, latPerMetre;

    explicit Frame(GeoPoint centre)
        : lon(centre.lon)
        , lat(centre.lat)
        , lonPerMetre(1 / (kMetresPerDegree * std::max(std::cos(centre.lat * kPi / 180), 0.01)))
        , latPerMetre(1 / kMetresPerDegree)
    {}
    void add(Geometry &g, double east, double north) const
    {
        g.addPoint(microRounded(lon + east * lonPerMetre), microRounded(lat + north * latPerMetre));
    }
};

// Moves a centre so that a shape reaching `extent` metres around it stays inside the valid
// longitude and latitude ranges (no ring crosses the antimeridian or a pole).
GeoPoint fitted(GeoPoint c, double extent)
{
    const double lat = extent / kMetresPerDegree;
    c.lat = std::clamp(c.lat, -89.0 + lat, 89.0 - lat);
    const double lon = extent / (kMetresPerDegree * std::max(std::cos(c.lat * kPi / 180), 0.01));
    c.lon = std::clamp(c.lon, -180.0 + lon, 180.0 - lon);
    return c;
}

Value ewktValue(const Geometry &g, Arena &arena)
{
    return Value::string(
        arena.write(ewktBound(g), [&](char *p) { return size_t(writeEwkt(p, g) - p); }));
}

// The column's geometry type when it can hold `shape` in longitude/latitude; reported
// otherwise, at the generator's path.
std::optional<GeometryType> columnType(GeneratorArgs &a, GeometryShape shape)
{
    const QString name = geometryShapeName(shape);
    QString why;
    const auto type = parseGeometryType(a.sqlType, &why);
    if (!type) {
        if (why.isEmpty())
            a.params.error(QString(), QStringLiteral("this generator writes %1 geometries, but "
                                                     "the column is %2: declare it as "
                                                     "geometry(%1,4326) or geography(%1)")
                                          .arg(name, a.sqlType));
        else // also said at the column's "type", which hidden columns do not check
            a.params.error(QString(), QStringLiteral("the column's type cannot hold this "
                                                     "generator's %1 geometries: %2")
                                          .arg(name, why));
        return std::nullopt;
    }
    if (!type->accepts(shape)) {
        a.params.error(QString(), QStringLiteral("this generator writes %1 geometries, but the "
                                                 "column is %2: declare it as geometry(%1,4326) "
                                                 "or choose the generator of the column's shape")
                                      .arg(name, type->sqlName()));
        return std::nullopt;
    }
    if (type->srid != 0 && type->srid != kWgs84Srid) {
        a.params.error(QString(), QStringLiteral("the column's SRID is %1, but this generator "
                                                 "writes longitude/latitude degrees (SRID 4326): "
                                                 "declare SRID 4326, or none, and transform "
                                                 "after loading with ST_Transform")
                                      .arg(type->srid));
        return std::nullopt;
    }
    return type;
}

// Where a shape starts or is centred: near the group's city, or uniform in "bbox".
struct Origin
{
    Place place;
    GeoSpec spec;

    GeoPoint at(uint64_t row) const { return place.point(row, spec); }
};

std::optional<Origin> readOrigin(GeneratorArgs &a)
{
    GeoSpec spec;
    spec.radiusKm = a.params.number(QStringLiteral("radiusKm"), 10.0);
    a.params.requireRange(QStringLiteral("radiusKm"), spec.radiusKm, 0, 2000);
    if (a.params.has(QStringLiteral("bbox")) && !readBbox(a.params, spec))
        return std::nullopt;
    return Origin{readPlace(a), spec};
}

// "minVertices"/"maxVertices" (equal for a fixed count) with an optional "distribution".
std::optional<Spread> readVertices(GeneratorArgs &a, int64_t lo, int64_t hi, int64_t least,
                                   int64_t &max)
{
    lo = a.params.integer(QStringLiteral("minVertices"), lo);
    hi = a.params.integer(QStringLiteral("maxVertices"), std::max(lo, hi));
    a.params.requireRange(QStringLiteral("minVertices"), double(lo), double(least),
                          double(kMaxArrayLength));
    a.params.requireRange(QStringLiteral("maxVertices"), double(hi), double(least),
                          double(kMaxArrayLength));
    a.params.requireOrdered(QStringLiteral("minVertices"), double(lo),
                            QStringLiteral("maxVertices"), double(hi));
    const Spread spread = Spread::read(a.params, double(lo), double(std::max(lo, hi)));
    if (lo < least || hi > kMaxArrayLength || lo > hi)
        return std::nullopt;
    max = hi;
    return spread;
}

// A star-shaped ring of n vertices around (cx, cy) metres in the frame, counter-clockwise,
// closed; draws k0 .. k0 + 2n.
void starRing(Geometry &g, const Frame &f, double cx, double cy, uint32_t n, double radius,
              double jitter, const RandomStream &rng, uint64_t row, uint32_t k0)
{
    const size_t first = g.xy.size();
    const double rotation = 2 * kPi * rng.unit(row, k0);
    for (uint32_t i = 0; i < n; ++i) {
        const double slot = i + 0.25 + 0.5 * rng.unit(row, k0 + 1 + 2 * i);
        const double angle = rotation + slot * 2 * kPi / n;
        const double r = radius * (1 + jitter * (2 * rng.unit(row, k0 + 2 + 2 * i) - 1));
        f.add(g, cx + r * std::cos(angle), cy + r * std::sin(angle));
    }
    g.addPoint(g.xy[first], g.xy[first + 1]);
    g.parts.push_back(n + 1);
}

class PointGenerator final : public RowGenerator<PointGenerator>
{
public:
    PointGenerator(Origin origin, int32_t srid)
        : m_origin(std::move(origin))
        , m_srid(srid)
    {}
    Value at(uint64_t row, Arena &arena) const
    {
        thread_local Geometry g;
        g.clear();
        g.shape = GeometryShape::Point;
        g.srid = m_srid;
        const GeoPoint p = m_origin.at(row);
        g.addPoint(microRounded(p.lon), microRounded(p.lat));
        return ewktValue(g, arena);
    }
    bool neverNull() const override { return true; }

private:
    Origin m_origin;
    int32_t m_srid;
};

class TrackGenerator final : public RowGenerator<TrackGenerator>
{
public:
    struct Walk
    {
        Spread vertices;
        double step = 100;   // metres, each step 0.5 to 1.5 times this
        double maxTurn = 30; // degrees either way per step
    };
    TrackGenerator(Origin origin, Walk walk, RandomStream rng, int32_t srid)
        : m_origin(std::move(origin))
        , m_walk(walk)
        , m_rng(rng)
        , m_srid(srid)
    {}
    Value at(uint64_t row, Arena &arena) const
    {
        thread_local Geometry g;
        g.clear();
        g.shape = GeometryShape::LineString;
        g.srid = m_srid;
        const GeoPoint start = m_origin.at(row);
        const Frame f(start);
        const auto n = uint32_t(m_walk.vertices.sampleInt(m_rng, row, 0));
        double heading = 2 * kPi * m_rng.unit(row, 2), east = 0, north = 0;
        const double turn = m_walk.maxTurn * kPi / 180;
        for (uint32_t k = 0; k < n; ++k) {
            if (k) {
                heading += turn * (2 * m_rng.unit(row, 3 + 2 * k) - 1);
                const double length = m_walk.step * (0.5 + m_rng.unit(row, 4 + 2 * k));
                east += length * std::sin(heading);
                north += length * std::cos(heading);
            }
            double lat = f.lat + north * f.latPerMetre, lon = f.lon + east * f.lonPerMetre;
            lat = std::clamp(lat, -90.0, 90.0);
            lon = std::remainder(lon, 360.0); // back into [-180, 180]
            g.addPoint(microRounded(lon), microRounded(lat));
        }
        return ewktValue(g, arena);
    }
    bool neverNull() const override { return true; }

private:
    Origin m_origin;
    Walk m_walk;
    RandomStream m_rng;
    int32_t m_srid;
};

struct Star
{
    Spread vertices;
    int64_t maxVertices = 12;
    double radius = 50; // metres
    double jitter = 0.3;
};

std::optional<Star> readStar(GeneratorArgs &a)
{
    Star star;
    const auto vertices = readVertices(a, 5, 12, 3, star.maxVertices);
    star.radius = a.params.number(QStringLiteral("radius"), 50.0);
    star.jitter = a.params.number(QStringLiteral("jitter"), 0.3);
    a.params.requireRange(QStringLiteral("jitter"), star.jitter, 0, 0.5);
    a.params.requireRange(QStringLiteral("radius"), star.radius, 1, 100000);
    if (!vertices || star.jitter < 0 || star.jitter > 0.5 || star.radius > 100000)
        return std::nullopt;
    if (star.radius < kMinMetresPerVertex * double(star.maxVertices)) {
        a.params.error(QStringLiteral("radius"),
                       QStringLiteral("a radius of %1 m is too small for %2 vertices: give at "
                                      "least %3 m (0.2 m per vertex), so that coordinates "
                                      "rounded to 0.1 m keep the polygon simple")
                           .arg(star.radius)
                           .arg(star.maxVertices)
                           .arg(kMinMetresPerVertex * double(star.maxVertices)));
        return std::nullopt;
    }
    star.vertices = *vertices;
    return star;
}

class PolygonGenerator final : public RowGenerator<PolygonGenerator>
{
public:
    struct Parts
    {
        int64_t min = 1, max = 1; // MultiPolygon: polygons per row
    };
    PolygonGenerator(Origin origin, Star star, Parts parts, RandomStream rng, int32_t srid,
                     GeometryShape shape)
        : m_origin(std::move(origin))
        , m_star(star)
        , m_parts(parts)
        , m_rng(rng)
        , m_srid(srid)
        , m_shape(shape)
    {}
    Value at(uint64_t row, Arena &arena) const
    {
        thread_local Geometry g;
        g.clear();
        g.shape = m_shape;
        g.srid = m_srid;
        const auto parts = uint32_t(
            m_parts.min + int64_t(m_rng.below(row, uint64_t(m_parts.max - m_parts.min + 1), 2)));
        // Parts on a small grid, 3.5 radii apart: each lies within 1.5 radii of its centre.
        const auto columns = uint32_t(std::ceil(std::sqrt(double(parts))));
        const double spacing = 3.5 * m_star.radius;
        const double extent = 1.5 * m_star.radius + spacing * columns;
        const Frame f(fitted(m_origin.at(row), extent));
        const auto stride = uint32_t(2 * m_star.maxVertices + 4);
        for (uint32_t k = 0; k < parts; ++k) {
            const auto n = uint32_t(m_star.vertices.sampleInt(m_rng, row, 4 + k * stride));
            starRing(g, f, spacing * (k % columns), spacing * (k / columns), n, m_star.radius,
                     m_star.jitter, m_rng, row, 6 + k * stride);
            if (m_shape == GeometryShape::MultiPolygon)
                g.polygons.push_back(1);
        }
        return ewktValue(g, arena);
    }
    bool neverNull() const override { return true; }

private:
    Origin m_origin;
    Star m_star;
    Parts m_parts;
    RandomStream m_rng;
    int32_t m_srid;
    GeometryShape m_shape;
};

// Row r is cell (r mod columns, r / columns) of a grid of `cell`-metre squares from `origin`
// (its south-west corner), eastwards then northwards; past the last grid row that fits below
// latitude 89 the grid starts again.
class ParcelGenerator final : public RowGenerator<ParcelGenerator>
{
public:
    struct Grid
    {
        double lon = 0, lat = 0; // south-west corner
        double cell = 30;        // metres
        uint64_t columns = 100;
        double jitter = 0.1; // of a cell, for each corner
    };
    ParcelGenerator(Grid grid, RandomStream rng, int32_t srid)
        : m_grid(grid)
        , m_rng(rng)
        , m_srid(srid)
        , m_dLat(grid.cell / kMetresPerDegree)
        , m_dLon(grid.cell / (kMetresPerDegree * std::cos(grid.lat * kPi / 180)))
        , m_gridRows(std::max<uint64_t>(1, uint64_t((89.0 - grid.lat) / m_dLat) - 1))
    {}
    Value at(uint64_t row, Arena &arena) const
    {
        thread_local Geometry g;
        g.clear();
        g.shape = GeometryShape::Polygon;
        g.srid = m_srid;
        const uint64_t i = row % m_grid.columns, j = (row / m_grid.columns) % m_gridRows;
        corner(g, i, j);
        corner(g, i + 1, j);
        corner(g, i + 1, j + 1);
        corner(g, i, j + 1);
        corner(g, i, j);
        g.parts.push_back(5);
        return ewktValue(g, arena);
    }
    bool neverNull() const override { return true; }

private:
    // A grid node, jittered by its own index: every cell that shares it gets the same point.
    void corner(Geometry &g, uint64_t i, uint64_t j) const
    {
        const uint64_t node = j * (m_grid.columns + 1) + i;
        const double dx = m_grid.jitter * (2 * m_rng.unit(node, 0) - 1);
        const double dy = m_grid.jitter * (2 * m_rng.unit(node, 1) - 1);
        g.addPoint(microRounded(m_grid.lon + (double(i) + dx) * m_dLon),
                   microRounded(m_grid.lat + (double(j) + dy) * m_dLat));
    }

    Grid m_grid;
    RandomStream m_rng;
    int32_t m_srid;
    double m_dLat, m_dLon;
    uint64_t m_gridRows;
};

std::unique_ptr<Generator> createPoint(GeneratorArgs &a)
{
    const auto type = columnType(a, GeometryShape::Point);
    auto origin = readOrigin(a);
    if (!type || !origin)
        return nullptr;
    return std::make_unique<PointGenerator>(std::move(*origin), type->srid);
}

std::unique_ptr<Generator> createTrack(GeneratorArgs &a)
{
    const auto type = columnType(a, GeometryShape::LineString);
    int64_t maxVertices = 0;
    const auto vertices = readVertices(a, 10, 50, 2, maxVertices);
    TrackGenerator::Walk walk;
    walk.step = a.params.number(QStringLiteral("step"), 100.0);
    walk.maxTurn = a.params.number(QStringLiteral("maxTurn"), 30.0);
    a.params.requireRange(QStringLiteral("step"), walk.step, 1, 100000);
    a.params.requireRange(QStringLiteral("maxTurn"), walk.maxTurn, 0, 180);
    auto origin = readOrigin(a);
    if (!type || !vertices || !origin || walk.step < 1 || walk.step > 100000 || walk.maxTurn < 0 ||
        walk.maxTurn > 180)
        return nullptr;
    walk.vertices = *vertices;
    return std::make_unique<TrackGenerator>(std::move(*origin), walk, a.rng, type->srid);
}

std::unique_ptr<Generator> createPolygon(GeneratorArgs &a, GeometryShape shape)
{
    const auto type = columnType(a, shape);
    const auto star = readStar(a);
    PolygonGenerator::Parts parts;
    if (shape == GeometryShape::MultiPolygon) {
        parts.min = a.params.integer(QStringLiteral("minParts"), 2);
        parts.max = a.params.integer(QStringLiteral("maxParts"), std::max<int64_t>(parts.min, 4));
        a.params.requireRange(QStringLiteral("minParts"), double(parts.min), 1, 100);
        a.params.requireRange(QStringLiteral("maxParts"), double(parts.max), 1, 100);
        a.params.requireOrdered(QStringLiteral("minParts"), double(parts.min),
                                QStringLiteral("maxParts"), double(parts.max));
        if (parts.min < 1 || parts.max > 100 || parts.min > parts.max)
            return nullptr;
    }
    auto origin = readOrigin(a);
    if (!type || !star || !origin)
        return nullptr;
    return std::make_unique<PolygonGenerator>(std::move(*origin), *star, parts, a.rng, type->srid,
                                              shape);
}

std::unique_ptr<Generator> createParcel(GeneratorArgs &a)
{
    const auto type = columnType(a, GeometryShape::Polygon);
    ParcelGenerator::Grid grid;
    const QJsonArray origin = a.params.array(QStringLiteral("origin"));
    const bool originOk = origin.size() == 2 && origin[0].isDouble() && origin[1].isDouble() &&
                          std::abs(origin[0].toDouble()) <= 180 &&
                          std::abs(origin[1].toDouble()) <= 85;
    if (!originOk && a.params.has(QStringLiteral("origin")))
        a.params.error(QStringLiteral("origin"),
                       QStringLiteral("'origin' must be [longitude, latitude] in degrees, the "
                                      "grid's south-west corner, with latitude within ±85, such "
                                      "as [13.37, 52.5]"));
    grid.cell = a.params.number(QStringLiteral("cellSize"), 30.0);
    grid.columns = uint64_t(std::max<int64_t>(1, a.params.integer(QStringLiteral("columns"), 100)));
    grid.jitter = a.params.number(QStringLiteral("jitter"), 0.1);
    a.params.requireRange(QStringLiteral("cellSize"), grid.cell, 1, 100000);
    a.params.requireRange(QStringLiteral("columns"), double(grid.columns), 1, 1e6);
    a.params.requireRange(QStringLiteral("jitter"), grid.jitter, 0, 0.25);
    if (!type || !originOk || grid.cell < 1 || grid.cell > 100000 || grid.columns > 1000000 ||
        grid.jitter < 0 || grid.jitter > 0.25)
        return nullptr;
    grid.lon = origin[0].toDouble();
    grid.lat = origin[1].toDouble();
    const double east = grid.lon + double(grid.columns + 1) * grid.cell /
                                       (kMetresPerDegree * std::cos(grid.lat * kPi / 180));
    if (east > 180) {
        a.params.error(QStringLiteral("columns"),
                       QStringLiteral("%1 columns of %2 m from longitude %3 reach past longitude "
                                      "180: use fewer columns, smaller cells or an origin "
                                      "further west")
                           .arg(grid.columns)
                           .arg(grid.cell)
                           .arg(grid.lon));
        return nullptr;
    }
    return std::make_unique<ParcelGenerator>(grid, a.rng, type->srid);
}

} // namespace

std::unique_ptr<Generator> createTrackTimes(GeneratorArgs &a); // geotimes.cpp

void registerGeoGenerators(GeneratorRegistry &r)
{
    const QString geometry = QStringLiteral(QT_TRANSLATE_NOOP("GeneratorRegistry", "geometry"));
    r.add({QStringLiteral("point"), geometry,
           QStringLiteral(QT_TRANSLATE_NOOP("GeneratorRegistry",
                                            "PostGIS points near the place's city or in a box")),
           QStringLiteral("geometry(Point,4326)"), createPoint});
    r.add({QStringLiteral("track"), geometry,
           QStringLiteral(QT_TRANSLATE_NOOP(
               "GeneratorRegistry", "Random-walk line strings of N vertices with a step length")),
           QStringLiteral("geometry(LineString,4326)"), createTrack});
    r.add({QStringLiteral("track_times"), geometry,
           QStringLiteral(
               QT_TRANSLATE_NOOP("GeneratorRegistry", "A time for each vertex of a track column")),
           QStringLiteral("timestamptz[]"), createTrackTimes});
    r.add({QStringLiteral("polygon"), geometry,
           QStringLiteral(QT_TRANSLATE_NOOP(
               "GeneratorRegistry", "Simple polygons around a centre, with a radius and vertices")),
           QStringLiteral("geometry(Polygon,4326)"),
           [](GeneratorArgs &a) { return createPolygon(a, GeometryShape::Polygon); }});
    r.add({QStringLiteral("multipolygon"), geometry,
           QStringLiteral(
               QT_TRANSLATE_NOOP("GeneratorRegistry", "Multipolygons of separate simple polygons")),
           QStringLiteral("geometry(MultiPolygon,4326)"),
           [](GeneratorArgs &a) { return createPolygon(a, GeometryShape::MultiPolygon); }});
    r.add(
        {QStringLiteral("parcel"), geometry,
         QStringLiteral(QT_TRANSLATE_NOOP(
             "GeneratorRegistry", "Parcels: the cells of a grid, one per row, never overlapping")),
         QStringLiteral("geometry(Polygon,4326)"), createParcel});
}

} // namespace spillway
