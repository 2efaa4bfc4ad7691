#pragma once

// A form for the parameters of one generator (or fan-out count distribution), built from the
// JSON Schema shipped in resources (":/spillway/schema/spillway-schema.json"): integers and
// numbers get spin boxes, date/time patterns date-time editors, enums combo boxes, value lists
// a weighted-list editor, table and column names pickers, nested objects ("after") a sub-form.
// Optional parameters have a check box that adds or removes them. Edits are reported as a whole
// new parameter object through `edited`; problems are shown under the field they concern.

#include "base/diagnostics.h"

#include <QJsonObject>
#include <QWidget>

#include <functional>

class QFormLayout;

namespace spillway {

class SchemaDocument;

// Where the parameters live in the document and what the pickers may offer.
struct ParameterContext
{
    const SchemaDocument *document = nullptr;
    int table = -1;
    int column = -1;    // -1 for a table's fan-out count
    QString pathPrefix; // e.g. "tables[1].columns[2].generator"
};

class ParameterForm : public QWidget
{
    Q_OBJECT

public:
    struct Field; // one parameter's editor, label and problem line

    // `definition` names a $defs entry of the JSON Schema: "generator" or "countDistribution".
    explicit ParameterForm(const QString &definition, QWidget *parent = nullptr);
    ~ParameterForm() override;

    // Rebuilds the fields when the kind changed, otherwise only updates their values (so that
    // focus and cursor stay where the user is typing).
    void setParameters(const QJsonObject &parameters, const ParameterContext &context);
    QJsonObject parameters() const { return m_parameters; }
    // Shows each diagnostic under its field; returns those that matched no field.
    QList<Diagnostic> showProblems(const QList<Diagnostic> &problems);
    // The editor of the field a JSON path (e.g. "tables[1].columns[2].generator.max") concerns,
    // or its check box while an optional field is absent; null when no field matches.
    QWidget *editorFor(const QString &jsonPath) const;

    // The parameters a new generator of `kind` starts with: its required ones, filled sensibly
    // (GeneratorCatalog::startingParameters for the context's document and table).
    static QJsonObject defaults(const QString &definition, const QString &kind,
                                const ParameterContext &context);

signals:
    // `parameters` is the whole new object; `parameter` the name of the field that changed.
    void edited(const QJsonObject &parameters, const QString &parameter);

private:
    void rebuild();
    Field *fieldFor(const QString &jsonPath) const;
    void addFields(QFormLayout *form, const QJsonObject &properties, const QStringList &required,
                   const QString &prefix);
    void addField(QFormLayout *form, const QString &name, const QJsonObject &schema, bool required,
                  const QString &prefix);
    QWidget *createEditor(Field &field);
    void refreshValues();
    void showValue(Field &field, const QJsonValue &value, bool present);
    void commit(Field &field);
    QJsonValue editorValue(const Field &field) const;
    QStringList pickerItems(const Field &field) const;
    QJsonValue valueAt(const QString &path) const;
    void setValueAt(const QString &path, const QJsonValue &value);

    QString m_definition;
    QJsonObject m_parameters;
    ParameterContext m_context;
    QString m_builtKind;
    QList<Field *> m_fields;
    QWidget *m_body = nullptr;
};

} // namespace spillway
