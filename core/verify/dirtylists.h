#pragma once

// What verify reads besides the database when the files carried dirty rows: the manifest the
// file sink wrote (spillway-dirty.jsonl, one JSON object per dirty record: file, line, lines,
// record, table, row, column, kind, text) and the pipeline's own reject file, to tell which
// dirty records the pipeline failed to report.
//
// A reject file is JSON Lines objects with "file" and "line" (the 1-based physical line of the
// decompressed file; any other keys are ignored), or plain text lines "FILE:LINE" optionally
// followed by ": anything" (the reason). Empty lines are skipped; other lines are counted as
// unknown and reported, never fatal. A reject matches a dirty record when it names the same
// file (the same path, the same name, or the name without .gz/.zst) and a line within the
// record's lines.

#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>
#include <vector>

namespace spillway {

struct DirtyRecord
{
    QString file;
    uint64_t line = 0;  // first physical line of the record
    uint64_t lines = 1; // physical lines it spans
    QString table;
    uint64_t row = 0; // the table's 0-based row index
    QString column;   // the damaged column; empty when not one
    QString kind;     // field_count, quote, encoding, number, date, overflow, null, duplicate

    QString where() const { return QStringLiteral("%1:%2").arg(file).arg(line); }
};

class DirtyRecords
{
public:
    // Errors name the file and the line: "spillway-dirty.jsonl:12: ...".
    static std::optional<DirtyRecords> load(const QString &path, QString *error);

    QString path;
    QList<DirtyRecord> records;
    // Indexes into `records` per table.
    QHash<QString, QList<int>> byTable;
};

class RejectList
{
public:
    struct Reject
    {
        QString file;
        uint64_t line = 0;
    };

    // Fails only when the file cannot be read; bad lines are counted in unknownLines.
    static std::optional<RejectList> load(const QString &path, QString *error);
    // Which records at least one reject names (flags in `records` order).
    std::vector<bool> matched(const QList<DirtyRecord> &records) const;

    QString path;
    QList<Reject> rejects;
    uint64_t lines = 0;          // non-empty lines read
    uint64_t unknownLines = 0;   // lines that are neither form
    QStringList unknownExamples; // the first few, as "LINE: text"
};

} // namespace spillway
