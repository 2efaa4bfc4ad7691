// `spillway-cli verify --manifest/--rejects` on a real PostgreSQL: files generated with dirty
// rows, loaded by a "pipeline" that drops the lines the manifest lists, verify clean; a dirty row
// that gets in is named by kind; a reject file that misses a dirty row is reported; manifest
// errors name the file and line.

#include "../processsupport.h"
#include "pgfixture.h"
#include "schema/compiledschema.h"
#include "schema/ddl.h"
#include "schema/schemaio.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

#include <pqxx/pqxx>

using namespace spillway;
using namespace spillway::test;

namespace {

const QString kEcommerce = QStringLiteral(SPILLWAY_SOURCE_DIR "/resources/examples/ecommerce.json");

struct Record
{
    QString file;
    qint64 line = 0;
    qint64 lines = 1;
    qint64 row = 0;
    QString kind;
};

QJsonObject productsOf(const QJsonObject &report)
{
    return report.value(QStringLiteral("tables")).toArray().first().toObject();
}

// The count of a kind in a JSON list of {kind, count, examples}, and its first example.
std::pair<qint64, QString> kindCount(const QJsonArray &list, const QString &kind)
{
    for (const QJsonValue &v : list) {
        const QJsonObject o = v.toObject();
        if (o.value(QStringLiteral("kind")).toString() == kind)
            return {o.value(QStringLiteral("count")).toInteger(),
                    o.value(QStringLiteral("examples")).toArray().first().toString()};
    }
    return {0, QString()};
}

} // namespace

class TestVerifyDirty : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanRowsVerify();
    void dirtyRowThatGotInIsNamedByKind();
    void duplicateThatGotInIsNamed();
    void rejectsMissingADirtyRow();
    void manifestErrorsNameFileAndLine();
    void manifestNeedsTheSameDirtySettings();
    void childRowsNamedByParentKey();

private:
    void generateAndLoad(const QString &table, const QString &scale, const QString &fraction,
                         QString &manifestPath, QList<Record> &records);
    CliResult cli(const QStringList &arguments);
    CliResult verify(const QStringList &extra, bool dirty = true);
    QString sql(const QString &statement);
    QString writeFile(const QString &name, const QByteArray &content);

    std::unique_ptr<PgFixture> m_pg;
    QTemporaryDir m_dir;
    QString m_manifest;
    QList<Record> m_records;
};

CliResult TestVerifyDirty::cli(const QStringList &arguments)
{
    return runCli(arguments, {},
                  environmentWith({{QStringLiteral("SPILLWAY_RUNS_DIR"),
                                    m_dir.filePath(QStringLiteral("runs"))}}));
}

CliResult TestVerifyDirty::verify(const QStringList &extra, bool dirty)
{
    QStringList args{QStringLiteral("verify"),   kEcommerce,
                     QStringLiteral("--db"),     m_pg->connectionString(),
                     QStringLiteral("--scale"),  QStringLiteral("0.1"),
                     QStringLiteral("--table"),  QStringLiteral("products"),
                     QStringLiteral("--attach"), QStringLiteral("none")};
    if (dirty)
        args << QStringLiteral("--dirty") << QStringLiteral("0.05");
    return cli(args + extra);
}

QString TestVerifyDirty::sql(const QString &statement)
{
    try {
        pqxx::connection connection(m_pg->connectionString().toStdString());
        pqxx::nontransaction tx(connection);
        const pqxx::result r = tx.exec(statement.toStdString());
        return r.empty() || r.columns() == 0 || r[0][0].is_null()
                   ? QString()
                   : QString::fromUtf8(r[0][0].c_str());
    } catch (const std::exception &e) {
        return QStringLiteral("error: ") + QString::fromUtf8(e.what());
    }
}

QString TestVerifyDirty::writeFile(const QString &name, const QByteArray &content)
{
    const QString path = m_dir.filePath(name);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return {};
    file.write(content);
    return path;
}

void TestVerifyDirty::generateAndLoad(const QString &table, const QString &scale,
                                      const QString &fraction, QString &manifestPath,
                                      QList<Record> &records)
{
    const QString out = m_dir.filePath(table);
    const CliResult generated =
        cli({QStringLiteral("generate"), kEcommerce, QStringLiteral("--out"), out,
             QStringLiteral("--scale"), scale, QStringLiteral("--table"), table,
             QStringLiteral("--dirty"), fraction, QStringLiteral("--quiet")});
    QVERIFY2(generated.exitCode == 0, qPrintable(generated.err));
    manifestPath = QDir(out).filePath(QStringLiteral("spillway-dirty.jsonl"));
    QFile manifest(manifestPath);
    QVERIFY(manifest.open(QIODevice::ReadOnly));
    QSet<qint64> dirtyLines;
    while (!manifest.atEnd()) {
        const QJsonObject o = QJsonDocument::fromJson(manifest.readLine()).object();
        Record r{
            o.value(QStringLiteral("file")).toString(), o.value(QStringLiteral("line")).toInteger(),
            o.value(QStringLiteral("lines")).toInteger(1),
            o.value(QStringLiteral("row")).toInteger(), o.value(QStringLiteral("kind")).toString()};
        for (qint64 l = r.line; l < r.line + r.lines; ++l)
            dirtyLines.insert(l);
        records.append(r);
    }
    QVERIFY(records.size() > 20);
    // The "pipeline": drop the lines the manifest lists, load the rest with psql \copy.
    QFile csv(QDir(out).filePath(table + QStringLiteral(".csv")));
    QVERIFY(csv.open(QIODevice::ReadOnly));
    QByteArray clean;
    for (qint64 line = 1; !csv.atEnd(); ++line) {
        const QByteArray text = csv.readLine();
        if (!dirtyLines.contains(line))
            clean += text;
    }
    const QString cleanPath = writeFile(table + QStringLiteral("-clean.csv"), clean);
    const QString error = psqlCopyCsv(m_pg->connectionString(), table, cleanPath, 60000);
    QVERIFY2(error.isEmpty(), qPrintable(error));
}

void TestVerifyDirty::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_pg = std::make_unique<PgFixture>();
    QVERIFY2(m_pg->isReady(), qPrintable(m_pg->error()));
    Diagnostics d;
    const auto schema = SchemaIO::load(kEcommerce, d);
    QVERIFY(schema);
    const auto compiled = CompiledSchema::compile(*schema, d);
    QVERIFY(compiled);
    QCOMPARE(sql(Ddl::createTables(*compiled, DdlOptions{}).join(QLatin1Char('\n'))), QString());
    generateAndLoad(QStringLiteral("products"), QStringLiteral("0.1"), QStringLiteral("0.05"),
                    m_manifest, m_records);
}

void TestVerifyDirty::childRowsNamedByParentKey()
{
    // order_lines rows are named by (order_id, line_no): the dirty rows' keys are generated.
    QString manifest;
    QList<Record> records;
    generateAndLoad(QStringLiteral("order_lines"), QStringLiteral("0.01"), QStringLiteral("0.02"),
                    manifest, records);
    const QStringList args{QStringLiteral("verify"),     kEcommerce,
                           QStringLiteral("--db"),       m_pg->connectionString(),
                           QStringLiteral("--scale"),    QStringLiteral("0.01"),
                           QStringLiteral("--table"),    QStringLiteral("order_lines"),
                           QStringLiteral("--dirty"),    QStringLiteral("0.02"),
                           QStringLiteral("--manifest"), manifest,
                           QStringLiteral("--attach"),   QStringLiteral("none"),
                           QStringLiteral("--json")};
    const CliResult clean = cli(args);
    QVERIFY2(clean.exitCode == 0, qPrintable(clean.outText() + clean.err));
    // The first dirty record's line as written, minus its damage: load the generated row.
    const Record &first = records.first();
    QVERIFY(first.kind != QLatin1String("duplicate"));
    QFile csv(m_dir.filePath(QStringLiteral("order_lines/order_lines.csv")));
    QVERIFY(csv.open(QIODevice::ReadOnly));
    QByteArray line;
    for (qint64 n = 1; n <= first.line; ++n)
        line = csv.readLine();
    const QList<QByteArray> fields = line.split(',');
    const QString key = QStringLiteral("%1, %2").arg(QString::fromUtf8(fields.value(0)),
                                                     QString::fromUtf8(fields.value(1)));
    // A lax target: its other columns take nulls (the emitted DDL declares them NOT NULL).
    QCOMPARE(sql(QStringLiteral(
                 "DO $$ DECLARE c text; BEGIN FOR c IN SELECT column_name FROM "
                 "information_schema.columns WHERE table_name = 'order_lines' AND is_nullable = "
                 "'NO' AND column_name NOT IN ('order_id', 'line_no') LOOP EXECUTE "
                 "format('ALTER TABLE order_lines ALTER %I DROP NOT NULL', c); END LOOP; END $$")),
             QString());
    QCOMPARE(
        sql(QStringLiteral("INSERT INTO order_lines (order_id, line_no) VALUES (%1)").arg(key)),
        QString());
    const CliResult r = cli(args);
    QCOMPARE(sql(QStringLiteral("DELETE FROM order_lines WHERE quantity IS NULL AND product_id IS "
                                "NULL AND (order_id, line_no) = (%1)")
                     .arg(key)),
             QString());
    QCOMPARE(r.exitCode, 3);
    const QJsonObject lines = productsOf(r.json());
    const auto [count, example] = kindCount(
        lines.value(QStringLiteral("dirty")).toObject().value(QStringLiteral("loaded")).toArray(),
        first.kind);
    QCOMPARE(count, 1);
    QCOMPARE(example, QStringLiteral("%1 (%2:%3)").arg(key, first.file).arg(first.line));
}

void TestVerifyDirty::cleanRowsVerify()
{
    const CliResult r =
        verify({QStringLiteral("--manifest"), m_manifest, QStringLiteral("--json")});
    QVERIFY2(r.exitCode == 0, qPrintable(r.outText() + r.err));
    QCOMPARE(r.json()
                 .value(QStringLiteral("manifest"))
                 .toObject()
                 .value(QStringLiteral("dirty_rows"))
                 .toInteger(),
             m_records.size());
    const QJsonObject products = productsOf(r.json());
    QCOMPARE(products.value(QStringLiteral("expected_rows")).toInteger(), 1000 - m_records.size());
    QCOMPARE(products.value(QStringLiteral("dirty"))
                 .toObject()
                 .value(QStringLiteral("rows"))
                 .toInteger(),
             m_records.size());
    const CliResult text = verify({QStringLiteral("--manifest"), m_manifest});
    QVERIFY2(
        text.outText().contains(
            QStringLiteral("dirty rows: %1 in the manifest, none got in").arg(m_records.size())),
        qPrintable(text.outText()));
}

void TestVerifyDirty::dirtyRowThatGotInIsNamedByKind()
{
    // The pipeline let one dirty row through (coercing its bad field).
    Record dirty;
    for (const Record &r : std::as_const(m_records)) {
        if (r.kind != QLatin1String("duplicate")) {
            dirty = r;
            break;
        }
    }
    const qint64 id = dirty.row + 1; // the sequence starts at 1
    QCOMPARE(sql(QStringLiteral("INSERT INTO products (id, sku, name, category, price, in_stock) "
                                "VALUES (%1, 'x', 'x', 'x', 1, true)")
                     .arg(id)),
             QString());
    const CliResult r =
        verify({QStringLiteral("--manifest"), m_manifest, QStringLiteral("--json")});
    const CliResult text = verify({QStringLiteral("--manifest"), m_manifest});
    QCOMPARE(sql(QStringLiteral("DELETE FROM products WHERE id = %1").arg(id)), QString());
    QCOMPARE(r.exitCode, 3);
    const QJsonArray loaded = productsOf(r.json())
                                  .value(QStringLiteral("dirty"))
                                  .toObject()
                                  .value(QStringLiteral("loaded"))
                                  .toArray();
    QCOMPARE(loaded.size(), 1);
    const auto [count, example] = kindCount(loaded, dirty.kind);
    QCOMPARE(count, 1);
    QCOMPARE(example, QStringLiteral("%1 (%2:%3)").arg(id).arg(dirty.file).arg(dirty.line));
    const QJsonObject extra =
        productsOf(r.json()).value(QStringLiteral("differences")).toArray().first().toObject();
    QCOMPARE(extra.value(QStringLiteral("kind")).toString(), QStringLiteral("extra_row"));
    QCOMPARE(extra.value(QStringLiteral("note")).toString(),
             QStringLiteral("a dirty row that got in: %1, written at %2:%3")
                 .arg(dirty.kind, dirty.file)
                 .arg(dirty.line));
    QVERIFY2(text.outText().contains(
                 QStringLiteral("1 got in, by kind (key, where it was written):\n    %1 1: %2\n")
                     .arg(dirty.kind, example)),
             qPrintable(text.outText()));
}

void TestVerifyDirty::duplicateThatGotInIsNamed()
{
    Record duplicate;
    for (const Record &r : std::as_const(m_records)) {
        if (r.kind == QLatin1String("duplicate"))
            duplicate = r;
    }
    if (duplicate.kind.isEmpty())
        QSKIP("this seed wrote no duplicate-kind row");
    // The duplicate repeats the key of the last clean row before it (id = row + 1). A
    // pipeline without the primary key constraint loads it.
    QSet<qint64> dirtyRows;
    for (const Record &r : std::as_const(m_records))
        dirtyRows.insert(r.row);
    qint64 source = duplicate.row - 1;
    while (dirtyRows.contains(source))
        --source;
    const qint64 id = source + 1;
    QCOMPARE(sql(QStringLiteral("ALTER TABLE products DROP CONSTRAINT products_pkey; INSERT INTO "
                                "products SELECT * FROM products WHERE id = %1")
                     .arg(id)),
             QString());
    QCOMPARE(sql(QStringLiteral("SELECT count(*) FROM products WHERE id = %1").arg(id)),
             QStringLiteral("2"));
    const CliResult r =
        verify({QStringLiteral("--manifest"), m_manifest, QStringLiteral("--json")});
    QCOMPARE(sql(QStringLiteral("DELETE FROM products WHERE ctid = (SELECT max(ctid) FROM "
                                "products WHERE id = %1); ALTER TABLE products ADD PRIMARY KEY "
                                "(id)")
                     .arg(id)),
             QString());
    QCOMPARE(r.exitCode, 3);
    const auto [count, example] = kindCount(productsOf(r.json())
                                                .value(QStringLiteral("dirty"))
                                                .toObject()
                                                .value(QStringLiteral("loaded"))
                                                .toArray(),
                                            QStringLiteral("duplicate"));
    QCOMPARE(count, 1);
    QCOMPARE(example, QStringLiteral("%1 (%2:%3)").arg(id).arg(duplicate.file).arg(duplicate.line));
}

void TestVerifyDirty::rejectsMissingADirtyRow()
{
    // Every dirty row but the last reported: half as JSON Lines, half as FILE:LINE, plus a line
    // of neither form.
    QByteArray rejects;
    for (int i = 0; i + 1 < m_records.size(); ++i) {
        const Record &r = m_records[i];
        rejects += i % 2 ? QStringLiteral("{\"file\": \"/data/in/%1\", \"line\": %2, \"error\": "
                                          "\"bad\"}\n")
                               .arg(r.file)
                               .arg(r.line)
                               .toUtf8()
                         : QStringLiteral("%1:%2: rejected\n").arg(r.file).arg(r.line).toUtf8();
    }
    rejects += "pipeline finished\n";
    const QString partial = writeFile(QStringLiteral("rejects.txt"), rejects);
    const CliResult r = verify({QStringLiteral("--manifest"), m_manifest,
                                QStringLiteral("--rejects"), partial, QStringLiteral("--json")});
    QCOMPARE(r.exitCode, 3);
    const QJsonObject report = r.json().value(QStringLiteral("rejects")).toObject();
    QCOMPARE(report.value(QStringLiteral("dirty_rows_reported")).toInteger(), m_records.size() - 1);
    QCOMPARE(report.value(QStringLiteral("unknown_lines")).toInteger(), 1);
    const Record &last = m_records.last();
    const auto [count, example] =
        kindCount(report.value(QStringLiteral("not_reported")).toArray(), last.kind);
    QCOMPARE(count, 1);
    QCOMPARE(example,
             QStringLiteral("%1:%2 (products row %3)").arg(last.file).arg(last.line).arg(last.row));
    QVERIFY(productsOf(r.json()).value(QStringLiteral("match")).toBool());
    // With the last one too, everything is reported.
    rejects += QStringLiteral("%1:%2\n").arg(last.file).arg(last.line).toUtf8();
    const QString full = writeFile(QStringLiteral("rejects-full.txt"), rejects);
    const CliResult ok =
        verify({QStringLiteral("--manifest"), m_manifest, QStringLiteral("--rejects"), full});
    QVERIFY2(ok.exitCode == 0, qPrintable(ok.outText() + ok.err));
    QVERIFY2(ok.outText().contains(
                 QStringLiteral("%1 of %1 dirty row(s) reported").arg(m_records.size())),
             qPrintable(ok.outText()));
}

void TestVerifyDirty::manifestErrorsNameFileAndLine()
{
    const QString bad = writeFile(QStringLiteral("bad.jsonl"),
                                  "{\"file\":\"products.csv\",\"line\":3,\"record\":2,\"table\":"
                                  "\"products\",\"row\":1,\"column\":null,\"kind\":\"quote\"}\n"
                                  "{\"file\":\"products.csv\",\"line\":\"x\"}\n");
    CliResult r = verify({QStringLiteral("--manifest"), bad});
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains(bad + QStringLiteral(":2: expected \"file\", \"table\"")),
             qPrintable(r.err));
    const QString missing = m_dir.filePath(QStringLiteral("nowhere.jsonl"));
    r = verify({QStringLiteral("--manifest"), missing});
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains(missing + QStringLiteral(": cannot read the dirty-row manifest")),
             qPrintable(r.err));
    r = verify({QStringLiteral("--manifest"), m_manifest, QStringLiteral("--rejects"), missing});
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains(missing + QStringLiteral(": cannot read the reject file")),
             qPrintable(r.err));
}

void TestVerifyDirty::manifestNeedsTheSameDirtySettings()
{
    const CliResult r = verify({QStringLiteral("--manifest"), m_manifest}, false);
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains(QStringLiteral("as dirty, but this plan writes it clean")),
             qPrintable(r.err));
}

QTEST_GUILESS_MAIN(TestVerifyDirty)
#include "test_verifydirty.moc"
