// File › New from Database… and Import DDL… against a real server (the embedded one, in a
// folder of the test's own under /tmp): tables listed with their rows, imported with
// statistics into a document that validates, guessed columns badged in the designer's tree,
// a re-import merged into an edited document without losing the edit, a DDL file imported,
// and a DDL error reported with the file's line.

#include "design/schemadocument.h"
#include "design/schematreemodel.h"
#include "pg/database.h"
#include "pg/localserver.h"
#include "shell/importdialog.h"

#include <QCheckBox>
#include <QDir>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>
#include <QUndoStack>

using namespace spillway;

namespace {

const QStringList kShop = {
    QStringLiteral("CREATE TYPE tier AS ENUM ('free', 'plus', 'pro')"),
    QStringLiteral("CREATE TABLE customers (id serial PRIMARY KEY, email text NOT NULL, "
                   "country char(2), tier tier NOT NULL)"),
    QStringLiteral("CREATE TABLE orders (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, "
                   "customer_id integer NOT NULL REFERENCES customers, "
                   "total numeric(10,2) NOT NULL CHECK (total >= 0))"),
    QStringLiteral("COMMENT ON TABLE orders IS 'one per checkout'"),
    QStringLiteral("INSERT INTO customers (email, country, tier) SELECT 'c' || i || "
                   "'@example.com', CASE WHEN i % 4 = 0 THEN 'DE' ELSE 'US' END, 'free' "
                   "FROM generate_series(1, 400) i"),
    QStringLiteral("INSERT INTO orders (customer_id, total) SELECT 1 + i % 400, i % 97 "
                   "FROM generate_series(1, 2000) i"),
    QStringLiteral("ANALYZE customers"),
    QStringLiteral("ANALYZE orders"),
};

// With SPILLWAY_SCREENSHOT_DIR set, saves what the dialog shows (for looking at it).
void screenshot(QWidget *widget, const QString &name)
{
    const QString dir = qEnvironmentVariable("SPILLWAY_SCREENSHOT_DIR");
    if (!dir.isEmpty() && QDir().mkpath(dir))
        widget->grab().save(QDir(dir).filePath(name + QStringLiteral(".png")));
}

const ColumnSpec *findColumn(const Schema &s, const QString &table, const QString &column)
{
    const TableSpec *t = s.table(table);
    const qsizetype c = t ? t->columnIndex(column) : -1;
    return c < 0 ? nullptr : &t->columns[c];
}

} // namespace

class TestImportDialog : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void importsFromTheDatabase();
    void mergesAReimport();
    void importsADdlFile();
    void reportsTheLineOfADdlError();

private:
    Schema importFromDatabase(const Schema *current, bool merge, ImportDialog **kept = nullptr,
                              bool statistics = true);

    // The server's own folder (as PgFixture's: under /tmp, which its user can reach) and one
    // for the DDL files.
    QTemporaryDir m_server{QDir::tempPath() + QStringLiteral("/spillway-pgtest-XXXXXX")};
    QTemporaryDir m_dir;
    QString m_serverDir;
};

void TestImportDialog::initTestCase()
{
    QVERIFY(m_dir.isValid() && m_server.isValid());
    m_serverDir = m_server.path();
    LocalServer server(m_serverDir);
    const QString error = server.start();
    QVERIFY2(error.isEmpty(), qPrintable(error));
    Database db;
    QVERIFY(db.open(server.connectionString()).isEmpty());
    const QString failed = db.execute(kShop);
    QVERIFY2(failed.isEmpty(), qPrintable(failed));
}

void TestImportDialog::cleanupTestCase()
{
    LocalServer(m_serverDir).stop();
}

Schema TestImportDialog::importFromDatabase(const Schema *current, bool merge, ImportDialog **kept,
                                            bool statistics)
{
    auto *dialog = new ImportDialog(ImportDialog::Source::Database, {}, current);
    dialog->setServerDir(m_serverDir);
    dialog->show(); // offscreen: shown as a user sees it, for the screenshots
    QSignalSpy listed(dialog, &ImportDialog::tablesListed);
    QSignalSpy imported(dialog, &ImportDialog::imported);
    QSignalSpy failed(dialog, &ImportDialog::failed);
    dialog->listTables();
    [&] { QTRY_VERIFY_WITH_TIMEOUT(!listed.isEmpty() || !failed.isEmpty(), 60000); }();
    if (!failed.isEmpty())
        qWarning("%s", qPrintable(failed.first().first().toString()));
    dialog->statisticsBox()->setChecked(statistics);
    dialog->mergeBox()->setChecked(merge);
    screenshot(dialog,
               merge ? QStringLiteral("import-merge-tables") : QStringLiteral("import-tables"));
    dialog->startImport();
    [&] { QTRY_VERIFY_WITH_TIMEOUT(!imported.isEmpty() || !failed.isEmpty(), 60000); }();
    const Schema schema = dialog->schema();
    screenshot(dialog,
               merge ? QStringLiteral("import-merge-report") : QStringLiteral("import-report"));
    if (kept)
        *kept = dialog;
    else
        delete dialog;
    return schema;
}

void TestImportDialog::importsFromTheDatabase()
{
    // Without statistics, names decide: the email column is a guess (with them, pg_stats would).
    ImportDialog *dialog = nullptr;
    const Schema schema = importFromDatabase(nullptr, false, &dialog, false);
    std::unique_ptr<ImportDialog> owner(dialog);
    QCOMPARE(dialog->tableTree()->topLevelItemCount(), 2);
    QVERIFY(dialog->tableTree()->topLevelItem(1)->text(1).contains(QLatin1String("rows")));
    QCOMPARE(schema.tables.size(), 2);
    QVERIFY(dialog->reportTree()->topLevelItemCount() > 0);
    QVERIFY(!dialog->merge());
    const ColumnSpec *email =
        findColumn(schema, QStringLiteral("customers"), QStringLiteral("email"));
    QVERIFY(email);
    QCOMPARE(email->nullFraction, 0.0);

    // The document takes it unsaved, and the tree badges guessed columns.
    SchemaDocument document;
    document.adopt(schema);
    QVERIFY(document.isModified());
    QVERIFY2(document.compiled(), qPrintable(document.diagnostics().toString()));
    SchemaTreeModel model(&document);
    bool badged = false;
    for (int t = 0; t < model.rowCount(); ++t) {
        const QModelIndex table = model.index(t, 0);
        for (int c = 0; c < model.rowCount(table); ++c) {
            const QModelIndex generator = model.index(c, SchemaTreeModel::GeneratorColumn, table);
            badged = badged || !generator.data(Qt::DecorationRole).isNull();
        }
    }
    QVERIFY(badged);
}

void TestImportDialog::mergesAReimport()
{
    Schema mine = importFromDatabase(nullptr, false);
    TableSpec &orders = mine.tables[mine.tableIndex(QStringLiteral("orders"))];
    orders.rows = 12345;
    ColumnSpec &total = orders.columns[orders.columnIndex(QStringLiteral("total"))];
    total.generator = QJsonObject{{QStringLiteral("kind"), QStringLiteral("decimal")},
                                  {QStringLiteral("min"), 1},
                                  {QStringLiteral("max"), 2}};
    total.guessed.clear();

    LocalServer server(m_serverDir);
    QVERIFY(server.start().isEmpty()); // running already: just its connection
    Database db;
    QVERIFY(db.open(server.connectionString()).isEmpty());
    QVERIFY(db.execute(QStringLiteral("ALTER TABLE orders ADD COLUMN note varchar(40)")).isEmpty());

    ImportDialog *dialog = nullptr;
    const Schema merged = importFromDatabase(&mine, true, &dialog);
    std::unique_ptr<ImportDialog> owner(dialog);
    QVERIFY(dialog->merge());
    QVERIFY(findColumn(merged, QStringLiteral("orders"), QStringLiteral("note")));
    const ColumnSpec *kept = findColumn(merged, QStringLiteral("orders"), QStringLiteral("total"));
    QVERIFY(kept);
    QCOMPARE(kept->generator.value(QStringLiteral("max")).toInt(), 2);
    QCOMPARE(merged.table(QStringLiteral("orders"))->rows.value_or(0), int64_t(12345));
    bool added = false;
    for (const ImportChange &c : dialog->changes())
        added = added ||
                (c.kind == ImportChange::Kind::ColumnAdded && c.column == QLatin1String("note"));
    QVERIFY(added);

    SchemaDocument document;
    document.adopt(mine);
    document.replaceSchema(merged, QStringLiteral("Merge Re-import"));
    QVERIFY(findColumn(document.schema(), QStringLiteral("orders"), QStringLiteral("note")));
    document.undoStack()->undo();
    QVERIFY(!findColumn(document.schema(), QStringLiteral("orders"), QStringLiteral("note")));
    QVERIFY(db.execute(QStringLiteral("ALTER TABLE orders DROP COLUMN note")).isEmpty());
}

void TestImportDialog::importsADdlFile()
{
    const QString file = m_dir.filePath(QStringLiteral("shop.sql"));
    QFile out(file);
    QVERIFY(out.open(QIODevice::WriteOnly));
    out.write(kShop.mid(0, 4).join(QStringLiteral(";\n")).toUtf8() + ";\n");
    out.close();
    ImportDialog dialog(ImportDialog::Source::DdlFile, {}, nullptr);
    dialog.setServerDir(m_serverDir);
    dialog.setDdlFile(file);
    QSignalSpy listed(&dialog, &ImportDialog::tablesListed);
    QSignalSpy imported(&dialog, &ImportDialog::imported);
    dialog.listTables();
    QTRY_VERIFY_WITH_TIMEOUT(!listed.isEmpty(), 60000);
    QCOMPARE(dialog.tableTree()->topLevelItemCount(), 2);
    dialog.startImport();
    QTRY_VERIFY_WITH_TIMEOUT(!imported.isEmpty(), 60000);
    const Schema &schema = dialog.schema();
    QCOMPARE(schema.tables.size(), 2);
    const ColumnSpec *tier =
        findColumn(schema, QStringLiteral("customers"), QStringLiteral("tier"));
    QVERIFY(tier);
    QCOMPARE(tier->generator.value(QStringLiteral("kind")).toString(), QStringLiteral("choice"));
}

void TestImportDialog::reportsTheLineOfADdlError()
{
    const QString file = m_dir.filePath(QStringLiteral("broken.sql"));
    QFile out(file);
    QVERIFY(out.open(QIODevice::WriteOnly));
    out.write("CREATE TABLE a (id int);\n\nCREATE TABLE b (id nosuchtype);\n");
    out.close();
    ImportDialog dialog(ImportDialog::Source::DdlFile, {}, nullptr);
    dialog.setServerDir(m_serverDir);
    dialog.setDdlFile(file);
    QSignalSpy failed(&dialog, &ImportDialog::failed);
    dialog.listTables();
    QTRY_VERIFY_WITH_TIMEOUT(!failed.isEmpty(), 60000);
    const QString message = failed.first().first().toString();
    QVERIFY2(message.contains(QLatin1String("broken.sql:3")), qPrintable(message));
}

QTEST_MAIN(TestImportDialog)
#include "test_importdialog.moc"
