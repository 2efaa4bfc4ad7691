#pragma once

// Edits one table-level key: the ordered columns of a composite primary key or unique
// constraint, or of a foreign key together with the table and columns it references. The
// dialog only collects the choice; the table inspector applies it as one undoable edit.

#include "schema/schema.h"

#include <QDialog>

class QComboBox;
class QDialogButtonBox;
class QLabel;
class QListView;
class QStringListModel;

namespace spillway {

// Two lists: the columns not chosen (in the table's order) and the chosen ones in key order,
// with buttons to move columns between them and to reorder the chosen ones.
class OrderedColumnPicker : public QWidget
{
    Q_OBJECT

public:
    explicit OrderedColumnPicker(const QString &chosenTitle, QWidget *parent = nullptr);

    void setColumns(const QStringList &all, const QStringList &chosen);
    QStringList chosen() const;
    // Moves the named column into the key (at the end) or out of it.
    void choose(const QString &column);
    void unchoose(const QString &column);
    // Moves the chosen column at `row` one place up (-1) or down (+1).
    void move(int row, int step);

signals:
    void changed();

private:
    QListView *createList(QStringListModel *model, const QString &title);
    void chooseSelected();
    void unchooseSelected();
    void moveSelected(int step);
    void setChosen(const QStringList &chosen);

    QStringList m_all;
    QStringListModel *m_availableModel;
    QStringListModel *m_chosenModel;
    QListView *m_available;
    QListView *m_chosenView;
};

class KeyDialog : public QDialog
{
    Q_OBJECT

public:
    enum Mode { PrimaryKey, Unique, ForeignKey };

    KeyDialog(const Schema &schema, int table, Mode mode, QWidget *parent = nullptr);

    void setColumns(const QStringList &columns);
    void setForeignKey(const ForeignKeySpec &key);
    QStringList columns() const;
    ForeignKeySpec foreignKey() const;

    OrderedColumnPicker *columnPicker() const { return m_columns; }
    OrderedColumnPicker *referencedPicker() const { return m_referenced; }
    QComboBox *tableCombo() const { return m_table; }
    // Empty when the choice can be applied; otherwise what is still missing.
    QString incompleteReason() const;

private:
    void onTableChosen(const QString &table);
    void updateState();

    Schema m_schema; // a copy: the dialog may outlive an edit of the document
    int m_tableIndex;
    Mode m_mode;
    OrderedColumnPicker *m_columns;
    QComboBox *m_table = nullptr;
    OrderedColumnPicker *m_referenced = nullptr;
    QLabel *m_hint;
    QDialogButtonBox *m_buttons;
};

} // namespace spillway
