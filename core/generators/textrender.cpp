#include "generators/textrender.h"

#include "base/valueformat.h"

#include "base/params.h"

#include <QRegularExpression>

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>
#include <set>

namespace spillway {

namespace {

constexpr int64_t kMicrosPerSecond = 1000000;
constexpr int64_t kMicrosPerDay = 86400 * kMicrosPerSecond;

// Writes v in decimal and returns the end.
char *writeUnsigned(uint64_t v, char *out)
{
    char digits[20];
    int n = 0;
    do {
        digits[n++] = char('0' + v % 10);
        v /= 10;
    } while (v);
    while (n)
        *out++ = digits[--n];
    return out;
}

// Writes v with at least `width` digits, zero-padded.
char *writePadded(uint64_t v, int width, char *out)
{
    for (int i = width - 1; i >= 0; --i) {
        out[i] = char('0' + v % 10);
        v /= 10;
    }
    out += width;
    return v ? writeUnsigned(v, out - width) : out; // wider than `width`: rewrite in full
}

uint64_t magnitude(int64_t v)
{
    return v < 0 ? ~static_cast<uint64_t>(v) + 1 : static_cast<uint64_t>(v);
}

char *writeDecimal(int64_t unscaled, int scale, char *out)
{
    if (unscaled < 0)
        *out++ = '-';
    const uint64_t m = magnitude(unscaled);
    if (scale == 0)
        return writeUnsigned(m, out);
    char digits[20];
    int n = 0;
    for (uint64_t v = m; v; v /= 10)
        digits[n++] = char('0' + v % 10);
    // Integer part: the digits above the scale, or a single zero.
    if (n <= scale)
        *out++ = '0';
    for (int i = n - 1; i >= scale; --i)
        *out++ = digits[i];
    *out++ = '.';
    for (int i = scale - 1; i >= 0; --i)
        *out++ = i < n ? digits[i] : '0';
    return out;
}

char *writeFloat(double d, int scale, char *out, size_t room)
{
    if (std::isnan(d))
        return std::copy_n("NaN", 3, out);
    if (std::isinf(d))
        return d > 0 ? std::copy_n("Infinity", 8, out) : std::copy_n("-Infinity", 9, out);
    const auto r = scale == kShortestFloat
                       ? std::to_chars(out, out + room, d)
                       : std::to_chars(out, out + room, d, std::chars_format::fixed, scale);
    return r.ptr;
}

char *writeDate(int64_t days, char *out)
{
    int64_t y;
    unsigned m, d;
    civilFromDays(days, y, m, d);
    if (y < 0)
        *out++ = '-';
    out = writePadded(magnitude(y), 4, out);
    *out++ = '-';
    out = writePadded(m, 2, out);
    *out++ = '-';
    return writePadded(d, 2, out);
}

// HH:MM:SS, then the fraction with trailing zeros trimmed, as PostgreSQL prints it.
char *writeTime(int64_t micros, char *out)
{
    const int64_t seconds = micros / kMicrosPerSecond;
    out = writePadded(uint64_t(seconds / 3600), 2, out);
    *out++ = ':';
    out = writePadded(uint64_t(seconds / 60 % 60), 2, out);
    *out++ = ':';
    out = writePadded(uint64_t(seconds % 60), 2, out);
    int64_t fraction = micros % kMicrosPerSecond;
    if (fraction) {
        int width = 6;
        while (fraction % 10 == 0) {
            fraction /= 10;
            --width;
        }
        *out++ = '.';
        out = writePadded(uint64_t(fraction), width, out);
    }
    return out;
}

char *writeTimestamp(int64_t micros, char *out)
{
    int64_t days = micros / kMicrosPerDay;
    int64_t rest = micros % kMicrosPerDay;
    if (rest < 0) {
        rest += kMicrosPerDay;
        --days;
    }
    out = writeDate(days, out);
    *out++ = ' ';
    return writeTime(rest, out);
}

char *writeUuid(uint64_t hi, uint64_t lo, char *out)
{
    static const char hex[] = "0123456789abcdef";
    for (int i = 0; i < 32; ++i) {
        if (i == 8 || i == 12 || i == 16 || i == 20)
            *out++ = '-';
        const uint64_t word = i < 16 ? hi : lo;
        *out++ = hex[(word >> (60 - 4 * (i % 16))) & 0xF];
    }
    return out;
}

} // namespace

size_t renderedLengthBound(const Value &v)
{
    switch (v.kind) {
    case ValueKind::Null:
        return 0;
    case ValueKind::Bool:
        return 5;
    case ValueKind::Int:
        return 20;
    case ValueKind::Float:
        return v.scale == kShortestFloat ? 32 : 320 + size_t(v.scale);
    case ValueKind::Decimal:
        return 24 + size_t(v.scale);
    case ValueKind::Date:
        return 32;
    case ValueKind::Time:
        return 32;
    case ValueKind::Timestamp:
    case ValueKind::TimestampTz:
        return 48;
    case ValueKind::Uuid:
        return 36;
    case ValueKind::Text:
        return v.len;
    }
    return 0;
}

size_t renderText(const Value &v, char *out)
{
    char *end = out;
    switch (v.kind) {
    case ValueKind::Null:
        break;
    case ValueKind::Bool:
        end = v.i ? std::copy_n("true", 4, out) : std::copy_n("false", 5, out);
        break;
    case ValueKind::Int:
        end = writeDecimal(v.i, 0, out);
        break;
    case ValueKind::Float:
        end = writeFloat(v.f, v.scale, out, renderedLengthBound(v));
        break;
    case ValueKind::Decimal:
        end = writeDecimal(v.i, v.scale, out);
        break;
    case ValueKind::Date:
        end = writeDate(v.i, out);
        break;
    case ValueKind::Time:
        end = writeTime(v.i, out);
        break;
    case ValueKind::Timestamp:
        end = writeTimestamp(v.i, out);
        break;
    case ValueKind::TimestampTz:
        end = formatTimestampTz(out, v.i, v.zoneOffset());
        break;
    case ValueKind::Uuid:
        end = writeUuid(static_cast<uint64_t>(v.i), v.u, out);
        break;
    case ValueKind::Text:
        if (v.len)
            std::memcpy(out, v.text, v.len);
        end = out + v.len;
        break;
    }
    return size_t(end - out);
}

void renderText(const Value &v, std::string &out)
{
    const size_t start = out.size();
    out.resize(start + renderedLengthBound(v));
    out.resize(start + renderText(v, out.data() + start));
}

std::optional<Value> parseDecimal(std::string_view text, int scale)
{
    while (!text.empty() && std::isspace(static_cast<unsigned char>(text.front())))
        text.remove_prefix(1);
    while (!text.empty() && std::isspace(static_cast<unsigned char>(text.back())))
        text.remove_suffix(1);
    const bool negative = !text.empty() && text.front() == '-';
    if (!text.empty() && (text.front() == '-' || text.front() == '+'))
        text.remove_prefix(1);
    std::string digits; // integer and fraction digits, without the point
    size_t i = 0;
    int decimals = -1; // digits after the point, once a point is seen
    for (; i < text.size(); ++i) {
        if (text[i] == '.' && decimals < 0) {
            decimals = 0;
            continue;
        }
        if (!std::isdigit(static_cast<unsigned char>(text[i])))
            break;
        digits += text[i];
        decimals += decimals >= 0 ? 1 : 0;
    }
    int exponent = 0;
    if (i + 1 < text.size() && (text[i] == 'e' || text[i] == 'E')) {
        const auto r = std::from_chars(text.data() + i + 1 + (text[i + 1] == '+'),
                                       text.data() + text.size(), exponent);
        if (r.ec != std::errc() || std::abs(exponent) > 400)
            return std::nullopt;
        i = size_t(r.ptr - text.data());
    }
    if (digits.empty() || i != text.size())
        return std::nullopt;
    decimals = std::max(decimals, 0);
    if (scale < 0)
        scale = std::clamp(decimals - exponent, 0, 18);
    // The value is digits * 10^shift at the target scale; drop what falls below it.
    int shift = scale - decimals + exponent;
    bool roundUp = false;
    if (shift < 0) {
        const auto keep = int64_t(digits.size()) + shift;
        roundUp = keep >= 0 && digits[size_t(keep)] >= '5';
        digits.resize(size_t(std::max<int64_t>(keep, 0)));
        shift = 0;
    }
    unsigned __int128 v = 0;
    for (char c : digits) {
        if ((v = v * 10 + unsigned(c - '0')) > INT64_MAX)
            return std::nullopt;
    }
    for (int k = 0; k < shift && v; ++k) {
        if ((v *= 10) > INT64_MAX)
            return std::nullopt;
    }
    if ((v += roundUp ? 1 : 0) > INT64_MAX)
        return std::nullopt;
    return Value::decimal(negative ? -int64_t(v) : int64_t(v), uint8_t(scale));
}

namespace {

// ASCII for U+00C0 .. U+017F; digits stand for two letters (see kPairs), '_' for "drop".
constexpr char kFold[] = "AAAAAA1CEEEEIIIIDNOOOOO_OUUUUY35"
                         "aaaaaa2ceeeeiiiidnooooo_ouuuuy4y"
                         "AaAaAaCcCcCcCcDdDdEeEeEeEeEeGgGgGgGgHhHhIiIiIiIiIi67JjKkkLlLlLlLlLl"
                         "NnNnNnnNnOoOoOo89RrRrRrSsSsSsSsTtTtTtUuUuUuUuUuUuWwYyYZzZzZzs";
static_assert(sizeof(kFold) == 192 + 1, "one entry per code point U+00C0..U+017F");
constexpr const char *kPairs[] = {"AE", "ae", "TH", "th", "ss", "IJ", "ij", "OE", "oe"};

} // namespace

size_t foldToAscii(char *text, size_t length)
{
    size_t w = 0;
    size_t r = 0;
    while (r < length) {
        // Most text is plain ASCII: move it eight bytes at a time (w <= r, loaded first).
        uint64_t chunk = 0x8080808080808080ULL;
        if (r + 8 <= length)
            std::memcpy(&chunk, text + r, 8);
        if (!(chunk & 0x8080808080808080ULL)) {
            std::memcpy(text + w, &chunk, 8);
            w += 8;
            r += 8;
            continue;
        }
        const auto c = static_cast<unsigned char>(text[r]);
        if (c < 0x80) {
            text[w++] = char(c);
            ++r;
            continue;
        }
        const size_t n = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
        if (n == 2 && r + 1 < length) {
            const unsigned cp =
                ((c & 0x1Fu) << 6) | (static_cast<unsigned char>(text[r + 1]) & 0x3Fu);
            if (cp >= 0xC0 && cp <= 0x17F) {
                const char f = kFold[cp - 0xC0];
                if (f >= '1' && f <= '9') {
                    text[w++] = kPairs[f - '1'][0];
                    text[w++] = kPairs[f - '1'][1];
                } else if (f != '_') {
                    text[w++] = f;
                }
            }
        }
        r += n; // every other non-ASCII character is dropped
    }
    return w;
}

namespace {

// Flips the case of ASCII letters eight bytes at a time (SWAR): a byte's high bit marks it as a
// letter to change, then moves to bit 5, the case bit. Bytes of 0x80 and above stay as they are.
template<bool toLower> void changeCase(char *text, size_t length)
{
    constexpr uint64_t kOnes = 0x0101010101010101ULL;
    constexpr uint64_t kHigh = 0x8080808080808080ULL;
    constexpr unsigned char kFirst = toLower ? 'A' : 'a';
    size_t i = 0;
    for (; i + 8 <= length; i += 8) {
        uint64_t x;
        std::memcpy(&x, text + i, 8);
        const uint64_t low = x & ~kHigh;
        const uint64_t atLeastFirst = low + kOnes * (0x80 - kFirst);
        const uint64_t beyondLast = low + kOnes * (0x80 - kFirst - 26);
        const uint64_t letters = atLeastFirst & ~beyondLast & ~x & kHigh;
        x ^= letters >> 2;
        std::memcpy(text + i, &x, 8);
    }
    for (; i < length; ++i) {
        const auto c = static_cast<unsigned char>(text[i]);
        if (c >= kFirst && c < kFirst + 26)
            text[i] = char(c ^ 0x20);
    }
}

} // namespace

void toLowerAscii(char *text, size_t length)
{
    changeCase<true>(text, length);
}

void toUpperAscii(char *text, size_t length)
{
    changeCase<false>(text, length);
}

QString jsonText(const QJsonValue &v)
{
    if (v.isDouble())
        return QString::number(v.toDouble(), 'g', QLocale::FloatingPointShortest);
    if (v.isBool())
        return v.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    return v.toString();
}

ValueList::Target ValueList::targetOf(const QString &sqlType)
{
    static const QRegularExpression numeric(
        QStringLiteral("^(?:numeric|decimal)\\s*(?:\\(\\s*\\d+\\s*(?:,\\s*(\\d+)\\s*)?\\))?$"));
    static const std::pair<const char *, Target> kTypes[] = {
        {"smallint int2",
         {Target::Integer,
          INT16_MIN,
          INT16_MAX,
          -1,
          QStringLiteral("a whole number from -32768 to 32767"),
          {}}},
        {"integer int int4",
         {Target::Integer,
          INT32_MIN,
          INT32_MAX,
          -1,
          QStringLiteral("a whole number from -2147483648 to 2147483647"),
          {}}},
        {"bigint int8",
         {Target::Integer, INT64_MIN, INT64_MAX, -1, QStringLiteral("a whole number"), {}}},
        {"real float4 float8 double_precision float",
         {Target::Float, 0, 0, -1, QStringLiteral("a number"), {}}},
        {"boolean bool", {Target::Boolean, 0, 0, -1, QStringLiteral("true or false"), {}}},
        {"date", {Target::Date, 0, 0, -1, QStringLiteral("a date written YYYY-MM-DD"), {}}},
        {"timestamp timestamp_without_time_zone",
         {Target::Timestamp,
          0,
          0,
          -1,
          QStringLiteral("a timestamp written YYYY-MM-DD HH:MM:SS"),
          {}}},
    };
    if (const auto geometry = parseGeometryType(sqlType)) {
        Target target{Target::Geometry,
                      0,
                      0,
                      -1,
                      QStringLiteral("a geometry of the column's shape and SRID, as WKT, EWKT "
                                     "(SRID=4326;POINT(1 2)) or hex EWKB"),
                      *geometry};
        return target;
    }
    const QString t = sqlType.simplified().toLower();
    if (const auto m = numeric.match(t); m.hasMatch())
        return {Target::Decimal,
                0,
                0,
                t.contains(QLatin1Char('(')) ? m.captured(1).toInt() : -1,
                QStringLiteral("a decimal number"),
                {}};
    QString key = t;
    key.replace(QLatin1Char(' '), QLatin1Char('_'));
    for (const auto &[names, target] : kTypes) {
        if (QString::fromLatin1(names).split(QLatin1Char(' ')).contains(key))
            return target;
    }
    return {Target::Text, 0, 0, -1, QStringLiteral("a string, number or boolean"), {}};
}

std::optional<Value> ValueList::typed(const QJsonValue &v, const Target &target)
{
    if (v.isNull())
        return Value::null();
    if (v.isArray() || v.isObject() || v.isUndefined())
        return std::nullopt;
    bool ok = false;
    switch (target.kind) {
    case Target::Text:
        return Value::string({}); // placed by add()
    case Target::Integer: {
        const double d = v.toDouble();
        int64_t i = 0;
        if (v.isString())
            i = v.toString().trimmed().toLongLong(&ok);
        else if ((ok = v.isDouble() && d == std::floor(d) && std::abs(d) < 9e18))
            i = int64_t(d);
        if (!ok || i < target.lo || i > target.hi)
            return std::nullopt;
        return Value::integer(i);
    }
    case Target::Decimal:
        return v.isBool() ? std::nullopt : parseDecimal(jsonText(v).toStdString(), target.scale);
    case Target::Float: {
        const double d = v.isString() ? v.toString().trimmed().toDouble(&ok) : v.toDouble();
        if (v.isBool() || (v.isString() && !ok))
            return std::nullopt;
        return Value::real(d);
    }
    case Target::Boolean: {
        static const QStringList yes = QStringLiteral("true t yes on 1").split(QLatin1Char(' '));
        static const QStringList no = QStringLiteral("false f no off 0").split(QLatin1Char(' '));
        const QString s = jsonText(v).trimmed().toLower();
        if (!yes.contains(s) && !no.contains(s))
            return std::nullopt;
        return Value::boolean(yes.contains(s));
    }
    case Target::Date:
        if (const auto days = ParamReader::parseDate(v.toString()); v.isString() && days)
            return Value::date(*days);
        return std::nullopt;
    case Target::Timestamp:
        if (const auto micros = ParamReader::parseTimestamp(v.toString()); v.isString() && micros)
            return Value::timestamp(*micros);
        return std::nullopt;
    case Target::Geometry: {
        // What PostGIS would store in the column: text it reads, of the column's shape, with
        // the column's SRID (geography assumes its own when the text gives none).
        Geometry g;
        const QByteArray text = v.toString().toUtf8();
        const GeometryType &type = target.geometry;
        if (!v.isString() || !readGeometryText({text.constData(), size_t(text.size())}, g) ||
            !type.accepts(g.shape))
            return std::nullopt;
        if (type.srid != 0 && g.srid != type.srid && !(type.geography && g.srid == 0))
            return std::nullopt;
        return Value::string({}); // placed by add()
    }
    }
    return std::nullopt;
}

ValueList::ValueList(const QString &sqlType)
    : m_target(targetOf(sqlType))
{}

bool ValueList::add(const QJsonValue &json, QString *problem)
{
    const auto value = typed(json, m_target);
    if (!value) {
        const QString shown = json.isString()
                                  ? QLatin1Char('"') + json.toString() + QLatin1Char('"')
                              : json.isDouble() || json.isBool() ? jsonText(json)
                                                                 : QStringLiteral("this value");
        *problem = QStringLiteral("%1 does not fit the column's type: give %2")
                       .arg(shown, m_target.expected);
        return false;
    }
    m_values.push_back(*value);
    if (value->kind == ValueKind::Text) {
        const QByteArray utf8 = jsonText(json).toUtf8();
        m_text.emplace_back(utf8.constData(), size_t(utf8.size()));
        m_values.back() = Value::string(m_text.back());
    }
    return true;
}

size_t ValueList::distinctCount() const
{
    std::set<std::string> seen;
    for (const Value &v : m_values) {
        std::string key(1, char(v.kind));
        renderText(v, key);
        seen.insert(std::move(key));
    }
    return seen.size();
}

} // namespace spillway
