// example:gis in a real PostgreSQL with PostGIS (issue 11, item 5): ingested with binary COPY
// (EWKB) and with COPY text (EWKT), the extension created by the ingest itself; every geometry
// valid (ST_IsValid), of the declared shape and SRID; tracks' times one per vertex; parcels that
// never overlap; both formats load the same geometries; verify reports a match, and a mismatch
// naming the table and column once a geometry moved; the CSV files load with psql \copy into
// the tables `spillway-cli ddl` prints.

#include "../processsupport.h"
#include "pgfixture.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace spillway::test;

namespace {

const QString kScale = QStringLiteral("0.1");

// Ingest, verify and generate at kScale take longer than the default timeout on a slow machine.
constexpr int kCliTimeoutMs = 240000;

struct GeoColumn
{
    const char *table;
    const char *column;
    const char *type; // GeometryType() of every value
    bool geography;
};

const GeoColumn kColumns[] = {
    {"sites", "location", "POINT", false},   {"sites", "position", "POINT", true},
    {"parcels", "shape", "POLYGON", false},  {"tracks", "path", "LINESTRING", false},
    {"zones", "area", "MULTIPOLYGON", true},
};

} // namespace

class TestGisExample : public QObject
{
    Q_OBJECT

    std::unique_ptr<PgFixture> m_pg;
    QTemporaryDir m_dir;

    QString query(const QString &sql) { return psqlQuery(m_pg->connectionString(), sql); }

    CliResult verify(const QString &dbSchema)
    {
        return runCli({QStringLiteral("verify"), QStringLiteral("example:gis"),
                       QStringLiteral("--db"), m_pg->connectionString(),
                       QStringLiteral("--db-schema"), dbSchema, QStringLiteral("--scale"), kScale,
                       QStringLiteral("--attach"), QStringLiteral("none"),
                       QStringLiteral("--no-record")},
                      {}, {}, kCliTimeoutMs);
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        if (QStandardPaths::findExecutable(QStringLiteral("psql")).isEmpty())
            QSKIP("psql is not installed (apt install postgresql-client)");
        qputenv("SPILLWAY_RUNS_DIR", m_dir.filePath(QStringLiteral("runs")).toUtf8());
        m_pg = std::make_unique<PgFixture>();
        QVERIFY2(m_pg->isReady(), qPrintable(m_pg->error()));
    }
    void cleanupTestCase() { m_pg.reset(); }

    void ingest_data()
    {
        QTest::addColumn<QString>("format");
        QTest::newRow("binary (EWKB)") << QStringLiteral("binary");
        QTest::newRow("text (EWKT)") << QStringLiteral("text");
    }

    // The ingest creates the extension itself, before the tables that need it.
    void ingest()
    {
        QFETCH(QString, format);
        const QString created =
            query(QStringLiteral("SELECT count(*) FROM pg_extension WHERE extname = 'postgis'"));
        if (format == QLatin1String("binary"))
            QCOMPARE(created, QStringLiteral("0")); // a fresh database
        const CliResult r =
            runCli({QStringLiteral("ingest"), QStringLiteral("example:gis"), QStringLiteral("--db"),
                    m_pg->connectionString(), QStringLiteral("--db-schema"),
                    QStringLiteral("gis_") + format, QStringLiteral("--copy-format"), format,
                    QStringLiteral("--scale"), kScale, QStringLiteral("--quiet"),
                    QStringLiteral("--no-record")},
                   {}, {}, kCliTimeoutMs);
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QCOMPARE(query(QStringLiteral("SELECT count(*) FROM pg_extension WHERE extname = "
                                      "'postgis'")),
                 QStringLiteral("1"));
        QCOMPARE(query(QStringLiteral("SELECT count(*) FROM gis_%1.parcels").arg(format)),
                 QStringLiteral("2000"));
        QCOMPARE(query(QStringLiteral("SELECT count(*) FROM gis_%1.sites").arg(format)),
                 QStringLiteral("500"));
    }

    void geometriesValid_data()
    {
        QTest::addColumn<QString>("dbSchema");
        QTest::addColumn<QString>("table");
        QTest::addColumn<QString>("column");
        QTest::addColumn<QString>("type");
        QTest::addColumn<bool>("geography");
        for (const char *schema : {"gis_binary", "gis_text"}) {
            for (const GeoColumn &c : kColumns) {
                QTest::addRow("%s.%s.%s", schema, c.table, c.column)
                    << QString::fromLatin1(schema) << QString::fromLatin1(c.table)
                    << QString::fromLatin1(c.column) << QString::fromLatin1(c.type) << c.geography;
            }
        }
    }

    // Every value present, valid, of the column's shape and SRID 4326, with the declared type.
    void geometriesValid()
    {
        QFETCH(QString, dbSchema);
        QFETCH(QString, table);
        QFETCH(QString, column);
        QFETCH(QString, type);
        QFETCH(bool, geography);
        const QString g = geography ? column + QStringLiteral("::geometry") : column;
        const QString sql =
            QStringLiteral(
                "SELECT count(*) = count(%1) AND count(*) > 0, bool_and(ST_IsValid(%2)), "
                "string_agg(DISTINCT GeometryType(%2), ','), "
                "string_agg(DISTINCT ST_SRID(%2)::text, ','), "
                "string_agg(DISTINCT ST_IsValidReason(%2), ',') FILTER (WHERE NOT "
                "ST_IsValid(%2)) FROM %3.%4")
                .arg(column, g, dbSchema, table);
        const QStringList row = query(sql).split(QLatin1Char('|'));
        QCOMPARE(row.size(), 5);
        QVERIFY2(row[0] == QLatin1String("t"), qPrintable(row.join(QLatin1Char('|'))));
        QVERIFY2(row[1] == QLatin1String("t"), qPrintable(row[4])); // why not valid
        QCOMPARE(row[2], type);
        QCOMPARE(row[3], QStringLiteral("4326"));
        QCOMPARE(query(QStringLiteral("SELECT format_type(atttypid, atttypmod) FROM pg_attribute "
                                      "WHERE attrelid = '%1.%2'::regclass AND attname = '%3'")
                           .arg(dbSchema, table, column)),
                 QStringLiteral("%1(%2,4326)")
                     .arg(geography ? QStringLiteral("geography") : QStringLiteral("geometry"),
                          type == QLatin1String("MULTIPOLYGON") ? QStringLiteral("MultiPolygon")
                          : type == QLatin1String("LINESTRING") ? QStringLiteral("LineString")
                          : type == QLatin1String("POLYGON")    ? QStringLiteral("Polygon")
                                                                : QStringLiteral("Point")));
    }

    // A track's times: one per vertex, from its start, 30 s apart.
    void trackTimes()
    {
        QCOMPARE(query(QStringLiteral(
                     "SELECT count(*) FROM gis_binary.tracks WHERE cardinality(times) <> "
                     "ST_NPoints(path) OR times[1] <> started_at OR times[cardinality(times)] - "
                     "times[1] <> (cardinality(times) - 1) * interval '30 s' OR ST_NPoints(path) "
                     "NOT BETWEEN 20 AND 80")),
                 QStringLiteral("0"));
    }

    // Parcels share edges but never an interior; sites lie near cities of the listed countries.
    void parcelsDoNotOverlap()
    {
        QCOMPARE(query(QStringLiteral(
                     "SELECT count(*) FROM gis_binary.parcels a JOIN gis_binary.parcels b ON "
                     "a.id < b.id AND a.shape && b.shape AND ST_Relate(a.shape, b.shape, "
                     "'2********')")),
                 QStringLiteral("0"));
        QCOMPARE(query(QStringLiteral("SELECT count(*) FROM gis_binary.parcels a JOIN "
                                      "gis_binary.parcels b ON a.id + 1 = b.id AND a.id % 200 <> "
                                      "0 AND ST_Touches(a.shape, b.shape)")),
                 QStringLiteral("1990")); // neighbours in a grid row share an edge
        QCOMPARE(query(QStringLiteral("SELECT count(*) FROM gis_binary.sites WHERE "
                                      "ST_Distance(location::geography, position) > 0.2")),
                 QStringLiteral("0")); // the same point, as geometry and as geography
    }

    // Binary COPY (EWKB) and COPY text (EWKT) load the very same geometries.
    void sameInBothFormats_data()
    {
        QTest::addColumn<QString>("table");
        QTest::addColumn<QString>("column");
        for (const GeoColumn &c : kColumns)
            QTest::addRow("%s.%s", c.table, c.column)
                << QString::fromLatin1(c.table) << QString::fromLatin1(c.column);
    }
    void sameInBothFormats()
    {
        QFETCH(QString, table);
        QFETCH(QString, column);
        const QString sql =
            QStringLiteral("SELECT md5(string_agg(%1::text, ',' ORDER BY %1::text)) FROM %2.%3");
        const QString binary = query(sql.arg(column, QStringLiteral("gis_binary"), table));
        QVERIFY(!binary.isEmpty());
        QCOMPARE(query(sql.arg(column, QStringLiteral("gis_text"), table)), binary);
    }

    // verify compares geometries exactly: a match, then a parcel moved by 1e-6 degrees differs.
    void verifyGeometries()
    {
        CliResult r = verify(QStringLiteral("gis_text"));
        QVERIFY2(r.exitCode == 0, qPrintable(QString::fromUtf8(r.out) + r.err));
        QCOMPARE(query(QStringLiteral("UPDATE gis_text.parcels SET shape = ST_Translate(shape, "
                                      "0.000001, 0) WHERE id = 7")),
                 QStringLiteral("UPDATE 1"));
        r = verify(QStringLiteral("gis_text"));
        const QString report = QString::fromUtf8(r.out) + r.err;
        QVERIFY2(r.exitCode == 3, qPrintable(report));
        QVERIFY2(report.contains(QLatin1String("parcels")), qPrintable(report));
        QVERIFY2(report.contains(QLatin1String("shape")), qPrintable(report));
    }

    // The files generate writes load with psql \copy into the tables the DDL declares.
    void psqlCopyIntoDdl()
    {
        const CliResult ddl =
            runCli({QStringLiteral("ddl"), QStringLiteral("example:gis")}, {}, {}, kCliTimeoutMs);
        QVERIFY2(ddl.exitCode == 0, qPrintable(ddl.err));
        QVERIFY(ddl.out.contains("geometry(Polygon,4326)"));
        const QString script = m_dir.filePath(QStringLiteral("gis.sql"));
        QFile file(script);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("CREATE EXTENSION IF NOT EXISTS postgis;\n" + ddl.out);
        file.close();
        QCOMPARE(psql(m_pg->connectionString(), {QStringLiteral("-f"), script}), QString());
        const QString out = m_dir.filePath(QStringLiteral("csv"));
        const CliResult generated = runCli(
            {QStringLiteral("generate"), QStringLiteral("example:gis"), QStringLiteral("--out"),
             out, QStringLiteral("--scale"), kScale, QStringLiteral("--format"),
             QStringLiteral("csv"), QStringLiteral("--quiet"), QStringLiteral("--no-record")},
            {}, {}, kCliTimeoutMs);
        QVERIFY2(generated.exitCode == 0, qPrintable(generated.err));
        const QStringList tables{QStringLiteral("sites"), QStringLiteral("parcels"),
                                 QStringLiteral("vehicles"), QStringLiteral("tracks"),
                                 QStringLiteral("zones")};
        for (const QString &table : tables) {
            const QString csv = QDir(out).filePath(table + QStringLiteral(".csv"));
            const QString error =
                psqlCopyCsv(m_pg->connectionString(), QStringLiteral("public.") + table, csv);
            QVERIFY2(error.isEmpty(), qPrintable(QStringLiteral("%1: %2").arg(table, error)));
            QCOMPARE(query(QStringLiteral("SELECT count(*) FROM public.%1").arg(table)),
                     query(QStringLiteral("SELECT count(*) FROM gis_binary.%1").arg(table)));
        }
        // The same geometries as the binary ingest, and all valid.
        QCOMPARE(
            query(QStringLiteral("SELECT count(*) FROM public.parcels p JOIN "
                                 "gis_binary.parcels b USING (id) WHERE NOT ST_Equals(p.shape, "
                                 "b.shape) OR NOT ST_IsValid(p.shape)")),
            QStringLiteral("0"));
        QCOMPARE(query(QStringLiteral("SELECT count(*) FROM public.tracks p JOIN gis_binary.tracks "
                                      "b USING (vehicle_id, trip_no) WHERE p.path::text <> "
                                      "b.path::text OR p.times <> b.times")),
                 QStringLiteral("0"));
    }
};

QTEST_GUILESS_MAIN(TestGisExample)
#include "test_gis_example.moc"
