// The parameters a newly picked generator starts with. What the JSON Schema says (defaults, and
// each parameter's ParameterType, which picks its editor) is read by the core's GeneratorCatalog,
// which `spillway-cli generators` prints too.

#include "design/parameterfield.h"

#include "design/schemadocument.h"
#include "generators/generatorcatalog.h"

namespace spillway {

QStringList toStrings(const QJsonArray &array)
{
    QStringList result;
    for (const QJsonValue &v : array)
        result.append(v.toString());
    return result;
}

QJsonObject ParameterForm::defaults(const QString &definition, const QString &kind,
                                    const ParameterContext &context)
{
    const Schema *schema = context.document ? &context.document->schema() : nullptr;
    return GeneratorCatalog::startingParameters(kind, schema, context.table, definition);
}

} // namespace spillway
