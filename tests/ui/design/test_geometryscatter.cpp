// The designer's scatter of PostGIS columns (issue 11, item 5): example:gis's parcels, tracks,
// zones and sites sampled as whole polygons, lines and points (not centroids), within a vertex
// budget; drawn by the chart at the same scale on both axes, light and dark, small and large.

#include "../../testsupport.h"
#include "design/distribution.h"
#include "design/distributionchart.h"
#include "run/preview.h"
#include "schema/schemaio.h"

#include <QApplication>
#include <QCategoryAxis>
#include <QChart>
#include <QGraphicsScene>
#include <QImage>
#include <QSet>
#include <QTest>

#include <cmath>

using namespace spillway;

class TestGeometryScatter : public QObject
{
    Q_OBJECT

    std::shared_ptr<CompiledSchema> m_gis;

    ColumnDistribution sample(const QString &table, const QString &column)
    {
        const int t = m_gis->tableIndex(table);
        return DistributionSampler::sample(*m_gis, t,
                                           m_gis->tables()[size_t(t)]->columnIndex(column));
    }

    // Share of the plot area's pixels that are not the plot's background.
    static double drawnShare(DistributionChart &chart)
    {
        const QImage image = chart.grab().toImage();
        const QRect plot = chart.chart()->plotArea().toRect().adjusted(2, 2, -2, -2);
        const QRgb background = image.pixel(plot.topLeft() + QPoint(1, 1));
        qint64 drawn = 0;
        for (int y = plot.top(); y <= plot.bottom(); y += 2) {
            for (int x = plot.left(); x <= plot.right(); x += 2)
                drawn += image.pixel(x, y) != background;
        }
        return double(drawn) / (double(plot.width() / 2) * double(plot.height() / 2));
    }

private slots:
    void initTestCase()
    {
        Diagnostics d;
        const auto schema = SchemaIO::load(QStringLiteral(":/spillway/examples/gis.json"), d);
        QVERIFY2(schema, qPrintable(d.toString()));
        m_gis = CompiledSchema::compile(*schema, d);
        QVERIFY2(m_gis && Preview::prepare(*m_gis, &d), qPrintable(d.toString()));
    }

    void parcelsArePolygons()
    {
        const ColumnDistribution d = sample(QStringLiteral("parcels"), QStringLiteral("shape"));
        QCOMPARE(d.kind, ColumnDistribution::Kind::Scatter);
        QVERIFY(d.points.isEmpty());
        QVERIFY(d.lines.isEmpty());
        QCOMPARE(d.polygons.size(), d.shapes);
        QCOMPARE(d.shapes, DistributionSampler::kScatterSamples);
        for (const QList<QPolygonF> &rings : d.polygons) {
            QCOMPARE(rings.size(), 1);
            QVERIFY(rings.first().size() >= 4);
            QCOMPARE(rings.first().first(), rings.first().last()); // closed, as WKT writes it
        }
        QVERIFY(!d.projected);
        // The grid starts at its origin, 200 cells of 40 m eastwards (about 0.118 degrees), and
        // the sample reaches most of its columns (a systematic sample of every tenth row would
        // see only every tenth column).
        const QRectF extent = d.extent();
        QVERIFY2(std::abs(extent.left() - 13.30) < 0.001 && std::abs(extent.top() - 52.45) < 0.001,
                 qPrintable(QStringLiteral("%1 %2").arg(extent.left()).arg(extent.top())));
        QSet<int> columns;
        for (const QList<QPolygonF> &rings : d.polygons)
            columns.insert(int((rings.first().boundingRect().center().x() - 13.30) / 0.118 * 200));
        QVERIFY2(columns.size() > 180, qPrintable(QString::number(columns.size())));
    }

    void tracksAreLines()
    {
        const ColumnDistribution d = sample(QStringLiteral("tracks"), QStringLiteral("path"));
        QCOMPARE(d.kind, ColumnDistribution::Kind::Scatter);
        QVERIFY(d.points.isEmpty() && d.polygons.isEmpty());
        QCOMPARE(d.lines.size(), d.shapes);
        QCOMPARE(d.shapes, d.sampled - d.nulls); // 1,149 tracks of up to 80 vertices fit
        for (const QPolygonF &line : d.lines)
            QVERIFY(line.size() >= 20 && line.size() <= 80);
    }

    void zonesAreMultipolygons()
    {
        const ColumnDistribution d = sample(QStringLiteral("zones"), QStringLiteral("area"));
        QCOMPARE(d.shapes, 40);
        QVERIFY2(d.polygons.size() >= 2 * 40 && d.polygons.size() <= 4 * 40,
                 qPrintable(QString::number(d.polygons.size())));
    }

    void sitesArePoints()
    {
        for (const QString &column : {QStringLiteral("location"), QStringLiteral("position")}) {
            const ColumnDistribution d = sample(QStringLiteral("sites"), column);
            QCOMPARE(d.kind, ColumnDistribution::Kind::Scatter);
            QCOMPARE(d.points.size(), DistributionSampler::kScatterSamples);
            QVERIFY(d.lines.isEmpty() && d.polygons.isEmpty());
            // EWKT is longitude first: Tokyo's sites lie east of 139 degrees, north of 35.
            QVERIFY(std::any_of(d.points.begin(), d.points.end(), [](const QPointF &p) {
                return p.x() > 139 && p.x() < 140.5 && p.y() > 35 && p.y() < 36.5;
            }));
        }
    }

    // Long tracks: lines are kept until the vertex budget, and the title says how many.
    void vertexBudget()
    {
        auto schema = test::compile(
            test::oneColumn(R"({"kind": "track", "minVertices": 400, "maxVertices": 400})",
                            "geometry(LineString,4326)", "", 5000));
        QVERIFY(schema);
        const ColumnDistribution d = DistributionSampler::sample(*schema, 0, 0);
        QCOMPARE(d.shapes, DistributionSampler::kGeometryVertices / 400);
        QCOMPARE(d.lines.size(), d.shapes);
        QCOMPARE(d.sampled, DistributionSampler::kScatterSamples);
    }

    void chartDrawsShapes_data()
    {
        QTest::addColumn<QString>("table");
        QTest::addColumn<QString>("column");
        QTest::addColumn<bool>("dark");
        QTest::addColumn<QSize>("size");
        for (const bool dark : {false, true}) {
            for (const QSize size : {QSize(320, 240), QSize(900, 600)}) {
                const QByteArray tag =
                    QByteArray(dark ? "dark " : "light ") + QByteArray::number(size.width());
                QTest::newRow("parcels " + tag)
                    << QStringLiteral("parcels") << QStringLiteral("shape") << dark << size;
                QTest::newRow("tracks " + tag)
                    << QStringLiteral("tracks") << QStringLiteral("path") << dark << size;
            }
        }
    }

    // The chart draws the shapes over the plot area, one degree of latitude as long as
    // 1/cos(latitude) degrees of longitude, in the palette's colours.
    void chartDrawsShapes()
    {
        QFETCH(QString, table);
        QFETCH(QString, column);
        QFETCH(bool, dark);
        QFETCH(QSize, size);
        DistributionChart chart;
        QPalette palette = chart.palette();
        if (dark) {
            palette.setColor(QPalette::Window, QColor(0x20, 0x22, 0x25));
            palette.setColor(QPalette::Base, QColor(0x1b, 0x1d, 0x20));
            palette.setColor(QPalette::Text, QColor(0xe0, 0xe0, 0xe0));
            palette.setColor(QPalette::WindowText, QColor(0xe0, 0xe0, 0xe0));
        }
        chart.setPalette(palette);
        chart.resize(size);
        chart.show();
        QVERIFY(QTest::qWaitForWindowExposed(&chart));
        chart.showDistribution(sample(table, column));
        QTest::qWait(50); // the layout settles, then the axes keep the map's aspect
        const QRectF plot = chart.chart()->plotArea();
        QList<QCategoryAxis *> axes;
        for (QAbstractAxis *axis : chart.chart()->axes())
            axes.append(qobject_cast<QCategoryAxis *>(axis));
        QCOMPARE(axes.size(), 2);
        QCategoryAxis *x = axes[0]->orientation() == Qt::Horizontal ? axes[0] : axes[1];
        QCategoryAxis *y = x == axes[0] ? axes[1] : axes[0];
        const double lat = (y->min() + y->max()) / 2;
        const double xPerPixel = (x->max() - x->min()) * std::cos(lat * M_PI / 180) / plot.width();
        const double yPerPixel = (y->max() - y->min()) / plot.height();
        QVERIFY2(std::abs(xPerPixel / yPerPixel - 1) < 0.03,
                 qPrintable(QStringLiteral("%1 vs %2").arg(xPerPixel).arg(yPerPixel)));
        // Lines and polygons, not only markers: a good share of the plot is drawn on.
        const double share = drawnShare(chart);
        QVERIFY2(share > 0.02, qPrintable(QString::number(share)));
        if (!qEnvironmentVariableIsEmpty("SPILLWAY_SCATTER_SHOTS"))
            chart.grab().save(QStringLiteral("%1/%2-%3-%4.png")
                                  .arg(qEnvironmentVariable("SPILLWAY_SCATTER_SHOTS"), table,
                                       dark ? QStringLiteral("dark") : QStringLiteral("light"))
                                  .arg(size.width()));
    }

    void titleCountsShapes()
    {
        DistributionChart chart;
        chart.resize(400, 300);
        chart.showDistribution(sample(QStringLiteral("zones"), QStringLiteral("area")));
        QVERIFY2(chart.chart()->title().contains(
                     QLatin1String("40 geometries drawn (longitude, latitude)")),
                 qPrintable(chart.chart()->title()));
        chart.showDistribution(sample(QStringLiteral("sites"), QStringLiteral("location")));
        QVERIFY2(chart.chart()->title().contains(QLatin1String("locations (longitude, latitude)")),
                 qPrintable(chart.chart()->title()));
    }
};

QTEST_MAIN(TestGeometryScatter)
#include "test_geometryscatter.moc"
