#include "encode/encoder.h"

#include "base/valueformat.h"
#include "encode/binaryencoder.h"
#include "encode/dirtyrows.h"
#include "encode/jsonlencoder.h"

#include <QByteArray>

namespace spillway {

bool FormatOptions::parseFormat(const QString &name, OutputFormat &format)
{
    const QString n = name.toLower();
    if (n == QLatin1String("csv"))
        format = OutputFormat::Csv;
    else if (n == QLatin1String("tsv"))
        format = OutputFormat::Tsv;
    else if (n == QLatin1String("pgcopy") || n == QLatin1String("copy") ||
             n == QLatin1String("text"))
        format = OutputFormat::PgCopy;
    else if (n == QLatin1String("pgbinary") || n == QLatin1String("binary"))
        format = OutputFormat::PgBinary;
    else if (n == QLatin1String("jsonl") || n == QLatin1String("jsonlines") ||
             n == QLatin1String("ndjson"))
        format = OutputFormat::JsonLines;
    else
        return false;
    return true;
}

QString FormatOptions::formatName(OutputFormat format)
{
    switch (format) {
    case OutputFormat::Csv:
        return QStringLiteral("csv");
    case OutputFormat::Tsv:
        return QStringLiteral("tsv");
    case OutputFormat::PgCopy:
        return QStringLiteral("pgcopy");
    case OutputFormat::PgBinary:
        return QStringLiteral("pgbinary");
    case OutputFormat::JsonLines:
        return QStringLiteral("jsonl");
    }
    return {};
}

QString FormatOptions::extension(OutputFormat format)
{
    if (format == OutputFormat::PgBinary)
        return QStringLiteral("bin");
    return format == OutputFormat::PgCopy ? QStringLiteral("copy") : formatName(format);
}

QString FormatOptions::effectiveNull() const
{
    if (nullStringSet)
        return nullString;
    return format == OutputFormat::PgCopy ? QStringLiteral("\\N") : QString();
}

QString FormatOptions::check() const
{
    if (format == OutputFormat::JsonLines)
        return {}; // NULL is always null; the CSV and text options do not apply
    // An unquoted line break (or, in text formats, a tab) in the null string would cut the row.
    if (nullString.contains(QLatin1Char('\n')) || nullString.contains(QLatin1Char('\r')))
        return QStringLiteral("the null string cannot contain a line break: choose another "
                              "--null, such as NULL or \\N");
    if (format != OutputFormat::Csv) {
        if (nullString.contains(QLatin1Char('\t')))
            return QStringLiteral("the null string cannot contain a tab, the field separator of "
                                  "TSV and COPY text: choose another --null, such as \\N");
        return {};
    }
    auto bad = [](char c) {
        return c == '\n' || c == '\r' || (c >= '0' && c <= '9') || c == '-' || c == '.' ||
               c == '\0';
    };
    if (bad(delimiter))
        return QStringLiteral("the delimiter cannot be a digit, '.', '-', a newline or empty: "
                              "choose ',', ';', '|' or a tab");
    if (bad(quote) || quote == delimiter)
        return QStringLiteral("the quote character must differ from the delimiter and not be a "
                              "digit or newline: use '\"' or '\\''");
    if (nullString.contains(QLatin1Char(delimiter)) || nullString.contains(QLatin1Char(quote)))
        return QStringLiteral("the null string cannot contain the delimiter or quote character: "
                              "choose another --null, such as NULL or \\N");
    return {};
}

namespace {

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

// Worst-case bytes of one encoded row: escaping at most doubles text, plus quotes and the
// delimiter after each value.
inline size_t rowBound(const Value *const *col, size_t columns, uint32_t r, size_t nullSize)
{
    size_t bound = 0;
    for (size_t k = 0; k < columns; ++k) {
        const Value &v = col[k][r];
        bound +=
            (v.kind == ValueKind::Text ? 2 * size_t(v.len) + 2 : kMaxScalarText + nullSize) + 1;
    }
    return bound;
}

// RFC 4180 CSV, as PostgreSQL's COPY ... (FORMAT csv) reads it: a null is the null string
// unquoted; an empty string is "" so the two stay apart.
class CsvEncoder final : public Encoder
{
public:
    explicit CsvEncoder(const FormatOptions &o)
        : m_delimiter(o.delimiter)
        , m_quote(o.quote)
        , m_header(o.header)
        , m_null(o.effectiveNull().toUtf8())
    {
        for (const char c : {m_delimiter, m_quote, '\n', '\r'})
            m_special[uchar(c)] = true;
    }
    void writeHeader(const TableRuntime &table, ByteBuffer &out) const override
    {
        if (!m_header)
            return;
        bool first = true;
        for (int c : table.outputColumns) {
            if (!first)
                out.append(m_delimiter);
            first = false;
            const QByteArray name = table.columns[size_t(c)].name.toUtf8();
            appendText(out, name.constData(), size_t(name.size()));
        }
        out.append('\n');
    }
    void encode(const TableRuntime &table, const RowBatch &batch, ByteBuffer &out,
                std::vector<uint32_t> *rowEnds) const override
    {
        const size_t columns = table.outputColumns.size();
        const Value *cols[256];
        std::vector<const Value *> many(columns > 256 ? columns : 0);
        const Value **col = columns > 256 ? many.data() : cols;
        for (size_t k = 0; k < columns; ++k)
            col[k] = batch.column(table.outputColumns[k]);
        const DirtyRows *dirty = dirtyRowsOf(table);
        std::unique_ptr<RowBatch> scratch;
        for (uint32_t r = 0; r < batch.count; ++r) {
            if (dirty && dirty->isDirty(batch.firstRow + r)) {
                const auto hit = dirty->at(batch.firstRow + r);
                appendFields(dirty->fields(batch, r, *hit, scratch), out);
                if (rowEnds)
                    rowEnds->push_back(uint32_t(out.size()));
                continue;
            }
            // One capacity check per row: the worst case of every value, then raw writes.
            char *p = out.reserveTail(rowBound(col, columns, r, size_t(m_null.size())));
            for (size_t k = 0; k < columns; ++k) {
                const Value &v = col[k][r];
                if (v.kind == ValueKind::Text)
                    p = writeText(p, v.text, v.len);
                else if (v.kind == ValueKind::Null)
                    p = copyBytes(p, m_null.constData(), size_t(m_null.size()));
                else
                    p = formatScalar(p, v);
                *p++ = k + 1 < columns ? m_delimiter : '\n';
            }
            out.setEnd(p);
            if (rowEnds)
                rowEnds->push_back(uint32_t(out.size()));
        }
    }

private:
    void appendText(ByteBuffer &out, const char *s, size_t n) const
    {
        out.setEnd(writeText(out.reserveTail(2 * n + 2), s, n));
    }
    // A dirty row (encode/dirtyrows.h): its fields as they are, damaged ones included.
    void appendFields(const std::vector<DirtyField> &fields, ByteBuffer &out) const
    {
        for (size_t k = 0; k < fields.size(); ++k) {
            if (k)
                out.append(m_delimiter);
            const DirtyField &f = fields[k];
            switch (f.form) {
            case DirtyField::Form::Value:
                if (f.value.kind == ValueKind::Text)
                    appendText(out, f.value.text, f.value.len);
                else if (f.value.kind == ValueKind::Null)
                    out.append(m_null.constData(), size_t(m_null.size()));
                else
                    out.setEnd(formatScalar(out.reserveTail(kMaxScalarText), f.value));
                break;
            case DirtyField::Form::Text:
                appendText(out, f.text.data(), f.text.size());
                break;
            case DirtyField::Form::Null:
                out.append(m_null.constData(), size_t(m_null.size()));
                break;
            case DirtyField::Form::Raw:
                out.append(f.text);
                break;
            case DirtyField::Form::OpenQuote: // doubled quotes inside, none to close it
                out.append(m_quote);
                for (char c : f.text) {
                    if (c == m_quote)
                        out.append(m_quote);
                    out.append(c);
                }
                break;
            }
        }
        out.append('\n');
    }
    char *writeText(char *p, const char *s, size_t n) const
    {
        // Quoted: the empty string and the null string's text (so they stay apart from NULL),
        // and \. (a row holding only an unquoted \. is COPY's end-of-data marker).
        bool needsQuotes = n == 0 ||
                           (!m_null.isEmpty() && size_t(m_null.size()) == n &&
                            std::memcmp(m_null.constData(), s, n) == 0) ||
                           (n == 2 && s[0] == '\\' && s[1] == '.');
        for (size_t i = 0; i < n && !needsQuotes; ++i)
            needsQuotes = m_special[uchar(s[i])];
        if (!needsQuotes)
            return copyBytes(p, s, n);
        *p++ = m_quote;
        for (size_t i = 0; i < n; ++i) {
            if (s[i] == m_quote)
                *p++ = m_quote;
            *p++ = s[i];
        }
        *p++ = m_quote;
        return p;
    }

    char m_delimiter, m_quote;
    bool m_special[256] = {}; // characters that force quoting
    bool m_header;
    QByteArray m_null;
};

// PostgreSQL's COPY text format (and TSV, which differs only by its header and null string):
// tab-separated, backslash escapes for backslash, tab, newline and carriage return.
class TextEncoder final : public Encoder
{
public:
    TextEncoder(const FormatOptions &o, bool header)
        : m_header(header)
        , m_null(o.effectiveNull().toUtf8())
    {}
    void writeHeader(const TableRuntime &table, ByteBuffer &out) const override
    {
        if (!m_header)
            return;
        bool first = true;
        for (int c : table.outputColumns) {
            if (!first)
                out.append('\t');
            first = false;
            const QByteArray name = table.columns[size_t(c)].name.toUtf8();
            appendText(out, name.constData(), size_t(name.size()));
        }
        out.append('\n');
    }
    void encode(const TableRuntime &table, const RowBatch &batch, ByteBuffer &out,
                std::vector<uint32_t> *rowEnds) const override
    {
        const size_t columns = table.outputColumns.size();
        const Value *cols[256];
        std::vector<const Value *> many(columns > 256 ? columns : 0);
        const Value **col = columns > 256 ? many.data() : cols;
        for (size_t k = 0; k < columns; ++k)
            col[k] = batch.column(table.outputColumns[k]);
        const DirtyRows *dirty = dirtyRowsOf(table);
        std::unique_ptr<RowBatch> scratch;
        for (uint32_t r = 0; r < batch.count; ++r) {
            if (dirty && dirty->isDirty(batch.firstRow + r)) {
                const auto hit = dirty->at(batch.firstRow + r);
                appendFields(dirty->fields(batch, r, *hit, scratch), out);
                if (rowEnds)
                    rowEnds->push_back(uint32_t(out.size()));
                continue;
            }
            char *p = out.reserveTail(rowBound(col, columns, r, size_t(m_null.size())));
            for (size_t k = 0; k < columns; ++k) {
                const Value &v = col[k][r];
                if (v.kind == ValueKind::Text)
                    p = writeText(p, v.text, v.len);
                else if (v.kind == ValueKind::Null)
                    p = copyBytes(p, m_null.constData(), size_t(m_null.size()));
                else
                    p = formatScalar(p, v);
                *p++ = k + 1 < columns ? '\t' : '\n';
            }
            out.setEnd(p);
            if (rowEnds)
                rowEnds->push_back(uint32_t(out.size()));
        }
    }

private:
    static void appendText(ByteBuffer &out, const char *s, size_t n)
    {
        out.setEnd(writeText(out.reserveTail(2 * n), s, n));
    }
    // A dirty row (encode/dirtyrows.h); text formats have no quotes, so no open quote either.
    void appendFields(const std::vector<DirtyField> &fields, ByteBuffer &out) const
    {
        for (size_t k = 0; k < fields.size(); ++k) {
            if (k)
                out.append('\t');
            const DirtyField &f = fields[k];
            const bool null = f.form == DirtyField::Form::Null ||
                              (f.form == DirtyField::Form::Value && f.value.isNull());
            if (null)
                out.append(m_null.constData(), size_t(m_null.size()));
            else if (f.form == DirtyField::Form::Value && f.value.kind == ValueKind::Text)
                appendText(out, f.value.text, f.value.len);
            else if (f.form == DirtyField::Form::Value)
                out.setEnd(formatScalar(out.reserveTail(kMaxScalarText), f.value));
            else
                appendText(out, f.text.data(), f.text.size());
        }
        out.append('\n');
    }
    static char *writeText(char *p, const char *s, size_t n)
    {
        for (size_t i = 0; i < n; ++i) {
            const char c = s[i];
            switch (c) {
            case '\\':
                *p++ = '\\';
                *p++ = '\\';
                break;
            case '\t':
                *p++ = '\\';
                *p++ = 't';
                break;
            case '\n':
                *p++ = '\\';
                *p++ = 'n';
                break;
            case '\r':
                *p++ = '\\';
                *p++ = 'r';
                break;
            default:
                *p++ = c;
            }
        }
        return p;
    }

    bool m_header;
    QByteArray m_null;
};

} // namespace

void Encoder::setDirtyTables(std::shared_ptr<const DirtyTables> tables)
{
    m_dirty.reset();
    if (!tables)
        return;
    for (const auto &rows : *tables) {
        if (rows && !rows->isEmpty())
            m_dirty = tables; // only when some row can be dirty: clean runs pay nothing
    }
}

const DirtyRows *Encoder::dirtyRowsOf(const TableRuntime &table) const
{
    if (!m_dirty)
        return nullptr;
    for (const auto &rows : *m_dirty) {
        if (rows && &rows->table() == &table)
            return rows->isEmpty() ? nullptr : rows.get();
    }
    return nullptr;
}

std::unique_ptr<Encoder> Encoder::create(const FormatOptions &options)
{
    switch (options.format) {
    case OutputFormat::Csv:
        return std::make_unique<CsvEncoder>(options);
    case OutputFormat::Tsv:
        return std::make_unique<TextEncoder>(options, options.header);
    case OutputFormat::PgCopy:
        return std::make_unique<TextEncoder>(options, false);
    case OutputFormat::PgBinary:
        return std::make_unique<BinaryCopyEncoder>();
    case OutputFormat::JsonLines:
        return std::make_unique<JsonLinesEncoder>();
    }
    return nullptr;
}

} // namespace spillway
