#pragma once

// The editor of an expression (the `expression` and `aggregate` generators) or a template: a
// small code editor that completes column names of the row, `parent.<column>`, `<ref>.<column>`
// and function names as you type (QCompleter, as in Qt's Custom Completer example), checks the
// text while you pause (the document's own validation, SchemaCompiler, run on a copy with the
// typed text) and underlines the place each problem names. Return or leaving the field
// commits; Shift+Return starts a new line in an expression.

#include "base/diagnostics.h"

#include <QPlainTextEdit>

class QCompleter;
class QStringListModel;
class QTimer;
class QToolButton;

namespace spillway {

class SchemaDocument;

class ExpressionField : public QPlainTextEdit
{
    Q_OBJECT

public:
    enum Mode { Expression, Template };

    explicit ExpressionField(Mode mode, QWidget *parent = nullptr);

    // Where the text lives: `parameter` of column `column`'s generator in table `table`. The
    // names offered are those of that row, or for an aggregate those of its child table's row.
    void setContext(const SchemaDocument *document, int table, int column,
                    const QString &parameter);
    Mode mode() const { return m_mode; }
    QString text() const { return toPlainText(); }
    // Replaces the text unless it is already shown (the cursor stays where the user types).
    void setText(const QString &text);
    QCompleter *completer() const { return m_completer; }
    // "Insert column…": a button with a menu of the readable names, grouped; for beside the field.
    QToolButton *createInsertButton(QWidget *parent);
    // Inserts a column name at the cursor (`{name}` in a template).
    void insertName(const QString &name);

    // Problems to show: underlines where their messages say ("at column 7 of the expression",
    // "at character 3 of the template"); returns the 0-based positions marked.
    QList<int> markProblems(const QStringList &messages);
    QList<int> markedPositions() const { return m_marked; }
    // The problems validation finds with the typed text, now (the pause timer calls it).
    QStringList checkNow();

signals:
    void editingFinished();
    // The live check's result, worded as `spillway-cli validate` words them.
    void problemsChecked(const QStringList &messages);

protected:
    void keyPressEvent(QKeyEvent *event) override;
    void focusOutEvent(QFocusEvent *event) override;

private:
    void updateCompletions();
    void complete();
    void insertCompletion(const QString &completion);
    QString wordBeforeCursor() const;
    int rowTable() const;
    void finish();

    Mode m_mode;
    const SchemaDocument *m_document = nullptr;
    int m_table = -1;
    int m_column = -1;
    QString m_parameter;
    QCompleter *m_completer;
    QStringListModel *m_words;
    QTimer *m_pause;
    QString m_committed; // the text last shown or committed, to commit only changes
    QList<int> m_marked;
};

} // namespace spillway
