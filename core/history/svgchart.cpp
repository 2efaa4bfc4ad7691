#include "history/svgchart.h"

#include <algorithm>
#include <cmath>

namespace spillway {
namespace {

constexpr int kLeft = 64, kRight = 16, kTop = 34, kBottom = 40;

} // namespace

struct SvgChart::Frame
{
    double xMax = 1, yMax = 1;
    double left = kLeft, top = kTop, width = 0, height = 0;

    double px(double x) const { return left + x / xMax * width; }
    double py(double y) const { return top + height - y / yMax * height; }
};

namespace {

QString num(double v)
{
    return QString::number(v, 'f', 1);
}

// The polylines of one line: a NaN value ends a segment.
QString polylines(const SvgLine &line, const SvgChart::Frame &f)
{
    QString out, points;
    const QString dash = line.dashed ? QStringLiteral(" stroke-dasharray=\"6 4\"") : QString();
    auto flush = [&]() {
        if (!points.isEmpty())
            out += QStringLiteral(
                       "<polyline class=\"line\" fill=\"none\" stroke=\"%1\" stroke-width=\"1.6\" "
                       "stroke-linejoin=\"round\"%2 points=\"%3\"/>\n")
                       .arg(line.color.toHtmlEscaped(), dash, points.trimmed());
        points.clear();
    };
    for (const QPointF &p : line.points) {
        if (std::isnan(p.y()) || std::isnan(p.x())) {
            flush();
            continue;
        }
        points += num(f.px(p.x())) + QLatin1Char(',') + num(f.py(p.y())) + QLatin1Char(' ');
    }
    flush();
    return out;
}

QString text(double x, double y, const QString &s, const QString &anchor, const QString &extra = {})
{
    return QStringLiteral("<text x=\"%1\" y=\"%2\" text-anchor=\"%3\"%4>%5</text>\n")
        .arg(num(x), num(y), anchor, extra, s.toHtmlEscaped());
}

} // namespace

SvgChart::SvgChart(const QString &title, const QString &xLabel, const QString &yLabel)
    : m_title(title)
    , m_xLabel(xLabel)
    , m_yLabel(yLabel)
{}

void SvgChart::addLine(const SvgLine &line)
{
    m_lines.append(line);
}

void SvgChart::addLevel(const QString &name, double y, const QString &color)
{
    double xMax = 0;
    for (const SvgLine &l : std::as_const(m_lines)) {
        for (const QPointF &p : l.points)
            xMax = std::max(xMax, p.x());
    }
    m_lines.append({name, {QPointF(0, y), QPointF(xMax, y)}, color, true});
}

// Grid lines, tick labels and axis titles.
QString SvgChart::axes(const Frame &f, const AxisTicks &y, const AxisTicks &x, int height) const
{
    QString svg = QStringLiteral("<g class=\"grid\" stroke=\"#d9dde3\" stroke-width=\"1\">\n");
    for (const AxisTick &t : y.ticks)
        svg += QStringLiteral("<line x1=\"%1\" y1=\"%2\" x2=\"%3\" y2=\"%2\"/>\n")
                   .arg(num(f.left), num(f.py(t.value)), num(f.left + f.width));
    svg += QStringLiteral("</g>\n<g class=\"tick\" font-size=\"11\" fill=\"#555b66\">\n");
    for (const AxisTick &t : y.ticks)
        svg += text(f.left - 6, f.py(t.value) + 4, t.label, QStringLiteral("end"));
    for (const AxisTick &t : x.ticks)
        svg += text(f.px(t.value), f.top + f.height + 16, t.label, QStringLiteral("middle"));
    svg += text(f.left + f.width / 2, height - 6, m_xLabel, QStringLiteral("middle"));
    svg += text(14, f.top + f.height / 2, m_yLabel, QStringLiteral("middle"),
                QStringLiteral(" transform=\"rotate(-90 14 %1)\"").arg(num(f.top + f.height / 2)));
    svg += QStringLiteral("</g>\n<line class=\"axis\" x1=\"%1\" y1=\"%2\" x2=\"%3\" y2=\"%2\" "
                          "stroke=\"#8a919c\"/>\n")
               .arg(num(f.left), num(f.top + f.height), num(f.left + f.width));
    return svg;
}

// The legend, right-aligned above the plot (text widths estimated: no font metrics in core).
QString SvgChart::legend(int width) const
{
    double x = width - kRight;
    QString svg = QStringLiteral("<g class=\"legend\" font-size=\"12\" fill=\"#1f2430\">\n");
    for (qsizetype i = m_lines.size() - 1; i >= 0; --i) {
        const SvgLine &l = m_lines[i];
        svg += text(x, 18, l.name, QStringLiteral("end"));
        x -= 7.0 * double(l.name.size()) + 6;
        svg += QStringLiteral("<line class=\"line\" x1=\"%1\" y1=\"14\" x2=\"%2\" y2=\"14\" "
                              "stroke=\"%3\" "
                              "stroke-width=\"2.5\"%4/>\n")
                   .arg(num(x - 18), num(x), l.color.toHtmlEscaped(),
                        l.dashed ? QStringLiteral(" stroke-dasharray=\"5 3\"") : QString());
        x -= 18 + 14;
    }
    return svg + QStringLiteral("</g>\n");
}

QString SvgChart::toSvg(int width, int height) const
{
    Frame f;
    f.width = width - kLeft - kRight;
    f.height = height - kTop - kBottom;
    double xMax = 0, yMax = 0;
    for (const SvgLine &l : m_lines) {
        for (const QPointF &p : l.points) {
            if (!std::isnan(p.x()))
                xMax = std::max(xMax, p.x());
            if (!std::isnan(p.y()))
                yMax = std::max(yMax, p.y());
        }
    }
    const AxisTicks yTicks = axisTicks(0, yMax, AxisScale::Number, 5);
    const AxisTicks xTicks = axisTicks(0, xMax, AxisScale::Seconds, 7, AxisFit::Inside);
    f.yMax = yTicks.maximum;
    f.xMax = xTicks.maximum;

    QString svg =
        QStringLiteral("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" "
                       "viewBox=\"0 0 %1 %2\" role=\"img\" aria-label=\"%3\" "
                       "font-family=\"system-ui, sans-serif\">\n"
                       "<title>%3</title>\n")
            .arg(QString::number(width), QString::number(height), m_title.toHtmlEscaped());
    svg += QStringLiteral("<rect class=\"bg\" x=\"0\" y=\"0\" width=\"%1\" height=\"%2\" "
                          "fill=\"#ffffff\"/>\n")
               .arg(width)
               .arg(height);
    svg += text(kLeft, 18, m_title, QStringLiteral("start"),
                QStringLiteral(" class=\"title\" font-size=\"14\" font-weight=\"600\""));
    svg += axes(f, yTicks, xTicks, height);
    for (const SvgLine &l : m_lines)
        svg += polylines(l, f);
    return svg + legend(width) + QStringLiteral("</svg>\n");
}

} // namespace spillway
