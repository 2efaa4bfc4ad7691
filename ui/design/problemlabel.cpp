#include "design/problemlabel.h"

#include "shell/icons.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QStyle>
#include <QVBoxLayout>

namespace spillway {

ProblemLabel::ProblemLabel(QWidget *parent)
    : QWidget(parent)
    , m_icon(new QLabel(this))
    , m_text(new QLabel(this))
{
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    const int size = style()->pixelMetric(QStyle::PM_SmallIconSize, nullptr, this);
    m_icon->setPixmap(Icons::warning().pixmap(size, size));
    m_icon->setAlignment(Qt::AlignTop);
    m_text->setWordWrap(true);
    m_text->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_icon);
    layout->addWidget(m_text, 1);
    setAccessibleName(tr("Problem"));
    hide();
}

void ProblemLabel::setProblems(const QStringList &messages)
{
    m_text->setText(messages.join(QLatin1Char('\n')));
    m_text->setAccessibleDescription(m_text->text());
    setVisible(!messages.isEmpty());
}

QString ProblemLabel::text() const
{
    return m_text->text();
}

void ProblemLabel::setProblems(const QList<Diagnostic> &problems)
{
    QStringList messages;
    for (const Diagnostic &d : problems)
        messages.append(d.message);
    setProblems(messages);
}

QWidget *ProblemLabel::stack(QWidget *editor, ProblemLabel *problem)
{
    auto *box = new QWidget;
    auto *v = new QVBoxLayout(box);
    v->setContentsMargins(0, 0, 0, 0);
    v->setSpacing(2);
    v->addWidget(editor);
    v->addWidget(problem);
    return box;
}

} // namespace spillway
