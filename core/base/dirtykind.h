#pragma once

// What `--dirty` and a table's "dirty" setting ask for: the share of rows written invalid and
// the kinds of damage allowed. Plain data shared by the schema document (per table), the plan
// (the command line's setting over the table's) and the encoders (encode/dirtyrows.h decides
// which rows and how).

#include <QList>
#include <QString>

#include <optional>

namespace spillway {

enum class DirtyKind { FieldCount, Quote, Encoding, Number, Date, Overflow, Null, Duplicate };

// field_count, quote, encoding, number, date, overflow, null, duplicate: the names users type.
QString dirtyKindName(DirtyKind kind);
std::optional<DirtyKind> dirtyKindFromName(const QString &name);
QList<DirtyKind> allDirtyKinds();
// What a kind writes, in English, marked for translation in the context "DirtyKind" (the
// desktop shows QCoreApplication::translate("DirtyKind", dirtyKindSummary(kind))).
const char *dirtyKindSummary(DirtyKind kind);
// "field_count, quote, ..." for messages that list what is allowed.
QString dirtyKindNames();

struct DirtyOptions
{
    static constexpr double kMaxFraction = 0.5;

    double fraction = 0;
    QList<DirtyKind> kinds; // empty = every kind
    // Given on the command line (even as 0): replaces every table's own setting. A non-zero
    // fraction replaces them anyway.
    bool isSet = false;

    bool any() const { return fraction > 0; }
    // The requested kinds, every kind when none was named.
    QList<DirtyKind> requestedKinds() const { return kinds.isEmpty() ? allDirtyKinds() : kinds; }
    // Empty, or what is wrong with the fraction (outside [0, 0.5]).
    QString check() const;

    // A fraction as "0.01" or "1%"; false with a message naming the allowed range.
    static bool parseFraction(const QString &text, double &fraction, QString *error);
    // A comma-separated list of kind names; false with a message listing the kinds.
    static bool parseKinds(const QString &list, QList<DirtyKind> &kinds, QString *error);
    QStringList kindNames() const;

    bool operator==(const DirtyOptions &o) const
    {
        return fraction == o.fraction && kinds == o.kinds && isSet == o.isSet;
    }
    bool operator!=(const DirtyOptions &o) const { return !(*this == o); }
};

} // namespace spillway
