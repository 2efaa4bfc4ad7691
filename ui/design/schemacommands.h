#pragma once

// The undo commands of the schema document, one per kind of edit. They hold plain values and
// apply them through SchemaDocument's primitives (swapTable, insertTableAt, ...), which emit the
// structure signals, keep the selection and recompute; SchemaDocument's edit methods push them.

#include "schema/schema.h"

#include <QString>
#include <QUndoCommand>

namespace spillway {

class SchemaDocument;

// Ids for QUndoCommand::mergeWith: consecutive edits of the same kind and text merge into one.
enum SchemaCommandId { SetColumnCommandId = 1001, SetTableCommandId, SetHeaderCommandId };

// The schema's name, description and seed.
class SetHeaderCommand : public QUndoCommand
{
public:
    SetHeaderCommand(SchemaDocument *doc, const QString &name, const QString &description,
                     uint64_t seed, const QString &text);
    void redo() override;
    void undo() override;
    int id() const override { return SetHeaderCommandId; }
    bool mergeWith(const QUndoCommand *other) override;

private:
    SchemaDocument *m_doc;
    QString m_name;
    QString m_description;
    uint64_t m_seed;
};

// One table's whole spec (name, rows, fan-out, columns).
class SetTableCommand : public QUndoCommand
{
public:
    SetTableCommand(SchemaDocument *doc, int table, const TableSpec &spec, const QString &text);
    void redo() override;
    void undo() override;
    int id() const override { return SetTableCommandId; }
    bool mergeWith(const QUndoCommand *other) override;

private:
    SchemaDocument *m_doc;
    int m_table;
    TableSpec m_spec;
};

// One column's whole spec.
class SetColumnCommand : public QUndoCommand
{
public:
    SetColumnCommand(SchemaDocument *doc, int table, int column, const ColumnSpec &spec,
                     const QString &text);
    void redo() override;
    void undo() override;
    int id() const override { return SetColumnCommandId; }
    bool mergeWith(const QUndoCommand *other) override;

private:
    SchemaDocument *m_doc;
    int m_table;
    int m_column;
    ColumnSpec m_spec;
};

// Inserts on redo and removes on undo; constructed with `insert == false` it does the opposite.
class InsertTableCommand : public QUndoCommand
{
public:
    InsertTableCommand(SchemaDocument *doc, int index, const TableSpec &spec, bool insert,
                       const QString &text);
    void redo() override;
    void undo() override;

private:
    void insert();
    void remove();
    SchemaDocument *m_doc;
    int m_index;
    TableSpec m_spec;
    bool m_insert;
};

class MoveTableCommand : public QUndoCommand
{
public:
    MoveTableCommand(SchemaDocument *doc, int from, int to);
    void redo() override;
    void undo() override;

private:
    SchemaDocument *m_doc;
    int m_from;
    int m_to;
};

// Like InsertTableCommand, for a column of one table.
class InsertColumnCommand : public QUndoCommand
{
public:
    InsertColumnCommand(SchemaDocument *doc, int table, int index, const ColumnSpec &spec,
                        bool insert, const QString &text);
    void redo() override;
    void undo() override;

private:
    void insert();
    void remove();
    SchemaDocument *m_doc;
    int m_table;
    int m_index;
    ColumnSpec m_spec;
    bool m_insert;
};

class MoveColumnCommand : public QUndoCommand
{
public:
    MoveColumnCommand(SchemaDocument *doc, int table, int from, int to);
    void redo() override;
    void undo() override;

private:
    SchemaDocument *m_doc;
    int m_table;
    int m_from;
    int m_to;
};

} // namespace spillway
