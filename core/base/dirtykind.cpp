#include "base/dirtykind.h"

#include <QStringList>

#include <cmath>

namespace spillway {
namespace {

struct KindName
{
    DirtyKind kind;
    const char *name;
    const char *summary;
};

constexpr KindName kKinds[] = {
    {DirtyKind::FieldCount, "field_count",
     QT_TRANSLATE_NOOP("DirtyKind", "A field missing or one too many")},
    {DirtyKind::Quote, "quote",
     QT_TRANSLATE_NOOP("DirtyKind", "A quote left open (CSV and JSON Lines)")},
    {DirtyKind::Encoding, "encoding",
     QT_TRANSLATE_NOOP("DirtyKind", "Bytes that are not UTF-8 inside a field")},
    {DirtyKind::Number, "number",
     QT_TRANSLATE_NOOP("DirtyKind", "Text such as 12a4 in a numeric column")},
    {DirtyKind::Date, "date",
     QT_TRANSLATE_NOOP("DirtyKind", "An impossible date or time, or a word, in a date column")},
    {DirtyKind::Overflow, "overflow",
     QT_TRANSLATE_NOOP("DirtyKind",
                       "A value beyond its type: integer range, numeric digits, text length")},
    {DirtyKind::Null, "null",
     QT_TRANSLATE_NOOP("DirtyKind", "No value in a NOT NULL column (the primary key)")},
    {DirtyKind::Duplicate, "duplicate",
     QT_TRANSLATE_NOOP("DirtyKind", "The primary key of an earlier row of the same file")},
};

} // namespace

QString dirtyKindName(DirtyKind kind)
{
    for (const KindName &k : kKinds) {
        if (k.kind == kind)
            return QLatin1String(k.name);
    }
    return {};
}

const char *dirtyKindSummary(DirtyKind kind)
{
    for (const KindName &k : kKinds) {
        if (k.kind == kind)
            return k.summary;
    }
    return "";
}

std::optional<DirtyKind> dirtyKindFromName(const QString &name)
{
    const QString n = name.trimmed().toLower();
    for (const KindName &k : kKinds) {
        if (n == QLatin1String(k.name))
            return k.kind;
    }
    return std::nullopt;
}

QList<DirtyKind> allDirtyKinds()
{
    QList<DirtyKind> kinds;
    for (const KindName &k : kKinds)
        kinds.append(k.kind);
    return kinds;
}

QString dirtyKindNames()
{
    QStringList names;
    for (const KindName &k : kKinds)
        names.append(QLatin1String(k.name));
    return names.join(QStringLiteral(", "));
}

QString DirtyOptions::check() const
{
    if (!std::isfinite(fraction) || fraction < 0 || fraction > kMaxFraction)
        return QStringLiteral("the dirty fraction must be between 0 and 0.5 (half the rows), "
                              "not %1: use e.g. 0.01 or 1%")
            .arg(fraction);
    return {};
}

bool DirtyOptions::parseFraction(const QString &text, double &fraction, QString *error)
{
    QString t = text.trimmed();
    const bool percent = t.endsWith(QLatin1Char('%'));
    if (percent)
        t.chop(1);
    bool ok = false;
    double value = t.trimmed().toDouble(&ok);
    if (percent)
        value /= 100;
    DirtyOptions probe;
    probe.fraction = value;
    const QString problem = ok ? probe.check()
                               : QStringLiteral("'%1' is not a dirty fraction: use a share of "
                                                "the rows between 0 and 0.5, e.g. 0.01 or 1%")
                                     .arg(text);
    if (!problem.isEmpty()) {
        if (error)
            *error = problem;
        return false;
    }
    fraction = value;
    return true;
}

bool DirtyOptions::parseKinds(const QString &list, QList<DirtyKind> &kinds, QString *error)
{
    QList<DirtyKind> parsed;
    for (const QString &part : list.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        const QString name = part.trimmed();
        if (name.isEmpty())
            continue;
        if (name.compare(QLatin1String("all"), Qt::CaseInsensitive) == 0) {
            parsed = allDirtyKinds();
            continue;
        }
        const std::optional<DirtyKind> kind = dirtyKindFromName(name);
        if (!kind) {
            if (error)
                *error = QStringLiteral("unknown dirty kind '%1': use %2 (or all)")
                             .arg(name, dirtyKindNames());
            return false;
        }
        if (!parsed.contains(*kind))
            parsed.append(*kind);
    }
    if (parsed.isEmpty()) {
        if (error)
            *error = QStringLiteral("no dirty kind named: use %1 (or all)").arg(dirtyKindNames());
        return false;
    }
    kinds = parsed;
    return true;
}

QStringList DirtyOptions::kindNames() const
{
    QStringList names;
    for (DirtyKind kind : requestedKinds())
        names.append(dirtyKindName(kind));
    return names;
}

} // namespace spillway
