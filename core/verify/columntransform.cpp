#include "verify/columntransform.h"

#include <QCoreApplication>
#include <QRegularExpression>

#include <charconv>
#include <climits>
#include <cmath>

namespace spillway {
namespace {

using Family = PgTextForm::Family;

// A type as the transformation needs it: its text form and the limits casts enforce.
struct TypeInfo
{
    QString name;
    PgTextForm form;
    int bits = 0;          // smallint 16, integer 32, bigint 64
    int precision = -1;    // numeric(p,s): p
    int scale = INT_MIN;   // numeric(p,s): s
    int length = -1;       // varchar(n), char(n): n
    bool modifier = false; // the type has a modifier in parentheses
};

TypeInfo typeInfo(const QString &type)
{
    TypeInfo t;
    t.name = type.simplified();
    t.form = PgTextForm::forType(t.name);
    const QString base = t.name.section(QLatin1Char('('), 0, 0).trimmed().toLower();
    if (base == QLatin1String("smallint") || base == QLatin1String("int2"))
        t.bits = 16;
    else if (base == QLatin1String("integer") || base == QLatin1String("int") ||
             base == QLatin1String("int4"))
        t.bits = 32;
    else if (base == QLatin1String("bigint") || base == QLatin1String("int8"))
        t.bits = 64;
    static const QRegularExpression modifiers(
        QStringLiteral("\\(\\s*(-?\\d+)\\s*(?:,\\s*(-?\\d+)\\s*)?\\)"));
    const QRegularExpressionMatch m = modifiers.match(t.name);
    t.modifier = m.hasMatch();
    const Family f = t.form.family();
    if (f == Family::Numeric && t.modifier) {
        t.precision = m.captured(1).toInt();
        t.scale = m.captured(2).isEmpty() ? 0 : m.captured(2).toInt();
    } else if (f == Family::Varchar || f == Family::Bpchar) {
        t.length = t.modifier ? m.captured(1).toInt() : -1;
        if (!t.modifier && f == Family::Bpchar && base != QLatin1String("bpchar"))
            t.length = 1; // char and character alone are char(1)
    }
    return t;
}

bool isTextLike(Family f)
{
    return f == Family::Text || f == Family::Varchar || f == Family::Bpchar;
}

bool isNumber(Family f)
{
    return f == Family::Integer || f == Family::Numeric || f == Family::Double || f == Family::Real;
}

bool isTemporal(Family f)
{
    return f == Family::Date || f == Family::Timestamp || f == Family::TimestampTz;
}

QString tr(const char *text)
{
    return QCoreApplication::translate("ColumnTransform", text);
}

// Why a cast is not computed, or empty when it is.
QString castProblem(const TypeInfo &from, const TypeInfo &to)
{
    const Family a = from.form.family(), b = to.form.family();
    bool ok = false;
    if (!to.form.isPredictable())
        ok = false;
    else if (isTextLike(b))
        ok = from.form.isPredictable();
    else if (isNumber(b))
        ok = isNumber(a) || isTextLike(a);
    else if (b == Family::Date)
        ok = isTemporal(a);
    else if (b == Family::Timestamp || b == Family::TimestampTz)
        ok = isTemporal(a) && (!to.modifier || from.form.sameTextAs(to.form));
    else
        ok = from.form.sameTextAs(to.form);
    if (ok)
        return {};
    return tr("casting %1 to %2 is not supported: verify computes casts to text, varchar(n), "
              "char(n), smallint, integer, bigint, numeric(p,s), double precision and real (from "
              "numbers and text), and to date, timestamp and timestamptz (from dates and "
              "timestamps); other transformations wait for the expression language (issue 11)")
        .arg(from.name, to.name);
}

std::string_view trimmed(std::string_view s, bool anySpace)
{
    const auto space = [anySpace](char c) {
        return c == ' ' ||
               (anySpace && (c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'));
    };
    while (!s.empty() && space(s.front()))
        s.remove_prefix(1);
    while (!s.empty() && space(s.back()))
        s.remove_suffix(1);
    return s;
}

bool fail(std::string &text, const QString &why)
{
    text = (QStringLiteral("(") + why + QStringLiteral(")")).toStdString();
    return false;
}

// Cuts UTF-8 text to n characters.
void cutCharacters(std::string &text, int n)
{
    if (n < 0)
        return;
    int count = 0;
    for (size_t i = 0; i < text.size(); ++i) {
        if ((uchar(text[i]) & 0xC0) != 0x80 && count++ == n) {
            text.resize(i);
            return;
        }
    }
}

bool parseInteger(std::string_view s, __int128 &value)
{
    s = trimmed(s, true);
    bool negative = false;
    if (!s.empty() && (s.front() == '+' || s.front() == '-')) {
        negative = s.front() == '-';
        s.remove_prefix(1);
    }
    if (s.empty() || s.size() > 30)
        return false;
    value = 0;
    for (char c : s) {
        if (c < '0' || c > '9')
            return false;
        value = value * 10 + (c - '0');
    }
    if (negative)
        value = -value;
    return true;
}

// numeric to integer: half away from zero.
bool roundNumeric(std::string_view s, __int128 &value)
{
    const size_t point = s.find('.');
    if (!parseInteger(s.substr(0, point), value))
        return false;
    if (point != std::string_view::npos && point + 1 < s.size() && s[point + 1] >= '5')
        value += s.front() == '-' ? -1 : 1;
    return true;
}

bool castInteger(std::string &text, const TypeInfo &from, const TypeInfo &to)
{
    const Family f = from.form.family();
    __int128 value = 0;
    bool ok = false;
    if (f == Family::Double || f == Family::Real) {
        double d = 0;
        const auto r = std::from_chars(text.data(), text.data() + text.size(), d);
        ok = r.ec == std::errc() && std::isfinite(d) && std::fabs(d) < 1.8e19;
        if (ok)
            value = __int128(std::nearbyint(d));
    } else if (f == Family::Numeric) {
        ok = roundNumeric(text, value);
    } else {
        ok = parseInteger(text, value);
    }
    if (!ok)
        return fail(text, tr("%1 cannot be cast to %2").arg(QString::fromStdString(text), to.name));
    const __int128 limit = __int128(1) << (to.bits - 1);
    if (value < -limit || value >= limit)
        return fail(text,
                    tr("%1 is out of range for %2").arg(QString::fromStdString(text), to.name));
    text = std::to_string(int64_t(value));
    return true;
}

bool looksNumeric(std::string_view s)
{
    static const QRegularExpression number(
        QStringLiteral("^\\s*[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?\\s*$"));
    return number.match(QString::fromUtf8(s.data(), qsizetype(s.size()))).hasMatch();
}

bool castNumeric(std::string &text, const TypeInfo &from, const TypeInfo &to)
{
    const Family f = from.form.family();
    std::string source = text;
    if (f == Family::Double || f == Family::Real) {
        // PostgreSQL goes through the float's text with DBL_DIG (FLT_DIG) digits.
        double d = 0;
        if (std::from_chars(text.data(), text.data() + text.size(), d).ec == std::errc()) {
            char buffer[64];
            const int n =
                std::snprintf(buffer, sizeof buffer, "%.*g", f == Family::Double ? 15 : 6, d);
            source.assign(buffer, size_t(std::max(n, 0)));
        }
    } else if (isTextLike(f) && !looksNumeric(text)) {
        return fail(text, tr("%1 cannot be cast to %2").arg(QString::fromStdString(text), to.name));
    }
    std::string out;
    PgTextForm::numericText(source,
                            to.scale == INT_MIN ? std::nullopt : std::optional<int>(to.scale), out);
    if (to.precision > 0) {
        std::string_view whole(out);
        if (!whole.empty() && whole.front() == '-')
            whole.remove_prefix(1);
        whole = whole.substr(0, whole.find('.'));
        while (!whole.empty() && whole.front() == '0')
            whole.remove_prefix(1);
        const bool infinite = out == "Infinity" || out == "-Infinity";
        if (infinite || int(whole.size()) > to.precision - std::max(to.scale, 0))
            return fail(text, tr("%1 overflows %2").arg(QString::fromStdString(text), to.name));
    }
    text = std::move(out);
    return true;
}

bool castFloat(std::string &text, const TypeInfo &from, const TypeInfo &to)
{
    const bool real = to.form.family() == Family::Real;
    const std::string_view s = trimmed(text, true);
    char buffer[64];
    if (from.form.family() == Family::Real || real) {
        float v = 0;
        auto r = std::from_chars(s.data(), s.data() + s.size(), v);
        if (real && from.form.family() == Family::Double) {
            double d = 0;
            r = std::from_chars(s.data(), s.data() + s.size(), d);
            v = float(d);
            if ((std::isinf(v) && !std::isinf(d)) || (v == 0 && d != 0))
                r.ec = std::errc::result_out_of_range;
        }
        if (r.ec != std::errc() || r.ptr != s.data() + s.size())
            return fail(text,
                        tr("%1 cannot be cast to %2").arg(QString::fromStdString(text), to.name));
        const char *end =
            real ? PgTextForm::formatReal(buffer, v) : PgTextForm::formatDouble(buffer, double(v));
        text.assign(buffer, size_t(end - buffer));
        return true;
    }
    double d = 0;
    const auto r = std::from_chars(s.data(), s.data() + s.size(), d);
    if (r.ec != std::errc() || r.ptr != s.data() + s.size())
        return fail(text, tr("%1 cannot be cast to %2").arg(QString::fromStdString(text), to.name));
    text.assign(buffer, size_t(PgTextForm::formatDouble(buffer, d) - buffer));
    return true;
}

// Splits " BC" off a date or timestamp text, to put it back after a change.
bool takeEra(std::string &text)
{
    if (text.size() > 3 && text.compare(text.size() - 3, 3, " BC") == 0) {
        text.resize(text.size() - 3);
        return true;
    }
    return false;
}

void castTemporal(std::string &text, const TypeInfo &from, const TypeInfo &to)
{
    if (text == "infinity" || text == "-infinity")
        return;
    const bool bc = takeEra(text);
    const Family a = from.form.family(), b = to.form.family();
    if (a == Family::TimestampTz && text.size() > 3 && text.compare(text.size() - 3, 3, "+00") == 0)
        text.resize(text.size() - 3); // TimeZone is UTC: the zone always prints +00
    if (b == Family::Date)
        text.resize(std::min(text.size(), text.find(' ')));
    else if (a == Family::Date)
        text += " 00:00:00";
    if (b == Family::TimestampTz)
        text += "+00";
    if (bc)
        text += " BC";
}

void changeCase(std::string &text, bool upper, bool unicode)
{
    if (!unicode) {
        for (char &c : text) {
            if (upper && c >= 'a' && c <= 'z')
                c = char(c - 'a' + 'A');
            else if (!upper && c >= 'A' && c <= 'Z')
                c = char(c - 'A' + 'a');
        }
        return;
    }
    // One character for one, as PostgreSQL's towupper()/towlower() do (no "ß" -> "SS").
    const QString s = QString::fromUtf8(text.data(), qsizetype(text.size()));
    QString out;
    out.reserve(s.size());
    for (char32_t c : s.toUcs4()) {
        const char32_t m = upper ? QChar::toUpper(c) : QChar::toLower(c);
        out += QString::fromUcs4(&m, 1);
    }
    text = out.toStdString();
}

} // namespace

struct ColumnTransform::Step
{
    enum class Op { Upper, Lower, Trim, RoundNumeric, RoundDouble, Cast };
    Op op = Op::Cast;
    int digits = 0;
    TypeInfo from, to;
};

namespace {

// A cast step; false when the value does not convert (its text then says why).
bool applyCast(const ColumnTransform::Step &step, std::string &text)
{
    const Family to = step.to.form.family();
    if (step.from.form.sameTextAs(step.to.form) && to != Family::Numeric &&
        step.from.bits == step.to.bits && step.from.length == step.to.length)
        return true;
    if (isTextLike(to)) {
        cutCharacters(text, step.to.length);
        const size_t last = text.find_last_not_of(' ');
        if (to == Family::Bpchar)
            text.resize(last == std::string::npos ? 0 : last + 1);
        return true;
    }
    if (to == Family::Integer)
        return castInteger(text, step.from, step.to);
    if (to == Family::Numeric)
        return castNumeric(text, step.from, step.to);
    if (to == Family::Double || to == Family::Real)
        return castFloat(text, step.from, step.to);
    if (isTemporal(to))
        castTemporal(text, step.from, step.to);
    return true;
}

struct Token
{
    enum Kind { Name, Quoted, Number, Open, Close, Comma, DoubleColon, End };
    Kind kind = End;
    QString text;
};

bool tokenize(const QString &s, QList<Token> &tokens, QString *error)
{
    for (qsizetype i = 0; i < s.size();) {
        const QChar c = s[i];
        if (c.isSpace()) {
            ++i;
        } else if (c.isLetter() || c == QLatin1Char('_')) {
            qsizetype j = i;
            while (j < s.size() && (s[j].isLetterOrNumber() || s[j] == QLatin1Char('_')))
                ++j;
            tokens.append({Token::Name, s.mid(i, j - i)});
            i = j;
        } else if (c.isDigit() ||
                   (c == QLatin1Char('-') && i + 1 < s.size() && s[i + 1].isDigit())) {
            qsizetype j = i + 1;
            while (j < s.size() && s[j].isDigit())
                ++j;
            tokens.append({Token::Number, s.mid(i, j - i)});
            i = j;
        } else if (c == QLatin1Char('"')) {
            const qsizetype end = s.indexOf(QLatin1Char('"'), i + 1);
            if (end < 0) {
                *error = tr("a quoted name is not closed");
                return false;
            }
            tokens.append({Token::Quoted, s.mid(i + 1, end - i - 1)});
            i = end + 1;
        } else if (s.mid(i, 2) == QLatin1String("::")) {
            tokens.append({Token::DoubleColon, QStringLiteral("::")});
            i += 2;
        } else if (c == QLatin1Char('(') || c == QLatin1Char(')') || c == QLatin1Char(',')) {
            tokens.append({c == QLatin1Char('(')   ? Token::Open
                           : c == QLatin1Char(')') ? Token::Close
                                                   : Token::Comma,
                           QString(c)});
            ++i;
        } else {
            *error = tr("unexpected \"%1\": verify computes upper(x), lower(x), trim(x), "
                        "round(x), round(x, n), CAST(x AS type) and x::type over the column "
                        "itself; operators and other functions wait for the expression language "
                        "(issue 11)")
                         .arg(c);
            return false;
        }
    }
    tokens.append({Token::End, QString()});
    return true;
}

class Parser
{
public:
    Parser(const QList<Token> &tokens, const QString &column, const QString &sqlType,
           std::vector<std::shared_ptr<const ColumnTransform::Step>> &steps)
        : m_tokens(tokens)
        , m_column(column)
        , m_type(typeInfo(sqlType))
        , m_steps(steps)
    {}

    bool expression();
    bool typeOnly();
    bool atEnd() const { return peek().kind == Token::End; }
    bool usedColumn() const { return m_usedColumn; }
    QString error() const { return m_error; }
    const TypeInfo &type() const { return m_type; }

private:
    const Token &peek(int ahead = 0) const
    {
        return m_tokens[std::min<qsizetype>(m_pos + ahead, m_tokens.size() - 1)];
    }
    const Token &next() { return m_tokens[std::min<qsizetype>(m_pos++, m_tokens.size() - 1)]; }
    bool expect(Token::Kind kind, const QString &what);
    bool primary();
    bool function(const QString &name);
    bool round();
    bool type(QString &out);
    bool addCast(const QString &typeName);
    bool addStep(ColumnTransform::Step::Op op, const TypeInfo &to, int digits = 0);
    bool failWith(const QString &message)
    {
        if (m_error.isEmpty())
            m_error = message;
        return false;
    }

    const QList<Token> &m_tokens;
    qsizetype m_pos = 0;
    QString m_column;
    TypeInfo m_type;
    std::vector<std::shared_ptr<const ColumnTransform::Step>> &m_steps;
    bool m_usedColumn = false;
    QString m_error;
};

bool Parser::expect(Token::Kind kind, const QString &what)
{
    if (peek().kind == kind) {
        ++m_pos;
        return true;
    }
    return failWith(peek().kind == Token::End
                        ? tr("the expression ends where %1 should follow").arg(what)
                        : tr("expected %1 before \"%2\"").arg(what, peek().text));
}

bool Parser::expression()
{
    if (!primary())
        return false;
    while (peek().kind == Token::DoubleColon) {
        ++m_pos;
        QString name;
        if (!type(name) || !addCast(name))
            return false;
    }
    return true;
}

bool Parser::typeOnly()
{
    QString name;
    return type(name) && addCast(name);
}

bool Parser::primary()
{
    const Token &t = peek();
    if (t.kind == Token::Open) {
        ++m_pos;
        return expression() && expect(Token::Close, QStringLiteral("\")\""));
    }
    if (t.kind == Token::Name && peek(1).kind == Token::Open) {
        const QString name = t.text.toLower();
        m_pos += 2;
        return function(name);
    }
    if (t.kind == Token::Name || t.kind == Token::Quoted) {
        ++m_pos;
        const bool same = t.kind == Token::Quoted
                              ? t.text == m_column
                              : t.text.compare(m_column, Qt::CaseInsensitive) == 0;
        if (!same)
            return failWith(tr("\"%1\" is not this column: an expression may use only the column "
                               "itself (%2); expressions over other columns wait for the "
                               "expression language (issue 11)")
                                .arg(t.text, m_column));
        if (m_usedColumn)
            return failWith(tr("the column may appear only once in the expression"));
        m_usedColumn = true;
        return true;
    }
    return failWith(t.kind == Token::End ? tr("the expression is empty or incomplete")
                                         : tr("unexpected \"%1\"; write a function of the column, "
                                              "e.g. upper(%2)")
                                               .arg(t.text, m_column));
}

bool Parser::function(const QString &name)
{
    using Op = ColumnTransform::Step::Op;
    if (name == QLatin1String("cast")) {
        QString target;
        if (!expression() || !(peek().kind == Token::Name &&
                               peek().text.compare(QLatin1String("as"), Qt::CaseInsensitive) == 0))
            return failWith(tr("write CAST(x AS type)"));
        ++m_pos;
        return type(target) && expect(Token::Close, QStringLiteral("\")\"")) && addCast(target);
    }
    if (name == QLatin1String("upper") || name == QLatin1String("lower") ||
        name == QLatin1String("trim")) {
        if (!expression() || !expect(Token::Close, QStringLiteral("\")\"")))
            return false;
        if (!isTextLike(m_type.form.family()))
            return failWith(tr("%1() takes text, and the value is %2 here: write %1(x::text)")
                                .arg(name, m_type.name));
        const Op op = name == QLatin1String("upper")   ? Op::Upper
                      : name == QLatin1String("lower") ? Op::Lower
                                                       : Op::Trim;
        return addStep(op, typeInfo(QStringLiteral("text")));
    }
    if (name == QLatin1String("round"))
        return round();
    return failWith(tr("%1() is not supported: verify computes upper(x), lower(x), trim(x), "
                       "round(x), round(x, n), CAST(x AS type) and x::type; other functions wait "
                       "for the expression language (issue 11)")
                        .arg(name));
}

bool Parser::round()
{
    using Op = ColumnTransform::Step::Op;
    if (!expression())
        return false;
    const bool withDigits = peek().kind == Token::Comma;
    int digits = 0;
    if (withDigits) {
        ++m_pos;
        if (peek().kind != Token::Number)
            return failWith(tr("round(x, n) takes a whole number n of decimal places"));
        digits = next().text.toInt();
    }
    if (!expect(Token::Close, QStringLiteral("\")\"")))
        return false;
    const Family f = m_type.form.family();
    if ((f == Family::Double || f == Family::Real) && !withDigits)
        return addStep(Op::RoundDouble, typeInfo(QStringLiteral("double precision")));
    if (f != Family::Numeric && f != Family::Integer)
        return failWith(tr("round(x, n) takes numeric, and the value is %1 here: write "
                           "round(x::numeric, n)")
                            .arg(m_type.name));
    if (digits < -1000 || digits > 1000)
        return failWith(tr("round(x, n): n must be between -1000 and 1000"));
    return addStep(Op::RoundNumeric,
                   typeInfo(QStringLiteral("numeric(1000,%1)").arg(std::max(digits, 0))), digits);
}

bool Parser::type(QString &out)
{
    QStringList words;
    while (peek().kind == Token::Name &&
           peek().text.compare(QLatin1String("as"), Qt::CaseInsensitive) != 0) {
        words.append(next().text.toLower());
        if (peek().kind == Token::Open) {
            ++m_pos;
            QString modifier = QStringLiteral("(");
            while (peek().kind == Token::Number || peek().kind == Token::Comma)
                modifier += next().text;
            if (!expect(Token::Close, QStringLiteral("\")\"")))
                return false;
            words.last() += modifier + QLatin1Char(')');
        }
    }
    if (words.isEmpty())
        return failWith(tr("a type name is missing"));
    out = words.join(QLatin1Char(' '));
    return true;
}

bool Parser::addCast(const QString &typeName)
{
    const TypeInfo to = typeInfo(typeName);
    if (!to.form.isPredictable())
        return failWith(tr("%1 is not a type verify can cast to: it computes text, varchar(n), "
                           "char(n), smallint, integer, bigint, numeric(p,s), double precision, "
                           "real, date, timestamp and timestamptz")
                            .arg(typeName));
    if (const QString problem = castProblem(m_type, to); !problem.isEmpty())
        return failWith(problem);
    return addStep(ColumnTransform::Step::Op::Cast, to);
}

bool Parser::addStep(ColumnTransform::Step::Op op, const TypeInfo &to, int digits)
{
    auto step = std::make_shared<ColumnTransform::Step>();
    step->op = op;
    step->digits = digits;
    step->from = m_type;
    step->to = to;
    m_steps.push_back(step);
    m_type = to;
    return true;
}

} // namespace

std::shared_ptr<const ColumnTransform>
ColumnTransform::compile(const QString &column, const QString &sqlType, const QString &expr,
                         const QString &cast, QString *error, bool unicodeCase)
{
    auto t = std::make_shared<ColumnTransform>();
    t->m_unicodeCase = unicodeCase;
    TypeInfo type = typeInfo(sqlType);
    QStringList description;
    for (const auto &[text, isExpr] : {std::pair{expr, true}, std::pair{cast, false}}) {
        if (text.trimmed().isEmpty())
            continue;
        QList<Token> tokens;
        QString problem;
        if (!tokenize(text, tokens, &problem)) {
            *error = problem;
            return nullptr;
        }
        Parser parser(tokens, column, type.name, t->m_steps);
        const bool ok = isExpr ? parser.expression() : parser.typeOnly();
        if (!ok || !parser.atEnd()) {
            *error = !parser.error().isEmpty() ? parser.error()
                                               : tr("unexpected text after the %1")
                                                     .arg(isExpr ? tr("expression") : tr("type"));
            return nullptr;
        }
        if (isExpr && !parser.usedColumn()) {
            *error = tr("the expression does not use the column (%1)").arg(column);
            return nullptr;
        }
        type = parser.type();
        description.append(isExpr ? text.trimmed() : QStringLiteral("::") + type.name);
    }
    t->m_resultType = type.name;
    t->m_description = description.join(QString());
    return t;
}

void ColumnTransform::apply(std::string &text) const
{
    using Op = Step::Op;
    bool ok = true; // a failed cast leaves its message as the text
    for (const auto &step : m_steps) {
        if (!ok)
            return;
        switch (step->op) {
        case Op::Upper:
        case Op::Lower:
            changeCase(text, step->op == Op::Upper, m_unicodeCase);
            break;
        case Op::Trim:
            text = std::string(trimmed(text, false));
            break;
        case Op::RoundNumeric: {
            std::string out;
            PgTextForm::numericText(text, step->digits, out);
            text = std::move(out);
            break;
        }
        case Op::RoundDouble: {
            double d = 0;
            char buffer[64];
            if (std::from_chars(text.data(), text.data() + text.size(), d).ec == std::errc())
                text.assign(buffer,
                            size_t(PgTextForm::formatDouble(buffer, std::nearbyint(d)) - buffer));
            break;
        }
        case Op::Cast:
            ok = applyCast(*step, text);
            break;
        }
    }
}

} // namespace spillway
