#pragma once

// The importer's working state (importer.cpp reads tables and writes the document;
// importkeys.cpp shapes keys, child tables, foreign keys and CHECKs). Not for use elsewhere.

#include "base/diagnostics.h"
#include "schema/importinternal.h"

#include <QJsonArray>
#include <QJsonObject>

namespace spillway::import {

enum class Source { Type, Guess, Default, Check, Profile, Relation, Key };

struct ColumnDraft
{
    const CatalogColumn *source = nullptr;
    TypeInfo type;
    QJsonObject generator;
    Source from = Source::Type;
    double nullFraction = 0;
    bool unique = false, primaryKey = false;
    QString guessed;

    bool set(Source s, const QJsonObject &g, const QString &reason = {})
    {
        if (g.isEmpty() || s < from)
            return false;
        from = s;
        generator = g;
        guessed = s == Source::Guess ? reason : QString();
        return true;
    }
};

struct TableDraft
{
    const CatalogTable *source = nullptr;
    QString name;
    QList<ColumnDraft> columns;
    double estimatedRows = 1000;
    QString parent;
    QJsonObject fanOut;
    QStringList primaryKey;
    QList<QStringList> unique;
    QJsonArray foreignKeys;
    QStringList dependsOn;

    int column(const QString &n) const
    {
        for (int i = 0; i < columns.size(); ++i) {
            if (columns[i].source->name == n)
                return i;
        }
        return -1;
    }
    bool isChild() const { return !parent.isEmpty(); }
};

inline QJsonObject gen(const QString &kind, const QJsonObject &params = {})
{
    QJsonObject o = params;
    o.insert(QStringLiteral("kind"), kind);
    return o;
}

inline const CatalogConstraint *primaryKeyOf(const CatalogTable &t)
{
    for (const CatalogConstraint &c : t.constraints) {
        if (c.type == 'p')
            return &c;
    }
    return nullptr;
}

class Importer
{
public:
    Importer(const Catalog &catalog, const ImportOptions &options)
        : m_catalog(catalog)
        , m_options(options)
    {}

    ImportResult run();

private:
    void note(const TableDraft &t, const QString &column, const QString &kind,
              const QString &message)
    {
        m_notes.append({t.name, column, kind, message});
    }
    TableDraft *table(const QString &schema, const QString &name)
    {
        const auto it = m_byName.find(schema + QLatin1Char('.') + name);
        return it == m_byName.end() ? nullptr : &m_tables[*it];
    }
    const TableDraft *byName(const QString &name) const
    {
        for (const TableDraft &t : m_tables) {
            if (t.name == name)
                return &t;
        }
        return nullptr;
    }
    void readTable(const CatalogTable &source);
    void readColumn(TableDraft &t, const CatalogColumn &c);
    void shapeChild(TableDraft &t);
    QJsonObject fanOut(const TableDraft &t, const TableDraft &parent, const QString &fkColumn,
                       std::optional<double> cap);
    void applyKeys(TableDraft &t);
    bool makeUnique(TableDraft &t, int c, const QString &why);
    void applyForeignKeys(TableDraft &t);
    void applyOneToOne(TableDraft &t);
    void applyChecks(TableDraft &t);
    void applyRules(TableDraft &t, int c, const ColumnRules &rules);
    void applyRelation(TableDraft &t, int c, const Relation &r);
    void applyProfile(TableDraft &t);
    void applyGuesses(TableDraft &t);
    void applyFallbacks(TableDraft &t);
    QList<int> loadOrder();
    QJsonObject document(const QList<int> &order) const;
    bool repair(const QList<int> &order, const Diagnostics &diagnostics);

    const Catalog &m_catalog;
    const ImportOptions &m_options;
    QList<TableDraft> m_tables;
    QHash<QString, int> m_byName; // "schema.table"
    QList<ImportNote> m_notes;
};

} // namespace spillway::import
