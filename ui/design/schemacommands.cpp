#include "design/schemacommands.h"

#include "design/schemadocument.h"

#include <QObject>

namespace spillway {

SetHeaderCommand::SetHeaderCommand(SchemaDocument *doc, const QString &name,
                                   const QString &description, uint64_t seed, const QString &text)
    : QUndoCommand(text)
    , m_doc(doc)
    , m_name(name)
    , m_description(description)
    , m_seed(seed)
{}

void SetHeaderCommand::redo()
{
    m_doc->swapHeader(m_name, m_description, m_seed);
}

void SetHeaderCommand::undo()
{
    m_doc->swapHeader(m_name, m_description, m_seed);
}

bool SetHeaderCommand::mergeWith(const QUndoCommand *other)
{
    // Typing a name or a seed merges into one step; the first command keeps the old values.
    return other->text() == text();
}

SetTableCommand::SetTableCommand(SchemaDocument *doc, int table, const TableSpec &spec,
                                 const QString &text)
    : QUndoCommand(text)
    , m_doc(doc)
    , m_table(table)
    , m_spec(spec)
{}

void SetTableCommand::redo()
{
    m_doc->swapTable(m_table, m_spec);
}

void SetTableCommand::undo()
{
    m_doc->swapTable(m_table, m_spec);
}

bool SetTableCommand::mergeWith(const QUndoCommand *other)
{
    const auto *o = static_cast<const SetTableCommand *>(other);
    // Keep our old value for undo; the other's redo already applied the newest one.
    return o->m_table == m_table && o->text() == text();
}

SetColumnCommand::SetColumnCommand(SchemaDocument *doc, int table, int column,
                                   const ColumnSpec &spec, const QString &text)
    : QUndoCommand(text)
    , m_doc(doc)
    , m_table(table)
    , m_column(column)
    , m_spec(spec)
{}

void SetColumnCommand::redo()
{
    m_doc->swapColumn(m_table, m_column, m_spec);
}

void SetColumnCommand::undo()
{
    m_doc->swapColumn(m_table, m_column, m_spec);
}

bool SetColumnCommand::mergeWith(const QUndoCommand *other)
{
    const auto *o = static_cast<const SetColumnCommand *>(other);
    return o->m_table == m_table && o->m_column == m_column && o->text() == text();
}

InsertTableCommand::InsertTableCommand(SchemaDocument *doc, int index, const TableSpec &spec,
                                       bool insert, const QString &text)
    : QUndoCommand(text)
    , m_doc(doc)
    , m_index(index)
    , m_spec(spec)
    , m_insert(insert)
{}

void InsertTableCommand::redo()
{
    m_insert ? insert() : remove();
}

void InsertTableCommand::undo()
{
    m_insert ? remove() : insert();
}

void InsertTableCommand::insert()
{
    m_doc->insertTableAt(m_index, m_spec);
}

void InsertTableCommand::remove()
{
    m_spec = m_doc->takeTable(m_index);
}

MoveTableCommand::MoveTableCommand(SchemaDocument *doc, int from, int to)
    : QUndoCommand(QObject::tr("Move Table"))
    , m_doc(doc)
    , m_from(from)
    , m_to(to)
{}

void MoveTableCommand::redo()
{
    m_doc->moveTableTo(m_from, m_to);
}

void MoveTableCommand::undo()
{
    m_doc->moveTableTo(m_to, m_from);
}

InsertColumnCommand::InsertColumnCommand(SchemaDocument *doc, int table, int index,
                                         const ColumnSpec &spec, bool insert, const QString &text)
    : QUndoCommand(text)
    , m_doc(doc)
    , m_table(table)
    , m_index(index)
    , m_spec(spec)
    , m_insert(insert)
{}

void InsertColumnCommand::redo()
{
    m_insert ? insert() : remove();
}

void InsertColumnCommand::undo()
{
    m_insert ? remove() : insert();
}

void InsertColumnCommand::insert()
{
    m_doc->insertColumnAt(m_table, m_index, m_spec);
}

void InsertColumnCommand::remove()
{
    m_spec = m_doc->takeColumn(m_table, m_index);
}

MoveColumnCommand::MoveColumnCommand(SchemaDocument *doc, int table, int from, int to)
    : QUndoCommand(QObject::tr("Move Column"))
    , m_doc(doc)
    , m_table(table)
    , m_from(from)
    , m_to(to)
{}

void MoveColumnCommand::redo()
{
    m_doc->moveColumnTo(m_table, m_from, m_to);
}

void MoveColumnCommand::undo()
{
    m_doc->moveColumnTo(m_table, m_to, m_from);
}

} // namespace spillway
