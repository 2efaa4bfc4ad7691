// spillway: the desktop application. Parses its arguments and hands over to MainWindow.

#include "design/schemadocument.h"
#include "shell/filecontroller.h"
#include "shell/mainwindow.h"
#include "shell/palettes.h"
#include "shell/screenshottour.h"
#include "shell/settings.h"
#include "shell/translations.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QLocale>
#include <QTextStream>

namespace {

struct Options
{
    QCommandLineOption example;
    QCommandLineOption screenshots;
    QCommandLineOption palette;
};

Options addOptions(QCommandLineParser &parser)
{
    parser.setApplicationDescription(QApplication::translate(
        "main", "Workbench for load-testing data ingestion into PostgreSQL"));
    parser.addHelpOption();
    // -V as in spillway-cli (Qt's own version option would take -v).
    parser.addOption(QCommandLineOption({QStringLiteral("V"), QStringLiteral("version")},
                                        QApplication::translate("main", "Show the version.")));
    parser.addPositionalArgument(QStringLiteral("schema"),
                                 QApplication::translate("main", "Schema file to open."),
                                 QStringLiteral("[schema]"));
    Options o{
        QCommandLineOption(
            QStringLiteral("example"),
            QApplication::translate("main", "Open a bundled example (%1).")
                .arg(spillway::SchemaDocument::exampleNames().join(QStringLiteral(", "))),
            QStringLiteral("name")),
        QCommandLineOption(
            QStringLiteral("screenshots"),
            QApplication::translate(
                "main",
                "Walk through every page (start, designer, run dashboard during and after two "
                "runs into the embedded server, history) and save PNGs of each in the light "
                "and dark palette at 1024x640 and 1600x1000 into DIR, then quit."),
            QStringLiteral("dir")),
        QCommandLineOption(QStringLiteral("palette"),
                           QApplication::translate("main",
                                                   "Colour theme: light, dark or system (default: "
                                                   "the last one chosen in View > Theme)."),
                           QStringLiteral("theme")),
    };
    parser.addOptions({o.example, o.screenshots, o.palette});
    return o;
}

// --palette, else the theme last chosen in View > Theme; false (and a message) for a bad name.
bool applyPalette(const QCommandLineParser &parser, const QCommandLineOption &palette)
{
    bool known = false;
    const QString theme =
        parser.isSet(palette) ? parser.value(palette) : spillway::Settings::theme.value();
    spillway::applyTheme(spillway::themeFromName(theme, &known));
    if (known || !parser.isSet(palette))
        return true;
    QTextStream(stderr) << QApplication::translate("main", "Unknown palette “%1”: use light, "
                                                           "dark or system.")
                               .arg(theme)
                        << Qt::endl;
    return false;
}

void startScreenshotTour(spillway::MainWindow &window, const QString &dir)
{
    auto *tour = new spillway::ScreenshotTour(&window, dir, &window);
    QObject::connect(tour, &spillway::ScreenshotTour::finished, qApp,
                     [tour](const QStringList &written) {
                         QTextStream(stdout) << written.join(QLatin1Char('\n')) << Qt::endl;
                         QApplication::exit(written.size() == tour->expectedCount() ? 0 : 1);
                     });
    tour->start();
}

} // namespace

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
    const Options options = addOptions(parser);
    parser.process(app);
    if (parser.isSet(QStringLiteral("version")))
        parser.showVersion(); // exits
    if (!applyPalette(parser, options.palette))
        return 2;

    spillway::MainWindow window;
    const QStringList files = parser.positionalArguments();
    if (parser.isSet(options.screenshots)) {
        startScreenshotTour(window, parser.value(options.screenshots));
    } else if (parser.isSet(options.example)) {
        if (window.files()->openExample(parser.value(options.example)))
            window.showPage(spillway::MainWindow::DesignPage);
    } else if (!files.isEmpty() && window.files()->open(files.first())) {
        window.showPage(spillway::MainWindow::DesignPage);
    }
    window.show();
    return app.exec();
}
