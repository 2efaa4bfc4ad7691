#pragma once

// What the JSON Schema shipped in the resources (":/spillway/schema/spillway-schema.json") says
// about generators: the kinds a definition allows ("generator" for columns, "countDistribution"
// for fan-out counts), each kind's description and parameters (type, default, whether required,
// description), and the parameters a newly picked generator starts with. The designer builds
// its forms from it and `spillway-cli generators` prints it, so both read one source.
// Qt Core only; the schema is read once and shared read-only.

#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QString>
#include <QStringList>

namespace spillway {

struct Schema;

// How a parameter is edited and what it holds, from its name and JSON Schema.
enum class ParameterType {
    Integer,
    Number,
    Boolean,
    Enum,
    Date,
    DateTime,
    Time,
    Duration,
    Text,
    Pattern,
    TableRef,
    ColumnRef, // a key column of another table (reference, parent) or a column of this row
    ValueList, // "values" (with "weights")
    StringList,
    NumberList,
    Scalar, // any JSON scalar ("value" of constant)
    Object, // a nested object with its own parameters ("after")
    Json    // generator objects (json fields, array elements)
};

struct ParameterInfo
{
    QString name;
    ParameterType type = ParameterType::Text;
    bool required = false;
    QJsonValue defaultValue = QJsonValue::Undefined; // the JSON Schema's "default", if any
    QString description;
    QJsonObject schema; // the parameter's own JSON Schema
};

class GeneratorCatalog
{
public:
    // The definition of a column's generator; the other is "countDistribution".
    static inline const QString kGenerator = QStringLiteral("generator");

    // The kinds the definition allows, in the JSON Schema's order.
    static QStringList kinds(const QString &definition = kGenerator);
    static bool hasKind(const QString &kind, const QString &definition = kGenerator);
    static QString description(const QString &kind, const QString &definition = kGenerator);
    // The JSON Schema's branch for one kind: {description, properties, required}; empty when
    // the definition has no such kind.
    static QJsonObject kindSchema(const QString &kind, const QString &definition = kGenerator);
    // The kind's parameters ("kind" itself left out) in the README's order.
    static QList<ParameterInfo> parameters(const QString &kind,
                                           const QString &definition = kGenerator);
    // Property names in the order the README lists parameters (JSON objects forget it).
    static QStringList orderedNames(const QJsonObject &properties);
    static ParameterType parameterType(const QString &name, const QJsonObject &schema);
    // A short type for people: "integer", "date", "one of uniform|zipf", "list of numbers", ...
    static QString typeName(const ParameterInfo &parameter);

    // The parameters a newly picked generator of `kind` starts with: {"kind": kind} and its
    // required parameters filled sensibly (ranges, dates, a table with a key column other than
    // `table`, that table's first key column, a template or an expression naming the table's
    // first column).
    // `schema` may be null and `table` -1 when there is no document or table to look at.
    static QJsonObject startingParameters(const QString &kind, const Schema *schema, int table,
                                          const QString &definition = kGenerator);
    // The unique or primary-key columns of a table, for references.
    static QStringList keyColumns(const Schema &schema, const QString &table);
};

} // namespace spillway
