#include "schema/importer.h"

#include <QJsonArray>

namespace spillway {

ImportResult importCatalog(const Catalog &catalog, const ImportOptions &options)
{
    ImportResult result;
    QJsonArray tables;
    for (const CatalogTable &table : catalog.tables) {
        QJsonArray columns;
        for (const CatalogColumn &column : table.columns) {
            columns.append(
                QJsonObject{{QStringLiteral("name"), column.name},
                            {QStringLiteral("type"), column.sqlType},
                            {QStringLiteral("generator"),
                             QJsonObject{{QStringLiteral("kind"), QStringLiteral("constant")},
                                         {QStringLiteral("value"), QJsonValue()}}},
                            {QStringLiteral("nullFraction"), column.notNull ? 0.0 : 1.0}});
        }
        const int64_t rows =
            options.rows.value_or(table.reltuples > 0 ? int64_t(table.reltuples) : 1000);
        tables.append(QJsonObject{{QStringLiteral("name"), table.name},
                                  {QStringLiteral("rows"), qint64(rows)},
                                  {QStringLiteral("columns"), columns}});
    }
    result.document = QJsonObject{{QStringLiteral("format"), QStringLiteral("spillway-schema")},
                                  {QStringLiteral("version"), 1},
                                  {QStringLiteral("name"), options.name},
                                  {QStringLiteral("seed"), QJsonValue(qint64(options.seed))},
                                  {QStringLiteral("tables"), tables}};
    return result;
}

} // namespace spillway
