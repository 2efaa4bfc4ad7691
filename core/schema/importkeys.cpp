// The importer's keys and constraints: child tables (a key that starts with a foreign key to
// a parent) and their fan-out, primary keys and unique constraints held by construction,
// foreign keys as references, and CHECK constraints as bounds, choices, patterns and
// comparisons between columns.

#include "schema/importdraft.h"

#include <QJsonDocument>
#include <QRegularExpression>

#include <cmath>

namespace spillway::import {

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
    // A CHECK's generator stays, distinct: a pattern or choice as it is, a range as a
    // sequence from its low end.
    if (d.from == Source::Check || d.from == Source::Relation) {
        QJsonObject g = d.generator;
        if (g.value(QStringLiteral("kind")) == QLatin1String("uniform"))
            g = gen(QStringLiteral("sequence"),
                    {{QStringLiteral("start"), g.value(QStringLiteral("min"))}});
        d.set(Source::Key, g);
        d.unique = true;
        return true;
    }
    static const QRegularExpression email(QStringLiteral("^(e_?)?mail(_?address)?$|_email$"));
    if (d.type.isTextLike() && d.type.maxLength() >= 30 && !d.type.array &&
        email.match(d.source->name.toLower()).hasMatch()) {
        d.set(Source::Key,
              gen(QStringLiteral("pattern"),
                  {{QStringLiteral("pattern"), QStringLiteral("[a-z]{6}[0-9]{6}@example\\.com")}}));
        d.guessed = ImportText::tr("a unique email: distinct addresses at example.com");
        note(t, d.source->name, QStringLiteral("guess"), d.guessed);
        d.unique = true;
        return true;
    }
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

// A key that is a foreign key too (one profile per user): the referenced column's sequence,
// repeated, holds both as long as this table has no more rows than that one.
void Importer::applyOneToOne(TableDraft &t)
{
    for (const CatalogConstraint &fk : t.source->constraints) {
        if (fk.type != 'f' || fk.columns.size() != 1 || fk.refColumns.size() != 1)
            continue;
        const int c = t.column(fk.columns[0]);
        const TableDraft *target = table(fk.refSchema, fk.refTable);
        if (c < 0 || !target || target == &t || t.isChild() ||
            !(t.columns[c].unique || t.columns[c].primaryKey))
            continue;
        const int rc = target->column(fk.refColumns[0]);
        const QJsonObject g = rc >= 0 ? target->columns[rc].generator : QJsonObject();
        if (g.value(QStringLiteral("kind")) != QLatin1String("sequence") || target->isChild()) {
            note(t, fk.columns[0], QStringLiteral("warning"),
                 ImportText::tr("a key and a foreign key to %1 at once: its values are distinct "
                                "but not %1's; give it %1's generator")
                     .arg(target->name));
            continue;
        }
        t.columns[c].generator = g;
        t.columns[c].from = Source::Key;
        t.estimatedRows = std::min(t.estimatedRows, target->estimatedRows);
        t.dependsOn.append(target->name);
        note(t, fk.columns[0], QStringLiteral("guess"),
             ImportText::tr("a key and a foreign key to %1 at once: %1's sequence, at most one "
                            "row per %1 row")
                 .arg(target->name));
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
    if (earlier < 0) // checked before the swap: the other may be on either side
        return;
    bool strict = r.op == QLatin1String(">") || r.op == QLatin1String("<");
    if (r.op.startsWith(QLatin1Char('<')))
        std::swap(later, earlier);
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

} // namespace spillway::import
