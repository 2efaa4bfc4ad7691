#include "generators/generatorcatalog.h"

#include "generators/wordlist.h"
#include "schema/schema.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>

#include <algorithm>

namespace spillway {

namespace {

// The JSON Schema's $defs, read once from the resource.
const QJsonObject &definitions()
{
    static const QJsonObject defs = [] {
        initBundledResources();
        QFile file(QStringLiteral(":/spillway/schema/spillway-schema.json"));
        if (!file.open(QIODevice::ReadOnly))
            return QJsonObject();
        return QJsonDocument::fromJson(file.readAll())
            .object()
            .value(QStringLiteral("$defs"))
            .toObject();
    }();
    return defs;
}

QStringList toStrings(const QJsonArray &array)
{
    QStringList result;
    for (const QJsonValue &v : array)
        result.append(v.toString());
    return result;
}

ParameterType stringType(const QString &name, const QJsonObject &schema)
{
    const QString pattern = schema.value(QStringLiteral("pattern")).toString();
    if (pattern.startsWith(QLatin1String("^-?\\d{4}")))
        return pattern.contains(QLatin1String("[ T]")) ? ParameterType::DateTime
                                                       : ParameterType::Date;
    if (pattern.startsWith(QLatin1String("^\\d{2}:")))
        return ParameterType::Time;
    if (name == QLatin1String("pattern"))
        return ParameterType::Pattern;
    if (name == QLatin1String("table"))
        return ParameterType::TableRef;
    if (name == QLatin1String("column"))
        return ParameterType::ColumnRef;
    return ParameterType::Text;
}

// The value a required parameter starts with when it is neither a reference nor a template.
QJsonValue startingValue(const QString &name, ParameterType type)
{
    const bool isMin = name == QLatin1String("min");
    switch (type) {
    case ParameterType::Integer:
    case ParameterType::Number:
        return name == QLatin1String("max") ? 100 : isMin ? 1 : 3;
    case ParameterType::Date:
        return isMin ? QStringLiteral("2024-01-01") : QStringLiteral("2024-12-31");
    case ParameterType::DateTime:
        return isMin ? QStringLiteral("2024-01-01 00:00:00")
                     : QStringLiteral("2024-12-31 23:59:59");
    case ParameterType::Time:
        return isMin ? QStringLiteral("08:00:00") : QStringLiteral("18:00:00");
    case ParameterType::Pattern:
        return QStringLiteral("[A-Z]{3}-\\d{4}");
    case ParameterType::ValueList:
        return QJsonArray{QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("c")};
    case ParameterType::Json: {
        const QJsonObject uniform{{QStringLiteral("kind"), QStringLiteral("uniform")},
                                  {QStringLiteral("min"), 1},
                                  {QStringLiteral("max"), 100}};
        if (name == QLatin1String("fields"))
            return QJsonObject{{QStringLiteral("value"), uniform}};
        return uniform;
    }
    default:
        return QStringLiteral("x");
    }
}

} // namespace

QStringList GeneratorCatalog::kinds(const QString &definition)
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

bool GeneratorCatalog::hasKind(const QString &kind, const QString &definition)
{
    return kinds(definition).contains(kind);
}

QString GeneratorCatalog::description(const QString &kind, const QString &definition)
{
    return kindSchema(kind, definition).value(QStringLiteral("description")).toString();
}

QJsonObject GeneratorCatalog::kindSchema(const QString &kind, const QString &definition)
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

QList<ParameterInfo> GeneratorCatalog::parameters(const QString &kind, const QString &definition)
{
    const QJsonObject then = kindSchema(kind, definition);
    const QJsonObject props = then.value(QStringLiteral("properties")).toObject();
    const QStringList required = toStrings(then.value(QStringLiteral("required")).toArray());
    QList<ParameterInfo> result;
    const QStringList names = orderedNames(props);
    for (const QString &name : names) {
        if (name == QLatin1String("kind"))
            continue;
        ParameterInfo p;
        p.name = name;
        p.schema = props.value(name).toObject();
        p.type = parameterType(name, p.schema);
        p.required = required.contains(name);
        p.defaultValue = p.schema.value(QStringLiteral("default"));
        p.description = p.schema.value(QStringLiteral("description")).toString();
        result.append(p);
    }
    return result;
}

QStringList GeneratorCatalog::orderedNames(const QJsonObject &properties)
{
    static const QStringList order = {
        QStringLiteral("table"),     QStringLiteral("column"),     QStringLiteral("min"),
        QStringLiteral("max"),       QStringLiteral("start"),      QStringLiteral("step"),
        QStringLiteral("value"),     QStringLiteral("values"),     QStringLiteral("pattern"),
        QStringLiteral("template"),  QStringLiteral("mean"),       QStringLiteral("stddev"),
        QStringLiteral("lambda"),    QStringLiteral("s"),          QStringLiteral("probability"),
        QStringLiteral("scale"),     QStringLiteral("digits"),     QStringLiteral("precision"),
        QStringLiteral("minLength"), QStringLiteral("maxLength"),  QStringLiteral("distribution"),
        QStringLiteral("from"),      QStringLiteral("capitalize"), QStringLiteral("suffix"),
        QStringLiteral("case"),      QStringLiteral("ascii"),      QStringLiteral("maxRepeat"),
        QStringLiteral("scatter"),   QStringLiteral("after")};
    QStringList names = properties.keys();
    std::stable_sort(names.begin(), names.end(), [](const QString &a, const QString &b) {
        const auto rank = [](const QString &n) {
            const qsizetype i = order.indexOf(n);
            return i < 0 ? order.size() : i;
        };
        return rank(a) < rank(b);
    });
    return names;
}

ParameterType GeneratorCatalog::parameterType(const QString &name, const QJsonObject &schema)
{
    if (schema.contains(QStringLiteral("$ref")))
        return ParameterType::Duration; // the only reference among parameters
    if (schema.contains(QStringLiteral("enum")))
        return ParameterType::Enum;
    const QJsonValue type = schema.value(QStringLiteral("type"));
    if (type.isArray())
        return ParameterType::Scalar;
    const QString t = type.toString();
    if (t == QLatin1String("integer"))
        return ParameterType::Integer;
    if (t == QLatin1String("number"))
        return ParameterType::Number;
    if (t == QLatin1String("boolean"))
        return ParameterType::Boolean;
    if (t == QLatin1String("array")) {
        if (name == QLatin1String("values"))
            return ParameterType::ValueList;
        const QJsonObject items = schema.value(QStringLiteral("items")).toObject();
        return items.value(QStringLiteral("type")).toString() == QLatin1String("number")
                   ? ParameterType::NumberList
                   : ParameterType::StringList;
    }
    if (t == QLatin1String("object"))
        return schema.contains(QStringLiteral("properties")) ? ParameterType::Object
                                                             : ParameterType::Json;
    return stringType(name, schema);
}

QString GeneratorCatalog::typeName(const ParameterInfo &parameter)
{
    switch (parameter.type) {
    case ParameterType::Integer:
        return QStringLiteral("integer");
    case ParameterType::Number:
        return QStringLiteral("number");
    case ParameterType::Boolean:
        return QStringLiteral("boolean");
    case ParameterType::Enum:
        return QStringLiteral("one of ") +
               toStrings(parameter.schema.value(QStringLiteral("enum")).toArray())
                   .join(QLatin1Char('|'));
    case ParameterType::Date:
        return QStringLiteral("date");
    case ParameterType::DateTime:
        return QStringLiteral("timestamp");
    case ParameterType::Time:
        return QStringLiteral("time");
    case ParameterType::Duration:
        return QStringLiteral("duration");
    case ParameterType::Pattern:
        return QStringLiteral("regex");
    case ParameterType::TableRef:
        return QStringLiteral("table name");
    case ParameterType::ColumnRef:
        return QStringLiteral("column name");
    case ParameterType::ValueList:
        return QStringLiteral("list of values");
    case ParameterType::StringList:
        return QStringLiteral("list of strings");
    case ParameterType::NumberList:
        return QStringLiteral("list of numbers");
    case ParameterType::Scalar:
        return QStringLiteral("scalar");
    case ParameterType::Object:
        return QStringLiteral("object");
    case ParameterType::Json:
        return QStringLiteral("generator");
    case ParameterType::Text:
        break;
    }
    return QStringLiteral("string");
}

QJsonObject GeneratorCatalog::startingParameters(const QString &kind, const Schema *schema,
                                                 int table, const QString &definition)
{
    QJsonObject result{{QStringLiteral("kind"), kind}};
    const QJsonObject then = kindSchema(kind, definition);
    const QJsonObject props = then.value(QStringLiteral("properties")).toObject();
    QStringList wanted = toStrings(then.value(QStringLiteral("required")).toArray());
    if (kind == QLatin1String("date") || kind == QLatin1String("timestamp") ||
        kind == QLatin1String("time"))
        wanted << QStringLiteral("min") << QStringLiteral("max");
    const TableSpec *own = schema && table >= 0 ? &schema->tables[table] : nullptr;
    QString refTable; // the first other table that has a key column
    if (schema)
        for (const TableSpec &t : schema->tables)
            if ((!own || t.name != own->name) && !keyColumns(*schema, t.name).isEmpty() &&
                refTable.isEmpty())
                refTable = t.name;
    for (const QString &name : std::as_const(wanted)) {
        if (name == QLatin1String("kind"))
            continue;
        const ParameterType type = parameterType(name, props.value(name).toObject());
        if (type == ParameterType::TableRef && kind == QLatin1String("aggregate")) {
            QString child; // an aggregate folds the rows of a child table of its own
            if (schema && own)
                for (const TableSpec &t : schema->tables)
                    if (child.isEmpty() && t.perParent && t.perParent->parent == own->name)
                        child = t.name;
            result.insert(name, child);
        } else if (type == ParameterType::TableRef) {
            result.insert(name, refTable);
        } else if (type == ParameterType::Enum) {
            const QJsonArray options =
                props.value(name).toObject().value(QStringLiteral("enum")).toArray();
            result.insert(name, options.isEmpty() ? startingValue(name, type) : options.first());
        } else if (type == ParameterType::ColumnRef) {
            const QString keyTable = kind == QLatin1String("parent") && own && own->perParent
                                         ? own->perParent->parent
                                         : refTable;
            result.insert(name, schema ? keyColumns(*schema, keyTable).value(0) : QString());
        } else if (type == ParameterType::Text && name == QLatin1String("template") && own &&
                   !own->columns.isEmpty()) {
            result.insert(name, QLatin1Char('{') + own->columns.first().name + QLatin1Char('}'));
        } else if (type == ParameterType::Text && name == QLatin1String("expression") && own &&
                   !own->columns.isEmpty()) {
            // The first column, quoted: a start that shows how an expression names a column.
            QString quoted = own->columns.first().name;
            quoted.replace(QLatin1Char('"'), QStringLiteral("\"\""));
            result.insert(name, QLatin1Char('"') + quoted + QLatin1Char('"'));
        } else if (name == QLatin1String("origin")) {
            result.insert(name, QJsonArray{13.37, 52.5}); // a parcel grid's corner: Berlin
        } else if (name == QLatin1String("track") && own) {
            QString track; // track_times follows a line-string column of its own row
            for (const ColumnSpec &c : own->columns)
                if (track.isEmpty() &&
                    c.sqlType.contains(QLatin1String("LineString"), Qt::CaseInsensitive))
                    track = c.name;
            result.insert(name, track);
        } else {
            result.insert(name, startingValue(name, type));
        }
    }
    // A histogram starts with buckets of its own (an import fills in the table's statistics).
    if (kind == QLatin1String("histogram") && !result.contains(QStringLiteral("bounds")))
        result.insert(QStringLiteral("bounds"), QJsonArray{0, 10, 100, 1000});
    return result;
}

QStringList GeneratorCatalog::keyColumns(const Schema &schema, const QString &table)
{
    QStringList keys;
    if (const TableSpec *t = schema.table(table))
        for (const ColumnSpec &c : t->columns)
            if (c.unique || c.primaryKey)
                keys.append(c.name);
    return keys;
}

} // namespace spillway
