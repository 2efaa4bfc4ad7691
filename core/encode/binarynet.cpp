#include "encode/binarynet.h"

#include "base/nettext.h"
#include "encode/binaryconvert.h"

#include <QString>

#include <charconv>
#include <cstring>

namespace spillway {

namespace {

constexpr char kPgsqlAfInet = 2; // PostgreSQL's own family codes (utils/inet.h)
constexpr char kPgsqlAfInet6 = 3;

bool number(std::string_view &s, int64_t &out)
{
    const auto r = std::from_chars(s.data(), s.data() + s.size(), out);
    if (r.ec != std::errc())
        return false;
    s.remove_prefix(size_t(r.ptr - s.data()));
    return true;
}

bool consume(std::string_view &s, std::string_view word)
{
    if (s.substr(0, word.size()) != word)
        return false;
    s.remove_prefix(word.size());
    return true;
}

// Seconds with up to six decimals, as microseconds.
bool seconds(std::string_view &s, int64_t &micros)
{
    int64_t whole = 0;
    if (!number(s, whole))
        return false;
    micros = whole * 1000000;
    if (consume(s, ".")) {
        int64_t scale = 100000;
        while (!s.empty() && s.front() >= '0' && s.front() <= '9') {
            micros += (s.front() - '0') * scale;
            scale /= 10;
            s.remove_prefix(1);
        }
    }
    return true;
}

// "[N day[s]] [HH:MM:SS[.ffffff]]", as PostgreSQL prints intervals under a month.
bool postgresInterval(std::string_view s, int64_t &days, int64_t &micros)
{
    int64_t n = 0;
    std::string_view rest = s;
    if (number(rest, n) && (consume(rest, " days") || consume(rest, " day"))) {
        days = n;
        s = rest;
        if (s.empty())
            return true;
        if (!consume(s, " "))
            return false;
    }
    int64_t h = 0, m = 0, sec = 0;
    if (!number(s, h) || !consume(s, ":") || !number(s, m) || !consume(s, ":") || !seconds(s, sec))
        return false;
    micros = (h * 60 + m) * 60000000 + sec;
    return s.empty();
}

// ISO 8601 "P[nD][T[nH][nM][n[.f]S]]".
bool isoInterval(std::string_view s, int64_t &days, int64_t &micros)
{
    if (!consume(s, "P"))
        return false;
    int64_t n = 0;
    std::string_view rest = s;
    if (number(rest, n) && consume(rest, "D")) {
        days = n;
        s = rest;
    }
    if (s.empty())
        return true;
    if (!consume(s, "T"))
        return false;
    const std::pair<char, int64_t> units[] = {{'H', 3600000000LL}, {'M', 60000000LL}};
    for (const auto &[letter, scale] : units) {
        rest = s;
        if (number(rest, n) && consume(rest, std::string_view(&letter, 1))) {
            micros += n * scale;
            s = rest;
        }
    }
    int64_t sec = 0;
    if (!s.empty() && (!seconds(s, sec) || !consume(s, "S")))
        return false;
    micros += sec;
    return s.empty();
}

} // namespace

char *putInetText(char *p, std::string_view text, bool cidr, const char *&why)
{
    const size_t slash = text.find('/');
    const QString address =
        QString::fromLatin1(text.substr(0, slash).data(), qsizetype(text.substr(0, slash).size()));
    int64_t bits = -1;
    if (slash != std::string_view::npos) {
        std::string_view b = text.substr(slash + 1);
        if (!number(b, bits) || !b.empty())
            bits = -2;
    }
    char *q = p + 4;
    if (const auto v4 = parseIpv4(address)) {
        if (bits == -1)
            bits = 32;
        *q++ = kPgsqlAfInet;
        *q++ = char(bits);
        *q++ = char(cidr);
        *q++ = 4;
        q = putBE32(q, *v4);
        if (bits >= 0 && bits <= 32) {
            putBE32(p, uint32_t(q - p - 4));
            return q;
        }
    } else if (const auto v6 = parseIpv6(address)) {
        if (bits == -1)
            bits = 128;
        *q++ = kPgsqlAfInet6;
        *q++ = char(bits);
        *q++ = char(cidr);
        *q++ = 16;
        q = putBE64(putBE64(q, v6->hi), v6->lo);
        if (bits >= 0 && bits <= 128) {
            putBE32(p, uint32_t(q - p - 4));
            return q;
        }
    }
    why = "is not an IPv4 or IPv6 address (with an optional /prefix)";
    return nullptr;
}

char *putMacaddrText(char *p, std::string_view text, const char *&why)
{
    char *q = putBE32(p, 6);
    for (int i = 0; i < 6; ++i) {
        unsigned byte = 0;
        const auto r = std::from_chars(text.data() + 3 * i, text.data() + 3 * i + 2, byte, 16);
        if (text.size() != 17 || r.ptr != text.data() + 3 * i + 2 ||
            (i < 5 && text[size_t(3 * i + 2)] != ':')) {
            why = "is not a MAC address written xx:xx:xx:xx:xx:xx";
            return nullptr;
        }
        *q++ = char(byte);
    }
    return q;
}

char *putIntervalText(char *p, std::string_view text, const char *&why)
{
    int64_t days = 0, micros = 0;
    if (!postgresInterval(text, days, micros) && !isoInterval(text, days = 0, micros = 0)) {
        why = "is not an interval written \"N days HH:MM:SS\" or ISO 8601 \"PnDTnHnMnS\"";
        return nullptr;
    }
    return putBE32(putBE32(putBE64(putBE32(p, 16), uint64_t(micros)), uint32_t(days)), 0);
}

char *putPointText(char *p, std::string_view text, const char *&why)
{
    double x = 0, y = 0;
    const char *end = text.data() + text.size();
    if (text.size() >= 5 && text.front() == '(' && text.back() == ')') {
        const auto rx = std::from_chars(text.data() + 1, end - 1, x);
        if (rx.ec == std::errc() && *rx.ptr == ',') {
            const auto ry = std::from_chars(rx.ptr + 1, end - 1, y);
            if (ry.ec == std::errc() && ry.ptr == end - 1) {
                uint64_t bx, by;
                std::memcpy(&bx, &x, 8);
                std::memcpy(&by, &y, 8);
                return putBE64(putBE64(putBE32(p, 16), bx), by);
            }
        }
    }
    why = "is not a point written (x,y)";
    return nullptr;
}

} // namespace spillway
