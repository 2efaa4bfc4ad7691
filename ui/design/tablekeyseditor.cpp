#include "design/tablekeyseditor.h"

#include "design/problemlabel.h"
#include "design/schemadocument.h"
#include "design/tablekeysmodel.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QListView>
#include <QMenu>
#include <QPushButton>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>

namespace spillway {

TableKeysEditor::TableKeysEditor(SchemaDocument *document, QWidget *parent)
    : QGroupBox(tr("Keys over several columns"), parent)
    , m_document(document)
    , m_model(new TableKeysModel(this))
    , m_list(new QListView(this))
    , m_empty(new QLabel(tr("None. A key of one column is set on the column itself."), this))
    , m_add(new QToolButton(this))
    , m_edit(new QPushButton(tr("&Edit…"), this))
    , m_remove(new QPushButton(tr("Remo&ve"), this))
    , m_problems(new ProblemLabel(this))
{
    m_list->setModel(m_model);
    m_list->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_list->setAccessibleName(tr("Table keys"));
    m_empty->setWordWrap(true);
    m_empty->setEnabled(false); // greyed, like a placeholder
    m_list->setToolTip(tr("Composite keys, guaranteed by construction; a key of one column is "
                          "set on the column"));
    m_add->setText(tr("&Add"));
    m_add->setPopupMode(QToolButton::InstantPopup);
    m_add->setToolButtonStyle(Qt::ToolButtonTextOnly);
    m_add->setAccessibleName(tr("Add key"));
    auto *menu = new QMenu(m_add);
    menu->addAction(tr("Primary Key…"), this, [this] { addKey(KeyDialog::PrimaryKey); });
    menu->addAction(tr("Unique Constraint…"), this, [this] { addKey(KeyDialog::Unique); });
    menu->addAction(tr("Foreign Key…"), this, [this] { addKey(KeyDialog::ForeignKey); });
    m_add->setMenu(menu);

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_add);
    buttons->addWidget(m_edit);
    buttons->addWidget(m_remove);
    buttons->addStretch();
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_empty);
    layout->addWidget(m_list);
    layout->addWidget(m_problems);
    layout->addLayout(buttons);

    connect(m_edit, &QPushButton::clicked, this, [this] { editKey(m_list->currentIndex().row()); });
    connect(m_remove, &QPushButton::clicked, this,
            [this] { removeKey(m_list->currentIndex().row()); });
    connect(m_list, &QListView::activated, this,
            [this](const QModelIndex &index) { editKey(index.row()); });
    connect(m_model, &QAbstractItemModel::modelReset, this, &TableKeysEditor::updateButtons);
    connect(m_list->selectionModel(), &QItemSelectionModel::currentChanged, this,
            &TableKeysEditor::updateButtons);
    updateButtons();
}

void TableKeysEditor::setTable(int table)
{
    m_table = table;
    refresh();
}

void TableKeysEditor::refresh()
{
    if (m_table < 0 || m_table >= m_document->schema().tables.size())
        return;
    const int row = m_list->currentIndex().row();
    const QString path = SchemaDocument::tablePath(m_table);
    const QList<Diagnostic> problems = m_document->diagnosticsAt(path);
    m_model->setTable(m_document->schema().tables[m_table], path, problems);
    QStringList messages;
    for (int r = 0; r < m_model->rowCount(); ++r) {
        const QModelIndex index = m_model->index(r);
        for (const QString &m : index.data(TableKeysModel::ProblemsRole).toStringList())
            messages.append(QStringLiteral("%1: %2").arg(index.data().toString(), m));
    }
    m_problems->setProblems(messages);
    // As tall as its keys (up to five), and a note instead of an empty box.
    const int rows = std::clamp(m_model->rowCount(), 1, 5);
    m_list->setFixedHeight(rows * std::max(m_list->sizeHintForRow(0), fontMetrics().height()) +
                           2 * m_list->frameWidth() + 4);
    m_list->setVisible(m_model->rowCount() > 0);
    m_empty->setVisible(m_model->rowCount() == 0);
    if (row >= 0 && row < m_model->rowCount())
        m_list->setCurrentIndex(m_model->index(row));
}

void TableKeysEditor::updateButtons()
{
    const bool current = m_list->currentIndex().isValid();
    m_edit->setEnabled(current);
    m_remove->setEnabled(current);
}

void TableKeysEditor::setPrimaryKey(const QStringList &columns)
{
    if (m_table < 0 || m_table >= m_document->schema().tables.size())
        return;
    TableSpec spec = m_document->schema().tables[m_table];
    spec.primaryKey = columns;
    m_document->setTable(m_table, spec, tr("Edit Primary Key"));
}

void TableKeysEditor::setUnique(int index, const QStringList &columns)
{
    if (m_table < 0 || m_table >= m_document->schema().tables.size())
        return;
    TableSpec spec = m_document->schema().tables[m_table];
    if (index >= 0 && index < spec.unique.size())
        spec.unique[index] = columns;
    else
        spec.unique.append(columns);
    m_document->setTable(m_table, spec, tr("Edit Unique Constraint"));
}

void TableKeysEditor::setForeignKey(int index, const ForeignKeySpec &key)
{
    if (m_table < 0 || m_table >= m_document->schema().tables.size())
        return;
    TableSpec spec = m_document->schema().tables[m_table];
    if (index >= 0 && index < spec.foreignKeys.size())
        spec.foreignKeys[index] = key;
    else
        spec.foreignKeys.append(key);
    m_document->setTable(m_table, spec, tr("Edit Foreign Key"));
}

void TableKeysEditor::removeKey(int row)
{
    if (m_table < 0 || m_table >= m_document->schema().tables.size() || row < 0 ||
        row >= m_model->rowCount())
        return;
    const QModelIndex index = m_model->index(row);
    const int at = index.data(TableKeysModel::IndexRole).toInt();
    TableSpec spec = m_document->schema().tables[m_table];
    switch (index.data(TableKeysModel::KindRole).toInt()) {
    case TableKeysModel::PrimaryKey:
        spec.primaryKey.clear();
        break;
    case TableKeysModel::Unique:
        spec.unique.removeAt(at);
        break;
    default:
        spec.foreignKeys.removeAt(at);
    }
    m_document->setTable(m_table, spec, tr("Remove Key"));
}

void TableKeysEditor::addKey(KeyDialog::Mode mode)
{
    if (m_table < 0 || m_table >= m_document->schema().tables.size())
        return;
    const TableSpec &spec = m_document->schema().tables[m_table];
    auto *dialog = new KeyDialog(m_document->schema(), m_table, mode, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    // A table has one primary key: "adding" one edits the existing key.
    if (mode == KeyDialog::PrimaryKey)
        dialog->setColumns(spec.primaryKey);
    const int index =
        mode == KeyDialog::Unique ? int(spec.unique.size()) : int(spec.foreignKeys.size());
    connect(dialog, &QDialog::accepted, this, [this, dialog, mode, index] {
        if (mode == KeyDialog::PrimaryKey)
            setPrimaryKey(dialog->columns());
        else if (mode == KeyDialog::Unique)
            setUnique(index, dialog->columns());
        else
            setForeignKey(index, dialog->foreignKey());
    });
    dialog->open();
}

void TableKeysEditor::editKey(int row)
{
    if (m_table < 0 || row < 0 || row >= m_model->rowCount())
        return;
    const QModelIndex index = m_model->index(row);
    const auto kind = KeyDialog::Mode(index.data(TableKeysModel::KindRole).toInt());
    const int at = index.data(TableKeysModel::IndexRole).toInt();
    const TableSpec &spec = m_document->schema().tables[m_table];
    auto *dialog = new KeyDialog(m_document->schema(), m_table, kind, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    if (kind == KeyDialog::PrimaryKey)
        dialog->setColumns(spec.primaryKey);
    else if (kind == KeyDialog::Unique)
        dialog->setColumns(spec.unique.value(at));
    else
        dialog->setForeignKey(spec.foreignKeys.value(at));
    connect(dialog, &QDialog::accepted, this, [this, dialog, kind, at] {
        if (kind == KeyDialog::PrimaryKey)
            setPrimaryKey(dialog->columns());
        else if (kind == KeyDialog::Unique)
            setUnique(at, dialog->columns());
        else
            setForeignKey(at, dialog->foreignKey());
    });
    dialog->open();
}

} // namespace spillway
