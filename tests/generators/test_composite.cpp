// The generator catalogue's time and composite values: uuid v7, timestamptz with zones,
// intervals, json objects, PostgreSQL and JSON arrays, bytea. Checked with independent parsers
// (QJsonDocument, a PostgreSQL array parser, Qt's time zones).

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
class TestCompositeValues : public QObject
{
    Q_OBJECT

private slots:
    void uuidV7BitsAndOrder();
    void timestamptzOffsets_data();
    void timestamptzOffsets();
    void intervalText_data();
    void intervalText();
    void intervalRange();
    void jsonObjects();
    void jsonOmitNullsAndArrays();
    void arrayLiterals();
    void bytesHexLength_data();
    void bytesHexLength();
};

void TestCompositeValues::uuidV7BitsAndOrder()
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

void TestCompositeValues::timestamptzOffsets_data()
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

void TestCompositeValues::timestamptzOffsets()
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

void TestCompositeValues::intervalText_data()
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

void TestCompositeValues::intervalText()
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

void TestCompositeValues::intervalRange()
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

void TestCompositeValues::jsonObjects()
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

void TestCompositeValues::jsonOmitNullsAndArrays()
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

void TestCompositeValues::arrayLiterals()
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

void TestCompositeValues::bytesHexLength_data()
{
    QTest::addColumn<int>("minLength");
    QTest::addColumn<int>("maxLength");
    QTest::newRow("0..0") << 0 << 0;
    QTest::newRow("1..1") << 1 << 1;
    QTest::newRow("16") << 16 << 16;
    QTest::newRow("5..20") << 5 << 20;
    QTest::newRow("0..100") << 0 << 100;
}

void TestCompositeValues::bytesHexLength()
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

QTEST_GUILESS_MAIN(TestCompositeValues)
#include "test_composite.moc"
