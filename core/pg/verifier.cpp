#include "pg/verifier.h"

#include "pg/verifiertable.h"

#include "pg/conninfo.h"
#include "pg/database.h"
#include "schema/ddl.h"
#include "verify/columncomparison.h"

#include <QElapsedTimer>
#include <QHash>
#include <QThreadPool>

namespace spillway {

namespace {

std::optional<Checksum> parseChecksum(const QString &text)
{
    if (text.isEmpty()) // sum() over no values is NULL
        return Checksum(0);
    Checksum value = 0;
    for (QChar c : text) {
        if (c < QLatin1Char('0') || c > QLatin1Char('9'))
            return std::nullopt;
        value = value * 10 + unsigned(c.unicode() - '0');
    }
    return value;
}

// A digest from an aggregate row (see Verifier::aggregates): count(*); per column count(c) and,
// with column checksums, sum(hash(c)) for predictable columns; then the row checksum.
TableDigest parseDigest(const QStringList &row, int offset,
                        const std::vector<DigestColumn> &columns, DigestKind kind)
{
    TableDigest digest(columns.size());
    int i = offset;
    digest.rows = row.value(i++).toULongLong();
    for (size_t k = 0; k < columns.size(); ++k) {
        digest.columns[k].nonNull = row.value(i++).toULongLong();
        if (hasColumnChecksums(kind) && columns[k].form.isPredictable())
            digest.columns[k].checksum = parseChecksum(row.value(i++)).value_or(~Checksum(0));
    }
    if (hasRowChecksum(kind) && i < row.size())
        digest.rowChecksum = parseChecksum(row.value(i)).value_or(~Checksum(0));
    return digest;
}

QString sqlInt(int64_t v)
{
    return QString::number(v);
}

} // namespace

Verifier::Verifier(QThreadPool *pool)
    : m_pool(pool ? pool : QThreadPool::globalInstance())
    , m_db(std::make_unique<Database>())
{}

Verifier::~Verifier() = default;

QString Verifier::run(std::shared_ptr<const Plan> plan, const VerifyOptions &options,
                      VerifyReport &report)
{
    QElapsedTimer timer;
    timer.start();
    m_plan = std::move(plan);
    m_options = options;
    report.seed = m_plan->schema()->seed();
    m_dirty.reset();
    if (const QString e = loadDirtyLists(report); !e.isEmpty())
        return e;
    if (const QString e = openSession(options.conninfo, report); !e.isEmpty())
        return e;
    for (const TablePlan &tp : m_plan->tables()) {
        Table t;
        t.index = tp.table;
        t.runtime = m_plan->schema()->tables()[size_t(tp.table)].get();
        t.relation = options.map.targetTable(t.runtime->name, options.dbSchema);
        t.key = VerifyDigest::rowKey(*m_plan->schema(), tp.table);
        VerifyTableReport tableReport;
        tableReport.name = t.runtime->name;
        tableReport.relation = t.relation;
        tableReport.expectedRows = tp.totalRows;
        QString e = describeTable(t, tableReport);
        if (e.isEmpty() && tableReport.exists)
            e = compareTable(t, tableReport);
        if (e.isEmpty() && tableReport.exists)
            e = checkDirtyRows(t, tableReport);
        if (!e.isEmpty())
            return QStringLiteral("verifying table %1: %2").arg(t.relation, e);
        report.tables.append(tableReport);
        report.seconds = double(timer.nsecsElapsed()) / 1e9;
        if (m_tableFinished)
            m_tableFinished(tableReport);
    }
    m_db->close();
    return checkRejects(report);
}

QString Verifier::openSession(const QString &conninfo, VerifyReport &report)
{
    report.database = ConnInfo::masked(conninfo);
    if (const QString e = m_db->open(conninfo); !e.isEmpty())
        return e;
    report.serverVersion = m_db->serverVersion();
    // The text forms verify predicts (pgtextform.h) are those of these settings.
    const QString e = m_db->execute(QStringList{
        QStringLiteral("SET DateStyle = 'ISO, YMD'"), QStringLiteral("SET TimeZone = 'UTC'"),
        QStringLiteral("SET extra_float_digits = 1"), QStringLiteral("SET bytea_output = 'hex'"),
        QStringLiteral("SET IntervalStyle = 'postgres'")});
    if (!e.isEmpty())
        return e;
    QString encoding;
    if (const QString e2 = m_db->queryValue(QStringLiteral("SHOW server_encoding"), &encoding);
        !e2.isEmpty())
        return e2;
    m_utf8 = encoding.compare(QLatin1String("UTF8"), Qt::CaseInsensitive) == 0;
    QString ctype;
    if (const QString e2 = m_db->queryValue(QStringLiteral("SHOW lc_ctype"), &ctype); !e2.isEmpty())
        return e2;
    // upper() and lower() in the C locale change ASCII letters only.
    m_unicodeCase = m_utf8 && ctype != QLatin1String("C") && ctype != QLatin1String("POSIX");
    return {};
}

QString Verifier::describeTable(Table &t, VerifyTableReport &report)
{
    const QString relation = Ddl::quoteLiteral(t.relation);
    QString exists;
    if (const QString e = m_db->queryValue(
            QStringLiteral("SELECT to_regclass(%1) IS NOT NULL").arg(relation), &exists);
        !e.isEmpty())
        return e;
    if (exists != QLatin1String("t")) {
        report.exists = false;
        const bool mapped = m_options.map.tables.contains(t.runtime->name) &&
                            !m_options.map.tables.value(t.runtime->name).target.isEmpty();
        report.notes.append(
            QStringLiteral("table %1 does not exist in the database%2")
                .arg(t.relation,
                     mapped ? QStringLiteral(" (the map's target for %1)").arg(t.runtime->name)
                     : m_options.dbSchema.isEmpty()
                         ? QStringLiteral(" (searched the search_path; set --db-schema if it is "
                                          "elsewhere)")
                         : QString()));
        return {};
    }
    // Domains count as their base type: their text is the base type's.
    QList<QStringList> rows;
    if (const QString e = m_db->query(
            QStringLiteral("SELECT a.attname, format_type(CASE WHEN ty.typtype = 'd' THEN "
                           "ty.typbasetype ELSE a.atttypid END, CASE WHEN ty.typtype = 'd' THEN "
                           "ty.typtypmod ELSE a.atttypmod END) FROM pg_attribute a JOIN pg_type "
                           "ty ON ty.oid = a.atttypid WHERE a.attrelid = to_regclass(%1) AND "
                           "a.attnum > 0 AND NOT a.attisdropped ORDER BY a.attnum")
                .arg(relation),
            &rows);
        !e.isEmpty())
        return e;
    QHash<QString, QString> types;
    for (const QStringList &row : rows)
        types.insert(row.value(0), row.value(1));
    matchColumns(t, types, report);
    QStringList known; // the target names of the schema's columns, dropped ones included
    for (int c : t.runtime->outputColumns) {
        const QString &name = t.runtime->columns[size_t(c)].name;
        const ColumnMapping *m = m_options.map.column(t.runtime->name, name);
        known.append(m && !m->target.isEmpty() ? m->target : name);
    }
    for (const QStringList &row : rows) {
        if (!known.contains(row.value(0)))
            report.notes.append(
                QStringLiteral("column %1 (%2) is not in the schema%3: not compared")
                    .arg(Ddl::quoteIdentifier(row.value(0)), row.value(1),
                         m_options.map.isEmpty() ? QString() : QStringLiteral(" nor in the map")));
    }
    return {};
}

void Verifier::matchColumns(Table &t, const QHash<QString, QString> &types,
                            VerifyTableReport &report)
{
    for (int c : t.runtime->outputColumns) {
        const ColumnRuntime &column = t.runtime->columns[size_t(c)];
        const QString target = m_options.map.targetColumn(t.runtime->name, column.name);
        if (target.isEmpty()) {
            report.notes.append(QStringLiteral("column %1 is dropped by the map: not compared")
                                    .arg(Ddl::quoteIdentifier(column.name)));
            continue;
        }
        VerifyColumnReport cr;
        cr.name = column.name;
        if (target != column.name)
            cr.target = target;
        cr.type = types.value(target, column.sqlType);
        cr.present = types.contains(target);
        if (!cr.present) {
            cr.note = target == column.name ? QStringLiteral("column is missing in the database")
                                            : QStringLiteral("column %1 is missing in the database")
                                                  .arg(Ddl::quoteIdentifier(target));
            report.columns.append(cr);
            continue;
        }
        const ColumnMapping *m = m_options.map.column(t.runtime->name, column.name);
        const ColumnComparison how = ColumnComparison::choose(
            column.name, column.sqlType, Ddl::quoteIdentifier(target), cr.type,
            m ? m->expr : QString(), m ? m->cast : QString(), m_unicodeCase);
        cr.checksumCompared = how.form.isPredictable();
        cr.note = how.note;
        if (t.key && t.key->column == c && !how.transform)
            t.keyColumn = int(t.columns.size());
        if (t.key && t.key->ordinalColumn == c && !how.transform)
            t.ordinalColumn = int(t.columns.size());
        t.columns.push_back({c, how.form, how.transform});
        t.targets.append(target);
        t.texts.append(how.text);
        t.converted.append(how.converts);
        t.dbTypes.append(cr.type);
        t.reportColumn.append(int(report.columns.size()));
        report.columns.append(cr);
    }
}

QString Verifier::hashExpression(const QString &text) const
{
    // The first 32 bits of md5 as a non-negative bigint; md5 of the UTF-8 bytes whatever the
    // server encoding.
    const QString bytes = m_utf8 ? text : QStringLiteral("convert_to(%1, 'UTF8')").arg(text);
    return QStringLiteral("('x' || substr(md5(%1), 1, 8))::bit(32)::bigint").arg(bytes);
}

QString Verifier::aggregates(const Table &t, DigestKind kind) const
{
    QStringList parts{QStringLiteral("count(*)")};
    QStringList fields; // of the row checksum: ROW(a::text, b::text)::text
    for (size_t k = 0; k < t.columns.size(); ++k) {
        parts.append(QStringLiteral("count(%1)").arg(t.quoted(k)));
        if (!t.columns[k].form.isPredictable())
            continue;
        const QString text = t.text(k);
        fields.append(text);
        if (hasColumnChecksums(kind))
            parts.append(QStringLiteral("sum(%1)").arg(hashExpression(text)));
    }
    if (hasRowChecksum(kind) && !fields.isEmpty())
        parts.append(QStringLiteral("sum(%1)").arg(hashExpression(
            QStringLiteral("ROW(%1)::text").arg(fields.join(QStringLiteral(", "))))));
    return parts.join(QStringLiteral(", "));
}

QString Verifier::digestTable(Table &t, DigestKind kind, TableDigest &expected, TableDigest &found)
{
    QFuture<TableDigest> expectedFuture =
        VerifyDigest::table(m_plan, t.index, t.columns, kind, m_pool);
    QList<QStringList> rows;
    const QString e = m_db->query(
        QStringLiteral("SELECT %1 FROM %2").arg(aggregates(t, kind), t.relation), &rows);
    if (!e.isEmpty()) {
        expectedFuture.cancel();
        expectedFuture.waitForFinished();
        return e;
    }
    expected = expectedFuture.result();
    expected.columns.resize(t.columns.size()); // a table without rows reduces nothing
    found = parseDigest(rows.value(0), 0, t.columns, kind);
    return {};
}

void Verifier::reportDigests(const Table &t, DigestKind kind, const TableDigest &expected,
                             const TableDigest &found, VerifyTableReport &report) const
{
    report.expectedRows = expected.rows;
    report.foundRows = found.rows;
    for (size_t k = 0; k < t.columns.size(); ++k) {
        VerifyColumnReport &cr = report.columns[t.reportColumn[int(k)]];
        cr.expectedNonNull = expected.columns[k].nonNull;
        cr.foundNonNull = found.columns[k].nonNull;
        cr.checksumMatch = expected.columns[k].checksum == found.columns[k].checksum;
    }
    if (hasRowChecksum(kind))
        report.rowChecksumMatch = expected.rowChecksum == found.rowChecksum;
}

bool Verifier::canLocate(const Table &t) const
{
    // Ranges are computed on the database's values: they must be integers there.
    const auto isInteger = [&t](int k) {
        return k >= 0 && t.columns[size_t(k)].form.family() == PgTextForm::Family::Integer &&
               PgTextForm::forType(t.dbTypes.at(k)).family() == PgTextForm::Family::Integer;
    };
    return t.key && isInteger(t.keyColumn) && (!t.key->byParent() || isInteger(t.ordinalColumn));
}

QString Verifier::compareTable(Table &t, VerifyTableReport &report)
{
    // A hash per row first: enough when the table matches, which is the common case.
    TableDigest expected, found;
    if (const QString e = digestTable(t, DigestKind::Rows, expected, found); !e.isEmpty())
        return explainFailure(t, e);
    reportDigests(t, DigestKind::Rows, expected, found, report);
    if (expected == found)
        return {};
    if (const QString e = findDuplicates(t, report); !e.isEmpty())
        return e;
    // It differs: hash column by column (per key range when rows can be located).
    if (!canLocate(t))
        report.notes.append(
            !t.key ? QStringLiteral("rows cannot be pinpointed: the table has no column generated "
                                    "by \"sequence\" (never null) whose value names each row, "
                                    "nor \"parent\" and \"ordinal\" columns under such a key; "
                                    "only the per-column counts and checksums tell what differs")
                   : QStringLiteral("rows cannot be pinpointed: the key columns are missing in "
                                    "the database or are not integers there"));
    const QString e = canLocate(t) ? locateDifferences(t, report) : compareColumns(t, report);
    if (e.isEmpty() && !report.rowChecksumMatch && report.columnsMatch() &&
        report.expectedRows == report.foundRows && report.differences.isEmpty())
        report.notes.append(QStringLiteral("every column holds the expected values, but not in "
                                           "the expected rows: values were moved between rows"));
    return e;
}

QString Verifier::explainFailure(const Table &t, const QString &error)
{
    // A found value that does not convert to the type it is compared as fails the whole query:
    // ask column by column which one it is.
    for (size_t k = 0; k < t.columns.size(); ++k) {
        if (!t.converted.at(int(k)))
            continue;
        QString ignored;
        const QString e = m_db->queryValue(
            QStringLiteral("SELECT count(%1) FROM %2").arg(t.text(k), t.relation), &ignored);
        if (e.isEmpty())
            continue;
        const DigestColumn &c = t.columns[k];
        const QString to =
            c.transform ? c.transform->resultType() : t.runtime->columns[size_t(c.column)].sqlType;
        return QStringLiteral("%1.%2: values of the target's type %3 (column %4) cannot be "
                              "converted to %5 to compare them: %6; declare what the column "
                              "holds with \"cast\" in the map, or drop it there (null)")
            .arg(t.runtime->name, t.columnName(k), t.dbTypes.at(int(k)), t.quoted(k), to,
                 e.section(QLatin1Char('\n'), 0, 0));
    }
    return error;
}

QString Verifier::findDuplicates(const Table &t, VerifyTableReport &report)
{
    // Rows that repeat another row whole: a load run twice, a restart without dedup.
    QStringList fields;
    for (size_t k = 0; k < t.columns.size(); ++k)
        fields.append(t.text(k));
    if (fields.isEmpty())
        return {};
    const QString row = QStringLiteral("ROW(%1)::text").arg(fields.join(QStringLiteral(", ")));
    QList<QStringList> rows;
    if (t.keyColumn < 0 || (t.key->byParent() && t.ordinalColumn < 0)) {
        // Without a key, slower: all rows against distinct rows, beyond the expected count.
        if (report.foundRows <= report.expectedRows)
            return {};
        if (const QString e = m_db->query(QStringLiteral("SELECT count(*) - count(DISTINCT %1) "
                                                         "FROM %2")
                                              .arg(row, t.relation),
                                          &rows);
            !e.isEmpty())
            return e;
        report.duplicates = std::min<uint64_t>(rows.value(0).value(0).toULongLong(),
                                               report.foundRows - report.expectedRows);
        return {};
    }
    QString group = t.quoted(size_t(t.keyColumn));
    if (t.ordinalColumn >= 0)
        group += QStringLiteral(", ") + t.quoted(size_t(t.ordinalColumn));
    const QString sql =
        QStringLiteral("SELECT k, d, sum(d) OVER () FROM (SELECT %1 AS k, %2, count(*) - "
                       "count(DISTINCT %3) AS d FROM %4 GROUP BY %2 HAVING count(*) > 1) g "
                       "WHERE d > 0 ORDER BY %2 LIMIT %5")
            .arg(t.keyTextSql(), group, row, t.relation)
            .arg(std::max(1, m_options.maxDifferences));
    if (const QString e = m_db->query(sql, &rows); !e.isEmpty())
        return e;
    for (const QStringList &r : std::as_const(rows)) {
        report.duplicates = r.value(2).toULongLong();
        if (report.duplicateKeys.size() < m_options.maxDifferences)
            report.duplicateKeys.append(r.value(0));
    }
    return {};
}

QString Verifier::compareColumns(Table &t, VerifyTableReport &report)
{
    TableDigest expected, found;
    if (const QString e = digestTable(t, DigestKind::Columns, expected, found); !e.isEmpty())
        return e;
    reportDigests(t, DigestKind::Columns, expected, found, report);
    return {};
}

void Verifier::chooseRanges(Table &t, VerifyTableReport &report) const
{
    const RowKey &key = *t.key;
    // Ranges of about rangeRows rows: by parent, of as many parents as hold that many rows.
    const TableRuntime &owner =
        key.byParent() ? *m_plan->schema()->tables()[size_t(t.runtime->parent)] : *t.runtime;
    const uint64_t perKey =
        key.byParent()
            ? std::max<uint64_t>(1, t.runtime->rowCount / std::max<uint64_t>(1, owner.rowCount))
            : 1;
    t.rangeSize = std::max<uint64_t>(1, m_options.rangeRows / perKey);
    t.keyCount = owner.rowCount;
    report.rangeSize = t.rangeSize;
    report.rangeCount = (t.keyCount + t.rangeSize - 1) / t.rangeSize;
    report.keyColumn = key.byParent() ? t.columnName(size_t(t.keyColumn)) + QStringLiteral(", ") +
                                            t.columnName(size_t(t.ordinalColumn))
                                      : t.columnName(size_t(t.keyColumn));
}

QString Verifier::rangeExpression(const Table &t) const
{
    // (key - start) / step / rangeSize in bigint arithmetic, which is several times faster
    // than numeric; keys off the sequence (or so far off that key - start would overflow) go
    // to range -1. CASE evaluates its branches in order.
    const RowKey &key = *t.key;
    const QString k = t.quoted(size_t(t.keyColumn));
    QString guard;
    if (key.step > 0 && key.start < 0)
        guard = QStringLiteral(" WHEN %1 > %2 THEN -1").arg(k, sqlInt(INT64_MAX + key.start));
    else if (key.step < 0 && key.start > 0)
        guard = QStringLiteral(" WHEN %1 < %2 THEN -1").arg(k, sqlInt(INT64_MIN + key.start));
    return QStringLiteral("CASE WHEN %1 IS NULL THEN -1%2 WHEN %1 %3 %4 THEN -1 WHEN (%1 - %4) % "
                          "%5 <> 0 THEN -1 ELSE (%1 - %4) / %5 / %6 END")
        .arg(k, guard, key.step > 0 ? QStringLiteral("<") : QStringLiteral(">"), sqlInt(key.start),
             sqlInt(key.step), QString::number(t.rangeSize));
}

QString Verifier::rangeCondition(const Table &t, int64_t range) const
{
    if (range < 0) // keys off the sequence
        return QStringLiteral("(%1) = -1").arg(rangeExpression(t));
    const RowKey &key = *t.key;
    const uint64_t first = uint64_t(range) * t.rangeSize;
    int64_t low = key.keyOf(first), high = key.keyOf(first + t.rangeSize - 1);
    if (low > high)
        std::swap(low, high);
    return QStringLiteral("%1 BETWEEN %2 AND %3")
        .arg(t.quoted(size_t(t.keyColumn)), sqlInt(low), sqlInt(high));
}

QString Verifier::locateDifferences(Table &t, VerifyTableReport &report)
{
    chooseRanges(t, report);
    const RowKey &key = *t.key;
    const QString range = rangeExpression(t);
    QFuture<BucketDigests> expectedFuture = VerifyDigest::buckets(
        m_plan, t.index, t.columns, key.byParent(), t.rangeSize, DigestKind::Rows, m_pool);
    // PostgreSQL cannot tell that the ranges are few and plans a sort of every row; hashing
    // them is about twice as fast.
    QList<QStringList> rows;
    QString e = m_db->execute(QStringLiteral("SET enable_sort = off"));
    if (e.isEmpty())
        e = m_db->query(QStringLiteral("SELECT %1, %2 FROM %3 GROUP BY 1")
                            .arg(range, aggregates(t, DigestKind::Rows), t.relation),
                        &rows);
    if (e.isEmpty())
        e = m_db->execute(QStringLiteral("RESET enable_sort"));
    if (!e.isEmpty()) {
        expectedFuture.cancel();
        expectedFuture.waitForFinished();
        return e;
    }
    const std::vector<int64_t> differing =
        differingRanges(t, expectedFuture.result(), rows, report);
    report.rangesDiffering = differing.size();
    if (const QString e2 = compareColumnsIn(t, differing, report); !e2.isEmpty())
        return e2;
    for (size_t i = 0; i < differing.size() && int(i) < m_options.maxRangesFetched &&
                       report.differences.size() < m_options.maxDifferences;
         ++i) {
        if (const QString e2 = compareRange(t, differing[i], report); !e2.isEmpty())
            return e2;
    }
    return {};
}

QString Verifier::compareColumnsIn(Table &t, const std::vector<int64_t> &ranges,
                                   VerifyTableReport &report)
{
    // Columns differ only where rows do: hash column by column there alone, unless that is
    // most of the table anyway.
    if (ranges.size() > 256 || ranges.size() * 4 > report.rangeCount)
        return compareColumns(t, report);
    QStringList where;
    std::vector<uint64_t> expectedRanges;
    for (int64_t r : ranges) {
        where.append(QStringLiteral("(%1)").arg(rangeCondition(t, r)));
        if (r >= 0)
            expectedRanges.push_back(uint64_t(r));
    }
    QFuture<TableDigest> expectedFuture =
        VerifyDigest::ranges(m_plan, t.index, t.columns, t.key->byParent(), t.rangeSize,
                             expectedRanges, DigestKind::Columns, m_pool);
    QList<QStringList> rows;
    const QString e = m_db->query(QStringLiteral("SELECT %1 FROM %2 WHERE %3")
                                      .arg(aggregates(t, DigestKind::Columns), t.relation,
                                           where.join(QStringLiteral(" OR "))),
                                  &rows);
    if (!e.isEmpty()) {
        expectedFuture.cancel();
        expectedFuture.waitForFinished();
        return e;
    }
    TableDigest expected = expectedFuture.result();
    expected.columns.resize(t.columns.size());
    const TableDigest found = parseDigest(rows.value(0), 0, t.columns, DigestKind::Columns);
    for (size_t k = 0; k < t.columns.size(); ++k)
        report.columns[t.reportColumn[int(k)]].checksumMatch =
            expected.columns[k].checksum == found.columns[k].checksum;
    return {};
}

std::vector<int64_t> Verifier::differingRanges(const Table &t, const BucketDigests &expected,
                                               const QList<QStringList> &rows,
                                               VerifyTableReport &report) const
{
    std::map<int64_t, TableDigest> found;
    TableDigest expectedTotal(t.columns.size()), foundTotal(t.columns.size());
    for (const QStringList &row : rows) {
        const TableDigest digest = parseDigest(row, 1, t.columns, DigestKind::Rows);
        foundTotal.merge(digest);
        found.emplace(row.value(0).toLongLong(), digest);
    }
    std::vector<int64_t> differing;
    for (const auto &[r, digest] : found) {
        const auto it = r < 0 ? expected.end() : expected.find(uint64_t(r));
        if (it == expected.end() || it->second != digest)
            differing.push_back(r);
    }
    for (const auto &[r, digest] : expected) {
        expectedTotal.merge(digest);
        if (!found.count(int64_t(r)))
            differing.push_back(int64_t(r));
    }
    // The sums of the ranges give the counts of the whole table.
    reportDigests(t, DigestKind::Rows, expectedTotal, foundTotal, report);
    std::sort(differing.begin(), differing.end());
    return differing;
}

QString Verifier::compareRange(Table &t, int64_t range, VerifyTableReport &report)
{
    const RowKey &key = *t.key;
    QStringList select;
    // Aliased: ORDER BY would otherwise sort by an output column of the key's name (its text).
    for (size_t c = 0; c < t.columns.size(); ++c)
        select.append(QStringLiteral("%1 AS v%2").arg(t.text(c)).arg(c));
    const QString order = QStringLiteral("%1 %2%3").arg(
        t.quoted(size_t(t.keyColumn)),
        key.step > 0 ? QStringLiteral("ASC") : QStringLiteral("DESC"),
        key.byParent() ? QStringLiteral(", ") + t.quoted(size_t(t.ordinalColumn)) : QString());
    const QString sql =
        QStringLiteral("SELECT %1 FROM %2 WHERE %3 ORDER BY %4 NULLS FIRST%5")
            .arg(select.join(QStringLiteral(", ")), t.relation, rangeCondition(t, range), order,
                 range < 0 ? QStringLiteral(" LIMIT %1").arg(m_options.maxDifferences) : QString());
    QList<QStringList> rows;
    if (const QString e = m_db->query(sql, &rows); !e.isEmpty())
        return e;
    compareRows(t, rows, range < 0 ? 0 : uint64_t(range) * t.rangeSize, range < 0, report);
    return {};
}

namespace {

// Adds a difference unless the table already lists enough.
struct DifferenceList
{
    VerifyTableReport &report;
    int limit;

    bool full() const { return report.differences.size() >= limit; }
    void add(VerifyDifference::Kind kind, const QString &key, const QString &note = QString())
    {
        if (full())
            return;
        VerifyDifference d;
        d.kind = kind;
        d.key = key;
        d.note = note;
        report.differences.append(d);
    }
    void changed(const QString &key, const QString &column, const QString &expected,
                 const QString &found)
    {
        if (full())
            return;
        VerifyDifference d;
        d.key = key;
        d.column = column;
        d.expected = expected;
        d.found = found;
        report.differences.append(d);
    }
};

bool sameText(const QString &a, const QString &b)
{
    return a.isNull() == b.isNull() && a == b;
}

// Lists the values of a row that differ; unpredictable columns only by being NULL or not.
void compareValues(const std::vector<DigestColumn> &columns, const QStringList &names,
                   const QString &key, const QStringList &want, const QStringList &got,
                   DifferenceList &list)
{
    for (size_t c = 0; c < columns.size(); ++c) {
        const QString &w = want.at(int(c));
        const QString &g = got.at(int(c));
        const bool differs =
            columns[c].form.isPredictable() ? !sameText(w, g) : w.isNull() != g.isNull();
        if (differs)
            list.changed(key, names.at(int(c)), w, g);
    }
}

} // namespace

void Verifier::compareRows(Table &t, const QList<QStringList> &found, uint64_t first,
                           bool offSequence, VerifyTableReport &report)
{
    using Kind = VerifyDifference::Kind;
    DifferenceList list{report, m_options.maxDifferences};
    for (const QStringList &row : offSequence ? found : QList<QStringList>())
        list.add(Kind::ExtraRow, t.keyText(row),
                 row.value(t.keyColumn).isNull()
                     ? QStringLiteral("the key is NULL")
                     : QStringLiteral("the key is not in the sequence"));
    if (offSequence)
        return;
    const RowKey &key = *t.key;
    const std::vector<ExpectedRow> expected =
        VerifyDigest::rows(*m_plan, t.index, t.columns, key.byParent(), first, t.rangeSize);
    QStringList names;
    for (size_t c = 0; c < t.columns.size(); ++c)
        names.append(t.columnName(c));
    // Both sides in key order: (index, ordinal).
    using Position = std::pair<uint64_t, uint64_t>;
    const auto at = [&expected](size_t e) {
        return Position{expected[e].index, expected[e].ordinal};
    };
    size_t e = 0;
    std::optional<Position> previous;
    const QStringList *previousRow = nullptr;
    for (const QStringList &row : found) {
        if (list.full())
            return;
        const int64_t value = row.value(t.keyColumn).toLongLong();
        if ((value - key.start) % key.step != 0)
            continue; // listed with the keys off the sequence (range -1), which come first
        const Position position{
            uint64_t((value - key.start) / key.step),
            key.byParent() ? uint64_t(row.value(t.ordinalColumn).toLongLong() - key.ordinalStart)
                           : 0};
        for (; e < expected.size() && at(e) < position; ++e)
            list.add(Kind::MissingRow, t.keyText(expected[e].values));
        if (previous == position) {
            // A whole copy is counted with the duplicates; another row under the key is extra.
            if (row != *previousRow)
                list.add(Kind::ExtraRow, t.keyText(row),
                         QStringLiteral("duplicate key with other values"));
            continue;
        }
        previous = position;
        previousRow = &row;
        if (e == expected.size() || at(e) != position) {
            list.add(Kind::ExtraRow, t.keyText(row),
                     position.first >= t.keyCount ? QStringLiteral("beyond the expected rows")
                                                  : QString());
            continue;
        }
        compareValues(t.columns, names, t.keyText(row), expected[e].values, row, list);
        ++e;
    }
    for (; e < expected.size(); ++e)
        list.add(Kind::MissingRow, t.keyText(expected[e].values));
}

} // namespace spillway
