#include "encode/jsonlencoder.h"

#include "base/valueformat.h"

#include <cmath>
#include <cstring>

namespace spillway {

namespace {

inline char *copyBytes(char *p, const char *s, size_t n)
{
    std::memcpy(p, s, n);
    return p + n;
}

// Worst case of one row: every key, then 6 bytes per text byte (\u00XX) or a scalar, quoted.
inline size_t rowBound(const Value *const *col, size_t columns, uint32_t r, size_t keys)
{
    size_t bound = keys + 2;
    for (size_t k = 0; k < columns; ++k)
        bound += jsonValueBound(col[k][r]);
    return bound;
}

} // namespace

bool JsonLinesEncoder::Keys::matches(const TableRuntime &t) const
{
    if (table != &t || t.outputColumns.size() != size_t(names.size()))
        return false;
    for (size_t k = 0; k < keys.size(); ++k) {
        if (t.columns[size_t(t.outputColumns[k])].name != names[qsizetype(k)])
            return false;
    }
    return true;
}

const JsonLinesEncoder::Keys &JsonLinesEncoder::keysFor(const TableRuntime &table) const
{
    std::lock_guard<std::mutex> lock(m_mutex);
    for (auto it = m_keys.rbegin(); it != m_keys.rend(); ++it) {
        if ((*it)->matches(table))
            return **it;
    }
    auto keys = std::make_unique<Keys>();
    keys->table = &table;
    for (int c : table.outputColumns) {
        const QString &name = table.columns[size_t(c)].name;
        const QByteArray utf8 = name.toUtf8();
        QByteArray key(6 * utf8.size() + 4, Qt::Uninitialized);
        char *p = key.data();
        *p++ = keys->keys.empty() ? '{' : ',';
        *p++ = '"';
        p = writeJsonEscaped(p, utf8.constData(), size_t(utf8.size()));
        *p++ = '"';
        *p++ = ':';
        key.truncate(qsizetype(p - key.constData()));
        keys->names.append(name);
        keys->totalSize += size_t(key.size());
        keys->keys.push_back(key);
    }
    m_keys.push_back(std::move(keys));
    return *m_keys.back();
}

void JsonLinesEncoder::writeHeader(const TableRuntime &table, ByteBuffer &out) const
{
    Q_UNUSED(table)
    Q_UNUSED(out)
}

void JsonLinesEncoder::encode(const TableRuntime &table, const RowBatch &batch, ByteBuffer &out,
                              std::vector<uint32_t> *rowEnds) const
{
    const Keys &keys = keysFor(table);
    const size_t columns = table.outputColumns.size();
    std::vector<const Value *> col(columns);
    for (size_t k = 0; k < columns; ++k)
        col[k] = batch.column(table.outputColumns[k]);
    for (uint32_t r = 0; r < batch.count; ++r) {
        // One capacity check per row: the worst case of every value, then raw writes.
        char *p = out.reserveTail(rowBound(col.data(), columns, r, keys.totalSize));
        if (columns == 0)
            *p++ = '{';
        for (size_t k = 0; k < columns; ++k) {
            const QByteArray &key = keys.keys[k];
            p = copyBytes(p, key.constData(), size_t(key.size()));
            p = writeJsonValue(p, col[k][r]);
        }
        *p++ = '}';
        *p++ = '\n';
        out.setEnd(p);
        if (rowEnds)
            rowEnds->push_back(uint32_t(out.size()));
    }
}

} // namespace spillway
