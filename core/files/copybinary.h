#pragma once

// PostgreSQL's binary COPY files as `load` reads them: the 11-byte PGCOPY signature, flags and
// a header extension, then tuples (a 16-bit field count, each field a 32-bit length, -1 for
// NULL, and its bytes), then a 16-bit -1 trailer. A file may hold several such streams one
// after another (concatenated parts). The walker finds tuple boundaries in bytes fed in pieces
// of any size; a chunk of whole tuples is sent as its own COPY by wrapping it in a fresh header
// and trailer.

#include "files/chunkrecords.h"

#include <QByteArray>
#include <QString>

#include <cstdint>
#include <functional>
#include <vector>

namespace spillway {

// True when the bytes start with the PGCOPY signature.
bool isBinaryCopy(const QByteArray &start);
// A 19-byte header (no OIDs, no extension) and the 2-byte trailer around a chunk of tuples.
const QByteArray &binaryCopyHeader();
const QByteArray &binaryCopyTrailer();

// Spans of a chunk of whole tuples, as recordSpans() gives for text: span i's line is i.
std::vector<RecordSpan> tupleSpans(const char *data, qint64 size);

class BinaryCopyWalker
{
public:
    enum class Event {
        DataStart, // a stream's header ended: its tuples start here
        TupleEnd,  // a tuple ends here
        Trailer,   // a stream's trailer starts here: its tuples end here
    };
    using Sink = std::function<void(Event, qint64)>;

    explicit BinaryCopyWalker(Sink sink)
        : m_sink(std::move(sink))
    {}
    // Feeds the bytes at stream positions [base, base + n); false on malformed data (error()).
    bool feed(const char *data, qint64 n, qint64 base);
    // At the end of the file: false when it ends inside a header or tuple, or before a trailer.
    bool finish();
    QString error() const { return m_error; }

private:
    enum class State { Signature, Flags, ExtLength, Count, Length, AfterTrailer };
    void afterSkip(qint64 pos);
    bool step(const char *p, qint64 pos);
    bool tupleStart(int16_t count, qint64 pos);
    bool fieldLength(int32_t len, qint64 pos);
    bool fieldDone(qint64 pos);

    Sink m_sink;
    State m_state = State::Signature;
    qint64 m_need = 11, m_skip = 0;
    int m_fieldsLeft = 0;
    bool m_skippingExt = false;
    uint64_t m_tuples = 0;
    QByteArray m_small;
    QString m_error;
};

} // namespace spillway
