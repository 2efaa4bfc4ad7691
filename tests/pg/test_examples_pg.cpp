// The catalogue's examples in a real PostgreSQL: iot, webevents, wide and ecommerce (and the
// composite keys of tests/schema/data/keys.json) are generated as CSV by spillway-cli, loaded
// with psql \copy into the tables `spillway-cli ddl` creates, and their constraints (composite
// primary keys, unique constraints and foreign keys too) added after the load. Every row must
// load, and the server must read the inet, macaddr, jsonb, arrays, bytea, interval,
// timestamptz, point and uuid columns as meant.

#include "../processsupport.h"
#include "pgfixture.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace spillway::test;

namespace {

// The 48-bit Unix milliseconds at the start of a uuid column's values (UUIDv7, RFC 9562).
QString uuidMillis(const QString &column)
{
    return QStringLiteral("('x' || substr(replace(%1::text, '-', ''), 1, 12))::bit(48)::bigint")
        .arg(column);
}

QString epochMillis(const QString &column)
{
    return QStringLiteral("floor(extract(epoch FROM %1) * 1000)::bigint").arg(column);
}

} // namespace

class TestExamplesPg : public QObject
{
    Q_OBJECT

    std::unique_ptr<PgFixture> m_pg;
    QTemporaryDir m_dir;

    QString query(const QString &sql) { return psqlQuery(m_pg->connectionString(), sql); }

    // Runs a file of SQL statements with psql -f.
    QString runSql(const QString &name, const QByteArray &sql)
    {
        const QString path = m_dir.filePath(name);
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly) || file.write(sql) != sql.size())
            return QStringLiteral("cannot write %1").arg(path);
        file.close();
        return psql(m_pg->connectionString(), {QStringLiteral("-f"), path});
    }

    // Creates the tables `spillway-cli ddl` prints for `schema`, loads the CSV files `generate`
    // makes with psql \copy, checks each table's row count, then adds the constraints.
    void load(const QString &schema, const QString &scale)
    {
        const CliResult ddl = runCli({QStringLiteral("ddl"), schema});
        QVERIFY2(ddl.exitCode == 0, qPrintable(ddl.err));
        const qsizetype split = ddl.out.indexOf("-- Constraints");
        const QString name = schema.startsWith(QLatin1String("example:"))
                                 ? schema.mid(8)
                                 : QFileInfo(schema).completeBaseName();
        QCOMPARE(
            runSql(name + QStringLiteral("-tables.sql"), split < 0 ? ddl.out : ddl.out.left(split)),
            QString());

        const QString out = m_dir.filePath(name);
        const CliResult generated = runCli(
            {QStringLiteral("generate"), schema, QStringLiteral("--out"), out,
             QStringLiteral("--scale"), scale, QStringLiteral("--format"), QStringLiteral("csv"),
             QStringLiteral("--json"), QStringLiteral("--no-record")});
        QVERIFY2(generated.exitCode == 0, qPrintable(generated.err));
        QJsonObject finished;
        for (const QByteArray &line : generated.out.split('\n')) {
            const QJsonObject event = QJsonDocument::fromJson(line).object();
            if (event.value(QLatin1String("event")) == QLatin1String("finished"))
                finished = event;
        }
        const QJsonArray tables = finished.value(QLatin1String("tables")).toArray();
        QVERIFY2(!tables.isEmpty(), generated.out.constData());
        for (const QJsonValue &t : tables) {
            const QString table = t.toObject().value(QLatin1String("name")).toString();
            const qint64 rows = t.toObject().value(QLatin1String("rows")).toInteger();
            const QString csv = QDir(out).filePath(table + QStringLiteral(".csv"));
            // psql names the failing line and column: the message is the report.
            const QString error =
                psqlCopyCsv(m_pg->connectionString(), QStringLiteral("\"%1\"").arg(table), csv);
            QVERIFY2(error.isEmpty(), qPrintable(QStringLiteral("%1: %2").arg(table, error)));
            QCOMPARE(query(QStringLiteral("SELECT count(*) FROM \"%1\"").arg(table)),
                     QString::number(rows));
        }
        if (split >= 0) // primary keys, unique columns and foreign keys hold for the loaded rows
            QCOMPARE(runSql(name + QStringLiteral("-constraints.sql"), ddl.out.mid(split)),
                     QString());
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        if (QStandardPaths::findExecutable(QStringLiteral("psql")).isEmpty())
            QSKIP("psql is not installed (apt install postgresql-client)");
        m_pg = std::make_unique<PgFixture>();
        QVERIFY2(m_pg->isReady(), qPrintable(m_pg->error()));
    }
    void cleanupTestCase() { m_pg.reset(); }

    void examplesLoad_data()
    {
        QTest::addColumn<QString>("schema");
        QTest::addColumn<QString>("scale");
        QTest::addColumn<QStringList>("rootRows"); // TABLE=N of the root tables at this scale
        QTest::newRow("iot") << QStringLiteral("example:iot") << QStringLiteral("0.01")
                             << QStringList{QStringLiteral("devices=200")};
        QTest::newRow("webevents")
            << QStringLiteral("example:webevents") << QStringLiteral("0.01")
            << QStringList{QStringLiteral("users=500"), QStringLiteral("events=10000")};
        QTest::newRow("wide") << QStringLiteral("example:wide") << QStringLiteral("0.05")
                              << QStringList{QStringLiteral("accounts=100")};
        // Composite keys (issue 11): order_lines (order_id, line_no); film_actor (film_id,
        // actor_id) with distinct actors per film; picks (warehouse, item) -> stock.
        QTest::newRow("ecommerce") << QStringLiteral("example:ecommerce") << QStringLiteral("0.001")
                                   << QStringList{QStringLiteral("orders=1000")};
        QTest::newRow("keys") << QStringLiteral(SPILLWAY_KEYS_SCHEMA) << QStringLiteral("1")
                              << QStringList{QStringLiteral("films=5000"),
                                             QStringLiteral("picks=20000"),
                                             QStringLiteral("reviews=20000")};
    }

    void examplesLoad()
    {
        QFETCH(QString, schema);
        QFETCH(QString, scale);
        QFETCH(QStringList, rootRows);
        load(schema, scale);
        if (QTest::currentTestFailed())
            return;
        for (const QString &entry : rootRows) {
            QCOMPARE(query(QStringLiteral("SELECT count(*) FROM \"%1\"")
                               .arg(entry.section(QLatin1Char('='), 0, 0))),
                     entry.section(QLatin1Char('='), 1));
        }
    }

    // The composite keys the DDL declared are on the loaded tables, over both their columns.
    void compositeKeysDeclared_data()
    {
        QTest::addColumn<QString>("table");
        QTest::addColumn<QString>("type"); // pg_constraint.contype
        QTest::addColumn<QString>("columns");
        QTest::newRow("order_lines primary key")
            << QStringLiteral("order_lines") << QStringLiteral("p")
            << QStringLiteral("order_id,line_no");
        QTest::newRow("film_actor primary key")
            << QStringLiteral("film_actor") << QStringLiteral("p")
            << QStringLiteral("film_id,actor_id");
        QTest::newRow("film_actor unique") << QStringLiteral("film_actor") << QStringLiteral("u")
                                           << QStringLiteral("film_id,billing");
        QTest::newRow("stock primary key")
            << QStringLiteral("stock") << QStringLiteral("p") << QStringLiteral("warehouse,item");
        QTest::newRow("stock unique")
            << QStringLiteral("stock") << QStringLiteral("u") << QStringLiteral("item,bin");
        QTest::newRow("reviews primary key") << QStringLiteral("reviews") << QStringLiteral("p")
                                             << QStringLiteral("film_id,critic_id");
        QTest::newRow("picks foreign key")
            << QStringLiteral("picks") << QStringLiteral("f") << QStringLiteral("warehouse,item");
    }

    void compositeKeysDeclared()
    {
        QFETCH(QString, table);
        QFETCH(QString, type);
        QFETCH(QString, columns);
        const QString sql = QStringLiteral(
            "SELECT string_agg((SELECT a.attname FROM pg_attribute a WHERE a.attrelid = "
            "c.conrelid AND a.attnum = k.n), ',' ORDER BY k.i) FROM pg_constraint c, "
            "unnest(c.conkey) WITH ORDINALITY AS k(n, i) WHERE c.conrelid = '\"%1\"'::regclass "
            "AND c.contype = '%2' AND cardinality(c.conkey) > 1");
        QCOMPARE(query(sql.arg(table, type)), columns);
    }

    // Each query counts the rows the server reads otherwise than the schema means.
    void valuesAsMeant_data()
    {
        QTest::addColumn<QString>("sql");
        QTest::addColumn<QString>("expected");
        auto none =
            [](const char *name, const QString &table, const QString &where) {
                QTest::newRow(name)
                    << QStringLiteral("SELECT count(*) FROM %1 WHERE %2").arg(table, where)
                    << QStringLiteral("0");
            };
        auto yes = [](const char *name, const QString &sql) {
            QTest::newRow(name) << sql << QStringLiteral("t");
        };
        const QString wide = QStringLiteral("wide");
        none("inet", wide,
             QStringLiteral("family(ipv4) <> 4 OR NOT ipv4_private << inet '192.168.0.0/16' OR "
                            "NOT ipv6 << inet '2001:db8::/32' OR family(ipv6) <> 6 OR "
                            "masklen(ipv4) <> 32 OR masklen(ipv6) <> 128"));
        none("macaddr", wide,
             QStringLiteral("mac::text !~ '^([0-9a-f]{2}:){5}[0-9a-f]{2}$' OR "
                            "(('x' || substr(mac::text, 1, 2))::bit(8)::int & 3) <> 0"));
        none("jsonb", wide,
             QStringLiteral("jsonb_typeof(attributes) <> 'object' OR "
                            "jsonb_typeof(attributes->'tags') <> 'array' OR "
                            "attributes->>'owner' <> first_name || ' ' || last_name OR "
                            "location_geojson->>'type' <> 'Point' OR "
                            "(location_geojson->'coordinates'->>0)::float8 <> longitude OR "
                            "(location_geojson->'coordinates'->>1)::float8 <> latitude"));
        none("int[]", wide,
             QStringLiteral(
                 "cardinality(scores) > 8 OR array_ndims(scores) > 1 OR "
                 "EXISTS (SELECT 1 FROM unnest(scores) s WHERE s NOT BETWEEN 0 AND 100)"));
        yes("int[] nulls",
            QStringLiteral("SELECT count(*) > 0 FROM wide, unnest(scores) s WHERE s IS NULL"));
        none("text[]", wide,
             QStringLiteral(
                 "cardinality(keywords) NOT BETWEEN 1 AND 4 OR "
                 "array_position(keywords, NULL) IS NOT NULL OR "
                 "EXISTS (SELECT 1 FROM unnest(keywords) k WHERE k !~ '^[a-z]+( [a-z]+)?$')"));
        yes("text[] with spaces",
            QStringLiteral("SELECT count(*) > 0 FROM wide, unnest(keywords) k WHERE k LIKE '% %'"));
        none("bytea", wide, QStringLiteral("octet_length(checksum) <> 16"));
        none(
            "interval", wide,
            QStringLiteral("session_length NOT BETWEEN interval '1 second' AND interval '3 days'"));
        none("timestamptz", wide,
             QStringLiteral(
                 "seen_at NOT BETWEEN '2025-01-01 00:00:00+00' AND '2025-12-31 23:59:59+00'"));
        none("point", wide, QStringLiteral("NOT location_point <@ box '((5.9,45.8),(10.5,47.8))'"));
        none("uuid v7", wide,
             uuidMillis(QStringLiteral("uuid_v7")) +
                 QStringLiteral(
                     " <> 1735689600000 + id - 1 OR substr(uuid_v7::text, 15, 1) <> '7'"));
        none("uuid v4", wide, QStringLiteral("substr(uuid_v4::text, 15, 1) <> '4'"));
        none("people", wide, QStringLiteral("full_name <> first_name || ' ' || last_name"));
        none("time", wide, QStringLiteral("opens_at NOT BETWEEN '06:00' AND '11:00'"));
        none("readings ordered",
             QStringLiteral("(SELECT recorded_at, lag(recorded_at) OVER "
                            "(PARTITION BY device_id ORDER BY seq) AS before "
                            "FROM readings) r"),
             QStringLiteral("recorded_at <= before"));
        none("readings uuid v7", QStringLiteral("readings"),
             uuidMillis(QStringLiteral("id")) + QStringLiteral(" <> ") +
                 epochMillis(QStringLiteral("recorded_at")));
        none("devices", QStringLiteral("devices"),
             QStringLiteral("NOT ip << inet '10.64.0.0/10' OR cardinality(tags) > 4 OR "
                            "installed_at NOT BETWEEN '2022-01-01 00:00:00+00' AND "
                            "'2024-12-31 23:59:59+00'"));
        none("readings interval", QStringLiteral("readings"),
             QStringLiteral("uptime NOT BETWEEN interval '1 min' AND interval '90 days'"));
        none("events uuid v7", QStringLiteral("events"),
             uuidMillis(QStringLiteral("id")) + QStringLiteral(" <> ") +
                 epochMillis(QStringLiteral("occurred_at")));
        none("events payload", QStringLiteral("events"),
             QStringLiteral("jsonb_typeof(payload) <> 'object' OR "
                            "jsonb_typeof(payload->'experiment') <> 'object' OR "
                            "jsonb_typeof(payload->'tags') <> 'array'"));
        yes("events in order",
            QStringLiteral("SELECT bool_and(ok) FROM (SELECT occurred_at >= lag(occurred_at, 1, "
                           "occurred_at) OVER (ORDER BY id) AS ok FROM events) e"));
        // ecommerce (issue 11, item 7): a line's price is its product's, an order's total the
        // sum of its lines as PostgreSQL computes it.
        none("ecommerce unit prices",
             QStringLiteral("order_lines l JOIN products p ON p.id = l.product_id"),
             QStringLiteral("l.unit_price <> p.price"));
        none("ecommerce totals", QStringLiteral("orders o"),
             QStringLiteral("o.total IS DISTINCT FROM (SELECT round(sum(l.quantity * l.unit_price "
                            "* (1 - l.discount)), 2) FROM order_lines l WHERE l.order_id = o.id)"));
    }

    void valuesAsMeant()
    {
        QFETCH(QString, sql);
        QFETCH(QString, expected);
        QCOMPARE(query(sql), expected);
    }

    // The same rows as PostgreSQL COPY text (backslash escapes in arrays, bytea and JSON) read
    // back exactly as from CSV.
    void wideFromCopyText()
    {
        const QString out = m_dir.filePath(QStringLiteral("wide-copy"));
        const CliResult generated = runCli(
            {QStringLiteral("generate"), QStringLiteral("example:wide"), QStringLiteral("--out"),
             out, QStringLiteral("--scale"), QStringLiteral("0.05"), QStringLiteral("--format"),
             QStringLiteral("pgcopy"), QStringLiteral("--table"), QStringLiteral("wide"),
             QStringLiteral("--quiet"), QStringLiteral("--no-record")});
        QVERIFY2(generated.exitCode == 0, qPrintable(generated.err));
        const QString error =
            psql(m_pg->connectionString(),
                 {QStringLiteral("-c"), QStringLiteral("CREATE TABLE wide_copy (LIKE wide)"),
                  QStringLiteral("-c"),
                  QStringLiteral("\\copy wide_copy from '%1'")
                      .arg(QDir(out).filePath(QStringLiteral("wide.copy")))});
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QCOMPARE(query(QStringLiteral(
                     "SELECT count(*) FROM wide w FULL JOIN wide_copy c USING (id) "
                     "WHERE row_to_json(w)::text IS DISTINCT FROM row_to_json(c)::text")),
                 QStringLiteral("0"));
        QCOMPARE(query(QStringLiteral("SELECT count(*) FROM wide_copy")),
                 query(QStringLiteral("SELECT count(*) FROM wide")));
    }

    // Array elements whose text PostgreSQL would otherwise read as NULL or split must come back
    // as themselves: "Null" and "nUlL" are NULL to array_in unless quoted.
    void arrayElementsKeepTheirText()
    {
        const QJsonArray texts{
            QStringLiteral("Null"), QStringLiteral("NULL"),        QStringLiteral("null"),
            QStringLiteral("nUlL"), QStringLiteral("a b"),         QStringLiteral("c,d"),
            QStringLiteral("q\"t"), QStringLiteral("back\\slash"), QString()};
        const QJsonObject generator{{QStringLiteral("kind"), QStringLiteral("array")},
                                    {QStringLiteral("minLength"), 1},
                                    {QStringLiteral("maxLength"), 4},
                                    {QStringLiteral("element"),
                                     QJsonObject{{QStringLiteral("kind"), QStringLiteral("choice")},
                                                 {QStringLiteral("values"), texts}}}};
        const QJsonObject column{{QStringLiteral("name"), QStringLiteral("words")},
                                 {QStringLiteral("type"), QStringLiteral("text[]")},
                                 {QStringLiteral("generator"), generator}};
        const QJsonObject table{{QStringLiteral("name"), QStringLiteral("arrays")},
                                {QStringLiteral("rows"), 500},
                                {QStringLiteral("columns"), QJsonArray{column}}};
        const QJsonObject schema{{QStringLiteral("seed"), 5},
                                 {QStringLiteral("tables"), QJsonArray{table}}};
        const QString path = m_dir.filePath(QStringLiteral("arrays.json"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(QJsonDocument(schema).toJson());
        file.close();
        load(path, QStringLiteral("1"));
        if (QTest::currentTestFailed())
            return;
        QCOMPARE(
            query(QStringLiteral("SELECT count(*) FROM arrays, unnest(words) w WHERE w IS NULL")),
            QStringLiteral("0"));
        QStringList expected;
        for (const QJsonValue &t : texts)
            expected.append(t.toString());
        expected.sort();
        QCOMPARE(query(QStringLiteral("SELECT string_agg(w, '|' ORDER BY w COLLATE \"C\") FROM "
                                      "(SELECT DISTINCT w FROM arrays, unnest(words) w) d")),
                 expected.join(QLatin1Char('|')));
    }
};

QTEST_GUILESS_MAIN(TestExamplesPg)
#include "test_examples_pg.moc"
