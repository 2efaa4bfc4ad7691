#pragma once

// Helpers of the catalogue test: schemas in a compact notation, rows as text, the bundled
// dictionaries read from the source tree, and independent checkers (email local parts, Luhn,
// ISO 7064, PostgreSQL array literals, inet_pton).

#include "../testsupport.h"
#include "generators/textrender.h"

#include <QFile>
#include <QRegularExpression>

#include <arpa/inet.h>
#include <strings.h>

#include <algorithm>
#include <cstring>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace spillway::test {

inline const std::string kNull = "<null>"; // how a NULL shows in rows()

using Rows = std::map<std::string, std::vector<std::string>>;

// Schema JSON written with single quotes for readability: 'a' becomes "a".
inline QByteArray q(const char *text)
{
    return QByteArray(text).replace('\'', '"');
}

inline QByteArray col(const char *name, const char *type, const char *generator)
{
    return "{\"name\": \"" + QByteArray(name) + "\", \"type\": \"" + type +
           "\", \"generator\": " + q(generator) + "}";
}

inline QByteArray schemaOf(const QList<QByteArray> &columns, uint64_t rows = 1000, int seed = 11)
{
    QByteArray joined;
    for (const QByteArray &c : columns)
        joined += (joined.isEmpty() ? "" : ", ") + c;
    return "{\"seed\": " + QByteArray::number(seed) +
           ", \"tables\": [{\"name\": \"t\", \"rows\": " + QByteArray::number(rows) +
           ", \"columns\": [" + joined + "]}]}";
}

// Rows [first, first + n) of the first table, every visible column as text, `batchRows` at a time.
inline Rows rows(const CompiledSchema &schema, uint64_t first, uint64_t n,
                 uint32_t batchRows = RowBatch::kCapacity)
{
    const TableRuntime &t = *schema.tables().front();
    Rows out;
    RowBatch batch(int(t.columns.size()));
    for (uint64_t done = 0; done < n;) {
        batch.arena.reset();
        batch.firstRow = first + done;
        batch.count = uint32_t(std::min<uint64_t>(batchRows, n - done));
        t.generate(batch);
        for (int c : t.outputColumns) {
            std::vector<std::string> &values = out[t.columns[size_t(c)].name.toStdString()];
            for (uint32_t i = 0; i < batch.count; ++i) {
                const Value &v = batch.column(c)[i];
                std::string s;
                renderText(v, s);
                values.push_back(v.isNull() ? kNull : s);
            }
        }
        done += batch.count;
    }
    return out;
}

inline Rows generateRows(const QList<QByteArray> &columns, uint64_t n, int seed = 11)
{
    const auto schema = compile(schemaOf(columns, n, seed));
    return schema ? rows(*schema, 0, n) : Rows();
}

// Whether the first batch of a column holds JSON text only (marked so, not just text).
inline bool allJson(const CompiledSchema &schema, int column)
{
    const TableRuntime &t = *schema.tables().front();
    RowBatch batch(int(t.columns.size()));
    batch.count = uint32_t(std::min<uint64_t>(RowBatch::kCapacity, t.rowCount));
    t.generate(batch);
    for (uint32_t i = 0; i < batch.count; ++i) {
        if (!batch.column(column)[i].isJson())
            return false;
    }
    return true;
}

// The problems of a schema that must not compile.
inline Diagnostics problems(const QByteArray &json)
{
    Diagnostics d;
    const auto schema = SchemaIO::parse(json, d);
    if (schema && CompiledSchema::compile(*schema, d))
        d.add(QString(), QStringLiteral("compiled without problems"));
    return d;
}

// Rows of a bundled dictionary, read from the source tree ('#' lines skipped).
inline std::vector<QStringList> dictionary(const char *name)
{
    QFile file(QStringLiteral(SPILLWAY_DICTIONARIES "/") + QLatin1String(name));
    std::vector<QStringList> out;
    if (!file.open(QIODevice::ReadOnly))
        qFatal("cannot read %s", name);
    for (const QByteArray &line : file.readAll().split('\n')) {
        if (!line.isEmpty() && !line.startsWith('#'))
            out.push_back(QString::fromUtf8(line).split(QLatin1Char('\t')));
    }
    return out;
}

inline QString u(const std::string &s)
{
    return QString::fromStdString(s);
}

inline bool fullMatch(const QString &pattern, const std::string &text)
{
    static std::map<QString, QRegularExpression> compiled; // the tests run on one thread
    auto it = compiled.find(pattern);
    if (it == compiled.end())
        it = compiled.emplace(pattern, QRegularExpression::anchoredPattern(pattern)).first;
    return it->second.match(u(text)).hasMatch();
}

// Lower-case ASCII letters and digits of a name, as an email's local part uses them.
inline std::string slug(std::string_view text)
{
    std::string s(text);
    s.resize(foldToAscii(s.data(), s.size()));
    std::string out;
    for (char c : s) {
        c = char(std::tolower(static_cast<unsigned char>(c)));
        if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))
            out += c;
    }
    return out;
}

inline std::string firstWordOf(const std::string &s)
{
    const QStringList words = u(s).split(QLatin1Char(' '), Qt::SkipEmptyParts);
    return words.isEmpty() ? std::string() : words.front().toStdString();
}

inline std::string lastWordOf(const std::string &s)
{
    const QStringList words = u(s).split(QLatin1Char(' '), Qt::SkipEmptyParts);
    return words.isEmpty() ? std::string() : words.back().toStdString();
}

// Whether an email's local part is one of the shapes made from these names: first.last,
// firstlast, flast, first_last, first.lastNN, or firstYYYY (the only shape without a last name).
inline bool localPartFrom(const std::string &local, const std::string &first,
                          const std::string &last)
{
    std::string f = slug(first);
    if (f.empty())
        f = "user";
    const std::string l = slug(last);
    // prefix followed by `digits` digits making a number in [lo, hi]
    auto numbered = [&local](const std::string &prefix, size_t digits, int lo, int hi) {
        if (local.size() != prefix.size() + digits || local.compare(0, prefix.size(), prefix))
            return false;
        const std::string tail = local.substr(prefix.size());
        if (!std::all_of(tail.begin(), tail.end(), [](char c) { return c >= '0' && c <= '9'; }))
            return false;
        return std::stoi(tail) >= lo && std::stoi(tail) <= hi;
    };
    if (numbered(f, 4, 1950, 2009))
        return true;
    return !l.empty() && (local == f + "." + l || local == f + l || local == f.substr(0, 1) + l ||
                          local == f + "_" + l || numbered(f + "." + l, 2, 10, 99));
}

inline bool luhnValid(const std::string &digits)
{
    int sum = 0;
    for (size_t k = 0; k < digits.size(); ++k) {
        int d = digits[digits.size() - 1 - k] - '0';
        if (k % 2 == 1 && (d *= 2) > 9)
            d -= 9;
        sum += d;
    }
    return sum % 10 == 0;
}

// ISO 13616: the IBAN moved to start after its first four characters, letters as 10..35.
inline int ibanMod97(const std::string &iban)
{
    const std::string moved = iban.substr(4) + iban.substr(0, 4);
    int r = 0;
    for (char c : moved) {
        if (c >= '0' && c <= '9')
            r = (r * 10 + (c - '0')) % 97;
        else if (c >= 'A' && c <= 'Z')
            r = (r * 100 + (c - 'A' + 10)) % 97;
        else
            return -1;
    }
    return r;
}

// The elements of a one-dimensional PostgreSQL array literal (nullopt for NULL), the way
// array_in reads them: an unquoted NULL in any letter case is NULL. False when malformed.
inline bool parsePgArray(const std::string &s, std::vector<std::optional<std::string>> &out)
{
    if (s.size() < 2 || s.front() != '{' || s.back() != '}')
        return false;
    const size_t end = s.size() - 1;
    for (size_t i = 1; i < end;) {
        std::string item;
        const bool quoted = s[i] == '"';
        if (quoted) {
            for (++i; i < end && s[i] != '"'; ++i) {
                if (s[i] == '\\' && ++i >= end)
                    return false;
                item += s[i];
            }
            if (i++ >= end)
                return false;
        } else {
            for (; i < end && s[i] != ','; ++i) {
                if (std::strchr("\"{}\\ \t\n", s[i]))
                    return false; // would need quotes
                item += s[i];
            }
            if (item.empty())
                return false;
        }
        if (!quoted && strcasecmp(item.c_str(), "NULL") == 0)
            out.emplace_back(std::nullopt);
        else
            out.emplace_back(item);
        if (i < end && (s[i] != ',' || ++i == end))
            return false; // a trailing comma or junk after a quoted element
    }
    return true;
}

// An inet text parsed with inet_pton: the address bytes (4 or 16), empty when malformed.
inline QByteArray inetBytes(const std::string &text, int family)
{
    QByteArray bytes(family == 4 ? 4 : 16, 0);
    return inet_pton(family == 4 ? AF_INET : AF_INET6, text.c_str(), bytes.data()) == 1
               ? bytes
               : QByteArray();
}

inline bool samePrefix(const QByteArray &a, const QByteArray &b, int bits)
{
    for (int k = 0; k < bits; ++k) {
        const int byte = k / 8, mask = 0x80 >> (k % 8);
        if ((a[byte] & mask) != (b[byte] & mask))
            return false;
    }
    return true;
}

// The dictionary rows of a city (names repeat across countries: Hamilton, Córdoba).
inline std::vector<QStringList> citiesNamed(const std::string &name)
{
    static const std::vector<QStringList> all = dictionary("cities.tsv");
    std::vector<QStringList> out;
    for (const QStringList &row : all) {
        if (row[0] == u(name))
            out.push_back(row);
    }
    return out;
}

inline QStringList countryRow(const QString &alpha2)
{
    static const std::vector<QStringList> all = dictionary("countries.tsv");
    for (const QStringList &row : all) {
        if (row[0] == alpha2)
            return row;
    }
    return {};
}

// Whether a street address is a house number (1..2048) and a street of the country's language,
// in the country's order.
inline bool streetOf(const std::string &street, const QStringList &country)
{
    static const std::vector<QStringList> streets = dictionary("streets.tsv");
    const bool numberFirst = country.value(6) != QLatin1String("number-last");
    const QRegularExpression re(numberFirst ? QStringLiteral("^(\\d+) (.+)$")
                                            : QStringLiteral("^(.+) (\\d+)$"));
    const auto m = re.match(u(street));
    if (!m.hasMatch())
        return false;
    const int number = m.captured(numberFirst ? 1 : 2).toInt();
    const QString name = m.captured(numberFirst ? 2 : 1);
    for (const QStringList &row : streets) {
        if (row[0] == country.value(5) && row[1] == name)
            return number >= 1 && number <= 2048;
    }
    return false;
}

// Columns of every generator of the catalogue, for determinism.
inline QList<QByteArray> catalogueColumns()
{
    return {
        col("first_name", "text", "{'kind': 'first_name'}"),
        col("last_name", "text", "{'kind': 'last_name'}"),
        col("full_name", "text", "{'kind': 'full_name', 'order': 'last-first'}"),
        col("sex", "text", "{'kind': 'sex'}"),
        col("email", "text", "{'kind': 'email', 'from': ['first_name', 'last_name']}"),
        col("work_email", "text", "{'kind': 'email', 'domains': 'company'}"),
        col("company", "text", "{'kind': 'company'}"),
        col("job", "text", "{'kind': 'job_title'}"),
        col("city", "text", "{'kind': 'city'}"),
        col("region", "text", "{'kind': 'region', 'form': 'code'}"),
        col("postal", "text", "{'kind': 'postal_code'}"),
        col("country", "text", "{'kind': 'country', 'form': 'alpha3'}"),
        col("street", "text", "{'kind': 'street_address'}"),
        col("address", "text", "{'kind': 'address'}"),
        col("phone", "text", "{'kind': 'phone'}"),
        col("currency", "text", "{'kind': 'currency'}"),
        col("iban", "text", "{'kind': 'iban'}"),
        col("lat", "double precision", "{'kind': 'latitude'}"),
        col("geo", "jsonb", "{'kind': 'geo_point', 'format': 'geojson'}"),
        col("box", "point", "{'kind': 'geo_point', 'format': 'point', 'bbox': [-10, -5, 10, 5]}"),
        col("domain", "text", "{'kind': 'domain'}"),
        col("url", "text", "{'kind': 'url'}"),
        col("ip", "inet", "{'kind': 'ipv4', 'cidr': '10.0.0.0/8'}"),
        col("ip6", "inet", "{'kind': 'ipv6'}"),
        col("mac", "macaddr", "{'kind': 'mac'}"),
        col("agent", "text", "{'kind': 'user_agent'}"),
        col("card", "text", "{'kind': 'card_number', 'spaced': true}"),
        col("attrs", "jsonb",
            "{'kind': 'json', 'fields': {'n': {'kind': 'uniform', 'min': 0, 'max': 9}, "
            "'who': {'kind': 'template', 'template': '{first_name}'}, "
            "'tags': {'kind': 'array', 'element': {'kind': 'words'}}}}"),
        col("tags", "text[]",
            "{'kind': 'array', 'element': {'kind': 'words', 'min': 1, 'max': 2}}"),
        col("scores", "integer[]",
            "{'kind': 'array', 'element': {'kind': 'uniform', 'min': 0, 'max': 9, "
            "'nullFraction': 0.2}}"),
        col("blob", "bytea", "{'kind': 'bytes', 'minLength': 0, 'maxLength': 40}"),
        col("id7", "uuid", "{'kind': 'uuid', 'version': 7, 'step': '1ms'}"),
        col("ts", "timestamptz",
            "{'kind': 'timestamptz', 'zones': ['UTC', 'Europe/Berlin', '+05:30']}"),
        col("id7c", "uuid", "{'kind': 'uuid', 'version': 7, 'column': 'ts'}"),
        col("every", "timestamptz",
            "{'kind': 'timestamptz', 'min': '2025-01-01 00:00:00', 'every': '1s', "
            "'jitter': '500ms', 'precision': 3}"),
        col("dur", "interval", "{'kind': 'interval', 'max': '3 days'}"),
        col("iso", "interval", "{'kind': 'interval', 'style': 'iso'}"),
    };
}

} // namespace spillway::test
