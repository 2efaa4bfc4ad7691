#pragma once

// The application's icons: the desktop theme's icon when it has one, otherwise the SVG bundled
// under ":/spillway/icons/" (SVG stays sharp at any device pixel ratio).

#include <QIcon>

namespace spillway::Icons {

QIcon app();
QIcon table();
QIcon column();
QIcon key();
QIcon warning();
QIcon guessed(); // a column whose generator an import guessed, not yet reviewed
QIcon addTable();
QIcon addColumn();
QIcon remove();
QIcon duplicate();
QIcon run();
// A theme icon (e.g. "document-open") or an empty icon; the action's text still shows.
QIcon theme(const QString &name);

} // namespace spillway::Icons
