#include "files/datastream.h"

#include <algorithm>

#include <zlib.h>
#include <zstd.h>

namespace spillway {

namespace {

constexpr size_t kInBuffer = 256 * 1024;

ZSTD_DStream *zds(void *p)
{
    return static_cast<ZSTD_DStream *>(p);
}

} // namespace

struct DataStream::Inflater
{
    z_stream z{};
    bool ready = false;
    ~Inflater()
    {
        if (ready)
            inflateEnd(&z);
    }
};

DataStream::DataStream(const QString &path)
    : m_path(path)
    , m_file(path)
{}

DataStream::~DataStream()
{
    ZSTD_freeDStream(zds(m_zstd));
}

Compression DataStream::sniff(const QByteArray &start)
{
    if (start.startsWith("\x1f\x8b"))
        return Compression::Gzip;
    if (start.startsWith("\x28\xb5\x2f\xfd"))
        return Compression::Zstd;
    return Compression::None;
}

bool DataStream::open()
{
    m_file.close();
    m_inPos = m_inLen = 0;
    m_fileRead = 0;
    m_eof = false;
    m_midStream = false;
    m_position = 0;
    m_error.clear();
    if (!m_file.open(QIODevice::ReadOnly)) {
        m_error = QStringLiteral("cannot read '%1': %2").arg(m_path, m_file.errorString());
        return false;
    }
    m_compression = sniff(m_file.peek(4));
    const QString ext = m_path.section(QLatin1Char('.'), -1).toLower();
    Compression byName = Compression::None;
    if (Compressor::parse(ext, byName) && byName != Compression::None && byName != m_compression) {
        m_error = QStringLiteral("'%1' is named .%2 but does not start with %3's magic bytes: it "
                                 "is not %3 data (rename it, or compress it again)")
                      .arg(m_path, ext, Compressor::name(byName));
        return false;
    }
    if (m_compression == Compression::None)
        return true;
    m_in.resize(kInBuffer);
    if (m_compression == Compression::Gzip) {
        m_inflater = std::make_unique<Inflater>();
        // 15 + 16: gzip wrapper only.
        if (inflateInit2(&m_inflater->z, 15 + 16) != Z_OK) {
            m_error = QStringLiteral("cannot start gzip decompression: out of memory");
            return false;
        }
        m_inflater->ready = true;
    } else {
        if (!m_zstd)
            m_zstd = ZSTD_createDStream();
        if (!m_zstd || ZSTD_isError(ZSTD_initDStream(zds(m_zstd)))) {
            m_error = QStringLiteral("cannot start zstd decompression: out of memory");
            return false;
        }
    }
    return true;
}

bool DataStream::fill()
{
    if (m_inPos < m_inLen || m_eof)
        return true;
    const qint64 n = m_file.read(m_in.data(), qint64(m_in.size()));
    if (n < 0) {
        m_error = QStringLiteral("cannot read '%1' at byte %2: %3")
                      .arg(m_path)
                      .arg(m_fileRead)
                      .arg(m_file.errorString());
        return false;
    }
    m_inPos = 0;
    m_inLen = size_t(n);
    m_fileRead += n;
    m_eof = n == 0;
    return true;
}

qint64 DataStream::corrupt(const QString &why)
{
    const qint64 at = m_fileRead - qint64(m_inLen - m_inPos);
    m_error = QStringLiteral("'%1' is not valid %2 data: decompression failed at compressed byte "
                             "%3 of %4 (%5), after %6 decompressed bytes. The file is damaged: "
                             "write it again (check it with `%7 -t`)")
                  .arg(m_path, Compressor::name(m_compression))
                  .arg(at)
                  .arg(m_file.size())
                  .arg(why)
                  .arg(m_position)
                  .arg(Compressor::name(m_compression));
    return -1;
}

qint64 DataStream::truncated()
{
    m_error = QStringLiteral("'%1' is truncated: its %2 data ends at compressed byte %3 in the "
                             "middle of a compressed stream (after %4 decompressed bytes). The "
                             "file was cut short (an interrupted copy or write?): write it again "
                             "(check it with `%2 -t`)")
                  .arg(m_path, Compressor::name(m_compression))
                  .arg(m_fileRead)
                  .arg(m_position);
    return -1;
}

qint64 DataStream::readGzip(char *data, qint64 max)
{
    z_stream &z = m_inflater->z;
    z.next_out = reinterpret_cast<Bytef *>(data);
    z.avail_out = uInt(std::min<qint64>(max, 1 << 30));
    const uInt want = z.avail_out;
    while (z.avail_out > 0) {
        if (!fill())
            return -1;
        if (m_inPos == m_inLen && m_eof && !m_midStream)
            break; // a complete last member
        z.next_in = reinterpret_cast<Bytef *>(m_in.data() + m_inPos);
        z.avail_in = uInt(m_inLen - m_inPos);
        const uInt before = z.avail_out, inBefore = z.avail_in;
        if (z.avail_in > 0)
            m_midStream = true;
        const int rc = inflate(&z, Z_NO_FLUSH);
        m_inPos = m_inLen - z.avail_in;
        if (rc == Z_STREAM_END) {
            inflateReset(&z); // the next member, if any, starts here
            m_midStream = false;
        } else if (rc == Z_BUF_ERROR || (rc == Z_OK && before == z.avail_out && !inBefore)) {
            if (m_eof && m_inPos == m_inLen)
                return truncated();
        } else if (rc != Z_OK) {
            return corrupt(z.msg ? QString::fromUtf8(z.msg) : QStringLiteral("zlib %1").arg(rc));
        }
    }
    return qint64(want - z.avail_out);
}

qint64 DataStream::readZstd(char *data, qint64 max)
{
    ZSTD_outBuffer out{data, size_t(max), 0};
    while (out.pos < out.size) {
        if (!fill())
            return -1;
        ZSTD_inBuffer in{m_in.data(), m_inLen, m_inPos};
        const size_t before = out.pos, inBefore = in.pos;
        const size_t rc = ZSTD_decompressStream(zds(m_zstd), &out, &in);
        m_inPos = in.pos;
        if (ZSTD_isError(rc))
            return corrupt(QString::fromUtf8(ZSTD_getErrorName(rc)));
        const bool progress = out.pos > before || in.pos > inBefore;
        if (progress)
            m_midStream = rc != 0; // 0: a frame ended and was flushed whole
        if (!progress && m_inPos == m_inLen && m_eof) {
            if (m_midStream)
                return truncated();
            break;
        }
    }
    return qint64(out.pos);
}

qint64 DataStream::read(char *data, qint64 max)
{
    if (!m_error.isEmpty())
        return -1;
    qint64 n = 0;
    if (m_compression == Compression::None) {
        n = m_file.read(data, max);
        if (n < 0)
            m_error = QStringLiteral("cannot read '%1': %2").arg(m_path, m_file.errorString());
    } else {
        n = m_compression == Compression::Gzip ? readGzip(data, max) : readZstd(data, max);
    }
    if (n > 0)
        m_position += n;
    return n;
}

bool DataStream::skipTo(qint64 offset)
{
    std::vector<char> scratch(size_t(1) << 20);
    while (m_position < offset) {
        const qint64 n =
            read(scratch.data(), std::min<qint64>(qint64(scratch.size()), offset - m_position));
        if (n <= 0)
            return false;
    }
    return true;
}

bool DataStream::readAt(qint64 offset, qint64 length, char *data)
{
    if (m_compression == Compression::None) {
        if (!m_file.seek(offset))
            m_error = m_file.errorString();
        else
            m_position = offset;
    } else if (offset < m_position && !open()) {
        return false;
    }
    if (!m_error.isEmpty() || !skipTo(offset))
        return false;
    for (qint64 done = 0; done < length;) {
        const qint64 n = read(data + done, length - done);
        if (n <= 0) {
            if (m_error.isEmpty())
                m_error = QStringLiteral("cannot read '%1' at byte %2: it ended; was the file "
                                         "changed during the load?")
                              .arg(m_path)
                              .arg(offset + done);
            return false;
        }
        done += n;
    }
    return true;
}

} // namespace spillway
