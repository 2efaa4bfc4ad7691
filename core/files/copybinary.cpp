#include "files/copybinary.h"

#include <algorithm>
#include <cstring>

namespace spillway {

namespace {

const char kSignature[11] = {'P', 'G', 'C', 'O', 'P', 'Y', '\n', '\377', '\r', '\n', '\0'};

uint32_t be32(const char *p)
{
    const auto *u = reinterpret_cast<const unsigned char *>(p);
    return (uint32_t(u[0]) << 24) | (uint32_t(u[1]) << 16) | (uint32_t(u[2]) << 8) | u[3];
}

int16_t be16(const char *p)
{
    const auto *u = reinterpret_cast<const unsigned char *>(p);
    return int16_t(uint16_t((uint16_t(u[0]) << 8) | u[1]));
}

} // namespace

bool isBinaryCopy(const QByteArray &start)
{
    return start.startsWith(QByteArray(kSignature, sizeof kSignature));
}

const QByteArray &binaryCopyHeader()
{
    static const QByteArray header =
        QByteArray(kSignature, sizeof kSignature) + QByteArray(8, '\0');
    return header;
}

const QByteArray &binaryCopyTrailer()
{
    static const QByteArray trailer("\xff\xff", 2);
    return trailer;
}

std::vector<RecordSpan> tupleSpans(const char *data, qint64 size)
{
    std::vector<RecordSpan> spans;
    qint64 pos = 0, line = 0;
    while (pos + 2 <= size) {
        spans.push_back({pos, line++});
        const int fields = be16(data + pos);
        pos += 2;
        for (int f = 0; f < fields && pos + 4 <= size; ++f) {
            const int32_t len = int32_t(be32(data + pos));
            pos += 4 + std::max<int32_t>(len, 0);
        }
    }
    spans.push_back({std::min(pos, size), line});
    return spans;
}

bool BinaryCopyWalker::feed(const char *data, qint64 n, qint64 base)
{
    qint64 i = 0;
    while (i < n) {
        if (m_skip > 0) {
            const qint64 take = std::min(m_skip, n - i);
            i += take;
            m_skip -= take;
            if (m_skip == 0)
                afterSkip(base + i);
            continue;
        }
        if (m_small.isEmpty() && n - i >= m_need) { // the usual case: no copy
            i += m_need;
            if (!step(data + i - m_need, base + i))
                return false;
            continue;
        }
        const qint64 take = std::min(m_need - qint64(m_small.size()), n - i);
        m_small.append(data + i, take);
        i += take;
        if (m_small.size() == m_need) {
            const QByteArray piece = m_small;
            m_small.clear();
            if (!step(piece.constData(), base + i))
                return false;
        }
    }
    return true;
}

void BinaryCopyWalker::afterSkip(qint64 pos)
{
    if (m_skippingExt) {
        m_skippingExt = false;
        m_state = State::Count;
        m_need = 2;
        m_sink(Event::DataStart, pos);
        return;
    }
    fieldDone(pos);
}

bool BinaryCopyWalker::fieldDone(qint64 pos)
{
    if (--m_fieldsLeft > 0) {
        m_state = State::Length;
        m_need = 4;
        return true;
    }
    ++m_tuples;
    m_sink(Event::TupleEnd, pos);
    m_state = State::Count;
    m_need = 2;
    return true;
}

// One fixed-size item `p` was read; `pos` is the position right after it.
bool BinaryCopyWalker::step(const char *p, qint64 pos)
{
    switch (m_state) {
    case State::AfterTrailer: // another stream follows: it must start with the signature
    case State::Signature:
        if (std::memcmp(p, kSignature, sizeof kSignature) != 0) {
            m_error = QStringLiteral("no PGCOPY signature at byte %1: not a binary COPY file%2")
                          .arg(pos - 11)
                          .arg(m_tuples ? QStringLiteral(" after its trailer") : QString());
            return false;
        }
        m_state = State::Flags;
        m_need = 4;
        return true;
    case State::Flags:
        if (be32(p) & (1u << 16)) {
            m_error = QStringLiteral("the binary COPY header at byte %1 says tuples hold OIDs, "
                                     "which PostgreSQL no longer loads")
                          .arg(pos - 4);
            return false;
        }
        m_state = State::ExtLength;
        return true;
    case State::ExtLength:
        m_skip = qint64(be32(p));
        m_skippingExt = true;
        if (m_skip == 0)
            afterSkip(pos);
        return true;
    case State::Count:
        return tupleStart(be16(p), pos);
    case State::Length:
        return fieldLength(int32_t(be32(p)), pos);
    }
    return true;
}

bool BinaryCopyWalker::tupleStart(int16_t count, qint64 pos)
{
    if (count == -1) {
        m_sink(Event::Trailer, pos - 2);
        m_state = State::AfterTrailer;
        m_need = 11;
        return true;
    }
    if (count < 0) {
        m_error = QStringLiteral("tuple %1 at byte %2 has a negative field count (%3): the file "
                                 "is damaged")
                      .arg(m_tuples + 1)
                      .arg(pos - 2)
                      .arg(count);
        return false;
    }
    m_fieldsLeft = count + 1;
    return fieldDone(pos); // a zero-field tuple ends here
}

bool BinaryCopyWalker::fieldLength(int32_t len, qint64 pos)
{
    if (len < -1) {
        m_error =
            QStringLiteral("tuple %1 has a field of length %2 at byte %3: the file is damaged")
                .arg(m_tuples + 1)
                .arg(len)
                .arg(pos - 4);
        return false;
    }
    m_skip = std::max<int32_t>(len, 0);
    if (m_skip == 0)
        fieldDone(pos);
    return true;
}

bool BinaryCopyWalker::finish()
{
    if (m_state == State::AfterTrailer && m_small.isEmpty())
        return true;
    m_error = m_state == State::Count && m_small.isEmpty() && m_skip == 0
                  ? QStringLiteral("it ends after tuple %1 without the binary COPY trailer: the "
                                   "file is truncated")
                        .arg(m_tuples)
                  : QStringLiteral("it ends inside %1: the file is truncated")
                        .arg(m_state == State::Signature || m_state == State::Flags ||
                                     m_state == State::ExtLength || m_skippingExt
                                 ? QStringLiteral("the binary COPY header")
                                 : QStringLiteral("tuple %1").arg(m_tuples + 1));
    return false;
}

} // namespace spillway
