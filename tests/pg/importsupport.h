#pragma once

// What the import tests share: psql and spillway-cli as processes, on a PgFixture's server.

#include "pgfixture.h"

#include <QFile>
#include <QProcess>
#include <QString>
#include <QStringList>

namespace spillway::test {

struct ProcessResult
{
    int exitCode = -1;
    QByteArray out;
    QString err;
};

inline ProcessResult runProcess(const QString &program, const QStringList &arguments,
                                int timeoutMs = 300000)
{
    QProcess process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("PGCLIENTENCODING"), QStringLiteral("UTF8"));
    process.setProcessEnvironment(env);
    process.start(program, arguments);
    ProcessResult result;
    if (!process.waitForFinished(timeoutMs)) {
        process.kill();
        process.waitForFinished();
        result.err = QStringLiteral("%1 did not finish").arg(program);
        return result;
    }
    result.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    result.out = process.readAllStandardOutput();
    result.err = QString::fromUtf8(process.readAllStandardError());
    return result;
}

// psql -X -At -v ON_ERROR_STOP=1 on `conninfo`; its error output, or empty.
inline QString psql(const QString &conninfo, const QStringList &arguments,
                    QString *output = nullptr)
{
    const ProcessResult r =
        runProcess(QStringLiteral("psql"),
                   QStringList{conninfo, QStringLiteral("-X"), QStringLiteral("-At"),
                               QStringLiteral("-v"), QStringLiteral("ON_ERROR_STOP=1")} +
                       arguments);
    if (output)
        *output = QString::fromUtf8(r.out).trimmed();
    return r.exitCode == 0 ? QString() : QStringLiteral("psql failed: %1").arg(r.err);
}

inline QString psqlValue(const QString &conninfo, const QString &sql)
{
    QString out;
    const QString error = psql(conninfo, {QStringLiteral("-c"), sql}, &out);
    return error.isEmpty() ? out : error;
}

inline QByteArray readFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

} // namespace spillway::test
