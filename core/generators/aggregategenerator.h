#pragma once

// The `aggregate` generator: a parent's column computed over its child rows, e.g. an order's
// total as sum(quantity * unit_price) over its order lines. Nothing is remembered between
// tables: a parent row's children are recomputed from their row indexes (the child table's
// firstChildRow() and fan-out), a batch of parents at a time.

#include <QStringList>

namespace spillway {

class GeneratorRegistry;

void registerAggregateGenerators(GeneratorRegistry &registry);

// The aggregate functions by name, in the order the JSON Schema lists them.
const QStringList &aggregateFunctions();

} // namespace spillway
