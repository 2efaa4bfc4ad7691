#pragma once

// A few rows of a table as text, for `spillway-cli preview` and the designer's live preview.
// Rows are the same as the first rows of a real run, except for references into child tables,
// whose sizes are estimated here instead of counted.

#include "base/diagnostics.h"
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
    QString problem; // set when the rows could not be made (out of memory); rows are then empty
};

class Preview
{
public:
    // Sizes every table from the document (child tables estimated) and prepares generators.
    // Refuses, as validate and a plan do, 'unique' columns whose value space is smaller than
    // their table's row bound; false then, with the problems in `diagnostics`.
    static bool prepare(CompiledSchema &schema, Diagnostics *diagnostics = nullptr);
    static PreviewRows rows(const CompiledSchema &schema, int table, int count);
    // The text form of a value, as CSV would hold it before quoting.
    static QString text(const Value &value);
    // What a preview or a run says when generating `table` runs out of memory.
    static QString outOfMemoryMessage(const QString &table);

private:
    static void fill(const CompiledSchema &schema, const TableRuntime &table, int count,
                     PreviewRows &result);
};

} // namespace spillway
