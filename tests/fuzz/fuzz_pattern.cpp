// Fuzz target: the pattern generator's parser (core/generators/pattern.*). The first byte picks
// maxRepeat, the rest is the pattern (UTF-8). A pattern that parses must write strings no
// longer than maxLength() that the same regular expression (PCRE, through QRegularExpression)
// matches, and, when it claims to enumerate, distinct strings for distinct indexes.

#include "generators/pattern.h"

#include <QHashFunctions>
#include <QRegularExpression>
#include <QSet>

#include <cstdio>
#include <cstdlib>
#include <memory>

using namespace spillway;

namespace {

constexpr size_t kMaxInput = 4096;
constexpr uint64_t kRows = 4;
constexpr uint64_t kIndexes = 32;

void check(bool condition, const char *what, const QString &pattern, const QByteArray &value)
{
    if (!condition) {
        std::fprintf(stderr, "fuzz_pattern: check failed: %s\npattern: %s\nvalue: %s\n", what,
                     pattern.toUtf8().constData(), value.toHex().constData());
        std::abort();
    }
}

// Generates into a buffer of exactly maxLength() bytes, so that ASan sees any write past it.
QByteArray generated(const Pattern &pattern, uint64_t row, bool enumerate)
{
    const size_t bound = pattern.maxLength();
    std::unique_ptr<char[]> buffer(new char[bound == 0 ? 1 : bound]);
    const size_t n = enumerate ? pattern.enumerate(row, buffer.get())
                               : pattern.generate(RandomStream(0x5eed), row, buffer.get());
    check(n <= bound, "a string is at most maxLength() bytes", QString(), QByteArray());
    return QByteArray(buffer.get(), qsizetype(n));
}

void checkEnumeration(const Pattern &pattern, const QString &text)
{
    const auto cardinality = pattern.cardinality();
    check(cardinality.has_value(), "an enumerable pattern has a cardinality", text, QByteArray());
    const uint64_t count = std::min<uint64_t>(*cardinality, kIndexes);
    QSet<QByteArray> seen;
    for (uint64_t i = 0; i < count; ++i) {
        // The first indexes and the last ones: mixed-radix carries happen at both ends.
        const uint64_t index = i < count / 2 ? i : *cardinality - 1 - (i - count / 2);
        const QByteArray value = generated(pattern, index, true);
        Arena arena(64);
        const std::string_view viaArena = pattern.enumerate(index, arena);
        check(QByteArray(viaArena.data(), qsizetype(viaArena.size())) == value,
              "enumerate() writes the same into a buffer and into an arena", text, value);
        check(!seen.contains(value), "enumerate() is injective", text, value);
        seen.insert(value);
    }
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int *, char ***)
{
    QHashSeed::setDeterministicGlobalSeed();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1 || size > kMaxInput)
        return 0;
    const int maxRepeat = 1 + data[0] % 16;
    const QString text =
        QString::fromUtf8(reinterpret_cast<const char *>(data + 1), qsizetype(size - 1));
    const PatternParseResult parsed = Pattern::parse(text, maxRepeat);
    if (!parsed.pattern) {
        check(!parsed.error.isEmpty() && parsed.offset >= 0, "a refused pattern says where", text,
              QByteArray());
        return 0;
    }
    const Pattern &pattern = *parsed.pattern;
    const QRegularExpression regex(QStringLiteral("\\A(?:%1)\\z").arg(text),
                                   QRegularExpression::DotMatchesEverythingOption);
    // Where PCRE reads the text otherwise: before 10.43 (Debian 12 has 10.42) "{,m}" is
    // literal text, not {0,m}; and "a++" is possessive in PCRE, a repeated a+ for the pattern
    // (which generates strings a possessive quantifier refuses to match: "\\w++2").
    // Counts of two digits or more over groups that may match empty ("(|a){222}") send PCRE
    // into exponential backtracking, whose limit reads as "no match".
    static const QRegularExpression possessive(QStringLiteral("[*+?}]\\+"));
    static const QRegularExpression bigCount(QStringLiteral("\\{\\d*,?\\d\\d"));
    const bool comparable = regex.isValid() && !text.contains(QLatin1String("{,")) &&
                            !text.contains(possessive) && !text.contains(bigCount);
    for (uint64_t row = 0; row < kRows; ++row) {
        const QByteArray value = generated(pattern, row, false);
        Arena arena(64);
        const std::string_view viaArena = pattern.generate(RandomStream(0x5eed), row, arena);
        check(QByteArray(viaArena.data(), qsizetype(viaArena.size())) == value,
              "generate() writes the same into a buffer and into an arena", text, value);
        // Longer strings can exhaust PCRE's backtracking limits, which reads as "no match".
        if (comparable && value.size() <= 256 && !value.contains('\0'))
            check(regex.match(QString::fromUtf8(value)).hasMatch(),
                  "the regular expression matches what the pattern generates", text, value);
    }
    if (pattern.canEnumerate())
        checkEnumeration(pattern, text);
    return 0;
}
