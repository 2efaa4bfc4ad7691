#pragma once

// The embedded local server for one CLI run: started when no --db is given, stopped when the
// run ends unless --keep-server (or another process started it and may still use it).

#include "pg/localserver.h"

#include <QCommandLineParser>

#include <optional>

namespace spillway::cli {

class EmbeddedServerGuard
{
public:
    EmbeddedServerGuard(const QString &serverDir, bool keep);
    // From the command's --server-dir and --keep-server options.
    explicit EmbeddedServerGuard(const QCommandLineParser &parser);
    ~EmbeddedServerGuard();

    // The connection a command uses: --db when given (its syntax checked), otherwise this
    // embedded server, started now. On failure prints why and returns the exit code to end with.
    std::optional<int> resolve(const QCommandLineParser &parser, QString &conninfo);

    QString start();
    QString connectionString() const { return m_server.connectionString(); }
    bool isStarted() const { return m_started; }

private:
    LocalServer m_server;
    bool m_keep;
    bool m_started = false;
};

} // namespace spillway::cli
