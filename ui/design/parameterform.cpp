#include "design/parameterform.h"

#include "design/parameterfield.h"

#include "design/expressionfield.h"
#include "design/expressionnames.h"
#include "design/problemlabel.h"
#include "design/schemadocument.h"
#include "design/weightedlistmodel.h"
#include "generators/generatorcatalog.h"
#include "schema/schemaio.h"

#include <QCheckBox>
#include <QComboBox>
#include <QCoreApplication>
#include <QDateTimeEdit>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QRegularExpressionValidator>
#include <QTableView>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

namespace spillway {

namespace {

// Shows numbers in their shortest form (0.99, not 0.990000).
class NumberBox : public QDoubleSpinBox
{
public:
    using QDoubleSpinBox::QDoubleSpinBox;
    QString textFromValue(double value) const override
    {
        QString text = locale().toString(value, 'f', decimals());
        if (decimals() > 0 && text.contains(locale().decimalPoint())) {
            while (text.endsWith(QLatin1Char('0')))
                text.chop(1);
            if (text.endsWith(locale().decimalPoint()))
                text.chop(1);
        }
        text.remove(locale().groupSeparator());
        return text;
    }
};

const QString kDateFormat = QStringLiteral("yyyy-MM-dd");
const QString kDateTimeFormat = QStringLiteral("yyyy-MM-dd HH:mm:ss");
const QString kTimeFormat = QStringLiteral("HH:mm:ss");

// The editors of createEditor(), one per family; `changed` commits the field's value.
using Changed = std::function<void()>;

QWidget *numberEditor(const ParameterForm::Field &field, QObject *context, const Changed &changed)
{
    auto *spin = new NumberBox;
    spin->setDecimals(field.type == ParameterType::Integer ? 0 : 6);
    const double lo =
        field.schema.value(QStringLiteral("minimum"))
            .toDouble(field.schema.value(QStringLiteral("exclusiveMinimum")).toDouble(-1e15));
    spin->setRange(lo, field.schema.value(QStringLiteral("maximum")).toDouble(1e15));
    spin->setKeyboardTracking(false);
    QObject::connect(spin, &QDoubleSpinBox::valueChanged, context, changed);
    return spin;
}

QWidget *comboEditor(const ParameterForm::Field &field, QObject *context, const Changed &changed)
{
    const bool isEnum = field.type == ParameterType::Enum;
    auto *combo = new QComboBox;
    combo->setEditable(!isEnum);
    if (isEnum)
        combo->addItems(toStrings(field.schema.value(QStringLiteral("enum")).toArray()));
    QObject::connect(combo, &QComboBox::textActivated, context, changed);
    if (combo->lineEdit())
        QObject::connect(combo->lineEdit(), &QLineEdit::editingFinished, context, changed);
    return combo;
}

QWidget *dateTimeEditor(const ParameterForm::Field &field, QObject *context, const Changed &changed)
{
    auto *edit = new QDateTimeEdit;
    edit->setDisplayFormat(field.type == ParameterType::Date   ? kDateFormat
                           : field.type == ParameterType::Time ? kTimeFormat
                                                               : kDateTimeFormat);
    edit->setCalendarPopup(field.type != ParameterType::Time);
    edit->setKeyboardTracking(false);
    QObject::connect(edit, &QDateTimeEdit::dateTimeChanged, context, changed);
    return edit;
}

// "+" and "−" beside the weighted list: add after the current row, remove it (keeping one).
QLayout *valueListButtons(QWidget *box, WeightedListModel *list, QTableView *view)
{
    auto *buttons = new QVBoxLayout;
    auto *add = new QToolButton(box);
    add->setText(ParameterForm::tr("+"));
    add->setToolTip(ParameterForm::tr("Add a value"));
    add->setAccessibleName(ParameterForm::tr("Add value"));
    auto *remove = new QToolButton(box);
    remove->setText(ParameterForm::tr("−"));
    remove->setToolTip(ParameterForm::tr("Remove the selected value"));
    remove->setAccessibleName(ParameterForm::tr("Remove value"));
    buttons->addWidget(add);
    buttons->addWidget(remove);
    buttons->addStretch();
    QObject::connect(add, &QToolButton::clicked, list, [list, view] {
        const int row =
            view->currentIndex().isValid() ? view->currentIndex().row() + 1 : list->rowCount();
        list->insertRows(row, 1);
    });
    QObject::connect(remove, &QToolButton::clicked, list, [list, view] {
        if (view->currentIndex().isValid() && list->rowCount() > 1)
            list->removeRows(view->currentIndex().row(), 1);
    });
    return buttons;
}

QWidget *valueListEditor(ParameterForm::Field &field, QObject *context, const Changed &changed)
{
    auto *box = new QWidget;
    auto *layout = new QHBoxLayout(box);
    layout->setContentsMargins(0, 0, 0, 0);
    field.list = new WeightedListModel(box);
    auto *view = new QTableView(box);
    view->setModel(field.list);
    view->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    view->verticalHeader()->setDefaultSectionSize(view->fontMetrics().height() + 6);
    view->setMinimumHeight(view->fontMetrics().height() * 9);
    view->setAccessibleName(ParameterForm::tr("Values and weights"));
    QLayout *buttons = valueListButtons(box, field.list, view);
    layout->addWidget(view, 1);
    layout->addLayout(buttons);
    QObject::connect(field.list, &WeightedListModel::listEdited, context, changed);
    return box;
}

QWidget *jsonEditor(QObject *context, const Changed &changed)
{
    auto *text = new QPlainTextEdit;
    text->setMinimumHeight(text->fontMetrics().height() * 8);
    text->setTabChangesFocus(true);
    auto *pause = new QTimer(text); // commit once typing pauses
    pause->setSingleShot(true);
    pause->setInterval(600);
    QObject::connect(text, &QPlainTextEdit::textChanged, pause, qOverload<>(&QTimer::start));
    QObject::connect(pause, &QTimer::timeout, context, changed);
    return text;
}

// A pattern's problems, with the same words as `spillway-cli validate`.
QStringList patternProblems(const QString &pattern)
{
    const QJsonObject generator{{QStringLiteral("kind"), QStringLiteral("pattern")},
                                {QStringLiteral("pattern"), pattern}};
    const QJsonObject column{{QStringLiteral("name"), QStringLiteral("c")},
                             {QStringLiteral("generator"), generator}};
    const QJsonObject table{{QStringLiteral("name"), QStringLiteral("t")},
                            {QStringLiteral("rows"), 1},
                            {QStringLiteral("columns"), QJsonArray{column}}};
    const QByteArray json =
        QJsonDocument(QJsonObject{{QStringLiteral("tables"), QJsonArray{table}}}).toJson();
    QStringList messages;
    const QList<Diagnostic> found = SchemaIO::validate(json).items();
    for (const Diagnostic &d : found)
        messages.append(d.message);
    return messages;
}

// The text of an expression or aggregate generator's "expression", or a template: an editor
// that completes the names the row can read and checks as the user types.
bool isExpressionText(const QString &kind, const QString &path)
{
    return (path == QLatin1String("expression") &&
            (kind == QLatin1String("expression") || kind == QLatin1String("aggregate"))) ||
           (path == QLatin1String("template") && kind == QLatin1String("template"));
}

QWidget *expressionEditor(ParameterForm::Field &field, const QString &kind, QObject *context,
                          const Changed &changed)
{
    auto *box = new QWidget;
    auto *layout = new QHBoxLayout(box);
    layout->setContentsMargins(0, 0, 0, 0);
    field.expression = new ExpressionField(
        kind == QLatin1String("template") ? ExpressionField::Template : ExpressionField::Expression,
        box);
    field.expression->setAccessibleName(field.name);
    QToolButton *insert = field.expression->createInsertButton(box);
    layout->addWidget(field.expression, 1);
    layout->addWidget(insert, 0, Qt::AlignTop);
    ParameterForm::Field *f = &field;
    QObject::connect(field.expression, &ExpressionField::editingFinished, context, changed);
    QObject::connect(field.expression, &ExpressionField::problemsChecked, context,
                     [f](const QStringList &messages) { f->problem->setProblems(messages); });
    return box;
}

QWidget *lineEditor(ParameterForm::Field &field, QObject *context, const Changed &changed)
{
    auto *line = new QLineEdit;
    if (field.type == ParameterType::StringList || field.type == ParameterType::NumberList)
        line->setPlaceholderText(ParameterForm::tr("comma-separated"));
    if (field.type == ParameterType::Duration)
        line->setPlaceholderText(ParameterForm::tr("seconds, or e.g. 90s, 15 min, 2h, 3 days"));
    if (field.type == ParameterType::Pattern) {
        // Checked as the user types.
        ParameterForm::Field *f = &field;
        QObject::connect(line, &QLineEdit::textEdited, context, [f](const QString &text) {
            f->problem->setProblems(patternProblems(text));
        });
    }
    QObject::connect(line, &QLineEdit::editingFinished, context, changed);
    return line;
}

// The value shown by refreshValues() in the editors that need more than a setter.
void showDateTime(QDateTimeEdit *edit, const QJsonValue &value, bool isTime)
{
    const QDateTime parsed =
        QDateTime::fromString(value.toString().left(19).replace(QLatin1Char('T'), QLatin1Char(' ')),
                              edit->displayFormat());
    if (parsed.isValid())
        edit->setDateTime(parsed);
    else if (isTime)
        edit->setTime(QTime::fromString(value.toString().left(8), kTimeFormat));
}

void showJson(QPlainTextEdit *text, const QJsonValue &value, bool present)
{
    // Text that already parses to the value stays as typed.
    const QJsonDocument shown = QJsonDocument::fromJson(text->toPlainText().toUtf8());
    if (present && shown.object() != value.toObject())
        text->setPlainText(
            QString::fromUtf8(QJsonDocument(value.toObject()).toJson(QJsonDocument::Indented)));
}

void showText(QLineEdit *line, const QJsonValue &value, bool isList)
{
    QString text = value.isString() ? value.toString() : value.toVariant().toString();
    if (isList) {
        QStringList items;
        for (const QJsonValue &v : value.toArray())
            items.append(v.isString() ? v.toString() : v.toVariant().toString());
        text = items.join(QStringLiteral(", "));
    }
    if (line->text() != text)
        line->setText(text);
}

} // namespace

ParameterForm::ParameterForm(const QString &definition, QWidget *parent)
    : QWidget(parent)
    , m_definition(definition)
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
}

ParameterForm::~ParameterForm()
{
    qDeleteAll(m_fields);
}

void ParameterForm::setParameters(const QJsonObject &parameters, const ParameterContext &context)
{
    const QString kind = parameters.value(QStringLiteral("kind")).toString();
    const bool sameContext = context.document == m_context.document &&
                             context.table == m_context.table && context.column == m_context.column;
    m_parameters = parameters;
    m_context = context;
    if (kind != m_builtKind || !sameContext || !m_body) {
        m_builtKind = kind;
        rebuild();
    }
    refreshValues();
}

void ParameterForm::rebuild()
{
    qDeleteAll(m_fields);
    m_fields.clear();
    delete m_body;
    m_body = new QWidget(this);
    layout()->addWidget(m_body);
    auto *form = new QFormLayout(m_body);
    form->setContentsMargins(0, 0, 0, 0);
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    const QJsonObject then = GeneratorCatalog::kindSchema(m_builtKind, m_definition);
    addFields(form, then.value(QStringLiteral("properties")).toObject(),
              toStrings(then.value(QStringLiteral("required")).toArray()), QString());
    if (m_fields.isEmpty())
        form->addRow(new QLabel(m_builtKind.isEmpty() ? QString() : tr("No parameters."), m_body));
}

void ParameterForm::addFields(QFormLayout *form, const QJsonObject &properties,
                              const QStringList &required, const QString &prefix)
{
    const QStringList names = GeneratorCatalog::orderedNames(properties);
    for (const QString &name : std::as_const(names)) {
        // "weights" is edited together with "values" in the weighted-list editor.
        if (name == QLatin1String("kind") || name == QLatin1String("weights"))
            continue;
        addField(form, name, properties.value(name).toObject(), required.contains(name), prefix);
    }
}

void ParameterForm::addField(QFormLayout *form, const QString &name, const QJsonObject &schema,
                             bool required, const QString &prefix)
{
    auto *field = new Field;
    field->name = name;
    field->path = prefix + name;
    field->schema = schema;
    field->required = required;
    field->type = GeneratorCatalog::parameterType(name, schema);
    // Only reference and parent name a key column of another table; "column" elsewhere (after,
    // uuid v7) is a column of this row.
    const QString kind = m_parameters.value(QStringLiteral("kind")).toString();
    field->rowColumn = field->type == ParameterType::ColumnRef &&
                       (!prefix.isEmpty() ||
                        (kind != QLatin1String("reference") && kind != QLatin1String("parent")));
    m_fields.append(field);
    // The JSON Schema's description, translated (scripts/update-translations.sh extracts them).
    const QString tip = QCoreApplication::translate(
        "JsonSchema", schema.value(QStringLiteral("description")).toString().toUtf8().constData());

    if (field->type == ParameterType::Object) {
        field->group = new QGroupBox(name, form->parentWidget());
        field->group->setCheckable(true);
        field->group->setToolTip(tip);
        auto *sub = new QFormLayout(field->group);
        field->problem = new ProblemLabel(field->group);
        sub->addRow(field->problem);
        addFields(sub, schema.value(QStringLiteral("properties")).toObject(),
                  toStrings(schema.value(QStringLiteral("required")).toArray()),
                  name + QLatin1Char('.'));
        connect(field->group, &QGroupBox::toggled, this, [this, field] { commit(*field); });
        form->addRow(field->group);
        return;
    }
    QWidget *label;
    if (required) {
        label = new QLabel(name, form->parentWidget());
    } else {
        field->toggle = new QCheckBox(name, form->parentWidget());
        field->toggle->setAccessibleName(tr("Set %1").arg(name));
        connect(field->toggle, &QCheckBox::toggled, this, [this, field](bool on) {
            field->editor->setEnabled(on);
            commit(*field);
        });
        label = field->toggle;
    }
    label->setToolTip(tip);
    auto *box = new QWidget(form->parentWidget());
    auto *v = new QVBoxLayout(box);
    v->setContentsMargins(0, 0, 0, 0);
    v->setSpacing(2);
    field->editor = createEditor(*field);
    field->editor->setAccessibleName(name);
    field->editor->setToolTip(tip);
    field->problem = new ProblemLabel(box);
    v->addWidget(field->editor);
    v->addWidget(field->problem);
    form->addRow(label, box);
}

QWidget *ParameterForm::createEditor(Field &field)
{
    Field *f = &field;
    const Changed changed = [this, f] { commit(*f); };
    if (isExpressionText(m_builtKind, field.path))
        return expressionEditor(field, m_builtKind, this, changed);
    switch (field.type) {
    case ParameterType::Integer:
    case ParameterType::Number:
        return numberEditor(field, this, changed);
    case ParameterType::Boolean: {
        auto *check = new QCheckBox(tr("yes"));
        connect(check, &QCheckBox::toggled, this, changed);
        return check;
    }
    case ParameterType::Enum:
    case ParameterType::TableRef:
    case ParameterType::ColumnRef:
        return comboEditor(field, this, changed);
    case ParameterType::Date:
    case ParameterType::DateTime:
    case ParameterType::Time:
        return dateTimeEditor(field, this, changed);
    case ParameterType::ValueList:
        return valueListEditor(field, this, changed);
    case ParameterType::Json:
        return jsonEditor(this, changed);
    default:
        return lineEditor(field, this, changed);
    }
}

QJsonValue ParameterForm::valueAt(const QString &path) const
{
    const int dot = path.indexOf(QLatin1Char('.'));
    if (dot < 0)
        return m_parameters.value(path);
    return m_parameters.value(path.left(dot)).toObject().value(path.mid(dot + 1));
}

void ParameterForm::setValueAt(const QString &path, const QJsonValue &value)
{
    const int dot = path.indexOf(QLatin1Char('.'));
    if (dot < 0) {
        if (value.isUndefined())
            m_parameters.remove(path);
        else
            m_parameters.insert(path, value);
        return;
    }
    QJsonObject inner = m_parameters.value(path.left(dot)).toObject();
    if (value.isUndefined())
        inner.remove(path.mid(dot + 1));
    else
        inner.insert(path.mid(dot + 1), value);
    m_parameters.insert(path.left(dot), inner);
}

static void setComboItems(QComboBox *combo, const QStringList &items, const QString &current)
{
    const QSignalBlocker blocker(combo);
    QStringList existing;
    for (int i = 0; i < combo->count(); ++i)
        existing.append(combo->itemText(i));
    if (existing != items) {
        combo->clear();
        combo->addItems(items);
    }
    combo->setCurrentIndex(combo->findText(current));
    if (combo->isEditable())
        combo->setEditText(current);
}

QStringList ParameterForm::pickerItems(const Field &field) const
{
    QStringList items;
    if (!m_context.document || m_context.table < 0)
        return items;
    const Schema &schema = m_context.document->schema();
    const TableSpec &own = schema.tables[m_context.table];
    if (field.type == ParameterType::TableRef) {
        for (const TableSpec &t : schema.tables)
            if (t.name != own.name)
                items.append(t.name);
    } else if (field.type == ParameterType::ColumnRef && !field.rowColumn) {
        const bool parent = m_builtKind == QLatin1String("parent");
        const QString table = parent ? (own.perParent ? own.perParent->parent : QString())
                                     : valueAt(QStringLiteral("table")).toString();
        items = GeneratorCatalog::keyColumns(schema, table);
    } else if (field.type == ParameterType::ColumnRef &&
               field.path == QLatin1String("after.column")) {
        // "after" may follow the parent row's or a looked-up row's column too.
        items = flatExpressionNames(expressionNames(schema, m_context.table, m_context.column));
    } else if (field.type == ParameterType::ColumnRef) {
        for (int c = 0; c < own.columns.size(); ++c)
            if (c != m_context.column)
                items.append(own.columns[c].name);
    }
    return items;
}

void ParameterForm::refreshValues()
{
    for (Field *f : std::as_const(m_fields)) {
        const QJsonValue value = valueAt(f->path);
        const bool present = !value.isUndefined() && !value.isNull();
        if (f->group) {
            const QSignalBlocker blocker(f->group);
            f->group->setChecked(present);
            continue;
        }
        if (f->toggle) {
            const QSignalBlocker blocker(f->toggle);
            f->toggle->setChecked(present);
            f->editor->setEnabled(present);
        }
        const QSignalBlocker blocker(f->editor);
        showValue(*f, value, present);
    }
}

void ParameterForm::showValue(Field &f, const QJsonValue &value, bool present)
{
    if (f.expression) {
        f.expression->setContext(m_context.document, m_context.table, m_context.column, f.path);
        f.expression->setText(value.toString());
        return;
    }
    switch (f.type) {
    case ParameterType::Integer:
    case ParameterType::Number:
        // Unset, the box shows the default the generator will use (if the schema names one).
        if (present || f.schema.value(QStringLiteral("default")).isDouble())
            static_cast<QDoubleSpinBox *>(f.editor)->setValue(
                present ? value.toDouble() : f.schema.value(QStringLiteral("default")).toDouble());
        break;
    case ParameterType::Boolean:
        static_cast<QCheckBox *>(f.editor)->setChecked(value.toBool());
        break;
    case ParameterType::Enum:
        setComboItems(static_cast<QComboBox *>(f.editor),
                      toStrings(f.schema.value(QStringLiteral("enum")).toArray()),
                      value.toString());
        break;
    case ParameterType::TableRef:
    case ParameterType::ColumnRef:
        setComboItems(static_cast<QComboBox *>(f.editor), pickerItems(f), value.toString());
        break;
    case ParameterType::Date:
    case ParameterType::DateTime:
    case ParameterType::Time:
        showDateTime(static_cast<QDateTimeEdit *>(f.editor), value, f.type == ParameterType::Time);
        break;
    case ParameterType::ValueList: {
        const QJsonArray values = value.toArray();
        const QJsonArray weights = valueAt(QStringLiteral("weights")).toArray();
        if (f.list->values() != values || f.list->weights() != weights)
            f.list->setList(values, weights);
        break;
    }
    case ParameterType::Json:
        showJson(static_cast<QPlainTextEdit *>(f.editor), value, present);
        break;
    default:
        showText(static_cast<QLineEdit *>(f.editor), value,
                 f.type == ParameterType::StringList || f.type == ParameterType::NumberList);
    }
}

QJsonValue ParameterForm::editorValue(const Field &f) const
{
    if (f.expression)
        return f.expression->text();
    switch (f.type) {
    case ParameterType::Integer:
        return qint64(static_cast<QDoubleSpinBox *>(f.editor)->value());
    case ParameterType::Number:
        return static_cast<QDoubleSpinBox *>(f.editor)->value();
    case ParameterType::Boolean:
        return static_cast<QCheckBox *>(f.editor)->isChecked();
    case ParameterType::Enum:
    case ParameterType::TableRef:
    case ParameterType::ColumnRef:
        return static_cast<QComboBox *>(f.editor)->currentText();
    case ParameterType::Date:
    case ParameterType::DateTime:
    case ParameterType::Time: {
        auto *edit = static_cast<QDateTimeEdit *>(f.editor);
        return edit->dateTime().toString(edit->displayFormat());
    }
    case ParameterType::ValueList:
        return f.list->values();
    case ParameterType::Json:
        return QJsonDocument::fromJson(
                   static_cast<QPlainTextEdit *>(f.editor)->toPlainText().toUtf8())
            .object();
    case ParameterType::StringList:
    case ParameterType::NumberList: {
        QJsonArray items;
        const QStringList parts =
            static_cast<QLineEdit *>(f.editor)->text().split(QLatin1Char(','), Qt::SkipEmptyParts);
        for (const QString &part : parts) {
            bool number = false;
            const double d = part.trimmed().toDouble(&number);
            if (f.type == ParameterType::NumberList && number)
                items.append(d);
            else if (!part.trimmed().isEmpty())
                items.append(part.trimmed());
        }
        return items;
    }
    default: {
        const QString text = static_cast<QLineEdit *>(f.editor)->text().trimmed();
        bool number = false;
        const double d = text.toDouble(&number);
        const QJsonValue old = valueAt(f.path);
        if (f.type == ParameterType::Duration)
            return number ? QJsonValue(d) : QJsonValue(text);
        if (f.type == ParameterType::Scalar && old.isDouble() && number)
            return d;
        if (f.type == ParameterType::Scalar && old.isBool() &&
            (text == QLatin1String("true") || text == QLatin1String("false")))
            return text == QLatin1String("true");
        return text;
    }
    }
}

void ParameterForm::commit(Field &field)
{
    if (field.group) {
        const bool on = field.group->isChecked();
        if (on && valueAt(field.path).isUndefined()) {
            QStringList others;
            if (m_context.document && m_context.table >= 0)
                for (const ColumnSpec &c :
                     m_context.document->schema().tables[m_context.table].columns)
                    others.append(c.name);
            others.removeAt(m_context.column);
            setValueAt(field.path, QJsonObject{{QStringLiteral("column"), others.value(0)},
                                               {QStringLiteral("max"), QStringLiteral("1 day")}});
        } else if (!on) {
            setValueAt(field.path, QJsonValue::Undefined);
        }
    } else if (field.toggle && !field.toggle->isChecked()) {
        setValueAt(field.path, QJsonValue::Undefined);
    } else if (field.type == ParameterType::Json) {
        QJsonParseError error;
        const QJsonDocument doc = QJsonDocument::fromJson(
            static_cast<QPlainTextEdit *>(field.editor)->toPlainText().toUtf8(), &error);
        if (!doc.isObject()) {
            field.problem->setProblems(
                {error.error != QJsonParseError::NoError
                     ? tr("not valid JSON (%1 at character %2): the change is kept here only")
                           .arg(error.errorString())
                           .arg(error.offset)
                     : tr("must be a JSON object such as {\"kind\": \"uniform\", \"min\": 1, "
                          "\"max\": 9}")});
            return;
        }
        setValueAt(field.path, doc.object());
    } else {
        setValueAt(field.path, editorValue(field));
        if (field.type == ParameterType::ValueList) {
            const QJsonArray weights = field.list->weights();
            setValueAt(QStringLiteral("weights"),
                       weights.isEmpty() ? QJsonValue(QJsonValue::Undefined) : QJsonValue(weights));
        }
        const bool hasColumn = GeneratorCatalog::kindSchema(m_builtKind, m_definition)
                                   .value(QStringLiteral("properties"))
                                   .toObject()
                                   .contains(QStringLiteral("column"));
        if (field.type == ParameterType::TableRef && m_context.document && hasColumn) {
            // A new table: pick one of its keys unless the column still fits.
            const QStringList keys = GeneratorCatalog::keyColumns(m_context.document->schema(),
                                                                  editorValue(field).toString());
            if (!keys.contains(valueAt(QStringLiteral("column")).toString()))
                setValueAt(QStringLiteral("column"), keys.value(0));
        }
    }
    emit edited(m_parameters, field.path);
}

ParameterForm::Field *ParameterForm::fieldFor(const QString &jsonPath) const
{
    const QString prefix = m_context.pathPrefix + QLatin1Char('.');
    if (!jsonPath.startsWith(prefix))
        return nullptr;
    const QString rel = jsonPath.mid(prefix.size());
    Field *best = nullptr;
    for (Field *f : std::as_const(m_fields)) {
        const bool match =
            rel == f->path || rel.startsWith(f->path + QLatin1Char('[')) ||
            rel.startsWith(f->path + QLatin1Char('.')) ||
            (f->type == ParameterType::ValueList && rel.startsWith(QLatin1String("weights")));
        if (match && (!best || f->path.size() > best->path.size()))
            best = f;
    }
    return best;
}

QWidget *ParameterForm::editorFor(const QString &jsonPath) const
{
    const Field *f = fieldFor(jsonPath);
    if (!f)
        return nullptr;
    if (f->expression && f->editor->isEnabled())
        return f->expression;
    if (f->editor && f->editor->isEnabled())
        return f->editor;
    return f->toggle ? static_cast<QWidget *>(f->toggle) : f->editor;
}

QList<Diagnostic> ParameterForm::showProblems(const QList<Diagnostic> &problems)
{
    QHash<Field *, QStringList> byField;
    QList<Diagnostic> unmatched;
    for (const Diagnostic &d : problems) {
        if (Field *best = fieldFor(d.path))
            byField[best].append(d.message);
        else
            unmatched.append(d);
    }
    for (Field *f : std::as_const(m_fields)) {
        f->problem->setProblems(byField.value(f));
        if (f->expression)
            f->expression->markProblems(byField.value(f));
    }
    return unmatched;
}

} // namespace spillway
