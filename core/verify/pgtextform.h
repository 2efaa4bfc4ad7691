#pragma once

// PgTextForm: the text PostgreSQL prints for a generated value once it is stored in a column
// of a given type, i.e. what `column::text` returns (with DateStyle ISO, TimeZone UTC,
// extra_float_digits 1 and bytea_output hex). `verify` hashes this text on both sides.
//
// A value reaches the server as the text Spillway writes for it (the binary COPY path sends
// the same datums), so the form is the type's output function applied to its input function:
// numeric(p,s) rounds and pads to s decimals, double precision and real print the shortest
// round-trip digits the way PostgreSQL lays them out (1e-05, 100000, 1e+15), char(n) loses its
// trailing spaces, timestamps lose trailing zeros of the fraction, uuids are lower case,
// geometries print as upper-case hex EWKB with the column's SRID. Types
// whose text cannot be predicted exactly (jsonb, interval, arrays, unknown types) are not
// predictable: verify compares only their non-null counts.

#include "base/value.h"

#include <QString>

#include <climits>
#include <optional>
#include <string>

namespace spillway {

class PgTextForm
{
public:
    enum class Family {
        Unpredictable,
        Integer,
        Numeric,
        Double,
        Real,
        Boolean,
        Date,
        Time,
        Timestamp,
        TimestampTz,
        Uuid,
        Bpchar,  // char(n): trailing spaces dropped by ::text
        Varchar, // varchar(n): cut to n characters when the rest is spaces
        Text,    // text, citext, json (stored verbatim)
        Bytea,
        Geometry, // geometry, geography: upper-case hex EWKB (base/geometry.h)
    };

    PgTextForm() = default;
    // Reads a type as a schema writes it (numeric(12,2), int8, varchar(10), timestamptz) or as
    // PostgreSQL's format_type() prints it (character varying(10), timestamp(3) without time
    // zone, double precision).
    static PgTextForm forType(const QString &sqlType);

    Family family() const { return m_family; }
    bool isPredictable() const { return m_family != Family::Unpredictable; }
    QString typeName() const { return m_type; }
    // Whether values print the same in both types (int8 and bigint, varchar(5) and
    // character varying(5)).
    bool sameTextAs(const PgTextForm &other) const
    {
        return m_family == other.m_family && m_modifier == other.m_modifier;
    }
    // Why the checksum is not compared, for the report ("checksum not compared for jsonb").
    QString unpredictableReason() const;

    // Writes the text of a non-null value into `out` (cleared first; reuse it to avoid
    // allocations).
    void render(const Value &v, std::string &out) const;

    // PostgreSQL's float8out and float4out in shortest mode (extra_float_digits > 0): the
    // shortest round-trip digits, fixed notation for decimal exponents -4 <= e < 15 (real: 6),
    // otherwise 1.5e+20 / 1e-05. Return the end of the text; need 32 bytes.
    static char *formatDouble(char *p, double v);
    static char *formatReal(char *p, float v);
    // numeric_in then numeric_out, with the column's scale (none: the input's own scale).
    static void numericText(std::string_view text, std::optional<int> scale, std::string &out);

private:
    void renderNumeric(const Value &v, std::string &out) const;
    void renderDouble(const Value &v, std::string &out) const;
    void renderReal(const Value &v, std::string &out) const;
    void renderTemporal(const Value &v, std::string &out) const;
    void renderSpecial(const Value &v, std::string &out) const;
    int64_t roundMicros(int64_t micros, bool timeOfDay) const;

    static constexpr int kNoModifier = INT_MIN;

    Family m_family = Family::Unpredictable;
    int m_modifier = kNoModifier; // numeric scale, time/timestamp precision, varchar length,
                                  // geometry SRID
    QString m_type;
};

} // namespace spillway
