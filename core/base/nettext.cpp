#include "base/nettext.h"

#include "base/valueformat.h"

#include <QRegularExpression>

#include <cstring>

namespace spillway {

namespace {

constexpr char kHex[] = "0123456789abcdef";

struct Brand
{
    const char *name;
    double share; // of card payments, roughly
    int length;   // digits including the check digit
    const char *prefixes[6];
};

// Prefixes from the brands' published ranges (Mastercard's 2-series included).
constexpr Brand kBrands[] = {
    {"visa", 0.52, 16, {"4", nullptr}},
    {"mastercard", 0.32, 16, {"51", "52", "53", "54", "55", "2221"}},
    {"amex", 0.10, 15, {"34", "37", nullptr}},
    {"discover", 0.06, 16, {"6011", "65", "644", nullptr}},
};

char *writeHexGroup(char *p, unsigned v)
{
    bool started = false;
    for (int shift = 12; shift >= 0; shift -= 4) {
        const unsigned d = (v >> shift) & 0xF;
        if (d || started || shift == 0) {
            *p++ = kHex[d];
            started = true;
        }
    }
    return p;
}

// Exactly n digits of v (v < 10^n) ending at `end`, two at a time.
void writeDigitPairs(char *end, uint64_t v, size_t n)
{
    for (; n >= 2; n -= 2) {
        const uint64_t pair = v % 100;
        v /= 100;
        end -= 2;
        end[0] = kDigitPairs[2 * pair];
        end[1] = kDigitPairs[2 * pair + 1];
    }
    if (n == 1)
        end[-1] = char('0' + v);
}

} // namespace

std::optional<uint32_t> parseIpv4(const QString &text)
{
    const QStringList parts = text.split(QLatin1Char('.'));
    if (parts.size() != 4)
        return std::nullopt;
    uint32_t a = 0;
    for (const QString &part : parts) {
        bool ok = !part.isEmpty() && part.size() <= 3;
        for (const QChar c : part)
            ok = ok && c >= QLatin1Char('0') && c <= QLatin1Char('9');
        const uint v = ok ? part.toUInt() : 256;
        if (v > 255)
            return std::nullopt;
        a = (a << 8) | v;
    }
    return a;
}

std::optional<Ipv6> parseIpv6(const QString &text)
{
    const qsizetype gap = text.indexOf(QStringLiteral("::"));
    if (gap >= 0 && text.indexOf(QStringLiteral("::"), gap + 1) >= 0)
        return std::nullopt;
    auto groups = [](const QString &s, std::vector<unsigned> &out) {
        if (s.isEmpty())
            return true;
        for (const QString &g : s.split(QLatin1Char(':'))) {
            bool ok = !g.isEmpty() && g.size() <= 4;
            for (const QChar c : g)
                ok = ok && ((c >= QLatin1Char('0') && c <= QLatin1Char('9')) ||
                            (c.toLower() >= QLatin1Char('a') && c.toLower() <= QLatin1Char('f')));
            if (!ok)
                return false;
            const uint v = g.toUInt(nullptr, 16);
            out.push_back(v);
        }
        return true;
    };
    std::vector<unsigned> head, tail;
    if (gap < 0) {
        if (!groups(text, head) || head.size() != 8)
            return std::nullopt;
    } else if (!groups(text.left(gap), head) || !groups(text.mid(gap + 2), tail) ||
               head.size() + tail.size() > 7) {
        return std::nullopt;
    }
    head.resize(8 - tail.size(), 0);
    head.insert(head.end(), tail.begin(), tail.end());
    Ipv6 a;
    for (int i = 0; i < 4; ++i) {
        a.hi = (a.hi << 16) | head[size_t(i)];
        a.lo = (a.lo << 16) | head[size_t(i + 4)];
    }
    return a;
}

size_t formatIpv4(uint32_t a, char *out)
{
    char *p = out;
    for (int shift = 24; shift >= 0; shift -= 8) {
        p = formatInt(p, int64_t((a >> shift) & 0xFF));
        if (shift)
            *p++ = '.';
    }
    return size_t(p - out);
}

size_t formatIpv6(const Ipv6 &a, char *out)
{
    unsigned g[8];
    for (int i = 0; i < 4; ++i) {
        g[i] = unsigned(a.hi >> (48 - 16 * i)) & 0xFFFF;
        g[i + 4] = unsigned(a.lo >> (48 - 16 * i)) & 0xFFFF;
    }
    int bestStart = -1, bestLength = 1; // runs of one zero group stay as "0"
    for (int i = 0; i < 8;) {
        int j = i;
        while (j < 8 && g[j] == 0)
            ++j;
        if (j - i > bestLength) {
            bestStart = i;
            bestLength = j - i;
        }
        i = j == i ? i + 1 : j;
    }
    char *p = out;
    for (int i = 0; i < 8; ++i) {
        if (i == bestStart) {
            *p++ = ':';
            if (i == 0)
                *p++ = ':';
            i += bestLength - 1;
            continue;
        }
        p = writeHexGroup(p, g[i]);
        if (i < 7)
            *p++ = ':';
    }
    return size_t(p - out);
}

bool NetworkSpec::read(ParamReader &params, int fam)
{
    family = fam;
    if (family == 0)
        return true;
    withPrefix = params.boolean(QStringLiteral("withPrefix"), false);
    const QString fallback = family == 4 ? QStringLiteral("0.0.0.0/0") : QStringLiteral("2000::/3");
    const QString cidr = params.string(QStringLiteral("cidr"), fallback);
    const qsizetype slash = cidr.indexOf(QLatin1Char('/'));
    const QString address = slash < 0 ? cidr : cidr.left(slash);
    const QString bits = slash > 0 ? cidr.mid(slash + 1) : QString();
    bool ok = !bits.isEmpty() && bits.size() <= 3;
    for (const QChar c : bits)
        ok = ok && c >= QLatin1Char('0') && c <= QLatin1Char('9');
    prefix = ok ? bits.toInt() : 0;
    ok = ok && prefix >= 0 && prefix <= (family == 4 ? 32 : 128);
    if (ok && family == 4) {
        const auto v4 = parseIpv4(address);
        ok = v4.has_value();
        base.lo = v4.value_or(0);
    } else if (ok) {
        const auto v6 = parseIpv6(address);
        ok = v6.has_value();
        base = v6.value_or(Ipv6{});
    }
    if (!ok)
        params.error(QStringLiteral("cidr"),
                     QStringLiteral("'%1' is not an IPv%2 CIDR block: write it like %3")
                         .arg(cidr, QString::number(family),
                              family == 4 ? QStringLiteral("\"10.20.0.0/16\"")
                                          : QStringLiteral("\"2001:db8::/32\"")));
    return ok;
}

size_t NetworkSpec::write(const RandomStream &rng, uint64_t row, char *out) const
{
    const uint64_t r = rng.draw(row, 0);
    if (family == 0) { // unicast, globally unique (both low bits of the first octet clear)
        char *p = out;
        for (int i = 0; i < 6; ++i) {
            unsigned byte = unsigned(r >> (8 * i)) & 0xFF;
            if (i == 0)
                byte &= 0xFC;
            if (i)
                *p++ = ':';
            *p++ = kHex[byte >> 4];
            *p++ = kHex[byte & 0xF];
        }
        return size_t(p - out);
    }
    size_t n = 0;
    if (family == 4) {
        const uint32_t mask = prefix == 0 ? 0 : ~uint32_t(0) << (32 - prefix);
        uint32_t a = (uint32_t(base.lo) & mask) | (uint32_t(r) & ~mask);
        if (prefix == 0) // the whole space: first octets 1..223 (no 0/8, multicast, reserved)
            a = (uint32_t(1 + (r >> 32) % 223) << 24) | (uint32_t(r) & 0xFFFFFF);
        n = formatIpv4(a, out);
    } else {
        const uint64_t r2 = rng.draw(row, 1);
        const int hiBits = std::min(prefix, 64), loBits = std::max(prefix - 64, 0);
        const uint64_t hiMask = hiBits == 0 ? 0 : ~uint64_t(0) << (64 - hiBits);
        const uint64_t loMask = loBits == 0 ? 0 : ~uint64_t(0) << (64 - loBits);
        const Ipv6 a{(base.hi & hiMask) | (r & ~hiMask), (base.lo & loMask) | (r2 & ~loMask)};
        n = formatIpv6(a, out);
    }
    if (withPrefix) {
        out[n++] = '/';
        n = size_t(formatInt(out + n, family == 4 ? 32 : 128) - out);
    }
    return n;
}

const QStringList &CardBrands::names()
{
    static const QStringList list = [] {
        QStringList l;
        for (const Brand &b : kBrands)
            l.append(QLatin1String(b.name));
        return l;
    }();
    return list;
}

bool CardBrands::select(const QStringList &brands, QString *problem)
{
    const QStringList &all = names();
    double sum = 0;
    for (int i = 0; i < int(all.size()); ++i) {
        if (!brands.isEmpty() && !brands.contains(all[i]))
            continue;
        m_brands.push_back(i);
        sum += kBrands[i].share;
        m_cumulative.push_back(sum);
    }
    for (const QString &b : brands) {
        if (!all.contains(b)) {
            *problem = QStringLiteral("unknown card brand '%1': use %2")
                           .arg(b, all.join(QStringLiteral(", ")));
            return false;
        }
    }
    for (double &c : m_cumulative)
        c /= sum;
    return true;
}

int luhnCheckDigit(const char *digits, size_t n)
{
    // From the right, every second digit starting next to the check digit is doubled (and
    // 9 taken off when that makes two digits).
    static constexpr int doubled[10] = {0, 2, 4, 6, 8, 1, 3, 5, 7, 9};
    int sum = 0;
    size_t k = n;
    while (k >= 2) {
        sum += doubled[digits[k - 1] - '0'] + (digits[k - 2] - '0');
        k -= 2;
    }
    if (k == 1)
        sum += doubled[digits[0] - '0'];
    return (10 - sum % 10) % 10;
}

size_t CardBrands::write(const RandomStream &rng, uint64_t row, bool spaced, char *out) const
{
    // One draw picks the brand (top 53 bits) and its prefix (low 16 bits), a second one the
    // random middle as a number below 10^digits.
    const uint64_t r = rng.draw(row, 0);
    const double u = double(r >> 11) * 0x1.0p-53;
    size_t pick = 0;
    while (pick + 1 < m_cumulative.size() && u >= m_cumulative[pick])
        ++pick;
    const Brand &brand = kBrands[m_brands[pick]];
    int prefixes = 0;
    while (prefixes < 6 && brand.prefixes[prefixes])
        ++prefixes;
    const char *prefix = brand.prefixes[(r & 0xFFFF) % uint64_t(prefixes)];
    char buffer[32];
    char *digits = spaced ? buffer : out; // unspaced: written in place
    size_t n = 0;
    while (prefix[n]) {
        digits[n] = prefix[n];
        ++n;
    }
    const size_t body = size_t(brand.length - 1) - n; // at most 15 digits
    const uint64_t v =
        uint64_t((static_cast<unsigned __int128>(rng.draw(row, 1)) * kPowersOf10[body]) >> 64);
    // Two independent halves, two digits a step: short dependency chains.
    const size_t low = std::min<size_t>(body, 8);
    writeDigitPairs(digits + n + body, v % 100000000, low);
    writeDigitPairs(digits + n + body - low, v / 100000000, body - low);
    n += body;
    digits[n] = char('0' + luhnCheckDigit(digits, n));
    ++n;
    if (!spaced)
        return n;
    // 4-4-4-4, or 4-6-5 for 15-digit cards.
    const int groups15[] = {4, 6, 5}, groups16[] = {4, 4, 4, 4};
    const int *groups = n == 15 ? groups15 : groups16;
    const int count = n == 15 ? 3 : 4;
    char *p = out;
    size_t at = 0;
    for (int g = 0; g < count; ++g) {
        if (g)
            *p++ = ' ';
        std::memcpy(p, digits + at, size_t(groups[g]));
        p += groups[g];
        at += size_t(groups[g]);
    }
    return size_t(p - out);
}

} // namespace spillway
