#include "files/dirtymanifest.h"

#include <QDir>

namespace spillway {
namespace {

// Length of the valid UTF-8 sequence at s (Unicode's table 3-7: no overlong forms, no
// surrogates, nothing above U+10FFFF), or 0.
size_t validSequence(const uchar *s, size_t n)
{
    const uchar c = s[0];
    if (c < 0x80)
        return 1;
    size_t length = 0;
    uchar low = 0x80, high = 0xBF;
    if (c >= 0xC2 && c <= 0xDF) {
        length = 2;
    } else if (c >= 0xE0 && c <= 0xEF) {
        length = 3;
        low = c == 0xE0 ? 0xA0 : 0x80;
        high = c == 0xED ? 0x9F : 0xBF;
    } else if (c >= 0xF0 && c <= 0xF4) {
        length = 4;
        low = c == 0xF0 ? 0x90 : 0x80;
        high = c == 0xF4 ? 0x8F : 0xBF;
    } else {
        return 0;
    }
    if (n < length || s[1] < low || s[1] > high)
        return 0;
    for (size_t i = 2; i < length; ++i) {
        if (s[i] < 0x80 || s[i] > 0xBF)
            return 0;
    }
    return length;
}

void appendString(QByteArray &out, const QString &s)
{
    const QByteArray utf8 = s.toUtf8();
    out.append('"');
    DirtyManifest::appendJsonBytes(out, utf8.constData(), size_t(utf8.size()));
    out.append('"');
}

} // namespace

void DirtyManifest::appendJsonBytes(QByteArray &out, const char *s, size_t n)
{
    static const char hex[] = "0123456789abcdef";
    const auto *u = reinterpret_cast<const uchar *>(s);
    for (size_t i = 0; i < n;) {
        const size_t length = validSequence(u + i, n - i);
        if (length > 1) {
            out.append(s + i, qsizetype(length));
            i += length;
            continue;
        }
        const uchar c = u[i++];
        if (length == 0) { // \xNN, its backslash escaped for JSON
            out.append("\\\\x");
            out.append(hex[c >> 4]);
            out.append(hex[c & 15]);
        } else if (c == '"' || c == '\\') {
            out.append('\\');
            out.append(char(c));
        } else if (c < 0x20) {
            out.append("\\u00");
            out.append(hex[c >> 4]);
            out.append(hex[c & 15]);
        } else {
            out.append(char(c));
        }
    }
}

QByteArray DirtyManifest::line(const DirtyManifestEntry &e)
{
    QByteArray out;
    out.reserve(qsizetype(e.size) + 160);
    out.append("{\"file\":");
    appendString(out, e.file);
    out.append(",\"line\":").append(QByteArray::number(e.line));
    if (e.lines > 1)
        out.append(",\"lines\":").append(QByteArray::number(e.lines));
    out.append(",\"record\":").append(QByteArray::number(e.record));
    out.append(",\"table\":");
    appendString(out, e.table);
    out.append(",\"row\":").append(QByteArray::number(e.row));
    out.append(",\"column\":");
    if (e.column.isEmpty())
        out.append("null");
    else
        appendString(out, e.column);
    out.append(",\"kind\":");
    appendString(out, e.kind);
    out.append(",\"text\":\"");
    appendJsonBytes(out, e.text, e.size);
    out.append("\"}\n");
    return out;
}

QString DirtyManifest::open(const QString &directory)
{
    m_file.setFileName(QDir(directory).filePath(fileName()));
    if (!m_file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return QStringLiteral("cannot create the dirty-row manifest '%1': %2")
            .arg(m_file.fileName(), m_file.errorString());
    m_fileStart = 0;
    return {};
}

QString DirtyManifest::add(const DirtyManifestEntry &entry)
{
    const QByteArray text = line(entry);
    if (m_file.write(text) != text.size())
        return QStringLiteral("cannot write the dirty-row manifest '%1': %2")
            .arg(m_file.fileName(), m_file.errorString());
    return {};
}

QString DirtyManifest::dropFileLines()
{
    if (!m_file.isOpen())
        return {};
    if (!m_file.flush() || !m_file.resize(m_fileStart) || !m_file.seek(m_fileStart))
        return QStringLiteral("cannot update the dirty-row manifest '%1': %2")
            .arg(m_file.fileName(), m_file.errorString());
    return {};
}

QString DirtyManifest::close()
{
    if (!m_file.isOpen())
        return {};
    m_file.close();
    if (m_file.error() != QFileDevice::NoError)
        return QStringLiteral("cannot finish the dirty-row manifest '%1': %2")
            .arg(m_file.fileName(), m_file.errorString());
    return {};
}

} // namespace spillway
