#include "base/value.h"

namespace spillway {

void Arena::reset()
{
    m_blockIndex = 0;
    m_used = 0;
    if (m_blocks.empty()) {
        m_current = nullptr;
        m_capacity = 0;
    } else {
        m_current = m_blocks.front().get();
        m_capacity = m_blockSize;
    }
    // Oversized blocks (from huge values) are dropped so memory returns to its steady size.
    while (m_blocks.size() > 1 && m_blocks.size() > 8)
        m_blocks.pop_back();
}

void Arena::grow(size_t atLeast)
{
    if (atLeast <= m_blockSize && m_blockIndex + 1 < m_blocks.size() && m_current) {
        ++m_blockIndex;
    } else if (atLeast <= m_blockSize && !m_current && !m_blocks.empty()) {
        m_blockIndex = 0;
    } else {
        const size_t size = atLeast > m_blockSize ? atLeast : m_blockSize;
        m_blocks.emplace_back(new char[size]);
        m_blockIndex = m_blocks.size() - 1;
        if (size > m_blockSize) {
            // A one-off block for a huge value; the next allocation starts a fresh block.
            m_current = m_blocks.back().get();
            m_used = 0;
            m_capacity = size;
            return;
        }
    }
    m_current = m_blocks[m_blockIndex].get();
    m_used = 0;
    m_capacity = m_blockSize;
}

} // namespace spillway
