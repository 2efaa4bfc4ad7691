#include "files/filesink.h"

#include "run/plan.h"

#include <QDir>
#include <QFileInfo>

#include <algorithm>
#include <cerrno>
#include <cstdio>

namespace spillway {

FileSink::FileSink(FileSinkOptions options)
    : m_options(std::move(options))
    , m_encoder(Encoder::create(m_options.format))
    , m_compressor(Compressor::create(m_options.compression, m_options.compressionLevel))
{}

FileSink::~FileSink()
{
    if (m_file && m_file->isOpen() && !isStdout()) {
        m_file->remove(); // an unfinished run leaves no partial file behind
        m_manifest.dropFileLines();
    }
}

const DirtyRows *FileSink::dirtyRowsOf(int table) const
{
    if (!m_dirty || table < 0 || size_t(table) >= m_dirty->size())
        return nullptr;
    return (*m_dirty)[size_t(table)].get();
}

QString FileSink::fileName(const QString &table, int part) const
{
    QString ext = FormatOptions::extension(m_options.format.format);
    if (m_options.compression != Compression::None)
        ext += QLatin1Char('.') + Compressor::extension(m_options.compression);
    QString base = table;
    // Table names are free text; keep file names to one path component.
    base.replace(QLatin1Char('/'), QLatin1Char('_')).replace(QLatin1Char('\\'), QLatin1Char('_'));
    if (base.startsWith(QLatin1Char('.')))
        base.prepend(QLatin1Char('_'));
    if (part > 0)
        return QStringLiteral("%1_%2.%3").arg(base).arg(part, 5, 10, QLatin1Char('0')).arg(ext);
    return QStringLiteral("%1.%2").arg(base, ext);
}

QString FileSink::dirtyRowsProblem(const FileSinkOptions &options)
{
    if (options.format.format == OutputFormat::PgBinary)
        return QStringLiteral("binary COPY files cannot hold dirty rows: write them in a text "
                              "format (--format csv, tsv, pgcopy or jsonl)");
    if (options.directory == QLatin1String("-"))
        return QStringLiteral("dirty rows need a folder for their manifest: write them with "
                              "--out FOLDER, not to standard output");
    return {};
}

QString FileSink::open(const Plan &plan)
{
    m_plan = &plan;
    if (plan.hasDirtyRows()) {
        if (QString problem = dirtyRowsProblem(m_options); !problem.isEmpty())
            return problem;
    }
    if (isStdout()) {
        if (plan.tables().size() != 1)
            return QStringLiteral("--out - streams exactly one table, but this run has %1: "
                                  "choose one with --table")
                .arg(plan.tables().size());
        if (m_options.splitBytes || m_options.splitRows)
            return QStringLiteral("--out - cannot be split: drop --split-rows/--split-bytes");
        return {};
    }
    QDir dir(m_options.directory);
    if (!dir.exists() && !QDir().mkpath(m_options.directory))
        return QStringLiteral("cannot create output folder '%1': check the path and your "
                              "permissions")
            .arg(m_options.directory);
    const QFileInfo info(m_options.directory);
    if (!info.isDir() || !info.isWritable())
        return QStringLiteral("output folder '%1' is not a writable folder: choose another --out")
            .arg(m_options.directory);
    if (!plan.hasDirtyRows()) {
        // A manifest left by an earlier dirty run would describe files that are now clean.
        QFile::remove(dir.filePath(DirtyManifest::fileName()));
        return {};
    }
    m_dirty = plan.dirtyTables(m_options.format.format);
    return m_manifest.open(m_options.directory);
}

QString FileSink::startFile()
{
    const QString table = m_plan->schema()->tables()[size_t(m_table)]->name;
    const bool split = m_options.splitRows || m_options.splitBytes;
    m_fileRows = 0;
    m_fileBytes = 0;
    m_file = std::make_unique<QFile>();
    if (isStdout()) {
        // The descriptor, not the FILE*: Qt writes a FILE* through stdio, whose buffering
        // swallowed write errors (a full disk went unreported and the run "succeeded").
        if (!m_file->open(fileno(stdout), QIODevice::WriteOnly | QIODevice::Unbuffered,
                          QFileDevice::DontCloseHandle))
            return QStringLiteral("cannot write to standard output: %1").arg(m_file->errorString());
    } else {
        ++m_part;
        m_finalName = QDir(m_options.directory).filePath(fileName(table, split ? m_part : 0));
        m_file->setFileName(m_finalName + QStringLiteral(".part"));
        if (!m_file->open(QIODevice::WriteOnly | QIODevice::Truncate | QIODevice::Unbuffered))
            return QStringLiteral("cannot create '%1': %2")
                .arg(m_file->fileName(), m_file->errorString());
    }
    if (m_compressor) {
        if (QString e = m_compressor->begin(); !e.isEmpty())
            return compressionError(e);
    }
    ByteBuffer header;
    m_encoder->writeHeader(*m_plan->schema()->tables()[size_t(m_table)], header);
    m_fileLines = uint64_t(std::count(header.data(), header.data() + header.size(), '\n'));
    m_manifest.beginFile();
    return writeBytes(header.data(), header.size());
}

QString FileSink::closeFile()
{
    if (!m_file)
        return {};
    ByteBuffer trailer;
    m_encoder->writeTrailer(trailer);
    QString error = writeBytes(trailer.data(), trailer.size());
    if (!error.isEmpty())
        return error;
    if (m_compressor) {
        m_compressed.clear();
        if (QString e = m_compressor->finish(m_compressed); !e.isEmpty())
            return compressionError(e);
        error = writeRaw(m_compressed.data(), m_compressed.size());
        if (!error.isEmpty())
            return error;
    }
    if (!isStdout()) {
        m_file->close();
        if (m_file->error() != QFileDevice::NoError)
            error = QStringLiteral("cannot finish '%1': %2")
                        .arg(m_file->fileName(), m_file->errorString());
        QFile::remove(m_finalName);
        if (error.isEmpty() && !m_file->rename(m_finalName))
            error = QStringLiteral("cannot rename '%1' to '%2': %3")
                        .arg(m_file->fileName(), m_finalName, m_file->errorString());
        if (error.isEmpty())
            m_outputs.append(m_finalName);
    } else if (!m_file->flush()) {
        error = QStringLiteral("cannot write standard output: %1").arg(m_file->errorString());
    } else {
        m_outputs.append(QStringLiteral("(standard output)"));
    }
    m_file.reset();
    return error;
}

QString FileSink::writeBytes(const char *data, size_t size)
{
    // Split limits count these bytes, as they are before compression.
    m_fileBytes += size;
    if (!m_compressor)
        return writeRaw(data, size);
    m_compressed.clear();
    if (QString e = m_compressor->compress(data, size, m_compressed); !e.isEmpty())
        return compressionError(e);
    const QString error = writeRaw(m_compressed.data(), m_compressed.size());
    // A large chunk should not pin its compressed size for the rest of the run.
    m_compressed.shrinkTo(1 << 20);
    return error;
}

QString FileSink::compressionError(const QString &error) const
{
    return QStringLiteral("%1 while writing %2")
        .arg(error, isStdout() ? QStringLiteral("standard output")
                               : QStringLiteral("'%1'").arg(m_finalName));
}

QString FileSink::writeRaw(const char *data, size_t size)
{
    size_t done = 0;
    while (done < size) {
        errno = 0;
        const qint64 n = m_file->write(data + done, qint64(size - done));
        if (n <= 0 && isStdout() && errno == EPIPE) {
            m_readerGone = true;
            return QStringLiteral("standard output was closed by its reader");
        }
        if (n <= 0) {
            const QString where = isStdout() ? QStringLiteral("standard output")
                                             : QStringLiteral("'%1'").arg(m_file->fileName());
            return isStdout()
                       ? QStringLiteral("cannot write %1: %2").arg(where, m_file->errorString())
                       : QStringLiteral("cannot write %1: %2; free some space or choose "
                                        "another --out (files already completed are kept)")
                             .arg(where, m_file->errorString());
        }
        done += size_t(n);
    }
    return {};
}

QString FileSink::write(EncodedChunk &chunk, int)
{
    if (chunk.table != m_table) {
        if (QString e = closeFile(); !e.isEmpty())
            return e;
        m_table = chunk.table;
        m_part = 0;
        if (QString e = startFile(); !e.isEmpty())
            return e;
    }
    if (!m_options.splitRows && !m_options.splitBytes && !dirtyRowsOf(chunk.table)) {
        m_fileRows += chunk.rows;
        return writeBytes(chunk.data.data(), chunk.data.size());
    }
    return writeRows(chunk);
}

QString FileSink::writeRows(EncodedChunk &chunk)
{
    // Cut the chunk at row boundaries wherever the current file reaches its limit, but not
    // before a dirty row: a duplicate must stay in the file of the row it repeats.
    const DirtyRows *dirty = dirtyRowsOf(chunk.table);
    size_t begin = 0;
    size_t row = 0;
    const size_t rows = chunk.rowEnds.size();
    while (row < rows) {
        size_t end = row;
        uint64_t bytes = m_fileBytes;
        uint64_t fileRows = m_fileRows;
        while (end < rows) {
            const size_t rowBytes = chunk.rowEnds[end] - (end ? chunk.rowEnds[end - 1] : 0);
            const bool full = ((m_options.splitRows && fileRows >= m_options.splitRows) ||
                               (m_options.splitBytes && fileRows > 0 &&
                                bytes + rowBytes > m_options.splitBytes)) &&
                              !(dirty && dirty->isDirty(chunk.firstRow + end));
            if (full)
                break;
            bytes += rowBytes;
            ++fileRows;
            ++end;
        }
        if (end > row) {
            const size_t stop = chunk.rowEnds[end - 1];
            if (QString e = writeBytes(chunk.data.data() + begin, stop - begin); !e.isEmpty())
                return e;
            if (dirty) {
                if (QString e = noteRows(chunk, row, end); !e.isEmpty())
                    return e;
            }
            m_fileRows = fileRows;
            begin = stop;
            row = end;
        }
        if (row < rows) {
            if (QString e = closeFile(); !e.isEmpty())
                return e;
            if (QString e = startFile(); !e.isEmpty())
                return e;
        }
    }
    return {};
}

QString FileSink::noteRows(const EncodedChunk &chunk, size_t first, size_t last)
{
    // Rows [first, last) of the chunk were just written to the current file, after m_fileRows
    // records and m_fileLines lines.
    const DirtyRows &dirty = *dirtyRowsOf(chunk.table);
    const char *data = chunk.data.data();
    const QString file = QFileInfo(m_finalName).fileName();
    for (size_t i = first; i < last; ++i) {
        const size_t from = i ? chunk.rowEnds[i - 1] : 0;
        const size_t to = chunk.rowEnds[i];
        const uint64_t lines = uint64_t(std::count(data + from, data + to, '\n'));
        const uint64_t row = chunk.firstRow + i;
        if (const auto hit = dirty.at(row)) {
            DirtyManifestEntry e;
            e.file = file;
            e.line = m_fileLines + 1;
            e.lines = lines;
            e.record = m_fileRows + (i - first) + 1;
            e.table = dirty.table().name;
            e.row = row;
            if (hit->column >= 0)
                e.column = dirty.table().columns[size_t(hit->column)].name;
            e.kind = dirtyKindName(hit->kind);
            e.text = data + from;
            e.size = to - from - (to > from && data[to - 1] == '\n');
            if (QString error = m_manifest.add(e); !error.isEmpty())
                return error;
        }
        m_fileLines += lines;
    }
    return {};
}

QString FileSink::finish(bool completed)
{
    if (!completed) {
        if (m_file && !isStdout()) {
            m_file->close();
            m_file->remove();
            m_manifest.dropFileLines(); // that file's rows are gone with it
        }
        m_file.reset();
        m_manifest.close();
        return {};
    }
    if (QString e = closeFile(); !e.isEmpty())
        return e;
    // Tables without rows this run (or this shard) had no chunks; they still get their file,
    // a header only, so whatever waits for one file per table finds it.
    for (const TablePlan &table : m_plan->tables()) {
        if (table.rows > 0)
            continue;
        m_table = table.table;
        m_part = 0;
        if (QString e = startFile(); !e.isEmpty())
            return e;
        if (QString e = closeFile(); !e.isEmpty())
            return e;
    }
    return m_manifest.close();
}

} // namespace spillway
