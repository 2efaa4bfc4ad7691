#include "history/runlistmodel.h"

namespace spillway {
namespace {

const char *const kMetricOfColumn[] = {nullptr,      nullptr,    nullptr,         nullptr, "rows",
                                       "rows_per_s", "mb_per_s", "p95_commit_ms", nullptr};

std::optional<double> metricOf(const RunRecord &r, int column)
{
    const char *name = kMetricOfColumn[column];
    return name ? r.summary.value(QLatin1String(name)) : std::nullopt;
}

} // namespace

RunListModel::RunListModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

void RunListModel::setRecords(const QList<RunRecord> &records)
{
    beginResetModel();
    m_records = records;
    endResetModel();
}

const RunRecord *RunListModel::record(int row) const
{
    return row >= 0 && row < m_records.size() ? &m_records[row] : nullptr;
}

int RunListModel::rowOf(const QString &id) const
{
    for (qsizetype i = 0; i < m_records.size(); ++i) {
        if (m_records[i].id == id)
            return int(i);
    }
    return -1;
}

int RunListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_records.size());
}

int RunListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString RunListModel::schemaOf(const RunRecord &r)
{
    const QString name = r.settings.value(QLatin1String("schema_name")).toString();
    return name.isEmpty() ? r.settings.value(QLatin1String("schema_file")).toString() : name;
}

QString RunListModel::statusLabel(const RunRecord &r)
{
    // The words RunRecord::statusText() returns, marked here so that lupdate finds them.
    static const char *const words[] = {QT_TR_NOOP("ok"), QT_TR_NOOP("failed"),
                                        QT_TR_NOOP("cancelled"), QT_TR_NOOP("violated")};
    const QString status = r.statusText();
    for (const char *word : words) {
        if (status == QLatin1String(word))
            return tr(word);
    }
    return status;
}

QVariant RunListModel::display(const RunRecord &r, int column) const
{
    switch (column) {
    case Id:
        return r.id;
    case Kind:
        return r.kind;
    case Date:
        return r.started.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
    case Status:
        return statusLabel(r);
    case Schema:
        return schemaOf(r);
    default:
        break;
    }
    const auto v = metricOf(r, column);
    if (!v)
        return QStringLiteral("-");
    // Counts compact as the dashboard shows them (5.11M), so that every column fits; the
    // tooltip has every digit.
    return column == Rows || column == RowsPerSecond ? formatCount(*v) : formatNumber(*v);
}

QVariant RunListModel::sortValue(const RunRecord &r, int column) const
{
    if (column == Date)
        return r.started;
    if (kMetricOfColumn[column]) {
        const auto v = metricOf(r, column);
        return v ? QVariant(*v) : QVariant(-1.0); // unmeasured sorts below every figure
    }
    return display(r, column);
}

QVariant RunListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const RunRecord &r = m_records[index.row()];
    switch (role) {
    case Qt::DisplayRole:
        return display(r, index.column());
    case Qt::ToolTipRole:
        if (index.column() == Status && !r.error.isEmpty())
            return r.error;
        if (const auto v = metricOf(r, index.column()))
            return formatNumber(*v);
        return display(r, index.column());
    case Qt::TextAlignmentRole:
        return kMetricOfColumn[index.column()] ? QVariant(Qt::AlignRight | Qt::AlignVCenter)
                                               : QVariant(Qt::AlignLeft | Qt::AlignVCenter);
    case SortRole:
        return sortValue(r, index.column());
    case RunIdRole:
        return r.id;
    case StatusRole:
        return r.statusText();
    default:
        return {};
    }
}

QVariant RunListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || section < 0 || section >= ColumnCount)
        return QAbstractTableModel::headerData(section, orientation, role);
    static const char *const titles[] = {
        QT_TR_NOOP("Run"),    QT_TR_NOOP("Kind"),          QT_TR_NOOP("Date"),
        QT_TR_NOOP("Status"), QT_TR_NOOP("Rows"),          QT_TR_NOOP("Rows/s"),
        QT_TR_NOOP("MB/s"),   QT_TR_NOOP("p95 commit ms"), QT_TR_NOOP("Schema")};
    if (role == Qt::DisplayRole)
        return tr(titles[section]);
    if (role == Qt::TextAlignmentRole)
        return kMetricOfColumn[section] ? QVariant(Qt::AlignRight | Qt::AlignVCenter)
                                        : QVariant(Qt::AlignLeft | Qt::AlignVCenter);
    return {};
}

} // namespace spillway
