#include "shell/chartstyle.h"

#include <QCategoryAxis>
#include <QChart>
#include <QChartView>
#include <QLegend>
#include <QPalette>

namespace spillway {

bool isDarkPalette(const QPalette &palette)
{
    return palette.color(QPalette::Base).lightness() < 128;
}

QColor chartColor(const QColor &color, const QPalette &palette)
{
    return isDarkPalette(palette) ? color.lighter(150) : color;
}

QColor chartSeriesColor(int index, const QPalette &palette)
{
    static const QColor hues[] = {QColor(0x1f, 0x6f, 0xb2), QColor(0xd9, 0x73, 0x0d),
                                  QColor(0x2e, 0x7d, 0x32), QColor(0x8e, 0x44, 0xad)};
    return chartColor(hues[index % 4], palette);
}

void applyChartPalette(QChart *chart, const QPalette &palette)
{
    const QColor text = palette.color(QPalette::Text);
    QColor grid = text;
    grid.setAlpha(isDarkPalette(palette) ? 55 : 40);
    QColor line = text;
    line.setAlpha(110);
    chart->setBackgroundBrush(palette.color(QPalette::Base));
    chart->setBackgroundPen(Qt::NoPen);
    chart->setPlotAreaBackgroundVisible(false);
    chart->setTitleBrush(text);
    chart->legend()->setLabelColor(text);
    chart->legend()->setMarkerShape(QLegend::MarkerShapeFromSeries);
    const auto axes = chart->axes();
    for (QAbstractAxis *axis : axes) {
        axis->setLabelsColor(text);
        axis->setTitleBrush(text);
        axis->setGridLineColor(grid);
        axis->setMinorGridLineColor(grid);
        axis->setLinePenColor(line);
    }
}

void applyChartPalette(QChartView *view)
{
    view->setBackgroundBrush(view->palette().color(QPalette::Base));
    applyChartPalette(view->chart(), view->palette());
}

QCategoryAxis *newTickAxis()
{
    auto *axis = new QCategoryAxis;
    axis->setLabelsPosition(QCategoryAxis::AxisLabelsPositionOnValue);
    return axis;
}

namespace {

bool sameTicks(QCategoryAxis *axis, const QList<AxisTick> &ticks)
{
    const QStringList labels = axis->categoriesLabels();
    if (labels.size() != ticks.size())
        return false;
    for (qsizetype i = 0; i < ticks.size(); ++i) {
        if (labels[i] != ticks[i].label || axis->endValue(labels[i]) != ticks[i].value)
            return false;
    }
    return true;
}

QCategoryAxis *replacement(QChart *chart, QCategoryAxis *axis)
{
    QCategoryAxis *fresh = newTickAxis();
    fresh->setTitleText(axis->titleText());
    fresh->setTitleFont(axis->titleFont());
    fresh->setTitleBrush(axis->titleBrush());
    fresh->setLabelsFont(axis->labelsFont());
    fresh->setLabelsColor(axis->labelsColor());
    fresh->setLinePen(axis->linePen());
    fresh->setGridLineVisible(axis->isGridLineVisible());
    fresh->setGridLinePen(axis->gridLinePen());
    fresh->setMinorGridLineColor(axis->minorGridLineColor());
    chart->addAxis(fresh, axis->alignment());
    const auto series = chart->series();
    for (QAbstractSeries *s : series) {
        if (s->attachedAxes().contains(axis)) {
            s->detachAxis(axis);
            s->attachAxis(fresh);
        }
    }
    chart->removeAxis(axis);
    axis->deleteLater(); // after Qt Charts has let go of its graphics
    return fresh;
}

} // namespace

QCategoryAxis *setAxisTicks(QChart *chart, QCategoryAxis *axis, const AxisTicks &ticks)
{
    QList<AxisTick> inside;
    for (const AxisTick &t : ticks.ticks) {
        if (t.value >= ticks.minimum && t.value <= ticks.maximum)
            inside.append(t);
    }
    if (!sameTicks(axis, inside)) {
        if (!axis->categoriesLabels().isEmpty() && chart->axes().contains(axis))
            axis = replacement(chart, axis);
        const QStringList old = axis->categoriesLabels();
        for (const QString &label : old) // an axis not drawn yet
            axis->remove(label);
        axis->setStartValue(ticks.minimum);
        for (const AxisTick &t : std::as_const(inside))
            axis->append(t.label, t.value);
    } else {
        axis->setStartValue(ticks.minimum);
    }
    axis->setRange(ticks.minimum, ticks.maximum);
    return axis;
}

} // namespace spillway
