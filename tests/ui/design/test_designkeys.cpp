// Table-level keys in the designer: the keys list model, the key dialog's ordered column
// picker, edits through the table inspector's keys box (undoable, problems on the key), and
// renames and deletions of columns and tables keeping the keys that name them in step.

#include "design/keydialog.h"
#include "design/problemlabel.h"
#include "design/schemadocument.h"
#include "design/tableinspector.h"
#include "design/tablekeyseditor.h"
#include "design/tablekeysmodel.h"

#include <QAbstractItemModelTester>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QListView>
#include <QPushButton>
#include <QTest>
#include <QUndoStack>

using namespace spillway;

namespace {

const QString kLines = QStringLiteral("order_lines");

QStringList names(std::initializer_list<const char *> list)
{
    QStringList out;
    for (const char *n : list)
        out.append(QString::fromLatin1(n));
    return out;
}

// A link table under order_lines whose (order_id, line_no) references order_lines' key.
TableSpec returnsTable()
{
    TableSpec t;
    t.name = QStringLiteral("returns");
    t.rows = 100;
    for (const char *name : {"order_id", "line_no", "reason"}) {
        ColumnSpec c;
        c.name = QString::fromLatin1(name);
        c.sqlType = QStringLiteral("bigint");
        c.generator = QJsonObject{{QStringLiteral("kind"), QStringLiteral("sequence")}};
        t.columns.append(c);
    }
    t.foreignKeys.append({names({"order_id", "line_no"}), kLines, names({"order_id", "line_no"})});
    return t;
}

} // namespace

class TestDesignKeys : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void model();
    void picker();
    void foreignKeyDialog();
    void editThroughInspector();
    void problemsOnKey();
    void renameColumnRenamesKeys();
    void deleteColumnDropsKeys();
    void renameAndDeleteTable();

private:
    std::unique_ptr<SchemaDocument> m_doc;
    int m_lines = -1;
};

void TestDesignKeys::init()
{
    m_doc = std::make_unique<SchemaDocument>();
    QVERIFY(m_doc->newFromExample(QStringLiteral("ecommerce")).isEmpty());
    m_lines = int(m_doc->schema().tableIndex(kLines));
    QVERIFY(m_lines >= 0);
}

void TestDesignKeys::model()
{
    TableKeysModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    TableSpec spec = m_doc->schema().tables[m_lines];
    spec.unique.append(names({"product_id", "quantity"}));
    spec.foreignKeys.append(
        {names({"order_id", "line_no"}), kLines, names({"order_id", "line_no"})});
    const QString path = SchemaDocument::tablePath(m_lines);
    model.setTable(spec, path,
                   {{path + QStringLiteral(".unique[0]"), QStringLiteral("cannot be guaranteed")}});
    QCOMPARE(model.rowCount(), 3);
    QCOMPARE(model.index(0).data().toString(), QStringLiteral("Primary key (order_id, line_no)"));
    QCOMPARE(model.index(1).data().toString(), QStringLiteral("Unique (product_id, quantity)"));
    QCOMPARE(model.index(2).data().toString(),
             QStringLiteral("Foreign key (order_id, line_no) → order_lines (order_id, line_no)"));
    QCOMPARE(model.index(1).data(TableKeysModel::PathRole).toString(), QStringLiteral("unique[0]"));
    QCOMPARE(model.index(1).data(TableKeysModel::ProblemsRole).toStringList(),
             QStringList{QStringLiteral("cannot be guaranteed")});
    QVERIFY(model.index(0).data(TableKeysModel::ProblemsRole).toStringList().isEmpty());
    QCOMPARE(model.index(2).data(TableKeysModel::KindRole).toInt(),
             int(TableKeysModel::ForeignKey));
}

void TestDesignKeys::picker()
{
    KeyDialog dialog(m_doc->schema(), m_lines, KeyDialog::Unique);
    auto *ok = dialog.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok);
    QVERIFY(!ok->isEnabled()); // no columns yet
    OrderedColumnPicker *picker = dialog.columnPicker();
    picker->choose(QStringLiteral("quantity"));
    QVERIFY(!ok->isEnabled()); // one column is a column's own key
    QVERIFY(!dialog.incompleteReason().isEmpty());
    picker->choose(QStringLiteral("product_id"));
    QVERIFY(ok->isEnabled());
    QCOMPARE(dialog.columns(), names({"quantity", "product_id"}));
    picker->move(1, -1);
    QCOMPARE(dialog.columns(), names({"product_id", "quantity"}));
    picker->move(0, -1); // already first: nothing moves
    QCOMPARE(dialog.columns(), names({"product_id", "quantity"}));
    picker->unchoose(QStringLiteral("product_id"));
    QCOMPARE(dialog.columns(), names({"quantity"}));
    picker->choose(QStringLiteral("no_such_column"));
    QCOMPARE(dialog.columns(), names({"quantity"}));
}

void TestDesignKeys::foreignKeyDialog()
{
    m_doc->insertTable(int(m_doc->schema().tables.size()), returnsTable());
    const int returns = int(m_doc->schema().tableIndex(QStringLiteral("returns")));
    KeyDialog dialog(m_doc->schema(), returns, KeyDialog::ForeignKey);
    dialog.columnPicker()->choose(QStringLiteral("order_id"));
    dialog.columnPicker()->choose(QStringLiteral("line_no"));
    QVERIFY(!dialog.incompleteReason().isEmpty()); // no table yet
    const int lines = dialog.tableCombo()->findText(kLines);
    dialog.tableCombo()->setCurrentIndex(lines);
    emit dialog.tableCombo()->textActivated(kLines);
    // The referenced table's own composite key is the starting point.
    QCOMPARE(dialog.referencedPicker()->chosen(), names({"order_id", "line_no"}));
    QVERIFY(dialog.incompleteReason().isEmpty());
    const ForeignKeySpec fk = dialog.foreignKey();
    QCOMPARE(fk.table, kLines);
    QCOMPARE(fk.columns, names({"order_id", "line_no"}));
    dialog.referencedPicker()->unchoose(QStringLiteral("line_no"));
    QVERIFY(dialog.incompleteReason().contains(QStringLiteral("as many")));
}

void TestDesignKeys::editThroughInspector()
{
    TableInspector inspector(m_doc.get());
    m_doc->setCurrent(m_lines);
    TableKeysEditor *keys = inspector.keysEditor();
    QCOMPARE(keys->model()->rowCount(), 1);
    const int before = m_doc->undoStack()->count();
    keys->setPrimaryKey(names({"line_no", "order_id"}));
    QCOMPARE(m_doc->schema().tables[m_lines].primaryKey, names({"line_no", "order_id"}));
    keys->setUnique(0, names({"order_id", "product_id"}));
    QCOMPARE(m_doc->schema().tables[m_lines].unique.size(), 1);
    QCOMPARE(keys->model()->rowCount(), 2);
    keys->removeKey(0); // the primary key row
    QVERIFY(m_doc->schema().tables[m_lines].primaryKey.isEmpty());
    QCOMPARE(keys->model()->rowCount(), 1);
    QCOMPARE(m_doc->undoStack()->count(), before + 3);
    while (m_doc->undoStack()->index() > before)
        m_doc->undoStack()->undo();
    QCOMPARE(m_doc->schema().tables[m_lines].primaryKey, names({"order_id", "line_no"}));
    QVERIFY(m_doc->schema().tables[m_lines].unique.isEmpty());
    QCOMPARE(keys->model()->rowCount(), 1);
    QVERIFY2(m_doc->compiled(), qPrintable(m_doc->diagnostics().toString()));
}

void TestDesignKeys::problemsOnKey()
{
    TableInspector inspector(m_doc.get());
    m_doc->setCurrent(m_lines);
    // Two drawn columns are no key by construction: validation says so, on the key's row.
    inspector.keysEditor()->setUnique(0, names({"quantity", "discount"}));
    QVERIFY(!m_doc->compiled());
    const QModelIndex row = inspector.keysEditor()->model()->index(1);
    QVERIFY(!row.data(TableKeysModel::ProblemsRole).toStringList().isEmpty());
    QList<ProblemLabel *> labels = inspector.keysEditor()->findChildren<ProblemLabel *>();
    QCOMPARE(labels.size(), 1);
    QVERIFY(!labels.first()->isHidden());
    QVERIFY(labels.first()->text().startsWith(QStringLiteral("Unique (quantity, discount): ")));
    QCOMPARE(inspector.editorFor(QStringLiteral("unique[0]")), inspector.keysEditor()->keyList());
    m_doc->undoStack()->undo();
    QVERIFY(m_doc->compiled());
    QVERIFY(labels.first()->isHidden());
}

void TestDesignKeys::renameColumnRenamesKeys()
{
    m_doc->insertTable(int(m_doc->schema().tables.size()), returnsTable());
    const int returns = int(m_doc->schema().tableIndex(QStringLiteral("returns")));
    TableSpec lines = m_doc->schema().tables[m_lines];
    lines.unique.append(names({"line_no", "product_id"}));
    m_doc->setTable(m_lines, lines);
    const int before = m_doc->undoStack()->count();
    m_doc->renameColumn(m_lines, 1, QStringLiteral("position")); // line_no
    const TableSpec &renamed = m_doc->schema().tables[m_lines];
    QCOMPARE(renamed.primaryKey, names({"order_id", "position"}));
    QCOMPARE(renamed.unique.first(), names({"position", "product_id"}));
    QCOMPARE(m_doc->schema().tables[returns].foreignKeys.first().referencedColumns,
             names({"order_id", "position"}));
    QCOMPARE(m_doc->schema().tables[returns].foreignKeys.first().columns,
             names({"order_id", "line_no"}));          // its own column of that name stays
    QCOMPARE(m_doc->undoStack()->count(), before + 1); // one step
    m_doc->undoStack()->undo();
    QCOMPARE(m_doc->schema().tables[m_lines].primaryKey, names({"order_id", "line_no"}));
    QCOMPARE(m_doc->schema().tables[returns].foreignKeys.first().referencedColumns,
             names({"order_id", "line_no"}));
    // The link table's own key columns follow its renames too.
    m_doc->renameColumn(returns, 0, QStringLiteral("order_ref"));
    QCOMPARE(m_doc->schema().tables[returns].foreignKeys.first().columns,
             names({"order_ref", "line_no"}));
}

void TestDesignKeys::deleteColumnDropsKeys()
{
    m_doc->insertTable(int(m_doc->schema().tables.size()), returnsTable());
    const int returns = int(m_doc->schema().tableIndex(QStringLiteral("returns")));
    const int before = m_doc->undoStack()->count();
    m_doc->removeColumn(m_lines, 1); // line_no: in the key and referenced by returns
    QVERIFY(m_doc->schema().tables[m_lines].primaryKey.isEmpty());
    QVERIFY(m_doc->schema().tables[returns].foreignKeys.isEmpty());
    QCOMPARE(m_doc->undoStack()->count(), before + 1);
    m_doc->undoStack()->undo();
    QCOMPARE(m_doc->schema().tables[m_lines].columns[1].name, QStringLiteral("line_no"));
    QCOMPARE(m_doc->schema().tables[m_lines].primaryKey, names({"order_id", "line_no"}));
    QCOMPARE(m_doc->schema().tables[returns].foreignKeys.size(), 1);
    // A column no key names leaves the keys alone.
    m_doc->removeColumn(m_lines, 5); // discount
    QCOMPARE(m_doc->schema().tables[m_lines].primaryKey, names({"order_id", "line_no"}));
    QCOMPARE(m_doc->schema().tables[returns].foreignKeys.size(), 1);
}

void TestDesignKeys::renameAndDeleteTable()
{
    m_doc->insertTable(int(m_doc->schema().tables.size()), returnsTable());
    const int returns = int(m_doc->schema().tableIndex(QStringLiteral("returns")));
    m_doc->renameTable(m_lines, QStringLiteral("lines"));
    QCOMPARE(m_doc->schema().tables[returns].foreignKeys.first().table, QStringLiteral("lines"));
    m_doc->undoStack()->undo();
    QCOMPARE(m_doc->schema().tables[returns].foreignKeys.first().table, kLines);
    m_doc->removeTable(m_lines);
    const int after = int(m_doc->schema().tableIndex(QStringLiteral("returns")));
    QVERIFY(m_doc->schema().tables[after].foreignKeys.isEmpty());
    m_doc->undoStack()->undo();
    QCOMPARE(m_doc->schema().tables[returns].foreignKeys.size(), 1);
    QCOMPARE(m_doc->schema().tables[m_lines].name, kLines);
}

QTEST_MAIN(TestDesignKeys)
#include "test_designkeys.moc"
