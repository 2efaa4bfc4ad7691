#pragma once

// The table-level keys of one table as a list for the table inspector: its composite primary
// key, its unique constraints and its foreign keys, one row each, with the problems validation
// reports at the key's JSON path ("tables[2].unique[0]...") as a warning icon and tooltip.

#include "base/diagnostics.h"
#include "schema/schema.h"

#include <QAbstractListModel>

namespace spillway {

class TableKeysModel : public QAbstractListModel
{
    Q_OBJECT

public:
    enum Kind { PrimaryKey, Unique, ForeignKey };
    enum Roles {
        KindRole = Qt::UserRole + 1, // Kind
        IndexRole,                   // index into TableSpec::unique / foreignKeys (0 for the key)
        PathRole,                    // "primaryKey", "unique[1]", "foreignKeys[0]"
        ProblemsRole,                // QStringList of the key's problems
    };

    explicit TableKeysModel(QObject *parent = nullptr);

    // `problems` are the table's diagnostics; paths are matched below `tablePath`.
    void setTable(const TableSpec &table, const QString &tablePath,
                  const QList<Diagnostic> &problems);
    // "(order_id, line_no)" and "(l_partkey, l_suppkey) → partsupp (ps_partkey, ps_suppkey)".
    static QString describe(const QStringList &columns);
    static QString describe(const ForeignKeySpec &key);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

private:
    struct Row
    {
        Kind kind;
        int index;
        QString text;
        QString path;
        QStringList problems;
    };
    QList<Row> m_rows;
};

} // namespace spillway
