// The verifier's dirty-row checks: with the manifest of the files the pipeline loaded, which
// dirty rows got in (by kind), and with the pipeline's reject file, which it did not report.
// Clean rows missing are found by the table comparison itself: the expected digests leave the
// dirty rows out (verifydigest.h).

#include "pg/database.h"
#include "pg/verifier.h"
#include "pg/verifiertable.h"

#include <map>

namespace spillway {
namespace {

// Keys go to the server in batches of this many.
constexpr int kBatch = 1000;

// The row whose key a dirty record carries: its own, or for a duplicate the clean row it
// repeats.
std::optional<uint64_t> keyRow(const DirtyRecord &r, const DirtyRows *dirty)
{
    if (r.kind != QLatin1String("duplicate"))
        return r.row;
    return dirty ? dirty->duplicateSource(r.row) : std::nullopt;
}

// The extra rows located row by row say which dirty rows they are.
void noteDirtyExtras(const QHash<QString, QString> &loaded, VerifyTableReport &report)
{
    for (VerifyDifference &d : report.differences) {
        if (d.kind == VerifyDifference::Kind::ExtraRow && loaded.contains(d.key))
            d.note = d.note.isEmpty() ? loaded.value(d.key)
                                      : d.note + QStringLiteral("; ") + loaded.value(d.key);
    }
}

} // namespace

QString Verifier::loadDirtyLists(VerifyReport &report)
{
    if (m_options.manifestPath.isEmpty())
        return {};
    QString error;
    auto records = DirtyRecords::load(m_options.manifestPath, &error);
    if (!records)
        return error;
    report.manifest = m_options.manifestPath;
    // The plan must skip the same rows the files have dirty: same seed, rows and --dirty.
    for (const DirtyRecord &r : std::as_const(records->records)) {
        const int table = m_plan->schema()->tableIndex(r.table);
        if (table < 0 || !m_plan->tablePlan(table))
            continue;
        ++report.dirtyRows;
        const auto dirty = m_plan->dirtyRows(table);
        if (!dirty || !dirty->isDirty(r.row))
            return QStringLiteral("%1 lists %2 (row %3 of %4) as dirty, but this plan writes it "
                                  "clean: give verify the --seed, --rows/--scale and --dirty/"
                                  "--dirty-kinds of the run that wrote the files")
                .arg(m_options.manifestPath, r.where())
                .arg(r.row)
                .arg(r.table);
    }
    m_dirty = std::make_shared<DirtyRecords>(std::move(*records));
    return {};
}

QString Verifier::dirtyKeys(const Table &t, const std::vector<uint64_t> &rows,
                            std::map<uint64_t, QString> &keys) const
{
    const RowKey &key = *t.key;
    if (!key.byParent()) {
        for (uint64_t row : rows)
            keys.emplace(row, QString::number(key.keyOf(row)));
        return {};
    }
    // Keyed by parent: the parent row and ordinal come from generating the rows' chunks.
    const TablePlan *tp = m_plan->tablePlan(t.index);
    if (!tp)
        return {};
    RowBatch batch(int(t.runtime->columns.size()));
    auto wanted = rows.begin();
    for (uint64_t c = tp->firstChunk; c < tp->firstChunk + tp->chunkCount && wanted != rows.end();
         ++c) {
        const ChunkSpec &chunk = m_plan->chunks()[qsizetype(c)];
        if (*wanted >= chunk.firstRow + chunk.rowCount)
            continue;
        m_plan->generateChunk(chunk, batch, [&](const RowBatch &b) {
            for (uint32_t i = 0; i < b.count; ++i) {
                if (wanted != rows.end() && *wanted == b.firstRow + i) {
                    keys.emplace(*wanted, QStringLiteral("%1, %2")
                                              .arg(key.keyOf(b.parentRows[i]))
                                              .arg(key.ordinalStart + int64_t(b.ordinals[i])));
                    ++wanted;
                }
            }
        });
    }
    return {};
}

QString Verifier::countKeys(const Table &t, const QStringList &keys,
                            QHash<QString, uint64_t> &counts)
{
    const QString k = t.quoted(size_t(t.keyColumn));
    const bool pair = t.ordinalColumn >= 0;
    const QString o = pair ? t.quoted(size_t(t.ordinalColumn)) : QString();
    for (qsizetype from = 0; from < keys.size(); from += kBatch) {
        QStringList values;
        for (const QString &key : keys.mid(from, kBatch))
            values.append(pair ? QStringLiteral("(%1)").arg(key) : key);
        const QString sql =
            pair ? QStringLiteral("SELECT %1::text || ', ' || %2::text, count(*) FROM %3 WHERE "
                                  "(%1, %2) IN (%4) GROUP BY %1, %2")
                       .arg(k, o, t.relation, values.join(QStringLiteral(", ")))
                 : QStringLiteral("SELECT %1::text, count(*) FROM %2 WHERE %1 IN (%3) GROUP BY %1")
                       .arg(k, t.relation, values.join(QStringLiteral(", ")));
        QList<QStringList> rows;
        if (const QString e = m_db->query(sql, &rows); !e.isEmpty())
            return e;
        for (const QStringList &row : std::as_const(rows))
            counts.insert(row.value(0), row.value(1).toULongLong());
    }
    return {};
}

QString Verifier::checkDirtyRows(Table &t, VerifyTableReport &report)
{
    if (!m_dirty)
        return {};
    const QList<int> indexes = m_dirty->byTable.value(t.runtime->name);
    report.dirtyRows = uint64_t(indexes.size());
    if (indexes.isEmpty())
        return {};
    if (!canLocate(t)) {
        if (report.foundRows > report.expectedRows)
            report.notes.append(QStringLiteral("%1 row(s) more than the clean rows: dirty rows "
                                               "may have got in (without a sequence key they "
                                               "cannot be named)")
                                    .arg(report.foundRows - report.expectedRows));
        return {};
    }
    // A dirty row got in when a row with its key is there; a duplicate repeats the key of the
    // last clean row before it, so it got in when that key is there twice.
    const auto dirty = m_plan->dirtyRows(t.index);
    std::vector<uint64_t> rows;
    for (int i : indexes) {
        if (const auto row = keyRow(m_dirty->records[i], dirty.get()))
            rows.push_back(*row);
    }
    std::sort(rows.begin(), rows.end());
    rows.erase(std::unique(rows.begin(), rows.end()), rows.end());
    std::map<uint64_t, QString> keys;
    if (const QString e = dirtyKeys(t, rows, keys); !e.isEmpty())
        return e;
    QStringList keyList;
    for (const auto &[row, key] : keys)
        keyList.append(key);
    QHash<QString, uint64_t> counts;
    if (const QString e = countKeys(t, keyList, counts); !e.isEmpty())
        return e;
    QHash<QString, QString> loaded; // key -> what the dirty row was
    for (int i : indexes) {
        const DirtyRecord &r = m_dirty->records[i];
        const bool duplicate = r.kind == QLatin1String("duplicate");
        const auto row = keyRow(r, dirty.get());
        const auto key = row ? keys.find(*row) : keys.end();
        if (key == keys.end() || counts.value(key->second) < (duplicate ? 2u : 1u))
            continue;
        VerifyDirtyCount::add(report.dirtyLoaded, r.kind,
                              QStringLiteral("%1 (%2)").arg(key->second, r.where()),
                              m_options.maxDifferences);
        loaded.insert(
            key->second,
            QStringLiteral("a dirty row that got in: %1, written at %2").arg(r.kind, r.where()));
    }
    noteDirtyExtras(loaded, report);
    return {};
}

QString Verifier::checkRejects(VerifyReport &report)
{
    if (!m_dirty || m_options.rejectsPath.isEmpty())
        return {};
    QString error;
    const auto rejects = RejectList::load(m_options.rejectsPath, &error);
    if (!rejects)
        return error;
    report.rejects = m_options.rejectsPath;
    report.rejectLines = rejects->lines;
    report.rejectLinesUnknown = rejects->unknownLines;
    report.unknownRejectLines = rejects->unknownExamples;
    QSet<QString> verified;
    for (const VerifyTableReport &t : std::as_const(report.tables))
        verified.insert(t.name);
    const std::vector<bool> matched = rejects->matched(m_dirty->records);
    for (int i = 0; i < m_dirty->records.size(); ++i) {
        const DirtyRecord &r = m_dirty->records[i];
        if (!verified.contains(r.table))
            continue;
        if (matched[size_t(i)]) {
            ++report.rejectsMatched;
            continue;
        }
        VerifyDirtyCount::add(report.notRejected, r.kind,
                              QStringLiteral("%1 (%2 row %3)").arg(r.where(), r.table).arg(r.row),
                              m_options.maxDifferences);
    }
    return {};
}

} // namespace spillway
