#include "design/keydialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGridLayout>
#include <QLabel>
#include <QListView>
#include <QPushButton>
#include <QStringListModel>
#include <QToolButton>
#include <QVBoxLayout>

namespace spillway {

namespace {

QStringList columnNames(const TableSpec &table)
{
    QStringList names;
    for (const ColumnSpec &c : table.columns)
        names.append(c.name);
    return names;
}

QToolButton *pickerButton(QWidget *parent, const QString &text, const QString &tip)
{
    auto *button = new QToolButton(parent);
    button->setText(text);
    button->setToolTip(tip);
    button->setAccessibleName(tip);
    return button;
}

} // namespace

OrderedColumnPicker::OrderedColumnPicker(const QString &chosenTitle, QWidget *parent)
    : QWidget(parent)
    , m_availableModel(new QStringListModel(this))
    , m_chosenModel(new QStringListModel(this))
{
    m_available = createList(m_availableModel, tr("Columns"));
    m_chosenView = createList(m_chosenModel, chosenTitle);
    auto *add = pickerButton(this, tr("→"), tr("Add the selected column to the key"));
    auto *remove = pickerButton(this, tr("←"), tr("Take the selected column out of the key"));
    auto *up = pickerButton(this, tr("↑"), tr("Move the selected key column up"));
    auto *down = pickerButton(this, tr("↓"), tr("Move the selected key column down"));
    auto *buttons = new QVBoxLayout;
    buttons->addStretch();
    for (QToolButton *b : {add, remove, up, down})
        buttons->addWidget(b);
    buttons->addStretch();
    auto *layout = new QGridLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(new QLabel(tr("Columns:"), this), 0, 0);
    layout->addWidget(new QLabel(chosenTitle, this), 0, 2);
    layout->addWidget(m_available, 1, 0);
    layout->addLayout(buttons, 1, 1);
    layout->addWidget(m_chosenView, 1, 2);
    connect(add, &QToolButton::clicked, this, &OrderedColumnPicker::chooseSelected);
    connect(remove, &QToolButton::clicked, this, &OrderedColumnPicker::unchooseSelected);
    connect(up, &QToolButton::clicked, this, [this] { moveSelected(-1); });
    connect(down, &QToolButton::clicked, this, [this] { moveSelected(1); });
    connect(m_available, &QListView::activated, this, &OrderedColumnPicker::chooseSelected);
    connect(m_chosenView, &QListView::activated, this, &OrderedColumnPicker::unchooseSelected);
}

QListView *OrderedColumnPicker::createList(QStringListModel *model, const QString &title)
{
    auto *view = new QListView(this);
    view->setModel(model);
    view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    view->setAccessibleName(title);
    view->setMinimumHeight(view->fontMetrics().height() * 6);
    return view;
}

void OrderedColumnPicker::setColumns(const QStringList &all, const QStringList &chosen)
{
    m_all = all;
    setChosen(chosen);
}

QStringList OrderedColumnPicker::chosen() const
{
    return m_chosenModel->stringList();
}

void OrderedColumnPicker::setChosen(const QStringList &chosen)
{
    QStringList available;
    for (const QString &c : std::as_const(m_all))
        if (!chosen.contains(c))
            available.append(c);
    m_availableModel->setStringList(available);
    m_chosenModel->setStringList(chosen);
    emit changed();
}

void OrderedColumnPicker::choose(const QString &column)
{
    QStringList chosen = this->chosen();
    if (!m_all.contains(column) || chosen.contains(column))
        return;
    chosen.append(column);
    setChosen(chosen);
    m_chosenView->setCurrentIndex(m_chosenModel->index(int(chosen.size()) - 1));
}

void OrderedColumnPicker::unchoose(const QString &column)
{
    QStringList chosen = this->chosen();
    if (chosen.removeAll(column) > 0)
        setChosen(chosen);
}

void OrderedColumnPicker::move(int row, int step)
{
    QStringList chosen = this->chosen();
    const int to = row + step;
    if (row < 0 || row >= chosen.size() || to < 0 || to >= chosen.size())
        return;
    chosen.move(row, to);
    setChosen(chosen);
    m_chosenView->setCurrentIndex(m_chosenModel->index(to));
}

void OrderedColumnPicker::chooseSelected()
{
    choose(m_available->currentIndex().data().toString());
}

void OrderedColumnPicker::unchooseSelected()
{
    unchoose(m_chosenView->currentIndex().data().toString());
}

void OrderedColumnPicker::moveSelected(int step)
{
    move(m_chosenView->currentIndex().row(), step);
}

KeyDialog::KeyDialog(const Schema &schema, int table, Mode mode, QWidget *parent)
    : QDialog(parent)
    , m_schema(schema)
    , m_tableIndex(table)
    , m_mode(mode)
    , m_columns(new OrderedColumnPicker(tr("In the key, in order:"), this))
    , m_hint(new QLabel(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    const TableSpec &spec = schema.tables[table];
    setWindowTitle(mode == PrimaryKey ? tr("Primary Key of %1").arg(spec.name)
                   : mode == Unique   ? tr("Unique Constraint of %1").arg(spec.name)
                                      : tr("Foreign Key of %1").arg(spec.name));
    m_columns->setColumns(columnNames(spec), {});
    m_hint->setWordWrap(true);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_columns);
    if (mode == ForeignKey) {
        m_table = new QComboBox(this);
        m_table->setAccessibleName(tr("Referenced table"));
        for (const TableSpec &other : schema.tables)
            m_table->addItem(other.name);
        m_table->setCurrentIndex(-1);
        m_referenced = new OrderedColumnPicker(tr("Referenced, in the same order:"), this);
        auto *form = new QFormLayout;
        form->addRow(tr("&References table:"), m_table);
        layout->addLayout(form);
        layout->addWidget(m_referenced);
        connect(m_table, &QComboBox::textActivated, this, &KeyDialog::onTableChosen);
        connect(m_referenced, &OrderedColumnPicker::changed, this, &KeyDialog::updateState);
    }
    layout->addWidget(m_hint);
    layout->addWidget(m_buttons);
    connect(m_columns, &OrderedColumnPicker::changed, this, &KeyDialog::updateState);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    updateState();
}

void KeyDialog::setColumns(const QStringList &columns)
{
    m_columns->setColumns(columnNames(m_schema.tables[m_tableIndex]), columns);
}

void KeyDialog::setForeignKey(const ForeignKeySpec &key)
{
    setColumns(key.columns);
    if (!m_table)
        return;
    m_table->setCurrentIndex(m_table->findText(key.table));
    const TableSpec *target = m_schema.table(key.table);
    m_referenced->setColumns(target ? columnNames(*target) : QStringList(), key.referencedColumns);
}

QStringList KeyDialog::columns() const
{
    return m_columns->chosen();
}

ForeignKeySpec KeyDialog::foreignKey() const
{
    ForeignKeySpec key;
    key.columns = columns();
    if (m_table) {
        key.table = m_table->currentText();
        key.referencedColumns = m_referenced->chosen();
    }
    return key;
}

void KeyDialog::onTableChosen(const QString &table)
{
    // Start from the referenced table's own composite key: a foreign key must name one.
    const TableSpec *target = m_schema.table(table);
    QStringList key;
    if (target && !target->primaryKey.isEmpty())
        key = target->primaryKey;
    else if (target && !target->unique.isEmpty())
        key = target->unique.first();
    m_referenced->setColumns(target ? columnNames(*target) : QStringList(), key);
}

QString KeyDialog::incompleteReason() const
{
    // Table-level keys name two or more columns; one column's key is set on the column.
    if (columns().size() < 2)
        return tr("Choose two or more columns; a key of one column is set on the column itself.");
    if (m_mode != ForeignKey)
        return {};
    if (m_table->currentIndex() < 0)
        return tr("Choose the table the key references.");
    if (m_referenced->chosen().size() != columns().size())
        return tr("Choose as many referenced columns as key columns (%1), in the same order.")
            .arg(columns().size());
    return {};
}

void KeyDialog::updateState()
{
    const QString reason = incompleteReason();
    m_hint->setText(reason);
    m_hint->setVisible(!reason.isEmpty());
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(reason.isEmpty());
}

} // namespace spillway
