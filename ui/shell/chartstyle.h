#pragma once

// How every chart of the window looks, in one place: colors from the widget's palette (so that
// a dark palette gives a dark chart with readable labels, grid and series), value axes with
// round ticks and readable labels from base/axisticks, and legend markers that show each series'
// line (a dashed mean looks dashed in the legend too). The designer's distributions, the
// dashboard's live charts and History's charts all use it.

#include "base/axisticks.h"

#include <QColor>

class QCategoryAxis;
class QChart;
class QChartView;
class QPalette;

namespace spillway {

bool isDarkPalette(const QPalette &palette);

// A series color readable on the palette's base: `color` as it is on a light base, lighter on
// a dark one.
QColor chartColor(const QColor &color, const QPalette &palette);
// The n-th of a few hues told apart by people with common color-vision deficiencies.
QColor chartSeriesColor(int index, const QPalette &palette);

// Background, title, legend text and every axis's labels, title, line and grid from the palette;
// legend markers drawn like their series. Series colors are the caller's (chartColor).
void applyChartPalette(QChart *chart, const QPalette &palette);
// The same for a view and its chart (the view's own background too).
void applyChartPalette(QChartView *view);

// A value axis whose labels sit on round tick values (a QCategoryAxis filled by setAxisTicks).
QCategoryAxis *newTickAxis();
// Shows `ticks` on `axis` of `chart` and returns the axis that shows them: `axis` itself when it
// had no ticks yet or keeps the same ones (a new range only: live charts call this on every
// update), else a new axis in its place, with its look and its series. Qt Charts 6.4 leaves the
// labels of removed categories on screen, so ticks are never removed from a drawn axis. `chart`
// may be null while `axis` has no ticks and is in no chart yet.
QCategoryAxis *setAxisTicks(QChart *chart, QCategoryAxis *axis, const AxisTicks &ticks);

} // namespace spillway
