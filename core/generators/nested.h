#pragma once

// Generators inside generators: the fields of a json object and the element of an array are
// compiled from their own JSON objects like columns ("kind", parameters, optional "type" and
// "nullFraction"), with problems reported at their own JSON paths.

#include "schema/generatorregistry.h"

#include <QJsonObject>

#include <optional>
#include <string>
#include <vector>

namespace spillway {

// Bounded work per row, whatever the schema: a row's arrays and json objects nest at most
// kMaxNestingDepth levels (a column's own array or object is level 1), an array holds at most
// kMaxArrayLength elements, and one row holds at most kMaxValuesPerRow values in all (the
// product of the nested maximum lengths, summed over json fields).
constexpr int kMaxNestingDepth = 8;
constexpr int64_t kMaxArrayLength = 10000;
constexpr uint64_t kMaxValuesPerRow = 100000;

// Refuses a composite generator at `depth` (GeneratorArgs::depth) nested too deep; false then.
bool checkNestingDepth(const GeneratorArgs &args);
// a * b, or ~0 when that overflows.
uint64_t saturatingProduct(uint64_t a, uint64_t b);

struct NestedField
{
    QString name;
    std::string key; // the quoted JSON key and colon, for json objects
    std::unique_ptr<Generator> generator;
    uint64_t nullThreshold = 0;
    RandomStream nullStream;
    QStringList dependencies;

    // The generator's values with this field's nulls applied.
    void fill(const BatchContext &ctx, Value *out) const;
};

// Compiles the generator object `spec` found at `key` under `parent`. Inside json (inJson),
// arrays and objects render as JSON. `sqlType` overrides the generator's default type.
std::optional<NestedField> compileNested(const GeneratorArgs &outer, const ParamReader &parent,
                                         const QString &key, const QJsonObject &spec, bool inJson,
                                         const QString &sqlType = {});

QStringList nestedDependencies(const std::vector<NestedField> &fields);
void bindNestedDependencies(std::vector<NestedField> &fields, const QList<int> &indexes);
bool nestedNeedsParent(const std::vector<NestedField> &fields);
void prepareNested(std::vector<NestedField> &fields);

// One element of a PostgreSQL array literal: NULL, a bare word, or a quoted string with " and
// \ escaped; the bound is the most bytes it can take.
size_t arrayElementBound(const Value &v);
char *writeArrayElement(char *p, const Value &v);

} // namespace spillway
