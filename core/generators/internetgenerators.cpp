// Internet and payment identifiers: domain, URL, IPv4 and IPv6 (optionally within a CIDR block),
// MAC address, user agent, and Luhn-valid test card numbers.

#include "base/nettext.h"
#include "base/valueformat.h"
#include "generators/dictionary.h"
#include "generators/peopletext.h"
#include "generators/wordlist.h"
#include "schema/compiledschema.h"
#include "schema/generatorregistry.h"

#include <QJsonArray>

namespace spillway {

namespace {

class Domain final : public RowGenerator<Domain>
{
public:
    explicit Domain(RandomStream group)
        : m_company(group)
    {}
    Value at(uint64_t row, Arena &arena) const
    {
        return Value::string(
            arena.write(Company::kMaxName, [&](char *out) { return m_company.domain(row, out); }));
    }

private:
    Company m_company;
};

// https://[www.]domain/[word/...][?id=n]: the domain is the group's company's.
class Url final : public RowGenerator<Url>
{
public:
    Url(RandomStream group, RandomStream rng)
        : m_company(group)
        , m_rng(rng)
        , m_words(&WordList::instance())
    {}
    Value at(uint64_t row, Arena &arena) const
    {
        char buffer[Company::kMaxName + 5 * (WordList::kMaxWordLength + 1) + 64];
        char *p = std::copy_n("https://", 8, buffer);
        const uint64_t shape = m_rng.draw(row, 0);
        if (shape & 1)
            p = std::copy_n("www.", 4, p);
        p += m_company.domain(row, p);
        *p++ = '/';
        const int segments = int((shape >> 1) % 4);
        for (int k = 0; k < segments; ++k) {
            if (k)
                *p++ = (shape >> 4) & 1 ? '-' : '/';
            p = writeSlug(p, m_words->word(m_rng.below(row, m_words->size(), uint32_t(1 + k))));
        }
        if ((shape >> 5) % 4 == 0)
            p = formatInt(std::copy_n("?id=", 4, p), int64_t(m_rng.below(row, 1000000, 6)));
        return Value::string(arena.copy({buffer, size_t(p - buffer)}));
    }

private:
    Company m_company;
    RandomStream m_rng;
    const WordList *m_words;
};

class Address final : public RowGenerator<Address>
{
public:
    Address(RandomStream rng, NetworkSpec spec)
        : m_rng(rng)
        , m_spec(spec)
    {}
    Value at(uint64_t row, Arena &arena) const
    {
        return Value::string(
            arena.write(64, [&](char *out) { return m_spec.write(m_rng, row, out); }));
    }

private:
    RandomStream m_rng;
    NetworkSpec m_spec;
};

class UserAgent final : public RowGenerator<UserAgent>
{
public:
    explicit UserAgent(RandomStream rng)
        : m_rng(rng)
        , m_book(&PeopleBook::instance())
    {}
    Value at(uint64_t row, Arena &) const
    {
        return Value::string(m_book->userAgents.pick(m_rng.draw(row)));
    }

private:
    RandomStream m_rng;
    const PeopleBook *m_book;
};

class CardNumber final : public RowGenerator<CardNumber>
{
public:
    CardNumber(RandomStream rng, CardBrands brands, bool spaced)
        : m_rng(rng)
        , m_brands(std::move(brands))
        , m_spaced(spaced)
    {}
    Value at(uint64_t row, Arena &arena) const
    {
        return Value::string(
            arena.write(32, [&](char *out) { return m_brands.write(m_rng, row, m_spaced, out); }));
    }

private:
    RandomStream m_rng;
    CardBrands m_brands;
    bool m_spaced;
};

std::unique_ptr<Generator> createAddress(GeneratorArgs &a, int family)
{
    NetworkSpec spec;
    if (!spec.read(a.params, family))
        return nullptr;
    return std::make_unique<Address>(a.rng, spec);
}

std::unique_ptr<Generator> createCard(GeneratorArgs &a)
{
    QStringList names;
    if (a.params.has(QStringLiteral("brands"))) {
        for (const QJsonValue &v : a.params.array(QStringLiteral("brands")))
            names.append(v.toString());
    }
    CardBrands brands;
    QString problem;
    if (!brands.select(names, &problem)) {
        a.params.error(QStringLiteral("brands"), problem);
        return nullptr;
    }
    const bool spaced = a.params.boolean(QStringLiteral("spaced"), false);
    return std::make_unique<CardNumber>(a.rng, std::move(brands), spaced);
}

} // namespace

void registerInternetGenerators(GeneratorRegistry &r)
{
    const QString net = QStringLiteral(QT_TRANSLATE_NOOP("GeneratorRegistry", "internet"));
    const QString text = QStringLiteral("text");
    r.add({QStringLiteral("domain"), net,
           QStringLiteral(
               QT_TRANSLATE_NOOP("GeneratorRegistry", "Web domains of the group's company")),
           text, [](GeneratorArgs &a) {
               return std::make_unique<Domain>(a.groupStream(QStringLiteral("company")));
           }});
    r.add({QStringLiteral("url"), net,
           QStringLiteral(
               QT_TRANSLATE_NOOP("GeneratorRegistry", "https URLs on the company's domain")),
           text, [](GeneratorArgs &a) {
               return std::make_unique<Url>(a.groupStream(QStringLiteral("company")), a.rng);
           }});
    r.add({QStringLiteral("ipv4"), net,
           QStringLiteral(QT_TRANSLATE_NOOP("GeneratorRegistry",
                                            "IPv4 addresses, optionally in a CIDR block")),
           QStringLiteral("inet"), [](GeneratorArgs &a) { return createAddress(a, 4); }});
    r.add({QStringLiteral("ipv6"), net,
           QStringLiteral(QT_TRANSLATE_NOOP("GeneratorRegistry",
                                            "IPv6 addresses, optionally in a CIDR block")),
           QStringLiteral("inet"), [](GeneratorArgs &a) { return createAddress(a, 6); }});
    r.add({QStringLiteral("mac"), net,
           QStringLiteral(QT_TRANSLATE_NOOP("GeneratorRegistry", "MAC addresses (unicast)")),
           QStringLiteral("macaddr"), [](GeneratorArgs &a) { return createAddress(a, 0); }});
    r.add({QStringLiteral("user_agent"), net,
           QStringLiteral(
               QT_TRANSLATE_NOOP("GeneratorRegistry", "Browser and bot user agents by real share")),
           text, [](GeneratorArgs &a) { return std::make_unique<UserAgent>(a.rng); }});
    r.add({QStringLiteral("card_number"), net,
           QStringLiteral(
               QT_TRANSLATE_NOOP("GeneratorRegistry", "Luhn-valid test card numbers by brand")),
           text, createCard});
}

} // namespace spillway
