#include "generators/peopletext.h"

#include "base/valueformat.h"
#include "generators/textrender.h"

namespace spillway {

namespace {

char *writeFoldedSlug(char *out, std::string_view text)
{
    std::memcpy(out, text.data(), text.size());
    const size_t folded = foldToAscii(out, text.size());
    char *w = out;
    for (size_t r = 0; r < folded; ++r) {
        char c = out[r];
        if (c >= 'A' && c <= 'Z')
            c = char(c - 'A' + 'a');
        if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))
            *w++ = c;
    }
    return w;
}

} // namespace

char *writeSlug(char *out, std::string_view text)
{
    // Plain ASCII (most names) in one pass; other text is folded first.
    char *w = out;
    for (const char c : text) {
        if (static_cast<unsigned char>(c) >= 0x80)
            return writeFoldedSlug(out, text);
        const char lower = c >= 'A' && c <= 'Z' ? char(c - 'A' + 'a') : c;
        if ((lower >= 'a' && lower <= 'z') || (lower >= '0' && lower <= '9'))
            *w++ = lower;
    }
    return w;
}

std::string_view firstWord(std::string_view text)
{
    const size_t start = text.find_first_not_of(' ');
    if (start == std::string_view::npos)
        return {};
    const size_t end = text.find(' ', start);
    return text.substr(start, end == std::string_view::npos ? end : end - start);
}

std::string_view lastWord(std::string_view text)
{
    const size_t end = text.find_last_not_of(' ');
    if (end == std::string_view::npos)
        return {};
    const size_t space = text.rfind(' ', end);
    const size_t start = space == std::string_view::npos ? 0 : space + 1;
    return text.substr(start, end + 1 - start);
}

namespace {

char *append(char *out, std::string_view s)
{
    copyShort(out, s.data(), s.size());
    return out + s.size();
}

} // namespace

Company::Style Company::style(uint64_t row) const
{
    const double u = m_group.unit(row, 0);
    return u < 0.55   ? Style::StemSuffix
           : u < 0.75 ? Style::Stem
           : u < 0.9  ? Style::LastSuffix
                      : Style::TwoLasts;
}

size_t Company::name(uint64_t row, char *out) const
{
    char *p = out;
    const Style s = style(row);
    const std::string_view suffix = m_book->companySuffixes.pick(m_group.draw(row, 2));
    if (s == Style::StemSuffix || s == Style::Stem)
        p = append(p, m_book->companies.pick(m_group.draw(row, 1)));
    else
        p = append(p, m_book->last.pick(m_group.draw(row, 3)));
    if (s == Style::TwoLasts)
        p = append(append(p, " & "), m_book->last.pick(m_group.draw(row, 4)));
    else if (s != Style::Stem)
        p = append(append(p, " "), suffix);
    return size_t(p - out);
}

size_t Company::domain(uint64_t row, char *out) const
{
    char *p = out;
    const Style s = style(row);
    if (s == Style::StemSuffix || s == Style::Stem) {
        p = append(p, m_book->companySlugs[m_book->companies.sample(m_group.draw(row, 1))]);
    } else {
        p = append(p, m_book->lastSlugs[m_book->last.sample(m_group.draw(row, 3))]);
        if (s == Style::TwoLasts)
            p = append(p, m_book->lastSlugs[m_book->last.sample(m_group.draw(row, 4))]);
    }
    if (p == out)
        p = append(p, "company");
    *p++ = '.';
    return size_t(append(p, m_book->topLevelDomains.pick(m_group.draw(row, 5))) - out);
}

void EmailMaker::setCompany(const QString &group, uint64_t tableKey)
{
    m_company.emplace(RandomStream(tableKey).derive(hashName("group:" + group.toStdString())));
}

char *EmailMaker::writeDomain(uint64_t row, char *out) const
{
    if (!m_fixedDomain.empty())
        return append(out, m_fixedDomain);
    if (m_company)
        return out + m_company->domain(row, out);
    return append(out, m_book->emailDomains.pick(m_rng.draw(row, 2)));
}

std::string_view EmailMaker::fromNames(uint64_t row, std::string_view first, std::string_view last,
                                       Arena &arena) const
{
    char f[256], l[256];
    first = first.substr(0, 255);
    last = last.substr(0, 255);
    return compose(row, {f, size_t(writeSlug(f, first) - f)}, {l, size_t(writeSlug(l, last) - l)},
                   arena);
}

std::string_view EmailMaker::compose(uint64_t row, std::string_view first, std::string_view last,
                                     Arena &arena) const
{
    return arena.write(3 * 256 + 64, [&](char *buffer) {
        return size_t(composeAt(row, first, last, buffer) - buffer);
    });
}

char *EmailMaker::composeAt(uint64_t row, std::string_view first, std::string_view last,
                            char *buffer) const
{
    char *p = buffer;
    char *f = append(p, first.empty() ? std::string_view("user") : first);
    const uint64_t r = m_rng.draw(row, 0); // style from the top 16 bits, digits from the rest
    const double u = double(r >> 48) / 65536.0;
    const uint64_t digits = r & 0xFFFFFFFFFFFFULL;
    if (last.empty() || u >= 0.85) {
        p = formatInt(f, int64_t(1950 + digits % 60)); // name and a year
    } else if (u < 0.35) {
        p = append(append(f, "."), last);
    } else if (u < 0.50) {
        p = append(f, last);
    } else if (u < 0.62) {
        p = append(buffer + 1, last); // initial and last name
    } else if (u < 0.70) {
        p = append(append(f, "_"), last);
    } else {
        p = formatInt(append(append(f, "."), last), int64_t(10 + digits % 90));
    }
    *p++ = '@';
    return writeDomain(row, p);
}

} // namespace spillway
