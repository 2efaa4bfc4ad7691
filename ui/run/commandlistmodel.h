#pragma once

// The pipeline's commands as the run panel edits them: a table of name and command line, rows
// added, removed and moved (the order is the commands' index: PGAPPNAME and the dashboard use
// it). A name left empty is the command's number.

#include "pg/pipelinejob.h"

#include <QAbstractTableModel>

namespace spillway {

class CommandListModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { NameColumn, CommandColumn, ColumnCount };

    explicit CommandListModel(QObject *parent = nullptr);

    void setCommands(const QList<PipelineCommand> &commands);
    const QList<PipelineCommand> &commands() const { return m_commands; }

    // Appends an empty row and returns its row.
    int addCommand();
    void removeCommand(int row);
    // Moves a row one up (delta -1) or down (+1); false at either end.
    bool moveCommand(int row, int delta);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

signals:
    void commandsEdited();

private:
    QList<PipelineCommand> m_commands;
};

} // namespace spillway
