#include "run/runlogmodel.h"

#include "shell/chartstyle.h"

#include <QBrush>
#include <QColor>
#include <QGuiApplication>
#include <QPalette>

#include <algorithm>

namespace spillway {

RunLogModel::RunLogModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

QString RunLogModel::levelName(LogLevel level)
{
    switch (level) {
    case LogLevel::Info:
        return tr("info");
    case LogLevel::Warning:
        return tr("warning");
    case LogLevel::Error:
        return tr("error");
    }
    return {};
}

void RunLogModel::add(LogLevel level, const QString &text, const QString &details)
{
    addEntries({{QDateTime::currentDateTime(), level, text, details, {}}});
}

void RunLogModel::addEntries(const QList<Entry> &entries)
{
    if (entries.isEmpty())
        return;
    // Only the newest `capacity` of a batch can stay; those before them are older lines at once.
    const qsizetype skip = std::max<qsizetype>(0, entries.size() - m_capacity);
    const qsizetype incoming = entries.size() - skip;
    dropOldest(m_entries.size() + incoming - m_capacity);
    if (skip > 0) {
        m_older += skip;
        emit olderCountChanged(m_older);
    }
    const int first = int(m_entries.size());
    beginInsertRows({}, first, first + int(incoming) - 1);
    m_entries.append(entries.mid(skip));
    endInsertRows();
}

void RunLogModel::dropOldest(qsizetype count)
{
    count = std::min(count, m_entries.size());
    if (count <= 0)
        return;
    beginRemoveRows({}, 0, int(count) - 1);
    m_entries.remove(0, count);
    endRemoveRows();
    m_older += count;
    emit olderCountChanged(m_older);
}

void RunLogModel::setCapacity(int capacity)
{
    m_capacity = std::max(1, capacity);
    dropOldest(m_entries.size() - m_capacity);
}

void RunLogModel::clear()
{
    beginResetModel();
    m_entries.clear();
    endResetModel();
    if (m_older != 0) {
        m_older = 0;
        emit olderCountChanged(0);
    }
}

QString RunLogModel::messageText(const Entry &e)
{
    return e.source.isEmpty() ? e.text : QStringLiteral("[%1] %2").arg(e.source, e.text);
}

int RunLogModel::count(LogLevel level) const
{
    return int(std::count_if(m_entries.cbegin(), m_entries.cend(),
                             [level](const Entry &e) { return e.level == level; }));
}

int RunLogModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_entries.size());
}

int RunLogModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant RunLogModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Entry &e = m_entries.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case TimeColumn:
            return e.time.toString(QStringLiteral("HH:mm:ss"));
        case LevelColumn:
            return levelName(e.level);
        case MessageColumn:
            return messageText(e);
        default:
            return {};
        }
    case Qt::ToolTipRole:
        return e.details.isEmpty() ? messageText(e) : e.details;
    case Qt::ForegroundRole:
        // Red and orange as readable on a dark palette's base as on a light one's.
        if (e.level == LogLevel::Error)
            return QBrush(chartColor(QColor(0xb0, 0x1e, 0x1e), QGuiApplication::palette()));
        if (e.level == LogLevel::Warning)
            return QBrush(chartColor(QColor(0x9a, 0x5b, 0x00), QGuiApplication::palette()));
        return {};
    case LevelRole:
        return int(e.level);
    case DetailsRole:
        return e.details;
    default:
        return {};
    }
}

QVariant RunLogModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case TimeColumn:
        return tr("Time");
    case LevelColumn:
        return tr("Level");
    case MessageColumn:
        return tr("Message");
    default:
        return {};
    }
}

} // namespace spillway
