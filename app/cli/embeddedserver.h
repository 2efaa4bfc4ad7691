#pragma once

// The embedded local server for one CLI run: started when no --db is given, stopped when the
// run ends unless --keep-server (or another process started it and may still use it).

#include "localserver.h"

namespace spillway::cli {

class EmbeddedServerGuard
{
public:
    EmbeddedServerGuard(const QString &serverDir, bool keep);
    ~EmbeddedServerGuard();

    QString start();
    QString connectionString() const { return m_server.connectionString(); }
    bool isStarted() const { return m_started; }

private:
    LocalServer m_server;
    bool m_keep;
    bool m_started = false;
};

} // namespace spillway::cli
