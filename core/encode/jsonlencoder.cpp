#include "encode/jsonlencoder.h"

#include "base/geometry.h"
#include "base/valueformat.h"
#include "encode/dirtyrows.h"

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
// A geometry's GeoJSON takes less than twice its text ("1 2," is "[1,2],") and a header.
inline size_t rowBound(const Value *const *col, size_t columns, uint32_t r, size_t keys)
{
    size_t bound = keys + 2;
    for (size_t k = 0; k < columns; ++k)
        bound += jsonValueBound(col[k][r]) + 64;
    return bound;
}

// A geometry column's value: its GeoJSON object, or (text that is no geometry) a string.
char *writeGeometryJson(char *p, const Value &v)
{
    thread_local Geometry geometry;
    if (v.kind == ValueKind::Text && readGeometryText(v.view(), geometry))
        return writeGeoJson(p, geometry);
    return writeJsonValue(p, v);
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
        keys->geometry.push_back(isGeometryTypeName(table.columns[size_t(c)].sqlType));
        keys->totalSize += size_t(key.size());
        keys->keys.push_back(key);
    }
    m_keys.push_back(std::move(keys));
    return *m_keys.back();
}

void JsonLinesEncoder::appendFields(const TableRuntime &table,
                                    const std::vector<DirtyField> &fields, ByteBuffer &out)
{
    bool first = true;
    for (const DirtyField &f : fields) {
        const QByteArray key = f.column >= 0 ? table.columns[size_t(f.column)].name.toUtf8()
                                             : QByteArray(DirtyRows::kExtraKey);
        char *p =
            out.reserveTail(6 * (size_t(key.size()) + f.text.size()) + 64 +
                            (f.form == DirtyField::Form::Value ? jsonValueBound(f.value) : 0));
        *p++ = first ? '{' : ',';
        first = false;
        *p++ = '"';
        p = writeJsonEscaped(p, key.constData(), size_t(key.size()));
        p = copyBytes(p, "\":", 2);
        switch (f.form) {
        case DirtyField::Form::Value:
            p = writeJsonValue(p, f.value);
            break;
        case DirtyField::Form::Null:
            p = copyBytes(p, "null", 4);
            break;
        case DirtyField::Form::Raw:
            p = copyBytes(p, f.text.data(), f.text.size());
            break;
        case DirtyField::Form::Text:
        case DirtyField::Form::OpenQuote: // the same, without the closing quote
            *p++ = '"';
            p = writeJsonEscaped(p, f.text.data(), f.text.size());
            if (f.form == DirtyField::Form::Text)
                *p++ = '"';
            break;
        }
        out.setEnd(p);
    }
    out.append(first ? "{}\n" : "}\n");
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
    const DirtyRows *dirty = dirtyRowsOf(table);
    std::unique_ptr<RowBatch> scratch;
    for (uint32_t r = 0; r < batch.count; ++r) {
        if (dirty && dirty->isDirty(batch.firstRow + r)) {
            const auto hit = dirty->at(batch.firstRow + r);
            appendFields(table, dirty->fields(batch, r, *hit, scratch), out);
            if (rowEnds)
                rowEnds->push_back(uint32_t(out.size()));
            continue;
        }
        // One capacity check per row: the worst case of every value, then raw writes.
        char *p = out.reserveTail(rowBound(col.data(), columns, r, keys.totalSize));
        if (columns == 0)
            *p++ = '{';
        for (size_t k = 0; k < columns; ++k) {
            const QByteArray &key = keys.keys[k];
            p = copyBytes(p, key.constData(), size_t(key.size()));
            p = keys.geometry[k] ? writeGeometryJson(p, col[k][r]) : writeJsonValue(p, col[k][r]);
        }
        *p++ = '}';
        *p++ = '\n';
        out.setEnd(p);
        if (rowEnds)
            rowEnds->push_back(uint32_t(out.size()));
    }
}

} // namespace spillway
