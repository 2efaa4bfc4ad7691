#pragma once

// Internals of the expression type checker shared by its two source files (expressiontypes:
// nodes, casts and assignment; expressionfunctions: operators and the function table).

#include "schema/expression.h"

namespace spillway {

bool isNumericType(ExprType t);
bool isTemporalType(ExprType t);
// `n` as type `to` (Decimal: at `scale` digits, -1 keeping n's), wrapped in a Cast when needed.
std::unique_ptr<ExprNode> castTo(std::unique_ptr<ExprNode> n, ExprType to, int scale = -1);
// The type two operands agree on (numbers widen, dates become timestamps), if any.
std::optional<ExprType> commonType(ExprType a, ExprType b);
// The largest Decimal scale among nodes[from], nodes[from + step], ...; -1 when one varies.
int commonScale(const std::vector<std::unique_ptr<ExprNode>> &nodes, size_t from, size_t step);

// A format() string cut into literal runs and conversions.
struct FormatSpec
{
    char conversion = 0; // 'd', 's', 'f'; 0 for a literal run
    std::string literal;
    int width = 0;
    int precision = -1; // %.2f
    bool zeroPad = false;
    bool leftAlign = false;
};
// Parses `format`; on a problem returns false with *problem and *offset inside the string.
bool parseFormat(const std::string &format, std::vector<FormatSpec> &specs, QString *problem);

class ExprChecker
{
public:
    ExprChecker(const ExprResolver &resolver, QList<ExprProblem> &problems);

    void check(ExprNode &n);
    // Wraps root in the cast to the column's type, or reports why it cannot be.
    void assign(std::unique_ptr<ExprNode> &root, const ExprTarget &target, const QString &sqlType);

private:
    void report(int pos, const QString &message);
    void fail(ExprNode &n, const QString &message);
    bool checkArgs(ExprNode &n);
    static ExprType literalType(const ExprNode &n);
    void checkUnary(ExprNode &n);
    void checkBinary(ExprNode &n);
    void checkArithmetic(ExprNode &n);
    void checkTemporal(ExprNode &n);
    void checkCase(ExprNode &n);
    void checkCall(ExprNode &n);
    void checkNumericCall(ExprNode &n);
    void checkTextCall(ExprNode &n);
    bool arity(ExprNode &n, int lo, int hi);
    bool argIs(ExprNode &n, int i, ExprType t, const char *what);
    void checkFormat(ExprNode &n);
    void checkExtract(ExprNode &n);
    bool unifyArgs(ExprNode &n, size_t from);

    const ExprResolver &m_resolver;
    QList<ExprProblem> &m_problems;
};

} // namespace spillway
