#include "design/tableinspector.h"

#include "design/parameterform.h"
#include "design/problemlabel.h"
#include "design/schemadocument.h"
#include "design/tablekeyseditor.h"
#include "generators/generatorcatalog.h"

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QRegularExpressionValidator>
#include <QStackedWidget>
#include <QVBoxLayout>

namespace spillway {

namespace {

const QString kCount = QStringLiteral("countDistribution");

// ".primaryKey", ".unique[0]", ".foreignKeys[1].references" (or without the leading dot).
bool isKeyPath(QString rel)
{
    if (rel.startsWith(QLatin1Char('.')))
        rel.remove(0, 1);
    return rel.startsWith(QLatin1String("primaryKey")) ||
           rel.startsWith(QLatin1String("unique[")) || rel.startsWith(QLatin1String("foreignKeys"));
}

} // namespace

TableInspector::TableInspector(SchemaDocument *document, QWidget *parent)
    : QWidget(parent)
    , m_document(document)
    , m_title(new QLabel(this))
    , m_general(new ProblemLabel(this))
    , m_name(new QLineEdit(this))
    , m_nameProblem(new ProblemLabel(this))
    , m_mode(new QComboBox(this))
    , m_modePages(new QStackedWidget(this))
    , m_rows(new QDoubleSpinBox(this))
    , m_rowsProblem(new ProblemLabel(this))
    , m_parent(new QComboBox(this))
    , m_parentProblem(new ProblemLabel(this))
    , m_countKind(new QComboBox(this))
    , m_countForm(new ParameterForm(kCount, this))
    , m_countProblem(new ProblemLabel(this))
    , m_comment(new QLineEdit(this))
    , m_keys(new TableKeysEditor(document, this))
    , m_schemaName(new QLineEdit(this))
    , m_seed(new QLineEdit(this))
    , m_description(new QLineEdit(this))
{
    QFont titleFont = m_title->font();
    titleFont.setBold(true);
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.2);
    m_title->setFont(titleFont);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_title);
    layout->addWidget(m_general);
    layout->addWidget(createTableBox());
    layout->addWidget(m_keys);
    layout->addWidget(createSchemaBox());
    layout->addStretch();

    connect(document, &SchemaDocument::tableChanged, this, [this](int t) {
        if (t == m_table)
            refresh();
    });
    connect(document, &SchemaDocument::schemaChanged, this, [this] {
        // The parent list and the document settings may have changed anywhere.
        refresh();
    });
    connect(document, &SchemaDocument::diagnosticsChanged, this, &TableInspector::showProblems);
    connect(document, &SchemaDocument::currentChanged, this, [this](int t, int) { setTable(t); });
    setTable(document->currentTable());
}

QWidget *TableInspector::createTableBox()
{
    m_mode->addItems({tr("A fixed number of rows"), tr("Rows per row of a parent table")});
    m_rows->setDecimals(0);
    m_rows->setRange(0, 1e15);
    m_rows->setGroupSeparatorShown(true);
    m_rows->setKeyboardTracking(false);
    m_countKind->addItems(GeneratorCatalog::kinds(kCount));
    m_comment->setPlaceholderText(tr("Optional note, kept in the schema file"));
    m_name->setAccessibleName(tr("Table name"));
    m_mode->setAccessibleName(tr("Row count mode"));
    m_rows->setAccessibleName(tr("Rows"));
    m_parent->setAccessibleName(tr("Parent table"));
    m_countKind->setAccessibleName(tr("Rows per parent distribution"));

    auto *rowsPage = new QWidget;
    auto *rowsForm = new QFormLayout(rowsPage);
    rowsForm->setContentsMargins(0, 0, 0, 0);
    rowsForm->addRow(tr("&Rows:"), ProblemLabel::stack(m_rows, m_rowsProblem));
    auto *childPage = new QWidget;
    auto *childForm = new QFormLayout(childPage);
    childForm->setContentsMargins(0, 0, 0, 0);
    childForm->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    childForm->addRow(tr("&Parent table:"), ProblemLabel::stack(m_parent, m_parentProblem));
    childForm->addRow(tr("Rows per parent &row:"),
                      ProblemLabel::stack(m_countKind, m_countProblem));
    childForm->addRow(m_countForm);
    m_modePages->addWidget(rowsPage);
    m_modePages->addWidget(childPage);

    auto *box = new QGroupBox(tr("Table"), this);
    auto *form = new QFormLayout(box);
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    form->addRow(tr("&Name:"), ProblemLabel::stack(m_name, m_nameProblem));
    form->addRow(tr("&Size:"), m_mode);
    form->addRow(m_modePages);
    form->addRow(tr("C&omment:"), m_comment);

    connect(m_name, &QLineEdit::editingFinished, this,
            [this] { m_document->renameTable(m_table, m_name->text().trimmed()); });
    connect(m_mode, &QComboBox::activated, this, &TableInspector::onModeChosen);
    connect(m_rows, &QDoubleSpinBox::valueChanged, this, [this](double v) {
        edit(tr("Change Rows"), [v](TableSpec &t) { t.rows = int64_t(v); });
    });
    connect(m_parent, &QComboBox::textActivated, this, [this](const QString &parent) {
        edit(tr("Change Parent"), [&parent](TableSpec &t) {
            if (t.perParent)
                t.perParent->parent = parent;
        });
    });
    connect(m_countKind, &QComboBox::textActivated, this, [this](const QString &kind) {
        const QJsonObject count =
            ParameterForm::defaults(kCount, kind, {m_document, m_table, -1, {}});
        edit(tr("Change Distribution"), [&count](TableSpec &t) {
            if (t.perParent)
                t.perParent->count = count;
        });
    });
    connect(m_countForm, &ParameterForm::edited, this,
            [this](const QJsonObject &p, const QString &name) {
                edit(tr("Edit %1").arg(name), [&p](TableSpec &t) {
                    if (t.perParent)
                        t.perParent->count = p;
                });
            });
    connect(m_comment, &QLineEdit::editingFinished, this, [this] {
        edit(tr("Edit Comment"), [this](TableSpec &t) { t.comment = m_comment->text(); });
    });
    return box;
}

QWidget *TableInspector::createSchemaBox()
{
    m_seed->setValidator(
        new QRegularExpressionValidator(QRegularExpression(QStringLiteral("\\d{1,20}")), m_seed));
    m_schemaName->setAccessibleName(tr("Schema name"));
    m_seed->setAccessibleName(tr("Seed"));
    m_seed->setToolTip(tr("Every value is a pure function of the seed, table, column and row"));
    m_description->setAccessibleName(tr("Schema description"));
    auto *box = new QGroupBox(tr("Schema"), this);
    auto *form = new QFormLayout(box);
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    form->addRow(tr("Schema na&me:"), m_schemaName);
    form->addRow(tr("S&eed:"), m_seed);
    form->addRow(tr("&Description:"), m_description);
    connect(m_schemaName, &QLineEdit::editingFinished, this,
            [this] { m_document->setName(m_schemaName->text()); });
    connect(m_description, &QLineEdit::editingFinished, this,
            [this] { m_document->setDescription(m_description->text()); });
    connect(m_seed, &QLineEdit::editingFinished, this, [this] {
        bool ok = false;
        const qulonglong seed = m_seed->text().toULongLong(&ok);
        if (ok)
            m_document->setSeed(seed);
    });
    return box;
}

void TableInspector::setTable(int table)
{
    m_table = table;
    refresh();
}

void TableInspector::refresh()
{
    const Schema &schema = m_document->schema();
    {
        const QSignalBlocker b1(m_schemaName), b2(m_seed), b3(m_description);
        if (m_schemaName->text() != schema.name)
            m_schemaName->setText(schema.name);
        if (m_seed->text() != QString::number(schema.seed))
            m_seed->setText(QString::number(schema.seed));
        if (m_description->text() != schema.description)
            m_description->setText(schema.description);
    }
    const bool valid = m_table >= 0 && m_table < schema.tables.size();
    m_title->setVisible(valid);
    if (!valid)
        return;
    const TableSpec &t = schema.tables[m_table];
    m_title->setText(tr("Table %1").arg(t.name));
    const QSignalBlocker b1(m_name), b2(m_mode), b3(m_rows), b4(m_parent), b5(m_countKind),
        b6(m_comment);
    if (m_name->text() != t.name)
        m_name->setText(t.name);
    m_mode->setCurrentIndex(t.isChild() ? 1 : 0);
    m_modePages->setCurrentIndex(t.isChild() ? 1 : 0);
    for (int page = 0; page < m_modePages->count(); ++page) // size to the shown page only
        m_modePages->widget(page)->setSizePolicy(
            QSizePolicy::Preferred,
            page == m_modePages->currentIndex() ? QSizePolicy::Preferred : QSizePolicy::Ignored);
    m_modePages->adjustSize();
    m_rows->setValue(double(t.rows.value_or(0)));
    m_parent->clear();
    for (const TableSpec &other : schema.tables)
        if (other.name != t.name)
            m_parent->addItem(other.name);
    if (t.perParent) {
        m_parent->setCurrentIndex(m_parent->findText(t.perParent->parent));
        m_countKind->setCurrentText(t.perParent->count.value(QStringLiteral("kind")).toString());
        m_countForm->setParameters(
            t.perParent->count,
            {m_document, m_table, -1,
             SchemaDocument::tablePath(m_table) + QStringLiteral(".rowsPerParent.count")});
    }
    if (m_comment->text() != t.comment)
        m_comment->setText(t.comment);
    m_keys->setTable(m_table);
    showProblems();
}

void TableInspector::showProblems()
{
    if (m_table < 0 || m_table >= m_document->schema().tables.size())
        return;
    const QString path = SchemaDocument::tablePath(m_table);
    QList<Diagnostic> general, name, rows, parent, count, params;
    const QList<Diagnostic> all = m_document->diagnosticsAt(path);
    for (const Diagnostic &d : all) {
        const QString rel = d.path.mid(path.size());
        if (rel.startsWith(QLatin1String(".columns[")) || isKeyPath(rel))
            continue; // shown on the column or in the keys box
        if (rel == QLatin1String(".name"))
            name.append(d);
        else if (rel == QLatin1String(".rows"))
            rows.append(d);
        else if (rel == QLatin1String(".rowsPerParent.parent"))
            parent.append(d);
        else if (rel == QLatin1String(".rowsPerParent.count") ||
                 rel == QLatin1String(".rowsPerParent.count.kind"))
            count.append(d);
        else if (rel.startsWith(QLatin1String(".rowsPerParent.count.")))
            params.append(d);
        else
            general.append(d);
    }
    count.append(m_countForm->showProblems(params));
    m_keys->refresh();
    m_general->setProblems(general);
    m_nameProblem->setProblems(name);
    m_rowsProblem->setProblems(rows);
    m_parentProblem->setProblems(parent);
    m_countProblem->setProblems(count);
}

void TableInspector::edit(const QString &actionText, const std::function<void(TableSpec &)> &change)
{
    if (m_table < 0 || m_table >= m_document->schema().tables.size())
        return;
    TableSpec spec = m_document->schema().tables[m_table];
    change(spec);
    m_document->setTable(m_table, spec, actionText);
}

void TableInspector::onModeChosen(int mode)
{
    const Schema &schema = m_document->schema();
    edit(tr("Change Table Size"), [&](TableSpec &t) {
        if (mode == 0 && t.isChild()) {
            t.perParent.reset();
            t.rows = 1000;
        } else if (mode == 1 && !t.isChild()) {
            FanOutSpec fan;
            for (const TableSpec &other : schema.tables)
                if (other.name != t.name && fan.parent.isEmpty())
                    fan.parent = other.name;
            fan.count = QJsonObject{{QStringLiteral("kind"), QStringLiteral("uniform")},
                                    {QStringLiteral("min"), 1},
                                    {QStringLiteral("max"), 5}};
            t.perParent = fan;
            t.rows.reset();
        }
    });
}

QWidget *TableInspector::editorFor(const QString &rest) const
{
    if (rest == QLatin1String("name"))
        return m_name;
    if (rest == QLatin1String("rows"))
        return m_rows;
    if (rest == QLatin1String("comment"))
        return m_comment;
    if (rest == QLatin1String("rowsPerParent.parent"))
        return m_parent;
    if (isKeyPath(rest))
        return m_keys->keyList();
    const QString count = QStringLiteral("rowsPerParent.count");
    if (rest.startsWith(count + QLatin1Char('.'))) {
        const QString path = SchemaDocument::tablePath(m_table) + QLatin1Char('.') + rest;
        if (QWidget *editor = m_countForm->editorFor(path))
            return editor;
    }
    if (rest.startsWith(count))
        return m_countKind;
    return rest.startsWith(QLatin1String("rowsPerParent")) ? m_mode : nullptr;
}

} // namespace spillway
