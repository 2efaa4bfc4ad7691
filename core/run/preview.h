#pragma once

// A few rows of a table as text, for `spillway-cli preview` and the designer's live preview.
// Rows are the same as the first rows of a real run, except for references into child tables,
// whose sizes are estimated here instead of counted.

#include "schema/compiledschema.h"

#include <QList>
#include <QStringList>

namespace spillway {

struct PreviewRows
{
    QString table;
    QStringList headers;
    QList<QStringList> rows;
    QList<QList<bool>> nulls;
};

class Preview
{
public:
    // Sizes every table from the document (child tables estimated) and prepares generators.
    static void prepare(CompiledSchema &schema);
    static PreviewRows rows(const CompiledSchema &schema, int table, int count);
    // The text form of a value, as CSV would hold it before quoting.
    static QString text(const Value &value);
};

} // namespace spillway
