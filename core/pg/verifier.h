#pragma once

// Verifier: the database side of `verify`. For each table of a plan it asks PostgreSQL for the
// row count and, per column, the non-null count and the sum of the first 32 bits of
// md5(column::text), in one aggregate query, while the expected digest is generated on the
// thread pool (verifydigest.h); then compares them. Nothing depends on how the table was
// loaded (Spillway's ingest, psql \copy of its CSV, the user's own ETL): no ledger is read.
//
// When a table differs and has a sequence key, one more GROUP BY query digests it per key
// range; the first ranges that differ are fetched row by row, ordered by the key, and compared
// with the same rows generated again, to name missing rows, extra rows and changed values.
//
// With a manifest of dirty rows (VerifyOptions::manifestPath; the plan then carries the same
// --dirty settings, so the expected side leaves the dirty rows out), it also names the dirty
// rows that got in, by kind, and with the pipeline's reject file those it did not report.
//
// Errors are values: run() returns an error message when the check itself could not be done
// (no connection, a query failed); differences are not errors, they are in the report.

#include "verify/dirtylists.h"
#include "verify/verifydigest.h"
#include "verify/verifymap.h"
#include "verify/verifyreport.h"

#include <QHash>

#include <functional>
#include <map>
#include <memory>

class QThreadPool;

namespace spillway {

class Database;

struct VerifyOptions
{
    QString conninfo;
    QString dbSchema;           // PostgreSQL schema of the tables; empty: the search_path
    int maxDifferences = 10;    // differences listed per table
    uint64_t rangeRows = 16384; // about this many rows per key range when locating differences
    int maxRangesFetched = 4;   // key ranges fetched row by row per table
    VerifyMap map;              // where the schema's tables and columns landed (empty: as named)
    QString manifestPath;       // the dirty-row manifest (spillway-dirty.jsonl): expect every
                                // clean row once and no dirty row
    QString rejectsPath;        // the pipeline's reject file: dirty rows it must list
};

class Verifier
{
public:
    explicit Verifier(QThreadPool *pool = nullptr);
    ~Verifier();

    // Called on the calling thread after each table, e.g. to print results as they come.
    void setTableFinished(std::function<void(const VerifyTableReport &)> callback)
    {
        m_tableFinished = std::move(callback);
    }

    // Compares every selected table of the plan with the database.
    QString run(std::shared_ptr<const Plan> plan, const VerifyOptions &options,
                VerifyReport &report);

private:
    struct Table;

    QString openSession(const QString &conninfo, VerifyReport &report);
    QString describeTable(Table &t, VerifyTableReport &report);
    void matchColumns(Table &t, const QHash<QString, QString> &types, VerifyTableReport &report);
    QString compareTable(Table &t, VerifyTableReport &report);
    QString explainFailure(const Table &t, const QString &error);
    QString loadDirtyLists(VerifyReport &report);
    QString dirtyKeys(const Table &t, const std::vector<uint64_t> &rows,
                      std::map<uint64_t, QString> &keys) const;
    QString countKeys(const Table &t, const QStringList &keys, QHash<QString, uint64_t> &counts);
    QString checkDirtyRows(Table &t, VerifyTableReport &report);
    QString checkRejects(VerifyReport &report);
    QString findDuplicates(const Table &t, VerifyTableReport &report);
    QString compareColumns(Table &t, VerifyTableReport &report);
    QString digestTable(Table &t, DigestKind kind, TableDigest &expected, TableDigest &found);
    void reportDigests(const Table &t, DigestKind kind, const TableDigest &expected,
                       const TableDigest &found, VerifyTableReport &report) const;
    bool canLocate(const Table &t) const;
    QString locateDifferences(Table &t, VerifyTableReport &report);
    void chooseRanges(Table &t, VerifyTableReport &report) const;
    QString rangeExpression(const Table &t) const;
    QString rangeCondition(const Table &t, int64_t range) const;
    QString compareColumnsIn(Table &t, const std::vector<int64_t> &ranges,
                             VerifyTableReport &report);
    std::vector<int64_t> differingRanges(const Table &t, const BucketDigests &expected,
                                         const QList<QStringList> &rows,
                                         VerifyTableReport &report) const;
    QString compareRange(Table &t, int64_t range, VerifyTableReport &report);
    void compareRows(Table &t, const QList<QStringList> &found, uint64_t firstRow, bool offSequence,
                     VerifyTableReport &report);
    QString hashExpression(const QString &text) const;
    QString aggregates(const Table &t, DigestKind kind) const;

    QThreadPool *m_pool;
    std::unique_ptr<Database> m_db;
    std::shared_ptr<const Plan> m_plan;
    VerifyOptions m_options;
    bool m_utf8 = true;
    std::shared_ptr<const DirtyRecords> m_dirty; // the manifest, when given
    bool m_unicodeCase = true; // upper()/lower() change every letter (not the C locale)
    std::function<void(const VerifyTableReport &)> m_tableFinished;
};

} // namespace spillway
