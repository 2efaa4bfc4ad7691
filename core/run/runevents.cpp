#include "run/runevents.h"

#include "base/quantity.h"

#include <QCoreApplication>

#include <iterator>
#include <utility>

namespace spillway {
namespace {

const char *const kKindNames[] = {"connection_lost",      "retry",  "ledger_committed",
                                  "ledger_not_committed", "paused", "resumed"};

QString chunkName(const RunEvent &e)
{
    return QCoreApplication::translate("spillway::RunEvent", "table '%1', chunk %2")
        .arg(e.table)
        .arg(e.chunk);
}

QString capitalized(const QString &text)
{
    return text.left(1).toUpper() + text.mid(1);
}

} // namespace

QString RunEvent::kindName() const
{
    return QLatin1String(kKindNames[int(kind)]);
}

QString RunEvent::text() const
{
    switch (kind) {
    case Kind::ConnectionLost:
        if (phase == QLatin1String("connecting"))
            return QCoreApplication::translate("spillway::RunEvent",
                                               "worker %1 could not connect (%2): %3")
                .arg(QString::number(worker), chunkName(*this), error);
        return QCoreApplication::translate("spillway::RunEvent",
                                           "worker %1 lost its connection while %2 (%3): %4")
            .arg(QString::number(worker), phase, chunkName(*this), error);
    case Kind::Retry:
        return QCoreApplication::translate("spillway::RunEvent",
                                           "worker %1 retries %2: attempt %3 of %4 in %5 ms")
            .arg(QString::number(worker), chunkName(*this), QString::number(attempt),
                 QString::number(attempts), QString::number(delayMs));
    case Kind::LedgerCommitted:
        return QCoreApplication::translate(
                   "spillway::RunEvent",
                   "%1 was committed before the connection was lost: not sent again")
            .arg(capitalized(chunkName(*this)));
    case Kind::LedgerNotCommitted:
        return QCoreApplication::translate("spillway::RunEvent",
                                           "%1 was not committed: sending again")
            .arg(capitalized(chunkName(*this)));
    case Kind::Paused:
        return QCoreApplication::translate("spillway::RunEvent", "the run paused after %1 rows (%2 "
                                                                 "into the run)")
            .arg(formatNumber(double(rows)), formatDuration(elapsedSeconds));
    case Kind::Resumed:
        return QCoreApplication::translate("spillway::RunEvent",
                                           "the run resumed after a pause of %1")
            .arg(formatDuration(pausedSeconds));
    }
    return {};
}

QJsonObject RunEvent::toJson() const
{
    QJsonObject o{{QStringLiteral("event"), kindName()},
                  {QStringLiteral("time"), time.toUTC().toString(Qt::ISODateWithMs)},
                  {QStringLiteral("message"), text()}};
    if (kind != Kind::Paused && kind != Kind::Resumed) { // a pause is the run's, not a chunk's
        o.insert(QStringLiteral("worker"), worker);
        o.insert(QStringLiteral("table"), table);
        o.insert(QStringLiteral("chunk"), double(chunk));
    }
    if (kind == Kind::Retry) {
        o.insert(QStringLiteral("attempt"), attempt);
        o.insert(QStringLiteral("attempts"), attempts);
        o.insert(QStringLiteral("delay_ms"), delayMs);
    }
    if (kind == Kind::ConnectionLost) {
        o.insert(QStringLiteral("phase"), phase);
        o.insert(QStringLiteral("error"), error);
    }
    if (kind == Kind::Paused || kind == Kind::Resumed)
        o.insert(QStringLiteral("elapsed_s"), elapsedSeconds);
    if (kind == Kind::Paused)
        o.insert(QStringLiteral("rows"), double(rows));
    if (kind == Kind::Resumed)
        o.insert(QStringLiteral("paused_s"), pausedSeconds);
    return o;
}

RunEvent RunEvent::fromJson(const QJsonObject &o)
{
    RunEvent e;
    const QString name = o.value(QLatin1String("event")).toString();
    for (int k = 0; k < int(std::size(kKindNames)); ++k) {
        if (name == QLatin1String(kKindNames[k]))
            e.kind = Kind(k);
    }
    e.time = QDateTime::fromString(o.value(QLatin1String("time")).toString(), Qt::ISODateWithMs);
    e.worker = o.value(QLatin1String("worker")).toInt();
    e.table = o.value(QLatin1String("table")).toString();
    e.chunk = uint32_t(o.value(QLatin1String("chunk")).toDouble());
    e.attempt = o.value(QLatin1String("attempt")).toInt();
    e.attempts = o.value(QLatin1String("attempts")).toInt();
    e.delayMs = o.value(QLatin1String("delay_ms")).toInt();
    e.phase = o.value(QLatin1String("phase")).toString();
    e.error = o.value(QLatin1String("error")).toString();
    e.rows = uint64_t(o.value(QLatin1String("rows")).toDouble());
    e.elapsedSeconds = o.value(QLatin1String("elapsed_s")).toDouble();
    e.pausedSeconds = o.value(QLatin1String("paused_s")).toDouble();
    return e;
}

void RunEventQueue::push(RunEvent event)
{
    std::lock_guard lock(m_mutex);
    if (m_pending.size() < kMaxPending)
        m_pending.append(std::move(event));
}

QList<RunEvent> RunEventQueue::drain()
{
    std::lock_guard lock(m_mutex);
    return std::exchange(m_pending, {});
}

} // namespace spillway
