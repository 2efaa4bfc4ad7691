// spillway: the desktop application. Parses its arguments and hands over to MainWindow.

#include "design/schemadocument.h"
#include "shell/filecontroller.h"
#include "shell/mainwindow.h"
#include "shell/screenshottour.h"
#include "shell/translations.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QLocale>
#include <QTextStream>

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("spillway"));
    QApplication::setApplicationDisplayName(QStringLiteral("Spillway"));
    QApplication::setOrganizationName(QStringLiteral("spillway"));
    QApplication::setApplicationVersion(QStringLiteral(SPILLWAY_VERSION));
    QApplication::setDesktopFileName(QStringLiteral("io.spillway.Spillway"));
    // Before any text is made: the language of the desktop (LANGUAGE, LC_ALL, LC_MESSAGES, LANG).
    spillway::installTranslations(&app, QLocale::system());

    QCommandLineParser parser;
    parser.setApplicationDescription(QApplication::translate(
        "main", "Workbench for load-testing data ingestion into PostgreSQL"));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument(QStringLiteral("schema"),
                                 QApplication::translate("main", "Schema file to open."),
                                 QStringLiteral("[schema]"));
    const QCommandLineOption example(
        QStringLiteral("example"),
        QApplication::translate(
            "main", "Open a bundled example (ecommerce, lineitem, iot, webevents, wide)."),
        QStringLiteral("name"));
    const QCommandLineOption screenshots(
        QStringLiteral("screenshots"),
        QApplication::translate("main",
                                "Open example:ecommerce, run it twice into the embedded server, "
                                "save PNGs of the designer, the dashboard and the history "
                                "comparison into DIR, quit."),
        QStringLiteral("dir"));
    parser.addOptions({example, screenshots});
    parser.process(app);

    spillway::MainWindow window;
    const QStringList files = parser.positionalArguments();
    if (parser.isSet(screenshots)) {
        window.document()->newFromExample(QStringLiteral("ecommerce"));
        window.document()->setCurrent(2, 2); // orders.ordered_at: a column with a distribution
        window.resize(1400, 900);
        auto *tour = new spillway::ScreenshotTour(&window, parser.value(screenshots), &window);
        QObject::connect(tour, &spillway::ScreenshotTour::finished, &app,
                         [](const QStringList &written) {
                             QTextStream(stdout) << written.join(QLatin1Char('\n')) << Qt::endl;
                             QApplication::exit(written.size() == 3 ? 0 : 1);
                         });
        tour->start();
    } else if (parser.isSet(example)) {
        window.files()->openExample(parser.value(example));
    } else if (!files.isEmpty()) {
        window.files()->open(files.first());
    }
    window.show();
    return app.exec();
}
