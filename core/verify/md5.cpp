#include "verify/md5.h"

#include <cstring>

namespace spillway {
namespace {

constexpr uint32_t kSine[64] = {
    0xd76aa478, 0xe8c7b756, 0x242070db, 0xc1bdceee, 0xf57c0faf, 0x4787c62a, 0xa8304613, 0xfd469501,
    0x698098d8, 0x8b44f7af, 0xffff5bb1, 0x895cd7be, 0x6b901122, 0xfd987193, 0xa679438e, 0x49b40821,
    0xf61e2562, 0xc040b340, 0x265e5a51, 0xe9b6c7aa, 0xd62f105d, 0x02441453, 0xd8a1e681, 0xe7d3fbc8,
    0x21e1cde6, 0xc33707d6, 0xf4d50d87, 0x455a14ed, 0xa9e3e905, 0xfcefa3f8, 0x676f02d9, 0x8d2a4c8a,
    0xfffa3942, 0x8771f681, 0x6d9d6122, 0xfde5380c, 0xa4beea44, 0x4bdecfa9, 0xf6bb4b60, 0xbebfbc70,
    0x289b7ec6, 0xeaa127fa, 0xd4ef3085, 0x04881d05, 0xd9d4d039, 0xe6db99e5, 0x1fa27cf8, 0xc4ac5665,
    0xf4292244, 0x432aff97, 0xab9423a7, 0xfc93a039, 0x655b59c3, 0x8f0ccc92, 0xffeff47d, 0x85845dd1,
    0x6fa87e4f, 0xfe2ce6e0, 0xa3014314, 0x4e0811a1, 0xf7537e82, 0xbd3af235, 0x2ad7d2bb, 0xeb86d391};

inline uint32_t rotl(uint32_t x, int c)
{
    return (x << c) | (x >> (32 - c));
}

inline uint32_t load32(const unsigned char *p)
{
    return uint32_t(p[0]) | uint32_t(p[1]) << 8 | uint32_t(p[2]) << 16 | uint32_t(p[3]) << 24;
}

#define SPILLWAY_MD5_STEP(f, a, b, c, d, k, s, i) a = b + rotl(a + (f) + m[k] + kSine[i], s)

void compress(uint32_t h[4], const unsigned char *block)
{
    uint32_t m[16];
    for (int i = 0; i < 16; ++i)
        m[i] = load32(block + 4 * i);
    uint32_t a = h[0], b = h[1], c = h[2], d = h[3];
    for (int i = 0; i < 16; i += 4) {
        SPILLWAY_MD5_STEP(d ^ (b & (c ^ d)), a, b, c, d, i, 7, i);
        SPILLWAY_MD5_STEP(c ^ (a & (b ^ c)), d, a, b, c, i + 1, 12, i + 1);
        SPILLWAY_MD5_STEP(b ^ (d & (a ^ b)), c, d, a, b, i + 2, 17, i + 2);
        SPILLWAY_MD5_STEP(a ^ (c & (d ^ a)), b, c, d, a, i + 3, 22, i + 3);
    }
    for (int i = 16; i < 32; i += 4) {
        SPILLWAY_MD5_STEP(c ^ (d & (b ^ c)), a, b, c, d, (5 * i + 1) % 16, 5, i);
        SPILLWAY_MD5_STEP(b ^ (c & (a ^ b)), d, a, b, c, (5 * i + 6) % 16, 9, i + 1);
        SPILLWAY_MD5_STEP(a ^ (b & (d ^ a)), c, d, a, b, (5 * i + 11) % 16, 14, i + 2);
        SPILLWAY_MD5_STEP(d ^ (a & (c ^ d)), b, c, d, a, (5 * i + 16) % 16, 20, i + 3);
    }
    for (int i = 32; i < 48; i += 4) {
        SPILLWAY_MD5_STEP(b ^ c ^ d, a, b, c, d, (3 * i + 5) % 16, 4, i);
        SPILLWAY_MD5_STEP(a ^ b ^ c, d, a, b, c, (3 * i + 8) % 16, 11, i + 1);
        SPILLWAY_MD5_STEP(d ^ a ^ b, c, d, a, b, (3 * i + 11) % 16, 16, i + 2);
        SPILLWAY_MD5_STEP(c ^ d ^ a, b, c, d, a, (3 * i + 14) % 16, 23, i + 3);
    }
    for (int i = 48; i < 64; i += 4) {
        SPILLWAY_MD5_STEP(c ^ (b | ~d), a, b, c, d, (7 * i) % 16, 6, i);
        SPILLWAY_MD5_STEP(b ^ (a | ~c), d, a, b, c, (7 * i + 7) % 16, 10, i + 1);
        SPILLWAY_MD5_STEP(a ^ (d | ~b), c, d, a, b, (7 * i + 14) % 16, 15, i + 2);
        SPILLWAY_MD5_STEP(d ^ (c | ~a), b, c, d, a, (7 * i + 21) % 16, 21, i + 3);
    }
    h[0] += a;
    h[1] += b;
    h[2] += c;
    h[3] += d;
}

#undef SPILLWAY_MD5_STEP

void digest(std::string_view data, uint32_t h[4])
{
    h[0] = 0x67452301;
    h[1] = 0xefcdab89;
    h[2] = 0x98badcfe;
    h[3] = 0x10325476;
    const auto *p = reinterpret_cast<const unsigned char *>(data.data());
    size_t n = data.size();
    for (; n >= 64; n -= 64, p += 64)
        compress(h, p);
    // The tail, the 0x80 marker, zeros and the bit length: one block, or two past 55 bytes.
    unsigned char tail[128] = {};
    std::memcpy(tail, p, n);
    tail[n] = 0x80;
    const size_t blocks = n < 56 ? 1 : 2;
    const uint64_t bits = uint64_t(data.size()) * 8;
    for (int i = 0; i < 8; ++i)
        tail[blocks * 64 - 8 + size_t(i)] = uint8_t(bits >> (8 * i));
    compress(h, tail);
    if (blocks == 2)
        compress(h, tail + 64);
}

} // namespace

std::array<uint8_t, 16> md5(std::string_view data)
{
    uint32_t h[4];
    digest(data, h);
    std::array<uint8_t, 16> out{};
    for (int i = 0; i < 16; ++i)
        out[size_t(i)] = uint8_t(h[i / 4] >> (8 * (i % 4)));
    return out;
}

uint32_t md5Prefix32(std::string_view data)
{
    uint32_t h[4];
    digest(data, h);
    return __builtin_bswap32(h[0]);
}

} // namespace spillway
