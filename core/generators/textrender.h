#pragma once

// Values as plain text and back: rendered the way PostgreSQL prints them, for generators that
// compose text from other columns (template), and read from a schema's JSON for a column's SQL
// type (choice, constant). Rendering allocates nothing; the CSV and COPY encoders have their
// own escaping and do not depend on this.

#include "base/geometry.h"
#include "base/value.h"

#include <QJsonValue>
#include <QString>

#include <cstddef>
#include <deque>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace spillway {

// Most bytes renderText() can write for v (exact for text, a safe bound otherwise).
size_t renderedLengthBound(const Value &v);

// Writes v at out, which holds at least renderedLengthBound(v) bytes, and returns the length:
// integers, decimals with their scale, floats (shortest round-trip or fixed scale; NaN,
// Infinity), dates YYYY-MM-DD, times HH:MM:SS[.ffffff], timestamps 'YYYY-MM-DD HH:MM:SS[.ffffff]',
// uuids 8-4-4-4-12 lower-case hex, booleans true/false, null as nothing.
size_t renderText(const Value &v, char *out);

// Appends the rendering of v to out.
void renderText(const Value &v, std::string &out);

// Reads "12.345", "-7" or "1.5e3" as a Decimal at `scale` digits after the point, rounding
// half away from zero as PostgreSQL does; scale < 0 keeps the text's own decimals (at most 18).
// Nothing when the text is not a number or does not fit 64 bits.
std::optional<Value> parseDecimal(std::string_view text, int scale);

// Rewrites UTF-8 text in place as ASCII: Latin-1 and Latin Extended-A letters lose their
// diacritics (é → e, ß → ss, Æ → AE), every other non-ASCII character is dropped. Never grows
// the text; returns the new length.
size_t foldToAscii(char *text, size_t length);

void toLowerAscii(char *text, size_t length);
void toUpperAscii(char *text, size_t length);

// A JSON scalar as text: strings as they are, numbers in their shortest form, true/false.
QString jsonText(const QJsonValue &v);

// Values read from a schema's JSON for a column's SQL type, owning the text they point to.
// Text types take strings, numbers and booleans as written; integer types whole numbers (or
// strings of them) within the type's range; numeric(p,s) rounds to s decimals, plain numeric
// keeps each value's own; real and double precision numbers; boolean true/false, "t"/"f",
// "yes"/"no", "on"/"off", 1/0; date and timestamp their ISO text. JSON null is a null value.
class ValueList
{
public:
    explicit ValueList(const QString &sqlType);

    // Appends json typed for the column, or returns false with *problem saying what to give.
    bool add(const QJsonValue &json, QString *problem);
    const std::vector<Value> &values() const { return m_values; }
    size_t distinctCount() const;

private:
    struct Target
    {
        enum Kind { Text, Integer, Decimal, Float, Boolean, Date, Timestamp, Geometry } kind = Text;
        int64_t lo = INT64_MIN; // integers: the type's range
        int64_t hi = INT64_MAX;
        int scale = -1;        // decimals: the declared scale, or -1 to keep each value's own
        QString expected;      // for messages
        GeometryType geometry; // geometry and geography columns: the shape and SRID they take
    };
    static Target targetOf(const QString &sqlType);
    static std::optional<Value> typed(const QJsonValue &v, const Target &target);

    Target m_target;
    std::vector<Value> m_values;
    std::deque<std::string> m_text; // a deque never moves its strings: values point into them
};

} // namespace spillway
