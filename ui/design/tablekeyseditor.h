#pragma once

// The table inspector's "Keys" box: the table-level keys of the current table (a composite
// primary key, unique constraints, composite foreign keys) in a list, with actions to add, edit
// (KeyDialog) and remove them. Every change is one undoable table edit through SchemaDocument;
// the problems validation reports at a key's path show on its row and under the list.

#include "design/keydialog.h"

#include <QGroupBox>

class QLabel;
class QListView;
class QPushButton;
class QToolButton;

namespace spillway {

class ProblemLabel;
class SchemaDocument;
class TableKeysModel;

class TableKeysEditor : public QGroupBox
{
    Q_OBJECT

public:
    explicit TableKeysEditor(SchemaDocument *document, QWidget *parent = nullptr);

    void setTable(int table);
    // Re-reads the table's keys and problems from the document.
    void refresh();
    QListView *keyList() const { return m_list; }
    TableKeysModel *model() const { return m_model; }

    // The edits behind the buttons (also for tests): each is one undoable table edit.
    void setPrimaryKey(const QStringList &columns);
    void setUnique(int index, const QStringList &columns); // index == size() appends
    void setForeignKey(int index, const ForeignKeySpec &key);
    void removeKey(int row); // a row of model()

    // Opens the dialog for a new key of `mode`, or for the key at `row`; applies it on OK.
    void addKey(KeyDialog::Mode mode);
    void editKey(int row);

private:
    void updateButtons();

    SchemaDocument *m_document;
    int m_table = -1;
    TableKeysModel *m_model;
    QListView *m_list;
    QLabel *m_empty;
    QToolButton *m_add;
    QPushButton *m_edit;
    QPushButton *m_remove;
    ProblemLabel *m_problems;
};

} // namespace spillway
