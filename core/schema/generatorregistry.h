#pragma once

// The catalogue of generators: each kind's name, a one-line summary, its category, the SQL type
// it suits by default and a factory that reads its parameters. Adding a generator means one
// factory in core/generators/ and one line in its category's register function.

#include "base/params.h"
#include "schema/generator.h"

#include <QJsonObject>
#include <QList>
#include <QString>

#include <functional>
#include <memory>

namespace spillway {

struct TableRuntime;

// What a factory may look up: tables compiled before this one (references point to parents,
// which are compiled first) and the column's own table.
class CompileContext
{
public:
    virtual ~CompileContext() = default;
    virtual const TableRuntime *table(const QString &name) const = 0;
    virtual const TableRuntime *parentTable() const = 0; // the fan-out parent, or null
    // The document's generator of `column` in the column's own table (empty when none): a
    // reference that shares another reference's row reads how that one draws.
    virtual QJsonObject columnGenerator(const QString &column) const
    {
        Q_UNUSED(column)
        return {};
    }
};

struct GeneratorArgs
{
    ParamReader &params;
    RandomStream rng;
    QString sqlType; // the column's declared type, lower case
    QString table;
    QString column;
    const CompileContext &context;
    uint64_t tableKey = 0; // CompiledSchema::tableKey of the column's table
    int depth = 0;         // arrays and json objects around this generator (0 for a column's own)

    // The stream shared by every column of this table that names the same group: columns of
    // one group agree within a row (one person's first name, last name and email; one place's
    // city, region, postal code and coordinates). Reads the optional "group" parameter.
    RandomStream groupStream(const QString &defaultGroup) const;
};

// `category` and `summary` are marked QT_TRANSLATE_NOOP("GeneratorRegistry", ...) where the
// generators register: the designer shows them translated; `kind` is the schema's word.
struct GeneratorInfo
{
    QString kind;
    QString category;
    QString summary;
    QString defaultSqlType;
    std::function<std::unique_ptr<Generator>(GeneratorArgs &)> create;
};

class GeneratorRegistry
{
public:
    static const GeneratorRegistry &instance();

    void add(GeneratorInfo info) { m_infos.append(std::move(info)); }
    const GeneratorInfo *find(const QString &kind) const;
    const QList<GeneratorInfo> &all() const { return m_infos; }
    QStringList kinds() const;

private:
    GeneratorRegistry();
    QList<GeneratorInfo> m_infos;
};

// One register function per file in core/generators/.
void registerNumericGenerators(GeneratorRegistry &registry);
void registerTemporalGenerators(GeneratorRegistry &registry);
void registerTextGenerators(GeneratorRegistry &registry);
void registerReferenceGenerators(GeneratorRegistry &registry);
void registerPeopleGenerators(GeneratorRegistry &registry);
void registerPlaceGenerators(GeneratorRegistry &registry);
void registerInternetGenerators(GeneratorRegistry &registry);
void registerCompositeGenerators(GeneratorRegistry &registry);
void registerGeoGenerators(GeneratorRegistry &registry);

} // namespace spillway
