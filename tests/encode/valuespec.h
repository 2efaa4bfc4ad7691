#pragma once

// Helpers of the binary COPY tests: a table of given column types, and values written as short
// specs so that data-driven rows stay readable.

#include "../testsupport.h"
#include "base/params.h"

namespace spillway::test {

// A table of the given column types; its generators are never run (values are set by hand).
inline std::shared_ptr<CompiledSchema> tableOf(const QList<QByteArray> &types)
{
    QByteArray columns;
    for (qsizetype i = 0; i < types.size(); ++i) {
        columns += (i ? "," : "") + QByteArray("{\"name\": \"c") + QByteArray::number(i) +
                   "\", \"type\": \"" + types[i] +
                   "\", \"generator\": {\"kind\": \"constant\", \"value\": null}}";
    }
    return compile("{\"seed\": 1, \"tables\": [{\"name\": \"t\", \"rows\": 10, \"columns\": [" +
                   columns + "]}]}");
}

// A value from a short spec: null, int:5, dec:1234:2, float:1.5[:digits], bool:1,
// date:2000-01-01, time:<micros>, ts:2000-01-01 00:00:00, uuid:<hex hi>:<hex lo>, text:abc.
inline Value valueOf(const QByteArray &spec, Arena &arena)
{
    const qsizetype colon = spec.indexOf(':');
    const QByteArray kind = spec.left(colon);
    const QByteArray rest = colon < 0 ? QByteArray() : spec.mid(colon + 1);
    const QList<QByteArray> parts = rest.split(':');
    if (kind == "int")
        return Value::integer(rest.toLongLong());
    if (kind == "dec")
        return Value::decimal(parts[0].toLongLong(), uint8_t(parts[1].toInt()));
    if (kind == "float")
        return Value::real(parts[0].toDouble(),
                           parts.size() > 1 ? uint8_t(parts[1].toInt()) : kShortestFloat);
    if (kind == "bool")
        return Value::boolean(rest == "1");
    if (kind == "date")
        return Value::date(ParamReader::parseDate(QString::fromLatin1(rest)).value());
    if (kind == "time")
        return Value::time(rest.toLongLong());
    if (kind == "ts")
        return Value::timestamp(ParamReader::parseTimestamp(QString::fromLatin1(rest)).value());
    if (kind == "uuid")
        return Value::uuid(parts[0].toULongLong(nullptr, 16), parts[1].toULongLong(nullptr, 16));
    if (kind == "text")
        return Value::string(arena.copy(std::string_view(rest.constData(), size_t(rest.size()))));
    return Value::null();
}

} // namespace spillway::test
