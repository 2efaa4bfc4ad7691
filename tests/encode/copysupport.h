#pragma once

// Helpers of the tests that load the same rows into a real server (PgFixture) through binary
// COPY and through CSV and compare what the server read: the rows encoded both ways, the files
// psql's \copy reads, and psql commands run in one session.

#include "../processsupport.h"
#include "encode/binaryencoder.h"

#include <QFile>
#include <QTemporaryDir>

#include <memory>
#include <vector>

namespace spillway::test {

// The same rows as a whole binary COPY stream and as CSV without a header.
struct Encoded
{
    QByteArray binary;
    QByteArray csv;
};

// Encodes `batches` with both encoders, as whole COPY streams.
inline Encoded encodeBoth(const BinaryCopyEncoder &binary, const TableRuntime &table,
                          const std::vector<const RowBatch *> &batches)
{
    FormatOptions csvOptions;
    csvOptions.header = false;
    const auto csv = Encoder::create(csvOptions);
    ByteBuffer b, c;
    binary.writeHeader(table, b);
    for (const RowBatch *batch : batches) {
        binary.encode(table, *batch, b, nullptr);
        csv->encode(table, *batch, c, nullptr);
    }
    BinaryCopyEncoder::trailer(b);
    return {QByteArray(b.data(), qsizetype(b.size())), QByteArray(c.data(), qsizetype(c.size()))};
}

// `rows` rows of `table`, batch by batch; each batch keeps its own arena, so all stay valid.
inline std::vector<std::unique_ptr<RowBatch>> generateBatches(const TableRuntime &table,
                                                              uint32_t rows)
{
    std::vector<std::unique_ptr<RowBatch>> batches;
    for (uint32_t first = 0; first < rows; first += RowBatch::kCapacity) {
        auto batch = std::make_unique<RowBatch>(int(table.columns.size()));
        batch->firstRow = first;
        batch->count = std::min(RowBatch::kCapacity, rows - first);
        table.generate(*batch);
        batches.push_back(std::move(batch));
    }
    return batches;
}

inline std::vector<const RowBatch *>
pointersTo(const std::vector<std::unique_ptr<RowBatch>> &batches)
{
    std::vector<const RowBatch *> pointers;
    for (const auto &batch : batches)
        pointers.push_back(batch.get());
    return pointers;
}

// Writes `bytes` to `name` in `dir`; returns its path, or empty when it cannot.
inline QString writeFile(const QTemporaryDir &dir, const QString &name, const QByteArray &bytes)
{
    const QString path = dir.filePath(name);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size())
        return {};
    return path;
}

// Runs `commands` (each psql's -c) in one psql session, nulls printed as <null>; returns the
// error text, or empty. `output` gets the standard output as printed (not trimmed).
inline QString psqlCommands(const QString &conninfo, const QStringList &commands,
                            QString *output = nullptr)
{
    QStringList arguments{QStringLiteral("-P"), QStringLiteral("null=<null>")};
    for (const QString &command : commands)
        arguments << QStringLiteral("-c") << command;
    return psql(conninfo, arguments, output, kProcessTimeoutMs, PsqlOutput::AsPrinted);
}

} // namespace spillway::test
