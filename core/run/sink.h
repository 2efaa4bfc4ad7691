#pragma once

// Where encoded chunks go. A sink either needs chunks in plan order (files: bytes must not
// depend on scheduling) or takes them in any order from any worker (database COPY, one
// connection per worker).

#include "base/bytebuffer.h"
#include "run/metrics.h"

#include <QString>

#include <cstdint>
#include <vector>

namespace spillway {

class Plan;
struct ChunkSpec;

struct EncodedChunk
{
    uint64_t sequence = 0; // position in Plan::chunks()
    int table = 0;
    uint64_t firstRow = 0;
    uint64_t rows = 0;
    ByteBuffer data;
    std::vector<uint32_t> rowEnds; // end offset of each row in data (ordered sinks only)
};

class Sink
{
public:
    virtual ~Sink() = default;

    virtual bool isOrdered() const = 0;
    // Whether encoders should record each row's end offset (for splitting files by size).
    virtual bool needsRowEnds() const { return false; }
    // Whether the sink writes dirty rows (encode/dirtyrows.h): files do, a database does not.
    virtual bool takesDirtyRows() const { return false; }
    // Called once on the owner's thread before any write. Returns an error message or empty.
    virtual QString open(const Plan &plan) = 0;
    // Ordered sinks: called for chunks in sequence, one at a time. Unordered: from any worker,
    // concurrently, `worker` telling which. Returns an error message or empty.
    virtual QString write(EncodedChunk &chunk, int worker) = 0;
    // Called once on the owner's thread after the last write, or after a failure or cancel
    // (`completed` false): a file sink then removes its partial files.
    virtual QString finish(bool completed) = 0;
    // Files or tables the run wrote, for the summary.
    virtual QStringList outputs() const { return {}; }
    // True when the chunk was already delivered by an earlier, interrupted run (resume): the
    // engine then skips it. Called from workers.
    virtual bool isDone(const ChunkSpec &chunk) const
    {
        Q_UNUSED(chunk)
        return false;
    }
    // The run is being cancelled: stop retrying and return soon. Called from any thread.
    virtual void cancel() {}
    // Adds what the sink measures (worker states, commit latency) to a snapshot.
    virtual void addMetrics(RunSnapshot &snapshot) const { Q_UNUSED(snapshot) }
};

} // namespace spillway
