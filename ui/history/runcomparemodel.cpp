#include "history/runcomparemodel.h"

#include "history/runsummary.h"

#include <QBrush>
#include <QCoreApplication>
#include <QGuiApplication>
#include <QPalette>

#include <cmath>

namespace spillway {

RunCompareModel::RunCompareModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

void RunCompareModel::setRuns(const RunRecord &a, const RunRecord &b)
{
    beginResetModel();
    m_changes = compareSummaries(a, b);
    endResetModel();
}

void RunCompareModel::clear()
{
    beginResetModel();
    m_changes.clear();
    endResetModel();
}

int RunCompareModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_changes.size());
}

int RunCompareModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant RunCompareModel::display(const MetricChange &c, int column) const
{
    switch (column) {
    case Metric:
        return c.name;
    case A:
        return c.a ? formatNumber(*c.a) : QStringLiteral("-");
    case B:
        return c.b ? formatNumber(*c.b) : QStringLiteral("-");
    case Change:
        return c.changeText();
    case Verdict:
        return c.verdict > 0 ? tr("better") : c.verdict < 0 ? tr("worse") : QString();
    default:
        return {};
    }
}

// Better in green, worse in red, each mixed towards the palette's text color so that they stay
// readable on a light or a dark palette.
QVariant RunCompareModel::foreground(const MetricChange &c, int column) const
{
    if (c.verdict == 0 || (column != Change && column != Verdict))
        return {};
    const QColor text = QGuiApplication::palette().color(QPalette::Text);
    const bool dark = text.lightness() > 128;
    const QColor tint = c.verdict > 0
                            ? (dark ? QColor(0x81, 0xc7, 0x84) : QColor(0x2e, 0x7d, 0x32))
                            : (dark ? QColor(0xef, 0x9a, 0x9a) : QColor(0xc6, 0x28, 0x28));
    return QBrush(tint);
}

QVariant RunCompareModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const MetricChange &c = m_changes[index.row()];
    switch (role) {
    case Qt::DisplayRole:
        return display(c, index.column());
    case Qt::ToolTipRole:
        if (const MetricInfo *m = RunSummary::metric(c.name))
            return QCoreApplication::translate("RunSummary", m->description);
        return c.description;
    case Qt::ForegroundRole:
        return foreground(c, index.column());
    case Qt::TextAlignmentRole:
        return index.column() == Metric || index.column() == Verdict
                   ? QVariant(Qt::AlignLeft | Qt::AlignVCenter)
                   : QVariant(Qt::AlignRight | Qt::AlignVCenter);
    case SortRole:
        if (index.column() == A && c.a)
            return *c.a;
        if (index.column() == B && c.b)
            return *c.b;
        if (index.column() == Change)
            return std::isnan(c.percent) ? QVariant() : QVariant(c.percent);
        return display(c, index.column());
    case VerdictRole:
        return c.verdict;
    default:
        return {};
    }
}

QVariant RunCompareModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole || section < 0 ||
        section >= ColumnCount)
        return QAbstractTableModel::headerData(section, orientation, role);
    static const char *const titles[] = {QT_TR_NOOP("Metric"), QT_TR_NOOP("A"), QT_TR_NOOP("B"),
                                         QT_TR_NOOP("Change"), QT_TR_NOOP("Verdict")};
    return tr(titles[section]);
}

} // namespace spillway
