#pragma once

// Quantities as users type them and read them: one grammar and one way of printing, shared by
// the CLI's flags and progress line, the GUI's run settings and dashboard, run records, `runs
// compare` and the HTML report, so that a figure reads the same wherever it appears.
//
// Typing (parseCount, parseByteSize):
//   - digits, optionally grouped with '_' or ',' (1_000_000, 1,000,000), a decimal part and an
//     exponent (1e6, 2.5e3), then an optional suffix; spaces around are ignored;
//   - counts (rows, records): K, M, G, T are powers of 1000 (10M = 10,000,000); a count must be a
//     whole number after scaling (1.5k = 1500; 1.2345k is refused);
//   - sizes (bytes): K, M, G, T are powers of 1024, written K, KB or KiB alike (64K = 64KiB =
//     65,536), since sizes are what buffers, splits and chunks are measured in; B alone is bytes.
// Printing:
//   - formatCount: compact (999, 12.3k, 1.23M, 4.50G); formatNumber: every digit, grouped
//     (1,234,567; three significant decimals below 10);
//   - formatBytes: binary units matching what parseByteSize reads back (512 B, 64.0 KiB,
//     1.50 GiB); formatByteRate: throughput in decimal megabytes per second (123.4 MB/s), as
//     disk and network tools and our benchmarks report it;
//   - formatDuration: 4.2 s, 42 s, 1:02, 1:02:03 (negative: unknown).

#include <QString>

#include <cstdint>
#include <optional>

namespace spillway {

std::optional<uint64_t> parseCount(const QString &text);
std::optional<uint64_t> parseByteSize(const QString &text);

QString formatCount(double value);
QString formatNumber(double value);
QString formatBytes(double bytes);
QString formatByteRate(double bytesPerSecond);
QString formatDuration(double seconds);

} // namespace spillway
