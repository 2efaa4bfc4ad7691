// Text and choice generators: pattern, words, sentence, paragraph, template, choice, constant.

#include "compiledschema.h"
#include "generatorregistry.h"
#include "pattern.h"
#include "textrender.h"
#include "wordlist.h"

#include <QJsonArray>
#include <QRegularExpression>

#include <cmath>
#include <set>

namespace spillway {

namespace {

// Texts up to this long are written on the stack and copied into the arena once; longer ones
// are measured first and written in place, so the arena holds exactly the text.
constexpr size_t kStackText = 2048;

template<class Write>
std::string_view emitText(size_t bound, const RandomStream &rng, uint64_t row, Arena &arena,
                          const Write &write)
{
    if (bound <= kStackText) {
        char buffer[kStackText];
        EntropyPool pool(rng, row);
        TextWriter writer{buffer};
        write(pool, writer);
        return arena.copy({buffer, size_t(writer.at - buffer)});
    }
    TextCounter counter;
    EntropyPool measure(rng, row);
    write(measure, counter);
    char *out = arena.allocate(counter.length);
    EntropyPool pool(rng, row); // the same draws again
    TextWriter writer{out};
    write(pool, writer);
    return {out, counter.length};
}

char upperAscii(char c)
{
    return c >= 'a' && c <= 'z' ? char(c - 'a' + 'A') : c;
}

// Reads an optional whole-number parameter and checks its range.
uint32_t countParam(ParamReader &params, const QString &key, int64_t fallback, int64_t lo,
                    int64_t hi)
{
    const int64_t v = params.integer(key, fallback);
    params.requireRange(key, double(v), double(lo), double(hi));
    return uint32_t(std::clamp(v, lo, hi));
}

// One of a few named options; reports the valid names otherwise.
int optionParam(ParamReader &params, const QString &key, const QStringList &options)
{
    const QString v = params.string(key, options.front());
    const qsizetype i = options.indexOf(v);
    if (i < 0)
        params.error(key, QStringLiteral("'%1' is not a valid '%2': use one of %3")
                              .arg(v, key, options.join(QStringLiteral(", "))));
    return i < 0 ? 0 : int(i);
}

class PatternGenerator final : public RowGenerator<PatternGenerator>
{
public:
    PatternGenerator(Pattern pattern, RandomStream rng)
        : m_pattern(std::move(pattern))
        , m_rng(rng)
    {}

    Value at(uint64_t row, Arena &arena) const
    {
        return Value::string(m_pattern.generate(m_rng, row, arena));
    }
    std::optional<uint64_t> cardinality() const override { return m_pattern.cardinality(); }
    bool canEnumerate() const override { return m_pattern.canEnumerate(); }
    Value valueAt(uint64_t index, Arena &arena) const override
    {
        return Value::string(m_pattern.enumerate(index, arena));
    }

private:
    Pattern m_pattern;
    RandomStream m_rng;
};

std::unique_ptr<Generator> createPattern(GeneratorArgs &args)
{
    ParamReader &params = args.params;
    const auto text = params.optional(QStringLiteral("pattern"));
    const int64_t maxRepeat =
        params.integer(QStringLiteral("maxRepeat"), Pattern::kDefaultMaxRepeat);
    params.requireRange(QStringLiteral("maxRepeat"), double(maxRepeat), 1,
                        Pattern::kMaxRepeatCount);
    if (!text || !text->isString()) {
        params.error(QStringLiteral("pattern"),
                     QStringLiteral("%1 'pattern': give a regular expression such as "
                                    "\"[A-Z]{3}-\\\\d{4}\"")
                         .arg(text ? QStringLiteral("a string is needed for")
                                   : QStringLiteral("missing parameter")));
        return nullptr;
    }
    if (maxRepeat < 1 || maxRepeat > Pattern::kMaxRepeatCount)
        return nullptr;
    auto parsed = Pattern::parse(text->toString(), int(maxRepeat));
    if (!parsed.pattern) {
        params.error(
            QStringLiteral("pattern"),
            QStringLiteral("invalid pattern \"%1\": %2").arg(text->toString(), parsed.error));
        return nullptr;
    }
    return std::make_unique<PatternGenerator>(std::move(*parsed.pattern), args.rng);
}

enum class Capitalize { None, First, Words };

// A run of random words: a number of words, or (byLength) a number of characters.
struct Phrase
{
    const WordList *words = &WordList::instance();
    uint32_t min = 1; // words, or characters when byLength
    uint32_t max = 1;
    bool byLength = false;
    Capitalize capitalize = Capitalize::None;
    std::string suffix;

    size_t bound() const { return byLength ? max : max * (words->maxLength() + 1) + suffix.size(); }

    template<class Out> void write(EntropyPool &pool, Out &out) const
    {
        const uint32_t count = min + uint32_t(pool.below(max - min + 1));
        const std::string_view *list = words->data();
        const uint64_t size = words->size();
        for (uint32_t w = 0; w < count; ++w) {
            const std::string_view word = list[pool.below(size)];
            if (w > 0)
                out.put(' ');
            if (capitalize == Capitalize::Words || (capitalize == Capitalize::First && w == 0)) {
                out.put(upperAscii(word.front()));
                out.put(word.data() + 1, word.size() - 1);
            } else {
                out.put(word.data(), word.size());
            }
        }
        out.put(suffix.data(), suffix.size());
    }

    // Words joined by spaces up to a random length, the last word cut to fit, never ending
    // in a space (TPC-H's "a 10 to 43 character comment").
    std::string_view writeLength(EntropyPool &pool, Arena &arena) const
    {
        const size_t total = min + pool.below(max - min + 1);
        const size_t target = total - suffix.size();
        char *out = arena.allocate(total);
        const std::string_view *list = words->data();
        const size_t size = words->size();
        size_t length = 0;
        while (length < target) {
            if (length > 0)
                out[length++] = ' ';
            const size_t room = target - length;
            size_t index = pool.below(size);
            // A word leaving exactly one free byte would force a trailing space next: take the
            // next word of another length instead.
            for (size_t tries = 0; list[index].size() + 1 == room && tries < size; ++tries)
                index = index + 1 == size ? 0 : index + 1;
            const size_t take = std::min(list[index].size(), room);
            std::memcpy(out + length, list[index].data(), take);
            if (capitalize == Capitalize::Words || (capitalize == Capitalize::First && !length))
                out[length] = upperAscii(out[length]);
            length += take;
        }
        std::memcpy(out + target, suffix.data(), suffix.size());
        return {out, total};
    }
};

class WordsGenerator final : public RowGenerator<WordsGenerator>
{
public:
    WordsGenerator(Phrase phrase, RandomStream rng)
        : m_phrase(std::move(phrase))
        , m_rng(rng)
    {}

    Value at(uint64_t row, Arena &arena) const
    {
        if (m_phrase.byLength) {
            EntropyPool pool(m_rng, row);
            return Value::string(m_phrase.writeLength(pool, arena));
        }
        return Value::string(
            emitText(m_phrase.bound(), m_rng, row, arena,
                     [this](EntropyPool &pool, auto &out) { m_phrase.write(pool, out); }));
    }

private:
    Phrase m_phrase;
    RandomStream m_rng;
};

class ParagraphGenerator final : public RowGenerator<ParagraphGenerator>
{
public:
    ParagraphGenerator(Phrase sentence, uint32_t min, uint32_t max, RandomStream rng)
        : m_sentence(std::move(sentence))
        , m_min(min)
        , m_max(max)
        , m_rng(rng)
    {}

    Value at(uint64_t row, Arena &arena) const
    {
        const size_t bound = m_max * (m_sentence.bound() + 1);
        return Value::string(
            emitText(bound, m_rng, row, arena, [this](EntropyPool &pool, auto &out) {
                const uint32_t count = m_min + uint32_t(pool.below(m_max - m_min + 1));
                for (uint32_t s = 0; s < count; ++s) {
                    if (s > 0)
                        out.put(' ');
                    m_sentence.write(pool, out);
                }
            }));
    }

private:
    Phrase m_sentence;
    uint32_t m_min;
    uint32_t m_max;
    RandomStream m_rng;
};

constexpr int64_t kMaxWords = 100000;
constexpr int64_t kMaxSentences = 1000;
constexpr int64_t kMaxTextLength = 10000000;

// A checked, ordered count range from `minKey`/`maxKey` into phrase.min/max.
void readRange(ParamReader &params, Phrase &phrase, const QString &minKey, const QString &maxKey,
               uint32_t min, uint32_t max, int64_t lo, int64_t hi)
{
    phrase.min = countParam(params, minKey, min, lo, hi);
    phrase.max = countParam(params, maxKey, std::max(phrase.min, max), lo, hi);
    params.requireOrdered(minKey, phrase.min, maxKey, phrase.max);
    phrase.max = std::max(phrase.min, phrase.max);
}

std::unique_ptr<Generator> createWords(GeneratorArgs &args)
{
    ParamReader &params = args.params;
    Phrase phrase;
    phrase.capitalize = Capitalize(
        optionParam(params, QStringLiteral("capitalize"),
                    {QStringLiteral("none"), QStringLiteral("first"), QStringLiteral("words")}));
    phrase.suffix = params.string(QStringLiteral("suffix"), QString()).toStdString();
    const QString minLength = QStringLiteral("minLength");
    const QString maxLength = QStringLiteral("maxLength");
    phrase.byLength = params.has(minLength) || params.has(maxLength);
    if (!phrase.byLength) {
        readRange(params, phrase, QStringLiteral("min"), QStringLiteral("max"), 1, 1, 1, kMaxWords);
        return std::make_unique<WordsGenerator>(std::move(phrase), args.rng);
    }
    if (params.has(QStringLiteral("min")) || params.has(QStringLiteral("max")))
        params.error(minLength, QStringLiteral("give either 'min'/'max' (a number of words) or "
                                               "'minLength'/'maxLength' (a number of characters), "
                                               "not both"));
    params.integer(QStringLiteral("min"), 0); // reported above; do not report again as unknown
    params.integer(QStringLiteral("max"), 0);
    const auto shortest = uint32_t(phrase.suffix.size()) + 1; // a character besides the suffix
    readRange(params, phrase, minLength, maxLength, shortest, shortest, shortest, kMaxTextLength);
    return std::make_unique<WordsGenerator>(std::move(phrase), args.rng);
}

// Sentences: capitalised, ending with a full stop, `minKey`..`maxKey` words (default 4..12).
Phrase sentence(ParamReader &params, const QString &minKey, const QString &maxKey, int64_t hi)
{
    Phrase phrase;
    phrase.capitalize = Capitalize::First;
    phrase.suffix = ".";
    readRange(params, phrase, minKey, maxKey, 4, 12, 1, hi);
    return phrase;
}

std::unique_ptr<Generator> createSentence(GeneratorArgs &args)
{
    return std::make_unique<WordsGenerator>(
        sentence(args.params, QStringLiteral("min"), QStringLiteral("max"), kMaxWords), args.rng);
}

std::unique_ptr<Generator> createParagraph(GeneratorArgs &args)
{
    // At most 1000 sentences of 1000 words: a paragraph stays below ~13 MB.
    Phrase words = sentence(args.params, QStringLiteral("minWords"), QStringLiteral("maxWords"),
                            kMaxSentences);
    Phrase count; // sentences per paragraph
    readRange(args.params, count, QStringLiteral("min"), QStringLiteral("max"), 3, 6, 1,
              kMaxSentences);
    return std::make_unique<ParagraphGenerator>(std::move(words), count.min, count.max, args.rng);
}

enum class CaseMode { None, Lower, Upper };

struct TemplateSpec
{
    struct Segment
    {
        int slot;       // dependency slot, or -1 for literal text
        uint32_t begin; // literal: bytes [begin, begin+size) of literals
        uint32_t size;
    };
    std::string literals;
    std::vector<Segment> segments;
    QStringList names; // the columns read, one slot each
    CaseMode caseMode = CaseMode::None;
    bool ascii = false;
};

class TemplateGenerator final : public Generator
{
public:
    explicit TemplateGenerator(TemplateSpec spec)
        : m_spec(std::move(spec))
    {}

    QStringList dependencies() const override { return m_spec.names; }
    void bindDependencies(const QList<int> &columnIndexes) override
    {
        // Unknown names were reported by the compiler and are left unbound (-1).
        m_columns.assign(size_t(m_spec.names.size()), -1);
        for (qsizetype i = 0; i < columnIndexes.size() && i < m_spec.names.size(); ++i)
            m_columns[size_t(i)] = columnIndexes[i];
    }

    void generate(const BatchContext &ctx, Value *out) const override
    {
        for (uint32_t i = 0; i < ctx.count; ++i)
            out[i] = Value::string(render(ctx, i));
    }

private:
    Value dependency(const BatchContext &ctx, int slot, uint32_t i) const
    {
        const int column = size_t(slot) < m_columns.size() ? m_columns[size_t(slot)] : -1;
        return ctx.batch && column >= 0 ? ctx.batch->column(column)[i] : Value::null();
    }

    std::string_view render(const BatchContext &ctx, uint32_t i) const
    {
        size_t bound = 0;
        for (const TemplateSpec::Segment &s : m_spec.segments)
            bound += s.slot < 0 ? s.size : renderedLengthBound(dependency(ctx, s.slot, i));
        char stack[kStackText];
        char *buffer = bound <= kStackText ? stack : ctx.arena->allocate(bound);
        size_t length = 0;
        for (const TemplateSpec::Segment &s : m_spec.segments) {
            if (s.slot < 0) {
                std::memcpy(buffer + length, m_spec.literals.data() + s.begin, s.size);
                length += s.size;
            } else {
                length += renderText(dependency(ctx, s.slot, i), buffer + length);
            }
        }
        if (m_spec.ascii)
            length = foldToAscii(buffer, length);
        if (m_spec.caseMode == CaseMode::Lower)
            toLowerAscii(buffer, length);
        else if (m_spec.caseMode == CaseMode::Upper)
            toUpperAscii(buffer, length);
        return buffer == stack ? ctx.arena->copy({buffer, length})
                               : std::string_view(buffer, length);
    }

    TemplateSpec m_spec;
    std::vector<int> m_columns;
};

// Splits "{first}.{last}@example.com" into literal text and column references; "{{" and "}}"
// stand for single braces.
bool parseTemplate(const QString &text, ParamReader &params, TemplateSpec &spec)
{
    const QString key = QStringLiteral("template");
    QString literal;
    auto flush = [&] {
        const QByteArray utf8 = literal.toUtf8();
        if (!utf8.isEmpty())
            spec.segments.push_back({-1, uint32_t(spec.literals.size()), uint32_t(utf8.size())});
        spec.literals.append(utf8.constData(), size_t(utf8.size()));
        literal.clear();
    };
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text[i];
        const bool doubled = i + 1 < text.size() && text[i + 1] == c;
        if ((c == QLatin1Char('{') || c == QLatin1Char('}')) && doubled) {
            literal += c;
            ++i;
        } else if (c == QLatin1Char('}')) {
            params.error(key, QStringLiteral("lone '}' at character %1 of the template: write '}}' "
                                             "for a literal brace")
                                  .arg(i + 1));
            return false;
        } else if (c == QLatin1Char('{')) {
            const qsizetype close = text.indexOf(QLatin1Char('}'), i + 1);
            const qsizetype nested = text.indexOf(QLatin1Char('{'), i + 1);
            const QString name = close < 0 ? QString() : text.mid(i + 1, close - i - 1).trimmed();
            if (close < 0 || (nested >= 0 && nested < close) || name.isEmpty()) {
                params.error(key, QStringLiteral("%1 '{' at character %2 of the template: write "
                                                 "{column} with a column name, or '{{' for a "
                                                 "literal brace")
                                      .arg(close < 0 || (nested >= 0 && nested < close)
                                               ? QStringLiteral("unclosed")
                                               : QStringLiteral("empty placeholder after"))
                                      .arg(i + 1));
                return false;
            }
            flush();
            if (!spec.names.contains(name))
                spec.names.append(name);
            spec.segments.push_back({int(spec.names.indexOf(name)), 0, 0});
            i = close;
        } else {
            literal += c;
        }
    }
    flush();
    return true;
}

std::unique_ptr<Generator> createTemplate(GeneratorArgs &args)
{
    ParamReader &params = args.params;
    TemplateSpec spec;
    const QString text = params.string(QStringLiteral("template"));
    spec.caseMode = CaseMode(
        optionParam(params, QStringLiteral("case"),
                    {QStringLiteral("none"), QStringLiteral("lower"), QStringLiteral("upper")}));
    spec.ascii = params.boolean(QStringLiteral("ascii"), false);
    if (!params.has(QStringLiteral("template")) || !parseTemplate(text, params, spec))
        return nullptr;
    return std::make_unique<TemplateGenerator>(std::move(spec));
}

// What a listed value becomes, from the column's SQL type.
struct Target
{
    enum Kind { Text, Integer, Decimal, Float, Boolean, Date, Timestamp } kind = Text;
    int64_t lo = INT64_MIN; // integers: the type's range
    int64_t hi = INT64_MAX;
    int scale = -1;   // decimals: the declared scale, or -1 to keep each value's own
    QString expected; // for messages
};

Target targetOf(const QString &sqlType)
{
    static const QRegularExpression numeric(
        QStringLiteral("^(?:numeric|decimal)\\s*(?:\\(\\s*\\d+\\s*(?:,\\s*(\\d+)\\s*)?\\))?$"));
    static const std::pair<const char *, Target> kTypes[] = {
        {"smallint int2",
         {Target::Integer, INT16_MIN, INT16_MAX, -1,
          QStringLiteral("a whole number from -32768 to 32767")}},
        {"integer int int4",
         {Target::Integer, INT32_MIN, INT32_MAX, -1,
          QStringLiteral("a whole number from -2147483648 to 2147483647")}},
        {"bigint int8",
         {Target::Integer, INT64_MIN, INT64_MAX, -1, QStringLiteral("a whole number")}},
        {"real float4 float8 double_precision float",
         {Target::Float, 0, 0, -1, QStringLiteral("a number")}},
        {"boolean bool", {Target::Boolean, 0, 0, -1, QStringLiteral("true or false")}},
        {"date", {Target::Date, 0, 0, -1, QStringLiteral("a date written YYYY-MM-DD")}},
        {"timestamp timestamp_without_time_zone",
         {Target::Timestamp, 0, 0, -1, QStringLiteral("a timestamp written YYYY-MM-DD HH:MM:SS")}},
    };
    const QString t = sqlType.simplified().toLower();
    if (const auto m = numeric.match(t); m.hasMatch())
        return {Target::Decimal, 0, 0, t.contains(QLatin1Char('(')) ? m.captured(1).toInt() : -1,
                QStringLiteral("a decimal number")};
    QString key = t;
    key.replace(QLatin1Char(' '), QLatin1Char('_'));
    for (const auto &[names, target] : kTypes) {
        if (QString::fromLatin1(names).split(QLatin1Char(' ')).contains(key))
            return target;
    }
    return {Target::Text, 0, 0, -1, QStringLiteral("a string, number or boolean")};
}

QString jsonText(const QJsonValue &v)
{
    if (v.isDouble())
        return QString::number(v.toDouble(), 'g', QLocale::FloatingPointShortest);
    if (v.isBool())
        return v.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    return v.toString();
}

std::optional<Value> typedValue(const QJsonValue &v, const Target &target)
{
    if (v.isNull())
        return Value::null();
    if (v.isArray() || v.isObject() || v.isUndefined())
        return std::nullopt;
    bool ok = false;
    switch (target.kind) {
    case Target::Text:
        return Value::string({}); // text is placed by TypedValues
    case Target::Integer: {
        const double d = v.toDouble();
        int64_t i = 0;
        if (v.isString())
            i = v.toString().trimmed().toLongLong(&ok);
        else if ((ok = v.isDouble() && d == std::floor(d) && std::abs(d) < 9e18))
            i = int64_t(d);
        if (!ok || i < target.lo || i > target.hi)
            return std::nullopt;
        return Value::integer(i);
    }
    case Target::Decimal:
        return v.isBool() ? std::nullopt : parseDecimal(jsonText(v).toStdString(), target.scale);
    case Target::Float: {
        const double d = v.isString() ? v.toString().trimmed().toDouble(&ok) : v.toDouble();
        if (v.isBool() || (v.isString() && !ok))
            return std::nullopt;
        return Value::real(d);
    }
    case Target::Boolean: {
        static const QStringList yes = QStringLiteral("true t yes on 1").split(QLatin1Char(' '));
        static const QStringList no = QStringLiteral("false f no off 0").split(QLatin1Char(' '));
        const QString s = jsonText(v).trimmed().toLower();
        if (!yes.contains(s) && !no.contains(s))
            return std::nullopt;
        return Value::boolean(yes.contains(s));
    }
    case Target::Date:
        if (const auto days = ParamReader::parseDate(v.toString()); v.isString() && days)
            return Value::date(*days);
        return std::nullopt;
    case Target::Timestamp:
        if (const auto micros = ParamReader::parseTimestamp(v.toString()); v.isString() && micros)
            return Value::timestamp(*micros);
        return std::nullopt;
    }
    return std::nullopt;
}

// Values typed for the column, with their text in one buffer the generator owns (views into
// it are handed out as they are: the generator outlives every batch it fills).
struct TypedValues
{
    std::vector<Value> values;
    std::unique_ptr<std::string> text = std::make_unique<std::string>();

    // Reports a value that does not fit the type at `key` (e.g. "values[3]").
    bool add(const QJsonValue &json, const Target &target, ParamReader &params, const QString &key)
    {
        const auto value = typedValue(json, target);
        if (!value) {
            params.error(key,
                         QStringLiteral("%1 does not fit the column's type: give %2")
                             .arg(json.isString()
                                      ? QLatin1Char('"') + json.toString() + QLatin1Char('"')
                                  : json.isDouble() || json.isBool() ? jsonText(json)
                                                                     : QStringLiteral("this value"),
                                  target.expected));
            return false;
        }
        values.push_back(*value);
        if (value->kind == ValueKind::Text) {
            const QByteArray utf8 = jsonText(json).toUtf8();
            values.back().u = text->size(); // an offset until finish() turns it into a pointer
            values.back().len = uint32_t(utf8.size());
            text->append(utf8.constData(), size_t(utf8.size()));
        }
        return true;
    }

    void finish()
    {
        for (Value &v : values) {
            if (v.kind == ValueKind::Text)
                v.text = text->data() + v.u;
        }
    }

    bool distinct() const
    {
        std::set<std::string> seen;
        for (const Value &v : values) {
            std::string key(1, char(v.kind));
            renderText(v, key);
            if (!seen.insert(std::move(key)).second)
                return false;
        }
        return true;
    }
};

// Walker's alias method (Vose's construction): one draw picks a slot and, from the same
// draw's remaining bits, either the slot's own value or its alias. O(1) per value.
class AliasTable
{
public:
    explicit AliasTable(const std::vector<double> &weights)
        : m_slots(weights.size())
    {
        const size_t n = weights.size();
        double sum = 0;
        for (double w : weights)
            sum += w;
        std::vector<double> p(n);
        std::vector<uint32_t> small, large;
        for (size_t i = 0; i < n; ++i) {
            p[i] = weights[i] * double(n) / sum;
            (p[i] < 1.0 ? small : large).push_back(uint32_t(i));
        }
        while (!small.empty() && !large.empty()) {
            const uint32_t s = small.back();
            const uint32_t l = large.back();
            small.pop_back();
            large.pop_back();
            m_slots[s] = {uint64_t(std::ldexp(p[s], 64)), l};
            p[l] = (p[l] + p[s]) - 1.0;
            (p[l] < 1.0 ? small : large).push_back(l);
        }
        // What is left is full up to rounding: such a slot always keeps its own value.
        for (const auto &rest : {small, large}) {
            for (uint32_t i : rest)
                m_slots[i] = {~uint64_t(0), i};
        }
    }

    uint32_t sample(uint64_t draw) const
    {
        const unsigned __int128 p = static_cast<unsigned __int128>(draw) * m_slots.size();
        const Slot &slot = m_slots[size_t(p >> 64)];
        return static_cast<uint64_t>(p) < slot.threshold ? uint32_t(p >> 64) : slot.alias;
    }

private:
    struct Slot
    {
        uint64_t threshold; // keep the slot's own value when the remaining bits are below this
        uint32_t alias;
    };
    std::vector<Slot> m_slots;
};

class ChoiceGenerator final : public RowGenerator<ChoiceGenerator>
{
public:
    ChoiceGenerator(TypedValues values, std::optional<AliasTable> alias, RandomStream rng)
        : m_values(std::move(values))
        , m_alias(std::move(alias))
        , m_distinct(m_values.distinct())
        , m_rng(rng)
    {}

    Value at(uint64_t row, Arena &) const
    {
        const uint64_t draw = m_rng.draw(row);
        const auto &values = m_values.values;
        if (m_alias)
            return values[m_alias->sample(draw)];
        return values[size_t((static_cast<unsigned __int128>(draw) * values.size()) >> 64)];
    }
    // `unique` takes every listed value once, whatever the weights; only a list without
    // repeats can promise that.
    std::optional<uint64_t> cardinality() const override { return m_values.values.size(); }
    bool canEnumerate() const override { return m_distinct; }
    Value valueAt(uint64_t index, Arena &) const override { return m_values.values[index]; }

private:
    TypedValues m_values;
    std::optional<AliasTable> m_alias;
    bool m_distinct;
    RandomStream m_rng;
};

class ConstantGenerator final : public RowGenerator<ConstantGenerator>
{
public:
    explicit ConstantGenerator(TypedValues value)
        : m_value(std::move(value))
    {}

    Value at(uint64_t, Arena &) const { return m_value.values.front(); }
    std::optional<uint64_t> cardinality() const override { return 1; }
    bool canEnumerate() const override { return true; }
    Value valueAt(uint64_t, Arena &) const override { return m_value.values.front(); }

private:
    TypedValues m_value;
};

// Weights: one non-negative number per value, at least one positive.
std::optional<std::vector<double>> readWeights(ParamReader &params, qsizetype count)
{
    const QString key = QStringLiteral("weights");
    const auto json = params.optional(key);
    if (!json)
        return std::nullopt;
    if (!json->isArray()) {
        params.error(key, QStringLiteral("'weights' must be an array of numbers, one per value"));
        return std::nullopt;
    }
    const QJsonArray array = json->toArray();
    if (array.size() != count) {
        params.error(key, QStringLiteral("'weights' has %1 entries but 'values' has %2: give one "
                                         "weight per value")
                              .arg(array.size())
                              .arg(count));
        return std::nullopt;
    }
    std::vector<double> weights;
    bool ok = true;
    for (qsizetype i = 0; i < array.size(); ++i) {
        const double w = array[i].toDouble(-1);
        if (!array[i].isDouble() || w < 0) {
            params.error(QStringLiteral("weights[%1]").arg(i),
                         QStringLiteral("weight %1 is not a number of 0 or more: use 0 to never "
                                        "pick the value, larger numbers to pick it more often")
                             .arg(jsonText(array[i])));
            ok = false;
        }
        weights.push_back(std::max(w, 0.0));
    }
    if (ok && std::all_of(weights.begin(), weights.end(), [](double w) { return w == 0; })) {
        params.error(key, QStringLiteral("every weight is 0: give at least one value a positive "
                                         "weight"));
        ok = false;
    }
    return ok ? std::optional(weights) : std::nullopt;
}

std::unique_ptr<Generator> createChoice(GeneratorArgs &args)
{
    ParamReader &params = args.params;
    const bool hasValues = params.has(QStringLiteral("values"));
    const QJsonArray array = params.array(QStringLiteral("values"));
    const Target target = targetOf(args.sqlType);
    if (hasValues && array.isEmpty())
        params.error(QStringLiteral("values"),
                     QStringLiteral("'values' is empty: list at least one value to choose from"));
    const auto weights = readWeights(params, array.size());
    if (array.isEmpty() || (params.has(QStringLiteral("weights")) && !weights))
        return nullptr;
    TypedValues values;
    bool ok = true;
    for (qsizetype i = 0; i < array.size(); ++i)
        ok = values.add(array[i], target, params, QStringLiteral("values[%1]").arg(i)) && ok;
    if (!ok)
        return nullptr;
    values.finish();
    std::optional<AliasTable> alias;
    if (weights)
        alias.emplace(*weights);
    return std::make_unique<ChoiceGenerator>(std::move(values), std::move(alias), args.rng);
}

std::unique_ptr<Generator> createConstant(GeneratorArgs &args)
{
    ParamReader &params = args.params;
    const auto json = params.optional(QStringLiteral("value"));
    if (!json) {
        params.error(QStringLiteral("value"),
                     QStringLiteral("missing parameter 'value': add the "
                                    "string, number or boolean to repeat"));
        return nullptr;
    }
    TypedValues value;
    if (!value.add(*json, targetOf(args.sqlType), params, QStringLiteral("value")))
        return nullptr;
    value.finish();
    return std::make_unique<ConstantGenerator>(std::move(value));
}

} // namespace

void registerTextGenerators(GeneratorRegistry &registry)
{
    const QString text = QStringLiteral("text");
    const QString choice = QStringLiteral("choice");
    registry.add({QStringLiteral("pattern"), text,
                  QStringLiteral("Text matching a regular expression, e.g. [A-Z]{3}-\\d{4}"), text,
                  createPattern});
    registry.add({QStringLiteral("words"), text,
                  QStringLiteral("Random dictionary words, by word count or by text length"), text,
                  createWords});
    registry.add({QStringLiteral("sentence"), text,
                  QStringLiteral("A capitalised sentence of random words ending with a full stop"),
                  text, createSentence});
    registry.add({QStringLiteral("paragraph"), text,
                  QStringLiteral("Several sentences of random words"), text, createParagraph});
    registry.add({QStringLiteral("template"), text,
                  QStringLiteral("Text built from other columns of the row, e.g. "
                                 "{first}.{last}@example.com"),
                  text, createTemplate});
    registry.add({QStringLiteral("choice"), choice,
                  QStringLiteral("One value from a list, optionally weighted"), text,
                  createChoice});
    registry.add({QStringLiteral("constant"), choice, QStringLiteral("The same value on every row"),
                  text, createConstant});
}

} // namespace spillway
