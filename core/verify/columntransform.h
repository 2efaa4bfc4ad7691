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

} // namespace spillway
