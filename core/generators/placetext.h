#pragma once

// One place of a group: the city its stream picks (weighted by population, optionally among
// some countries) and the texts that follow from it. Also the IBAN and coordinate writers.

#include "base/params.h"
#include "base/random.h"
#include "generators/dictionary.h"

#include <cstddef>
#include <vector>

namespace spillway {

struct GeneratorArgs;

struct GeoPoint
{
    double lat = 0, lon = 0;
};

struct GeoSpec
{
    enum class Format { Latitude, Longitude, Wkt, GeoJson, Point, LatLon };
    Format format = Format::Wkt;
    double radiusKm = 10; // scatter around the city (normal, this standard deviation)
    bool inBox = false;   // uniform in [west, east] x [south, north] instead
    double west = 0, south = 0, east = 0, north = 0;
};

// Degrees as a whole number of microdegrees (6 decimals, about 0.1 m), rounded half away from
// zero.
inline int64_t microDegrees(double degrees)
{
    const double scaled = degrees * 1e6;
    return int64_t(scaled < 0 ? scaled - 0.5 : scaled + 0.5);
}

// Reads "bbox": [west, south, east, north] in degrees into spec.
bool readBbox(ParamReader &params, GeoSpec &spec);
// The point as text: POINT(lon lat), GeoJSON, (lon,lat) or lat,lon; 6 decimals. Needs 128 bytes.
size_t formatPoint(const GeoPoint &p, GeoSpec::Format format, char *out);
// An IBAN of the country (which must have a BBAN pattern), check digits computed (ISO 13616).
size_t writeIban(const Country &country, const RandomStream &rng, uint64_t row, char *out);

class Place
{
public:
    static constexpr size_t kMaxText = 1024;

    Place(RandomStream group, const std::vector<int> &countries);

    const City &city(uint64_t row) const
    {
        return m_gazetteer->cities()[size_t(m_cities[m_alias.sample(m_group.draw(row, 0))])];
    }
    const Country &country(const City &city) const
    {
        return m_gazetteer->countries()[size_t(city.country)];
    }

    // Each writes at out (kMaxText bytes) and returns the length.
    size_t postal(uint64_t row, const City &city, char *out) const;
    size_t street(uint64_t row, const City &city, char *out) const;
    size_t address(uint64_t row, const City &city, char *out) const;
    size_t phone(uint64_t row, const City &city, char *out) const;
    GeoPoint point(uint64_t row, const GeoSpec &spec) const;

private:
    RandomStream m_group, m_postal, m_street, m_phone, m_geo;
    const Gazetteer *m_gazetteer;
    std::vector<int> m_cities;
    AliasTable m_alias;
};

// The place of the column's group ("group", default "place"), among "countries" when given:
// every generator that follows a city reads its place this way.
Place readPlace(GeneratorArgs &a);

} // namespace spillway
