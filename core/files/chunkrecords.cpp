#include "files/chunkrecords.h"

#include <QRegularExpression>

#include <cstring>

namespace spillway {

std::vector<RecordSpan> recordSpans(const char *data, qint64 size, bool csv, char quote)
{
    std::vector<RecordSpan> spans;
    spans.push_back({0, 0});
    qint64 line = 0;
    bool inQuotes = false;
    bool escape = false;
    for (qint64 i = 0; i < size; ++i) {
        const char c = data[i];
        if (csv && c == quote) {
            inQuotes = !inQuotes;
            continue;
        }
        if (!csv && escape) {
            escape = false;
            if (c == '\n')
                ++line;
            continue;
        }
        if (!csv && c == '\\') {
            escape = true;
            continue;
        }
        if (c != '\n')
            continue;
        ++line;
        if (!inQuotes && i + 1 < size)
            spans.push_back({i + 1, line});
    }
    if (size > 0 && data[size - 1] != '\n')
        ++line; // a last record without a final newline
    spans.push_back({size, line});
    return spans;
}

namespace {

constexpr uint64_t P1 = 11400714785074694791ULL, P2 = 14029467366897019727ULL,
                   P3 = 1609587929392839161ULL, P4 = 9650029242287828579ULL,
                   P5 = 2870177450012600261ULL;

uint64_t rotl(uint64_t x, int r)
{
    return (x << r) | (x >> (64 - r));
}

uint64_t read64(const unsigned char *p)
{
    uint64_t v;
    std::memcpy(&v, p, 8);
    return v; // little-endian machines only, as everything Spillway targets
}

uint64_t round64(uint64_t acc, uint64_t input)
{
    return rotl(acc + input * P2, 31) * P1;
}

uint64_t merge64(uint64_t acc, uint64_t v)
{
    return (acc ^ round64(0, v)) * P1 + P4;
}

uint64_t xxh64(const unsigned char *p, size_t len)
{
    const unsigned char *end = p + len;
    uint64_t h;
    if (len >= 32) {
        uint64_t v1 = P1 + P2, v2 = P2, v3 = 0, v4 = 0 - P1;
        for (; p + 32 <= end; p += 32) {
            v1 = round64(v1, read64(p));
            v2 = round64(v2, read64(p + 8));
            v3 = round64(v3, read64(p + 16));
            v4 = round64(v4, read64(p + 24));
        }
        h = rotl(v1, 1) + rotl(v2, 7) + rotl(v3, 12) + rotl(v4, 18);
        h = merge64(merge64(merge64(merge64(h, v1), v2), v3), v4);
    } else {
        h = P5;
    }
    h += len;
    for (; p + 8 <= end; p += 8)
        h = rotl(h ^ round64(0, read64(p)), 27) * P1 + P4;
    if (p + 4 <= end) {
        uint32_t k;
        std::memcpy(&k, p, 4);
        h = rotl(h ^ (uint64_t(k) * P1), 23) * P2 + P3;
        p += 4;
    }
    for (; p < end; ++p)
        h = rotl(h ^ (uint64_t(*p) * P5), 11) * P1;
    h ^= h >> 33;
    h *= P2;
    h ^= h >> 29;
    h *= P3;
    h ^= h >> 32;
    return h;
}

} // namespace

QString chunkDigest(const char *data, qint64 size)
{
    const uint64_t h = xxh64(reinterpret_cast<const unsigned char *>(data), size_t(size));
    return QString::number(h, 16).rightJustified(16, QLatin1Char('0'));
}

int recordAtCopyLine(const std::vector<RecordSpan> &spans, int first, int last, int copyLine,
                     bool csv)
{
    if (copyLine < 1)
        return -1;
    if (!csv) {
        const int r = first + copyLine - 1;
        return r < last ? r : -1;
    }
    const qint64 line = spans[size_t(first)].line + copyLine - 1;
    for (int r = first; r < last; ++r) {
        if (line >= spans[size_t(r)].line && line < spans[size_t(r) + 1].line)
            return r;
    }
    return -1;
}

QString copyColumn(const QString &context)
{
    static const QRegularExpression re(QStringLiteral("column ([^:\\n]+)"));
    const auto m = re.match(context);
    return m.hasMatch() ? m.captured(1).trimmed() : QString();
}

QByteArray recordText(const char *data, const std::vector<RecordSpan> &spans, int record)
{
    const qint64 a = spans[size_t(record)].offset;
    qint64 b = spans[size_t(record) + 1].offset;
    if (b > a && data[b - 1] == '\n')
        --b;
    if (b > a && data[b - 1] == '\r')
        --b;
    return QByteArray(data + a, b - a);
}

} // namespace spillway
