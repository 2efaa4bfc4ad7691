#include "verify/columncomparison.h"

#include <QCoreApplication>

namespace spillway {
namespace {

using Family = PgTextForm::Family;

QString tr(const char *text)
{
    return QCoreApplication::translate("ColumnComparison", text);
}

bool isTextLike(Family f)
{
    return f == Family::Text || f == Family::Varchar || f == Family::Bpchar;
}

// Types of one kind print alike but for modifiers: compared as the database prints them.
bool sameKind(const PgTextForm &a, const PgTextForm &b)
{
    return a.family() == b.family() || (isTextLike(a.family()) && isTextLike(b.family()));
}

} // namespace

QString ColumnComparison::convertedText(const QString &quoted, const PgTextForm &from,
                                        const QString &to)
{
    const PgTextForm target = PgTextForm::forType(to);
    if (from.sameTextAs(target))
        return quoted + QStringLiteral("::text");
    const Family a = from.family(), b = target.family();
    if ((a == Family::TimestampTz &&
         (b == Family::Timestamp || b == Family::Date || b == Family::Time)) ||
        (a == Family::Timestamp && b == Family::TimestampTz))
        return QStringLiteral("((%1) AT TIME ZONE 'UTC')::%2::text").arg(quoted, to);
    return QStringLiteral("(%1)::%2::text").arg(quoted, to);
}

ColumnComparison ColumnComparison::choose(const QString &column, const QString &schemaType,
                                          const QString &quotedTarget, const QString &dbType,
                                          const QString &expr, const QString &cast,
                                          bool unicodeCase)
{
    ColumnComparison r;
    const PgTextForm db = PgTextForm::forType(dbType);
    const PgTextForm schema = PgTextForm::forType(schemaType);
    r.text = quotedTarget + QStringLiteral("::text");
    if (!expr.isEmpty() || !cast.isEmpty()) {
        QString error;
        r.transform = ColumnTransform::compile(column, schemaType, expr, cast, &error, unicodeCase);
        if (!r.transform) { // the map was checked before: only counts are compared then
            r.note = error;
            return r;
        }
        r.form = schema;
        r.text = convertedText(quotedTarget, db, r.transform->resultType());
        r.converts = !db.sameTextAs(r.transform->resultForm());
        r.note = tr("expected values transformed by the map: %1").arg(r.transform->description());
        return r;
    }
    if (!db.isPredictable()) {
        r.form = db;
        r.note = db.unpredictableReason();
        return r;
    }
    if (!schema.isPredictable() || sameKind(db, schema)) {
        r.form = db;
        if (!db.sameTextAs(schema))
            r.note = tr("type in the database is %1, the schema says %2: values are compared as "
                        "%1 prints them")
                         .arg(dbType, schemaType);
        return r;
    }
    r.form = schema;
    r.text = convertedText(quotedTarget, db, schemaType);
    r.converts = true;
    r.note = tr("type in the database is %1, the schema says %2: found values are converted to "
                "%2 to compare them")
                 .arg(dbType, schemaType);
    return r;
}

} // namespace spillway
