#include "design/distributionchart.h"

#include "base/quantity.h"
#include "design/distributiongeometry.h"
#include "shell/chartstyle.h"

#include <QAreaSeries>
#include <QBarCategoryAxis>
#include <QBarSet>
#include <QCategoryAxis>
#include <QCursor>
#include <QEvent>
#include <QHorizontalBarSeries>
#include <QLineSeries>
#include <QScatterSeries>
#include <QTimer>
#include <QtMath>
#include <QToolTip>
#include <QValueAxis>

#include <cmath>

namespace spillway {
namespace {

const QColor kBarColor(0x3b, 0x82, 0xc4);

// Histogram edges on the chart's x axis: numbers as they are, dates, times and timestamps as
// milliseconds since the epoch in UTC (what AxisScale::Timestamp labels).
double axisX(const ColumnDistribution &d, double value)
{
    switch (d.axis) {
    case ColumnDistribution::Axis::Number:
    case ColumnDistribution::Axis::Degrees:
        return value;
    case ColumnDistribution::Axis::Date:
        return value * 86400000.0;
    case ColumnDistribution::Axis::Time:
    case ColumnDistribution::Axis::Timestamp:
        break;
    }
    return value / 1000.0;
}

// One bar per whole value (bins centred on integers): ticks on whole values only.
bool integralBins(const ColumnDistribution &d)
{
    return d.binWidth() == 1 && d.minimum - std::floor(d.minimum) == 0.5;
}

QString summary(const ColumnDistribution &d, const QString &what)
{
    QString text = QStringLiteral("<b>%1</b><br>").arg(d.column.toHtmlEscaped()) +
                   DistributionChart::tr("%1 · %2 sampled").arg(what, formatNumber(d.sampled));
    if (d.nulls)
        text += DistributionChart::tr(" · %1% NULL")
                    .arg(QString::number(100.0 * d.nulls / std::max(d.sampled, 1), 'f', 1));
    return text;
}

} // namespace

DistributionChart::DistributionChart(QWidget *parent)
    : QChartView(parent)
{
    setRenderHint(QPainter::Antialiasing);
    chart()->legend()->hide();
    chart()->setMargins(QMargins(4, 4, 4, 4));
    QFont font = chart()->titleFont();
    font.setPointSizeF(font.pointSizeF() * 0.95);
    chart()->setTitleFont(font);
    setMinimumSize(280, 200);
    applyChartPalette(this);
    // The plot area settles after a resize's layout: a map keeps its aspect then.
    connect(chart(), &QChart::plotAreaChanged, this, [this] {
        if (m_distribution.kind != ColumnDistribution::Kind::Scatter || m_tickAxes.size() != 2)
            return;
        const QRectF before(QPointF(m_tickAxes[0].minimum, m_tickAxes[1].minimum),
                            QPointF(m_tickAxes[0].maximum, m_tickAxes[1].maximum));
        fitScatterAspect();
        const QRectF after(QPointF(m_tickAxes[0].minimum, m_tickAxes[1].minimum),
                           QPointF(m_tickAxes[0].maximum, m_tickAxes[1].maximum));
        // Only a real change: new tick labels move the plot area a little, and would call again.
        if (std::abs(after.width() - before.width()) > before.width() * 0.01 ||
            std::abs(after.height() - before.height()) > before.height() * 0.01)
            updateTicks();
        else if (m_geometry)
            m_geometry->refresh();
    });
}

void DistributionChart::reset(const QString &title)
{
    delete m_geometry; // before its anchor series goes
    m_geometry = nullptr;
    m_tickAxes.clear();
    chart()->removeAllSeries();
    const auto axes = chart()->axes();
    for (QAbstractAxis *axis : axes) {
        chart()->removeAxis(axis);
        axis->deleteLater(); // after Qt Charts has let go of its graphics
    }
    chart()->setTitle(title);
}

void DistributionChart::showMessage(const QString &message)
{
    m_distribution = {};
    reset(message);
}

void DistributionChart::showDistribution(const ColumnDistribution &d)
{
    m_distribution = d;
    switch (d.kind) {
    case ColumnDistribution::Kind::Histogram:
        showHistogram(d);
        break;
    case ColumnDistribution::Kind::TopValues:
        showTopValues(d);
        break;
    case ColumnDistribution::Kind::Scatter:
        showScatter(d);
        break;
    case ColumnDistribution::Kind::None:
        reset(QStringLiteral("<b>%1</b><br>%2").arg(d.column.toHtmlEscaped(), d.note));
        break;
    }
    applyChartPalette(this);
}

QCategoryAxis *DistributionChart::addTickAxis(Qt::Alignment side, double minimum, double maximum,
                                              AxisScale scale, AxisFit fit)
{
    QCategoryAxis *axis = newTickAxis();
    chart()->addAxis(axis, side);
    m_tickAxes.append({axis, minimum, maximum, scale, fit});
    updateTicks();
    return m_tickAxes.last().axis;
}

// As many ticks as fit across: first for a wide label, then for the widest label that came out
// (years need less room than dates).
AxisTicks DistributionChart::ticksAcross(const TickAxis &t, double length) const
{
    const QFontMetricsF metrics(t.axis->labelsFont());
    double labelWidth = metrics.horizontalAdvance(QStringLiteral("2020-01-01"));
    AxisTicks ticks;
    for (int pass = 0; pass < 2; ++pass) {
        ticks = axisTicks(t.minimum, t.maximum, t.scale, tickTarget(length, labelWidth), t.fit);
        double widest = 0;
        for (const AxisTick &tick : std::as_const(ticks.ticks))
            widest = std::max(widest, metrics.horizontalAdvance(tick.label));
        if (widest >= labelWidth * 0.8)
            break;
        labelWidth = std::max(widest, metrics.horizontalAdvance(QStringLiteral("0000")));
    }
    return ticks;
}

void DistributionChart::updateTicks()
{
    const QRectF plot = chart()->plotArea();
    const double across = plot.width() > 0 ? plot.width() : width() * 0.8;
    const double down = plot.height() > 0 ? plot.height() : height() * 0.6;
    for (TickAxis &t : m_tickAxes) {
        if (t.axis->orientation() == Qt::Horizontal) {
            t.axis = setAxisTicks(chart(), t.axis, ticksAcross(t, across));
        } else {
            const QFontMetricsF metrics(t.axis->labelsFont());
            const int target = std::min(6, tickTarget(down, metrics.height() * 1.2));
            t.axis = setAxisTicks(chart(), t.axis,
                                  axisTicks(t.minimum, t.maximum, t.scale, target, t.fit));
        }
    }
    if (m_geometry)
        m_geometry->refresh(); // the axes' ranges or the plot area moved
}

void DistributionChart::showHistogram(const ColumnDistribution &d)
{
    reset(summary(d, tr("histogram")));
    auto *upper = new QLineSeries;
    const double width = d.binWidth();
    int peak = 1;
    for (int i = 0; i < d.bins.size(); ++i) {
        const double left = axisX(d, d.minimum + width * i);
        const double right = axisX(d, d.minimum + width * (i + 1));
        upper->append(left, d.bins.at(i));
        upper->append(right, d.bins.at(i));
        peak = std::max(peak, d.bins.at(i));
    }
    auto *lower = new QLineSeries;
    lower->append(axisX(d, d.minimum), 0);
    lower->append(axisX(d, d.maximum), 0);
    auto *area = new QAreaSeries(upper, lower);
    const QColor color = chartColor(kBarColor, palette());
    area->setColor(color);
    area->setBorderColor(isDarkPalette(palette()) ? color.lighter(120) : color.darker(130));
    chart()->addSeries(area);
    using Axis = ColumnDistribution::Axis;
    const AxisScale scale = d.axis == Axis::Degrees  ? AxisScale::Degrees
                            : d.axis != Axis::Number ? AxisScale::Timestamp
                            : integralBins(d)        ? AxisScale::Count
                                                     : AxisScale::Number;
    QCategoryAxis *x = addTickAxis(Qt::AlignBottom, axisX(d, d.minimum), axisX(d, d.maximum), scale,
                                   AxisFit::Inside);
    QCategoryAxis *y = addTickAxis(Qt::AlignLeft, 0, peak * 1.05, AxisScale::Count, AxisFit::Widen);
    area->attachAxis(x);
    area->attachAxis(y);
}

void DistributionChart::showTopValues(const ColumnDistribution &d)
{
    m_shownValues = std::min(int(d.labels.size()), valuesThatFit());
    reset(summary(d, tr("%1 most frequent of %2 distinct").arg(m_shownValues).arg(d.distinct)));
    auto *set = new QBarSet(d.column);
    set->setColor(chartColor(kBarColor, palette()));
    set->setBorderColor(Qt::transparent);
    set->setLabelColor(palette().color(QPalette::Text));
    const QStringList categories = elidedLabels(d, m_shownValues);
    int peak = 1;
    // Bars grow upwards from the first category: list the most frequent last so it is on top.
    for (qsizetype i = m_shownValues - 1; i >= 0; --i) {
        *set << d.counts.at(i);
        peak = std::max(peak, d.counts.at(i));
    }
    auto *series = new QHorizontalBarSeries;
    series->append(set);
    series->setBarWidth(0.75);
    series->setLabelsVisible(true);
    series->setLabelsPosition(QAbstractBarSeries::LabelsOutsideEnd);
    series->setLabelsFormat(QStringLiteral("@value"));
    chart()->addSeries(series);
    connect(series, &QHorizontalBarSeries::hovered, this,
            [this](bool status, int index, QBarSet *) { showBarToolTip(status, index); });
    auto *y = new QBarCategoryAxis;
    y->append(categories);
    chart()->addAxis(y, Qt::AlignLeft);
    // Room after the longest bar for its count. Counts of a sample read well as whole numbers;
    // a value axis with dynamic ticks at round steps (a category axis there left stale labels).
    const double across = std::max(100.0, width() * 0.5);
    const AxisTicks ticks = axisTicks(
        0, peak * 1.15, AxisScale::Count,
        tickTarget(across, QFontMetricsF(font()).horizontalAdvance(QStringLiteral("00000"))));
    auto *x = new QValueAxis;
    x->setRange(ticks.minimum, ticks.maximum);
    x->setTickType(QValueAxis::TicksDynamic);
    x->setTickAnchor(0);
    x->setTickInterval(ticks.step);
    x->setLabelFormat(QStringLiteral("%.0f"));
    chart()->addAxis(x, Qt::AlignBottom);
    series->attachAxis(x);
    series->attachAxis(y);
}

// The top values' labels, bottom-up, elided to at most about two fifths of the width (the bars
// need the rest) and kept distinct (a category axis needs them so).
QStringList DistributionChart::elidedLabels(const ColumnDistribution &d, qsizetype count)
{
    const QFontMetrics metrics(chart()->font());
    m_elideWidth = std::max(60, int(width() * 0.38));
    QStringList categories;
    for (qsizetype i = count - 1; i >= 0; --i) {
        const QString text = d.labels.at(i).simplified();
        QString label =
            metrics.elidedText(text.isEmpty() ? tr("(empty)") : text, Qt::ElideRight, m_elideWidth);
        while (categories.contains(label))
            label += QChar(0x200b);
        categories.append(label);
    }
    return categories;
}

// Rows of labels that fit the height without Qt Charts eliding them to "…" (a row needs about
// one and a half lines), leaving room for the title and the value axis.
int DistributionChart::valuesThatFit() const
{
    const double line = QFontMetricsF(chart()->font()).height();
    return std::max(3, int((height() - 6 * line) / (1.6 * line)));
}

QStringList DistributionChart::categoryLabels() const
{
    for (QAbstractAxis *axis : chart()->axes(Qt::Vertical)) {
        if (auto *categories = qobject_cast<QBarCategoryAxis *>(axis)) {
            QStringList labels = categories->categories();
            std::reverse(labels.begin(), labels.end());
            return labels;
        }
    }
    return {};
}

QString DistributionChart::barToolTip(int index) const
{
    const ColumnDistribution &d = m_distribution;
    if (d.kind != ColumnDistribution::Kind::TopValues || index < 0 || index >= m_shownValues)
        return {};
    const int values = std::max(1, d.sampled - d.nulls);
    return tr("%1\n%2 of %3 sampled values (%4%)")
        .arg(d.labels.at(index), formatNumber(d.counts.at(index)), formatNumber(values),
             QString::number(100.0 * d.counts.at(index) / values, 'f', 1));
}

void DistributionChart::showBarToolTip(bool status, int index)
{
    // Bars are listed bottom-up, the most frequent last.
    const QString text = barToolTip(m_shownValues - 1 - index);
    if (status && !text.isEmpty())
        QToolTip::showText(QCursor::pos(), text, this);
    else
        QToolTip::hideText();
}

QString DistributionChart::scatterTitle(const ColumnDistribution &d)
{
    if (d.lines.isEmpty() && d.polygons.isEmpty())
        return summary(d, d.projected ? tr("locations (x, y)")
                                      : tr("locations (longitude, latitude)"));
    // %1 rather than %n: counts read as everywhere else (base/quantity), plurals still apply.
    return summary(d, (d.projected
                           ? tr("%1 geometries drawn (x, y)", nullptr, d.shapes)
                           : tr("%1 geometries drawn (longitude, latitude)", nullptr, d.shapes))
                          .arg(formatNumber(d.shapes)));
}

void DistributionChart::showScatter(const ColumnDistribution &d)
{
    reset(scatterTitle(d));
    // Points as markers; the series also carries the axes that the lines and polygons map to.
    auto *series = new QScatterSeries;
    series->setMarkerSize(d.lines.isEmpty() && d.polygons.isEmpty() ? 4 : 5);
    series->setColor(chartColor(kBarColor, palette()));
    series->setBorderColor(Qt::transparent);
    series->replace(d.points);
    chart()->addSeries(series);
    const QRectF extent = d.extent();
    // A little room around the shapes (within the globe for degrees).
    const double padX = std::max(0.01, extent.width() * 0.05);
    const double padY = std::max(0.01, extent.height() * 0.05);
    m_scatterRange = extent.adjusted(-padX, -padY, padX, padY);
    if (!d.projected)
        m_scatterRange = m_scatterRange.intersected(QRectF(QPointF(-180, -90), QPointF(180, 90)));
    const QRectF range = scatterRangeForAspect();
    const AxisScale scale = d.projected ? AxisScale::Number : AxisScale::Degrees;
    QCategoryAxis *x =
        addTickAxis(Qt::AlignBottom, range.left(), range.right(), scale, AxisFit::Inside);
    x->setTitleText(d.projected ? tr("x") : tr("longitude"));
    QCategoryAxis *y =
        addTickAxis(Qt::AlignLeft, range.top(), range.bottom(), scale, AxisFit::Inside);
    y->setTitleText(d.projected ? tr("y") : tr("latitude"));
    series->attachAxis(x);
    series->attachAxis(y);
    if (!d.lines.isEmpty() || !d.polygons.isEmpty()) {
        m_geometry = new GeometryLayer(chart(), series);
        m_geometry->setShapes(d.lines, d.polygons);
        const QColor line = chartSeriesColor(1, palette());
        const QColor edge = chartSeriesColor(2, palette());
        QColor fill = edge;
        fill.setAlphaF(isDarkPalette(palette()) ? 0.35 : 0.25);
        m_geometry->setColors(line, fill, edge);
    }
}

// The scatter's range widened on one axis so that a unit of x and of y take the same length on
// screen (a degree of longitude counted as cos(latitude) of one of latitude): squares stay
// square, a map is not stretched to the chart's shape.
QRectF DistributionChart::scatterRangeForAspect() const
{
    QRectF r = m_scatterRange;
    const QRectF plot = chart()->plotArea();
    if (r.width() <= 0 || r.height() <= 0 || plot.width() < 10 || plot.height() < 10)
        return r;
    const bool degrees = !m_distribution.projected;
    const double xUnit = degrees ? std::max(0.05, std::cos(qDegreesToRadians(r.center().y()))) : 1;
    const double perPixelX = r.width() * xUnit / plot.width();
    const double perPixelY = r.height() / plot.height();
    if (perPixelX < perPixelY) {
        const double w = perPixelY * plot.width() / xUnit;
        r.adjust(-(w - r.width()) / 2, 0, (w - r.width()) / 2, 0);
    } else {
        const double h = perPixelX * plot.height();
        r.adjust(0, -(h - r.height()) / 2, 0, (h - r.height()) / 2);
    }
    return r;
}

void DistributionChart::fitScatterAspect()
{
    if (m_distribution.kind != ColumnDistribution::Kind::Scatter || m_tickAxes.size() != 2)
        return;
    const QRectF r = scatterRangeForAspect();
    for (TickAxis &t : m_tickAxes) {
        const bool across = t.axis->orientation() == Qt::Horizontal;
        t.minimum = across ? r.left() : r.top();
        t.maximum = across ? r.right() : r.bottom();
    }
}

void DistributionChart::changeEvent(QEvent *event)
{
    QChartView::changeEvent(event);
    if (event->type() != QEvent::PaletteChange && event->type() != QEvent::ApplicationPaletteChange)
        return;
    if (m_distribution.kind != ColumnDistribution::Kind::None)
        showDistribution(m_distribution); // series colors too
    else
        applyChartPalette(this);
}

void DistributionChart::resizeEvent(QResizeEvent *event)
{
    QChartView::resizeEvent(event);
    // Top values: as many rows as fit, labels elided to the width; rebuilt after the resize.
    if (m_distribution.kind == ColumnDistribution::Kind::TopValues && !m_rebuildPending &&
        (std::abs(std::max(60, int(width() * 0.38)) - m_elideWidth) > 8 ||
         std::min(int(m_distribution.labels.size()), valuesThatFit()) != m_shownValues)) {
        m_rebuildPending = true;
        QTimer::singleShot(0, this, [this] {
            m_rebuildPending = false;
            if (m_distribution.kind == ColumnDistribution::Kind::TopValues)
                showDistribution(m_distribution);
        });
    }
    fitScatterAspect();
    updateTicks();
}

} // namespace spillway
