#include "generators/pattern.h"

#include <QList>

#include <bitset>
#include <cstring>

namespace spillway {

namespace {

constexpr int kMaxDepth = Pattern::kMaxDepth;
constexpr uint64_t kInfinite = Pattern::kInfinite;

enum class AtomKind { Literal, Class, Group };

struct ParsedSeq;
struct ParsedItem
{
    AtomKind kind = AtomKind::Literal;
    std::string bytes; // literal UTF-8, or class members (ASCII, ascending)
    std::vector<ParsedSeq> alternatives;
    uint32_t min = 1;
    uint32_t max = 1;
};
struct ParsedSeq
{
    std::vector<ParsedItem> items;
};

using CharSet = std::bitset<128>;

CharSet span(char lo, char hi)
{
    CharSet set;
    for (int c = lo; c <= hi; ++c)
        set.set(size_t(c));
    return set;
}

std::string members(const CharSet &set)
{
    std::string chars;
    for (size_t c = 0; c < set.size(); ++c) {
        if (set.test(c))
            chars += char(c);
    }
    return chars;
}

// Encoded by hand: QString::fromUcs4 would take a lone U+FEFF for a byte-order mark and drop it.
void appendUtf8(std::string &out, char32_t c)
{
    if ((c >= 0xD800 && c <= 0xDFFF) || c > 0x10FFFF)
        c = 0xFFFD; // not a character: the replacement character, as Qt writes it
    if (c < 0x80) {
        out += char(c);
    } else if (c < 0x800) {
        out += char(0xC0 | (c >> 6));
        out += char(0x80 | (c & 0x3F));
    } else if (c < 0x10000) {
        out += char(0xE0 | (c >> 12));
        out += char(0x80 | ((c >> 6) & 0x3F));
        out += char(0x80 | (c & 0x3F));
    } else {
        out += char(0xF0 | (c >> 18));
        out += char(0x80 | ((c >> 12) & 0x3F));
        out += char(0x80 | ((c >> 6) & 0x3F));
        out += char(0x80 | (c & 0x3F));
    }
}

uint64_t satAdd(uint64_t a, uint64_t b)
{
    return a > kInfinite - b ? kInfinite : a + b;
}

uint64_t satMul(uint64_t a, uint64_t b)
{
    return Pattern::saturatingMul(a, b);
}

// Recursive descent over the pattern's code points. Errors carry the offending character's
// offset and say what to do.
class PatternParser
{
public:
    PatternParser(const QString &text, int maxRepeat)
        : m_text(text.toUcs4())
        , m_maxRepeat(uint32_t(maxRepeat))
    {}

    bool parse(std::vector<ParsedSeq> &alternatives);
    const QString &error() const { return m_error; }
    int offset() const { return m_offset; }

private:
    enum class Braces { NotQuantifier, Quantifier };

    bool fail(size_t at, const QString &message)
    {
        m_offset = int(at);
        m_error = message.arg(at + 1);
        return false;
    }
    QString show(char32_t c) const { return QString::fromUcs4(&c, 1); }
    bool atEnd() const { return m_pos >= m_end; }
    char32_t peek(size_t ahead = 0) const
    {
        return m_pos + ahead < m_end ? m_text[qsizetype(m_pos + ahead)] : 0;
    }
    bool isQuantifierAt(size_t at) const;
    Braces braces(size_t at, uint64_t &min, uint64_t &max, bool &open, size_t &next) const;

    bool parseAlternatives(std::vector<ParsedSeq> &alternatives, int depth);
    bool parseSequence(ParsedSeq &seq, int depth);
    bool parseAtom(ParsedItem &item, int depth);
    bool parseGroup(ParsedItem &item, size_t at, int depth);
    bool parseClass(ParsedItem &item, size_t at);
    bool parseClassMember(CharSet &set, char32_t &single, bool &isSet);
    bool parseEscape(char32_t e, size_t at, char32_t &literal, CharSet *set);
    bool parseHex(size_t at, char32_t &value);
    bool parseQuantifier(ParsedItem &item);

    QList<uint> m_text;
    uint32_t m_maxRepeat;
    size_t m_pos = 0;
    size_t m_end = 0;
    QString m_error;
    int m_offset = -1;
};

bool PatternParser::parse(std::vector<ParsedSeq> &alternatives)
{
    // A value always matches the whole pattern, so a leading ^ and a trailing $ change nothing.
    size_t start = 0;
    size_t end = size_t(m_text.size());
    if (end > 0 && m_text[0] == '^')
        start = 1;
    if (end > start && m_text[qsizetype(end - 1)] == '$') {
        size_t slashes = 0;
        while (end - 1 - slashes > start && m_text[qsizetype(end - 2 - slashes)] == '\\')
            ++slashes;
        if (slashes % 2 == 0)
            --end;
    }
    // A backslash always takes the next character, so a lone one can only be the last.
    size_t slashes = 0;
    while (slashes < end - start && m_text[qsizetype(end - 1 - slashes)] == '\\')
        ++slashes;
    if (slashes % 2)
        return fail(end - 1, QStringLiteral("the pattern ends with a lone backslash at character "
                                            "%1: write '\\\\' for a literal backslash"));
    if (const qsizetype nul = m_text.indexOf(0); nul >= 0)
        return fail(size_t(nul), QStringLiteral("the pattern holds a NUL character at character "
                                                "%1, which PostgreSQL text cannot store: remove "
                                                "it"));
    m_pos = start;
    m_end = end;
    if (!parseAlternatives(alternatives, 0))
        return false;
    if (!atEnd())
        return fail(m_pos, QStringLiteral("unmatched ')' at character %1: remove it, or escape it "
                                          "as '\\)' for a literal parenthesis"));
    return true;
}

bool PatternParser::isQuantifierAt(size_t at) const
{
    if (at >= m_end)
        return false;
    const char32_t c = m_text[qsizetype(at)];
    uint64_t min, max;
    bool open;
    size_t next;
    return c == '*' || c == '+' || c == '?' ||
           (c == '{' && braces(at, min, max, open, next) == Braces::Quantifier);
}

// {n}, {n,}, {n,m} or {,m}; anything else is a literal '{', as in PCRE.
PatternParser::Braces PatternParser::braces(size_t at, uint64_t &min, uint64_t &max, bool &open,
                                            size_t &next) const
{
    auto number = [&](size_t &i, uint64_t &value) {
        const size_t first = i;
        value = 0;
        while (i < m_end && m_text[qsizetype(i)] >= '0' && m_text[qsizetype(i)] <= '9') {
            value = std::min<uint64_t>(value * 10 + (m_text[qsizetype(i)] - '0'), 1u << 30);
            ++i;
        }
        return i > first;
    };
    size_t i = at + 1;
    const bool hasMin = number(i, min);
    if (!hasMin)
        min = 0;
    open = false;
    max = min;
    if (i < m_end && m_text[qsizetype(i)] == ',') {
        ++i;
        open = !number(i, max);
        if (open && !hasMin)
            return Braces::NotQuantifier; // "{,}"
    } else if (!hasMin) {
        return Braces::NotQuantifier;
    }
    if (i >= m_end || m_text[qsizetype(i)] != '}')
        return Braces::NotQuantifier;
    next = i + 1;
    return Braces::Quantifier;
}

bool PatternParser::parseAlternatives(std::vector<ParsedSeq> &alternatives, int depth)
{
    alternatives.emplace_back();
    while (true) {
        if (!parseSequence(alternatives.back(), depth))
            return false;
        if (atEnd() || peek() != '|')
            return true;
        ++m_pos;
        alternatives.emplace_back();
    }
}

bool PatternParser::parseSequence(ParsedSeq &seq, int depth)
{
    while (!atEnd() && peek() != '|' && peek() != ')') {
        if (isQuantifierAt(m_pos))
            return fail(m_pos, QStringLiteral("nothing to repeat: the quantifier '%2' at character "
                                              "%1 must follow a character, class or group; "
                                              "escape it as '\\%2' for a literal")
                                   .arg(QStringLiteral("%1"), show(peek())));
        ParsedItem item;
        if (!parseAtom(item, depth) || !parseQuantifier(item))
            return false;
        // Runs of plain characters become one literal, written with one copy.
        const bool plain = item.kind == AtomKind::Literal && item.min == 1 && item.max == 1;
        if (plain && !seq.items.empty() && seq.items.back().kind == AtomKind::Literal &&
            seq.items.back().min == 1 && seq.items.back().max == 1)
            seq.items.back().bytes += item.bytes;
        else
            seq.items.push_back(std::move(item));
    }
    return true;
}

bool PatternParser::parseAtom(ParsedItem &item, int depth)
{
    const size_t at = m_pos;
    const char32_t c = m_text[qsizetype(m_pos++)];
    switch (c) {
    case '(':
        return parseGroup(item, at, depth);
    case '[':
        return parseClass(item, at);
    case '.':
        item.kind = AtomKind::Class;
        item.bytes = members(span(' ', '~'));
        return true;
    case '^':
    case '$':
        return fail(at,
                    QStringLiteral("'%2' at character %1 is an anchor, allowed only at the very "
                                   "%3 of the pattern: remove it, or escape it as '\\%2'")
                        .arg(QStringLiteral("%1"), show(c),
                             c == '^' ? QStringLiteral("start") : QStringLiteral("end")));
    case '\\': {
        CharSet set;
        char32_t literal = 0;
        if (!parseEscape(m_text[qsizetype(m_pos++)], at, literal, &set))
            return false;
        if (set.none()) {
            appendUtf8(item.bytes, literal);
            return true;
        }
        item.kind = AtomKind::Class;
        item.bytes = members(set);
        return true;
    }
    default:
        appendUtf8(item.bytes, c);
        return true;
    }
}

bool PatternParser::parseGroup(ParsedItem &item, size_t at, int depth)
{
    if (depth >= kMaxDepth)
        return fail(at, QStringLiteral("groups are nested more than 50 deep at character %1: "
                                       "simplify the pattern"));
    if (peek() == '?') {
        if (peek(1) == ':') {
            m_pos += 2;
        } else if ((peek(1) == '<' && peek(2) != '=' && peek(2) != '!') ||
                   (peek(1) == 'P' && peek(2) == '<')) {
            // A named group generates like a plain one; the name is skipped.
            while (!atEnd() && peek() != '>')
                ++m_pos;
            if (atEnd())
                return fail(at, QStringLiteral("the group name at character %1 has no closing "
                                               "'>': write (?<name>...)"));
            ++m_pos;
        } else {
            return fail(at, QStringLiteral("unsupported group '(?%2' at character %1: lookarounds, "
                                           "flags and conditionals cannot be generated; use "
                                           "(...) or (?:...)")
                                .arg(QStringLiteral("%1"), show(peek(1))));
        }
    }
    item.kind = AtomKind::Group;
    if (!parseAlternatives(item.alternatives, depth + 1))
        return false;
    if (atEnd() || peek() != ')')
        return fail(at, QStringLiteral("unclosed group: '(' at character %1 has no matching ')': "
                                       "add one, or escape it as '\\(' for a literal "
                                       "parenthesis"));
    ++m_pos;
    return true;
}

bool PatternParser::parseClass(ParsedItem &item, size_t at)
{
    const bool negate = peek() == '^';
    if (negate)
        ++m_pos;
    CharSet set;
    for (bool first = true;; first = false) {
        if (atEnd())
            return fail(at, QStringLiteral("unclosed character class: '[' at character %1 has no "
                                           "matching ']': add one, or escape it as '\\['"));
        if (peek() == ']') {
            if (first)
                return fail(m_pos, QStringLiteral("empty character class at character %1: list "
                                                  "at least one character; write '\\]' for a "
                                                  "literal ']'"));
            ++m_pos;
            break;
        }
        const size_t memberAt = m_pos;
        char32_t lo = 0;
        bool isSet = false;
        if (!parseClassMember(set, lo, isSet))
            return false;
        if (isSet)
            continue;
        if (peek() != '-' || peek(1) == ']' || m_pos + 1 >= m_end) {
            set.set(lo);
            continue;
        }
        ++m_pos; // the range's '-'
        const size_t hiAt = m_pos;
        CharSet ignored;
        char32_t hi = 0;
        if (!parseClassMember(ignored, hi, isSet))
            return false;
        if (isSet)
            return fail(hiAt, QStringLiteral("a range cannot end with a class escape (at character "
                                             "%1): list it separately, e.g. [a-z\\d]"));
        if (hi < lo)
            return fail(memberAt, QStringLiteral("reversed range '%2-%3' at character %1: write "
                                                 "the lower character first ('%3-%2')")
                                      .arg(QStringLiteral("%1"), show(lo), show(hi)));
        for (char32_t c = lo; c <= hi; ++c)
            set.set(c);
    }
    const CharSet chosen = negate ? span(' ', '~') & ~set : set;
    if (chosen.none())
        return fail(at, QStringLiteral("the negated class at character %1 excludes every "
                                       "printable ASCII character: allow at least one"));
    item.bytes = members(chosen);
    item.kind = item.bytes.size() == 1 ? AtomKind::Literal : AtomKind::Class;
    return true;
}

bool PatternParser::parseClassMember(CharSet &set, char32_t &single, bool &isSet)
{
    const size_t at = m_pos;
    char32_t c = m_text[qsizetype(m_pos++)];
    isSet = false;
    if (c == '\\') {
        CharSet escaped;
        if (!parseEscape(m_text[qsizetype(m_pos++)], at, c, &escaped))
            return false;
        if (escaped.any()) {
            set |= escaped;
            isSet = true;
            return true;
        }
    }
    if (c >= 0x80)
        return fail(at, QStringLiteral("'%2' at character %1 is not ASCII: character classes hold "
                                       "ASCII characters only; use an alternation such as (%2|e) "
                                       "instead")
                            .arg(QStringLiteral("%1"), show(c)));
    single = c;
    return true;
}

// The escape after a backslash at `at`: a class escape fills *set, anything else is a literal.
bool PatternParser::parseEscape(char32_t e, size_t at, char32_t &literal, CharSet *set)
{
    const CharSet digits = span('0', '9');
    // \s makes a plain space: tabs and newlines rarely belong in test data.
    const CharSet sets[] = {digits, digits | span('a', 'z') | span('A', 'Z') | span('_', '_'),
                            span(' ', ' ')};
    static const char kSets[] = "dws";
    static const char kControls[] = "n\nt\tr\rf\fv\v";
    for (int i = 0; i < 3; ++i) {
        if (e == char32_t(kSets[i]) || e == char32_t(kSets[i] - 'a' + 'A')) {
            *set = e == char32_t(kSets[i]) ? sets[i] : span(' ', '~') & ~sets[i];
            return true;
        }
    }
    for (int i = 0; kControls[i]; i += 2) {
        if (e == char32_t(kControls[i])) {
            literal = char32_t(kControls[i + 1]);
            return true;
        }
    }
    if (e == 'x')
        return parseHex(at, literal);
    const QString name = QLatin1Char('\\') + show(e);
    if (e == '0')
        return fail(at, QStringLiteral("'\\0' at character %1 is a NUL character, which "
                                       "PostgreSQL text cannot store: remove it"));
    if (e < 128 && std::strchr("bBAzZG", int(e)))
        return fail(at, QStringLiteral("'%2' at character %1 is an assertion, which matches a "
                                       "position rather than text: remove it")
                            .arg(QStringLiteral("%1"), name));
    if (e >= '1' && e <= '9')
        return fail(at, QStringLiteral("back-reference '%2' at character %1 is not supported: "
                                       "repeat the group's text instead")
                            .arg(QStringLiteral("%1"), name));
    if ((e >= 'a' && e <= 'z') || (e >= 'A' && e <= 'Z'))
        return fail(at, QStringLiteral("unknown escape '%2' at character %1: use \\d \\w \\s \\D "
                                       "\\W \\S \\n \\t \\xHH, or drop the backslash")
                            .arg(QStringLiteral("%1"), name));
    literal = e; // an escaped punctuation character stands for itself
    return true;
}

// \xHH or \x{H...}; m_pos is just after the 'x'.
bool PatternParser::parseHex(size_t at, char32_t &value)
{
    auto hexDigit = [](char32_t c) {
        return c >= 128 || !std::isxdigit(int(c)) ? -1
               : c <= '9'                         ? int(c - '0')
                                                  : int((c | 0x20) - 'a' + 10);
    };
    const bool braced = peek() == '{';
    m_pos += braced ? 1 : 0;
    value = 0;
    int count = 0;
    for (; !atEnd() && hexDigit(peek()) >= 0 && count < (braced ? 8 : 2); ++count, ++m_pos)
        value = value * 16 + char32_t(hexDigit(peek()));
    if ((braced && (atEnd() || peek() != '}' || count == 0)) || (!braced && count != 2))
        return fail(at, QStringLiteral("malformed hex escape at character %1: write \\xHH with two "
                                       "hex digits, or \\x{HHHH}"));
    m_pos += braced ? 1 : 0;
    if (value == 0 || value > 0x10FFFF || (value >= 0xD800 && value <= 0xDFFF))
        return fail(at, QStringLiteral("the hex escape at character %1 is not a character "
                                       "PostgreSQL text can store: use a code point from 1 to "
                                       "10FFFF"));
    return true;
}

bool PatternParser::parseQuantifier(ParsedItem &item)
{
    if (!isQuantifierAt(m_pos))
        return true;
    const size_t at = m_pos;
    const char32_t c = peek();
    uint64_t min = 0;
    uint64_t max = 0;
    if (c == '*' || c == '+' || c == '?') {
        min = c == '+' ? 1 : 0;
        max = c == '?' ? 1 : std::max<uint64_t>(min, m_maxRepeat);
        ++m_pos;
    } else {
        bool open = false;
        size_t next = m_pos;
        braces(m_pos, min, max, open, next);
        if (open)
            max = std::max<uint64_t>(min, m_maxRepeat);
        if (max > Pattern::kMaxRepeatCount)
            return fail(at,
                        QStringLiteral("the repeat count at character %1 is too large: use at "
                                       "most %2")
                            .arg(QStringLiteral("%1"), QString::number(Pattern::kMaxRepeatCount)));
        if (min > max)
            return fail(at,
                        QStringLiteral("the quantifier at character %1 has its minimum (%2) "
                                       "above its maximum (%3): swap them")
                            .arg(QStringLiteral("%1"), QString::number(min), QString::number(max)));
        m_pos = next;
    }
    // A lazy form matches the same strings, so it generates the same ones. A possessive form
    // does not (\w++2 matches nothing): refused, so that what we generate matches the user's
    // own regular expression.
    if (!atEnd() && peek() == '?')
        ++m_pos;
    else if (!atEnd() && peek() == '+')
        return fail(m_pos, QStringLiteral("the possessive quantifier at character %1 is not "
                                          "supported: remove the '+' after the quantifier"));
    if (isQuantifierAt(m_pos))
        return fail(m_pos, QStringLiteral("a second quantifier at character %1 follows another: "
                                          "wrap the first in a group, e.g. (a{2}){3}"));
    item.min = uint32_t(min);
    item.max = uint32_t(max);
    return true;
}

} // namespace

// Lays the parse tree out flat (nodes of a sequence contiguous, a group's alternatives
// contiguous) and works out lengths, cardinalities and whether enumeration is injective.
class PatternBuilder
{
public:
    explicit PatternBuilder(Pattern &pattern)
        : m_p(pattern)
    {}

    void build(std::vector<ParsedSeq> &alternatives)
    {
        ParsedSeq root;
        if (alternatives.size() == 1) {
            root = std::move(alternatives.front());
        } else {
            ParsedItem group;
            group.kind = AtomKind::Group;
            group.alternatives = std::move(alternatives);
            root.items.push_back(std::move(group));
        }
        m_p.m_seqs.resize(1);
        flatten(0, root);
        m_p.m_atomCard.assign(m_p.m_nodes.size(), Divisor());
        m_p.m_nodeCard.assign(m_p.m_nodes.size(), Divisor());
        m_p.m_seqCard.assign(m_p.m_seqs.size(), 0);
        const Info info = seqInfo(0);
        m_p.m_injective = info.injective;
        m_p.m_maxLength = size_t(std::min<uint64_t>(info.maxLength, SIZE_MAX));
        m_p.m_fixedLength = info.fixed >= 0;
    }

private:
    struct Info
    {
        uint64_t card;
        int64_t fixed; // length of every string, or -1 when lengths vary
        bool injective;
        uint64_t maxLength;
    };
    using Positions = std::vector<std::bitset<256>>;
    static constexpr size_t kMaxPositions = 256;

    void flatten(uint32_t seq, const ParsedSeq &parsed);
    Info seqInfo(uint32_t seq);
    Info nodeInfo(uint32_t node);
    Info atomInfo(uint32_t node);
    bool positions(uint32_t seq, Positions &out) const;
    bool atomPositions(uint32_t node, Positions &out) const;
    bool alternativesDisjoint(const Pattern::Node &group, const std::vector<Info> &infos) const;

    Pattern &m_p;
};

void PatternBuilder::flatten(uint32_t seq, const ParsedSeq &parsed)
{
    const auto begin = uint32_t(m_p.m_nodes.size());
    const auto count = uint32_t(parsed.items.size());
    m_p.m_seqs[seq] = {begin, count};
    m_p.m_nodes.resize(begin + count);
    for (uint32_t i = 0; i < count; ++i) {
        const ParsedItem &item = parsed.items[i];
        Pattern::Node node{Pattern::Kind::Literal, item.min, item.max, 0, 0};
        if (item.kind == AtomKind::Group) {
            node.kind = Pattern::Kind::Group;
            node.begin = uint32_t(m_p.m_seqs.size());
            node.size = uint32_t(item.alternatives.size());
            m_p.m_seqs.resize(m_p.m_seqs.size() + item.alternatives.size());
            for (uint32_t a = 0; a < node.size; ++a)
                flatten(node.begin + a, item.alternatives[a]);
        } else {
            node.kind =
                item.kind == AtomKind::Class ? Pattern::Kind::Class : Pattern::Kind::Literal;
            node.begin = uint32_t(m_p.m_bytes.size());
            node.size = uint32_t(item.bytes.size());
            m_p.m_bytes += item.bytes;
        }
        m_p.m_nodes[begin + i] = node; // by index: flatten() above may have moved the vector
    }
}

// A sequence enumerates injectively when its parts do and at most one part varies in length:
// the total length then fixes where every part starts.
PatternBuilder::Info PatternBuilder::seqInfo(uint32_t seq)
{
    const Pattern::Seq s = m_p.m_seqs[seq];
    Info r{1, 0, true, 0};
    int variable = 0;
    for (uint32_t n = s.begin; n < s.begin + s.size; ++n) {
        const Info i = nodeInfo(n);
        r.card = satMul(r.card, i.card);
        r.maxLength = satAdd(r.maxLength, i.maxLength);
        r.injective = r.injective && i.injective;
        if (i.fixed < 0)
            ++variable;
        r.fixed = r.fixed < 0 || i.fixed < 0 ? -1 : r.fixed + i.fixed;
    }
    if (variable > 1)
        r.injective = false;
    m_p.m_seqCard[seq] = r.card;
    return r;
}

// Repeating a fixed-length atom a varying number of times stays injective (the length gives
// the count); repeating a variable-length one does not ("(a|aa){2}").
PatternBuilder::Info PatternBuilder::nodeInfo(uint32_t node)
{
    const Pattern::Node n = m_p.m_nodes[node];
    const Info a = atomInfo(node);
    m_p.m_atomCard[node] = Divisor(a.card);
    uint64_t power = 1;
    for (uint32_t r = 0; r < n.min && power != kInfinite; ++r)
        power = satMul(power, a.card);
    uint64_t card = 0;
    for (uint32_t r = n.min; r <= n.max && card != kInfinite; ++r) {
        card = satAdd(card, power);
        power = satMul(power, a.card);
    }
    m_p.m_nodeCard[node] = Divisor(card);
    Info r{card, -1, false, satMul(a.maxLength, n.max)};
    if (a.fixed == 0 || (a.fixed > 0 && n.min == n.max))
        r.fixed = a.fixed * int64_t(n.min);
    if (n.min == n.max)
        r.injective = a.injective && (n.min <= 1 || a.fixed >= 0);
    else
        r.injective = a.injective && a.fixed > 0;
    return r;
}

PatternBuilder::Info PatternBuilder::atomInfo(uint32_t node)
{
    const Pattern::Node n = m_p.m_nodes[node];
    if (n.kind == Pattern::Kind::Literal)
        return {1, int64_t(n.size), true, n.size};
    if (n.kind == Pattern::Kind::Class)
        return {n.size, 1, true, 1};
    std::vector<Info> infos;
    for (uint32_t a = n.begin; a < n.begin + n.size; ++a)
        infos.push_back(seqInfo(a));
    if (infos.size() == 1)
        return infos.front();
    Info r{0, infos.front().fixed, true, 0};
    for (const Info &i : infos) {
        r.card = satAdd(r.card, i.card);
        r.maxLength = std::max(r.maxLength, i.maxLength);
        r.injective = r.injective && i.injective && i.fixed >= 0;
        if (i.fixed != r.fixed)
            r.fixed = -1;
    }
    r.injective = r.injective && alternativesDisjoint(n, infos);
    return r;
}

// Conservative: alternatives of different lengths never collide; two of the same length are
// disjoint when some position admits no common character. Anything else counts as overlapping.
bool PatternBuilder::alternativesDisjoint(const Pattern::Node &group,
                                          const std::vector<Info> &infos) const
{
    std::vector<Positions> sets(infos.size());
    std::vector<bool> known(infos.size(), false);
    for (size_t a = 0; a < infos.size(); ++a) {
        for (size_t b = a + 1; b < infos.size(); ++b) {
            if (infos[a].fixed != infos[b].fixed)
                continue;
            for (size_t k : {a, b}) {
                if (!known[k] && !positions(group.begin + uint32_t(k), sets[k]))
                    return false;
                known[k] = true;
            }
            bool disjoint = false;
            for (size_t p = 0; p < sets[a].size() && !disjoint; ++p)
                disjoint = (sets[a][p] & sets[b][p]).none();
            if (!disjoint)
                return false;
        }
    }
    return true;
}

// The set of bytes each position of a fixed-length sequence can hold.
bool PatternBuilder::positions(uint32_t seq, Positions &out) const
{
    const Pattern::Seq s = m_p.m_seqs[seq];
    for (uint32_t n = s.begin; n < s.begin + s.size; ++n) {
        const Pattern::Node &node = m_p.m_nodes[n];
        if (node.min != node.max)
            return false;
        for (uint32_t r = 0; r < node.min; ++r) {
            if (out.size() > kMaxPositions || !atomPositions(n, out))
                return false;
        }
    }
    return out.size() <= kMaxPositions;
}

bool PatternBuilder::atomPositions(uint32_t node, Positions &out) const
{
    const Pattern::Node &n = m_p.m_nodes[node];
    const char *bytes = m_p.m_bytes.data() + n.begin;
    if (n.kind == Pattern::Kind::Literal) {
        for (uint32_t i = 0; i < n.size; ++i)
            out.emplace_back().set(static_cast<unsigned char>(bytes[i]));
        return true;
    }
    if (n.kind == Pattern::Kind::Class) {
        auto &set = out.emplace_back();
        for (uint32_t i = 0; i < n.size; ++i)
            set.set(static_cast<unsigned char>(bytes[i]));
        return true;
    }
    Positions merged;
    for (uint32_t a = n.begin; a < n.begin + n.size; ++a) {
        Positions alt;
        if (!positions(a, alt) || (a > n.begin && alt.size() != merged.size()))
            return false;
        if (a == n.begin)
            merged = std::move(alt);
        for (size_t p = 0; p < merged.size() && a > n.begin; ++p)
            merged[p] |= alt[p];
    }
    out.insert(out.end(), merged.begin(), merged.end());
    return true;
}

PatternParseResult Pattern::parse(const QString &text, int maxRepeat)
{
    PatternParseResult result;
    if (text.isEmpty()) {
        result.offset = 0;
        result.error = QStringLiteral("the pattern is empty: write a regular expression such as "
                                      "[A-Z]{3}-\\d{4}");
        return result;
    }
    PatternParser parser(text, maxRepeat);
    std::vector<ParsedSeq> alternatives;
    if (!parser.parse(alternatives)) {
        result.offset = parser.offset();
        result.error = parser.error();
        return result;
    }
    Pattern pattern;
    PatternBuilder(pattern).build(alternatives);
    if (pattern.m_maxLength > kMaxLength) {
        result.offset = 0;
        result.error = QStringLiteral("the pattern can make strings of up to %1 bytes, more than "
                                      "the %2 supported: lower its repeat counts or 'maxRepeat'")
                           .arg(pattern.m_maxLength)
                           .arg(kMaxLength);
        return result;
    }
    result.pattern = std::move(pattern);
    return result;
}

std::optional<uint64_t> Pattern::cardinality() const
{
    if (!m_injective)
        return std::nullopt;
    return m_seqCard.front();
}

} // namespace spillway
