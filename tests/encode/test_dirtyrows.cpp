// DirtyRows: which rows are dirty and how, a pure function of (seed, table, row); the options'
// grammar; the schema's per-table "dirty" setting with its JSON paths.

#include "../testsupport.h"
#include "encode/dirtyrows.h"
#include "run/plan.h"
#include "schema/schemaio.h"
#include "verify/verifydigest.h"

#include <QFile>
#include <QJsonDocument>
#include <QTest>

using namespace spillway;

namespace {

std::shared_ptr<CompiledSchema> dirtySchema()
{
    QFile file(QStringLiteral(SPILLWAY_TEST_DATA "/dirty.json"));
    if (!file.open(QIODevice::ReadOnly))
        return nullptr;
    return test::compile(file.readAll());
}

DirtyOptions options(double fraction, QList<DirtyKind> kinds = {})
{
    DirtyOptions o;
    o.fraction = fraction;
    o.kinds = kinds;
    return o;
}

} // namespace

class TestDirtyRows : public QObject
{
    Q_OBJECT

private slots:
    void deterministic()
    {
        const auto schema = dirtySchema();
        QVERIFY(schema);
        const TableRuntime &orders = *schema->table(QStringLiteral("orders"));
        const DirtyRows a(orders, options(0.05), 7), b(orders, options(0.05), 7);
        const DirtyRows other(orders, options(0.05), 8);
        int same = 0, dirty = 0;
        for (uint64_t row = 0; row < 20000; ++row) {
            const auto x = a.at(row), y = b.at(row);
            QCOMPARE(x.has_value(), y.has_value());
            if (x) {
                QCOMPARE(x->kind, y->kind);
                QCOMPARE(x->column, y->column);
                QCOMPARE(a.draw(row, 3), b.draw(row, 3));
                ++dirty;
                same += other.isDirty(row);
            }
        }
        QVERIFY(dirty > 0);
        QVERIFY2(same < dirty / 5, "another seed picks other rows");
    }

    void fraction_data()
    {
        QTest::addColumn<double>("fraction");
        QTest::newRow("1%") << 0.01;
        QTest::newRow("10%") << 0.1;
        QTest::newRow("half") << 0.5;
    }
    void fraction()
    {
        QFETCH(double, fraction);
        const auto schema = dirtySchema();
        const DirtyRows rows(*schema->table(QStringLiteral("customers")), options(fraction), 1);
        uint64_t dirty = 0;
        const uint64_t n = 1000000;
        for (uint64_t row = 0; row < n; ++row)
            dirty += rows.isDirty(row);
        QVERIFY2(std::abs(double(dirty) / double(n) - fraction) <= 0.002,
                 qPrintable(QString::number(double(dirty) / double(n))));
    }

    void zeroFractionIsClean()
    {
        const auto schema = dirtySchema();
        const DirtyRows rows(*schema->table(QStringLiteral("orders")), options(0), 1);
        QVERIFY(rows.isEmpty());
        for (uint64_t row = 0; row < 1000; ++row)
            QVERIFY(!rows.at(row));
    }

    // Every dirty row has one kind among those that apply, and a column that kind can damage.
    void oneApplicableKindPerRow()
    {
        const auto schema = dirtySchema();
        const TableRuntime &orders = *schema->table(QStringLiteral("orders"));
        const DirtyRows rows(orders, options(0.2), 3);
        QCOMPARE(rows.applicableKinds(), allDirtyKinds());
        QSet<DirtyKind> seen;
        for (uint64_t row = 0; row < 50000; ++row) {
            const auto hit = rows.at(row);
            if (!hit)
                continue;
            seen.insert(hit->kind);
            QVERIFY(row > 0 || hit->kind != DirtyKind::Duplicate);
            const QString type =
                hit->column >= 0 ? orders.columns[size_t(hit->column)].sqlType : QString();
            const DirtyColumnType t = DirtyColumnType::of(type);
            switch (hit->kind) {
            case DirtyKind::FieldCount:
                QCOMPARE(hit->column, -1);
                break;
            case DirtyKind::Number:
                QVERIFY(t.family == DirtyColumnType::Family::Integer ||
                        t.family == DirtyColumnType::Family::Numeric ||
                        t.family == DirtyColumnType::Family::Float);
                break;
            case DirtyKind::Date:
                QVERIFY(t.family == DirtyColumnType::Family::Date ||
                        t.family == DirtyColumnType::Family::Time ||
                        t.family == DirtyColumnType::Family::Timestamp);
                break;
            case DirtyKind::Overflow:
                QVERIFY(t.isBounded());
                break;
            case DirtyKind::Null:
                QVERIFY(orders.isNotNull(hit->column));
                break;
            case DirtyKind::Duplicate:
                QVERIFY(orders.columns[size_t(hit->column)].primaryKey);
                QVERIFY(rows.duplicateSource(row));
                break;
            case DirtyKind::Quote:
            case DirtyKind::Encoding:
                QVERIFY(hit->column >= 0);
                break;
            }
            if (hit->kind == DirtyKind::Duplicate)
                QVERIFY(!rows.isDirty(*rows.duplicateSource(row)));
        }
        QCOMPARE(seen.size(), qsizetype(allDirtyKinds().size()));
    }

    void applicability()
    {
        const auto schema = dirtySchema();
        const TableRuntime &notes = *schema->table(QStringLiteral("notes"));
        // One text column, no key, no number or date: three kinds left for CSV, two for TSV.
        const DirtyRows csv(notes, options(0.1), 1, OutputFormat::Csv);
        QCOMPARE(csv.applicableKinds(),
                 (QList<DirtyKind>{DirtyKind::FieldCount, DirtyKind::Quote, DirtyKind::Encoding}));
        const DirtyRows tsv(notes, options(0.1), 1, OutputFormat::Tsv);
        QCOMPARE(tsv.applicableKinds(),
                 (QList<DirtyKind>{DirtyKind::FieldCount, DirtyKind::Encoding}));
        QVERIFY(tsv.inapplicableKinds().contains(DirtyKind::Quote));
        // Only kinds that apply nowhere: no row is dirty at all.
        const DirtyRows none(notes, options(0.1, {DirtyKind::Number, DirtyKind::Null}), 1);
        QVERIFY(none.isEmpty());
        QVERIFY(!none.isDirty(1));
        // Only duplicate: the first row, with nothing to repeat, takes field_count.
        const TableRuntime &customers = *schema->table(QStringLiteral("customers"));
        const DirtyRows dup(customers, options(0.5, {DirtyKind::Duplicate}), 1);
        for (uint64_t row = 0; row < 200; ++row) {
            if (const auto hit = dup.at(row))
                QCOMPARE(hit->kind, row == 0 || !dup.duplicateSource(row) ? DirtyKind::FieldCount
                                                                          : DirtyKind::Duplicate);
        }
    }

    void columnTypes_data()
    {
        QTest::addColumn<QString>("type");
        QTest::addColumn<int>("family");
        QTest::addColumn<int>("bytes");
        QTest::addColumn<int>("precision");
        QTest::addColumn<int>("scale");
        QTest::addColumn<int>("length");
        using F = DirtyColumnType::Family;
        QTest::newRow("smallint") << "smallint" << int(F::Integer) << 2 << 0 << 0 << 0;
        QTest::newRow("int8") << "int8" << int(F::Integer) << 8 << 0 << 0 << 0;
        QTest::newRow("numeric") << "numeric(12, 2)" << int(F::Numeric) << 0 << 12 << 2 << 0;
        QTest::newRow("numeric bare") << "numeric" << int(F::Numeric) << 0 << 0 << 0 << 0;
        QTest::newRow("double") << "double precision" << int(F::Float) << 0 << 0 << 0 << 0;
        QTest::newRow("varchar") << "character varying(10)" << int(F::Text) << 0 << 0 << 0 << 10;
        QTest::newRow("char") << "char" << int(F::Text) << 0 << 0 << 0 << 1;
        QTest::newRow("text") << "text" << int(F::Text) << 0 << 0 << 0 << 0;
        QTest::newRow("timestamptz")
            << "timestamp(3) with time zone" << int(F::Timestamp) << 0 << 0 << 0 << 0;
        QTest::newRow("array") << "integer[]" << int(F::Other) << 0 << 0 << 0 << 0;
    }
    void columnTypes()
    {
        QFETCH(QString, type);
        const DirtyColumnType t = DirtyColumnType::of(type);
        QTEST(int(t.family), "family");
        QTEST(t.integerBytes, "bytes");
        QTEST(t.precision, "precision");
        QTEST(t.scale, "scale");
        QTEST(t.length, "length");
    }

    void optionGrammar()
    {
        double fraction = 0;
        QString error;
        QVERIFY(DirtyOptions::parseFraction(QStringLiteral("1%"), fraction, &error));
        QCOMPARE(fraction, 0.01);
        QVERIFY(DirtyOptions::parseFraction(QStringLiteral("0.5"), fraction, &error));
        QVERIFY(!DirtyOptions::parseFraction(QStringLiteral("0.6"), fraction, &error));
        QVERIFY(error.contains(QLatin1String("between 0 and 0.5")));
        QVERIFY(!DirtyOptions::parseFraction(QStringLiteral("lots"), fraction, &error));
        QList<DirtyKind> kinds;
        QVERIFY(DirtyOptions::parseKinds(QStringLiteral("number, date,number"), kinds, &error));
        QCOMPARE(kinds, (QList<DirtyKind>{DirtyKind::Number, DirtyKind::Date}));
        QVERIFY(!DirtyOptions::parseKinds(QStringLiteral("number,typo"), kinds, &error));
        QCOMPARE(error, QStringLiteral("unknown dirty kind 'typo': use field_count, quote, "
                                       "encoding, number, date, overflow, null, duplicate "
                                       "(or all)"));
        for (DirtyKind kind : allDirtyKinds())
            QCOMPARE(dirtyKindFromName(dirtyKindName(kind)), kind);
    }

    void schemaSetting()
    {
        Diagnostics d;
        auto schema = SchemaIO::parse(
            R"({"tables": [{"name": "t", "rows": 10, "dirty": {"fraction": 0.02, "kinds":
               ["number"]}, "columns": [{"name": "v", "type": "integer", "generator":
               {"kind": "sequence"}}]}]})",
            d);
        QVERIFY2(schema, qPrintable(d.toString()));
        QVERIFY(schema->tables[0].dirty);
        QCOMPARE(schema->tables[0].dirty->fraction, 0.02);
        QCOMPARE(schema->tables[0].dirty->kinds, QList<DirtyKind>{DirtyKind::Number});
        // Round trip.
        const Schema again = *SchemaIO::parse(QJsonDocument(SchemaIO::toJson(*schema)).toJson(), d);
        QCOMPARE(*again.tables[0].dirty, *schema->tables[0].dirty);

        Diagnostics bad;
        QVERIFY(!SchemaIO::parse(
            R"({"tables": [{"name": "t", "rows": 10, "dirty": {"fraction": 0.9, "kinds":
               ["numbr"]}, "columns": [{"name": "v", "generator": {"kind": "sequence"}}]}]})",
            bad));
        const QString text = bad.toString();
        QVERIFY2(text.contains(QLatin1String("tables[0].dirty.fraction")), qPrintable(text));
        QVERIFY2(text.contains(QLatin1String("tables[0].dirty.kinds[0]: unknown dirty kind "
                                             "'numbr'")),
                 qPrintable(text));
    }

    // The command line's setting replaces the table's; --dirty 0 turns it off.
    void planMergesSettings()
    {
        auto schema = test::compile(
            R"({"tables": [{"name": "t", "rows": 100, "dirty": {"fraction": 0.3}, "columns":
               [{"name": "v", "type": "integer", "generator": {"kind": "sequence"}}]}]})");
        QVERIFY(schema);
        Diagnostics d;
        PlanOptions o;
        auto plan = Plan::build(schema, o, nullptr, d);
        QVERIFY(plan && plan->hasDirtyRows());
        QCOMPARE(plan->dirtyOptions(0).fraction, 0.3);
        QVERIFY(Plan::wantsDirtyRows(*schema, o));
        o.dirty.isSet = true; // --dirty 0
        plan = Plan::build(schema, o, nullptr, d);
        QVERIFY(plan && !plan->hasDirtyRows() && !plan->dirtyRows(0));
        QVERIFY(!Plan::wantsDirtyRows(*schema, o));
        o.dirty.fraction = 0.6;
        QVERIFY(!Plan::build(schema, o, nullptr, d));
        QVERIFY(d.toString().contains(QLatin1String("--dirty")));
    }

    // Verify expects the clean rows only: the digest counts every row but the dirty ones.
    void verifySkipsDirtyRows()
    {
        const auto schema = dirtySchema();
        PlanOptions o;
        o.dirty.fraction = 0.05;
        Diagnostics d;
        const std::shared_ptr<const Plan> plan = Plan::build(schema, o, nullptr, d);
        QVERIFY(plan);
        const int t = schema->tableIndex(QStringLiteral("customers"));
        const auto dirty = plan->dirtyRows(t);
        QVERIFY(dirty);
        uint64_t clean = 0;
        for (uint64_t row = 0; row < plan->tablePlan(t)->rows; ++row)
            clean += !dirty->isDirty(row);
        const TableDigest digest =
            VerifyDigest::table(plan, t, {}, DigestKind::Columns, nullptr).result();
        QCOMPARE(digest.rows, clean);
        QVERIFY(clean < plan->tablePlan(t)->rows);
    }
};

QTEST_GUILESS_MAIN(TestDirtyRows)
#include "test_dirtyrows.moc"
