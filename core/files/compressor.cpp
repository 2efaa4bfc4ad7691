#include "files/compressor.h"

#include <algorithm>

#include <zlib.h>
#include <zstd.h>

namespace spillway {

namespace {

constexpr size_t kOutStep = 64 * 1024;

class GzipCompressor final : public Compressor
{
public:
    explicit GzipCompressor(int level)
        : m_level(level)
    {}
    ~GzipCompressor() override { end(); }

    QString begin() override
    {
        end();
        m_stream = z_stream{};
        // windowBits 15 + 16: a gzip header and trailer around the deflate data.
        const int rc = deflateInit2(&m_stream, m_level, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY);
        if (rc != Z_OK)
            return error(QStringLiteral("cannot start"), rc);
        m_open = true;
        return {};
    }
    QString compress(const char *data, size_t size, ByteBuffer &out) override
    {
        return run(data, size, Z_NO_FLUSH, out);
    }
    QString finish(ByteBuffer &out) override
    {
        QString e = run(nullptr, 0, Z_FINISH, out);
        end();
        return e;
    }

private:
    QString run(const char *data, size_t size, int flush, ByteBuffer &out)
    {
        if (!m_open)
            return QStringLiteral("gzip compression used before it was started");
        m_stream.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(data));
        // avail_in is 32 bits: feed larger blocks in pieces.
        size_t left = size;
        for (;;) {
            const uInt piece = uInt(std::min<size_t>(left, 1u << 30));
            m_stream.avail_in = piece;
            left -= piece;
            const int pieceFlush = left ? Z_NO_FLUSH : flush;
            int rc;
            do {
                char *p = out.reserveTail(kOutStep);
                m_stream.next_out = reinterpret_cast<Bytef *>(p);
                m_stream.avail_out = uInt(kOutStep);
                rc = deflate(&m_stream, pieceFlush);
                if (rc == Z_STREAM_ERROR)
                    return error(QStringLiteral("failed"), rc);
                out.setEnd(p + (kOutStep - m_stream.avail_out));
            } while (m_stream.avail_out == 0 || (pieceFlush == Z_FINISH && rc != Z_STREAM_END));
            if (!left)
                return {};
        }
    }
    void end()
    {
        if (m_open)
            deflateEnd(&m_stream);
        m_open = false;
    }
    QString error(const QString &what, int rc) const
    {
        return QStringLiteral("gzip compression %1 (zlib error %2%3)")
            .arg(what)
            .arg(rc)
            .arg(m_stream.msg ? QStringLiteral(": ") + QString::fromUtf8(m_stream.msg) : QString());
    }

    int m_level;
    bool m_open = false;
    z_stream m_stream{};
};

class ZstdCompressor final : public Compressor
{
public:
    explicit ZstdCompressor(int level)
        : m_level(level)
    {}
    ~ZstdCompressor() override { ZSTD_freeCCtx(m_ctx); }

    QString begin() override
    {
        if (!m_ctx)
            m_ctx = ZSTD_createCCtx();
        if (!m_ctx)
            return QStringLiteral("zstd compression cannot start: out of memory");
        ZSTD_CCtx_reset(m_ctx, ZSTD_reset_session_only);
        const size_t rc = ZSTD_CCtx_setParameter(m_ctx, ZSTD_c_compressionLevel, m_level);
        if (ZSTD_isError(rc))
            return error(rc);
        return {};
    }
    QString compress(const char *data, size_t size, ByteBuffer &out) override
    {
        return run(data, size, ZSTD_e_continue, out);
    }
    QString finish(ByteBuffer &out) override { return run(nullptr, 0, ZSTD_e_end, out); }

private:
    QString run(const char *data, size_t size, ZSTD_EndDirective mode, ByteBuffer &out)
    {
        if (!m_ctx)
            return QStringLiteral("zstd compression used before it was started");
        ZSTD_inBuffer in{data, size, 0};
        const size_t step = std::max(kOutStep, ZSTD_CStreamOutSize());
        for (;;) {
            char *p = out.reserveTail(step);
            ZSTD_outBuffer o{p, step, 0};
            const size_t remaining = ZSTD_compressStream2(m_ctx, &o, &in, mode);
            if (ZSTD_isError(remaining))
                return error(remaining);
            out.setEnd(p + o.pos);
            // Continue: done when all input is taken; end: when the frame is fully flushed.
            if (mode == ZSTD_e_end ? remaining == 0 : (in.pos == in.size && o.pos < step))
                return {};
        }
    }
    static QString error(size_t rc)
    {
        return QStringLiteral("zstd compression failed: %1")
            .arg(QString::fromUtf8(ZSTD_getErrorName(rc)));
    }

    int m_level;
    ZSTD_CCtx *m_ctx = nullptr;
};

} // namespace

std::unique_ptr<Compressor> Compressor::create(Compression compression, int level)
{
    switch (compression) {
    case Compression::None:
        return nullptr;
    case Compression::Gzip:
        return std::make_unique<GzipCompressor>(level);
    case Compression::Zstd:
        return std::make_unique<ZstdCompressor>(level);
    }
    return nullptr;
}

bool Compressor::parse(const QString &name, Compression &compression)
{
    const QString n = name.toLower();
    if (n == QLatin1String("gzip") || n == QLatin1String("gz"))
        compression = Compression::Gzip;
    else if (n == QLatin1String("zstd") || n == QLatin1String("zst"))
        compression = Compression::Zstd;
    else if (n == QLatin1String("none"))
        compression = Compression::None;
    else
        return false;
    return true;
}

QString Compressor::name(Compression compression)
{
    switch (compression) {
    case Compression::None:
        return QStringLiteral("none");
    case Compression::Gzip:
        return QStringLiteral("gzip");
    case Compression::Zstd:
        return QStringLiteral("zstd");
    }
    return {};
}

QString Compressor::extension(Compression compression)
{
    switch (compression) {
    case Compression::None:
        return {};
    case Compression::Gzip:
        return QStringLiteral("gz");
    case Compression::Zstd:
        return QStringLiteral("zst");
    }
    return {};
}

int Compressor::defaultLevel(Compression compression)
{
    Q_UNUSED(compression) // gzip -1 and zstd -1: fast, and still a large saving on text
    return 1;
}

QString Compressor::checkLevel(Compression compression, int level)
{
    if (compression == Compression::Gzip && (level < 1 || level > 9))
        return QStringLiteral("gzip levels are 1 to 9: choose --compress-level between them "
                              "(1 is fastest)");
    if (compression == Compression::Zstd && (level < 1 || level > ZSTD_maxCLevel()))
        return QStringLiteral("zstd levels are 1 to %1: choose --compress-level between them "
                              "(1 is fastest)")
            .arg(ZSTD_maxCLevel());
    return {};
}

} // namespace spillway
