#include "base/geometry.h"

#include "base/valueformat.h"

#include <QRegularExpression>

#include <cmath>
#include <cstring>

namespace spillway {

namespace {

constexpr size_t kNumberText = 32; // shortest round-trip double, sign and exponent included
constexpr uint32_t kSridFlag = 0x20000000;

struct ShapeName
{
    GeometryShape shape;
    const char *name;  // as type modifiers write it
    const char *upper; // as WKT writes it
};
constexpr ShapeName kShapes[] = {
    {GeometryShape::Any, "Geometry", "GEOMETRY"},
    {GeometryShape::Point, "Point", "POINT"},
    {GeometryShape::LineString, "LineString", "LINESTRING"},
    {GeometryShape::Polygon, "Polygon", "POLYGON"},
    {GeometryShape::MultiPoint, "MultiPoint", "MULTIPOINT"},
    {GeometryShape::MultiLineString, "MultiLineString", "MULTILINESTRING"},
    {GeometryShape::MultiPolygon, "MultiPolygon", "MULTIPOLYGON"},
};

const ShapeName &shapeName(GeometryShape shape)
{
    return kShapes[size_t(shape) < std::size(kShapes) ? size_t(shape) : 0];
}

char *put(char *p, const char *s)
{
    const size_t n = std::strlen(s);
    std::memcpy(p, s, n);
    return p + n;
}

char *putNumber(char *p, double v)
{
    return formatFloat(p, v, kShortestFloat); // -0 stays -0: PostGIS keeps it too
}

} // namespace

QString geometryShapeName(GeometryShape shape)
{
    return QString::fromLatin1(shapeName(shape).name);
}

QString GeometryType::sqlName() const
{
    const QString base = geography ? QStringLiteral("geography") : QStringLiteral("geometry");
    if (shape == GeometryShape::Any && (srid == 0 || (geography && srid == kWgs84Srid)))
        return base;
    QString name = base + QLatin1Char('(') + geometryShapeName(shape);
    if (srid != 0)
        name += QLatin1Char(',') + QString::number(srid);
    return name + QLatin1Char(')');
}

bool isGeometryTypeName(QStringView sqlType)
{
    static const QRegularExpression re(QStringLiteral("^\\s*(geometry|geography)\\b"),
                                       QRegularExpression::CaseInsensitiveOption);
    return re.match(sqlType.toString()).hasMatch();
}

std::optional<GeometryType> parseGeometryType(QStringView sqlType, QString *error)
{
    if (!isGeometryTypeName(sqlType))
        return std::nullopt;
    static const QRegularExpression re(
        QStringLiteral("^\\s*(geometry|geography)\\s*(?:\\(\\s*([A-Za-z]+)\\s*(?:,\\s*([+-]?\\d+)"
                       "\\s*)?\\))?\\s*$"),
        QRegularExpression::CaseInsensitiveOption);
    const QRegularExpressionMatch m = re.match(sqlType.toString());
    auto fail = [&](const QString &why) -> std::optional<GeometryType> {
        if (error)
            *error = why;
        return std::nullopt;
    };
    if (!m.hasMatch())
        return fail(QStringLiteral("'%1' is not a geometry type: write geometry, "
                                   "geometry(Point), geometry(Polygon,4326) or geography(...) "
                                   "(arrays of geometries are not supported)")
                        .arg(sqlType.toString().trimmed()));
    GeometryType type;
    type.geography = m.captured(1).compare(QLatin1String("geography"), Qt::CaseInsensitive) == 0;
    const QString shape = m.captured(2);
    bool found = shape.isEmpty();
    for (const ShapeName &s : kShapes) {
        if (!found && shape.compare(QLatin1String(s.name), Qt::CaseInsensitive) == 0) {
            type.shape = s.shape;
            found = true;
        }
    }
    if (!found) {
        const QString lower = shape.toLower();
        if (lower.endsWith(QLatin1Char('z')) || lower.endsWith(QLatin1Char('m')))
            return fail(QStringLiteral("'%1': only two-dimensional shapes are supported; write "
                                       "the shape without Z or M")
                            .arg(shape));
        return fail(QStringLiteral("'%1' is not a supported shape: use Point, LineString, "
                                   "Polygon, MultiPoint, MultiLineString, MultiPolygon or "
                                   "Geometry")
                        .arg(shape));
    }
    if (!m.captured(3).isEmpty()) {
        bool ok = false;
        const int srid = m.captured(3).toInt(&ok);
        if (!ok || srid < 0 || srid > 999999)
            return fail(QStringLiteral("SRID %1 is out of range: use 0 to 999999 (4326 for "
                                       "longitude/latitude)")
                            .arg(m.captured(3)));
        type.srid = srid;
    }
    if (type.geography && type.srid == 0)
        type.srid = kWgs84Srid;
    return type;
}

// --- EWKT -------------------------------------------------------------------------------------

size_t ewktBound(const Geometry &g)
{
    return 48 + g.xy.size() * (kNumberText + 1) + 4 * (g.parts.size() + g.polygons.size() + 1);
}

namespace {

char *writeRun(char *p, const double *xy, uint32_t n, bool eachInParens)
{
    *p++ = '(';
    for (uint32_t i = 0; i < n; ++i) {
        if (i)
            *p++ = ',';
        if (eachInParens)
            *p++ = '(';
        p = putNumber(p, xy[2 * i]);
        *p++ = ' ';
        p = putNumber(p, xy[2 * i + 1]);
        if (eachInParens)
            *p++ = ')';
    }
    *p++ = ')';
    return p;
}

// Rings (or lines) parts[first, first + count), points from xy; returns the points used.
char *writeRings(char *p, const Geometry &g, size_t first, size_t count, const double *&xy)
{
    *p++ = '(';
    for (size_t r = 0; r < count; ++r) {
        if (r)
            *p++ = ',';
        const uint32_t n = g.parts[first + r];
        p = writeRun(p, xy, n, false);
        xy += 2 * n;
    }
    *p++ = ')';
    return p;
}

} // namespace

char *writeEwkt(char *p, const Geometry &g)
{
    if (g.srid != 0) {
        p = put(p, "SRID=");
        p = formatInt(p, g.srid);
        *p++ = ';';
    }
    p = put(p, shapeName(g.shape).upper);
    const double *xy = g.xy.data();
    switch (g.shape) {
    case GeometryShape::Point:
    case GeometryShape::LineString:
    case GeometryShape::Any:
        return writeRun(p, xy, g.pointCount(), false);
    case GeometryShape::MultiPoint:
        return writeRun(p, xy, g.pointCount(), true);
    case GeometryShape::Polygon:
    case GeometryShape::MultiLineString:
        return writeRings(p, g, 0, g.parts.size(), xy);
    case GeometryShape::MultiPolygon: {
        *p++ = '(';
        size_t ring = 0;
        for (size_t k = 0; k < g.polygons.size(); ++k) {
            if (k)
                *p++ = ',';
            p = writeRings(p, g, ring, g.polygons[k], xy);
            ring += g.polygons[k];
        }
        *p++ = ')';
        return p;
    }
    }
    return p;
}

// --- EWKB -------------------------------------------------------------------------------------

namespace {

char *putLE32(char *p, uint32_t v)
{
    for (int i = 0; i < 4; ++i)
        *p++ = char((v >> (8 * i)) & 0xff);
    return p;
}

char *putDoubles(char *p, const double *xy, size_t count)
{
    for (size_t i = 0; i < count; ++i) {
        uint64_t bits;
        std::memcpy(&bits, &xy[i], 8);
        for (int b = 0; b < 8; ++b)
            *p++ = char((bits >> (8 * b)) & 0xff);
    }
    return p;
}

char *putHead(char *p, GeometryShape shape, int32_t srid)
{
    *p++ = 1; // little-endian (NDR)
    p = putLE32(p, uint32_t(shape) | (srid ? kSridFlag : 0));
    return srid ? putLE32(p, uint32_t(srid)) : p;
}

char *putRings(char *p, const Geometry &g, size_t first, size_t count, const double *&xy)
{
    p = putLE32(p, uint32_t(count));
    for (size_t r = 0; r < count; ++r) {
        const uint32_t n = g.parts[first + r];
        p = putDoubles(putLE32(p, n), xy, 2 * size_t(n));
        xy += 2 * size_t(n);
    }
    return p;
}

} // namespace

size_t ewkbSize(const Geometry &g)
{
    const size_t head = 5 + (g.srid ? 4 : 0);
    const size_t coords = 8 * g.xy.size();
    switch (g.shape) {
    case GeometryShape::Point:
        return head + coords;
    case GeometryShape::Any:
    case GeometryShape::LineString:
        return head + 4 + coords;
    case GeometryShape::MultiPoint:
        return head + 4 + 5 * g.pointCount() + coords;
    case GeometryShape::Polygon:
        return head + 4 + 4 * g.parts.size() + coords;
    case GeometryShape::MultiLineString:
        return head + 4 + 9 * g.parts.size() + coords;
    case GeometryShape::MultiPolygon:
        return head + 4 + 9 * g.polygons.size() + 4 * g.parts.size() + coords;
    }
    return head;
}

char *writeEwkb(char *p, const Geometry &g)
{
    const GeometryShape shape = g.shape == GeometryShape::Any ? GeometryShape::LineString : g.shape;
    p = putHead(p, shape, g.srid);
    const double *xy = g.xy.data();
    switch (shape) {
    case GeometryShape::Point:
        return putDoubles(p, xy, 2);
    case GeometryShape::Any:
    case GeometryShape::LineString:
        return putDoubles(putLE32(p, g.pointCount()), xy, g.xy.size());
    case GeometryShape::MultiPoint:
        p = putLE32(p, g.pointCount());
        for (uint32_t i = 0; i < g.pointCount(); ++i)
            p = putDoubles(putHead(p, GeometryShape::Point, 0), xy + 2 * i, 2);
        return p;
    case GeometryShape::Polygon:
        return putRings(p, g, 0, g.parts.size(), xy);
    case GeometryShape::MultiLineString:
        p = putLE32(p, uint32_t(g.parts.size()));
        for (const uint32_t n : g.parts) {
            p = putDoubles(putLE32(putHead(p, GeometryShape::LineString, 0), n), xy, 2 * n);
            xy += 2 * size_t(n);
        }
        return p;
    case GeometryShape::MultiPolygon: {
        p = putLE32(p, uint32_t(g.polygons.size()));
        size_t ring = 0;
        for (const uint32_t rings : g.polygons) {
            p = putRings(putHead(p, GeometryShape::Polygon, 0), g, ring, rings, xy);
            ring += rings;
        }
        return p;
    }
    }
    return p;
}

char *writeEwkbHex(char *p, const Geometry &g)
{
    static constexpr char kHex[] = "0123456789ABCDEF";
    thread_local std::vector<char> raw;
    raw.resize(ewkbSize(g));
    const char *end = writeEwkb(raw.data(), g);
    for (const char *s = raw.data(); s != end; ++s) {
        *p++ = kHex[uchar(*s) >> 4];
        *p++ = kHex[uchar(*s) & 15];
    }
    return p;
}

// --- GeoJSON ----------------------------------------------------------------------------------

size_t geoJsonBound(const Geometry &g)
{
    return 64 + g.xy.size() * (kNumberText + 2) + 4 * (g.parts.size() + g.polygons.size() + 1);
}

namespace {

char *jsonPosition(char *p, const double *xy)
{
    *p++ = '[';
    p = putNumber(p, xy[0]);
    *p++ = ',';
    p = putNumber(p, xy[1]);
    *p++ = ']';
    return p;
}

char *jsonRun(char *p, const double *xy, uint32_t n)
{
    *p++ = '[';
    for (uint32_t i = 0; i < n; ++i) {
        if (i)
            *p++ = ',';
        p = jsonPosition(p, xy + 2 * i);
    }
    *p++ = ']';
    return p;
}

char *jsonRings(char *p, const Geometry &g, size_t first, size_t count, const double *&xy)
{
    *p++ = '[';
    for (size_t r = 0; r < count; ++r) {
        if (r)
            *p++ = ',';
        p = jsonRun(p, xy, g.parts[first + r]);
        xy += 2 * size_t(g.parts[first + r]);
    }
    *p++ = ']';
    return p;
}

} // namespace

char *writeGeoJson(char *p, const Geometry &g)
{
    const GeometryShape shape = g.shape == GeometryShape::Any ? GeometryShape::LineString : g.shape;
    p = put(p, "{\"type\":\"");
    p = put(p, shapeName(shape).name);
    p = put(p, "\",\"coordinates\":");
    const double *xy = g.xy.data();
    switch (shape) {
    case GeometryShape::Point:
        p = jsonPosition(p, xy);
        break;
    case GeometryShape::Any:
    case GeometryShape::LineString:
    case GeometryShape::MultiPoint:
        p = jsonRun(p, xy, g.pointCount());
        break;
    case GeometryShape::Polygon:
    case GeometryShape::MultiLineString:
        p = jsonRings(p, g, 0, g.parts.size(), xy);
        break;
    case GeometryShape::MultiPolygon: {
        *p++ = '[';
        size_t ring = 0;
        for (size_t k = 0; k < g.polygons.size(); ++k) {
            if (k)
                *p++ = ',';
            p = jsonRings(p, g, ring, g.polygons[k], xy);
            ring += g.polygons[k];
        }
        *p++ = ']';
        break;
    }
    }
    *p++ = '}';
    return p;
}

} // namespace spillway
