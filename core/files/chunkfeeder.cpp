#include "files/chunkfeeder.h"

#include "files/datastream.h"

#include <memory>

namespace spillway {

ChunkFeeder::ChunkFeeder(const FileChunkPlan &plan, const QStringList &files, int capacity)
    : m_plan(plan)
    , m_files(files)
    , m_capacity(size_t(std::max(1, capacity)))
{}

ChunkFeeder::~ChunkFeeder()
{
    stop();
    if (m_thread.joinable())
        m_thread.join();
}

void ChunkFeeder::start()
{
    m_thread = std::thread([this] { run(); });
}

void ChunkFeeder::stop()
{
    std::lock_guard lock(m_mutex);
    m_stopped = true;
    m_changed.notify_all();
}

QString ChunkFeeder::error() const
{
    std::lock_guard lock(m_mutex);
    return m_error;
}

bool ChunkFeeder::next(Item &item)
{
    std::unique_lock lock(m_mutex);
    m_changed.wait(lock, [this] { return m_stopped || !m_queue.empty() || m_done; });
    if (m_stopped || m_queue.empty())
        return false;
    item = std::move(m_queue.front());
    m_queue.pop_front();
    m_changed.notify_all();
    return true;
}

bool ChunkFeeder::push(Item item)
{
    std::unique_lock lock(m_mutex);
    m_changed.wait(lock, [this] { return m_stopped || m_queue.size() < m_capacity; });
    if (m_stopped)
        return false;
    m_queue.push_back(std::move(item));
    m_changed.notify_all();
    return true;
}

void ChunkFeeder::run()
{
    std::unique_ptr<DataStream> stream;
    int open = -1;
    QString error;
    for (qsizetype i = 0; i < m_plan.chunks.size() && error.isEmpty(); ++i) {
        const FileChunk &c = m_plan.chunks[i];
        Item item;
        item.chunk = int(i);
        if (c.file != open) {
            stream = std::make_unique<DataStream>(m_files[c.file]);
            open = c.file;
            if (!stream->open()) {
                error = stream->error();
                break;
            }
        }
        if (c.fixed < 0) { // committed ones are skipped (read past when compressed)
            item.data.resize(qsizetype(c.length));
            if (!stream->readAt(c.offset, c.length, item.data.data()))
                error = stream->error();
        }
        if (error.isEmpty() && !push(std::move(item)))
            return;
    }
    std::lock_guard lock(m_mutex);
    m_error = error;
    m_done = true;
    m_changed.notify_all();
}

} // namespace spillway
