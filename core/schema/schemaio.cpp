#include "schema/schemaio.h"

#include "schema/compiledschema.h"

#include <QCryptographicHash>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSaveFile>

#include <cmath>

namespace spillway {
namespace {

void lineAndColumn(const QByteArray &text, int offset, int &line, int &column)
{
    line = 1;
    column = 1;
    for (int i = 0; i < offset && i < text.size(); ++i) {
        if (text[i] == '\n') {
            ++line;
            column = 1;
        } else if ((uchar(text[i]) & 0xC0) != 0x80) {
            ++column;
        }
    }
}

class Reader
{
public:
    explicit Reader(Diagnostics &d)
        : m_d(d)
    {}

    void unknownKeys(const QJsonObject &o, const QString &path, const QStringList &known)
    {
        for (auto it = o.constBegin(); it != o.constEnd(); ++it) {
            if (!known.contains(it.key()) && !it.key().startsWith(QLatin1Char('$')))
                m_d.add(join(path, it.key()), QStringLiteral("unknown key '%1'; allowed here: %2")
                                                  .arg(it.key(), known.join(QStringLiteral(", "))));
        }
    }
    static QString join(const QString &path, const QString &key)
    {
        return path.isEmpty() ? key : path + QLatin1Char('.') + key;
    }
    QString string(const QJsonObject &o, const QString &path, const QString &key, bool required)
    {
        const QJsonValue v = o.value(key);
        if (v.isUndefined()) {
            if (required)
                m_d.add(join(path, key), QStringLiteral("missing '%1': add it").arg(key));
            return {};
        }
        if (!v.isString())
            m_d.add(join(path, key), QStringLiteral("'%1' must be a string").arg(key));
        return v.toString();
    }
    bool boolean(const QJsonObject &o, const QString &path, const QString &key)
    {
        const QJsonValue v = o.value(key);
        if (!v.isUndefined() && !v.isBool())
            m_d.add(join(path, key), QStringLiteral("'%1' must be true or false").arg(key));
        return v.toBool(false);
    }

    ColumnSpec column(const QJsonObject &o, const QString &path)
    {
        unknownKeys(o, path,
                    {QStringLiteral("name"), QStringLiteral("type"), QStringLiteral("generator"),
                     QStringLiteral("nullFraction"), QStringLiteral("unique"),
                     QStringLiteral("primaryKey"), QStringLiteral("hidden"),
                     QStringLiteral("comment"), QStringLiteral("guessed")});
        ColumnSpec c;
        c.name = string(o, path, QStringLiteral("name"), true);
        c.sqlType = string(o, path, QStringLiteral("type"), false);
        c.comment = string(o, path, QStringLiteral("comment"), false);
        c.guessed = string(o, path, QStringLiteral("guessed"), false);
        const QJsonValue gen = o.value(QStringLiteral("generator"));
        if (gen.isUndefined())
            m_d.add(join(path, QStringLiteral("generator")),
                    QStringLiteral("missing 'generator': add one, e.g. {\"kind\": \"sequence\"}"));
        else if (!gen.isObject())
            m_d.add(join(path, QStringLiteral("generator")),
                    QStringLiteral("'generator' must be an object with a \"kind\""));
        c.generator = gen.toObject();
        const QJsonValue nf = o.value(QStringLiteral("nullFraction"));
        if (!nf.isUndefined() && !nf.isDouble())
            m_d.add(join(path, QStringLiteral("nullFraction")),
                    QStringLiteral("'nullFraction' must be a number between 0 and 1"));
        c.nullFraction = nf.toDouble(0.0);
        c.unique = boolean(o, path, QStringLiteral("unique"));
        c.primaryKey = boolean(o, path, QStringLiteral("primaryKey"));
        c.hidden = boolean(o, path, QStringLiteral("hidden"));
        return c;
    }

    // {"fraction": 0.01, "kinds": ["number", "date"]}: the table's dirty rows.
    DirtyOptions dirtyOptions(const QJsonValue &v, const QString &path)
    {
        DirtyOptions d;
        if (!v.isObject()) {
            m_d.add(path, QStringLiteral("'dirty' must be an object such as {\"fraction\": 0.01, "
                                         "\"kinds\": [\"number\", \"date\"]}"));
            return d;
        }
        const QJsonObject o = v.toObject();
        unknownKeys(o, path, {QStringLiteral("fraction"), QStringLiteral("kinds")});
        const QJsonValue fraction = o.value(QStringLiteral("fraction"));
        d.fraction = fraction.toDouble(-1);
        if (!fraction.isDouble() || !d.check().isEmpty()) {
            m_d.add(join(path, QStringLiteral("fraction")),
                    QStringLiteral("'fraction' must be a number between 0 and 0.5, the share of "
                                   "rows written invalid, e.g. 0.01"));
            d.fraction = 0;
        }
        const QJsonValue kinds = o.value(QStringLiteral("kinds"));
        if (kinds.isUndefined())
            return d;
        const QString kp = join(path, QStringLiteral("kinds"));
        if (!kinds.isArray()) {
            m_d.add(
                kp,
                QStringLiteral("'kinds' must be an array of kind names: %1").arg(dirtyKindNames()));
            return d;
        }
        const QJsonArray array = kinds.toArray();
        for (int i = 0; i < array.size(); ++i) {
            const std::optional<DirtyKind> kind = dirtyKindFromName(array[i].toString());
            if (!kind)
                m_d.add(QStringLiteral("%1[%2]").arg(kp).arg(i),
                        QStringLiteral("unknown dirty kind '%1': use %2")
                            .arg(array[i].toString(), dirtyKindNames()));
            else if (!d.kinds.contains(*kind))
                d.kinds.append(*kind);
        }
        return d;
    }

    // ["a", "b"]: the columns of a table-level key.
    QStringList names(const QJsonValue &v, const QString &path, const QString &what)
    {
        QStringList list;
        bool ok = v.isArray();
        const QJsonArray array = v.toArray();
        for (const QJsonValue &name : array) {
            ok = ok && name.isString();
            list.append(name.toString());
        }
        if (!ok)
            m_d.add(path, QStringLiteral("%1 must be an array of column names such as "
                                         "[\"order_id\", \"line_no\"]")
                              .arg(what));
        return ok ? list : QStringList();
    }

    ForeignKeySpec foreignKey(const QJsonValue &v, const QString &path)
    {
        ForeignKeySpec fk;
        const QJsonObject o = v.toObject();
        const QJsonObject to = o.value(QStringLiteral("references")).toObject();
        if (!v.isObject() || !o.value(QStringLiteral("references")).isObject()) {
            m_d.add(path, QStringLiteral("a foreign key must be an object such as {\"columns\": "
                                         "[\"a\", \"b\"], \"references\": {\"table\": \"t\", "
                                         "\"columns\": [\"x\", \"y\"]}}"));
            return fk;
        }
        unknownKeys(o, path, {QStringLiteral("columns"), QStringLiteral("references")});
        const QString rp = join(path, QStringLiteral("references"));
        unknownKeys(to, rp, {QStringLiteral("table"), QStringLiteral("columns")});
        fk.columns = names(o.value(QStringLiteral("columns")),
                           join(path, QStringLiteral("columns")), QStringLiteral("'columns'"));
        fk.table = string(to, rp, QStringLiteral("table"), true);
        fk.referencedColumns =
            names(to.value(QStringLiteral("columns")), join(rp, QStringLiteral("columns")),
                  QStringLiteral("'columns'"));
        return fk;
    }

    // "primaryKey": [...], "unique": [[...], ...], "foreignKeys": [...] of a table.
    void tableKeys(const QJsonObject &o, const QString &path, TableSpec &t)
    {
        const QJsonValue pk = o.value(QStringLiteral("primaryKey"));
        if (!pk.isUndefined())
            t.primaryKey =
                names(pk, join(path, QStringLiteral("primaryKey")), QStringLiteral("'primaryKey'"));
        const QJsonValue unique = o.value(QStringLiteral("unique"));
        if (!unique.isUndefined() && !unique.isArray())
            m_d.add(join(path, QStringLiteral("unique")),
                    QStringLiteral("'unique' must be an array of column lists such as "
                                   "[[\"sku\", \"tag\"]]"));
        const QJsonArray uniques = unique.toArray();
        for (int i = 0; i < uniques.size(); ++i)
            t.unique.append(names(uniques[i], join(path, QStringLiteral("unique[%1]").arg(i)),
                                  QStringLiteral("each 'unique' entry")));
        const QJsonValue fks = o.value(QStringLiteral("foreignKeys"));
        if (!fks.isUndefined() && !fks.isArray())
            m_d.add(join(path, QStringLiteral("foreignKeys")),
                    QStringLiteral("'foreignKeys' must be an array of foreign keys"));
        const QJsonArray fkArray = fks.toArray();
        for (int i = 0; i < fkArray.size(); ++i)
            t.foreignKeys.append(
                foreignKey(fkArray[i], join(path, QStringLiteral("foreignKeys[%1]").arg(i))));
    }

    TableSpec table(const QJsonObject &o, const QString &path)
    {
        unknownKeys(o, path,
                    {QStringLiteral("name"), QStringLiteral("rows"),
                     QStringLiteral("rowsPerParent"), QStringLiteral("columns"),
                     QStringLiteral("comment"), QStringLiteral("dirty"),
                     QStringLiteral("primaryKey"), QStringLiteral("unique"),
                     QStringLiteral("foreignKeys"), QStringLiteral("fixedRows")});
        TableSpec t;
        t.name = string(o, path, QStringLiteral("name"), true);
        t.comment = string(o, path, QStringLiteral("comment"), false);
        const QJsonValue rows = o.value(QStringLiteral("rows"));
        if (!rows.isUndefined()) {
            const double d = rows.toDouble(-1);
            if (!rows.isDouble() || d != std::floor(d) || d < 0 || d > 9.2e18)
                m_d.add(join(path, QStringLiteral("rows")),
                        QStringLiteral("'rows' must be a whole number, 0 or more"));
            else
                t.rows = int64_t(d);
        }
        t.fixedRows = boolean(o, path, QStringLiteral("fixedRows"));
        const QJsonValue per = o.value(QStringLiteral("rowsPerParent"));
        if (!per.isUndefined()) {
            const QString pp = join(path, QStringLiteral("rowsPerParent"));
            if (!per.isObject()) {
                m_d.add(pp, QStringLiteral("'rowsPerParent' must be an object such as "
                                           "{\"parent\": \"orders\", \"count\": {\"kind\": "
                                           "\"uniform\", \"min\": 1, \"max\": 7}}"));
            } else {
                const QJsonObject po = per.toObject();
                unknownKeys(po, pp, {QStringLiteral("parent"), QStringLiteral("count")});
                FanOutSpec f;
                f.parent = string(po, pp, QStringLiteral("parent"), true);
                const QJsonValue count = po.value(QStringLiteral("count"));
                if (!count.isObject())
                    m_d.add(join(pp, QStringLiteral("count")),
                            QStringLiteral("'count' must be an integer distribution such as "
                                           "{\"kind\": \"uniform\", \"min\": 1, \"max\": 7}"));
                f.count = count.toObject();
                t.perParent = f;
            }
        }
        const QJsonValue dirty = o.value(QStringLiteral("dirty"));
        if (!dirty.isUndefined())
            t.dirty = dirtyOptions(dirty, join(path, QStringLiteral("dirty")));
        tableKeys(o, path, t);
        const QJsonValue cols = o.value(QStringLiteral("columns"));
        if (!cols.isArray()) {
            m_d.add(join(path, QStringLiteral("columns")),
                    QStringLiteral("'columns' must be an array of columns"));
            return t;
        }
        const QJsonArray array = cols.toArray();
        for (int i = 0; i < array.size(); ++i) {
            const QString cp = join(path, QStringLiteral("columns[%1]").arg(i));
            if (!array[i].isObject()) {
                m_d.add(cp, QStringLiteral("a column must be an object with name, type and "
                                           "generator"));
                continue;
            }
            t.columns.append(column(array[i].toObject(), cp));
        }
        return t;
    }

private:
    Diagnostics &m_d;
};

} // namespace

std::optional<Schema> SchemaIO::parse(const QByteArray &json, Diagnostics &diagnostics)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &error);
    if (error.error != QJsonParseError::NoError) {
        Diagnostic d;
        lineAndColumn(json, error.offset, d.line, d.column);
        d.message = QStringLiteral("the file is not valid JSON: %1; fix the text at line %2, "
                                   "column %3")
                        .arg(error.errorString())
                        .arg(d.line)
                        .arg(d.column);
        diagnostics.add(d);
        return std::nullopt;
    }
    if (!doc.isObject()) {
        diagnostics.add(QString(), QStringLiteral("the document must be a JSON object with "
                                                  "\"tables\""));
        return std::nullopt;
    }
    return fromJson(doc.object(), diagnostics);
}

std::optional<Schema> SchemaIO::fromJson(const QJsonObject &root, Diagnostics &diagnostics)
{
    const qsizetype before = diagnostics.size();
    Schema s = readLenient(root, diagnostics);
    if (diagnostics.size() > before)
        return std::nullopt;
    return s;
}

Schema SchemaIO::readLenient(const QJsonObject &root, Diagnostics &diagnostics)
{
    Diagnostics &local = diagnostics;
    Reader r(local);
    r.unknownKeys(root, QString(),
                  {QStringLiteral("format"), QStringLiteral("version"),
                   QStringLiteral("generatorVersion"), QStringLiteral("name"),
                   QStringLiteral("description"), QStringLiteral("seed"),
                   QStringLiteral("tables")});
    Schema s;
    const QJsonValue version = root.value(QStringLiteral("version"));
    s.formatVersion = version.toInt(kSchemaFormatVersion);
    if (!version.isUndefined() && (!version.isDouble() || s.formatVersion < 1))
        local.add(QStringLiteral("version"),
                  QStringLiteral("'version' must be a positive integer"));
    else if (s.formatVersion > kSchemaFormatVersion)
        local.add(QStringLiteral("version"),
                  QStringLiteral("format version %1 is newer than this Spillway reads (%2): "
                                 "upgrade Spillway")
                      .arg(s.formatVersion)
                      .arg(kSchemaFormatVersion));
    const QJsonValue genVersion = root.value(QStringLiteral("generatorVersion"));
    s.generatorVersion = genVersion.toInt(kGeneratorVersion);
    if (s.generatorVersion > kGeneratorVersion || s.generatorVersion < 1)
        local.add(QStringLiteral("generatorVersion"),
                  QStringLiteral("generator version %1 is not supported (this Spillway makes "
                                 "version %2): upgrade Spillway or set it to %2")
                      .arg(s.generatorVersion)
                      .arg(kGeneratorVersion));
    s.name = r.string(root, QString(), QStringLiteral("name"), false);
    s.description = r.string(root, QString(), QStringLiteral("description"), false);
    const QJsonValue seed = root.value(QStringLiteral("seed"));
    if (seed.isString()) {
        bool ok = false;
        s.seed = seed.toString().toULongLong(&ok);
        if (!ok)
            local.add(QStringLiteral("seed"), QStringLiteral("'seed' must be a whole number"));
    } else if (seed.isDouble() && seed.toDouble() >= 0 && seed.toDouble() < 9.007e15 &&
               seed.toDouble() == std::floor(seed.toDouble())) {
        s.seed = uint64_t(seed.toDouble());
    } else if (!seed.isUndefined()) {
        local.add(QStringLiteral("seed"), QStringLiteral("'seed' must be a whole number, 0 or "
                                                         "more (as a string above 2^53)"));
    }
    const QJsonValue tables = root.value(QStringLiteral("tables"));
    if (!tables.isArray()) {
        local.add(QStringLiteral("tables"), QStringLiteral("missing 'tables': add an array of "
                                                           "tables"));
    } else {
        const QJsonArray array = tables.toArray();
        for (int i = 0; i < array.size(); ++i) {
            const QString tp = QStringLiteral("tables[%1]").arg(i);
            if (!array[i].isObject())
                local.add(tp, QStringLiteral("a table must be an object with name, rows and "
                                             "columns"));
            else
                s.tables.append(r.table(array[i].toObject(), tp));
        }
    }
    return s;
}

std::optional<Schema> SchemaIO::load(const QString &fileName, Diagnostics &diagnostics)
{
    QFile file(fileName);
    if (!file.open(QIODevice::ReadOnly)) {
        diagnostics.add(
            QString(),
            QStringLiteral("cannot read schema file '%1': %2").arg(fileName, file.errorString()));
        return std::nullopt;
    }
    return parse(file.readAll(), diagnostics);
}

static void writeTableKeys(const TableSpec &t, QJsonObject &to)
{
    if (!t.primaryKey.isEmpty())
        to.insert(QStringLiteral("primaryKey"), QJsonArray::fromStringList(t.primaryKey));
    if (!t.unique.isEmpty()) {
        QJsonArray unique;
        for (const QStringList &key : t.unique)
            unique.append(QJsonArray::fromStringList(key));
        to.insert(QStringLiteral("unique"), unique);
    }
    if (t.foreignKeys.isEmpty())
        return;
    QJsonArray fks;
    for (const ForeignKeySpec &fk : t.foreignKeys)
        fks.append(QJsonObject{{QStringLiteral("columns"), QJsonArray::fromStringList(fk.columns)},
                               {QStringLiteral("references"),
                                QJsonObject{{QStringLiteral("table"), fk.table},
                                            {QStringLiteral("columns"),
                                             QJsonArray::fromStringList(fk.referencedColumns)}}}});
    to.insert(QStringLiteral("foreignKeys"), fks);
}

QJsonObject SchemaIO::toJson(const Schema &s)
{
    QJsonArray tables;
    for (const TableSpec &t : s.tables) {
        QJsonObject to{{QStringLiteral("name"), t.name}};
        if (!t.comment.isEmpty())
            to.insert(QStringLiteral("comment"), t.comment);
        if (t.rows)
            to.insert(QStringLiteral("rows"), double(*t.rows));
        if (t.fixedRows)
            to.insert(QStringLiteral("fixedRows"), true);
        if (t.perParent)
            to.insert(QStringLiteral("rowsPerParent"),
                      QJsonObject{{QStringLiteral("parent"), t.perParent->parent},
                                  {QStringLiteral("count"), t.perParent->count}});
        if (t.dirty) {
            QJsonObject dirty{{QStringLiteral("fraction"), t.dirty->fraction}};
            if (!t.dirty->kinds.isEmpty())
                dirty.insert(QStringLiteral("kinds"),
                             QJsonArray::fromStringList(t.dirty->kindNames()));
            to.insert(QStringLiteral("dirty"), dirty);
        }
        writeTableKeys(t, to);
        QJsonArray columns;
        for (const ColumnSpec &c : t.columns) {
            QJsonObject co{{QStringLiteral("name"), c.name}};
            if (!c.sqlType.isEmpty())
                co.insert(QStringLiteral("type"), c.sqlType);
            co.insert(QStringLiteral("generator"), c.generator);
            if (c.nullFraction > 0)
                co.insert(QStringLiteral("nullFraction"), c.nullFraction);
            if (c.unique)
                co.insert(QStringLiteral("unique"), true);
            if (c.primaryKey)
                co.insert(QStringLiteral("primaryKey"), true);
            if (c.hidden)
                co.insert(QStringLiteral("hidden"), true);
            if (!c.comment.isEmpty())
                co.insert(QStringLiteral("comment"), c.comment);
            if (!c.guessed.isEmpty())
                co.insert(QStringLiteral("guessed"), c.guessed);
            columns.append(co);
        }
        to.insert(QStringLiteral("columns"), columns);
        tables.append(to);
    }
    QJsonObject root{{QStringLiteral("format"), QStringLiteral("spillway-schema")},
                     {QStringLiteral("version"), s.formatVersion},
                     {QStringLiteral("generatorVersion"), s.generatorVersion},
                     {QStringLiteral("tables"), tables}};
    if (!s.name.isEmpty())
        root.insert(QStringLiteral("name"), s.name);
    if (!s.description.isEmpty())
        root.insert(QStringLiteral("description"), s.description);
    root.insert(QStringLiteral("seed"), s.seed < (uint64_t(1) << 53)
                                            ? QJsonValue(double(s.seed))
                                            : QJsonValue(QString::number(s.seed)));
    return root;
}

QByteArray SchemaIO::toBytes(const Schema &schema)
{
    return QJsonDocument(toJson(schema)).toJson(QJsonDocument::Indented);
}

QString SchemaIO::save(const Schema &schema, const QString &fileName)
{
    QSaveFile file(fileName);
    if (!file.open(QIODevice::WriteOnly))
        return QStringLiteral("cannot write '%1': %2").arg(fileName, file.errorString());
    file.write(toBytes(schema));
    if (!file.commit())
        return QStringLiteral("cannot save '%1': %2").arg(fileName, file.errorString());
    return {};
}

Diagnostics SchemaIO::validate(const QByteArray &json)
{
    // Structure and generators are checked together so one pass reports every problem.
    Diagnostics diagnostics;
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject()) {
        parse(json, diagnostics);
        return diagnostics;
    }
    const Schema schema = readLenient(doc.object(), diagnostics);
    CompiledSchema::compile(schema, diagnostics);
    return diagnostics;
}

QString SchemaIO::hash(const Schema &schema)
{
    const QByteArray canonical = QJsonDocument(toJson(schema)).toJson(QJsonDocument::Compact);
    return QString::fromLatin1(
        QCryptographicHash::hash(canonical, QCryptographicHash::Sha256).toHex().left(16));
}

} // namespace spillway
