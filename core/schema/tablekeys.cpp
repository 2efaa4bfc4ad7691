// Table-level keys: composite primary keys, unique constraints and foreign keys. Each is
// accepted only when the generated values satisfy it by construction, since no value is ever
// remembered: a key holds a column that is unique itself, or a child's 'parent' column with an
// 'ordinal' or with a reference drawn without replacement per parent, or two references drawn
// as "pairs"; a foreign key's columns all read the one row of the target that one reference
// picked.

#include "schema/schemacompiler.h"

#include <QSet>

#include <algorithm>

namespace spillway {

static QString kindOf(const ColumnSpec &column)
{
    return column.generator.value(QStringLiteral("kind")).toString();
}

static QString columnList(const TableSpec &spec, const std::vector<int> &key)
{
    QStringList names;
    for (int c : key)
        names.append(spec.columns[c].name);
    return QStringLiteral("(%1)").arg(names.join(QStringLiteral(", ")));
}

static QSet<QString> nameSet(const QStringList &names)
{
    return QSet<QString>(names.begin(), names.end());
}

void SchemaCompiler::compileTableKeys(const TableSpec &spec, int t, TableRuntime &table)
{
    QList<QSet<QString>> keys;
    if (!spec.primaryKey.isEmpty()) {
        const QString path = tablePath(t) + QStringLiteral(".primaryKey");
        for (const ColumnSpec &cs : spec.columns) {
            if (cs.primaryKey) {
                m_diagnostics.add(path, QStringLiteral("%1.%2 is marked \"primaryKey\" and the "
                                                       "table names a 'primaryKey' too; a table "
                                                       "has one primary key: keep one")
                                            .arg(spec.name, cs.name));
                break;
            }
        }
        std::vector<int> key;
        if (keyColumns(spec, spec.primaryKey, path, key)) {
            for (size_t i = 0; i < key.size(); ++i) {
                const ColumnSpec &cs = spec.columns[key[i]];
                if (cs.nullFraction > 0)
                    m_diagnostics.add(path + QStringLiteral("[%1]").arg(i),
                                      QStringLiteral("%1.%2 is part of the primary key, so it "
                                                     "cannot be null: set its 'nullFraction' "
                                                     "to 0")
                                          .arg(spec.name, cs.name));
            }
            checkKeyGuarantee(spec, table, key, path);
            table.primaryKey = key;
            keys.append(nameSet(spec.primaryKey));
        }
    }
    for (int u = 0; u < spec.unique.size(); ++u) {
        const QString path = tablePath(t) + QStringLiteral(".unique[%1]").arg(u);
        std::vector<int> key;
        if (!keyColumns(spec, spec.unique[u], path, key))
            continue;
        if (keys.contains(nameSet(spec.unique[u]))) {
            m_diagnostics.add(path, QStringLiteral("%1 %2 is already a key of the table: drop "
                                                   "this one")
                                        .arg(spec.name, columnList(spec, key)));
            continue;
        }
        keys.append(nameSet(spec.unique[u]));
        checkKeyGuarantee(spec, table, key, path);
        table.uniqueKeys.push_back(key);
    }
    for (int f = 0; f < spec.foreignKeys.size(); ++f)
        compileForeignKey(spec, t, f, table);
}

bool SchemaCompiler::keyColumns(const TableSpec &spec, const QStringList &names,
                                const QString &path, std::vector<int> &out)
{
    if (names.size() < 2) {
        m_diagnostics.add(path, QStringLiteral("a table-level key names two or more columns: "
                                               "for one column, set \"primaryKey\" or "
                                               "\"unique\" on the column itself"));
        return false;
    }
    QStringList known;
    for (const ColumnSpec &cs : spec.columns)
        known.append(cs.name);
    bool ok = true;
    for (int i = 0; i < names.size(); ++i) {
        const QString at = path + QStringLiteral("[%1]").arg(i);
        const int c = int(spec.columnIndex(names[i]));
        if (c < 0) {
            const QString best = closest(names[i], known);
            m_diagnostics.add(at, QStringLiteral("table '%1' has no column '%2'%3")
                                      .arg(spec.name, names[i],
                                           best.isEmpty()
                                               ? QStringLiteral("; its columns: %1")
                                                     .arg(known.join(QStringLiteral(", ")))
                                               : QStringLiteral("; did you mean '%1'?").arg(best)));
            ok = false;
        } else if (std::find(out.begin(), out.end(), c) != out.end()) {
            m_diagnostics.add(
                at, QStringLiteral("'%1' is named twice: name each column once").arg(names[i]));
            ok = false;
        } else if (spec.columns[c].hidden) {
            m_diagnostics.add(at, QStringLiteral("%1.%2 is hidden, so it is not in the table: "
                                                 "show it or leave it out of the key")
                                      .arg(spec.name, names[i]));
            ok = false;
        }
        if (c >= 0)
            out.push_back(c);
    }
    return ok;
}

void SchemaCompiler::checkKeyGuarantee(const TableSpec &spec, const TableRuntime &table,
                                       const std::vector<int> &key, const QString &path)
{
    int parent = -1, ordinal = -1, distinct = -1, reference = -1;
    for (int c : key) {
        const ColumnRuntime &column = table.columns[size_t(c)];
        if (!column.generator)
            return; // its own problems are reported with the column
        if (column.uniqueMode != ColumnRuntime::UniqueMode::None ||
            column.generator->isInherentlyUnique())
            return; // a unique member makes the whole tuple unique
        if (column.pairedWith >= 0 &&
            std::find(key.begin(), key.end(), column.pairedWith) != key.end())
            return; // a pair of rows drawn without repetition
        const ColumnSpec &cs = spec.columns[c];
        const QString kind = kindOf(cs);
        if (kind == QLatin1String("parent"))
            parent = c;
        else if (kind == QLatin1String("ordinal"))
            ordinal = c;
        else if (kind == QLatin1String("reference") &&
                 (cs.generator.value(QStringLiteral("distinct")).toBool(false) ||
                  cs.generator.value(QStringLiteral("stride")).toBool(false)) &&
                 !cs.generator.contains(QStringLiteral("row")))
            distinct = c;
        else if (kind == QLatin1String("reference"))
            reference = c;
    }
    if (parent >= 0 && (ordinal >= 0 || distinct >= 0))
        return; // one parent's rows differ in their ordinal, or in a row drawn once per parent
    QString hint;
    if (parent >= 0 && reference >= 0)
        hint = QStringLiteral("give %1.%2 \"distinct\": true, so each parent draws it without "
                              "replacement")
                   .arg(spec.name, spec.columns[reference].name);
    else if (parent >= 0)
        hint = QStringLiteral("add an 'ordinal' column (the row's position under its parent) "
                              "to the key");
    else if (table.isChild())
        hint = QStringLiteral("put the 'parent' column and an 'ordinal' column in the key");
    else
        hint = QStringLiteral("put a column that is unique itself (a sequence, a uuid, or one "
                              "marked \"unique\") in the key, or draw two references of the key "
                              "as \"pairs\"");
    m_diagnostics.add(path, QStringLiteral("%1 %2 cannot be guaranteed unique: a key is unique "
                                           "by construction when one of its columns is unique "
                                           "itself, or it holds the 'parent' column with an "
                                           "'ordinal' or with a reference that has \"distinct\": "
                                           "true, or it holds two references drawn as \"pairs\" "
                                           "(other pairs of columns are not supported); %3")
                                .arg(spec.name, columnList(spec, key), hint));
}

void SchemaCompiler::compileForeignKey(const TableSpec &spec, int t, int f, TableRuntime &table)
{
    const ForeignKeySpec &fk = spec.foreignKeys[f];
    const QString path = tablePath(t) + QStringLiteral(".foreignKeys[%1]").arg(f);
    const QString to = path + QStringLiteral(".references");
    std::vector<int> columns;
    if (!keyColumns(spec, fk.columns, path + QStringLiteral(".columns"), columns))
        return;
    const TableSpec *target = m_schema.table(fk.table);
    if (!target || target == &spec) {
        QStringList names;
        for (const TableSpec &s : m_schema.tables)
            names.append(s.name);
        const QString best = closest(fk.table, names);
        m_diagnostics.add(
            to + QStringLiteral(".table"),
            target ? QStringLiteral("a table cannot reference its own rows yet: "
                                    "reference another table")
                   : QStringLiteral("table '%1' does not exist%2")
                         .arg(fk.table, best.isEmpty()
                                            ? QString()
                                            : QStringLiteral("; did you mean '%1'?").arg(best)));
        return;
    }
    std::vector<int> targetColumns;
    if (!keyColumns(*target, fk.referencedColumns, to + QStringLiteral(".columns"), targetColumns))
        return;
    if (fk.columns.size() != fk.referencedColumns.size()) {
        m_diagnostics.add(path, QStringLiteral("%1 columns reference %2 columns: name as many on "
                                               "each side")
                                    .arg(fk.columns.size())
                                    .arg(fk.referencedColumns.size()));
        return;
    }
    const QSet<QString> wanted = nameSet(fk.referencedColumns);
    bool isKey = nameSet(target->primaryKey) == wanted;
    for (const QStringList &unique : target->unique)
        isKey = isKey || nameSet(unique) == wanted;
    if (!isKey) {
        m_diagnostics.add(to + QStringLiteral(".columns"),
                          QStringLiteral("%1 %2 is neither its 'primaryKey' nor one of its "
                                         "'unique' keys, so it cannot be referenced: declare it "
                                         "as one of them")
                              .arg(target->name, columnList(*target, targetColumns)));
        return;
    }
    if (checkForeignKeyRows(spec, fk, columns, path))
        table.foreignKeys.push_back({columns, fk.table, fk.referencedColumns});
}

// The column to suggest as the row's picker: one whose counterpart is unique, so that it is a
// reference of its own (a referenced column must be unique).
static QString rowPicker(const TableSpec &spec, const ForeignKeySpec &fk,
                         const std::vector<int> &columns, const TableRuntime *target)
{
    for (size_t i = 0; target && i < columns.size(); ++i) {
        const int c = target->columnIndex(fk.referencedColumns[int(i)]);
        if (c >= 0 && target->columns[size_t(c)].unique)
            return spec.columns[columns[i]].name;
    }
    return spec.columns[columns.front()].name;
}

bool SchemaCompiler::checkForeignKeyRows(const TableSpec &spec, const ForeignKeySpec &fk,
                                         const std::vector<int> &columns, const QString &path)
{
    // Every column reads its counterpart, and all of them read the one row a leader picked.
    QStringList leaders;
    for (size_t i = 0; i < columns.size(); ++i) {
        const ColumnSpec &cs = spec.columns[columns[i]];
        const QString &counterpart = fk.referencedColumns[int(i)];
        if (kindOf(cs) != QLatin1String("reference") ||
            cs.generator.value(QStringLiteral("table")).toString() != fk.table ||
            cs.generator.value(QStringLiteral("column")).toString() != counterpart) {
            m_diagnostics.add(path + QStringLiteral(".columns[%1]").arg(i),
                              QStringLiteral("%1.%2 must be a reference to %3.%4 for the "
                                             "combination to exist there: give it {\"kind\": "
                                             "\"reference\", \"table\": \"%3\", \"column\": "
                                             "\"%4\"}")
                                  .arg(spec.name, cs.name, fk.table, counterpart));
            return false;
        }
        if (!cs.generator.contains(QStringLiteral("row")))
            leaders.append(cs.name);
    }
    if (leaders.size() != 1) {
        const QString picker = rowPicker(spec, fk, columns, SchemaCompiler::table(fk.table));
        m_diagnostics.add(path, QStringLiteral("%1 %2 %3: let one column pick the row of '%4' "
                                               "and give the others \"row\": \"%5\"")
                                    .arg(spec.name, columnList(spec, columns),
                                         leaders.isEmpty()
                                             ? QStringLiteral("take their rows from columns "
                                                              "outside this foreign key")
                                             : QStringLiteral("pick their rows independently, "
                                                              "so the combination need not "
                                                              "exist"),
                                         fk.table, picker));
        return false;
    }
    bool ok = true;
    for (size_t i = 0; i < columns.size(); ++i) {
        const ColumnSpec &cs = spec.columns[columns[i]];
        const QString row = cs.generator.value(QStringLiteral("row")).toString();
        if (!row.isEmpty() && row != leaders.front()) {
            m_diagnostics.add(path + QStringLiteral(".columns[%1]").arg(i),
                              QStringLiteral("%1.%2 reads the row of '%3', which is not in this "
                                             "foreign key: use \"row\": \"%4\"")
                                  .arg(spec.name, cs.name, row, leaders.front()));
            ok = false;
        }
    }
    return ok;
}

} // namespace spillway
