#pragma once

// Drives the real application through what a new user does and saves a picture of every page at
// each step, in the light and the dark palette at 1024x640 and 1600x1000: the start page (with
// two schemas it saved and opened, so the recent files are real), the designer (a numeric
// column's distribution, a text column's top values, the IoT example's geo scatter), the
// dashboard during and after a run into the embedded PostgreSQL server started from the start
// page, and the history (one run, and that run compared with a second one). When it runs in the
// repository (examples/pipelines/ in the current folder), also the "Your pipeline" target and
// its dashboard during and after a run of the worked example's ETL (two concurrent commands,
// 1% dirty rows, its map) into the embedded server, and that run on the history page. Meant for
// scripts/screenshots.sh, which gives it its own settings, data and runs folders.

#include <QObject>
#include <QSize>
#include <QStringList>

#include <functional>

namespace spillway {

class MainWindow;

class ScreenshotTour : public QObject
{
    Q_OBJECT

public:
    ScreenshotTour(MainWindow *window, const QString &directory, QObject *parent = nullptr);
    void start();
    // How many files a complete tour writes: pages × palettes × sizes.
    int expectedCount() const;

signals:
    void finished(const QStringList &files);

private:
    using Step = std::function<void()>;

    void after(int milliseconds, Step step);
    // Saves `page` in every palette and size, one after the other, then runs `then`.
    void shootAll(const QString &page, Step then, int variant = 0);
    void save(const QString &name);
    void prepareRecentFiles();
    void showStartPage();
    void showDesigner();
    void startRun(int workers);
    void whenRecorded(int count, Step then);
    void showHistory();
    void showGeoPreview();
    void startPipeline();
    void showPipelineHistory();
    void finish();
    QStringList pages() const;

    MainWindow *m_window;
    QString m_directory;
    QStringList m_files;
    QStringList m_recordIds;
    QString m_pipelineExample; // examples/pipelines, when the tour runs in the repository
    int m_pipelineSamples = 0;
    int m_waitingFor = 0;
    Step m_afterRecorded;
    bool m_finished = false;
};

} // namespace spillway
