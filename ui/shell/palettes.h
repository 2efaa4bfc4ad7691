#pragma once

// The application's colour themes: the platform's own look ("system"), and Fusion with a light
// or a dark palette. Chosen with `spillway --palette light|dark|system` or View > Theme (kept in
// Settings::theme); widgets that paint themselves follow QEvent::PaletteChange.

#include <QPalette>
#include <QString>
#include <QStringList>

class QLabel;

namespace spillway {

enum class Theme { System, Light, Dark };

// A complete Fusion dark palette: every role in the active, inactive and disabled groups,
// links, highlights and tooltips readable on dark backgrounds.
QPalette darkPalette();
// Fusion's own light palette.
QPalette lightPalette();

// "system", "light", "dark" and back; an unknown name sets *ok to false and gives System.
QString themeName(Theme theme);
Theme themeFromName(const QString &name, bool *ok = nullptr);
QStringList themeNames();

// Applies a theme to the running application (call after QApplication exists). System restores
// the style and palette the application started with.
void applyTheme(Theme theme);
Theme currentTheme();

// Shows the label's text in a red readable on the application palette, now and after every
// theme change (a fixed dark red is dim on the dark palette).
void showAsError(QLabel *label);

} // namespace spillway
