#pragma once

// JSON Lines: one JSON object per row, {"column":value,...} in column order. Numbers stay
// numbers (decimals keep their exact text), booleans are true/false, NULL is null; dates,
// times, timestamps, UUIDs and text are strings.

#include "encoder.h"

#include <QStringList>

#include <memory>
#include <mutex>
#include <vector>

namespace spillway {

// One value as JSON (see above; text marked as JSON is copied as it is), and the most bytes
// that can take.
char *writeJsonValue(char *p, const Value &v);
inline size_t jsonValueBound(const Value &v)
{
    if (v.kind != ValueKind::Text)
        return 50;
    return v.scale == kJsonText ? size_t(v.len) : 6 * size_t(v.len) + 2;
}

class JsonLinesEncoder final : public Encoder
{
public:
    void writeHeader(const TableRuntime &table, ByteBuffer &out) const override;
    void encode(const TableRuntime &table, const RowBatch &batch, ByteBuffer &out,
                std::vector<uint32_t> *rowEnds) const override;

    // Writes s as the inside of a JSON string (no quotes); needs 6 * n bytes at p.
    static char *writeEscaped(char *p, const char *s, size_t n);

private:
    // The quoted keys of one table's columns, each with the '{' or ',' before it.
    struct Keys
    {
        const TableRuntime *table = nullptr;
        QStringList names;
        std::vector<QByteArray> keys;
        size_t totalSize = 0;
        bool matches(const TableRuntime &t) const;
    };
    const Keys &keysFor(const TableRuntime &table) const;

    // Built on first use and never removed, so references stay valid for the encoder's life.
    mutable std::mutex m_mutex;
    mutable std::vector<std::unique_ptr<Keys>> m_keys;
};

} // namespace spillway
