#pragma once

// Reads a generator's parameters from its JSON object, collecting a diagnostic with the exact
// JSON path for every missing, mistyped, out-of-range or unknown parameter, so that the whole
// schema is checked in one pass.

#include "base/diagnostics.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QSet>
#include <QString>

#include <cstdint>
#include <optional>

namespace spillway {

class ParamReader
{
public:
    ParamReader(const QJsonObject &object, const QString &path, Diagnostics *diagnostics);

    const QString &path() const { return m_path; }
    QString pathOf(const QString &key) const;
    bool has(const QString &key) const
    {
        m_asked.insert(key); // a parameter this generator knows, for rejectUnknown()'s hint
        return m_object.contains(key);
    }
    void error(const QString &key, const QString &message) const;
    // A reader for an object nested under `key`, reporting into the same diagnostics.
    ParamReader nested(const QString &key, const QJsonObject &object) const
    {
        return ParamReader(object, pathOf(key), m_diagnostics);
    }

    // Required parameters report a diagnostic when missing; optional ones return the default.
    int64_t integer(const QString &key);
    int64_t integer(const QString &key, int64_t fallback);
    double number(const QString &key);
    double number(const QString &key, double fallback);
    bool boolean(const QString &key, bool fallback);
    QString string(const QString &key);
    QString string(const QString &key, const QString &fallback);
    // The name of a table, column or group (`what` says which, for the message): required, or
    // `fallback` when absent; either way a present name must not be empty or blank.
    QString name(const QString &key, const QString &what);
    QString name(const QString &key, const QString &what, const QString &fallback);
    QJsonArray array(const QString &key);
    QJsonObject object(const QString &key);
    std::optional<QJsonValue> optional(const QString &key);
    // One of a few named options (the first is the default); reports the valid names otherwise.
    int option(const QString &key, const QStringList &options);

    // Dates as days since 1970-01-01 ("2024-02-29"); timestamps as microseconds since the epoch
    // ("2024-02-29 13:45:00", 'T' accepted, fractional seconds allowed); durations in
    // microseconds from a number of seconds or "90s", "15 min", "2h", "3 days", "1w".
    int64_t date(const QString &key);
    int64_t date(const QString &key, int64_t fallback);
    int64_t timestamp(const QString &key);
    int64_t timestamp(const QString &key, int64_t fallback);
    int64_t duration(const QString &key);
    int64_t duration(const QString &key, int64_t fallback);

    // Checks lo <= hi (both already read), reporting at `hiKey`.
    void requireOrdered(const QString &loKey, double lo, const QString &hiKey, double hi);
    void requireRange(const QString &key, double value, double lo, double hi);

    // Reports every key that no accessor read. Call after reading all parameters.
    void rejectUnknown(const QStringList &alsoAllowed = {});
    // Counts every key as read: for a generator refused as a whole, whose parameters are then
    // not worth reporting one by one.
    void skipRest();

    static std::optional<int64_t> parseDate(const QString &text);
    static std::optional<int64_t> parseTimestamp(const QString &text);
    static std::optional<int64_t> parseDuration(const QJsonValue &value);

private:
    QJsonValue take(const QString &key);
    void missing(const QString &key, const QString &expected) const;
    void mistyped(const QString &key, const QString &expected) const;

    QJsonObject m_object;
    QString m_path;
    Diagnostics *m_diagnostics;
    QSet<QString> m_read;
    mutable QSet<QString> m_asked;
};

// Days since 1970-01-01 for a proleptic Gregorian date, and back.
int64_t daysFromCivil(int64_t y, unsigned m, unsigned d);
void civilFromDays(int64_t days, int64_t &y, unsigned &m, unsigned &d);

} // namespace spillway
