#pragma once

// What the import tests share: psql and spillway-cli as processes (processsupport.h), on a
// PgFixture's server, and the files they read.

#include "../processsupport.h"
#include "pgfixture.h"

#include <QFile>

namespace spillway::test {

inline QByteArray readFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

} // namespace spillway::test
