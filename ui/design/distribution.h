#pragma once

// The distribution of one column's values, measured on a sample drawn from its generator
// (TableRuntime::generate, typed Values): a histogram for numbers, dates and times, the most
// frequent values for text and booleans, a scatter for geographic points (lat/lon pairs) and
// for PostGIS geometries (points, lines and polygons). Pure computation, run on a worker thread
// by the preview panel.

#include "schema/compiledschema.h"

#include <QList>
#include <QPointF>
#include <QPolygonF>
#include <QRectF>
#include <QString>
#include <QStringList>

namespace spillway {

struct ColumnDistribution
{
    enum class Kind { None, Histogram, TopValues, Scatter };
    // How histogram edges read; Degrees for latitude and longitude columns.
    enum class Axis { Number, Date, Time, Timestamp, Degrees };

    Kind kind = Kind::None;
    Axis axis = Axis::Number;
    QString table;
    QString column;
    int sampled = 0; // values drawn, NULLs included
    int nulls = 0;
    QString note; // why there is nothing to draw, or a remark ("every value distinct")

    // Histogram: bins.size() bins of equal width from minimum to maximum. Dates are in days,
    // times and timestamps in microseconds (as Value holds them).
    double minimum = 0;
    double maximum = 0;
    QList<int> bins;

    // Top values, most frequent first; `others` counts the rest.
    QStringList labels;
    QList<int> counts;
    int distinct = 0;
    int others = 0;

    // Scatter: x = longitude, y = latitude (a projection's x and y when `projected`). Geometry
    // columns add their line strings and polygons (each its rings, the exterior first), drawn
    // whole, not as centroids; `shapes` counts the geometries drawn.
    QList<QPointF> points;
    QList<QPolygonF> lines;
    QList<QList<QPolygonF>> polygons;
    int shapes = 0;
    bool projected = false; // coordinates outside longitude and latitude ranges (e.g. metres)

    // The smallest rectangle holding every point, line and polygon of a scatter (x: left to
    // right, y: top < bottom in QRectF's terms, here south to north).
    QRectF extent() const;
    double binWidth() const { return bins.isEmpty() ? 0 : (maximum - minimum) / bins.size(); }
    // A histogram edge as text (a number, a date, a time or a timestamp).
    QString edgeText(double value) const;
};

class DistributionSampler
{
public:
    static constexpr int kDefaultSamples = 20000;
    static constexpr int kTopValues = 12;
    static constexpr int kMaxBins = 40;
    // Geographic columns draw one marker per point: fewer points keep the chart quick to draw.
    static constexpr int kScatterSamples = 2000;
    // Lines and polygons are drawn until their vertices reach this many.
    static constexpr int kGeometryVertices = 60000;

    // `table` indexes CompiledSchema::tables(), `column` TableRuntime::columns; the schema must
    // be sized (Preview::prepare or a plan). Rows are spread evenly over the whole table.
    static ColumnDistribution sample(const CompiledSchema &schema, int table, int column,
                                     int samples = kDefaultSamples);

    // "(52.52,13.40)", "POINT(13.40 52.52)", "52.52, 13.40": a point, or false. Geo generators
    // are expected to write one of these forms.
    static bool parsePoint(const QString &text, bool lonFirst, QPointF *lonLat);
};

} // namespace spillway
