#pragma once

// A growable byte buffer for encoded rows. Encoders reserve the worst case of a value and
// write through a raw pointer, which keeps the per-value cost to a few instructions.

#include <cstdlib>
#include <cstring>
#include <new>
#include <string_view>
#include <utility>

namespace spillway {

class ByteBuffer
{
public:
    ByteBuffer() = default;
    ByteBuffer(const ByteBuffer &) = delete;
    ByteBuffer &operator=(const ByteBuffer &) = delete;
    ByteBuffer(ByteBuffer &&o) noexcept { swap(o); }
    ByteBuffer &operator=(ByteBuffer &&o) noexcept
    {
        swap(o);
        return *this;
    }
    ~ByteBuffer() { std::free(m_data); }

    const char *data() const { return m_data; }
    char *data() { return m_data; }
    size_t size() const { return m_size; }
    size_t capacity() const { return m_capacity; }
    bool isEmpty() const { return m_size == 0; }
    std::string_view view() const { return {m_data, m_size}; }
    void clear() { m_size = 0; }

    // Returns a pointer with room for n more bytes; commit what was written with advance().
    char *reserveTail(size_t n)
    {
        if (m_size + n > m_capacity)
            grow(m_size + n);
        return m_data + m_size;
    }
    void setEnd(const char *end) { m_size = size_t(end - m_data); }
    void append(const char *p, size_t n)
    {
        std::memcpy(reserveTail(n), p, n);
        m_size += n;
    }
    void append(std::string_view s) { append(s.data(), s.size()); }
    void append(char c)
    {
        *reserveTail(1) = c;
        ++m_size;
    }
    void reserve(size_t n)
    {
        if (n > m_capacity)
            grow(n);
    }
    // Drops memory beyond `keep` bytes of capacity (after an unusually large chunk).
    void shrinkTo(size_t keep)
    {
        if (m_capacity > keep && m_size <= keep) {
            char *p = static_cast<char *>(std::realloc(m_data, keep));
            if (p) {
                m_data = p;
                m_capacity = keep;
            }
        }
    }

private:
    void grow(size_t needed)
    {
        size_t cap = m_capacity ? m_capacity : 4096;
        while (cap < needed)
            cap += cap / 2;
        char *p = static_cast<char *>(std::realloc(m_data, cap));
        if (!p)
            throw std::bad_alloc();
        m_data = p;
        m_capacity = cap;
    }
    void swap(ByteBuffer &o) noexcept
    {
        std::swap(m_data, o.m_data);
        std::swap(m_size, o.m_size);
        std::swap(m_capacity, o.m_capacity);
    }

    char *m_data = nullptr;
    size_t m_size = 0;
    size_t m_capacity = 0;
};

} // namespace spillway
