// From a PostgreSQL catalog to a schema document. Each column's generator comes from the
// strongest source that says something about it: keys and foreign keys, then comparisons
// between columns, then pg_stats (with profiling), then CHECK constraints, then defaults, then
// a guess from the name, then the type. The document is compiled before it is returned; what
// does not compile falls back to the type's generator with a warning, so it always validates.

#include "schema/importer.h"
#include "schema/compiledschema.h"
#include "schema/importinternal.h"
#include "schema/schemaio.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>

#include <cmath>
#include <functional>

namespace spillway {

using namespace import;

namespace {

// Where a column's generator came from; a stronger source replaces a weaker one.
enum class Source { Type, Guess, Default, Check, Profile, Relation, Key };

struct ColumnDraft
{
    const CatalogColumn *source = nullptr;
    TypeInfo type;
    QJsonObject generator;
    Source from = Source::Type;
    double nullFraction = 0;
    bool unique = false, primaryKey = false;
    QString guessed;

    bool set(Source s, const QJsonObject &g, const QString &reason = {})
    {
        if (g.isEmpty() || s < from)
            return false;
        from = s;
        generator = g;
        guessed = s == Source::Guess ? reason : QString();
        return true;
    }
};

struct TableDraft
{
    const CatalogTable *source = nullptr;
    QString name;
    QList<ColumnDraft> columns;
    double estimatedRows = 1000;
    QString parent;
    QJsonObject fanOut;
    QStringList primaryKey;
    QList<QStringList> unique;
    QJsonArray foreignKeys;
    QStringList dependsOn;

    int column(const QString &n) const
    {
        for (int i = 0; i < columns.size(); ++i) {
            if (columns[i].source->name == n)
                return i;
        }
        return -1;
    }
    bool isChild() const { return !parent.isEmpty(); }
};

QJsonObject gen(const QString &kind, const QJsonObject &params = {})
{
    QJsonObject o = params;
    o.insert(QStringLiteral("kind"), kind);
    return o;
}

const CatalogConstraint *primaryKeyOf(const CatalogTable &t)
{
    for (const CatalogConstraint &c : t.constraints) {
        if (c.type == 'p')
            return &c;
    }
    return nullptr;
}

bool isNowDefault(const QString &expr)
{
    static const QRegularExpression now(
        QStringLiteral(
            "^\\(?(now\\(\\)|CURRENT_TIMESTAMP|CURRENT_DATE|LOCALTIMESTAMP|"
            "transaction_timestamp\\(\\)|statement_timestamp\\(\\)|clock_timestamp\\(\\))"),
        QRegularExpression::CaseInsensitiveOption);
    return now.match(expr.trimmed()).hasMatch();
}

class Importer
{
public:
    Importer(const Catalog &catalog, const ImportOptions &options)
        : m_catalog(catalog)
        , m_options(options)
    {}

    ImportResult run();

private:
    void note(const TableDraft &t, const QString &column, const QString &kind,
              const QString &message)
    {
        m_notes.append({t.name, column, kind, message});
    }
    TableDraft *table(const QString &schema, const QString &name)
    {
        const auto it = m_byName.find(schema + QLatin1Char('.') + name);
        return it == m_byName.end() ? nullptr : &m_tables[*it];
    }
    const TableDraft *byName(const QString &name) const
    {
        for (const TableDraft &t : m_tables) {
            if (t.name == name)
                return &t;
        }
        return nullptr;
    }
    void readTable(const CatalogTable &source);
    void readColumn(TableDraft &t, const CatalogColumn &c);
    void shapeChild(TableDraft &t);
    QJsonObject fanOut(const TableDraft &t, const TableDraft &parent, const QString &fkColumn,
                       std::optional<double> cap);
    void applyKeys(TableDraft &t);
    bool makeUnique(TableDraft &t, int c, const QString &why);
    void applyForeignKeys(TableDraft &t);
    void applyChecks(TableDraft &t);
    void applyRules(TableDraft &t, int c, const ColumnRules &rules);
    void applyRelation(TableDraft &t, int c, const Relation &r);
    void applyProfile(TableDraft &t);
    void applyGuesses(TableDraft &t);
    void applyFallbacks(TableDraft &t);
    QList<int> loadOrder();
    QJsonObject document(const QList<int> &order) const;
    bool repair(const QList<int> &order, const Diagnostics &diagnostics);

    const Catalog &m_catalog;
    const ImportOptions &m_options;
    QList<TableDraft> m_tables;
    QHash<QString, int> m_byName; // "schema.table"
    QList<ImportNote> m_notes;
};

void Importer::readTable(const CatalogTable &source)
{
    TableDraft t;
    t.source = &source;
    t.name = source.name;
    for (const TableDraft &other : m_tables) {
        if (other.name == t.name)
            t.name = source.schema + QLatin1Char('_') + source.name;
    }
    if (source.reltuples > 0) {
        t.estimatedRows = std::round(source.reltuples);
    } else {
        note(t, {}, QStringLiteral("stats"),
             ImportText::tr("no row count (the table was never analysed): 1000 rows; set 'rows' "
                            "or run ANALYZE"));
    }
    QList<const CatalogColumn *> columns;
    for (const CatalogColumn &c : source.columns)
        columns.append(&c);
    std::stable_sort(
        columns.begin(), columns.end(),
        [](const CatalogColumn *a, const CatalogColumn *b) { return a->ordinal < b->ordinal; });
    for (const CatalogColumn *c : columns)
        readColumn(t, *c);
    m_byName.insert(source.schema + QLatin1Char('.') + source.name, int(m_tables.size()));
    m_tables.append(std::move(t));
}

void Importer::readColumn(TableDraft &t, const CatalogColumn &c)
{
    ColumnDraft d;
    d.source = &c;
    d.type = classify(c, m_catalog.postgis);
    d.generator = typeGenerator(d.type);
    d.nullFraction = c.notNull ? 0.0 : 0.05;
    const QString def = c.defaultExpr.trimmed();
    if (!c.identity.isEmpty() || def.startsWith(QLatin1String("nextval("))) {
        d.set(Source::Default, gen(QStringLiteral("sequence")));
        d.nullFraction = 0;
    } else if (isNowDefault(def) && (d.type.isTemporal()) && !d.type.array) {
        const QDateTime now = QDateTime::currentDateTimeUtc();
        const bool date = d.type.cls == TypeInfo::Date;
        const QString format =
            date ? QStringLiteral("yyyy-MM-dd") : QStringLiteral("yyyy-MM-dd HH:mm:ss");
        QJsonObject g = d.generator;
        g.insert(QStringLiteral("min"), now.addDays(-30).toString(format));
        g.insert(QStringLiteral("max"), now.toString(format));
        d.set(Source::Default, g);
    }
    t.columns.append(d);
}

QJsonObject Importer::fanOut(const TableDraft &t, const TableDraft &parent, const QString &fkColumn,
                             std::optional<double> cap)
{
    const double p = std::max(1.0, parent.estimatedRows);
    double mean = t.estimatedRows / p;
    double covered = mean >= 1 ? 1.0 : mean;
    if (m_options.profile) {
        for (const CatalogStats &s : t.source->stats) {
            if (s.column != fkColumn)
                continue;
            const double d = s.nDistinct >= 0 ? s.nDistinct : -s.nDistinct * t.estimatedRows;
            if (d > 0) {
                covered = std::min(1.0, d / p);
                mean = t.estimatedRows / d;
            }
        }
    }
    if (covered < 0.9) { // many parents without children: a count that is often 0
        QJsonObject g =
            gen(QStringLiteral("poisson"), {{QStringLiteral("lambda"), t.estimatedRows / p}});
        if (cap)
            g.insert(QStringLiteral("max"), qint64(*cap));
        return g;
    }
    int64_t max = std::max<int64_t>(1, std::llround(2 * mean - 1));
    if (cap)
        max = std::min<int64_t>(max, int64_t(*cap));
    return gen(QStringLiteral("uniform"),
               {{QStringLiteral("min"), 1}, {QStringLiteral("max"), qint64(max)}});
}

// A table whose primary key starts with a foreign key to one parent becomes that parent's
// child; the rest of the key is an ordinal, or a reference drawn without repeats per parent.
void Importer::shapeChild(TableDraft &t)
{
    const CatalogConstraint *pk = primaryKeyOf(*t.source);
    if (!pk || pk->columns.size() < 2)
        return;
    const CatalogConstraint *link = nullptr;
    for (const CatalogConstraint &c : t.source->constraints) {
        if (c.type == 'f' && c.columns.size() == 1 && c.columns[0] == pk->columns[0] &&
            c.refColumns.size() == 1 && c.refTable != t.source->name)
            link = &c;
    }
    TableDraft *parent = link ? table(link->refSchema, link->refTable) : nullptr;
    if (!parent)
        return;
    for (const TableDraft *p = parent; p; p = p->isChild() ? byName(p->parent) : nullptr) {
        if (p == &t)
            return; // no loops of parents
    }
    // The rest of the key: one integer column (an ordinal) or one foreign key (distinct).
    int ordinal = -1, distinct = -1;
    const CatalogConstraint *distinctFk = nullptr;
    for (int i = 1; i < pk->columns.size(); ++i) {
        const int c = t.column(pk->columns[i]);
        if (c < 0)
            return;
        for (const CatalogConstraint &fk : t.source->constraints) {
            if (fk.type == 'f' && fk.columns == QStringList{pk->columns[i]} &&
                fk.refColumns.size() == 1 && table(fk.refSchema, fk.refTable) &&
                table(fk.refSchema, fk.refTable) != &t && distinct < 0)
                distinct = c, distinctFk = &fk;
        }
        if (ordinal < 0 && distinct != c && t.columns[c].type.cls == TypeInfo::Integer)
            ordinal = c;
    }
    if (pk->columns.size() > 2 ? ordinal < 0 : ordinal < 0 && distinct < 0)
        return;
    const int fk = t.column(pk->columns[0]);
    t.parent = parent->name;
    t.dependsOn.append(parent->name);
    t.columns[fk].set(Source::Key, gen(QStringLiteral("parent"),
                                       {{QStringLiteral("column"), link->refColumns[0]}}));
    std::optional<double> cap;
    if (ordinal >= 0) {
        t.columns[ordinal].set(Source::Key, gen(QStringLiteral("ordinal")));
    } else {
        const TableDraft *target = table(distinctFk->refSchema, distinctFk->refTable);
        cap = target->estimatedRows;
        t.columns[distinct].set(
            Source::Key,
            gen(QStringLiteral("reference"), {{QStringLiteral("table"), target->name},
                                              {QStringLiteral("column"), distinctFk->refColumns[0]},
                                              {QStringLiteral("distinct"), true}}));
        t.dependsOn.append(target->name);
    }
    t.fanOut = fanOut(t, *parent, pk->columns[0], cap);
    note(t, {}, QStringLiteral("guess"),
         ImportText::tr(
             "a child of %1 (its key starts with a foreign key to it): %2 rows per %1 row")
             .arg(parent->name,
                  QString::fromUtf8(QJsonDocument(t.fanOut).toJson(QJsonDocument::Compact))));
}

bool Importer::makeUnique(TableDraft &t, int c, const QString &why)
{
    ColumnDraft &d = t.columns[c];
    if (d.from == Source::Key)
        return d.generator.value(QStringLiteral("kind")).toString() == QLatin1String("sequence") ||
               d.unique || d.primaryKey;
    if (d.from == Source::Default &&
        d.generator.value(QStringLiteral("kind")) == QLatin1String("sequence"))
        return d.set(Source::Key, d.generator);
    const QJsonObject g = uniqueGenerator(d.type, t.estimatedRows * 2);
    if (g.isEmpty()) {
        note(t, d.source->name, QStringLiteral("warning"),
             ImportText::tr("%1: no generator of distinct %2 values; the key may repeat")
                 .arg(why, d.type.base));
        return false;
    }
    d.set(Source::Key, g);
    d.unique = true;
    return true;
}

void Importer::applyKeys(TableDraft &t)
{
    for (const CatalogConstraint &k : t.source->constraints) {
        if (k.type != 'p' && k.type != 'u')
            continue;
        QList<int> cols;
        for (const QString &name : k.columns)
            cols.append(t.column(name));
        if (cols.contains(-1) || cols.isEmpty())
            continue;
        if (k.type == 'p') {
            for (int c : cols)
                t.columns[c].nullFraction = 0;
        }
        if (cols.size() == 1) {
            const bool held = makeUnique(t, cols[0], k.name);
            (k.type == 'p' ? t.columns[cols[0]].primaryKey : t.columns[cols[0]].unique) = held;
            if (k.type == 'p')
                t.columns[cols[0]].unique = false;
            continue;
        }
        if (k.type == 'p')
            t.primaryKey = k.columns;
        else
            t.unique.append(k.columns);
        // Held by construction: parent + ordinal/distinct, or a member unique itself.
        bool held = t.isChild() && k.type == 'p';
        for (int c : cols)
            held =
                held || t.columns[c].unique || t.columns[c].primaryKey ||
                t.columns[c].generator.value(QStringLiteral("kind")) == QLatin1String("sequence");
        for (int c : cols) {
            if (held || t.columns[c].from == Source::Key)
                continue;
            held = makeUnique(t, c, k.name);
            if (held)
                note(t, t.columns[c].source->name, QStringLiteral("guess"),
                     ImportText::tr("made distinct so that %1 (%2) holds")
                         .arg(k.name, k.columns.join(QStringLiteral(", "))));
        }
        if (!held) {
            note(t, {}, QStringLiteral("warning"),
                 ImportText::tr("%1 (%2) cannot be guaranteed and is left out of the schema; the "
                                "generated rows may repeat it")
                     .arg(k.name, k.columns.join(QStringLiteral(", "))));
            if (k.type == 'p')
                t.primaryKey.clear();
            else
                t.unique.removeLast();
        }
    }
}

void Importer::applyForeignKeys(TableDraft &t)
{
    for (const CatalogConstraint &fk : t.source->constraints) {
        if (fk.type != 'f' || fk.columns.isEmpty() || fk.columns.size() != fk.refColumns.size())
            continue;
        const int first = t.column(fk.columns[0]);
        if (first < 0 || t.columns[first].from == Source::Key)
            continue;
        TableDraft *target = table(fk.refSchema, fk.refTable);
        if (!target || target == &t) {
            ColumnDraft &d = t.columns[first];
            const QString why = target ? ImportText::tr("references its own table")
                                       : ImportText::tr("references %1.%2, which is not imported")
                                             .arg(fk.refSchema, fk.refTable);
            if (!d.source->notNull && fk.columns.size() == 1) {
                d.set(Source::Key,
                      gen(QStringLiteral("constant"), {{QStringLiteral("value"), QJsonValue()}}));
                d.nullFraction = 1;
                note(t, d.source->name, QStringLiteral("fallback"),
                     ImportText::tr("%1 (%2): always NULL").arg(fk.name, why));
            } else {
                note(t, d.source->name, QStringLiteral("warning"),
                     ImportText::tr("%1 %2: its values will not match; import that table too")
                         .arg(fk.name, why));
            }
            continue;
        }
        t.columns[first].set(Source::Key, gen(QStringLiteral("reference"),
                                              {{QStringLiteral("table"), target->name},
                                               {QStringLiteral("column"), fk.refColumns[0]}}));
        for (int i = 1; i < fk.columns.size(); ++i) {
            const int c = t.column(fk.columns[i]);
            if (c >= 0)
                t.columns[c].set(Source::Key, gen(QStringLiteral("reference"),
                                                  {{QStringLiteral("table"), target->name},
                                                   {QStringLiteral("column"), fk.refColumns[i]},
                                                   {QStringLiteral("row"), fk.columns[0]}}));
        }
        if (fk.columns.size() > 1)
            t.foreignKeys.append(
                QJsonObject{{QStringLiteral("columns"), QJsonArray::fromStringList(fk.columns)},
                            {QStringLiteral("references"),
                             QJsonObject{{QStringLiteral("table"), target->name},
                                         {QStringLiteral("columns"),
                                          QJsonArray::fromStringList(fk.refColumns)}}}});
        t.dependsOn.append(target->name);
    }
}

void Importer::applyChecks(TableDraft &t)
{
    QHash<QString, ColumnRules> rules;
    auto read = [&](const QString &definition, const QString &name, const QString &valueColumn,
                    const QString &column) {
        if (!parseCheck(definition, valueColumn, rules))
            note(t, column, QStringLiteral("warning"),
                 ImportText::tr("CHECK %1 is not understood and not enforced: %2; check the "
                                "generated values against it")
                     .arg(name, definition));
    };
    for (const ColumnDraft &d : t.columns) {
        for (const QString &check : d.source->domainChecks)
            read(check, d.source->sqlType, d.source->name, d.source->name);
    }
    for (const CatalogConstraint &k : t.source->constraints) {
        if (k.type == 'c')
            read(k.definition, k.name, {}, k.columns.size() == 1 ? k.columns[0] : QString());
    }
    for (auto it = rules.begin(); it != rules.end(); ++it) {
        const int c = t.column(it.key());
        if (c < 0)
            note(t, {}, QStringLiteral("warning"),
                 ImportText::tr("a CHECK names '%1', which is not a column; not enforced")
                     .arg(it.key()));
        else
            applyRules(t, c, it.value());
    }
}

void Importer::applyRules(TableDraft &t, int c, const ColumnRules &rules)
{
    ColumnDraft &d = t.columns[c];
    const QString name = d.source->name;
    if (rules.notNull)
        d.nullFraction = 0;
    if (rules.choices) {
        QJsonArray values;
        for (const QString &v : *rules.choices)
            values.append(v);
        QJsonObject g = gen(QStringLiteral("choice"), {{QStringLiteral("values"), values}});
        if (d.type.array)
            g = gen(QStringLiteral("array"), {{QStringLiteral("minLength"), 0},
                                              {QStringLiteral("maxLength"), 4},
                                              {QStringLiteral("element"), g}});
        if (d.set(Source::Check, g))
            note(t, name, QStringLiteral("check"),
                 ImportText::tr("a CHECK lists its values: a choice of them"));
    } else if (!rules.regex.isEmpty()) {
        QString why;
        const QString pattern = regexToPattern(rules.regex, &why);
        if (pattern.isEmpty())
            note(t, name, QStringLiteral("warning"),
                 ImportText::tr("the CHECK's regular expression %1 is not generated (%2): give a "
                                "generator whose values match it")
                     .arg(rules.regex, why));
        else if (d.set(Source::Check,
                       gen(QStringLiteral("pattern"), {{QStringLiteral("pattern"), pattern}})))
            note(t, name, QStringLiteral("check"),
                 ImportText::tr("a CHECK's regular expression: a pattern"));
    } else if (rules.lo || rules.hi) {
        const QJsonObject g = rangeGenerator(d.type, rules.lo, rules.hi);
        if (g.isEmpty())
            note(t, name, QStringLiteral("warning"),
                 ImportText::tr("a CHECK bounds it, but not in a way its type's generator takes: "
                                "check the generated values"));
        else if (d.set(Source::Check, g))
            note(t, name, QStringLiteral("check"),
                 ImportText::tr("a CHECK bounds it: %1 to %2")
                     .arg(rules.lo ? rules.lo->text : QStringLiteral("…"),
                          rules.hi ? rules.hi->text : QStringLiteral("…")));
    }
    for (const Relation &r : rules.relations)
        applyRelation(t, c, r);
}

// c OP other: the later of the two follows the earlier (`after` for times, an expression for
// numbers), so the comparison holds on every row.
void Importer::applyRelation(TableDraft &t, int c, const Relation &r)
{
    int later = c, earlier = t.column(r.other);
    bool strict = r.op == QLatin1String(">") || r.op == QLatin1String("<");
    if (r.op.startsWith(QLatin1Char('<')))
        std::swap(later, earlier);
    if (earlier < 0)
        return;
    ColumnDraft &x = t.columns[later];
    ColumnDraft &y = t.columns[earlier];
    QJsonObject g;
    if (x.type.isTemporal() && y.type.isTemporal() && !x.type.array) {
        const bool date = x.type.cls == TypeInfo::Date;
        g = gen(date                                ? QStringLiteral("date")
                : x.type.cls == TypeInfo::Timestamp ? QStringLiteral("timestamp")
                                                    : QStringLiteral("timestamptz"),
                {{QStringLiteral("after"),
                  QJsonObject{{QStringLiteral("column"), y.source->name},
                              {QStringLiteral("min"),
                               strict ? (date ? QStringLiteral("1 day") : QStringLiteral("1s"))
                                      : QStringLiteral("0s")},
                              {QStringLiteral("max"), QStringLiteral("30 days")}}}});
    } else if (x.type.isNumeric() && y.type.isNumeric() && !x.type.array) {
        const QString step = x.type.cls == TypeInfo::Integer
                                 ? QStringLiteral("1")
                                 : QString::number(std::pow(10.0, -std::max(x.type.scale, 2)), 'f',
                                                   std::max(x.type.scale, 2));
        g = gen(QStringLiteral("expression"),
                {{QStringLiteral("expression"),
                  strict ? QStringLiteral("%1 + %2").arg(y.source->name, step) : y.source->name}});
    }
    if (g.isEmpty() || !x.set(Source::Relation, g)) {
        note(t, x.source->name, QStringLiteral("warning"),
             ImportText::tr("a CHECK compares it with %1, which is not generated: check the values")
                 .arg(y.source->name));
        return;
    }
    if (x.nullFraction == 0 && y.nullFraction > 0)
        y.nullFraction = 0; // a NULL there would leave this one NULL too
    note(t, x.source->name, QStringLiteral("check"),
         ImportText::tr("a CHECK keeps it %1 %2")
             .arg(strict ? QStringLiteral(">") : QStringLiteral(">="), y.source->name));
}

void Importer::applyProfile(TableDraft &t)
{
    for (ColumnDraft &d : t.columns) {
        if (d.from >= Source::Relation)
            continue;
        const CatalogStats *stats = nullptr;
        for (const CatalogStats &s : t.source->stats) {
            if (s.column == d.source->name)
                stats = &s;
        }
        if (!stats) {
            note(t, d.source->name, QStringLiteral("stats"),
                 ImportText::tr("no statistics (pg_stats) for this column: generated from its type "
                                "and name"));
            continue;
        }
        const Profile p = profileColumn(*stats, d.type, t.estimatedRows);
        if (p.nullFraction && !d.source->notNull && d.nullFraction > 0)
            d.nullFraction = *p.nullFraction;
        if (p.unique) {
            const QJsonObject g = uniqueGenerator(d.type, t.estimatedRows * 2);
            if (!g.isEmpty() && d.set(Source::Profile, g))
                d.unique = true;
        } else {
            d.set(Source::Profile, p.generator);
        }
    }
}

void Importer::applyGuesses(TableDraft &t)
{
    int created = -1;
    for (int c = 0; c < t.columns.size(); ++c) {
        ColumnDraft &d = t.columns[c];
        if (isCreatedName(d.source->name.toLower()) && d.type.isTemporal() && !d.type.array)
            created = c;
        if (d.from > Source::Guess)
            continue;
        if (const auto g = guessGenerator(t.name, d.source->name, d.type)) {
            d.set(Source::Guess, g->generator, g->reason);
            note(t, d.source->name, QStringLiteral("guess"), g->reason);
        }
    }
    if (created < 0)
        return;
    for (ColumnDraft &d : t.columns) {
        if (!isUpdatedName(d.source->name.toLower()) || !d.type.isTemporal() || d.type.array ||
            d.from > Source::Guess || d.type.cls != t.columns[created].type.cls)
            continue;
        QJsonObject g = typeGenerator(d.type);
        g.insert(QStringLiteral("after"),
                 QJsonObject{{QStringLiteral("column"), t.columns[created].source->name},
                             {QStringLiteral("min"), QStringLiteral("0s")},
                             {QStringLiteral("max"), QStringLiteral("180 days")}});
        const QString reason = ImportText::tr("the name says an update time: after %1")
                                   .arg(t.columns[created].source->name);
        d.set(Source::Guess, g, reason);
        note(t, d.source->name, QStringLiteral("guess"), reason);
        if (d.nullFraction == 0)
            t.columns[created].nullFraction = 0;
    }
}

// Types Spillway has no generator for: NULL where the column allows it, else text with a
// warning; PostGIS types as points in WKT.
void Importer::applyFallbacks(TableDraft &t)
{
    for (ColumnDraft &d : t.columns) {
        const QString name = d.source->name, type = d.source->sqlType;
        if (d.type.cls == TypeInfo::Enum && d.from == Source::Type)
            note(t, name, QStringLiteral("fallback"),
                 ImportText::tr("enum %1: a choice of its labels, declared as text").arg(type));
        if (d.source->typeKind == QLatin1String("d"))
            note(t, name, QStringLiteral("fallback"),
                 ImportText::tr("domain %1: generated as its base type %2, with its CHECKs")
                     .arg(type, d.source->baseType));
        if (d.type.cls == TypeInfo::Json && d.from == Source::Type)
            note(t, name, QStringLiteral("fallback"),
                 ImportText::tr("%1: a small object {id, label}; give the fields your data has")
                     .arg(type));
        if (d.type.cls == TypeInfo::Geometry && d.from < Source::Key)
            note(t, name, QStringLiteral("fallback"),
                 ImportText::tr("%1: points as WKT text, declared as text; other shapes and SRIDs "
                                "need a generator of their own")
                     .arg(type));
        if (d.type.cls != TypeInfo::Other || d.from >= Source::Check)
            continue;
        if (!d.source->notNull) {
            d.set(Source::Key,
                  gen(QStringLiteral("constant"), {{QStringLiteral("value"), QJsonValue()}}));
            d.nullFraction = 1;
            note(t, name, QStringLiteral("fallback"),
                 ImportText::tr("type %1 has no generator: always NULL; give it one").arg(type));
        } else {
            note(t, name, QStringLiteral("warning"),
                 ImportText::tr("type %1 has no generator and the column is NOT NULL: words as "
                                "text, which the type may refuse; give it a generator")
                     .arg(type));
        }
    }
}

// Parents and referenced tables first; a reference that would close a loop is dropped.
QList<int> Importer::loadOrder()
{
    QList<int> order;
    QList<int> state(m_tables.size(), 0); // 0 new, 1 visiting, 2 placed
    std::function<void(int)> visit = [&](int i) {
        state[i] = 1;
        TableDraft &t = m_tables[i];
        for (ColumnDraft &d : t.columns) {
            if (d.generator.value(QStringLiteral("kind")) != QLatin1String("reference"))
                continue;
            const QString target = d.generator.value(QStringLiteral("table")).toString();
            const TableDraft *other = byName(target);
            const int j = other ? int(other - m_tables.data()) : -1;
            if (j >= 0 && state[j] == 1) { // a loop: this reference cannot be generated
                d.from = Source::Type;
                d.set(Source::Key,
                      gen(QStringLiteral("constant"), {{QStringLiteral("value"), QJsonValue()}}));
                d.nullFraction = 1;
                note(
                    t, d.source->name,
                    d.source->notNull ? QStringLiteral("warning") : QStringLiteral("fallback"),
                    ImportText::tr("its foreign key to %1 closes a loop of references: always NULL")
                        .arg(target));
            } else if (j >= 0 && state[j] == 0) {
                visit(j);
            }
        }
        if (t.isChild()) {
            const TableDraft *p = byName(t.parent);
            const int j = int(p - m_tables.data());
            if (state[j] == 0)
                visit(j);
        }
        state[i] = 2;
        order.append(i);
    };
    for (int i = 0; i < m_tables.size(); ++i) {
        if (state[i] == 0)
            visit(i);
    }
    return order;
}

QJsonObject Importer::document(const QList<int> &order) const
{
    QJsonArray tables;
    for (int i : order) {
        const TableDraft &t = m_tables[i];
        QJsonObject to{{QStringLiteral("name"), t.name}};
        if (t.isChild())
            to.insert(QStringLiteral("rowsPerParent"),
                      QJsonObject{{QStringLiteral("parent"), t.parent},
                                  {QStringLiteral("count"), t.fanOut}});
        else
            to.insert(QStringLiteral("rows"),
                      qint64(m_options.rows.value_or(int64_t(t.estimatedRows))));
        if (!t.source->comment.isEmpty())
            to.insert(QStringLiteral("comment"), t.source->comment);
        if (!t.primaryKey.isEmpty())
            to.insert(QStringLiteral("primaryKey"), QJsonArray::fromStringList(t.primaryKey));
        if (!t.unique.isEmpty()) {
            QJsonArray unique;
            for (const QStringList &u : t.unique)
                unique.append(QJsonArray::fromStringList(u));
            to.insert(QStringLiteral("unique"), unique);
        }
        if (!t.foreignKeys.isEmpty())
            to.insert(QStringLiteral("foreignKeys"), t.foreignKeys);
        QJsonArray columns;
        for (const ColumnDraft &d : t.columns) {
            QJsonObject co{{QStringLiteral("name"), d.source->name},
                           {QStringLiteral("type"), d.type.docType},
                           {QStringLiteral("generator"), d.generator}};
            if (d.nullFraction > 0)
                co.insert(QStringLiteral("nullFraction"), std::round(d.nullFraction * 1e4) / 1e4);
            if (d.primaryKey)
                co.insert(QStringLiteral("primaryKey"), true);
            else if (d.unique)
                co.insert(QStringLiteral("unique"), true);
            if (!d.source->comment.isEmpty())
                co.insert(QStringLiteral("comment"), d.source->comment);
            if (!d.guessed.isEmpty())
                co.insert(QStringLiteral("guessed"), d.guessed);
            columns.append(co);
        }
        to.insert(QStringLiteral("columns"), columns);
        tables.append(to);
    }
    return QJsonObject{
        {QStringLiteral("format"), QStringLiteral("spillway-schema")},
        {QStringLiteral("version"), kSchemaFormatVersion},
        {QStringLiteral("generatorVersion"), kGeneratorVersion},
        {QStringLiteral("name"),
         m_options.name.isEmpty() ? QStringLiteral("imported") : m_options.name},
        {QStringLiteral("description"), ImportText::tr("Imported from a PostgreSQL catalog")},
        {QStringLiteral("seed"), QJsonValue(qint64(m_options.seed))},
        {QStringLiteral("tables"), tables}};
}

// What does not compile goes back to its type's generator (or loses its key), with a warning.
bool Importer::repair(const QList<int> &order, const Diagnostics &diagnostics)
{
    static const QRegularExpression place(QStringLiteral(
        "^tables\\[(\\d+)\\](?:\\.columns\\[(\\d+)\\])?(?:\\.(\\w+)(?:\\[(\\d+)\\])?)?"));
    bool changed = false;
    for (const Diagnostic &problem : diagnostics.items()) {
        const auto m = place.match(problem.path);
        const int ti = m.hasMatch() ? m.captured(1).toInt() : -1;
        if (ti < 0 || ti >= order.size()) {
            m_notes.append({{}, {}, QStringLiteral("warning"), problem.toString()});
            continue;
        }
        TableDraft &t = m_tables[order[ti]];
        const QString key = m.captured(3);
        if (!m.captured(2).isEmpty() && m.captured(2).toInt() < t.columns.size()) {
            ColumnDraft &d = t.columns[m.captured(2).toInt()];
            note(t, d.source->name, QStringLiteral("warning"), problem.message);
            if (key == QLatin1String("generator") && d.from != Source::Type) {
                d.from = Source::Type;
                d.generator = typeGenerator(d.type);
                d.guessed.clear();
                changed = true;
            } else if (d.unique || d.primaryKey) {
                d.unique = d.primaryKey = false;
                changed = true;
            } else if (d.nullFraction < 1 && !d.source->notNull) {
                d.generator =
                    gen(QStringLiteral("constant"), {{QStringLiteral("value"), QJsonValue()}});
                d.nullFraction = 1;
                changed = true;
            }
            continue;
        }
        note(t, {}, QStringLiteral("warning"), problem.message);
        const int index = m.captured(4).toInt();
        if (key == QLatin1String("primaryKey") && !t.primaryKey.isEmpty()) {
            t.primaryKey.clear();
            changed = true;
        } else if (key == QLatin1String("unique") && index < t.unique.size()) {
            t.unique.removeAt(index);
            changed = true;
        } else if (key == QLatin1String("foreignKeys") && index < t.foreignKeys.size()) {
            t.foreignKeys.removeAt(index);
            changed = true;
        }
    }
    return changed;
}

ImportResult Importer::run()
{
    for (const CatalogTable &t : m_catalog.tables)
        readTable(t);
    for (TableDraft &t : m_tables)
        shapeChild(t);
    for (TableDraft &t : m_tables) {
        applyKeys(t);
        applyForeignKeys(t);
        applyChecks(t);
        if (m_options.profile)
            applyProfile(t);
        applyGuesses(t);
        applyFallbacks(t);
    }
    const QList<int> order = loadOrder();
    ImportResult result;
    for (int round = 0; round < 4; ++round) {
        result.document = document(order);
        Diagnostics diagnostics;
        if (const auto schema = SchemaIO::fromJson(result.document, diagnostics))
            CompiledSchema::compile(*schema, diagnostics);
        if (diagnostics.isEmpty() || !repair(order, diagnostics))
            break;
    }
    result.notes = m_notes;
    return result;
}

} // namespace

ImportResult importCatalog(const Catalog &catalog, const ImportOptions &options)
{
    return Importer(catalog, options).run();
}

} // namespace spillway
