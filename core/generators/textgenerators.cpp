// Text and choice generators: pattern, words, sentence, paragraph, template, choice, constant.

#include "base/aliastable.h"
#include "generators/expressiongenerator.h"
#include "generators/pattern.h"
#include "generators/textrender.h"
#include "generators/wordlist.h"
#include "schema/compiledschema.h"
#include "schema/generatorregistry.h"

#include <QJsonArray>

#include <algorithm>
#include <cmath>

namespace spillway {

namespace {

constexpr size_t kStackText = 2048;

// Texts up to kStackText bytes are written on the stack, then copied into the arena; longer ones
// are measured, then written in place. kSlot spare bytes follow either way, for putPadded.
template<class Write>
std::string_view emitText(size_t bound, const RandomStream &rng, uint64_t row, Arena &arena,
                          const Write &write)
{
    if (bound <= kStackText) { // written in place; the unused end is given back
        const std::string_view text = arena.write(bound + WordList::kSlot, [&](char *out) {
            EntropyPool pool(rng, row);
            TextWriter writer{out};
            write(pool, writer);
            return size_t(writer.at - out) + WordList::kSlot;
        });
        return text.substr(0, text.size() - WordList::kSlot);
    }
    TextCounter counter;
    EntropyPool measure(rng, row);
    write(measure, counter);
    char *out = arena.allocate(counter.length + WordList::kSlot);
    EntropyPool pool(rng, row); // the same draws again
    TextWriter writer{out};
    write(pool, writer);
    return {out, counter.length};
}

char upperAscii(char c)
{
    return c >= 'a' && c <= 'z' ? char(c - 'a' + 'A') : c;
}

class PatternGenerator final : public RowGenerator<PatternGenerator>
{
public:
    bool neverNull() const override { return true; }
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
                     QStringLiteral("missing parameter 'pattern', or not a string: give a "
                                    "regular expression such as \"[A-Z]{3}-\\\\d{4}\""));
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
        // Locals, not members: a char store may alias a member, forcing a reload per word.
        const uint8_t *lengths = words->lengths();
        const char *slotBytes = words->slot(0);
        const uint64_t size = words->size();
        const Capitalize caps = capitalize;
        for (uint32_t w = 0; w < count; ++w) {
            const size_t index = pool.below(size);
            if (w > 0)
                out.put(' ');
            const bool slotted = lengths[index] <= WordList::kSlot;
            const char *text =
                slotted ? slotBytes + index * WordList::kSlot : words->word(index).data();
            size_t n = lengths[index];
            if (caps == Capitalize::Words || (caps == Capitalize::First && w == 0)) {
                out.put(upperAscii(*text++));
                --n;
            }
            if (slotted) // the slots are followed by more readable bytes: text + 1 is fine
                out.putPadded(text, n);
            else
                out.put(text, n);
        }
        out.put(suffix.data(), suffix.size());
    }

    // Words joined by spaces up to a random length, the last word cut to fit, never ending
    // in a space (TPC-H's "a 10 to 43 character comment"). Written in place with kSlot spare
    // bytes, so that each word is one fixed-size move from its slot.
    std::string_view writeLength(EntropyPool &pool, Arena &arena) const
    {
        const size_t total = min + pool.below(max - min + 1);
        const size_t target = total - suffix.size();
        char *out = arena.allocate(total + WordList::kSlot);
        const uint8_t *lengths = words->lengths();
        const char *slotBytes = words->slot(0);
        const size_t size = words->size();
        const Capitalize caps = capitalize;
        size_t length = 0;
        while (length < target) {
            if (length > 0)
                out[length++] = ' ';
            const size_t room = target - length;
            size_t index = pool.below(size);
            // A word leaving exactly one free byte would force a trailing space next: take the
            // next word of another length instead.
            for (size_t tries = 0; lengths[index] + 1u == room && tries < size; ++tries)
                index = index + 1 == size ? 0 : index + 1;
            if (lengths[index] <= WordList::kSlot)
                std::memcpy(out + length, slotBytes + index * WordList::kSlot, WordList::kSlot);
            else
                copyShort(out + length, words->word(index).data(),
                          std::min<size_t>(lengths[index], room));
            if (caps == Capitalize::Words || (caps == Capitalize::First && !length))
                out[length] = upperAscii(out[length]);
            length += std::min<size_t>(lengths[index], room);
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

// Bounds that keep one value near a megabyte at most: a batch holds a thousand of them.
constexpr int64_t kMaxWords = 100000;
constexpr int64_t kMaxTextLength = 1 << 20;
constexpr int64_t kMaxSentences = 1000;
constexpr int64_t kMaxSentenceWords = 100; // in a paragraph

// A checked, ordered count range from `minKey`/`maxKey` into phrase.min/max.
void readRange(ParamReader &params, Phrase &phrase, const QString &minKey, const QString &maxKey,
               uint32_t min, uint32_t max, int64_t lo, int64_t hi)
{
    const int64_t a = params.integer(minKey, min);
    const int64_t b = params.integer(maxKey, std::max<int64_t>(a, max));
    params.requireRange(minKey, double(a), double(lo), double(hi));
    params.requireRange(maxKey, double(b), double(lo), double(hi));
    params.requireOrdered(minKey, double(a), maxKey, double(b));
    phrase.min = uint32_t(std::clamp(a, lo, hi));
    phrase.max = std::max(phrase.min, uint32_t(std::clamp(b, lo, hi)));
}

std::unique_ptr<Generator> createWords(GeneratorArgs &args)
{
    ParamReader &params = args.params;
    Phrase phrase;
    phrase.capitalize = Capitalize(
        params.option(QStringLiteral("capitalize"),
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
    Phrase words = sentence(args.params, QStringLiteral("minWords"), QStringLiteral("maxWords"),
                            kMaxSentenceWords);
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
        int slot;       // dependency slot, kMaxColumns + i for computed[i], or -1 for literal text
        uint32_t begin; // literal: bytes [begin, begin+size) of literals
        uint32_t size;
    };
    // A placeholder holding an expression, {format('%05d', id)}: its columns' slots in names.
    struct Computed
    {
        RowExpression expression;
        std::vector<int> nameSlots;
    };
    std::string literals;
    std::vector<Segment> segments;
    QStringList names; // the columns read, one slot each
    std::vector<Computed> computed;
    static constexpr qsizetype kMaxColumns = 64;
    static constexpr size_t kMaxComputed = 16;
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
    QString dependencyKey(int) const override { return QStringLiteral("template"); }
    void bindDependencies(const QList<int> &columnIndexes) override
    {
        // Unknown names were reported by the compiler and are left unbound (-1).
        m_columns.assign(size_t(m_spec.names.size()), -1);
        for (qsizetype i = 0; i < columnIndexes.size() && i < m_spec.names.size(); ++i)
            m_columns[size_t(i)] = columnIndexes[i];
    }

    bool needsParent() const override
    {
        return std::any_of(
            m_spec.computed.begin(), m_spec.computed.end(),
            [](const TemplateSpec::Computed &c) { return c.expression.needsParent(); });
    }
    void bindTable(const TableRuntime &table) override
    {
        for (TemplateSpec::Computed &c : m_spec.computed)
            c.expression.bindTable(table);
    }
    std::vector<RowRead> otherRowReads() const override
    {
        std::vector<RowRead> reads;
        for (const TemplateSpec::Computed &c : m_spec.computed)
            c.expression.addReads(reads);
        return reads;
    }

    void generate(const BatchContext &ctx, Value *out) const override
    {
        // The columns read, resolved once per batch; unbound ones read as null.
        static const Value null;
        constexpr size_t kSlots = TemplateSpec::kMaxColumns + TemplateSpec::kMaxComputed;
        const Value *columns[kSlots];
        for (size_t c = 0; c < m_columns.size(); ++c) {
            const bool bound = ctx.batch && m_columns[c] >= 0;
            columns[c] = bound ? ctx.batch->column(m_columns[c]) : nullptr;
        }
        // Expression placeholders: evaluated for the whole batch first, then read like columns.
        std::vector<std::vector<Value>> computed(m_spec.computed.size());
        for (size_t k = 0; k < m_spec.computed.size(); ++k) {
            const TemplateSpec::Computed &c = m_spec.computed[k];
            QList<int> indexes;
            for (int slot : c.nameSlots)
                indexes.append(m_columns[size_t(slot)]);
            computed[k].resize(ctx.count);
            const bool bound = ctx.batch && !indexes.contains(-1);
            if (bound)
                c.expression.evaluate(ctx, indexes, computed[k].data());
            columns[TemplateSpec::kMaxColumns + k] = bound ? computed[k].data() : nullptr;
        }
        for (uint32_t i = 0; i < ctx.count; ++i) {
            const Value *values[kSlots];
            for (size_t c = 0; c < m_columns.size(); ++c)
                values[c] = columns[c] ? &columns[c][i] : &null;
            for (size_t k = 0; k < computed.size(); ++k) {
                const Value *column = columns[TemplateSpec::kMaxColumns + k];
                values[TemplateSpec::kMaxColumns + k] = column ? &column[i] : &null;
            }
            out[i] = Value::string(render(values, *ctx.arena));
        }
    }

private:
    std::string_view render(const Value *const *values, Arena &arena) const
    {
        size_t bound = 0;
        for (const TemplateSpec::Segment &s : m_spec.segments) {
            const Value *v = s.slot < 0 ? nullptr : values[s.slot];
            bound += !v ? s.size : v->kind == ValueKind::Text ? v->len : renderedLengthBound(*v);
        }
        // Written in place: the bound is exact for text and a few bytes over for numbers, and
        // copying from a stack buffer stalled on just-written bytes.
        char *buffer = arena.allocate(bound);
        size_t length = 0;
        for (const TemplateSpec::Segment &s : m_spec.segments) {
            const Value *v = s.slot < 0 ? nullptr : values[s.slot];
            if (!v || v->kind == ValueKind::Text) { // text is copied here, not through a call
                const char *text = v ? v->text : m_spec.literals.data() + s.begin;
                const size_t n = v ? v->len : s.size;
                copyShort(buffer + length, text, n);
                length += n;
            } else {
                length += renderText(*v, buffer + length);
            }
        }
        if (m_spec.ascii)
            length = foldToAscii(buffer, length);
        if (m_spec.caseMode == CaseMode::Lower)
            toLowerAscii(buffer, length);
        else if (m_spec.caseMode == CaseMode::Upper)
            toUpperAscii(buffer, length);
        return {buffer, length};
    }

    TemplateSpec m_spec;
    std::vector<int> m_columns;
};

// An expression placeholder starting at character `at` (0-based) of the template.
bool addComputed(const QString &text, int at, const GeneratorArgs &args, TemplateSpec &spec)
{
    const QString key = QStringLiteral("template");
    if (spec.computed.size() == TemplateSpec::kMaxComputed) {
        args.params.error(key, QStringLiteral("the template has more than %1 expressions: split "
                                              "it over several columns")
                                   .arg(TemplateSpec::kMaxComputed));
        return false;
    }
    QList<ExprProblem> problems;
    auto expression = RowExpression::compile(args, text, QStringLiteral("text"), &problems);
    for (const ExprProblem &p : std::as_const(problems))
        args.params.error(key, QStringLiteral("at character %1 of the template: %2")
                                   .arg(at + p.pos + 1)
                                   .arg(p.message));
    if (!expression)
        return false;
    TemplateSpec::Computed computed{std::move(*expression), {}};
    for (const QString &column : computed.expression.columns()) {
        if (!spec.names.contains(column) && spec.names.size() == TemplateSpec::kMaxColumns) {
            args.params.error(key, QStringLiteral("the template reads more than %1 columns: "
                                                  "split it over several template columns")
                                       .arg(TemplateSpec::kMaxColumns));
            return false;
        }
        if (!spec.names.contains(column))
            spec.names.append(column);
        computed.nameSlots.push_back(int(spec.names.indexOf(column)));
    }
    spec.segments.push_back(
        {int(TemplateSpec::kMaxColumns + qsizetype(spec.computed.size())), 0, 0});
    spec.computed.push_back(std::move(computed));
    return true;
}

// Splits "{first}.{last}@example.com" into literal text and column references; "{{" and "}}"
// stand for single braces. A placeholder with parentheses is an expression:
// {format('%05d', id)}, {upper(last)}.
bool parseTemplate(const QString &text, const GeneratorArgs &args, TemplateSpec &spec)
{
    ParamReader &params = args.params;
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
            // Expressions, and columns of other rows ({parent.x}, {ref.x}), are computed.
            if (name.contains(QLatin1Char('(')) || name.contains(QLatin1Char('.'))) {
                const qsizetype lead = text.indexOf(name, i + 1) - i - 1;
                if (!addComputed(name, int(i + 1 + lead), args, spec))
                    return false;
                i = close;
                continue;
            }
            if (!spec.names.contains(name) && spec.names.size() == TemplateSpec::kMaxColumns) {
                params.error(key, QStringLiteral("the template reads more than %1 columns: "
                                                 "split it over several template columns")
                                      .arg(TemplateSpec::kMaxColumns));
                return false;
            }
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
        params.option(QStringLiteral("case"),
                      {QStringLiteral("none"), QStringLiteral("lower"), QStringLiteral("upper")}));
    spec.ascii = params.boolean(QStringLiteral("ascii"), false);
    if (!params.has(QStringLiteral("template")) || !parseTemplate(text, args, spec))
        return nullptr;
    return std::make_unique<TemplateGenerator>(std::move(spec));
}

class ChoiceGenerator final : public RowGenerator<ChoiceGenerator>
{
public:
    ChoiceGenerator(ValueList values, std::optional<AliasTable> alias, RandomStream rng)
        : m_values(std::move(values))
        , m_alias(std::move(alias))
        , m_distinct(m_values.distinctCount())
        , m_rng(rng)
    {}

    Value at(uint64_t row, Arena &) const
    {
        const auto &values = m_values.values();
        if (values.size() == 1)
            return values.front(); // a constant
        const uint64_t draw = m_rng.draw(row);
        if (m_alias)
            return values[m_alias->sample(draw)];
        return values[size_t((static_cast<unsigned __int128>(draw) * values.size()) >> 64)];
    }
    // `unique` takes every listed value once, whatever the weights; only a list without
    // repeats can promise that.
    std::optional<uint64_t> cardinality() const override { return m_distinct; }
    bool canEnumerate() const override { return m_distinct == m_values.values().size(); }
    Value valueAt(uint64_t index, Arena &) const override { return m_values.values()[index]; }

private:
    ValueList m_values;
    std::optional<AliasTable> m_alias;
    size_t m_distinct; // distinct values in the list
    RandomStream m_rng;
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
    if (hasValues && array.isEmpty())
        params.error(QStringLiteral("values"),
                     QStringLiteral("'values' is empty: list at least one value to choose from"));
    const auto weights = readWeights(params, array.size());
    if (array.isEmpty() || (params.has(QStringLiteral("weights")) && !weights))
        return nullptr;
    ValueList values(args.sqlType);
    bool ok = true;
    for (qsizetype i = 0; i < array.size(); ++i) {
        QString problem;
        if (!values.add(array[i], &problem))
            params.error(QStringLiteral("values[%1]").arg(i), problem);
        ok = ok && problem.isEmpty();
    }
    if (!ok)
        return nullptr;
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
    ValueList value(args.sqlType);
    QString problem;
    if (!value.add(*json, &problem)) {
        params.error(QStringLiteral("value"), problem);
        return nullptr;
    }
    return std::make_unique<ChoiceGenerator>(std::move(value), std::nullopt, args.rng);
}

} // namespace

void registerTextGenerators(GeneratorRegistry &registry)
{
    const QString text = QStringLiteral(QT_TRANSLATE_NOOP("GeneratorRegistry", "text"));
    const QString choice = QStringLiteral(QT_TRANSLATE_NOOP("GeneratorRegistry", "choice"));
    registry.add(
        {QStringLiteral("pattern"), text,
         QStringLiteral(QT_TRANSLATE_NOOP(
             "GeneratorRegistry", "Text matching a regular expression, e.g. [A-Z]{3}-\\d{4}")),
         text, createPattern});
    registry.add(
        {QStringLiteral("words"), text,
         QStringLiteral(QT_TRANSLATE_NOOP(
             "GeneratorRegistry", "Random dictionary words, by word count or by text length")),
         text, createWords});
    registry.add({QStringLiteral("sentence"), text,
                  QStringLiteral(QT_TRANSLATE_NOOP(
                      "GeneratorRegistry",
                      "A capitalised sentence of random words ending with a full stop")),
                  text, createSentence});
    registry.add({QStringLiteral("paragraph"), text,
                  QStringLiteral(
                      QT_TRANSLATE_NOOP("GeneratorRegistry", "Several sentences of random words")),
                  text, createParagraph});
    registry.add({QStringLiteral("template"), text,
                  QStringLiteral(QT_TRANSLATE_NOOP("GeneratorRegistry",
                                                   "Text built from other columns of the row, e.g. "
                                                   "{first}.{last}@example.com")),
                  text, createTemplate});
    registry.add({QStringLiteral("choice"), choice,
                  QStringLiteral(QT_TRANSLATE_NOOP("GeneratorRegistry",
                                                   "One value from a list, optionally weighted")),
                  text, createChoice});
    registry.add(
        {QStringLiteral("constant"), choice,
         QStringLiteral(QT_TRANSLATE_NOOP("GeneratorRegistry", "The same value on every row")),
         text, createConstant});
}

} // namespace spillway
