// What the JSON Schema says about generator parameters: the kinds, their descriptions and
// editors, and the parameters a newly picked generator starts with.

#include "design/parameterfield.h"

#include "design/schemadocument.h"

#include <QFile>
#include <QJsonDocument>

namespace spillway {

namespace {

// The JSON Schema's $defs, read once from the resource.
const QJsonObject &definitions()
{
    static const QJsonObject defs = [] {
        QFile file(QStringLiteral(":/spillway/schema/spillway-schema.json"));
        file.open(QIODevice::ReadOnly);
        return QJsonDocument::fromJson(file.readAll())
            .object()
            .value(QStringLiteral("$defs"))
            .toObject();
    }();
    return defs;
}

} // namespace

// The "then" branch describing one kind: {description, properties, required}.
QJsonObject kindSchema(const QString &definition, const QString &kind)
{
    const QJsonArray branches =
        definitions().value(definition).toObject().value(QStringLiteral("allOf")).toArray();
    for (const QJsonValue &b : branches) {
        const QJsonObject then = b.toObject().value(QStringLiteral("then")).toObject();
        const QJsonObject props = then.value(QStringLiteral("properties")).toObject();
        if (props.value(QStringLiteral("kind"))
                .toObject()
                .value(QStringLiteral("const"))
                .toString() == kind)
            return then;
    }
    return {};
}

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
    if (schema.contains(QStringLiteral("$ref")))
        return F::Duration; // the only reference among parameters
    if (schema.contains(QStringLiteral("enum")))
        return F::Enum;
    const QJsonValue type = schema.value(QStringLiteral("type"));
    if (type.isArray())
        return F::Scalar;
    const QString t = type.toString();
    if (t == QLatin1String("integer"))
        return F::Integer;
    if (t == QLatin1String("number"))
        return F::Number;
    if (t == QLatin1String("boolean"))
        return F::Boolean;
    if (t == QLatin1String("array")) {
        if (name == QLatin1String("values"))
            return F::ValueList;
        const QJsonObject items = schema.value(QStringLiteral("items")).toObject();
        return items.value(QStringLiteral("type")).toString() == QLatin1String("number")
                   ? F::NumberList
                   : F::StringList;
    }
    if (t == QLatin1String("object"))
        return schema.contains(QStringLiteral("properties")) ? F::Object : F::Json;
    const QString pattern = schema.value(QStringLiteral("pattern")).toString();
    if (pattern.startsWith(QLatin1String("^-?\\d{4}")))
        return pattern.contains(QLatin1String("[ T]")) ? F::DateTime : F::Date;
    if (pattern.startsWith(QLatin1String("^\\d{2}:")))
        return F::Time;
    if (name == QLatin1String("pattern"))
        return F::Pattern;
    if (name == QLatin1String("table"))
        return F::TableRef;
    if (name == QLatin1String("column"))
        return F::KeyColumnRef; // refined by the caller for "after.column"
    return F::Text;
}

QStringList keyColumns(const Schema &schema, const QString &table)
{
    QStringList keys;
    if (const TableSpec *t = schema.table(table))
        for (const ColumnSpec &c : t->columns)
            if (c.unique || c.primaryKey)
                keys.append(c.name);
    return keys;
}

QStringList ParameterForm::kinds(const QString &definition)
{
    const QJsonObject kind = definitions()
                                 .value(definition)
                                 .toObject()
                                 .value(QStringLiteral("properties"))
                                 .toObject()
                                 .value(QStringLiteral("kind"))
                                 .toObject();
    return toStrings(kind.value(QStringLiteral("enum")).toArray());
}

QString ParameterForm::description(const QString &definition, const QString &kind)
{
    return kindSchema(definition, kind).value(QStringLiteral("description")).toString();
}

QJsonObject ParameterForm::defaults(const QString &definition, const QString &kind,
                                    const ParameterContext &context)
{
    QJsonObject result{{QStringLiteral("kind"), kind}};
    const QJsonObject then = kindSchema(definition, kind);
    const QJsonObject props = then.value(QStringLiteral("properties")).toObject();
    QStringList wanted = toStrings(then.value(QStringLiteral("required")).toArray());
    if (kind == QLatin1String("date") || kind == QLatin1String("timestamp") ||
        kind == QLatin1String("time"))
        wanted << QStringLiteral("min") << QStringLiteral("max");
    const Schema *schema = context.document ? &context.document->schema() : nullptr;
    const TableSpec *own = schema && context.table >= 0 ? &schema->tables[context.table] : nullptr;
    QString refTable;
    if (schema)
        for (const TableSpec &t : schema->tables)
            if ((!own || t.name != own->name) && !keyColumns(*schema, t.name).isEmpty() &&
                refTable.isEmpty())
                refTable = t.name;
    for (const QString &name : std::as_const(wanted)) {
        if (name == QLatin1String("kind"))
            continue;
        const QJsonObject p = props.value(name).toObject();
        switch (fieldType(name, p)) {
        case Field::Integer:
        case Field::Number:
            result.insert(name, name == QLatin1String("max")   ? 100
                                : name == QLatin1String("min") ? 1
                                                               : 3);
            break;
        case Field::Date:
            result.insert(name, name == QLatin1String("min") ? QStringLiteral("2024-01-01")
                                                             : QStringLiteral("2024-12-31"));
            break;
        case Field::DateTime:
            result.insert(name, name == QLatin1String("min")
                                    ? QStringLiteral("2024-01-01 00:00:00")
                                    : QStringLiteral("2024-12-31 23:59:59"));
            break;
        case Field::Time:
            result.insert(name, name == QLatin1String("min") ? QStringLiteral("08:00:00")
                                                             : QStringLiteral("18:00:00"));
            break;
        case Field::TableRef:
            result.insert(name, refTable);
            break;
        case Field::KeyColumnRef: {
            const QString table = kind == QLatin1String("parent") && own && own->perParent
                                      ? own->perParent->parent
                                      : refTable;
            const QStringList keys = schema ? keyColumns(*schema, table) : QStringList();
            result.insert(name, keys.value(0));
            break;
        }
        case Field::Pattern:
            result.insert(name, QStringLiteral("[A-Z]{3}-\\d{4}"));
            break;
        case Field::ValueList:
            result.insert(
                name, QJsonArray{QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("c")});
            break;
        case Field::Json: {
            const QJsonObject uniform{{QStringLiteral("kind"), QStringLiteral("uniform")},
                                      {QStringLiteral("min"), 1},
                                      {QStringLiteral("max"), 100}};
            result.insert(name, name == QLatin1String("fields")
                                    ? QJsonObject{{QStringLiteral("value"), uniform}}
                                    : uniform);
            break;
        }
        default:
            result.insert(name,
                          name == QLatin1String("template") && own && !own->columns.isEmpty()
                              ? QLatin1Char('{') + own->columns.first().name + QLatin1Char('}')
                              : QStringLiteral("x"));
        }
    }
    return result;
}

} // namespace spillway
