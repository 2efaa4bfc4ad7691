#pragma once

// The schema as a tree for the designer: tables, each with its columns (name, SQL type,
// generator). Names and types are editable in place and rows reorder by drag and drop; every
// change goes through the SchemaDocument, so it is undoable. The model keeps a small shadow of
// the structure (one node per table) so that it can announce the document's changes with the
// usual begin/end calls and keep persistent indexes valid when tables move.

#include <QAbstractItemModel>

#include <memory>
#include <vector>

namespace spillway {

class SchemaDocument;

class SchemaTreeModel : public QAbstractItemModel
{
    Q_OBJECT

public:
    enum Column { NameColumn, TypeColumn, GeneratorColumn, ColumnCount };
    enum Role {
        TableIndexRole = Qt::UserRole + 1, // int: the table's index in the schema
        ColumnIndexRole,                   // int: the column's index, -1 on table rows
        IsTableRole,                       // bool
        ProblemsRole,                      // QString: the diagnostics at this item, one per line
        GeneratorKindRole,                 // QString
    };
    static constexpr const char *kMimeType = "application/x-spillway-schema-item";

    explicit SchemaTreeModel(SchemaDocument *document, QObject *parent = nullptr);
    ~SchemaTreeModel() override;

    SchemaDocument *document() const { return m_document; }
    QModelIndex tableIndex(int table, int column = NameColumn) const;
    QModelIndex columnIndex(int table, int schemaColumn, int column = NameColumn) const;

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;

    Qt::DropActions supportedDropActions() const override;
    Qt::DropActions supportedDragActions() const override;
    QStringList mimeTypes() const override;
    QMimeData *mimeData(const QModelIndexList &indexes) const override;
    bool canDropMimeData(const QMimeData *data, Qt::DropAction action, int row, int column,
                         const QModelIndex &parent) const override;
    bool dropMimeData(const QMimeData *data, Qt::DropAction action, int row, int column,
                      const QModelIndex &parent) override;

private:
    struct TableNode
    {
        int columns = 0;
    };
    struct DragSource
    {
        int table = -1;
        int column = -1; // -1: a table
    };

    int tableRow(const TableNode *node) const;
    DragSource decode(const QMimeData *data) const;
    // Where a drop at (row, parent) moves the dragged item; false when it cannot go there.
    bool dropTarget(const DragSource &source, int row, const QModelIndex &parent, int *to) const;
    QVariant tableData(int table, int column, int role) const;
    QVariant columnData(int table, int schemaColumn, int column, int role) const;
    QString problems(const QString &path) const;

    void rebuild();
    void onTableInserted(int table);
    void onTableRemoved(int table);
    void onTableMoved(int from, int to);
    void onTableChanged(int table);
    void onColumnInserted(int table, int column);
    void onColumnRemoved(int table, int column);
    void onColumnMoved(int table, int from, int to);
    void onColumnChanged(int table, int column);
    void onDiagnosticsChanged();

    SchemaDocument *m_document;
    std::vector<std::unique_ptr<TableNode>> m_tables;
};

} // namespace spillway
