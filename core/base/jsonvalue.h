#pragma once

// One value as JSON text, written straight into a buffer: the JSON Lines encoder and the json and
// array generators share it. Numbers stay numbers (decimals keep their exact text), booleans are
// true/false, NULL is null; dates, times, timestamps, UUIDs and text are strings; text marked as
// JSON (kJsonText) is copied as it is.

#include "base/value.h"

#include <cstddef>

namespace spillway {

char *writeJsonValue(char *p, const Value &v);

// The most bytes writeJsonValue can take for v.
inline size_t jsonValueBound(const Value &v)
{
    if (v.kind != ValueKind::Text)
        return 50;
    return v.scale == kJsonText ? size_t(v.len) : 6 * size_t(v.len) + 2;
}

// Writes s as the inside of a JSON string (no quotes); needs 6 * n bytes at p.
char *writeJsonEscaped(char *p, const char *s, size_t n);

} // namespace spillway
