#pragma once

// The result of `verify`: per table, the rows expected and found; per column, the non-null
// counts and whether the checksums agree; and, where the table has a sequence key, the first
// rows that differ. Plain data with a JSON form that the CLI prints, the GUI shows and run
// records keep.

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <cstdint>

namespace spillway {

struct VerifyDifference
{
    enum class Kind { MissingRow, ExtraRow, ChangedValue };

    Kind kind = Kind::ChangedValue;
    QString key;      // the key column's value (a null QString: the row's key is NULL)
    QString column;   // ChangedValue: the column whose value differs
    QString expected; // ChangedValue: texts as PostgreSQL prints them; null QString for NULL
    QString found;
    QString note; // e.g. "duplicate key", "key not in the sequence"

    static QString kindName(Kind kind); // missing_row, extra_row, changed_value
    QJsonObject toJson() const;
};

// Dirty rows of one kind (field_count, number, duplicate, ...) that got in, or that the
// pipeline's reject file does not list: how many, and the first few.
struct VerifyDirtyCount
{
    QString kind;
    uint64_t count = 0;
    QStringList examples; // "17 (orders.csv:18)": the row's key and where it was written

    QJsonObject toJson() const;
    // Adds one to the kind's entry of a list (kept in the order kinds first appear).
    static void add(QList<VerifyDirtyCount> &list, const QString &kind, const QString &example,
                    int maxExamples);
};

struct VerifyColumnReport
{
    QString name;
    QString target;      // the column's name in the database when a map renamed it
    QString type;        // the column's type in the database (schema type when missing)
    bool present = true; // the column exists in the database table
    uint64_t expectedNonNull = 0;
    uint64_t foundNonNull = 0;
    bool checksumCompared = false;
    bool checksumMatch = true;
    QString note; // why the checksum is not compared, or what is wrong

    bool match() const
    {
        return present && expectedNonNull == foundNonNull && (!checksumCompared || checksumMatch);
    }
    QJsonObject toJson() const;
};

struct VerifyTableReport
{
    QString name;
    QString relation;   // the qualified, quoted name that was queried
    bool exists = true; // the table exists in the database
    uint64_t expectedRows = 0;
    uint64_t foundRows = 0;
    QList<VerifyColumnReport> columns;
    QString keyColumn;                   // the sequence key rows were located by, when there is one
    QList<VerifyDifference> differences; // the first ones found, in key order
    uint64_t rangesDiffering = 0;        // key ranges whose digests differ (when keyed)
    uint64_t rangeSize = 0;              // key values per range (rows, or parents by parent)
    uint64_t rangeCount = 0;             // key ranges the expected rows fill
    QStringList notes;                   // what could not be compared or pinpointed, and why
    uint64_t duplicates = 0;             // rows that repeat another row whole (a load run twice)
    QStringList duplicateKeys;           // the first keys that are repeated (when keyed)
    uint64_t dirtyRows = 0;              // with a manifest: the table's dirty rows it lists
    QList<VerifyDirtyCount> dirtyLoaded; // dirty rows that got in anyway, by kind
    bool rowChecksumMatch = true; // whole rows hash the same (catches values moved between rows)

    bool columnsMatch() const;
    bool match() const;
    QJsonObject toJson() const;
};

struct VerifyReport
{
    QString schema; // schema argument (file or example:NAME)
    uint64_t seed = 0;
    QString database; // masked connection string
    QString serverVersion;
    double seconds = 0;
    QList<VerifyTableReport> tables;
    // With a manifest (and the pipeline's reject file):
    QString manifest;                    // its path; empty without one
    uint64_t dirtyRows = 0;              // dirty rows it lists for the verified tables
    QString rejects;                     // the reject file's path; empty without one
    uint64_t rejectLines = 0;            // its non-empty lines
    uint64_t rejectsMatched = 0;         // dirty rows at least one of them names
    uint64_t rejectLinesUnknown = 0;     // lines in neither form (not fatal)
    QStringList unknownRejectLines;      // the first few, "LINE: text"
    QList<VerifyDirtyCount> notRejected; // dirty rows the reject file does not list, by kind

    bool ok() const;
    uint64_t expectedRows() const;
    uint64_t rowsCompared() const; // per table the larger of expected and found rows
    QJsonObject toJson() const;
};

} // namespace spillway
