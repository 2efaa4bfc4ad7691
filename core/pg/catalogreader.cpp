#include "pg/catalogreader.h"

#include "pg/conninfo.h"
#include "pg/database.h"
#include "schema/ddl.h"

#include <QCoreApplication>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>

#include <algorithm>

namespace spillway {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("CatalogReader", text);
}

// Arrays come back from the server as JSON (array_to_json), so no text-array parsing is needed
// and names or values with commas, quotes or braces arrive intact.
QJsonArray jsonArray(const QString &json)
{
    return json.isEmpty() ? QJsonArray() : QJsonDocument::fromJson(json.toUtf8()).array();
}

QStringList jsonStrings(const QString &json)
{
    QStringList out;
    for (const QJsonValue &v : jsonArray(json))
        out.append(v.isString() ? v.toString() : QString());
    return out;
}

QList<double> jsonDoubles(const QString &json)
{
    QList<double> out;
    for (const QJsonValue &v : jsonArray(json))
        out.append(v.toDouble());
    return out;
}

QString textArray(const QStringList &values)
{
    QStringList quoted;
    for (const QString &v : values)
        quoted.append(Ddl::quoteLiteral(v));
    return QStringLiteral("ARRAY[%1]::text[]").arg(quoted.join(QStringLiteral(", ")));
}

QString oidArray(const QStringList &oids)
{
    return QStringLiteral("'{%1}'::oid[]").arg(oids.join(QLatin1Char(',')));
}

bool isTrue(const QString &value)
{
    return value == QLatin1String("t");
}

struct TableRow
{
    QString oid;
    CatalogTable table;
    bool readable = true;
};

// The state of one read: the connection, the tables found so far, and where each one is.
struct Reader
{
    Database &db;
    const CatalogSelection &selection;
    CatalogRead result;
    QStringList schemas;
    QList<TableRow> tables;
    QHash<QString, int> byOid;

    bool query(const QString &sql, QList<QStringList> *rows)
    {
        const QString e = db.query(sql, rows);
        if (!e.isEmpty())
            result.error = tr("reading the catalog failed: %1").arg(e);
        return e.isEmpty();
    }
    QString oids() const
    {
        QStringList list;
        for (const TableRow &t : tables)
            list.append(t.oid);
        return oidArray(list);
    }
    CatalogTable *table(const QString &oid)
    {
        const auto it = byOid.constFind(oid);
        return it == byOid.constEnd() ? nullptr : &tables[*it].table;
    }
    void note(const QString &table, const QString &column, const QString &kind,
              const QString &message)
    {
        result.notes.append(ImportNote{table, column, kind, message});
    }

    bool readServer();
    bool resolveSchemas();
    bool readTables();
    bool selectTables(QList<TableRow> all);
    bool readColumns();
    bool readTypeDetails(const QHash<QString, QList<CatalogColumn *>> &enums,
                         const QHash<QString, QList<CatalogColumn *>> &domains);
    bool readConstraints();
    bool readStats();
    void noteRowCounts();
};

bool Reader::readServer()
{
    QList<QStringList> rows;
    if (!query(QStringLiteral("SELECT current_setting('server_version'), EXISTS (SELECT 1 FROM "
                              "pg_extension WHERE extname = 'postgis')"),
               &rows))
        return false;
    result.catalog.serverVersion = rows.value(0).value(0);
    result.catalog.postgis = isTrue(rows.value(0).value(1));
    return true;
}

bool Reader::resolveSchemas()
{
    schemas = selection.schemas;
    QList<QStringList> rows;
    if (schemas.isEmpty()) {
        if (!query(QStringLiteral("SELECT unnest(current_schemas(false))"), &rows))
            return false;
        for (const QStringList &r : rows)
            schemas.append(r.value(0));
        if (schemas.isEmpty()) {
            result.error = tr("the connection's search_path names no schema; choose one "
                              "(--db-schema NAME)");
            return false;
        }
        return true;
    }
    if (!query(QStringLiteral("SELECT nspname FROM pg_namespace WHERE nspname = ANY(%1)")
                   .arg(textArray(schemas)),
               &rows))
        return false;
    QStringList found;
    for (const QStringList &r : rows)
        found.append(r.value(0));
    for (const QString &s : std::as_const(schemas)) {
        if (found.contains(s))
            continue;
        QString all;
        db.queryValue(QStringLiteral("SELECT string_agg(nspname, ', ' ORDER BY nspname) FROM "
                                     "pg_namespace WHERE nspname !~ '^pg_' AND nspname <> "
                                     "'information_schema'"),
                      &all);
        result.selectionError = true;
        result.error = tr("schema \"%1\" does not exist in database \"%2\" (its schemas: %3)")
                           .arg(s, db.currentDatabase(), all);
        return false;
    }
    return true;
}

bool Reader::readTables()
{
    QStringList wanted = schemas;
    for (const QString &t : selection.tables) {
        if (const int dot = t.indexOf(QLatin1Char('.')); dot > 0 && !wanted.contains(t.left(dot)))
            wanted.append(t.left(dot));
    }
    // Partitions are read through their partitioned parent, whose row count is theirs.
    QList<QStringList> rows;
    if (!query(QStringLiteral(
                   "SELECT c.oid, n.nspname, c.relname, coalesce(obj_description(c.oid, "
                   "'pg_class'), ''), CASE WHEN c.relkind = 'p' THEN (SELECT sum(greatest(p."
                   "reltuples, 0)) FROM pg_inherits i JOIN pg_class p ON p.oid = i.inhrelid WHERE "
                   "i.inhparent = c.oid) ELSE c.reltuples END, has_table_privilege(c.oid, "
                   "'SELECT') FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE "
                   "n.nspname = ANY(%1) AND c.relkind IN ('r', 'p') AND NOT c.relispartition AND "
                   "NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_class'::regclass "
                   "AND d.objid = c.oid AND d.deptype = 'e') "
                   "ORDER BY array_position(%1, n.nspname::text), c.relname")
                   .arg(textArray(wanted)),
               &rows))
        return false;
    QList<TableRow> all;
    for (const QStringList &r : rows) {
        TableRow t;
        t.oid = r.value(0);
        t.table.schema = r.value(1);
        t.table.name = r.value(2);
        t.table.comment = r.value(3);
        t.table.reltuples = r.value(4).isNull() ? -1 : r.value(4).toDouble();
        t.readable = isTrue(r.value(5));
        all.append(t);
    }
    return selectTables(all);
}

bool Reader::selectTables(QList<TableRow> all)
{
    if (selection.tables.isEmpty()) {
        all.erase(
            std::remove_if(all.begin(), all.end(),
                           [this](const TableRow &t) { return !schemas.contains(t.table.schema); }),
            all.end());
        tables = all;
    }
    for (const QString &wanted : selection.tables) {
        const int dot = wanted.indexOf(QLatin1Char('.'));
        const QString schema = dot > 0 ? wanted.left(dot) : QString();
        const QString name = dot > 0 ? wanted.mid(dot + 1) : wanted;
        const auto it = std::find_if(all.cbegin(), all.cend(), [&](const TableRow &t) {
            return t.table.name == name && (schema.isEmpty() || t.table.schema == schema);
        });
        if (it == all.cend()) {
            result.selectionError = true;
            result.error =
                tr("table \"%1\" not found in schema(s) %2 of database \"%3\"")
                    .arg(wanted, schema.isEmpty() ? schemas.join(QStringLiteral(", ")) : schema,
                         db.currentDatabase());
            return false;
        }
        if (!std::any_of(tables.cbegin(), tables.cend(),
                         [&](const TableRow &t) { return t.oid == it->oid; }))
            tables.append(*it);
    }
    if (tables.isEmpty()) {
        result.selectionError = true;
        result.error = tr("schema(s) %1 of database \"%2\" hold no tables")
                           .arg(schemas.join(QStringLiteral(", ")), db.currentDatabase());
        return false;
    }
    for (int i = 0; i < tables.size(); ++i)
        byOid.insert(tables[i].oid, i);
    return true;
}

bool Reader::readColumns()
{
    QList<QStringList> rows;
    if (!query(QStringLiteral(
                   "SELECT a.attrelid, a.attname, format_type(a.atttypid, a.atttypmod), "
                   "t.typtype, CASE WHEN t.typtype = 'd' THEN format_type(t.typbasetype, "
                   "t.typtypmod) END, a.attnotnull OR (t.typtype = 'd' AND t.typnotnull), "
                   "coalesce(pg_get_expr(d.adbin, d.adrelid), CASE WHEN t.typtype = 'd' THEN "
                   "t.typdefault END), a.attidentity, coalesce(col_description(a.attrelid, "
                   "a.attnum), ''), a.attnum, a.attgenerated, t.oid, CASE WHEN t.typtype = 'd' "
                   "THEN t.typbasetype ELSE t.oid END FROM pg_attribute a JOIN pg_type t ON "
                   "t.oid = a.atttypid LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND "
                   "d.adnum = a.attnum WHERE a.attrelid = ANY(%1) AND a.attnum > 0 AND NOT "
                   "a.attisdropped ORDER BY a.attrelid, a.attnum")
                   .arg(oids()),
               &rows))
        return false;
    for (const QStringList &r : std::as_const(rows)) {
        CatalogTable *table = this->table(r.value(0));
        if (!table)
            continue;
        if (!r.value(10).isEmpty()) { // GENERATED ALWAYS AS (...) STORED: the server computes it
            note(table->name, r.value(1), QStringLiteral("warning"),
                 tr("generated column (%1): PostgreSQL computes it, so it is left out")
                     .arg(r.value(6)));
            continue;
        }
        CatalogColumn c;
        c.name = r.value(1);
        c.sqlType = r.value(2);
        c.typeKind = r.value(3);
        c.baseType = r.value(4);
        c.notNull = isTrue(r.value(5));
        c.defaultExpr = r.value(6);
        c.identity = r.value(7);
        c.comment = r.value(8);
        c.ordinal = r.value(9).toInt();
        table->columns.append(c);
    }
    // Pointers into the lists are taken only now that they stop growing.
    QHash<QString, QList<CatalogColumn *>> enums, domains;
    for (const QStringList &r : std::as_const(rows)) {
        CatalogTable *table = this->table(r.value(0));
        if (!table || !r.value(10).isEmpty())
            continue;
        CatalogColumn *c =
            &*std::find_if(table->columns.begin(), table->columns.end(),
                           [&](const CatalogColumn &col) { return col.name == r[1]; });
        enums[r.value(12)].append(c);
        if (c->typeKind == QLatin1String("d"))
            domains[r.value(11)].append(c);
    }
    return readTypeDetails(enums, domains);
}

bool Reader::readTypeDetails(const QHash<QString, QList<CatalogColumn *>> &enums,
                             const QHash<QString, QList<CatalogColumn *>> &domains)
{
    QList<QStringList> rows;
    // Enum labels in their sort order (also for a domain over an enum), then domain CHECKs.
    if (!query(QStringLiteral("SELECT 'e', e.enumtypid, e.enumlabel, e.enumsortorder::float8, "
                              "'' FROM pg_enum e WHERE e.enumtypid = ANY(%1) UNION ALL SELECT "
                              "'d', c.contypid, pg_get_constraintdef(c.oid), 0, c.conname::text "
                              "FROM pg_constraint c WHERE c.contypid = ANY(%2) AND c.contype = "
                              "'c' ORDER BY 1, 2, 4, 5")
                   .arg(oidArray(enums.keys()), oidArray(domains.keys())),
               &rows))
        return false;
    for (const QStringList &r : std::as_const(rows)) {
        const bool isEnum = r.value(0) == QLatin1String("e");
        for (CatalogColumn *c : (isEnum ? enums : domains).value(r.value(1))) {
            if (isEnum)
                c->enumLabels.append(r.value(2));
            else
                c->domainChecks.append(r.value(2));
        }
    }
    return true;
}

bool Reader::readConstraints()
{
    // Key columns in key order (unnest WITH ORDINALITY), as JSON arrays of names. Unique indexes
    // that are no constraint (CREATE UNIQUE INDEX) hold rows just the same: read as 'u'; partial
    // or expression ones as 'i', which only become a warning.
    const QString keyCols = QStringLiteral(
        "(SELECT array_to_json(array_agg(a.attname ORDER BY k.i)) FROM unnest(%1) WITH "
        "ORDINALITY k(n, i) JOIN pg_attribute a ON a.attrelid = %2 AND a.attnum = k.n)");
    QList<QStringList> rows;
    if (!query(
            QStringLiteral(
                "SELECT con.conrelid, con.conname, con.contype::text, "
                "pg_get_constraintdef(con.oid), "
                "%2, rn.nspname, rc.relname, %3 FROM pg_constraint con LEFT JOIN pg_class rc "
                "ON rc.oid = con.confrelid LEFT JOIN pg_namespace rn ON rn.oid = "
                "rc.relnamespace WHERE con.conrelid = ANY(%1) AND con.contype IN ('p', 'u', "
                "'f', 'c') UNION ALL SELECT i.indrelid, ci.relname, CASE WHEN i.indpred IS "
                "NULL AND NOT 0 = ANY(i.indkey::int2[]) THEN 'u' ELSE 'i' END, "
                "pg_get_indexdef(i.indexrelid), %4, NULL, NULL, NULL FROM pg_index i JOIN "
                "pg_class ci ON ci.oid = i.indexrelid WHERE i.indrelid = ANY(%1) AND "
                "i.indisunique AND NOT i.indisprimary AND NOT EXISTS (SELECT 1 FROM "
                "pg_constraint c WHERE c.conindid = i.indexrelid AND c.contype IN ('p', 'u', "
                "'x')) ORDER BY 1, 3, 2")
                .arg(oids(),
                     keyCols.arg(QStringLiteral("con.conkey"), QStringLiteral("con.conrelid")),
                     keyCols.arg(QStringLiteral("con.confkey"), QStringLiteral("con.confrelid")),
                     keyCols.arg(QStringLiteral("i.indkey::int2[]"), QStringLiteral("i.indrelid"))),
            &rows))
        return false;
    for (const QStringList &r : std::as_const(rows)) {
        CatalogTable *table = this->table(r.value(0));
        if (!table)
            continue;
        if (r.value(2) == QLatin1String("i")) {
            note(table->name, QString(), QStringLiteral("warning"),
                 tr("unique index %1 is partial or on an expression and is not kept: %2; check "
                    "that the generated rows keep it")
                     .arg(r.value(1), r.value(3)));
            continue;
        }
        CatalogConstraint c;
        c.name = r.value(1);
        c.type = r.value(2).isEmpty() ? 'c' : char(r.value(2).at(0).toLatin1());
        c.columns = jsonStrings(r.value(4));
        // A unique index reads like the constraint it acts as.
        c.definition = r.value(3).startsWith(QLatin1String("CREATE UNIQUE INDEX"))
                           ? QStringLiteral("UNIQUE (%1)").arg(c.columns.join(QStringLiteral(", ")))
                           : r.value(3);
        c.refSchema = r.value(5);
        c.refTable = r.value(6);
        c.refColumns = jsonStrings(r.value(7));
        table->constraints.append(c);
    }
    return true;
}

bool Reader::readStats()
{
    // Common values and histogram bounds as their text forms (anyarray -> text -> text[]). An
    // array column's statistics hold arrays of arrays, which are left out.
    QList<QStringList> rows;
    if (!query(QStringLiteral(
                   "SELECT c.oid, s.attname, s.null_frac, s.n_distinct, CASE WHEN t.typcategory "
                   "<> 'A' THEN array_to_json(s.most_common_vals::text::text[]) END, CASE WHEN "
                   "t.typcategory <> 'A' THEN array_to_json(s.most_common_freqs) END, CASE WHEN "
                   "t.typcategory <> 'A' THEN array_to_json(s.histogram_bounds::text::text[]) "
                   "END, s.avg_width, s.correlation FROM pg_class c JOIN pg_namespace n ON n.oid "
                   "= c.relnamespace JOIN pg_stats s ON s.schemaname = n.nspname AND s.tablename "
                   "= c.relname AND s.inherited = (c.relkind = 'p') JOIN pg_attribute a ON "
                   "a.attrelid = c.oid AND a.attname = s.attname JOIN pg_type t ON t.oid = "
                   "a.atttypid WHERE c.oid = ANY(%1) ORDER BY c.oid, a.attnum")
                   .arg(oids()),
               &rows))
        return false;
    for (const QStringList &r : std::as_const(rows)) {
        CatalogTable *table = this->table(r.value(0));
        if (!table)
            continue;
        CatalogStats s;
        s.column = r.value(1);
        s.nullFrac = r.value(2).toDouble();
        s.nDistinct = r.value(3).toDouble();
        s.mostCommonVals = jsonStrings(r.value(4));
        s.mostCommonFreqs = jsonDoubles(r.value(5));
        s.histogramBounds = jsonStrings(r.value(6));
        s.avgWidth = r.value(7).toInt();
        if (!r.value(8).isNull())
            s.correlation = r.value(8).toDouble();
        table->stats.append(s);
    }
    for (const TableRow &t : std::as_const(tables)) {
        if (!t.table.stats.isEmpty() || t.table.columns.isEmpty())
            continue;
        note(t.table.name, QString(), QStringLiteral("stats"),
             t.readable ? tr("no statistics: ANALYZE has not run on this table, so its columns "
                             "keep the guesses from their names and types")
                        : tr("no statistics: pg_stats shows them only to users who may read the "
                             "table (SELECT privilege), so its columns keep the guesses from "
                             "their names and types"));
    }
    return true;
}

void Reader::noteRowCounts()
{
    for (const TableRow &t : std::as_const(tables)) {
        if (t.table.reltuples < 0)
            note(t.table.name, QString(), QStringLiteral("stats"),
                 tr("never analyzed or vacuumed (pg_class.reltuples is -1), so its row count is "
                    "unknown; run ANALYZE on it or choose the row count"));
    }
}

} // namespace

CatalogRead readCatalog(Database &database, const CatalogSelection &selection)
{
    Reader reader{database, selection, {}, {}, {}, {}};
    const bool ok = reader.readServer() && reader.resolveSchemas() && reader.readTables() &&
                    reader.readColumns() && reader.readConstraints() &&
                    (!selection.withStats || reader.readStats());
    if (!ok) {
        reader.result.catalog = Catalog();
        reader.result.notes.clear();
        return reader.result;
    }
    reader.noteRowCounts();
    for (TableRow &t : reader.tables)
        reader.result.catalog.tables.append(std::move(t.table));
    return reader.result;
}

CatalogRead readCatalog(const QString &conninfo, const CatalogSelection &selection)
{
    Database database;
    if (const QString e = database.open(conninfo); !e.isEmpty()) {
        CatalogRead read;
        read.error = e;
        return read;
    }
    return readCatalog(database, selection);
}

} // namespace spillway
