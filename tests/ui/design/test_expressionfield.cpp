// The expression field: the names a row can read (own, parent.x, ref.x), completion as you
// type, the "Insert column" picker, problems from the document's validation while typing with
// their place underlined, and commits that go through the document's undo stack.

#include "design/columninspector.h"
#include "design/columnrename.h"
#include "design/expressionfield.h"
#include "design/expressionnames.h"
#include "design/parameterform.h"
#include "design/problemlabel.h"
#include "design/schemadocument.h"

#include <QAbstractItemView>
#include <QComboBox>
#include <QCompleter>
#include <QMenu>
#include <QStringListModel>
#include <QTest>
#include <QToolButton>
#include <QUndoStack>

using namespace spillway;

namespace {

const QString kLines = QStringLiteral("order_lines");

// Turns column `column` of `table` into an expression column with `text`.
void makeExpression(SchemaDocument &doc, int table, int column, const QString &text)
{
    ColumnSpec spec = doc.schema().tables[table].columns[column];
    spec.generator = QJsonObject{{QStringLiteral("kind"), QStringLiteral("expression")},
                                 {QStringLiteral("expression"), text}};
    doc.setColumn(table, column, spec);
}

ExpressionField *expressionField(QWidget *root)
{
    const QList<ExpressionField *> found = root->findChildren<ExpressionField *>();
    return found.size() == 1 ? found.first() : nullptr;
}

} // namespace

class TestExpressionField : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void names();
    void completes();
    void insertPicker();
    void problemsWhileTyping();
    void commitIsUndoable();
    void templateField();
    void afterColumnPicker();
    void aggregateReadsChildRow();
    void renameInTexts_data();
    void renameInTexts();
    void renameFollowsReaders();

private:
    std::unique_ptr<SchemaDocument> m_doc;
    int m_lines = -1;
};

void TestExpressionField::init()
{
    m_doc = std::make_unique<SchemaDocument>();
    QVERIFY(m_doc->newFromExample(QStringLiteral("ecommerce")).isEmpty());
    m_lines = int(m_doc->schema().tableIndex(kLines));
    QVERIFY(m_lines >= 0);
}

void TestExpressionField::names()
{
    // order_lines.unit_price (column 4) reads its row, its order and the drawn product.
    const QList<ExpressionNameGroup> groups = expressionNames(m_doc->schema(), m_lines, 4);
    QStringList titles;
    for (const ExpressionNameGroup &g : groups)
        titles.append(g.title);
    QCOMPARE(titles, QStringList({QStringLiteral("This row"), QStringLiteral("Parent row (orders)"),
                                  QStringLiteral("Through product_id (products)")}));
    QVERIFY(!groups[0].names.contains(QStringLiteral("unit_price"))); // not itself
    QVERIFY(groups[0].names.contains(QStringLiteral("quantity")));
    QVERIFY(groups[1].names.contains(QStringLiteral("parent.ordered_at")));
    QVERIFY(groups[2].names.contains(QStringLiteral("product_id.price")));
    // A root table without references reads its own row only.
    QCOMPARE(expressionNames(m_doc->schema(), 1, 0).size(), 1);
    QVERIFY(expressionWords().contains(QStringLiteral("format")));
    QVERIFY(expressionWords().contains(QStringLiteral("coalesce")));
}

void TestExpressionField::completes()
{
    ExpressionField field(ExpressionField::Expression);
    field.setContext(m_doc.get(), m_lines, 4, QStringLiteral("expression"));
    field.show();
    QVERIFY(QTest::qWaitForWindowExposed(&field));
    QTest::keyClicks(&field, QStringLiteral("quantity * product_id.pr"));
    QCompleter *completer = field.completer();
    QCOMPARE(completer->completionPrefix(), QStringLiteral("product_id.pr"));
    QVERIFY(completer->popup()->isVisible());
    QCOMPARE(completer->currentCompletion(), QStringLiteral("product_id.price"));
    QTest::keyClick(completer->popup(), Qt::Key_Return);
    QCOMPARE(field.text(), QStringLiteral("quantity * product_id.price"));
    QVERIFY(!completer->popup()->isVisible());
    // Functions complete too.
    QTest::keyClicks(&field, QStringLiteral(" + coal"));
    QCOMPARE(completer->currentCompletion(), QStringLiteral("coalesce"));
}

void TestExpressionField::insertPicker()
{
    ExpressionField field(ExpressionField::Expression);
    field.setContext(m_doc.get(), m_lines, 4, QStringLiteral("expression"));
    QToolButton *button = field.createInsertButton(nullptr);
    std::unique_ptr<QToolButton> owner(button);
    emit button->menu()->aboutToShow();
    QStringList sections, submenus, actions;
    QAction *price = nullptr;
    const QList<QAction *> all = button->menu()->actions();
    for (QAction *a : all) {
        if (a->isSeparator()) {
            sections.append(a->text());
        } else if (a->menu()) {
            submenus.append(a->text());
            for (QAction *inner : a->menu()->actions()) {
                actions.append(inner->text());
                if (inner->text() == QLatin1String("product_id.price"))
                    price = inner;
            }
        } else {
            actions.append(a->text());
        }
    }
    QCOMPARE(sections, QStringList{QStringLiteral("This row")});
    QCOMPARE(submenus, QStringList({QStringLiteral("Parent row (orders)"),
                                    QStringLiteral("Through product_id (products)")}));
    QVERIFY(actions.contains(QStringLiteral("quantity")));
    QVERIFY(actions.contains(QStringLiteral("parent.ordered_at")));
    QVERIFY(price);
    price->trigger();
    QCOMPARE(field.text(), QStringLiteral("product_id.price"));
}

void TestExpressionField::problemsWhileTyping()
{
    makeExpression(*m_doc, m_lines, 4, QStringLiteral("quantity * 2"));
    QVERIFY2(m_doc->compiled(), qPrintable(m_doc->diagnostics().toString()));
    ColumnInspector inspector(m_doc.get());
    m_doc->setCurrent(m_lines, 4);
    inspector.show();
    ExpressionField *field = expressionField(&inspector);
    QVERIFY(field);
    QCOMPARE(field->text(), QStringLiteral("quantity * 2"));
    field->setFocus();
    QTest::keyClicks(field, QStringLiteral(" + lenght(quantity)"));
    // After a pause: the document's own message, its place underlined; nothing committed yet.
    QTRY_COMPARE(field->markedPositions(), QList<int>{15});
    QStringList shown;
    const QList<ProblemLabel *> labels = inspector.findChildren<ProblemLabel *>();
    for (ProblemLabel *l : labels)
        if (!l->isHidden())
            shown.append(l->text());
    QVERIFY2(shown.join(QLatin1Char('\n'))
                 .contains(QStringLiteral("at column 16 of the expression: unknown function "
                                          "'lenght'; did you mean 'length'?")),
             qPrintable(shown.join(QLatin1Char('\n'))));
    QCOMPARE(
        m_doc->schema().tables[m_lines].columns[4].generator.value(QStringLiteral("expression")),
        QStringLiteral("quantity * 2"));
    // The same check as validation gives, on demand; fixed text clears the marks.
    field->selectAll();
    QTest::keyClicks(field, QStringLiteral("quantity * 3"));
    QVERIFY(field->checkNow().isEmpty());
    QVERIFY(field->markedPositions().isEmpty());
}

void TestExpressionField::commitIsUndoable()
{
    makeExpression(*m_doc, m_lines, 4, QStringLiteral("quantity * 2"));
    ColumnInspector inspector(m_doc.get());
    m_doc->setCurrent(m_lines, 4);
    inspector.show();
    ExpressionField *field = expressionField(&inspector);
    QVERIFY(field);
    field->setFocus();
    QTest::keyClick(field, Qt::Key_End, Qt::ControlModifier);
    QTest::keyClicks(field, QStringLiteral(" + 1"));
    QTest::keyClick(field, Qt::Key_Return); // applies, adds no new line
    const auto value = [this] {
        return m_doc->schema().tables[m_lines].columns[4].generator.value(
            QStringLiteral("expression"));
    };
    QCOMPARE(value(), QStringLiteral("quantity * 2 + 1"));
    QVERIFY2(m_doc->compiled(), qPrintable(m_doc->diagnostics().toString()));
    m_doc->undoStack()->undo();
    QCOMPARE(value(), QStringLiteral("quantity * 2"));
    QCOMPARE(field->text(), QStringLiteral("quantity * 2"));
    // A committed problem comes back from the document and is marked too.
    field->selectAll();
    QTest::keyClicks(field, QStringLiteral("quantity ** 2"));
    QTest::keyClick(field, Qt::Key_Return);
    QVERIFY(!m_doc->compiled());
    QVERIFY(!field->markedPositions().isEmpty());
}

void TestExpressionField::templateField()
{
    ColumnInspector inspector(m_doc.get());
    m_doc->setCurrent(0, 3); // customers.email: a template
    inspector.show();
    ExpressionField *field = expressionField(&inspector);
    QVERIFY(field);
    QCOMPARE(field->mode(), ExpressionField::Template);
    QCOMPARE(field->text(), QStringLiteral("{first_name}.{last_name}.{id}@example.com"));
    field->setFocus();
    QTest::keyClick(field, Qt::Key_End, Qt::ControlModifier);
    QTest::keyClicks(field, QStringLiteral(" cou")); // outside a placeholder: no completion
    QVERIFY(!field->completer()->popup()->isVisible());
    QTest::keyClicks(field, QStringLiteral(" {cou"));
    QCOMPARE(field->completer()->currentCompletion(), QStringLiteral("country"));
    field->selectAll();
    field->insertName(QStringLiteral("tier"));
    QCOMPARE(field->text(), QStringLiteral("{tier}"));
    field->selectAll();
    QTest::keyClicks(field, QStringLiteral("x{upper(tier}"));
    QVERIFY(!field->checkNow().isEmpty());
    QCOMPARE(field->markedPositions().size(), 1);
}

void TestExpressionField::afterColumnPicker()
{
    ColumnInspector inspector(m_doc.get());
    ColumnSpec spec = m_doc->schema().tables[m_lines].columns[4];
    spec.sqlType = QStringLiteral("timestamp");
    spec.generator =
        QJsonObject{{QStringLiteral("kind"), QStringLiteral("timestamp")},
                    {QStringLiteral("after"),
                     QJsonObject{{QStringLiteral("column"), QStringLiteral("parent.ordered_at")},
                                 {QStringLiteral("max"), QStringLiteral("1 day")}}}};
    m_doc->setColumn(m_lines, 4, spec);
    m_doc->setCurrent(m_lines, 4);
    QComboBox *column = nullptr;
    const QList<QComboBox *> combos = inspector.parameterForm()->findChildren<QComboBox *>();
    for (QComboBox *c : combos)
        if (c->accessibleName() == QLatin1String("column"))
            column = c;
    QVERIFY(column);
    QVERIFY(column->findText(QStringLiteral("parent.ordered_at")) >= 0);
    QVERIFY(column->findText(QStringLiteral("product_id.price")) >= 0);
    QVERIFY(column->findText(QStringLiteral("quantity")) >= 0);
    QCOMPARE(column->currentText(), QStringLiteral("parent.ordered_at"));
}

void TestExpressionField::aggregateReadsChildRow()
{
    // orders.total sums an expression over its order_lines: the names are the lines' columns.
    const int orders = int(m_doc->schema().tableIndex(QStringLiteral("orders")));
    const int total = int(m_doc->schema().tables[orders].columnIndex(QStringLiteral("total")));
    ColumnInspector inspector(m_doc.get());
    m_doc->setCurrent(orders, total);
    inspector.show();
    ExpressionField *field = expressionField(&inspector);
    QVERIFY(field);
    QCOMPARE(field->text(), QStringLiteral("quantity * unit_price * (1 - discount)"));
    const QStringList words =
        static_cast<QStringListModel *>(field->completer()->model())->stringList();
    QVERIFY(words.contains(QStringLiteral("unit_price")));
    QVERIFY(words.contains(QStringLiteral("product_id.price")));
    QVERIFY(!words.contains(QStringLiteral("total")));
    QVERIFY(field->checkNow().isEmpty());
    field->setPlainText(QStringLiteral("quantity * nope"));
    QVERIFY(!field->checkNow().isEmpty());
    QCOMPARE(field->markedPositions(), QList<int>{11});
    // Renaming a child column carries into the aggregate's expression.
    const int lines = m_lines;
    m_doc->renameColumn(lines, 3, QStringLiteral("qty"));
    QCOMPARE(
        m_doc->schema().tables[orders].columns[total].generator.value(QStringLiteral("expression")),
        QStringLiteral("qty * unit_price * (1 - discount)"));
}

void TestExpressionField::renameInTexts_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QStringList>("from");
    QTest::addColumn<QStringList>("to");
    QTest::addColumn<QString>("expected");
    const QStringList qty{QStringLiteral("qty")};
    const QStringList n{QStringLiteral("n")};
    QTest::newRow("own") << "qty * 2 + qty" << qty << n << "n * 2 + n";
    QTest::newRow("literal stays") << "'qty' || qty" << qty << n << "'qty' || n";
    QTest::newRow("function stays")
        << "round(qty)" << QStringList{QStringLiteral("round")} << n << "round(qty)";
    QTest::newRow("parent") << "parent.qty + qty"
                            << QStringList{QStringLiteral("parent"), QStringLiteral("qty")}
                            << QStringList{QStringLiteral("parent"), QStringLiteral("n")}
                            << "parent.n + qty";
    QTest::newRow("reference head")
        << "product_id . price * 2" << QStringList{QStringLiteral("product_id")}
        << QStringList{QStringLiteral("product")} << "product . price * 2";
    QTest::newRow("quoted") << "\"Qty\" + 1" << QStringList{QStringLiteral("Qty")}
                            << QStringList{QStringLiteral("Amount")} << "\"Amount\" + 1";
    QTest::newRow("needs quotes") << "qty * 2" << qty << QStringList{QStringLiteral("Big Qty")}
                                  << "\"Big Qty\" * 2";
    QTest::newRow("does not parse") << "qty +" << qty << n << "qty +";
}

void TestExpressionField::renameInTexts()
{
    QFETCH(QString, text);
    QFETCH(QStringList, from);
    QFETCH(QStringList, to);
    QFETCH(QString, expected);
    QCOMPARE(renameInExpression(text, from, to), expected);
    // Inside a template's expression placeholder the same; plain placeholders by their parts.
    QCOMPARE(renameInTemplate(QLatin1Char('{') + text + QStringLiteral(" + (}"), from, to),
             QLatin1Char('{') + text + QStringLiteral(" + (}")); // does not parse: kept
    const QStringList q{QStringLiteral("qty")}, n{QStringLiteral("n")};
    QCOMPARE(
        renameInTemplate(QStringLiteral("{{qty}} {qty}/{parent.qty}/{format('%d', qty)}"), q, n),
        QStringLiteral("{{qty}} {n}/{parent.qty}/{format('%d', n)}"));
}

void TestExpressionField::renameFollowsReaders()
{
    // order_lines.unit_price reads products.price through product_id, and its own quantity.
    makeExpression(*m_doc, m_lines, 4, QStringLiteral("quantity * 2 + length(product_id.name)"));
    const int products = int(m_doc->schema().tableIndex(QStringLiteral("products")));
    const int before = m_doc->undoStack()->count();
    m_doc->renameColumn(products, 2, QStringLiteral("title")); // products.name
    const auto text = [this] {
        return m_doc->schema()
            .tables[m_lines]
            .columns[4]
            .generator.value(QStringLiteral("expression"))
            .toString();
    };
    QCOMPARE(text(), QStringLiteral("quantity * 2 + length(product_id.title)"));
    m_doc->renameColumn(m_lines, 3, QStringLiteral("qty"));
    QCOMPARE(text(), QStringLiteral("qty * 2 + length(product_id.title)"));
    m_doc->renameColumn(m_lines, 2, QStringLiteral("product"));
    QCOMPARE(text(), QStringLiteral("qty * 2 + length(product.title)"));
    QCOMPARE(m_doc->undoStack()->count(), before + 3); // one step each
    m_doc->undoStack()->undo();
    m_doc->undoStack()->undo();
    m_doc->undoStack()->undo();
    QCOMPARE(text(), QStringLiteral("quantity * 2 + length(product_id.name)"));
    // customers.email's template follows its columns.
    m_doc->renameColumn(0, 1, QStringLiteral("given_name"));
    QCOMPARE(m_doc->schema().tables[0].columns[3].generator.value(QStringLiteral("template")),
             QStringLiteral("{given_name}.{last_name}.{id}@example.com"));
}

QTEST_MAIN(TestExpressionField)
#include "test_expressionfield.moc"
