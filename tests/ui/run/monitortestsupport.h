#pragma once

// Shared by the monitor tests: a document from a bundled example, a controller wired to a
// dashboard, and saving screenshots when SPILLWAY_SCREENSHOT_DIR is set.

#include "design/schemadocument.h"
#include "run/dashboard.h"
#include "run/runcontroller.h"
#include "run/timeserieschart.h"

#include <QDir>
#include <QSignalSpy>
#include <QTest>
#include <QWidget>

namespace spillway::test {

inline void saveScreenshot(QWidget *widget, const QString &name)
{
    const QString dir = qEnvironmentVariable("SPILLWAY_SCREENSHOT_DIR");
    if (dir.isEmpty())
        return;
    QDir().mkpath(dir);
    const QString path = QDir(dir).filePath(name + QStringLiteral(".png"));
    if (!widget->grab().save(path))
        qWarning("could not save %s", qPrintable(path));
    else
        qInfo("screenshot: %s", qPrintable(path));
}

// Waits for runFinished (spy already connected) and returns its result.
inline RunResult waitForResult(QSignalSpy &finished, int timeoutMs)
{
    if (finished.isEmpty() && !finished.wait(timeoutMs))
        return {}; // (wait() only sees emissions after it is called)
    return finished.constFirst().constFirst().value<RunResult>();
}

} // namespace spillway::test
