#pragma once

// The sample rows of one table for the live preview: a read-only table model over
// Preview::rows(). NULLs are shown as an italic, dimmed "NULL" so that they never look like the
// text "NULL" or an empty string (which is shown as "").

#include "run/preview.h"

#include <QAbstractTableModel>

namespace spillway {

class PreviewModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Roles { IsNullRole = Qt::UserRole + 1, RawTextRole };

    explicit PreviewModel(QObject *parent = nullptr);

    void setRows(const PreviewRows &rows);
    void clear();
    const PreviewRows &rows() const { return m_rows; }
    bool isNull(int row, int column) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    PreviewRows m_rows;
};

} // namespace spillway
