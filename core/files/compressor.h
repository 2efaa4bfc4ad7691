#pragma once

// Stream compression of output files: gzip (zlib's deflate with the gzip wrapper) or zstd.
// Each begin() ... finish() is one complete stream, so every file (and every split part)
// decompresses on its own.

#include "base/bytebuffer.h"

#include <QString>

#include <memory>

namespace spillway {

enum class Compression { None, Gzip, Zstd };

class Compressor
{
public:
    virtual ~Compressor() = default;
    // Starts a new stream; an error message when the library refuses.
    virtual QString begin() = 0;
    // Appends the compressed form of `size` bytes to `out` (possibly nothing yet).
    virtual QString compress(const char *data, size_t size, ByteBuffer &out) = 0;
    // Ends the stream, appending whatever is still buffered.
    virtual QString finish(ByteBuffer &out) = 0;

    // Null for Compression::None.
    static std::unique_ptr<Compressor> create(Compression compression, int level);
    // Reads gzip ("gz") or zstd ("zst"); "none" is Compression::None.
    static bool parse(const QString &name, Compression &compression);
    static QString name(Compression compression);
    // File name suffix without the dot: "gz", "zst"; empty for None.
    static QString extension(Compression compression);
    static int defaultLevel(Compression compression);
    // Problems with a level for this compression ("gzip levels are 1 to 9...").
    static QString checkLevel(Compression compression, int level);
};

} // namespace spillway
