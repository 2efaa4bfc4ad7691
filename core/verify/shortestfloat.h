#pragma once

// Floats as PostgreSQL prints them with extra_float_digits > 0 (float8out, float4out): the
// shortest decimal that reads back as the same value, laid out in fixed notation for decimal
// exponents -4 <= e < 15 (real: 6) and as 1.5e+20 / 1e-05 otherwise; NaN, Infinity, -Infinity.
//
// "Shortest" differs from std::to_chars in one rare case: PostgreSQL never picks a decimal that
// lies exactly halfway between two floats (its Ryu has STRICTLY_SHORTEST off), where to_chars
// takes one when the float's mantissa is even. Then PostgreSQL prints more digits, and so do
// these functions.

namespace spillway {

constexpr int kShortestFloatText = 32; // bytes the functions may write

char *formatPgDouble(char *p, double v);
char *formatPgReal(char *p, float v);

} // namespace spillway
