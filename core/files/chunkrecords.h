#pragma once

// The records inside one chunk of a data file, for `load`: where each record starts (byte and
// physical line, so a quoted CSV field holding newlines counts its lines), a 64-bit digest of a
// byte range (to tell, on resume, whether committed records are still the same bytes), and
// mapping a COPY error's "line N" back to the record it names.

#include <QByteArray>
#include <QString>

#include <cstdint>
#include <vector>

namespace spillway {

struct RecordSpan
{
    qint64 offset = 0; // first byte, relative to the chunk
    qint64 line = 0;   // first physical line, 0-based relative to the chunk
};

// Records of a chunk that starts at a record boundary; a final entry marks the end (offset =
// size, line = lines spanned), so record i is [spans[i], spans[i + 1]).
std::vector<RecordSpan> recordSpans(const char *data, qint64 size, bool csv, char quote);

// XXH64 (seed 0) of the bytes, as 16 hex digits.
QString chunkDigest(const char *data, qint64 size);

// Which record (0-based, within [first, last) of spans) a COPY error's 1-based "line N" names.
// COPY counts physical lines in CSV (newlines inside quotes too) and records in text format.
// Returns -1 when the line is outside the range.
int recordAtCopyLine(const std::vector<RecordSpan> &spans, int first, int last, int copyLine,
                     bool csv);

// The column named in a COPY error context ("COPY t, line 5, column amount: ..."), or empty.
QString copyColumn(const QString &context);

// A record's text without its line ending, for messages and the reject file.
QByteArray recordText(const char *data, const std::vector<RecordSpan> &spans, int record);

} // namespace spillway
