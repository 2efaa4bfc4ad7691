#pragma once

// ColumnComparison: how verify compares one column: the text form (and transformation) of the
// expected side, and the SQL that gives the found side's text. A target column of another kind of
// type than the schema's (double precision for numeric(12,2), timestamptz for timestamp, text for
// integer) is converted back to the schema's type on the server, timestamptz at time zone UTC
// (verify sets the session's TimeZone to UTC; a pipeline that loaded zone-less timestamps into
// timestamptz is assumed to have done so in UTC). The same kind with another modifier
// (timestamp(3), varchar(20) for text) is compared as the database prints it, as before maps
// existed.

#include "verify/columntransform.h"

namespace spillway {

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
