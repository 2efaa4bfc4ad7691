// CHECK constraints as PostgreSQL prints them (pg_get_constraintdef): a small reader for the
// forms that bound a column — comparisons with literals and their AND, BETWEEN, = ANY (ARRAY[…])
// and IN (…), regular expressions, comparisons between two columns — and the translation of
// simple regular expressions to the `pattern` generator's subset.

#include "schema/generatorregistry.h"
#include "schema/importinternal.h"

#include <QRegularExpression>

namespace spillway::import {

namespace {

struct Token
{
    enum Kind { Ident, String, Number, Op, Open, Close, OpenBracket, CloseBracket, Comma } kind;
    QString text;

    bool is(Kind k, const char *t = nullptr) const
    {
        return kind == k && (!t || text.compare(QLatin1String(t), Qt::CaseInsensitive) == 0);
    }
    bool isAtom() const { return kind == String || kind == Number; }
};

const QStringList kTypeWords = {QStringLiteral("varying"), QStringLiteral("precision"),
                                QStringLiteral("with"),    QStringLiteral("without"),
                                QStringLiteral("time"),    QStringLiteral("zone")};

bool isIdentChar(QChar c)
{
    return c.isLetterOrNumber() || c == QLatin1Char('_') || c == QLatin1Char('$') ||
           c == QLatin1Char('.');
}

// Skips a cast's type after "::": words, (arguments) and [] suffixes.
qsizetype skipType(const QString &s, qsizetype i)
{
    auto spaces = [&] {
        while (i < s.size() && s[i] == QLatin1Char(' '))
            ++i;
    };
    bool first = true;
    while (true) {
        spaces();
        qsizetype j = i;
        if (j < s.size() && s[j] == QLatin1Char('"')) {
            j = s.indexOf(QLatin1Char('"'), j + 1);
            j = j < 0 ? s.size() : j + 1;
        } else {
            while (j < s.size() && isIdentChar(s[j]))
                ++j;
        }
        const QString word = s.mid(i, j - i);
        if (j == i || (!first && !kTypeWords.contains(word.toLower())))
            break;
        first = false;
        i = j;
    }
    spaces();
    while (i < s.size() && (s[i] == QLatin1Char('(') || s[i] == QLatin1Char('['))) {
        const QChar close = s[i] == QLatin1Char('(') ? QLatin1Char(')') : QLatin1Char(']');
        const qsizetype end = s.indexOf(close, i);
        if (end < 0)
            break;
        i = end + 1;
    }
    return i;
}

bool tokenize(const QString &s, QList<Token> &out)
{
    qsizetype i = 0;
    while (i < s.size()) {
        const QChar c = s[i];
        const bool signAllowed =
            out.isEmpty() || out.back().kind == Token::Op || out.back().kind == Token::Open ||
            out.back().kind == Token::Comma || out.back().kind == Token::OpenBracket;
        if (c.isSpace()) {
            ++i;
        } else if (s.mid(i, 2) == QLatin1String("::")) {
            i = skipType(s, i + 2);
        } else if (c == QLatin1Char('\'')) {
            QString text;
            ++i;
            while (i < s.size()) {
                if (s[i] == QLatin1Char('\'') && s.mid(i, 2) == QLatin1String("''")) {
                    text += QLatin1Char('\'');
                    i += 2;
                } else if (s[i] == QLatin1Char('\'')) {
                    break;
                } else {
                    text += s[i++];
                }
            }
            if (i >= s.size())
                return false;
            ++i;
            out.append({Token::String, text});
        } else if (c == QLatin1Char('"')) {
            const qsizetype end = s.indexOf(QLatin1Char('"'), i + 1);
            if (end < 0)
                return false;
            out.append({Token::Ident, s.mid(i + 1, end - i - 1)});
            i = end + 1;
        } else if (c.isDigit() || (c == QLatin1Char('-') && signAllowed && i + 1 < s.size() &&
                                   s[i + 1].isDigit())) {
            qsizetype j = i + 1;
            while (j < s.size() && (s[j].isDigit() || s[j] == QLatin1Char('.') ||
                                    s[j] == QLatin1Char('e') || s[j] == QLatin1Char('E')))
                ++j;
            out.append({Token::Number, s.mid(i, j - i)});
            i = j;
        } else if (isIdentChar(c)) {
            qsizetype j = i;
            while (j < s.size() && isIdentChar(s[j]))
                ++j;
            out.append({Token::Ident, s.mid(i, j - i)});
            i = j;
        } else if (c == QLatin1Char('(') || c == QLatin1Char(')')) {
            out.append({c == QLatin1Char('(') ? Token::Open : Token::Close, QString(c)});
            ++i;
        } else if (c == QLatin1Char('[') || c == QLatin1Char(']')) {
            out.append(
                {c == QLatin1Char('[') ? Token::OpenBracket : Token::CloseBracket, QString(c)});
            ++i;
        } else if (c == QLatin1Char(',')) {
            out.append({Token::Comma, QStringLiteral(",")});
            ++i;
        } else {
            static const QString opChars = QStringLiteral("<>=!~*+-/%");
            qsizetype j = i;
            while (j < s.size() && opChars.contains(s[j]))
                ++j;
            if (j == i)
                return false;
            out.append({Token::Op, s.mid(i, j - i)});
            i = j;
        }
    }
    return true;
}

bool isKeyword(const Token &t)
{
    return t.is(Token::Ident, "AND") || t.is(Token::Ident, "OR") || t.is(Token::Ident, "NOT");
}

// (atom) → atom, where the parentheses are not a function call's.
void dropAtomParens(QList<Token> &t)
{
    for (qsizetype i = 0; i + 2 < t.size(); ++i) {
        const bool call = i > 0 && t[i - 1].kind == Token::Ident && !isKeyword(t[i - 1]);
        if (t[i].kind == Token::Open && t[i + 2].kind == Token::Close && !call &&
            (t[i + 1].isAtom() || t[i + 1].kind == Token::Ident)) {
            t.remove(i + 2);
            t.remove(i);
            i = std::max<qsizetype>(-1, i - 2);
        }
    }
}

// Strips parentheses around the whole list while they match each other.
void dropOuterParens(QList<Token> &t)
{
    while (t.size() >= 2 && t.front().kind == Token::Open && t.back().kind == Token::Close) {
        int depth = 0;
        bool wraps = true;
        for (qsizetype i = 0; i < t.size() - 1; ++i) {
            depth += t[i].kind == Token::Open ? 1 : t[i].kind == Token::Close ? -1 : 0;
            if (depth == 0) {
                wraps = false;
                break;
            }
        }
        if (!wraps)
            return;
        t.removeFirst();
        t.removeLast();
    }
}

// Splits on AND at depth 0 (BETWEEN's own AND excepted); false when an OR is there.
bool splitAnd(const QList<Token> &t, QList<QList<Token>> &parts)
{
    int depth = 0;
    bool between = false;
    QList<Token> current;
    for (const Token &tok : t) {
        depth += tok.kind == Token::Open ? 1 : tok.kind == Token::Close ? -1 : 0;
        if (depth == 0 && tok.is(Token::Ident, "OR"))
            return false;
        if (depth == 0 && tok.is(Token::Ident, "BETWEEN"))
            between = true;
        if (depth == 0 && tok.is(Token::Ident, "AND") && !between) {
            parts.append(current);
            current.clear();
            continue;
        }
        if (depth == 0 && tok.is(Token::Ident, "AND"))
            between = false;
        current.append(tok);
    }
    parts.append(current);
    return true;
}

QString flip(const QString &op)
{
    if (op == QLatin1String(">"))
        return QStringLiteral("<");
    if (op == QLatin1String("<"))
        return QStringLiteral(">");
    if (op == QLatin1String(">="))
        return QStringLiteral("<=");
    if (op == QLatin1String("<="))
        return QStringLiteral(">=");
    return op;
}

bool isComparison(const QString &op)
{
    return op == QLatin1String(">") || op == QLatin1String(">=") || op == QLatin1String("<") ||
           op == QLatin1String("<=") || op == QLatin1String("=");
}

void addBound(ColumnRules &r, const QString &op, const QString &literal)
{
    if (op == QLatin1String("=")) {
        r.choices = QStringList{literal};
    } else if (op.startsWith(QLatin1Char('>'))) {
        r.lo = Bound{literal, op == QLatin1String(">=")};
    } else {
        r.hi = Bound{literal, op == QLatin1String("<=")};
    }
}

// Literals between brackets or parentheses: 'a', 'b', 3.
std::optional<QStringList> literalList(const QList<Token> &t, qsizetype from)
{
    QStringList values;
    bool expectValue = true;
    for (qsizetype i = from; i < t.size(); ++i) {
        const Token &tok = t[i];
        if (tok.kind == Token::Open || tok.kind == Token::Close || tok.kind == Token::OpenBracket ||
            tok.kind == Token::CloseBracket || tok.is(Token::Ident, "ARRAY"))
            continue;
        if (expectValue && tok.isAtom())
            values.append(tok.text);
        else if (expectValue || tok.kind != Token::Comma)
            return std::nullopt;
        expectValue = !expectValue;
    }
    if (values.isEmpty())
        return std::nullopt;
    return values;
}

bool readConjunct(QList<Token> t, const QString &valueColumn, QHash<QString, ColumnRules> &rules)
{
    dropOuterParens(t);
    auto column = [&](const Token &tok) {
        return tok.text.compare(QLatin1String("VALUE"), Qt::CaseInsensitive) == 0 &&
                       !valueColumn.isEmpty()
                   ? valueColumn
                   : tok.text;
    };
    if (t.size() == 3 && t[1].kind == Token::Op) {
        const QString op = t[1].text;
        if (t[0].kind == Token::Ident && t[2].isAtom() && isComparison(op)) {
            addBound(rules[column(t[0])], op, t[2].text);
            return true;
        }
        if (t[0].isAtom() && t[2].kind == Token::Ident && isComparison(op)) {
            addBound(rules[column(t[2])], flip(op), t[0].text);
            return true;
        }
        if (t[0].kind == Token::Ident && t[2].kind == Token::Ident && isComparison(op) &&
            op != QLatin1String("=")) {
            rules[column(t[0])].relations.append({op, column(t[2])});
            return true;
        }
        if (t[0].kind == Token::Ident && t[2].kind == Token::String &&
            (op == QLatin1String("~") || op == QLatin1String("~*"))) {
            rules[column(t[0])].regex = t[2].text;
            return true;
        }
        return false;
    }
    if (t.size() >= 4 && t[0].kind == Token::Ident && t[1].is(Token::Op, "=") &&
        t[2].is(Token::Ident, "ANY")) {
        const auto values = literalList(t, 3);
        if (values)
            rules[column(t[0])].choices = *values;
        return values.has_value();
    }
    if (t.size() >= 4 && t[0].kind == Token::Ident && t[1].is(Token::Ident, "IN")) {
        const auto values = literalList(t, 2);
        if (values)
            rules[column(t[0])].choices = *values;
        return values.has_value();
    }
    if (t.size() == 5 && t[0].kind == Token::Ident && t[1].is(Token::Ident, "BETWEEN") &&
        t[2].isAtom() && t[3].is(Token::Ident, "AND") && t[4].isAtom()) {
        ColumnRules &r = rules[column(t[0])];
        r.lo = Bound{t[2].text, true};
        r.hi = Bound{t[4].text, true};
        return true;
    }
    if (t.size() == 4 && t[0].kind == Token::Ident && t[1].is(Token::Ident, "IS") &&
        t[2].is(Token::Ident, "NOT") && t[3].is(Token::Ident, "NULL")) {
        rules[column(t[0])].notNull = true;
        return true;
    }
    return false;
}

// Whether the `pattern` generator takes `pattern` as it is (its factory decides, so that the
// document written compiles); *why: the generator's message when not.
bool patternCompiles(const QString &pattern, QString *why)
{
    struct NoTables : CompileContext
    {
        const TableRuntime *table(const QString &) const override { return nullptr; }
        const TableRuntime *parentTable() const override { return nullptr; }
    };
    const GeneratorInfo *info = GeneratorRegistry::instance().find(QStringLiteral("pattern"));
    if (!info) {
        *why = ImportText::tr("there is no pattern generator");
        return false;
    }
    Diagnostics diagnostics;
    ParamReader params(QJsonObject{{QStringLiteral("pattern"), pattern}}, QString(), &diagnostics);
    const NoTables context;
    GeneratorArgs args{params, RandomStream(0), QStringLiteral("text"), {}, {}, context};
    if (info->create(args) && diagnostics.isEmpty())
        return true;
    *why = diagnostics.isEmpty() ? ImportText::tr("the pattern generator refuses it")
                                 : diagnostics.items().constFirst().message;
    return false;
}

} // namespace

bool parseCheck(const QString &definition, const QString &valueColumn,
                QHash<QString, ColumnRules> &rules)
{
    QString text = definition.trimmed();
    static const QRegularExpression head(QStringLiteral("^CHECK\\s*"),
                                         QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression tail(QStringLiteral("\\s+(NOT VALID|NO INHERIT)\\s*$"),
                                         QRegularExpression::CaseInsensitiveOption);
    text.remove(head);
    text.remove(tail);
    QList<Token> tokens;
    if (!tokenize(text, tokens))
        return false;
    dropAtomParens(tokens);
    dropOuterParens(tokens);
    QList<QList<Token>> parts;
    if (!splitAnd(tokens, parts))
        return false;
    bool all = true;
    for (const QList<Token> &part : parts)
        all = readConjunct(part, valueColumn, rules) && all;
    return all;
}

QString regexToPattern(const QString &regex, QString *why)
{
    QString p = regex;
    if (p.startsWith(QLatin1Char('^')))
        p.remove(0, 1);
    if (p.endsWith(QLatin1Char('$')) && !p.endsWith(QLatin1String("\\$")))
        p.chop(1);
    static const QRegularExpression unsupported(
        QStringLiteral("\\\\[1-9bByYmMAZ]|\\(\\?[=!<i]|\\[\\[:|[*+?}]\\?|\\(\\?[a-z]"));
    if (const auto m = unsupported.match(p); m.hasMatch()) {
        *why = ImportText::tr("'%1' is beyond the pattern generator's subset").arg(m.captured(0));
        return {};
    }
    // An anchor left inside (not a class's negation) cannot be generated as written.
    for (qsizetype i = 0; i < p.size(); ++i) {
        if (p[i] == QLatin1Char('\\')) {
            ++i;
        } else if ((p[i] == QLatin1Char('^') && (i == 0 || p[i - 1] != QLatin1Char('['))) ||
                   p[i] == QLatin1Char('$')) {
            *why = ImportText::tr("an anchor inside the expression");
            return {};
        }
    }
    if (!patternCompiles(p, why))
        return {};
    return p;
}

} // namespace spillway::import
