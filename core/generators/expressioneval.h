#pragma once

// A type-checked expression (schema/expression.h) turned into a small tree of nodes that each
// evaluate a whole batch in one loop: the tree is walked once per batch, never once per value.
// Nulls propagate as in SQL; a division by zero or an overflow gives null instead of stopping
// the run (PostgreSQL would raise an error).

#include "schema/expression.h"

#include <memory>

namespace spillway {

// Scratch batches for intermediate results, one pool per worker thread.
class ScratchPool
{
public:
    Value *take();
    void give() { --m_used; }

private:
    std::vector<std::unique_ptr<Value[]>> m_buffers;
    size_t m_used = 0;
};

struct EvalFrame
{
    const Value *const *inputs = nullptr; // slot i: the values of input i for these rows
    uint32_t count = 0;                   // at most kEvalBatch
    Arena *arena = nullptr;               // text results
    ScratchPool *pool = nullptr;
};

constexpr uint32_t kEvalBatch = 1024;

class EvalNode
{
public:
    virtual ~EvalNode() = default;
    // The values of frame.count rows: written to `out` (room for kEvalBatch values), or an
    // existing array returned as is (a column that needs no conversion).
    virtual const Value *eval(const EvalFrame &frame, Value *out) const = 0;
    // The value of every row when the node is a literal: operators then read it once instead
    // of a filled batch.
    virtual const Value *constant() const { return nullptr; }
};

// A scratch batch borrowed for the length of a scope.
class Scratch
{
public:
    explicit Scratch(const EvalFrame &frame)
        : m_pool(frame.pool)
        , m_values(frame.pool->take())
    {}
    ~Scratch() { m_pool->give(); }
    Scratch(const Scratch &) = delete;
    Scratch &operator=(const Scratch &) = delete;
    Value *get() const { return m_values; }

private:
    ScratchPool *m_pool;
    Value *m_values;
};

std::unique_ptr<EvalNode> buildEvalNode(const ExprNode &node);
// Functions and extract (expressioncalls.cpp).
std::unique_ptr<EvalNode> buildCallNode(const ExprNode &node);

// Shared value helpers (expressionvalues.cpp).
using i128 = __int128;
constexpr int64_t kMicrosPerDayExpr = 86400000000LL;
constexpr int kMaxScale = 18; // decimals keep at most 18 digits after the point
// Dates within about 270,000 years of 1970 and timestamps within the same: beyond, null.
constexpr int64_t kMaxDays = 100000000;
constexpr int64_t kMaxMicros = kMaxDays * kMicrosPerDayExpr;

i128 decimalPow10(int n);
// num / den rounded half away from zero, as PostgreSQL's numeric rounds.
i128 roundDiv(i128 num, i128 den);
// v / 10^k rounded half away from zero.
int64_t roundToPow10(int64_t v, int k);
inline int64_t floorDiv(int64_t a, int64_t b)
{
    const int64_t q = a / b;
    return (a % b != 0 && ((a < 0) != (b < 0))) ? q - 1 : q;
}
// A decimal of `scale` digits, or null when it does not fit 64 bits.
inline Value fitDecimal(i128 v, int scale)
{
    if (v > i128(INT64_MAX) || v < i128(INT64_MIN))
        return Value::null();
    return Value::decimal(int64_t(v), uint8_t(scale));
}
inline Value dateOrNull(int64_t days)
{
    return days > kMaxDays || days < -kMaxDays ? Value::null() : Value::date(days);
}
i128 intervalKey(const Value &v); // intervals compare as months of 30 days
Value convertValue(const Value &v, ExprType to, int scale, int precision, bool real, Arena &arena);
int compareAs(ExprType type, const Value &a, const Value &b);
Value decimalRescaled(__int128 unscaled, int from, int to);
Value decimalFromDouble(double d, int scale);

} // namespace spillway
