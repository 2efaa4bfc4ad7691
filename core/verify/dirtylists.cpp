#include "verify/dirtylists.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

#include <algorithm>

namespace spillway {
namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("DirtyLists", text);
}

const QStringList &kinds()
{
    static const QStringList k{QStringLiteral("field_count"), QStringLiteral("quote"),
                               QStringLiteral("encoding"),    QStringLiteral("number"),
                               QStringLiteral("date"),        QStringLiteral("overflow"),
                               QStringLiteral("null"),        QStringLiteral("duplicate")};
    return k;
}

std::optional<uint64_t> count(const QJsonValue &v, bool positive)
{
    if (!v.isDouble())
        return std::nullopt;
    const double d = v.toDouble();
    if (d < (positive ? 1 : 0) || d > 9.0e15 || d != double(uint64_t(d)))
        return std::nullopt;
    return uint64_t(d);
}

// Why a manifest line is not a dirty record, or empty when it is.
QString readRecord(const QByteArray &text, DirtyRecord &r)
{
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(text, &parseError);
    if (parseError.error != QJsonParseError::NoError || !doc.isObject())
        return tr("not a JSON object (%1)").arg(parseError.errorString());
    const QJsonObject o = doc.object();
    r.file = o.value(QStringLiteral("file")).toString();
    r.table = o.value(QStringLiteral("table")).toString();
    r.kind = o.value(QStringLiteral("kind")).toString();
    r.column = o.value(QStringLiteral("column")).toString();
    const auto line = count(o.value(QStringLiteral("line")), true);
    const auto row = count(o.value(QStringLiteral("row")), false);
    const auto lines = o.contains(QStringLiteral("lines"))
                           ? count(o.value(QStringLiteral("lines")), true)
                           : std::optional<uint64_t>(1);
    if (r.file.isEmpty() || r.table.isEmpty() || !line || !row || !lines)
        return tr("expected \"file\", \"table\" (texts), \"line\" and \"row\" (whole numbers)");
    if (!kinds().contains(r.kind))
        return tr("unknown kind \"%1\" (kinds: %2)")
            .arg(r.kind, kinds().join(QStringLiteral(", ")));
    r.line = *line;
    r.row = *row;
    r.lines = *lines;
    return {};
}

// The name a file is matched by: without folders and without .gz/.zst.
QString fileKey(const QString &file)
{
    QString name = QFileInfo(file).fileName();
    for (const char *suffix : {".gz", ".zst"}) {
        if (name.endsWith(QLatin1String(suffix)))
            name.chop(int(qstrlen(suffix)));
    }
    return name;
}

bool parseReject(const QByteArray &line, RejectList::Reject &reject)
{
    if (line.startsWith('{')) {
        const QJsonObject o = QJsonDocument::fromJson(line).object();
        const auto n = count(o.value(QStringLiteral("line")), true);
        reject.file = o.value(QStringLiteral("file")).toString();
        if (reject.file.isEmpty() || !n) {
            // "line" as a text is common in hand-written logs
            bool ok = false;
            const uint64_t v = o.value(QStringLiteral("line")).toString().toULongLong(&ok);
            if (reject.file.isEmpty() || !ok || v == 0)
                return false;
            reject.line = v;
            return true;
        }
        reject.line = *n;
        return true;
    }
    static const QRegularExpression plain(QStringLiteral("^(.+?):(\\d+)(?::.*)?$"));
    const QRegularExpressionMatch m = plain.match(QString::fromUtf8(line));
    if (!m.hasMatch())
        return false;
    reject.file = m.captured(1).trimmed();
    reject.line = m.captured(2).toULongLong();
    return reject.line > 0 && !reject.file.isEmpty();
}

} // namespace

std::optional<DirtyRecords> DirtyRecords::load(const QString &path, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = tr("%1: cannot read the dirty-row manifest: %2 (it is written beside the files "
                    "as spillway-dirty.jsonl when they have dirty rows)")
                     .arg(path, file.errorString());
        return std::nullopt;
    }
    DirtyRecords result;
    result.path = path;
    uint64_t number = 0;
    while (!file.atEnd()) {
        const QByteArray line = file.readLine().trimmed();
        ++number;
        if (line.isEmpty())
            continue;
        DirtyRecord r;
        if (const QString why = readRecord(line, r); !why.isEmpty()) {
            *error = QStringLiteral("%1:%2: %3").arg(path).arg(number).arg(why);
            return std::nullopt;
        }
        result.byTable[r.table].append(int(result.records.size()));
        result.records.append(r);
    }
    return result;
}

std::optional<RejectList> RejectList::load(const QString &path, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = tr("%1: cannot read the reject file: %2").arg(path, file.errorString());
        return std::nullopt;
    }
    RejectList result;
    result.path = path;
    uint64_t number = 0;
    while (!file.atEnd()) {
        const QByteArray line = file.readLine().trimmed();
        ++number;
        if (line.isEmpty())
            continue;
        ++result.lines;
        Reject reject;
        if (parseReject(line, reject)) {
            result.rejects.append(reject);
            continue;
        }
        ++result.unknownLines;
        if (result.unknownExamples.size() < 5)
            result.unknownExamples.append(
                QStringLiteral("%1: %2").arg(number).arg(QString::fromUtf8(line.left(120))));
    }
    return result;
}

std::vector<bool> RejectList::matched(const QList<DirtyRecord> &records) const
{
    // Per file, the records by first line; a reject finds the last record starting at or
    // before its line and checks the span.
    QHash<QString, std::vector<std::pair<uint64_t, int>>> starts;
    for (int i = 0; i < records.size(); ++i)
        starts[fileKey(records[i].file)].push_back({records[i].line, i});
    for (auto &list : starts)
        std::sort(list.begin(), list.end());
    std::vector<bool> hit(size_t(records.size()), false);
    for (const Reject &reject : rejects) {
        const auto it = starts.constFind(fileKey(reject.file));
        if (it == starts.constEnd())
            continue;
        const auto &list = *it;
        auto at = std::upper_bound(list.begin(), list.end(),
                                   std::pair<uint64_t, int>{reject.line, INT32_MAX});
        if (at == list.begin())
            continue;
        --at;
        const DirtyRecord &r = records[at->second];
        if (reject.line < r.line + r.lines)
            hit[size_t(at->second)] = true;
    }
    return hit;
}

} // namespace spillway
