#include "run/pipelinemodels.h"

#include "base/quantity.h"
#include "shell/chartstyle.h"

#include <QBrush>
#include <QGuiApplication>
#include <QPalette>

namespace spillway {
namespace {

QVariant numberAlignment(int column, int firstNumber)
{
    return column >= firstNumber ? QVariant(Qt::AlignRight | Qt::AlignVCenter)
                                 : QVariant(Qt::AlignLeft | Qt::AlignVCenter);
}

} // namespace

CommandActivityModel::CommandActivityModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

void CommandActivityModel::setCommands(const QStringList &names)
{
    beginResetModel();
    m_rows.clear();
    for (const QString &name : names)
        m_rows.append({name, {}, false, false, false, {}, {}});
    endResetModel();
}

QStringList CommandActivityModel::commands() const
{
    QStringList names;
    for (const Row &row : m_rows)
        names << row.name;
    return names;
}

void CommandActivityModel::setSample(const PipelineSample &sample)
{
    for (const CommandSample &c : sample.commands) {
        if (c.command < 0 || c.command >= m_rows.size())
            continue;
        Row &row = m_rows[c.command];
        row.sampled = true;
        row.running = c.running;
        if (c.running) // an ended command keeps the figures it last ran with
            row.process = c.process;
    }
    if (sample.hasDatabase) {
        for (qsizetype i = 0; i < m_rows.size() && i < sample.database.sessions.size(); ++i)
            m_rows[i].sessions = sample.database.sessions.at(i);
    }
    if (!m_rows.isEmpty())
        emit dataChanged(index(0, StateColumn), index(rowCount() - 1, SessionsColumn));
}

void CommandActivityModel::setFinished(int command, const QString &status, bool failed)
{
    if (command < 0 || command >= m_rows.size())
        return;
    Row &row = m_rows[command];
    row.status = status;
    row.failed = failed;
    row.running = false;
    emit dataChanged(index(command, 0), index(command, ColumnCount - 1));
}

void CommandActivityModel::clear()
{
    setCommands({});
}

int CommandActivityModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int CommandActivityModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString CommandActivityModel::sessionsText(const SessionSummary &s)
{
    QStringList parts;
    if (s.active)
        parts << tr("%n active", nullptr, s.active);
    if (s.idleInTransaction)
        parts << tr("%n idle in transaction", nullptr, s.idleInTransaction);
    if (s.waiting)
        parts << tr("%n waiting", nullptr, s.waiting);
    if (s.blocked)
        parts << tr("%n blocked", nullptr, s.blocked);
    if (parts.isEmpty() && s.total)
        parts << tr("%n idle", nullptr, s.total);
    return parts.join(QStringLiteral(" · "));
}

QVariant CommandActivityModel::display(const Row &row, int column) const
{
    const bool figures = row.sampled;
    switch (column) {
    case NameColumn:
        return row.name;
    case StateColumn:
        if (!row.status.isEmpty())
            return row.status;
        return row.sampled ? (row.running ? tr("running") : tr("ended")) : tr("starting");
    case CpuColumn:
        return figures ? QStringLiteral("%1%").arg(QString::number(row.process.cpuPercent, 'f', 0))
                       : QVariant();
    case RssColumn:
        return figures ? formatBytes(double(row.process.rssBytes)) : QVariant();
    case ReadColumn:
        return figures ? formatBytes(double(row.process.readBytes)) : QVariant();
    case WrittenColumn:
        return figures ? formatBytes(double(row.process.writeBytes)) : QVariant();
    case SessionsColumn:
        return sessionsText(row.sessions);
    default:
        return {};
    }
}

QVariant CommandActivityModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &row = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return display(row, index.column());
    case Qt::ToolTipRole:
        if (index.column() == SessionsColumn && !row.sessions.waitEvents.isEmpty())
            return tr("Wait events: %1").arg(row.sessions.waitEvents.join(QStringLiteral(", ")));
        if (index.column() == CpuColumn)
            return tr("Of one core: 200% is two cores busy (%n process(es))", nullptr,
                      row.process.processes);
        return display(row, index.column());
    case Qt::TextAlignmentRole:
        return index.column() == SessionsColumn ? QVariant(Qt::AlignLeft | Qt::AlignVCenter)
                                                : numberAlignment(index.column(), CpuColumn);
    case Qt::ForegroundRole:
        if (index.column() == StateColumn && row.failed)
            return QBrush(chartColor(QColor(0xb0, 0x1e, 0x1e), QGuiApplication::palette()));
        return {};
    case FailedRole:
        return row.failed;
    default:
        return {};
    }
}

QVariant CommandActivityModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal)
        return {};
    if (role == Qt::TextAlignmentRole)
        return section == SessionsColumn ? QVariant(Qt::AlignLeft | Qt::AlignVCenter)
                                         : numberAlignment(section, CpuColumn);
    if (role != Qt::DisplayRole)
        return {};
    switch (section) {
    case NameColumn:
        return tr("Command");
    case StateColumn:
        return tr("State");
    case CpuColumn:
        return tr("CPU");
    case RssColumn:
        return tr("Memory");
    case ReadColumn:
        return tr("Read");
    case WrittenColumn:
        return tr("Written");
    case SessionsColumn:
        return tr("Sessions");
    default:
        return {};
    }
}

TargetTableModel::TargetTableModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

void TargetTableModel::setTables(const QList<TableActivity> &tables)
{
    bool same = tables.size() == m_tables.size();
    for (qsizetype i = 0; same && i < tables.size(); ++i)
        same = tables.at(i).table == m_tables.at(i).table;
    if (!same) {
        beginResetModel();
        m_tables = tables;
        endResetModel();
        return;
    }
    m_tables = tables;
    if (!m_tables.isEmpty())
        emit dataChanged(index(0, RateColumn), index(rowCount() - 1, CopyColumn));
}

void TargetTableModel::clear()
{
    setTables({});
}

int TargetTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_tables.size());
}

int TargetTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant TargetTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    if (role == Qt::TextAlignmentRole)
        return numberAlignment(index.column(), RateColumn);
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole)
        return {};
    const TableActivity &t = m_tables.at(index.row());
    const bool exact = role == Qt::ToolTipRole;
    const auto count = [exact](qint64 v) {
        return exact ? formatNumber(double(v)) : formatCount(double(v));
    };
    switch (index.column()) {
    case TableColumn:
        return t.table;
    case RateColumn:
        return formatCount(t.insertsPerSecond + t.updatesPerSecond + t.deletesPerSecond);
    case InsertedColumn:
        return count(t.inserted);
    case UpdatedColumn:
        return count(t.updated);
    case DeletedColumn:
        return count(t.deleted);
    case LiveColumn:
        return count(t.liveRows);
    case CopyColumn:
        return t.copyBytesProcessed > 0 ? formatBytes(double(t.copyBytesProcessed)) : QString();
    default:
        return {};
    }
}

QVariant TargetTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal)
        return {};
    if (role == Qt::TextAlignmentRole)
        return numberAlignment(section, RateColumn);
    if (role == Qt::ToolTipRole && section == RateColumn)
        return tr("Rows inserted, updated and deleted per second (pg_stat_user_tables)");
    if (role != Qt::DisplayRole)
        return {};
    switch (section) {
    case TableColumn:
        return tr("Target table");
    case RateColumn:
        return tr("Rows/s");
    case InsertedColumn:
        return tr("Inserted");
    case UpdatedColumn:
        return tr("Updated");
    case DeletedColumn:
        return tr("Deleted");
    case LiveColumn:
        return tr("Live rows");
    case CopyColumn:
        return tr("COPY");
    default:
        return {};
    }
}

} // namespace spillway
