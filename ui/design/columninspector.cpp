#include "design/columninspector.h"

#include "design/parameterform.h"
#include "design/problemlabel.h"
#include "design/schemadocument.h"
#include "schema/generatorregistry.h"

#include <QCheckBox>
#include <QComboBox>
#include <QCoreApplication>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QStandardItemModel>
#include <QVBoxLayout>

namespace spillway {

namespace {

const QStringList kSqlTypes = {QStringLiteral("bigint"),
                               QStringLiteral("integer"),
                               QStringLiteral("smallint"),
                               QStringLiteral("numeric(12,2)"),
                               QStringLiteral("double precision"),
                               QStringLiteral("real"),
                               QStringLiteral("text"),
                               QStringLiteral("varchar(40)"),
                               QStringLiteral("char(2)"),
                               QStringLiteral("boolean"),
                               QStringLiteral("date"),
                               QStringLiteral("timestamp"),
                               QStringLiteral("timestamptz"),
                               QStringLiteral("time"),
                               QStringLiteral("uuid")};

// A generator's category or summary in the user's language (marked where generators register).
QString registryText(const QString &text)
{
    return QCoreApplication::translate("GeneratorRegistry", text.toUtf8().constData());
}

} // namespace

ColumnInspector::ColumnInspector(SchemaDocument *document, QWidget *parent)
    : QWidget(parent)
    , m_document(document)
    , m_title(new QLabel(this))
    , m_general(new ProblemLabel(this))
    , m_name(new QLineEdit(this))
    , m_nameProblem(new ProblemLabel(this))
    , m_type(new QComboBox(this))
    , m_typeProblem(new ProblemLabel(this))
    , m_generator(new QComboBox(this))
    , m_summary(new QLabel(this))
    , m_generatorProblem(new ProblemLabel(this))
    , m_form(new ParameterForm(QStringLiteral("generator"), this))
    , m_nullFraction(new QDoubleSpinBox(this))
    , m_nullProblem(new ProblemLabel(this))
    , m_unique(new QCheckBox(tr("&Unique"), this))
    , m_primaryKey(new QCheckBox(tr("&Primary key"), this))
    , m_hidden(new QCheckBox(tr("&Hidden (used by templates only)"), this))
    , m_keyProblem(new ProblemLabel(this))
    , m_comment(new QLineEdit(this))
{
    QFont titleFont = m_title->font();
    titleFont.setBold(true);
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.2);
    m_title->setFont(titleFont);
    m_type->setEditable(true);
    m_type->addItems(kSqlTypes);
    m_type->setInsertPolicy(QComboBox::NoInsert);
    m_summary->setWordWrap(true);
    m_summary->setForegroundRole(QPalette::PlaceholderText);
    m_nullFraction->setRange(0, 1);
    m_nullFraction->setSingleStep(0.05);
    m_nullFraction->setDecimals(3);
    m_nullFraction->setKeyboardTracking(false);
    m_comment->setPlaceholderText(tr("Optional note, kept in the schema file"));

    m_name->setAccessibleName(tr("Column name"));
    m_type->setAccessibleName(tr("SQL type"));
    m_generator->setAccessibleName(tr("Generator"));
    m_nullFraction->setAccessibleName(tr("Null fraction"));
    m_comment->setAccessibleName(tr("Comment"));

    auto *form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    form->addRow(tr("&Name:"), ProblemLabel::stack(m_name, m_nameProblem));
    form->addRow(tr("SQL &type:"), ProblemLabel::stack(m_type, m_typeProblem));
    form->addRow(tr("&Generator:"), createGeneratorCombo());
    auto *params = new QGroupBox(tr("Parameters"), this);
    auto *paramsLayout = new QVBoxLayout(params);
    paramsLayout->addWidget(m_form);
    auto *options = new QFormLayout;
    options->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    options->addRow(tr("N&ull fraction:"), ProblemLabel::stack(m_nullFraction, m_nullProblem));
    auto *flags = new QVBoxLayout;
    flags->addWidget(m_unique);
    flags->addWidget(m_primaryKey);
    flags->addWidget(m_hidden);
    flags->addWidget(m_keyProblem);
    options->addRow(tr("Values:"), flags);
    options->addRow(tr("C&omment:"), m_comment);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_title);
    layout->addWidget(m_general);
    layout->addLayout(form);
    layout->addWidget(params);
    layout->addLayout(options);
    layout->addStretch();

    connect(m_name, &QLineEdit::editingFinished, this,
            [this] { m_document->renameColumn(m_table, m_column, m_name->text().trimmed()); });
    auto setType = [this] {
        edit(tr("Change Type"),
             [this](ColumnSpec &c) { c.sqlType = m_type->currentText().trimmed(); });
    };
    connect(m_type, &QComboBox::textActivated, this, setType);
    connect(m_type->lineEdit(), &QLineEdit::editingFinished, this, setType);
    connect(m_generator, &QComboBox::activated, this, &ColumnInspector::onKindChosen);
    connect(m_form, &ParameterForm::edited, this,
            [this](const QJsonObject &p, const QString &name) {
                edit(tr("Edit %1").arg(name), [&p](ColumnSpec &c) { c.generator = p; });
            });
    connect(m_nullFraction, &QDoubleSpinBox::valueChanged, this, [this](double v) {
        edit(tr("Change Null Fraction"), [v](ColumnSpec &c) { c.nullFraction = v; });
    });
    connect(m_unique, &QCheckBox::toggled, this,
            [this](bool on) { edit(tr("Toggle Unique"), [on](ColumnSpec &c) { c.unique = on; }); });
    connect(m_primaryKey, &QCheckBox::toggled, this, [this](bool on) {
        edit(tr("Toggle Primary Key"), [on](ColumnSpec &c) { c.primaryKey = on; });
    });
    connect(m_hidden, &QCheckBox::toggled, this,
            [this](bool on) { edit(tr("Toggle Hidden"), [on](ColumnSpec &c) { c.hidden = on; }); });
    connect(m_comment, &QLineEdit::editingFinished, this, [this] {
        edit(tr("Edit Comment"), [this](ColumnSpec &c) { c.comment = m_comment->text(); });
    });
    connect(document, &SchemaDocument::columnChanged, this, [this](int t, int c) {
        if (t == m_table && c == m_column)
            refresh();
    });
    connect(document, &SchemaDocument::tableChanged, this, [this](int t) {
        if (t == m_table)
            refresh();
    });
    connect(document, &SchemaDocument::diagnosticsChanged, this, &ColumnInspector::showProblems);
    connect(document, &SchemaDocument::currentChanged, this, &ColumnInspector::setColumn);
    setColumn(document->currentTable(), document->currentColumn());
}

QWidget *ColumnInspector::createGeneratorCombo()
{
    // Kinds grouped by category under a non-selectable header, summaries as tooltips.
    auto *model = new QStandardItemModel(m_generator);
    QStringList categories;
    const QList<GeneratorInfo> &all = GeneratorRegistry::instance().all();
    for (const GeneratorInfo &info : all)
        if (!categories.contains(info.category))
            categories.append(info.category);
    for (const QString &category : std::as_const(categories)) {
        auto *header = new QStandardItem(registryText(category));
        header->setFlags(Qt::NoItemFlags);
        QFont bold = header->font();
        bold.setBold(true);
        header->setFont(bold);
        model->appendRow(header);
        for (const GeneratorInfo &info : all) {
            if (info.category != category)
                continue;
            auto *item = new QStandardItem(info.kind);
            item->setData(info.kind, Qt::UserRole);
            item->setToolTip(registryText(info.summary));
            model->appendRow(item);
        }
    }
    m_generator->setModel(model);
    m_generator->setMaxVisibleItems(30);
    auto *box = ProblemLabel::stack(m_generator, m_generatorProblem);
    box->layout()->addWidget(m_summary);
    return box;
}

void ColumnInspector::setColumn(int table, int column)
{
    m_table = table;
    m_column = column;
    refresh();
}

void ColumnInspector::refresh()
{
    const Schema &schema = m_document->schema();
    if (m_table < 0 || m_table >= schema.tables.size() || m_column < 0 ||
        m_column >= schema.tables[m_table].columns.size()) {
        m_table = m_column = -1;
        setEnabled(false);
        return;
    }
    setEnabled(true);
    const ColumnSpec &c = schema.tables[m_table].columns[m_column];
    m_title->setText(tr("Column %1.%2").arg(schema.tables[m_table].name, c.name));
    const QSignalBlocker b1(m_name), b2(m_type), b3(m_generator), b4(m_nullFraction), b5(m_unique),
        b6(m_primaryKey), b7(m_hidden), b8(m_comment);
    if (!m_name->hasFocus() || m_name->text() != c.name)
        m_name->setText(c.name);
    m_type->setEditText(c.sqlType);
    const QString kind = c.generator.value(QStringLiteral("kind")).toString();
    m_generator->setCurrentIndex(m_generator->findData(kind, Qt::UserRole));
    const GeneratorInfo *info = GeneratorRegistry::instance().find(kind);
    m_summary->setText(info ? registryText(info->summary) : QString());
    m_nullFraction->setValue(c.nullFraction);
    m_unique->setChecked(c.unique);
    m_primaryKey->setChecked(c.primaryKey);
    m_hidden->setChecked(c.hidden);
    if (m_comment->text() != c.comment)
        m_comment->setText(c.comment);
    const QString path = SchemaDocument::columnPath(m_table, m_column);
    m_form->setParameters(c.generator,
                          {m_document, m_table, m_column, path + QStringLiteral(".generator")});
    showProblems();
}

void ColumnInspector::showProblems()
{
    if (m_table < 0)
        return;
    const QString path = SchemaDocument::columnPath(m_table, m_column);
    QList<Diagnostic> general, name, type, generator, nulls, keys, params;
    const QList<Diagnostic> all = m_document->diagnosticsAt(path);
    for (const Diagnostic &d : all) {
        const QString rel = d.path.mid(path.size());
        if (rel == QLatin1String(".name"))
            name.append(d);
        else if (rel == QLatin1String(".type"))
            type.append(d);
        else if (rel == QLatin1String(".generator") || rel == QLatin1String(".generator.kind"))
            generator.append(d);
        else if (rel.startsWith(QLatin1String(".generator.")))
            params.append(d);
        else if (rel == QLatin1String(".nullFraction"))
            nulls.append(d);
        else if (rel == QLatin1String(".unique") || rel == QLatin1String(".primaryKey"))
            keys.append(d);
        else
            general.append(d);
    }
    generator.append(m_form->showProblems(params));
    m_general->setProblems(general);
    m_nameProblem->setProblems(name);
    m_typeProblem->setProblems(type);
    m_generatorProblem->setProblems(generator);
    m_nullProblem->setProblems(nulls);
    m_keyProblem->setProblems(keys);
}

void ColumnInspector::edit(const QString &actionText,
                           const std::function<void(ColumnSpec &)> &change)
{
    if (m_table < 0)
        return;
    ColumnSpec spec = m_document->schema().tables[m_table].columns[m_column];
    change(spec);
    m_document->setColumn(m_table, m_column, spec, actionText);
}

void ColumnInspector::onKindChosen(int index)
{
    const QString kind = m_generator->itemData(index, Qt::UserRole).toString();
    const ColumnSpec &old = m_document->schema().tables[m_table].columns[m_column];
    const QString oldKind = old.generator.value(QStringLiteral("kind")).toString();
    if (kind.isEmpty() || kind == oldKind)
        return;
    const GeneratorInfo *oldInfo = GeneratorRegistry::instance().find(oldKind);
    const GeneratorInfo *info = GeneratorRegistry::instance().find(kind);
    const QJsonObject params = ParameterForm::defaults(QStringLiteral("generator"), kind,
                                                       {m_document, m_table, m_column, {}});
    edit(tr("Change Generator"), [&](ColumnSpec &c) {
        c.generator = params;
        // A type that only followed the old generator's default follows the new one.
        if (info && (c.sqlType.isEmpty() || (oldInfo && c.sqlType == oldInfo->defaultSqlType)))
            c.sqlType = info->defaultSqlType;
    });
}

QWidget *ColumnInspector::editorFor(const QString &rest) const
{
    if (rest == QLatin1String("name"))
        return m_name;
    if (rest == QLatin1String("type"))
        return m_type;
    if (rest == QLatin1String("nullFraction"))
        return m_nullFraction;
    if (rest == QLatin1String("unique"))
        return m_unique;
    if (rest == QLatin1String("primaryKey"))
        return m_primaryKey;
    if (rest == QLatin1String("hidden"))
        return m_hidden;
    if (rest == QLatin1String("comment"))
        return m_comment;
    if (rest.startsWith(QLatin1String("generator."))) {
        const QString path =
            SchemaDocument::columnPath(m_table, m_column) + QLatin1Char('.') + rest;
        if (QWidget *editor = m_form->editorFor(path))
            return editor;
    }
    return rest.startsWith(QLatin1String("generator")) ? m_generator : nullptr;
}

} // namespace spillway
