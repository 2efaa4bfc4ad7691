#include "design/distribution.h"

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

void collect(const Value &v, bool geo, Collected &out)
{
    using Axis = ColumnDistribution::Axis;
    if (geo) {
        QPointF p;
        if (DistributionSampler::parsePoint(Preview::text(v), false, &p))
            out.points.append(p);
        return;
    }
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

// Child tables: rows under the parents from `firstParent` on, up to one batch.
uint32_t fillChildBatch(const TableRuntime &table, uint64_t firstParent, uint64_t parents,
                        RowBatch &batch, Arena &scratch)
{
    uint32_t n = 0;
    for (uint64_t p = firstParent; p < parents && n < RowBatch::kCapacity; ++p) {
        if (p - firstParent > 100000)
            break; // a fan-out that is almost always zero
        const uint64_t k = table.fanOutOf(p, scratch);
        for (uint64_t i = 0; i < k && n < RowBatch::kCapacity; ++i, ++n) {
            batch.parentRows[n] = p;
            batch.ordinals[n] = uint32_t(i);
        }
    }
    return n;
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
        d.note = QStringLiteral("every sampled value is %1").arg(d.edgeText(*lo));
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
        d.note = QStringLiteral("every sampled value is distinct (%1 values)").arg(d.distinct);
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

} // namespace

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
    const uint64_t rows = table.rowCount;
    const uint64_t parents = table.isChild() ? schema.tables()[size_t(table.parent)]->rowCount : 0;
    const int blocks =
        std::max(1, (samples + int(RowBatch::kCapacity) - 1) / int(RowBatch::kCapacity));
    RowBatch batch(int(table.columns.size()));
    Arena scratch(256);
    Collected c;
    for (int k = 0; k < blocks && d.sampled < samples; ++k) {
        batch.arena.reset();
        if (table.isChild()) {
            const uint64_t p0 = parents * uint64_t(k) / uint64_t(blocks);
            batch.count = fillChildBatch(table, p0, parents, batch, scratch);
            // Approximate row index of the block (exact rows need every earlier fan-out).
            batch.firstRow = parents ? p0 * (rows / std::max<uint64_t>(parents, 1)) : 0;
        } else {
            const uint64_t stride =
                rows > uint64_t(samples) ? rows / uint64_t(blocks) : RowBatch::kCapacity;
            batch.firstRow = stride * uint64_t(k);
            if (batch.firstRow >= rows)
                break;
            batch.count = uint32_t(std::min<uint64_t>(RowBatch::kCapacity, rows - batch.firstRow));
        }
        batch.count = std::min<uint32_t>(batch.count, uint32_t(samples - d.sampled));
        if (batch.count == 0)
            continue;
        table.generate(batch);
        const Value *values = batch.column(column);
        for (uint32_t i = 0; i < batch.count; ++i) {
            if (values[i].isNull())
                ++d.nulls;
            else
                collect(values[i], geo, c);
        }
        d.sampled += int(batch.count);
    }
    if (geo && !c.points.isEmpty()) {
        d.kind = ColumnDistribution::Kind::Scatter;
        d.points = c.points;
    } else if (!c.numbers.empty()) {
        shapeHistogram(c, d);
        if (isDegreeColumn(table, col, schema.schema()))
            d.axis = ColumnDistribution::Axis::Degrees;
    } else if (c.textValues > 0) {
        shapeTopValues(c, d);
    } else if (d.note.isEmpty()) {
        d.note = d.sampled ? QStringLiteral("every sampled value is NULL")
                           : QStringLiteral("the table has no rows");
    }
    return d;
}

} // namespace spillway
