// The expression language's type checker: gives every node its type, inserts the casts that
// make both sides of an operator agree (integer to numeric, date to timestamp) and reports each
// problem at its position. The function table (expressionfunctions) checks calls.

#include "schema/expression.h"
#include "schema/expressioncheck.h"

#include <QRegularExpression>

namespace spillway {

QString exprTypeName(ExprType type)
{
    switch (type) {
    case ExprType::Null:
        return QStringLiteral("null");
    case ExprType::Bool:
        return QStringLiteral("boolean");
    case ExprType::Int:
        return QStringLiteral("integer");
    case ExprType::Decimal:
        return QStringLiteral("numeric");
    case ExprType::Float:
        return QStringLiteral("double precision");
    case ExprType::Text:
        return QStringLiteral("text");
    case ExprType::Date:
        return QStringLiteral("date");
    case ExprType::Timestamp:
        return QStringLiteral("timestamp");
    case ExprType::TimestampTz:
        return QStringLiteral("timestamptz");
    case ExprType::Interval:
        return QStringLiteral("interval");
    case ExprType::Error:
        break;
    }
    return QStringLiteral("?");
}

QString exprOpName(ExprOp op)
{
    static const char *const names[] = {
        "+",  "-", "*",  "/",   "%",  "||",  "=", "<>",      "<",
        "<=", ">", ">=", "and", "or", "not", "-", "is null", "is not null"};
    return QLatin1String(names[int(op)]);
}

ExprTarget exprTargetOf(const QString &sqlType)
{
    const QString t = sqlType.trimmed().toLower();
    ExprTarget target;
    static const QRegularExpression numeric(
        QStringLiteral("^(numeric|decimal)(\\((\\d+)(,\\s*(\\d+))?\\))?$"));
    const auto m = numeric.match(t);
    if (m.hasMatch()) {
        target.type = ExprType::Decimal;
        if (m.capturedLength(3) > 0) {
            target.precision = m.captured(3).toInt();
            target.scale = m.capturedLength(5) > 0 ? m.captured(5).toInt() : 0;
        }
        return target;
    }
    struct Entry
    {
        const char *prefix;
        ExprType type;
        int bits;
    };
    static const Entry entries[] = {
        {"smallint", ExprType::Int, 16},
        {"int2", ExprType::Int, 16},
        {"integer", ExprType::Int, 32},
        {"int4", ExprType::Int, 32},
        {"int8", ExprType::Int, 64},
        {"int", ExprType::Int, 32},
        {"bigint", ExprType::Int, 64},
        {"real", ExprType::Float, 32},
        {"float4", ExprType::Float, 32},
        {"float8", ExprType::Float, 64},
        {"double precision", ExprType::Float, 64},
        {"float", ExprType::Float, 64},
        {"boolean", ExprType::Bool, 0},
        {"bool", ExprType::Bool, 0},
        {"date", ExprType::Date, 0},
        {"timestamptz", ExprType::TimestampTz, 0},
        {"text", ExprType::Text, 0},
        {"varchar", ExprType::Text, 0},
        {"character varying", ExprType::Text, 0},
        {"character", ExprType::Text, 0},
        {"char", ExprType::Text, 0},
        {"bpchar", ExprType::Text, 0},
        {"citext", ExprType::Text, 0},
    };
    if (t.endsWith(QLatin1String("[]")))
        return target;
    if (t.startsWith(QLatin1String("timestamp")) && !t.startsWith(QLatin1String("timestamptz"))) {
        target.type =
            t.contains(QLatin1String("with time zone")) && !t.contains(QLatin1String("without"))
                ? ExprType::TimestampTz
                : ExprType::Timestamp;
        return target;
    }
    for (const Entry &e : entries) {
        const QLatin1String prefix(e.prefix);
        if (t == prefix ||
            (t.startsWith(prefix) && t.mid(prefix.size()).startsWith(QLatin1Char('(')))) {
            target.type = e.type;
            target.precision = e.bits;
            target.real = e.type == ExprType::Float && e.bits == 32;
            return target;
        }
    }
    return target;
}

bool isNumericType(ExprType t)
{
    return t == ExprType::Int || t == ExprType::Decimal || t == ExprType::Float;
}

bool isTemporalType(ExprType t)
{
    return t == ExprType::Date || t == ExprType::Timestamp || t == ExprType::TimestampTz;
}

std::unique_ptr<ExprNode> castTo(std::unique_ptr<ExprNode> n, ExprType to, int scale)
{
    if (n->type == to && (to != ExprType::Decimal || scale < 0 || n->scale == scale))
        return n;
    auto c = std::make_unique<ExprNode>();
    c->kind = ExprNode::Kind::Cast;
    c->pos = n->pos;
    c->type = to;
    c->scale = to == ExprType::Decimal ? (scale >= 0 ? scale : n->scale) : -1;
    c->args.push_back(std::move(n));
    return c;
}

std::optional<ExprType> commonType(ExprType a, ExprType b)
{
    if (a == b)
        return a;
    if (a == ExprType::Null)
        return b;
    if (b == ExprType::Null)
        return a;
    if (isNumericType(a) && isNumericType(b))
        return a == ExprType::Float || b == ExprType::Float ? ExprType::Float : ExprType::Decimal;
    if (isTemporalType(a) && isTemporalType(b))
        return a == ExprType::TimestampTz || b == ExprType::TimestampTz ? ExprType::TimestampTz
                                                                        : ExprType::Timestamp;
    return std::nullopt;
}

int commonScale(const std::vector<std::unique_ptr<ExprNode>> &nodes, size_t from, size_t step)
{
    int scale = 0;
    for (size_t i = from; i < nodes.size(); i += step) {
        const ExprNode &n = *nodes[i];
        if (n.type == ExprType::Decimal && n.scale < 0)
            return -1;
        if (n.type == ExprType::Decimal)
            scale = std::max(scale, n.scale);
    }
    return scale;
}

// ---- the checker -----------------------------------------------------------------------------

ExprChecker::ExprChecker(const ExprResolver &resolver, QList<ExprProblem> &problems)
    : m_resolver(resolver)
    , m_problems(problems)
{}

void ExprChecker::report(int pos, const QString &message)
{
    m_problems.append({pos, message});
}

bool ExprChecker::checkArgs(ExprNode &n)
{
    bool ok = true;
    for (auto &arg : n.args) {
        check(*arg);
        ok = ok && arg->type != ExprType::Error;
    }
    return ok;
}

void ExprChecker::check(ExprNode &n)
{
    switch (n.kind) {
    case ExprNode::Kind::Literal:
        n.type = literalType(n);
        n.scale = n.literal.kind == ValueKind::Decimal ? n.literal.scale : 0;
        return;
    case ExprNode::Kind::Column: {
        QString problem;
        const auto column = m_resolver.resolve(n.name, &problem);
        if (!column) {
            report(n.pos, problem);
            n.type = ExprType::Error;
            return;
        }
        n.type = column->type;
        n.scale = column->scale;
        n.slot = column->slot;
        return;
    }
    case ExprNode::Kind::Unary:
        if (checkArgs(n))
            checkUnary(n);
        return;
    case ExprNode::Kind::Binary:
        if (checkArgs(n))
            checkBinary(n);
        return;
    case ExprNode::Kind::Case:
        if (checkArgs(n))
            checkCase(n);
        return;
    case ExprNode::Kind::Call:
        if (checkArgs(n))
            checkCall(n);
        return;
    case ExprNode::Kind::Extract:
        if (checkArgs(n))
            checkExtract(n);
        return;
    case ExprNode::Kind::Cast:
        return;
    }
}

ExprType ExprChecker::literalType(const ExprNode &n)
{
    switch (n.literal.kind) {
    case ValueKind::Null:
        return ExprType::Null;
    case ValueKind::Bool:
        return ExprType::Bool;
    case ValueKind::Int:
        return n.text == "interval" ? ExprType::Interval : ExprType::Int;
    case ValueKind::Decimal:
        return ExprType::Decimal;
    case ValueKind::Text:
        return ExprType::Text;
    case ValueKind::Date:
        return ExprType::Date;
    case ValueKind::Timestamp:
        return ExprType::Timestamp;
    default:
        return ExprType::Error;
    }
}

void ExprChecker::checkUnary(ExprNode &n)
{
    const ExprType t = n.args[0]->type;
    switch (n.op) {
    case ExprOp::Not:
        if (t != ExprType::Bool && t != ExprType::Null)
            return fail(n, QStringLiteral("'not' needs a boolean, not %1").arg(exprTypeName(t)));
        n.args[0] = castTo(std::move(n.args[0]), ExprType::Bool);
        n.type = ExprType::Bool;
        return;
    case ExprOp::Neg:
        if (!isNumericType(t) && t != ExprType::Interval && t != ExprType::Null)
            return fail(n, QStringLiteral("cannot negate %1").arg(exprTypeName(t)));
        n.type = t == ExprType::Null ? ExprType::Int : t;
        n.scale = n.args[0]->scale;
        return;
    default: // is [not] null
        n.type = ExprType::Bool;
        return;
    }
}

void ExprChecker::fail(ExprNode &n, const QString &message)
{
    report(n.pos, message);
    n.type = ExprType::Error;
}

void ExprChecker::checkCase(ExprNode &n)
{
    const size_t pairs = (n.args.size() - (n.hasElse ? 1 : 0)) / 2;
    ExprType result = ExprType::Null;
    for (size_t i = 0; i < n.args.size(); ++i) {
        const bool isCondition = i < 2 * pairs && i % 2 == 0;
        ExprNode &arg = *n.args[i];
        if (isCondition) {
            if (arg.type != ExprType::Bool && arg.type != ExprType::Null)
                return fail(arg, QStringLiteral("a 'when' condition must be boolean, not %1")
                                     .arg(exprTypeName(arg.type)));
            n.args[i] = castTo(std::move(n.args[i]), ExprType::Bool);
            continue;
        }
        const auto common = commonType(result, arg.type);
        if (!common)
            return fail(arg, QStringLiteral("this branch gives %1 but an earlier one gives %2: "
                                            "make every branch the same type")
                                 .arg(exprTypeName(arg.type), exprTypeName(result)));
        result = *common;
    }
    n.type = result == ExprType::Null ? ExprType::Text : result;
    n.scale = n.type == ExprType::Decimal ? commonScale(n.args, 1, 2) : -1;
    if (n.hasElse && n.type == ExprType::Decimal) {
        const ExprNode &last = *n.args.back();
        if (last.type == ExprType::Decimal && (last.scale < 0 || n.scale < 0))
            n.scale = -1;
        else if (last.type == ExprType::Decimal)
            n.scale = std::max(n.scale, last.scale);
    }
    for (size_t i = 0; i < n.args.size(); ++i) {
        if (i < 2 * pairs && i % 2 == 0)
            continue;
        n.args[i] = castTo(std::move(n.args[i]), n.type, n.scale);
    }
}

void ExprChecker::checkExtract(ExprNode &n)
{
    const ExprType t = n.args[0]->type;
    static const QStringList dateFields = {QStringLiteral("year"),    QStringLiteral("month"),
                                           QStringLiteral("day"),     QStringLiteral("dow"),
                                           QStringLiteral("isodow"),  QStringLiteral("doy"),
                                           QStringLiteral("quarter"), QStringLiteral("epoch")};
    static const QStringList timeFields = {QStringLiteral("hour"), QStringLiteral("minute"),
                                           QStringLiteral("second")};
    static const QStringList intervalFields = {QStringLiteral("epoch"), QStringLiteral("day"),
                                               QStringLiteral("hour"), QStringLiteral("minute")};
    bool known = false;
    if (t == ExprType::Interval)
        known = intervalFields.contains(n.name);
    else if (t == ExprType::Date)
        known = dateFields.contains(n.name);
    else if (isTemporalType(t) || t == ExprType::Null)
        known = dateFields.contains(n.name) || timeFields.contains(n.name);
    else
        return fail(n, QStringLiteral("extract() reads a date, timestamp or interval, not %1")
                           .arg(exprTypeName(t)));
    if (!known)
        return fail(n, QStringLiteral("cannot extract '%1' from %2: use one of year, month, day, "
                                      "hour, minute, second, dow, isodow, doy, quarter, epoch")
                           .arg(n.name, exprTypeName(t)));
    const bool fractional = n.name == QLatin1String("second") ||
                            (n.name == QLatin1String("epoch") && t != ExprType::Date);
    n.type = fractional ? ExprType::Decimal : ExprType::Int;
    n.scale = fractional ? 6 : 0;
}

void ExprChecker::assign(std::unique_ptr<ExprNode> &root, const ExprTarget &target,
                         const QString &sqlType)
{
    const ExprType from = root->type;
    if (from == ExprType::Error)
        return;
    if (target.type == ExprType::Error) {
        report(0, QStringLiteral("expressions cannot produce a column of type %1: use a "
                                 "number, text, boolean, date or timestamp type")
                      .arg(sqlType));
        return;
    }
    bool ok = from == ExprType::Null || from == target.type || target.type == ExprType::Text;
    if (isNumericType(target.type) && isNumericType(from))
        ok = true;
    if (isTemporalType(target.type) && isTemporalType(from))
        ok = true;
    if (from == ExprType::Interval && target.type == ExprType::Text)
        ok = false;
    if (!ok) {
        const QString hint = from == ExprType::Interval
                                 ? QStringLiteral("use extract(epoch from …) for seconds")
                                 : QStringLiteral("change the column's type or the expression");
        report(root->pos, QStringLiteral("the expression gives %1, which a %2 column cannot "
                                         "hold: %3")
                              .arg(exprTypeName(from), sqlType, hint));
        return;
    }
    auto cast = std::make_unique<ExprNode>();
    cast->kind = ExprNode::Kind::Cast;
    cast->pos = root->pos;
    cast->type = target.type;
    cast->scale = target.scale;
    cast->precision = target.precision;
    cast->text = target.real ? "real" : "";
    cast->args.push_back(std::move(root));
    root = std::move(cast);
}

std::unique_ptr<ExprNode> checkExpression(std::unique_ptr<ExprNode> root,
                                          const ExprResolver &resolver, const ExprTarget &target,
                                          QList<ExprProblem> &problems)
{
    ExprChecker checker(resolver, problems);
    checker.check(*root);
    checker.assign(root, target, exprTypeName(target.type));
    return root;
}

Expression Expression::compile(const QString &text, const ExprResolver &resolver,
                               const QString &sqlType)
{
    Expression e;
    e.m_text = text;
    auto root = parseExpression(text, e.m_problems);
    if (!root)
        return e;
    ExprChecker checker(resolver, e.m_problems);
    checker.check(*root);
    checker.assign(root, exprTargetOf(sqlType), sqlType);
    if (e.m_problems.isEmpty())
        e.m_root = std::move(root);
    return e;
}

QString Expression::describe(const ExprProblem &problem)
{
    return QStringLiteral("at column %1 of the expression: %2")
        .arg(problem.pos + 1)
        .arg(problem.message);
}

QString expressionCaret(const Schema &schema, const Diagnostic &problem, int indent)
{
    static const QRegularExpression path(
        QStringLiteral("^tables\\[(\\d+)\\]\\.columns\\[(\\d+)\\]\\.generator\\.expression$"));
    static const QRegularExpression at(QStringLiteral("^at column (\\d+) of the expression: "));
    const auto p = path.match(problem.path);
    const auto a = at.match(problem.message);
    if (!p.hasMatch() || !a.hasMatch())
        return {};
    const int t = p.captured(1).toInt(), c = p.captured(2).toInt();
    if (t >= schema.tables.size() || c >= schema.tables[t].columns.size())
        return {};
    const QString text =
        schema.tables[t].columns[c].generator.value(QStringLiteral("expression")).toString();
    const int column = a.captured(1).toInt();
    if (text.isEmpty() || text.contains(QLatin1Char('\n')) || column > text.size() + 1)
        return {};
    const QString pad(indent, QLatin1Char(' '));
    return pad + text + QLatin1Char('\n') + pad + QString(column - 1, QLatin1Char(' ')) +
           QLatin1Char('^');
}

} // namespace spillway
