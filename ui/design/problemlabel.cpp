#include "design/problemlabel.h"

#include "schema/problemplace.h"
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
    m_text->setTextFormat(Qt::PlainText);
    layout->addWidget(m_icon);
    layout->addWidget(m_text, 1);
    setAccessibleName(tr("Problem"));
    connect(m_text, &QLabel::linkActivated, this, &ProblemLabel::activateLink);
    hide();
}

void ProblemLabel::setProblems(const QStringList &messages)
{
    m_paths.clear();
    m_plain = messages.join(QLatin1Char('\n'));
    m_text->setTextFormat(Qt::PlainText);
    m_text->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_text->setText(m_plain);
    m_text->setToolTip(QString());
    m_text->setAccessibleDescription(m_plain);
    setVisible(!messages.isEmpty());
}

void ProblemLabel::setProblems(const QList<Diagnostic> &problems)
{
    QStringList messages;
    for (const Diagnostic &d : problems)
        messages.append(d.message);
    setProblems(messages);
}

void ProblemLabel::setProblems(const QList<Diagnostic> &problems, const Schema &schema)
{
    QStringList plain;
    QStringList links;
    m_paths.clear();
    for (const Diagnostic &d : problems) {
        const QString line = ProblemPlace::describe(schema, d);
        plain.append(line);
        // The link is the problem's position in m_paths: a JSON path is not a URL.
        links.append(
            QStringLiteral("<a href=\"%1\">%2</a>").arg(m_paths.size()).arg(line.toHtmlEscaped()));
        m_paths.append(d.path);
    }
    m_plain = plain.join(QLatin1Char('\n'));
    m_text->setTextFormat(Qt::RichText);
    m_text->setTextInteractionFlags(Qt::TextBrowserInteraction);
    m_text->setText(links.join(QStringLiteral("<br>")));
    m_text->setToolTip(tr("Click a problem to select its table or column"));
    m_text->setAccessibleDescription(m_plain);
    setVisible(!problems.isEmpty());
}

QString ProblemLabel::text() const
{
    return m_plain;
}

QStringList ProblemLabel::paths() const
{
    return m_paths;
}

void ProblemLabel::activateLink(const QString &link)
{
    bool ok = false;
    const int index = link.toInt(&ok);
    if (ok && index >= 0 && index < m_paths.size())
        emit problemActivated(m_paths.at(index));
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
