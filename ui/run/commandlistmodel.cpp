#include "run/commandlistmodel.h"

#include "run/pipelinesettings.h"

#include <QBrush>
#include <QFontDatabase>
#include <QGuiApplication>
#include <QPalette>

namespace spillway {

CommandListModel::CommandListModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

void CommandListModel::setCommands(const QList<PipelineCommand> &commands)
{
    beginResetModel();
    m_commands = commands;
    endResetModel();
}

int CommandListModel::addCommand()
{
    const int row = int(m_commands.size());
    beginInsertRows({}, row, row);
    m_commands.append(PipelineCommand());
    endInsertRows();
    emit commandsEdited();
    return row;
}

void CommandListModel::removeCommand(int row)
{
    if (row < 0 || row >= m_commands.size())
        return;
    beginRemoveRows({}, row, row);
    m_commands.removeAt(row);
    endRemoveRows();
    emit commandsEdited();
}

bool CommandListModel::moveCommand(int row, int delta)
{
    const int to = row + delta;
    if (row < 0 || row >= m_commands.size() || to < 0 || to >= m_commands.size() ||
        (delta != 1 && delta != -1))
        return false;
    // beginMoveRows counts the destination before the move: one down is two rows on.
    beginMoveRows({}, row, row, {}, delta > 0 ? to + 1 : to);
    m_commands.move(row, to);
    endMoveRows();
    emit commandsEdited();
    return true;
}

int CommandListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_commands.size());
}

int CommandListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant CommandListModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() ||
        !checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const PipelineCommand &c = m_commands.at(index.row());
    const bool unnamed = index.column() == NameColumn && c.name.trimmed().isEmpty();
    switch (role) {
    case Qt::DisplayRole:
        if (unnamed)
            return PipelineSettings::defaultName(index.row());
        return index.column() == NameColumn ? c.name : c.commandLine;
    case Qt::EditRole:
        return index.column() == NameColumn ? c.name : c.commandLine;
    case Qt::ForegroundRole:
        return unnamed ? QGuiApplication::palette().brush(QPalette::PlaceholderText) : QVariant();
    case Qt::FontRole:
        return index.column() == CommandColumn
                   ? QVariant(QFontDatabase::systemFont(QFontDatabase::FixedFont))
                   : QVariant();
    case Qt::ToolTipRole:
        return index.column() == NameColumn
                   ? tr("Prefixes the command's output lines in the log")
                   : tr("Run with /bin/sh -c in its own process group: %1").arg(c.commandLine);
    default:
        return {};
    }
}

bool CommandListModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (role != Qt::EditRole ||
        !checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return false;
    PipelineCommand &c = m_commands[index.row()];
    QString &field = index.column() == NameColumn ? c.name : c.commandLine;
    const QString text =
        index.column() == NameColumn ? value.toString().trimmed() : value.toString();
    if (field == text)
        return false;
    field = text;
    emit dataChanged(index, index);
    emit commandsEdited();
    return true;
}

Qt::ItemFlags CommandListModel::flags(const QModelIndex &index) const
{
    if (!index.isValid() ||
        !checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return Qt::NoItemFlags;
    return Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsEditable;
}

QVariant CommandListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    return section == NameColumn ? tr("Name") : tr("Command line");
}

} // namespace spillway
