#pragma once

// The control connection (libpqxx): DDL, the ledger, statistics and verification queries.
// libpqxx exceptions stop here and come back as error messages with context.

#include <QList>
#include <QString>
#include <QStringList>

#include <memory>

namespace spillway {

class Database
{
public:
    Database();
    ~Database();

    // Connects; the error names the masked connection string and says what to check.
    QString open(const QString &conninfo);
    bool isOpen() const;
    void close();

    // Runs the statements in one transaction.
    QString execute(const QStringList &statements);
    QString execute(const QString &statement) { return execute(QStringList{statement}); }
    // Runs each statement in its own transaction (e.g. ANALYZE, or steps that may fail alone).
    QString executeEach(const QStringList &statements);
    QString query(const QString &sql, QList<QStringList> *rows);
    QString queryValue(const QString &sql, QString *value);

    QString serverVersion() const;
    QString currentDatabase();
    bool tableExists(const QString &schemaName, const QString &table, QString *error);

    // The ledger schema and tables (spillway.ledger, spillway.runs), created when missing.
    QString ensureLedger();

private:
    bool reconnectIfBroken();
    struct Connection; // holds the pqxx::connection, so that only core/pg sees libpqxx
    std::unique_ptr<Connection> m_connection;
    QString m_conninfo;
};

} // namespace spillway
