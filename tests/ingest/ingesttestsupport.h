#pragma once

// Helpers for the ingest and load tests: run spillway-cli, query the test server with psql's
// library (libpqxx through Database), and compute the rows a plan must produce.

#include "../processsupport.h"
#include "pg/database.h"
#include "run/plan.h"
#include "schema/compiledschema.h"
#include "schema/schemaio.h"

#include <QElapsedTimer>
#include <QTest>
#include <QThread>

namespace spillway::test {

// An ingest, a load or a resume of these tests may take minutes on a slow machine.
constexpr int kCliTimeoutMs = 240000;

// spillway-cli as the ingest and load tests run it (runCli with their time limit).
inline CliResult cli(const QStringList &arguments)
{
    return runCli(arguments, {}, {}, kCliTimeoutMs);
}

inline QString queryValue(const QString &conninfo, const QString &sql)
{
    Database db;
    if (const QString e = db.open(conninfo); !e.isEmpty())
        return QStringLiteral("ERROR: ") + e;
    QString v;
    if (const QString e = db.queryValue(sql, &v); !e.isEmpty())
        return QStringLiteral("ERROR: ") + e;
    return v;
}

inline QString execute(const QString &conninfo, const QString &sql)
{
    Database db;
    if (const QString e = db.open(conninfo); !e.isEmpty())
        return e;
    return db.execute(sql);
}

// Rows each table of `schemaJson` gets with these options (as Plan counts them).
inline QHash<QString, qulonglong> expectedRows(const QByteArray &schemaJson, const PlanOptions &o)
{
    QHash<QString, qulonglong> rows;
    Diagnostics d;
    const auto schema = SchemaIO::parse(schemaJson, d);
    if (!schema)
        return rows;
    auto compiled = CompiledSchema::compile(*schema, d);
    if (!compiled)
        return rows;
    const auto plan = Plan::build(compiled, o, nullptr, d);
    if (!plan)
        return rows;
    for (const TablePlan &tp : plan->tables())
        rows.insert(compiled->tables()[size_t(tp.table)]->name, tp.rows);
    return rows;
}

inline QByteArray exampleJson(const QString &name)
{
    QFile f(QStringLiteral(":/spillway/examples/%1.json").arg(name));
    f.open(QIODevice::ReadOnly);
    return f.readAll();
}

// Waits until `sql` returns a number of at least `atLeast` (e.g. committed chunks).
inline bool waitForCount(const QString &conninfo, const QString &sql, qlonglong atLeast,
                         int timeoutMs = 60000)
{
    QElapsedTimer t;
    t.start();
    while (t.elapsed() < timeoutMs) {
        if (queryValue(conninfo, sql).toLongLong() >= atLeast)
            return true;
        QThread::msleep(50);
    }
    return false;
}

} // namespace spillway::test
