// The importer's SQL types: which class a catalog type is, the type the document declares, and
// generators that fit it (defaults, ranges from CHECKs, unique ones for keys).

#include "schema/generatorregistry.h"
#include "schema/importinternal.h"
#include "schema/schemacompiler.h"

#include <QDateTime>
#include <QJsonArray>
#include <QRegularExpression>

#include <cmath>

namespace spillway::import {

namespace {

QJsonObject gen(const QString &kind,
                std::initializer_list<std::pair<QString, QJsonValue>> params = {})
{
    QJsonObject o{{QStringLiteral("kind"), kind}};
    for (const auto &[key, value] : params)
        o.insert(key, value);
    return o;
}

struct Named
{
    const char *names;
    TypeInfo::Class cls;
};

// Lower-case type names without their (arguments), each to its class.
const Named kClasses[] = {
    {"smallint int2", TypeInfo::Integer},
    {"integer int int4", TypeInfo::Integer},
    {"bigint int8", TypeInfo::Integer},
    {"numeric decimal", TypeInfo::Decimal},
    {"real float4 double_precision float8 float", TypeInfo::Float},
    {"money", TypeInfo::Money},
    {"boolean bool", TypeInfo::Boolean},
    {"date", TypeInfo::Date},
    {"time time_without_time_zone time_with_time_zone timetz", TypeInfo::Time},
    {"timestamp timestamp_without_time_zone", TypeInfo::Timestamp},
    {"timestamptz timestamp_with_time_zone", TypeInfo::TimestampTz},
    {"interval", TypeInfo::Interval},
    {"uuid", TypeInfo::Uuid},
    {"text varchar character_varying citext xml tsvector name", TypeInfo::Text},
    {"character char bpchar", TypeInfo::Char},
    {"json jsonb", TypeInfo::Json},
    {"bytea", TypeInfo::Bytes},
    {"inet", TypeInfo::Inet},
    {"cidr", TypeInfo::Cidr},
    {"macaddr macaddr8", TypeInfo::Mac},
    {"point", TypeInfo::Point},
    {"geometry geography", TypeInfo::Geometry},
};

TypeInfo::Class classOf(const QString &name)
{
    QString key = name;
    key.replace(QLatin1Char(' '), QLatin1Char('_'));
    for (const Named &n : kClasses) {
        if (QString::fromLatin1(n.names).split(QLatin1Char(' ')).contains(key))
            return n.cls;
    }
    return TypeInfo::Other;
}

void setIntegerRange(TypeInfo &t)
{
    if (t.base == QLatin1String("smallint") || t.base == QLatin1String("int2"))
        t.intMin = INT16_MIN, t.intMax = INT16_MAX;
    else if (t.base == QLatin1String("bigint") || t.base == QLatin1String("int8"))
        t.intMin = INT64_MIN, t.intMax = INT64_MAX;
    else
        t.intMin = INT32_MIN, t.intMax = INT32_MAX;
}

QString decimalText(double v, int scale)
{
    return QString::number(v, 'f', std::max(scale, 0));
}

// The largest value numeric(p,s) holds, capped for realistic defaults.
double decimalMax(const TypeInfo &t, double cap)
{
    if (t.precision <= 0)
        return cap;
    const int s = std::max(t.scale, 0);
    return std::min(std::pow(10.0, t.precision - s) - std::pow(10.0, -s), cap);
}

std::optional<QDateTime> parseTime(QString text)
{
    text = text.trimmed();
    QDateTime dt = QDateTime::fromString(text.left(19), QStringLiteral("yyyy-MM-dd HH:mm:ss"));
    if (!dt.isValid())
        dt = QDate::fromString(text.left(10), Qt::ISODate).startOfDay();
    if (!dt.isValid())
        return std::nullopt;
    dt.setTimeSpec(Qt::UTC);
    return dt;
}

} // namespace

QString geometryKind(const TypeInfo &t)
{
    static const QHash<QString, QString> kinds = {
        {QString(), QStringLiteral("point")},
        {QStringLiteral("point"), QStringLiteral("point")},
        {QStringLiteral("geometry"), QStringLiteral("point")},
        {QStringLiteral("linestring"), QStringLiteral("track")},
        {QStringLiteral("polygon"), QStringLiteral("polygon")},
        {QStringLiteral("multipolygon"), QStringLiteral("multipolygon")}};
    const QString kind = kinds.value(t.shape);
    // The geometry generators write degrees: SRID 4326 (or none); and only once they exist.
    if (kind.isEmpty() || (t.length > 0 && t.length != 4326) || t.array ||
        !GeneratorRegistry::instance().find(kind))
        return {};
    return kind;
}

TypeInfo classify(const CatalogColumn &column, bool postgis)
{
    Q_UNUSED(postgis)
    TypeInfo t;
    const bool domain = column.typeKind == QLatin1String("d") && !column.baseType.isEmpty();
    QString type = (domain ? column.baseType : column.sqlType).simplified().toLower();
    t.array = type.endsWith(QLatin1String("[]"));
    while (type.endsWith(QLatin1String("[]")))
        type.chop(2);
    static const QRegularExpression args(QStringLiteral("\\(([^)]*)\\)"));
    const auto m = args.match(type);
    if (m.hasMatch()) {
        const QStringList numbers = m.captured(1).split(QLatin1Char(','));
        bool ok = false;
        const int first = numbers.value(0).trimmed().toInt(&ok);
        if (ok) {
            t.length = t.precision = first;
            t.scale = numbers.size() > 1 ? numbers[1].trimmed().toInt() : 0;
        }
    }
    t.base = QString(type).remove(args).simplified();
    t.cls = classOf(t.base);
    if (!column.enumLabels.isEmpty() || column.typeKind == QLatin1String("e")) {
        t.cls = TypeInfo::Enum;
        t.labels = column.enumLabels;
    }
    if (t.cls == TypeInfo::Integer)
        setIntegerRange(t);
    if (t.cls == TypeInfo::Char && t.length <= 0 && t.base != QLatin1String("bpchar"))
        t.length = 1; // plain character is character(1)
    if (t.cls == TypeInfo::Decimal && t.precision > 0 && t.scale < 0)
        t.scale = 0;
    const QString written = domain ? column.baseType : column.sqlType;
    if (t.cls == TypeInfo::Geometry && m.hasMatch()) {
        const QStringList mods = m.captured(1).split(QLatin1Char(','));
        t.shape = mods.value(0).trimmed();
        t.length = mods.size() > 1 ? mods[1].trimmed().toInt() : 0; // the SRID
    }
    const bool known = isKnownSqlType(written) && t.cls != TypeInfo::Enum &&
                       t.cls != TypeInfo::Other &&
                       (t.cls != TypeInfo::Geometry || !geometryKind(t).isEmpty());
    t.docType = known     ? written.simplified()
                : t.array ? QStringLiteral("text[]")
                          : QStringLiteral("text");
    return t;
}

QJsonObject typeGenerator(const TypeInfo &t)
{
    QJsonObject element;
    switch (t.cls) {
    case TypeInfo::Integer:
        element = gen(QStringLiteral("uniform"),
                      {{QStringLiteral("min"), 0},
                       {QStringLiteral("max"), t.intMax <= INT16_MAX   ? 1000
                                               : t.intMax <= INT32_MAX ? 100000
                                                                       : 1000000}});
        break;
    case TypeInfo::Decimal:
    case TypeInfo::Money: {
        const int scale = t.scale >= 0 ? t.scale : 2;
        element = gen(QStringLiteral("decimal"), {{QStringLiteral("min"), 0},
                                                  {QStringLiteral("max"), decimalMax(t, 10000)},
                                                  {QStringLiteral("scale"), scale}});
        break;
    }
    case TypeInfo::Float:
        element = gen(QStringLiteral("float"),
                      {{QStringLiteral("min"), 0}, {QStringLiteral("max"), 1000}});
        break;
    case TypeInfo::Boolean:
        element = gen(QStringLiteral("boolean"));
        break;
    case TypeInfo::Date:
        element = gen(QStringLiteral("date"));
        break;
    case TypeInfo::Time:
        element = gen(QStringLiteral("time"));
        break;
    case TypeInfo::Timestamp:
    case TypeInfo::TimestampTz:
        element = gen(t.cls == TypeInfo::Timestamp ? QStringLiteral("timestamp")
                                                   : QStringLiteral("timestamptz"));
        if (t.precision > 0)
            element.insert(QStringLiteral("precision"), std::min(t.precision, 6));
        break;
    case TypeInfo::Interval:
        element = gen(QStringLiteral("interval"));
        break;
    case TypeInfo::Uuid:
        element = gen(QStringLiteral("uuid"));
        break;
    case TypeInfo::Char:
        if (t.length > 0 && t.length <= 32)
            element = gen(QStringLiteral("pattern"),
                          {{QStringLiteral("pattern"), QStringLiteral("[A-Z]{%1}").arg(t.length)}});
        else
            element = gen(QStringLiteral("words"),
                          {{QStringLiteral("maxLength"), std::max(t.length, 8)}});
        break;
    case TypeInfo::Json:
        element =
            gen(QStringLiteral("json"),
                {{QStringLiteral("fields"),
                  QJsonObject{{QStringLiteral("id"),
                               gen(QStringLiteral("uniform"),
                                   {{QStringLiteral("min"), 1}, {QStringLiteral("max"), 1000}})},
                              {QStringLiteral("label"), gen(QStringLiteral("words"))}}}});
        break;
    case TypeInfo::Bytes:
        element = gen(QStringLiteral("bytes"),
                      {{QStringLiteral("minLength"), 8}, {QStringLiteral("maxLength"), 32}});
        break;
    case TypeInfo::Inet:
        element = gen(QStringLiteral("ipv4"));
        break;
    case TypeInfo::Cidr:
        element = gen(QStringLiteral("ipv4"), {{QStringLiteral("withPrefix"), true}});
        break;
    case TypeInfo::Mac:
        element = gen(QStringLiteral("mac"));
        break;
    case TypeInfo::Point:
        element =
            gen(QStringLiteral("geo_point"), {{QStringLiteral("format"), QStringLiteral("point")}});
        break;
    case TypeInfo::Geometry:
        if (t.docType != QLatin1String("text") && !geometryKind(t).isEmpty())
            element = gen(geometryKind(t));
        else
            element = gen(QStringLiteral("geo_point"),
                          {{QStringLiteral("format"), QStringLiteral("wkt")}});
        break;
    case TypeInfo::Enum:
        // CREATE TYPE e AS ENUM (): no label, only NULL fits.
        element = t.labels.isEmpty()
                      ? gen(QStringLiteral("constant"), {{QStringLiteral("value"), QJsonValue()}})
                      : gen(QStringLiteral("choice"),
                            {{QStringLiteral("values"), QJsonArray::fromStringList(t.labels)}});
        break;
    case TypeInfo::Text:
    case TypeInfo::Other:
        if (t.length > 0)
            element = gen(QStringLiteral("words"),
                          {{QStringLiteral("minLength"), std::min(3, t.length)},
                           {QStringLiteral("maxLength"), std::min(t.length, 40)}});
        else
            element = gen(QStringLiteral("words"),
                          {{QStringLiteral("min"), 1}, {QStringLiteral("max"), 3}});
        break;
    }
    if (!t.array)
        return element;
    return gen(QStringLiteral("array"), {{QStringLiteral("minLength"), 0},
                                         {QStringLiteral("maxLength"), 4},
                                         {QStringLiteral("element"), element}});
}

QJsonObject rangeGenerator(const TypeInfo &t, const std::optional<Bound> &lo,
                           const std::optional<Bound> &hi)
{
    if (t.array || (!lo && !hi))
        return {};
    if (t.cls == TypeInfo::Integer) {
        bool okLo = true, okHi = true;
        int64_t min = lo ? lo->text.toLongLong(&okLo) + (lo->inclusive ? 0 : 1) : 0;
        int64_t max = hi ? hi->text.toLongLong(&okHi) - (hi->inclusive ? 0 : 1) : 0;
        if (!okLo || !okHi)
            return {};
        if (!hi)
            max = min + 1000 > t.intMax || min + 1000 < min ? t.intMax : min + 1000;
        if (!lo)
            min = max > 0 ? 0 : std::max(max - 1000, t.intMin);
        if (min > max)
            return {};
        return gen(QStringLiteral("uniform"), {{QStringLiteral("min"), QJsonValue(qint64(min))},
                                               {QStringLiteral("max"), QJsonValue(qint64(max))}});
    }
    if (t.cls == TypeInfo::Decimal || t.cls == TypeInfo::Money || t.cls == TypeInfo::Float) {
        const bool isFloat = t.cls == TypeInfo::Float;
        const int scale = isFloat ? 6 : t.scale >= 0 ? t.scale : 2;
        const double step = std::pow(10.0, -scale);
        bool okLo = true, okHi = true;
        double min = lo ? lo->text.toDouble(&okLo) + (lo->inclusive ? 0 : step) : 0;
        double max = hi ? hi->text.toDouble(&okHi) - (hi->inclusive ? 0 : step) : 0;
        if (!okLo || !okHi)
            return {};
        if (!hi)
            max = isFloat ? min + 1000 : std::max(min, std::min(min + 1000, decimalMax(t, 1e15)));
        if (!lo)
            min = max > 0 ? 0 : max - 1000;
        if (min > max)
            return {};
        if (isFloat)
            return gen(QStringLiteral("float"),
                       {{QStringLiteral("min"), min}, {QStringLiteral("max"), max}});
        // Rounded inwards to the scale, so the bounds hold after rounding too.
        const double f = std::pow(10.0, scale);
        return gen(
            QStringLiteral("decimal"),
            {{QStringLiteral("min"), decimalText(std::ceil(min * f - 1e-9) / f, scale).toDouble()},
             {QStringLiteral("max"), decimalText(std::floor(max * f + 1e-9) / f, scale).toDouble()},
             {QStringLiteral("scale"), scale}});
    }
    if (t.cls == TypeInfo::Date) {
        QDate min = lo ? QDate::fromString(lo->text.left(10), Qt::ISODate) : QDate();
        QDate max = hi ? QDate::fromString(hi->text.left(10), Qt::ISODate) : QDate();
        if ((lo && !min.isValid()) || (hi && !max.isValid()))
            return {};
        min = lo ? min.addDays(lo->inclusive ? 0 : 1) : max.addYears(-5);
        max = hi ? max.addDays(hi->inclusive ? 0 : -1) : min.addYears(5);
        if (min > max)
            return {};
        return gen(QStringLiteral("date"), {{QStringLiteral("min"), min.toString(Qt::ISODate)},
                                            {QStringLiteral("max"), max.toString(Qt::ISODate)}});
    }
    if (t.cls == TypeInfo::Timestamp || t.cls == TypeInfo::TimestampTz) {
        const auto a = lo ? parseTime(lo->text) : std::nullopt;
        const auto b = hi ? parseTime(hi->text) : std::nullopt;
        if ((lo && !a) || (hi && !b))
            return {};
        // timestamptz bounds may carry another offset than UTC: keep a day inside them.
        const int margin = t.cls == TypeInfo::TimestampTz ? 86400 : 1;
        QDateTime min = a ? a->addSecs(lo->inclusive && margin == 1 ? 0 : margin) : b->addYears(-3);
        QDateTime max =
            b ? b->addSecs(hi->inclusive && margin == 1 ? 0 : -margin) : min.addYears(3);
        if (min > max)
            return {};
        const QString format = QStringLiteral("yyyy-MM-dd HH:mm:ss");
        QJsonObject g = gen(t.cls == TypeInfo::Timestamp ? QStringLiteral("timestamp")
                                                         : QStringLiteral("timestamptz"),
                            {{QStringLiteral("min"), min.toString(format)},
                             {QStringLiteral("max"), max.toString(format)}});
        return g;
    }
    return {};
}

QJsonObject uniqueGenerator(const TypeInfo &t, double rows)
{
    if (t.array)
        return {};
    const double need = std::max(rows, 1.0);
    switch (t.cls) {
    case TypeInfo::Integer:
        return need <= double(t.intMax) ? gen(QStringLiteral("sequence")) : QJsonObject();
    case TypeInfo::Decimal:
    case TypeInfo::Money:
        return t.precision <= 0 || need < decimalMax(t, 1e18) ? gen(QStringLiteral("sequence"))
                                                              : QJsonObject();
    case TypeInfo::Float:
        return gen(QStringLiteral("sequence"));
    case TypeInfo::Uuid:
        return gen(QStringLiteral("uuid"));
    case TypeInfo::Text:
    case TypeInfo::Char: {
        // Upper-case letters and digits: a few times more strings than rows.
        int k = t.cls == TypeInfo::Char ? t.length : 6;
        while (t.cls == TypeInfo::Text && std::pow(36.0, k) < need * 4 && k < 24)
            ++k;
        if (k <= 0 || k > t.maxLength() || std::pow(36.0, k) < need)
            return {};
        return gen(QStringLiteral("pattern"),
                   {{QStringLiteral("pattern"), QStringLiteral("[A-Z0-9]{%1}").arg(k)}});
    }
    default:
        return {};
    }
}

} // namespace spillway::import
