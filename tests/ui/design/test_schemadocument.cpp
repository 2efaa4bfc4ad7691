// The schema document: edits are undoable, the modified state follows the undo stack, files
// round-trip, diagnostics and the compiled schema follow every change.

#include "design/schemadocument.h"
#include "schema/schemaio.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>

using namespace spillway;

class TestSchemaDocument : public QObject
{
    Q_OBJECT

private slots:
    void newBlankIsValidAndClean();
    void examplesLoad_data();
    void examplesLoad();
    void editUndoRedo();
    void structureEditsUndo();
    void renameUpdatesReferences();
    void diagnosticsFollowEdits();
    void saveLoadRoundTrip();
    void tableKeysSurviveEdits();
    void selectionFollowsMoves();
    void mergesTyping();
    void primitivesApplyAtOnce();
};

void TestSchemaDocument::newBlankIsValidAndClean()
{
    SchemaDocument doc;
    QVERIFY(!doc.isModified());
    QVERIFY(doc.compiled());
    QVERIFY(doc.diagnostics().isEmpty());
    QCOMPARE(doc.currentTable(), 0);
    QCOMPARE(doc.currentColumn(), -1);
}

void TestSchemaDocument::examplesLoad_data()
{
    QTest::addColumn<QString>("name");
    const QStringList names = SchemaDocument::exampleNames();
    QVERIFY(names.contains(QStringLiteral("ecommerce")));
    for (const QString &name : names)
        QTest::newRow(qPrintable(name)) << name;
    QTest::newRow("prefixed") << QStringLiteral("example:ecommerce");
}

void TestSchemaDocument::examplesLoad()
{
    QFETCH(QString, name);
    SchemaDocument doc;
    QSignalSpy reset(&doc, &SchemaDocument::documentReset);
    QCOMPARE(doc.newFromExample(name), QString());
    QCOMPARE(reset.count(), 1);
    QVERIFY(doc.compiled());
    QVERIFY(doc.fileName().isEmpty()); // an example is saved with Save As
    QVERIFY(!doc.isModified());
}

void TestSchemaDocument::editUndoRedo()
{
    SchemaDocument doc;
    QVERIFY(doc.newFromExample(QStringLiteral("ecommerce")).isEmpty());
    QSignalSpy modified(&doc, &SchemaDocument::modifiedChanged);
    QSignalSpy changed(&doc, &SchemaDocument::columnChanged);
    ColumnSpec c = doc.schema().tables[0].columns[1];
    c.nullFraction = 0.25;
    doc.setColumn(0, 1, c);
    QCOMPARE(doc.schema().tables[0].columns[1].nullFraction, 0.25);
    QVERIFY(doc.isModified());
    QCOMPARE(modified.count(), 1);
    QCOMPARE(changed.count(), 1);
    doc.undoStack()->undo();
    QCOMPARE(doc.schema().tables[0].columns[1].nullFraction, 0.0);
    QVERIFY(!doc.isModified());
    doc.undoStack()->redo();
    QCOMPARE(doc.schema().tables[0].columns[1].nullFraction, 0.25);
}

void TestSchemaDocument::structureEditsUndo()
{
    SchemaDocument doc;
    QVERIFY(doc.newFromExample(QStringLiteral("ecommerce")).isEmpty());
    const QByteArray before = SchemaIO::toBytes(doc.schema());
    const int tables = int(doc.schema().tables.size());
    doc.insertTable(tables, doc.newTableSpec());
    QCOMPARE(doc.schema().tables.size(), tables + 1);
    doc.insertColumn(0, 2, doc.newColumnSpec(0));
    doc.moveColumn(0, 0, 3);
    doc.moveTable(0, 1);
    doc.removeColumn(1, 2);
    doc.removeTable(2);
    QVERIFY(SchemaIO::toBytes(doc.schema()) != before);
    while (doc.undoStack()->canUndo())
        doc.undoStack()->undo();
    QCOMPARE(SchemaIO::toBytes(doc.schema()), before);
    QVERIFY(!doc.isModified());
}

void TestSchemaDocument::renameUpdatesReferences()
{
    SchemaDocument doc;
    QVERIFY(doc.newFromExample(QStringLiteral("ecommerce")).isEmpty());
    QVERIFY(doc.compiled());
    const int customers = int(doc.schema().tableIndex(QStringLiteral("customers")));
    doc.renameTable(customers, QStringLiteral("clients"));
    QVERIFY2(doc.compiled(), qPrintable(doc.diagnostics().toString()));
    doc.renameColumn(customers, 0, QStringLiteral("client_id"));
    QVERIFY2(doc.compiled(), qPrintable(doc.diagnostics().toString()));
    doc.renameColumn(customers, 1, QStringLiteral("given_name")); // used by a template
    QVERIFY2(doc.compiled(), qPrintable(doc.diagnostics().toString()));
    QCOMPARE(doc.undoStack()->count(), 3); // one step each, references included
    doc.undoStack()->undo();
    doc.undoStack()->undo();
    doc.undoStack()->undo();
    QCOMPARE(doc.schema().tables[customers].name, QStringLiteral("customers"));
    QVERIFY(!doc.isModified());
}

void TestSchemaDocument::diagnosticsFollowEdits()
{
    SchemaDocument doc;
    QVERIFY(doc.newFromExample(QStringLiteral("ecommerce")).isEmpty());
    QSignalSpy diag(&doc, &SchemaDocument::diagnosticsChanged);
    ColumnSpec c = doc.schema().tables[1].columns[0];
    c.generator = QJsonObject{{QStringLiteral("kind"), QStringLiteral("uniform")},
                              {QStringLiteral("min"), 9},
                              {QStringLiteral("max"), 3}};
    doc.setColumn(1, 0, c);
    QVERIFY(diag.count() >= 1);
    QVERIFY(!doc.compiled());
    const QList<Diagnostic> here = doc.diagnosticsAt(SchemaDocument::columnPath(1, 0));
    QVERIFY(!here.isEmpty());
    QVERIFY(doc.diagnosticsAt(SchemaDocument::columnPath(1, 1)).isEmpty());
    QVERIFY(doc.diagnosticsAt(SchemaDocument::tablePath(0)).isEmpty());
    doc.undoStack()->undo();
    QVERIFY(doc.compiled());
}

void TestSchemaDocument::saveLoadRoundTrip()
{
    QTemporaryDir dir;
    const QString file = dir.filePath(QStringLiteral("shop.json"));
    SchemaDocument doc;
    QVERIFY(doc.newFromExample(QStringLiteral("ecommerce")).isEmpty());
    doc.setSeed(777);
    QVERIFY(doc.isModified());
    QSignalSpy named(&doc, &SchemaDocument::fileNameChanged);
    QCOMPARE(doc.save(file), QString());
    QVERIFY(!doc.isModified());
    QCOMPARE(named.count(), 1);
    QCOMPARE(doc.fileName(), file);

    SchemaDocument other;
    QCOMPARE(other.load(file), QString());
    QCOMPARE(other.schema().seed, uint64_t(777));
    QCOMPARE(SchemaIO::toBytes(other.schema()), SchemaIO::toBytes(doc.schema()));
    QVERIFY(!other.load(dir.filePath(QStringLiteral("missing.json"))).isEmpty());
    QCOMPARE(other.fileName(), file); // unchanged by the failed load
}

// Table-level keys stay through the designer's other edits, undo and a save (example:ecommerce
// keys order_lines by order_id and line_no); test_designkeys edits them.
void TestSchemaDocument::tableKeysSurviveEdits()
{
    QTemporaryDir dir;
    const QString file = dir.filePath(QStringLiteral("keys.json"));
    SchemaDocument doc;
    QVERIFY(doc.newFromExample(QStringLiteral("ecommerce")).isEmpty());
    const int lines = int(doc.schema().tableIndex(QStringLiteral("order_lines")));
    const QStringList key{QStringLiteral("order_id"), QStringLiteral("line_no")};
    QCOMPARE(doc.schema().tables[lines].primaryKey, key);
    ColumnSpec quantity = doc.schema().tables[lines].columns[3];
    quantity.nullFraction = 0.1;
    doc.setColumn(lines, 3, quantity);
    doc.moveColumn(lines, 3, 4);
    doc.renameTable(lines, QStringLiteral("lines"));
    QCOMPARE(doc.schema().tables[lines].primaryKey, key);
    QCOMPARE(doc.save(file), QString());
    SchemaDocument other;
    QCOMPARE(other.load(file), QString());
    QCOMPARE(other.schema().tables[lines].primaryKey, key);
    QCOMPARE(SchemaIO::toBytes(other.schema()), SchemaIO::toBytes(doc.schema()));
    while (doc.undoStack()->canUndo())
        doc.undoStack()->undo();
    QCOMPARE(doc.schema().tables[lines].primaryKey, key);
}

void TestSchemaDocument::selectionFollowsMoves()
{
    SchemaDocument doc;
    QVERIFY(doc.newFromExample(QStringLiteral("ecommerce")).isEmpty());
    QSignalSpy current(&doc, &SchemaDocument::currentChanged);
    doc.setCurrent(0, 2);
    QCOMPARE(current.count(), 1);
    doc.moveColumn(0, 2, 4);
    QCOMPARE(doc.currentColumn(), 4);
    doc.moveTable(0, 1);
    QCOMPARE(doc.currentTable(), 1);
    doc.removeColumn(1, 4);
    QCOMPARE(doc.currentColumn(), -1);
    doc.undoStack()->undo();
    doc.setCurrent(1, 0);
    doc.setCurrent(1, 0);
    QCOMPARE(current.last().at(1).toInt(), 0);
}

void TestSchemaDocument::mergesTyping()
{
    SchemaDocument doc;
    doc.setName(QStringLiteral("s"));
    doc.setName(QStringLiteral("sh"));
    doc.setName(QStringLiteral("shop"));
    QCOMPARE(doc.undoStack()->count(), 1);
    doc.undoStack()->undo();
    QCOMPARE(doc.schema().name, QStringLiteral("untitled"));
}

// The primitives the undo commands call apply one change at once, with the structure signals
// and the selection kept on the same item, and push nothing on the undo stack.
void TestSchemaDocument::primitivesApplyAtOnce()
{
    SchemaDocument doc;
    QVERIFY(doc.newFromExample(QStringLiteral("ecommerce")).isEmpty());
    doc.setCurrent(1, 1);
    QSignalSpy inserted(&doc, &SchemaDocument::tableInserted);
    QSignalSpy columnMoved(&doc, &SchemaDocument::columnMoved);
    QSignalSpy changed(&doc, &SchemaDocument::schemaChanged);
    doc.insertTableAt(0, doc.newTableSpec());
    QCOMPARE(inserted.count(), 1);
    QCOMPARE(doc.currentTable(), 2); // still products
    doc.moveColumnTo(2, 1, 0);
    QCOMPARE(columnMoved.count(), 1);
    QCOMPARE(doc.currentColumn(), 0);
    const ColumnSpec taken = doc.takeColumn(2, 0);
    QCOMPARE(doc.currentColumn(), -1);
    doc.insertColumnAt(2, 0, taken);
    const TableSpec table = doc.takeTable(0);
    QCOMPARE(table.name, QStringLiteral("new_table")); // not a reserved word
    QCOMPARE(doc.currentTable(), 1);
    QString name = QStringLiteral("renamed");
    QString description;
    uint64_t seed = 9;
    doc.swapHeader(name, description, seed);
    QCOMPARE(doc.schema().name, QStringLiteral("renamed"));
    QCOMPARE(doc.schema().seed, uint64_t(9));
    QCOMPARE(changed.count(), 6);
    QCOMPARE(doc.undoStack()->count(), 0);
    QVERIFY(doc.compiled());
}

QTEST_MAIN(TestSchemaDocument)
#include "test_schemadocument.moc"
