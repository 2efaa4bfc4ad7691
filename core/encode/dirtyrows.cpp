#include "encode/dirtyrows.h"

#include "base/valueformat.h"

#include <QRegularExpression>

#include <algorithm>
#include <cmath>
#include <iterator>

namespace spillway {
namespace {

using Family = DirtyColumnType::Family;

// Byte sequences that are not UTF-8: a stray 0xFF, a lead byte without its continuation, a
// cut three-byte sequence, a surrogate, an overlong slash.
constexpr const char *kBadUtf8[] = {"\xff", "\xc3(", "\xe2\x82", "\xed\xa0\x80", "\xc0\xaf"};
// Letters that make a number invalid in every reading (not e, x, o or b: exponents and the
// 0x/0o/0b prefixes newer PostgreSQL versions accept).
constexpr char kLetters[] = {'a', 'k', 'q', 'z'};

std::string valueText(const Value &v)
{
    if (v.kind == ValueKind::Text)
        return std::string(v.view());
    if (v.kind == ValueKind::Null)
        return {};
    char buffer[kMaxScalarText];
    return std::string(buffer, size_t(formatScalar(buffer, v) - buffer));
}

std::string uint128Text(unsigned __int128 v)
{
    std::string s;
    do {
        s.insert(s.begin(), char('0' + int(v % 10)));
        v /= 10;
    } while (v);
    return s;
}

size_t utf8Length(const std::string &s)
{
    size_t n = 0;
    for (char c : s)
        n += (uchar(c) & 0xC0) != 0x80;
    return n;
}

} // namespace

DirtyColumnType DirtyColumnType::of(const QString &sqlType)
{
    static const QRegularExpression re(
        QStringLiteral("^([a-z0-9 ]+?)\\s*(?:\\(\\s*(\\d+)\\s*(?:,\\s*(\\d+)\\s*)?\\))?"
                       "(\\s+with(?:out)?\\s+time\\s+zone)?$"));
    DirtyColumnType t;
    const QRegularExpressionMatch m = re.match(sqlType.trimmed().toLower());
    if (!m.hasMatch())
        return t; // arrays and anything else: no type-specific damage
    const QString base = m.captured(1);
    const int first = m.captured(2).toInt();
    const bool hasModifier = !m.captured(2).isEmpty();
    if (base == QLatin1String("smallint") || base == QLatin1String("int2"))
        t.integerBytes = 2;
    else if (base == QLatin1String("integer") || base == QLatin1String("int") ||
             base == QLatin1String("int4"))
        t.integerBytes = 4;
    else if (base == QLatin1String("bigint") || base == QLatin1String("int8"))
        t.integerBytes = 8;
    if (t.integerBytes) {
        t.family = Family::Integer;
    } else if (base == QLatin1String("numeric") || base == QLatin1String("decimal")) {
        t.family = Family::Numeric;
        t.precision = first;
        t.scale = m.captured(3).toInt();
    } else if (base == QLatin1String("real") || base == QLatin1String("float4") ||
               base == QLatin1String("float8") || base == QLatin1String("float") ||
               base == QLatin1String("double precision")) {
        t.family = Family::Float;
    } else if (base == QLatin1String("date")) {
        t.family = Family::Date;
    } else if (base == QLatin1String("time") || base == QLatin1String("timetz")) {
        t.family = Family::Time;
    } else if (base == QLatin1String("timestamp") || base == QLatin1String("timestamptz")) {
        t.family = Family::Timestamp;
    } else if (base == QLatin1String("varchar") || base == QLatin1String("character varying")) {
        t.family = Family::Text;
        t.length = first;
    } else if (base == QLatin1String("char") || base == QLatin1String("character") ||
               base == QLatin1String("bpchar")) {
        t.family = Family::Text;
        t.length = hasModifier ? first : (base == QLatin1String("bpchar") ? 0 : 1);
    } else if (base == QLatin1String("text") || base == QLatin1String("citext")) {
        t.family = Family::Text;
    }
    return t;
}

DirtyRows::DirtyRows(const TableRuntime &table, const DirtyOptions &options, uint64_t seed,
                     OutputFormat format)
    : m_table(&table)
    , m_options(options)
    , m_format(format)
    , m_rows(combineKey(CompiledSchema::tableKey(seed, table.name), hashName("spillway.dirty")))
    , m_kinds(m_rows.derive(1))
    , m_damage(m_rows.derive(2))
{
    for (int c : table.outputColumns) {
        if (table.columns[size_t(c)].primaryKey)
            m_keyColumns.push_back(c);
    }
    for (DirtyKind kind : options.requestedKinds()) {
        std::vector<int> columns = columnsFor(kind);
        if (columns.empty())
            continue;
        m_applicable.append(kind);
        m_columns.push_back(std::move(columns));
    }
    if (options.any() && options.check().isEmpty() && !m_applicable.isEmpty())
        m_threshold = uint64_t(std::ldexp(std::min(options.fraction, 0.5), 64));
}

std::vector<int> DirtyRows::columnsFor(DirtyKind kind) const
{
    const std::vector<int> &outputs = m_table->outputColumns;
    if (outputs.empty())
        return {};
    std::vector<int> columns;
    auto matching = [&](auto &&accept) {
        for (int c : outputs) {
            const ColumnRuntime &column = m_table->columns[size_t(c)];
            if (accept(column, DirtyColumnType::of(column.sqlType)))
                columns.push_back(c);
        }
    };
    switch (kind) {
    case DirtyKind::FieldCount:
        return {-1};
    case DirtyKind::Quote:
        if (m_format == OutputFormat::Csv || m_format == OutputFormat::JsonLines)
            return outputs;
        return {};
    case DirtyKind::Encoding:
        matching([](const ColumnRuntime &, DirtyColumnType t) { return t.family == Family::Text; });
        return columns.empty() ? outputs : columns;
    case DirtyKind::Number:
        matching([](const ColumnRuntime &, DirtyColumnType t) {
            return t.family == Family::Integer || t.family == Family::Numeric ||
                   t.family == Family::Float;
        });
        break;
    case DirtyKind::Date:
        matching([](const ColumnRuntime &, DirtyColumnType t) {
            return t.family == Family::Date || t.family == Family::Time ||
                   t.family == Family::Timestamp;
        });
        break;
    case DirtyKind::Overflow:
        matching([](const ColumnRuntime &, DirtyColumnType t) { return t.isBounded(); });
        break;
    case DirtyKind::Null: // the columns the DDL declares NOT NULL
        for (int c : m_table->outputColumns) {
            if (m_table->isNotNull(c))
                columns.push_back(c);
        }
        break;
    case DirtyKind::Duplicate:
        if (!m_keyColumns.empty())
            columns.push_back(m_keyColumns.front());
        break;
    }
    return columns;
}

QList<DirtyKind> DirtyRows::inapplicableKinds() const
{
    QList<DirtyKind> kinds;
    for (DirtyKind kind : m_options.requestedKinds()) {
        if (!m_applicable.contains(kind))
            kinds.append(kind);
    }
    return kinds;
}

std::optional<uint64_t> DirtyRows::duplicateSource(uint64_t row) const
{
    // Rows between the source and the duplicate are all dirty; a long run of them is so
    // unlikely (fraction <= 0.5) that giving up after 64 costs nothing.
    for (uint64_t j = row, steps = 0; j > m_firstRow && steps < 64; ++steps) {
        --j;
        if (!isDirty(j))
            return j;
    }
    return std::nullopt;
}

std::optional<DirtyRows::Hit> DirtyRows::at(uint64_t row) const
{
    if (!isDirty(row))
        return std::nullopt;
    const bool duplicate = m_applicable.contains(DirtyKind::Duplicate);
    return pick(row, duplicate && duplicateSource(row).has_value());
}

std::optional<DirtyRows::Hit> DirtyRows::pick(uint64_t row, bool allowDuplicate) const
{
    std::vector<int> candidates;
    for (qsizetype k = 0; k < m_applicable.size(); ++k) {
        if (allowDuplicate || m_applicable[k] != DirtyKind::Duplicate)
            candidates.push_back(int(k));
    }
    if (candidates.empty()) // only duplicate was asked for, and this row has nothing to repeat
        return Hit{DirtyKind::FieldCount, -1};
    const int k = candidates[size_t(m_kinds.below(row, candidates.size(), 0))];
    const std::vector<int> &columns = m_columns[size_t(k)];
    return Hit{m_applicable[k], columns[size_t(m_kinds.below(row, columns.size(), 1))]};
}

std::vector<DirtyField> DirtyRows::fields(const RowBatch &batch, uint32_t index, const Hit &hit,
                                          std::unique_ptr<RowBatch> &scratch) const
{
    const uint64_t row = batch.firstRow + index;
    std::vector<DirtyField> fields;
    fields.reserve(m_table->outputColumns.size() + 1);
    for (int c : m_table->outputColumns) {
        DirtyField f;
        f.value = batch.column(c)[index];
        f.column = c;
        fields.push_back(std::move(f));
    }
    switch (hit.kind) {
    case DirtyKind::FieldCount:
        if (fields.size() > 1 && (draw(row, 0) & 1)) {
            fields.erase(fields.begin() + qsizetype(draw(row, 1) % fields.size()));
        } else { // one column: a missing field would read as one empty (null) field
            DirtyField extra;
            extra.form = DirtyField::Form::Text;
            extra.text = "extra";
            fields.push_back(std::move(extra));
        }
        return fields;
    case DirtyKind::Duplicate:
        copyKey(batch, index, fields, scratch);
        return fields;
    default:
        break;
    }
    for (DirtyField &f : fields) {
        if (f.column == hit.column)
            f = damaged(f.value, hit, row);
    }
    return fields;
}

DirtyField DirtyRows::damaged(const Value &v, const Hit &hit, uint64_t row) const
{
    const DirtyColumnType type = DirtyColumnType::of(m_table->columns[size_t(hit.column)].sqlType);
    DirtyField f;
    f.column = hit.column;
    f.form = DirtyField::Form::Text;
    std::string text = valueText(v);
    switch (hit.kind) {
    case DirtyKind::Quote:
        f.form = DirtyField::Form::OpenQuote;
        break;
    case DirtyKind::Null:
        f.form = DirtyField::Form::Null;
        break;
    case DirtyKind::Number: {
        const bool numeric =
            v.kind == ValueKind::Int || v.kind == ValueKind::Decimal || v.kind == ValueKind::Float;
        const size_t digit = numeric ? text.find_first_of("0123456789") : std::string::npos;
        if (digit == std::string::npos)
            text = "12";
        text.insert(digit == std::string::npos ? 2 : digit + 1, 1, kLetters[draw(row, 0) % 4]);
        break;
    }
    case DirtyKind::Date:
        text = dateText(v, type.family, row);
        break;
    case DirtyKind::Overflow:
        text = overflowText(v, type, row);
        if (type.family != Family::Text)
            f.form = DirtyField::Form::Raw; // a number: JSON keeps it a number
        break;
    case DirtyKind::Encoding: {
        size_t at = text.size() / 2; // at a character boundary, never before a continuation
        while (at < text.size() && (uchar(text[at]) & 0xC0) == 0x80)
            ++at;
        text.insert(at, kBadUtf8[draw(row, 0) % std::size(kBadUtf8)]);
        break;
    }
    case DirtyKind::FieldCount:
    case DirtyKind::Duplicate:
        break;
    }
    f.text = std::move(text);
    return f;
}

std::string DirtyRows::dateText(const Value &v, DirtyColumnType::Family family, uint64_t row) const
{
    std::string year = "2023";
    std::string day = "2023-01-15";
    if (v.kind == ValueKind::Date || v.kind == ValueKind::Timestamp ||
        v.kind == ValueKind::TimestampTz) {
        const std::string text = valueText(v);
        if (text.size() >= 10 && text.find_first_not_of("0123456789") == 4) {
            year = text.substr(0, 4);
            day = text.substr(0, 10);
        }
    }
    // Impossible dates, impossible times (24:00:00 and a 60th second are valid PostgreSQL
    // times, so neither is used), and words no date reader takes.
    const char *const dates[] = {"-02-30", "-04-31", "-13-01"};
    const char *const times[] = {"25:61:00", "24:00:01", "12:60:00"};
    const char *const words[] = {"unknown", "31/31/2023", "soon"};
    const uint64_t d = draw(row, 0);
    const bool word = d % 4 == 0;
    if (word)
        return words[(d >> 8) % 3];
    const uint64_t choice = (d >> 8) % 3;
    switch (family) {
    case Family::Date:
        return year + dates[choice];
    case Family::Time:
        return times[choice];
    default: // timestamps: an impossible date or an impossible time of a real day
        if ((d >> 16) & 1)
            return year + dates[choice] + " 12:00:00";
        return day + ' ' + times[choice];
    }
}

std::string DirtyRows::overflowText(const Value &v, const DirtyColumnType &type, uint64_t row) const
{
    const uint64_t d = draw(row, 0);
    const bool negative = d & 1;
    if (type.integerBytes) {
        const unsigned __int128 max = (unsigned __int128)1 << (8 * type.integerBytes - 1);
        // one past the top (max - 1) or below the bottom (-max), by up to a thousand
        const unsigned __int128 beyond = max + (negative ? 1 : 0) + (d >> 8) % 1000;
        return (negative ? "-" : "") + uint128Text(beyond);
    }
    if (type.precision) {
        // One more digit before the point than numeric(p,s) allows (p - s, or 0 when s >= p).
        std::string text = negative ? "-" : "";
        text += char('1' + (d >> 8) % 9);
        for (int i = 0; i < std::max(0, type.precision - type.scale); ++i)
            text += char('0' + draw(row, uint32_t(1 + i)) % 10);
        if (type.scale > 0)
            text += '.' + std::string(size_t(std::min(type.scale, 30)), '5');
        return text;
    }
    // varchar(n), char(n): one to three characters too many (not spaces, which char(n) and
    // varchar(n) would silently cut).
    std::string text = valueText(v);
    const size_t target = size_t(type.length) + 1 + (d >> 8) % 3;
    for (size_t n = utf8Length(text); n < target; ++n)
        text += char('x' + (n % 3));
    return text;
}

void DirtyRows::copyKey(const RowBatch &batch, uint32_t index, std::vector<DirtyField> &fields,
                        std::unique_ptr<RowBatch> &scratch) const
{
    const std::optional<uint64_t> source = duplicateSource(batch.firstRow + index);
    if (!source)
        return; // at() never asks for a duplicate without a source
    const RowBatch &from = sourceBatch(batch, *source, scratch);
    const uint32_t at = uint32_t(*source - from.firstRow);
    for (DirtyField &f : fields) {
        if (std::find(m_keyColumns.begin(), m_keyColumns.end(), f.column) != m_keyColumns.end())
            f.value = from.column(f.column)[at];
    }
}

const RowBatch &DirtyRows::sourceBatch(const RowBatch &batch, uint64_t source,
                                       std::unique_ptr<RowBatch> &scratch) const
{
    if (source >= batch.firstRow)
        return batch;
    // The row before the batch: generate it alone (any row can be), a child row from its
    // parent and ordinal, found by stepping back from the batch's first row.
    if (!scratch)
        scratch = std::make_unique<RowBatch>(batch.columnCount());
    RowBatch &one = *scratch;
    one.arena.reset();
    one.firstRow = source;
    one.count = 1;
    if (m_table->isChild()) {
        uint64_t parent = batch.parentRows[0];
        uint64_t ordinal = batch.ordinals[0];
        for (uint64_t steps = batch.firstRow - source; steps > 0; --steps) {
            if (ordinal > 0) {
                --ordinal;
                continue;
            }
            uint64_t n = 0;
            while (n == 0 && parent > 0)
                n = m_table->fanOutOf(--parent, one.arena);
            ordinal = n ? n - 1 : 0;
        }
        one.parentRows[0] = parent;
        one.ordinals[0] = uint32_t(ordinal);
    }
    m_table->generate(one);
    return one;
}

} // namespace spillway
