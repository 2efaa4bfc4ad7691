#include "base/jsonvalue.h"

#include "base/valueformat.h"

#include <QtGlobal>

#include <cmath>
#include <cstring>

namespace spillway {

namespace {

// Per byte: 0 copied as is, otherwise the letter of a short escape, or 'u' for \u00XX.
struct EscapeTable
{
    char code[256] = {};
    EscapeTable()
    {
        for (int c = 0; c < 0x20; ++c)
            code[c] = 'u';
        code[uchar('\b')] = 'b';
        code[uchar('\f')] = 'f';
        code[uchar('\n')] = 'n';
        code[uchar('\r')] = 'r';
        code[uchar('\t')] = 't';
        code[uchar('"')] = '"';
        code[uchar('\\')] = '\\';
    }
};
const EscapeTable kEscape;

inline char *copyBytes(char *p, const char *s, size_t n)
{
    std::memcpy(p, s, n);
    return p + n;
}

} // namespace

char *writeJsonValue(char *p, const Value &v)
{
    switch (v.kind) {
    case ValueKind::Null:
        return copyBytes(p, "null", 4);
    case ValueKind::Text:
        if (v.scale == kJsonText)
            return copyBytes(p, v.text, v.len);
        *p++ = '"';
        p = writeJsonEscaped(p, v.text, v.len);
        *p++ = '"';
        return p;
    case ValueKind::Bool:
    case ValueKind::Int:
    case ValueKind::Decimal:
        return formatScalar(p, v);
    case ValueKind::Float:
        // JSON has no NaN or infinity; generators do not make them, but stay valid JSON.
        return std::isfinite(v.f) ? formatScalar(p, v) : copyBytes(p, "null", 4);
    case ValueKind::Date:
    case ValueKind::Time:
    case ValueKind::Timestamp:
    case ValueKind::TimestampTz:
    case ValueKind::Uuid:
        break;
    }
    *p++ = '"';
    p = formatScalar(p, v);
    *p++ = '"';
    return p;
}

char *writeJsonEscaped(char *p, const char *s, size_t n)
{
    static const char hex[] = "0123456789abcdef";
    for (size_t i = 0; i < n; ++i) {
        const uchar c = uchar(s[i]);
        const char code = kEscape.code[c];
        if (!code) {
            *p++ = char(c);
            continue;
        }
        *p++ = '\\';
        if (code != 'u') {
            *p++ = code;
            continue;
        }
        *p++ = 'u';
        *p++ = '0';
        *p++ = '0';
        *p++ = hex[c >> 4];
        *p++ = hex[c & 15];
    }
    return p;
}

} // namespace spillway
