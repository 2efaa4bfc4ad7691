// Type rules of the expression language's operators and functions.

#include "schema/expressioncheck.h"
#include "schema/schemacompiler.h"

namespace spillway {

QStringList expressionFunctionNames()
{
    return {QStringLiteral("coalesce"), QStringLiteral("least"),  QStringLiteral("greatest"),
            QStringLiteral("abs"),      QStringLiteral("round"),  QStringLiteral("floor"),
            QStringLiteral("ceil"),     QStringLiteral("upper"),  QStringLiteral("lower"),
            QStringLiteral("length"),   QStringLiteral("substr"), QStringLiteral("format")};
}

namespace {

QString verbOf(ExprOp op)
{
    switch (op) {
    case ExprOp::Add:
        return QStringLiteral("add");
    case ExprOp::Sub:
        return QStringLiteral("subtract");
    case ExprOp::Mul:
        return QStringLiteral("multiply");
    case ExprOp::Div:
        return QStringLiteral("divide");
    default:
        return QStringLiteral("take the remainder of");
    }
}

bool isComparison(ExprOp op)
{
    return op >= ExprOp::Eq && op <= ExprOp::Ge;
}

} // namespace

bool parseFormat(const std::string &format, std::vector<FormatSpec> &specs, QString *problem)
{
    FormatSpec literal;
    for (size_t i = 0; i < format.size(); ++i) {
        if (format[i] != '%') {
            literal.literal += format[i];
            continue;
        }
        if (i + 1 < format.size() && format[i + 1] == '%') {
            literal.literal += '%';
            ++i;
            continue;
        }
        FormatSpec spec;
        size_t j = i + 1;
        for (; j < format.size() && (format[j] == '-' || format[j] == '0'); ++j)
            (format[j] == '-' ? spec.leftAlign : spec.zeroPad) = true;
        for (; j < format.size() && format[j] >= '0' && format[j] <= '9'; ++j)
            spec.width = std::min(spec.width * 10 + (format[j] - '0'), 1000);
        if (j < format.size() && format[j] == '.') {
            spec.precision = 0;
            for (++j; j < format.size() && format[j] >= '0' && format[j] <= '9'; ++j)
                spec.precision = std::min(spec.precision * 10 + (format[j] - '0'), 1000);
        }
        if (j >= format.size() || (format[j] != 'd' && format[j] != 's' && format[j] != 'f')) {
            // Glued, not .arg(): the message itself holds '%' signs.
            *problem = QStringLiteral("format() knows %d, %0Nd, %s, %.Nf and %%; '") +
                       QString::fromStdString(format.substr(i, j - i + 1)) +
                       QStringLiteral("' is none of them");
            return false;
        }
        if (spec.width > 100 || spec.precision > 18) {
            *problem = QStringLiteral("format() widths go up to 100 and precisions up to 18");
            return false;
        }
        spec.conversion = format[j];
        if (!literal.literal.empty())
            specs.push_back(std::move(literal));
        literal = FormatSpec();
        specs.push_back(spec);
        i = j;
    }
    if (!literal.literal.empty())
        specs.push_back(std::move(literal));
    return true;
}

void ExprChecker::checkBinary(ExprNode &n)
{
    const ExprType a = n.args[0]->type;
    const ExprType b = n.args[1]->type;
    if (n.op == ExprOp::And || n.op == ExprOp::Or) {
        for (auto &arg : n.args) {
            if (arg->type != ExprType::Bool && arg->type != ExprType::Null)
                return fail(*arg, QStringLiteral("'%1' needs booleans, not %2")
                                      .arg(exprOpName(n.op), exprTypeName(arg->type)));
            arg = castTo(std::move(arg), ExprType::Bool);
        }
        n.type = ExprType::Bool;
        return;
    }
    if (isComparison(n.op)) {
        const auto common = commonType(a, b);
        if (!common)
            return fail(
                n,
                QStringLiteral("cannot compare %1 with %2").arg(exprTypeName(a), exprTypeName(b)));
        for (auto &arg : n.args)
            arg = castTo(std::move(arg), *common == ExprType::Null ? ExprType::Int : *common);
        n.type = ExprType::Bool;
        return;
    }
    if (n.op == ExprOp::Concat) {
        if (a != ExprType::Text && b != ExprType::Text)
            return fail(n, QStringLiteral("'||' joins text: one side must be text (got %1 and "
                                          "%2); write format() or '' || x")
                               .arg(exprTypeName(a), exprTypeName(b)));
        if (a == ExprType::Interval || b == ExprType::Interval)
            return fail(n, QStringLiteral("an interval cannot be joined to text: use "
                                          "extract(epoch from …)"));
        for (auto &arg : n.args)
            arg = castTo(std::move(arg), ExprType::Text);
        n.type = ExprType::Text;
        return;
    }
    const bool temporal = isTemporalType(a) || isTemporalType(b) || a == ExprType::Interval ||
                          b == ExprType::Interval;
    if (temporal)
        checkTemporal(n);
    else
        checkArithmetic(n);
}

void ExprChecker::checkArithmetic(ExprNode &n)
{
    ExprType a = n.args[0]->type;
    ExprType b = n.args[1]->type;
    a = a == ExprType::Null ? (b == ExprType::Null ? ExprType::Int : b) : a;
    b = b == ExprType::Null ? a : b;
    if (!isNumericType(a) || !isNumericType(b)) {
        const QString hint = a == ExprType::Text || b == ExprType::Text
                                 ? QStringLiteral(": use || to join text, or format()")
                                 : QString();
        return fail(
            n, QStringLiteral("cannot %1 %2 and %3 (operator '%4')%5")
                   .arg(verbOf(n.op), exprTypeName(a), exprTypeName(b), exprOpName(n.op), hint));
    }
    if (n.op == ExprOp::Mod && (a == ExprType::Float || b == ExprType::Float))
        return fail(n, QStringLiteral("'%' needs integers or numeric values, not double "
                                      "precision"));
    n.type = a == ExprType::Float || b == ExprType::Float ? ExprType::Float
             : a == ExprType::Int && b == ExprType::Int   ? ExprType::Int
                                                          : ExprType::Decimal;
    const int sa = n.args[0]->type == ExprType::Decimal ? n.args[0]->scale : 0;
    const int sb = n.args[1]->type == ExprType::Decimal ? n.args[1]->scale : 0;
    if (n.type == ExprType::Decimal) {
        const bool known = sa >= 0 && sb >= 0;
        n.scale = !known                ? -1
                  : n.op == ExprOp::Mul ? sa + sb
                  : n.op == ExprOp::Div ? std::max({sa, sb, 6})
                                        : std::max(sa, sb);
    } else if (n.type == ExprType::Float) {
        for (auto &arg : n.args)
            arg = castTo(std::move(arg), ExprType::Float);
    }
}

void ExprChecker::checkTemporal(ExprNode &n)
{
    auto swapIfFirst = [&n](ExprType t) {
        if (n.args[0]->type == t)
            std::swap(n.args[0], n.args[1]);
    };
    if (n.op == ExprOp::Add) {
        swapIfFirst(ExprType::Int);
        if (n.args[1]->type != ExprType::Interval)
            swapIfFirst(ExprType::Interval);
    } else if (n.op == ExprOp::Mul) {
        swapIfFirst(ExprType::Int);
    }
    const ExprType a = n.args[0]->type;
    const ExprType b = n.args[1]->type;
    const bool addSub = n.op == ExprOp::Add || n.op == ExprOp::Sub;
    if (addSub && a == ExprType::Date && (b == ExprType::Int || b == ExprType::Null)) {
        n.type = ExprType::Date;
    } else if (n.op == ExprOp::Sub && a == ExprType::Date && b == ExprType::Date) {
        n.type = ExprType::Int;
    } else if (addSub && isTemporalType(a) && b == ExprType::Interval) {
        n.type = a == ExprType::Date ? ExprType::Timestamp : a;
        n.args[0] = castTo(std::move(n.args[0]), n.type);
    } else if (n.op == ExprOp::Sub && isTemporalType(a) && isTemporalType(b)) {
        const ExprType common = *commonType(a, b);
        for (auto &arg : n.args)
            arg = castTo(std::move(arg), common);
        n.type = ExprType::Interval;
    } else if (addSub && a == ExprType::Interval && b == ExprType::Interval) {
        n.type = ExprType::Interval;
    } else if (n.op == ExprOp::Mul && a == ExprType::Interval && b == ExprType::Int) {
        n.type = ExprType::Interval;
    } else if (addSub && isTemporalType(a) && b == ExprType::Null) {
        n.type = a;
    } else {
        return fail(n, QStringLiteral("cannot %1 %2 and %3 (operator '%4'): dates take "
                                      "+/- whole days or intervals, timestamps intervals")
                           .arg(verbOf(n.op), exprTypeName(a), exprTypeName(b), exprOpName(n.op)));
    }
}

bool ExprChecker::unifyArgs(ExprNode &n, size_t from)
{
    ExprType common = ExprType::Null;
    for (size_t i = from; i < n.args.size(); ++i) {
        const auto c = commonType(common, n.args[i]->type);
        if (!c || n.args[i]->type == ExprType::Interval) {
            fail(*n.args[i], QStringLiteral("%1() cannot mix %2 with %3")
                                 .arg(n.name, exprTypeName(n.args[i]->type), exprTypeName(common)));
            n.type = ExprType::Error;
            return false;
        }
        common = *c;
    }
    n.type = common == ExprType::Null ? ExprType::Text : common;
    n.scale = n.type == ExprType::Decimal ? commonScale(n.args, from, 1) : -1;
    for (size_t i = from; i < n.args.size(); ++i)
        n.args[i] = castTo(std::move(n.args[i]), n.type, n.scale);
    return true;
}

bool ExprChecker::arity(ExprNode &n, int lo, int hi)
{
    const int count = int(n.args.size());
    if (count >= lo && count <= hi)
        return true;
    const QString wanted = lo == hi    ? QString::number(lo)
                           : hi > 1000 ? QStringLiteral("%1 or more").arg(lo)
                                       : QStringLiteral("%1 to %2").arg(lo).arg(hi);
    fail(n, QStringLiteral("%1() takes %2 argument(s), not %3").arg(n.name, wanted).arg(count));
    return false;
}

bool ExprChecker::argIs(ExprNode &n, int i, ExprType t, const char *what)
{
    ExprNode &arg = *n.args[size_t(i)];
    if (arg.type == t || arg.type == ExprType::Null ||
        (t == ExprType::Decimal && isNumericType(arg.type))) {
        if (t != ExprType::Decimal)
            n.args[size_t(i)] = castTo(std::move(n.args[size_t(i)]), t);
        return true;
    }
    fail(arg, QStringLiteral("argument %1 of %2() must be %3, not %4")
                  .arg(i + 1)
                  .arg(n.name, QLatin1String(what), exprTypeName(arg.type)));
    return false;
}

void ExprChecker::checkCall(ExprNode &n)
{
    const QString &f = n.name;
    if (f == QLatin1String("coalesce") || f == QLatin1String("least") ||
        f == QLatin1String("greatest")) {
        if (arity(n, 1, 1 << 20))
            unifyArgs(n, 0);
    } else if (f == QLatin1String("abs") || f == QLatin1String("floor") ||
               f == QLatin1String("ceil") || f == QLatin1String("round")) {
        checkNumericCall(n);
    } else if (f == QLatin1String("upper") || f == QLatin1String("lower") ||
               f == QLatin1String("length") || f == QLatin1String("substr")) {
        checkTextCall(n);
    } else if (f == QLatin1String("format")) {
        if (arity(n, 1, 1 << 20))
            checkFormat(n);
    } else {
        const QString best = SchemaCompiler::closest(f, expressionFunctionNames());
        fail(n, best.isEmpty()
                    ? QStringLiteral("unknown function '%1'; known: %2")
                          .arg(f, expressionFunctionNames().join(QStringLiteral(", ")))
                    : QStringLiteral("unknown function '%1'; did you mean '%2'?").arg(f, best));
    }
}

void ExprChecker::checkNumericCall(ExprNode &n)
{
    const bool withDigits = n.name == QLatin1String("round") && n.args.size() == 2;
    if (!arity(n, 1, n.name == QLatin1String("round") ? 2 : 1) ||
        !argIs(n, 0, ExprType::Decimal, "a number"))
        return;
    if (!withDigits) {
        n.type = n.args[0]->type == ExprType::Null ? ExprType::Int : n.args[0]->type;
        n.scale = n.name == QLatin1String("abs") ? n.args[0]->scale : 0;
        return;
    }
    const ExprNode &digits = *n.args[1];
    if (digits.kind != ExprNode::Kind::Literal || digits.literal.kind != ValueKind::Int ||
        digits.literal.i < 0 || digits.literal.i > 18)
        return fail(n, QStringLiteral("round(x, n) needs n as a whole number from 0 to 18"));
    n.type = ExprType::Decimal;
    n.scale = int(digits.literal.i);
}

void ExprChecker::checkTextCall(ExprNode &n)
{
    if (n.name == QLatin1String("substr")) {
        if (!arity(n, 2, 3) || !argIs(n, 0, ExprType::Text, "text") ||
            !argIs(n, 1, ExprType::Int, "an integer") ||
            (n.args.size() == 3 && !argIs(n, 2, ExprType::Int, "an integer")))
            return;
        n.type = ExprType::Text;
        return;
    }
    if (!arity(n, 1, 1) || !argIs(n, 0, ExprType::Text, "text"))
        return;
    n.type = n.name == QLatin1String("length") ? ExprType::Int : ExprType::Text;
}

void ExprChecker::checkFormat(ExprNode &n)
{
    const ExprNode &fmt = *n.args[0];
    if (fmt.kind != ExprNode::Kind::Literal || fmt.literal.kind != ValueKind::Text)
        return fail(n, QStringLiteral("format()'s first argument must be a text literal such as "
                                      "'Customer#%09d'"));
    std::vector<FormatSpec> specs;
    QString problem;
    if (!parseFormat(fmt.text, specs, &problem))
        return fail(*n.args[0], problem);
    size_t arg = 1;
    for (const FormatSpec &spec : specs) {
        if (!spec.conversion)
            continue;
        if (arg >= n.args.size())
            return fail(n, QStringLiteral("the format has more conversions than the %n "
                                          "value(s) given")
                               .replace(QStringLiteral("%n"), QString::number(n.args.size() - 1)));
        const ExprType t = n.args[arg]->type;
        const bool ok = t == ExprType::Null || (spec.conversion == 'd' && t == ExprType::Int) ||
                        (spec.conversion == 'f' && isNumericType(t)) ||
                        (spec.conversion == 's' && t != ExprType::Interval);
        if (!ok)
            return fail(*n.args[arg],
                        QString(QLatin1Char('%')) + QLatin1Char(spec.conversion) +
                            QStringLiteral(" cannot format ") + exprTypeName(t) +
                            QStringLiteral(": %d takes integers, %f numbers, %s anything but "
                                           "intervals"));
        ++arg;
    }
    if (arg != n.args.size())
        return fail(*n.args[arg], QStringLiteral("format() got more values than its format "
                                                 "has conversions"));
    n.type = ExprType::Text;
}

} // namespace spillway
