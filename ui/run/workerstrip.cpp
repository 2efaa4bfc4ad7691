#include "run/workerstrip.h"

#include <QCoreApplication>
#include <QPainter>
#include <QPainterPath>

namespace spillway {

WorkerStrip::WorkerStrip(QWidget *parent)
    : QWidget(parent)
{
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
}

QString WorkerStrip::stateName(WorkerState state)
{
    return QCoreApplication::translate("WorkerState",
                                       workerStateName(state).toLatin1().constData());
}

QColor WorkerStrip::stateColor(WorkerState state)
{
    switch (state) {
    case WorkerState::Idle:
        return QColor(0xc8, 0xc8, 0xc8);
    case WorkerState::Generating:
        return QColor(0x5b, 0x9b, 0xd5);
    case WorkerState::Connecting:
        return QColor(0xb3, 0x9d, 0xdb);
    case WorkerState::Copying:
        return QColor(0x4c, 0xaf, 0x50);
    case WorkerState::Committing:
        return QColor(0xf2, 0xb1, 0x34);
    case WorkerState::Retrying:
        return QColor(0xe5, 0x48, 0x48);
    case WorkerState::Done:
        return QColor(0x90, 0xa4, 0xae);
    }
    return Qt::gray;
}

void WorkerStrip::setStates(const QList<WorkerState> &states)
{
    if (states == m_states)
        return;
    const bool resized = states.size() != m_states.size();
    m_states = states;
    if (resized)
        updateGeometry();
    QStringList tip;
    for (int i = 0; i < m_states.size(); ++i)
        tip << tr("worker %1: %2").arg(i + 1).arg(stateName(m_states.at(i)));
    setToolTip(tip.join(QLatin1Char('\n')));
    update();
}

int WorkerStrip::chipWidth() const
{
    return fontMetrics().horizontalAdvance(QStringLiteral("88 · committing")) + 12;
}

QSize WorkerStrip::sizeHint() const
{
    const int rows = std::max<qsizetype>(1, (m_states.size() + 3) / 4);
    return {4 * (chipWidth() + 4), int(rows) * (fontMetrics().height() + 10)};
}

QSize WorkerStrip::minimumSizeHint() const
{
    return {chipWidth(), fontMetrics().height() + 10};
}

void WorkerStrip::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    const int w = chipWidth();
    const int h = fontMetrics().height() + 6;
    const int perRow = std::max(1, width() / (w + 4));
    if (m_states.isEmpty()) {
        p.setPen(palette().color(QPalette::PlaceholderText));
        p.drawText(rect(), Qt::AlignLeft | Qt::AlignVCenter,
                   tr("Worker states appear during an ingest"));
        return;
    }
    for (int i = 0; i < m_states.size(); ++i) {
        const QRectF chip((i % perRow) * (w + 4) + 1, (i / perRow) * (h + 4) + 1, w, h);
        QPainterPath path;
        path.addRoundedRect(chip, h / 2.0, h / 2.0);
        p.fillPath(path, stateColor(m_states.at(i)));
        p.setPen(Qt::black);
        p.drawText(chip, Qt::AlignCenter,
                   QStringLiteral("%1 · %2").arg(i + 1).arg(stateName(m_states.at(i))));
    }
}

} // namespace spillway
