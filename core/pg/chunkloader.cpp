#include "pg/chunkloader.h"

#include "files/copybinary.h"
#include "pg/loadledger.h"

#include <QDir>
#include <QFileInfo>

namespace spillway {

namespace {

QByteArray csvField(QByteArray text)
{
    if (!text.contains(',') && !text.contains('"') && !text.contains('\n') && !text.contains('\r'))
        return text;
    text.replace("\"", "\"\"");
    return '"' + text + '"';
}

} // namespace

bool isDataError(const PgError &error)
{
    return !error.retryable && !error.connectionLost &&
           (error.sqlState.startsWith(QLatin1String("22")) ||
            error.sqlState.startsWith(QLatin1String("23")));
}

QString RejectWriter::add(const QStringList &fields, const QByteArray &row)
{
    std::lock_guard lock(m_mutex);
    if (!m_file.isOpen()) {
        m_file.setFileName(m_path);
        QDir().mkpath(QFileInfo(m_path).absolutePath());
        if (!m_file.open(QIODevice::WriteOnly | QIODevice::Truncate))
            return QStringLiteral("cannot write the reject file '%1': %2")
                .arg(m_path, m_file.errorString());
        m_file.write("file,line,record,column,sqlstate,message,row\n");
    }
    QByteArray line;
    for (const QString &f : fields)
        line += csvField(f.toUtf8()) + ',';
    line += csvField(row) + '\n';
    if (m_file.write(line) != line.size() || !m_file.flush())
        return QStringLiteral("cannot write the reject file '%1': %2")
            .arg(m_path, m_file.errorString());
    ++m_count;
    return {};
}

QString ChunkLoader::load(const FileChunk &chunk, const QByteArray &data)
{
    m_chunk = &chunk;
    m_data = &data;
    m_spans.clear();
    m_loaded = 0;
    return loadRange(0, int(chunk.rows));
}

void ChunkLoader::ensureSpans()
{
    if (m_spans.empty())
        m_spans = m_ctx.binary
                      ? tupleSpans(m_data->constData(), m_data->size())
                      : recordSpans(m_data->constData(), m_data->size(), m_ctx.csv, m_ctx.quote);
}

bool ChunkLoader::commitRange(int first, int last, QString *error)
{
    qint64 a = 0, b = m_data->size();
    if (!m_spans.empty()) {
        a = m_spans[size_t(first)].offset;
        b = m_spans[size_t(last)].offset;
    }
    const uint32_t id = m_ctx.nextChunk->fetch_add(1);
    const RecordRange range{m_chunk->file, m_chunk->fileRecord + uint64_t(first),
                            uint64_t(last - first)};
    // Binary COPY: the tuples between a header and a trailer of their own.
    const QByteArray &head = binaryCopyHeader(), &tail = binaryCopyTrailer();
    const char *pieces[3] = {head.constData(), m_data->constData() + a, tail.constData()};
    const size_t sizes[3] = {size_t(head.size()), size_t(b - a), size_t(tail.size())};
    const int skip = m_ctx.binary ? 0 : 1;
    const ChunkKey key{m_ctx.runId, m_ctx.table, id, m_chunk->firstRow + uint64_t(first),
                       range.count};
    const ChunkCommit commit{
        m_ctx.copySql, pieces + skip, sizes + skip, m_ctx.binary ? 3 : 1,
        LoadLedger::rangeSql(m_ctx.runId, id, range, b - a, chunkDigest(pieces[1], b - a))};
    *error = m_committer.commit(key, commit);
    if (!error->isEmpty())
        return false;
    m_loaded += range.count;
    return true;
}

QString ChunkLoader::loadRange(int first, int last)
{
    QString e;
    if (commitRange(first, last, &e))
        return {};
    const PgError error = m_committer.lastError();
    const QString file = m_ctx.files.value(m_chunk->file);
    if (!isDataError(error))
        return QStringLiteral("%1 (file '%2')").arg(e, file);
    ensureSpans();
    if (m_spans.size() != size_t(m_chunk->rows) + 1)
        return QStringLiteral("%1 (file '%2', from line %3)").arg(e, file).arg(m_chunk->line);
    if (!m_ctx.skipErrors)
        return describe(first, last, error) +
               QStringLiteral(". Fix the record in place and run again with --resume (records "
                              "already loaded are skipped), or load with --on-error skip to set "
                              "refused records aside");
    if (last - first == 1)
        return reject(first, error);
    const int mid = first + (last - first) / 2;
    if (QString half = loadRange(first, mid); !half.isEmpty())
        return half;
    return loadRange(mid, last);
}

// "'f.csv' line 12 (record 11)", or for binary COPY "'f.bin' tuple 11"; a range when the
// record is not known.
QString ChunkLoader::where(int first, int last, int r) const
{
    const QString file = m_ctx.files.value(m_chunk->file);
    if (m_ctx.binary)
        return r >= 0 ? QStringLiteral("'%1' tuple %2").arg(file).arg(m_chunk->line + r)
                      : QStringLiteral("'%1' tuples %2 to %3")
                            .arg(file)
                            .arg(m_chunk->line + first)
                            .arg(m_chunk->line + last - 1);
    if (r >= 0)
        return QStringLiteral("'%1' line %2 (record %3)")
            .arg(file)
            .arg(m_chunk->line + m_spans[size_t(r)].line)
            .arg(m_chunk->fileRecord + uint64_t(r) + 1);
    return QStringLiteral("'%1' lines %2 to %3 (records %4 to %5)")
        .arg(file)
        .arg(m_chunk->line + m_spans[size_t(first)].line)
        .arg(m_chunk->line + m_spans[size_t(last)].line - 1)
        .arg(m_chunk->fileRecord + uint64_t(first) + 1)
        .arg(m_chunk->fileRecord + uint64_t(last));
}

QString ChunkLoader::describe(int first, int last, const PgError &error) const
{
    const int r = recordAtCopyLine(m_spans, first, last, error.copyLine(), m_ctx.csv);
    QString text = where(first, last, r);
    if (const QString column = copyColumn(error.context); !column.isEmpty())
        text += QStringLiteral(", column %1").arg(column);
    return QStringLiteral("PostgreSQL refused %1: %2").arg(text, error.toString());
}

QString ChunkLoader::reject(int record, const PgError &error)
{
    const QString file = m_ctx.files.value(m_chunk->file);
    const qint64 line = m_chunk->line + m_spans[size_t(record)].line;
    QString message = error.message;
    if (!error.detail.isEmpty())
        message += QStringLiteral(" (%1)").arg(error.detail);
    const QStringList fields{file,
                             QString::number(line),
                             QString::number(m_chunk->fileRecord + uint64_t(record) + 1),
                             copyColumn(error.context),
                             error.sqlState,
                             message};
    const QByteArray row =
        m_ctx.binary
            ? m_data
                  ->mid(m_spans[size_t(record)].offset,
                        m_spans[size_t(record) + 1].offset - m_spans[size_t(record)].offset)
                  .toHex()
            : recordText(m_data->constData(), m_spans, record);
    if (QString e = m_ctx.rejects->add(fields, row); !e.isEmpty())
        return e;
    if (m_ctx.maxRejects >= 0 && qint64(m_ctx.rejects->count()) > m_ctx.maxRejects)
        return QStringLiteral("more than %1 records were refused (--max-rejects %1); the last: %2; "
                              "the refused records are in '%3': fix them in place and run again "
                              "with --resume, or raise --max-rejects")
            .arg(m_ctx.maxRejects)
            .arg(describe(record, record + 1, error), m_ctx.rejects->path());
    return {};
}

} // namespace spillway
