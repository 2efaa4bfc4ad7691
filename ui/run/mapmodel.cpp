#include "run/mapmodel.h"

#include <QBrush>
#include <QFont>
#include <QGuiApplication>
#include <QPalette>

#include <algorithm>

namespace spillway {
namespace {

constexpr quintptr kTableId = 0; // internal id of a table row; a column's is its table + 1

QStringList sortedKeys(const QStringList &keys)
{
    QStringList sorted = keys;
    sorted.sort();
    return sorted;
}

} // namespace

MapModel::MapModel(QObject *parent)
    : QAbstractItemModel(parent)
{}

void MapModel::setSchema(const Schema &schema)
{
    rebuild(schema, map());
}

void MapModel::setMap(const VerifyMap &map)
{
    m_fileName = map.fileName;
    rebuild(m_schema, map);
}

void MapModel::clearMap()
{
    m_fileName.clear();
    rebuild(m_schema, VerifyMap());
    emit mapEdited();
}

void MapModel::rebuild(const Schema &schema, const VerifyMap &map)
{
    beginResetModel();
    m_schema = schema;
    m_tables.clear();
    for (const TableSpec &spec : schema.tables) {
        TableRow table{spec.name, {}, {}, true};
        const TableMapping mapping = map.tables.value(spec.name);
        table.target = mapping.target;
        for (const ColumnSpec &column : spec.columns) {
            if (!column.hidden)
                table.columns.append({column.name, mapping.columns.value(column.name), true});
        }
        // Columns the map names that the schema's table does not have, after the schema's.
        for (const QString &name : sortedKeys(mapping.columns.keys())) {
            if (spec.columnIndex(name) < 0)
                table.columns.append({name, mapping.columns.value(name), false});
        }
        m_tables.append(table);
    }
    for (const QString &name : sortedKeys(map.tables.keys())) {
        if (schema.tableIndex(name) >= 0)
            continue;
        const TableMapping &mapping = map.tables[name];
        TableRow table{name, mapping.target, {}, false};
        for (const QString &column : sortedKeys(mapping.columns.keys()))
            table.columns.append({column, mapping.columns.value(column), false});
        m_tables.append(table);
    }
    endResetModel();
}

VerifyMap MapModel::map() const
{
    VerifyMap map;
    map.fileName = m_fileName;
    for (const TableRow &table : m_tables) {
        TableMapping mapping;
        mapping.target = table.target;
        for (const ColumnRow &column : table.columns) {
            if (!(column.mapping == ColumnMapping()))
                mapping.columns.insert(column.name, column.mapping);
        }
        if (!mapping.target.isEmpty() || !mapping.columns.isEmpty())
            map.tables.insert(table.name, mapping);
    }
    return map;
}

QModelIndex MapModel::index(int row, int column, const QModelIndex &parent) const
{
    if (!hasIndex(row, column, parent))
        return {};
    if (!parent.isValid())
        return createIndex(row, column, kTableId);
    return createIndex(row, column, quintptr(parent.row()) + 1);
}

QModelIndex MapModel::parent(const QModelIndex &child) const
{
    if (!child.isValid() || child.internalId() == kTableId)
        return {};
    return createIndex(int(child.internalId() - 1), 0, kTableId);
}

int MapModel::rowCount(const QModelIndex &parent) const
{
    if (!parent.isValid())
        return int(m_tables.size());
    if (parent.internalId() != kTableId || parent.column() != 0)
        return 0;
    return int(m_tables.at(parent.row()).columns.size());
}

int MapModel::columnCount(const QModelIndex &) const
{
    return ColumnCount;
}

QVariant MapModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || !checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    if (index.internalId() == kTableId)
        return tableData(m_tables.at(index.row()), index.column(), role);
    const TableRow &table = m_tables.at(int(index.internalId() - 1));
    return columnData(table.columns.at(index.row()), index.column(), role);
}

QVariant MapModel::tableData(const TableRow &table, int column, int role) const
{
    if (role == InSchemaRole)
        return table.inSchema;
    if (role == IsTableRole)
        return true;
    if (role == Qt::ToolTipRole && !table.inSchema)
        return tr("The schema has no table \"%1\": verify cannot use this entry.").arg(table.name);
    if (role == Qt::FontRole && column == NameColumn) {
        QFont font;
        font.setBold(true);
        return font;
    }
    if (column == NameColumn && role == Qt::DisplayRole)
        return table.name;
    if (column != TargetColumn)
        return {};
    if (role == Qt::EditRole)
        return table.target;
    if (role == Qt::DisplayRole)
        return table.target.isEmpty() ? table.name : table.target;
    if (role == Qt::ForegroundRole && table.target.isEmpty())
        return QGuiApplication::palette().brush(QPalette::PlaceholderText);
    if (role == Qt::ToolTipRole)
        return tr("The table the pipeline loads: \"table\" or \"schema.table\"; empty keeps "
                  "the schema's name");
    return {};
}

QVariant MapModel::columnData(const ColumnRow &row, int column, int role) const
{
    const ColumnMapping &m = row.mapping;
    if (role == InSchemaRole)
        return row.inSchema;
    if (role == IsTableRole)
        return false;
    if (role == Qt::ToolTipRole && !row.inSchema)
        return tr("The schema's table has no column \"%1\".").arg(row.name);
    switch (column) {
    case NameColumn:
        return role == Qt::DisplayRole ? QVariant(row.name) : QVariant();
    case TargetColumn:
        if (role == Qt::EditRole)
            return m.target;
        if (role == Qt::DisplayRole)
            return m.dropped ? tr("(dropped)") : m.target.isEmpty() ? row.name : m.target;
        if (role == Qt::ForegroundRole && (m.dropped || m.target.isEmpty()))
            return QGuiApplication::palette().brush(QPalette::PlaceholderText);
        return {};
    case DroppedColumn:
        return role == Qt::CheckStateRole ? QVariant(m.dropped ? Qt::Checked : Qt::Unchecked)
                                          : QVariant();
    case CastColumn:
        return role == Qt::DisplayRole || role == Qt::EditRole ? QVariant(m.cast) : QVariant();
    case ExprColumn:
        return role == Qt::DisplayRole || role == Qt::EditRole ? QVariant(m.expr) : QVariant();
    default:
        return {};
    }
}

bool MapModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (!index.isValid() || !checkIndex(index, CheckIndexOption::IndexIsValid))
        return false;
    bool changed = false;
    if (index.internalId() == kTableId) {
        TableRow &table = m_tables[index.row()];
        const QString target = value.toString().trimmed();
        if (index.column() != TargetColumn || role != Qt::EditRole || table.target == target)
            return false;
        table.target = target;
        changed = true;
    } else {
        TableRow &table = m_tables[int(index.internalId() - 1)];
        changed = setColumnData(table.columns[index.row()], index.column(), value, role);
    }
    if (!changed)
        return false;
    // The dropped box greys the target: the whole row may show differently.
    emit dataChanged(index.siblingAtColumn(0), index.siblingAtColumn(ColumnCount - 1));
    emit mapEdited();
    return true;
}

bool MapModel::setColumnData(ColumnRow &row, int column, const QVariant &value, int role)
{
    ColumnMapping &m = row.mapping;
    if (column == DroppedColumn && role == Qt::CheckStateRole) {
        const bool dropped = Qt::CheckState(value.toInt()) == Qt::Checked;
        if (m.dropped == dropped)
            return false;
        m.dropped = dropped;
        return true;
    }
    if (role != Qt::EditRole)
        return false;
    QString *field = column == TargetColumn ? &m.target
                     : column == CastColumn ? &m.cast
                     : column == ExprColumn ? &m.expr
                                            : nullptr;
    const QString text = value.toString().trimmed();
    if (!field || *field == text)
        return false;
    *field = text;
    return true;
}

Qt::ItemFlags MapModel::flags(const QModelIndex &index) const
{
    if (!index.isValid() || !checkIndex(index, CheckIndexOption::IndexIsValid))
        return Qt::NoItemFlags;
    const Qt::ItemFlags base = Qt::ItemIsEnabled | Qt::ItemIsSelectable;
    const bool isTable = index.internalId() == kTableId;
    switch (index.column()) {
    case TargetColumn:
        return base | Qt::ItemIsEditable;
    case DroppedColumn:
        return isTable ? base : base | Qt::ItemIsUserCheckable;
    case CastColumn:
    case ExprColumn:
        return isTable ? base : base | Qt::ItemIsEditable;
    default:
        return base;
    }
}

QVariant MapModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal)
        return {};
    if (role == Qt::ToolTipRole) {
        switch (section) {
        case DroppedColumn:
            return tr("The pipeline does not load this column: verify leaves it out");
        case CastColumn:
            return tr("A type the expected values are cast to before comparing, e.g. "
                      "numeric(10,1)");
        case ExprColumn:
            return tr("An expression over the column applied to the expected values, e.g. "
                      "upper(status)");
        default:
            return {};
        }
    }
    if (role != Qt::DisplayRole)
        return {};
    switch (section) {
    case NameColumn:
        return tr("Schema");
    case TargetColumn:
        return tr("Target");
    case DroppedColumn:
        return tr("Dropped");
    case CastColumn:
        return tr("Cast");
    case ExprColumn:
        return tr("Expression");
    default:
        return {};
    }
}

} // namespace spillway
