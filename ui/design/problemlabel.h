#pragma once

// A validation message shown next to the field it concerns: a warning icon and wrapped text in
// the palette's text colour (readable in light and dark themes). Hidden when there is none.

#include "base/diagnostics.h"

#include <QWidget>

class QLabel;

namespace spillway {

class ProblemLabel : public QWidget
{
    Q_OBJECT

public:
    explicit ProblemLabel(QWidget *parent = nullptr);
    void setProblems(const QStringList &messages); // empty hides the label
    void setProblems(const QList<Diagnostic> &problems);
    QString text() const;

    // An editor with its problem label under it, as one widget for a form row.
    static QWidget *stack(QWidget *editor, ProblemLabel *problem);

private:
    QLabel *m_icon;
    QLabel *m_text;
};

} // namespace spillway
