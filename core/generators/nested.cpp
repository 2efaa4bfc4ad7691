#include "generators/nested.h"

#include "generators/textrender.h"
#include "schema/schemacompiler.h"

#include <QJsonArray>
#include <QRegularExpression>

#include <cmath>

#include <cstring>

namespace spillway {

void NestedField::fill(const BatchContext &ctx, Value *out) const
{
    generator->generate(ctx, out);
    if (!nullThreshold)
        return;
    for (uint32_t i = 0; i < ctx.count; ++i) {
        if (nullStream.draw(ctx.row(i)) < nullThreshold)
            out[i] = Value::null();
    }
}

namespace {

// Inside JSON, a choice or constant of numbers or booleans keeps them as JSON numbers and
// booleans unless a type says otherwise.
QString jsonValueType(const QJsonObject &spec)
{
    QJsonArray values = spec.value(QStringLiteral("values")).toArray();
    if (spec.contains(QStringLiteral("value")))
        values = {spec.value(QStringLiteral("value"))};
    bool numbers = !values.isEmpty(), whole = true, booleans = !values.isEmpty();
    for (const QJsonValue &v : values) {
        numbers = numbers && (v.isDouble() || v.isNull());
        booleans = booleans && (v.isBool() || v.isNull());
        whole = whole && (v.isNull() || (v.isDouble() && v.toDouble() == std::floor(v.toDouble()) &&
                                         std::fabs(v.toDouble()) < 9e15));
    }
    if (booleans)
        return QStringLiteral("boolean");
    if (numbers)
        return whole ? QStringLiteral("bigint") : QStringLiteral("numeric");
    return {};
}

} // namespace

std::optional<NestedField> compileNested(const GeneratorArgs &outer, const ParamReader &parent,
                                         const QString &key, const QJsonObject &spec, bool inJson,
                                         const QString &sqlType)
{
    ParamReader reader = parent.nested(key, spec);
    const QString kind = reader.string(QStringLiteral("kind"));
    const GeneratorInfo *info = GeneratorRegistry::instance().find(kind);
    if (!info) {
        if (!kind.isEmpty())
            reader.error(
                QStringLiteral("kind"),
                QStringLiteral("unknown generator '%1': use one of %2")
                    .arg(kind, GeneratorRegistry::instance().kinds().join(QStringLiteral(", "))));
        return std::nullopt;
    }
    QString fallback = sqlType.isEmpty() ? info->defaultSqlType : sqlType;
    if (inJson && (kind == QLatin1String("choice") || kind == QLatin1String("constant")) &&
        !jsonValueType(spec).isEmpty())
        fallback = jsonValueType(spec);
    QString type = reader.string(QStringLiteral("type"), fallback).toLower();
    if (inJson && (kind == QLatin1String("array") || kind == QLatin1String("json")))
        type = QStringLiteral("jsonb");
    if (!isKnownSqlType(type))
        reader.error(QStringLiteral("type"),
                     QStringLiteral("unknown SQL type '%1': use a PostgreSQL type such as "
                                    "bigint, numeric(12,2), text, date, timestamp")
                         .arg(type));
    const double nullFraction = reader.number(QStringLiteral("nullFraction"), 0);
    reader.requireRange(QStringLiteral("nullFraction"), nullFraction, 0, 1);

    NestedField field;
    field.name = key;
    const RandomStream rng = outer.rng.derive(hashName("field:" + key.toStdString()));
    GeneratorArgs args{reader,       rng,           type,           outer.table,
                       outer.column, outer.context, outer.tableKey, outer.depth + 1};
    field.generator = info->create(args);
    reader.rejectUnknown({QStringLiteral("kind")});
    if (!field.generator)
        return std::nullopt;
    field.dependencies = field.generator->dependencies();
    field.nullStream = rng.derive(hashName("\x01null"));
    field.nullThreshold =
        nullFraction >= 1.0
            ? ~uint64_t(0)
            : static_cast<uint64_t>(std::max(0.0, nullFraction) * 18446744073709551616.0);
    return field;
}

bool checkNestingDepth(const GeneratorArgs &args)
{
    if (args.depth < kMaxNestingDepth)
        return true;
    args.params.skipRest();
    args.params.error(QString(),
                      QStringLiteral("arrays and json objects are nested more than %1 levels "
                                     "deep here: flatten the structure (at most %1 levels, the "
                                     "column's own array or object counting as the first)")
                          .arg(kMaxNestingDepth));
    return false;
}

uint64_t saturatingProduct(uint64_t a, uint64_t b)
{
    const unsigned __int128 p = static_cast<unsigned __int128>(a) * b;
    return p > ~uint64_t(0) ? ~uint64_t(0) : uint64_t(p);
}

QStringList nestedDependencies(const std::vector<NestedField> &fields)
{
    QStringList all;
    for (const NestedField &f : fields)
        all.append(f.dependencies);
    return all;
}

void bindNestedDependencies(std::vector<NestedField> &fields, const QList<int> &indexes)
{
    qsizetype at = 0;
    for (NestedField &f : fields) {
        f.generator->bindDependencies(indexes.mid(at, f.dependencies.size()));
        at += f.dependencies.size();
    }
}

bool nestedNeedsParent(const std::vector<NestedField> &fields)
{
    for (const NestedField &f : fields) {
        if (f.generator->needsParent())
            return true;
    }
    return false;
}

void prepareNested(std::vector<NestedField> &fields)
{
    for (NestedField &f : fields)
        f.generator->prepare();
}

size_t arrayElementBound(const Value &v)
{
    return 2 * renderedLengthBound(v) + 4;
}

char *writeArrayElement(char *p, const Value &v)
{
    if (v.isNull()) {
        std::memcpy(p, "NULL", 4);
        return p + 4;
    }
    // Render at the end of the room first, then copy forward with escapes if needed.
    const size_t bound = renderedLengthBound(v);
    char *text = p + bound + 4;
    const size_t n = renderText(v, text);
    // Unquoted NULL in any letter case is a null element to PostgreSQL.
    bool quote = n == 0 || (n == 4 && (text[0] | 0x20) == 'n' && (text[1] | 0x20) == 'u' &&
                            (text[2] | 0x20) == 'l' && (text[3] | 0x20) == 'l');
    for (size_t k = 0; k < n && !quote; ++k) {
        const char c = text[k];
        quote = c == '{' || c == '}' || c == ',' || c == '"' || c == '\\' || c == ' ' ||
                c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f';
    }
    if (!quote) {
        std::memmove(p, text, n);
        return p + n;
    }
    // Quoted, at most 2n + 2 bytes, written from a copy (the escaped text may overrun it).
    std::string copy(text, n);
    *p++ = '"';
    for (char c : copy) {
        if (c == '"' || c == '\\')
            *p++ = '\\';
        *p++ = c;
    }
    *p++ = '"';
    return p;
}

} // namespace spillway
