#pragma once

// Re-importing a database into a document the user has already edited. The database is the
// truth for what exists and how it is constrained (tables, columns, SQL types, keys, foreign
// keys); the document is the truth for how data is made (generators, null fractions, row
// counts, dirty rows, hidden helper columns). Columns still marked `guessed` were never
// reviewed, so their fresh guess replaces the old one. Every difference is reported.

#include "schema/schema.h"

#include <QCoreApplication>
#include <QList>
#include <QString>

namespace spillway {

struct ImportChange
{
    enum class Kind {
        TableAdded,
        TableKept, // in the document, not in the source: kept as it is
        ColumnAdded,
        ColumnRemoved,  // dropped from the source
        TypeChanged,    // the user's generator kept: check it fits the new type
        GuessRefreshed, // an unreviewed guess replaced by the new one
        NullsChanged,   // NOT NULL added or dropped in the source
        KeysChanged,    // primary key, unique or foreign keys differ
    };
    Kind kind = Kind::ColumnAdded;
    QString table;
    QString column;
    QString detail; // e.g. "integer → bigint"

    // One line for the report: "orders.total: type numeric(10,2) → numeric(12,2); your generator
    // was kept".
    QString describe() const;
};

struct ImportMerge
{
    Q_DECLARE_TR_FUNCTIONS(ImportMerge)

public:
    Schema merged;
    QList<ImportChange> changes;

    // `current` is the user's document, `imported` a fresh import of the same database.
    static ImportMerge merge(const Schema &current, const Schema &imported);
};

} // namespace spillway
