#pragma once

// MD5 (RFC 1321) for verification checksums: PostgreSQL's md5() is the one digest every server
// has, so both sides of `verify` hash values with it. Not for security. Allocation-free and
// fast on the short texts of column values (one 64-byte block up to 55 bytes).

#include <array>
#include <cstdint>
#include <string_view>

namespace spillway {

std::array<uint8_t, 16> md5(std::string_view data);
// The first 32 bits of md5(data), as the number its first eight hex digits spell: what
// PostgreSQL computes as ('x' || substr(md5(t), 1, 8))::bit(32)::bigint.
uint32_t md5Prefix32(std::string_view data);

} // namespace spillway
