#pragma once

// Cuts existing data files into chunks at record boundaries, for parallel loading. CSV records
// may hold newlines inside quotes, so the scan follows quoting; COPY text and TSV escape their
// newlines, so any bare newline ends a record. The scan reads each file once, sequentially,
// and counts records and lines, so a load knows its total before it starts and can name a
// record's own line. Binary COPY files are cut between tuples (a record is a tuple, its "line"
// the tuple's 1-based number; chunks hold tuples only, without the file's header and trailer).
// Files may be gzip or zstd compressed (see datastream.h): offsets are then decompressed bytes.
// A resumed load passes the record ranges it already committed: chunks are
// cut exactly around them, so they are recognised by record index, whatever changed elsewhere.

#include <QList>
#include <QString>
#include <QStringList>

#include <atomic>
#include <cstdint>

namespace spillway {

struct FileChunk
{
    int file = 0;       // index into FileChunkerOptions::files
    uint32_t index = 0; // chunk number across all files
    qint64 offset = 0;
    qint64 length = 0;
    uint64_t firstRow = 0;   // records before this chunk, all files counted in order
    uint64_t fileRecord = 0; // records before this chunk in its own file
    uint64_t rows = 0;
    qint64 line = 1; // the file's own 1-based line where the chunk starts (header counted);
                     // binary COPY: the 1-based number of the chunk's first tuple
    int fixed = -1;  // index into FileChunkerOptions::fixedRanges when it is exactly that range
};

// Records [first, first + count) of one file (record 0 is the first after any header).
struct RecordRange
{
    int file = 0;
    uint64_t first = 0;
    uint64_t count = 0;
};

struct FileChunkerOptions
{
    QStringList files;
    bool csv = true;     // csv: quote-aware; otherwise tsv / COPY text
    bool binary = false; // binary COPY: tuples (csv is ignored)
    char quote = '"';
    bool header = false; // each file starts with a header record (skipped)
    qint64 chunkBytes = 8 * 1024 * 1024;
    QList<RecordRange> fixedRanges; // sorted by file and first record, not overlapping
};

struct FileChunkPlan
{
    QList<FileChunk> chunks;
    uint64_t totalRows = 0;
    qint64 totalBytes = 0;
    QStringList headers;         // each file's header record (when options.header), as read
    QList<uint64_t> fileRecords; // data records per file
    QString error;               // what went wrong, where, and what to do
};

class FileChunker
{
public:
    static FileChunkPlan scan(const FileChunkerOptions &options,
                              const std::atomic<bool> *cancelled = nullptr);
    // Expands folders (their regular files, sorted) and checks files are readable.
    static QStringList expand(const QStringList &paths, QString *error);
};

} // namespace spillway
