#pragma once

// Per-worker state as a row of colored chips ("3 · copying"), repainted once per snapshot.

#include "run/metrics.h"

#include <QWidget>

namespace spillway {

class WorkerStrip : public QWidget
{
    Q_OBJECT

public:
    explicit WorkerStrip(QWidget *parent = nullptr);

    void setStates(const QList<WorkerState> &states);
    const QList<WorkerState> &states() const { return m_states; }

    static QString stateName(WorkerState state);
    static QColor stateColor(WorkerState state);

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    int chipWidth() const;
    QList<WorkerState> m_states;
};

} // namespace spillway
