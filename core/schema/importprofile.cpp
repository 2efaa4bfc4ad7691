// Columns shaped after pg_stats (never the table's rows): the most common values with their
// exact shares and the histogram's equal-frequency buckets become a `histogram` generator,
// n_distinct of -1 a unique column, avg_width text lengths, and a correlation near 1 values
// that grow with the row (a sequence or a time series).

#include "schema/importinternal.h"

#include <QDateTime>
#include <QJsonArray>

#include <cmath>

namespace spillway::import {

namespace {

// Types whose pg_stats text forms the histogram generator reads as values of the column.
bool histogramFits(const TypeInfo &t)
{
    return !t.array && t.cls != TypeInfo::Json && t.cls != TypeInfo::Bytes &&
           t.cls != TypeInfo::Geometry && t.cls != TypeInfo::Other && t.cls != TypeInfo::Point;
}

// Values in order of the row when the physical order follows them: integers as a sequence
// over the histogram's range, dates and timestamps as a series.
QJsonObject orderedGenerator(const CatalogStats &s, const TypeInfo &t, double rows)
{
    if (s.histogramBounds.size() < 2 || rows < 2)
        return {};
    const QString first = s.histogramBounds.front(), last = s.histogramBounds.back();
    if (t.cls == TypeInfo::Integer) {
        bool ok1 = false, ok2 = false;
        const int64_t a = first.toLongLong(&ok1), b = last.toLongLong(&ok2);
        if (!ok1 || !ok2 || b <= a)
            return {};
        const int64_t step = std::max<int64_t>(1, int64_t(double(b - a) / rows));
        return QJsonObject{{QStringLiteral("kind"), QStringLiteral("sequence")},
                           {QStringLiteral("start"), QJsonValue(qint64(a))},
                           {QStringLiteral("step"), QJsonValue(qint64(step))}};
    }
    if (t.isTemporal()) {
        const bool date = t.cls == TypeInfo::Date;
        const QDateTime a =
            QDateTime::fromString(first.left(19), date ? QStringLiteral("yyyy-MM-dd")
                                                       : QStringLiteral("yyyy-MM-dd HH:mm:ss"));
        const QDateTime b =
            QDateTime::fromString(last.left(19), date ? QStringLiteral("yyyy-MM-dd")
                                                      : QStringLiteral("yyyy-MM-dd HH:mm:ss"));
        if (!a.isValid() || !b.isValid() || b <= a)
            return {};
        const int64_t unit = date ? 86400 : 1;
        const int64_t every = std::max<int64_t>(1, int64_t(double(a.secsTo(b)) / unit / rows));
        const QString kind = date                           ? QStringLiteral("date")
                             : t.cls == TypeInfo::Timestamp ? QStringLiteral("timestamp")
                                                            : QStringLiteral("timestamptz");
        return QJsonObject{
            {QStringLiteral("kind"), kind},
            {QStringLiteral("min"), date ? a.toString(QStringLiteral("yyyy-MM-dd"))
                                         : a.toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"))},
            {QStringLiteral("every"),
             date ? QStringLiteral("%1 days").arg(every) : QStringLiteral("%1s").arg(every)}};
    }
    return {};
}

// Most common values (their shares among the non-null rows) and the histogram's bounds.
QJsonObject histogramGenerator(const CatalogStats &s)
{
    QJsonObject g{{QStringLiteral("kind"), QStringLiteral("histogram")}};
    const double nonNull = std::max(1e-9, 1.0 - s.nullFrac);
    const qsizetype n = std::min(s.mostCommonVals.size(), s.mostCommonFreqs.size());
    if (n > 0) {
        QJsonArray values, shares;
        double sum = 0;
        for (qsizetype i = 0; i < n; ++i)
            sum += s.mostCommonFreqs[i] / nonNull;
        const double scale = sum > 1 ? 1 / sum : 1; // rounding in pg_stats
        for (qsizetype i = 0; i < n; ++i) {
            values.append(s.mostCommonVals[i]);
            shares.append(s.mostCommonFreqs[i] / nonNull * scale);
        }
        g.insert(QStringLiteral("values"), values);
        g.insert(QStringLiteral("frequencies"), shares);
    }
    if (s.histogramBounds.size() >= 2)
        g.insert(QStringLiteral("bounds"), QJsonArray::fromStringList(s.histogramBounds));
    return g;
}

} // namespace

Profile profileColumn(const CatalogStats &s, const TypeInfo &t, double rows)
{
    Profile p;
    p.nullFraction = std::clamp(s.nullFrac, 0.0, 1.0);
    const double distinct = s.nDistinct >= 0 ? s.nDistinct : -s.nDistinct * rows * (1 - s.nullFrac);
    if (s.correlation && std::abs(*s.correlation) > 0.95 && distinct > rows * 0.5) {
        p.generator = orderedGenerator(s, t, rows);
        if (!p.generator.isEmpty()) {
            p.reason = ImportText::tr("pg_stats: correlation %1, values in order of the row")
                           .arg(*s.correlation, 0, 'f', 2);
            return p;
        }
    }
    const bool hasShape = !s.mostCommonVals.isEmpty() || s.histogramBounds.size() >= 2;
    // Text with many distinct values and no common ones: the bounds alone would repeat a
    // hundred strings; keep the type's generator at the average width instead.
    const bool manyTexts = t.isTextLike() && s.mostCommonVals.isEmpty() && distinct > 1000;
    if (hasShape && histogramFits(t) && !manyTexts) {
        p.generator = histogramGenerator(s);
        p.reason = ImportText::tr("pg_stats: %1 common values, %2 histogram buckets")
                       .arg(s.mostCommonVals.size())
                       .arg(std::max<qsizetype>(0, s.histogramBounds.size() - 1));
        return p;
    }
    // Every value distinct and nothing else known: distinct numbers, dates or identifiers.
    if (s.nDistinct <= -0.999 && !t.isTextLike()) {
        p.unique = true;
        p.reason = ImportText::tr("pg_stats: every value distinct");
        return p;
    }
    if (t.cls == TypeInfo::Text && !t.array && s.avgWidth > 1) {
        p.weak = true;                    // a guess from the name says more
        const int width = s.avgWidth - 1; // the varlena header
        const int max = std::min(t.maxLength(), std::max(2, width * 3 / 2));
        p.generator =
            QJsonObject{{QStringLiteral("kind"), QStringLiteral("words")},
                        {QStringLiteral("minLength"), std::min(max, std::max(1, width / 2))},
                        {QStringLiteral("maxLength"), max}};
        p.reason = ImportText::tr("pg_stats: about %1 characters a value").arg(width);
    }
    return p;
}

} // namespace spillway::import
