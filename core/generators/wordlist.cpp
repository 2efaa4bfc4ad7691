#include "generators/wordlist.h"

#include <QFile>
#include <QtGlobal>

#include <algorithm>

// The resources live in a static library: referencing their initialiser keeps the linker from
// dropping them. Q_INIT_RESOURCE must be used outside any namespace.
static void initSpillwayResources()
{
    Q_INIT_RESOURCE(spillway_data);
}

namespace spillway {

void initBundledResources()
{
    static const bool done = [] {
        initSpillwayResources();
        return true;
    }();
    Q_UNUSED(done)
}

std::vector<std::string_view> dictionaryLines(std::string_view text)
{
    std::vector<std::string_view> lines;
    size_t start = 0;
    while (start < text.size()) {
        size_t end = text.find('\n', start);
        if (end == std::string_view::npos)
            end = text.size();
        std::string_view line = text.substr(start, end - start);
        start = end + 1;
        if (!line.empty() && line.back() == '\r')
            line.remove_suffix(1);
        lines.push_back(line);
    }
    return lines;
}

namespace {

std::vector<std::string_view> wordLines(std::string_view text)
{
    std::vector<std::string_view> words;
    for (std::string_view line : dictionaryLines(text)) {
        while (!line.empty() && (line.back() == ' ' || line.back() == '\t'))
            line.remove_suffix(1);
        while (!line.empty() && (line.front() == ' ' || line.front() == '\t'))
            line.remove_prefix(1);
        if (!line.empty() && line.front() != '#' && line.size() <= WordList::kMaxWordLength)
            words.push_back(line);
    }
    return words;
}

} // namespace

WordList WordList::fromText(std::string_view text)
{
    const std::vector<std::string_view> lines = wordLines(text);
    if (lines.empty())
        return fromText("data\nrow\ncolumn\ntable\nvalue\nquery\nindex\nschema\n");
    // Slots first, then the words that do not fit one, then padding so that every slot and
    // every word can be read kSlot bytes at a time.
    std::string buffer(lines.size() * kSlot, '\0');
    std::vector<size_t> offsets;
    for (size_t i = 0; i < lines.size(); ++i) {
        buffer.replace(i * kSlot, std::min(lines[i].size(), kSlot), lines[i].data(),
                       std::min(lines[i].size(), kSlot));
        offsets.push_back(i * kSlot);
        if (lines[i].size() > kSlot) {
            offsets.back() = buffer.size();
            buffer.append(lines[i]);
        }
    }
    buffer.append(kSlot, '\0');
    WordList list;
    list.m_buffer = std::make_unique<const std::string>(std::move(buffer));
    for (size_t i = 0; i < lines.size(); ++i) {
        const size_t n = lines[i].size();
        list.m_words.emplace_back(list.m_buffer->data() + offsets[i], n);
        list.m_lengths.push_back(uint8_t(n));
        if (list.m_maxLength && n != list.m_maxLength)
            list.m_variedLengths = true;
        list.m_maxLength = std::max(list.m_maxLength, n);
    }
    return list;
}

const WordList &WordList::instance()
{
    static const WordList list = [] {
        initBundledResources();
        QFile file(QStringLiteral(":/spillway/dictionaries/words.txt"));
        if (!file.open(QIODevice::ReadOnly)) {
            qWarning("spillway: the bundled word list is missing; using a built-in fallback");
            return fromText({});
        }
        const QByteArray bytes = file.readAll();
        return fromText(std::string_view(bytes.constData(), size_t(bytes.size())));
    }();
    return list;
}

} // namespace spillway
