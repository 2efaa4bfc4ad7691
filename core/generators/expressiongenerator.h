#pragma once

// The `expression` generator: a column computed from other columns of its row by an expression
// (schema/expression.h), e.g. "c_nationkey + 10" or "format('Customer#%09d', c_custkey)".

namespace spillway {

class GeneratorRegistry;

void registerExpressionGenerators(GeneratorRegistry &registry);

} // namespace spillway
