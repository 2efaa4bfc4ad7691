// Every chart of the window, offscreen: it follows the application palette (dark, then light
// again) with its background, title, legend and axis labels; its axes tick at round values with
// readable labels (no 5000000, 1e+05, 0.7 s or "1 1 1 0 0"); series that share a chart have
// legend markers drawn like their lines (a dashed mean looks dashed); the top values of a text
// column keep readable labels with the full value in a tooltip.

#include "design/distributionchart.h"
#include "history/runview.h"
#include "run/dashboard.h"
#include "run/timeserieschart.h"
#include "runfixtures.h"

#include <QApplication>
#include <QCategoryAxis>
#include <QChart>
#include <QChartView>
#include <QLegend>
#include <QLineSeries>
#include <QRegularExpression>
#include <QTest>

using namespace spillway;

namespace {

QPalette darkPalette()
{
    QPalette p;
    p.setColor(QPalette::Window, QColor(0x2b, 0x2d, 0x31));
    p.setColor(QPalette::WindowText, QColor(0xe3, 0xe6, 0xeb));
    p.setColor(QPalette::Base, QColor(0x1e, 0x20, 0x24));
    p.setColor(QPalette::AlternateBase, QColor(0x26, 0x28, 0x2c));
    p.setColor(QPalette::Text, QColor(0xe3, 0xe6, 0xeb));
    p.setColor(QPalette::Button, QColor(0x33, 0x36, 0x3b));
    p.setColor(QPalette::ButtonText, QColor(0xe3, 0xe6, 0xeb));
    p.setColor(QPalette::Highlight, QColor(0x3d, 0x7e, 0xc6));
    p.setColor(QPalette::HighlightedText, Qt::white);
    return p;
}

QList<QChartView *> chartViewsOf(Dashboard &dashboard, RunView &runView, DistributionChart &d)
{
    QList<QChartView *> views = {dashboard.throughputChart(), dashboard.latencyChart(),
                                 dashboard.serverChart(), &d};
    views += runView.chartViews();
    return views;
}

// The chart's colors come from `palette`: its background, title, legend and every axis.
void verifyFollows(QChartView *view, const QPalette &palette)
{
    const QString name = view->chart()->title().left(30);
    const QColor base = palette.color(QPalette::Base), text = palette.color(QPalette::Text);
    QChart *chart = view->chart();
    QVERIFY2(chart->backgroundBrush().color().rgba() == base.rgba(), qPrintable(name));
    QVERIFY2(chart->titleBrush().color().rgba() == text.rgba(), qPrintable(name));
    QVERIFY2(chart->legend()->labelColor().rgba() == text.rgba(), qPrintable(name));
    const QList<QAbstractAxis *> axes = chart->axes();
    QVERIFY2(!axes.isEmpty(), qPrintable(name));
    for (QAbstractAxis *axis : axes) {
        QVERIFY2(axis->labelsColor().rgba() == text.rgba(), qPrintable(name));
        QVERIFY2(axis->titleBrush().color().rgba() == text.rgba(), qPrintable(name));
        QVERIFY2(axis->gridLineColor().rgb() == text.rgb(), qPrintable(name)); // translucent
    }
}

QStringList labelsOf(QChart *chart, Qt::Orientation orientation, Qt::Alignment side = {})
{
    const QList<QAbstractAxis *> axes = chart->axes(orientation);
    for (QAbstractAxis *axis : axes) {
        if (side && !(axis->alignment() & side))
            continue;
        if (auto *ticks = qobject_cast<QCategoryAxis *>(axis))
            return ticks->categoriesLabels();
    }
    return {};
}

ColumnDistribution histogram()
{
    ColumnDistribution d;
    d.kind = ColumnDistribution::Kind::Histogram;
    d.column = QStringLiteral("amount");
    d.sampled = 1000;
    d.minimum = 0;
    d.maximum = 4.8e6;
    d.bins = {100, 300, 400, 150, 50};
    return d;
}

ColumnDistribution topValues()
{
    ColumnDistribution d;
    d.kind = ColumnDistribution::Kind::TopValues;
    d.column = QStringLiteral("category");
    d.sampled = 1000;
    d.nulls = 100;
    d.distinct = 4;
    d.labels = {QStringLiteral("Electronics and computer accessories"), QStringLiteral("Garden"),
                QStringLiteral("Electronics and computer peripherals"), QStringLiteral("Toys")};
    d.counts = {450, 250, 150, 50};
    return d;
}

} // namespace

class TestCharts : public QObject
{
    Q_OBJECT

private slots:
    void chartsFollowTheApplicationPalette();
    void liveAxesTickAtRoundValues();
    void emptyChartHasASaneAxis();
    void histogramAxesReadable();
    void topValuesAreReadable();
    void legendMarkersAreDistinct();
};

void TestCharts::chartsFollowTheApplicationPalette()
{
    const QPalette light = QApplication::palette();
    QVERIFY(light.color(QPalette::Base).lightness() >= 128);
    Dashboard dashboard;
    RunView runView;
    test::RunShape shape;
    shape.id = QStringLiteral("20260110-090000-ingest-aaaa");
    runView.setRun(test::makeRun(shape));
    DistributionChart distribution;
    distribution.showDistribution(histogram());
    // Shown, as in the window: a palette change reaches the windows on screen and their children.
    for (QWidget *w : std::initializer_list<QWidget *>{&dashboard, &runView, &distribution})
        w->show();
    for (QChartView *view : chartViewsOf(dashboard, runView, distribution))
        verifyFollows(view, light);

    const QPalette dark = darkPalette();
    QApplication::setPalette(dark);
    QCoreApplication::processEvents(); // the change reaches widgets as posted events
    for (QChartView *view : chartViewsOf(dashboard, runView, distribution))
        verifyFollows(view, dark);
    QCOMPARE(runView.chartViews().size(), 3);
    // Series are lightened on a dark base: readable against it.
    const auto *rows =
        qobject_cast<QLineSeries *>(dashboard.throughputChart()->chart()->series()[0]);
    QVERIFY(rows->pen().color().lightness() > QColor(0x1f, 0x77, 0xb4).lightness());

    QApplication::setPalette(light);
    QCoreApplication::processEvents();
    for (QChartView *view : chartViewsOf(dashboard, runView, distribution))
        verifyFollows(view, light);
    QCOMPARE(rows->pen().color().rgba(), QColor(0x1f, 0x77, 0xb4).rgba());
}

void TestCharts::liveAxesTickAtRoundValues()
{
    TimeSeriesChart chart(QStringLiteral("Throughput"));
    chart.resize(600, 260);
    const int rows = chart.addSeries(QStringLiteral("rows/s"), Qt::blue);
    const int mb = chart.addSeries(QStringLiteral("MB/s"), Qt::red, Qt::SolidLine, true);
    for (int i = 0; i <= 29; ++i) {
        chart.append(rows, 0.1 * i + 0.7, 4.6e6 + 1000 * i);
        chart.append(mb, 0.1 * i + 0.7, 37.5);
    }
    chart.flush();
    const QRegularExpression seconds(QStringLiteral("^\\d+ s$"));
    const QStringList x = labelsOf(chart.chart(), Qt::Horizontal);
    QVERIFY(x.size() >= 3);
    for (const QString &label : x)
        QVERIFY2(seconds.match(label).hasMatch(), qPrintable(x.join(QLatin1Char(' '))));
    const QRegularExpression count(QStringLiteral("^\\d+(\\.\\d)?[kMG]?$"));
    const QStringList left = labelsOf(chart.chart(), Qt::Vertical, Qt::AlignLeft);
    QVERIFY(left.contains(QStringLiteral("5M")));
    for (const QString &label : left)
        QVERIFY2(count.match(label).hasMatch(), qPrintable(left.join(QLatin1Char(' '))));
    const QStringList right = labelsOf(chart.chart(), Qt::Vertical, Qt::AlignRight);
    QVERIFY2(right.contains(QStringLiteral("40")), qPrintable(right.join(QLatin1Char(' '))));

    // A minute later the window scrolls: minutes and seconds, the same three axes, every series
    // still on its two.
    for (int i = 30; i <= 750; ++i) {
        chart.append(rows, 0.1 * i + 0.7, 4.6e6);
        chart.append(mb, 0.1 * i + 0.7, 37.5);
    }
    chart.flush();
    const QRegularExpression clock(QStringLiteral("^\\d+:\\d\\d$"));
    const QStringList later = labelsOf(chart.chart(), Qt::Horizontal);
    QVERIFY(later.size() >= 3);
    for (const QString &label : later)
        QVERIFY2(clock.match(label).hasMatch(), qPrintable(later.join(QLatin1Char(' '))));
    QCOMPARE(chart.chart()->axes().size(), 3);
    const QList<QAbstractSeries *> series = chart.chart()->series();
    for (QAbstractSeries *s : series)
        QCOMPARE(s->attachedAxes().size(), 2);
    QCOMPARE(chart.drawnCount(rows), TimeSeriesChart::kCapacity);
}

void TestCharts::emptyChartHasASaneAxis()
{
    TimeSeriesChart chart(QStringLiteral("Commit latency"));
    chart.addSeries(QStringLiteral("p95"), Qt::red);
    chart.flush();
    chart.clear();
    const QStringList left = labelsOf(chart.chart(), Qt::Vertical);
    QVERIFY(left.size() >= 2);
    QCOMPARE(left.first(), QStringLiteral("0"));
    QCOMPARE(left.last(), QStringLiteral("1"));
    QCOMPARE(QSet<QString>(left.begin(), left.end()).size(), left.size());
}

void TestCharts::histogramAxesReadable()
{
    DistributionChart chart;
    chart.resize(500, 300);
    chart.showDistribution(histogram());
    const QStringList x = labelsOf(chart.chart(), Qt::Horizontal);
    QVERIFY2(x.contains(QStringLiteral("2M")), qPrintable(x.join(QLatin1Char(' '))));
    for (const QString &label : x)
        QVERIFY2(!label.contains(QLatin1String("000")) && !label.contains(QLatin1Char('e')),
                 qPrintable(label));

    ColumnDistribution dates;
    dates.kind = ColumnDistribution::Kind::Histogram;
    dates.axis = ColumnDistribution::Axis::Date;
    dates.column = QStringLiteral("ordered_on");
    dates.sampled = 10;
    dates.minimum = QDate(1970, 1, 1).daysTo(QDate(2020, 1, 1));
    dates.maximum = QDate(1970, 1, 1).daysTo(QDate(2024, 12, 31));
    dates.bins = {2, 3, 5};
    chart.showDistribution(dates);
    const QStringList years = labelsOf(chart.chart(), Qt::Horizontal);
    QVERIFY2(years.contains(QStringLiteral("2022")), qPrintable(years.join(QLatin1Char(' '))));

    ColumnDistribution latitude = dates;
    latitude.axis = ColumnDistribution::Axis::Degrees;
    latitude.minimum = 47.3;
    latitude.maximum = 55.1;
    chart.showDistribution(latitude);
    const QStringList degrees = labelsOf(chart.chart(), Qt::Horizontal);
    QVERIFY2(degrees.contains(QString::fromUtf8("50°")),
             qPrintable(degrees.join(QLatin1Char(' '))));
}

void TestCharts::topValuesAreReadable()
{
    DistributionChart chart;
    chart.resize(520, 320);
    chart.showDistribution(topValues());
    const QStringList labels = chart.categoryLabels();
    QCOMPARE(labels.size(), 4);
    QCOMPARE(labels[1], QStringLiteral("Garden"));
    QCOMPARE(labels[3], QStringLiteral("Toys"));
    for (const QString &label : labels)
        QVERIFY2(label.size() >= 4 && !label.startsWith(QChar(0x2026)), qPrintable(label));
    QVERIFY(labels[0] != labels[2]); // elided alike, still two categories
    const QString tip = chart.barToolTip(0);
    QVERIFY2(tip.contains(QLatin1String("Electronics and computer accessories")), qPrintable(tip));
    QVERIFY2(tip.contains(QLatin1String("450")) && tip.contains(QLatin1String("50.0%")),
             qPrintable(tip)); // of the 900 values that are not NULL
    // A wider chart shows more of each label.
    chart.resize(1400, 320);
    QVERIFY(chart.categoryLabels()[0].size() >= labels[0].size());
}

void TestCharts::legendMarkersAreDistinct()
{
    Dashboard dashboard;
    QChart *live = dashboard.throughputChart()->chart();
    test::RunShape shape;
    shape.id = QStringLiteral("20260110-090000-ingest-aaaa");
    RunView runView;
    runView.setRun(test::makeRun(shape));
    QChart *recorded = runView.chartViews().first()->chart();
    for (QChart *chart : {live, recorded}) {
        QCOMPARE(chart->legend()->markerShape(), QLegend::MarkerShapeFromSeries);
        const QList<QAbstractSeries *> series = chart->series();
        QLineSeries *rows = nullptr, *mean = nullptr;
        for (QAbstractSeries *s : series) {
            if (s->name() == QLatin1String("rows/s"))
                rows = qobject_cast<QLineSeries *>(s);
            else if (s->name().startsWith(QLatin1String("mean rows/s")))
                mean = qobject_cast<QLineSeries *>(s);
        }
        QVERIFY(rows && mean);
        QCOMPARE(rows->pen().style(), Qt::SolidLine);
        QCOMPARE(mean->pen().style(), Qt::CustomDashLine);
        QVERIFY(mean->pen().widthF() < rows->pen().widthF());
    }
}

QTEST_MAIN(TestCharts)
#include "test_charts.moc"
