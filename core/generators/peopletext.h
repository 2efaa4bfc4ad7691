#pragma once

// The parts that people and internet generators share: one person of a group (sex, first and
// last name), one company of a group (its name and its web domain), and the email maker.
// Everything is a pure function of (stream, row), so columns of one group agree.

#include "base/random.h"
#include "base/value.h"
#include "generators/dictionary.h"

#include <QString>

#include <cstring>
#include <string>
#include <string_view>

namespace spillway {

// Appends text folded to lower-case ASCII letters and digits ("O'Brien-Søren" -> "obriensoren");
// returns the end. Writes at most text.size() bytes.
char *writeSlug(char *out, std::string_view text);

std::string_view firstWord(std::string_view text);
std::string_view lastWord(std::string_view text);

class Person
{
public:
    explicit Person(RandomStream group)
        : m_group(group)
        , m_book(&PeopleBook::instance())
    {}

    bool isFemale(uint64_t row) const { return m_group.unit(row, 0) < m_book->femaleShare; }
    std::string_view first(uint64_t row) const
    {
        return (isFemale(row) ? m_book->female : m_book->male).pick(m_group.draw(row, 1));
    }
    std::string_view last(uint64_t row) const { return m_book->last.pick(m_group.draw(row, 2)); }
    const std::string &firstSlug(uint64_t row) const
    {
        const bool female = isFemale(row);
        const uint32_t i = (female ? m_book->female : m_book->male).sample(m_group.draw(row, 1));
        return female ? m_book->femaleSlugs[i] : m_book->maleSlugs[i];
    }
    const std::string &lastSlug(uint64_t row) const
    {
        return m_book->lastSlugs[m_book->last.sample(m_group.draw(row, 2))];
    }

private:
    RandomStream m_group;
    const PeopleBook *m_book;
};

class Company
{
public:
    static constexpr size_t kMaxName = 256;

    explicit Company(RandomStream group)
        : m_group(group)
        , m_book(&PeopleBook::instance())
    {}

    // The company's name at out (kMaxName bytes); returns its length.
    size_t name(uint64_t row, char *out) const;
    // Its web domain ("northwindlabs.com") at out (kMaxName bytes); returns its length.
    size_t domain(uint64_t row, char *out) const;

private:
    enum class Style { StemSuffix, Stem, LastSuffix, TwoLasts };
    Style style(uint64_t row) const;

    RandomStream m_group;
    const PeopleBook *m_book;
};

class EmailMaker
{
public:
    EmailMaker(RandomStream own, RandomStream person)
        : m_rng(own)
        , m_person(person)
        , m_book(&PeopleBook::instance())
    {}

    void setFixedDomain(std::string domain) { m_fixedDomain = std::move(domain); }
    void setCompany(const QString &group, uint64_t tableKey);

    std::string_view fromPerson(uint64_t row, Arena &arena) const
    {
        return compose(row, m_person.firstSlug(row), m_person.lastSlug(row), arena);
    }
    // last may be empty (a single name).
    std::string_view fromNames(uint64_t row, std::string_view first, std::string_view last,
                               Arena &arena) const;

private:
    // From names already folded to lower-case ASCII letters and digits.
    std::string_view compose(uint64_t row, std::string_view first, std::string_view last,
                             Arena &arena) const;
    char *writeDomain(uint64_t row, char *out) const;
    char *composeAt(uint64_t row, std::string_view first, std::string_view last, char *out) const;

    RandomStream m_rng;
    Person m_person;
    const PeopleBook *m_book;
    std::string m_fixedDomain;
    std::optional<Company> m_company;
};

} // namespace spillway
