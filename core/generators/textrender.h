#pragma once

// Values as plain text, spelled the way PostgreSQL prints them, for generators that compose
// text from other columns (template) or read typed values from a schema (choice). Self-contained
// and allocation-free: the CSV and COPY encoders have their own escaping and do not depend on this.

#include "value.h"

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace spillway {

// Most bytes renderText() can write for v (exact for text, a safe bound otherwise).
size_t renderedLengthBound(const Value &v);

// Writes v at out, which holds at least renderedLengthBound(v) bytes, and returns the length:
// integers, decimals with their scale, floats (shortest round-trip or fixed scale; NaN,
// Infinity), dates YYYY-MM-DD, times HH:MM:SS[.ffffff], timestamps 'YYYY-MM-DD HH:MM:SS[.ffffff]',
// uuids 8-4-4-4-12 lower-case hex, booleans true/false, null as nothing.
size_t renderText(const Value &v, char *out);

// Appends the rendering of v to out.
void renderText(const Value &v, std::string &out);

// Reads "12.345", "-7" or "1.5e3" as a Decimal at `scale` digits after the point, rounding
// half away from zero as PostgreSQL does; scale < 0 keeps the text's own decimals (at most 18).
// Nothing when the text is not a number or does not fit 64 bits.
std::optional<Value> parseDecimal(std::string_view text, int scale);

// Rewrites UTF-8 text in place as ASCII: Latin-1 and Latin Extended-A letters lose their
// diacritics (é → e, ß → ss, Æ → AE), every other non-ASCII character is dropped. Never grows
// the text; returns the new length.
size_t foldToAscii(char *text, size_t length);

void toLowerAscii(char *text, size_t length);
void toUpperAscii(char *text, size_t length);

} // namespace spillway
