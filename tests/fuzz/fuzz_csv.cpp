// Fuzz target: the record scanner that `load` uses to cut files into chunks
// (core/filechunker.*), for CSV and TSV/COPY text, with and without a header, checked against
// a byte-by-byte model: chunks cover each file exactly (past its header), end on record
// boundaries, and count every record once.
//
// Input: byte 0 holds flags (bit 0 csv, bit 1 header, bit 2 two files, bits 3-4 the quote),
// byte 1 the chunk size (1..256 bytes), byte 2 where a second file starts; the rest is data.

#include "files/filechunker.h"

#include <QDir>
#include <QFile>
#include <QHashFunctions>
#include <QTemporaryDir>

#include <cstdio>
#include <cstdlib>
#include <vector>

using namespace spillway;

namespace {

QTemporaryDir *folder = nullptr;

void check(bool condition, const char *what)
{
    if (!condition) {
        std::fprintf(stderr, "fuzz_csv: check failed: %s\n", what);
        std::abort();
    }
}

// The model: offsets just past each record's end (its newline, or the end of the file).
std::vector<qint64> recordEnds(const QByteArray &file, const FileChunkerOptions &o)
{
    std::vector<qint64> ends;
    bool quoted = false, escape = false;
    for (qsizetype i = 0; i < file.size(); ++i) {
        const char c = file[i];
        if (o.csv && c == o.quote) {
            quoted = !quoted;
        } else if (!o.csv && escape) {
            escape = false;
        } else if (!o.csv && c == '\\') {
            escape = true;
        } else if (c == '\n' && !quoted) {
            ends.push_back(i + 1);
        }
    }
    if (ends.empty() ? !file.isEmpty() : ends.back() < file.size())
        ends.push_back(file.size()); // a last record without a final newline
    return ends;
}

// Checks one file's chunks (from `next` on) against the model; returns the records counted.
uint64_t checkFile(const QByteArray &file, int index, const FileChunkerOptions &o,
                   const FileChunkPlan &plan, qsizetype &next, uint64_t rowsBefore)
{
    std::vector<qint64> ends = recordEnds(file, o);
    qint64 at = 0; // where data starts: past the header record, if any
    if (o.header && !ends.empty()) {
        at = ends.front();
        ends.erase(ends.begin());
    }
    size_t record = 0;
    for (; next < plan.chunks.size() && plan.chunks[next].file == index; ++next) {
        const FileChunk &c = plan.chunks[next];
        check(c.index == uint32_t(next), "chunk indexes count up from 0");
        check(c.offset == at, "chunks follow each other with no gap or overlap");
        check(c.length > 0, "no empty chunk");
        check(c.firstRow == rowsBefore + record, "firstRow counts the records before a chunk");
        at += c.length;
        uint64_t rows = 0;
        while (record < ends.size() && ends[record] <= at)
            ++record, ++rows;
        check(rows == c.rows, "a chunk counts the records that end in it");
        check(record > 0 && ends[record - 1] == at, "a chunk ends on a record boundary");
        const bool last = at == file.size();
        check(last || c.length >= o.chunkBytes, "only a file's last chunk is short");
    }
    check(at == file.size(), "the chunks cover the file up to its end");
    check(record == ends.size(), "every record is in a chunk");
    return record;
}

void scan(const QList<QByteArray> &files, FileChunkerOptions o)
{
    o.files.clear();
    for (qsizetype i = 0; i < files.size(); ++i) {
        const QString path = folder->filePath(QStringLiteral("f%1").arg(i));
        QFile f(path);
        check(f.open(QIODevice::WriteOnly | QIODevice::Truncate), "temporary file opens");
        check(f.write(files[i]) == files[i].size(), "temporary file is written");
        o.files.append(path);
    }
    const FileChunkPlan plan = FileChunker::scan(o);
    // A file that starts like a gzip or zstd stream is read as one (load takes compressed files):
    // the scan must not crash, and may refuse it; the text model does not apply.
    for (const QByteArray &file : files) {
        if (file.startsWith("\x1f\x8b") || file.startsWith("\x28\xb5\x2f\xfd"))
            return;
    }
    check(plan.error.isEmpty(), "scanning readable files succeeds");
    qsizetype next = 0;
    uint64_t rows = 0;
    qint64 bytes = 0;
    for (qsizetype i = 0; i < files.size(); ++i) {
        rows += checkFile(files[i], int(i), o, plan, next, rows);
        bytes += files[i].size();
    }
    check(next == plan.chunks.size(), "every chunk belongs to a file, in order");
    check(plan.totalRows == rows, "totalRows is the number of records");
    check(plan.totalBytes == bytes, "totalBytes is the size of the files");
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int *, char ***)
{
    QHashSeed::setDeterministicGlobalSeed();
    folder = new QTemporaryDir(QDir::tempPath() + QStringLiteral("/spillway-fuzz-csv-XXXXXX"));
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 3 || size > 64 * 1024)
        return 0;
    if (!folder)
        LLVMFuzzerInitialize(nullptr, nullptr);
    FileChunkerOptions o;
    o.csv = data[0] & 1;
    o.header = data[0] & 2;
    static const char quotes[] = {'"', '\'', '|', '\\'};
    o.quote = quotes[(data[0] >> 3) & 3];
    o.chunkBytes = 1 + data[1];
    const QByteArray all(reinterpret_cast<const char *>(data + 3), qsizetype(size - 3));
    QList<QByteArray> files{all};
    if (data[0] & 4) {
        const qsizetype cut = all.isEmpty() ? 0 : data[2] % (all.size() + 1);
        files = {all.left(cut), all.mid(cut)};
    }
    // SPILLWAY_FUZZ_SKIP_UNENDED_HEADER=1 skips inputs with a header record that never ends
    // (docs/RELIABILITY.md, F4), so that a campaign can go past that known finding.
    static const bool skipUnended = qEnvironmentVariableIsSet("SPILLWAY_FUZZ_SKIP_UNENDED_HEADER");
    if (skipUnended && o.header) {
        for (const QByteArray &file : files) {
            const std::vector<qint64> ends = recordEnds(file, o);
            if (!ends.empty() && ends.front() == file.size())
                return 0;
        }
    }
    scan(files, o);
    return 0;
}
