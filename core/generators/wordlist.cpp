#include "wordlist.h"

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

WordList WordList::fromText(std::string text)
{
    WordList list;
    list.m_buffer = std::make_unique<const std::string>(std::move(text));
    const std::string_view all(*list.m_buffer);
    size_t start = 0;
    while (start < all.size()) {
        size_t end = all.find('\n', start);
        if (end == std::string_view::npos)
            end = all.size();
        std::string_view line = all.substr(start, end - start);
        start = end + 1;
        while (!line.empty() && (line.back() == '\r' || line.back() == ' ' || line.back() == '\t'))
            line.remove_suffix(1);
        while (!line.empty() && (line.front() == ' ' || line.front() == '\t'))
            line.remove_prefix(1);
        if (line.empty() || line.front() == '#')
            continue;
        list.m_words.push_back(line);
    }
    if (list.m_words.empty())
        return fromText("data\nrow\ncolumn\ntable\nvalue\nquery\nindex\nschema\n");
    for (std::string_view w : list.m_words) {
        if (list.m_maxLength && w.size() != list.m_maxLength)
            list.m_variedLengths = true;
        list.m_maxLength = std::max(list.m_maxLength, w.size());
    }
    return list;
}

const WordList &WordList::instance()
{
    static const WordList list = [] {
        initSpillwayResources();
        QFile file(QStringLiteral(":/spillway/dictionaries/words.txt"));
        if (!file.open(QIODevice::ReadOnly)) {
            qWarning("spillway: the bundled word list is missing; using a built-in fallback");
            return fromText({});
        }
        const QByteArray bytes = file.readAll();
        return fromText(std::string(bytes.constData(), size_t(bytes.size())));
    }();
    return list;
}

} // namespace spillway
