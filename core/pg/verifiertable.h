#pragma once

// Verifier::Table: what the verifier knows about one table while it compares it (private to
// verifier.cpp and verifierdirty.cpp).

#include "pg/verifier.h"
#include "schema/ddl.h"

namespace spillway {

struct Verifier::Table
{
    int index = 0;
    const TableRuntime *runtime = nullptr;
    QString relation;
    std::vector<DigestColumn> columns; // the schema's columns present in the database
    QList<int> reportColumn;           // columns[k] -> VerifyTableReport::columns index
    QStringList targets;               // columns[k]'s name in the database table
    QStringList texts;                 // SQL giving columns[k]'s text as compared
    QList<bool> converted;             // texts[k] converts the found value to another type
    QStringList dbTypes;               // columns[k]'s type in the database
    std::optional<RowKey> key;
    int keyColumn = -1;     // position of the key in `columns`
    int ordinalColumn = -1; // and of the ordinal, for a key by parent
    uint64_t rangeSize = 0; // key indexes per range when locating differences
    uint64_t keyCount = 0;  // key indexes there are: rows, or parent rows

    QString columnName(size_t k) const { return runtime->columns[size_t(columns[k].column)].name; }
    QString quoted(size_t k) const { return Ddl::quoteIdentifier(targets.at(int(k))); }
    QString text(size_t k) const { return texts.at(int(k)); }
    // The key of a row (its column texts in `columns` order): "17", or "3, 2" by parent.
    QString keyText(const QStringList &values) const
    {
        const QString k = values.value(keyColumn);
        if (ordinalColumn < 0 || k.isNull())
            return k;
        return k + QStringLiteral(", ") + values.value(ordinalColumn);
    }
    // The same in SQL.
    QString keyTextSql() const
    {
        if (ordinalColumn < 0)
            return text(size_t(keyColumn));
        return QStringLiteral("%1 || ', ' || %2")
            .arg(text(size_t(keyColumn)), text(size_t(ordinalColumn)));
    }
};

} // namespace spillway
