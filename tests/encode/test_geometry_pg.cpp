// Geometry columns against a real PostgreSQL server with PostGIS: every generator's rows load
// the same through binary COPY (EWKB) and CSV (EWKT), every geometry is valid (ST_IsValid), and
// verify's text form of each value is exactly what the server prints for it.

#include "copysupport.h"
#include "encode/binaryencoder.h"
#include "pgfixture.h"
#include "valuespec.h"
#include "verify/pgtextform.h"

#include <QStandardPaths>
#include <QTemporaryDir>

using namespace spillway;
using namespace spillway::test;

namespace {

constexpr uint32_t kRows = 3000;

const QByteArray kSchema = R"json({"seed": 4, "tables": [{"name": "g", "rows": 3000, "columns": [
 {"name": "id", "type": "bigint", "generator": {"kind": "sequence"}},
 {"name": "at", "generator": {"kind": "point"}},
 {"name": "at_geog", "type": "geography(Point)", "generator": {"kind": "point",
  "bbox": [-180, -90, 180, 90]}},
 {"name": "area", "generator": {"kind": "polygon", "minVertices": 3, "maxVertices": 60,
  "radius": 12, "jitter": 0.5}},
 {"name": "area_geog", "type": "geography(Polygon)", "generator": {"kind": "polygon"}},
 {"name": "lots", "generator": {"kind": "multipolygon", "maxParts": 9, "radius": 15}},
 {"name": "parcel", "generator": {"kind": "parcel", "origin": [13.3, 52.4], "columns": 40,
  "jitter": 0.25, "cellSize": 6}},
 {"name": "route", "type": "geometry(LineString)", "generator": {"kind": "track",
  "minVertices": 2, "maxVertices": 60, "step": 3}},
 {"name": "given", "type": "geometry", "nullFraction": 0.2, "generator": {"kind": "choice",
  "values": ["POINT(-0 1e-300)", "MULTIPOINT(1 2,3 4)",
   "0101000020E6100000000000000000F03F0000000000000040"]}}]}]})json";

} // namespace

class TestGeometryPg : public QObject
{
    Q_OBJECT

    std::unique_ptr<PgFixture> m_pg;
    QTemporaryDir m_files;

    QString psql(const QStringList &commands, QString *output = nullptr)
    {
        return psqlCommands(m_pg->connectionString(), commands, output);
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_files.isValid());
        if (QStandardPaths::findExecutable(QStringLiteral("psql")).isEmpty())
            QSKIP("psql is not installed (apt install postgresql-client)");
        m_pg = std::make_unique<PgFixture>();
        QVERIFY2(m_pg->isReady(), qPrintable(m_pg->error()));
        if (!psql({QStringLiteral("CREATE EXTENSION IF NOT EXISTS postgis")}).isEmpty())
            QSKIP("PostGIS is not installed (apt install postgresql-15-postgis-3)");
    }
    void cleanupTestCase() { m_pg.reset(); }

    void binaryCsvValidAndVerified()
    {
        const auto schema = compile(kSchema);
        QVERIFY(schema);
        const TableRuntime &table = *schema->tables().front();
        QCOMPARE(BinaryCopyEncoder::checkTable(table), QString());
        const auto batches = generateBatches(table, kRows);
        BinaryCopyEncoder binary;
        const Encoded encoded = encodeBoth(binary, table, pointersTo(batches));
        QVERIFY2(!binary.hasError(), qPrintable(binary.error()));
        // What verify predicts the server prints for each value, column by column.
        std::vector<std::vector<std::string>> expected(table.outputColumns.size());
        for (const auto &batch : batches) {
            for (size_t k = 0; k < table.outputColumns.size(); ++k) {
                const int column = table.outputColumns[k];
                const PgTextForm form = PgTextForm::forType(table.columns[size_t(column)].sqlType);
                for (uint32_t i = 0; i < batch->count; ++i) {
                    const Value &v = batch->column(column)[i];
                    std::string text = "<null>";
                    if (!v.isNull())
                        form.render(v, text);
                    expected[k].push_back(text);
                }
            }
        }
        const QString binFile = writeFile(m_files, QStringLiteral("g.bin"), encoded.binary);
        const QString csvFile = writeFile(m_files, QStringLiteral("g.csv"), encoded.csv);
        QVERIFY(!binFile.isEmpty() && !csvFile.isEmpty());
        const QString ddl = QStringLiteral(
            "CREATE TABLE %1 (id bigint, at geometry(Point,4326), at_geog geography(Point), area "
            "geometry(Polygon,4326), area_geog geography(Polygon), lots "
            "geometry(MultiPolygon,4326), parcel geometry(Polygon,4326), route "
            "geometry(LineString), given geometry)");
        QString error = psql({ddl.arg(QStringLiteral("b")), ddl.arg(QStringLiteral("c")),
                              QStringLiteral("\\copy b from '%1' (format binary)").arg(binFile),
                              QStringLiteral("\\copy c from '%1' (format csv)").arg(csvFile)});
        QVERIFY2(error.isEmpty(), qPrintable(error));

        QString out;
        error = psql({QStringLiteral(
                         "SELECT count(*) FROM b JOIN c USING (id) WHERE b::text = c::text AND "
                         "ST_IsValid(b.area) AND ST_IsValid(b.lots) AND ST_IsValid(b.parcel) AND "
                         "ST_IsValid(b.route) AND ST_IsValid(b.area_geog::geometry) AND "
                         "ST_NumGeometries(b.lots) >= 2")},
                     &out);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QCOMPARE(out.trimmed(), QString::number(kRows));

        // The server's text of every value, column by column, as verify predicts it.
        error = psql({QStringLiteral("SELECT * FROM b ORDER BY id")}, &out);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        const QStringList lines = out.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), qsizetype(kRows));
        for (qsizetype r = 0; r < lines.size(); ++r) {
            const QStringList fields = lines[r].split(QLatin1Char('|'));
            QCOMPARE(fields.size(), qsizetype(expected.size()));
            for (size_t k = 1; k < expected.size(); ++k)
                QCOMPARE(fields[qsizetype(k)].toStdString(), expected[k][size_t(r)]);
        }
    }
};

QTEST_GUILESS_MAIN(TestGeometryPg)
#include "test_geometry_pg.moc"
