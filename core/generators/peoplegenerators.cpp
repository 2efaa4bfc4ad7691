// People: first, last and full names, sex, email, company and job title, from the bundled
// frequency-weighted dictionaries. Columns of one group (default "person") describe the same
// person: the group's stream picks the sex, first and last name of each row, and an email made
// from the group (or from named columns of the row) uses exactly those names.

#include "generators/dictionary.h"
#include "generators/peopletext.h"
#include "generators/textrender.h"
#include "schema/compiledschema.h"
#include "schema/generatorregistry.h"

#include <QJsonArray>

namespace spillway {

namespace {

// A first or a last name of the group's person.
class NamePart final : public RowGenerator<NamePart>
{
public:
    NamePart(RandomStream group, bool last)
        : m_person(group)
        , m_last(last)
    {}
    Value at(uint64_t row, Arena &arena) const
    {
        return Value::string(arena.copy(m_last ? m_person.last(row) : m_person.first(row)));
    }

private:
    Person m_person;
    bool m_last;
};

class FullName final : public RowGenerator<FullName>
{
public:
    FullName(RandomStream group, bool lastFirst)
        : m_person(group)
        , m_lastFirst(lastFirst)
    {}
    Value at(uint64_t row, Arena &arena) const
    {
        const std::string_view first = m_person.first(row), last = m_person.last(row);
        const std::string_view a = m_lastFirst ? last : first, b = m_lastFirst ? first : last;
        const size_t sep = m_lastFirst ? 2 : 1;
        char *out = arena.allocate(a.size() + sep + b.size());
        std::memcpy(out, a.data(), a.size());
        std::memcpy(out + a.size(), ", ", sep);
        if (!m_lastFirst)
            out[a.size()] = ' ';
        std::memcpy(out + a.size() + sep, b.data(), b.size());
        return Value::string({out, a.size() + sep + b.size()});
    }

private:
    Person m_person;
    bool m_lastFirst;
};

class Sex final : public RowGenerator<Sex>
{
public:
    Sex(RandomStream group, std::string female, std::string male)
        : m_person(group)
        , m_female(std::move(female))
        , m_male(std::move(male))
    {}
    Value at(uint64_t row, Arena &) const
    {
        return Value::string(m_person.isFemale(row) ? m_female : m_male);
    }
    std::optional<uint64_t> cardinality() const override { return 2; }

private:
    Person m_person;
    std::string m_female, m_male;
};

class Email final : public Generator
{
public:
    Email(EmailMaker maker, QStringList columns)
        : m_maker(std::move(maker))
        , m_columns(std::move(columns))
    {}

    void generate(const BatchContext &ctx, Value *out) const override
    {
        for (uint32_t i = 0; i < ctx.count; ++i)
            out[i] = make(ctx, i);
    }
    QStringList dependencies() const override { return m_columns; }
    QString dependencyKey(int i) const override { return QStringLiteral("from[%1]").arg(i); }
    void bindDependencies(const QList<int> &indexes) override { m_indexes = indexes; }

private:
    Value make(const BatchContext &ctx, uint32_t i) const
    {
        const uint64_t row = ctx.row(i);
        if (m_indexes.isEmpty())
            return Value::string(m_maker.fromPerson(row, *ctx.arena));
        // From the row's own columns: the first word of the first and the last word of the
        // last (a full name column alone gives both).
        std::string_view first, last;
        for (int k = 0; k < m_indexes.size(); ++k) {
            const Value &v = ctx.batch->column(m_indexes[k])[i];
            if (v.kind != ValueKind::Text)
                continue;
            if (first.empty())
                first = firstWord(v.view());
            last = lastWord(v.view());
        }
        if (first.empty())
            return Value::null();
        return Value::string(m_maker.fromNames(
            row, first, m_indexes.size() > 1 || last != first ? last : std::string_view(),
            *ctx.arena));
    }

    EmailMaker m_maker;
    QStringList m_columns;
    QList<int> m_indexes;
};

class CompanyName final : public RowGenerator<CompanyName>
{
public:
    explicit CompanyName(RandomStream group)
        : m_company(group)
    {}
    Value at(uint64_t row, Arena &arena) const
    {
        return Value::string(
            arena.write(Company::kMaxName, [&](char *out) { return m_company.name(row, out); }));
    }

private:
    Company m_company;
};

class JobTitle final : public RowGenerator<JobTitle>
{
public:
    explicit JobTitle(RandomStream rng)
        : m_rng(rng)
    {}
    Value at(uint64_t row, Arena &) const
    {
        return Value::string(PeopleBook::instance().jobTitles.pick(m_rng.draw(row)));
    }

private:
    RandomStream m_rng;
};

std::unique_ptr<Generator> createEmail(GeneratorArgs &a)
{
    EmailMaker maker(a.rng, a.groupStream(QStringLiteral("person")));
    QStringList columns;
    if (const auto from = a.params.optional(QStringLiteral("from"))) {
        for (const QJsonValue &v : from->toArray())
            columns.append(v.toString());
        if (!from->isArray() || columns.isEmpty() || columns.size() > 2 ||
            columns.contains(QString()))
            a.params.error(QStringLiteral("from"),
                           QStringLiteral("'from' must list one or two column names of this "
                                          "table, such as [\"first_name\", \"last_name\"]"));
    }
    const int domain = a.params.option(QStringLiteral("domains"),
                                       {QStringLiteral("free"), QStringLiteral("company")});
    const QString fixed = a.params.string(QStringLiteral("domain"), QString());
    if (!fixed.isEmpty())
        maker.setFixedDomain(fixed.toStdString());
    else if (domain == 1)
        maker.setCompany(a.params.name(QStringLiteral("companyGroup"),
                                       QStringLiteral("group of the company columns"),
                                       QStringLiteral("company")),
                         a.tableKey);
    return std::make_unique<Email>(std::move(maker), columns);
}

std::unique_ptr<Generator> createSex(GeneratorArgs &a)
{
    const RandomStream group = a.groupStream(QStringLiteral("person"));
    const QJsonArray labels = a.params.has(QStringLiteral("labels"))
                                  ? a.params.array(QStringLiteral("labels"))
                                  : QJsonArray{QStringLiteral("F"), QStringLiteral("M")};
    if (labels.size() != 2 || !labels[0].isString() || !labels[1].isString()) {
        a.params.error(QStringLiteral("labels"),
                       QStringLiteral("'labels' must be two strings, female then male, such "
                                      "as [\"female\", \"male\"]"));
        return nullptr;
    }
    return std::make_unique<Sex>(group, labels[0].toString().toStdString(),
                                 labels[1].toString().toStdString());
}

} // namespace

void registerPeopleGenerators(GeneratorRegistry &r)
{
    const QString people = QStringLiteral(QT_TRANSLATE_NOOP("GeneratorRegistry", "people"));
    const QString text = QStringLiteral("text");
    r.add({QStringLiteral("first_name"), people,
           QStringLiteral(QT_TRANSLATE_NOOP(
               "GeneratorRegistry",
               "Given names by real frequency; agrees with its group's other columns")),
           text, [](GeneratorArgs &a) {
               return std::make_unique<NamePart>(a.groupStream(QStringLiteral("person")), false);
           }});
    r.add({QStringLiteral("last_name"), people,
           QStringLiteral(QT_TRANSLATE_NOOP("GeneratorRegistry", "Family names by real frequency")),
           text, [](GeneratorArgs &a) {
               return std::make_unique<NamePart>(a.groupStream(QStringLiteral("person")), true);
           }});
    r.add({QStringLiteral("full_name"), people,
           QStringLiteral(QT_TRANSLATE_NOOP(
               "GeneratorRegistry", "\"First Last\" or \"Last, First\" of the group's person")),
           text, [](GeneratorArgs &a) {
               const RandomStream g = a.groupStream(QStringLiteral("person"));
               const int order =
                   a.params.option(QStringLiteral("order"),
                                   {QStringLiteral("first-last"), QStringLiteral("last-first")});
               return std::make_unique<FullName>(g, order == 1);
           }});
    r.add({QStringLiteral("sex"), people,
           QStringLiteral(QT_TRANSLATE_NOOP(
               "GeneratorRegistry", "The sex the group's first name goes with, as two labels")),
           text, createSex});
    r.add({QStringLiteral("email"), people,
           QStringLiteral(QT_TRANSLATE_NOOP(
               "GeneratorRegistry",
               "Email made from the row's own name (its group, or named columns)")),
           text, createEmail});
    r.add({QStringLiteral("company"), people,
           QStringLiteral(
               QT_TRANSLATE_NOOP("GeneratorRegistry", "Company names (\"Northwind Labs\")")),
           text, [](GeneratorArgs &a) {
               return std::make_unique<CompanyName>(a.groupStream(QStringLiteral("company")));
           }});
    r.add({QStringLiteral("job_title"), people,
           QStringLiteral(QT_TRANSLATE_NOOP("GeneratorRegistry", "Job titles by real frequency")),
           text, [](GeneratorArgs &a) { return std::make_unique<JobTitle>(a.rng); }});
}

} // namespace spillway
