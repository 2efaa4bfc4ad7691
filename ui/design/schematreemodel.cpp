#include "design/schematreemodel.h"

#include "base/quantity.h"
#include "design/schemadocument.h"
#include "shell/icons.h"

#include <QDataStream>
#include <QFont>
#include <QIODevice>
#include <QMimeData>

namespace spillway {

namespace {

QString generatorKind(const ColumnSpec &column)
{
    return column.generator.value(QStringLiteral("kind")).toString();
}

QString rowsText(const TableSpec &table)
{
    if (table.perParent)
        return SchemaTreeModel::tr("per %1").arg(table.perParent->parent);
    return table.rows ? SchemaTreeModel::tr("%1 rows").arg(formatNumber(double(*table.rows)))
                      : QString();
}

} // namespace

SchemaTreeModel::SchemaTreeModel(SchemaDocument *document, QObject *parent)
    : QAbstractItemModel(parent)
    , m_document(document)
{
    rebuild();
    connect(document, &SchemaDocument::documentReset, this, [this] {
        beginResetModel();
        rebuild();
        endResetModel();
    });
    connect(document, &SchemaDocument::tableAboutToBeInserted, this,
            [this](int t) { beginInsertRows({}, t, t); });
    connect(document, &SchemaDocument::tableAboutToBeRemoved, this,
            [this](int t) { beginRemoveRows({}, t, t); });
    connect(document, &SchemaDocument::tableAboutToBeMoved, this, [this](int from, int to) {
        beginMoveRows({}, from, from, {}, to > from ? to + 1 : to);
    });
    connect(document, &SchemaDocument::columnAboutToBeInserted, this,
            [this](int t, int c) { beginInsertRows(index(t, 0), c, c); });
    connect(document, &SchemaDocument::columnAboutToBeRemoved, this,
            [this](int t, int c) { beginRemoveRows(index(t, 0), c, c); });
    connect(document, &SchemaDocument::columnAboutToBeMoved, this, [this](int t, int from, int to) {
        beginMoveRows(index(t, 0), from, from, index(t, 0), to > from ? to + 1 : to);
    });
    connect(document, &SchemaDocument::tableInserted, this, &SchemaTreeModel::onTableInserted);
    connect(document, &SchemaDocument::tableRemoved, this, &SchemaTreeModel::onTableRemoved);
    connect(document, &SchemaDocument::tableMoved, this, &SchemaTreeModel::onTableMoved);
    connect(document, &SchemaDocument::tableChanged, this, &SchemaTreeModel::onTableChanged);
    connect(document, &SchemaDocument::columnInserted, this, &SchemaTreeModel::onColumnInserted);
    connect(document, &SchemaDocument::columnRemoved, this, &SchemaTreeModel::onColumnRemoved);
    connect(document, &SchemaDocument::columnMoved, this, &SchemaTreeModel::onColumnMoved);
    connect(document, &SchemaDocument::columnChanged, this, &SchemaTreeModel::onColumnChanged);
    connect(document, &SchemaDocument::diagnosticsChanged, this,
            &SchemaTreeModel::onDiagnosticsChanged);
}

SchemaTreeModel::~SchemaTreeModel() = default;

QModelIndex SchemaTreeModel::tableIndex(int table, int column) const
{
    return index(table, column);
}

QModelIndex SchemaTreeModel::columnIndex(int table, int schemaColumn, int column) const
{
    return index(schemaColumn, column, index(table, 0));
}

QModelIndex SchemaTreeModel::index(int row, int column, const QModelIndex &parent) const
{
    if (!hasIndex(row, column, parent))
        return {};
    if (!parent.isValid())
        return createIndex(row, column, nullptr);
    return createIndex(row, column, m_tables[size_t(parent.row())].get());
}

QModelIndex SchemaTreeModel::parent(const QModelIndex &child) const
{
    const auto *node = static_cast<const TableNode *>(child.internalPointer());
    if (!child.isValid() || !node)
        return {};
    return createIndex(tableRow(node), 0, nullptr);
}

int SchemaTreeModel::rowCount(const QModelIndex &parent) const
{
    if (!parent.isValid())
        return int(m_tables.size());
    if (parent.internalPointer() || parent.column() != 0)
        return 0;
    return m_tables[size_t(parent.row())]->columns;
}

int SchemaTreeModel::columnCount(const QModelIndex &) const
{
    return ColumnCount;
}

QVariant SchemaTreeModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const auto *node = static_cast<const TableNode *>(index.internalPointer());
    if (!node)
        return tableData(index.row(), index.column(), role);
    return columnData(tableRow(node), index.row(), index.column(), role);
}

QVariant SchemaTreeModel::tableData(int table, int column, int role) const
{
    const TableSpec &spec = m_document->schema().tables[table];
    switch (role) {
    case Qt::DisplayRole:
        if (column == NameColumn)
            return spec.name;
        return column == TypeColumn ? rowsText(spec) : QVariant();
    case Qt::EditRole:
        return column == NameColumn ? QVariant(spec.name) : QVariant();
    case Qt::DecorationRole:
        if (column != NameColumn)
            return {};
        return problems(SchemaDocument::tablePath(table)).isEmpty() ? Icons::table()
                                                                    : Icons::warning();
    case Qt::ToolTipRole: {
        const QString p = problems(SchemaDocument::tablePath(table));
        return p.isEmpty() ? QVariant(spec.comment.isEmpty() ? spec.name : spec.comment) : p;
    }
    case TableIndexRole:
        return table;
    case ColumnIndexRole:
        return -1;
    case IsTableRole:
        return true;
    case ProblemsRole:
        return problems(SchemaDocument::tablePath(table));
    default:
        return {};
    }
}

QVariant SchemaTreeModel::columnData(int table, int schemaColumn, int column, int role) const
{
    const ColumnSpec &spec = m_document->schema().tables[table].columns[schemaColumn];
    const QString path = SchemaDocument::columnPath(table, schemaColumn);
    switch (role) {
    case Qt::DisplayRole:
    case Qt::EditRole:
        if (column == NameColumn)
            return spec.name;
        if (column == TypeColumn)
            return spec.sqlType;
        return role == Qt::DisplayRole ? QVariant(generatorKind(spec)) : QVariant();
    case Qt::DecorationRole:
        if (column == GeneratorColumn && !spec.guessed.isEmpty())
            return Icons::guessed();
        if (column != NameColumn)
            return {};
        if (!problems(path).isEmpty())
            return Icons::warning();
        return spec.primaryKey ? Icons::key() : Icons::column();
    case Qt::ToolTipRole: {
        if (column == GeneratorColumn && !spec.guessed.isEmpty())
            return tr("Guessed by the import: %1. Review it: editing the generator marks it "
                      "reviewed.")
                .arg(spec.guessed);
        const QString p = problems(path);
        return p.isEmpty() ? QVariant(spec.comment.isEmpty() ? QVariant() : spec.comment) : p;
    }
    case Qt::FontRole:
        if (spec.hidden) {
            QFont font;
            font.setItalic(true);
            return font;
        }
        return {};
    case TableIndexRole:
        return table;
    case ColumnIndexRole:
        return schemaColumn;
    case IsTableRole:
        return false;
    case ProblemsRole:
        return problems(path);
    case GeneratorKindRole:
        return generatorKind(spec);
    default:
        return {};
    }
}

QString SchemaTreeModel::problems(const QString &path) const
{
    QStringList lines;
    const QList<Diagnostic> found = m_document->diagnosticsAt(path);
    for (const Diagnostic &d : found)
        lines.append(m_document->describe(d));
    return lines.join(QLatin1Char('\n'));
}

bool SchemaTreeModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (role != Qt::EditRole || !checkIndex(index, CheckIndexOption::IndexIsValid))
        return false;
    const QString text = value.toString().trimmed();
    const auto *node = static_cast<const TableNode *>(index.internalPointer());
    if (!node) {
        if (index.column() != NameColumn || text.isEmpty())
            return false;
        m_document->renameTable(index.row(), text);
        return true;
    }
    const int table = tableRow(node);
    if (index.column() == NameColumn) {
        if (text.isEmpty())
            return false;
        m_document->renameColumn(table, index.row(), text);
        return true;
    }
    if (index.column() == TypeColumn) {
        ColumnSpec spec = m_document->schema().tables[table].columns[index.row()];
        spec.sqlType = text;
        m_document->setColumn(table, index.row(), spec, tr("Change Type"));
        return true;
    }
    return false;
}

QVariant SchemaTreeModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case NameColumn:
        return tr("Name");
    case TypeColumn:
        return tr("Type");
    case GeneratorColumn:
        return tr("Generator");
    default:
        return {};
    }
}

Qt::ItemFlags SchemaTreeModel::flags(const QModelIndex &index) const
{
    if (!index.isValid())
        return Qt::ItemIsDropEnabled;
    Qt::ItemFlags f = Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsDragEnabled;
    const bool isTable = !index.internalPointer();
    if (index.column() == NameColumn || (!isTable && index.column() == TypeColumn))
        f |= Qt::ItemIsEditable;
    if (isTable)
        f |= Qt::ItemIsDropEnabled; // columns dropped onto their table go to its end
    return f;
}

Qt::DropActions SchemaTreeModel::supportedDropActions() const
{
    return Qt::MoveAction;
}

Qt::DropActions SchemaTreeModel::supportedDragActions() const
{
    return Qt::MoveAction;
}

QStringList SchemaTreeModel::mimeTypes() const
{
    return {QString::fromLatin1(kMimeType)};
}

QMimeData *SchemaTreeModel::mimeData(const QModelIndexList &indexes) const
{
    if (indexes.isEmpty())
        return nullptr;
    const QModelIndex first = indexes.first();
    QByteArray bytes;
    QDataStream stream(&bytes, QIODevice::WriteOnly);
    stream << first.data(TableIndexRole).toInt() << first.data(ColumnIndexRole).toInt();
    auto *mime = new QMimeData;
    mime->setData(QString::fromLatin1(kMimeType), bytes);
    return mime;
}

SchemaTreeModel::DragSource SchemaTreeModel::decode(const QMimeData *data) const
{
    DragSource source;
    if (!data || !data->hasFormat(QString::fromLatin1(kMimeType)))
        return source;
    QDataStream stream(data->data(QString::fromLatin1(kMimeType)));
    stream >> source.table >> source.column;
    return source;
}

bool SchemaTreeModel::dropTarget(const DragSource &source, int row, const QModelIndex &parent,
                                 int *to) const
{
    const auto &tables = m_document->schema().tables;
    if (source.table < 0 || source.table >= tables.size())
        return false;
    if (source.column < 0) {
        // Tables drop between tables only; `row` is the gap before which the table goes.
        if (parent.isValid())
            return false;
        const int gap = row < 0 ? int(tables.size()) : row;
        *to = gap > source.table ? gap - 1 : gap;
        return *to != source.table;
    }
    // Columns stay in their table: dropped between its columns or onto the table itself.
    const int columns = int(tables[source.table].columns.size());
    if (source.column >= columns)
        return false;
    if (!parent.isValid() || parent.internalPointer() || parent.row() != source.table)
        return false;
    const int gap = row < 0 ? columns : row;
    *to = gap > source.column ? gap - 1 : gap;
    return *to != source.column;
}

bool SchemaTreeModel::canDropMimeData(const QMimeData *data, Qt::DropAction action, int row, int,
                                      const QModelIndex &parent) const
{
    int to = 0;
    return action == Qt::MoveAction && dropTarget(decode(data), row, parent, &to);
}

bool SchemaTreeModel::dropMimeData(const QMimeData *data, Qt::DropAction action, int row, int,
                                   const QModelIndex &parent)
{
    int to = 0;
    const DragSource source = decode(data);
    if (action != Qt::MoveAction || !dropTarget(source, row, parent, &to))
        return false;
    if (source.column < 0)
        m_document->moveTable(source.table, to);
    else
        m_document->moveColumn(source.table, source.column, to);
    // The document moved the rows itself; returning false keeps the view from removing them.
    return false;
}

int SchemaTreeModel::tableRow(const TableNode *node) const
{
    for (size_t i = 0; i < m_tables.size(); ++i)
        if (m_tables[i].get() == node)
            return int(i);
    return -1;
}

void SchemaTreeModel::rebuild()
{
    m_tables.clear();
    for (const TableSpec &t : m_document->schema().tables) {
        auto node = std::make_unique<TableNode>();
        node->columns = int(t.columns.size());
        m_tables.push_back(std::move(node));
    }
}

void SchemaTreeModel::onTableInserted(int table)
{
    auto node = std::make_unique<TableNode>();
    node->columns = int(m_document->schema().tables[table].columns.size());
    m_tables.insert(m_tables.begin() + table, std::move(node));
    endInsertRows();
}

void SchemaTreeModel::onTableRemoved(int table)
{
    m_tables.erase(m_tables.begin() + table);
    endRemoveRows();
}

void SchemaTreeModel::onTableMoved(int from, int to)
{
    auto node = std::move(m_tables[size_t(from)]);
    m_tables.erase(m_tables.begin() + from);
    m_tables.insert(m_tables.begin() + to, std::move(node));
    endMoveRows();
}

void SchemaTreeModel::onTableChanged(int table)
{
    TableNode &node = *m_tables[size_t(table)];
    const int now = int(m_document->schema().tables[table].columns.size());
    const QModelIndex parent = index(table, 0);
    if (now != node.columns) {
        // The columns already changed: drop every row and add the new ones, so no view ever
        // reads a neighbour of a half-announced change.
        if (node.columns > 0) {
            beginRemoveRows(parent, 0, node.columns - 1);
            node.columns = 0;
            endRemoveRows();
        }
        if (now > 0) {
            beginInsertRows(parent, 0, now - 1);
            node.columns = now;
            endInsertRows();
        }
    }
    emit dataChanged(index(table, 0), index(table, ColumnCount - 1));
    if (now > 0)
        emit dataChanged(index(0, 0, parent), index(now - 1, ColumnCount - 1, parent));
}

void SchemaTreeModel::onColumnInserted(int table, int /*column*/)
{
    ++m_tables[size_t(table)]->columns;
    endInsertRows();
}

void SchemaTreeModel::onColumnRemoved(int table, int /*column*/)
{
    --m_tables[size_t(table)]->columns;
    endRemoveRows();
}

void SchemaTreeModel::onColumnMoved(int, int, int)
{
    endMoveRows();
}

void SchemaTreeModel::onColumnChanged(int table, int column)
{
    const QModelIndex parent = index(table, 0);
    emit dataChanged(index(column, 0, parent), index(column, ColumnCount - 1, parent));
}

void SchemaTreeModel::onDiagnosticsChanged()
{
    // Problem markers can appear anywhere (a rename breaks a reference in another table).
    for (int t = 0; t < int(m_tables.size()); ++t) {
        emit dataChanged(index(t, 0), index(t, 0),
                         {Qt::DecorationRole, Qt::ToolTipRole, ProblemsRole});
        const int n = m_tables[size_t(t)]->columns;
        if (n > 0)
            emit dataChanged(index(0, 0, index(t, 0)), index(n - 1, 0, index(t, 0)),
                             {Qt::DecorationRole, Qt::ToolTipRole, ProblemsRole});
    }
}

} // namespace spillway
