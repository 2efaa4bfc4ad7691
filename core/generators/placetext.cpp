#include "generators/placetext.h"

#include "base/valueformat.h"

#include <QJsonArray>

#include <cmath>
#include <cstring>

namespace spillway {

namespace {

constexpr double kDegreesPerKm = 1 / 111.32; // north-south, anywhere

char *append(char *out, std::string_view s)
{
    copyShort(out, s.data(), s.size());
    return out + s.size();
}

char *writePattern(char *out, const std::optional<Pattern> &pattern, const RandomStream &rng,
                   uint64_t row)
{
    if (!pattern || pattern->maxLength() > Place::kMaxText / 4)
        return out;
    return out + pattern->generate(rng, row, out);
}

// Countries that write the postal code after the city ("Boston, MA 02118", "London SW1A 2AA").
bool postalAfterCity(const Country &c)
{
    static const char *const kAfter[] = {"US", "CA", "AU", "GB", "IE", "NZ", "ZA",
                                         "IN", "SG", "JP", "KR", "CN", "BR", "MX"};
    for (const char *code : kAfter) {
        if (c.alpha2 == code)
            return true;
    }
    return false;
}

} // namespace

Place::Place(RandomStream group, const std::vector<int> &countries)
    : m_group(group)
    , m_postal(group.derive(hashName("postal")))
    , m_street(group.derive(hashName("street")))
    , m_phone(group.derive(hashName("phone")))
    , m_geo(group.derive(hashName("geo")))
    , m_gazetteer(&Gazetteer::instance())
    , m_cities(m_gazetteer->citiesOf(countries))
    , m_alias(m_gazetteer->cityTable(countries))
{}

size_t Place::postal(uint64_t row, const City &city, char *out) const
{
    return size_t(writePattern(out, city.postal, m_postal, row) - out);
}

size_t Place::phone(uint64_t row, const City &city, char *out) const
{
    return size_t(writePattern(out, city.phone, m_phone, row) - out);
}

size_t Place::street(uint64_t row, const City &city, char *out) const
{
    const Country &c = country(city);
    const std::string_view name = m_gazetteer->streets(c.streets).pick(m_street.draw(row, 0));
    // House numbers about log-uniform in 1..2048: a bit length of 1 to 11, then a number
    // below that power of two. Small numbers are common, large ones exist.
    const uint64_t r = m_street.draw(row, 1);
    const auto number = int64_t(1 + ((r >> 8) & ((uint64_t(2) << (r % 11)) - 1)));
    char *p = out;
    if (c.numberFirst) {
        p = formatInt(p, number);
        *p++ = ' ';
        p = append(p, name);
    } else {
        p = append(p, name);
        *p++ = ' ';
        p = formatInt(p, number);
    }
    return size_t(p - out);
}

size_t Place::address(uint64_t row, const City &city, char *out) const
{
    const Country &c = country(city);
    char *p = out + street(row, city, out);
    p = append(p, ", ");
    char postalText[kMaxText / 4];
    const std::string_view code(postalText, postal(row, city, postalText));
    if (postalAfterCity(c)) {
        p = append(p, city.name);
        if (c.alpha2 == "US" || c.alpha2 == "CA" || c.alpha2 == "AU")
            p = append(append(p, ", "), city.regionCode);
        if (!code.empty())
            p = append(append(p, " "), code);
    } else {
        if (!code.empty())
            p = append(append(p, code), " ");
        p = append(p, city.name);
    }
    return size_t(append(append(p, ", "), c.name) - out);
}

GeoPoint Place::point(uint64_t row, const GeoSpec &spec) const
{
    GeoPoint p;
    if (spec.inBox) {
        p.lat = spec.south + m_geo.unit(row, 0) * (spec.north - spec.south);
        p.lon = spec.west + m_geo.unit(row, 1) * (spec.east - spec.west);
        return p;
    }
    const City &c = city(row);
    // Approximately normal offsets, cheaply: the sum of four 16-bit uniforms of one draw,
    // centred and scaled to unit variance (Irwin-Hall, within 3.5 standard deviations).
    const auto normal = [&](uint32_t k) {
        const uint64_t r = m_geo.draw(row, k);
        const double sum =
            double((r & 0xFFFF) + ((r >> 16) & 0xFFFF) + ((r >> 32) & 0xFFFF) + (r >> 48)) /
            65536.0;
        return (sum - 2.0) * 1.7320508075688772; // sqrt(12 / 4)
    };
    const double dy = normal(0) * spec.radiusKm * kDegreesPerKm;
    const double dx = normal(1) * spec.radiusKm * c.degreesLonPerKm;
    p.lat = std::clamp(c.lat + dy, -90.0, 90.0);
    p.lon = c.lon + dx;
    if (p.lon > 180)
        p.lon -= 360;
    else if (p.lon < -180)
        p.lon += 360;
    return p;
}

bool readBbox(ParamReader &params, GeoSpec &spec)
{
    const QJsonArray box = params.array(QStringLiteral("bbox"));
    bool ok = box.size() == 4;
    for (const QJsonValue &v : box)
        ok = ok && v.isDouble();
    if (ok) {
        spec.west = box[0].toDouble();
        spec.south = box[1].toDouble();
        spec.east = box[2].toDouble();
        spec.north = box[3].toDouble();
        ok = spec.west >= -180 && spec.east <= 180 && spec.west < spec.east && spec.south >= -90 &&
             spec.north <= 90 && spec.south < spec.north;
    }
    if (!ok)
        params.error(QStringLiteral("bbox"),
                     QStringLiteral("'bbox' must be [west, south, east, north] in degrees with "
                                    "west < east and south < north, such as "
                                    "[5.9, 45.8, 10.5, 47.8]"));
    spec.inBox = ok;
    return ok;
}

namespace {

// Degrees with 6 decimals (about 0.1 m), as exact fixed-point text.
char *formatDegrees(char *p, double degrees, int)
{
    int64_t micro = microDegrees(degrees);
    if (micro < 0) {
        *p++ = '-';
        micro = -micro;
    }
    auto whole = uint64_t(micro) / 1000000;
    uint64_t fraction = uint64_t(micro) % 1000000;
    if (whole >= 100) { // at most 360
        *p++ = char('0' + whole / 100);
        whole %= 100;
        std::memcpy(p, kDigitPairs + 2 * whole, 2);
        p += 2;
    } else if (whole >= 10) {
        std::memcpy(p, kDigitPairs + 2 * whole, 2);
        p += 2;
    } else {
        *p++ = char('0' + whole);
    }
    *p++ = '.';
    for (int k = 2; k >= 0; --k) {
        std::memcpy(p + 2 * k, kDigitPairs + 2 * (fraction % 100), 2);
        fraction /= 100;
    }
    return p + 6;
}

} // namespace

size_t formatPoint(const GeoPoint &p, GeoSpec::Format format, char *out)
{
    const auto formatFloat = formatDegrees;
    char *w = out;
    switch (format) {
    case GeoSpec::Format::Wkt:
        w = formatFloat(append(w, "POINT("), p.lon, 6);
        w = append(formatFloat(append(w, " "), p.lat, 6), ")");
        break;
    case GeoSpec::Format::GeoJson:
        w = formatFloat(append(w, "{\"type\":\"Point\",\"coordinates\":["), p.lon, 6);
        w = append(formatFloat(append(w, ","), p.lat, 6), "]}");
        break;
    case GeoSpec::Format::Point:
        w = formatFloat(append(w, "("), p.lon, 6);
        w = append(formatFloat(append(w, ","), p.lat, 6), ")");
        break;
    default:
        w = formatFloat(append(formatFloat(w, p.lat, 6), ","), p.lon, 6);
        break;
    }
    return size_t(w - out);
}

size_t writeIban(const Country &country, const RandomStream &rng, uint64_t row, char *out)
{
    std::memcpy(out, country.alpha2.data(), 2);
    char *bban = out + 4;
    const size_t n = country.iban->generate(rng, row, bban);
    // ISO 7064 mod 97-10 over BBAN + country + "00", letters as 10..35: digits gathered into
    // a number of up to 16 digits, reduced once per group (a division per character would
    // chain 26 divisions).
    uint64_t remainder = 0, group = 0, scale = 1;
    auto feed = [&](char c) {
        if (c >= '0' && c <= '9') {
            group = group * 10 + uint64_t(c - '0');
            scale *= 10;
        } else {
            group = group * 100 + uint64_t((c >= 'a' ? c - 'a' : c - 'A') + 10);
            scale *= 100;
        }
        if (scale >= 100000000000000ULL) { // 10^14: remainder * scale stays below 2^64
            remainder = (remainder * scale + group) % 97;
            group = 0;
            scale = 1;
        }
    };
    for (size_t i = 0; i < n; ++i)
        feed(bban[i]);
    feed(out[0]);
    feed(out[1]);
    feed('0');
    feed('0');
    remainder = (remainder * scale + group) % 97;
    const auto check = unsigned(98 - remainder);
    out[2] = char('0' + check / 10);
    out[3] = char('0' + check % 10);
    return 4 + n;
}

} // namespace spillway
