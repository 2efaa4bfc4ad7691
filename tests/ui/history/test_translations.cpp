// The translations as the desktop application installs them (app/gui/main.cpp calls
// installTranslations for the system's locale): English loads no catalogue and the History page
// stays in the source language; German loads spillway_de.qm from the resources embedded in the
// ui library (and Qt's own qtbase_de.qm where the system has it), and the History page then
// speaks German, plurals included.

#include "generators/generatorcatalog.h"
#include "history/historyview.h"
#include "history/runlistmodel.h"
#include "history/runstore.h"
#include "history/runsummary.h"
#include "run/dashboard.h"
#include "run/metrics.h"
#include "run/runevents.h"
#include "run/workerstrip.h"
#include "runfixtures.h"
#include "schema/generatorregistry.h"
#include "shell/translations.h"

#include <QAction>
#include <QCoreApplication>
#include <QFileInfo>
#include <QLabel>
#include <QLibraryInfo>
#include <QLineEdit>
#include <QTemporaryDir>
#include <QTest>

using namespace spillway;
using namespace spillway::test;

namespace {

RunRecord run(const QString &id, int day, RunStatus status)
{
    RunShape shape;
    shape.id = id;
    shape.started = QDateTime(QDate(2026, 1, day), QTime(9, 0), Qt::UTC);
    RunRecord r = makeRun(shape);
    r.status = status;
    return r;
}

QLabel *labelNamed(const QWidget &parent, const QString &accessibleName)
{
    const QList<QLabel *> labels = parent.findChildren<QLabel *>();
    for (QLabel *label : labels) {
        if (label->accessibleName() == accessibleName)
            return label;
    }
    return nullptr;
}

} // namespace

class TestTranslations : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    // English first: translators, once installed, stay for the rest of the process.
    void englishLoadsNothing();
    void germanCatalogueIsEmbedded();
    void historyPageInGerman();
    void coreTextsShownInGerman();
    void dashboardInGerman();
    void qtDialogsInGerman();

private:
    QTemporaryDir m_dir;
    QString m_runs;
};

void TestTranslations::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_runs = m_dir.filePath(QStringLiteral("runs"));
    const RunStore store(m_runs);
    QCOMPARE(store.save(run(QStringLiteral("20260110-090000-ingest-aaaa"), 10, RunStatus::Ok)),
             QString());
    QCOMPARE(store.save(run(QStringLiteral("20260111-090000-ingest-bbbb"), 11, RunStatus::Failed)),
             QString());
}

void TestTranslations::englishLoadsNothing()
{
    QVERIFY(installTranslations(QCoreApplication::instance(),
                                QLocale(QLocale::English, QLocale::UnitedStates))
                .isEmpty());
    HistoryView view;
    view.setRunsDir(m_runs);
    QCOMPARE(view.model()->headerData(RunListModel::Id, Qt::Horizontal).toString(),
             QStringLiteral("Run"));
    QCOMPARE(view.refreshAction()->text(), QStringLiteral("&Refresh"));
}

void TestTranslations::germanCatalogueIsEmbedded()
{
    QVERIFY(QFileInfo::exists(QStringLiteral(":/spillway/translations/spillway_de.qm")));
    const QStringList loaded = installTranslations(QCoreApplication::instance(),
                                                   QLocale(QLocale::German, QLocale::Germany));
    QVERIFY2(!loaded.isEmpty(), "no catalogue loaded for de_DE");
    QCOMPARE(loaded.first(), QStringLiteral(":/spillway/translations/spillway_de.qm"));
    const QString qtbase =
        QLibraryInfo::path(QLibraryInfo::TranslationsPath) + QStringLiteral("/qtbase_de.qm");
    QCOMPARE(loaded.contains(qtbase), QFileInfo::exists(qtbase));
}

void TestTranslations::historyPageInGerman()
{
    HistoryView view;
    view.setRunsDir(m_runs);
    QCOMPARE(view.model()->headerData(RunListModel::Id, Qt::Horizontal).toString(),
             QStringLiteral("Lauf"));
    QCOMPARE(view.model()->headerData(RunListModel::Rows, Qt::Horizontal).toString(),
             QStringLiteral("Zeilen"));
    QCOMPARE(view.refreshAction()->text(), QStringLiteral("&Aktualisieren"));
    QCOMPARE(view.exportAction()->text(), QStringLiteral("Bericht &exportieren\u2026"));
    const auto *filter = view.findChild<QLineEdit *>(QStringLiteral("runFilter"));
    QVERIFY(filter);
    QVERIFY2(filter->placeholderText().startsWith(QStringLiteral("Läufe filtern (Strg+F)")),
             qPrintable(filter->placeholderText()));

    // Plural forms: "2 Läufe in …"; status words of run files are shown translated.
    const QLabel *status = labelNamed(view, QStringLiteral("Ordner der Läufe"));
    QVERIFY(status);
    QVERIFY2(status->text().startsWith(QStringLiteral("2 Läufe in ")), qPrintable(status->text()));
    QStringList statuses;
    for (int row = 0; row < view.model()->rowCount(); ++row)
        statuses << view.model()->index(row, RunListModel::Status).data().toString();
    statuses.sort();
    QCOMPARE(statuses, QStringList({QStringLiteral("fehlgeschlagen"), QStringLiteral("ok")}));
}

// Texts that come from core: the JSON Schema's descriptions (the designer's tooltips), the
// generators' categories and summaries (the designer's generator picker) and the metrics'
// descriptions (the History page's tooltips).
void TestTranslations::coreTextsShownInGerman()
{
    const QString uniform = GeneratorCatalog::description(QStringLiteral("uniform"));
    QCOMPARE(uniform, QStringLiteral("Integers spread evenly over [min, max]"));
    QCOMPARE(QCoreApplication::translate("JsonSchema", uniform.toUtf8().constData()),
             QStringLiteral("Ganze Zahlen, gleichmäßig über [min, max] verteilt"));
    const GeneratorInfo *zipf = GeneratorRegistry::instance().find(QStringLiteral("zipf"));
    QVERIFY(zipf);
    QCOMPARE(QCoreApplication::translate("GeneratorRegistry", zipf->category.toUtf8().constData()),
             QStringLiteral("Zahl"));
    QCOMPARE(QCoreApplication::translate("GeneratorRegistry", zipf->summary.toUtf8().constData()),
             QStringLiteral("Potenzgesetz über [min, max]: min ist am häufigsten (Exponent s)"));
    const MetricInfo *rate = RunSummary::metric(QStringLiteral("rows_per_s"));
    QVERIFY(rate);
    QCOMPARE(QCoreApplication::translate("RunSummary", rate->description),
             QStringLiteral("mittlere Zeilen pro Sekunde"));
}

// The Run page's dashboard, its worker strip (worker states come from core in English, as the
// CLI's JSON writes them) and the run log's events.
void TestTranslations::dashboardInGerman()
{
    const Dashboard dashboard;
    QCOMPARE(dashboard.phaseText(), QStringLiteral("Noch kein Lauf"));
    QCOMPARE(workerStateName(WorkerState::Committing), QStringLiteral("committing"));
    QCOMPARE(WorkerStrip::stateName(WorkerState::Committing), QStringLiteral("Commit"));
    QCOMPARE(WorkerStrip::stateName(WorkerState::Copying), QStringLiteral("kopiert"));
    RunEvent retry;
    retry.kind = RunEvent::Kind::Retry;
    retry.worker = 2;
    retry.table = QStringLiteral("orders");
    retry.chunk = 7;
    retry.attempt = 1;
    retry.attempts = 5;
    retry.delayMs = 250;
    QCOMPARE(
        retry.text(),
        QStringLiteral("Worker 2 wiederholt Tabelle „orders“, Chunk 7: Versuch 1 von 5 in 250 ms"));
}

void TestTranslations::qtDialogsInGerman()
{
    const QString qtbase =
        QLibraryInfo::path(QLibraryInfo::TranslationsPath) + QStringLiteral("/qtbase_de.qm");
    if (!QFileInfo::exists(qtbase))
        QSKIP("Qt's own translations are not installed (Debian: qt6-translations-l10n)");
    QCOMPARE(QCoreApplication::translate("QPlatformTheme", "Cancel"), QStringLiteral("Abbrechen"));
}

QTEST_MAIN(TestTranslations)
#include "test_translations.moc"
