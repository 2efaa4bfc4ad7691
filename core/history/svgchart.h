#pragma once

// A line chart drawn as inline SVG, for reports that must stand alone: no scripts, no external
// files, no Gui module. Lines may have gaps (NaN values: not measured at that point). Axes tick
// at round values (base/axisticks: 0, 5k, 10k; 0 s, 30 s, 1:00). The chart's parts carry classes
// (bg, grid, tick, axis, title, legend) so that a page's style can recolor them, e.g. for a dark
// color scheme.

#include "base/axisticks.h"

#include <QList>
#include <QPointF>
#include <QString>

namespace spillway {

struct SvgLine
{
    QString name;
    QList<QPointF> points; // x ascending; a NaN y breaks the line
    QString color;         // any SVG color, e.g. "#1f77b4"
    bool dashed = false;   // for means and other reference lines
};

class SvgChart
{
public:
    SvgChart(const QString &title, const QString &xLabel, const QString &yLabel);

    void addLine(const SvgLine &line);
    // A dashed horizontal line across the chart, e.g. the mean.
    void addLevel(const QString &name, double y, const QString &color);
    bool isEmpty() const { return m_lines.isEmpty(); }

    // An <svg> element (text already escaped), width × height user units, scaling to its box.
    QString toSvg(int width = 760, int height = 260) const;

    struct Frame; // plot geometry, svgchart.cpp's own

private:
    QString axes(const Frame &frame, const AxisTicks &y, const AxisTicks &x, int height) const;
    QString legend(int width) const;

    QString m_title, m_xLabel, m_yLabel;
    QList<SvgLine> m_lines;
};

} // namespace spillway
