#pragma once

// The schema being edited in the desktop application: the Schema itself, its file, an undo stack
// through which every edit goes (one QUndoCommand per edit), the diagnostics and compiled form
// recomputed after each change, and the shared selection (current table/column) that the
// designer, the preview and the run panel follow.

#include "base/diagnostics.h"
#include "schema/compiledschema.h"
#include "schema/schema.h"

#include <QObject>
#include <QString>
#include <QStringList>

#include <memory>

class QUndoStack;

namespace spillway {

class SchemaDocument : public QObject
{
    Q_OBJECT

public:
    explicit SchemaDocument(QObject *parent = nullptr);
    ~SchemaDocument() override;

    // --- Whole document (these clear the undo stack) ---------------------------------------
    // Returns an error message (empty on success); on failure the document is left unchanged
    // and `problems` (if given) receives the parse diagnostics.
    QString load(const QString &fileName, Diagnostics *problems = nullptr);
    // Writes through SchemaIO::save (QSaveFile); on success the file name is remembered and the
    // document becomes clean. Returns an error message, empty on success.
    QString save(const QString &fileName);
    void newBlank();
    // A new, unsaved document holding `schema` (an import): modified until saved.
    void adopt(const Schema &schema);
    // Replaces every table and the header in one undoable step (a merged re-import).
    void replaceSchema(const Schema &schema, const QString &actionText);
    // `name` is an example's base name ("ecommerce"), "example:ecommerce" or a resource path.
    QString newFromExample(const QString &name);
    static QStringList exampleNames(); // base names under ":/spillway/examples/"

    // --- State ---------------------------------------------------------------------------------
    const Schema &schema() const { return m_schema; }
    QString fileName() const { return m_fileName; } // empty for a new or example document
    QString displayName() const;                    // file's base name, or the schema name
    bool isModified() const;
    QUndoStack *undoStack() const { return m_undoStack; }

    // Null when the schema has problems; a new object is compiled after every change, so a
    // holder may size it (Preview::prepare, Plan::build) without affecting the next one.
    std::shared_ptr<CompiledSchema> compiled() const { return m_compiled; }
    // A private compile of the current schema (null on problems), e.g. for a run of its own.
    std::shared_ptr<CompiledSchema> compileFresh() const;
    const Diagnostics &diagnostics() const { return m_diagnostics; }
    // Problems whose path starts with `prefix` (e.g. "tables[1].columns[2]").
    QList<Diagnostic> diagnosticsAt(const QString &prefix) const;
    // A problem in the user's words, `reviews.rating: generator.max: …` (ProblemPlace), for
    // every place that lists problems (preview, tree, run panel).
    QString describe(const Diagnostic &problem) const;
    static QString tablePath(int table);
    static QString columnPath(int table, int column);

    // --- Edits: each pushes one undoable command; invalid indexes are ignored ------------------
    void setName(const QString &name);
    void setDescription(const QString &description);
    void setSeed(uint64_t seed);
    void setTable(int table, const TableSpec &spec, const QString &actionText = {});
    void setColumn(int table, int column, const ColumnSpec &spec, const QString &actionText = {});
    void renameTable(int table, const QString &name);
    void renameColumn(int table, int column, const QString &name);
    void insertTable(int before, const TableSpec &spec);
    void removeTable(int table);
    void moveTable(int from, int to); // `to` is the final index of the moved table
    void insertColumn(int table, int before, const ColumnSpec &spec);
    void removeColumn(int table, int column);
    void moveColumn(int table, int from, int to);
    // A fresh table/column with a unique name and sensible generator, for "Add" actions.
    TableSpec newTableSpec() const;
    ColumnSpec newColumnSpec(int table) const;

    // --- Shared selection ----------------------------------------------------------------------
    int currentTable() const { return m_currentTable; }
    int currentColumn() const { return m_currentColumn; } // -1 when a table is selected
    // While the schema has tables, some table is always current (table -1 selects the first).
    void setCurrent(int table, int column = -1);

    // --- Primitives for the undo commands (design/schemacommands.h) ---------------------------
    // User edits go through the undoable methods above; these exist so that the commands can
    // apply one change immediately without reaching into the document. Each emits the structure
    // signals the item models need, keeps the current selection on the same item (or clears the
    // column when it goes away) and recomputes diagnostics, the compiled form and
    // schemaChanged(). Indexes must be valid; nothing is pushed on the undo stack.
    //
    // Exchange the document's values with the caller's (so redo and undo are the same call).
    void swapHeader(QString &name, QString &description, uint64_t &seed);
    void swapTable(int table, TableSpec &spec);
    void swapColumn(int table, int column, ColumnSpec &spec);
    void insertTableAt(int index, const TableSpec &spec);
    TableSpec takeTable(int index);
    void moveTableTo(int from, int to); // `to` is the final index of the moved table
    void insertColumnAt(int table, int index, const ColumnSpec &spec);
    ColumnSpec takeColumn(int table, int index);
    void moveColumnTo(int table, int from, int to);

signals:
    // The schema changed (any edit, undo, redo, load). Cheap listeners re-read schema().
    void schemaChanged();
    // Fine-grained structure signals for item models: "about to" before the change, the others
    // after it (and before schemaChanged()).
    void tableAboutToBeInserted(int table);
    void tableAboutToBeRemoved(int table);
    void tableAboutToBeMoved(int from, int to);
    void columnAboutToBeInserted(int table, int column);
    void columnAboutToBeRemoved(int table, int column);
    void columnAboutToBeMoved(int table, int from, int to);
    void tableInserted(int table);
    void tableRemoved(int table);
    void tableMoved(int from, int to);
    void tableChanged(int table);
    void columnInserted(int table, int column);
    void columnRemoved(int table, int column);
    void columnMoved(int table, int from, int to);
    void columnChanged(int table, int column);
    void documentReset(); // load/new: everything changed

    void diagnosticsChanged();
    void fileNameChanged();
    void modifiedChanged(bool modified);
    void currentChanged(int table, int column);

private:
    void resetTo(const Schema &schema, const QString &fileName);
    void recompute();
    void clampCurrent();
    bool validTable(int table) const;
    bool validColumn(int table, int column) const;
    // Removes the table-level keys that name `table`.`column` (every column when empty).
    void dropKeysNaming(const QString &table, const QString &column);

    Schema m_schema;
    QString m_fileName;
    QUndoStack *m_undoStack;
    std::shared_ptr<CompiledSchema> m_compiled;
    Diagnostics m_diagnostics;
    int m_currentTable = -1;
    int m_currentColumn = -1;
    int m_announcedTable = -2; // the selection last sent through currentChanged()
    int m_announcedColumn = -2;
};

} // namespace spillway
