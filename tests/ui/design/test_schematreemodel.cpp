// The schema tree: consistent under QAbstractItemModelTester through every kind of edit, renames
// and drops go through the document (undoable), persistent indexes survive moves.

#include "design/schemadocument.h"
#include "design/schematreemodel.h"
#include "schema/schemaio.h"

#include <QAbstractItemModelTester>
#include <QMimeData>
#include <QSortFilterProxyModel>
#include <QTest>
#include <QUndoStack>

using namespace spillway;

class TestSchemaTreeModel : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void structure();
    void editsUnderTester();
    void renameViaModel();
    void changeTypeViaModel();
    void dragAndDropColumn();
    void dragAndDropTable();
    void dropIntoOtherTableRefused();
    void persistentIndexFollowsTableMove();
    void proxyFilter();

private:
    std::unique_ptr<SchemaDocument> m_doc;
    std::unique_ptr<SchemaTreeModel> m_model;
    std::unique_ptr<QAbstractItemModelTester> m_tester;
};

void TestSchemaTreeModel::init()
{
    m_doc = std::make_unique<SchemaDocument>();
    QVERIFY(m_doc->newFromExample(QStringLiteral("ecommerce")).isEmpty());
    m_model = std::make_unique<SchemaTreeModel>(m_doc.get());
    m_tester = std::make_unique<QAbstractItemModelTester>(
        m_model.get(), QAbstractItemModelTester::FailureReportingMode::QtTest);
}

void TestSchemaTreeModel::cleanup()
{
    m_tester.reset();
    m_model.reset();
    m_doc.reset();
}

void TestSchemaTreeModel::structure()
{
    const Schema &s = m_doc->schema();
    QCOMPARE(m_model->rowCount(), s.tables.size());
    QCOMPARE(m_model->rowCount(m_model->tableIndex(0)), s.tables[0].columns.size());
    QCOMPARE(m_model->tableIndex(0).data().toString(), QStringLiteral("customers"));
    const QModelIndex id = m_model->columnIndex(0, 0);
    QCOMPARE(id.data().toString(), QStringLiteral("id"));
    QCOMPARE(m_model->columnIndex(0, 0, SchemaTreeModel::TypeColumn).data().toString(),
             QStringLiteral("bigint"));
    QCOMPARE(m_model->columnIndex(0, 0, SchemaTreeModel::GeneratorColumn).data().toString(),
             QStringLiteral("sequence"));
    QCOMPARE(id.data(SchemaTreeModel::TableIndexRole).toInt(), 0);
    QCOMPARE(id.data(SchemaTreeModel::ColumnIndexRole).toInt(), 0);
    QVERIFY(!id.data(SchemaTreeModel::IsTableRole).toBool());
    QVERIFY(!id.data(Qt::DecorationRole).isNull());
}

void TestSchemaTreeModel::editsUnderTester()
{
    // Every structural edit and its undo, with the tester checking each signal.
    m_doc->insertTable(1, m_doc->newTableSpec());
    m_doc->insertColumn(1, 1, m_doc->newColumnSpec(1));
    m_doc->moveColumn(0, 1, 4);
    m_doc->moveColumn(0, 4, 0);
    m_doc->moveTable(0, 2);
    m_doc->moveTable(2, 0);
    m_doc->removeColumn(0, 3);
    m_doc->removeTable(3);
    TableSpec shorter = m_doc->schema().tables[0];
    shorter.columns.removeLast();
    m_doc->setTable(0, shorter);
    QCOMPARE(m_model->rowCount(m_model->tableIndex(0)), shorter.columns.size());
    while (m_doc->undoStack()->canUndo())
        m_doc->undoStack()->undo();
    QCOMPARE(m_model->rowCount(), m_doc->schema().tables.size());
    for (int t = 0; t < m_model->rowCount(); ++t)
        QCOMPARE(m_model->rowCount(m_model->tableIndex(t)),
                 m_doc->schema().tables[t].columns.size());
    QVERIFY(m_doc->newFromExample(QStringLiteral("lineitem")).isEmpty()); // reset
    QCOMPARE(m_model->rowCount(), m_doc->schema().tables.size());
}

void TestSchemaTreeModel::renameViaModel()
{
    const QModelIndex name = m_model->columnIndex(0, 1);
    QVERIFY(m_model->flags(name) & Qt::ItemIsEditable);
    QVERIFY(m_model->setData(name, QStringLiteral("given_name")));
    QCOMPARE(m_doc->schema().tables[0].columns[1].name, QStringLiteral("given_name"));
    QVERIFY(m_doc->isModified());
    QVERIFY2(m_doc->compiled(), qPrintable(m_doc->diagnostics().toString())); // template follows
    QVERIFY(!m_model->setData(name, QStringLiteral("  "))); // empty names are refused
    m_doc->undoStack()->undo();
    QCOMPARE(name.data().toString(), QStringLiteral("first_name"));
    QVERIFY(!m_doc->isModified());

    QVERIFY(m_model->setData(m_model->tableIndex(0), QStringLiteral("clients")));
    QCOMPARE(m_doc->schema().tables[0].name, QStringLiteral("clients"));
    QVERIFY2(m_doc->compiled(), qPrintable(m_doc->diagnostics().toString()));
}

void TestSchemaTreeModel::changeTypeViaModel()
{
    const QModelIndex type = m_model->columnIndex(0, 0, SchemaTreeModel::TypeColumn);
    QVERIFY(m_model->setData(type, QStringLiteral("integer")));
    QCOMPARE(m_doc->schema().tables[0].columns[0].sqlType, QStringLiteral("integer"));
    m_doc->undoStack()->undo();
    QCOMPARE(type.data().toString(), QStringLiteral("bigint"));
}

void TestSchemaTreeModel::dragAndDropColumn()
{
    const QString moved = m_doc->schema().tables[0].columns[1].name;
    std::unique_ptr<QMimeData> mime(m_model->mimeData({m_model->columnIndex(0, 1)}));
    QVERIFY(mime);
    const QModelIndex table = m_model->tableIndex(0);
    QVERIFY(m_model->canDropMimeData(mime.get(), Qt::MoveAction, 4, 0, table));
    m_model->dropMimeData(mime.get(), Qt::MoveAction, 4, 0, table); // before row 4
    QCOMPARE(m_doc->schema().tables[0].columns[3].name, moved);
    m_doc->undoStack()->undo();
    QCOMPARE(m_doc->schema().tables[0].columns[1].name, moved);
    // Dropped onto the table itself: goes to the end.
    m_model->dropMimeData(mime.get(), Qt::MoveAction, -1, -1, table);
    QCOMPARE(m_doc->schema().tables[0].columns.last().name, moved);
}

void TestSchemaTreeModel::dragAndDropTable()
{
    std::unique_ptr<QMimeData> mime(m_model->mimeData({m_model->tableIndex(0)}));
    QVERIFY(m_model->canDropMimeData(mime.get(), Qt::MoveAction, -1, -1, {}));
    m_model->dropMimeData(mime.get(), Qt::MoveAction, -1, -1, {});
    QCOMPARE(m_doc->schema().tables.last().name, QStringLiteral("customers"));
    QVERIFY(!m_model->canDropMimeData(mime.get(), Qt::MoveAction, 0, 0, m_model->tableIndex(1)));
}

void TestSchemaTreeModel::dropIntoOtherTableRefused()
{
    std::unique_ptr<QMimeData> mime(m_model->mimeData({m_model->columnIndex(0, 1)}));
    QVERIFY(!m_model->canDropMimeData(mime.get(), Qt::MoveAction, 0, 0, m_model->tableIndex(1)));
    QVERIFY(!m_model->canDropMimeData(mime.get(), Qt::MoveAction, 0, 0, {}));
    QVERIFY(!m_model->canDropMimeData(mime.get(), Qt::CopyAction, 3, 0, m_model->tableIndex(0)));
}

void TestSchemaTreeModel::persistentIndexFollowsTableMove()
{
    const QPersistentModelIndex email = m_model->columnIndex(0, 3);
    const QString name = email.data().toString();
    m_doc->moveTable(0, 2);
    QVERIFY(email.isValid());
    QCOMPARE(email.data().toString(), name);
    QCOMPARE(email.parent().row(), 2);
    QCOMPARE(email.data(SchemaTreeModel::TableIndexRole).toInt(), 2);
}

void TestSchemaTreeModel::proxyFilter()
{
    QSortFilterProxyModel proxy;
    proxy.setRecursiveFilteringEnabled(true);
    proxy.setSourceModel(m_model.get());
    QAbstractItemModelTester proxyTester(&proxy,
                                         QAbstractItemModelTester::FailureReportingMode::QtTest);
    proxy.setFilterFixedString(QStringLiteral("email"));
    QCOMPARE(proxy.rowCount(), 1);
    QCOMPARE(proxy.rowCount(proxy.index(0, 0)), 1);
    m_doc->insertColumn(0, 0, m_doc->newColumnSpec(0));
    m_doc->undoStack()->undo();
}

QTEST_MAIN(TestSchemaTreeModel)
#include "test_schematreemodel.moc"
