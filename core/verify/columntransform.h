#pragma once

// ColumnTransform: what a verify map's "cast" and "expr" do to a column's expected values
// before verify compares them with what the pipeline loaded. It works on PostgreSQL's text of a
// value (pgtextform.h) and computes exactly what the server would:
//
//   casts       to text, varchar(n) and char(n) (cut to n characters); to smallint, integer and
//               bigint (from numeric rounding half away from zero, from double precision and
//               real half to even, as PostgreSQL does); to numeric and numeric(p,s) (rounded);
//               to double precision and real; to date from a timestamp; between timestamp,
//               timestamptz and date (time zone UTC)
//   expressions upper(x), lower(x), trim(x), round(x), round(x, n), CAST(x AS type), x::type,
//               over the column itself
//
// Anything else is refused when the map is checked, with what is supported: the full expression
// language (other columns, operators, more functions) is issue 11's and not built yet.

#include "verify/pgtextform.h"

#include <QString>

#include <memory>
#include <string>
#include <vector>

namespace spillway {

class ColumnTransform
{
public:
    // Compiles `expr` (over the column named `column`, empty: none) followed by `cast` (a type,
    // empty: none) for values of `sqlType`. nullptr and *error when either is not supported.
    // unicodeCase: upper() and lower() change every letter (a UTF-8 locale on the server);
    // false: only ASCII letters (the C locale).
    static std::shared_ptr<const ColumnTransform> compile(const QString &column,
                                                          const QString &sqlType,
                                                          const QString &expr, const QString &cast,
                                                          QString *error, bool unicodeCase = true);

    // The SQL type the transformed values have: what found values are converted to.
    QString resultType() const { return m_resultType; }
    PgTextForm resultForm() const { return PgTextForm::forType(m_resultType); }
    // "upper(status)", "total::integer": the transformation as the map wrote it.
    QString description() const { return m_description; }

    // Rewrites PostgreSQL's text of a non-null value of the input type into the text of the
    // result. A value the server could not convert (out of range, not a number) becomes a text
    // that says so, which then shows as the expected value of a difference.
    void apply(std::string &text) const;

    struct Step;

private:
    std::vector<std::shared_ptr<const Step>> m_steps;
    QString m_resultType;
    QString m_description;
    bool m_unicodeCase = true;
};

// How verify compares one column: the text form (and transformation) of the expected side, and
// the SQL that gives the found side's text. A target column of another kind of type than the
// schema's (double precision for numeric(12,2), timestamptz for timestamp, text for integer) is
// converted back to the schema's type on the server, timestamptz at time zone UTC (verify sets
// the session's TimeZone to UTC; a pipeline that loaded zone-less timestamps into timestamptz
// is assumed to have done so in UTC). The same kind with another modifier (timestamp(3),
// varchar(20) for text) is compared as the database prints it, as before maps existed.
struct ColumnComparison
{
    PgTextForm form;
    std::shared_ptr<const ColumnTransform> transform;
    QString text;          // SQL: the found value's text, e.g. "total"::numeric(12,2)::text
    bool converts = false; // `text` converts the value (and so can fail on the server)
    QString note;          // for the report: how the column is compared, when not plainly

    static ColumnComparison choose(const QString &column, const QString &schemaType,
                                   const QString &quotedTarget, const QString &dbType,
                                   const QString &expr, const QString &cast, bool unicodeCase);
    // SQL converting a value of type `from` in the database to the text of type `to`.
    static QString convertedText(const QString &quoted, const PgTextForm &from, const QString &to);
};

} // namespace spillway
