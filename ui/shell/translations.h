#pragma once

// The translations of the desktop application: Spillway's own catalogue, compiled from
// translations/spillway_<language>.ts and embedded as a resource under
// ":/spillway/translations", and Qt's own (qtbase_<language>.qm, the standard dialogs' buttons
// and messages) from Qt's translations folder when the system has them (Debian's
// qt6-translations-l10n). main() installs them for the system's locale; tests do the same.

#include <QLocale>
#include <QStringList>

class QCoreApplication;

namespace spillway {

// Where the embedded catalogues live (qt_add_translations' RESOURCE_PREFIX).
inline constexpr char kTranslationsResource[] = ":/spillway/translations";

// Loads and installs the catalogues for `locale` into `app` (the translators are children of
// `app`). Returns the files loaded, e.g. ":/spillway/translations/spillway_de.qm"; a language
// without a catalogue (English, the source language) loads none and the text stays English.
QStringList installTranslations(QCoreApplication *app, const QLocale &locale);

} // namespace spillway
