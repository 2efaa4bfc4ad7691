// Reading geometries back from text: (E)WKT and hex (E)WKB, as PostGIS's text input takes them
// (geometry.h). The encoders of geometry columns call it once per value.

#include "base/geometry.h"

#include <charconv>
#include <cmath>
#include <cstring>

namespace spillway {

namespace {

constexpr uint32_t kMaxParts = 1u << 24; // far above any row's bound; stops hostile counts

class WktReader
{
public:
    WktReader(std::string_view text, Geometry &out)
        : m_p(text.data())
        , m_end(text.data() + text.size())
        , m_g(out)
    {}

    bool read(QString &error);

private:
    void skipSpace()
    {
        while (m_p != m_end && (*m_p == ' ' || *m_p == '\t' || *m_p == '\n' || *m_p == '\r'))
            ++m_p;
    }
    bool accept(char c)
    {
        skipSpace();
        if (m_p != m_end && *m_p == c) {
            ++m_p;
            return true;
        }
        return false;
    }
    std::string_view word()
    {
        skipSpace();
        const char *start = m_p;
        while (m_p != m_end && ((*m_p >= 'A' && *m_p <= 'Z') || (*m_p >= 'a' && *m_p <= 'z')))
            ++m_p;
        return {start, size_t(m_p - start)};
    }
    bool number(double &v)
    {
        skipSpace();
        if (m_p != m_end && *m_p == '+')
            ++m_p;
        const auto r = std::from_chars(m_p, m_end, v);
        if (r.ec != std::errc() || !std::isfinite(v))
            return false;
        m_p = r.ptr;
        return true;
    }
    bool position()
    {
        double x = 0, y = 0;
        if (!number(x) || !number(y))
            return false;
        m_g.addPoint(x, y);
        return true;
    }
    // ( x y, x y, ... ) with `parens` around each position too (MULTIPOINT's both forms).
    bool run(uint32_t &count, bool allowParens)
    {
        if (!accept('('))
            return false;
        count = 0;
        do {
            const bool parens = allowParens && accept('(');
            if (!position() || (parens && !accept(')')))
                return false;
            ++count;
        } while (accept(','));
        return accept(')');
    }
    bool rings(uint32_t &count)
    {
        if (!accept('('))
            return false;
        count = 0;
        do {
            uint32_t n = 0;
            if (!run(n, false))
                return false;
            m_g.parts.push_back(n);
            ++count;
        } while (accept(',') && count < kMaxParts);
        return accept(')');
    }
    bool body();

    const char *m_p;
    const char *m_end;
    Geometry &m_g;
};

bool equalsUpper(std::string_view word, const char *upper)
{
    const size_t n = std::strlen(upper);
    if (word.size() != n)
        return false;
    for (size_t i = 0; i < n; ++i) {
        const char c = word[i] >= 'a' && word[i] <= 'z' ? char(word[i] - 32) : word[i];
        if (c != upper[i])
            return false;
    }
    return true;
}

bool WktReader::body()
{
    uint32_t n = 0;
    switch (m_g.shape) {
    case GeometryShape::Point:
        return accept('(') && position() && accept(')');
    case GeometryShape::LineString:
        return run(n, false) && n >= 2;
    case GeometryShape::MultiPoint:
        return run(n, true);
    case GeometryShape::Polygon:
    case GeometryShape::MultiLineString:
        return rings(n);
    case GeometryShape::MultiPolygon:
        if (!accept('('))
            return false;
        do {
            if (!rings(n))
                return false;
            m_g.polygons.push_back(n);
        } while (accept(',') && m_g.polygons.size() < kMaxParts);
        return accept(')');
    case GeometryShape::Any:
        break;
    }
    return false;
}

bool WktReader::read(QString &error)
{
    m_g.clear();
    m_g.srid = 0;
    skipSpace();
    if (m_end - m_p > 5 && equalsUpper({m_p, 5}, "SRID=")) {
        m_p += 5;
        const auto r = std::from_chars(m_p, m_end, m_g.srid);
        if (r.ec != std::errc() || m_g.srid < 0 || r.ptr == m_end || *r.ptr != ';') {
            error = QStringLiteral("the SRID= prefix needs a number and a ';'");
            return false;
        }
        m_p = r.ptr + 1;
    }
    const std::string_view name = word();
    static constexpr std::pair<GeometryShape, const char *> kNames[] = {
        {GeometryShape::Point, "POINT"},
        {GeometryShape::LineString, "LINESTRING"},
        {GeometryShape::Polygon, "POLYGON"},
        {GeometryShape::MultiPoint, "MULTIPOINT"},
        {GeometryShape::MultiLineString, "MULTILINESTRING"},
        {GeometryShape::MultiPolygon, "MULTIPOLYGON"},
    };
    bool known = false;
    for (const auto &[shape, upper] : kNames) {
        if (equalsUpper(name, upper)) {
            m_g.shape = shape;
            known = true;
        }
    }
    if (!known) {
        error = QStringLiteral("'%1' is not a 2D shape: use POINT, LINESTRING, POLYGON, "
                               "MULTIPOINT, MULTILINESTRING or MULTIPOLYGON")
                    .arg(QString::fromUtf8(name.data(), qsizetype(name.size())));
        return false;
    }
    if (!body()) {
        error = QStringLiteral("the coordinates of %1 are not well formed (EMPTY, Z and M "
                               "coordinates are not supported)")
                    .arg(QString::fromUtf8(name.data(), qsizetype(name.size())));
        return false;
    }
    skipSpace();
    if (m_p != m_end) {
        error = QStringLiteral("unexpected text after the geometry");
        return false;
    }
    return true;
}

// Hex (E)WKB, either byte order, sub-geometries with their own headers.
class WkbReader
{
public:
    WkbReader(std::string_view bytes, Geometry &out)
        : m_p(reinterpret_cast<const unsigned char *>(bytes.data()))
        , m_end(m_p + bytes.size())
        , m_g(out)
    {}

    bool read()
    {
        m_g.clear();
        m_g.srid = 0;
        GeometryShape shape;
        if (!head(shape, true))
            return false;
        m_g.shape = shape;
        return body(shape, 0) && m_p == m_end;
    }

private:
    bool u32(uint32_t &v)
    {
        if (m_end - m_p < 4)
            return false;
        v = 0;
        for (int i = 0; i < 4; ++i)
            v |= uint32_t(m_p[m_little ? i : 3 - i]) << (8 * i);
        m_p += 4;
        return true;
    }
    bool f64(double &v)
    {
        if (m_end - m_p < 8)
            return false;
        uint64_t bits = 0;
        for (int i = 0; i < 8; ++i)
            bits |= uint64_t(m_p[m_little ? i : 7 - i]) << (8 * i);
        m_p += 8;
        std::memcpy(&v, &bits, 8);
        return std::isfinite(v);
    }
    bool head(GeometryShape &shape, bool top)
    {
        if (m_p == m_end || *m_p > 1)
            return false;
        m_little = *m_p++ == 1;
        uint32_t type = 0;
        if (!u32(type))
            return false;
        if (type & 0x20000000) {
            uint32_t srid = 0;
            if (!top || !u32(srid) || srid > 999999)
                return false;
            m_g.srid = int32_t(srid);
        }
        type &= ~0x20000000u;
        if (type < 1 || type > 6) // Z, M (flags or ISO codes) and collections
            return false;
        shape = GeometryShape(type);
        return true;
    }
    bool points(uint32_t n)
    {
        if (size_t(m_end - m_p) / 16 < n)
            return false;
        for (uint32_t i = 0; i < n; ++i) {
            double x = 0, y = 0;
            if (!f64(x) || !f64(y))
                return false;
            m_g.addPoint(x, y);
        }
        return true;
    }
    bool counted(uint32_t &n) { return u32(n) && n <= kMaxParts && n > 0; }
    bool body(GeometryShape shape, int depth);

    const unsigned char *m_p;
    const unsigned char *m_end;
    Geometry &m_g;
    bool m_little = true;
};

bool WkbReader::body(GeometryShape shape, int depth)
{
    uint32_t n = 0;
    switch (shape) {
    case GeometryShape::Point:
        return points(1);
    case GeometryShape::LineString:
        if (!counted(n) || !points(n))
            return false;
        if (depth > 0)
            m_g.parts.push_back(n);
        return n >= 2;
    case GeometryShape::Polygon: {
        if (!counted(n))
            return false;
        for (uint32_t r = 0; r < n; ++r) {
            uint32_t k = 0;
            if (!counted(k) || !points(k))
                return false;
            m_g.parts.push_back(k);
        }
        if (depth > 0)
            m_g.polygons.push_back(n);
        return true;
    }
    case GeometryShape::MultiPoint:
    case GeometryShape::MultiLineString:
    case GeometryShape::MultiPolygon: {
        if (depth > 0 || !counted(n))
            return false;
        const auto element = GeometryShape(int(shape) - 3);
        for (uint32_t i = 0; i < n; ++i) {
            GeometryShape inner;
            if (!head(inner, false) || inner != element || !body(inner, 1))
                return false;
        }
        return true;
    }
    case GeometryShape::Any:
        break;
    }
    return false;
}

int hexDigit(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    return -1;
}

} // namespace

bool readGeometryText(std::string_view text, Geometry &out, QString *error)
{
    QString why;
    if (text.size() >= 18 && text.size() % 2 == 0 && hexDigit(text[0]) == 0 &&
        hexDigit(text[1]) >= 0 && hexDigit(text[1]) <= 1) {
        thread_local std::string bytes;
        bytes.resize(text.size() / 2);
        bool hex = true;
        for (size_t i = 0; hex && i < bytes.size(); ++i) {
            const int hi = hexDigit(text[2 * i]), lo = hexDigit(text[2 * i + 1]);
            hex = hi >= 0 && lo >= 0;
            bytes[i] = char(hi * 16 + lo);
        }
        if (hex) {
            if (WkbReader(bytes, out).read())
                return true;
            if (error)
                *error = QStringLiteral("the hex WKB is not a well-formed 2D geometry");
            return false;
        }
    }
    if (WktReader(text, out).read(why))
        return true;
    if (error)
        *error = why;
    return false;
}

} // namespace spillway
