#pragma once

// The checks that need every table compiled. An `aggregate` column recomputes its child rows,
// so none of the child columns it reads may read, through `parent.x` or a lookup into the
// parent table, a parent column computed from that same aggregate: reported at the aggregate's
// expression with the columns that close the circle. Any other circle through other tables'
// rows (an aggregate's child reading a third table that reads the aggregate: references and
// fan-outs alone cannot close one, the compiler orders tables by them) is found on the graph of
// every column's reads (Generator::otherRowReads) and named column by column. Generating such
// a column would never end.

#include "base/diagnostics.h"
#include "schema/compiledschema.h"

namespace spillway {

void checkAggregateCycles(const CompiledSchema &schema, Diagnostics &diagnostics);

} // namespace spillway
