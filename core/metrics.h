#pragma once

// What a run reports while it runs: counters sampled on the owner's thread into snapshots.

#include <QList>
#include <QMetaType>
#include <QString>

#include <cstdint>

namespace spillway {

struct TableProgress
{
    QString name;
    uint64_t rowsDone = 0;
    uint64_t rowsTotal = 0;
    uint64_t bytesDone = 0;
};

struct RunSnapshot
{
    double elapsedSeconds = 0;
    uint64_t rowsDone = 0;
    uint64_t rowsTotal = 0;
    uint64_t bytesDone = 0;
    double rowsPerSecond = 0; // over the last second or so
    double bytesPerSecond = 0;
    double meanRowsPerSecond = 0; // since the start
    double meanBytesPerSecond = 0;
    double etaSeconds = -1; // -1 when unknown
    QList<TableProgress> tables;
    bool finished = false;

    double fraction() const { return rowsTotal ? double(rowsDone) / double(rowsTotal) : 1.0; }
};

struct RunResult
{
    bool ok = false;
    bool cancelled = false;
    QString error;    // what went wrong, where, and what to do
    RunSnapshot last; // final counters
    QStringList outputs;
};

} // namespace spillway

Q_DECLARE_METATYPE(spillway::RunSnapshot)
Q_DECLARE_METATYPE(spillway::RunResult)
