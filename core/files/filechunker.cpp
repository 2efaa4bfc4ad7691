#include "files/filechunker.h"

#include "files/copybinary.h"
#include "files/datastream.h"
#include "files/dirtymanifest.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <algorithm>
#include <cstring>
#include <optional>
#include <vector>

namespace spillway {

QStringList FileChunker::expand(const QStringList &paths, QString *error)
{
    QStringList files;
    for (const QString &path : paths) {
        const QFileInfo info(path);
        if (info.isDir()) {
            const QStringList entries =
                QDir(path).entryList(QDir::Files | QDir::Readable, QDir::Name);
            for (const QString &e : entries) {
                if (e != DirtyManifest::fileName()) // generate's list of dirty rows, not data
                    files.append(QDir(path).filePath(e));
            }
            if (entries.isEmpty() && error)
                *error = QStringLiteral("folder '%1' holds no readable files").arg(path);
        } else if (!info.exists()) {
            if (error)
                *error = QStringLiteral("'%1' does not exist: check the path").arg(path);
        } else if (!info.isReadable()) {
            if (error)
                *error = QStringLiteral("cannot read '%1': check its permissions").arg(path);
        } else {
            files.append(path);
        }
    }
    return files;
}

namespace {

// Scans one file, appending chunks that end on record boundaries.
class Scanner
{
public:
    Scanner(const FileChunkerOptions &o, FileChunkPlan &plan)
        : m_o(o)
        , m_plan(plan)
    {}

    bool scanFile(int file, const std::atomic<bool> *cancelled)
    {
        DataStream f(m_o.files[file]);
        if (!f.open()) {
            m_plan.error = f.error();
            return false;
        }
        m_file = file;
        m_chunkStart = 0;
        m_chunkRows = 0;
        m_fileRecords = 0;
        m_lines = 0;
        m_chunkLine = 1;
        while (m_fixed < m_o.fixedRanges.size() && m_o.fixedRanges[m_fixed].file < file)
            ++m_fixed;
        m_inQuotes = false;
        m_escape = false;
        m_pos = 0;
        m_recordStart = 0;
        m_needHeader = m_o.header && !m_o.binary;
        std::optional<BinaryCopyWalker> walker;
        if (m_o.binary)
            walker.emplace([this](BinaryCopyWalker::Event e, qint64 at) { binaryEvent(e, at); });
        std::vector<char> buffer(size_t(1) << 20);
        for (;;) {
            if (cancelled && *cancelled)
                return false;
            const qint64 n = f.read(buffer.data(), qint64(buffer.size()));
            if (n < 0) {
                m_plan.error = f.error();
                return false;
            }
            if (n == 0)
                break;
            if (walker && !walker->feed(buffer.data(), n, m_pos))
                return binaryError(*walker);
            if (!walker)
                consume(buffer.data(), n);
            else
                m_pos += n;
        }
        if (walker && !walker->finish())
            return binaryError(*walker);
        if (!walker && m_needHeader && m_pos > 0)
            endRecord(m_pos); // a header without a final newline (or quote) is still the header
        if (!walker && m_pos > m_chunkStart) {
            // A last record without a final newline still counts.
            if (m_pos > m_recordStart) {
                ++m_chunkRows;
                ++m_fileRecords;
            }
            close(m_pos, fixedEndingAt(m_fileRecords));
        }
        m_plan.totalBytes += m_pos;
        m_plan.fileRecords.append(m_fileRecords);
        return true;
    }

private:
    bool binaryError(const BinaryCopyWalker &walker)
    {
        m_plan.error = QStringLiteral("cannot load '%1' as binary COPY: %2; write it again, or "
                                      "load it with the --format it was written in")
                           .arg(m_o.files[m_file], walker.error());
        return false;
    }

    // A binary COPY file's tuples are records and their numbers its "lines".
    void binaryEvent(BinaryCopyWalker::Event e, qint64 at)
    {
        switch (e) {
        case BinaryCopyWalker::Event::DataStart:
            m_chunkStart = at;
            m_chunkLine = qint64(m_fileRecords) + 1;
            break;
        case BinaryCopyWalker::Event::TupleEnd:
            m_lines = m_fileRecords + 1;
            endRecord(at);
            break;
        case BinaryCopyWalker::Event::Trailer:
            close(at, fixedEndingAt(m_fileRecords));
            break;
        }
    }

    void consume(const char *data, qint64 n)
    {
        if (m_needHeader)
            consumeBytes(data, n); // the first buffer: collect the header text too
        else if (m_o.csv)
            consumeCsv(data, n);
        else
            consumeText(data, n);
        m_pos += n;
    }

    // The fixed range of this file that ends after `records` records, or -1.
    int fixedEndingAt(uint64_t records) const
    {
        if (m_fixed >= m_o.fixedRanges.size())
            return -1;
        const RecordRange &r = m_o.fixedRanges[m_fixed];
        return r.file == m_file && r.first + r.count == records ? int(m_fixed) : -1;
    }

    void consumeBytes(const char *data, qint64 n)
    {
        for (qint64 i = 0; i < n; ++i) {
            const char c = data[i];
            if (m_needHeader)
                m_headerText.append(c);
            if (c == '\n')
                ++m_lines;
            if (m_o.csv) {
                if (c == m_o.quote)
                    m_inQuotes = !m_inQuotes;
                else if (c == '\n' && !m_inQuotes)
                    endRecord(m_pos + i + 1);
            } else if (m_escape) {
                m_escape = false;
            } else if (c == '\\') {
                m_escape = true;
            } else if (c == '\n') {
                endRecord(m_pos + i + 1);
            }
        }
    }

    // memchr jumps from quote to quote and newline to newline: gigabytes per second.
    void consumeCsv(const char *data, qint64 n)
    {
        const char *p = data, *end = data + n;
        while (p < end) {
            if (m_inQuotes) {
                const char *q =
                    static_cast<const char *>(std::memchr(p, m_o.quote, size_t(end - p)));
                // Newlines inside quotes are lines but not record ends: counted here.
                m_lines += uint64_t(std::count(p, q ? q : end, '\n'));
                if (!q)
                    return;
                m_inQuotes = false;
                p = q + 1;
                continue;
            }
            const char *nl = static_cast<const char *>(std::memchr(p, '\n', size_t(end - p)));
            const char *limit = nl ? nl : end;
            const char *q = static_cast<const char *>(std::memchr(p, m_o.quote, size_t(limit - p)));
            if (q) {
                m_inQuotes = true;
                p = q + 1;
            } else if (nl) {
                ++m_lines;
                endRecord(m_pos + (nl - data) + 1);
                p = nl + 1;
            } else {
                return;
            }
        }
    }

    // COPY text and TSV: a newline ends a record unless an odd run of backslashes escapes it.
    void consumeText(const char *data, qint64 n)
    {
        qint64 i = 0;
        while (i < n) {
            const char *nl = static_cast<const char *>(std::memchr(data + i, '\n', size_t(n - i)));
            const qint64 k = nl ? nl - data : n;
            qint64 j = k;
            while (j > i && data[j - 1] == '\\')
                --j;
            const qint64 run = (k - j) + (j == i && m_escape ? 1 : 0);
            if (!nl) {
                m_escape = run % 2 == 1;
                return;
            }
            m_escape = false;
            ++m_lines; // an escaped newline is a line too
            if (run % 2 == 0)
                endRecord(m_pos + k + 1);
            i = k + 1;
        }
    }

    void endRecord(qint64 end)
    {
        m_recordStart = end;
        if (m_needHeader) {
            m_needHeader = false;
            m_plan.headers.append(QString::fromUtf8(m_headerText).trimmed());
            m_headerText.clear();
            m_chunkStart = end; // the header is not data
            m_chunkLine = qint64(m_lines) + 1;
            return;
        }
        ++m_chunkRows;
        ++m_fileRecords;
        if (m_fixed < m_o.fixedRanges.size() && m_o.fixedRanges[m_fixed].file == m_file) {
            // A committed range: cut right before and right after it, never inside.
            const RecordRange &r = m_o.fixedRanges[m_fixed];
            if (m_fileRecords == r.first) {
                close(end, -1);
                return;
            }
            if (m_fileRecords == r.first + r.count) {
                close(end, int(m_fixed));
                ++m_fixed;
                return;
            }
            if (m_fileRecords > r.first)
                return;
        }
        if (end - m_chunkStart >= m_o.chunkBytes)
            close(end, -1);
    }

    void close(qint64 end, int fixed)
    {
        FileChunk c;
        c.file = m_file;
        c.index = uint32_t(m_plan.chunks.size());
        c.offset = m_chunkStart;
        c.length = end - m_chunkStart;
        c.firstRow = m_plan.totalRows;
        c.fileRecord = m_fileRecords - m_chunkRows;
        c.rows = m_chunkRows;
        c.line = m_chunkLine;
        c.fixed = fixed;
        if (c.length > 0)
            m_plan.chunks.append(c);
        m_plan.totalRows += m_chunkRows;
        m_chunkStart = end;
        m_chunkRows = 0;
        m_chunkLine = qint64(m_lines) + 1;
    }

    const FileChunkerOptions &m_o;
    FileChunkPlan &m_plan;
    int m_file = 0;
    qsizetype m_fixed = 0; // the next fixed range not passed yet
    qint64 m_pos = 0, m_chunkStart = 0, m_recordStart = 0, m_chunkLine = 1;
    uint64_t m_chunkRows = 0, m_fileRecords = 0, m_lines = 0;
    bool m_inQuotes = false, m_escape = false, m_needHeader = false;
    QByteArray m_headerText;
};

} // namespace

FileChunkPlan FileChunker::scan(const FileChunkerOptions &options,
                                const std::atomic<bool> *cancelled)
{
    FileChunkPlan plan;
    Scanner scanner(options, plan);
    for (int f = 0; f < options.files.size(); ++f) {
        if (!scanner.scanFile(f, cancelled))
            break;
    }
    return plan;
}

} // namespace spillway
