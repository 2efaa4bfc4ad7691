#pragma once

// Reads a data file for `load` as a stream of its decompressed bytes, whatever it is: plain,
// gzip or zstd, told by the magic bytes at its start (an extension that disagrees is an error).
// Decompression is streamed through a fixed input buffer, never to disk or whole into memory.
// Concatenations work: several gzip members or zstd frames in one file read as one stream (as
// `zcat` reads them). A corrupt or truncated compressed file is an error naming the file and
// the compressed byte offset where decompression failed, with what to do.

#include "files/compressor.h"

#include <QFile>
#include <QString>

#include <memory>
#include <vector>

namespace spillway {

class DataStream
{
public:
    explicit DataStream(const QString &path);
    ~DataStream();
    DataStream(const DataStream &) = delete;
    DataStream &operator=(const DataStream &) = delete;

    // Opens the file and tells its compression; false with error() when it cannot.
    bool open();
    // Up to `max` decompressed bytes; 0 at the end, -1 on an error (see error()).
    qint64 read(char *data, qint64 max);
    // Reads `length` bytes from decompressed offset `offset`: plain files seek; compressed ones
    // read forward (reopening to go back). False with error() when the bytes are not there.
    bool readAt(qint64 offset, qint64 length, char *data);

    QString fileName() const { return m_path; }
    Compression compression() const { return m_compression; }
    qint64 position() const { return m_position; } // decompressed bytes read so far
    QString error() const { return m_error; }

    // gzip or zstd by the file's first bytes, None otherwise.
    static Compression sniff(const QByteArray &start);

private:
    struct Inflater;
    bool fill();
    qint64 readGzip(char *data, qint64 max);
    qint64 readZstd(char *data, qint64 max);
    qint64 corrupt(const QString &why);
    qint64 truncated();
    bool skipTo(qint64 offset);

    QString m_path;
    QFile m_file;
    Compression m_compression = Compression::None;
    std::vector<char> m_in; // compressed input
    size_t m_inPos = 0, m_inLen = 0;
    qint64 m_fileRead = 0; // compressed bytes read from the file
    bool m_eof = false;
    bool m_midStream = false; // inside a gzip member or zstd frame
    qint64 m_position = 0;
    std::unique_ptr<Inflater> m_inflater;
    void *m_zstd = nullptr; // ZSTD_DStream
    QString m_error;
};

} // namespace spillway
