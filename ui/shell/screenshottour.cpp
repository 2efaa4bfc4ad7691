#include "shell/screenshottour.h"

#include "design/schemadocument.h"
#include "history/historyview.h"
#include "run/runcontroller.h"
#include "run/runpanel.h"
#include "run/runsettings.h"
#include "shell/filecontroller.h"
#include "shell/mainwindow.h"

#include <QDir>
#include <QTimer>

namespace spillway {

ScreenshotTour::ScreenshotTour(MainWindow *window, const QString &directory, QObject *parent)
    : QObject(parent)
    , m_window(window)
    , m_directory(directory)
{
    connect(m_window->runController(), &RunController::runRecorded, this,
            [this](const QString &id) { onRunRecorded(id); });
}

void ScreenshotTour::start()
{
    QDir().mkpath(m_directory);
    m_window->showPage(MainWindow::DesignPage);
    // The preview computes on a worker and the charts animate: give the page time to settle.
    QTimer::singleShot(2000, this, [this] {
        save(QStringLiteral("designer"));
        startRun(1);
    });
}

void ScreenshotTour::save(const QString &name)
{
    const QString file = QDir(m_directory).filePath(name + QStringLiteral(".png"));
    if (m_window->grab().save(file))
        m_files.append(file);
}

void ScreenshotTour::startRun(int workers)
{
    RunSettings settings; // the embedded local server, twice the example's row counts
    settings.target = RunTarget::LocalServer;
    settings.scale = 2;
    settings.mode = LoadMode::Recreate;
    settings.workers = workers;
    m_window->runPanel()->setSettings(settings); // what the panel shows is what runs
    m_window->runController()->setSettings(m_window->runPanel()->settings());
    m_window->showPage(MainWindow::RunPage);
    m_window->runController()->start();
    if (workers == 2) // the dashboard mid-run, charts moving
        QTimer::singleShot(3500, this, [this] { save(QStringLiteral("dashboard")); });
}

void ScreenshotTour::onRunRecorded(const QString &id)
{
    m_recordIds.append(id);
    if (m_recordIds.size() == 1) {
        QTimer::singleShot(500, this, [this] { startRun(2); });
        return;
    }
    QTimer::singleShot(800, this, [this] { showComparison(); });
}

void ScreenshotTour::showComparison()
{
    m_window->showPage(MainWindow::HistoryPage);
    m_window->historyView()->refresh();
    m_window->historyView()->selectRuns(m_recordIds);
    QTimer::singleShot(1500, this, [this] {
        save(QStringLiteral("history-compare"));
        showGeoPreview();
    });
}

void ScreenshotTour::showGeoPreview()
{
    // The IoT example's sensor locations: the preview's scatter of the selected point column.
    m_window->files()->openExample(QStringLiteral("iot"));
    m_window->showPage(MainWindow::DesignPage);
    SchemaDocument *doc = m_window->document();
    const int location = int(doc->schema().tables[0].columnIndex(QStringLiteral("location")));
    doc->setCurrent(0, location);
    QTimer::singleShot(4000, this, [this] {
        save(QStringLiteral("designer-geo"));
        emit finished(m_files);
    });
}

} // namespace spillway
