// Axis ticks: round positions and readable labels for every chart (designer distributions,
// dashboard, History, HTML report), including ranges without extent and NaN/infinite bounds.

#include "base/axisticks.h"

#include <QTest>

#include <cmath>
#include <limits>

using namespace spillway;

Q_DECLARE_METATYPE(AxisScale)
Q_DECLARE_METATYPE(AxisFit)

namespace {

const double kNaN = std::numeric_limits<double>::quiet_NaN();
const double kInf = std::numeric_limits<double>::infinity();
const double k2020 = 1577836800000.0; // 2020-01-01 00:00 UTC in milliseconds
const double kDay = 86400000.0;
const double kGiB = 1024.0 * 1024.0 * 1024.0;

QStringList split(const char *labels)
{
    return QString::fromUtf8(labels).split(QLatin1Char('|'));
}

} // namespace

class TestAxisTicks : public QObject
{
    Q_OBJECT

private slots:
    void labels_data();
    void labels();
    void range_data();
    void range();
    void ticksAreOrderedUniqueAndInside_data();
    void ticksAreOrderedUniqueAndInside();
    void tickTargetFollowsLength();
};

void TestAxisTicks::labels_data()
{
    QTest::addColumn<double>("lo");
    QTest::addColumn<double>("hi");
    QTest::addColumn<AxisScale>("scale");
    QTest::addColumn<int>("target");
    QTest::addColumn<AxisFit>("fit");
    QTest::addColumn<QStringList>("expected");
    const auto N = AxisScale::Number, C = AxisScale::Count, B = AxisScale::Bytes,
               S = AxisScale::Seconds, T = AxisScale::Timestamp, D = AxisScale::Degrees;
    const auto W = AxisFit::Widen, I = AxisFit::Inside;
    // Counts: SI suffixes, never 5000000 or 1e+05.
    QTest::newRow("millions") << 0.0 << 4.8e6 << C << 5 << W << split("0|1M|2M|3M|4M|5M");
    QTest::newRow("hundred thousands") << 0.0 << 1.2e5 << C << 5 << W << split("0|50k|100k|150k");
    QTest::newRow("billions, halves") << 0.0 << 1.6e9 << C << 5 << W << split("0|0.5G|1G|1.5G|2G");
    QTest::newRow("small counts stay whole") << 0.0 << 3.0 << C << 5 << W << split("0|1|2|3");
    QTest::newRow("thousands without suffix")
        << 0.0 << 999.99 << N << 5 << I << split("0|200|400|600|800");
    QTest::newRow("one decimal in the suffix")
        << 12000.0 << 13000.0 << N << 5 << W << split("12k|12.2k|12.4k|12.6k|12.8k|13k");
    QTest::newRow("years are not 1.99k")
        << 1990.0 << 2021.0 << N << 5 << I << split("1990|2000|2010|2020");
    QTest::newRow("negative and positive")
        << -5e6 << 5e6 << N << 5 << W << split("-6M|-4M|-2M|0|2M|4M|6M");
    QTest::newRow("fractions") << 0.0 << 0.047 << N << 5 << W
                               << split("0|0.01|0.02|0.03|0.04|0.05");
    QTest::newRow("tiny") << 1e-9 << 5e-9 << N << 5 << W << split("1e-09|2e-09|3e-09|4e-09|5e-09");
    QTest::newRow("huge") << 0.0 << 1e300 << N << 5 << W
                          << split("0|2e+299|4e+299|6e+299|8e+299|1e+300");
    QTest::newRow("largest doubles")
        << 0.0 << 1.7e308 << N << 5 << W << split("0|5e+307|1e+308|1.5e+308");
    QTest::newRow("integer histogram") << -5.5 << 5.5 << C << 8 << I << split("-4|-2|0|2|4");
    // No extent: a sane axis, never "1 1 1 0 0".
    QTest::newRow("empty count") << 0.0 << 0.0 << C << 5 << W << split("0|1");
    QTest::newRow("one count") << 5.0 << 5.0 << C << 5 << W << split("4|5|6");
    QTest::newRow("one number") << 5.0 << 5.0 << N << 5 << W << split("4.7|4.8|4.9|5|5.1|5.2|5.3");
    QTest::newRow("NaN both") << kNaN << kNaN << C << 5 << W << split("0|1");
    QTest::newRow("infinite both") << -kInf << kInf << C << 5 << W << split("0|1");
    QTest::newRow("NaN upper") << 3.0 << kNaN << C << 5 << W << split("2|3|4");
    QTest::newRow("reversed") << 4.8e6 << 0.0 << C << 5 << W << split("0|1M|2M|3M|4M|5M");
    // Bytes: IEC units, round in the unit read.
    QTest::newRow("gibibytes") << 0.0 << 3.2 * kGiB << B << 5 << W
                               << split("0|1 GiB|2 GiB|3 GiB|4 GiB");
    QTest::newRow("bytes") << 0.0 << 700.0 << B << 5 << W << split("0|200 B|400 B|600 B|800 B");
    QTest::newRow("half kibibytes")
        << 0.0 << 1300.0 << B << 5 << W << split("0|0.5 KiB|1 KiB|1.5 KiB");
    // Durations: whole seconds, minutes, hours; never 0.7/1.5/2.2 s.
    QTest::newRow("ten seconds") << 0.0 << 10.0 << S << 6 << I << split("0 s|2 s|4 s|6 s|8 s|10 s");
    QTest::newRow("half seconds") << 0.3 << 2.9 << S << 6 << I
                                  << split("0.5 s|1 s|1.5 s|2 s|2.5 s");
    QTest::newRow("minutes and seconds")
        << 50.0 << 110.0 << S << 6 << I << split("0:50|1:00|1:10|1:20|1:30|1:40|1:50");
    QTest::newRow("half hours") << 0.0 << 7300.0 << S << 6 << I
                                << split("0:00:00|0:30:00|1:00:00|1:30:00|2:00:00");
    QTest::newRow("hours") << 0.0 << 5 * 3600.0 << S << 6 << W << split("0 h|1 h|2 h|3 h|4 h|5 h");
    QTest::newRow("days") << 0.0 << 5 * 86400.0 << S << 6 << I << split("0 d|1 d|2 d|3 d|4 d|5 d");
    // Timestamps: calendar steps, labels by span.
    QTest::newRow("a year by quarters") << k2020 << k2020 + 366 * kDay << T << 5 << I
                                        << split("2020-01|2020-04|2020-07|2020-10|2021-01");
    QTest::newRow("a decade") << k2020 - 3652 * kDay << k2020 << T << 5 << I
                              << split("2010|2012|2014|2016|2018|2020");
    QTest::newRow("a century") << -2208988800000.0 << k2020 << T << 5 << I
                               << split("1900|1950|2000");
    QTest::newRow("days") << k2020 << k2020 + 3 * kDay << T << 5 << I
                          << split("2020-01-01|2020-01-02|2020-01-03|2020-01-04");
    QTest::newRow("weeks from Monday")
        << k2020 << k2020 + 20 * kDay << T << 5 << I << split("2020-01-06|2020-01-13|2020-01-20");
    QTest::newRow("hours of a day") << k2020 + 5e6 << k2020 + 5e6 + 2 * 3600e3 << T << 5 << I
                                    << split("01:30|02:00|02:30|03:00");
    QTest::newRow("time of day") << 0.0 << 86399999.0 << T << 5 << I
                                 << split("00:00|06:00|12:00|18:00");
    QTest::newRow("one instant") << k2020 << k2020 << T << 5 << I
                                 << split("2019-12-31 23:59:30|2019-12-31 23:59:45|"
                                          "2020-01-01 00:00:00|2020-01-01 00:00:15|"
                                          "2020-01-01 00:00:30");
    QTest::newRow("months widened") << k2020 + 5e8 << k2020 + 1e10 << T << 5 << W
                                    << split("2020-01|2020-02|2020-03|2020-04|2020-05");
    // Degrees: geographic steps with a degree sign.
    QTest::newRow("latitude") << -90.0 << 90.0 << D << 5 << I << split("-90°|-45°|0°|45°|90°");
    QTest::newRow("longitude") << -180.0 << 180.0 << D << 4 << I << split("-180°|-90°|0°|90°|180°");
    QTest::newRow("a country") << 47.3 << 55.1 << D << 5 << I << split("48°|50°|52°|54°");
    QTest::newRow("a city") << 13.1 << 13.7 << D << 5 << I << split("13.2°|13.4°|13.6°");
    QTest::newRow("narrow inside still two ticks")
        << 0.1 << 0.9 << N << 2 << I << split("0.2|0.4|0.6|0.8");
}

void TestAxisTicks::labels()
{
    QFETCH(double, lo);
    QFETCH(double, hi);
    QFETCH(AxisScale, scale);
    QFETCH(int, target);
    QFETCH(AxisFit, fit);
    QFETCH(QStringList, expected);
    QCOMPARE(axisTicks(lo, hi, scale, target, fit).labels(), expected);
}

void TestAxisTicks::range_data()
{
    QTest::addColumn<double>("lo");
    QTest::addColumn<double>("hi");
    QTest::addColumn<AxisScale>("scale");
    QTest::addColumn<AxisFit>("fit");
    QTest::addColumn<double>("minimum");
    QTest::addColumn<double>("maximum");
    QTest::newRow("widened to ticks")
        << 0.0 << 4.8e6 << AxisScale::Count << AxisFit::Widen << 0.0 << 5e6;
    QTest::newRow("inside keeps data")
        << 0.3 << 2.9 << AxisScale::Seconds << AxisFit::Inside << 0.3 << 2.9;
    QTest::newRow("empty") << 0.0 << 0.0 << AxisScale::Count << AxisFit::Widen << 0.0 << 1.0;
    QTest::newRow("NaN") << kNaN << kNaN << AxisScale::Number << AxisFit::Inside << 0.0 << 1.0;
    QTest::newRow("largest doubles stay finite")
        << 0.0 << 1.7e308 << AxisScale::Number << AxisFit::Widen << 0.0 << 1.7e308;
}

void TestAxisTicks::range()
{
    QFETCH(double, lo);
    QFETCH(double, hi);
    QFETCH(AxisScale, scale);
    QFETCH(AxisFit, fit);
    QFETCH(double, minimum);
    QFETCH(double, maximum);
    const AxisTicks t = axisTicks(lo, hi, scale, 5, fit);
    QCOMPARE(t.minimum, minimum);
    QCOMPARE(t.maximum, maximum);
}

void TestAxisTicks::ticksAreOrderedUniqueAndInside_data()
{
    QTest::addColumn<AxisScale>("scale");
    QTest::newRow("number") << AxisScale::Number;
    QTest::newRow("count") << AxisScale::Count;
    QTest::newRow("bytes") << AxisScale::Bytes;
    QTest::newRow("seconds") << AxisScale::Seconds;
    QTest::newRow("timestamp") << AxisScale::Timestamp;
    QTest::newRow("degrees") << AxisScale::Degrees;
}

// Many ranges of every size: ticks ascend, labels differ (a category axis needs them unique),
// fall inside the axis, and there are neither too few nor far too many.
void TestAxisTicks::ticksAreOrderedUniqueAndInside()
{
    QFETCH(AxisScale, scale);
    for (double lo : {-1e7, -3.0, 0.0, 0.4, 17.0, 1e6, k2020}) {
        for (double span : {1e-3, 0.7, 1.0, 13.0, 250.0, 86400.0, 4e6, 1e10, 3e12}) {
            for (int target : {2, 5, 9}) {
                for (AxisFit fit : {AxisFit::Widen, AxisFit::Inside}) {
                    const AxisTicks t = axisTicks(lo, lo + span, scale, target, fit);
                    const QString what =
                        QStringLiteral("%1 + %2, %3 ticks").arg(lo).arg(span).arg(target);
                    QVERIFY2(t.ticks.size() >= 1 && t.ticks.size() <= 2 * target + 2,
                             qPrintable(what));
                    QVERIFY2(t.minimum <= t.maximum, qPrintable(what));
                    for (qsizetype i = 0; i < t.ticks.size(); ++i) {
                        const AxisTick &k = t.ticks[i];
                        QVERIFY2(!k.label.isEmpty(), qPrintable(what));
                        const double slack = 1e-6 * (t.maximum - t.minimum);
                        QVERIFY2(k.value >= t.minimum - slack && k.value <= t.maximum + slack,
                                 qPrintable(what));
                        if (i > 0) {
                            QVERIFY2(k.value > t.ticks[i - 1].value, qPrintable(what));
                            QVERIFY2(k.label != t.ticks[i - 1].label, qPrintable(what + k.label));
                        }
                    }
                }
            }
        }
    }
}

void TestAxisTicks::tickTargetFollowsLength()
{
    QCOMPARE(tickTarget(400, 60), 4);
    QCOMPARE(tickTarget(100, 60), 2);
    QCOMPARE(tickTarget(0, 60), 2);
    QVERIFY(tickTarget(1600, 60) > tickTarget(800, 60));
}

QTEST_APPLESS_MAIN(TestAxisTicks)
#include "test_axisticks.moc"
