// Quantities: one grammar for counts and sizes typed anywhere (CLI flags, GUI run settings), one
// way of printing counts, sizes, rates and durations (progress line, dashboard, History, reports).

#include "base/quantity.h"

#include <QTest>

using namespace spillway;

class TestQuantity : public QObject
{
    Q_OBJECT

private slots:
    void parsesCounts_data();
    void parsesCounts();
    void parsesSizes_data();
    void parsesSizes();
    void formats_data();
    void formats();
};

void TestQuantity::parsesCounts_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<qint64>("expected"); // -1: refused
    QTest::newRow("plain") << QStringLiteral("250000") << qint64(250000);
    QTest::newRow("SI suffix") << QStringLiteral("10M") << qint64(10000000);
    QTest::newRow("lower k") << QStringLiteral("5k") << qint64(5000);
    QTest::newRow("decimal with suffix") << QStringLiteral("1.5G") << qint64(1500000000);
    QTest::newRow("exponent") << QStringLiteral("1e6") << qint64(1000000);
    QTest::newRow("underscores") << QStringLiteral("1_000_000") << qint64(1000000);
    QTest::newRow("commas") << QStringLiteral("1,000,000") << qint64(1000000);
    QTest::newRow("spaces around") << QStringLiteral(" 42 ") << qint64(42);
    QTest::newRow("zero") << QStringLiteral("0") << qint64(0);
    QTest::newRow("fraction of a row") << QStringLiteral("1.2345k") << qint64(-1);
    QTest::newRow("bytes suffix is not a count") << QStringLiteral("10MB") << qint64(-1);
    QTest::newRow("binary suffix is not a count") << QStringLiteral("10Mi") << qint64(-1);
    QTest::newRow("comma as decimal mark") << QStringLiteral("1,5") << qint64(-1);
    QTest::newRow("mixed separators") << QStringLiteral("1,000_000") << qint64(-1);
    QTest::newRow("negative") << QStringLiteral("-5") << qint64(-1);
    QTest::newRow("word") << QStringLiteral("many") << qint64(-1);
    QTest::newRow("empty") << QStringLiteral("") << qint64(-1);
    QTest::newRow("too large") << QStringLiteral("1e30") << qint64(-1);
}

void TestQuantity::parsesCounts()
{
    QFETCH(QString, text);
    QFETCH(qint64, expected);
    const auto parsed = parseCount(text);
    if (expected < 0)
        QVERIFY2(!parsed, qPrintable(QString::number(parsed.value_or(0))));
    else
        QCOMPARE(parsed.value_or(~0ull), uint64_t(expected));
}

void TestQuantity::parsesSizes_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<qint64>("expected");
    QTest::newRow("bytes") << QStringLiteral("512") << qint64(512);
    QTest::newRow("B") << QStringLiteral("512B") << qint64(512);
    QTest::newRow("K") << QStringLiteral("64K") << qint64(65536);
    QTest::newRow("KB is binary too") << QStringLiteral("64KB") << qint64(65536);
    QTest::newRow("KiB") << QStringLiteral("64KiB") << qint64(65536);
    QTest::newRow("the GUI and the CLI agree") << QStringLiteral("10M") << qint64(10485760);
    QTest::newRow("GiB") << QStringLiteral("1.5GiB") << qint64(1610612736);
    QTest::newRow("exponent") << QStringLiteral("1e6") << qint64(1000000);
    QTest::newRow("grouped") << QStringLiteral("1,048,576") << qint64(1048576);
    QTest::newRow("iB without a unit") << QStringLiteral("10iB") << qint64(-1);
    QTest::newRow("unknown unit") << QStringLiteral("10X") << qint64(-1);
}

void TestQuantity::parsesSizes()
{
    QFETCH(QString, text);
    QFETCH(qint64, expected);
    const auto parsed = parseByteSize(text);
    if (expected < 0)
        QVERIFY(!parsed);
    else
        QCOMPARE(parsed.value_or(~0ull), uint64_t(expected));
}

void TestQuantity::formats_data()
{
    QTest::addColumn<QString>("actual");
    QTest::addColumn<QString>("expected");
    QTest::newRow("count small") << formatCount(999) << QStringLiteral("999");
    QTest::newRow("count k") << formatCount(12345) << QStringLiteral("12.3k");
    QTest::newRow("count M") << formatCount(1234567) << QStringLiteral("1.23M");
    QTest::newRow("count G") << formatCount(4.5e9) << QStringLiteral("4.50G");
    QTest::newRow("number grouped") << formatNumber(1234567) << QStringLiteral("1,234,567");
    QTest::newRow("number decimals") << formatNumber(2.5) << QStringLiteral("2.50");
    QTest::newRow("bytes") << formatBytes(512) << QStringLiteral("512 B");
    QTest::newRow("KiB") << formatBytes(65536) << QStringLiteral("64.0 KiB");
    QTest::newRow("GiB") << formatBytes(1610612736) << QStringLiteral("1.50 GiB");
    QTest::newRow("rate") << formatByteRate(123.4e6) << QStringLiteral("123.4 MB/s");
    QTest::newRow("seconds") << formatDuration(4.24) << QStringLiteral("4.2 s");
    QTest::newRow("tens of seconds") << formatDuration(42.4) << QStringLiteral("42 s");
    QTest::newRow("minutes") << formatDuration(62) << QStringLiteral("1:02");
    QTest::newRow("hours") << formatDuration(3723) << QStringLiteral("1:02:03");
    QTest::newRow("unknown") << formatDuration(-1) << QStringLiteral("–");
}

void TestQuantity::formats()
{
    QFETCH(QString, actual);
    QFETCH(QString, expected);
    QCOMPARE(actual, expected);
}

QTEST_APPLESS_MAIN(TestQuantity)
#include "test_quantity.moc"
