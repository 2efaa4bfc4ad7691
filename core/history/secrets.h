#pragma once

// Keeps passwords out of everything Spillway writes. core cannot use ConnInfo::masked() (it
// lives in core/pg, which needs libpq), so run records mask connection strings here, by text:
// URIs (postgresql://user:pass@host/db?password=...) and key=value strings (password=...).

#include <QString>
#include <QStringList>

namespace spillway {

// The connection string with every password replaced by "****"; anything else is unchanged.
QString maskConnectionString(const QString &text);

// A command line with every password masked: the values of --db (--db VALUE, --db=VALUE), and
// any other argument that carries one, whichever option it belongs to.
QStringList maskArguments(const QStringList &arguments);

} // namespace spillway
