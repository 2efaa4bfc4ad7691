#pragma once

// Hands a load's chunks to its COPY workers. One reader thread reads the files in plan order
// (compressed files cannot be seeked, so each is decompressed once, front to back) and puts
// each chunk's bytes in a bounded queue; workers take them in order. Memory stays bounded by
// (capacity + workers + 1) chunks whatever the files' sizes. Chunks a resumed load committed
// already are handed out without bytes (and compressed ones are read past, not kept).

#include "files/filechunker.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <condition_variable>
#include <deque>
#include <mutex>
#include <thread>

namespace spillway {

class ChunkFeeder
{
public:
    struct Item
    {
        int chunk = -1; // index into the plan's chunks
        QByteArray data;
    };

    ChunkFeeder(const FileChunkPlan &plan, const QStringList &files, int capacity);
    ~ChunkFeeder();
    ChunkFeeder(const ChunkFeeder &) = delete;
    ChunkFeeder &operator=(const ChunkFeeder &) = delete;

    void start();
    // The next chunk; false when all were handed out, reading failed (error()) or stop() was
    // called.
    bool next(Item &item);
    // Ends the hand-out early (a failure or cancel) and wakes everybody waiting.
    void stop();
    QString error() const;

private:
    void run();
    bool push(Item item);

    const FileChunkPlan &m_plan;
    const QStringList m_files;
    const size_t m_capacity;
    std::thread m_thread;
    mutable std::mutex m_mutex;
    std::condition_variable m_changed;
    std::deque<Item> m_queue;
    bool m_done = false, m_stopped = false;
    QString m_error;
};

} // namespace spillway
