#include "encode/binaryencoder.h"

#include "encode/binarynet.h"

#include "base/geometry.h"
#include "base/valueformat.h"
#include "encode/binaryconvert.h"

#include <QRegularExpression>

#include <cmath>

namespace spillway {

struct BinaryCopyEncoder::Layout
{
    const TableRuntime *table = nullptr;
    std::vector<BinaryType> types; // per output column
    QStringList sqlTypes;          // per output column: a new table at a reused address differs
    bool matches(const TableRuntime &t) const;
};

namespace {

// Worst-case field bytes of a non-text value other than a Float: a numeric of an int64
// (28), or the text form of any scalar (kMaxScalarText) with its length word.
constexpr size_t kScalarBound = kMaxScalarText + 16;

inline char *copyBytes(char *p, const char *s, size_t n)
{
    // Most values are short: a plain loop beats a call to memcpy for them.
    if (n <= 16) {
        for (size_t i = 0; i < n; ++i)
            p[i] = s[i];
        return p + n;
    }
    std::memcpy(p, s, n);
    return p + n;
}

inline char *putText(char *p, const char *s, uint32_t n)
{
    return copyBytes(putBE32(p, n), s, n);
}

// A non-text value as the text the text encoders print for it.
char *putTextForm(char *p, const Value &v, size_t prefix = 0)
{
    char *begin = p + 4;
    char *end = formatScalar(begin + prefix, v);
    putBE32(p, uint32_t(end - begin));
    return end;
}

char *putInteger(char *p, BinaryType t, int64_t v, const char *&why)
{
    switch (t) {
    case BinaryType::Int2:
        if (v < INT16_MIN || v > INT16_MAX) {
            why = "is out of range for smallint";
            return nullptr;
        }
        return putBE16(putBE32(p, 2), uint16_t(v));
    case BinaryType::Int4:
        if (v < INT32_MIN || v > INT32_MAX) {
            why = "is out of range for integer";
            return nullptr;
        }
        return putBE32(putBE32(p, 4), uint32_t(v));
    default:
        return putBE64(putBE32(p, 8), uint64_t(v));
    }
}

inline char *putDouble(char *p, double d)
{
    uint64_t bits;
    std::memcpy(&bits, &d, 8);
    return putBE64(putBE32(p, 8), bits);
}

inline char *putFloat(char *p, float f)
{
    uint32_t bits;
    std::memcpy(&bits, &f, 4);
    return putBE32(putBE32(p, 4), bits);
}

inline char *putDate(char *p, int64_t days, const char *&why)
{
    const int64_t pg = days - kPgEpochDays;
    if (pg <= INT32_MIN || pg >= INT32_MAX) {
        why = "is out of range for date";
        return nullptr;
    }
    return putBE32(putBE32(p, 4), uint32_t(pg));
}

inline char *putTimestamp(char *p, int64_t micros, const char *&why)
{
    int64_t pg = 0;
    if (__builtin_sub_overflow(micros, kPgEpochMicros, &pg)) {
        why = "is out of range for timestamp";
        return nullptr;
    }
    return putBE64(putBE32(p, 8), uint64_t(pg));
}

inline char *putTime(char *p, int64_t micros, bool withZone, int32_t zoneWest)
{
    p = putBE64(putBE32(p, withZone ? 12 : 8), uint64_t(micros));
    return withZone ? putBE32(p, uint32_t(zoneWest)) : p;
}

inline char *putUuid(char *p, uint64_t hi, uint64_t lo)
{
    return putBE64(putBE64(putBE32(p, 16), hi), lo);
}

inline char *putBool(char *p, bool b)
{
    p = putBE32(p, 1);
    *p++ = b ? 1 : 0;
    return p;
}

inline char *putJsonb(char *p, const char *s, uint32_t n)
{
    p = putBE32(p, n + 1);
    *p++ = 1; // jsonb's binary format version
    return copyBytes(p, s, n);
}

char *putBytea(char *p, std::string_view s, const char *&why)
{
    if (!std::memchr(s.data(), '\\', s.size())) // no escapes: the text is the bytes
        return putText(p, s.data(), uint32_t(s.size()));
    const int64_t n = decodeBytea(s, p + 4);
    if (n < 0) {
        why = "is not valid bytea input (\\x followed by hex digits, or escapes \\\\ and \\ooo)";
        return nullptr;
    }
    putBE32(p, uint32_t(n));
    return p + 4 + n;
}

// An Int, Float, Decimal or text value as an integer type, where that loses nothing.
char *convertInteger(char *p, BinaryType t, const Value &v, const char *&why)
{
    why = "is not a whole number";
    if (v.kind == ValueKind::Float) {
        if (std::isfinite(v.f) && std::trunc(v.f) == v.f && std::fabs(v.f) < 0x1p63)
            return putInteger(p, t, int64_t(v.f), why);
    } else if (v.kind == ValueKind::Decimal) {
        if (v.scale <= 18 && v.i % int64_t(kPowersOf10[v.scale]) == 0)
            return putInteger(p, t, v.i / int64_t(kPowersOf10[v.scale]), why);
        if (v.i == 0)
            return putInteger(p, t, 0, why);
    } else if (v.kind == ValueKind::Text) {
        if (const auto i = parsePgInteger(v.view()))
            return putInteger(p, t, *i, why);
        why = "is not a whole number (or is out of range for bigint)";
    }
    return nullptr;
}

// The real or double precision that float4in / float8in make of the value's text form.
std::optional<float> toReal(const Value &v)
{
    switch (v.kind) {
    case ValueKind::Float:
        return floatFromDouble(v.f, v.scale);
    case ValueKind::Int:
        return float(v.i); // int64 to float rounds to nearest, as strtof does with its text
    case ValueKind::Decimal:
        return floatFromDecimal(v.i, v.scale);
    case ValueKind::Text:
        return parsePgFloat(v.view());
    default:
        return std::nullopt;
    }
}

std::optional<double> toDouble(const Value &v)
{
    switch (v.kind) {
    case ValueKind::Float:
        return canonicalDouble(v.f, v.scale);
    case ValueKind::Int:
        return double(v.i);
    case ValueKind::Decimal:
        return doubleFromDecimal(v.i, v.scale);
    case ValueKind::Text:
        return parsePgDouble(v.view());
    default:
        return std::nullopt;
    }
}

char *convertFloat(char *p, BinaryType t, const Value &v, const char *&why)
{
    if (t == BinaryType::Float4) {
        if (const auto f = toReal(v))
            return putFloat(p, *f);
        why = "is not a number in the range of real";
    } else {
        if (const auto d = toDouble(v))
            return putDouble(p, *d);
        why = "is not a number in the range of double precision";
    }
    return nullptr;
}

char *convertNumeric(char *p, const Value &v, const char *&why)
{
    char *end = nullptr;
    if (v.kind == ValueKind::Float)
        end = putNumericFloat(p, v.f, v.scale);
    else if (v.kind == ValueKind::Text)
        end = putNumericText(p, v.view());
    if (!end)
        why = "is not a number";
    return end;
}

char *convertBool(char *p, const Value &v, const char *&why)
{
    if (v.kind == ValueKind::Int && (v.i == 0 || v.i == 1))
        return putBool(p, v.i == 1);
    if (v.kind == ValueKind::Text) {
        if (const auto b = parsePgBool(v.view()))
            return putBool(p, *b);
    }
    why = "is not a boolean (true, false, yes, no, on, off, 1, 0)";
    return nullptr;
}

char *convertTemporal(char *p, BinaryType t, const Value &v, const char *&why)
{
    const bool isDate = t == BinaryType::Date;
    const bool withZone = t == BinaryType::TimestampTz;
    std::optional<PgTimestamp> ts;
    if (v.kind == ValueKind::Date) {
        ts = PgTimestamp{v.i * kMicrosPerDay};
    } else if (v.kind == ValueKind::Timestamp && isDate) {
        ts = PgTimestamp{v.i}; // date_in reads the date and drops the time, as here
    } else if (v.kind == ValueKind::TimestampTz) {
        // timestamp_in and date_in read the local time and ignore the zone.
        ts = PgTimestamp{withZone ? v.i : v.i + int64_t(v.zoneOffset()) * 1000000};
        if (withZone)
            return putTimestamp(p, ts->micros, why);
    } else if (v.kind == ValueKind::Text) {
        ts = parsePgTimestamp(v.view());
    }
    if (!ts) {
        why = isDate ? "is not a date written YYYY-MM-DD"
                     : "is not a timestamp written YYYY-MM-DD HH:MM:SS[.ffffff][+zone]";
        return nullptr;
    }
    if (!ts->finite) { // +/-infinity
        if (isDate)
            return putBE32(putBE32(p, 4), ts->micros > 0 ? INT32_MAX : uint32_t(INT32_MIN));
        return putBE64(putBE32(p, 8), uint64_t(ts->micros));
    }
    if (isDate) {
        const int64_t days = ts->micros / kMicrosPerDay - (ts->micros % kMicrosPerDay < 0);
        return putDate(p, days, why);
    }
    // timestamp ignores a zone, as timestamp_in does; timestamptz applies it (UTC if none).
    const int64_t micros = withZone ? ts->micros + int64_t(ts->zoneWest) * 1000000 : ts->micros;
    return putTimestamp(p, micros, why);
}

char *convertTime(char *p, BinaryType t, const Value &v, const char *&why)
{
    const bool withZone = t == BinaryType::TimeTz;
    if (v.kind == ValueKind::Time)
        return putTime(p, v.i, withZone, 0);
    if (v.kind == ValueKind::Text) {
        if (const auto time = parsePgTime(v.view()))
            return putTime(p, time->micros, withZone, time->zoneWest);
    }
    why = "is not a time of day written HH:MM:SS[.ffffff]";
    return nullptr;
}

// Types sent from their text only.
char *convertTextual(char *p, BinaryType t, const Value &v, const char *&why)
{
    if (v.kind != ValueKind::Text) {
        why = "is not text of this type";
        return nullptr;
    }
    switch (t) {
    case BinaryType::Inet:
    case BinaryType::Cidr:
        return putInetText(p, v.view(), t == BinaryType::Cidr, why);
    case BinaryType::MacAddr:
        return putMacaddrText(p, v.view(), why);
    case BinaryType::Interval:
        return putIntervalText(p, v.view(), why);
    default:
        return putPointText(p, v.view(), why);
    }
}

// A geometry or geography from its text (EWKT, or the hex EWKB PostgreSQL prints) as EWKB,
// which is what both types' binary receive functions read.
char *putGeometryText(char *p, const Value &v, const char *&why)
{
    thread_local Geometry geometry;
    if (v.kind != ValueKind::Text || !readGeometryText(v.view(), geometry)) {
        why = "is not a two-dimensional geometry written as (E)WKT or hex EWKB";
        return nullptr;
    }
    char *end = writeEwkb(p + 4, geometry);
    putBE32(p, uint32_t(end - p - 4));
    return end;
}

// Every value whose kind is not the column type's own: converted as the server would read
// its text form, or nullptr with `why` saying what is wrong.
char *writeConverted(char *p, BinaryType t, const Value &v, const char *&why)
{
    switch (t) {
    case BinaryType::Text:
    case BinaryType::Json:
        return putTextForm(p, v);
    case BinaryType::Jsonb:
        p[4] = 1;
        p = putTextForm(p, v, 1);
        return p;
    case BinaryType::Bytea:
        return v.kind == ValueKind::Text ? putBytea(p, v.view(), why) : putTextForm(p, v);
    case BinaryType::Inet:
    case BinaryType::Cidr:
    case BinaryType::MacAddr:
    case BinaryType::Interval:
    case BinaryType::Point:
        return convertTextual(p, t, v, why);
    case BinaryType::Int2:
    case BinaryType::Int4:
    case BinaryType::Int8:
        return convertInteger(p, t, v, why);
    case BinaryType::Float4:
    case BinaryType::Float8:
        return convertFloat(p, t, v, why);
    case BinaryType::Numeric:
        return convertNumeric(p, v, why);
    case BinaryType::Bool:
        return convertBool(p, v, why);
    case BinaryType::Date:
    case BinaryType::Timestamp:
    case BinaryType::TimestampTz:
        return convertTemporal(p, t, v, why);
    case BinaryType::Time:
    case BinaryType::TimeTz:
        return convertTime(p, t, v, why);
    case BinaryType::Geometry:
        return putGeometryText(p, v, why);
    case BinaryType::Uuid: {
        uint64_t hi = 0, lo = 0;
        if (v.kind == ValueKind::Text && parsePgUuid(v.view(), hi, lo))
            return putUuid(p, hi, lo);
        why = "is not a uuid";
        return nullptr;
    }
    case BinaryType::Unsupported:
        break;
    }
    why = "cannot be sent: the column type has no binary form here";
    return nullptr;
}

// One field: the common pairs of column type and value kind inline, the rest converted.
inline char *writeField(char *p, BinaryType t, const Value &v, const char *&why)
{
    if (v.kind == ValueKind::Null)
        return putBE32(p, uint32_t(-1));
    switch (t) {
    case BinaryType::Int2:
    case BinaryType::Int4:
    case BinaryType::Int8:
        if (v.kind == ValueKind::Int)
            return putInteger(p, t, v.i, why);
        break;
    case BinaryType::Numeric:
        if (v.kind == ValueKind::Decimal || v.kind == ValueKind::Int)
            return putNumeric(p, v.i, v.kind == ValueKind::Decimal ? v.scale : 0);
        break;
    case BinaryType::Float8:
        if (v.kind == ValueKind::Float && v.scale == kShortestFloat)
            return putDouble(p, v.f);
        break;
    case BinaryType::Date:
        if (v.kind == ValueKind::Date)
            return putDate(p, v.i, why);
        break;
    case BinaryType::Timestamp:
    case BinaryType::TimestampTz: // Timestamp values are UTC instants for timestamptz
        if (v.kind == ValueKind::Timestamp ||
            (v.kind == ValueKind::TimestampTz && t == BinaryType::TimestampTz))
            return putTimestamp(p, v.i, why);
        break;
    case BinaryType::Time:
        if (v.kind == ValueKind::Time)
            return putTime(p, v.i, false, 0);
        break;
    case BinaryType::Uuid:
        if (v.kind == ValueKind::Uuid)
            return putUuid(p, uint64_t(v.i), v.u);
        break;
    case BinaryType::Bool:
        if (v.kind == ValueKind::Bool)
            return putBool(p, v.i != 0);
        break;
    case BinaryType::Text:
    case BinaryType::Json:
        if (v.kind == ValueKind::Text)
            return putText(p, v.text, v.len);
        break;
    case BinaryType::Jsonb:
        if (v.kind == ValueKind::Text)
            return putJsonb(p, v.text, v.len);
        break;
    default:
        break;
    }
    return writeConverted(p, t, v, why);
}

// Worst-case bytes of a batch's tuples: a text value needs at most its length plus a
// numeric's header (text read as numeric), a Float sent as numeric its fixed text's digits.
// A geometry's EWKB takes at most 6 bytes per byte of its text ("1 2," in a MULTIPOINT is 21
// bytes). Summed column by column, which reads the values in memory order.
inline size_t batchBound(const Value *const *col, const BinaryType *types, size_t columns,
                         uint32_t count)
{
    size_t bound = 2 * size_t(count);
    for (size_t k = 0; k < columns; ++k) {
        const size_t textFactor = types[k] == BinaryType::Geometry ? 6 : 1;
        for (uint32_t r = 0; r < count; ++r) {
            const Value &v = col[k][r];
            bound += v.kind == ValueKind::Text
                         ? textFactor * size_t(v.len) + 24
                         : (v.kind == ValueKind::Float ? kFloatNumericBound : kScalarBound);
        }
    }
    return bound;
}

// SQL type names (without modifiers) and the binary form each is sent in.
constexpr std::pair<const char *, BinaryType> kTypeNames[] = {
    {"smallint", BinaryType::Int2},
    {"int2", BinaryType::Int2},
    {"integer", BinaryType::Int4},
    {"int", BinaryType::Int4},
    {"int4", BinaryType::Int4},
    {"bigint", BinaryType::Int8},
    {"int8", BinaryType::Int8},
    {"real", BinaryType::Float4},
    {"float4", BinaryType::Float4},
    {"double precision", BinaryType::Float8},
    {"float8", BinaryType::Float8},
    {"float", BinaryType::Float8},
    {"numeric", BinaryType::Numeric},
    {"decimal", BinaryType::Numeric},
    {"boolean", BinaryType::Bool},
    {"bool", BinaryType::Bool},
    {"date", BinaryType::Date},
    {"time", BinaryType::Time},
    {"time without time zone", BinaryType::Time},
    {"timetz", BinaryType::TimeTz},
    {"time with time zone", BinaryType::TimeTz},
    {"timestamp", BinaryType::Timestamp},
    {"timestamp without time zone", BinaryType::Timestamp},
    {"timestamptz", BinaryType::TimestampTz},
    {"timestamp with time zone", BinaryType::TimestampTz},
    {"uuid", BinaryType::Uuid},
    {"text", BinaryType::Text},
    {"varchar", BinaryType::Text},
    {"character varying", BinaryType::Text},
    {"char", BinaryType::Text},
    {"character", BinaryType::Text},
    {"bpchar", BinaryType::Text},
    {"citext", BinaryType::Text},
    {"xml", BinaryType::Text},
    {"json", BinaryType::Json},
    {"jsonb", BinaryType::Jsonb},
    {"bytea", BinaryType::Bytea},
    {"inet", BinaryType::Inet},
    {"cidr", BinaryType::Cidr},
    {"macaddr", BinaryType::MacAddr},
    {"interval", BinaryType::Interval},
    {"point", BinaryType::Point},
    {"geometry", BinaryType::Geometry},
    {"geography", BinaryType::Geometry},
};

} // namespace

bool BinaryCopyEncoder::Layout::matches(const TableRuntime &t) const
{
    if (table != &t || t.outputColumns.size() != types.size())
        return false;
    for (size_t k = 0; k < types.size(); ++k) {
        if (t.columns[size_t(t.outputColumns[k])].sqlType != sqlTypes[int(k)])
            return false;
    }
    return true;
}

BinaryCopyEncoder::BinaryCopyEncoder() = default;
BinaryCopyEncoder::~BinaryCopyEncoder() = default;

void BinaryCopyEncoder::writeHeader(const TableRuntime &, ByteBuffer &out) const
{
    static constexpr char kSignature[11] = {'P',  'G',    'C',  'O',  'P', 'Y',
                                            '\n', '\377', '\r', '\n', '\0'};
    char *p = out.reserveTail(19);
    std::memcpy(p, kSignature, sizeof kSignature);
    p = putBE32(p + sizeof kSignature, 0); // flags: no OIDs
    out.setEnd(putBE32(p, 0));             // no header extension
}

void BinaryCopyEncoder::trailer(ByteBuffer &out)
{
    out.setEnd(putBE16(out.reserveTail(2), 0xFFFF));
}

void BinaryCopyEncoder::encode(const TableRuntime &table, const RowBatch &batch, ByteBuffer &out,
                               std::vector<uint32_t> *rowEnds) const
{
    const Layout &layout = layoutFor(table);
    const BinaryType *types = layout.types.data();
    const size_t columns = layout.types.size();
    const Value *cols[256];
    std::vector<const Value *> many(columns > 256 ? columns : 0);
    const Value **col = columns > 256 ? many.data() : cols;
    for (size_t k = 0; k < columns; ++k)
        col[k] = batch.column(table.outputColumns[k]);
    // One capacity check per batch: the worst case of every field, then raw writes.
    char *const begin = out.reserveTail(batchBound(col, types, columns, batch.count)) - out.size();
    char *p = begin + out.size();
    for (uint32_t r = 0; r < batch.count; ++r) {
        p = putBE16(p, uint16_t(columns));
        for (size_t k = 0; k < columns; ++k) {
            const char *why = nullptr;
            char *next = writeField(p, types[k], col[k][r], why);
            p = next ? next : reject(p, layout, k, batch.firstRow + r, col[k][r], why);
        }
        if (rowEnds)
            rowEnds->push_back(uint32_t(p - begin));
    }
    out.setEnd(p);
}

char *BinaryCopyEncoder::reject(char *p, const Layout &layout, size_t column, uint64_t row,
                                const Value &v, const char *why) const
{
    if (!m_failed.load(std::memory_order_relaxed)) {
        QString value;
        if (v.kind == ValueKind::Text) {
            value = QString::fromUtf8(v.text, qsizetype(std::min<uint32_t>(v.len, 60)));
        } else {
            char text[kMaxScalarText];
            value = QString::fromLatin1(text, formatScalar(text, v) - text);
        }
        const TableRuntime &t = *layout.table;
        const QString message =
            QStringLiteral("table '%1', column '%2' (%3), row %4: the value '%5' %6, so binary "
                           "COPY cannot send it; make the generator produce values of the "
                           "column's type, or load this table with text COPY")
                .arg(t.name, t.columns[size_t(t.outputColumns[column])].name,
                     layout.sqlTypes[int(column)])
                .arg(row)
                .arg(value, QLatin1String(why));
        std::lock_guard<std::mutex> lock(m_mutex);
        if (m_error.isEmpty()) // the first error wins, whichever worker finds it
            m_error = message;
        m_failed.store(true);
    }
    // A negative length other than -1 makes the server stop the COPY ("invalid field size").
    return putBE32(p, uint32_t(-2));
}

QString BinaryCopyEncoder::error() const
{
    std::lock_guard<std::mutex> lock(m_mutex);
    return m_error;
}

const BinaryCopyEncoder::Layout &BinaryCopyEncoder::layoutFor(const TableRuntime &table) const
{
    std::lock_guard<std::mutex> lock(m_mutex);
    for (auto it = m_layouts.rbegin(); it != m_layouts.rend(); ++it) {
        if ((*it)->matches(table))
            return **it;
    }
    auto layout = std::make_unique<Layout>();
    layout->table = &table;
    for (int c : table.outputColumns) {
        const QString &type = table.columns[size_t(c)].sqlType;
        layout->types.push_back(typeOf(type));
        layout->sqlTypes.append(type);
    }
    m_layouts.push_back(std::move(layout));
    return *m_layouts.back();
}

BinaryType BinaryCopyEncoder::typeOf(const QString &sqlType)
{
    // Type modifiers do not change the binary form: numeric(15,2), varchar(25), time(3) with
    // time zone. Except float(p), which is real up to 24 bits of precision.
    static const QRegularExpression modifier(QStringLiteral("\\s*\\(\\s*(\\d*)[^)]*\\)"));
    QString t = sqlType.simplified().toLower();
    if (t.contains(QLatin1Char('[')))
        return BinaryType::Unsupported; // arrays
    if (t.startsWith(QLatin1String("float"))) {
        const auto m = modifier.match(t);
        if (m.hasMatch() && m.captured(1).toInt() >= 1 && m.captured(1).toInt() <= 24)
            return BinaryType::Float4;
    }
    t.remove(modifier);
    for (const auto &[name, type] : kTypeNames) {
        if (t == QLatin1String(name))
            return type;
    }
    return BinaryType::Unsupported;
}

QString BinaryCopyEncoder::checkTable(const TableRuntime &table)
{
    QStringList columns;
    for (int c : table.outputColumns) {
        const ColumnRuntime &column = table.columns[size_t(c)];
        if (typeOf(column.sqlType) == BinaryType::Unsupported)
            columns.append(QStringLiteral("'%1' (%2)").arg(column.name, column.sqlType));
    }
    if (columns.isEmpty())
        return {};
    return QStringLiteral("table '%1': binary COPY cannot send column%2 %3; load this table "
                          "with text COPY")
        .arg(table.name, columns.size() > 1 ? QStringLiteral("s") : QString(),
             columns.join(QStringLiteral(", ")));
}

} // namespace spillway
