// The HTML report: self-contained, escaped, charts as well-formed inline SVG; and
// `spillway-cli runs report`, which writes it.

#include "../processsupport.h"
#include "history/htmlreport.h"
#include "history/runstore.h"
#include "history/svgchart.h"
#include "runfixtures.h"

#include <QFile>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>
#include <QXmlStreamReader>

using namespace spillway;
using namespace spillway::test;

namespace {

const QString kNastyName = QStringLiteral("<b>\"Tom & Jerry's\"</b>");

// Each <svg>…</svg> of a page, parsed as XML; fails the test on a malformed one.
QStringList svgElements(const QString &html)
{
    QStringList out;
    const QRegularExpression re(QStringLiteral("<svg\\b.*?</svg>"),
                                QRegularExpression::DotMatchesEverythingOption);
    for (auto it = re.globalMatch(html); it.hasNext();) {
        const QString svg = it.next().captured();
        QXmlStreamReader xml(svg);
        while (!xml.atEnd())
            xml.readNext();
        if (xml.hasError())
            qWarning("malformed SVG: %s", qPrintable(xml.errorString()));
        else
            out.append(svg);
    }
    return out;
}

} // namespace

class TestReport : public QObject
{
    Q_OBJECT

private slots:
    void runReportHasChartsAndEscapesText();
    void fileRunHasNoLatencyOrServerChart();
    void comparisonOverlaysBothRuns();
    void chartTicksAreRoundAndReadable();
    void darkColorSchemeRecolorsCharts();
    void cliWritesReport();
    void cliRejectsUnknownRun();
};

void TestReport::runReportHasChartsAndEscapesText()
{
    RunShape shape;
    shape.id = QStringLiteral("20260110-090000-ingest-aaaa");
    shape.schemaName = kNastyName;
    RunRecord r = makeRun(shape);
    r.verify = QJsonObject{{QStringLiteral("ok"), true},
                           {QStringLiteral("note"), QStringLiteral("<script>alert(1)</script>")}};
    const QString html = HtmlReport::forRun(r);
    QVERIFY(html.startsWith(QLatin1String("<!DOCTYPE html>")));
    QVERIFY(html.contains(r.id));
    // Free text is escaped, never markup.
    QVERIFY(!html.contains(kNastyName));
    QVERIFY(html.contains(QLatin1String("&lt;b&gt;&quot;Tom &amp; Jerry's&quot;&lt;/b&gt;")));
    QVERIFY(!html.contains(QLatin1String("<script")));
    // Self-contained: nothing loaded from elsewhere.
    QVERIFY(!html.contains(QLatin1String("src=")));
    QVERIFY(!html.contains(QLatin1String("href=")));
    // rows/s, MB/s, p95 commit, server tuples/s: four charts, each well-formed SVG with a line.
    const QStringList svgs = svgElements(html);
    QCOMPARE(svgs.size(), 4);
    for (const QString &svg : svgs)
        QVERIFY(svg.contains(QLatin1String("<polyline")));
    QVERIFY(svgs[0].contains(QLatin1String("mean 50,")));
    for (const char *section : {"Summary", "Tables", "Thresholds", "Verify", "Settings"})
        QVERIFY2(html.contains(QStringLiteral("<h2>%1</h2>").arg(QLatin1String(section))), section);
    QVERIFY(html.contains(QLatin1String("order_lines")));
    QVERIFY(html.contains(QLatin1String("rows_per_s&gt;=1000")));
}

void TestReport::fileRunHasNoLatencyOrServerChart()
{
    RunShape shape;
    shape.id = QStringLiteral("20260110-090000-generate-bbbb");
    shape.kind = QStringLiteral("generate");
    shape.commits = false;
    const QString html = HtmlReport::forRun(makeRun(shape));
    QCOMPARE(svgElements(html).size(), 2);
    QVERIFY(!html.contains(QLatin1String("Commit latency")));
}

void TestReport::comparisonOverlaysBothRuns()
{
    RunShape sa, sb;
    sa.id = QStringLiteral("20260110-090000-ingest-aaaa");
    sb.id = QStringLiteral("20260111-090000-ingest-bbbb");
    sb.rowsPerSecond = 60000;
    sb.workers = 4;
    const QString html = HtmlReport::forComparison(makeRun(sa), makeRun(sb));
    QVERIFY(html.contains(sa.id));
    QVERIFY(html.contains(sb.id));
    const QStringList svgs = svgElements(html);
    QVERIFY(svgs.size() >= 2);
    QCOMPARE(svgs[0].count(QLatin1String("<polyline")), 2);
    QVERIFY(svgs[0].contains(QLatin1String("A rows/s")));
    QVERIFY(svgs[0].contains(QLatin1String("B rows/s")));
    // rows_per_s went up 20%: better, as `runs compare` says.
    QVERIFY(html.contains(QStringLiteral("+20.0% \u25B2")));
    QVERIFY(html.contains(QLatin1String("<span class=\"better\">better</span>")));
    QVERIFY(html.contains(QLatin1String("<h2>Settings that differ</h2>")));
    QVERIFY(html.contains(QLatin1String("<td>workers</td><td>2</td><td>4</td>")));
}

// Labels as axisticks prints them: 0, 1M ... 5M and 0.5 s steps; never 5000000 or 1e+06.
void TestReport::chartTicksAreRoundAndReadable()
{
    SvgChart chart(QStringLiteral("Throughput"), QStringLiteral("elapsed"),
                   QStringLiteral("rows/s"));
    QList<QPointF> points;
    for (int i = 0; i <= 29; ++i)
        points.append(QPointF(0.1 * i, 4.6e6 + 6000 * i));
    chart.addLine({QStringLiteral("rows/s"), points, QStringLiteral("#1f6fb2")});
    const QString svg = chart.toSvg();
    for (const char *label : {">0<", ">1M<", ">5M<", ">0.5 s<", ">2.5 s<"})
        QVERIFY2(svg.contains(QLatin1String(label)), label);
    QVERIFY(!svg.contains(QLatin1String("e+")));
    QVERIFY(!svg.contains(QLatin1String(">5000000<")));
    SvgChart empty(QStringLiteral("Empty"), QStringLiteral("elapsed"), QStringLiteral("ms"));
    empty.addLine({QStringLiteral("ms"), {}, QStringLiteral("#1f6fb2")});
    const QString none = empty.toSvg();
    QVERIFY(none.contains(QLatin1String(">0<")) && none.contains(QLatin1String(">1<")));
}

// The page's style recolors the charts' parts (by class) for a dark color scheme.
void TestReport::darkColorSchemeRecolorsCharts()
{
    RunShape shape;
    shape.id = QStringLiteral("20260110-090000-ingest-aaaa");
    const QString html = HtmlReport::forRun(makeRun(shape));
    QVERIFY(html.contains(QLatin1String("@media (prefers-color-scheme: dark)")));
    for (const char *part :
         {"class=\"bg\"", "class=\"grid\"", "class=\"tick\"", "class=\"legend\"", "class=\"line\""})
        QVERIFY2(svgElements(html).first().contains(QLatin1String(part)), part);
}

void TestReport::cliWritesReport()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const RunStore store(dir.filePath(QStringLiteral("runs")));
    RunShape sa, sb;
    sa.id = QStringLiteral("20260110-090000-ingest-aaaa");
    sb.id = QStringLiteral("20260111-090000-ingest-bbbb");
    sb.started = sa.started.addDays(1);
    QCOMPARE(store.save(makeRun(sa)), QString());
    QCOMPARE(store.save(makeRun(sb)), QString());

    const QString one = dir.filePath(QStringLiteral("one.html"));
    QCOMPARE(runCli({QStringLiteral("runs"), QStringLiteral("report"), QStringLiteral("latest"),
                     QStringLiteral("--runs-dir"), store.directory(), QStringLiteral("--out"), one})
                 .exitCode,
             0);
    QFile file(one);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QString html = QString::fromUtf8(file.readAll());
    QVERIFY(html.contains(sb.id));
    QCOMPARE(svgElements(html).size(), 4);

    const QString two = dir.filePath(QStringLiteral("two.html"));
    QCOMPARE(runCli({QStringLiteral("runs"), QStringLiteral("report"), sa.id,
                     QStringLiteral("--compare"), sb.id, QStringLiteral("--runs-dir"),
                     store.directory(), QStringLiteral("--out"), two})
                 .exitCode,
             0);
    QFile compared(two);
    QVERIFY(compared.open(QIODevice::ReadOnly));
    const QString both = QString::fromUtf8(compared.readAll());
    QVERIFY(both.contains(QLatin1String("Runs compared")));
    QVERIFY(both.contains(sa.id) && both.contains(sb.id));
}

void TestReport::cliRejectsUnknownRun()
{
    QTemporaryDir dir;
    const CliResult r =
        runCli({QStringLiteral("runs"), QStringLiteral("report"), QStringLiteral("nosuchrun"),
                QStringLiteral("--runs-dir"), dir.path()});
    QCOMPARE(r.exitCode, 2);
    QVERIFY((r.outText() + r.err).contains(QLatin1String("error:")));
}

QTEST_GUILESS_MAIN(TestReport)
#include "test_report.moc"
