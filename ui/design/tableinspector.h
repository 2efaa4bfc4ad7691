#pragma once

// Edits the current table (name; a fixed row count, or rows per row of a parent table with a
// count distribution; comment) and the document's own settings (name, seed, description).
// Every edit goes through the SchemaDocument; problems show next to their field.

#include <QWidget>

#include <functional>

class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QStackedWidget;

namespace spillway {

class ParameterForm;
class ProblemLabel;
class SchemaDocument;
class TableKeysEditor;
struct TableSpec;

class TableInspector : public QWidget
{
    Q_OBJECT

public:
    explicit TableInspector(SchemaDocument *document, QWidget *parent = nullptr);

    void setTable(int table);
    int table() const { return m_table; }

    QLineEdit *nameEdit() const { return m_name; }
    QComboBox *modeCombo() const { return m_mode; }
    QDoubleSpinBox *rowsSpin() const { return m_rows; }
    QComboBox *parentCombo() const { return m_parent; }
    QComboBox *countKindCombo() const { return m_countKind; }
    ParameterForm *countForm() const { return m_countForm; }
    TableKeysEditor *keysEditor() const { return m_keys; }
    // The editor of the shown table's part that `rest` names ("rows", "rowsPerParent.count.max";
    // see ProblemPlace), for going to a problem; null when no editor matches.
    QWidget *editorFor(const QString &rest) const;

private:
    QWidget *createTableBox();
    QWidget *createSchemaBox();
    void refresh();
    void showProblems();
    void edit(const QString &actionText, const std::function<void(TableSpec &)> &change);
    void onModeChosen(int mode);

    SchemaDocument *m_document;
    int m_table = -1;
    QLabel *m_title;
    ProblemLabel *m_general;
    QLineEdit *m_name;
    ProblemLabel *m_nameProblem;
    QComboBox *m_mode;
    QStackedWidget *m_modePages;
    QDoubleSpinBox *m_rows;
    ProblemLabel *m_rowsProblem;
    QComboBox *m_parent;
    ProblemLabel *m_parentProblem;
    QComboBox *m_countKind;
    ParameterForm *m_countForm;
    ProblemLabel *m_countProblem;
    QLineEdit *m_comment;
    TableKeysEditor *m_keys;
    QLineEdit *m_schemaName;
    QLineEdit *m_seed;
    QLineEdit *m_description;
};

} // namespace spillway
