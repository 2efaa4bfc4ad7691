// The designer's widgets: edits made through the inspectors change the document, undo restores
// it, problems appear next to the field they concern; the weighted-list model is consistent.

#include "design/columninspector.h"
#include "design/expressionfield.h"
#include "design/parameterform.h"
#include "design/problemlabel.h"
#include "design/schemadocument.h"
#include "design/tableinspector.h"
#include "design/weightedlistmodel.h"
#include "shell/mainwindow.h"

#include <QAbstractItemModelTester>
#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QJsonDocument>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QTabWidget>
#include <QTest>
#include <QUndoStack>

using namespace spillway;

namespace {

template<typename T> T *fieldEditor(QWidget *form, const QString &name)
{
    const QList<T *> found = form->findChildren<T *>();
    for (T *w : found)
        if (w->accessibleName() == name)
            return w;
    return nullptr;
}

QStringList visibleProblems(QWidget *root)
{
    QStringList texts;
    const QList<ProblemLabel *> labels = root->findChildren<ProblemLabel *>();
    for (ProblemLabel *l : labels)
        if (!l->isHidden())
            texts.append(l->text());
    return texts;
}

} // namespace

class TestInspectors : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void nullFractionSpin();
    void pickGenerator();
    void parameterSpin();
    void renameThroughNameEdit();
    void problemsInline();
    void tableRows();
    void tableFanOut();
    void weightedListModel();
    void weightedListEditsChoice();
    void mainWindowPages();
    void everyGeneratorStartsValid();
    void startingParameters_data();
    void startingParameters();
    void jsonFieldsAsText();
    void listParametersAsText();
    void expressionAsLineEdit();

private:
    std::unique_ptr<SchemaDocument> m_doc;
};

void TestInspectors::init()
{
    m_doc = std::make_unique<SchemaDocument>();
    QVERIFY(m_doc->newFromExample(QStringLiteral("ecommerce")).isEmpty());
}

void TestInspectors::nullFractionSpin()
{
    ColumnInspector inspector(m_doc.get());
    m_doc->setCurrent(0, 7); // customers.phone, 0.2
    QCOMPARE(inspector.nullFractionSpin()->value(), 0.2);
    inspector.nullFractionSpin()->setValue(0.5);
    QCOMPARE(m_doc->schema().tables[0].columns[7].nullFraction, 0.5);
    QVERIFY(m_doc->isModified());
    m_doc->undoStack()->undo();
    QCOMPARE(m_doc->schema().tables[0].columns[7].nullFraction, 0.2);
    QCOMPARE(inspector.nullFractionSpin()->value(), 0.2);
    QVERIFY(!m_doc->isModified());
}

void TestInspectors::pickGenerator()
{
    ColumnInspector inspector(m_doc.get());
    m_doc->setCurrent(1, 2); // products.name: words
    QComboBox *combo = inspector.generatorCombo();
    const int uuid = combo->findData(QStringLiteral("uuid"), Qt::UserRole);
    QVERIFY(uuid >= 0);
    QVERIFY(!combo->itemData(uuid, Qt::ToolTipRole).toString().isEmpty()); // summary
    combo->setCurrentIndex(uuid);
    emit combo->activated(uuid);
    const ColumnSpec &c = m_doc->schema().tables[1].columns[2];
    QCOMPARE(c.generator.value(QStringLiteral("kind")).toString(), QStringLiteral("uuid"));
    QVERIFY2(m_doc->compiled(), qPrintable(m_doc->diagnostics().toString()));
    m_doc->undoStack()->undo();
    QCOMPARE(
        m_doc->schema().tables[1].columns[2].generator.value(QStringLiteral("kind")).toString(),
        QStringLiteral("words"));

    // A generator with required parameters starts valid (defaults filled in).
    const int uniform = combo->findData(QStringLiteral("uniform"), Qt::UserRole);
    emit combo->activated(uniform);
    QVERIFY2(m_doc->compiled(), qPrintable(m_doc->diagnostics().toString()));
    QVERIFY(fieldEditor<QDoubleSpinBox>(inspector.parameterForm(), QStringLiteral("max")));
}

void TestInspectors::parameterSpin()
{
    ColumnInspector inspector(m_doc.get());
    m_doc->setCurrent(1, 4); // products.price: decimal min 0.99 max 2999.99
    auto *max = fieldEditor<QDoubleSpinBox>(inspector.parameterForm(), QStringLiteral("max"));
    QVERIFY(max);
    QCOMPARE(max->value(), 2999.99);
    QCOMPARE(max->text(), QStringLiteral("2999.99"));
    max->setValue(500);
    QCOMPARE(m_doc->schema().tables[1].columns[4].generator.value(QStringLiteral("max")).toDouble(),
             500.0);
    max->setValue(600); // typing on merges into one step
    QCOMPARE(m_doc->undoStack()->count(), 1);
    m_doc->undoStack()->undo();
    QCOMPARE(m_doc->schema().tables[1].columns[4].generator.value(QStringLiteral("max")).toDouble(),
             2999.99);
    QCOMPARE(max->value(), 2999.99);
}

void TestInspectors::renameThroughNameEdit()
{
    ColumnInspector inspector(m_doc.get());
    m_doc->setCurrent(0, 2);
    inspector.nameEdit()->setText(QStringLiteral("surname"));
    emit inspector.nameEdit()->editingFinished();
    QCOMPARE(m_doc->schema().tables[0].columns[2].name, QStringLiteral("surname"));
    QVERIFY2(m_doc->compiled(),
             qPrintable(m_doc->diagnostics().toString())); // email template follows
    m_doc->undoStack()->undo();
    QCOMPARE(inspector.nameEdit()->text(), QStringLiteral("last_name"));
}

void TestInspectors::problemsInline()
{
    ColumnInspector inspector(m_doc.get());
    m_doc->setCurrent(1, 4);
    QVERIFY(visibleProblems(&inspector).isEmpty());
    auto *max = fieldEditor<QDoubleSpinBox>(inspector.parameterForm(), QStringLiteral("max"));
    max->setValue(0.5); // below min 0.99
    QVERIFY(!m_doc->compiled());
    const QList<Diagnostic> found = m_doc->diagnosticsAt(SchemaDocument::columnPath(1, 4));
    QVERIFY(!found.isEmpty());
    const QStringList shown = visibleProblems(&inspector);
    QVERIFY2(shown.contains(found.first().message), qPrintable(shown.join(QLatin1Char('|'))));
    m_doc->undoStack()->undo();
    QVERIFY(visibleProblems(&inspector).isEmpty());
}

void TestInspectors::tableRows()
{
    TableInspector inspector(m_doc.get());
    m_doc->setCurrent(1, -1); // products: 10000 rows
    QCOMPARE(inspector.rowsSpin()->value(), 10000.0);
    inspector.rowsSpin()->setValue(250);
    QCOMPARE(*m_doc->schema().tables[1].rows, int64_t(250));
    m_doc->undoStack()->undo();
    QCOMPARE(*m_doc->schema().tables[1].rows, int64_t(10000));
    QCOMPARE(inspector.rowsSpin()->value(), 10000.0);
}

void TestInspectors::tableFanOut()
{
    TableInspector inspector(m_doc.get());
    m_doc->setCurrent(3, -1); // order_lines: per orders
    QCOMPARE(inspector.modeCombo()->currentIndex(), 1);
    QCOMPARE(inspector.parentCombo()->currentText(), QStringLiteral("orders"));
    emit inspector.countKindCombo()->textActivated(QStringLiteral("poisson"));
    QCOMPARE(m_doc->schema().tables[3].perParent->count.value(QStringLiteral("kind")).toString(),
             QStringLiteral("poisson"));
    QVERIFY2(m_doc->compiled(), qPrintable(m_doc->diagnostics().toString()));
    auto *lambda = fieldEditor<QDoubleSpinBox>(inspector.countForm(), QStringLiteral("lambda"));
    QVERIFY(lambda);
    lambda->setValue(4.5);
    QCOMPARE(m_doc->schema().tables[3].perParent->count.value(QStringLiteral("lambda")).toDouble(),
             4.5);
    while (m_doc->undoStack()->canUndo())
        m_doc->undoStack()->undo();
    QVERIFY(!m_doc->isModified());
}

void TestInspectors::weightedListModel()
{
    WeightedListModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setList({QStringLiteral("a"), QStringLiteral("b")}, {3, 1});
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(model.index(0, 0).data(WeightedListModel::ShareRole).toDouble(), 0.75);
    QVERIFY(model.insertRows(1, 1));
    QVERIFY(model.setData(model.index(1, 0), QStringLiteral("c")));
    QVERIFY(model.setData(model.index(1, 1), 4));
    QVERIFY(!model.setData(model.index(1, 1), -1));
    QCOMPARE(model.values(),
             (QJsonArray{QStringLiteral("a"), QStringLiteral("c"), QStringLiteral("b")}));
    QCOMPARE(model.weights(), (QJsonArray{3, 4, 1}));
    QVERIFY(model.removeRows(0, 2));
    QCOMPARE(model.weights(), QJsonArray()); // all ones: omitted
}

void TestInspectors::weightedListEditsChoice()
{
    ColumnInspector inspector(m_doc.get());
    m_doc->setCurrent(0, 6); // customers.tier: choice free/plus/pro
    auto *list = inspector.parameterForm()->findChild<WeightedListModel *>();
    QVERIFY(list);
    QCOMPARE(list->rowCount(), 3);
    list->setData(list->index(2, 1), 50);
    QCOMPARE(m_doc->schema()
                 .tables[0]
                 .columns[6]
                 .generator.value(QStringLiteral("weights"))
                 .toArray()
                 .at(2)
                 .toDouble(),
             50.0);
    m_doc->undoStack()->undo();
    QCOMPARE(list->index(2, 1).data().toDouble(), 5.0);
}

void TestInspectors::mainWindowPages()
{
    MainWindow window;
    auto *tabs = window.findChild<QTabWidget *>();
    QVERIFY(tabs);
    QCOMPARE(tabs->count(), 4); // Start, Design, Run, History
    QVERIFY(window.runAction());
    QCOMPARE(window.runAction()->shortcut(), QKeySequence(Qt::Key_F5));
    QVERIFY(!window.isWindowModified());
    window.document()->setSeed(99);
    QVERIFY(window.isWindowModified());
    window.document()->undoStack()->undo();
    QVERIFY(!window.isWindowModified());
}

// Picking any generator in the designer gives a column that compiles: required parameters get
// working defaults (json fields and array elements included), whatever the column's type.
void TestInspectors::everyGeneratorStartsValid()
{
    ColumnInspector inspector(m_doc.get());
    m_doc->setCurrent(0, 7); // customers.phone (text)
    QComboBox *combo = inspector.generatorCombo();
    for (int i = 0; i < combo->count(); ++i) {
        const QString kind = combo->itemData(i, Qt::UserRole).toString();
        if (kind.isEmpty() || kind == QLatin1String("parent") || kind == QLatin1String("ordinal") ||
            kind == QLatin1String("aggregate") || kind == QLatin1String("track_times"))
            continue; // these need a child table or a track column (customers has neither)
        combo->setCurrentIndex(i);
        emit combo->activated(i);
        QVERIFY2(m_doc->compiled(),
                 qPrintable(kind + QStringLiteral(": ") + m_doc->diagnostics().toString()));
    }
}

// A newly picked generator starts with the parameters the designer has always given it (pinned
// from before they were read through GeneratorCatalog), whichever table it is picked in.
void TestInspectors::startingParameters_data()
{
    QTest::addColumn<QString>("definition");
    QTest::addColumn<QString>("kind");
    QTest::addColumn<int>("table"); // of example:ecommerce
    QTest::addColumn<QByteArray>("expected");
    const auto row = [](const char *definition, const char *kind, int table, const char *expected) {
        QTest::addRow("%s %s in table %d", definition, kind, table)
            << QString::fromLatin1(definition) << QString::fromLatin1(kind) << table
            << QByteArray(expected);
    };
    row("generator", "uniform", 0, R"({"kind":"uniform","max":100,"min":1})");
    row("generator", "timestamp", 0,
        R"({"kind":"timestamp","max":"2024-12-31 23:59:59","min":"2024-01-01 00:00:00"})");
    row("generator", "reference", 0, R"({"column":"id","kind":"reference","table":"products"})");
    row("generator", "reference", 2, R"({"column":"id","kind":"reference","table":"customers"})");
    row("generator", "parent", 3, R"({"column":"id","kind":"parent"})");
    row("generator", "template", 3, R"({"kind":"template","template":"{order_id}"})");
    row("generator", "template", -1, R"({"kind":"template","template":"x"})");
    row("generator", "choice", 0, R"({"kind":"choice","values":["a","b","c"]})");
    row("generator", "sex", 0, R"({"kind":"sex"})");
    row("generator", "json", 2,
        R"({"fields":{"value":{"kind":"uniform","max":100,"min":1}},"kind":"json"})");
    row("countDistribution", "normal", 1, R"({"kind":"normal","mean":3,"stddev":3})");
    row("countDistribution", "poisson", 1, R"({"kind":"poisson","lambda":3})");
}

void TestInspectors::startingParameters()
{
    QFETCH(QString, definition);
    QFETCH(QString, kind);
    QFETCH(int, table);
    QFETCH(QByteArray, expected);
    QCOMPARE(ParameterForm::defaults(definition, kind, {m_doc.get(), table, 0, {}}),
             QJsonDocument::fromJson(expected).object());
}

void TestInspectors::jsonFieldsAsText()
{
    ColumnInspector inspector(m_doc.get());
    m_doc->setCurrent(0, 7);
    QComboBox *combo = inspector.generatorCombo();
    const int json = combo->findData(QStringLiteral("json"), Qt::UserRole);
    QVERIFY(json >= 0);
    emit combo->activated(json);
    auto *text = fieldEditor<QPlainTextEdit>(inspector.parameterForm(), QStringLiteral("fields"));
    QVERIFY(text);
    QVERIFY(text->toPlainText().contains(QStringLiteral("uniform")));
    // Invalid JSON stays in the editor with a problem, and the document keeps the last good one.
    text->setPlainText(QStringLiteral("{\"who\": {\"kind\": "));
    QTRY_VERIFY(!visibleProblems(inspector.parameterForm()).isEmpty());
    QVERIFY(m_doc->compiled());
    text->setPlainText(QStringLiteral("{\"who\": {\"kind\": \"full_name\"}}"));
    QTRY_COMPARE(m_doc->schema()
                     .tables[0]
                     .columns[7]
                     .generator.value(QStringLiteral("fields"))
                     .toObject()
                     .value(QStringLiteral("who"))
                     .toObject()
                     .value(QStringLiteral("kind"))
                     .toString(),
                 QStringLiteral("full_name"));
    QVERIFY2(m_doc->compiled(), qPrintable(m_doc->diagnostics().toString()));
}

void TestInspectors::listParametersAsText()
{
    ColumnInspector inspector(m_doc.get());
    m_doc->setCurrent(0, 7);
    QComboBox *combo = inspector.generatorCombo();
    emit combo->activated(combo->findData(QStringLiteral("city"), Qt::UserRole));
    auto *toggle =
        fieldEditor<QCheckBox>(inspector.parameterForm(), QStringLiteral("Set countries"));
    auto *line = fieldEditor<QLineEdit>(inspector.parameterForm(), QStringLiteral("countries"));
    QVERIFY(toggle && line);
    toggle->setChecked(true);
    line->setText(QStringLiteral("US, ca"));
    emit line->editingFinished();
    const QJsonValue countries =
        m_doc->schema().tables[0].columns[7].generator.value(QStringLiteral("countries"));
    QCOMPARE(countries.toArray(), (QJsonArray{QStringLiteral("US"), QStringLiteral("ca")}));
    QVERIFY2(m_doc->compiled(), qPrintable(m_doc->diagnostics().toString()));
    QVERIFY(!m_doc->schema().tables[0].columns[7].generator.contains(QStringLiteral("weights")));
}

void TestInspectors::expressionAsLineEdit()
{
    ColumnInspector inspector(m_doc.get());
    m_doc->setCurrent(0, 7); // customers.phone, which becomes numeric (the kind's type)
    QComboBox *combo = inspector.generatorCombo();
    const int expression = combo->findData(QStringLiteral("expression"), Qt::UserRole);
    QVERIFY(expression >= 0);
    emit combo->activated(expression);
    auto *field =
        fieldEditor<ExpressionField>(inspector.parameterForm(), QStringLiteral("expression"));
    QVERIFY(field);
    QCOMPARE(field->text(), QStringLiteral("\"id\""));
    QVERIFY2(m_doc->compiled(), qPrintable(m_doc->diagnostics().toString()));
    // A problem shows under the field with its place in the expression.
    field->setPlainText(QStringLiteral("id * 1.5 + lenght(country)"));
    emit field->editingFinished();
    QTRY_VERIFY(visibleProblems(inspector.parameterForm())
                    .join(QLatin1Char(' '))
                    .contains(QStringLiteral("at column 12 of the expression: unknown function "
                                             "'lenght'; did you mean 'length'?")));
    QCOMPARE(field->markedPositions(), QList<int>{11});
    field->setPlainText(QStringLiteral("id * 1.5 + length(country)"));
    emit field->editingFinished();
    QVERIFY2(m_doc->compiled(), qPrintable(m_doc->diagnostics().toString()));
}

QTEST_MAIN(TestInspectors)
#include "test_inspectors.moc"
