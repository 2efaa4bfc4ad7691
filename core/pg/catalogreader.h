#pragma once

// CatalogReader: what PostgreSQL's catalog says about the user's own tables, read into the
// import model (schema/importmodel.h) that the importer turns into a schema document. A few
// set-based queries read every chosen table at once (tables, columns with their types, enum
// labels, domain CHECKs, constraints, and with statistics pg_stats), so hundreds of tables
// import in well under a second. With statistics, only pg_stats is read: never a table's rows.
//
//   Database db;
//   db.open(conninfo);
//   CatalogRead read = readCatalog(db, CatalogSelection{{"public"}, {}, true});
//   if (!read.error.isEmpty()) ...   // names the schema or table, says what to do
//   ImportResult result = importCatalog(read.catalog, options);

#include "schema/importmodel.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace spillway {

class Database;

// Which tables to read. No schemas: the connection's search_path (usually "public").
// A table is "name" (looked up in the chosen schemas) or "schema.name"; none: every table.
struct CatalogSelection
{
    QStringList schemas;
    QStringList tables;
    bool withStats = false; // read pg_stats (null fractions, common values, histograms)
};

struct CatalogRead
{
    Catalog catalog;
    QList<ImportNote> notes;     // tables never analyzed, tables without statistics, ...
    QString error;               // empty on success
    bool selectionError = false; // the error is about the selection (no such schema or table)
};

// Reads through an open connection.
CatalogRead readCatalog(Database &database, const CatalogSelection &selection);
// Connects, reads, disconnects. The error names the (masked) connection string when it fails.
CatalogRead readCatalog(const QString &conninfo, const CatalogSelection &selection);

} // namespace spillway
