#include "verify/verifymap.h"

#include "schema/compiledschema.h"
#include "schema/ddl.h"
#include "schema/schemacompiler.h"
#include "verify/columntransform.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>

namespace spillway {
namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("VerifyMap", text);
}

// Collects the problems of a document, each prefixed with the file and its JSON path.
class Problems
{
public:
    explicit Problems(const QString &fileName)
        : m_file(fileName)
    {}
    void add(const QString &path, const QString &message)
    {
        QString where = m_file;
        if (!path.isEmpty())
            where += (where.isEmpty() ? QString() : QStringLiteral(": ")) + path;
        m_lines.append(where.isEmpty() ? message : where + QStringLiteral(": ") + message);
    }
    void unknownKeys(const QJsonObject &o, const QString &path, const QStringList &known)
    {
        for (auto it = o.constBegin(); it != o.constEnd(); ++it) {
            if (known.contains(it.key()) || it.key().startsWith(QLatin1Char('$')))
                continue;
            const QString close = SchemaCompiler::closest(it.key(), known);
            add(path.isEmpty() ? it.key() : path + QLatin1Char('.') + it.key(),
                close.isEmpty() ? tr("unknown key; the keys here are %1")
                                      .arg(QLatin1Char('"') + known.join(QStringLiteral("\", \"")) +
                                           QLatin1Char('"'))
                                : tr("unknown key; did you mean \"%1\"?").arg(close));
        }
    }
    bool isEmpty() const { return m_lines.isEmpty(); }
    QString text() const { return m_lines.join(QLatin1Char('\n')); }

private:
    QString m_file;
    QStringList m_lines;
};

bool readColumn(const QJsonValue &v, const QString &path, ColumnMapping &out, Problems &problems)
{
    if (v.isNull()) {
        out.dropped = true;
        return true;
    }
    if (v.isString() && !v.toString().isEmpty()) {
        out.target = v.toString();
        return true;
    }
    if (!v.isObject()) {
        problems.add(path, tr("expected a column name or null (dropped), or an object with "
                              "\"target\", \"cast\" and \"expr\""));
        return false;
    }
    const QJsonObject o = v.toObject();
    problems.unknownKeys(
        o, path, {QStringLiteral("target"), QStringLiteral("cast"), QStringLiteral("expr")});
    const QJsonValue target = o.value(QStringLiteral("target"));
    if (target.isNull())
        out.dropped = o.contains(QStringLiteral("target"));
    else if (target.isString() && !target.toString().isEmpty())
        out.target = target.toString();
    else if (!target.isUndefined())
        problems.add(path + QStringLiteral(".target"), tr("expected a column name or null"));
    for (const char *key : {"cast", "expr"}) {
        const QJsonValue value = o.value(QLatin1String(key));
        if (value.isUndefined())
            continue;
        if (!value.isString() || value.toString().trimmed().isEmpty())
            problems.add(path + QLatin1Char('.') + QLatin1String(key),
                         tr("expected a text such as %1")
                             .arg(qstrcmp(key, "cast") == 0 ? QStringLiteral("\"integer\"")
                                                            : QStringLiteral("\"upper(name)\"")));
        else
            (qstrcmp(key, "cast") == 0 ? out.cast : out.expr) = value.toString().trimmed();
    }
    if (out.dropped && (!out.cast.isEmpty() || !out.expr.isEmpty()))
        problems.add(path, tr("a dropped column (target null) is not compared: leave out "
                              "\"cast\" and \"expr\""));
    return true;
}

void readTable(const QJsonValue &v, const QString &path, TableMapping &out, Problems &problems)
{
    if (v.isString()) { // shorthand: "orders": "staging.orders"
        out.target = v.toString();
    } else if (!v.isObject()) {
        problems.add(path, tr("expected an object with \"target\" and \"columns\", or the "
                              "target table's name"));
        return;
    } else {
        const QJsonObject o = v.toObject();
        problems.unknownKeys(o, path, {QStringLiteral("target"), QStringLiteral("columns")});
        const QJsonValue target = o.value(QStringLiteral("target"));
        if (target.isString())
            out.target = target.toString();
        else if (!target.isUndefined())
            problems.add(path + QStringLiteral(".target"),
                         tr("expected a table name such as \"staging.orders\""));
        const QJsonValue columns = o.value(QStringLiteral("columns"));
        if (columns.isObject()) {
            const QJsonObject c = columns.toObject();
            for (auto it = c.constBegin(); it != c.constEnd(); ++it) {
                ColumnMapping m;
                if (readColumn(it.value(), path + QStringLiteral(".columns.") + it.key(), m,
                               problems))
                    out.columns.insert(it.key(), m);
            }
        } else if (!columns.isUndefined()) {
            problems.add(path + QStringLiteral(".columns"),
                         tr("expected an object from the schema's column names to their names in "
                            "the target (null: dropped)"));
        }
    }
    if (!out.target.isEmpty() && !VerifyMap::splitTarget(out.target, nullptr, nullptr))
        problems.add(path + QStringLiteral(".target"),
                     tr("\"%1\" is not a table name: write \"table\" or \"schema.table\" (a name "
                        "with dots in double quotes)")
                         .arg(out.target));
}

QString quotedList(QStringList names)
{
    for (QString &n : names)
        n = QLatin1Char('"') + n + QLatin1Char('"');
    return names.join(QStringLiteral(", "));
}

// A name not in `known`, worded with a hint and the names there are.
QString unknownName(const QString &what, const QString &name, const QStringList &known)
{
    const QString close = SchemaCompiler::closest(name, known);
    QString message = tr("the schema has no %1 \"%2\"").arg(what, name);
    if (!close.isEmpty())
        message += tr("; did you mean \"%1\"?").arg(close);
    return message + tr(" (%1s: %2)").arg(what, quotedList(known));
}

} // namespace

std::optional<VerifyMap> VerifyMap::fromJson(const QByteArray &json, const QString &fileName,
                                             QString *error)
{
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        int line = 1, column = 1;
        for (int i = 0; i < parseError.offset && i < json.size(); ++i) {
            if (json[i] == '\n') {
                ++line;
                column = 1;
            } else if ((uchar(json[i]) & 0xC0) != 0x80) {
                ++column;
            }
        }
        *error = tr("%1:%2:%3: the map is not valid JSON: %4")
                     .arg(fileName.isEmpty() ? tr("map") : fileName)
                     .arg(line)
                     .arg(column)
                     .arg(parseError.errorString());
        return std::nullopt;
    }
    if (!doc.isObject()) {
        *error = tr("%1: the map must be a JSON object with \"tables\"")
                     .arg(fileName.isEmpty() ? tr("map") : fileName);
        return std::nullopt;
    }
    return fromJsonObject(doc.object(), fileName, error);
}

std::optional<VerifyMap> VerifyMap::fromJsonObject(const QJsonObject &object,
                                                   const QString &fileName, QString *error)
{
    Problems problems(fileName);
    problems.unknownKeys(object, QString(), {QStringLiteral("tables")});
    VerifyMap map;
    map.fileName = fileName;
    const QJsonValue tables = object.value(QStringLiteral("tables"));
    if (tables.isObject()) {
        const QJsonObject t = tables.toObject();
        for (auto it = t.constBegin(); it != t.constEnd(); ++it) {
            TableMapping m;
            readTable(it.value(), QStringLiteral("tables.") + it.key(), m, problems);
            map.tables.insert(it.key(), m);
        }
    } else {
        problems.add(QStringLiteral("tables"),
                     tables.isUndefined()
                         ? tr("missing: a map is {\"tables\": {\"orders\": {\"target\": "
                              "\"staging.orders\", \"columns\": {\"id\": \"order_id\"}}}}")
                         : tr("expected an object from the schema's table names to their targets"));
    }
    if (!problems.isEmpty()) {
        *error = problems.text();
        return std::nullopt;
    }
    return map;
}

std::optional<VerifyMap> VerifyMap::load(const QString &path, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = tr("%1: cannot read the map: %2").arg(path, file.errorString());
        return std::nullopt;
    }
    return fromJson(file.readAll(), path, error);
}

namespace {

// The problems of one table's column mappings: unknown columns, transformations that cannot be
// computed, two columns landing in one.
void validateColumns(const VerifyMap &map, const QString &tableName, const TableRuntime &table,
                     const QString &path, Problems &problems)
{
    QStringList columnNames;
    for (int c : table.outputColumns)
        columnNames.append(table.columns[size_t(c)].name);
    const TableMapping &mapping = map.tables[tableName];
    for (auto c = mapping.columns.constBegin(); c != mapping.columns.constEnd(); ++c) {
        const QString columnPath = path + QStringLiteral(".columns.") + c.key();
        if (!columnNames.contains(c.key())) {
            problems.add(columnPath, unknownName(tr("column"), c.key(), columnNames));
            continue;
        }
        if (c->cast.isEmpty() && c->expr.isEmpty())
            continue;
        QString problem;
        const QString &type = table.columns[size_t(table.columnIndex(c.key()))].sqlType;
        if (!ColumnTransform::compile(c.key(), type, c->expr, c->cast, &problem))
            problems.add(columnPath + (c->expr.isEmpty() ? QStringLiteral(".cast")
                                                         : QStringLiteral(".expr")),
                         problem);
    }
    QHash<QString, QString> landed; // target column -> schema column
    for (const QString &name : std::as_const(columnNames)) {
        const QString landsIn = map.targetColumn(tableName, name);
        if (landsIn.isEmpty())
            continue;
        if (landed.contains(landsIn))
            problems.add(path + QStringLiteral(".columns"),
                         tr("columns \"%1\" and \"%2\" both land in \"%3\"")
                             .arg(landed.value(landsIn), name, landsIn));
        landed.insert(landsIn, name);
    }
}

} // namespace

QString VerifyMap::validate(const CompiledSchema &schema) const
{
    Problems problems(fileName);
    QStringList tableNames;
    for (const auto &t : schema.tables())
        tableNames.append(t->name);
    QHash<QString, QString> targets; // qualified target -> schema table
    for (auto it = tables.constBegin(); it != tables.constEnd(); ++it) {
        const QString path = QStringLiteral("tables.") + it.key();
        const TableRuntime *table = schema.table(it.key());
        if (!table) {
            problems.add(path, unknownName(tr("table"), it.key(), tableNames));
            continue;
        }
        const QString target = targetTable(it.key(), QString());
        if (targets.contains(target))
            problems.add(path, tr("lands in %1 like table \"%2\": each schema table needs a "
                                  "target of its own")
                                   .arg(target, targets.value(target)));
        targets.insert(target, it.key());
        validateColumns(*this, it.key(), *table, path, problems);
    }
    return problems.text();
}

bool VerifyMap::splitTarget(const QString &target, QString *schema, QString *table)
{
    QStringList parts;
    QString current;
    bool quoted = false, wasQuoted = false;
    for (qsizetype i = 0; i < target.size(); ++i) {
        const QChar c = target[i];
        if (c == QLatin1Char('"')) {
            if (quoted && i + 1 < target.size() && target[i + 1] == QLatin1Char('"')) {
                current += c; // "" inside quotes
                ++i;
            } else {
                quoted = !quoted;
                wasQuoted = true;
            }
        } else if (c == QLatin1Char('.') && !quoted) {
            parts.append(current);
            current.clear();
            wasQuoted = false;
        } else {
            current += c;
        }
    }
    if (quoted || (current.isEmpty() && !wasQuoted))
        return false;
    parts.append(current);
    if (parts.size() > 2 || parts.contains(QString()))
        return false;
    if (schema)
        *schema = parts.size() == 2 ? parts.first() : QString();
    if (table)
        *table = parts.last();
    return true;
}

QString VerifyMap::targetTable(const QString &schemaTable, const QString &defaultSchema) const
{
    const auto it = tables.constFind(schemaTable);
    QString schema, table;
    if (it == tables.constEnd() || it->target.isEmpty() ||
        !splitTarget(it->target, &schema, &table))
        return Ddl::qualifiedName(defaultSchema, schemaTable);
    return Ddl::qualifiedName(schema.isEmpty() ? defaultSchema : schema, table);
}

QString VerifyMap::targetColumn(const QString &schemaTable, const QString &column) const
{
    const ColumnMapping *m = this->column(schemaTable, column);
    if (!m)
        return column;
    if (m->dropped)
        return QString();
    return m->target.isEmpty() ? column : m->target;
}

const ColumnMapping *VerifyMap::column(const QString &schemaTable, const QString &column) const
{
    const auto t = tables.constFind(schemaTable);
    if (t == tables.constEnd())
        return nullptr;
    const auto c = t->columns.constFind(column);
    return c == t->columns.constEnd() ? nullptr : &*c;
}

QJsonObject VerifyMap::toJson() const
{
    QJsonObject tableObject;
    for (auto it = tables.constBegin(); it != tables.constEnd(); ++it) {
        QJsonObject t;
        if (!it->target.isEmpty())
            t.insert(QStringLiteral("target"), it->target);
        QJsonObject columns;
        for (auto c = it->columns.constBegin(); c != it->columns.constEnd(); ++c) {
            if (c->dropped) {
                columns.insert(c.key(), QJsonValue(QJsonValue::Null));
            } else if (c->cast.isEmpty() && c->expr.isEmpty()) {
                columns.insert(c.key(), c->target.isEmpty() ? c.key() : c->target);
            } else {
                QJsonObject o;
                if (!c->target.isEmpty())
                    o.insert(QStringLiteral("target"), c->target);
                if (!c->cast.isEmpty())
                    o.insert(QStringLiteral("cast"), c->cast);
                if (!c->expr.isEmpty())
                    o.insert(QStringLiteral("expr"), c->expr);
                columns.insert(c.key(), o);
            }
        }
        if (!columns.isEmpty())
            t.insert(QStringLiteral("columns"), columns);
        tableObject.insert(it.key(), t);
    }
    return {{QStringLiteral("tables"), tableObject}};
}

} // namespace spillway
