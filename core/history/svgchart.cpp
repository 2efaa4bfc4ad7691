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
            out += QStringLiteral("<polyline fill=\"none\" stroke=\"%1\" stroke-width=\"1.6\" "
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

QString SvgChart::compactNumber(double v)
{
    const double a = std::abs(v);
    auto trimmed = [](double x, const char *suffix) {
        QString s = QString::number(x, 'f', x < 10 && x != std::floor(x) ? 1 : 0);
        return s + QLatin1String(suffix);
    };
    if (a >= 1e9)
        return trimmed(v / 1e9, "G");
    if (a >= 1e6)
        return trimmed(v / 1e6, "M");
    if (a >= 1e3)
        return trimmed(v / 1e3, "k");
    if (a == std::floor(a))
        return QString::number(v, 'f', 0);
    return QString::number(v, 'g', 3);
}

double SvgChart::niceStep(double max, int ticks)
{
    if (!(max > 0))
        return 1;
    const double raw = max / std::max(1, ticks);
    const double magnitude = std::pow(10.0, std::floor(std::log10(raw)));
    for (double m : {1.0, 2.0, 2.5, 5.0, 10.0}) {
        if (m * magnitude >= raw)
            return m * magnitude;
    }
    return 10 * magnitude;
}

// Grid lines, tick labels and axis titles.
QString SvgChart::axes(const Frame &f, double yStep, double xStep, double xMax, int height) const
{
    QString svg = QStringLiteral("<g stroke=\"#d9dde3\" stroke-width=\"1\">\n");
    for (double y = 0; y <= f.yMax + yStep / 2; y += yStep)
        svg += QStringLiteral("<line x1=\"%1\" y1=\"%2\" x2=\"%3\" y2=\"%2\"/>\n")
                   .arg(num(f.left), num(f.py(y)), num(f.left + f.width));
    svg += QStringLiteral("</g>\n<g font-size=\"11\" fill=\"#555b66\">\n");
    for (double y = 0; y <= f.yMax + yStep / 2; y += yStep)
        svg += text(f.left - 6, f.py(y) + 4, compactNumber(y), QStringLiteral("end"));
    for (double x = 0; xMax > 0 && x <= xMax + xStep / 100; x += xStep)
        svg += text(f.px(x), f.top + f.height + 16, compactNumber(x), QStringLiteral("middle"));
    svg += text(f.left + f.width / 2, height - 6, m_xLabel, QStringLiteral("middle"));
    svg += text(14, f.top + f.height / 2, m_yLabel, QStringLiteral("middle"),
                QStringLiteral(" transform=\"rotate(-90 14 %1)\"").arg(num(f.top + f.height / 2)));
    svg += QStringLiteral("</g>\n<line x1=\"%1\" y1=\"%2\" x2=\"%3\" y2=\"%2\" "
                          "stroke=\"#8a919c\"/>\n")
               .arg(num(f.left), num(f.top + f.height), num(f.left + f.width));
    return svg;
}

// The legend, right-aligned above the plot (text widths estimated: no font metrics in core).
QString SvgChart::legend(int width) const
{
    double x = width - kRight;
    QString svg = QStringLiteral("<g font-size=\"12\" fill=\"#1f2430\">\n");
    for (qsizetype i = m_lines.size() - 1; i >= 0; --i) {
        const SvgLine &l = m_lines[i];
        svg += text(x, 18, l.name, QStringLiteral("end"));
        x -= 7.0 * double(l.name.size()) + 6;
        svg += QStringLiteral("<line x1=\"%1\" y1=\"14\" x2=\"%2\" y2=\"14\" stroke=\"%3\" "
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
    const double yStep = niceStep(yMax, 4);
    f.yMax = std::max(yStep, std::ceil(yMax / yStep) * yStep);
    f.xMax = xMax > 0 ? xMax : 1;

    QString svg =
        QStringLiteral("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" "
                       "viewBox=\"0 0 %1 %2\" role=\"img\" aria-label=\"%3\" "
                       "font-family=\"system-ui, sans-serif\">\n"
                       "<title>%3</title>\n")
            .arg(QString::number(width), QString::number(height), m_title.toHtmlEscaped());
    svg += QStringLiteral("<rect x=\"0\" y=\"0\" width=\"%1\" height=\"%2\" fill=\"#ffffff\"/>\n")
               .arg(width)
               .arg(height);
    svg += text(kLeft, 18, m_title, QStringLiteral("start"),
                QStringLiteral(" font-size=\"14\" font-weight=\"600\""));
    svg += axes(f, yStep, niceStep(xMax, 6), xMax, height);
    for (const SvgLine &l : m_lines)
        svg += polylines(l, f);
    return svg + legend(width) + QStringLiteral("</svg>\n");
}

} // namespace spillway
