// The generator catalogue: people, places, internet and geo (time and composite values are in
// test_composite.cpp). Values are checked against the bundled dictionaries read from the source
// tree and against independent parsers (inet_pton, Luhn, ISO 7064); bad parameters must be
// reported at their JSON path.

#include "base/params.h"
#include "cataloguesupport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <cmath>
#include <set>

using namespace spillway;
using namespace spillway::test;

// Slots are defined in the class; JSON is written in ordinary strings (see test_text.cpp).
class TestCatalogue : public QObject
{
    Q_OBJECT

private slots:
    void determinism();
    void personGroupsAgree();
    void emailFromColumns();
    void placeGroupsAgree();
    void countriesFilter();
    void ibanCountriesWithoutIban();
    void addressesInCidr_data();
    void addressesInCidr();
    void macAddresses();
    void cardNumbers_data();
    void cardNumbers();
    void ibans();
    void geoBoundingBox();
    void firstNameFrequencies();
    void cityFrequencies();
    void invalidParameters_data();
    void invalidParameters();
};

void TestCatalogue::determinism()
{
    const QByteArray json = schemaOf(catalogueColumns(), 5000);
    const auto a = compile(json), b = compile(json);
    QVERIFY(a && b);
    const Rows reference = rows(*a, 0, 3000);
    // Same seed, another compilation, other batch sizes and a later start: the same values.
    const Rows again = rows(*b, 0, 3000, 7);
    const Rows tail = rows(*a, 1500, 1500, 1000);
    const Rows otherSeed = rows(*compile(schemaOf(catalogueColumns(), 5000, 12)), 0, 3000);
    for (const auto &[name, values] : reference) {
        QVERIFY2(again.at(name) == values, name.c_str());
        QVERIFY2(std::equal(values.begin() + 1500, values.end(), tail.at(name).begin()),
                 name.c_str());
        size_t same = 0;
        for (size_t i = 0; i < values.size(); ++i)
            same += otherSeed.at(name)[i] == values[i];
        // Another seed: other draws (sex has two values, so about half agree by chance).
        QVERIFY2(
            same < values.size() * 3 / 4 || name == "sex",
            qPrintable(
                QStringLiteral("%1: %2 of %3 equal").arg(u(name)).arg(same).arg(values.size())));
    }
}

void TestCatalogue::personGroupsAgree()
{
    const Rows r = generateRows(
        {col("first", "text", "{'kind': 'first_name'}"),
         col("last", "text", "{'kind': 'last_name'}"), col("full", "text", "{'kind': 'full_name'}"),
         col("sex", "text", "{'kind': 'sex'}"), col("email", "text", "{'kind': 'email'}"),
         col("first2", "text", "{'kind': 'first_name', 'group': 'spouse'}"),
         col("last2", "text", "{'kind': 'last_name', 'group': 'spouse'}"),
         col("full2", "text", "{'kind': 'full_name', 'group': 'spouse', 'order': 'last-first'}"),
         col("sex2", "text", "{'kind': 'sex', 'group': 'spouse', 'labels': ['female', 'male']}"),
         col("email2", "text", "{'kind': 'email', 'group': 'spouse', 'domain': 'example.org'}")},
        20000);
    QVERIFY(!r.empty());
    std::map<QString, QString> sexOf;
    for (const QStringList &row : dictionary("first_names.tsv"))
        sexOf[row[0]] = row[1];
    std::set<QString> freeDomains;
    for (const QStringList &row : dictionary("email_domains.tsv"))
        freeDomains.insert(row[0]);
    size_t sameFirst = 0, sameLast = 0;
    for (size_t i = 0; i < r.at("first").size(); ++i) {
        const std::string &first = r.at("first")[i], &last = r.at("last")[i];
        const std::string &first2 = r.at("first2")[i], &last2 = r.at("last2")[i];
        QCOMPARE(r.at("full")[i], first + " " + last);
        QCOMPARE(r.at("full2")[i], last2 + ", " + first2);
        QCOMPARE(u(r.at("sex")[i]), sexOf[u(first)]);
        QCOMPARE(u(r.at("sex2")[i]), sexOf[u(first2)] == QLatin1String("F")
                                         ? QStringLiteral("female")
                                         : QStringLiteral("male"));
        const QStringList email = u(r.at("email")[i]).split(QLatin1Char('@'));
        QVERIFY2(email.size() == 2 && freeDomains.count(email[1]), r.at("email")[i].c_str());
        QVERIFY2(localPartFrom(email[0].toStdString(), first, last), r.at("email")[i].c_str());
        const QStringList email2 = u(r.at("email2")[i]).split(QLatin1Char('@'));
        QVERIFY2(email2.size() == 2 && email2[1] == QLatin1String("example.org"),
                 r.at("email2")[i].c_str());
        QVERIFY2(localPartFrom(email2[0].toStdString(), first2, last2), r.at("email2")[i].c_str());
        sameFirst += first == first2;
        sameLast += last == last2;
    }
    // Independent draws agree about as often as the dictionary's repeat rate (well under 5%).
    QVERIFY2(sameFirst < 1000 && sameLast < 1000,
             qPrintable(QStringLiteral("%1 %2").arg(sameFirst).arg(sameLast)));
}

void TestCatalogue::emailFromColumns()
{
    const Rows r = generateRows(
        {col("given", "text",
             "{'kind': 'choice', 'values': ['Ana María', 'Zoë', 'Jean-Luc', 'Øyvind']}"),
         "{\"name\": \"maybe\", \"type\": \"text\", \"nullFraction\": 0.3, \"generator\": " +
             q("{'kind': 'choice', 'values': ['Åsa', 'Bob Lee']}") + "}",
         col("family", "text",
             "{'kind': 'choice', 'values': ['de la Cruz', 'Müller', 'O\\u0027Brien']}"),
         col("both", "text", "{'kind': 'email', 'from': ['given', 'family']}"),
         col("one", "text", "{'kind': 'email', 'from': ['maybe'], 'domain': 'example.com'}")},
        5000);
    QVERIFY(!r.empty());
    for (size_t i = 0; i < r.at("both").size(); ++i) {
        const std::string &both = r.at("both")[i];
        const size_t at = both.find('@');
        QVERIFY2(at != std::string::npos, both.c_str());
        QVERIFY2(localPartFrom(both.substr(0, at), firstWordOf(r.at("given")[i]),
                               lastWordOf(r.at("family")[i])),
                 both.c_str());
        // From one column: its first word, and its last word when it has two.
        const std::string &maybe = r.at("maybe")[i], &one = r.at("one")[i];
        if (maybe == kNull) {
            QCOMPARE(one, kNull);
            continue;
        }
        const std::string last = lastWordOf(maybe) == firstWordOf(maybe) ? "" : lastWordOf(maybe);
        QVERIFY2(one.size() > 12 && one.substr(one.size() - 12) == "@example.com", one.c_str());
        QVERIFY2(localPartFrom(one.substr(0, one.size() - 12), firstWordOf(maybe), last),
                 one.c_str());
    }
}

void TestCatalogue::placeGroupsAgree()
{
    const Rows r = generateRows(
        {col("city", "text", "{'kind': 'city'}"), col("region", "text", "{'kind': 'region'}"),
         col("code", "text", "{'kind': 'region', 'form': 'code'}"),
         col("alpha2", "text", "{'kind': 'country', 'form': 'alpha2'}"),
         col("numeric", "text", "{'kind': 'country', 'form': 'numeric'}"),
         col("postal", "text", "{'kind': 'postal_code'}"),
         col("phone", "text", "{'kind': 'phone'}"),
         col("lat", "double precision", "{'kind': 'latitude'}"),
         col("lon", "double precision", "{'kind': 'longitude'}"),
         col("wkt", "text", "{'kind': 'geo_point'}"),
         col("currency", "text", "{'kind': 'currency'}"),
         col("city2", "text", "{'kind': 'city', 'group': 'work'}"),
         col("alpha2b", "text", "{'kind': 'country', 'form': 'alpha2', 'group': 'work'}")},
        20000);
    QVERIFY(!r.empty());
    size_t sameCity = 0;
    for (size_t i = 0; i < r.at("city").size(); ++i) {
        const QString where = u(r.at("city")[i] + " / " + r.at("region")[i]);
        QStringList city;
        for (const QStringList &row : citiesNamed(r.at("city")[i])) {
            if (row[1] == u(r.at("region")[i]))
                city = row;
        }
        QVERIFY2(city.size() == 9, qPrintable(where));
        QCOMPARE(u(r.at("code")[i]), city[2]);
        QCOMPARE(u(r.at("alpha2")[i]), city[3]);
        const QStringList country = countryRow(city[3]);
        QCOMPARE(u(r.at("numeric")[i]), country[2]);
        QCOMPARE(u(r.at("currency")[i]), country[4]);
        QVERIFY2(fullMatch(city[7], r.at("postal")[i]), qPrintable(where + u(r.at("postal")[i])));
        QVERIFY2(fullMatch(city[8], r.at("phone")[i]), qPrintable(where + u(r.at("phone")[i])));
        const double lat = std::stod(r.at("lat")[i]), lon = std::stod(r.at("lon")[i]);
        // 10 km scatter: within a degree of latitude (and of longitude scaled to it).
        QVERIFY2(std::abs(lat - city[5].toDouble()) < 1.0, qPrintable(where));
        const double cosLat = std::max(0.05, std::cos(city[5].toDouble() * M_PI / 180));
        QVERIFY2(std::abs(lon - city[6].toDouble()) * cosLat < 1.0, qPrintable(where));
        QCOMPARE(r.at("wkt")[i], "POINT(" + r.at("lon")[i] + " " + r.at("lat")[i] + ")");
        // The other group's city and country agree with each other, not with this place.
        QVERIFY(!citiesNamed(r.at("city2")[i]).empty());
        bool countryMatches = false;
        for (const QStringList &row : citiesNamed(r.at("city2")[i]))
            countryMatches = countryMatches || row[3] == u(r.at("alpha2b")[i]);
        QVERIFY2(countryMatches, r.at("city2")[i].c_str());
        sameCity += r.at("city")[i] == r.at("city2")[i];
    }
    // Independent picks coincide at the population's repeat rate (about 1.2%).
    QVERIFY2(sameCity < 600, qPrintable(QString::number(sameCity)));
}

void TestCatalogue::countriesFilter()
{
    const QByteArray filter = "'countries': ['DE', 'fr', 'JP']}";
    const Rows r =
        generateRows({col("city", "text", "{'kind': 'city', " + filter),
                      col("country", "text", "{'kind': 'country', 'form': 'alpha2', " + filter),
                      col("street", "text", "{'kind': 'street_address', " + filter)},
                     5000);
    QVERIFY(!r.empty());
    std::map<std::string, size_t> seen;
    for (size_t i = 0; i < r.at("city").size(); ++i) {
        const std::string &country = r.at("country")[i];
        ++seen[country];
        QVERIFY2(country == "DE" || country == "FR" || country == "JP", country.c_str());
        bool cityInCountry = false;
        for (const QStringList &row : citiesNamed(r.at("city")[i]))
            cityInCountry = cityInCountry || row[3] == u(country);
        QVERIFY2(cityInCountry, r.at("city")[i].c_str());
        QVERIFY2(streetOf(r.at("street")[i], countryRow(u(country))), r.at("street")[i].c_str());
    }
    QCOMPARE(seen.size(), size_t(3));
}

void TestCatalogue::ibanCountriesWithoutIban()
{
    // The US and Japan have no IBAN: their rows take an IBAN of a listed country that has one.
    const Rows r =
        generateRows({col("country", "text",
                          "{'kind': 'country', 'form': 'alpha2', 'countries': ['US', 'DE', 'JP']}"),
                      col("iban", "text", "{'kind': 'iban', 'countries': ['US', 'DE', 'JP']}")},
                     2000);
    QVERIFY(!r.empty());
    for (const std::string &iban : r.at("iban")) {
        QCOMPARE(iban.substr(0, 2), std::string("DE"));
        QCOMPARE(ibanMod97(iban), 1);
    }
    // Only countries without IBANs: either a problem at 'countries' or IBANs of other countries.
    const QByteArray onlyUs =
        schemaOf({col("iban", "text", "{'kind': 'iban', 'countries': ['US']}")}, 100);
    Diagnostics d;
    const auto parsed = SchemaIO::parse(onlyUs, d);
    QVERIFY(parsed);
    const auto compiled = CompiledSchema::compile(*parsed, d);
    if (!compiled) {
        QCOMPARE(d.items().front().path,
                 QStringLiteral("tables[0].columns[0].generator.countries"));
        return;
    }
    Preview::prepare(*compiled);
    const Rows other = rows(*compiled, 0, 100);
    for (const std::string &iban : other.at("iban"))
        QVERIFY2(ibanMod97(iban) == 1 &&
                     countryRow(u(iban.substr(0, 2))).value(7) != QLatin1String("-"),
                 iban.c_str());
}

void TestCatalogue::addressesInCidr_data()
{
    QTest::addColumn<int>("family");
    QTest::addColumn<QString>("cidr"); // empty: the generator's default space
    QTest::addColumn<bool>("withPrefix");
    QTest::newRow("10.64/10") << 4 << QStringLiteral("10.64.0.0/10") << false;
    QTest::newRow("192.168.1/24") << 4 << QStringLiteral("192.168.1.0/24") << true;
    QTest::newRow("single v4") << 4 << QStringLiteral("203.0.113.7/32") << false;
    QTest::newRow("host bits set") << 4 << QStringLiteral("172.16.99.99/12") << false;
    QTest::newRow("v4 default") << 4 << QString() << false;
    QTest::newRow("2001:db8::/32") << 6 << QStringLiteral("2001:db8::/32") << false;
    QTest::newRow("fe80::/64") << 6 << QStringLiteral("fe80::/64") << true;
    QTest::newRow("/126") << 6 << QStringLiteral("2001:db8:0:0:1:0:0:0/126") << false;
    QTest::newRow("/72") << 6 << QStringLiteral("2001:db8:aaaa:bbbb:cc00::/72") << false;
    QTest::newRow("v6 default") << 6 << QString() << false;
}

void TestCatalogue::addressesInCidr()
{
    QFETCH(int, family);
    QFETCH(QString, cidr);
    QFETCH(bool, withPrefix);
    QJsonObject gen{
        {QStringLiteral("kind"), family == 4 ? QStringLiteral("ipv4") : QStringLiteral("ipv6")},
        {QStringLiteral("withPrefix"), withPrefix}};
    if (!cidr.isEmpty())
        gen.insert(QStringLiteral("cidr"), cidr);
    const Rows r = generateRows({"{\"name\": \"ip\", \"type\": \"inet\", \"generator\": " +
                                 QJsonDocument(gen).toJson(QJsonDocument::Compact) + "}"},
                                20000);
    QVERIFY(!r.empty());
    const QString block =
        cidr.isEmpty() ? (family == 4 ? QStringLiteral("0.0.0.0/0") : QStringLiteral("2000::/3"))
                       : cidr;
    const QByteArray base = inetBytes(block.section(QLatin1Char('/'), 0, 0).toStdString(), family);
    const int prefix = block.section(QLatin1Char('/'), 1).toInt();
    const std::string suffix = family == 4 ? "/32" : "/128";
    std::set<std::string> distinct;
    for (std::string s : r.at("ip")) {
        distinct.insert(s);
        if (withPrefix) {
            QVERIFY2(s.size() > suffix.size() && s.substr(s.size() - suffix.size()) == suffix,
                     s.c_str());
            s.resize(s.size() - suffix.size());
        }
        const QByteArray bytes = inetBytes(s, family);
        QVERIFY2(!bytes.isEmpty() && samePrefix(bytes, base, prefix), s.c_str());
        char canonical[INET6_ADDRSTRLEN];
        inet_ntop(family == 4 ? AF_INET : AF_INET6, bytes.constData(), canonical, sizeof canonical);
        QCOMPARE(u(s), QString::fromLatin1(canonical)); // RFC 5952 form, as PostgreSQL prints it
        if (family == 4 && prefix == 0) // the default space: no 0/8, multicast or reserved
            QVERIFY2(uchar(bytes[0]) >= 1 && uchar(bytes[0]) <= 223, s.c_str());
    }
    const double space = std::pow(2.0, (family == 4 ? 32 : 128) - prefix);
    QVERIFY2(double(distinct.size()) >= std::min(space, 19000.0),
             qPrintable(QString::number(distinct.size())));
}

void TestCatalogue::macAddresses()
{
    const Rows r = generateRows({col("mac", "macaddr", "{'kind': 'mac'}")}, 20000);
    QVERIFY(!r.empty());
    std::set<std::string> distinct(r.at("mac").begin(), r.at("mac").end());
    QVERIFY(distinct.size() > 19990);
    for (const std::string &s : r.at("mac")) {
        QVERIFY2(fullMatch(QStringLiteral("([0-9a-f]{2}:){5}[0-9a-f]{2}"), s), s.c_str());
        QVERIFY2((std::stoi(s.substr(0, 2), nullptr, 16) & 3) == 0, s.c_str()); // unicast, global
    }
}

void TestCatalogue::cardNumbers_data()
{
    QTest::addColumn<QStringList>("brands");
    QTest::addColumn<bool>("spaced");
    QTest::newRow("all") << QStringList() << false;
    QTest::newRow("all spaced") << QStringList() << true;
    QTest::newRow("visa") << QStringList{QStringLiteral("visa")} << false;
    QTest::newRow("mastercard") << QStringList{QStringLiteral("mastercard")} << false;
    QTest::newRow("amex spaced") << QStringList{QStringLiteral("amex")} << true;
    QTest::newRow("discover") << QStringList{QStringLiteral("discover")} << false;
}

void TestCatalogue::cardNumbers()
{
    QFETCH(QStringList, brands);
    QFETCH(bool, spaced);
    QJsonObject gen{{QStringLiteral("kind"), QStringLiteral("card_number")},
                    {QStringLiteral("spaced"), spaced}};
    if (!brands.isEmpty())
        gen.insert(QStringLiteral("brands"), QJsonArray::fromStringList(brands));
    const Rows r = generateRows({"{\"name\": \"card\", \"type\": \"text\", \"generator\": " +
                                 QJsonDocument(gen).toJson(QJsonDocument::Compact) + "}"},
                                20000);
    QVERIFY(!r.empty());
    // Brand: prefix pattern and length (published ranges; Mastercard's 2-series too).
    const std::map<QString, std::pair<QString, int>> kinds = {
        {QStringLiteral("visa"), {QStringLiteral("4"), 16}},
        {QStringLiteral("mastercard"),
         {QStringLiteral("5[1-5]|222[1-9]|22[3-9]\\d|2[3-6]\\d\\d|27[01]\\d|2720"), 16}},
        {QStringLiteral("amex"), {QStringLiteral("3[47]"), 15}},
        {QStringLiteral("discover"), {QStringLiteral("6011|64[4-9]|65"), 16}}};
    std::map<QString, size_t> seen;
    for (const std::string &text : r.at("card")) {
        std::string digits;
        for (char c : text) {
            if (c != ' ')
                digits += c;
        }
        QVERIFY2(luhnValid(digits), text.c_str());
        QString brand;
        for (const auto &[name, shape] : kinds) {
            if (int(digits.size()) == shape.second &&
                fullMatch(QStringLiteral("(%1)\\d+").arg(shape.first), digits))
                brand = name;
        }
        QVERIFY2(!brand.isEmpty() && (brands.isEmpty() || brands.contains(brand)), text.c_str());
        ++seen[brand];
        const QString groups = digits.size() == 15 ? QStringLiteral("\\d{4} \\d{6} \\d{5}")
                                                   : QStringLiteral("\\d{4} \\d{4} \\d{4} \\d{4}");
        QVERIFY2(fullMatch(spaced ? groups : QStringLiteral("\\d+"), text), text.c_str());
    }
    QCOMPARE(seen.size(), size_t(brands.isEmpty() ? 4 : 1));
    if (brands.isEmpty()) // by market share: visa most, discover least
        QVERIFY(seen[QStringLiteral("visa")] > seen[QStringLiteral("mastercard")] &&
                seen[QStringLiteral("amex")] > seen[QStringLiteral("discover")]);
}

void TestCatalogue::ibans()
{
    const Rows r = generateRows({col("alpha2", "text", "{'kind': 'country', 'form': 'alpha2'}"),
                                 col("iban", "text", "{'kind': 'iban'}")},
                                20000);
    QVERIFY(!r.empty());
    std::set<std::string> countries;
    for (size_t i = 0; i < r.at("iban").size(); ++i) {
        const std::string &iban = r.at("iban")[i];
        QVERIFY2(fullMatch(QStringLiteral("[A-Z]{2}\\d{2}[A-Z0-9]+"), iban), iban.c_str());
        QVERIFY2(ibanMod97(iban) == 1, iban.c_str());
        const QStringList country = countryRow(u(iban.substr(0, 2)));
        QVERIFY2(country.size() == 8 && country[7] != QLatin1String("-"), iban.c_str());
        QVERIFY2(fullMatch(country[7], iban.substr(4)), iban.c_str()); // the country's BBAN
        // The place's own country when it has IBANs.
        if (countryRow(u(r.at("alpha2")[i]))[7] != QLatin1String("-"))
            QCOMPARE(iban.substr(0, 2), r.at("alpha2")[i]);
        countries.insert(iban.substr(0, 2));
    }
    QVERIFY(countries.size() >= 15);
}

void TestCatalogue::geoBoundingBox()
{
    const char *box = "'bbox': [-74.3, 40.5, -73.7, 40.9]";
    auto gen = [box](const char *kind, const char *format) {
        return QByteArray("{'kind': '") + kind + "', " +
               (format ? QByteArray("'format': '") + format + "', " : QByteArray()) + box +
               ", 'group': 'nyc'}";
    };
    const Rows r =
        generateRows({col("lat", "double precision", gen("latitude", nullptr).constData()),
                      col("lon", "double precision", gen("longitude", nullptr).constData()),
                      col("wkt", "text", gen("geo_point", "wkt").constData()),
                      col("geojson", "jsonb", gen("geo_point", "geojson").constData()),
                      col("point", "point", gen("geo_point", "point").constData()),
                      col("latlon", "text", gen("geo_point", "latlon").constData())},
                     20000);
    QVERIFY(!r.empty());
    double minLat = 90, maxLat = -90;
    for (size_t i = 0; i < r.at("lat").size(); ++i) {
        const std::string &lat = r.at("lat")[i], &lon = r.at("lon")[i];
        const double y = std::stod(lat), x = std::stod(lon);
        QVERIFY2(y >= 40.5 && y <= 40.9 && x >= -74.3 && x <= -73.7, (lat + " " + lon).c_str());
        minLat = std::min(minLat, y);
        maxLat = std::max(maxLat, y);
        // The group's one point, in every format (six decimals).
        QCOMPARE(r.at("wkt")[i], "POINT(" + lon + " " + lat + ")");
        QCOMPARE(r.at("point")[i], "(" + lon + "," + lat + ")");
        QCOMPARE(r.at("latlon")[i], lat + "," + lon);
        const QJsonObject geo =
            QJsonDocument::fromJson(QByteArray::fromStdString(r.at("geojson")[i])).object();
        QCOMPARE(geo[QStringLiteral("type")].toString(), QStringLiteral("Point"));
        const QJsonArray xy = geo[QStringLiteral("coordinates")].toArray();
        QVERIFY(xy.size() == 2 && xy[0].toDouble() == x && xy[1].toDouble() == y);
    }
    QVERIFY(minLat < 40.51 && maxLat > 40.89); // the whole box is used
}

void TestCatalogue::firstNameFrequencies()
{
    const Rows r = generateRows({col("first", "text", "{'kind': 'first_name'}")}, 100000);
    QVERIFY(!r.empty());
    std::map<QString, double> weight;
    double total = 0;
    for (const QStringList &row : dictionary("first_names.tsv")) {
        weight[row[0]] = row[2].toDouble();
        total += row[2].toDouble();
    }
    const auto heaviest =
        std::max_element(weight.begin(), weight.end(),
                         [](const auto &a, const auto &b) { return a.second < b.second; });
    const auto lightest =
        std::min_element(weight.begin(), weight.end(),
                         [](const auto &a, const auto &b) { return a.second < b.second; });
    std::map<QString, double> counts;
    for (const std::string &name : r.at("first")) {
        QVERIFY2(weight.count(u(name)), name.c_str());
        ++counts[u(name)];
    }
    QVERIFY2(counts[heaviest->first] > 5 * counts[lightest->first],
             qPrintable(QStringLiteral("%1 %2, %3 %4")
                            .arg(heaviest->first)
                            .arg(counts[heaviest->first])
                            .arg(lightest->first)
                            .arg(counts[lightest->first])));
    // Each name about as often as its weight says (six standard deviations).
    for (const auto &[name, w] : weight) {
        const double p = w / total, expected = 100000 * p, sigma = std::sqrt(expected * (1 - p));
        QVERIFY2(
            std::abs(counts[name] - expected) <= 6 * sigma + 1,
            qPrintable(QStringLiteral("%1: %2 vs %3").arg(name).arg(counts[name]).arg(expected)));
    }
}

void TestCatalogue::cityFrequencies()
{
    const Rows r = generateRows(
        {col("city", "text", "{'kind': 'city'}"), col("region", "text", "{'kind': 'region'}")},
        100000);
    QVERIFY(!r.empty());
    std::map<QString, double> population, counts;
    double total = 0;
    for (const QStringList &row : dictionary("cities.tsv")) {
        population[row[0] + u'/' + row[1]] = row[4].toDouble();
        total += row[4].toDouble();
    }
    for (size_t i = 0; i < r.at("city").size(); ++i)
        ++counts[u(r.at("city")[i] + "/" + r.at("region")[i])];
    // Loose: within a quarter of the expected count or six standard deviations.
    for (const auto &[city, people] : population) {
        const double p = people / total, expected = 100000 * p,
                     sigma = std::sqrt(expected * (1 - p));
        QVERIFY2(
            std::abs(counts[city] - expected) <= std::max(0.25 * expected, 6 * sigma + 1),
            qPrintable(QStringLiteral("%1: %2 vs %3").arg(city).arg(counts[city]).arg(expected)));
    }
    QCOMPARE(counts.size() <= population.size(), true);
}

void TestCatalogue::invalidParameters_data()
{
    QTest::addColumn<QByteArray>("columns");
    QTest::addColumn<QString>("path"); // under tables[0].columns[0].generator
    QTest::addColumn<QString>("what");
    auto row = [](const char *name, const char *type, const char *generator, const char *path,
                  const char *what) {
        QTest::newRow(name) << (col("c", type, generator) + ", " +
                                col("name", "text", "{'kind': 'first_name'}"))
                            << QString::fromUtf8(path) << QString::fromUtf8(what);
    };
    row("unknown zone", "timestamptz", "{'kind': 'timestamptz', 'zones': ['UTC', 'Mars/Olympus']}",
        "zones", "unknown time zone 'Mars/Olympus'");
    row("zone offset", "timestamptz", "{'kind': 'timestamptz', 'zones': ['+25:00']}", "zones",
        "unknown time zone");
    row("zone weights", "timestamptz",
        "{'kind': 'timestamptz', 'zones': ['UTC', '+01'], 'zoneWeights': [1]}", "zoneWeights",
        "one number per zone");
    row("cidr prefix", "inet", "{'kind': 'ipv4', 'cidr': '10.0.0.0/33'}", "cidr",
        "not an IPv4 CIDR block");
    row("cidr address", "inet", "{'kind': 'ipv4', 'cidr': '300.1.1.1/8'}", "cidr",
        "not an IPv4 CIDR block");
    row("cidr no prefix", "inet", "{'kind': 'ipv4', 'cidr': '10.0.0.0'}", "cidr", "10.20.0.0/16");
    row("cidr v6", "inet", "{'kind': 'ipv6', 'cidr': '2001:db8::/129'}", "cidr",
        "not an IPv6 CIDR block");
    row("cidr v6 address", "inet", "{'kind': 'ipv6', 'cidr': '2001:db8:::1/64'}", "cidr",
        "2001:db8::/32");
    row("cidr v4 for v6", "inet", "{'kind': 'ipv6', 'cidr': '10.0.0.0/8'}", "cidr",
        "not an IPv6 CIDR block");
    row("country code", "text", "{'kind': 'city', 'countries': ['DE', 'XX']}", "countries",
        "unknown country code 'XX'");
    row("no countries", "text", "{'kind': 'postal_code', 'countries': []}", "countries",
        "non-empty array");
    row("bbox order", "point", "{'kind': 'geo_point', 'format': 'point', 'bbox': [10, 45, 5, 47]}",
        "bbox", "west < east");
    row("bbox size", "double precision", "{'kind': 'latitude', 'bbox': [10, 45, 12]}", "bbox",
        "[west, south, east, north]");
    row("bbox range", "double precision", "{'kind': 'longitude', 'bbox': [-10, -95, 10, 5]}",
        "bbox", "in degrees");
    row("card brand", "text", "{'kind': 'card_number', 'brands': ['visa', 'diners']}", "brands",
        "unknown card brand 'diners'");
    row("element reads column", "text[]",
        "{'kind': 'array', 'element': {'kind': 'email', 'from': ['name']}}", "element",
        "cannot read other columns");
    row("element template", "text[]",
        "{'kind': 'array', 'element': {'kind': 'template', 'template': '{name}'}}", "element",
        "cannot read other columns");
    row("empty element", "text[]", "{'kind': 'array', 'element': {}}", "element",
        "must be a generator object");
    row("json field kind", "jsonb",
        "{'kind': 'json', 'fields': {'ok': {'kind': 'boolean'}, 'x': {'kind': 'nosuch'}}}",
        "fields.x.kind", "unknown generator 'nosuch'");
    row("json field type", "jsonb", "{'kind': 'json', 'fields': {'x': 5}}", "fields.x",
        "generator object");
    row("json nested", "jsonb",
        "{'kind': 'json', 'fields': {'o': {'kind': 'json', 'fields': {'y': {'kind': 'uuid', "
        "'version': 3}}}}}",
        "fields.o.fields.y.version", "must be 4 (random) or 7");
    row("uuid version 5", "uuid", "{'kind': 'uuid', 'version': 5}", "version",
        "must be 4 (random) or 7");
    row("every zero", "timestamptz", "{'kind': 'timestamptz', 'every': 0}", "every",
        "at least one step");
    row("every below precision", "timestamp", "{'kind': 'timestamp', 'every': '500ms'}", "every",
        "at least one step");
    row("every zero days", "date", "{'kind': 'date', 'every': '0 days'}", "every",
        "at least one step");
    row("email from three", "text", "{'kind': 'email', 'from': ['a', 'b', 'c']}", "from",
        "one or two column names");
    row("sex labels", "text", "{'kind': 'sex', 'labels': ['x']}", "labels", "two strings");
    row("interval style", "interval", "{'kind': 'interval', 'style': 'sql'}", "style", "postgres");
    row("bytes order", "bytea", "{'kind': 'bytes', 'minLength': 9, 'maxLength': 2}", "maxLength",
        "below");
}

void TestCatalogue::invalidParameters()
{
    QFETCH(QByteArray, columns);
    QFETCH(QString, path);
    QFETCH(QString, what);
    const Diagnostics d =
        problems("{\"seed\": 1, \"tables\": [{\"name\": \"t\", \"rows\": 10, \"columns\": [" +
                 columns + "]}]}");
    const QString full = QStringLiteral("tables[0].columns[0].generator.") + path;
    bool found = false;
    for (const Diagnostic &item : d.items())
        found = found || (item.path == full && item.message.contains(what));
    QVERIFY2(found,
             qPrintable(QStringLiteral("want %1: %2\ngot:\n%3").arg(full, what, d.toString())));
}

QTEST_GUILESS_MAIN(TestCatalogue)
#include "test_catalogue.moc"
