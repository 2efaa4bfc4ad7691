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

void setAxisTicks(QCategoryAxis *axis, const AxisTicks &ticks)
{
    QStringList labels;
    for (const AxisTick &t : ticks.ticks) {
        if (t.value >= ticks.minimum && t.value <= ticks.maximum)
            labels.append(t.label);
    }
    if (axis->min() == ticks.minimum && axis->max() == ticks.maximum &&
        axis->categoriesLabels() == labels)
        return;
    const QStringList old = axis->categoriesLabels();
    for (const QString &label : old)
        axis->remove(label);
    axis->setStartValue(ticks.minimum);
    for (const AxisTick &t : ticks.ticks) {
        if (t.value >= ticks.minimum && t.value <= ticks.maximum)
            axis->append(t.label, t.value);
    }
    axis->setRange(ticks.minimum, ticks.maximum);
}

} // namespace spillway
