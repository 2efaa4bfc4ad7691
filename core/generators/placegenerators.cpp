// Places: city, region, country (name or ISO codes), postal code, street address, full address,
// phone number, currency, IBAN and coordinates, from the bundled gazetteer. Columns of one group
// (default "place") describe the same place: the group's stream picks a city weighted by its
// population, and the region, country, postal code, phone area code and coordinates follow it.

#include "generators/dictionary.h"
#include "generators/placetext.h"
#include "schema/compiledschema.h"
#include "schema/generatorregistry.h"

#include <QJsonArray>

#include <cmath>

namespace spillway {

namespace {

// One generator class for the place's parts that need no extra parameters.
class PlacePart final : public RowGenerator<PlacePart>
{
public:
    enum class Part {
        City,
        Region,
        RegionCode,
        Country,
        Alpha2,
        Alpha3,
        Numeric,
        Postal,
        Street,
        Address,
        Phone,
        Currency
    };

    PlacePart(Place place, Part part)
        : m_place(std::move(place))
        , m_part(part)
    {}

    Value at(uint64_t row, Arena &arena) const
    {
        const City &city = m_place.city(row);
        const Country &country = m_place.country(city);
        switch (m_part) {
        case Part::City:
            return Value::string(city.name);
        case Part::Region:
            return Value::string(city.region);
        case Part::RegionCode:
            return Value::string(city.regionCode);
        case Part::Country:
            return Value::string(country.name);
        case Part::Alpha2:
            return Value::string(country.alpha2);
        case Part::Alpha3:
            return Value::string(country.alpha3);
        case Part::Numeric:
            return Value::string(country.numeric);
        case Part::Currency:
            return Value::string(country.currency);
        default:
            break;
        }
        return Value::string(arena.write(Place::kMaxText, [&](char *out) {
            if (m_part == Part::Postal)
                return m_place.postal(row, city, out);
            if (m_part == Part::Street)
                return m_place.street(row, city, out);
            if (m_part == Part::Address)
                return m_place.address(row, city, out);
            return m_place.phone(row, city, out);
        }));
    }

private:
    Place m_place;
    Part m_part;
};

class Iban final : public RowGenerator<Iban>
{
public:
    Iban(Place place, Place fallback, RandomStream rng)
        : m_place(std::move(place))
        , m_fallback(std::move(fallback))
        , m_rng(rng)
    {}
    Value at(uint64_t row, Arena &arena) const
    {
        const Country *country = &m_place.country(m_place.city(row));
        if (!country->iban) // the row's country has no IBAN: an IBAN country of its own
            country = &m_fallback.country(m_fallback.city(row));
        return Value::string(arena.write(
            Place::kMaxText, [&](char *out) { return writeIban(*country, m_rng, row, out); }));
    }

private:
    Place m_place, m_fallback;
    RandomStream m_rng;
};

class Coordinates final : public RowGenerator<Coordinates>
{
public:
    Coordinates(Place place, GeoSpec spec)
        : m_place(std::move(place))
        , m_spec(spec)
    {}
    Value at(uint64_t row, Arena &arena) const
    {
        const GeoPoint p = m_place.point(row, m_spec);
        switch (m_spec.format) {
        case GeoSpec::Format::Latitude: // 6 decimals (about 0.1 m)
            return Value::decimal(microDegrees(p.lat), 6);
        case GeoSpec::Format::Longitude:
            return Value::decimal(microDegrees(p.lon), 6);
        default:
            break;
        }
        const std::string_view text =
            arena.write(128, [&](char *out) { return formatPoint(p, m_spec.format, out); });
        return m_spec.format == GeoSpec::Format::GeoJson ? Value::json(text) : Value::string(text);
    }

private:
    Place m_place;
    GeoSpec m_spec;
};

std::vector<int> readCountries(ParamReader &params, bool ibanOnly = false, bool read = true)
{
    std::vector<int> countries;
    const auto json = read ? params.optional(QStringLiteral("countries")) : std::nullopt;
    const Gazetteer &g = Gazetteer::instance();
    if (json) {
        const QJsonArray list = json->toArray();
        for (const QJsonValue &v : list) {
            const int c = g.countryIndex(v.toString());
            if (c < 0) {
                QStringList known;
                for (const Country &country : g.countries())
                    known.append(QString::fromStdString(country.alpha2));
                params.error(QStringLiteral("countries"),
                             QStringLiteral("unknown country code '%1': use ISO 3166 alpha-2 "
                                            "codes of the bundled countries (%2)")
                                 .arg(v.toString(), known.join(QStringLiteral(", "))));
                continue;
            }
            countries.push_back(c);
        }
        if (!json->isArray() || list.isEmpty())
            params.error(QStringLiteral("countries"),
                         QStringLiteral("'countries' must be a non-empty array of ISO country "
                                        "codes such as [\"US\", \"CA\"]"));
    }
    if (ibanOnly) { // the given countries that have IBANs, or all that do
        std::vector<int> withIban;
        for (size_t i = 0; i < g.countries().size(); ++i) {
            const bool listed = countries.empty() || std::find(countries.begin(), countries.end(),
                                                               int(i)) != countries.end();
            if (listed && g.countries()[i].iban)
                withIban.push_back(int(i));
        }
        if (withIban.empty())
            return readCountries(params, true, false);
        return withIban;
    }
    return countries;
}

std::unique_ptr<Generator> part(GeneratorArgs &a, PlacePart::Part p)
{
    return std::make_unique<PlacePart>(readPlace(a), p);
}

std::unique_ptr<Generator> createRegion(GeneratorArgs &a)
{
    const int form =
        a.params.option(QStringLiteral("form"), {QStringLiteral("name"), QStringLiteral("code")});
    return part(a, form == 0 ? PlacePart::Part::Region : PlacePart::Part::RegionCode);
}

std::unique_ptr<Generator> createCountry(GeneratorArgs &a)
{
    using P = PlacePart::Part;
    const int form = a.params.option(QStringLiteral("form"),
                                     {QStringLiteral("name"), QStringLiteral("alpha2"),
                                      QStringLiteral("alpha3"), QStringLiteral("numeric")});
    const P parts[] = {P::Country, P::Alpha2, P::Alpha3, P::Numeric};
    return part(a, parts[form]);
}

std::unique_ptr<Generator> createIban(GeneratorArgs &a)
{
    Place place = readPlace(a);
    const RandomStream own = a.rng.derive(hashName("iban country"));
    return std::make_unique<Iban>(std::move(place), Place(own, readCountries(a.params, true)),
                                  a.rng);
}

std::unique_ptr<Generator> createGeo(GeneratorArgs &a, GeoSpec::Format fixed)
{
    GeoSpec spec;
    spec.format = fixed;
    if (fixed == GeoSpec::Format::Wkt) {
        const int f = a.params.option(QStringLiteral("format"),
                                      {QStringLiteral("wkt"), QStringLiteral("geojson"),
                                       QStringLiteral("point"), QStringLiteral("latlon")});
        const GeoSpec::Format formats[] = {GeoSpec::Format::Wkt, GeoSpec::Format::GeoJson,
                                           GeoSpec::Format::Point, GeoSpec::Format::LatLon};
        spec.format = formats[f];
    }
    spec.radiusKm = a.params.number(QStringLiteral("radiusKm"), 10.0);
    a.params.requireRange(QStringLiteral("radiusKm"), spec.radiusKm, 0, 2000);
    if (a.params.has(QStringLiteral("bbox")) && !readBbox(a.params, spec))
        return nullptr;
    Place place = readPlace(a);
    return std::make_unique<Coordinates>(std::move(place), spec);
}

} // namespace

Place readPlace(GeneratorArgs &a)
{
    const RandomStream group = a.groupStream(QStringLiteral("place"));
    return Place(group, readCountries(a.params));
}

void registerPlaceGenerators(GeneratorRegistry &r)
{
    using P = PlacePart::Part;
    const QString places = QStringLiteral(QT_TRANSLATE_NOOP("GeneratorRegistry", "places"));
    const QString text = QStringLiteral("text");
    r.add({QStringLiteral("city"), places,
           QStringLiteral(QT_TRANSLATE_NOOP("GeneratorRegistry", "Cities weighted by population")),
           text, [](GeneratorArgs &a) { return part(a, P::City); }});
    r.add({QStringLiteral("region"), places,
           QStringLiteral(QT_TRANSLATE_NOOP(
               "GeneratorRegistry", "The city's state or region, as a name or ISO 3166-2 code")),
           text, createRegion});
    r.add({QStringLiteral("country"), places,
           QStringLiteral(QT_TRANSLATE_NOOP(
               "GeneratorRegistry", "The city's country: name, alpha-2, alpha-3 or numeric code")),
           text, createCountry});
    r.add({QStringLiteral("postal_code"), places,
           QStringLiteral(QT_TRANSLATE_NOOP("GeneratorRegistry",
                                            "A postal code of the city, in its country's format")),
           text, [](GeneratorArgs &a) { return part(a, P::Postal); }});
    r.add(
        {QStringLiteral("street_address"), places,
         QStringLiteral(QT_TRANSLATE_NOOP(
             "GeneratorRegistry", "House number and street, in the country's order and language")),
         text, [](GeneratorArgs &a) { return part(a, P::Street); }});
    r.add({QStringLiteral("address"), places,
           QStringLiteral(QT_TRANSLATE_NOOP(
               "GeneratorRegistry", "One-line postal address: street, postal code, city, country")),
           text, [](GeneratorArgs &a) { return part(a, P::Address); }});
    r.add({QStringLiteral("phone"), places,
           QStringLiteral(QT_TRANSLATE_NOOP(
               "GeneratorRegistry", "International phone number with the city's area code")),
           text, [](GeneratorArgs &a) { return part(a, P::Phone); }});
    r.add({QStringLiteral("currency"), places,
           QStringLiteral(QT_TRANSLATE_NOOP("GeneratorRegistry",
                                            "ISO 4217 currency code of the place's country")),
           QStringLiteral("char(3)"), [](GeneratorArgs &a) { return part(a, P::Currency); }});
    r.add({QStringLiteral("iban"), places,
           QStringLiteral(QT_TRANSLATE_NOOP("GeneratorRegistry",
                                            "IBAN-shaped account numbers with valid check digits")),
           text, createIban});
    r.add({QStringLiteral("latitude"), places,
           QStringLiteral(QT_TRANSLATE_NOOP(
               "GeneratorRegistry", "Latitude near the place's city, or in a bounding box")),
           QStringLiteral("double precision"),
           [](GeneratorArgs &a) { return createGeo(a, GeoSpec::Format::Latitude); }});
    r.add({QStringLiteral("longitude"), places,
           QStringLiteral(QT_TRANSLATE_NOOP(
               "GeneratorRegistry", "Longitude near the place's city, or in a bounding box")),
           QStringLiteral("double precision"),
           [](GeneratorArgs &a) { return createGeo(a, GeoSpec::Format::Longitude); }});
    r.add({QStringLiteral("geo_point"), places,
           QStringLiteral(QT_TRANSLATE_NOOP(
               "GeneratorRegistry", "A point as WKT, GeoJSON, PostgreSQL point or \"lat,lon\"")),
           text, [](GeneratorArgs &a) { return createGeo(a, GeoSpec::Format::Wkt); }});
}

} // namespace spillway
