#include "design/distributionchart.h"

#include "base/quantity.h"
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
}

void DistributionChart::reset(const QString &title)
{
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

void DistributionChart::showScatter(const ColumnDistribution &d)
{
    reset(summary(d, tr("locations (longitude, latitude)")));
    auto *series = new QScatterSeries;
    series->setMarkerSize(4);
    series->setColor(chartColor(kBarColor, palette()));
    series->setBorderColor(Qt::transparent);
    series->replace(d.points);
    chart()->addSeries(series);
    double x0 = 180, x1 = -180, y0 = 90, y1 = -90;
    for (const QPointF &p : d.points) {
        x0 = std::min(x0, p.x());
        x1 = std::max(x1, p.x());
        y0 = std::min(y0, p.y());
        y1 = std::max(y1, p.y());
    }
    // A little room around the points, within the globe.
    const double padX = std::max(0.01, (x1 - x0) * 0.05), padY = std::max(0.01, (y1 - y0) * 0.05);
    QCategoryAxis *x = addTickAxis(Qt::AlignBottom, std::max(-180.0, x0 - padX),
                                   std::min(180.0, x1 + padX), AxisScale::Degrees, AxisFit::Inside);
    x->setTitleText(tr("longitude"));
    QCategoryAxis *y = addTickAxis(Qt::AlignLeft, std::max(-90.0, y0 - padY),
                                   std::min(90.0, y1 + padY), AxisScale::Degrees, AxisFit::Inside);
    y->setTitleText(tr("latitude"));
    series->attachAxis(x);
    series->attachAxis(y);
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
    updateTicks();
}

} // namespace spillway
