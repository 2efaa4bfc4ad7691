#pragma once

// Drives the real application through what a new user does, saving a picture at each step for
// the README: the designer with its preview, the dashboard during a run into the embedded
// PostgreSQL server, and the history comparing that run with a second one.

#include <QObject>
#include <QStringList>

namespace spillway {

class MainWindow;

class ScreenshotTour : public QObject
{
    Q_OBJECT

public:
    ScreenshotTour(MainWindow *window, const QString &directory, QObject *parent = nullptr);
    void start();

signals:
    void finished(const QStringList &files);

private:
    void save(const QString &name);
    void startRun(int workers);
    void onRunRecorded(const QString &id);
    void showComparison();
    void showGeoPreview();

    MainWindow *m_window;
    QString m_directory;
    QStringList m_files;
    QStringList m_recordIds;
};

} // namespace spillway
