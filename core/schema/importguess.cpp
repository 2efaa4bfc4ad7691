// Generators guessed from a column's name (and its table's, and its type): people, companies,
// places, internet and payment values, prices, times. Each guess says why it was made; a guess
// whose values would not fit the column's length is not made.

#include "schema/importinternal.h"

#include <QRegularExpression>

#include <cmath>
#include <vector>

namespace spillway::import {

namespace {

QJsonObject gen(const QString &kind, const QJsonObject &params = {})
{
    QJsonObject o = params;
    o.insert(QStringLiteral("kind"), kind);
    return o;
}

struct Rule
{
    const char *name;   // a regular expression over the lower-case column name
    const char *kind;   // the generator
    int longest;        // the longest value it writes (characters): varchar(n) below is skipped
    const char *reason; // why, for the note
    enum Types { TextOnly, Numbers, Temporal } types = TextOnly;
};

const Rule kRules[] = {
    {"^(e_?)?mail(_?address)?$|_email$|^email_", "email", 60,
     QT_TRANSLATE_NOOP("Importer", "the name says email")},
    {"^(first_?name|given_?name|fname|forename)$", "first_name", 20,
     QT_TRANSLATE_NOOP("Importer", "the name says first name")},
    {"^(last_?name|surname|family_?name|lname)$", "last_name", 25,
     QT_TRANSLATE_NOOP("Importer", "the name says last name")},
    {"^(full_?name|(customer|user|person|employee|author|contact)_?name|display_?name)$",
     "full_name", 45, QT_TRANSLATE_NOOP("Importer", "the name says a person's full name")},
    {"^(company|company_?name|organi[sz]ation|employer|(supplier|vendor|manufacturer)_?name)$",
     "company", 45, QT_TRANSLATE_NOOP("Importer", "the name says company")},
    {"^job_?title$", "job_title", 45, QT_TRANSLATE_NOOP("Importer", "the name says job title")},
    {"phone|mobile|^tel(ephone)?$|^fax$", "phone", 20,
     QT_TRANSLATE_NOOP("Importer", "the name says phone number")},
    {"^(city|town)(_?name)?$", "city", 40, QT_TRANSLATE_NOOP("Importer", "the name says city")},
    {"^(region|state|province)$", "region", 40,
     QT_TRANSLATE_NOOP("Importer", "the name says region")},
    {"^(postal_?code|post_?code|zip(_?code)?|postcode)$", "postal_code", 10,
     QT_TRANSLATE_NOOP("Importer", "the name says postal code")},
    {"^(street(_?address)?|address_?line_?1?|address1)$", "street_address", 60,
     QT_TRANSLATE_NOOP("Importer", "the name says street address")},
    {"^(address|full_?address|postal_?address)$", "address", 120,
     QT_TRANSLATE_NOOP("Importer", "the name says address")},
    {"^(ip|ip_?addr(ess)?|client_?ip|remote_?addr(ess)?|source_?ip)$", "ipv4", 18,
     QT_TRANSLATE_NOOP("Importer", "the name says IP address")},
    {"^(url|website|homepage|web_?site|link|.*_url)$", "url", 120,
     QT_TRANSLATE_NOOP("Importer", "the name says URL")},
    {"^(domain|domain_?name|hostname)$", "domain", 40,
     QT_TRANSLATE_NOOP("Importer", "the name says domain")},
    {"^(user_?agent|ua)$", "user_agent", 250,
     QT_TRANSLATE_NOOP("Importer", "the name says user agent")},
    {"^iban$", "iban", 34, QT_TRANSLATE_NOOP("Importer", "the name says IBAN")},
    {"^(currency|currency_?code)$", "currency", 3,
     QT_TRANSLATE_NOOP("Importer", "the name says currency")},
    {"^(card_?number|credit_?card(_?number)?|pan)$", "card_number", 19,
     QT_TRANSLATE_NOOP("Importer", "the name says card number")},
    {"^(job|occupation)$", "job_title", 45, QT_TRANSLATE_NOOP("Importer", "the name says job")},
    {"^(lat|latitude)$", "latitude", 0, QT_TRANSLATE_NOOP("Importer", "the name says latitude"),
     Rule::Numbers},
    {"^(lon|lng|long|longitude)$", "longitude", 0,
     QT_TRANSLATE_NOOP("Importer", "the name says longitude"), Rule::Numbers},
};

bool typeFits(const Rule &rule, const TypeInfo &type)
{
    if (type.array)
        return false;
    switch (rule.types) {
    case Rule::Numbers:
        return type.cls == TypeInfo::Float || type.cls == TypeInfo::Decimal;
    case Rule::Temporal:
        return type.isTemporal();
    case Rule::TextOnly:
        return type.isTextLike() ||
               (type.cls == TypeInfo::Inet && QLatin1String(rule.kind) == QLatin1String("ipv4"));
    }
    return false;
}

// Country and region columns follow the column's length: codes in char(2)/char(3).
std::optional<Guess> countryGuess(const QString &column, const TypeInfo &type)
{
    static const QRegularExpression name(
        QStringLiteral("^(country|country_?code|country_?iso|iso_?country|nationality)$"));
    if (!type.isTextLike() || type.array || !name.match(column).hasMatch())
        return std::nullopt;
    const int n = type.maxLength();
    const QString form = n == 2   ? QStringLiteral("alpha2")
                         : n == 3 ? QStringLiteral("alpha3")
                         : column.contains(QLatin1String("code")) && n >= 2
                             ? QStringLiteral("alpha2")
                             : QStringLiteral("name");
    if (form == QLatin1String("name") && n < 40)
        return n >= 2 ? std::optional(
                            Guess{gen(QStringLiteral("country"),
                                      {{QStringLiteral("form"), QStringLiteral("alpha2")}}),
                                  ImportText::tr("the name says country; codes fit its length")})
                      : std::nullopt;
    return Guess{gen(QStringLiteral("country"), {{QStringLiteral("form"), form}}),
                 form == QLatin1String("name")
                     ? ImportText::tr("the name says country")
                     : ImportText::tr("the name says country, and its length fits "
                                      "a code")};
}

// `name` alone: a person, a company or a product, after the table's name.
std::optional<Guess> nameGuess(const QString &table, const QString &column, const TypeInfo &type)
{
    if (column != QLatin1String("name") || !type.isTextLike() || type.array ||
        type.maxLength() < 45)
        return std::nullopt;
    static const QRegularExpression people(
        QStringLiteral("customer|user|person|people|employee|author|member|contact|client|"
                       "student|patient|staff|account"));
    static const QRegularExpression companies(
        QStringLiteral("compan|supplier|vendor|manufacturer|organi[sz]ation|brand|partner"));
    if (people.match(table).hasMatch())
        return Guess{gen(QStringLiteral("full_name")),
                     ImportText::tr("a name in a table of people (%1)").arg(table)};
    if (companies.match(table).hasMatch())
        return Guess{gen(QStringLiteral("company")),
                     ImportText::tr("a name in a table of companies (%1)").arg(table)};
    return Guess{
        gen(QStringLiteral("words"), {{QStringLiteral("min"), 1},
                                      {QStringLiteral("max"), 3},
                                      {QStringLiteral("capitalize"), QStringLiteral("words")}}),
        ImportText::tr("a name: capitalised words")};
}

// Money amounts: decimals from a cent, mostly small.
std::optional<Guess> amountGuess(const QString &column, const TypeInfo &type)
{
    static const QRegularExpression money(
        QStringLiteral("price|amount|cost|total|fee|salary|balance|subtotal|tax|revenue|"
                       "payment|charge|wage"));
    if (type.array || !money.match(column).hasMatch() ||
        (type.cls != TypeInfo::Decimal && type.cls != TypeInfo::Money))
        return std::nullopt;
    const int scale = type.scale >= 0 ? type.scale : 2;
    double max = 5000;
    if (type.precision > 0)
        max = std::min(max, std::pow(10.0, type.precision - scale) - std::pow(10.0, -scale));
    if (max < 1)
        return std::nullopt;
    return Guess{gen(QStringLiteral("decimal"),
                     {{QStringLiteral("min"), std::min(1.0, max)},
                      {QStringLiteral("max"), max},
                      {QStringLiteral("scale"), scale},
                      {QStringLiteral("distribution"), QStringLiteral("exponential")},
                      {QStringLiteral("mean"), std::max(1.0, max / 50)}}),
                 ImportText::tr("the name says a money amount: mostly small, a few large")};
}

std::optional<Guess> otherGuess(const QString &column, const TypeInfo &type)
{
    static const QRegularExpression quantity(QStringLiteral("^(qty|quantity|count|units)$"));
    if (type.cls == TypeInfo::Integer && !type.array && quantity.match(column).hasMatch())
        return Guess{gen(QStringLiteral("zipf"), {{QStringLiteral("min"), 1},
                                                  {QStringLiteral("max"), 20},
                                                  {QStringLiteral("s"), 1.6}}),
                     ImportText::tr("the name says a quantity: mostly 1, rarely up to 20")};
    static const QRegularExpression birth(QStringLiteral("birth|^dob$"));
    if (type.cls == TypeInfo::Date && birth.match(column).hasMatch())
        return Guess{
            gen(QStringLiteral("date"), {{QStringLiteral("min"), QStringLiteral("1940-01-01")},
                                         {QStringLiteral("max"), QStringLiteral("2007-12-31")}}),
            ImportText::tr("the name says a birth date: adults")};
    if (isCreatedName(column) && type.isTemporal() && !type.array) {
        QJsonObject g = gen(type.cls == TypeInfo::Date        ? QStringLiteral("date")
                            : type.cls == TypeInfo::Timestamp ? QStringLiteral("timestamp")
                                                              : QStringLiteral("timestamptz"),
                            {{QStringLiteral("min"), type.cls == TypeInfo::Date
                                                         ? QStringLiteral("2022-01-01")
                                                         : QStringLiteral("2022-01-01 00:00:00")}});
        return Guess{g, ImportText::tr("the name says a creation time: the last few years")};
    }
    static const QRegularExpression prose(
        QStringLiteral("^(description|comments?|notes?|bio|summary|remarks?|body|message)$"));
    if (type.isTextLike() && !type.array && prose.match(column).hasMatch())
        return Guess{
            type.maxLength() >= 200
                ? gen(QStringLiteral("sentence"))
                : gen(QStringLiteral("words"), {{QStringLiteral("maxLength"), type.maxLength()}}),
            ImportText::tr("the name says free text")};
    static const QRegularExpression sex(QStringLiteral("^(sex|gender)$"));
    if (type.isTextLike() && !type.array && sex.match(column).hasMatch())
        return Guess{gen(QStringLiteral("sex")), ImportText::tr("the name says sex")};
    return std::nullopt;
}

} // namespace

bool isCreatedName(const QString &column)
{
    static const QRegularExpression created(
        QStringLiteral("^(created|inserted|registered|signed_?up|joined)(_?(at|on|date|time))?$|"
                       "^(creation|registration|signup)_?(date|time)$"));
    return created.match(column).hasMatch();
}

bool isUpdatedName(const QString &column)
{
    static const QRegularExpression updated(QStringLiteral(
        "^(updated|modified|changed|last_?modified|last_?updated)(_?(at|on|date|time))?$"));
    return updated.match(column).hasMatch();
}

std::optional<Guess> guessGenerator(const QString &table, const QString &column,
                                    const TypeInfo &type)
{
    const QString name = column.toLower();
    if (auto g = countryGuess(name, type))
        return g;
    if (auto g = nameGuess(table.toLower(), name, type))
        return g;
    if (auto g = amountGuess(name, type))
        return g;
    if (auto g = otherGuess(name, type))
        return g;
    static const std::vector<QRegularExpression> patterns = [] {
        std::vector<QRegularExpression> out;
        for (const Rule &rule : kRules)
            out.emplace_back(QString::fromLatin1(rule.name));
        return out;
    }();
    for (size_t i = 0; i < std::size(kRules); ++i) {
        const Rule &rule = kRules[i];
        if (!typeFits(rule, type) || !patterns[i].match(name).hasMatch())
            continue;
        if (type.isTextLike() && type.maxLength() < rule.longest)
            continue;
        QJsonObject g = gen(QString::fromLatin1(rule.kind));
        if (type.cls == TypeInfo::Inet || type.cls == TypeInfo::Cidr)
            g.insert(QStringLiteral("withPrefix"), type.cls == TypeInfo::Cidr);
        return Guess{g, ImportText::tr(rule.reason)};
    }
    return std::nullopt;
}

} // namespace spillway::import
