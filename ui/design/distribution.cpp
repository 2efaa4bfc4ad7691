#include "design/distribution.h"

#include "base/geometry.h"
#include "base/random.h"
#include "run/preview.h"

#include <QDateTime>
#include <QHash>
#include <QRegularExpression>
#include <QTimeZone>

#include <algorithm>
#include <cmath>

namespace spillway {
namespace {

// What a sample collected, before it is shaped into a distribution.
struct Collected
{
    std::vector<double> numbers;
    bool integral = true;
    ColumnDistribution::Axis axis = ColumnDistribution::Axis::Number;
    QHash<QString, int> texts;
    QList<QPointF> points;
    QList<QPolygonF> lines;
    QList<QList<QPolygonF>> polygons;
    int shapes = 0;
    int vertices = 0;  // of the lines and polygons kept
    Geometry geometry; // reused for every value
    int textValues = 0;
};

QString generatorKind(const TableRuntime &table, const ColumnRuntime &column, const Schema &schema)
{
    if (table.schemaIndex < 0 || table.schemaIndex >= schema.tables.size())
        return {};
    const TableSpec &spec = schema.tables.at(table.schemaIndex);
    const qsizetype c = spec.columnIndex(column.name);
    return c < 0 ? QString()
                 : spec.columns.at(c).generator.value(QStringLiteral("kind")).toString();
}

// A latitude or longitude column's histogram reads in degrees.
bool isDegreeColumn(const TableRuntime &table, const ColumnRuntime &column, const Schema &schema)
{
    const QString kind = generatorKind(table, column, schema);
    return kind == QLatin1String("latitude") || kind == QLatin1String("longitude");
}

bool isGeoColumn(const TableRuntime &table, const ColumnRuntime &column, const Schema &schema)
{
    const QString type = column.sqlType.toLower();
    if (type.contains(QLatin1String("point")) || type.startsWith(QLatin1String("geo")))
        return true;
    const QString kind = generatorKind(table, column, schema);
    return kind.startsWith(QLatin1String("geo")) || kind == QLatin1String("latlon");
}

QPolygonF pointRun(const Geometry &g, uint32_t first, uint32_t count)
{
    QPolygonF run;
    run.reserve(count);
    for (uint32_t i = first; i < first + count; ++i)
        run.append(QPointF(g.xy[2 * i], g.xy[2 * i + 1]));
    return run;
}

// A geometry's points, lines and rings, while the vertex budget lasts (points always: they are
// what the sample size bounds).
void collectGeometry(const Geometry &g, Collected &out)
{
    const uint32_t n = g.pointCount();
    if (g.shape == GeometryShape::Point || g.shape == GeometryShape::MultiPoint) {
        for (uint32_t i = 0; i < n; ++i)
            out.points.append(QPointF(g.xy[2 * i], g.xy[2 * i + 1]));
        ++out.shapes;
        return;
    }
    if (out.vertices + int(n) > DistributionSampler::kGeometryVertices)
        return;
    out.vertices += int(n);
    ++out.shapes;
    // Runs of points: one for a LineString, else one per line or ring (Geometry::parts).
    const std::vector<uint32_t> runs = g.parts.empty() ? std::vector<uint32_t>{n} : g.parts;
    std::vector<uint32_t> ringsPerPolygon;
    if (g.shape == GeometryShape::Polygon)
        ringsPerPolygon = {uint32_t(runs.size())};
    else if (g.shape == GeometryShape::MultiPolygon)
        ringsPerPolygon = g.polygons;
    uint32_t first = 0;
    size_t run = 0;
    if (ringsPerPolygon.empty()) { // LineString, MultiLineString
        for (; run < runs.size(); first += runs[run++])
            out.lines.append(pointRun(g, first, runs[run]));
        return;
    }
    for (const uint32_t rings : ringsPerPolygon) {
        QList<QPolygonF> polygon;
        for (uint32_t r = 0; r < rings && run < runs.size(); ++r, first += runs[run++])
            polygon.append(pointRun(g, first, runs[run]));
        out.polygons.append(polygon);
    }
}

void collectGeo(const Value &v, Collected &out)
{
    const QString text = Preview::text(v);
    const QByteArray utf8 = text.toUtf8();
    if (readGeometryText(std::string_view(utf8.constData(), size_t(utf8.size())), out.geometry))
        return collectGeometry(out.geometry, out);
    QPointF p; // "(52.52,13.40)", "52.52, 13.40": the geo generators' other forms
    if (DistributionSampler::parsePoint(text, false, &p))
        out.points.append(p);
}

void collect(const Value &v, bool geo, Collected &out)
{
    using Axis = ColumnDistribution::Axis;
    if (geo)
        return collectGeo(v, out);
    switch (v.kind) {
    case ValueKind::Int:
    case ValueKind::Date:
    case ValueKind::Time:
    case ValueKind::Timestamp:
    case ValueKind::TimestampTz:
        out.axis = v.kind == ValueKind::Date   ? Axis::Date
                   : v.kind == ValueKind::Time ? Axis::Time
                   : v.kind == ValueKind::Int  ? Axis::Number
                                               : Axis::Timestamp;
        out.numbers.push_back(double(v.i));
        return;
    case ValueKind::Decimal:
        out.integral = out.integral && v.scale == 0;
        out.numbers.push_back(double(v.i) / std::pow(10.0, v.scale));
        return;
    case ValueKind::Float:
        out.integral = false;
        out.numbers.push_back(v.f);
        return;
    default:
        ++out.texts[Preview::text(v)];
        ++out.textValues;
    }
}

// The i-th of n rows spread evenly over [0, rows) (a systematic sample): row i * rows / n plus
// the same seeded shift below the step for every i, so each part of the table gets its share.
uint64_t spreadRow(uint64_t i, uint64_t n, uint64_t rows, uint64_t shift)
{
    const auto base = uint64_t(static_cast<unsigned __int128>(i) * rows / n);
    const uint64_t step = rows / n;
    return base + (step > 1 ? shift % step : 0);
}

// The shift of the i-th row: the same for every row, or (`stratified`) its own, so that a
// table whose values repeat with the row index (a parcel grid of 200 columns) is not seen
// through every tenth column only.
uint64_t shiftOf(uint64_t shift, uint64_t i, bool stratified)
{
    return stratified ? mix64(shift + i) : shift;
}

// Root tables: every row when the table is small, else `samples` rows spread over all of it,
// one row per batch (a batch is a run of consecutive rows; runs would clump the sample).
template<typename Visit>
void sampleRootRows(const TableRuntime &table, const std::vector<int> &needed, uint64_t shift,
                    int samples, bool stratified, RowBatch &batch, Visit &&visit)
{
    const uint64_t rows = table.rowCount;
    if (rows <= uint64_t(samples)) {
        for (uint64_t first = 0; first < rows; first += RowBatch::kCapacity) {
            batch.arena.reset();
            batch.firstRow = first;
            batch.count = uint32_t(std::min<uint64_t>(RowBatch::kCapacity, rows - first));
            table.generate(batch, needed);
            visit(batch);
        }
        return;
    }
    for (int i = 0; i < samples; ++i) {
        batch.arena.reset();
        batch.firstRow = spreadRow(uint64_t(i), uint64_t(samples), rows,
                                   shiftOf(shift, uint64_t(i), stratified));
        batch.count = 1;
        table.generate(batch, needed);
        visit(batch);
    }
}

// Child tables: parents spread evenly over the parent table (all of them when there are few),
// and from each the same share of its rows, spread over its ordinals, so that every row of the
// table is as likely to be drawn. Row indexes are estimated from the mean fan-out (exact ones
// would need every earlier parent's fan-out); parent rows and ordinals are exact.
template<typename Visit>
void sampleChildRows(const TableRuntime &table, const std::vector<int> &needed, uint64_t parents,
                     uint64_t shift, int samples, bool stratified, RowBatch &batch, Visit &&visit)
{
    const uint64_t rows = table.rowCount;
    const uint64_t picks = std::min<uint64_t>(parents, uint64_t(samples));
    Arena scratch(256);
    std::vector<std::pair<uint64_t, uint64_t>> families; // (parent row, its rows)
    families.reserve(size_t(picks));
    double total = 0;
    for (uint64_t i = 0; i < picks; ++i) {
        const uint64_t p = spreadRow(i, picks, parents, shiftOf(shift, i, stratified));
        families.emplace_back(p, table.fanOutOf(p, scratch));
        total += double(families.back().second);
    }
    const double share = total > samples ? samples / total : 1.0;
    const auto flush = [&] {
        if (batch.count > 0) {
            table.generate(batch, needed);
            visit(batch);
        }
        batch.arena.reset();
        batch.count = 0;
    };
    batch.count = 0;
    double due = 0;
    uint64_t taken = 0;
    for (const auto &[p, k] : families) {
        due += double(k) * share;
        const uint64_t q = std::min<uint64_t>(
            {k, uint64_t(due) - std::min(taken, uint64_t(due)), uint64_t(samples) - taken});
        const uint64_t familyShift = mix64(shift ^ p); // else every family gives the same ordinals
        for (uint64_t m = 0; m < q; ++m) {
            const uint64_t ordinal = spreadRow(m, q, k, familyShift);
            if (batch.count == 0)
                batch.firstRow =
                    uint64_t(static_cast<unsigned __int128>(p) * rows / parents) + ordinal;
            batch.parentRows[batch.count] = p;
            batch.ordinals[batch.count] = uint32_t(ordinal);
            if (++batch.count == RowBatch::kCapacity)
                flush();
        }
        taken += q;
    }
    flush();
}

void shapeHistogram(const Collected &c, ColumnDistribution &d)
{
    const auto [lo, hi] = std::minmax_element(c.numbers.begin(), c.numbers.end());
    d.kind = ColumnDistribution::Kind::Histogram;
    d.axis = c.axis;
    const double span = *hi - *lo;
    int bins = 30;
    if (c.integral && span < DistributionSampler::kMaxBins) {
        bins = int(span) + 1; // one bar per value
        d.minimum = *lo - 0.5;
        d.maximum = *hi + 0.5;
    } else if (span <= 0) {
        bins = 1;
        d.minimum = *lo - 0.5;
        d.maximum = *hi + 0.5;
        d.note = QObject::tr("every sampled value is %1").arg(d.edgeText(*lo));
    } else {
        d.minimum = *lo;
        d.maximum = *hi;
    }
    d.bins = QList<int>(bins, 0);
    const double width = d.binWidth();
    for (double x : c.numbers)
        ++d.bins[std::clamp(int((x - d.minimum) / width), 0, bins - 1)];
}

void shapeTopValues(const Collected &c, ColumnDistribution &d)
{
    d.distinct = int(c.texts.size());
    if (d.distinct == c.textValues && d.distinct > DistributionSampler::kTopValues) {
        d.note = QObject::tr("every sampled value is distinct (%1 values)").arg(d.distinct);
        return;
    }
    QList<std::pair<int, QString>> sorted;
    sorted.reserve(c.texts.size());
    for (auto it = c.texts.constBegin(); it != c.texts.constEnd(); ++it)
        sorted.append({it.value(), it.key()});
    std::sort(sorted.begin(), sorted.end(), [](const auto &a, const auto &b) {
        return a.first != b.first ? a.first > b.first : a.second < b.second;
    });
    d.kind = ColumnDistribution::Kind::TopValues;
    int shown = 0;
    for (const auto &[count, text] : sorted) {
        if (d.labels.size() == DistributionSampler::kTopValues)
            break;
        d.labels.append(text);
        d.counts.append(count);
        shown += count;
    }
    d.others = c.textValues - shown;
}

void shapeScatter(const Collected &c, ColumnDistribution &d)
{
    d.kind = ColumnDistribution::Kind::Scatter;
    d.points = c.points;
    d.lines = c.lines;
    d.polygons = c.polygons;
    d.shapes = c.shapes;
    const QRectF extent = d.extent();
    d.projected =
        extent.left() < -180 || extent.right() > 180 || extent.top() < -90 || extent.bottom() > 90;
}

} // namespace

QRectF ColumnDistribution::extent() const
{
    // By hand: QRectF::united() drops empty rectangles, and one point is one.
    double x0 = qInf(), y0 = qInf(), x1 = -qInf(), y1 = -qInf();
    const auto add = [&](const QPointF &p) {
        x0 = std::min(x0, p.x());
        x1 = std::max(x1, p.x());
        y0 = std::min(y0, p.y());
        y1 = std::max(y1, p.y());
    };
    for (const QPointF &p : points)
        add(p);
    for (const QPolygonF &line : lines) {
        for (const QPointF &p : line)
            add(p);
    }
    for (const QList<QPolygonF> &rings : polygons) {
        if (!rings.isEmpty()) { // holes lie inside the exterior
            for (const QPointF &p : rings.first())
                add(p);
        }
    }
    return x0 > x1 ? QRectF() : QRectF(QPointF(x0, y0), QPointF(x1, y1));
}

QString ColumnDistribution::edgeText(double value) const
{
    switch (axis) {
    case Axis::Date:
        return QDate(1970, 1, 1).addDays(qint64(std::floor(value))).toString(Qt::ISODate);
    case Axis::Time:
        return QTime(0, 0).addMSecs(int(value / 1000)).toString(QStringLiteral("HH:mm"));
    case Axis::Timestamp:
        return QDateTime::fromMSecsSinceEpoch(qint64(value / 1000), Qt::UTC)
            .toString(QStringLiteral("yyyy-MM-dd HH:mm"));
    case Axis::Degrees:
        return QString::number(value, 'g', 6) + QChar(0x00b0);
    case Axis::Number:
        break;
    }
    return QString::number(value, 'g', 6);
}

bool DistributionSampler::parsePoint(const QString &text, bool lonFirst, QPointF *lonLat)
{
    static const QRegularExpression re(
        QStringLiteral("(-?\\d+(?:\\.\\d+)?)\\s*[, ]\\s*(-?\\d+(?:\\.\\d+)?)"));
    const auto m = re.match(text);
    if (!m.hasMatch())
        return false;
    const bool wkt = text.trimmed().startsWith(QLatin1String("POINT"), Qt::CaseInsensitive);
    const double a = m.captured(1).toDouble();
    const double b = m.captured(2).toDouble();
    // WKT writes "lon lat"; "(lat,lon)" and "lat, lon" put the latitude first.
    *lonLat = (lonFirst || wkt) ? QPointF(a, b) : QPointF(b, a);
    return true;
}

ColumnDistribution DistributionSampler::sample(const CompiledSchema &schema, int t, int column,
                                               int samples)
{
    const TableRuntime &table = *schema.tables()[size_t(t)];
    const ColumnRuntime &col = table.columns[size_t(column)];
    ColumnDistribution d;
    d.table = table.name;
    d.column = col.name;
    const bool geo = isGeoColumn(table, col, schema.schema());
    if (geo)
        samples = std::min(samples, kScatterSamples); // each point is an item in the chart
    // The same rows for the same seed, other rows for another seed.
    const uint64_t shift = CompiledSchema::tableKey(schema.seed(), table.name);
    RowBatch batch(int(table.columns.size()));
    Collected c;
    const auto visit = [&](const RowBatch &b) {
        const Value *values = b.column(column);
        for (uint32_t i = 0; i < b.count; ++i) {
            if (values[i].isNull())
                ++d.nulls;
            else
                collect(values[i], geo, c);
        }
        d.sampled += int(b.count);
    };
    // Only the column and what it reads: a wide table's other columns would cost the most.
    const std::vector<int> needed = table.evaluationOrderFor(column);
    if (table.isChild())
        sampleChildRows(table, needed, schema.tables()[size_t(table.parent)]->rowCount, shift,
                        samples, geo, batch, visit);
    else
        sampleRootRows(table, needed, shift, samples, geo, batch, visit);
    if (geo && (!c.points.isEmpty() || !c.lines.isEmpty() || !c.polygons.isEmpty())) {
        shapeScatter(c, d);
    } else if (!c.numbers.empty()) {
        shapeHistogram(c, d);
        if (isDegreeColumn(table, col, schema.schema()))
            d.axis = ColumnDistribution::Axis::Degrees;
    } else if (c.textValues > 0) {
        shapeTopValues(c, d);
    } else if (d.note.isEmpty()) {
        d.note = d.sampled ? QObject::tr("every sampled value is NULL")
                           : QObject::tr("the table has no rows");
    }
    return d;
}

} // namespace spillway
