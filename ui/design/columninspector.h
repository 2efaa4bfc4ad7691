#pragma once

// Edits the current column: name, SQL type, generator and its parameters, null fraction, unique,
// primary key, hidden, comment. Every edit goes through the SchemaDocument (undoable); problems
// are shown next to the field their JSON path names, in the words of `spillway-cli validate`.

#include <QWidget>

#include <functional>

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;

namespace spillway {

class ParameterForm;
class ProblemLabel;
class SchemaDocument;
struct ColumnSpec;

class ColumnInspector : public QWidget
{
    Q_OBJECT

public:
    explicit ColumnInspector(SchemaDocument *document, QWidget *parent = nullptr);

    // Shows column `column` of table `table` (the document's current column by default).
    void setColumn(int table, int column);
    int table() const { return m_table; }
    int column() const { return m_column; }

    // For tests and accessibility tools.
    QLineEdit *nameEdit() const { return m_name; }
    QComboBox *typeCombo() const { return m_type; }
    QComboBox *generatorCombo() const { return m_generator; }
    QDoubleSpinBox *nullFractionSpin() const { return m_nullFraction; }
    QCheckBox *uniqueCheck() const { return m_unique; }
    ParameterForm *parameterForm() const { return m_form; }
    // The editor of the shown column's part that `rest` names ("name", "generator.max"; see
    // ProblemPlace), for going to a problem; null when no editor matches.
    QWidget *editorFor(const QString &rest) const;

private:
    QWidget *createGeneratorCombo();
    void refresh();
    void showProblems();
    void edit(const QString &actionText, const std::function<void(ColumnSpec &)> &change);
    void onKindChosen(int index);

    SchemaDocument *m_document;
    int m_table = -1;
    int m_column = -1;
    QLabel *m_title;
    ProblemLabel *m_general;
    QLineEdit *m_name;
    ProblemLabel *m_nameProblem;
    QComboBox *m_type;
    ProblemLabel *m_typeProblem;
    QComboBox *m_generator;
    QLabel *m_summary;
    ProblemLabel *m_generatorProblem;
    ParameterForm *m_form;
    QDoubleSpinBox *m_nullFraction;
    ProblemLabel *m_nullProblem;
    QCheckBox *m_unique;
    QCheckBox *m_primaryKey;
    QCheckBox *m_hidden;
    ProblemLabel *m_keyProblem;
    QLineEdit *m_comment;
};

} // namespace spillway
