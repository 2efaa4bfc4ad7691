#include "shell/screenshottour.h"

#include "design/schemadocument.h"
#include "history/historyview.h"
#include "run/runcontroller.h"
#include "run/runpanel.h"
#include "run/runsettings.h"
#include "shell/filecontroller.h"
#include "shell/mainwindow.h"
#include "shell/palettes.h"
#include "shell/startpage.h"

#include <QDir>
#include <QFileInfo>
#include <QPushButton>
#include <QStandardPaths>
#include <QTimer>

#include <functional>
#include <memory>

namespace spillway {

namespace {

struct Variant
{
    Theme theme;
    QSize size;
};

const Variant kVariants[] = {{Theme::Light, {1024, 640}},
                             {Theme::Light, {1600, 1000}},
                             {Theme::Dark, {1024, 640}},
                             {Theme::Dark, {1600, 1000}}};
constexpr int kVariantCount = int(std::size(kVariants));
const QStringList kPages = {QStringLiteral("start"),           QStringLiteral("designer"),
                            QStringLiteral("designer-text"),   QStringLiteral("dashboard-running"),
                            QStringLiteral("dashboard-done"),  QStringLiteral("history-run"),
                            QStringLiteral("history-compare"), QStringLiteral("designer-geo")};
constexpr int kSettleMs = 700;               // layout, palette and chart animations
constexpr int kPreviewMs = 3000;             // the preview and distribution compute on a worker
constexpr int kTourLimitMs = 20 * 60 * 1000; // a run that never records must not hang the script

} // namespace

ScreenshotTour::ScreenshotTour(MainWindow *window, const QString &directory, QObject *parent)
    : QObject(parent)
    , m_window(window)
    , m_directory(directory)
{
    const QDir examples(QStringLiteral("examples/pipelines"));
    if (QFileInfo::exists(examples.filePath(QStringLiteral("shop.json"))))
        m_pipelineExample = examples.absolutePath();
    connect(m_window->runController(), &RunController::runRecorded, this,
            [this](const QString &id) {
                m_recordIds.append(id);
                if (m_afterRecorded && m_recordIds.size() >= m_waitingFor)
                    std::exchange(m_afterRecorded, nullptr)();
            });
}

QStringList ScreenshotTour::pages() const
{
    QStringList pages = kPages;
    if (!m_pipelineExample.isEmpty())
        pages << QStringLiteral("dashboard-pipeline-running")
              << QStringLiteral("dashboard-pipeline-done") << QStringLiteral("history-pipeline");
    return pages;
}

int ScreenshotTour::expectedCount() const
{
    return int(pages().size()) * kVariantCount;
}

void ScreenshotTour::start()
{
    QDir().mkpath(m_directory);
    prepareRecentFiles();
    QTimer::singleShot(kTourLimitMs, this, &ScreenshotTour::finish);
    after(1000, [this] { showStartPage(); });
}

void ScreenshotTour::after(int milliseconds, Step step)
{
    QTimer::singleShot(milliseconds, this, [this, step = std::move(step)] {
        if (!m_finished)
            step();
    });
}

void ScreenshotTour::shootAll(const QString &page, Step then, int variant)
{
    if (variant == kVariantCount) {
        then();
        return;
    }
    const Variant &v = kVariants[variant];
    applyTheme(v.theme);
    m_window->resize(v.size);
    after(kSettleMs, [this, page, then = std::move(then), variant, v] {
        save(QStringLiteral("%1-%2-%3x%4")
                 .arg(page, themeName(v.theme))
                 .arg(v.size.width())
                 .arg(v.size.height()));
        shootAll(page, then, variant + 1);
    });
}

void ScreenshotTour::save(const QString &name)
{
    const QString file = QDir(m_directory).filePath(name + QStringLiteral(".png"));
    // Quality 0 is PNG's strongest compression: the pictures are committed.
    if (m_window->grab().save(file, "PNG", 0))
        m_files.append(file);
}

void ScreenshotTour::prepareRecentFiles()
{
    // Two schemas saved and opened as a user would, so the start page lists real recent files.
    const QString folder = QDir(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation))
                               .filePath(QStringLiteral("schemas"));
    QDir().mkpath(folder);
    for (const QString &name : {QStringLiteral("webevents"), QStringLiteral("ecommerce")}) {
        const QString file = QDir(folder).filePath(name + QStringLiteral(".json"));
        SchemaDocument document;
        if (document.newFromExample(name).isEmpty() && document.save(file).isEmpty())
            m_window->files()->open(file);
    }
    m_window->files()->newBlank();
    m_window->showPage(MainWindow::HomePage);
}

void ScreenshotTour::showStartPage()
{
    m_window->showPage(MainWindow::HomePage);
    shootAll(QStringLiteral("start"), [this] { showDesigner(); });
}

void ScreenshotTour::showDesigner()
{
    // What the start page's Open button does, then products.price: a numeric distribution.
    if (QPushButton *open = m_window->startPage()->exampleButton(QStringLiteral("ecommerce"),
                                                                 QStringLiteral("open")))
        open->click();
    SchemaDocument *doc = m_window->document();
    doc->setCurrent(1, int(doc->schema().tables[1].columnIndex(QStringLiteral("price"))));
    after(kPreviewMs, [this, doc] {
        shootAll(QStringLiteral("designer"), [this, doc] {
            // customers.country: a text column's top values.
            doc->setCurrent(0, int(doc->schema().tables[0].columnIndex(QStringLiteral("country"))));
            after(kPreviewMs,
                  [this] { shootAll(QStringLiteral("designer-text"), [this] { startRun(1); }); });
        });
    });
}

void ScreenshotTour::startRun(int workers)
{
    RunSettings settings = m_window->runPanel()->settings();
    settings.mode = LoadMode::Recreate;
    settings.workers = workers;
    m_window->runPanel()->setSettings(settings);        // what the panel shows is what runs
    m_window->loadExample(QStringLiteral("ecommerce")); // the start page's one-click load
    if (workers == 1) {
        after(5000, [this] {
            shootAll(QStringLiteral("dashboard-running"), [this] {
                whenRecorded(1, [this] {
                    after(1500, [this] {
                        shootAll(QStringLiteral("dashboard-done"), [this] { startRun(2); });
                    });
                });
            });
        });
    } else {
        whenRecorded(2, [this] { after(1000, [this] { showHistory(); }); });
    }
}

void ScreenshotTour::whenRecorded(int count, Step then)
{
    if (m_recordIds.size() >= count) {
        then();
        return;
    }
    m_waitingFor = count;
    m_afterRecorded = std::move(then);
}

void ScreenshotTour::showHistory()
{
    HistoryView *history = m_window->historyView();
    m_window->showPage(MainWindow::HistoryPage);
    history->refresh();
    history->selectRuns({m_recordIds.first()});
    after(1500, [this, history] {
        shootAll(QStringLiteral("history-run"), [this, history] {
            history->selectRuns(m_recordIds.mid(0, 2));
            after(1500, [this] {
                shootAll(QStringLiteral("history-compare"), [this] { showGeoPreview(); });
            });
        });
    });
}

void ScreenshotTour::showGeoPreview()
{
    // The IoT example's sensor locations: the preview's scatter of the selected point column.
    m_window->files()->openExample(QStringLiteral("iot"));
    m_window->showPage(MainWindow::DesignPage);
    SchemaDocument *doc = m_window->document();
    doc->setCurrent(0, int(doc->schema().tables[0].columnIndex(QStringLiteral("location"))));
    after(kPreviewMs + 1000, [this] {
        shootAll(QStringLiteral("designer-geo"), [this] {
            if (m_pipelineExample.isEmpty())
                finish();
            else
                startPipeline();
        });
    });
}

// The worked example (examples/pipelines): its ETL as two concurrent commands, one per table,
// after a reset of its tables, on files with 1% dirty rows, verified through its map.
void ScreenshotTour::startPipeline()
{
    const QDir dir(m_pipelineExample);
    m_window->files()->open(dir.filePath(QStringLiteral("shop.json")));
    m_window->showPage(MainWindow::RunPage);
    const QString etl =
        QStringLiteral("python3 '%1'").arg(dir.filePath(QStringLiteral("shop_etl.py")));
    RunSettings s = m_window->runPanel()->settings();
    s.target = RunTarget::Pipeline;
    s.format = OutputFormat::Csv;
    s.compression = Compression::None;
    s.splitRows = s.splitBytes = 0;
    s.rows = 200000; // some 20 seconds of the ETL: long enough to watch it load
    s.workers = 2;
    s.pipeline = {};
    s.pipeline.commands = {{QStringLiteral("customers"), etl + QStringLiteral(" --only customers")},
                           {QStringLiteral("orders"), etl + QStringLiteral(" --only orders")}};
    s.pipeline.beforeCommand = etl + QStringLiteral(" --reset");
    s.pipeline.mapFile = dir.filePath(QStringLiteral("map.json"));
    if (const auto map = VerifyMap::load(s.pipeline.mapFile, nullptr))
        s.pipeline.map = *map;
    s.pipeline.dirtyPercent = 1;
    m_window->runPanel()->setSettings(s);
    const int recorded = int(m_recordIds.size());
    connect(m_window->runController(), &RunController::pipelineSampled, this,
            [this] { ++m_pipelineSamples; });
    m_window->runPanel()->run();
    // Running: a few seconds of the commands' samples in the charts, or the end if sooner.
    const auto shootRunning = std::make_shared<std::function<void()>>();
    *shootRunning = [this, recorded, shootRunning] {
        if (m_pipelineSamples < 6 && int(m_recordIds.size()) == recorded) {
            after(500, *shootRunning);
            return;
        }
        shootAll(QStringLiteral("dashboard-pipeline-running"), [this, recorded] {
            whenRecorded(recorded + 1, [this] {
                after(1500, [this] {
                    shootAll(QStringLiteral("dashboard-pipeline-done"),
                             [this] { showPipelineHistory(); });
                });
            });
        });
    };
    after(1000, *shootRunning);
}

// The pipeline run on the history page: its commands' charts, the tables' and the database's.
void ScreenshotTour::showPipelineHistory()
{
    HistoryView *history = m_window->historyView();
    m_window->showPage(MainWindow::HistoryPage);
    history->refresh();
    history->selectRuns({m_recordIds.last()});
    after(1500, [this] { shootAll(QStringLiteral("history-pipeline"), [this] { finish(); }); });
}

void ScreenshotTour::finish()
{
    if (m_finished)
        return;
    m_finished = true;
    emit finished(m_files);
}

} // namespace spillway
