// Row counts a plan gives root tables: --rows N and --scale change them, except a table with
// "fixedRows" (TPC-H's nations and regions), which only --rows TABLE=N changes.

#include "run/plan.h"
#include "schema/compiledschema.h"
#include "schema/schemaio.h"

#include <QTest>

using namespace spillway;

namespace {

// Rows of every table of example:tpch under `options`, by name.
QHash<QString, uint64_t> tpchRows(const PlanOptions &options)
{
    QHash<QString, uint64_t> rows;
    Diagnostics d;
    const auto schema = SchemaIO::load(QStringLiteral(":/spillway/examples/tpch.json"), d);
    if (!schema)
        return rows;
    const auto compiled = CompiledSchema::compile(*schema, d);
    if (!compiled)
        return rows;
    const auto plan = Plan::build(compiled, options, nullptr, d);
    if (!plan)
        return rows;
    for (const auto &table : compiled->tables())
        rows.insert(table->name, table->rowCount);
    return rows;
}

} // namespace

class TestPlan : public QObject
{
    Q_OBJECT

private slots:
    void fixedRows_data()
    {
        QTest::addColumn<double>("scale");
        QTest::addColumn<qulonglong>("rows");      // --rows N, 0 for none
        QTest::addColumn<QString>("tableRows");    // --rows TABLE=N, empty for none
        QTest::addColumn<qulonglong>("nations");   // expected
        QTest::addColumn<qulonglong>("customers"); // expected
        QTest::newRow("scale factor 1") << 1.0 << 0ULL << QString() << 25ULL << 150000ULL;
        QTest::newRow("scale 0.01") << 0.01 << 0ULL << QString() << 25ULL << 1500ULL;
        QTest::newRow("scale 3") << 3.0 << 0ULL << QString() << 25ULL << 450000ULL;
        QTest::newRow("--rows 2000") << 1.0 << 2000ULL << QString() << 25ULL << 2000ULL;
        QTest::newRow("--rows nation=10")
            << 0.01 << 0ULL << QStringLiteral("nation=10") << 10ULL << 1500ULL;
    }
    void fixedRows()
    {
        QFETCH(double, scale);
        QFETCH(qulonglong, rows);
        QFETCH(QString, tableRows);
        QFETCH(qulonglong, nations);
        QFETCH(qulonglong, customers);
        PlanOptions options;
        options.scale = scale;
        if (rows)
            options.rows = rows;
        if (!tableRows.isEmpty())
            options.tableRows.insert(tableRows.section(QLatin1Char('='), 0, 0),
                                     tableRows.section(QLatin1Char('='), 1).toULongLong());
        const QHash<QString, uint64_t> counts = tpchRows(options);
        QCOMPARE(counts.value(QStringLiteral("nation")), nations);
        QCOMPARE(counts.value(QStringLiteral("region")), 5ULL);
        QCOMPARE(counts.value(QStringLiteral("customer")), customers);
        QCOMPARE(counts.value(QStringLiteral("partsupp")),
                 4 * counts.value(QStringLiteral("part")));
    }
};

QTEST_GUILESS_MAIN(TestPlan)
#include "test_plan.moc"
