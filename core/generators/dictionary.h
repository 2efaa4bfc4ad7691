#pragma once

// The bundled, frequency-weighted dictionaries behind the people, place and internet
// generators, written for the project and compiled in (resources/dictionaries/*.tsv). Each is
// loaded once on first use and then shared read-only by every worker; a weighted pick is one
// draw through an alias table.

#include "base/aliastable.h"
#include "generators/pattern.h"

#include <QString>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace spillway {

// The rows of ":/spillway/dictionaries/<name>": tab-separated, '#' lines skipped. Rows with
// another number of fields than `columns` are skipped with a warning.
std::vector<std::vector<std::string>> bundledTsv(const char *name, size_t columns);

// Strings with weights; pick() returns each with probability weight / total.
class WeightedList
{
public:
    void add(std::string item, double weight);
    void finish(); // call once after the last add()

    size_t size() const { return m_items.size(); }
    bool empty() const { return m_items.empty(); }
    std::string_view at(size_t index) const { return m_items[index]; }
    double weight(size_t index) const { return m_weights[index]; }
    uint32_t sample(uint64_t draw) const { return m_alias->sample(draw); }
    std::string_view pick(uint64_t draw) const { return m_items[sample(draw)]; }

private:
    std::vector<std::string> m_items;
    std::vector<double> m_weights;
    std::optional<AliasTable> m_alias;
};

struct PeopleBook
{
    WeightedList female, male, last, companies, companySuffixes, jobTitles, userAgents,
        emailDomains, topLevelDomains;
    double femaleShare = 0.5; // of all first-name weight
    // The same entries as lower-case ASCII letters and digits, for emails and domains.
    std::vector<std::string> femaleSlugs, maleSlugs, lastSlugs, companySlugs;

    static const PeopleBook &instance();
};

struct Country
{
    std::string alpha2, alpha3, numeric, name, currency, language;
    bool numberFirst = true;     // "12 Main Street" rather than "Hauptstraße 12"
    std::optional<Pattern> iban; // the BBAN after country code and check digits
    int streets = -1;            // index into Gazetteer::streets
};

struct City
{
    std::string name, region, regionCode;
    int country = 0;
    double population = 0, lat = 0, lon = 0;
    double degreesLonPerKm = 1 / 111.32; // at the city's latitude
    std::optional<Pattern> postal, phone;
};

class Gazetteer
{
public:
    static const Gazetteer &instance();

    const std::vector<Country> &countries() const { return m_countries; }
    const std::vector<City> &cities() const { return m_cities; }
    const WeightedList &streets(int list) const { return m_streets[size_t(list)]; }
    int countryIndex(const QString &alpha2) const;
    // Cities of the given countries (all when empty), weighted by population.
    AliasTable cityTable(const std::vector<int> &countries) const;
    std::vector<int> citiesOf(const std::vector<int> &countries) const;

private:
    void addFallbackPlace();

    std::vector<Country> m_countries;
    std::vector<City> m_cities;
    std::vector<WeightedList> m_streets;
};

} // namespace spillway
