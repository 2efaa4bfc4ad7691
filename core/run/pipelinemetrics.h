#pragma once

// What `pipeline` measures while the user's own commands run (issue 13): each command's process
// tree from /proc, and the database side from PostgreSQL's statistics views, once a second.
// Plain values shared by the samplers (core/pipeline, core/pg), the run record (core/history),
// the CLI and the dashboard.

#include <QList>
#include <QMetaType>
#include <QString>
#include <QStringList>

#include <cstdint>

namespace spillway {

// One command's process tree (the shell, its children and theirs), from /proc.
struct ProcessSample
{
    double cpuPercent = 0; // of one core, over the last interval (200 = two cores busy)
    qint64 rssBytes = 0;   // resident memory of every live process of the tree
    qint64 readBytes = 0;  // storage bytes read since the command started (/proc/PID/io)
    qint64 writeBytes = 0; // storage bytes written since the command started
    int processes = 0;     // live processes in the tree
};

struct CommandSample
{
    int command = 0; // index of the command (order of --run)
    bool running = false;
    ProcessSample process;
};

// One target table's activity (pg_stat_user_tables, pg_stat_progress_copy).
struct TableActivity
{
    QString table; // schema-qualified target name, e.g. "staging.customer"
    double insertsPerSecond = 0;
    double updatesPerSecond = 0;
    double deletesPerSecond = 0;
    qint64 inserted = 0; // since the pipeline started
    qint64 updated = 0;
    qint64 deleted = 0;
    qint64 liveRows = 0;           // n_live_tup
    qint64 copyBytesProcessed = 0; // of COPYs into this table in progress, 0 when none
};

// Sessions of one command (application_name "spillway/<run id>/<command index>", set through
// PGAPPNAME in the command's environment), or of everything else on the database.
struct SessionSummary
{
    int total = 0;
    int active = 0;
    int idle = 0;
    int idleInTransaction = 0;
    int waiting = 0;        // wait_event set while active
    int blocked = 0;        // waiting on a lock another session holds (pg_blocking_pids)
    QStringList waitEvents; // "Lock:relation ×2", "IO:DataFileRead", most frequent first
};

struct DatabaseSample
{
    double elapsedSeconds = 0;
    QList<TableActivity> tables;
    double walBytesPerSecond = 0;
    qint64 checkpoints = 0; // timed + requested since the pipeline started
    qint64 tempFiles = 0;   // pg_stat_database, since the pipeline started
    qint64 tempBytes = 0;
    int activeCopies = 0;
    // sessions[i] belongs to command i; the last entry is every other session on the database
    // (Spillway's own sampling connection excluded).
    QList<SessionSummary> sessions;
    // What sampling costs: CPU time of the sampling thread since it started, and the round
    // trip of this sample's query.
    double samplerCpuSeconds = 0;
    double queryMilliseconds = 0;
};

struct PipelineSample
{
    double elapsedSeconds = 0;
    QList<CommandSample> commands;
    DatabaseSample database;
    bool hasDatabase = false; // false when the database could not be sampled this time
};

// One line a command wrote, as it came.
struct PipelineLogLine
{
    int command = 0;
    double elapsedSeconds = 0; // since the pipeline's commands started
    bool fromStderr = false;
    QString text; // without the line end; invalid UTF-8 replaced
};

} // namespace spillway

Q_DECLARE_METATYPE(spillway::DatabaseSample)
Q_DECLARE_METATYPE(spillway::PipelineSample)
Q_DECLARE_METATYPE(spillway::PipelineLogLine)
