#include "generators/expressioneval.h"

#include "generators/textrender.h"

#include <cmath>
#include <cstdio>
#include <cstring>

namespace spillway {

namespace {

class ConstNode final : public EvalNode
{
public:
    ConstNode(Value v, std::string text)
        : m_text(std::move(text))
        , m_value(v)
    {
        if (m_value.kind == ValueKind::Text)
            m_value = Value::string(m_text);
    }
    const Value *eval(const EvalFrame &frame, Value *out) const override
    {
        fillValues(out, frame.count, m_value);
        return out;
    }
    const Value *constant() const override { return &m_value; }

private:
    std::string m_text;
    Value m_value;
};

// The value kinds a column read as `t` can give without a conversion (bit k: ValueKind k).
uint32_t acceptedKinds(ExprType t)
{
    const auto bit = [](ValueKind k) { return uint32_t(1) << unsigned(k); };
    uint32_t mask = bit(ValueKind::Null);
    switch (t) {
    case ExprType::Int:
        return mask | bit(ValueKind::Int);
    case ExprType::Decimal:
        return mask | bit(ValueKind::Int) | bit(ValueKind::Decimal);
    case ExprType::Float:
        return mask | bit(ValueKind::Float);
    case ExprType::Bool:
        return mask | bit(ValueKind::Bool);
    case ExprType::Text:
        return mask | bit(ValueKind::Text);
    case ExprType::Date:
        return mask | bit(ValueKind::Date);
    case ExprType::Timestamp:
        return mask | bit(ValueKind::Timestamp);
    case ExprType::TimestampTz:
        return mask | bit(ValueKind::TimestampTz);
    default:
        return mask;
    }
}

// A column's values, converted only when a generator gave another representation.
class SlotNode final : public EvalNode
{
public:
    SlotNode(int slot, ExprType type)
        : m_slot(slot)
        , m_type(type)
        , m_accepted(acceptedKinds(type))
    {}
    const Value *eval(const EvalFrame &frame, Value *out) const override
    {
        const Value *in = frame.inputs[m_slot];
        // One pass without branches: the kinds are nearly always right, and a decimal of
        // more digits than expressions keep is rescaled.
        const uint32_t accepted = m_accepted;
        bool fine = true;
        for (uint32_t i = 0; i < frame.count; ++i) {
            const Value &v = in[i];
            fine &= ((accepted >> unsigned(v.kind)) & 1) != 0;
            fine &= v.kind != ValueKind::Decimal || v.scale <= kMaxScale;
        }
        if (fine)
            return in;
        for (uint32_t k = 0; k < frame.count; ++k)
            putValue(out + k, convertValue(in[k], m_type, -1, -1, false, *frame.arena));
        return out;
    }

private:
    int m_slot;
    ExprType m_type;
    uint32_t m_accepted;
};

class CastNode final : public EvalNode
{
public:
    CastNode(std::unique_ptr<EvalNode> arg, const ExprNode &n)
        : m_arg(std::move(arg))
        , m_to(n.type)
        , m_scale(n.scale)
        , m_precision(n.precision)
        , m_real(n.text == "real")
    {}
    const Value *eval(const EvalFrame &frame, Value *out) const override
    {
        const Value *in = m_arg->eval(frame, out);
        if (m_to == ExprType::Decimal)
            return toDecimals(frame, in, out);
        for (uint32_t i = 0; i < frame.count; ++i)
            putValue(out + i,
                     convertValue(in[i], m_to, m_scale, m_precision, m_real, *frame.arena));
        return out;
    }

private:
    // Integers and decimals to numeric(p,s) in 64 bits; anything else (and an overflow) the
    // general conversion, which gives the same results more slowly.
    const Value *toDecimals(const EvalFrame &frame, const Value *in, Value *out) const
    {
        const int scale = m_scale, precision = m_precision;
        const bool bounded = precision > 0 && precision <= 18;
        const int64_t limit = bounded ? int64_t(kPowersOf10[precision]) : 0;
        for (uint32_t i = 0; i < frame.count; ++i) {
            const Value v = in[i];
            int64_t r = v.i;
            uint8_t s = v.scale;
            bool fast =
                (v.kind == ValueKind::Int || v.kind == ValueKind::Decimal) && v.scale <= kMaxScale;
            if (fast && scale >= 0 && v.scale <= scale)
                fast = scale - v.scale <= 18 &&
                       !__builtin_mul_overflow(v.i, int64_t(kPowersOf10[scale - v.scale]), &r);
            else if (fast && scale >= 0)
                r = roundToPow10(v.i, v.scale - scale);
            s = scale >= 0 ? uint8_t(scale) : s;
            fast = fast && (!bounded || (r < limit && r > -limit));
            if (!fast) {
                putValue(out + i, convertValue(v, m_to, scale, precision, false, *frame.arena));
                continue;
            }
            out[i].kind = ValueKind::Decimal;
            out[i].scale = s;
            out[i].len = 0;
            out[i].i = r;
            out[i].u = 0;
        }
        return out;
    }

    std::unique_ptr<EvalNode> m_arg;
    ExprType m_to;
    int m_scale, m_precision;
    bool m_real;
};

// Both operands evaluated over the batch, then one loop of `f` where neither is null.
template<class F> class BinaryNode final : public EvalNode
{
public:
    BinaryNode(std::unique_ptr<EvalNode> a, std::unique_ptr<EvalNode> b, F f)
        : m_a(std::move(a))
        , m_b(std::move(b))
        , m_f(f)
    {}
    const Value *eval(const EvalFrame &frame, Value *out) const override
    {
        const F f = m_f; // a local: stores into out could alias the member
        const uint32_t count = frame.count;
        if (const Value *c = m_b->constant()) {
            const Value *a = m_a->eval(frame, out);
            const Value b = *c;
            for (uint32_t i = 0; i < count; ++i)
                putValue(out + i, a[i].isNull() ? Value::null() : f(a[i], b));
            return out;
        }
        if (const Value *c = m_a->constant()) {
            const Value a = *c;
            const Value *b = m_b->eval(frame, out);
            for (uint32_t i = 0; i < count; ++i)
                putValue(out + i, b[i].isNull() ? Value::null() : f(a, b[i]));
            return out;
        }
        Scratch sa(frame);
        const Value *a = m_a->eval(frame, sa.get());
        const Value *b = m_b->eval(frame, out);
        for (uint32_t i = 0; i < count; ++i)
            putValue(out + i, a[i].isNull() || b[i].isNull() ? Value::null() : f(a[i], b[i]));
        return out;
    }

private:
    std::unique_ptr<EvalNode> m_a, m_b;
    F m_f;
};

template<class F>
std::unique_ptr<EvalNode> binary(std::unique_ptr<EvalNode> a, std::unique_ptr<EvalNode> b, F f)
{
    return std::make_unique<BinaryNode<F>>(std::move(a), std::move(b), f);
}

// SQL's three-valued and/or.
class LogicNode final : public EvalNode
{
public:
    LogicNode(std::unique_ptr<EvalNode> a, std::unique_ptr<EvalNode> b, bool isAnd)
        : m_a(std::move(a))
        , m_b(std::move(b))
        , m_and(isAnd)
    {}
    const Value *eval(const EvalFrame &frame, Value *out) const override
    {
        Scratch sa(frame);
        const Value *a = m_a->eval(frame, sa.get());
        const Value *b = m_b->eval(frame, out);
        const int64_t decisive = m_and ? 0 : 1;
        for (uint32_t i = 0; i < frame.count; ++i) {
            if ((!a[i].isNull() && a[i].i == decisive) || (!b[i].isNull() && b[i].i == decisive))
                out[i] = Value::boolean(decisive != 0);
            else if (a[i].isNull() || b[i].isNull())
                out[i] = Value::null();
            else
                out[i] = Value::boolean(decisive == 0);
        }
        return out;
    }

private:
    std::unique_ptr<EvalNode> m_a, m_b;
    bool m_and;
};

class UnaryNode final : public EvalNode
{
public:
    UnaryNode(std::unique_ptr<EvalNode> a, ExprOp op, ExprType type)
        : m_a(std::move(a))
        , m_op(op)
        , m_type(type)
    {}
    const Value *eval(const EvalFrame &frame, Value *out) const override
    {
        const Value *a = m_a->eval(frame, out);
        for (uint32_t i = 0; i < frame.count; ++i)
            out[i] = apply(a[i]);
        return out;
    }

private:
    Value apply(Value v) const
    {
        if (m_op == ExprOp::IsNull || m_op == ExprOp::IsNotNull)
            return Value::boolean(v.isNull() == (m_op == ExprOp::IsNull));
        if (v.isNull())
            return v;
        if (m_op == ExprOp::Not)
            return Value::boolean(v.i == 0);
        if (m_type == ExprType::Float) {
            v.f = -v.f;
            return v;
        }
        if (v.i == INT64_MIN)
            return Value::null();
        v.i = -v.i;
        if (m_type == ExprType::Interval)
            v.u = 0 - v.u;
        return v;
    }

    std::unique_ptr<EvalNode> m_a;
    ExprOp m_op;
    ExprType m_type;
};

class CaseNode final : public EvalNode
{
public:
    CaseNode(std::vector<std::unique_ptr<EvalNode>> args, bool hasElse)
        : m_args(std::move(args))
        , m_hasElse(hasElse)
    {}
    const Value *eval(const EvalFrame &frame, Value *out) const override
    {
        // The else value first, then each branch from the last to the first over it: the first
        // true condition is written last and wins. Selecting through a pointer keeps the loop
        // free of branches on the (unpredictable) conditions.
        const EvalNode *last = m_hasElse ? m_args.back().get() : nullptr;
        const Value *k = last ? last->constant() : nullptr;
        if (!last || k) {
            fillValues(out, frame.count, k ? *k : Value::null());
        } else {
            const Value *otherwise = last->eval(frame, out);
            if (otherwise != out)
                std::copy(otherwise, otherwise + frame.count, out);
        }
        Scratch sc(frame), sv(frame);
        const size_t pairs = (m_args.size() - (m_hasElse ? 1 : 0)) / 2;
        for (size_t p = pairs; p-- > 0;) {
            const Value *c = m_args[2 * p]->eval(frame, sc.get());
            const EvalNode &then = *m_args[2 * p + 1];
            const Value *constant = then.constant();
            const Value *v = constant ? nullptr : then.eval(frame, sv.get());
            for (uint32_t i = 0; i < frame.count; ++i) {
                const bool take = (c[i].kind == ValueKind::Bool) & (c[i].i != 0);
                const Value *chosen = constant ? constant : v + i;
                out[i] = *(take ? chosen : out + i);
            }
        }
        return out;
    }

private:
    std::vector<std::unique_ptr<EvalNode>> m_args;
    bool m_hasElse;
};

class CompareNode final : public EvalNode
{
public:
    CompareNode(std::unique_ptr<EvalNode> a, std::unique_ptr<EvalNode> b, ExprOp op, ExprType t)
        : m_a(std::move(a))
        , m_b(std::move(b))
        , m_op(op)
        , m_type(t)
    {}
    const Value *eval(const EvalFrame &frame, Value *out) const override
    {
        switch (m_type) {
        case ExprType::Decimal:
            return compareLoop(frame, out, [](const Value &x, const Value &y) {
                if (x.scale != y.scale)
                    return compareAs(ExprType::Decimal, x, y);
                return x.i < y.i ? -1 : x.i > y.i ? 1 : 0;
            });
        case ExprType::Float:
            return compareLoop(frame, out, [](const Value &x, const Value &y) {
                return x.f < y.f ? -1 : x.f > y.f ? 1 : 0;
            });
        case ExprType::Text:
        case ExprType::Interval: {
            const ExprType type = m_type;
            return compareLoop(frame, out, [type](const Value &x, const Value &y) {
                return compareAs(type, x, y);
            });
        }
        default:
            // Booleans, integers, dates and timestamps compare their 64-bit payload.
            return compareLoop(frame, out, [](const Value &x, const Value &y) {
                return x.i < y.i ? -1 : x.i > y.i ? 1 : 0;
            });
        }
    }

private:
    // Bit c + 1 set: a comparison result c (-1, 0 or 1) makes the operator true.
    static uint32_t truthMask(ExprOp op)
    {
        switch (op) {
        case ExprOp::Eq:
            return 0b010;
        case ExprOp::Ne:
            return 0b101;
        case ExprOp::Lt:
            return 0b001;
        case ExprOp::Le:
            return 0b011;
        case ExprOp::Gt:
            return 0b100;
        default:
            return 0b110;
        }
    }
    template<class Cmp> const Value *compareLoop(const EvalFrame &frame, Value *out, Cmp cmp) const
    {
        Scratch sa(frame);
        const Value *a = m_a->eval(frame, sa.get());
        const Value *c = m_b->constant();
        const Value *b = c ? nullptr : m_b->eval(frame, out);
        const uint32_t truth = truthMask(m_op);
        const uint32_t count = frame.count;
        for (uint32_t i = 0; i < count; ++i) {
            const Value &y = c ? *c : b[i];
            const bool null = a[i].isNull() || y.isNull();
            const int64_t result = null ? 0 : int64_t((truth >> (cmp(a[i], y) + 1)) & 1);
            out[i].kind = null ? ValueKind::Null : ValueKind::Bool;
            out[i].scale = 0;
            out[i].len = 0;
            out[i].i = result;
            out[i].u = 0;
        }
        return out;
    }

    std::unique_ptr<EvalNode> m_a, m_b;
    ExprOp m_op;
    ExprType m_type;
};

Value addMonths(const Value &t, int64_t months, int64_t micros)
{
    if (months < -1200000 || months > 1200000 || t.i > kMaxMicros || t.i < -kMaxMicros)
        return Value::null();
    const int64_t days = floorDiv(t.i, kMicrosPerDayExpr);
    Value r = t;
    const int64_t shifted =
        addMonthsToDays(days, months) * kMicrosPerDayExpr + (t.i - days * kMicrosPerDayExpr);
    if (__builtin_add_overflow(shifted, micros, &r.i) || r.i > kMaxMicros || r.i < -kMaxMicros)
        return Value::null();
    return r;
}

std::unique_ptr<EvalNode> decimalArithmetic(ExprOp op, std::unique_ptr<EvalNode> a,
                                            std::unique_ptr<EvalNode> b);
std::unique_ptr<EvalNode> intArithmetic(ExprOp op, std::unique_ptr<EvalNode> a,
                                        std::unique_ptr<EvalNode> b);
std::unique_ptr<EvalNode> floatArithmetic(ExprOp op, std::unique_ptr<EvalNode> a,
                                          std::unique_ptr<EvalNode> b);

std::unique_ptr<EvalNode> temporalArithmetic(const ExprNode &n, std::unique_ptr<EvalNode> a,
                                             std::unique_ptr<EvalNode> b)
{
    const ExprType ta = n.args[0]->type;
    const ExprType tb = n.args[1]->type;
    const bool sub = n.op == ExprOp::Sub;
    if (ta == ExprType::Date && tb == ExprType::Int)
        return binary(std::move(a), std::move(b), [sub](const Value &x, const Value &y) {
            int64_t r;
            const bool overflow =
                sub ? __builtin_sub_overflow(x.i, y.i, &r) : __builtin_add_overflow(x.i, y.i, &r);
            return overflow ? Value::null() : dateOrNull(r);
        });
    if (ta == ExprType::Date && tb == ExprType::Date)
        return binary(std::move(a), std::move(b),
                      [](const Value &x, const Value &y) { return Value::integer(x.i - y.i); });
    if (tb == ExprType::Interval && ta != ExprType::Interval)
        return binary(std::move(a), std::move(b), [sub](const Value &x, const Value &y) {
            if (y.i == INT64_MIN || y.u == (uint64_t(1) << 63))
                return Value::null();
            const int64_t sign = sub ? -1 : 1;
            return addMonths(x, sign * int64_t(y.u), sign * y.i);
        });
    if (n.op == ExprOp::Mul)
        return binary(std::move(a), std::move(b), [](const Value &x, const Value &y) {
            Value r = x;
            int64_t months = 0;
            if (__builtin_mul_overflow(x.i, y.i, &r.i) ||
                __builtin_mul_overflow(int64_t(x.u), y.i, &months))
                return Value::null();
            r.u = uint64_t(months);
            return r;
        });
    if (ta == ExprType::Interval)
        return binary(std::move(a), std::move(b), [sub](const Value &x, const Value &y) {
            Value r = x;
            int64_t months = 0;
            const bool overflow =
                sub ? __builtin_sub_overflow(x.i, y.i, &r.i) ||
                          __builtin_sub_overflow(int64_t(x.u), int64_t(y.u), &months)
                    : __builtin_add_overflow(x.i, y.i, &r.i) ||
                          __builtin_add_overflow(int64_t(x.u), int64_t(y.u), &months);
            r.u = uint64_t(months);
            return overflow ? Value::null() : r;
        });
    // timestamp - timestamp
    return binary(std::move(a), std::move(b), [](const Value &x, const Value &y) {
        Value r = Value::integer(0);
        if (__builtin_sub_overflow(x.i, y.i, &r.i))
            return Value::null();
        return r;
    });
}

class NullNode final : public EvalNode
{
public:
    const Value *eval(const EvalFrame &frame, Value *out) const override
    {
        fillValues(out, frame.count, Value::null());
        return out;
    }
};

class ConcatNode final : public EvalNode
{
public:
    ConcatNode(std::unique_ptr<EvalNode> a, std::unique_ptr<EvalNode> b)
        : m_a(std::move(a))
        , m_b(std::move(b))
    {}
    const Value *eval(const EvalFrame &frame, Value *out) const override
    {
        Scratch sa(frame);
        const Value *a = m_a->eval(frame, sa.get());
        const Value *b = m_b->eval(frame, out);
        for (uint32_t i = 0; i < frame.count; ++i) {
            if (a[i].isNull() || b[i].isNull()) {
                out[i] = Value::null();
                continue;
            }
            const Value x = a[i], y = b[i];
            char *p = frame.arena->allocate(size_t(x.len) + y.len);
            std::memcpy(p, x.text, x.len);
            std::memcpy(p + x.len, y.text, y.len);
            out[i] = Value::string(std::string_view(p, size_t(x.len) + y.len));
        }
        return out;
    }

private:
    std::unique_ptr<EvalNode> m_a, m_b;
};

std::unique_ptr<EvalNode> decimalArithmetic(ExprOp op, std::unique_ptr<EvalNode> a,
                                            std::unique_ptr<EvalNode> b)
{
    // Int values read as scale 0: their scale byte is 0.
    switch (op) {
    case ExprOp::Add:
    case ExprOp::Sub: {
        const bool sub = op == ExprOp::Sub;
        return binary(std::move(a), std::move(b), [sub](const Value &x, const Value &y) {
            const int s = std::max(x.scale, y.scale);
            int64_t l, r, sum;
            // 64-bit arithmetic first; 128 bits only when a step overflows.
            if (!__builtin_mul_overflow(x.i, int64_t(kPowersOf10[s - x.scale]), &l) &&
                !__builtin_mul_overflow(y.i, int64_t(kPowersOf10[s - y.scale]), &r) &&
                !(sub ? __builtin_sub_overflow(l, r, &sum) : __builtin_add_overflow(l, r, &sum)))
                return Value::decimal(sum, uint8_t(s));
            const i128 wl = i128(x.i) * decimalPow10(s - x.scale);
            const i128 wr = i128(y.i) * decimalPow10(s - y.scale);
            return fitDecimal(sub ? wl - wr : wl + wr, s);
        });
    }
    case ExprOp::Mul:
        return binary(std::move(a), std::move(b), [](const Value &x, const Value &y) {
            const int s = x.scale + y.scale;
            int64_t product;
            if (s <= kMaxScale && !__builtin_mul_overflow(x.i, y.i, &product))
                return Value::decimal(product, uint8_t(s));
            const i128 p = i128(x.i) * i128(y.i);
            if (s > kMaxScale)
                return decimalRescaled(p, s, kMaxScale);
            const Value v = fitDecimal(p, s);
            return v.isNull() ? decimalRescaled(p, s, std::max(x.scale, y.scale)) : v;
        });
    case ExprOp::Div:
        return binary(std::move(a), std::move(b), [](const Value &x, const Value &y) {
            if (y.i == 0)
                return Value::null();
            const int s = std::max({int(x.scale), int(y.scale), 6});
            const int e = s - x.scale + y.scale; // x * 10^e / y has scale s
            const int now = std::min(e, kMaxScale);
            const i128 q = roundDiv(i128(x.i) * decimalPow10(now), i128(y.i));
            if (q > i128(INT64_MAX) / decimalPow10(e - now) ||
                q < i128(INT64_MIN) / decimalPow10(e - now))
                return Value::null();
            return fitDecimal(q * decimalPow10(e - now), s);
        });
    default:
        return binary(std::move(a), std::move(b), [](const Value &x, const Value &y) {
            const int s = std::max(x.scale, y.scale);
            const i128 r = i128(y.i) * decimalPow10(s - y.scale);
            if (r == 0)
                return Value::null();
            return fitDecimal((i128(x.i) * decimalPow10(s - x.scale)) % r, s);
        });
    }
}

std::unique_ptr<EvalNode> intArithmetic(ExprOp op, std::unique_ptr<EvalNode> a,
                                        std::unique_ptr<EvalNode> b)
{
    switch (op) {
    case ExprOp::Add:
        return binary(std::move(a), std::move(b), [](const Value &x, const Value &y) {
            int64_t r;
            return __builtin_add_overflow(x.i, y.i, &r) ? Value::null() : Value::integer(r);
        });
    case ExprOp::Sub:
        return binary(std::move(a), std::move(b), [](const Value &x, const Value &y) {
            int64_t r;
            return __builtin_sub_overflow(x.i, y.i, &r) ? Value::null() : Value::integer(r);
        });
    case ExprOp::Mul:
        return binary(std::move(a), std::move(b), [](const Value &x, const Value &y) {
            int64_t r;
            return __builtin_mul_overflow(x.i, y.i, &r) ? Value::null() : Value::integer(r);
        });
    case ExprOp::Div:
        return binary(std::move(a), std::move(b), [](const Value &x, const Value &y) {
            if (y.i == 0 || (y.i == -1 && x.i == INT64_MIN))
                return Value::null();
            return Value::integer(x.i / y.i);
        });
    default:
        return binary(std::move(a), std::move(b), [](const Value &x, const Value &y) {
            if (y.i == 0 || y.i == -1)
                return y.i == 0 ? Value::null() : Value::integer(0);
            return Value::integer(x.i % y.i);
        });
    }
}

std::unique_ptr<EvalNode> floatArithmetic(ExprOp op, std::unique_ptr<EvalNode> a,
                                          std::unique_ptr<EvalNode> b)
{
    return binary(std::move(a), std::move(b), [op](const Value &x, const Value &y) {
        switch (op) {
        case ExprOp::Add:
            return Value::real(x.f + y.f);
        case ExprOp::Sub:
            return Value::real(x.f - y.f);
        case ExprOp::Mul:
            return Value::real(x.f * y.f);
        default:
            return y.f == 0 ? Value::null() : Value::real(x.f / y.f);
        }
    });
}

std::unique_ptr<EvalNode> buildBinary(const ExprNode &n)
{
    auto a = buildEvalNode(*n.args[0]);
    auto b = buildEvalNode(*n.args[1]);
    if (n.op == ExprOp::And || n.op == ExprOp::Or)
        return std::make_unique<LogicNode>(std::move(a), std::move(b), n.op == ExprOp::And);
    if (n.args[0]->type == ExprType::Null || n.args[1]->type == ExprType::Null)
        return std::make_unique<NullNode>();
    if (n.op >= ExprOp::Eq && n.op <= ExprOp::Ge)
        return std::make_unique<CompareNode>(std::move(a), std::move(b), n.op, n.args[0]->type);
    if (n.op == ExprOp::Concat)
        return std::make_unique<ConcatNode>(std::move(a), std::move(b));
    const ExprType ta = n.args[0]->type, tb = n.args[1]->type;
    if (ta == ExprType::Interval || tb == ExprType::Interval || ta == ExprType::Date ||
        ta == ExprType::Timestamp || ta == ExprType::TimestampTz)
        return temporalArithmetic(n, std::move(a), std::move(b));
    switch (n.type) {
    case ExprType::Int:
        return intArithmetic(n.op, std::move(a), std::move(b));
    case ExprType::Float:
        return floatArithmetic(n.op, std::move(a), std::move(b));
    default:
        return decimalArithmetic(n.op, std::move(a), std::move(b));
    }
}

// A cast to the type the value already has: nothing, or only the range check of the column.
class FitNode final : public EvalNode
{
public:
    FitNode(std::unique_ptr<EvalNode> arg, const ExprNode &n)
        : m_arg(std::move(arg))
        , m_to(n.type)
        , m_scale(n.scale)
        , m_precision(n.precision)
    {
        if (m_to == ExprType::Int)
            m_limit = m_precision > 0 && m_precision < 64 ? int64_t(1) << (m_precision - 1) : 0;
        else if (m_precision > 0)
            m_limit = m_precision <= 18 ? int64_t(kPowersOf10[m_precision]) : INT64_MAX;
    }
    const Value *eval(const EvalFrame &frame, Value *out) const override
    {
        // Members copied to locals: stores into Values (which hold bytes) could alias them.
        const Value *in = m_arg->eval(frame, out);
        const int64_t limit = m_limit;
        const uint32_t count = frame.count;
        if (m_to == ExprType::Int) {
            for (uint32_t i = 0; i < count; ++i) {
                const Value v = in[i];
                putValue(out + i, limit == 0 || (v.i >= -limit && v.i < limit) ? v : Value::null());
            }
            return out;
        }
        const int scale = m_scale, precision = m_precision;
        for (uint32_t i = 0; i < count; ++i) {
            Value v = in[i];
            if (v.kind == ValueKind::Decimal && scale >= 0 && v.scale > scale &&
                v.scale <= kMaxScale) {
                // Rounded to the column's scale, half away from zero, in 64 bits.
                v = Value::decimal(roundToPow10(v.i, v.scale - scale), uint8_t(scale));
            }
            const bool fits = v.kind == ValueKind::Decimal &&
                              (scale < 0 ? v.scale <= kMaxScale : v.scale == scale) &&
                              (limit == 0 ? precision < 0 : v.i > -limit && v.i < limit);
            if (fits || v.isNull())
                putValue(out + i, v);
            else
                putValue(out + i,
                         convertValue(v, ExprType::Decimal, scale, precision, false, *frame.arena));
        }
        return out;
    }

private:
    std::unique_ptr<EvalNode> m_arg;
    ExprType m_to;
    int m_scale, m_precision;
    int64_t m_limit = 0;
};

std::unique_ptr<EvalNode> buildCast(const ExprNode &n)
{
    auto arg = buildEvalNode(*n.args[0]);
    const ExprType from = n.args[0]->type;
    const bool sameRepresentation =
        from == n.type &&
        (n.type == ExprType::Text || n.type == ExprType::Bool || n.type == ExprType::Date ||
         n.type == ExprType::Timestamp || n.type == ExprType::TimestampTz ||
         (n.type == ExprType::Float && n.text != "real"));
    if (sameRepresentation)
        return arg;
    if (from == n.type && (n.type == ExprType::Int || n.type == ExprType::Decimal))
        return std::make_unique<FitNode>(std::move(arg), n);
    return std::make_unique<CastNode>(std::move(arg), n);
}

} // namespace

Value *ScratchPool::take()
{
    if (m_used == m_buffers.size())
        m_buffers.push_back(std::make_unique<Value[]>(kEvalBatch));
    return m_buffers[m_used++].get();
}

std::unique_ptr<EvalNode> buildEvalNode(const ExprNode &n)
{
    switch (n.kind) {
    case ExprNode::Kind::Literal:
        return std::make_unique<ConstNode>(n.literal, n.text);
    case ExprNode::Kind::Column:
        return std::make_unique<SlotNode>(n.slot, n.type);
    case ExprNode::Kind::Cast:
        return buildCast(n);
    case ExprNode::Kind::Unary:
        return std::make_unique<UnaryNode>(buildEvalNode(*n.args[0]), n.op, n.args[0]->type);
    case ExprNode::Kind::Binary:
        return buildBinary(n);
    case ExprNode::Kind::Case: {
        std::vector<std::unique_ptr<EvalNode>> args;
        for (const auto &arg : n.args)
            args.push_back(buildEvalNode(*arg));
        return std::make_unique<CaseNode>(std::move(args), n.hasElse);
    }
    case ExprNode::Kind::Call:
    case ExprNode::Kind::Extract:
        return buildCallNode(n);
    }
    return std::make_unique<NullNode>();
}

} // namespace spillway
