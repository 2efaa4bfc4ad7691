#include "pg/loadledger.h"

#include "files/chunkrecords.h"
#include "files/datastream.h"
#include "pg/database.h"
#include "pg/loadjob.h"
#include "schema/ddl.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>
#include <memory>

namespace spillway {

namespace {

QJsonObject runSettings(const LoadOptions &o, const QStringList &files,
                        const QList<uint64_t> &records)
{
    QJsonArray list;
    for (qsizetype i = 0; i < files.size(); ++i) {
        QJsonObject f{{QStringLiteral("path"), QFileInfo(files[i]).absoluteFilePath()}};
        if (i < records.size())
            f.insert(QStringLiteral("records"), double(records[i]));
        list.append(f);
    }
    return {{QStringLiteral("kind"), QStringLiteral("load")},
            {QStringLiteral("files"), list},
            {QStringLiteral("table"), o.table},
            {QStringLiteral("format"), o.format},
            {QStringLiteral("chunk_bytes"), double(o.chunkBytes)},
            {QStringLiteral("header"), o.header}};
}

// What must match for a resume: kind, table, format, header and the list of files.
QString compareSettings(const QJsonObject &was, const QJsonObject &now, const QString &runId)
{
    for (const char *key : {"kind", "table", "format", "header"}) {
        const QString k = QString::fromLatin1(key);
        if (was.value(k) != now.value(k))
            return QStringLiteral("load '%1' was started with another %2 (%3): resume it with "
                                  "the same options, or start a new load without --resume")
                .arg(runId, k, was.value(k).toVariant().toString());
    }
    const QJsonArray a = was.value(QLatin1String("files")).toArray();
    const QJsonArray b = now.value(QLatin1String("files")).toArray();
    for (qsizetype i = 0; i < std::max(a.size(), b.size()); ++i) {
        const QString pa = a.at(i).toObject().value(QLatin1String("path")).toString();
        const QString pb = b.at(i).toObject().value(QLatin1String("path")).toString();
        if (pa != pb)
            return QStringLiteral("load '%1' was started with other files (file %2 was '%3', "
                                  "now '%4'): resume it with the same files and folders")
                .arg(runId)
                .arg(i + 1)
                .arg(pa, pb);
    }
    return {};
}

QString readCommitted(Database &db, LoadRun *run)
{
    QList<QStringList> rows;
    const QString id = Ddl::quoteLiteral(run->runId);
    if (QString e = db.query(QStringLiteral("SELECT file, first_record, records, digest FROM "
                                            "spillway.load_ranges WHERE run_id = %1 "
                                            "ORDER BY file, first_record")
                                 .arg(id),
                             &rows);
        !e.isEmpty())
        return e;
    for (const QStringList &r : rows) {
        run->committed.append(RecordRange{r[0].toInt(), r[1].toULongLong(), r[2].toULongLong()});
        run->digests.append(r[3]);
    }
    rows.clear();
    if (QString e = db.query(QStringLiteral("SELECT count(*), coalesce(max(chunk) + 1, 0) FROM "
                                            "spillway.ledger WHERE run_id = %1")
                                 .arg(id),
                             &rows);
        !e.isEmpty())
        return e;
    if (rows[0][0].toLongLong() != run->committed.size())
        return QStringLiteral("load '%1' was started by an older Spillway that did not record "
                              "its chunks' records: it cannot be resumed safely; empty the table "
                              "and load again without --resume")
            .arg(run->runId);
    run->nextChunk = rows[0][1].toUInt();
    return {};
}

} // namespace

QString LoadLedger::ensureTables(Database &db)
{
    return db.execute(QStringLiteral(
        "CREATE TABLE IF NOT EXISTS spillway.load_ranges (run_id text NOT NULL, chunk integer "
        "NOT NULL, file integer NOT NULL, first_record bigint NOT NULL, records bigint NOT NULL, "
        "bytes bigint NOT NULL, digest text NOT NULL, PRIMARY KEY (run_id, chunk))"));
}

QString LoadLedger::findRun(Database &db, const LoadOptions &options, const QStringList &files,
                            LoadRun *run)
{
    const QString hash = Ddl::quoteLiteral(QStringLiteral("load:") + options.table);
    const QString sql =
        options.runId.isEmpty()
            ? QStringLiteral("SELECT run_id, settings::text FROM spillway.runs WHERE schema_hash "
                             "= %1 AND status <> 'finished' ORDER BY started_at DESC LIMIT 1")
                  .arg(hash)
            : QStringLiteral("SELECT run_id, settings::text FROM spillway.runs WHERE run_id = %1 "
                             "AND schema_hash = %2")
                  .arg(Ddl::quoteLiteral(options.runId), hash);
    QList<QStringList> rows;
    if (QString e = db.query(sql, &rows); !e.isEmpty())
        return e;
    if (rows.isEmpty())
        return options.runId.isEmpty()
                   ? QStringLiteral("there is no unfinished load into '%1' to resume: run "
                                    "without --resume")
                         .arg(options.table)
                   : QStringLiteral("there is no load '%1' into '%2' to resume: check --run-id "
                                    "and --table")
                         .arg(options.runId, options.table);
    run->runId = rows[0][0];
    const QJsonObject was = QJsonDocument::fromJson(rows[0][1].toUtf8()).object();
    if (QString e = compareSettings(was, runSettings(options, files, {}), run->runId); !e.isEmpty())
        return e;
    for (const QJsonValue f : was.value(QLatin1String("files")).toArray())
        run->fileRecords.append(
            uint64_t(f.toObject().value(QLatin1String("records")).toDouble(-1)));
    return readCommitted(db, run);
}

QString LoadLedger::unfinishedNote(Database &db, const LoadOptions &options,
                                   const QStringList &files)
{
    QList<QStringList> rows;
    const QString sql =
        QStringLiteral("SELECT r.run_id, r.settings::text, (SELECT coalesce(sum(records), 0) FROM "
                       "spillway.load_ranges g WHERE g.run_id = r.run_id) FROM spillway.runs r "
                       "WHERE r.schema_hash = %1 AND r.status <> 'finished' ORDER BY "
                       "r.started_at DESC LIMIT 1")
            .arg(Ddl::quoteLiteral(QStringLiteral("load:") + options.table));
    if (!db.query(sql, &rows).isEmpty() || rows.isEmpty() || rows[0][2].toLongLong() == 0)
        return {};
    const QJsonObject was = QJsonDocument::fromJson(rows[0][1].toUtf8()).object();
    if (!compareSettings(was, runSettings(options, files, {}), rows[0][0]).isEmpty())
        return {};
    return QStringLiteral("load '%1' of the same files into '%2' did not finish (%3 records "
                          "committed) and this new load does not skip them; to finish that one "
                          "instead, cancel and run with --resume")
        .arg(rows[0][0], options.table, rows[0][2]);
}

QString LoadLedger::registerRun(Database &db, const LoadOptions &options, const QStringList &files,
                                const FileChunkPlan &plan, const QString &runId)
{
    const QString text =
        QString::fromUtf8(QJsonDocument(runSettings(options, files, plan.fileRecords))
                              .toJson(QJsonDocument::Compact));
    return db.execute(QStringLiteral("INSERT INTO spillway.runs (run_id, schema_hash, settings) "
                                     "VALUES (%1, %2, %3::jsonb)")
                          .arg(Ddl::quoteLiteral(runId),
                               Ddl::quoteLiteral(QStringLiteral("load:") + options.table),
                               Ddl::quoteLiteral(text)));
}

QString LoadLedger::rangeSql(const QString &runId, uint32_t chunk, const RecordRange &range,
                             qint64 bytes, const QString &digest)
{
    return QStringLiteral("INSERT INTO spillway.load_ranges (run_id, chunk, file, first_record, "
                          "records, bytes, digest) VALUES (%1, %2, %3, %4, %5, %6, '%7')")
        .arg(Ddl::quoteLiteral(runId))
        .arg(chunk)
        .arg(range.file)
        .arg(range.first)
        .arg(range.count)
        .arg(bytes)
        .arg(digest);
}

namespace {

const char kStartOver[] = "empty the table and load again without --resume (or load into a new "
                          "table)";

// Where the last unchanged committed records of a file end, as words for a message.
QString afterWords(qint64 line, uint64_t record)
{
    return line > 0 ? QStringLiteral(" after line %1 (record %2, the last record loaded and "
                                     "unchanged)")
                          .arg(line)
                          .arg(record)
                    : QString();
}

} // namespace

namespace {

// Checks a resume's committed ranges, file by file in order, remembering per file where the
// last unchanged committed records end (to say after which line a change lies).
class ResumeCheck
{
public:
    ResumeCheck(const LoadRun &run, const FileChunkPlan &plan, const QStringList &files,
                bool binary)
        : m_binary(binary)
        , m_run(run)
        , m_plan(plan)
        , m_files(files)
        , m_chunkOf(size_t(run.committed.size()), -1)
        , m_lastLine(size_t(files.size()), 0)
        , m_lastRecord(size_t(files.size()), 0)
    {
        for (qsizetype c = 0; c < plan.chunks.size(); ++c)
            if (plan.chunks[c].fixed >= 0)
                m_chunkOf[size_t(plan.chunks[c].fixed)] = int(c);
    }

    QString committedRange(qsizetype i)
    {
        const RecordRange &r = m_run.committed[i];
        const QString name = m_files.value(r.file);
        if (r.file >= m_files.size() || m_chunkOf[size_t(i)] < 0)
            return QStringLiteral("'%1' no longer holds records %2 to %3 as they were when load "
                                  "'%4' loaded them (it now holds %5 records): records were "
                                  "removed%6. Restore them, or start over: %7")
                .arg(name)
                .arg(r.first + 1)
                .arg(r.first + r.count)
                .arg(m_run.runId)
                .arg(m_plan.fileRecords.value(r.file))
                .arg(after(r.file), QLatin1String(kStartOver));
        const FileChunk &c = m_plan.chunks[m_chunkOf[size_t(i)]];
        if (!m_stream || m_stream->fileName() != name) {
            m_stream = std::make_unique<DataStream>(name);
            if (!m_stream->open())
                return m_stream->error();
        }
        m_bytes.resize(qsizetype(c.length));
        if (!m_stream->readAt(c.offset, c.length, m_bytes.data()))
            return m_stream->error();
        const qint64 endLine =
            m_binary ? c.line + qint64(c.rows) - 1
                     : c.line + std::count(m_bytes.cbegin(), m_bytes.cend(), '\n') - 1;
        if (chunkDigest(m_bytes.constData(), c.length) != m_run.digests[i])
            return QStringLiteral(
                       "'%1' lines %2 to %3 (records %4 to %5) were loaded by load '%6' already "
                       "but no longer hold the same bytes: a record among them was edited, or a "
                       "record was added or removed before them%7. Restore those records as they "
                       "were (fix only records not loaded yet), or start over: %8")
                .arg(name)
                .arg(c.line)
                .arg(endLine)
                .arg(r.first + 1)
                .arg(r.first + r.count)
                .arg(m_run.runId, after(r.file), QLatin1String(kStartOver));
        m_lastLine[size_t(r.file)] = endLine;
        m_lastRecord[size_t(r.file)] = r.first + r.count;
        return {};
    }

    QString recordCount(qsizetype f) const
    {
        const uint64_t was = m_run.fileRecords.value(f), now = m_plan.fileRecords.value(f);
        if (was == now)
            return {};
        return QStringLiteral("'%1' now holds %2 records, it held %3 when load '%4' started: a "
                              "record was added or removed%5. A resume needs the same records "
                              "(fix bad rows in place, keeping them): restore the record, or "
                              "start over: %6")
            .arg(m_files[f])
            .arg(now)
            .arg(was)
            .arg(m_run.runId, after(int(f)), QLatin1String(kStartOver));
    }

private:
    QString after(int file) const
    {
        return afterWords(m_lastLine[size_t(file)], m_lastRecord[size_t(file)]);
    }

    const bool m_binary;
    const LoadRun &m_run;
    const FileChunkPlan &m_plan;
    const QStringList &m_files;
    std::vector<int> m_chunkOf;     // committed range -> its chunk in the new plan
    std::vector<qint64> m_lastLine; // per file: last line of unchanged committed records
    std::vector<uint64_t> m_lastRecord;
    QByteArray m_bytes;
    std::unique_ptr<DataStream> m_stream; // committed ranges come in file order
};

} // namespace

QString LoadLedger::checkUnchanged(const LoadRun &run, const FileChunkPlan &plan,
                                   const QStringList &files, bool binary)
{
    ResumeCheck check(run, plan, files, binary);
    for (qsizetype i = 0; i < run.committed.size(); ++i)
        if (QString e = check.committedRange(i); !e.isEmpty())
            return e;
    for (qsizetype f = 0; f < files.size(); ++f)
        if (QString e = check.recordCount(f); !e.isEmpty())
            return e;
    return {};
}

} // namespace spillway
