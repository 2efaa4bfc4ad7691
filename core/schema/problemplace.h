#pragma once

// Where a problem is, in the user's words: a Diagnostic's JSON path
// (`tables[1].columns[5].generator.max`) read against the schema it was found in, so that the
// designer can say `reviews.rating: generator.max: …` and select that column. Paths whose
// indexes the schema does not have (or that are not about a table) keep their JSON form.

#include "base/diagnostics.h"
#include "schema/schema.h"

#include <QString>

namespace spillway {

struct ProblemPlace
{
    int table = -1;  // index in Schema::tables, -1 when the path names no existing table
    int column = -1; // index in the table's columns, -1 for the table itself
    QString rest;    // what follows the table or column, e.g. "generator.max"; empty for itself

    // Parses `path` against `schema`. A path that names no existing table or column (an index
    // out of range, or not about a table at all) gives table -1 and the whole path as `rest`.
    static ProblemPlace locate(const Schema &schema, const QString &path);
    // "reviews.rating: generator.max", "reviews", or the JSON path itself when it names no
    // table ("schema" for the empty path). Unnamed tables and columns keep their index form.
    static QString name(const Schema &schema, const QString &path);
    // The whole problem: "reviews.rating: generator.max: 'max' (3) is below 'min' (9): …",
    // with "(line L, column C)" after the place when the problem has a source position.
    static QString describe(const Schema &schema, const Diagnostic &problem);
};

} // namespace spillway
