#pragma once

// The expression language of the `expression` generator: a small, typed, SQL-like language over
// the columns a row can read (its own columns today; a resolver decides what a name means, so
// `parent.x` and looked-up columns can join later without touching the parser). Parsing and
// type checking live here, in the schema layer, so `validate` reports every problem with its
// position; generators/expressioneval turns a checked tree into batch-at-a-time nodes.

#include "base/diagnostics.h"
#include "base/value.h"
#include "schema/schema.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace spillway {

// Types as PostgreSQL names them in messages. Interval exists only inside an expression.
enum class ExprType : uint8_t {
    Null,
    Bool,
    Int,
    Decimal,
    Float,
    Text,
    Date,
    Timestamp,
    TimestampTz,
    Interval,
    Error, // a subexpression already reported
};

QString exprTypeName(ExprType type);
// The functions an expression may call, lower case (for messages and the designer's completion).
QStringList expressionFunctionNames();

enum class ExprOp : uint8_t {
    Add,
    Sub,
    Mul,
    Div,
    Mod,
    Concat,
    Eq,
    Ne,
    Lt,
    Le,
    Gt,
    Ge,
    And,
    Or,
    Not,
    Neg,
    IsNull,
    IsNotNull,
};

QString exprOpName(ExprOp op);

// Intervals inside expressions: Value{kind Int, i = microseconds, u = months}.
struct ExprInterval
{
    int64_t micros = 0;
    int64_t months = 0;
};

struct ExprNode
{
    enum class Kind : uint8_t { Literal, Column, Unary, Binary, Case, Call, Extract, Cast };

    Kind kind = Kind::Literal;
    int pos = 0; // 0-based character offset in the expression text
    ExprOp op = ExprOp::Add;
    QString name;         // column name, function name (lower case) or extract field
    Value literal;        // Literal: its value (text points into `text`)
    std::string text;     // Literal text and format() strings, owned
    bool hasElse = false; // Case: args are when/then pairs, then the else value
    std::vector<std::unique_ptr<ExprNode>> args;

    // Set by the type checker.
    ExprType type = ExprType::Error;
    int scale = -1;     // Decimal: digits after the point when known, -1 when they vary
    int slot = -1;      // Column: the resolver's slot
    int precision = -1; // Cast to a column: numeric(p,s)'s p, or integer width in bits
};

struct ExprProblem
{
    int pos = 0; // 0-based character offset
    QString message;
};

// What a name in an expression stands for.
struct ExprColumn
{
    ExprType type = ExprType::Error;
    int scale = -1;
    int slot = -1; // handed back to the evaluator, which reads slot `slot` of its inputs
};

class ExprResolver
{
public:
    virtual ~ExprResolver() = default;
    // The column `name` stands for, or nothing with *problem saying why (unknown, unreadable
    // type, the column itself).
    virtual std::optional<ExprColumn> resolve(const QString &name, QString *problem) const = 0;
};

// The target a column's expression is assigned to, from its SQL type.
struct ExprTarget
{
    ExprType type = ExprType::Error;
    int scale = -1;     // numeric(p,s): s; -1 keeps the value's own
    int precision = -1; // numeric(p,s): p; integer types: 16, 32 or 64 bits
    bool real = false;  // float4: rounded to single precision
};

// The expression type a column of `sqlType` is read as; Error when expressions cannot read it.
ExprTarget exprTargetOf(const QString &sqlType);

class Expression
{
public:
    // Parses and type-checks `text`; problems() lists every problem found (empty when valid).
    static Expression compile(const QString &text, const ExprResolver &resolver,
                              const QString &sqlType);

    bool isValid() const { return m_root && m_problems.isEmpty(); }
    const QList<ExprProblem> &problems() const { return m_problems; }
    const ExprNode *root() const { return m_root.get(); }
    const QString &text() const { return m_text; }
    // "at column 7 of the expression: ..." (columns count from 1).
    static QString describe(const ExprProblem &problem);

private:
    QString m_text;
    std::shared_ptr<ExprNode> m_root;
    QList<ExprProblem> m_problems;
};

// Parsing alone (exposed for tests and the fuzz target): the tree, or null with problems.
std::unique_ptr<ExprNode> parseExpression(const QString &text, QList<ExprProblem> &problems);
// Type checking of a parsed tree in place; wraps the root in a cast to `target`.
std::unique_ptr<ExprNode> checkExpression(std::unique_ptr<ExprNode> root,
                                          const ExprResolver &resolver, const ExprTarget &target,
                                          QList<ExprProblem> &problems);

// For a problem at "tables[i].columns[j].generator.expression" whose message starts "at column
// N of the expression": the expression and a caret under column N, as two lines indented by
// `indent` spaces (for the CLI); empty for any other problem.
QString expressionCaret(const Schema &schema, const Diagnostic &problem, int indent = 4);

// Literal helpers shared with the evaluator.
std::optional<ExprInterval> parseInterval(const QString &text);
int64_t addMonthsToDays(int64_t days, int64_t months);

} // namespace spillway
