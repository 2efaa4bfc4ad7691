#include "verify/pgtextform.h"

#include "base/geometry.h"
#include "base/params.h"
#include "base/valueformat.h"
#include "encode/binaryconvert.h"
#include "verify/shortestfloat.h"

#include <QRegularExpression>

#include <charconv>
#include <cmath>
#include <cstring>

namespace spillway {
namespace {

using Family = PgTextForm::Family;

struct TypeName
{
    const char *name;
    Family family;
};

constexpr TypeName kTypes[] = {
    {"smallint", Family::Integer},
    {"int2", Family::Integer},
    {"integer", Family::Integer},
    {"int", Family::Integer},
    {"int4", Family::Integer},
    {"bigint", Family::Integer},
    {"int8", Family::Integer},
    {"numeric", Family::Numeric},
    {"decimal", Family::Numeric},
    {"double precision", Family::Double},
    {"float8", Family::Double},
    {"float", Family::Double},
    {"real", Family::Real},
    {"float4", Family::Real},
    {"boolean", Family::Boolean},
    {"bool", Family::Boolean},
    {"date", Family::Date},
    {"time", Family::Time},
    {"time without time zone", Family::Time},
    {"timestamp", Family::Timestamp},
    {"timestamp without time zone", Family::Timestamp},
    {"timestamptz", Family::TimestampTz},
    {"timestamp with time zone", Family::TimestampTz},
    {"uuid", Family::Uuid},
    {"char", Family::Bpchar},
    {"character", Family::Bpchar},
    {"bpchar", Family::Bpchar},
    {"varchar", Family::Varchar},
    {"character varying", Family::Varchar},
    {"text", Family::Text},
    {"citext", Family::Text},
    {"json", Family::Text},
    {"bytea", Family::Bytea},
};

// The text Spillway's encoders write for a value (floats with room for any fixed form).
std::string_view sourceText(const Value &v, char *buffer)
{
    if (v.kind == ValueKind::Text)
        return v.view();
    if (v.kind == ValueKind::Float) {
        const bool shortest = v.scale == kShortestFloat;
        const auto r = shortest ? std::to_chars(buffer, buffer + kFloatNumericBound, v.f)
                                : std::to_chars(buffer, buffer + kFloatNumericBound, v.f,
                                                std::chars_format::fixed, v.scale);
        return {buffer, size_t(r.ptr - buffer)};
    }
    return {buffer, size_t(formatScalar(buffer, v) - buffer)};
}

void appendScalar(std::string &out, const Value &v)
{
    char buffer[kMaxScalarText];
    out.append(buffer, size_t(formatScalar(buffer, v) - buffer));
}

bool isSpace(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f';
}

// A number's text split into digits around the point (after the exponent is applied).
struct DecimalDigits
{
    bool negative = false;
    std::string whole;
    std::string fraction;
};

bool splitNumber(std::string_view s, DecimalDigits &d)
{
    size_t i = 0;
    if (i < s.size() && (s[i] == '+' || s[i] == '-'))
        d.negative = s[i++] == '-';
    bool point = false, any = false;
    for (; i < s.size(); ++i) {
        if (s[i] >= '0' && s[i] <= '9') {
            (point ? d.fraction : d.whole).push_back(s[i]);
            any = true;
        } else if (s[i] == '.' && !point) {
            point = true;
        } else {
            break;
        }
    }
    long exponent = 0;
    if (i < s.size() && (s[i] == 'e' || s[i] == 'E')) {
        const char *begin = s.data() + i + 1 + (i + 1 < s.size() && s[i + 1] == '+');
        const auto r = std::from_chars(begin, s.data() + s.size(), exponent);
        if (r.ec != std::errc() || exponent > 1000 || exponent < -1000)
            return false;
        i = size_t(r.ptr - s.data());
    }
    if (!any || i != s.size())
        return false;
    for (; exponent > 0; --exponent) { // move the point right
        d.whole.push_back(d.fraction.empty() ? '0' : d.fraction.front());
        if (!d.fraction.empty())
            d.fraction.erase(0, 1);
    }
    for (; exponent < 0; ++exponent) { // and left
        d.fraction.insert(d.fraction.begin(), d.whole.empty() ? '0' : d.whole.back());
        if (!d.whole.empty())
            d.whole.pop_back();
    }
    return true;
}

// Rounds half away from zero to `scale` decimals (negative: to tens, hundreds...).
void roundDigits(DecimalDigits &d, int scale)
{
    std::string digits = d.whole + d.fraction;
    const long keep = long(d.whole.size()) + scale;
    if (keep >= long(digits.size()))
        return;
    const bool up = keep >= 0 && digits[size_t(keep)] >= '5';
    digits.replace(size_t(std::max(keep, 0L)), std::string::npos,
                   digits.size() - size_t(std::max(keep, 0L)), '0');
    if (up) {
        long k = keep - 1;
        for (; k >= 0 && digits[size_t(k)] == '9'; --k)
            digits[size_t(k)] = '0';
        if (k >= 0)
            ++digits[size_t(k)];
        else
            digits.insert(digits.begin(), '1');
    }
    const size_t wholeSize = digits.size() - d.fraction.size();
    d.whole = digits.substr(0, wholeSize);
    d.fraction = digits.substr(wholeSize, size_t(std::max(scale, 0)));
}

// The instant or time of day a value loads as in a date/time column of the given family.
std::optional<PgTimestamp> readTemporal(const Value &v, Family family)
{
    PgTimestamp t;
    switch (v.kind) {
    case ValueKind::Date:
        t.micros = v.i * kMicrosPerDay;
        return t;
    case ValueKind::Timestamp:
    case ValueKind::Time:
        t.micros = v.i;
        return t;
    case ValueKind::TimestampTz: // an instant; other types keep its local time
        t.micros = family == Family::TimestampTz ? v.i : v.i + int64_t(v.zoneOffset()) * 1000000;
        return t;
    default:
        break;
    }
    char buffer[kFloatNumericBound];
    const std::string_view text = sourceText(v, buffer);
    if (family == Family::Time) {
        if (const auto time = parsePgTime(text))
            return time;
    }
    auto parsed = parsePgTimestamp(text);
    // The parser leaves the local time; only timestamptz applies a zone (others ignore it).
    if (parsed && parsed->hasZone && parsed->finite && family == Family::TimestampTz)
        parsed->micros += int64_t(parsed->zoneWest) * 1000000;
    return parsed;
}

} // namespace

PgTextForm PgTextForm::forType(const QString &sqlType)
{
    PgTextForm form;
    QString t = sqlType.simplified().toLower();
    form.m_type = t;
    if (t.endsWith(QLatin1Char(']')) || t.startsWith(QLatin1Char('_')))
        return form; // arrays
    if (const auto geometry = parseGeometryType(t)) {
        form.m_family = Family::Geometry;
        form.m_modifier = geometry->srid;
        return form;
    }
    static const QRegularExpression modifier(
        QStringLiteral("\\s*\\(\\s*(\\d+)\\s*(?:,\\s*(-?\\d+)\\s*)?\\)"));
    int first = -1, second = kNoModifier;
    if (const auto m = modifier.match(t); m.hasMatch()) {
        first = m.captured(1).toInt();
        if (!m.captured(2).isEmpty())
            second = m.captured(2).toInt();
        t.remove(m.capturedStart(), m.capturedLength());
        t = t.simplified();
    }
    for (const TypeName &type : kTypes) {
        if (t == QLatin1String(type.name))
            form.m_family = type.family;
    }
    switch (form.m_family) {
    case Family::Double:
        if (t == QLatin1String("float") && first >= 1 && first <= 24)
            form.m_family = Family::Real;
        break;
    case Family::Numeric: // numeric(p, s), numeric(p) = numeric(p, 0), numeric: no scale
        if (first >= 0)
            form.m_modifier = second != kNoModifier ? second : 0;
        break;
    case Family::Time:
    case Family::Timestamp:
    case Family::TimestampTz:
        if (first >= 0 && first < 6)
            form.m_modifier = first;
        break;
    case Family::Varchar:
        form.m_modifier = first;
        break;
    default:
        break;
    }
    return form;
}

QString PgTextForm::unpredictableReason() const
{
    if (isPredictable())
        return {};
    return QStringLiteral("checksum not compared for %1: PostgreSQL's text of it cannot be "
                          "predicted exactly, so only non-null counts are compared")
        .arg(m_type);
}

char *PgTextForm::formatDouble(char *p, double v)
{
    return formatPgDouble(p, v);
}

char *PgTextForm::formatReal(char *p, float v)
{
    return formatPgReal(p, v);
}

void PgTextForm::numericText(std::string_view text, std::optional<int> scale, std::string &out)
{
    out.clear();
    while (!text.empty() && isSpace(text.front()))
        text.remove_prefix(1);
    while (!text.empty() && isSpace(text.back()))
        text.remove_suffix(1);
    DecimalDigits d;
    if (!splitNumber(text, d)) {
        // NaN and the infinities print in one spelling; anything else could not have loaded.
        const std::string lower =
            QString::fromUtf8(text.data(), qsizetype(text.size())).toLower().toStdString();
        if (lower == "nan")
            out = "NaN";
        else if (lower == "infinity" || lower == "+infinity" || lower == "inf" || lower == "+inf")
            out = "Infinity";
        else if (lower == "-infinity" || lower == "-inf")
            out = "-Infinity";
        else
            out.assign(text);
        return;
    }
    if (scale) {
        roundDigits(d, *scale);
        d.fraction.resize(size_t(std::max(*scale, 0)), '0');
    }
    const size_t start = d.whole.find_first_not_of('0');
    d.whole.erase(0, std::min(start, d.whole.size()));
    if (d.whole.empty())
        d.whole = "0";
    const bool zero = d.whole == "0" && d.fraction.find_first_not_of('0') == std::string::npos;
    if (d.negative && !zero)
        out.push_back('-');
    out += d.whole;
    if (!d.fraction.empty()) {
        out.push_back('.');
        out += d.fraction;
    }
}

void PgTextForm::render(const Value &v, std::string &out) const
{
    out.clear();
    char buffer[kFloatNumericBound];
    switch (m_family) {
    case Family::Integer:
        if (v.kind == ValueKind::Int) {
            appendScalar(out, v);
        } else if (const auto i = parsePgInteger(sourceText(v, buffer))) {
            out.append(buffer, size_t(formatInt(buffer, *i) - buffer));
        } else {
            out.assign(sourceText(v, buffer));
        }
        return;
    case Family::Numeric:
        return renderNumeric(v, out);
    case Family::Double:
        return renderDouble(v, out);
    case Family::Real:
        return renderReal(v, out);
    case Family::Boolean: {
        const auto b = v.kind == ValueKind::Bool ? std::optional<bool>(v.i != 0)
                                                 : parsePgBool(sourceText(v, buffer));
        if (b)
            out = *b ? "true" : "false";
        else
            out.assign(sourceText(v, buffer));
        return;
    }
    case Family::Date:
    case Family::Time:
    case Family::Timestamp:
    case Family::TimestampTz:
        return renderTemporal(v, out);
    default:
        return renderSpecial(v, out);
    }
}

void PgTextForm::renderNumeric(const Value &v, std::string &out) const
{
    const bool scaled = m_modifier != kNoModifier;
    const int scale = m_modifier;
    if (v.kind == ValueKind::Int && scaled && scale >= 0) {
        appendScalar(out, v);
        if (scale > 0)
            out.append(1, '.').append(size_t(scale), '0');
        return;
    }
    if (v.kind == ValueKind::Decimal && (!scaled || scale >= v.scale)) {
        appendScalar(out, v);
        if (scaled && scale > v.scale)
            out.append(v.scale == 0 ? 1 : 0, '.').append(size_t(scale - v.scale), '0');
        return;
    }
    char buffer[kFloatNumericBound];
    numericText(sourceText(v, buffer), scaled ? std::optional<int>(scale) : std::nullopt, out);
}

void PgTextForm::renderDouble(const Value &v, std::string &out) const
{
    std::optional<double> d;
    char buffer[kFloatNumericBound];
    switch (v.kind) {
    case ValueKind::Float:
        d = canonicalDouble(v.f, v.scale);
        break;
    case ValueKind::Int:
        d = double(v.i);
        break;
    case ValueKind::Decimal:
        d = doubleFromDecimal(v.i, v.scale);
        break;
    default:
        d = parsePgDouble(sourceText(v, buffer));
        break;
    }
    if (d)
        out.append(buffer, size_t(formatDouble(buffer, *d) - buffer));
    else
        out.assign(sourceText(v, buffer));
}

void PgTextForm::renderReal(const Value &v, std::string &out) const
{
    std::optional<float> f;
    char buffer[kFloatNumericBound];
    switch (v.kind) {
    case ValueKind::Float:
        f = floatFromDouble(v.f, v.scale);
        break;
    case ValueKind::Decimal:
        f = floatFromDecimal(v.i, v.scale);
        break;
    default:
        f = parsePgFloat(sourceText(v, buffer));
        break;
    }
    if (f)
        out.append(buffer, size_t(formatReal(buffer, *f) - buffer));
    else
        out.assign(sourceText(v, buffer));
}

int64_t PgTextForm::roundMicros(int64_t micros, bool timeOfDay) const
{
    if (m_modifier == kNoModifier)
        return micros;
    static constexpr int64_t kScales[] = {1000000, 100000, 10000, 1000, 100, 10};
    const int64_t scale = kScales[m_modifier], half = scale / 2;
    // PostgreSQL rounds half away from zero around its own epoch, 2000-01-01.
    const int64_t t = timeOfDay ? micros : micros - kPgEpochMicros;
    const int64_t rounded = t >= 0 ? (t + half) / scale * scale : -((-t + half) / scale * scale);
    return timeOfDay ? rounded : rounded + kPgEpochMicros;
}

void PgTextForm::renderTemporal(const Value &v, std::string &out) const
{
    const std::optional<PgTimestamp> t = readTemporal(v, m_family);
    char buffer[kFloatNumericBound];
    if (!t) {
        out.assign(sourceText(v, buffer));
        return;
    }
    if (!t->finite) {
        out = t->micros > 0 ? "infinity" : "-infinity";
        return;
    }
    const auto floorDiv = [](int64_t a, int64_t b) { return a >= 0 ? a / b : -((-a + b - 1) / b); };
    char *p = buffer;
    if (m_family == Family::Date) {
        p = formatDate(p, floorDiv(t->micros, kMicrosPerDay));
    } else if (m_family == Family::Time) {
        // A time of day as is (24:00:00 included); a timestamp's time of day otherwise.
        int64_t micros = t->micros;
        if (micros < 0 || micros > kMicrosPerDay)
            micros -= floorDiv(micros, kMicrosPerDay) * kMicrosPerDay;
        p = formatTime(p, roundMicros(micros, true));
    } else {
        p = formatTimestamp(p, roundMicros(t->micros, false));
        if (m_family == Family::TimestampTz)
            p = std::copy_n("+00", 3, p);
    }
    out.append(buffer, size_t(p - buffer));
}

void PgTextForm::renderSpecial(const Value &v, std::string &out) const
{
    char buffer[kFloatNumericBound];
    const std::string_view text = sourceText(v, buffer);
    switch (m_family) {
    case Family::Uuid: {
        uint64_t hi = 0, lo = 0;
        if (v.kind == ValueKind::Uuid)
            hi = uint64_t(v.i), lo = v.u;
        else if (!parsePgUuid(text, hi, lo))
            break;
        out.append(buffer, size_t(formatUuid(buffer, hi, lo) - buffer));
        return;
    }
    case Family::Bpchar: {
        size_t n = text.size();
        while (n > 0 && text[n - 1] == ' ')
            --n;
        out.assign(text.substr(0, n));
        return;
    }
    case Family::Varchar:
        out.assign(text);
        if (m_modifier != kNoModifier && out.size() > size_t(m_modifier)) {
            // Over-long input loads only when the excess is spaces, and is cut to n characters.
            size_t chars = 0, i = 0;
            for (; i < out.size() && chars < size_t(m_modifier); ++i)
                chars += (uchar(out[i]) & 0xC0) != 0x80;
            while (i < out.size() && (uchar(out[i]) & 0xC0) == 0x80)
                ++i;
            out.resize(i);
        }
        return;
    case Family::Bytea: {
        std::string bytes(text.size(), '\0');
        const int64_t n = decodeBytea(text, bytes.data());
        if (n < 0)
            break;
        static constexpr char kHex[] = "0123456789abcdef";
        out = "\\x";
        for (int64_t i = 0; i < n; ++i)
            out.append(1, kHex[uchar(bytes[size_t(i)]) >> 4])
                .append(1, kHex[bytes[size_t(i)] & 15]);
        return;
    }
    case Family::Geometry: {
        // A geometry without an SRID takes the column's (postgis_valid_typmod does the same).
        thread_local Geometry geometry;
        if (!readGeometryText(text, geometry))
            break;
        if (geometry.srid == 0)
            geometry.srid = m_modifier;
        out.resize(2 * ewkbSize(geometry));
        writeEwkbHex(out.data(), geometry);
        return;
    }
    default:
        break;
    }
    out.assign(text);
}

} // namespace spillway
