// The expression language's lexer and recursive-descent parser. Precedence follows PostgreSQL:
// or < and < not < comparison < || < + - < * / % < unary minus.

#include "base/params.h"
#include "schema/expression.h"

namespace spillway {

namespace {

constexpr int kMaxDepth = 200; // nesting deeper than this is refused rather than recursed into

bool isDigit(QChar c)
{
    return c >= QLatin1Char('0') && c <= QLatin1Char('9');
}

struct Token
{
    enum Kind { End, Number, String, Ident, Quoted, Symbol, Bad } kind = End;
    QString text; // identifiers lower case, strings unescaped, symbols as written
    int pos = 0;
};

class Lexer
{
public:
    explicit Lexer(const QString &text)
        : m_text(text)
    {}

    Token next()
    {
        while (m_pos < m_text.size() && m_text[m_pos].isSpace())
            ++m_pos;
        Token t;
        t.pos = int(m_pos);
        if (m_pos >= m_text.size())
            return t;
        const QChar c = m_text[m_pos];
        if (isDigit(c) ||
            (c == QLatin1Char('.') && m_pos + 1 < m_text.size() && isDigit(m_text[m_pos + 1])))
            return number(t);
        if (c == QLatin1Char('\''))
            return quoted(t, QLatin1Char('\''), Token::String);
        if (c == QLatin1Char('"'))
            return quoted(t, QLatin1Char('"'), Token::Quoted);
        if (c.isLetter() || c == QLatin1Char('_')) {
            const qsizetype start = m_pos;
            while (m_pos < m_text.size() &&
                   (m_text[m_pos].isLetterOrNumber() || m_text[m_pos] == QLatin1Char('_')))
                ++m_pos;
            t.kind = Token::Ident;
            t.text = m_text.mid(start, m_pos - start).toLower();
            return t;
        }
        static const char *const twoChar[] = {"||", "<=", ">=", "<>", "!="};
        for (const char *s : twoChar) {
            if (m_text.mid(m_pos, 2) == QLatin1String(s)) {
                m_pos += 2;
                t.kind = Token::Symbol;
                t.text = QLatin1String(s);
                return t;
            }
        }
        if (QStringLiteral("+-*/%=<>(),.").contains(c)) {
            ++m_pos;
            t.kind = Token::Symbol;
            t.text = c;
            return t;
        }
        ++m_pos;
        t.kind = Token::Bad;
        t.text = c;
        return t;
    }

private:
    Token number(Token t)
    {
        const qsizetype start = m_pos;
        while (m_pos < m_text.size() &&
               (isDigit(m_text[m_pos]) || m_text[m_pos] == QLatin1Char('.')))
            ++m_pos;
        if (m_pos < m_text.size() &&
            (m_text[m_pos] == QLatin1Char('e') || m_text[m_pos] == QLatin1Char('E'))) {
            qsizetype p = m_pos + 1;
            if (p < m_text.size() &&
                (m_text[p] == QLatin1Char('+') || m_text[p] == QLatin1Char('-')))
                ++p;
            if (p < m_text.size() && isDigit(m_text[p])) {
                m_pos = p;
                while (m_pos < m_text.size() && isDigit(m_text[m_pos]))
                    ++m_pos;
            }
        }
        t.kind = Token::Number;
        t.text = m_text.mid(start, m_pos - start);
        return t;
    }
    Token quoted(Token t, QChar quote, Token::Kind kind)
    {
        ++m_pos;
        while (m_pos < m_text.size()) {
            if (m_text[m_pos] == quote) {
                if (m_pos + 1 < m_text.size() && m_text[m_pos + 1] == quote) {
                    t.text += quote;
                    m_pos += 2;
                    continue;
                }
                ++m_pos;
                t.kind = kind;
                return t;
            }
            t.text += m_text[m_pos++];
        }
        t.kind = Token::Bad;
        t.text = quote;
        return t;
    }

    const QString &m_text;
    qsizetype m_pos = 0;
};

using NodePtr = std::unique_ptr<ExprNode>;

class Parser
{
public:
    Parser(const QString &text, QList<ExprProblem> &problems)
        : m_lexer(text)
        , m_problems(problems)
    {
        m_tok = m_lexer.next();
    }

    NodePtr parseAll()
    {
        NodePtr root = expr();
        if (root && m_tok.kind != Token::End)
            fail(QStringLiteral("unexpected %1 after the end of the expression").arg(describe()));
        return m_failed ? nullptr : std::move(root);
    }

private:
    QString describe() const
    {
        switch (m_tok.kind) {
        case Token::End:
            return QStringLiteral("end of the expression");
        case Token::String:
            return QStringLiteral("text '%1'").arg(m_tok.text);
        case Token::Bad:
            return m_tok.text == QStringLiteral("'") || m_tok.text == QStringLiteral("\"")
                       ? QStringLiteral("unterminated quote %1").arg(m_tok.text)
                       : QStringLiteral("character '%1'").arg(m_tok.text);
        default:
            return QStringLiteral("'%1'").arg(m_tok.text);
        }
    }
    NodePtr fail(const QString &message)
    {
        if (!m_failed)
            m_problems.append({m_tok.pos, message});
        m_failed = true;
        return nullptr;
    }
    void advance() { m_tok = m_lexer.next(); }
    bool isSymbol(const char *s) const
    {
        return m_tok.kind == Token::Symbol && m_tok.text == QLatin1String(s);
    }
    bool isWord(const char *s) const
    {
        return m_tok.kind == Token::Ident && m_tok.text == QLatin1String(s);
    }
    bool expectSymbol(const char *s)
    {
        if (!isSymbol(s)) {
            fail(QStringLiteral("expected '%1' but found %2").arg(QLatin1String(s), describe()));
            return false;
        }
        advance();
        return true;
    }
    bool expectWord(const char *s)
    {
        if (!isWord(s)) {
            fail(QStringLiteral("expected '%1' but found %2").arg(QLatin1String(s), describe()));
            return false;
        }
        advance();
        return true;
    }
    static NodePtr node(ExprNode::Kind kind, int pos)
    {
        auto n = std::make_unique<ExprNode>();
        n->kind = kind;
        n->pos = pos;
        return n;
    }
    static NodePtr binary(ExprOp op, int pos, NodePtr a, NodePtr b)
    {
        NodePtr n = node(ExprNode::Kind::Binary, pos);
        n->op = op;
        n->args.push_back(std::move(a));
        n->args.push_back(std::move(b));
        return n;
    }

    NodePtr expr()
    {
        if (++m_depth > kMaxDepth) {
            --m_depth;
            return fail(
                QStringLiteral("the expression nests deeper than %1 levels").arg(kMaxDepth));
        }
        NodePtr n = orExpr();
        --m_depth;
        return n;
    }
    NodePtr orExpr()
    {
        NodePtr left = andExpr();
        while (left && isWord("or")) {
            const int pos = m_tok.pos;
            advance();
            NodePtr right = andExpr();
            if (!right)
                return nullptr;
            left = binary(ExprOp::Or, pos, std::move(left), std::move(right));
        }
        return left;
    }
    NodePtr andExpr()
    {
        NodePtr left = notExpr();
        while (left && isWord("and")) {
            const int pos = m_tok.pos;
            advance();
            NodePtr right = notExpr();
            if (!right)
                return nullptr;
            left = binary(ExprOp::And, pos, std::move(left), std::move(right));
        }
        return left;
    }
    NodePtr notExpr()
    {
        if (!isWord("not"))
            return comparison();
        if (++m_depth > kMaxDepth)
            return fail(
                QStringLiteral("the expression nests deeper than %1 levels").arg(kMaxDepth));
        NodePtr n = node(ExprNode::Kind::Unary, m_tok.pos);
        n->op = ExprOp::Not;
        advance();
        NodePtr operand = notExpr();
        --m_depth;
        if (!operand)
            return nullptr;
        n->args.push_back(std::move(operand));
        return n;
    }
    NodePtr comparison()
    {
        NodePtr left = concat();
        if (!left)
            return nullptr;
        if (isWord("is")) {
            NodePtr n = node(ExprNode::Kind::Unary, m_tok.pos);
            advance();
            n->op = ExprOp::IsNull;
            if (isWord("not")) {
                n->op = ExprOp::IsNotNull;
                advance();
            }
            if (!expectWord("null"))
                return nullptr;
            n->args.push_back(std::move(left));
            return n;
        }
        static const std::pair<const char *, ExprOp> ops[] = {
            {"=", ExprOp::Eq},  {"<>", ExprOp::Ne}, {"!=", ExprOp::Ne}, {"<", ExprOp::Lt},
            {"<=", ExprOp::Le}, {">", ExprOp::Gt},  {">=", ExprOp::Ge}};
        for (const auto &[symbol, op] : ops) {
            if (isSymbol(symbol)) {
                const int pos = m_tok.pos;
                advance();
                NodePtr right = concat();
                if (!right)
                    return nullptr;
                return binary(op, pos, std::move(left), std::move(right));
            }
        }
        return left;
    }
    NodePtr concat()
    {
        NodePtr left = additive();
        while (left && isSymbol("||")) {
            const int pos = m_tok.pos;
            advance();
            NodePtr right = additive();
            if (!right)
                return nullptr;
            left = binary(ExprOp::Concat, pos, std::move(left), std::move(right));
        }
        return left;
    }
    NodePtr additive()
    {
        NodePtr left = multiplicative();
        while (left && (isSymbol("+") || isSymbol("-"))) {
            const ExprOp op = isSymbol("+") ? ExprOp::Add : ExprOp::Sub;
            const int pos = m_tok.pos;
            advance();
            NodePtr right = multiplicative();
            if (!right)
                return nullptr;
            left = binary(op, pos, std::move(left), std::move(right));
        }
        return left;
    }
    NodePtr multiplicative()
    {
        NodePtr left = unary();
        while (left && (isSymbol("*") || isSymbol("/") || isSymbol("%"))) {
            const ExprOp op = isSymbol("*")   ? ExprOp::Mul
                              : isSymbol("/") ? ExprOp::Div
                                              : ExprOp::Mod;
            const int pos = m_tok.pos;
            advance();
            NodePtr right = unary();
            if (!right)
                return nullptr;
            left = binary(op, pos, std::move(left), std::move(right));
        }
        return left;
    }
    NodePtr unary()
    {
        if (!isSymbol("-") && !isSymbol("+"))
            return primary();
        if (++m_depth > kMaxDepth)
            return fail(
                QStringLiteral("the expression nests deeper than %1 levels").arg(kMaxDepth));
        const bool minus = isSymbol("-");
        const int pos = m_tok.pos;
        advance();
        NodePtr operand = unary();
        --m_depth;
        if (!operand || !minus)
            return operand;
        NodePtr n = node(ExprNode::Kind::Unary, pos);
        n->op = ExprOp::Neg;
        n->args.push_back(std::move(operand));
        return n;
    }

    NodePtr primary();
    NodePtr numberLiteral();
    NodePtr typedLiteral(const QString &type, int pos);
    NodePtr caseExpr();
    NodePtr extractExpr(int pos);
    NodePtr call(const QString &name, int pos);
    NodePtr column(QString name, int pos);

    Lexer m_lexer;
    Token m_tok;
    QList<ExprProblem> &m_problems;
    bool m_failed = false;
    int m_depth = 0;
};

NodePtr Parser::primary()
{
    const int pos = m_tok.pos;
    if (m_tok.kind == Token::Number)
        return numberLiteral();
    if (m_tok.kind == Token::String) {
        NodePtr n = node(ExprNode::Kind::Literal, pos);
        n->text = m_tok.text.toStdString();
        n->literal = Value::string(n->text);
        advance();
        return n;
    }
    if (m_tok.kind == Token::Quoted) {
        const QString name = m_tok.text;
        advance();
        return column(name, pos);
    }
    if (isSymbol("(")) {
        advance();
        NodePtr inner = expr();
        if (!inner || !expectSymbol(")"))
            return nullptr;
        return inner;
    }
    if (m_tok.kind != Token::Ident)
        return fail(
            QStringLiteral("expected a value, a column or '(' but found %1").arg(describe()));
    const QString word = m_tok.text;
    advance();
    if (word == QLatin1String("true") || word == QLatin1String("false") ||
        word == QLatin1String("null")) {
        NodePtr n = node(ExprNode::Kind::Literal, pos);
        n->literal = word == QLatin1String("null") ? Value::null()
                                                   : Value::boolean(word == QLatin1String("true"));
        return n;
    }
    if ((word == QLatin1String("date") || word == QLatin1String("timestamp") ||
         word == QLatin1String("interval")) &&
        m_tok.kind == Token::String)
        return typedLiteral(word, pos);
    if (word == QLatin1String("case"))
        return caseExpr();
    if (word == QLatin1String("extract") && isSymbol("("))
        return extractExpr(pos);
    if (isSymbol("("))
        return call(word, pos);
    return column(word, pos);
}

// "12.50", ".5", "1e3", "2.5E-2" as an exact Decimal (at most 18 digits after the point).
static std::optional<Value> exactDecimal(const QString &text)
{
    qsizetype e = text.indexOf(QLatin1Char('e'), 0, Qt::CaseInsensitive);
    int exponent = 0;
    if (e >= 0) {
        bool ok = false;
        exponent = text.mid(e + 1).toInt(&ok);
        if (!ok || exponent > 18 || exponent < -18)
            return std::nullopt;
    } else {
        e = text.size();
    }
    const QString mantissa = text.left(e);
    if (mantissa.count(QLatin1Char('.')) > 1)
        return std::nullopt;
    __int128 unscaled = 0;
    int scale = 0;
    bool afterPoint = false;
    for (const QChar c : mantissa) {
        if (c == QLatin1Char('.')) {
            afterPoint = true;
            continue;
        }
        unscaled = unscaled * 10 + (c.unicode() - '0');
        if (unscaled > __int128(INT64_MAX))
            return std::nullopt;
        scale += afterPoint ? 1 : 0;
    }
    scale -= exponent;
    for (; scale < 0; ++scale) {
        unscaled *= 10;
        if (unscaled > __int128(INT64_MAX))
            return std::nullopt;
    }
    if (scale > 18)
        return std::nullopt;
    return Value::decimal(int64_t(unscaled), uint8_t(scale));
}

NodePtr Parser::numberLiteral()
{
    NodePtr n = node(ExprNode::Kind::Literal, m_tok.pos);
    const QString text = m_tok.text;
    bool ok = false;
    const qlonglong v = text.toLongLong(&ok);
    if (ok) {
        n->literal = Value::integer(v);
    } else {
        const auto d = exactDecimal(text);
        if (!d)
            return fail(QStringLiteral("'%1' is not a number with at most 18 digits (and 18 "
                                       "after the point)")
                            .arg(text));
        n->literal = *d;
    }
    advance();
    return n;
}

NodePtr Parser::typedLiteral(const QString &type, int pos)
{
    const QString text = m_tok.text;
    NodePtr n = node(ExprNode::Kind::Literal, pos);
    if (type == QLatin1String("date")) {
        const auto days = ParamReader::parseDate(text.trimmed());
        if (!days)
            return fail(QStringLiteral("'%1' is not a date: write date 'YYYY-MM-DD'").arg(text));
        n->literal = Value::date(*days);
    } else if (type == QLatin1String("timestamp")) {
        const auto micros = ParamReader::parseTimestamp(text.trimmed());
        if (!micros)
            return fail(QStringLiteral("'%1' is not a timestamp: write timestamp "
                                       "'YYYY-MM-DD HH:MM:SS'")
                            .arg(text));
        n->literal = Value::timestamp(*micros);
    } else {
        const auto interval = parseInterval(text);
        if (!interval)
            return fail(QStringLiteral("'%1' is not an interval: write interval '7 days', "
                                       "'2 hours 30 minutes' or '1 month'")
                            .arg(text));
        n->literal = Value::integer(interval->micros);
        n->literal.u = uint64_t(interval->months);
        n->text = "interval";
    }
    advance();
    return n;
}

NodePtr Parser::caseExpr()
{
    NodePtr n = node(ExprNode::Kind::Case, m_tok.pos);
    while (isWord("when")) {
        advance();
        NodePtr when = expr();
        if (!when || !expectWord("then"))
            return nullptr;
        NodePtr then = expr();
        if (!then)
            return nullptr;
        n->args.push_back(std::move(when));
        n->args.push_back(std::move(then));
    }
    if (n->args.empty())
        return fail(QStringLiteral("expected 'when' after 'case' but found %1").arg(describe()));
    if (isWord("else")) {
        advance();
        NodePtr otherwise = expr();
        if (!otherwise)
            return nullptr;
        n->args.push_back(std::move(otherwise));
        n->hasElse = true;
    }
    if (!expectWord("end"))
        return nullptr;
    return n;
}

NodePtr Parser::extractExpr(int pos)
{
    advance(); // (
    if (m_tok.kind != Token::Ident)
        return fail(QStringLiteral("expected a field such as year, month, day, hour, dow or "
                                   "epoch but found %1")
                        .arg(describe()));
    NodePtr n = node(ExprNode::Kind::Extract, pos);
    n->name = m_tok.text;
    advance();
    if (!expectWord("from"))
        return nullptr;
    NodePtr from = expr();
    if (!from || !expectSymbol(")"))
        return nullptr;
    n->args.push_back(std::move(from));
    return n;
}

NodePtr Parser::call(const QString &name, int pos)
{
    NodePtr n = node(ExprNode::Kind::Call, pos);
    n->name = name;
    advance(); // (
    if (isSymbol(")")) {
        advance();
        return n;
    }
    while (true) {
        NodePtr arg = expr();
        if (!arg)
            return nullptr;
        n->args.push_back(std::move(arg));
        if (isSymbol(",")) {
            advance();
            continue;
        }
        if (!expectSymbol(")"))
            return nullptr;
        return n;
    }
}

NodePtr Parser::column(QString name, int pos)
{
    // Qualified names (parent.x, a lookup's column) are one name for the resolver.
    while (isSymbol(".")) {
        advance();
        if (m_tok.kind != Token::Ident && m_tok.kind != Token::Quoted)
            return fail(
                QStringLiteral("expected a column name after '.' but found %1").arg(describe()));
        name += QLatin1Char('.') + m_tok.text;
        advance();
    }
    NodePtr n = node(ExprNode::Kind::Column, pos);
    n->name = name;
    return n;
}

} // namespace

std::unique_ptr<ExprNode> parseExpression(const QString &text, QList<ExprProblem> &problems)
{
    if (text.trimmed().isEmpty()) {
        problems.append({0, QStringLiteral("the expression is empty: write one such as "
                                           "'price * quantity'")});
        return nullptr;
    }
    Parser parser(text, problems);
    return parser.parseAll();
}

std::optional<ExprInterval> parseInterval(const QString &text)
{
    // Pairs of a number and a unit: '7 days', '1 day 2 hours', '-3 months', '1 year'.
    const QStringList parts = text.simplified().split(QLatin1Char(' '), Qt::SkipEmptyParts);
    if (parts.isEmpty() || parts.size() % 2 != 0)
        return std::nullopt;
    ExprInterval result;
    for (qsizetype i = 0; i < parts.size(); i += 2) {
        bool ok = false;
        const qlonglong n = parts[i].toLongLong(&ok);
        if (!ok || n > 1000000000LL || n < -1000000000LL)
            return std::nullopt;
        QString unit = parts[i + 1].toLower();
        if (unit.size() > 1 && unit.endsWith(QLatin1Char('s')))
            unit.chop(1);
        static const std::pair<const char *, int64_t> micros[] = {
            {"microsecond", 1},     {"millisecond", 1000},  {"second", 1000000},
            {"sec", 1000000},       {"minute", 60000000},   {"min", 60000000},
            {"hour", 3600000000LL}, {"day", 86400000000LL}, {"week", 7 * 86400000000LL}};
        bool known = false;
        for (const auto &[name, factor] : micros) {
            int64_t part = 0;
            if (unit == QLatin1String(name)) {
                if (__builtin_mul_overflow(int64_t(n), factor, &part) ||
                    __builtin_add_overflow(result.micros, part, &result.micros))
                    return std::nullopt;
                known = true;
            }
        }
        if (unit == QLatin1String("month") || unit == QLatin1String("mon")) {
            result.months += n;
            known = true;
        } else if (unit == QLatin1String("year")) {
            result.months += 12 * n;
            known = true;
        }
        if (!known)
            return std::nullopt;
    }
    return result;
}

int64_t addMonthsToDays(int64_t days, int64_t months)
{
    int64_t y;
    unsigned m, d;
    civilFromDays(days, y, m, d);
    const int64_t total = y * 12 + int64_t(m) - 1 + months;
    const int64_t ny = total >= 0 ? total / 12 : (total - 11) / 12;
    const unsigned nm = unsigned(total - ny * 12) + 1;
    static const unsigned lengths[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    const bool leap = (ny % 4 == 0 && ny % 100 != 0) || ny % 400 == 0;
    const unsigned last = nm == 2 && leap ? 29 : lengths[nm - 1];
    return daysFromCivil(ny, nm, std::min(d, last));
}

} // namespace spillway
