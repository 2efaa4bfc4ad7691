#include "schema/importmerge.h"

namespace spillway {

namespace {

bool sameForeignKeys(const QList<ForeignKeySpec> &a, const QList<ForeignKeySpec> &b)
{
    if (a.size() != b.size())
        return false;
    for (qsizetype i = 0; i < a.size(); ++i) {
        if (a[i].columns != b[i].columns || a[i].table != b[i].table ||
            a[i].referencedColumns != b[i].referencedColumns)
            return false;
    }
    return true;
}

class Merger
{
public:
    explicit Merger(QList<ImportChange> &changes)
        : m_changes(changes)
    {}

    TableSpec mergeTable(const TableSpec &mine, const TableSpec &theirs)
    {
        TableSpec out = mine;
        out.columns.clear();
        for (const ColumnSpec &fresh : theirs.columns) {
            const qsizetype at = mine.columnIndex(fresh.name);
            if (at < 0) {
                out.columns.append(fresh);
                add(ImportChange::Kind::ColumnAdded, theirs.name, fresh.name, fresh.sqlType);
            } else {
                out.columns.append(mergeColumn(theirs.name, mine.columns[at], fresh));
            }
        }
        keepHiddenColumns(mine, out);
        for (const ColumnSpec &old : mine.columns) {
            if (!old.hidden && theirs.columnIndex(old.name) < 0)
                add(ImportChange::Kind::ColumnRemoved, mine.name, old.name, {});
        }
        if (mine.primaryKey != theirs.primaryKey || mine.unique != theirs.unique ||
            !sameForeignKeys(mine.foreignKeys, theirs.foreignKeys))
            add(ImportChange::Kind::KeysChanged, mine.name, {}, {});
        out.primaryKey = theirs.primaryKey;
        out.unique = theirs.unique;
        out.foreignKeys = theirs.foreignKeys;
        if (out.comment.isEmpty())
            out.comment = theirs.comment;
        return out;
    }

private:
    ColumnSpec mergeColumn(const QString &table, const ColumnSpec &mine, const ColumnSpec &fresh)
    {
        if (!mine.guessed.isEmpty() && mine.generator != fresh.generator) {
            add(ImportChange::Kind::GuessRefreshed, table, mine.name, fresh.guessed);
            return fresh;
        }
        ColumnSpec out = mine;
        if (mine.sqlType.compare(fresh.sqlType, Qt::CaseInsensitive) != 0) {
            add(ImportChange::Kind::TypeChanged, table, mine.name,
                QStringLiteral("%1 → %2").arg(mine.sqlType, fresh.sqlType));
            out.sqlType = fresh.sqlType;
        }
        if (fresh.nullFraction == 0 && mine.nullFraction > 0) {
            add(ImportChange::Kind::NullsChanged, table, mine.name, {});
            out.nullFraction = 0;
        }
        out.primaryKey = fresh.primaryKey;
        out.unique = fresh.unique;
        if (out.comment.isEmpty())
            out.comment = fresh.comment;
        return out;
    }

    // The user's hidden helper columns are not in the database: each goes back after the
    // column it followed in the user's document (or first).
    static void keepHiddenColumns(const TableSpec &mine, TableSpec &out)
    {
        QString previous;
        for (const ColumnSpec &c : mine.columns) {
            if (c.hidden && out.columnIndex(c.name) < 0) {
                const qsizetype after = previous.isEmpty() ? -1 : out.columnIndex(previous);
                out.columns.insert(after + 1, c);
            }
            previous = c.name;
        }
    }

    void add(ImportChange::Kind kind, const QString &table, const QString &column,
             const QString &detail)
    {
        m_changes.append({kind, table, column, detail});
    }

    QList<ImportChange> &m_changes;
};

} // namespace

ImportMerge ImportMerge::merge(const Schema &current, const Schema &imported)
{
    ImportMerge result;
    result.merged = current;
    result.merged.tables.clear();
    Merger merger(result.changes);
    for (const TableSpec &fresh : imported.tables) {
        const TableSpec *mine = current.table(fresh.name);
        if (mine) {
            result.merged.tables.append(merger.mergeTable(*mine, fresh));
        } else {
            result.merged.tables.append(fresh);
            result.changes.append({ImportChange::Kind::TableAdded, fresh.name, {}, {}});
        }
    }
    for (const TableSpec &old : current.tables) {
        if (!imported.table(old.name)) {
            result.merged.tables.append(old);
            result.changes.append({ImportChange::Kind::TableKept, old.name, {}, {}});
        }
    }
    return result;
}

QString ImportChange::describe() const
{
    const QString where = column.isEmpty() ? table : table + QLatin1Char('.') + column;
    switch (kind) {
    case Kind::TableAdded:
        return ImportMerge::tr("%1: new table, added").arg(where);
    case Kind::TableKept:
        return ImportMerge::tr("%1: not in the source any more; kept as it is").arg(where);
    case Kind::ColumnAdded:
        return ImportMerge::tr("%1: new column (%2), added").arg(where, detail);
    case Kind::ColumnRemoved:
        return ImportMerge::tr("%1: dropped from the source, removed").arg(where);
    case Kind::TypeChanged:
        return ImportMerge::tr("%1: type %2; your generator was kept, check that it fits")
            .arg(where, detail);
    case Kind::GuessRefreshed:
        return ImportMerge::tr("%1: unreviewed guess replaced (%2)").arg(where, detail);
    case Kind::NullsChanged:
        return ImportMerge::tr("%1: NOT NULL in the source now, null fraction set to 0").arg(where);
    case Kind::KeysChanged:
        return ImportMerge::tr("%1: keys changed in the source, taken from it").arg(where);
    }
    return where;
}

} // namespace spillway
