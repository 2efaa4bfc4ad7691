// From a PostgreSQL catalog to a schema document. Each column's generator comes from the
// strongest source that says something about it: keys and foreign keys, then comparisons
// between columns, then pg_stats (with profiling), then CHECK constraints, then defaults, then
// a guess from the name, then the type. The document is compiled before it is returned; what
// does not compile falls back to the type's generator with a warning, so it always validates.

#include "schema/importer.h"
#include "schema/compiledschema.h"
#include "schema/importdraft.h"
#include "schema/schemaio.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>

#include <cmath>
#include <functional>

namespace spillway::import {

namespace {

bool isNowDefault(const QString &expr)
{
    static const QRegularExpression now(
        QStringLiteral(
            "^\\(?(now\\(\\)|CURRENT_TIMESTAMP|CURRENT_DATE|LOCALTIMESTAMP|"
            "transaction_timestamp\\(\\)|statement_timestamp\\(\\)|clock_timestamp\\(\\))"),
        QRegularExpression::CaseInsensitiveOption);
    return now.match(expr.trimmed()).hasMatch();
}

} // namespace

void Importer::readTable(const CatalogTable &source)
{
    if (source.columns.isEmpty()) { // CREATE TABLE t (): a document's table needs a column
        m_notes.append({source.name,
                        {},
                        QStringLiteral("warning"),
                        ImportText::tr("the table has no columns: left out")});
        return;
    }
    TableDraft t;
    t.source = &source;
    t.name = source.name;
    for (const TableDraft &other : m_tables) {
        if (other.name == t.name)
            t.name = source.schema + QLatin1Char('_') + source.name;
    }
    if (source.reltuples > 0) {
        // reltuples is a float4: bounded so that the document's whole row count stays exact.
        t.estimatedRows = std::round(std::min(source.reltuples, 1e15));
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

void Importer::applyProfile(TableDraft &t)
{
    for (ColumnDraft &d : t.columns) {
        const CatalogStats *stats = nullptr;
        for (const CatalogStats &s : t.source->stats) {
            if (s.column == d.source->name)
                stats = &s;
        }
        if (!stats) {
            if (d.from < Source::Key)
                note(t, d.source->name, QStringLiteral("stats"),
                     ImportText::tr("no statistics (pg_stats) for this column: generated from its "
                                    "type and name"));
            continue;
        }
        const Profile p = profileColumn(*stats, d.type, t.estimatedRows);
        if (p.nullFraction && !d.source->notNull && d.nullFraction > 0)
            d.nullFraction = *p.nullFraction;
        if (d.from >= Source::Relation)
            continue; // keys and comparisons between columns keep their generators
        if (p.unique && d.from >= Source::Check) {
            d.unique = true; // the CHECK's values, distinct
        } else if (p.unique) {
            const QJsonObject g = uniqueGenerator(d.type, t.estimatedRows * 2);
            if (!g.isEmpty() && d.set(Source::Profile, g))
                d.unique = true;
        } else {
            d.set(p.weak ? Source::Type : Source::Profile, p.generator);
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
        if (d.type.cls == TypeInfo::Geometry && d.from < Source::Key &&
            d.type.docType == QLatin1String("text"))
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
        applyChecks(t); // first: keys keep a CHECK's pattern, choice or range, distinct
        applyKeys(t);
        applyForeignKeys(t);
    }
    for (TableDraft &t : m_tables) {
        applyOneToOne(t);
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

} // namespace spillway::import

namespace spillway {

ImportResult importCatalog(const Catalog &catalog, const ImportOptions &options)
{
    return import::Importer(catalog, options).run();
}

} // namespace spillway
