#pragma once

// The map of a pipeline run as a tree to edit (issue 13): each schema table with the target
// table its rows land in, and under it each column with its target name, whether the pipeline
// drops it, and the cast or expression verify applies to the expected values. A name left empty
// keeps the schema's (shown greyed). The model holds the schema's tables and columns and, after
// them, what a loaded map names that the schema does not have (so a map made for another version
// of the schema round-trips unchanged; VerifyMap::validate says what does not fit). map()
// writes only what differs from the schema's own names.

#include "schema/schema.h"
#include "verify/verifymap.h"

#include <QAbstractItemModel>

namespace spillway {

class MapModel : public QAbstractItemModel
{
    Q_OBJECT

public:
    enum Column { NameColumn, TargetColumn, DroppedColumn, CastColumn, ExprColumn, ColumnCount };
    enum Roles { InSchemaRole = Qt::UserRole + 1, IsTableRole };

    explicit MapModel(QObject *parent = nullptr);

    // The schema's tables and columns; the map's entries are kept.
    void setSchema(const Schema &schema);
    void setMap(const VerifyMap &map);
    VerifyMap map() const;
    // Sets the map back to the schema's names (nothing renamed, nothing dropped).
    void clearMap();

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

signals:
    // An edit in the tree (not setMap/setSchema): the settings that hold the map are stale.
    void mapEdited();

private:
    struct ColumnRow
    {
        QString name;
        ColumnMapping mapping;
        bool inSchema = true;
    };
    struct TableRow
    {
        QString name;
        QString target;
        QList<ColumnRow> columns;
        bool inSchema = true;
    };

    void rebuild(const Schema &schema, const VerifyMap &map);
    QVariant tableData(const TableRow &table, int column, int role) const;
    QVariant columnData(const ColumnRow &row, int column, int role) const;
    bool setColumnData(ColumnRow &row, int column, const QVariant &value, int role);

    Schema m_schema;
    QString m_fileName; // the loaded map's, kept for VerifyMap::fileName
    QList<TableRow> m_tables;
};

} // namespace spillway
