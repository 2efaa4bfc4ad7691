#pragma once

// A validation message shown next to the field it concerns: a warning icon and wrapped text in
// the palette's text colour (readable in light and dark themes). Hidden when there is none.
// Given the schema, it lists problems of any place instead, worded `table.column: rest: message`
// (ProblemPlace), each a link that emits problemActivated() with the problem's JSON path.

#include "base/diagnostics.h"

#include <QWidget>

class QLabel;

namespace spillway {

struct Schema;

class ProblemLabel : public QWidget
{
    Q_OBJECT

public:
    explicit ProblemLabel(QWidget *parent = nullptr);
    void setProblems(const QStringList &messages); // empty hides the label
    void setProblems(const QList<Diagnostic> &problems);
    // Problems anywhere in `schema`, named by table and column, each clickable.
    void setProblems(const QList<Diagnostic> &problems, const Schema &schema);
    QString text() const;      // as shown, without markup
    QStringList paths() const; // JSON paths of the clickable problems, in order

    // An editor with its problem label under it, as one widget for a form row.
    static QWidget *stack(QWidget *editor, ProblemLabel *problem);

signals:
    // A listed problem was clicked (or activated from the keyboard).
    void problemActivated(const QString &jsonPath);

private:
    void activateLink(const QString &link);

    QLabel *m_icon;
    QLabel *m_text;
    QStringList m_paths;
    QString m_plain;
};

} // namespace spillway
