#pragma once

// PostGIS geometries: the column types (geometry and geography with their type modifiers), the
// value layout generators write, and the writers every output format needs.
//
// Value layout: a geometry value is a Text Value holding its EWKT in the batch's arena,
// `SRID=4326;POLYGON((lon lat,lon lat,...))` (no `SRID=` prefix when the SRID is 0), each
// coordinate in the shortest text that reads back as the same double. It is what CSV, TSV and
// COPY text write as is, what previews, templates and expressions show, and what PostGIS's
// text input reads. The encoders of geometry columns read it back (readGeometryText, which
// also takes the hex (E)WKB PostGIS prints, so text that users give a geometry column works
// too) and write EWKB for binary COPY, GeoJSON for JSON Lines, and the upper-case hex EWKB
// PostgreSQL prints for `verify`. Reading back is exact: the shortest digits round-trip.

#include <QString>

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

namespace spillway {

// The shapes, numbered as WKB numbers them; Any is `geometry` without a shape (or `Geometry`).
enum class GeometryShape : uint8_t {
    Any = 0,
    Point = 1,
    LineString = 2,
    Polygon = 3,
    MultiPoint = 4,
    MultiLineString = 5,
    MultiPolygon = 6,
};

constexpr int32_t kWgs84Srid = 4326;

// A column type: geometry, geometry(Point), geometry(Polygon, 4326), geography,
// geography(LineString) (geography's SRID is 4326 unless given). Two-dimensional only.
struct GeometryType
{
    bool geography = false;
    GeometryShape shape = GeometryShape::Any;
    int32_t srid = 0; // 0: none (geometry); geography always has one

    bool accepts(GeometryShape s) const { return shape == GeometryShape::Any || shape == s; }
    // The type as PostgreSQL's format_type() prints it: geometry(Point,4326), geography(...).
    QString sqlName() const;
};

// True when the type names geometry or geography (with or without modifiers, valid or not):
// such a type is this module's to accept or refuse.
bool isGeometryTypeName(QStringView sqlType);
// The column type, or nullopt with `error` saying what is wrong and what to write instead
// ("geometry(PointZ)": only 2D shapes...). Also nullopt (no error) for other types.
std::optional<GeometryType> parseGeometryType(QStringView sqlType, QString *error = nullptr);
// The shape's name as WKT and PostGIS type modifiers write it (Point, MultiPolygon...).
QString geometryShapeName(GeometryShape shape);

// One geometry in memory, as generators build it and readers return it. Reused across rows
// (clear() keeps the capacity).
struct Geometry
{
    GeometryShape shape = GeometryShape::Point;
    int32_t srid = 0;
    std::vector<double> xy; // x0, y0, x1, y1, ...: longitude, latitude in degrees for 4326
    // Points per part: per ring for Polygon (exterior first), per line for MultiLineString,
    // per ring for MultiPolygon; empty for Point, LineString and MultiPoint (one run).
    std::vector<uint32_t> parts;
    std::vector<uint32_t> polygons; // MultiPolygon: rings per polygon

    void clear()
    {
        xy.clear();
        parts.clear();
        polygons.clear();
    }
    uint32_t pointCount() const { return uint32_t(xy.size() / 2); }
    void addPoint(double x, double y)
    {
        xy.push_back(x);
        xy.push_back(y);
    }
};

// EWKT, shortest round-trip coordinates: the most bytes writeEwkt can take, and the writer.
size_t ewktBound(const Geometry &g);
char *writeEwkt(char *p, const Geometry &g);

// EWKB as PostGIS's binary receive function reads it (and ST_AsEWKB writes it): little-endian,
// the type word with the SRID flag (0x20000000) and the SRID when it is not 0.
size_t ewkbSize(const Geometry &g);
char *writeEwkb(char *p, const Geometry &g);
// The same bytes as upper-case hex: PostgreSQL's text output of geometry and geography.
char *writeEwkbHex(char *p, const Geometry &g);

// A GeoJSON geometry object: {"type":"Polygon","coordinates":[[[x,y],...]]} (no SRID: GeoJSON
// is WGS 84 by definition).
size_t geoJsonBound(const Geometry &g);
char *writeGeoJson(char *p, const Geometry &g);

// Reads what PostGIS's text input reads of 2D geometries: (E)WKT (case-insensitive, spaces
// anywhere between tokens, EMPTY refused) and hex (E)WKB. False with `error` when the text is
// none of these.
bool readGeometryText(std::string_view text, Geometry &out, QString *error = nullptr);

} // namespace spillway
