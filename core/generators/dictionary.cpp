#include "generators/dictionary.h"

#include "generators/peopletext.h"
#include "generators/wordlist.h"

#include <QFile>
#include <QtGlobal>

#include <charconv>
#include <cmath>
#include <map>

namespace spillway {

namespace {

std::vector<std::string> splitTabs(std::string_view line)
{
    std::vector<std::string> fields;
    size_t start = 0;
    for (;;) {
        const size_t tab = line.find('\t', start);
        fields.emplace_back(line.substr(start, tab == std::string_view::npos ? tab : tab - start));
        if (tab == std::string_view::npos)
            return fields;
        start = tab + 1;
    }
}

double number(const std::string &text)
{
    double v = 0;
    std::from_chars(text.data(), text.data() + text.size(), v);
    return v;
}

std::optional<Pattern> pattern(const std::string &text, const char *file)
{
    if (text.empty() || text == "-")
        return std::nullopt;
    auto parsed = Pattern::parse(QString::fromStdString(text));
    if (!parsed.pattern)
        qWarning("spillway: %s: bad pattern '%s': %s", file, text.c_str(),
                 qPrintable(parsed.error));
    else
        parsed.pattern->setDigitRuns(true);
    return std::move(parsed.pattern);
}

// A list from rows whose item is field `item` and weight field `weight`.
WeightedList weighted(const char *file, size_t columns, size_t item, size_t weight)
{
    WeightedList list;
    for (auto &row : bundledTsv(file, columns))
        list.add(std::move(row[item]), number(row[weight]));
    if (list.empty())
        list.add("unknown", 1); // never empty, even with a damaged resource
    list.finish();
    return list;
}

std::vector<std::string> slugs(const WeightedList &list)
{
    std::vector<std::string> out;
    for (size_t i = 0; i < list.size(); ++i) {
        std::string slug(list.at(i).size(), '\0');
        slug.resize(size_t(writeSlug(slug.data(), list.at(i)) - slug.data()));
        out.push_back(std::move(slug));
    }
    return out;
}

} // namespace

std::vector<std::vector<std::string>> bundledTsv(const char *name, size_t columns)
{
    initBundledResources();
    QFile file(QStringLiteral(":/spillway/dictionaries/") + QLatin1String(name));
    std::vector<std::vector<std::string>> rows;
    if (!file.open(QIODevice::ReadOnly)) {
        qWarning("spillway: the bundled dictionary %s is missing", name);
        return rows;
    }
    const QByteArray bytes = file.readAll();
    const std::string_view text(bytes.constData(), size_t(bytes.size()));
    for (const std::string_view line : dictionaryLines(text)) {
        if (line.empty() || line.front() == '#')
            continue;
        auto fields = splitTabs(line);
        if (fields.size() == columns)
            rows.push_back(std::move(fields));
        else
            qWarning("spillway: %s: skipped a line with %d fields instead of %d", name,
                     int(fields.size()), int(columns));
    }
    return rows;
}

void WeightedList::add(std::string item, double weight)
{
    if (weight <= 0)
        return;
    m_items.push_back(std::move(item));
    m_weights.push_back(weight);
}

void WeightedList::finish()
{
    m_alias.emplace(m_weights);
}

const PeopleBook &PeopleBook::instance()
{
    static const PeopleBook book = [] {
        PeopleBook b;
        double female = 0, all = 0;
        for (auto &row : bundledTsv("first_names.tsv", 3)) {
            const double w = number(row[2]);
            all += w;
            if (row[1] == "F") {
                female += w;
                b.female.add(std::move(row[0]), w);
            } else {
                b.male.add(std::move(row[0]), w);
            }
        }
        for (WeightedList *list : {&b.female, &b.male}) {
            if (list->empty())
                list->add("Alex", 1);
            list->finish();
        }
        b.femaleShare = all > 0 ? female / all : 0.5;
        b.last = weighted("last_names.tsv", 2, 0, 1);
        b.companies = weighted("companies.tsv", 2, 0, 1);
        b.companySuffixes = weighted("company_suffixes.tsv", 2, 0, 1);
        b.jobTitles = weighted("job_titles.tsv", 2, 0, 1);
        b.userAgents = weighted("user_agents.tsv", 2, 1, 0);
        b.emailDomains = weighted("email_domains.tsv", 2, 0, 1);
        b.topLevelDomains = weighted("tlds.tsv", 2, 0, 1);
        b.femaleSlugs = slugs(b.female);
        b.maleSlugs = slugs(b.male);
        b.lastSlugs = slugs(b.last);
        b.companySlugs = slugs(b.companies);
        return b;
    }();
    return book;
}

const Gazetteer &Gazetteer::instance()
{
    static const Gazetteer gazetteer = [] {
        Gazetteer g;
        std::map<std::string, int> languages;
        for (auto &row : bundledTsv("streets.tsv", 3)) {
            auto [it, added] = languages.emplace(row[0], int(g.m_streets.size()));
            if (added)
                g.m_streets.emplace_back();
            g.m_streets[size_t(it->second)].add(std::move(row[1]), number(row[2]));
        }
        for (WeightedList &list : g.m_streets)
            list.finish();
        for (auto &row : bundledTsv("countries.tsv", 8)) {
            Country c;
            c.alpha2 = row[0];
            c.alpha3 = row[1];
            c.numeric = row[2];
            c.name = row[3];
            c.currency = row[4];
            c.language = row[5];
            c.numberFirst = row[6] != "number-last";
            c.iban = pattern(row[7], "countries.tsv");
            const auto it = languages.find(c.language);
            c.streets = it == languages.end() ? -1 : it->second;
            g.m_countries.push_back(std::move(c));
        }
        for (auto &row : bundledTsv("cities.tsv", 9)) {
            const int country = g.countryIndex(QString::fromStdString(row[3]));
            if (country < 0 || g.m_countries[size_t(country)].streets < 0)
                continue;
            City c;
            c.name = row[0];
            c.region = row[1];
            c.regionCode = row[2];
            c.country = country;
            c.population = number(row[4]);
            c.lat = number(row[5]);
            c.lon = number(row[6]);
            c.degreesLonPerKm =
                1 / (111.32 * std::max(0.05, std::cos(c.lat * 3.14159265358979 / 180)));
            c.postal = pattern(row[7], "cities.tsv");
            c.phone = pattern(row[8], "cities.tsv");
            g.m_cities.push_back(std::move(c));
        }
        if (g.m_cities.empty())
            g.addFallbackPlace();
        return g;
    }();
    return gazetteer;
}

// A damaged resource: one place, so that generators still work.
void Gazetteer::addFallbackPlace()
{
    m_streets.emplace_back();
    m_streets.back().add("Main Street", 1);
    m_streets.back().finish();
    Country country;
    country.alpha2 = "US";
    country.alpha3 = "USA";
    country.numeric = "840";
    country.name = "United States";
    country.currency = "USD";
    country.language = "en";
    country.streets = int(m_streets.size()) - 1;
    m_countries.push_back(std::move(country));
    City city;
    city.name = "Springfield";
    city.region = "Illinois";
    city.regionCode = "IL";
    city.country = int(m_countries.size()) - 1;
    city.population = 1;
    city.lat = 39.7817;
    city.lon = -89.6501;
    m_cities.push_back(std::move(city));
}

int Gazetteer::countryIndex(const QString &alpha2) const
{
    const std::string code = alpha2.toUpper().toStdString();
    for (size_t i = 0; i < m_countries.size(); ++i) {
        if (m_countries[i].alpha2 == code)
            return int(i);
    }
    return -1;
}

std::vector<int> Gazetteer::citiesOf(const std::vector<int> &countries) const
{
    std::vector<int> out;
    for (size_t i = 0; i < m_cities.size(); ++i) {
        if (countries.empty() ||
            std::find(countries.begin(), countries.end(), m_cities[i].country) != countries.end())
            out.push_back(int(i));
    }
    return out;
}

AliasTable Gazetteer::cityTable(const std::vector<int> &countries) const
{
    std::vector<double> weights;
    for (int i : citiesOf(countries))
        weights.push_back(m_cities[size_t(i)].population);
    return AliasTable(weights);
}

} // namespace spillway
