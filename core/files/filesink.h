#pragma once

// Writes each table to files in a folder (or one table to standard output), in plan order,
// optionally split by rows or bytes. Files are written as NAME.part and renamed when complete,
// so a file with its final name is always whole. With compression each file (each split part)
// is one complete gzip or zstd stream; split sizes count the bytes before compression.
//
// With dirty rows (encode/dirtyrows.h) the sink writes their manifest (files/dirtymanifest.h)
// as the rows land, and a split never starts a file with a dirty row, so that a duplicate
// stays in the file of the row it repeats (a file may then run a few rows past its limit).

#include "encode/dirtyrows.h"
#include "encode/encoder.h"
#include "files/compressor.h"
#include "files/dirtymanifest.h"
#include "run/sink.h"

#include <QFile>
#include <QStringList>

#include <atomic>
#include <memory>

namespace spillway {

struct FileSinkOptions
{
    QString directory; // "-" for standard output
    FormatOptions format;
    uint64_t splitRows = 0;  // 0: no split by rows
    uint64_t splitBytes = 0; // 0: no split by size (uncompressed bytes)
    Compression compression = Compression::None;
    int compressionLevel = 1;
};

class FileSink final : public Sink
{
public:
    explicit FileSink(FileSinkOptions options);
    ~FileSink() override;

    bool isOrdered() const override { return true; }
    bool needsRowEnds() const override
    {
        return m_options.splitBytes || m_options.splitRows || m_dirty;
    }
    bool takesDirtyRows() const override { return true; }
    QString open(const Plan &plan) override;
    QString write(EncodedChunk &chunk, int worker) override;
    QString finish(bool completed) override;
    QStringList outputs() const override { return m_outputs; }

    // Why these options cannot hold dirty rows (binary COPY, standard output), or empty.
    static QString dirtyRowsProblem(const FileSinkOptions &options);

    bool isStdout() const { return m_options.directory == QLatin1String("-"); }
    // Standard output's reader went away (EPIPE, e.g. `| head`): the run stopped there, which
    // the caller may take for a cancel rather than a failure. Read after the run.
    bool isReaderGone() const { return m_readerGone; }
    // Name of part `part` (1-based; 0 when not split) of a table's output.
    QString fileName(const QString &table, int part) const;

private:
    QString startFile();
    QString closeFile();
    QString writeBytes(const char *data, size_t size);
    QString writeRaw(const char *data, size_t size);
    QString compressionError(const QString &error) const;
    QString writeRows(EncodedChunk &chunk);
    QString noteRows(const EncodedChunk &chunk, size_t first, size_t last);
    const DirtyRows *dirtyRowsOf(int table) const;

    FileSinkOptions m_options;
    const Plan *m_plan = nullptr;
    std::unique_ptr<Encoder> m_encoder;
    std::unique_ptr<QFile> m_file;
    std::unique_ptr<Compressor> m_compressor;
    ByteBuffer m_compressed;
    QString m_finalName;
    int m_table = -1;
    int m_part = 0;
    uint64_t m_fileRows = 0;
    uint64_t m_fileBytes = 0;
    QStringList m_outputs;
    std::shared_ptr<const DirtyTables> m_dirty; // null: a clean run
    DirtyManifest m_manifest;
    uint64_t m_fileLines = 0; // physical lines written to the current file (the manifest's)
    std::atomic<bool> m_readerGone{false};
};

} // namespace spillway
