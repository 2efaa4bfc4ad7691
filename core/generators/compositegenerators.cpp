// Composite values: json (an object whose fields are any generators), array (a PostgreSQL array,
// or a JSON array inside json, of any generator's values with a length distribution) and bytes
// (bytea). Nested generators are compiled like columns, with their own streams derived from the
// column's, so a field's values do not change when another field is added.

#include "base/jsonvalue.h"
#include "generators/aggregategenerator.h"
#include "generators/distribution.h"
#include "generators/expressiongenerator.h"
#include "generators/nested.h"
#include "generators/textrender.h"
#include "schema/compiledschema.h"
#include "schema/generatorregistry.h"

#include <QJsonObject>

#include <cstring>

namespace spillway {

namespace {

class JsonObject final : public Generator
{
public:
    explicit JsonObject(std::vector<NestedField> fields, bool omitNulls)
        : m_fields(std::move(fields))
        , m_omitNulls(omitNulls)
    {
        for (NestedField &f : m_fields) {
            const QByteArray name = f.name.toUtf8();
            std::string key(6 * size_t(name.size()) + 3, '\0');
            char *p = key.data();
            *p++ = '"';
            p = writeJsonEscaped(p, name.constData(), size_t(name.size()));
            *p++ = '"';
            *p++ = ':';
            key.resize(size_t(p - key.data()));
            f.key = std::move(key);
        }
    }

    void generate(const BatchContext &ctx, Value *out) const override
    {
        std::vector<Value> values(m_fields.size() * ctx.count);
        for (size_t f = 0; f < m_fields.size(); ++f)
            m_fields[f].fill(ctx, values.data() + f * ctx.count);
        for (uint32_t i = 0; i < ctx.count; ++i)
            out[i] = render(values, ctx.count, i, *ctx.arena);
    }
    QStringList dependencies() const override { return nestedDependencies(m_fields); }
    QString dependencyKey(int i) const override
    {
        for (const NestedField &f : m_fields) {
            if (i < f.dependencies.size()) {
                const QString key = f.generator->dependencyKey(i);
                QString path = QStringLiteral("fields.") + f.name;
                if (!key.isEmpty())
                    path += QLatin1Char('.') + key;
                return path;
            }
            i -= int(f.dependencies.size());
        }
        return {};
    }
    void bindDependencies(const QList<int> &indexes) override
    {
        bindNestedDependencies(m_fields, indexes);
    }
    bool needsParent() const override { return nestedNeedsParent(m_fields); }
    std::vector<RowRead> otherRowReads() const override
    {
        std::vector<RowRead> reads;
        for (const NestedField &f : m_fields) {
            for (const RowRead &r : f.generator->otherRowReads())
                reads.push_back(r);
        }
        return reads;
    }
    void prepare() override { prepareNested(m_fields); }
    uint64_t valuesPerRow() const override
    {
        uint64_t sum = 0;
        for (const NestedField &f : m_fields) {
            const uint64_t v = f.generator->valuesPerRow();
            sum = v > ~uint64_t(0) - sum ? ~uint64_t(0) : sum + v;
        }
        return sum;
    }

private:
    Value render(const std::vector<Value> &values, uint32_t count, uint32_t i, Arena &arena) const
    {
        size_t bound = 2;
        for (size_t f = 0; f < m_fields.size(); ++f)
            bound += m_fields[f].key.size() + 1 + jsonValueBound(values[f * count + i]);
        char *start = arena.allocate(bound);
        char *p = start;
        *p++ = '{';
        for (size_t f = 0; f < m_fields.size(); ++f) {
            const Value &v = values[f * count + i];
            if (m_omitNulls && v.isNull())
                continue;
            if (p != start + 1)
                *p++ = ',';
            std::memcpy(p, m_fields[f].key.data(), m_fields[f].key.size());
            p = writeJsonValue(p + m_fields[f].key.size(), v);
        }
        *p++ = '}';
        return Value::json({start, size_t(p - start)});
    }

    std::vector<NestedField> m_fields;
    bool m_omitNulls;
};

// Element j of row r is the element generator's value at "row" r * maxLength + j, so every
// element has its own draws and a batch of rows is one contiguous run of element rows.
class ArrayGenerator final : public Generator
{
public:
    ArrayGenerator(NestedField element, Spread length, uint32_t maxLength, RandomStream rng,
                   bool json)
        : m_element(std::move(element))
        , m_length(length)
        , m_max(maxLength)
        , m_rng(rng)
        , m_json(json)
    {}

    void generate(const BatchContext &ctx, Value *out) const override
    {
        constexpr uint32_t kRowsPerStep = 64;
        std::vector<Value> elements(size_t(kRowsPerStep) * m_max);
        for (uint32_t first = 0; first < ctx.count; first += kRowsPerStep) {
            const uint32_t rows = std::min(kRowsPerStep, ctx.count - first);
            // Scattered rows (a lookup) have runs of element rows of their own.
            const uint32_t runs = ctx.rows ? rows : 1;
            for (uint32_t run = 0; run < runs; ++run) {
                BatchContext inner;
                inner.firstRow = ctx.row(first + run) * m_max;
                inner.count = (ctx.rows ? 1 : rows) * m_max;
                inner.arena = ctx.arena;
                Value *into = elements.data() + size_t(run) * m_max;
                for (uint32_t done = 0; done < inner.count; done += RowBatch::kCapacity) {
                    BatchContext part = inner;
                    part.firstRow += done;
                    part.count = std::min(RowBatch::kCapacity, inner.count - done);
                    m_element.fill(part, into + done);
                }
            }
            for (uint32_t k = 0; k < rows; ++k) {
                const auto n = uint32_t(m_length.sampleInt(m_rng, ctx.row(first + k), 0));
                out[first + k] = render(elements.data() + size_t(k) * m_max, n, *ctx.arena);
            }
        }
    }
    void prepare() override { m_element.generator->prepare(); }
    std::vector<RowRead> otherRowReads() const override
    {
        return m_element.generator->otherRowReads();
    }
    uint64_t valuesPerRow() const override { return saturatingProduct(m_max, elementValues()); }
    uint64_t elementValues() const { return m_element.generator->valuesPerRow(); }

private:
    Value render(const Value *values, uint32_t n, Arena &arena) const
    {
        size_t bound = 2;
        for (uint32_t j = 0; j < n; ++j)
            bound += 1 + (m_json ? jsonValueBound(values[j]) : arrayElementBound(values[j]));
        char *start = arena.allocate(bound);
        char *p = start;
        *p++ = m_json ? '[' : '{';
        for (uint32_t j = 0; j < n; ++j) {
            if (j)
                *p++ = ',';
            p = m_json ? writeJsonValue(p, values[j]) : writeArrayElement(p, values[j]);
        }
        *p++ = m_json ? ']' : '}';
        const std::string_view text(start, size_t(p - start));
        return m_json ? Value::json(text) : Value::string(text);
    }

    NestedField m_element;
    Spread m_length;
    uint32_t m_max;
    RandomStream m_rng;
    bool m_json;
};

class Bytes final : public RowGenerator<Bytes>
{
public:
    Bytes(RandomStream rng, Spread length)
        : m_rng(rng)
        , m_length(length)
    {}
    Value at(uint64_t row, Arena &arena) const
    {
        static constexpr char hex[] = "0123456789abcdef";
        const auto n = size_t(m_length.sampleInt(m_rng, row, 0));
        char *out = arena.allocate(2 + 2 * n);
        out[0] = '\\';
        out[1] = 'x';
        uint64_t r = 0;
        for (size_t k = 0; k < n; ++k) {
            if (k % 8 == 0)
                r = m_rng.draw(row, uint32_t(2 + k / 8));
            out[2 + 2 * k] = hex[(r >> 4) & 0xF];
            out[3 + 2 * k] = hex[r & 0xF];
            r >>= 8;
        }
        return Value::string({out, 2 + 2 * n});
    }

private:
    RandomStream m_rng;
    Spread m_length;
};

bool isJsonType(const QString &sqlType)
{
    return sqlType == QLatin1String("json") || sqlType == QLatin1String("jsonb");
}

// Refuses a composite whose rows would hold more than kMaxValuesPerRow values; false then.
bool checkValuesPerRow(GeneratorArgs &a, const QString &key, const Generator &g,
                       const QString &what)
{
    if (g.valuesPerRow() <= kMaxValuesPerRow)
        return true;
    a.params.error(key, QStringLiteral("each row would hold up to %1 values here (%2), more "
                                       "than the %3 allowed: %4")
                            .arg(g.valuesPerRow())
                            .arg(what)
                            .arg(kMaxValuesPerRow)
                            .arg(key == QLatin1String("fields")
                                     ? QStringLiteral("use fewer fields or lower the "
                                                      "'maxLength' of the arrays inside")
                                     : QStringLiteral("lower 'maxLength' here or in the "
                                                      "arrays nested inside")));
    return false;
}

std::unique_ptr<Generator> createJson(GeneratorArgs &a)
{
    if (!checkNestingDepth(a))
        return nullptr;
    const QJsonObject spec = a.params.object(QStringLiteral("fields"));
    const bool omitNulls = a.params.boolean(QStringLiteral("omitNulls"), false);
    std::vector<NestedField> fields;
    ParamReader reader = a.params.nested(QStringLiteral("fields"), spec);
    for (auto it = spec.begin(); it != spec.end(); ++it) {
        if (!it->isObject()) {
            reader.error(it.key(), QStringLiteral("field '%1' must be a generator object such "
                                                  "as {\"kind\": \"uniform\", \"min\": 1, "
                                                  "\"max\": 9}")
                                       .arg(it.key()));
            continue;
        }
        if (auto field = compileNested(a, reader, it.key(), it->toObject(), true))
            fields.push_back(std::move(*field));
    }
    if (spec.isEmpty() && a.params.has(QStringLiteral("fields")))
        a.params.error(QStringLiteral("fields"),
                       QStringLiteral("'fields' needs at least one field"));
    if (fields.size() != size_t(spec.size()))
        return nullptr;
    auto g = std::make_unique<JsonObject>(std::move(fields), omitNulls);
    if (!checkValuesPerRow(a, QStringLiteral("fields"), *g,
                           QStringLiteral("the values of its %1 fields").arg(spec.size())))
        return nullptr;
    return g;
}

std::unique_ptr<Generator> createArray(GeneratorArgs &a)
{
    if (!checkNestingDepth(a))
        return nullptr;
    const bool json = isJsonType(a.sqlType);
    const int64_t lo = a.params.integer(QStringLiteral("minLength"), 0);
    const int64_t hi = a.params.integer(QStringLiteral("maxLength"), 5);
    a.params.requireRange(QStringLiteral("minLength"), double(lo), 0, double(kMaxArrayLength));
    a.params.requireRange(QStringLiteral("maxLength"), double(hi), 1, double(kMaxArrayLength));
    a.params.requireOrdered(QStringLiteral("minLength"), double(lo), QStringLiteral("maxLength"),
                            double(hi));
    const Spread length = Spread::read(a.params, double(lo), double(std::max(lo, hi)));
    const QJsonObject spec = a.params.object(QStringLiteral("element"));
    if (spec.isEmpty() && a.params.has(QStringLiteral("element")))
        a.params.error(QStringLiteral("element"),
                       QStringLiteral("'element' must be a generator object such as "
                                      "{\"kind\": \"uniform\", \"min\": 1, \"max\": 9}"));
    if (spec.isEmpty() || lo < 0 || hi < 1 || hi > kMaxArrayLength || lo > hi)
        return nullptr;
    // The element's type: a PostgreSQL array column's element type, or its generator's own.
    QString elementType = a.sqlType;
    if (!json && elementType.endsWith(QLatin1String("[]")))
        elementType.chop(2);
    auto element = compileNested(a, a.params, QStringLiteral("element"), spec, json,
                                 json ? QString() : elementType);
    if (!element)
        return nullptr;
    if (!json && spec.value(QStringLiteral("kind")).toString() == QLatin1String("array")) {
        a.params.error(QStringLiteral("element"),
                       QStringLiteral("a PostgreSQL array column cannot hold arrays of varying "
                                      "length (its dimensions must be rectangular): use a jsonb "
                                      "column for nested lists"));
        return nullptr;
    }
    if (!element->dependencies.isEmpty() || element->generator->needsParent()) {
        a.params.error(QStringLiteral("element"),
                       QStringLiteral("array elements cannot read other columns or the parent "
                                      "row: use a generator of its own values"));
        return nullptr;
    }
    auto g = std::make_unique<ArrayGenerator>(std::move(*element), length, uint32_t(hi),
                                              a.rng.derive(hashName("length")), json);
    if (!checkValuesPerRow(
            a, QStringLiteral("maxLength"), *g,
            QStringLiteral("'maxLength' %1 × %2 per element").arg(hi).arg(g->elementValues())))
        return nullptr;
    return g;
}

std::unique_ptr<Generator> createBytes(GeneratorArgs &a)
{
    const int64_t lo = a.params.integer(QStringLiteral("minLength"), 16);
    const int64_t hi = a.params.integer(QStringLiteral("maxLength"), std::max<int64_t>(lo, 16));
    a.params.requireRange(QStringLiteral("minLength"), double(lo), 0, 1 << 20);
    a.params.requireRange(QStringLiteral("maxLength"), double(hi), 0, 1 << 20);
    a.params.requireOrdered(QStringLiteral("minLength"), double(lo), QStringLiteral("maxLength"),
                            double(hi));
    const Spread length = Spread::read(a.params, double(lo), double(std::max(lo, hi)));
    return std::make_unique<Bytes>(a.rng, length);
}

} // namespace

void registerCompositeGenerators(GeneratorRegistry &r)
{
    const QString composite = QStringLiteral(QT_TRANSLATE_NOOP("GeneratorRegistry", "composite"));
    r.add({QStringLiteral("json"), composite,
           QStringLiteral(QT_TRANSLATE_NOOP(
               "GeneratorRegistry", "JSON objects whose fields are any generators (nested too)")),
           QStringLiteral("jsonb"), createJson});
    r.add(
        {QStringLiteral("array"), composite,
         QStringLiteral(QT_TRANSLATE_NOOP(
             "GeneratorRegistry", "Arrays of any generator's values, with a length distribution")),
         QStringLiteral("text[]"), createArray});
    r.add({QStringLiteral("bytes"), composite,
           QStringLiteral(QT_TRANSLATE_NOOP("GeneratorRegistry", "Random bytes (bytea, hex form)")),
           QStringLiteral("bytea"), createBytes});
    registerExpressionGenerators(r);
    registerAggregateGenerators(r);
}

} // namespace spillway
