// Reading the user's own tables (issue 12): the catalog of a live database (types, enums,
// domains with their CHECKs, identity and serial defaults, keys in key order, foreign keys,
// CHECKs, comments, row counts, pg_stats), the errors that name a schema or table, and a DDL
// file cut into statements and applied to a scratch database with errors at the file's line;
// pg_dump --schema-only of the same database reads back as the same catalog.

#include "importsupport.h"
#include "pg/catalogreader.h"
#include "pg/ddlimport.h"

#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace spillway;
using namespace spillway::test;

namespace {

const CatalogTable *findTable(const Catalog &catalog, const QString &name)
{
    for (const CatalogTable &t : catalog.tables) {
        if (t.name == name)
            return &t;
    }
    return nullptr;
}

const CatalogColumn *findColumn(const CatalogTable &table, const QString &name)
{
    for (const CatalogColumn &c : table.columns) {
        if (c.name == name)
            return &c;
    }
    return nullptr;
}

const CatalogStats *findStats(const CatalogTable &table, const QString &column)
{
    for (const CatalogStats &s : table.stats) {
        if (s.column == column)
            return &s;
    }
    return nullptr;
}

double mcvShare(const CatalogStats &stats, const QString &value)
{
    const qsizetype i = stats.mostCommonVals.indexOf(value);
    return i < 0 ? 0.0 : stats.mostCommonFreqs.value(i);
}

// Everything but row counts and statistics, as text: what a DDL file and a database share.
QString structure(const Catalog &catalog)
{
    QStringList lines;
    for (const CatalogTable &t : catalog.tables) {
        lines.append(QStringLiteral("table %1.%2 '%3'").arg(t.schema, t.name, t.comment));
        for (const CatalogColumn &c : t.columns)
            lines.append(QStringLiteral("  %1 %2 %3 %4 [%5] [%6] null=%7 default=%8 id=%9 '%10'")
                             .arg(c.name, c.sqlType, c.typeKind, c.baseType,
                                  c.enumLabels.join(QLatin1Char(',')),
                                  c.domainChecks.join(QLatin1Char(',')),
                                  c.notNull ? QStringLiteral("no") : QStringLiteral("yes"),
                                  c.defaultExpr, c.identity)
                             .arg(c.comment));
        for (const CatalogConstraint &k : t.constraints)
            lines.append(QStringLiteral("  %1 %2 (%3) %4 -> %5.%6 (%7)")
                             .arg(QChar::fromLatin1(k.type), k.name,
                                  k.columns.join(QLatin1Char(',')), k.definition, k.refSchema,
                                  k.refTable, k.refColumns.join(QLatin1Char(','))));
    }
    return lines.join(QLatin1Char('\n'));
}

} // namespace

class TestImport : public QObject
{
    Q_OBJECT

    std::unique_ptr<PgFixture> m_pg;
    QTemporaryDir m_dir;
    QString m_shop; // the acceptance database, filled and analyzed

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        if (QStandardPaths::findExecutable(QStringLiteral("psql")).isEmpty())
            QSKIP("psql is not installed (apt install postgresql-client)");
        m_pg = std::make_unique<PgFixture>();
        QVERIFY2(m_pg->isReady(), qPrintable(m_pg->error()));
        QCOMPARE(psql(m_pg->connectionString(),
                      {QStringLiteral("-c"), QStringLiteral("CREATE DATABASE shop")}),
                 QString());
        m_shop = m_pg->connectionString(QStringLiteral("shop"));
        const QString data = QStringLiteral(SPILLWAY_IMPORT_DATA);
        QCOMPARE(psql(m_shop, {QStringLiteral("-f"), data + QStringLiteral("/shop.sql"),
                               QStringLiteral("-f"), data + QStringLiteral("/shop-data.sql")}),
                 QString());
    }
    void cleanupTestCase() { m_pg.reset(); }

    void readsTypesAndDefaults()
    {
        const CatalogRead read = readCatalog(m_shop, CatalogSelection{});
        QVERIFY2(read.error.isEmpty(), qPrintable(read.error));
        QCOMPARE(read.catalog.tables.size(), 5);
        QVERIFY(read.catalog.serverVersion.startsWith(QLatin1String("15")));
        const CatalogTable *customers = findTable(read.catalog, QStringLiteral("customers"));
        QVERIFY(customers);
        QCOMPARE(customers->schema, QStringLiteral("public"));
        QCOMPARE(customers->comment, QStringLiteral("People who order"));
        QCOMPARE(customers->reltuples, 2000.0);
        QCOMPARE(customers->columns.size(), 7);
        QCOMPARE(findColumn(*customers, QStringLiteral("id"))->identity, QStringLiteral("d"));
        QCOMPARE(findColumn(*customers, QStringLiteral("email"))->sqlType,
                 QStringLiteral("character varying(120)"));
        QCOMPARE(findColumn(*customers, QStringLiteral("country_code"))->sqlType,
                 QStringLiteral("character(2)"));
        QCOMPARE(findColumn(*customers, QStringLiteral("tier"))->comment,
                 QStringLiteral("Subscription level"));
        QVERIFY(!findColumn(*customers, QStringLiteral("last_ip"))->notNull);
        QCOMPARE(findColumn(*customers, QStringLiteral("created_at"))->defaultExpr,
                 QStringLiteral("now()"));
        const CatalogTable *products = findTable(read.catalog, QStringLiteral("products"));
        const CatalogColumn *id = findColumn(*products, QStringLiteral("product_id"));
        QVERIFY2(id->defaultExpr.startsWith(QLatin1String("nextval(")),
                 qPrintable(id->defaultExpr));
        const CatalogColumn *code = findColumn(*products, QStringLiteral("code"));
        QCOMPARE(code->typeKind, QStringLiteral("d"));
        QCOMPARE(code->sqlType, QStringLiteral("sku"));
        QCOMPARE(code->baseType, QStringLiteral("text"));
        QCOMPARE(code->domainChecks,
                 QStringList{QStringLiteral("CHECK ((VALUE ~ '^[A-Z]{3}-[0-9]{5}$'::text))")});
        QCOMPARE(findColumn(*products, QStringLiteral("price"))->sqlType,
                 QStringLiteral("numeric(10,2)"));
        QCOMPARE(findColumn(*products, QStringLiteral("tags"))->sqlType, QStringLiteral("text[]"));
        QCOMPARE(findColumn(*products, QStringLiteral("attributes"))->sqlType,
                 QStringLiteral("jsonb"));
        const CatalogTable *orders = findTable(read.catalog, QStringLiteral("orders"));
        const CatalogColumn *status = findColumn(*orders, QStringLiteral("status"));
        QCOMPARE(status->typeKind, QStringLiteral("e"));
        QCOMPARE(status->enumLabels,
                 (QStringList{QStringLiteral("pending"), QStringLiteral("paid"),
                              QStringLiteral("shipped"), QStringLiteral("cancelled")}));
        QCOMPARE(status->defaultExpr, QStringLiteral("'pending'::order_status"));
        QCOMPARE(findColumn(*orders, QStringLiteral("order_id"))->identity, QStringLiteral("a"));
        QVERIFY(read.notes.isEmpty());
    }

    void readsConstraintsInKeyOrder()
    {
        const CatalogRead read = readCatalog(m_shop, CatalogSelection{});
        QVERIFY2(read.error.isEmpty(), qPrintable(read.error));
        const CatalogTable *items = findTable(read.catalog, QStringLiteral("order_items"));
        QVERIFY(items);
        QStringList kinds;
        for (const CatalogConstraint &c : items->constraints) {
            kinds.append(QChar::fromLatin1(c.type));
            if (c.type == 'p')
                QCOMPARE(c.columns,
                         (QStringList{QStringLiteral("order_id"), QStringLiteral("line_no")}));
            if (c.type == 'f' && c.columns.first() == QLatin1String("order_id")) {
                QCOMPARE(c.refSchema, QStringLiteral("public"));
                QCOMPARE(c.refTable, QStringLiteral("orders"));
                QCOMPARE(c.refColumns, QStringList{QStringLiteral("order_id")});
                QCOMPARE(c.definition, QStringLiteral("FOREIGN KEY (order_id) REFERENCES "
                                                      "orders(order_id)"));
            }
        }
        kinds.sort();
        QCOMPARE(kinds.join(QString()), QStringLiteral("ccffp"));
        const CatalogTable *orders = findTable(read.catalog, QStringLiteral("orders"));
        const auto check = std::find_if(orders->constraints.cbegin(), orders->constraints.cend(),
                                        [](const CatalogConstraint &c) {
                                            return c.name == QLatin1String("shipped_after_ordered");
                                        });
        QVERIFY(check != orders->constraints.cend());
        QCOMPARE(check->definition, QStringLiteral("CHECK ((shipped_at >= ordered_at))"));
        QCOMPARE(check->columns,
                 (QStringList{QStringLiteral("shipped_at"), QStringLiteral("ordered_at")}));
        const CatalogTable *customers = findTable(read.catalog, QStringLiteral("customers"));
        const auto unique =
            std::find_if(customers->constraints.cbegin(), customers->constraints.cend(),
                         [](const CatalogConstraint &c) { return c.type == 'u'; });
        QVERIFY(unique != customers->constraints.cend());
        QCOMPARE(unique->columns, QStringList{QStringLiteral("email")});
    }

    void readsStatisticsWithProfile()
    {
        const CatalogRead read = readCatalog(m_shop, CatalogSelection{{}, {}, true});
        QVERIFY2(read.error.isEmpty(), qPrintable(read.error));
        const CatalogTable *customers = findTable(read.catalog, QStringLiteral("customers"));
        const CatalogStats *tier = findStats(*customers, QStringLiteral("tier"));
        QVERIFY(tier);
        QCOMPARE(tier->mostCommonVals.size(), 3);
        QVERIFY(qAbs(mcvShare(*tier, QStringLiteral("free")) - 0.70) < 0.001);
        QVERIFY(qAbs(mcvShare(*tier, QStringLiteral("pro")) - 0.25) < 0.001);
        QVERIFY(qAbs(mcvShare(*tier, QStringLiteral("enterprise")) - 0.05) < 0.001);
        QCOMPARE(tier->nDistinct, 3.0);
        const CatalogStats *ip = findStats(*customers, QStringLiteral("last_ip"));
        QVERIFY(qAbs(ip->nullFrac - 0.3) < 0.001);
        const CatalogStats *email = findStats(*customers, QStringLiteral("email"));
        QCOMPARE(email->nDistinct, -1.0); // unique: minus the fraction of rows
        QVERIFY(email->histogramBounds.size() > 10);
        QVERIFY(email->avgWidth > 10);
        const CatalogStats *created = findStats(*customers, QStringLiteral("created_at"));
        QVERIFY(created->correlation.has_value());
        QVERIFY(*created->correlation > 0.99); // inserted in time order
        // Array columns' statistics hold arrays of arrays: left out, not garbled.
        const CatalogTable *products = findTable(read.catalog, QStringLiteral("products"));
        const CatalogStats *tags = findStats(*products, QStringLiteral("tags"));
        QVERIFY(tags);
        QVERIFY(tags->mostCommonVals.isEmpty());
        QVERIFY(tags->mostCommonFreqs.isEmpty());
    }

    void selectsSchemasAndTables()
    {
        CatalogRead read = readCatalog(
            m_shop, CatalogSelection{{QStringLiteral("public")},
                                     {QStringLiteral("orders"), QStringLiteral("public.customers")},
                                     false});
        QVERIFY2(read.error.isEmpty(), qPrintable(read.error));
        QCOMPARE(read.catalog.tables.size(), 2);
        read = readCatalog(m_shop, CatalogSelection{{QStringLiteral("sales")}, {}, false});
        QVERIFY(read.selectionError);
        QCOMPARE(read.error, QStringLiteral("schema \"sales\" does not exist in database \"shop\" "
                                            "(its schemas: public)"));
        read = readCatalog(m_shop, CatalogSelection{{}, {QStringLiteral("invoices")}, false});
        QVERIFY(read.selectionError);
        QCOMPARE(read.error, QStringLiteral("table \"invoices\" not found in schema(s) public of "
                                            "database \"shop\""));
        read = readCatalog(QStringLiteral("host=/nonexistent-folder dbname=x"), CatalogSelection{});
        QVERIFY(!read.selectionError);
        QVERIFY2(read.error.contains(QLatin1String("cannot connect to PostgreSQL")),
                 qPrintable(read.error));
    }

    void notesTablesNeverAnalyzed()
    {
        QCOMPARE(psql(m_shop, {QStringLiteral("-c"),
                               QStringLiteral("CREATE SCHEMA fresh; CREATE TABLE fresh.t (a int, b "
                                              "text GENERATED ALWAYS AS (a::text) STORED)")}),
                 QString());
        const CatalogRead read =
            readCatalog(m_shop, CatalogSelection{{QStringLiteral("fresh")}, {}, true});
        QVERIFY2(read.error.isEmpty(), qPrintable(read.error));
        QCOMPARE(read.catalog.tables.size(), 1);
        QCOMPARE(read.catalog.tables.first().reltuples, -1.0);
        QCOMPARE(read.catalog.tables.first().columns.size(), 1); // b: the server computes it
        QStringList kinds;
        for (const ImportNote &n : read.notes)
            kinds.append(n.kind + QLatin1Char(':') + n.column);
        kinds.sort();
        QCOMPARE(kinds, (QStringList{QStringLiteral("stats:"), QStringLiteral("stats:"),
                                     QStringLiteral("warning:b")}));
    }

    void splitsStatements_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QStringList>("statements"); // LINE:SQL
        QTest::addColumn<QString>("error");          // LINE:MESSAGE
        QTest::newRow("plain") << QStringLiteral(
                                      "CREATE TABLE a (x int);\n\nCREATE TABLE b (y int)")
                               << QStringList{QStringLiteral("1:CREATE TABLE a (x int)"),
                                              QStringLiteral("3:CREATE TABLE b (y int)")}
                               << QString();
        QTest::newRow("comments and quotes")
            << QStringLiteral("-- a; comment\n/* block; /* nested; */ */ SELECT ';', \"a;b\", "
                              "E'\\';' ;\nSELECT 1 -- trailing;\n;")
            << QStringList{QStringLiteral("2:SELECT ';', \"a;b\", E'\\';' "),
                           QStringLiteral("3:SELECT 1 -- trailing;\n")}
            << QString();
        QTest::newRow("dollar quotes")
            << QStringLiteral("CREATE FUNCTION f() RETURNS int AS $body$ SELECT 1; $body$ "
                              "LANGUAGE sql;\nSELECT $1, a$b;")
            << QStringList{QStringLiteral("1:CREATE FUNCTION f() RETURNS int AS $body$ SELECT 1; "
                                          "$body$ LANGUAGE sql"),
                           QStringLiteral("2:SELECT $1, a$b")}
            << QString();
        QTest::newRow("psql commands and COPY data")
            << QStringLiteral("\\restrict abc\n\\connect shop\nCOPY t (a) FROM stdin;\n1;2\n\\.\n"
                              "SELECT 2;")
            << QStringList{QStringLiteral("3:COPY t (a) FROM stdin"), QStringLiteral("6:SELECT 2")}
            << QString();
        QTest::newRow("open string")
            << QStringLiteral("SELECT 1;\n\nSELECT 'abc;\n") << QStringList{}
            << QStringLiteral("3:a string (') is not closed");
        QTest::newRow("open comment") << QStringLiteral("/* x\n") << QStringList{}
                                      << QStringLiteral("1:a /* comment is not closed");
        QTest::newRow("open dollar")
            << QStringLiteral("\nDO $$ BEGIN") << QStringList{}
            << QStringLiteral("2:a dollar-quoted string ($$) is not closed");
    }

    void splitsStatements()
    {
        QFETCH(QString, text);
        QFETCH(QStringList, statements);
        QFETCH(QString, error);
        const DdlSplit split = splitDdl(text);
        if (!error.isEmpty()) {
            QCOMPARE(QStringLiteral("%1:%2").arg(split.errorLine).arg(split.error), error);
            return;
        }
        QCOMPARE(split.error, QString());
        QStringList got;
        for (const DdlStatement &s : split.statements)
            got.append(QStringLiteral("%1:%2").arg(s.line).arg(s.sql));
        QCOMPARE(got, statements);
    }

    void ddlErrorNamesTheLine()
    {
        const QString text = QStringLiteral("CREATE TABLE a (\n    id int PRIMARY KEY\n);\n\n"
                                            "CREATE TABLE b (\n    id int,\n    a_id int "
                                            "REFERENCES a (id),\n    x nosuchtype\n);\n");
        const DdlImportResult result =
            importDdl(text, m_pg->connectionString(), CatalogSelection{});
        QVERIFY(!result.ok());
        QCOMPARE(result.errorLine, 8);
        QCOMPARE(result.errorText(QStringLiteral("shop.sql")),
                 QStringLiteral("shop.sql:8: type \"nosuchtype\" does not exist"));
        // The scratch database is gone again.
        QCOMPARE(psqlQuery(m_pg->connectionString(),
                           QStringLiteral("SELECT count(*) FROM pg_database WHERE datname LIKE "
                                          "'spillway_import_%'")),
                 QStringLiteral("0"));
    }

    // A file with its own transactions, or an enum value added (usable only after a commit),
    // runs statement by statement; any other file in one transaction.
    void ddlWithItsOwnTransactions()
    {
        const QString text = QStringLiteral(
            "BEGIN;\nCREATE TYPE mood AS ENUM ('sad');\nCOMMIT;\nALTER TYPE mood ADD VALUE "
            "'happy';\nCREATE TABLE people (id int PRIMARY KEY, m mood DEFAULT 'happy');\n");
        const DdlImportResult result =
            importDdl(text, m_pg->connectionString(), CatalogSelection{});
        QVERIFY2(result.ok(), qPrintable(result.errorText(QStringLiteral("own.sql"))));
        QCOMPARE(result.statementsRun, 5);
        QCOMPARE(result.read.catalog.tables.size(), 1);
        QCOMPARE(result.read.catalog.tables.first().columns.last().enumLabels,
                 (QStringList{QStringLiteral("sad"), QStringLiteral("happy")}));
    }

    // pg_dump --schema-only of the source (owners, SET lines, \restrict, ALTER TABLE ... ADD
    // CONSTRAINT, COMMENT ON) reads back as the same catalog as the database itself.
    void pgDumpReadsBackAsTheSameCatalog()
    {
        const ProcessResult dump =
            runProcess(QStringLiteral("pg_dump"), {QStringLiteral("--schema-only"),
                                                   QStringLiteral("--schema=public"), m_shop});
        QVERIFY2(dump.exitCode == 0, qPrintable(dump.err));
        const DdlImportResult file =
            importDdl(QString::fromUtf8(dump.out), m_pg->connectionString(), CatalogSelection{});
        QVERIFY2(file.ok(), qPrintable(file.errorText(QStringLiteral("dump.sql"))));
        QVERIFY(file.statementsSkipped > 0); // ALTER ... OWNER TO postgres
        const CatalogRead live =
            readCatalog(m_shop, CatalogSelection{{QStringLiteral("public")}, {}, false});
        QCOMPARE(structure(file.read.catalog), structure(live.catalog));
        for (const CatalogTable &t : file.read.catalog.tables)
            QCOMPARE(t.reltuples, -1.0);
        QVERIFY(file.read.notes.size() == 1); // the skipped statements, not "never analyzed"
    }
};

QTEST_GUILESS_MAIN(TestImport)
#include "test_import.moc"
