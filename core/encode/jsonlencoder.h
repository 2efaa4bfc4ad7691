#pragma once

// JSON Lines: one JSON object per row, {"column":value,...} in column order. Numbers stay
// numbers (decimals keep their exact text), booleans are true/false, NULL is null; dates,
// times, timestamps, UUIDs and text are strings; geometry and geography columns are GeoJSON
// geometry objects.

#include "base/jsonvalue.h"
#include "encode/encoder.h"

#include <QStringList>

#include <memory>
#include <mutex>
#include <vector>

namespace spillway {

struct DirtyField;

class JsonLinesEncoder final : public Encoder
{
public:
    void writeHeader(const TableRuntime &table, ByteBuffer &out) const override;
    void encode(const TableRuntime &table, const RowBatch &batch, ByteBuffer &out,
                std::vector<uint32_t> *rowEnds) const override;

private:
    static void appendFields(const TableRuntime &table, const std::vector<DirtyField> &fields,
                             ByteBuffer &out);
    // The quoted keys of one table's columns, each with the '{' or ',' before it.
    struct Keys
    {
        const TableRuntime *table = nullptr;
        QStringList names;
        std::vector<QByteArray> keys;
        std::vector<bool> geometry; // per output column: geometry or geography
        size_t totalSize = 0;
        bool matches(const TableRuntime &t) const;
    };
    const Keys &keysFor(const TableRuntime &table) const;

    // Built on first use and never removed, so references stay valid for the encoder's life.
    mutable std::mutex m_mutex;
    mutable std::vector<std::unique_ptr<Keys>> m_keys;
};

} // namespace spillway
