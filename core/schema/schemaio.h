#pragma once

// Reading and writing schema documents (JSON). Reading checks the document's structure and
// reports every problem with its JSON path; what generators' parameters mean is checked by
// CompiledSchema::compile().

#include "base/diagnostics.h"
#include "schema/schema.h"

#include <QByteArray>
#include <QJsonObject>

#include <optional>

namespace spillway {

class SchemaIO
{
public:
    // Parses JSON text; bad JSON is reported with its line and column.
    static std::optional<Schema> parse(const QByteArray &json, Diagnostics &diagnostics);
    static std::optional<Schema> fromJson(const QJsonObject &root, Diagnostics &diagnostics);
    // Reads what it can, reporting problems; for validators that go on to compile.
    static Schema readLenient(const QJsonObject &root, Diagnostics &diagnostics);
    // Reads a file (or ":/spillway/examples/NAME.json" resources).
    static std::optional<Schema> load(const QString &fileName, Diagnostics &diagnostics);

    static QJsonObject toJson(const Schema &schema);
    static QByteArray toBytes(const Schema &schema);
    // Writes atomically through QSaveFile; returns an error message, empty on success.
    static QString save(const Schema &schema, const QString &fileName);

    // Parses and compiles, returning the compiled schema's diagnostics (validate command).
    static Diagnostics validate(const QByteArray &json);

    // A stable hash of the schema's canonical JSON, for run records.
    static QString hash(const Schema &schema);
};

} // namespace spillway
