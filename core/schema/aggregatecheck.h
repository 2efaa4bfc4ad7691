#pragma once

// The check that needs every table compiled: an `aggregate` column recomputes its child rows,
// so none of the child columns it reads may read, through `parent.x` or a lookup into the
// parent table, a parent column computed from that same aggregate (generating it would never
// end). Reported at the aggregate's expression with the columns that close the circle.

#include "base/diagnostics.h"
#include "schema/compiledschema.h"

namespace spillway {

void checkAggregateCycles(const CompiledSchema &schema, Diagnostics &diagnostics);

} // namespace spillway
