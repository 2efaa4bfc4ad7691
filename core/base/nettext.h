#pragma once

// Network addresses and card numbers as text: IPv4 dotted quads, IPv6 in the RFC 5952
// canonical form, MAC addresses, and Luhn-valid card numbers of the major brands.

#include "base/params.h"
#include "base/random.h"

#include <QString>
#include <QStringList>

#include <cstddef>
#include <optional>
#include <vector>

namespace spillway {

struct Ipv6
{
    uint64_t hi = 0, lo = 0;
};

// "2001:db8::1" and the like (no zone, no embedded IPv4); nothing when malformed.
std::optional<Ipv6> parseIpv6(const QString &text);
std::optional<uint32_t> parseIpv4(const QString &text);
// RFC 5952: lower-case hex, no leading zeros, the longest run of two or more zero groups as
// "::". Needs 40 bytes.
size_t formatIpv6(const Ipv6 &a, char *out);
size_t formatIpv4(uint32_t a, char *out);

// What an ipv4, ipv6 or mac column makes: addresses in a CIDR block (or the default space),
// with or without the "/prefix" suffix.
struct NetworkSpec
{
    int family = 4; // 4, 6, or 0 for MAC addresses
    int prefix = 0; // bits fixed by the block
    Ipv6 base;      // IPv4 in lo's low 32 bits
    bool withPrefix = false;

    // Reads "cidr" and "withPrefix"; reports problems and returns false.
    bool read(ParamReader &params, int family);
    // Writes one address at out (64 bytes).
    size_t write(const RandomStream &rng, uint64_t row, char *out) const;
};

class CardBrands
{
public:
    static const QStringList &names(); // visa, mastercard, amex, discover

    // Selects brands by name (all, weighted by market share, when empty).
    bool select(const QStringList &brands, QString *problem);
    // A card number of a brand picked by the row: prefix, random digits, Luhn check digit.
    size_t write(const RandomStream &rng, uint64_t row, bool spaced, char *out) const;

private:
    std::vector<int> m_brands;
    std::vector<double> m_cumulative;
};

// The Luhn check digit for the digits before it.
int luhnCheckDigit(const char *digits, size_t n);

} // namespace spillway
