// Text generators (pattern, words, sentence, paragraph, template, choice, constant), rendering.

#include "generators/pattern.h"
#include "generators/textrender.h"
#include "generators/wordlist.h"
#include "schema/compiledschema.h"
#include "schema/generatorregistry.h"

#include <QJsonDocument>
#include <QRegularExpression>
#include <QTest>

#include <cmath>
#include <map>
#include <set>

using namespace spillway;
Q_DECLARE_METATYPE(spillway::Value)

namespace {

struct NoTables final : CompileContext
{
    const TableRuntime *table(const QString &) const override { return nullptr; }
    const TableRuntime *parentTable() const override { return nullptr; }
};

QJsonObject object(const QByteArray &json)
{
    QJsonParseError error;
    const QJsonObject o = QJsonDocument::fromJson(json, &error).object();
    if (error.error != QJsonParseError::NoError)
        qFatal("bad test JSON %s: %s", json.constData(), qPrintable(error.errorString()));
    return o;
}

// A generator made the way the schema compiler makes it, parameters at path "gen".
struct Made
{
    std::unique_ptr<Generator> generator;
    Diagnostics diagnostics;
};

Made make(const QByteArray &json, const QString &sqlType = QStringLiteral("text"),
          uint64_t key = 42)
{
    static const NoTables context;
    Made made;
    const QJsonObject params = object(json);
    ParamReader reader(params, QStringLiteral("gen"), &made.diagnostics);
    GeneratorArgs args{reader, RandomStream(key), sqlType, QStringLiteral("t"), QStringLiteral("c"),
                       context};
    const GeneratorInfo *info =
        GeneratorRegistry::instance().find(params.value(QStringLiteral("kind")).toString());
    if (!info)
        qFatal("unknown kind in %s", json.constData());
    made.generator = info->create(args);
    reader.rejectUnknown({QStringLiteral("kind")});
    return made;
}

std::unique_ptr<Generator> makeValid(const QByteArray &json,
                                     const QString &sqlType = QStringLiteral("text"),
                                     uint64_t key = 42)
{
    Made made = make(json, sqlType, key);
    if (!made.diagnostics.isEmpty() || !made.generator)
        qFatal("%s: %s", json.constData(), qPrintable(made.diagnostics.toString()));
    return std::move(made.generator);
}

QByteArray patternJson(const QString &pattern, int maxRepeat = Pattern::kDefaultMaxRepeat)
{
    return QJsonDocument(QJsonObject{{QStringLiteral("kind"), QStringLiteral("pattern")},
                                     {QStringLiteral("pattern"), pattern},
                                     {QStringLiteral("maxRepeat"), maxRepeat}})
        .toJson();
}

std::string text(const Value &v)
{
    std::string s;
    renderText(v, s);
    return s;
}

// Rows [first, first + n) as text, generated `batch` rows at a time.
std::vector<std::string> strings(const Generator &g, uint64_t first, uint64_t n,
                                 uint32_t batch = RowBatch::kCapacity)
{
    std::vector<std::string> out;
    std::vector<Value> values(batch);
    Arena arena;
    for (uint64_t done = 0; done < n;) {
        arena.reset();
        BatchContext ctx;
        ctx.firstRow = first + done;
        ctx.count = uint32_t(std::min<uint64_t>(batch, n - done));
        ctx.arena = &arena;
        g.generate(ctx, values.data());
        for (uint32_t i = 0; i < ctx.count; ++i)
            out.push_back(text(values[i]));
        done += ctx.count;
    }
    return out;
}

std::vector<std::string> split(const std::string &s, const std::string &by)
{
    std::vector<std::string> parts;
    size_t start = 0;
    for (size_t end; (end = s.find(by, start)) != std::string::npos; start = end + by.size())
        parts.push_back(s.substr(start, end - start));
    parts.push_back(s.substr(start));
    return parts;
}

const auto q = [](const std::string &s) { return QString::fromStdString(s); };

ColumnSpec column(const char *name, const char *type, const QByteArray &generator)
{
    ColumnSpec c;
    c.name = QString::fromUtf8(name);
    c.sqlType = QString::fromUtf8(type);
    c.generator = object(generator);
    return c;
}

Schema oneTable(int64_t rows, const QList<ColumnSpec> &columns)
{
    Schema schema;
    schema.seed = 7;
    TableSpec t;
    t.name = QStringLiteral("t");
    t.rows = rows;
    t.columns = columns;
    schema.tables = {t};
    return schema;
}

// Every column's values as text, rows [0, rows).
std::vector<std::vector<std::string>> generateTable(const CompiledSchema &compiled, uint32_t rows)
{
    const TableRuntime &table = *compiled.tables().front();
    RowBatch batch(int(table.columns.size()));
    batch.firstRow = 0;
    batch.count = rows;
    table.generate(batch);
    std::vector<std::vector<std::string>> out(table.columns.size());
    for (size_t c = 0; c < table.columns.size(); ++c) {
        for (uint32_t i = 0; i < rows; ++i)
            out[c].push_back(text(batch.column(int(c))[i]));
    }
    return out;
}

} // namespace

// Slots are defined in the class. moc reads this body, and its lexer takes an apostrophe inside
// a raw string literal for a character literal: write such JSON as an ordinary string.
class TestText : public QObject
{
    Q_OBJECT

private slots:
    void patternMatchesRegex_data()
    {
        QTest::addColumn<QString>("pattern");
        // Separated by runs of blanks; each must also match QRegularExpression, another engine.
        const QString patterns = QStringLiteral(R"(
            [A-Z]{3}-\d{4}   (Mr|Mrs|Ms)\. [A-Z][a-z]{2,9}   \w+@\w+\.(com|org|net)   [^a-z]{5}
            a?b*c+   (?:ab|cd){2,3}x   x{0}y   .{3}   [\d_-]{4}   \S\s\D\W   colou?r   [a-c-]{3}
            \x41\x{42}   é[a-z]ü   ^\d{2}$   a{2,}b   (?<year>19|20)\d\d   x{abc}   a*?b+?
            \.\*\+\?\(\)\[\]\{\}\|\\   [\]\[]   ((a|b)(c|d)){2}|e   [a-z]{1500,2000})");
        const QRegularExpression blanks(QStringLiteral("\\s\\s+"));
        for (const QString &p : patterns.split(blanks, Qt::SkipEmptyParts))
            QTest::newRow(qPrintable(p)) << p;
    }

    void patternMatchesRegex()
    {
        QFETCH(QString, pattern);
        const QRegularExpression re(QRegularExpression::anchoredPattern(pattern));
        QVERIFY2(re.isValid(), qPrintable(re.errorString()));
        const auto g = makeValid(patternJson(pattern));
        for (const std::string &s : strings(*g, 0, 3000))
            QVERIFY2(re.match(q(s)).hasMatch(), s.c_str());
    }

    void patternQuantifierBounds_data()
    {
        QTest::addColumn<QString>("pattern");
        QTest::addColumn<int>("maxRepeat");
        QTest::addColumn<QList<int>>("lengths"); // exactly the lengths that must occur
        QTest::newRow("{3,7}") << QStringLiteral("a{3,7}") << 8 << QList<int>{3, 4, 5, 6, 7};
        QTest::newRow("* capped") << QStringLiteral("b*") << 5 << QList<int>{0, 1, 2, 3, 4, 5};
        QTest::newRow("+") << QStringLiteral("c+") << 8 << QList<int>{1, 2, 3, 4, 5, 6, 7, 8};
        QTest::newRow("{4}") << QStringLiteral("d{4}") << 8 << QList<int>{4};
        QTest::newRow("{2,}") << QStringLiteral("e{2,}") << 6 << QList<int>{2, 3, 4, 5, 6};
        QTest::newRow("{9,} over cap") << QStringLiteral("f{9,}") << 3 << QList<int>{9};
        QTest::newRow("?") << QStringLiteral("g?") << 8 << QList<int>{0, 1};
        QTest::newRow("group") << QStringLiteral("(gh){1,3}") << 8 << QList<int>{2, 4, 6};
    }

    void patternQuantifierBounds()
    {
        QFETCH(QString, pattern);
        QFETCH(int, maxRepeat);
        QFETCH(QList<int>, lengths);
        const auto g = makeValid(patternJson(pattern, maxRepeat));
        std::set<int> seen;
        for (const std::string &s : strings(*g, 0, 5000))
            seen.insert(int(s.size()));
        QCOMPARE(QList<int>(seen.begin(), seen.end()), lengths);
    }

    void patternCardinality_data()
    {
        QTest::addColumn<QString>("pattern");
        QTest::addColumn<qlonglong>("cardinality"); // -1: not enumerable
        auto row = [](const char *p, qlonglong c) {
            QTest::newRow(p) << QString::fromUtf8(p) << c;
        };
        row("[a-c]{1,3}", 39);
        row("(Mr|Mrs|Ms) [A-C]", 9);
        row("x[0-9]{2}", 100);
        row("(A\\d|B\\d)", 20);
        row("[ab]?[cd]", 6);
        row("(a|b)(c|d)e?", 8);
        row("a|b|cd", 3);
        row("x*", 9);
        row("(?:[a-c]{2}){0,2}z", 91);
        row("abc", 1);
        row("a|a", -1);
        row("a?a?", -1);
        row("(a|ab)(c|bc)", -1);
        row("(a|aa){1,2}", -1);
        row("(a|b)c|ac", -1);
        row("(a|b?)x", -1);
        row("(){1,3}", -1);
    }

    void patternCardinality()
    {
        QFETCH(QString, pattern);
        QFETCH(qlonglong, cardinality);
        const auto g = makeValid(patternJson(pattern));
        if (cardinality < 0) {
            QVERIFY(!g->canEnumerate());
            QVERIFY(!g->cardinality());
            return;
        }
        QVERIFY(g->canEnumerate());
        QCOMPARE(g->cardinality().value_or(0), uint64_t(cardinality));
        const QRegularExpression re(QRegularExpression::anchoredPattern(pattern));
        std::set<std::string> seen;
        Arena arena;
        for (qlonglong i = 0; i < cardinality; ++i) {
            const std::string s = text(g->valueAt(uint64_t(i), arena));
            QVERIFY2(re.match(q(s)).hasMatch() && seen.insert(s).second, s.c_str()); // distinct
        }
    }

    void patternSaturatedCardinality()
    {
        // 26^20 > 2^64: the count saturates, and every index below it still decodes injectively.
        const auto g = makeValid(R"({"kind": "pattern", "pattern": "[a-z]{20}"})");
        QVERIFY(g->canEnumerate() && *g->cardinality() == ~uint64_t(0));
        std::set<std::string> seen;
        Arena arena;
        const uint64_t indexes[] = {0, 1, 25, 26, 1ull << 40, ~uint64_t(0) - 1, ~uint64_t(0) - 2};
        for (uint64_t i : indexes) {
            const std::string s = text(g->valueAt(i, arena));
            QVERIFY(s.size() == 20 && seen.insert(s).second);
        }
    }

    void patternUniqueThroughSchema()
    {
        ColumnSpec code = column("code", "text", R"({"kind": "pattern", "pattern": "x[0-9]{2}"})");
        code.unique = true;
        Diagnostics d;
        const auto compiled = CompiledSchema::compile(oneTable(100, {code}), d);
        QVERIFY2(compiled, qPrintable(d.toString()));
        const auto values = generateTable(*compiled, 100).front();
        QCOMPARE(std::set<std::string>(values.begin(), values.end()).size(), size_t(100));

        Diagnostics tooMany;
        QVERIFY(!CompiledSchema::compile(oneTable(101, {code}), tooMany));
        QVERIFY2(tooMany.toString().contains(QStringLiteral("only 100")),
                 qPrintable(tooMany.toString()));

        code.generator = object(R"({"kind": "pattern", "pattern": "a?a?"})");
        Diagnostics ambiguous;
        QVERIFY(!CompiledSchema::compile(oneTable(2, {code}), ambiguous));
        QVERIFY(ambiguous.toString().contains(QStringLiteral("cannot guarantee unique")));
    }

    void wordList()
    {
        const WordList &words = WordList::instance();
        QVERIFY(words.size() >= 300 && words.size() <= 2000);
        QVERIFY(words.hasVariedLengths());
        std::set<std::string_view> unique;
        for (size_t i = 0; i < words.size(); ++i) {
            const std::string_view w = words.word(i);
            QVERIFY(!w.empty() && w.size() <= words.maxLength());
            QVERIFY2(std::all_of(w.begin(), w.end(), [](char c) { return c >= 'a' && c <= 'z'; }),
                     std::string(w).c_str());
            QVERIFY2(unique.insert(w).second, std::string(w).c_str());
        }
        const WordList custom = WordList::fromText("# comment\n  alpha \r\n\nbe\n");
        QVERIFY(custom.size() == 2 && custom.word(0) == "alpha" && WordList::fromText({}).size());
    }

    void wordsByLength_data()
    {
        QTest::addColumn<int>("minLength");
        QTest::addColumn<int>("maxLength");
        QTest::addColumn<QString>("capitalize");
        QTest::addColumn<QString>("suffix");
        QTest::newRow("lineitem comment") << 10 << 43 << QStringLiteral("none") << QString();
        QTest::newRow("one") << 1 << 1 << QStringLiteral("none") << QString();
        QTest::newRow("two") << 2 << 2 << QStringLiteral("first") << QString();
        QTest::newRow("1..9") << 1 << 9 << QStringLiteral("none") << QString();
        QTest::newRow("sentence") << 30 << 30 << QStringLiteral("words") << QStringLiteral(".");
        QTest::newRow("long") << 3000 << 3100 << QStringLiteral("none") << QString();
    }

    void wordsByLength()
    {
        QFETCH(int, minLength);
        QFETCH(int, maxLength);
        QFETCH(QString, capitalize);
        QFETCH(QString, suffix);
        const auto g =
            makeValid(QJsonDocument(QJsonObject{{QStringLiteral("kind"), QStringLiteral("words")},
                                                {QStringLiteral("minLength"), minLength},
                                                {QStringLiteral("maxLength"), maxLength},
                                                {QStringLiteral("capitalize"), capitalize},
                                                {QStringLiteral("suffix"), suffix}})
                          .toJson());
        const WordList &words = WordList::instance();
        std::set<std::string> dictionary;
        for (size_t i = 0; i < words.size(); ++i)
            dictionary.insert(std::string(words.word(i)));
        const std::string end = suffix.toStdString();
        std::set<size_t> lengths;
        for (const std::string &s : strings(*g, 0, maxLength > 100 ? 500 : 20000)) {
            lengths.insert(s.size());
            QVERIFY2(s.size() >= size_t(minLength) && s.size() <= size_t(maxLength), s.c_str());
            QVERIFY2(s.compare(s.size() - end.size(), end.size(), end) == 0, s.c_str());
            const std::string body = s.substr(0, s.size() - end.size());
            QVERIFY2(body.front() != ' ' && body.back() != ' ', s.c_str());
            QVERIFY2(body.find("  ") == std::string::npos, s.c_str());
            const auto tokens = split(body, " ");
            for (size_t t = 0; t < tokens.size(); ++t) {
                std::string word = tokens[t];
                const bool upper = capitalize == QLatin1String("words") ||
                                   (capitalize == QLatin1String("first") && t == 0);
                QVERIFY2(!upper || std::isupper(static_cast<unsigned char>(word[0])), s.c_str());
                word[0] = char(std::tolower(static_cast<unsigned char>(word[0])));
                // Every word is whole except the last, which may be cut to fit the length.
                const auto it = dictionary.lower_bound(word);
                const bool ok = t + 1 < tokens.size()
                                    ? dictionary.count(word) == 1
                                    : it != dictionary.end() && it->rfind(word, 0) == 0;
                QVERIFY2(ok, s.c_str());
            }
        }
        if (maxLength - minLength < 40)
            QCOMPARE(lengths.size(), size_t(maxLength - minLength + 1)); // every length occurs
    }

    void wordsByCount_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<int>("min"); // words, or sentences for paragraphs
        QTest::addColumn<int>("max");
        auto row = [](const char *name, const char *json, int min, int max) {
            QTest::newRow(name) << QByteArray(json) << min << max;
        };
        row("default", R"({"kind": "words"})", 1, 1);
        row("3..7", R"({"kind": "words", "min": 3, "max": 7})", 3, 7);
        row("5", R"({"kind": "words", "min": 5, "max": 5})", 5, 5);
        row("capitalized", R"({"kind": "words", "min": 2, "max": 4, "capitalize": "words",
            "suffix": "!"})",
            2, 4);
        row("many", R"({"kind": "words", "min": 400, "max": 500})", 400, 500);
        row("sentence", R"({"kind": "sentence"})", 4, 12);
        row("sentence 2..3", R"({"kind": "sentence", "min": 2, "max": 3})", 2, 3);
        row("paragraph", R"({"kind": "paragraph"})", 3, 6);
        row("long paragraph", R"({"kind": "paragraph", "min": 20, "max": 30, "minWords": 10,
            "maxWords": 12})",
            20, 30);
    }

    void wordsByCount()
    {
        QFETCH(QByteArray, json);
        QFETCH(int, min);
        QFETCH(int, max);
        const auto g = makeValid(json);
        const QJsonObject params = object(json);
        const QString kind = params.value(QStringLiteral("kind")).toString();
        const bool paragraph = kind == QLatin1String("paragraph");
        const bool words = params.value(QStringLiteral("capitalize")) == QLatin1String("words");
        const std::string suffix =
            kind == QLatin1String("words")
                ? params.value(QStringLiteral("suffix")).toString().toStdString()
                : ".";
        std::set<int> counts;
        for (const std::string &s : strings(*g, 0, max > 100 ? 300 : 3000)) {
            QVERIFY2(s.size() > suffix.size(), s.c_str());
            QVERIFY2(s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0, s.c_str());
            const auto parts = split(s.substr(0, s.size() - suffix.size()), paragraph ? ". " : " ");
            counts.insert(int(parts.size()));
            for (size_t t = 0; t < parts.size(); ++t) {
                const bool upper = words || paragraph || (kind == QLatin1String("sentence") && !t);
                QVERIFY2(bool(std::isupper(static_cast<unsigned char>(parts[t][0]))) == upper,
                         s.c_str());
                const auto sentenceWords = int(split(parts[t], " ").size());
                QVERIFY(!paragraph ||
                        (sentenceWords >= params.value(QStringLiteral("minWords")).toInt(4) &&
                         sentenceWords <= params.value(QStringLiteral("maxWords")).toInt(12)));
            }
        }
        QCOMPARE(*counts.begin(), min);
        QCOMPARE(*counts.rbegin(), max);
    }

    void renderText_data()
    {
        QTest::addColumn<Value>("value");
        QTest::addColumn<QString>("expected");
        const int64_t day = daysFromCivil(2024, 2, 29);
        const int64_t micros = ((day * 86400 + 13 * 3600 + 45 * 60) * 1000000) + 250000;
        auto row = [](const char *expected, const Value &v) {
            QTest::newRow(expected) << v << QString::fromUtf8(expected);
        };
        row("", Value::null());
        row("true", Value::boolean(true));
        row("false", Value::boolean(false));
        row("-42", Value::integer(-42));
        row("-9223372036854775808", Value::integer(INT64_MIN));
        row("123.45", Value::decimal(12345, 2));
        row("-0.05", Value::decimal(-5, 2));
        row("0.100", Value::decimal(100, 3));
        row("7", Value::decimal(7, 0));
        row("0.1", Value::real(0.1));
        row("2.50", Value::real(2.5, 2));
        row("NaN", Value::real(std::nan("")));
        row("-Infinity", Value::real(-HUGE_VAL));
        row("2024-02-29", Value::date(day));
        row("1970-01-01", Value::date(0));
        row("2024-02-29 13:45:00.25", Value::timestamp(micros));
        row("1969-12-31 23:59:59.999999", Value::timestamp(-1));
        row("01:02:03", Value::time(3723000000));
        row("01234567-89ab-cdef-fedc-ba9876543210",
            Value::uuid(0x0123456789abcdefULL, 0xfedcba9876543210ULL));
        row("h\xc3\xa9llo", Value::string("h\xc3\xa9llo"));
    }

    void renderText()
    {
        QFETCH(Value, value);
        QFETCH(QString, expected);
        const std::string s = text(value);
        QCOMPARE(q(s), expected);
        QVERIFY(s.size() <= renderedLengthBound(value));
    }

    void foldToAscii_data()
    {
        QTest::addColumn<QString>("input");
        QTest::addColumn<QString>("expected");
        QTest::newRow("diaeresis") << QStringLiteral("Zoë") << QStringLiteral("Zoe");
        QTest::newRow("spanish") << QStringLiteral("José Ñúñez") << QStringLiteral("Jose Nunez");
        QTest::newRow("sharp s") << QStringLiteral("Straße") << QStringLiteral("Strasse");
        QTest::newRow("polish") << QStringLiteral("Łódź") << QStringLiteral("Lodz");
        QTest::newRow("ligatures")
            << QStringLiteral("Æsir œuvre") << QStringLiteral("AEsir oeuvre");
        QTest::newRow("dropped") << QStringLiteral("日本x€") << QStringLiteral("x");
        QTest::newRow("ascii") << QStringLiteral("plain@example.com")
                               << QStringLiteral("plain@example.com");
    }

    void foldToAscii()
    {
        QFETCH(QString, input);
        QFETCH(QString, expected);
        QByteArray utf8 = input.toUtf8();
        const auto n = qsizetype(spillway::foldToAscii(utf8.data(), size_t(utf8.size())));
        QCOMPARE(QString::fromUtf8(utf8.constData(), n), expected);
        toUpperAscii(utf8.data(), size_t(n)); // the case helpers, on the same ASCII text
        QCOMPARE(QString::fromUtf8(utf8.constData(), n), expected.toUpper());
        toLowerAscii(utf8.data(), size_t(n));
        QCOMPARE(QString::fromUtf8(utf8.constData(), n), expected.toLower());
    }

    void templateThroughSchema()
    {
        // The template comes first in the document: the compiler orders it after its inputs.
        const QList<ColumnSpec> columns = {
            column("email", "text", R"({"kind": "template", "case": "lower", "ascii": true,
            "template": "{first}.{ last }{{{id}}}@Example.com"})"),
            column("label", "text",
                   R"({"kind": "template", "template": "{id}:{amount}:{born}:{on}:{gone}"})"),
            column("long", "text", R"({"kind": "template", "template": "<{essay}>"})"),
            column("first", "text",
                   R"({"kind": "choice", "values": ["Zoë", "José", "Anne-Marie", "Łukasz"]})"),
            column("last", "text",
                   "{\"kind\": \"choice\", \"values\": [\"Ñúñez\", \"O'Brien\", \"Smith\"]}"),
            column("id", "text", R"({"kind": "pattern", "pattern": "\\d{3}"})"),
            column("amount", "numeric(8,2)", R"({"kind": "choice", "values": [1.5, 2.25]})"),
            column("born", "date", R"({"kind": "constant", "value": "2024-02-29"})"),
            column("on", "boolean", R"({"kind": "choice", "values": [true, false]})"),
            column("gone", "text", R"({"kind": "constant", "value": "x"})"),
            column("essay", "text", R"({"kind": "words", "minLength": 3000, "maxLength": 3000})"),
        };
        QList<ColumnSpec> withNull = columns;
        withNull[9].nullFraction = 1.0;
        Diagnostics d;
        const auto compiled = CompiledSchema::compile(oneTable(500, withNull), d);
        QVERIFY2(compiled, qPrintable(d.toString()));
        const auto v = generateTable(*compiled, 500);
        for (size_t i = 0; i < 500; ++i) {
            QByteArray email = (v[3][i] + "." + v[4][i] + "{" + v[5][i] + "}@Example.com").c_str();
            email.truncate(qsizetype(spillway::foldToAscii(email.data(), size_t(email.size()))));
            QCOMPARE(q(v[0][i]), QString::fromLatin1(email.toLower()));
            QCOMPARE(v[1][i], v[5][i] + ":" + v[6][i] + ":2024-02-29:" + v[8][i] + ":");
            QVERIFY(v[6][i] == "1.50" || v[6][i] == "2.25");
            QCOMPARE(v[2][i], "<" + v[10][i] + ">");
            QCOMPARE(v[2][i].size(), size_t(3002));
        }
        QVERIFY(std::set<std::string>(v[0].begin(), v[0].end()).size() > 100);

        QList<ColumnSpec> unknown = columns;
        unknown[0].generator = object(R"({"kind": "template", "template": "{frist}"})");
        Diagnostics missing;
        QVERIFY(!CompiledSchema::compile(oneTable(5, unknown), missing));
        QVERIFY2(missing.toString().contains(QStringLiteral("did you mean 'first'")),
                 qPrintable(missing.toString()));
        QCOMPARE(missing.items().front().path,
                 QStringLiteral("tables[0].columns[0].generator.template"));
    }

    void choiceFrequencies_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QList<double>>("weights");
        QTest::newRow("1:2:3:4") << QByteArray(R"({"kind": "choice", "values": ["a", "b", "c", "d"],
        "weights": [1, 2, 3, 4]})")
                                 << QList<double>{1, 2, 3, 4};
        QTest::newRow("zero weight") << QByteArray(R"({"kind": "choice", "values": ["a", "b", "c"],
        "weights": [1, 0, 1]})") << QList<double>{1, 0, 1};
        QTest::newRow("skewed") << QByteArray(R"({"kind": "choice", "values": ["a", "b"],
        "weights": [0.001, 1000]})")
                                << QList<double>{0.001, 1000};
        QTest::newRow("single") << QByteArray(
                                       R"({"kind": "choice", "values": ["a"], "weights": [5]})")
                                << QList<double>{1};
        QTest::newRow("uniform") << QByteArray(R"({"kind": "choice", "values": ["a", "b", "c", "d",
        "e", "f", "g"]})") << QList<double>{1, 1, 1, 1, 1, 1, 1};
    }

    void choiceFrequencies()
    {
        QFETCH(QByteArray, json);
        QFETCH(QList<double>, weights);
        const auto g = makeValid(json);
        const uint64_t n = 200000;
        std::map<std::string, uint64_t> counts;
        for (const std::string &s : strings(*g, 0, n))
            ++counts[s];
        double sum = 0;
        for (double w : weights)
            sum += w;
        // Each count is binomial(n, p): within 5 standard deviations unless something is wrong.
        for (qsizetype i = 0; i < weights.size(); ++i) {
            const std::string value(1, char('a' + i));
            const double p = weights[i] / sum;
            const double sigma = std::sqrt(n * p * (1 - p));
            const double got = double(counts[value]);
            QVERIFY2(std::abs(got - n * p) <= 5 * sigma + 1e-9,
                     qPrintable(QStringLiteral("%1: %2 vs %3").arg(q(value)).arg(got).arg(n * p)));
        }
        QCOMPARE(counts.size() <= size_t(weights.size()), true);
    }

    void choiceTypes_data()
    {
        QTest::addColumn<QString>("type");
        QTest::addColumn<QByteArray>("values");
        QTest::addColumn<int>("kind");
        QTest::addColumn<QStringList>("expected");
        // `expected`: each value's text, separated by '|'.
        auto row = [](const char *type, const char *values, ValueKind kind, const char *expected) {
            QTest::newRow(type) << QString::fromUtf8(type) << QByteArray(values) << int(kind)
                                << QString::fromUtf8(expected).split(QLatin1Char('|'));
        };
        row("integer", R"([1, "22", -3])", ValueKind::Int, "1|22|-3");
        row("numeric(10,2)", R"([1.5, "2.345", 3, "-0.005"])", ValueKind::Decimal,
            "1.50|2.35|3.00|-0.01");
        row("numeric", R"([1.5, "2.250", "1e2"])", ValueKind::Decimal, "1.5|2.250|100");
        row("double precision", R"([0.5, "1e3"])", ValueKind::Float, "0.5|1000");
        row("boolean", R"([1, "no"])", ValueKind::Bool, "true|false");
        row("date", R"(["2024-02-29"])", ValueKind::Date, "2024-02-29");
        row("timestamp", R"(["2024-01-31 08:00:00"])", ValueKind::Timestamp, "2024-01-31 08:00:00");
        row("text", R"(["a", 2, true, 0.25])", ValueKind::Text, "a|2|true|0.25");
        row("varchar(20)", R"(["x"])", ValueKind::Text, "x");
    }

    void choiceTypes()
    {
        QFETCH(QString, type);
        QFETCH(QByteArray, values);
        QFETCH(int, kind);
        QFETCH(QStringList, expected);
        const auto g = makeValid(R"({"kind": "choice", "values": )" + values + "}", type);
        QCOMPARE(g->cardinality().value_or(0), uint64_t(expected.size()));
        Arena arena;
        for (qsizetype i = 0; i < expected.size(); ++i) {
            const Value v = g->valueAt(uint64_t(i), arena);
            QCOMPARE(int(v.kind), kind);
            QCOMPARE(q(text(v)), expected[i]);
        }
        for (const std::string &s : strings(*g, 0, 100))
            QVERIFY(expected.contains(q(s)));
    }

    void choiceUniqueAndConstant()
    {
        const auto repeats = makeValid(R"({"kind": "choice", "values": ["a", "a", "b"]})");
        QVERIFY(!repeats->canEnumerate() && repeats->cardinality() == 2u);
        QVERIFY(!makeValid(R"({"kind": "choice", "values": [1, "1"]})", QStringLiteral("bigint"))
                     ->canEnumerate());
        ColumnSpec c = column("c", "text", R"({"kind": "choice", "values": ["a", "b", "c"],
        "weights": [100, 1, 1]})");
        c.unique = true;
        Diagnostics d;
        const auto compiled = CompiledSchema::compile(oneTable(3, {c}), d);
        QVERIFY2(compiled, qPrintable(d.toString()));
        const auto values = generateTable(*compiled, 3).front();
        QCOMPARE(std::set<std::string>(values.begin(), values.end()),
                 (std::set<std::string>{"a", "b", "c"}));
        const auto g = makeValid(R"({"kind": "constant", "value": "same"})");
        for (const std::string &s : strings(*g, 5, 50))
            QCOMPARE(s, std::string("same"));
        QCOMPARE(g->cardinality().value_or(0), uint64_t(1));
        Arena arena;
        const Value v = makeValid(R"({"kind": "constant", "value": 7})", QStringLiteral("int"))
                            ->valueAt(0, arena);
        QCOMPARE(int(v.kind), int(ValueKind::Int));
        QCOMPARE(v.i, int64_t(7));
    }

    void determinism_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::newRow("pattern") << QByteArray(
            R"({"kind": "pattern", "pattern": "[A-Z]{2}\\d{3}(x|yz)?"})");
        QTest::newRow("long pattern")
            << QByteArray(R"({"kind": "pattern", "pattern": "[a-z]{1500,2000}"})");
        QTest::newRow("words") << QByteArray(R"({"kind": "words", "min": 1, "max": 5})");
        QTest::newRow("many words") << QByteArray(R"({"kind": "words", "min": 400, "max": 500})");
        QTest::newRow("length") << QByteArray(
            R"({"kind": "words", "minLength": 10, "maxLength": 43})");
        QTest::newRow("sentence") << QByteArray(R"({"kind": "sentence"})");
        QTest::newRow("paragraph") << QByteArray(R"({"kind": "paragraph"})");
        QTest::newRow("choice") << QByteArray(R"({"kind": "choice", "values": ["a", "b", "c"]})");
        QTest::newRow("weighted") << QByteArray(R"({"kind": "choice", "values": ["a", "b", "c"],
        "weights": [3, 2, 1]})");
    }

    void determinism()
    {
        QFETCH(QByteArray, json);
        const auto g = makeValid(json);
        const auto reference = strings(*g, 1000, 1500);
        // Same rows, other batch boundaries, a second generator from the same key: same values.
        QCOMPARE(strings(*g, 1000, 1500, 7), reference);
        QCOMPARE(strings(*makeValid(json), 1000, 1500, 1), reference);
        const auto tail = strings(*g, 1900, 600);
        QVERIFY(std::equal(tail.begin(), tail.end(), reference.begin() + 900));
        // Another key (another seed, table or column): other values.
        const auto other = strings(*makeValid(json, QStringLiteral("text"), 43), 1000, 1500);
        size_t same = 0;
        for (size_t i = 0; i < other.size(); ++i)
            same += other[i] == reference[i];
        QVERIFY2(same < other.size() / 2, qPrintable(QString::number(same)));
    }

    void invalidParameters_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("type");
        QTest::addColumn<QString>("path");     // of the first diagnostic
        QTest::addColumn<QStringList>("what"); // fragments its message must hold
        auto row = [](const char *name, const QByteArray &json, const char *path,
                      const QStringList &what, const char *type = "text") {
            QTest::newRow(name) << json << QString::fromUtf8(type) << QString::fromUtf8(path)
                                << what;
        };
        auto invalid = [&row](const char *pattern, const char *where, const char *what) {
            row(pattern, patternJson(QString::fromUtf8(pattern)), "gen.pattern",
                {QString::fromUtf8(where), QString::fromUtf8(what)});
        };
        const auto s = [](const char *text) { return QStringList{QString::fromUtf8(text)}; };
        invalid("(ab", "character 1", "unclosed group");
        invalid("ab)", "character 3", "unmatched ')'");
        invalid("[a-z", "character 1", "unclosed character class");
        invalid("[z-a]", "character 2", "reversed range");
        invalid("*a", "character 1", "nothing to repeat");
        invalid("a|+", "character 3", "nothing to repeat");
        invalid("a{5,2}", "character 2", "minimum (5) above its maximum (2)");
        invalid("a{1,20000}", "character 2", "too large");
        invalid("ab\\", "character 3", "lone backslash");
        invalid("a\\bc", "character 2", "assertion");
        invalid("(a)\\1", "character 4", "back-reference");
        invalid("(?=a)", "character 1", "unsupported group");
        invalid("a^b", "character 2", "anchor");
        invalid("[é]", "character 2", "not ASCII");
        invalid("[]", "character 2", "empty character class");
        invalid("a**", "character 3", "second quantifier");
        invalid("\\w++2", "character 4", "possessive quantifier");
        invalid("a{2}+", "character 5", "possessive quantifier");
        invalid("\\q", "character 1", "unknown escape");
        invalid("", "", "empty");
        invalid("[^ -~]", "character 1", "excludes every");
        invalid("\\xZZ", "character 1", "malformed hex");
        invalid("(a{10000}){200}", "", "up to 2000000 bytes");
        row("no pattern", R"({"kind": "pattern"})", "gen.pattern", s("missing parameter"));
        row("maxRepeat", R"({"kind": "pattern", "pattern": "a", "maxRepeat": 0})", "gen.maxRepeat",
            s("between 1"));
        row("min 0", R"({"kind": "words", "min": 0})", "gen.min", s("between 1"));
        row("max < min", R"({"kind": "words", "min": 5, "max": 2})", "gen.max", s("below"));
        row("both modes", R"({"kind": "words", "min": 1, "minLength": 5})", "gen.minLength",
            s("not both"));
        row("capitalize", R"({"kind": "words", "capitalize": "all"})", "gen.capitalize",
            s("none, first, words"));
        row("suffix room", R"({"kind": "words", "minLength": 1, "suffix": "."})", "gen.minLength",
            s("between 2"));
        row("maxLength", R"({"kind": "words", "minLength": 9, "maxLength": 3})", "gen.maxLength",
            s("below"));
        row("sentence words", R"({"kind": "sentence", "minWords": 3})", "gen.minWords",
            s("unknown parameter"));
        row("paragraph words", R"({"kind": "paragraph", "maxWords": 0})", "gen.maxWords",
            s("between 1"));
        row("unclosed {", R"({"kind": "template", "template": "a{first"})", "gen.template",
            s("unclosed '{' at character 2"));
        row("lone }", R"({"kind": "template", "template": "first}"})", "gen.template",
            s("lone '}' at character 6"));
        row("empty {}", R"({"kind": "template", "template": "x{ }"})", "gen.template",
            s("empty placeholder"));
        row("nested {", R"({"kind": "template", "template": "{a{b}}"})", "gen.template",
            s("unclosed '{' at character 1"));
        row("case", R"({"kind": "template", "template": "{a}", "case": "title"})", "gen.case",
            s("none, lower, upper"));
        row("no values", R"({"kind": "choice"})", "gen.values", s("missing"));
        row("empty values", R"({"kind": "choice", "values": []})", "gen.values", s("empty"));
        row("weights length", R"({"kind": "choice", "values": ["a", "b"], "weights": [1]})",
            "gen.weights", s("1 entries but 'values' has 2"));
        row("negative weight", R"({"kind": "choice", "values": ["a", "b"], "weights": [1, -1]})",
            "gen.weights[1]", s("0 or more"));
        row("zero weights", R"({"kind": "choice", "values": ["a", "b"], "weights": [0, 0]})",
            "gen.weights", s("every weight is 0"));
        row("weights type", R"({"kind": "choice", "values": ["a"], "weights": "x"})", "gen.weights",
            s("array"));
        row("fraction", R"({"kind": "choice", "values": [1, 1.5]})", "gen.values[1]",
            s("whole number"), "integer");
        row("smallint", R"({"kind": "choice", "values": [40000]})", "gen.values[0]", s("32767"),
            "smallint");
        row("boolean", R"({"kind": "choice", "values": ["maybe"]})", "gen.values[0]",
            s("true or false"), "boolean");
        row("date", R"({"kind": "choice", "values": ["2024-02-30"]})", "gen.values[0]",
            s("YYYY-MM-DD"), "date");
        row("object", R"({"kind": "choice", "values": [{}]})", "gen.values[0]", s("string"));
        row("no value", R"({"kind": "constant"})", "gen.value", s("missing"));
        row("value type", R"({"kind": "constant", "value": "x"})", "gen.value", s("whole number"),
            "bigint");
    }

    void invalidParameters()
    {
        QFETCH(QByteArray, json);
        QFETCH(QString, type);
        QFETCH(QString, path);
        QFETCH(QStringList, what);
        const Made made = make(json, type);
        QVERIFY(!made.diagnostics.isEmpty());
        const Diagnostic &d = made.diagnostics.items().front();
        QCOMPARE(d.path, path);
        for (const QString &fragment : what)
            QVERIFY2(d.message.contains(fragment), qPrintable(d.message));
    }
};

QTEST_GUILESS_MAIN(TestText)
#include "test_text.moc"
