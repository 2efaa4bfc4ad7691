#pragma once

// Loads one chunk of a file for `load`: one COPY transaction with its ledger row and record
// range. When PostgreSQL refuses a record, the error names the file's own line and record
// (mapped from COPY's "line N" through the chunk's first line and record), the column, the
// server's message and SQLSTATE. With --on-error skip, a refused chunk is split in halves
// recursively (as pgloader does): every half that loads is committed as its own range, each
// exactly once through the ledger, and a single refused record goes to the reject file.

#include "files/chunkrecords.h"
#include "files/filechunker.h"
#include "pg/chunkcommitter.h"

#include <QFile>
#include <QString>
#include <QStringList>

#include <atomic>
#include <mutex>

namespace spillway {

// The reject file: CSV with a header, one line per refused record: file, line, record, column,
// sqlstate, message, row (the record's original text; for binary COPY the tuple's bytes as hex,
// and line is the tuple's number). Created at the first reject.
class RejectWriter
{
public:
    explicit RejectWriter(QString path)
        : m_path(std::move(path))
    {}
    QString path() const { return m_path; }
    uint64_t count() const { return m_count; }
    // Appends one record; returns an error message, empty on success.
    QString add(const QStringList &fields, const QByteArray &row);

private:
    QString m_path;
    std::mutex m_mutex;
    QFile m_file;
    std::atomic<uint64_t> m_count{0};
};

struct ChunkLoadContext
{
    QString runId;
    QString table;
    QString copySql;
    QStringList files;
    bool csv = true;
    bool binary = false; // binary COPY: records are tuples, sent between a header and trailer
    char quote = '"';
    bool skipErrors = false;
    qint64 maxRejects = -1; // -1: no limit
    std::atomic<uint32_t> *nextChunk = nullptr;
    RejectWriter *rejects = nullptr;
};

class ChunkLoader
{
public:
    ChunkLoader(const ChunkLoadContext &context, ChunkCommitter &committer)
        : m_ctx(context)
        , m_committer(committer)
    {}

    // Loads the chunk whose bytes are `data`; returns an error that stops the load, else empty.
    QString load(const FileChunk &chunk, const QByteArray &data);
    uint64_t rowsLoaded() const { return m_loaded; } // by the last load()

private:
    QString loadRange(int first, int last);
    bool commitRange(int first, int last, QString *error);
    QString reject(int record, const PgError &error);
    QString describe(int first, int last, const PgError &error) const;
    QString where(int first, int last, int record) const;
    void ensureSpans();

    const ChunkLoadContext &m_ctx;
    ChunkCommitter &m_committer;
    const FileChunk *m_chunk = nullptr;
    const QByteArray *m_data = nullptr;
    std::vector<RecordSpan> m_spans; // computed when a chunk fails
    uint64_t m_loaded = 0;
};

// A server error about the data itself (bad value, constraint): a record can be set aside.
bool isDataError(const PgError &error);

} // namespace spillway
