#include "shell/translations.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QTranslator>

namespace spillway {
namespace {

// QTranslator::load tries the locale's UI languages in order ("de_DE", then "de").
QString install(QCoreApplication *app, const QLocale &locale, const QString &name,
                const QString &folder)
{
    auto *translator = new QTranslator(app);
    if (!translator->load(locale, name, QStringLiteral("_"), folder)) {
        delete translator;
        return {};
    }
    QCoreApplication::installTranslator(translator);
    return translator->filePath();
}

} // namespace

QStringList installTranslations(QCoreApplication *app, const QLocale &locale)
{
    QStringList loaded;
    const QString own =
        install(app, locale, QStringLiteral("spillway"), QLatin1String(kTranslationsResource));
    if (own.isEmpty())
        return loaded; // no Spillway catalogue: keep Qt's dialogs in the same (source) language
    loaded.append(own);
    const QString qt = install(app, locale, QStringLiteral("qtbase"),
                               QLibraryInfo::path(QLibraryInfo::TranslationsPath));
    if (!qt.isEmpty())
        loaded.append(qt);
    return loaded;
}

} // namespace spillway
