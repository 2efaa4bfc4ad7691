#include "schema/schema.h"

namespace spillway {

qsizetype TableSpec::columnIndex(const QString &column) const
{
    for (qsizetype i = 0; i < columns.size(); ++i) {
        if (columns[i].name == column)
            return i;
    }
    return -1;
}

qsizetype Schema::tableIndex(const QString &name) const
{
    for (qsizetype i = 0; i < tables.size(); ++i) {
        if (tables[i].name == name)
            return i;
    }
    return -1;
}

const TableSpec *Schema::table(const QString &name) const
{
    const qsizetype i = tableIndex(name);
    return i < 0 ? nullptr : &tables[i];
}

} // namespace spillway
