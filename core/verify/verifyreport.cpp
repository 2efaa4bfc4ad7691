#include "verify/verifyreport.h"

#include <QJsonArray>

#include <algorithm>

namespace spillway {
namespace {

// Row counts as JSON numbers (exact up to 2^53, far beyond any table).
QJsonValue count(uint64_t n)
{
    return QJsonValue(double(n));
}

// A text that may be SQL NULL.
QJsonValue nullable(const QString &text)
{
    return text.isNull() ? QJsonValue(QJsonValue::Null) : QJsonValue(text);
}

} // namespace

QJsonObject VerifyDirtyCount::toJson() const
{
    return {{QStringLiteral("kind"), kind},
            {QStringLiteral("count"), QJsonValue(double(this->count))},
            {QStringLiteral("examples"), QJsonArray::fromStringList(examples)}};
}

void VerifyDirtyCount::add(QList<VerifyDirtyCount> &list, const QString &kind,
                           const QString &example, int maxExamples)
{
    auto it = std::find_if(list.begin(), list.end(),
                           [&kind](const VerifyDirtyCount &c) { return c.kind == kind; });
    if (it == list.end()) {
        list.append(VerifyDirtyCount{kind, 0, {}});
        it = list.end() - 1;
    }
    ++it->count;
    if (it->examples.size() < maxExamples)
        it->examples.append(example);
}

namespace {

QJsonArray dirtyArray(const QList<VerifyDirtyCount> &list)
{
    QJsonArray a;
    for (const VerifyDirtyCount &c : list)
        a.append(c.toJson());
    return a;
}

} // namespace

QString VerifyDifference::kindName(Kind kind)
{
    switch (kind) {
    case Kind::MissingRow:
        return QStringLiteral("missing_row");
    case Kind::ExtraRow:
        return QStringLiteral("extra_row");
    case Kind::ChangedValue:
        break;
    }
    return QStringLiteral("changed_value");
}

QJsonObject VerifyDifference::toJson() const
{
    QJsonObject o{{QStringLiteral("kind"), kindName(kind)}, {QStringLiteral("key"), nullable(key)}};
    if (kind == Kind::ChangedValue) {
        o.insert(QStringLiteral("column"), column);
        o.insert(QStringLiteral("expected"), nullable(expected));
        o.insert(QStringLiteral("found"), nullable(found));
    }
    if (!note.isEmpty())
        o.insert(QStringLiteral("note"), note);
    return o;
}

QJsonObject VerifyColumnReport::toJson() const
{
    QJsonObject o{{QStringLiteral("name"), name},
                  {QStringLiteral("type"), type},
                  {QStringLiteral("present"), present},
                  {QStringLiteral("expected_non_null"), count(expectedNonNull)},
                  {QStringLiteral("found_non_null"), count(foundNonNull)},
                  {QStringLiteral("checksum_compared"), checksumCompared},
                  {QStringLiteral("match"), match()}};
    if (checksumCompared)
        o.insert(QStringLiteral("checksum_match"), checksumMatch);
    if (!target.isEmpty())
        o.insert(QStringLiteral("target"), target);
    if (!note.isEmpty())
        o.insert(QStringLiteral("note"), note);
    return o;
}

bool VerifyTableReport::columnsMatch() const
{
    for (const VerifyColumnReport &c : columns) {
        if (!c.match())
            return false;
    }
    return true;
}

bool VerifyTableReport::match() const
{
    return exists && expectedRows == foundRows && rowChecksumMatch && differences.isEmpty() &&
           duplicates == 0 && dirtyLoaded.isEmpty() && columnsMatch();
}

QJsonObject VerifyTableReport::toJson() const
{
    QJsonArray columnArray, differenceArray;
    for (const VerifyColumnReport &c : columns)
        columnArray.append(c.toJson());
    for (const VerifyDifference &d : differences)
        differenceArray.append(d.toJson());
    QJsonObject o{{QStringLiteral("name"), name},
                  {QStringLiteral("relation"), relation},
                  {QStringLiteral("exists"), exists},
                  {QStringLiteral("match"), match()},
                  {QStringLiteral("expected_rows"), count(expectedRows)},
                  {QStringLiteral("found_rows"), count(foundRows)},
                  {QStringLiteral("row_checksum_match"), rowChecksumMatch},
                  {QStringLiteral("columns"), columnArray},
                  {QStringLiteral("differences"), differenceArray},
                  {QStringLiteral("notes"), QJsonArray::fromStringList(notes)}};
    o.insert(QStringLiteral("duplicates"),
             QJsonObject{{QStringLiteral("count"), count(duplicates)},
                         {QStringLiteral("keys"), QJsonArray::fromStringList(duplicateKeys)}});
    if (dirtyRows || !dirtyLoaded.isEmpty())
        o.insert(QStringLiteral("dirty"),
                 QJsonObject{{QStringLiteral("rows"), count(dirtyRows)},
                             {QStringLiteral("loaded"), dirtyArray(dirtyLoaded)}});
    o.insert(QStringLiteral("key_column"),
             keyColumn.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(keyColumn));
    if (rangeSize) {
        o.insert(QStringLiteral("key_range_size"), count(rangeSize));
        o.insert(QStringLiteral("key_ranges"), count(rangeCount));
        o.insert(QStringLiteral("key_ranges_differing"), count(rangesDiffering));
    }
    return o;
}

bool VerifyReport::ok() const
{
    for (const VerifyTableReport &t : tables) {
        if (!t.match())
            return false;
    }
    return notRejected.isEmpty();
}

uint64_t VerifyReport::expectedRows() const
{
    uint64_t rows = 0;
    for (const VerifyTableReport &t : tables)
        rows += t.expectedRows;
    return rows;
}

uint64_t VerifyReport::rowsCompared() const
{
    uint64_t rows = 0;
    for (const VerifyTableReport &t : tables)
        rows += std::max(t.expectedRows, t.foundRows);
    return rows;
}

QJsonObject VerifyReport::toJson() const
{
    QJsonArray tableArray;
    for (const VerifyTableReport &t : tables)
        tableArray.append(t.toJson());
    QJsonObject o{
        {QStringLiteral("ok"), ok()},
        {QStringLiteral("schema"), schema},
        {QStringLiteral("seed"), QString::number(seed)},
        {QStringLiteral("database"), database},
        {QStringLiteral("server_version"), serverVersion},
        {QStringLiteral("seconds"), seconds},
        {QStringLiteral("rows_per_second"), seconds > 0 ? double(rowsCompared()) / seconds : 0.0},
        {QStringLiteral("tables"), tableArray}};
    if (!manifest.isEmpty())
        o.insert(QStringLiteral("manifest"),
                 QJsonObject{{QStringLiteral("path"), manifest},
                             {QStringLiteral("dirty_rows"), count(dirtyRows)}});
    if (!rejects.isEmpty())
        o.insert(QStringLiteral("rejects"),
                 QJsonObject{{QStringLiteral("path"), rejects},
                             {QStringLiteral("lines"), count(rejectLines)},
                             {QStringLiteral("dirty_rows_reported"), count(rejectsMatched)},
                             {QStringLiteral("unknown_lines"), count(rejectLinesUnknown)},
                             {QStringLiteral("unknown_examples"),
                              QJsonArray::fromStringList(unknownRejectLines)},
                             {QStringLiteral("not_reported"), dirtyArray(notRejected)}});
    return o;
}

} // namespace spillway
