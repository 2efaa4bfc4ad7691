#pragma once

// The bundled dictionary of common English words that the words, sentence and paragraph
// generators draw from. Loaded once from the compiled-in resource and then shared read-only by
// every worker: one buffer of text and a contiguous array of views into it, so picking a word
// is an index and a copy.

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace spillway {

// Registers the compiled-in resources (dictionaries, examples); safe to call from any thread.
void initBundledResources();
// The lines of a dictionary file, without their line ends (LF or CRLF).
std::vector<std::string_view> dictionaryLines(std::string_view text);

class WordList
{
public:
    // Each word of up to kSlot bytes sits in its own zero-padded kSlot-byte slot of the buffer,
    // so copying one is a single fixed-size move (longer words follow the slots).
    static constexpr size_t kSlot = 16;
    static constexpr size_t kMaxWordLength = 255; // longer lines are not words: skipped

    // The list in ":/spillway/dictionaries/words.txt", loaded on first use (thread-safe).
    static const WordList &instance();

    // A list from text with one word per line; blank lines and lines starting with '#' are
    // skipped. Falls back to a few built-in words when the text holds none, so that generators
    // never face an empty list.
    static WordList fromText(std::string_view text);

    size_t size() const { return m_words.size(); }
    std::string_view word(size_t index) const { return m_words[index]; }
    const std::string_view *data() const { return m_words.data(); }
    // Word lengths, one byte each: a small table that stays in cache.
    const uint8_t *lengths() const { return m_lengths.data(); }
    // kSlot readable bytes starting with word `index` (its first kSlot bytes when longer).
    const char *slot(size_t index) const { return m_buffer->data() + index * kSlot; }
    size_t maxLength() const { return m_maxLength; }
    // True when the list has words of at least two lengths (needed to avoid ending a
    // length-bounded text on a space; see Phrase in textgenerators.cpp).
    bool hasVariedLengths() const { return m_variedLengths; }

private:
    WordList() = default;

    std::unique_ptr<const std::string> m_buffer; // on the heap: views survive moves
    std::vector<std::string_view> m_words;
    std::vector<uint8_t> m_lengths;
    size_t m_maxLength = 0;
    bool m_variedLengths = false;
};

} // namespace spillway
