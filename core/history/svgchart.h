#pragma once

// A line chart drawn as inline SVG, for reports that must stand alone: no scripts, no external
// files, no Gui module. Lines may have gaps (NaN values: not measured at that point).

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

    // 1.2M, 45k, 950, 0.25: axis labels.
    static QString compactNumber(double value);
    // A round step (1, 2 or 5 × 10^n) giving about `ticks` intervals up to `max`.
    static double niceStep(double max, int ticks);

    struct Frame; // plot geometry, svgchart.cpp's own

private:
    QString axes(const Frame &frame, double yStep, double xStep, double xMax, int height) const;
    QString legend(int width) const;

    QString m_title, m_xLabel, m_yLabel;
    QList<SvgLine> m_lines;
};

} // namespace spillway
