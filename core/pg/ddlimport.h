#pragma once

// DDL import: a file of SQL (pg_dump --schema-only output or hand-written CREATE TYPE/DOMAIN/
// TABLE, ALTER TABLE ... ADD CONSTRAINT, COMMENT ON, CREATE EXTENSION) applied to a scratch
// database on a server Spillway may create databases on (the embedded local server), read back
// through the catalog (pg/catalogreader) and dropped again. The server, not a SQL parser of
// ours, decides what the file means, so whatever PostgreSQL accepts imports.
//
// The file is cut into statements the way psql does (semicolons outside quotes, dollar quotes
// and comments; psql's backslash commands skipped), each statement run on its own, so that an
// error names the file's line. Statements about owners, privileges, databases and tablespaces
// are skipped: they do not shape the data, and their roles do not exist on the scratch server.

#include "pg/catalogreader.h"

#include <QList>
#include <QString>

namespace spillway {

struct DdlStatement
{
    QString sql;       // as written, comments inside included
    int line = 0;      // 1-based line of its first character in the file
    bool skip = false; // a statement the import does not run (see skipReason)
    QString skipReason;
};

struct DdlSplit
{
    QList<DdlStatement> statements;
    QStringList metaCommands; // psql backslash commands that were skipped, with their line
    QString error;            // an unterminated quote, comment or dollar quote
    int errorLine = 0;
};

// Cuts SQL text into statements (pure: no server). Never fails on any input; an unterminated
// quote or comment is an error naming the line where it starts.
DdlSplit splitDdl(const QString &text);

struct DdlImportResult
{
    CatalogRead read;  // the catalog of the applied file (read.error: reading it failed)
    QString error;     // applying the file failed: the server's message
    int errorLine = 0; // ... at this line of the file (0: not about one line)
    int statementsRun = 0;
    int statementsSkipped = 0;
    bool ok() const { return error.isEmpty() && read.error.isEmpty(); }
    // "FILE:LINE: message" or the reading error; empty when ok.
    QString errorText(const QString &fileName) const;
};

// Applies `text` (read from `fileName`, named in messages) to a new database on the server
// that `serverConninfo` reaches as a user who may CREATE DATABASE, reads the catalog of the
// `selection` (no schemas: every schema the file filled with tables), and drops the database,
// whatever happened. Blocking: call it off the GUI thread.
DdlImportResult importDdl(const QString &text, const QString &serverConninfo,
                          const CatalogSelection &selection);

} // namespace spillway
