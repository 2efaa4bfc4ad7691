#pragma once

// Turns a PostgreSQL catalog (schema/importmodel.h) into a schema document: exact SQL types,
// generators that fit them, keys, foreign keys as references or child tables, CHECK constraints
// as bounds, choices and patterns, generators guessed from names, and with profiling the shape
// of pg_stats. Every guess, fallback and constraint it could not honour is an ImportNote.

#include "schema/importmodel.h"

namespace spillway {

ImportResult importCatalog(const Catalog &catalog, const ImportOptions &options);

} // namespace spillway
