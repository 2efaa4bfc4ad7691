#pragma once

// What `load` keeps in the database to finish exactly once: the run (its files and their record
// counts in spillway.runs) and, for every committed chunk, its record range and a digest of its
// bytes (spillway.load_ranges, written in the chunk's own transaction next to its ledger row).
// A chunk is identified by records, not bytes: a resume cuts the files again around the ranges
// already committed, checks they still hold the same bytes, and loads only the rest, so rows
// fixed in place (whatever their new length) load once. A changed record count or changed
// committed bytes refuse the resume, saying where and what to do.

#include "files/filechunker.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <cstdint>

namespace spillway {

class Database;
struct LoadOptions;

struct LoadRun
{
    QString runId;
    QList<RecordRange> committed; // sorted by file and first record
    QStringList digests;          // one per committed range
    QList<uint64_t> fileRecords;  // records per file when the run started
    uint32_t nextChunk = 0;       // the first chunk id not used yet
};

class LoadLedger
{
public:
    static QString ensureTables(Database &db);
    // Finds the run to resume (options.runId, or the latest unfinished load into the table) and
    // what it committed; refuses a run started with other files, format or table.
    static QString findRun(Database &db, const LoadOptions &options, const QStringList &files,
                           LoadRun *run);
    // A note when a new load repeats an unfinished one (same table and files) that committed
    // records: the new load does not skip them. Empty otherwise.
    static QString unfinishedNote(Database &db, const LoadOptions &options,
                                  const QStringList &files);
    // Records a new run, with each file's record count.
    static QString registerRun(Database &db, const LoadOptions &options, const QStringList &files,
                               const FileChunkPlan &plan, const QString &runId);
    // The statement that records a committed range, run inside its chunk's transaction.
    static QString rangeSql(const QString &runId, uint32_t chunk, const RecordRange &range,
                            qint64 bytes, const QString &digest);
    // Checks a resume's new scan (cut around run.committed) against what was committed: same
    // records per file, committed ranges holding the same bytes. Empty when it may go on.
    // Binary COPY files name tuples, not lines.
    static QString checkUnchanged(const LoadRun &run, const FileChunkPlan &plan,
                                  const QStringList &files, bool binary);
};

} // namespace spillway
