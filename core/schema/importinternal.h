#pragma once

// What the importer's parts share (importer.cpp drives; importtypes.cpp maps SQL types,
// importchecks.cpp reads CHECK constraints, importguess.cpp guesses from names and
// importprofile.cpp shapes columns after pg_stats). Not for use outside the importer.

#include "schema/importmodel.h"

#include <QCoreApplication>
#include <QHash>
#include <QJsonObject>

#include <optional>

namespace spillway::import {

// Translated note texts: ImportText::tr("...") (context "Importer").
class ImportText
{
    Q_DECLARE_TR_FUNCTIONS(Importer)
};

// A column's SQL type, classified for choosing a generator that fits it.
struct TypeInfo
{
    enum Class {
        Integer,
        Decimal,
        Float,
        Money,
        Boolean,
        Date,
        Time,
        Timestamp,
        TimestampTz,
        Interval,
        Uuid,
        Text,
        Char,
        Json,
        Bytes,
        Inet,
        Cidr,
        Mac,
        Point,
        Enum,
        Geometry,
        Other
    };
    Class cls = Other;
    QString docType; // the type the document declares (a type Spillway knows)
    QString base;    // lower-case element type, domains resolved, without []
    bool array = false;
    int length = -1;                // varchar(n), char(n): n
    int precision = -1;             // numeric(p,s): p; timestamp(p): p
    int scale = -1;                 // numeric(p,s): s
    int64_t intMin = 0, intMax = 0; // integer types: the range
    QStringList labels;             // enums
    QString shape; // PostGIS: the shape modifier in lower case (the SRID in length)

    bool isTextLike() const { return cls == Text || cls == Char; }
    bool isNumeric() const
    {
        return cls == Integer || cls == Decimal || cls == Float || cls == Money;
    }
    bool isTemporal() const { return cls == Date || cls == Timestamp || cls == TimestampTz; }
    // The longest text the column takes (varchar(n), char(n)); unlimited: a large number.
    int maxLength() const { return length > 0 ? length : 1 << 20; }
};

struct Note
{
    QString column, kind, message;
};

// One bound of a range read from a CHECK: the literal as PostgreSQL printed it.
struct Bound
{
    QString text;
    bool inclusive = true;
};

// b OP a, between two columns of the row (op one of > >= < <=).
struct Relation
{
    QString op, other;
};

// What CHECK constraints say about one column.
struct ColumnRules
{
    std::optional<Bound> lo, hi;
    std::optional<QStringList> choices;
    QString regex;
    QList<Relation> relations;
    bool notNull = false; // IS NOT NULL
};

// Reads a CHECK definition (pg_get_constraintdef). `valueColumn`: the column VALUE stands for
// (domains), empty for table checks. Adds what it understood to rules and returns false when
// some part of it is beyond the forms understood (the caller warns, naming the constraint).
bool parseCheck(const QString &definition, const QString &valueColumn,
                QHash<QString, ColumnRules> &rules);
// A PostgreSQL regular expression as a `pattern`, or empty (with *why) when not supported.
QString regexToPattern(const QString &regex, QString *why);

TypeInfo classify(const CatalogColumn &column, bool postgis);
// The generator of a PostGIS column's shape, when Spillway has one for it; else empty.
QString geometryKind(const TypeInfo &type);
// A conservative generator that fits the type (for arrays: an array of the element's).
QJsonObject typeGenerator(const TypeInfo &type);
// A generator over [lo, hi] for numeric and temporal types; empty when the type has no order.
QJsonObject rangeGenerator(const TypeInfo &type, const std::optional<Bound> &lo,
                           const std::optional<Bound> &hi);
// A generator whose values are all distinct for `rows` rows ("unique": true), or empty.
QJsonObject uniqueGenerator(const TypeInfo &type, double rows);

struct Guess
{
    QJsonObject generator;
    QString reason;
};
std::optional<Guess> guessGenerator(const QString &table, const QString &column,
                                    const TypeInfo &type);
// Whether a column name reads as a creation or an update time.
bool isCreatedName(const QString &column);
bool isUpdatedName(const QString &column);

// The shape of a column after pg_stats: nullFraction, a generator, or nothing when the stats
// say too little. `rows`: the table's row count in the document.
struct Profile
{
    std::optional<double> nullFraction;
    bool unique = false; // n_distinct -1: every value distinct
    bool weak = false;   // only lengths: a guess from the name replaces it
    QJsonObject generator;
    QString reason;
};
Profile profileColumn(const CatalogStats &stats, const TypeInfo &type, double rows);

} // namespace spillway::import
