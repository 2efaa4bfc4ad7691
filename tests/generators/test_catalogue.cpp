// The generator catalogue: people, places, internet, geo, json, arrays, bytea, uuid v7,
// timestamptz with zones and intervals. Values are checked against the bundled dictionaries read
// from the source tree and against independent parsers (inet_pton, Luhn, ISO 7064, QJsonDocument,
// a PostgreSQL array parser); bad parameters must be reported at their JSON path.

#include "cataloguesupport.h"
#include "params.h"

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
    void uuidV7BitsAndOrder();
    void timestamptzOffsets_data();
    void timestamptzOffsets();
    void intervalText_data();
    void intervalText();
    void intervalRange();
    void addressesInCidr_data();
    void addressesInCidr();
    void macAddresses();
    void cardNumbers_data();
    void cardNumbers();
    void ibans();
    void jsonObjects();
    void jsonOmitNullsAndArrays();
    void arrayLiterals();
    void bytesHexLength_data();
    void bytesHexLength();
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

void TestCatalogue::uuidV7BitsAndOrder()
{
    const auto schema = compile(schemaOf(
        {col("stepped", "uuid",
             "{'kind': 'uuid', 'version': 7, 'start': '2025-01-01 00:00:00', 'step': '250us'}"),
         col("at", "timestamptz",
             "{'kind': 'timestamptz', 'min': '2024-01-01 00:00:00', "
             "'max': '2024-01-02 00:00:00', 'precision': 6, 'zones': ['Asia/Tokyo']}"),
         col("follows", "uuid", "{'kind': 'uuid', 'version': 7, 'column': 'at'}"),
         col("random", "uuid", "{'kind': 'uuid'}")},
        20000));
    QVERIFY(schema);
    const TableRuntime &t = *schema->tables().front();
    const auto stepped = values(*schema, 0, t.columnIndex(QStringLiteral("stepped")), 0, 20000);
    const auto at = values(*schema, 0, t.columnIndex(QStringLiteral("at")), 0, 20000);
    const auto follows = values(*schema, 0, t.columnIndex(QStringLiteral("follows")), 0, 20000);
    const auto random = values(*schema, 0, t.columnIndex(QStringLiteral("random")), 0, 20000);
    const int64_t startMs = daysFromCivil(2025, 1, 1) * 86400000LL;
    std::set<std::pair<uint64_t, uint64_t>> distinct;
    std::vector<std::pair<int64_t, uint64_t>> byTime; // (instant, uuid's 48-bit time)
    for (size_t i = 0; i < stepped.size(); ++i) {
        for (const Value &v : {stepped[i], follows[i], random[i]}) {
            QCOMPARE(int(v.kind), int(ValueKind::Uuid));
            QCOMPARE((v.u >> 62), uint64_t(2)); // RFC 9562 variant 10
            distinct.insert({uint64_t(v.i), v.u});
        }
        QCOMPARE((uint64_t(stepped[i].i) >> 12) & 0xF, uint64_t(7));
        QCOMPARE((uint64_t(follows[i].i) >> 12) & 0xF, uint64_t(7));
        QCOMPARE((uint64_t(random[i].i) >> 12) & 0xF, uint64_t(4));
        QCOMPARE(int64_t(uint64_t(stepped[i].i) >> 16), startMs + int64_t(i) / 4); // 250 us a row
        QCOMPARE(int64_t(uint64_t(follows[i].i) >> 16), at[i].i / 1000);
        byTime.emplace_back(at[i].i, uint64_t(follows[i].i) >> 16);
    }
    QCOMPARE(distinct.size(), 3 * stepped.size());
    // Sorted by the column's instant, the uuids' times never go back.
    std::sort(byTime.begin(), byTime.end());
    for (size_t i = 1; i < byTime.size(); ++i)
        QVERIFY(byTime[i].second >= byTime[i - 1].second);
}

void TestCatalogue::timestamptzOffsets_data()
{
    QTest::addColumn<QString>("zone");
    QTest::addColumn<QString>("utc");
    QTest::addColumn<QString>("expected");
    auto row = [](const char *name, const char *zone, const char *utc, const char *expected) {
        QTest::newRow(name) << QString::fromUtf8(zone) << QString::fromUtf8(utc)
                            << QString::fromUtf8(expected);
    };
    row("Berlin summer", "Europe/Berlin", "2024-07-01 12:00:00", "2024-07-01 14:00:00+02");
    row("Berlin winter", "Europe/Berlin", "2024-01-15 12:00:00", "2024-01-15 13:00:00+01");
    row("Berlin before change", "Europe/Berlin", "2024-03-31 00:59:59", "2024-03-31 01:59:59+01");
    row("Berlin after change", "Europe/Berlin", "2024-03-31 01:00:00", "2024-03-31 03:00:00+02");
    row("Berlin back to winter", "Europe/Berlin", "2024-10-27 01:00:00", "2024-10-27 02:00:00+01");
    row("New York summer", "America/New_York", "2024-07-01 12:00:00", "2024-07-01 08:00:00-04");
    row("New York winter", "America/New_York", "2024-01-15 03:00:00", "2024-01-14 22:00:00-05");
    row("Kolkata", "Asia/Kolkata", "2024-07-01 12:00:00", "2024-07-01 17:30:00+05:30");
    row("+05:30", "+05:30", "2024-01-15 12:00:00", "2024-01-15 17:30:00+05:30");
    row("+05:45", "+05:45", "2024-12-31 20:00:00", "2025-01-01 01:45:00+05:45");
    row("-03", "-03", "2024-01-15 02:00:00", "2024-01-14 23:00:00-03");
    row("UTC", "UTC", "2024-02-29 23:59:59", "2024-02-29 23:59:59+00");
}

void TestCatalogue::timestamptzOffsets()
{
    QFETCH(QString, zone);
    QFETCH(QString, utc);
    QFETCH(QString, expected);
    const QByteArray gen = "{\"kind\": \"timestamptz\", \"min\": \"" + utc.toUtf8() +
                           "\", \"max\": \"" + utc.toUtf8() + "\", \"zones\": [\"" + zone.toUtf8() +
                           "\"]}";
    const auto schema = compile(oneColumn(gen, "timestamptz", "", 10));
    QVERIFY(schema);
    const std::vector<Value> v = values(*schema, 0, 0, 0, 10);
    for (const Value &x : v) {
        std::string text;
        renderText(x, text);
        QCOMPARE(u(text), expected);
    }
}

void TestCatalogue::intervalText_data()
{
    QTest::addColumn<qlonglong>("seconds");
    QTest::addColumn<QString>("postgres");
    QTest::addColumn<QString>("iso");
    auto row = [](qlonglong s, const char *pg, const char *iso) {
        QTest::newRow(pg) << s << QString::fromUtf8(pg) << QString::fromUtf8(iso);
    };
    row(0, "00:00:00", "PT0S");
    row(1, "00:00:01", "PT1S");
    row(3600, "01:00:00", "PT1H");
    row(86400, "1 day", "P1D");
    row(172800, "2 days", "P2D");
    row(90061, "1 day 01:01:01", "P1DT1H1M1S");
    row(273906, "3 days 04:05:06", "P3DT4H5M6S");
    row(86400 + 60, "1 day 00:01:00", "P1DT1M");
    row(400 * 86400 + 59, "400 days 00:00:59", "P400DT59S");
}

void TestCatalogue::intervalText()
{
    QFETCH(qlonglong, seconds);
    QFETCH(QString, postgres);
    QFETCH(QString, iso);
    const QByteArray n = QByteArray::number(seconds);
    for (const char *style : {"postgres", "iso"}) {
        const QByteArray gen = "{\"kind\": \"interval\", \"min\": " + n + ", \"max\": " + n +
                               ", \"style\": \"" + style + "\"}";
        const auto schema = compile(oneColumn(gen, "interval", "", 3));
        QVERIFY(schema);
        Arena keep; // the text outlives the batch
        std::string text;
        renderText(values(*schema, 0, 0, 0, 1, &keep).front(), text);
        QCOMPARE(u(text), QByteArray(style) == "iso" ? iso : postgres);
    }
}

void TestCatalogue::intervalRange()
{
    const Rows r = generateRows({col("d", "interval",
                                     "{'kind': 'interval', 'min': '1s', 'max': '3 days', "
                                     "'distribution': 'exponential', 'mean': '20 min'}")},
                                20000);
    QVERIFY(!r.empty());
    const QRegularExpression re(
        QStringLiteral("^(?:(\\d+) days? ?)?(?:(\\d{2}):(\\d{2}):(\\d{2}))?$"));
    double sum = 0;
    for (const std::string &s : r.at("d")) {
        const auto m = re.match(u(s));
        QVERIFY2(m.hasMatch() && !s.empty() && s.back() != ' ', s.c_str());
        const qlonglong seconds = m.captured(1).toLongLong() * 86400 +
                                  m.captured(2).toLongLong() * 3600 +
                                  m.captured(3).toLongLong() * 60 + m.captured(4).toLongLong();
        QVERIFY2(seconds >= 1 && seconds <= 3 * 86400, s.c_str());
        QVERIFY2(m.captured(1) != QLatin1String("1") || s.rfind("1 day", 0) == 0, s.c_str());
        sum += double(seconds);
    }
    const double mean = sum / double(r.at("d").size());
    QVERIFY2(mean > 18 * 60 && mean < 22 * 60, qPrintable(QString::number(mean)));
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

void TestCatalogue::jsonObjects()
{
    const auto schema = compile(schemaOf(
        {col("name", "text", "{'kind': 'full_name'}"),
         col("doc", "jsonb",
             "{'kind': 'json', 'fields': {'n': {'kind': 'uniform', 'min': -5, 'max': 5}, "
             "'who': {'kind': 'template', 'template': 'Dr. {name} \\u0022\\\\x\\u0022'}, "
             "'at': {'kind': 'timestamptz', 'zones': ['Europe/Berlin']}, "
             "'id': {'kind': 'uuid', 'version': 7}, 'price': {'kind': 'decimal', 'min': "
             "0, 'max': 9, 'scale': 2}, "
             "'maybe': {'kind': 'boolean', 'nullFraction': 0.5}, "
             "'inner': {'kind': 'json', 'fields': {'ip': {'kind': 'ipv4'}, "
             "'list': {'kind': 'array', 'minLength': 0, 'maxLength': 3, 'element': "
             "{'kind': 'uniform', 'min': 1, 'max': 3}}}}, "
             "'words': {'kind': 'array', 'minLength': 1, 'maxLength': 4, 'element': "
             "{'kind': 'choice', "
             "'values': ['a b', 'c,d', 'q\\u0022t', 'NULL']}}, "
             "'key \\u0022quoted\\u0022 \\\\ too': {'kind': 'uniform', 'min': 1, 'max': 1}}}")},
        3000));
    QVERIFY(schema);
    const TableRuntime &t = *schema->tables().front();
    Arena keep;
    const auto docs = values(*schema, 0, t.columnIndex(QStringLiteral("doc")), 0, 3000, &keep);
    const auto names = values(*schema, 0, t.columnIndex(QStringLiteral("name")), 0, 3000, &keep);
    QVERIFY(allJson(*schema, t.columnIndex(QStringLiteral("doc")))); // JSON Lines embeds it
    const QStringList words{QStringLiteral("a b"), QStringLiteral("c,d"), QStringLiteral("q\"t"),
                            QStringLiteral("NULL")};
    for (size_t i = 0; i < docs.size(); ++i) {
        const QByteArray text(docs[i].text, docs[i].len);
        QJsonParseError error;
        const QJsonDocument doc = QJsonDocument::fromJson(text, &error);
        QVERIFY2(error.error == QJsonParseError::NoError && doc.isObject(), text.constData());
        const QJsonObject o = doc.object();
        QCOMPARE(o.size(), 9);
        QCOMPARE(o[QStringLiteral("key \"quoted\" \\ too")].toInt(), 1); // names are escaped
        QVERIFY(o[QStringLiteral("n")].isDouble() &&
                std::abs(o[QStringLiteral("n")].toDouble()) <= 5);
        QCOMPARE(o[QStringLiteral("who")].toString(), QStringLiteral("Dr. ") +
                                                          u(std::string(names[i].view())) +
                                                          QStringLiteral(" \"\\x\""));
        QVERIFY(o[QStringLiteral("at")].toString().endsWith(QLatin1String("+01")) ||
                o[QStringLiteral("at")].toString().endsWith(QLatin1String("+02")));
        QVERIFY(fullMatch(
            QStringLiteral("[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}"),
            o[QStringLiteral("id")].toString().toStdString()));
        QVERIFY(o[QStringLiteral("price")].isDouble());
        QVERIFY(o[QStringLiteral("maybe")].isBool() || o[QStringLiteral("maybe")].isNull());
        const QJsonObject inner = o[QStringLiteral("inner")].toObject();
        QVERIFY(!inetBytes(inner[QStringLiteral("ip")].toString().toStdString(), 4).isEmpty());
        QVERIFY(inner[QStringLiteral("list")].isArray() &&
                inner[QStringLiteral("list")].toArray().size() <= 3);
        const QJsonArray w = o[QStringLiteral("words")].toArray();
        QVERIFY(w.size() >= 1 && w.size() <= 4);
        for (const QJsonValue &x : w)
            QVERIFY2(words.contains(x.toString()), text.constData());
    }
}

void TestCatalogue::jsonOmitNullsAndArrays()
{
    const auto schema = compile(
        schemaOf({col("sparse", "json",
                      "{'kind': 'json', 'omitNulls': true, 'fields': {'x': {'kind': 'uniform', "
                      "'min': 1, 'max': 2, 'nullFraction': 0.5}}}"),
                  col("list", "jsonb", "{'kind': 'array', 'element': {'kind': 'city'}}")},
                 3000));
    QVERIFY(schema);
    QVERIFY(allJson(*schema, 0) && allJson(*schema, 1));
    const Rows r = rows(*schema, 0, 3000);
    size_t empty = 0;
    for (size_t i = 0; i < r.at("sparse").size(); ++i) {
        const QJsonObject s =
            QJsonDocument::fromJson(QByteArray::fromStdString(r.at("sparse")[i])).object();
        QVERIFY2(s.isEmpty() || (s.size() == 1 && s[QStringLiteral("x")].isDouble()),
                 r.at("sparse")[i].c_str());
        empty += s.isEmpty();
        QJsonParseError error;
        const QJsonDocument list =
            QJsonDocument::fromJson(QByteArray::fromStdString(r.at("list")[i]), &error);
        QVERIFY2(error.error == QJsonParseError::NoError && list.isArray() &&
                     list.array().size() <= 5,
                 r.at("list")[i].c_str());
        for (const QJsonValue &city : list.array())
            QVERIFY2(city.isString() && !citiesNamed(city.toString().toStdString()).empty(),
                     r.at("list")[i].c_str());
    }
    QVERIFY(empty > 1200 && empty < 1800); // half the x are null, and left out
}

void TestCatalogue::arrayLiterals()
{
    // Element texts that need quoting in a PostgreSQL array (\u0022 is ", \\\\ one backslash).
    const QStringList texts{QStringLiteral("plain"),       QStringLiteral("two words"),
                            QStringLiteral("a,b"),         QStringLiteral("say \"hi\""),
                            QStringLiteral("back\\slash"), QStringLiteral("{brace}"),
                            QStringLiteral("NULL"),        QStringLiteral("null"),
                            QStringLiteral("Null"),        QString(),
                            QStringLiteral(" lead")};
    QJsonObject element{{QStringLiteral("kind"), QStringLiteral("choice")},
                        {QStringLiteral("values"), QJsonArray::fromStringList(texts)},
                        {QStringLiteral("nullFraction"), 0.2}};
    const QJsonObject gen{{QStringLiteral("kind"), QStringLiteral("array")},
                          {QStringLiteral("minLength"), 1},
                          {QStringLiteral("maxLength"), 6},
                          {QStringLiteral("element"), element}};
    const Rows r =
        generateRows({"{\"name\": \"a\", \"type\": \"text[]\", \"generator\": " +
                          QJsonDocument(gen).toJson(QJsonDocument::Compact) + "}",
                      col("n", "integer[]",
                          "{'kind': 'array', 'minLength': 0, 'maxLength': 3, 'element': "
                          "{'kind': 'uniform', 'min': -9, 'max': 9, 'nullFraction': 0.3}}")},
                     5000);
    QVERIFY(!r.empty());
    std::map<QString, size_t> seen;
    size_t nulls = 0;
    for (const std::string &s : r.at("a")) {
        std::vector<std::optional<std::string>> items;
        QVERIFY2(parsePgArray(s, items), s.c_str());
        QVERIFY2(items.size() >= 1 && items.size() <= 6, s.c_str());
        for (const auto &item : items) {
            nulls += !item;
            if (item) {
                QVERIFY2(texts.contains(u(*item)),
                         qPrintable(u(s) + QStringLiteral(" has ") + u(*item)));
                ++seen[u(*item)];
            }
        }
    }
    for (const QString &text : texts) // every text comes back as itself, "Null" too
        QVERIFY2(seen.count(text), qPrintable(QStringLiteral("'%1' never came back").arg(text)));
    QVERIFY(nulls > 1000);
    for (const std::string &s : r.at("n")) {
        std::vector<std::optional<std::string>> items;
        QVERIFY2(parsePgArray(s, items) && items.size() <= 3, s.c_str());
        for (const auto &item : items)
            QVERIFY2(!item || fullMatch(QStringLiteral("-?\\d"), *item), s.c_str());
    }
}

void TestCatalogue::bytesHexLength_data()
{
    QTest::addColumn<int>("minLength");
    QTest::addColumn<int>("maxLength");
    QTest::newRow("0..0") << 0 << 0;
    QTest::newRow("1..1") << 1 << 1;
    QTest::newRow("16") << 16 << 16;
    QTest::newRow("5..20") << 5 << 20;
    QTest::newRow("0..100") << 0 << 100;
}

void TestCatalogue::bytesHexLength()
{
    QFETCH(int, minLength);
    QFETCH(int, maxLength);
    const QByteArray gen = "{\"kind\": \"bytes\", \"minLength\": " + QByteArray::number(minLength) +
                           ", \"maxLength\": " + QByteArray::number(maxLength) + "}";
    const Rows r =
        generateRows({"{\"name\": \"b\", \"type\": \"bytea\", \"generator\": " + gen + "}"}, 5000);
    QVERIFY(!r.empty());
    std::set<size_t> lengths;
    std::set<std::string> distinct;
    for (const std::string &s : r.at("b")) {
        QVERIFY2(fullMatch(QStringLiteral("\\\\x([0-9a-f]{2})*"), s), s.c_str());
        const size_t n = (s.size() - 2) / 2;
        QVERIFY2(int(n) >= minLength && int(n) <= maxLength, s.c_str());
        lengths.insert(n);
        distinct.insert(s);
    }
    if (maxLength - minLength < 30)
        QCOMPARE(lengths.size(), size_t(maxLength - minLength + 1)); // every length occurs
    if (minLength >= 2)
        QVERIFY(distinct.size() > 4900);
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
