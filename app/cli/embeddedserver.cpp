#include "embeddedserver.h"

#include "clicommon.h"
#include "pg/conninfo.h"

namespace spillway::cli {

EmbeddedServerGuard::EmbeddedServerGuard(const QString &serverDir, bool keep)
    : m_server(serverDir)
    , m_keep(keep)
{}

EmbeddedServerGuard::EmbeddedServerGuard(const QCommandLineParser &parser)
    : EmbeddedServerGuard(parser.value(QStringLiteral("server-dir")),
                          parser.isSet(QStringLiteral("keep-server")))
{}

std::optional<int> EmbeddedServerGuard::resolve(const QCommandLineParser &parser, QString &conninfo)
{
    if (parser.isSet(QStringLiteral("db"))) {
        conninfo = parser.value(QStringLiteral("db"));
        if (const QString e = ConnInfo::check(conninfo); !e.isEmpty()) {
            printErr(QStringLiteral("error: %1\n").arg(e));
            return ExitUsage;
        }
        return std::nullopt;
    }
    if (const QString e = start(); !e.isEmpty()) {
        printErr(QStringLiteral("error: %1\n").arg(e));
        return ExitFailure;
    }
    conninfo = connectionString();
    return std::nullopt;
}

EmbeddedServerGuard::~EmbeddedServerGuard()
{
    if (!m_started)
        return;
    if (m_keep || m_server.wasAlreadyRunning()) {
        printErr(QStringLiteral("The local server keeps running: psql \"%1\"\nStop it with: "
                                "spillway-cli server stop%2\n")
                     .arg(m_server.connectionString(),
                          m_server.serverDir() == LocalServer::defaultServerDir()
                              ? QString()
                              : QStringLiteral(" --server-dir %1").arg(m_server.serverDir())));
        return;
    }
    if (const QString e = m_server.stop(); !e.isEmpty())
        printErr(QStringLiteral("warning: could not stop the local server: %1\n").arg(e));
}

QString EmbeddedServerGuard::start()
{
    const QString e = m_server.start();
    m_started = e.isEmpty();
    return e;
}

} // namespace spillway::cli
