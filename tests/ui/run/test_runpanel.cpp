// The run panel offscreen: the estimate against a real generate, settings that survive a
// restart, the live "copy as command" and the run record's command, Run disabled with the
// schema's or the settings' reason, the overwrite check and its confirmation, and the Run bar
// in view in a small window.

#include "../../processsupport.h"
#include "history/runstore.h"
#include "monitortestsupport.h"
#include "run/runestimate.h"
#include "run/runpanel.h"
#include "shell/settings.h"

#include <QApplication>
#include <QCryptographicHash>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QFile>
#include <QGroupBox>
#include <QJsonDocument>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QStackedWidget>
#include <QTemporaryDir>
#include <QTimer>
#include <QUndoStack>

using namespace spillway;

namespace {

qint64 folderBytes(const QString &dir)
{
    qint64 bytes = 0;
    QDirIterator it(dir, QDir::Files);
    while (it.hasNext())
        bytes += QFileInfo(it.next()).size();
    return bytes;
}

QPushButton *button(const QWidget &parent, const QString &text)
{
    const auto buttons = parent.findChildren<QPushButton *>();
    for (QPushButton *b : buttons)
        if (b->text() == text)
            return b;
    return nullptr;
}

bool showsLabel(const QWidget &parent, const QString &text)
{
    const auto labels = parent.findChildren<QLabel *>();
    return std::any_of(labels.begin(), labels.end(), [&](const QLabel *l) {
        return l->isVisibleTo(&parent) && l->text() == text;
    });
}

// Answers the next modal QMessageBox with the button whose text is `answer`; `text` receives
// the box's text.
void answerNextBox(const QString &answer, QString *text)
{
    QTimer::singleShot(0, qApp, [answer, text] {
        auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
        QVERIFY(box);
        *text = box->text();
        for (QAbstractButton *b : box->buttons())
            if (b->text() == answer)
                b->click();
    });
}

QByteArray digest(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly)
               ? QCryptographicHash::hash(f.readAll(), QCryptographicHash::Sha256)
               : QByteArray();
}

void touch(const QString &path)
{
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("old\n");
}

} // namespace

class TestRunPanel : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void estimateMatchesGenerate_data();
    void estimateMatchesGenerate();
    void estimateRefusesWhatThePlannerRefuses();
    void estimateOfBillions_data();
    void estimateOfBillions();
    void settingsSurviveRestart();
    void commandNamesExampleOrFile();
    void recordKeepsTheCommand();
    void runDisabledWithSchemaReason();
    void runDisabledWithSettingsReason();
    void existingOutputs_data();
    void existingOutputs();
    void overwriteAsksFirst();
    void targetBoxFitsItsTarget();
    void runBarInViewWhenSmall();

private:
    QTemporaryDir m_dir;
};

void TestRunPanel::initTestCase()
{
    qRegisterMetaType<RunResult>();
    qRegisterMetaType<RunSnapshot>();
    QVERIFY(m_dir.isValid());
    // Never the user's settings: a private folder for everything the panel stores.
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope,
                       m_dir.filePath(QStringLiteral("settings")));
}

void TestRunPanel::estimateMatchesGenerate_data()
{
    QTest::addColumn<int>("format");
    QTest::addColumn<int>("compression");
    QTest::addColumn<uint64_t>("splitRows");
    QTest::addColumn<uint64_t>("rows");
    const uint64_t none = 0;
    QTest::newRow("csv") << int(OutputFormat::Csv) << int(Compression::None) << none
                         << uint64_t(20000);
    QTest::newRow("csv gzip") << int(OutputFormat::Csv) << int(Compression::Gzip) << none
                              << uint64_t(20000);
    QTest::newRow("jsonl zstd split") << int(OutputFormat::JsonLines) << int(Compression::Zstd)
                                      << uint64_t(7000) << uint64_t(20000);
    QTest::newRow("pgbinary") << int(OutputFormat::PgBinary) << int(Compression::None) << none
                              << uint64_t(20000);
    QTest::newRow("small gzip") << int(OutputFormat::Csv) << int(Compression::Gzip) << none
                                << uint64_t(500);
}

// The estimate is within a few percent of what a real run writes (the child table's rows come
// from a sample of fan-outs, bytes from three sampled batches per table).
void TestRunPanel::estimateMatchesGenerate()
{
    QFETCH(int, format);
    QFETCH(int, compression);
    QFETCH(uint64_t, splitRows);
    QFETCH(uint64_t, rows);
    SchemaDocument doc;
    QVERIFY(doc.newFromExample(QStringLiteral("ecommerce")).isEmpty());
    RunSettings s;
    s.target = RunTarget::Files;
    s.directory =
        m_dir.filePath(QStringLiteral("estimate-%1").arg(QLatin1String(QTest::currentDataTag())));
    s.format = OutputFormat(format);
    s.compression = Compression(compression);
    s.splitRows = splitRows;
    s.rows = rows;
    s.workers = 2;
    const RunEstimate estimate = RunEstimate::compute(doc.schema(), s);
    QVERIFY(estimate.valid);
    QVERIFY(estimate.text().startsWith(QStringLiteral("≈ ")));

    RunController controller;
    controller.setDocument(&doc);
    controller.setRunsDirectory(m_dir.filePath(QStringLiteral("runs")));
    controller.setSettings(s);
    QSignalSpy finished(&controller, &RunController::runFinished);
    QVERIFY(controller.start());
    const RunResult result = test::waitForResult(finished, 120000);
    QVERIFY2(result.ok, qPrintable(result.error));
    const double made = double(result.last.rowsDone);
    const double bytes = double(folderBytes(s.directory));
    qInfo("estimate %s; made %.0f rows, %.0f bytes", qPrintable(estimate.text()), made, bytes);
    QVERIFY2(std::abs(double(estimate.rows) - made) <= 0.03 * made,
             qPrintable(QString::number(estimate.rows)));
    QVERIFY2(std::abs(estimate.bytes - bytes) <= 0.15 * bytes,
             qPrintable(QString::number(estimate.bytes)));
}

void TestRunPanel::estimateOfBillions_data()
{
    QTest::addColumn<QString>("example");
    for (const QString &name : SchemaDocument::exampleNames())
        QTest::newRow(qPrintable(name)) << name;
}

// Every example at a billion rows per root table: rows scale, nothing overflows, and the
// estimate (a sample, never the rows themselves) stays quick; the time is reported only.
void TestRunPanel::estimateOfBillions()
{
    QFETCH(QString, example);
    SchemaDocument doc;
    QVERIFY(doc.newFromExample(example).isEmpty());
    RunSettings s;
    s.target = RunTarget::Files;
    s.compression = Compression::Zstd;
    s.rows = 1000000000;
    QElapsedTimer timer;
    timer.start();
    const RunEstimate estimate = RunEstimate::compute(doc.schema(), s);
    qInfo("%s: %s in %lld ms", qPrintable(example), qPrintable(estimate.text()), timer.elapsed());
    if (!estimate.valid) { // a unique column too small for a billion rows: the planner says so
        qInfo("%s", qPrintable(estimate.problems.toString()));
        QVERIFY(!estimate.problems.isEmpty());
        return;
    }
    QVERIFY(estimate.rows >= 1000000000);
    QVERIFY(estimate.bytes > double(estimate.rows));
}

// --rows beyond a unique column's value space: the planner's refusal is a reason not to run.
void TestRunPanel::estimateRefusesWhatThePlannerRefuses()
{
    const QString path = m_dir.filePath(QStringLiteral("unique.json"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(R"({"seed": 1, "tables": [{"name": "t", "rows": 5, "columns": [{"name": "v",
        "type": "int", "unique": true, "generator": {"kind": "uniform", "min": 1, "max": 10}}]}]})");
    file.close();
    SchemaDocument doc;
    QVERIFY(doc.load(path).isEmpty());
    QVERIFY2(doc.diagnostics().isEmpty(), qPrintable(doc.diagnostics().toString()));
    RunSettings s;
    s.rows = 100;
    const RunEstimate estimate = RunEstimate::compute(doc.schema(), s);
    QVERIFY(!estimate.valid);
    QVERIFY(!estimate.problems.isEmpty());

    RunController controller;
    controller.setDocument(&doc);
    RunPanel panel(&controller);
    s.target = RunTarget::LocalServer;
    panel.setSettings(s);
    QTRY_VERIFY(!panel.isEstimating());
    QVERIFY(!panel.runAction()->isEnabled());
    QCOMPARE(panel.runProblems(), QStringList{doc.describe(estimate.problems.items().first())});
    s.rows = 8;
    panel.setSettings(s);
    QTRY_VERIFY(!panel.isEstimating());
    QVERIFY2(panel.runProblems().isEmpty(), qPrintable(panel.runProblems().join(u'\n')));
    QVERIFY(panel.runAction()->isEnabled());
    QCOMPARE(panel.estimateText(),
             QStringLiteral("≈\u00a08 rows · ≈\u00a0%1") // "≈" kept with its figure
                 .arg(formatBytes(RunEstimate::compute(doc.schema(), s).bytes)));
}

// Every field is stored (never a password) and a new panel, as after a restart, shows it.
void TestRunPanel::settingsSurviveRestart()
{
    Settings::runSettings.reset();
    RunSettings s;
    s.target = RunTarget::Files;
    s.directory = QStringLiteral("/srv/out");
    s.format = OutputFormat::JsonLines;
    s.compression = Compression::Zstd;
    s.splitBytes = 64 * 1048576;
    s.profile.name = QStringLiteral("staging");
    s.profile.host = QStringLiteral("db.example.org");
    s.profile.port = 6543;
    s.profile.database = QStringLiteral("shop");
    s.profile.user = QStringLiteral("loader");
    s.profile.sslmode = QStringLiteral("require");
    s.profile.askPassword = true;
    s.serverDir = QStringLiteral("/var/tmp/pg");
    s.mode = LoadMode::Append;
    s.copyFormat = CopyFormat::Csv;
    s.constraintsFirst = true;
    s.retries = 3;
    s.rows = 12345678901ULL;
    s.scale = 0.25;
    s.seed = 18446744073709551557ULL; // beyond a double's 53 bits
    s.workers = 6;
    s.thresholds = {QStringLiteral("rows_per_s>=1000"), QStringLiteral("p95_commit_ms<=2000")};
    {
        RunController controller;
        RunPanel panel(&controller);
        panel.setSettings(s);
    }
    const QByteArray stored = Settings::runSettings.value();
    QVERIFY(!stored.isEmpty());
    QVERIFY(!QString::fromUtf8(stored)
                 .remove(QLatin1String("askPassword"))
                 .contains(QLatin1String("password"), Qt::CaseInsensitive));
    RunController controller;
    RunPanel panel(&controller);
    panel.setProfiles({s.profile}); // as the main window does after creating the panel
    QCOMPARE(panel.settings().toJson(), s.toJson());
    QCOMPARE(RunSettings::fromJson(s.toJson()).toJson(), s.toJson());
    QCOMPARE(*panel.settings().seed, *s.seed);
    // An edit is stored at once.
    s.workers = 3;
    panel.setSettings(s);
    QCOMPARE(RunSettings::fromJson(QJsonDocument::fromJson(Settings::runSettings.value()).object())
                 .workers,
             3);
    Settings::runSettings.reset();
}

// example:NAME for an unchanged example, the saved file's path otherwise, following the
// document as it is edited, saved and replaced by another file.
void TestRunPanel::commandNamesExampleOrFile()
{
    Settings::runSettings.reset();
    SchemaDocument doc;
    QVERIFY(doc.newFromExample(QStringLiteral("iot")).isEmpty());
    RunController controller;
    controller.setDocument(&doc);
    RunPanel panel(&controller);
    QPushButton *copy = button(panel, QStringLiteral("Copy as command"));
    QVERIFY(copy);
    QCOMPARE(controller.schemaArgument(), QStringLiteral("example:iot"));
    QVERIFY(controller.isCommandCurrent());
    QVERIFY(controller.commandLine().startsWith(QLatin1String("spillway-cli ingest example:iot ")));
    QVERIFY(showsLabel(panel, controller.commandLine()));
    QVERIFY(copy->isEnabled());

    doc.setSeed(doc.schema().seed + 1); // no longer the example
    QVERIFY(controller.schemaArgument().isEmpty());
    QVERIFY(!copy->isEnabled());
    QVERIFY(controller.commandLine().contains(RunSettings::unsavedSchema()));
    doc.undoStack()->undo();
    QCOMPARE(controller.schemaArgument(), QStringLiteral("example:iot"));

    const QString first = m_dir.filePath(QStringLiteral("first.json"));
    QVERIFY(doc.save(first).isEmpty());
    QCOMPARE(controller.schemaArgument(), QFileInfo(first).absoluteFilePath());
    QVERIFY(controller.isCommandCurrent());
    QVERIFY(showsLabel(panel, controller.commandLine()));
    doc.setSeed(99);
    QCOMPARE(controller.schemaArgument(), QFileInfo(first).absoluteFilePath());
    QVERIFY(!controller.isCommandCurrent()); // the panel says "save first"
    QVERIFY(copy->isEnabled());

    SchemaDocument other;
    QVERIFY(other.newFromExample(QStringLiteral("wide")).isEmpty());
    const QString second = m_dir.filePath(QStringLiteral("second schema.json"));
    QVERIFY(other.save(second).isEmpty());
    QVERIFY(doc.load(second).isEmpty());
    QCOMPARE(controller.schemaArgument(), QFileInfo(second).absoluteFilePath());
    QVERIFY(controller.commandLine().contains(QStringLiteral("'%1'").arg(second)));
    QVERIFY(showsLabel(panel, controller.commandLine()));
    QVERIFY(controller.isCommandCurrent());
}

// The run record keeps the command the panel shows, so History's command reruns the same.
void TestRunPanel::recordKeepsTheCommand()
{
    SchemaDocument doc;
    QVERIFY(doc.newFromExample(QStringLiteral("ecommerce")).isEmpty());
    RunController controller;
    controller.setDocument(&doc);
    controller.setRunsDirectory(m_dir.filePath(QStringLiteral("runs")));
    RunSettings s;
    s.target = RunTarget::Files;
    s.directory = m_dir.filePath(QStringLiteral("record"));
    s.rows = 1000;
    controller.setSettings(s);
    QSignalSpy finished(&controller, &RunController::runFinished);
    QVERIFY(controller.start());
    QVERIFY2(test::waitForResult(finished, 120000).ok, "the run failed");
    RunStore store(controller.runsDirectory());
    QString error;
    const auto record = store.find(controller.recordId(), &error);
    QVERIFY2(record, qPrintable(error));
    QCOMPARE(record->commandLine, s.arguments(QStringLiteral("example:ecommerce")));
    QCOMPARE(record->settings.value(QLatin1String("schema_file")).toString(),
             QStringLiteral("example:ecommerce"));
    QVERIFY(!record->settings.contains(QLatin1String("schema_unsaved")));

    // History's command, run by spillway-cli, writes the very same files again.
    QHash<QString, QByteArray> made;
    QDir out(s.directory);
    for (const QString &name : out.entryList(QDir::Files))
        made.insert(name, digest(out.filePath(name)));
    QVERIFY(!made.isEmpty());
    QVERIFY(out.removeRecursively());
    const test::CliResult cli = test::runCli(record->commandLine.mid(1));
    QVERIFY(cli.finished);
    QVERIFY2(cli.exitCode == 0, qPrintable(cli.err));
    QCOMPARE(out.entryList(QDir::Files).size(), made.size());
    for (auto it = made.cbegin(); it != made.cend(); ++it)
        QCOMPARE(digest(out.filePath(it.key())), it.value());
}

// A schema with a problem: Run and F5 are disabled, the reason names the first problem, and
// "Show problem" hands its JSON path to the designer.
void TestRunPanel::runDisabledWithSchemaReason()
{
    Settings::runSettings.reset();
    const QString path = m_dir.filePath(QStringLiteral("bad.json"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(R"({"seed": 1, "tables": [{"name": "reviews", "rows": 10, "columns": [
        {"name": "rating", "type": "int", "generator": {"kind": "uniform", "min": 5, "max": 2}},
        {"name": "stars", "type": "int", "generator": {"kind": "uniform", "min": 9, "max": 1}}]}]})");
    file.close();
    SchemaDocument doc;
    QVERIFY(doc.load(path).isEmpty());
    QVERIFY(doc.diagnostics().size() >= 2);
    RunController controller;
    controller.setDocument(&doc);
    RunPanel panel(&controller);
    panel.resize(500, 700);
    panel.show();
    QVERIFY(!panel.runAction()->isEnabled());
    QPushButton *run = button(panel, QStringLiteral("Run (F5)"));
    QVERIFY(run && !run->isEnabled());
    const Diagnostic first = doc.diagnostics().items().first();
    const QString reason = QStringLiteral("Cannot run: %1 (%2 more)")
                               .arg(doc.describe(first)) // `table.column: ...`
                               .arg(doc.diagnostics().size() - 1);
    QVERIFY2(showsLabel(panel, reason), qPrintable(reason));
    QPushButton *show = button(panel, QStringLiteral("Show problem"));
    QVERIFY(show && show->isVisible());
    QSignalSpy activated(&panel, &RunPanel::problemActivated);
    show->click();
    QCOMPARE(activated.size(), 1);
    QCOMPARE(activated.first().first().toString(), first.path);
    QVERIFY(first.path.startsWith(QLatin1String("tables[0].columns[")));

    // Fixed in the document: Run comes back, the reason goes.
    QVERIFY(doc.newFromExample(QStringLiteral("ecommerce")).isEmpty());
    QTRY_VERIFY(!panel.isEstimating());
    QVERIFY(panel.runProblems().isEmpty());
    QVERIFY(panel.runAction()->isEnabled());
    QVERIFY(!show->isVisible());
    QVERIFY(!panel.estimateText().isEmpty());
}

void TestRunPanel::runDisabledWithSettingsReason()
{
    Settings::runSettings.reset();
    SchemaDocument doc;
    QVERIFY(doc.newFromExample(QStringLiteral("ecommerce")).isEmpty());
    RunController controller;
    controller.setDocument(&doc);
    RunPanel panel(&controller);
    panel.show();
    RunSettings s;
    s.target = RunTarget::Files; // and no folder
    panel.setSettings(s);
    QVERIFY(!panel.runAction()->isEnabled());
    QCOMPARE(panel.runProblems().value(0), s.problems().value(0));
    QVERIFY(showsLabel(panel, QStringLiteral("Cannot run: %1").arg(s.problems().value(0))));
    QVERIFY(!button(panel, QStringLiteral("Show problem"))->isVisible());
    s.directory = m_dir.filePath(QStringLiteral("somewhere"));
    panel.setSettings(s);
    QTRY_VERIFY(!panel.isEstimating());
    QVERIFY(panel.runAction()->isEnabled());
}

void TestRunPanel::existingOutputs_data()
{
    QTest::addColumn<QStringList>("present");
    QTest::addColumn<int>("compression");
    QTest::addColumn<uint64_t>("splitRows");
    QTest::addColumn<QStringList>("expected");
    const QStringList files{
        QStringLiteral("orders.csv"),          QStringLiteral("orders.csv.gz"),
        QStringLiteral("orders_00001.csv"),    QStringLiteral("orders_00002.csv"),
        QStringLiteral("orders_0001.csv"),     QStringLiteral("orders_x0001.csv"),
        QStringLiteral("customers.tsv"),       QStringLiteral("notes.txt"),
        QStringLiteral("order_lines.csv.part")};
    QTest::newRow("whole files") << files << int(Compression::None) << uint64_t(0)
                                 << QStringList{QStringLiteral("orders.csv")};
    QTest::newRow("gzip") << files << int(Compression::Gzip) << uint64_t(0)
                          << QStringList{QStringLiteral("orders.csv.gz")};
    QTest::newRow("split parts") << files << int(Compression::None) << uint64_t(100)
                                 << QStringList{QStringLiteral("orders_00001.csv"),
                                                QStringLiteral("orders_00002.csv")};
    QTest::newRow("nothing") << QStringList{QStringLiteral("notes.txt")} << int(Compression::None)
                             << uint64_t(0) << QStringList{};
}

void TestRunPanel::existingOutputs()
{
    QFETCH(QStringList, present);
    QFETCH(int, compression);
    QFETCH(uint64_t, splitRows);
    QFETCH(QStringList, expected);
    QTemporaryDir dir;
    for (const QString &name : present)
        touch(dir.filePath(name));
    RunSettings s;
    s.target = RunTarget::Files;
    s.directory = dir.path();
    s.compression = Compression(compression);
    s.splitRows = splitRows;
    const QStringList tables{QStringLiteral("customers"), QStringLiteral("orders"),
                             QStringLiteral("order_lines")};
    QCOMPARE(s.existingOutputs(tables), expected);
    s.directory = dir.filePath(QStringLiteral("missing"));
    QVERIFY(s.existingOutputs(tables).isEmpty());
}

// Run into a folder holding this run's files asks first; Cancel leaves them alone.
void TestRunPanel::overwriteAsksFirst()
{
    Settings::runSettings.reset();
    SchemaDocument doc;
    QVERIFY(doc.newFromExample(QStringLiteral("ecommerce")).isEmpty());
    RunController controller;
    controller.setDocument(&doc);
    controller.setRunsDirectory(m_dir.filePath(QStringLiteral("runs")));
    RunPanel panel(&controller);
    RunSettings s;
    s.target = RunTarget::Files;
    s.directory = m_dir.filePath(QStringLiteral("overwrite"));
    s.rows = 100;
    QVERIFY(QDir().mkpath(s.directory));
    touch(QDir(s.directory).filePath(QStringLiteral("orders.csv")));
    touch(QDir(s.directory).filePath(QStringLiteral("customers.csv")));
    panel.setSettings(s);
    QTRY_VERIFY(!panel.isEstimating());
    QString text;
    answerNextBox(QStringLiteral("Cancel"), &text);
    panel.run();
    QVERIFY2(text.contains(QDir::toNativeSeparators(s.directory)), qPrintable(text));
    QVERIFY2(text.contains(QLatin1String("2 file")), qPrintable(text));
    QCOMPARE(controller.state(), RunController::State::Idle);
    QVERIFY(controller.recordId().isEmpty());
    QFile kept(QDir(s.directory).filePath(QStringLiteral("orders.csv")));
    QCOMPARE(kept.size(), qint64(4));

    QSignalSpy finished(&controller, &RunController::runFinished);
    answerNextBox(QStringLiteral("Overwrite"), &text);
    panel.run();
    QVERIFY2(test::waitForResult(finished, 120000).ok, "the run failed");
    QVERIFY(kept.size() > 4);
}

// The Target box is as tall as the chosen target needs, not as the tallest (PostgreSQL's form),
// at the panel's narrowest width too.
void TestRunPanel::targetBoxFitsItsTarget()
{
    Settings::runSettings.reset();
    SchemaDocument doc;
    QVERIFY(doc.newFromExample(QStringLiteral("ecommerce")).isEmpty());
    RunController controller;
    controller.setDocument(&doc);
    RunPanel panel(&controller);
    panel.resize(panel.minimumSizeHint().width(), 900);
    panel.show();
    QVERIFY(QTest::qWaitForWindowExposed(&panel));
    QGroupBox *box = nullptr;
    for (QGroupBox *b : panel.findChildren<QGroupBox *>())
        if (b->title() == QLatin1String("Target"))
            box = b;
    QVERIFY(box);
    auto *stack = box->findChild<QStackedWidget *>();
    QVERIFY(stack);
    for (RunTarget target : {RunTarget::LocalServer, RunTarget::Files, RunTarget::Postgres}) {
        RunSettings s = panel.settings();
        s.target = target;
        panel.setSettings(s);
        QTRY_VERIFY(stack->currentWidget()->isVisible());
        QCoreApplication::processEvents();
        QWidget *page = stack->currentWidget();
        const int needed = page->hasHeightForWidth() ? page->heightForWidth(stack->width())
                                                     : page->sizeHint().height();
        QVERIFY2(stack->height() <= needed + 20,
                 qPrintable(QStringLiteral("target %1: %2 px for a page of %3")
                                .arg(int(target))
                                .arg(stack->height())
                                .arg(needed)));
        test::saveScreenshot(&panel, QStringLiteral("runpanel-target-%1").arg(int(target)));
    }
}

// At 1024×640 the run page leaves the panel about 600 px: Run and the estimate stay in view.
void TestRunPanel::runBarInViewWhenSmall()
{
    Settings::runSettings.reset();
    SchemaDocument doc;
    QVERIFY(doc.newFromExample(QStringLiteral("ecommerce")).isEmpty());
    RunController controller;
    controller.setDocument(&doc);
    RunPanel panel(&controller);
    panel.resize(panel.minimumSizeHint().width(), 520);
    panel.show();
    QVERIFY(QTest::qWaitForWindowExposed(&panel));
    QTRY_VERIFY(!panel.isEstimating());
    QPushButton *run = button(panel, QStringLiteral("Run (F5)"));
    QVERIFY(run->isVisible());
    const QRect area = run->geometry().translated(run->parentWidget()->mapTo(&panel, QPoint()));
    QVERIFY2(panel.rect().contains(area), qPrintable(QStringLiteral("%1,%2 %3x%4")
                                                         .arg(area.x())
                                                         .arg(area.y())
                                                         .arg(area.width())
                                                         .arg(area.height())));
    QVERIFY(panel.minimumSizeHint().height() <= 520);
    QVERIFY(showsLabel(panel, panel.estimateText()));
    test::saveScreenshot(&panel, QStringLiteral("runpanel-small"));
}

QTEST_MAIN(TestRunPanel)
#include "test_runpanel.moc"
