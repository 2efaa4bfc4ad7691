// The expression language's functions and extract(), each evaluated a batch at a time.

#include "base/params.h"
#include "base/valueformat.h"
#include "generators/expressioneval.h"
#include "generators/textrender.h"
#include "schema/expressioncheck.h"

#include <cmath>
#include <cstdio>
#include <cstring>

namespace spillway {

namespace {

// Evaluates every argument over the batch, then fills each row from them with `f`.
template<class F> class CallNode final : public EvalNode
{
public:
    CallNode(std::vector<std::unique_ptr<EvalNode>> args, F f)
        : m_args(std::move(args))
        , m_f(f)
    {}
    const Value *eval(const EvalFrame &frame, Value *out) const override
    {
        std::vector<std::unique_ptr<Scratch>> scratch;
        std::vector<const Value *> values;
        for (const auto &arg : m_args) {
            scratch.push_back(std::make_unique<Scratch>(frame));
            values.push_back(arg->eval(frame, scratch.back()->get()));
        }
        for (uint32_t i = 0; i < frame.count; ++i)
            out[i] = m_f(values.data(), i, *frame.arena);
        return out;
    }

private:
    std::vector<std::unique_ptr<EvalNode>> m_args;
    F m_f;
};

template<class F> std::unique_ptr<EvalNode> call(std::vector<std::unique_ptr<EvalNode>> args, F f)
{
    return std::make_unique<CallNode<F>>(std::move(args), f);
}

Value numericFunction(const QString &f, const Value &v, int digits)
{
    const bool isFloat = v.kind == ValueKind::Float;
    if (f == QLatin1String("abs")) {
        if (isFloat)
            return Value::real(std::fabs(v.f));
        if (v.i == INT64_MIN)
            return Value::null();
        Value r = v;
        r.i = v.i < 0 ? -v.i : v.i;
        return r;
    }
    if (v.kind == ValueKind::Int && digits < 0)
        return v;
    if (f == QLatin1String("round")) {
        if (digits < 0)
            return isFloat ? Value::real(std::rint(v.f)) : decimalRescaled(v.i, v.scale, 0);
        return isFloat ? decimalFromDouble(v.f, digits) : decimalRescaled(v.i, v.scale, digits);
    }
    if (isFloat)
        return Value::real(f == QLatin1String("floor") ? std::floor(v.f) : std::ceil(v.f));
    const int64_t unit = int64_t(kPowersOf10[std::min<int>(v.scale, kMaxScale)]);
    const int64_t q = floorDiv(v.i, unit);
    const bool up = f == QLatin1String("ceil") && q * unit != v.i;
    return Value::decimal(up ? q + 1 : q, 0);
}

size_t utf8Length(const Value &v)
{
    size_t n = 0;
    for (uint32_t k = 0; k < v.len; ++k)
        n += (uint8_t(v.text[k]) & 0xC0) != 0x80 ? 1 : 0;
    return n;
}

// Byte offset of character `index` (0-based), or the text's length.
uint32_t utf8Offset(const Value &v, int64_t index)
{
    int64_t seen = -1;
    for (uint32_t k = 0; k < v.len; ++k) {
        if ((uint8_t(v.text[k]) & 0xC0) != 0x80 && ++seen == index)
            return k;
    }
    return v.len;
}

Value substring(const Value *const *a, uint32_t i, bool hasLength)
{
    const Value &s = a[0][i];
    if (s.isNull() || a[1][i].isNull() || (hasLength && a[2][i].isNull()))
        return Value::null();
    const int64_t from = a[1][i].i; // 1-based, may be <= 0 as in PostgreSQL
    if (hasLength && a[2][i].i < 0)
        return Value::null();
    const int64_t end =
        hasLength ? (a[2][i].i > INT64_MAX - from ? INT64_MAX : from + a[2][i].i) : INT64_MAX;
    const int64_t start = std::max<int64_t>(from, 1);
    if (end <= start)
        return Value::string(std::string_view());
    const uint32_t b = utf8Offset(s, start - 1);
    const uint32_t e = end == INT64_MAX ? s.len : utf8Offset(s, end - 1);
    return Value::string(std::string_view(s.text + b, e - b));
}

// One %d, %s or %f conversion appended to out.
void formatOne(const FormatSpec &spec, const Value &v, std::string &out)
{
    char buf[128];
    std::string_view body;
    std::string rendered;
    bool negative = false;
    if (v.isNull()) {
        body = {};
    } else if (v.kind == ValueKind::Text) {
        body = v.view();
    } else if (v.kind == ValueKind::Int) {
        body = std::string_view(buf, size_t(formatInt(buf, v.i) - buf));
    } else if (spec.conversion == 'd' || spec.conversion == 's') {
        renderText(v, rendered);
        body = rendered;
    } else if (v.kind == ValueKind::Float) {
        const int n =
            std::snprintf(buf, sizeof buf, "%.*f", spec.precision < 0 ? 6 : spec.precision, v.f);
        body = std::string_view(buf, size_t(std::max(0, std::min<int>(n, sizeof buf - 1))));
    } else {
        const Value d = decimalRescaled(v.i, v.scale, spec.precision < 0 ? 6 : spec.precision);
        if (!d.isNull())
            body = std::string_view(buf, size_t(formatDecimal(buf, d.i, d.scale) - buf));
    }
    if (spec.conversion != 's' && !body.empty() && body.front() == '-') {
        negative = true;
        body.remove_prefix(1);
    }
    const size_t used = body.size() + (negative ? 1 : 0);
    const size_t pad = size_t(spec.width) > used ? size_t(spec.width) - used : 0;
    const bool zeros = spec.zeroPad && !spec.leftAlign && spec.conversion != 's' && !v.isNull();
    if (!spec.leftAlign && !zeros)
        out.append(pad, ' ');
    if (negative)
        out += '-';
    if (zeros)
        out.append(pad, '0');
    out.append(body);
    if (spec.leftAlign)
        out.append(pad, ' ');
}

std::unique_ptr<EvalNode> formatNode(const ExprNode &n, std::vector<std::unique_ptr<EvalNode>> args)
{
    std::vector<FormatSpec> specs;
    QString problem;
    parseFormat(n.args[0]->text, specs, &problem);
    return call(std::move(args), [specs](const Value *const *a, uint32_t i, Arena &arena) {
        thread_local std::string text;
        text.clear();
        size_t arg = 1;
        for (const FormatSpec &spec : specs) {
            if (spec.conversion)
                formatOne(spec, a[arg++][i], text);
            else
                text += spec.literal;
        }
        return Value::string(arena.copy(text));
    });
}

Value extractField(const QString &field, ExprType type, const Value &v)
{
    if (v.isNull())
        return v;
    if (type == ExprType::Interval) {
        if (field == QLatin1String("epoch")) {
            const i128 micros = i128(v.i) + i128(int64_t(v.u)) * 30 * kMicrosPerDayExpr;
            return micros > i128(INT64_MAX) || micros < i128(INT64_MIN)
                       ? Value::null()
                       : Value::decimal(int64_t(micros), 6);
        }
        const int64_t unit = field == QLatin1String("day")    ? kMicrosPerDayExpr
                             : field == QLatin1String("hour") ? 3600000000LL
                                                              : 60000000LL;
        const int64_t modulo = field == QLatin1String("day")    ? INT64_MAX
                               : field == QLatin1String("hour") ? kMicrosPerDayExpr
                                                                : 3600000000LL;
        return Value::integer((v.i % modulo) / unit);
    }
    if (type == ExprType::Date && (v.i > 100000000 || v.i < -100000000))
        return Value::null();
    const int64_t micros = type == ExprType::Date ? v.i * kMicrosPerDayExpr : v.i;
    const int64_t days = int64_t(floorDiv(micros, kMicrosPerDayExpr));
    const int64_t ofDay = micros - days * kMicrosPerDayExpr;
    if (field == QLatin1String("epoch"))
        return type == ExprType::Date ? Value::integer(days * 86400) : Value::decimal(micros, 6);
    if (field == QLatin1String("hour"))
        return Value::integer(ofDay / 3600000000LL);
    if (field == QLatin1String("minute"))
        return Value::integer(ofDay / 60000000LL % 60);
    if (field == QLatin1String("second"))
        return Value::decimal(ofDay % 60000000LL, 6);
    const int64_t dow = ((days + 4) % 7 + 7) % 7; // 1970-01-01 was a Thursday
    if (field == QLatin1String("dow"))
        return Value::integer(dow);
    if (field == QLatin1String("isodow"))
        return Value::integer(dow == 0 ? 7 : dow);
    int64_t y;
    unsigned m, d;
    civilFromDays(days, y, m, d);
    if (field == QLatin1String("year"))
        return Value::integer(y);
    if (field == QLatin1String("month"))
        return Value::integer(m);
    if (field == QLatin1String("day"))
        return Value::integer(d);
    if (field == QLatin1String("quarter"))
        return Value::integer((m - 1) / 3 + 1);
    return Value::integer(days - daysFromCivil(y, 1, 1) + 1); // doy
}

std::unique_ptr<EvalNode> pickNode(const ExprNode &n, std::vector<std::unique_ptr<EvalNode>> args)
{
    const ExprType type = n.type;
    const int sign = n.name == QLatin1String("least") ? -1 : 1;
    const bool coalesce = n.name == QLatin1String("coalesce");
    const size_t count = args.size();
    return call(std::move(args),
                [type, sign, coalesce, count](const Value *const *a, uint32_t i, Arena &) {
                    Value best;
                    for (size_t k = 0; k < count; ++k) {
                        const Value &v = a[k][i];
                        if (v.isNull())
                            continue;
                        if (coalesce)
                            return v;
                        if (best.isNull() || compareAs(type, v, best) * sign > 0)
                            best = v;
                    }
                    return best;
                });
}

} // namespace

std::unique_ptr<EvalNode> buildCallNode(const ExprNode &n)
{
    std::vector<std::unique_ptr<EvalNode>> args;
    for (const auto &arg : n.args)
        args.push_back(buildEvalNode(*arg));
    const QString f = n.name;
    if (n.kind == ExprNode::Kind::Extract) {
        const ExprType from = n.args[0]->type;
        return call(std::move(args), [f, from](const Value *const *a, uint32_t i, Arena &) {
            return extractField(f, from, a[0][i]);
        });
    }
    if (f == QLatin1String("coalesce") || f == QLatin1String("least") ||
        f == QLatin1String("greatest"))
        return pickNode(n, std::move(args));
    if (f == QLatin1String("format"))
        return formatNode(n, std::move(args));
    if (f == QLatin1String("abs") || f == QLatin1String("round") || f == QLatin1String("floor") ||
        f == QLatin1String("ceil")) {
        const int digits = args.size() > 1 ? int(n.args[1]->literal.i) : -1;
        return call(std::move(args), [f, digits](const Value *const *a, uint32_t i, Arena &) {
            return a[0][i].isNull() ? Value::null() : numericFunction(f, a[0][i], digits);
        });
    }
    if (f == QLatin1String("length"))
        return call(std::move(args), [](const Value *const *a, uint32_t i, Arena &) {
            return a[0][i].isNull() ? Value::null() : Value::integer(int64_t(utf8Length(a[0][i])));
        });
    if (f == QLatin1String("substr")) {
        const bool hasLength = args.size() == 3;
        return call(std::move(args), [hasLength](const Value *const *a, uint32_t i, Arena &) {
            return substring(a, i, hasLength);
        });
    }
    const bool upper = f == QLatin1String("upper");
    return call(std::move(args), [upper](const Value *const *a, uint32_t i, Arena &arena) {
        const Value &v = a[0][i];
        if (v.isNull())
            return v;
        char *p = arena.allocate(v.len);
        std::memcpy(p, v.text, v.len);
        (upper ? toUpperAscii : toLowerAscii)(p, v.len);
        return Value::string(std::string_view(p, v.len));
    });
}

} // namespace spillway
