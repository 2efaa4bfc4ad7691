// The parameter form's view of the JSON Schema: which editor a parameter gets, and the
// parameters a newly picked generator starts with. What the schema says is read by the core's
// GeneratorCatalog, which `spillway-cli generators` prints too.

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

ParameterForm::Field::Type fieldType(const QString &name, const QJsonObject &schema)
{
    using F = ParameterForm::Field;
    switch (GeneratorCatalog::parameterType(name, schema)) {
    case ParameterType::Integer:
        return F::Integer;
    case ParameterType::Number:
        return F::Number;
    case ParameterType::Boolean:
        return F::Boolean;
    case ParameterType::Enum:
        return F::Enum;
    case ParameterType::Date:
        return F::Date;
    case ParameterType::DateTime:
        return F::DateTime;
    case ParameterType::Time:
        return F::Time;
    case ParameterType::Duration:
        return F::Duration;
    case ParameterType::Text:
        return F::Text;
    case ParameterType::Pattern:
        return F::Pattern;
    case ParameterType::TableRef:
        return F::TableRef;
    case ParameterType::ColumnRef:
        return F::KeyColumnRef; // refined by the caller
    case ParameterType::ValueList:
        return F::ValueList;
    case ParameterType::StringList:
        return F::StringList;
    case ParameterType::NumberList:
        return F::NumberList;
    case ParameterType::Scalar:
        return F::Scalar;
    case ParameterType::Object:
        return F::Object;
    case ParameterType::Json:
        return F::Json;
    }
    return F::Text;
}

QJsonObject ParameterForm::defaults(const QString &definition, const QString &kind,
                                    const ParameterContext &context)
{
    const Schema *schema = context.document ? &context.document->schema() : nullptr;
    return GeneratorCatalog::startingParameters(kind, schema, context.table, definition);
}

} // namespace spillway
