#pragma once

// PgFixture: a private PostgreSQL server for a test. It runs LocalServer in a fresh temporary
// folder (initdb, a private Unix socket, no TCP), and stops it and deletes the folder when the
// fixture goes. Tests that need PostgreSQL start a real server this way, never a mock.
//
//   spillway::test::PgFixture pg;
//   QVERIFY2(pg.isReady(), qPrintable(pg.error()));
//   pqxx::connection c(pg.connectionString().toStdString());
//
// A fixture per test case (initTestCase) is cheaper than one per test: initdb takes a second or
// two. Set SPILLWAY_TEST_KEEP_SERVER=1 to leave the server and its folder for a look afterwards.

#include "pg/localserver.h"

#include <QDir>
#include <QTemporaryDir>

namespace spillway::test {

class PgFixture
{
public:
    PgFixture()
        : m_dir(QDir::tempPath() + QStringLiteral("/spillway-pgtest-XXXXXX"))
        , m_server(m_dir.path())
    {
        if (!m_dir.isValid())
            m_error =
                QStringLiteral("cannot create a temporary folder: %1").arg(m_dir.errorString());
        else
            m_error = m_server.start();
        if (keep())
            m_dir.setAutoRemove(false);
    }
    ~PgFixture()
    {
        if (keep()) {
            qInfo("PgFixture: server left running: psql \"%s\"",
                  qPrintable(m_server.connectionString()));
            return;
        }
        if (const QString error = m_server.stop(); !error.isEmpty())
            qWarning("PgFixture: %s", qPrintable(error));
    }
    PgFixture(const PgFixture &) = delete;
    PgFixture &operator=(const PgFixture &) = delete;

    bool isReady() const { return m_error.isEmpty(); }
    // Why the server did not start (with the install hint when PostgreSQL is missing).
    QString error() const { return m_error; }
    // libpq keyword/value string for `database` (default: the "spillway" database).
    QString connectionString(const QString &database = QString()) const
    {
        return m_server.connectionString(database);
    }
    LocalServer &server() { return m_server; }
    QString serverDir() const { return m_server.serverDir(); }

private:
    static bool keep() { return qEnvironmentVariableIntValue("SPILLWAY_TEST_KEEP_SERVER") != 0; }

    QTemporaryDir m_dir; // declared first: removed after the server stopped
    LocalServer m_server;
    QString m_error;
};

} // namespace spillway::test
