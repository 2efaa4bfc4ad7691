#include "history/compareview.h"

#include "history/runcharts.h"
#include "history/runcomparemodel.h"
#include "history/runlistmodel.h"
#include "history/runpropertiesmodel.h"

#include <QChart>
#include <QChartView>
#include <QEvent>
#include <QHeaderView>
#include <QLabel>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>

namespace spillway {
namespace {

QTableView *newTable(QAbstractItemModel *model, const QString &objectName,
                     const QString &accessibleName)
{
    auto *view = new QTableView;
    view->setModel(model);
    view->setObjectName(objectName);
    view->setAccessibleName(accessibleName);
    view->verticalHeader()->hide();
    view->horizontalHeader()->setStretchLastSection(true);
    view->setSelectionBehavior(QAbstractItemView::SelectRows);
    view->setAlternatingRowColors(true);
    view->setWordWrap(false);
    view->verticalHeader()->setDefaultSectionSize(view->fontMetrics().height() + 8);
    return view;
}

// A table under a heading that is its label (Alt+letter focuses the table).
QWidget *titled(const QString &title, QWidget *table)
{
    auto *box = new QWidget;
    auto *label = new QLabel(title);
    label->setBuddy(table);
    QFont font = label->font();
    font.setBold(true);
    label->setFont(font);
    auto *layout = new QVBoxLayout(box);
    layout->setContentsMargins(0, 4, 0, 0);
    layout->addWidget(label);
    layout->addWidget(table, 1);
    return box;
}

QString runLine(const QString &letter, const RunRecord &r)
{
    return CompareView::tr("%1: %2 \u2014 %3, %4, %5")
        .arg(letter, r.id, r.kind,
             r.started.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")),
             RunListModel::statusLabel(r));
}

} // namespace

CompareView::CompareView(QWidget *parent)
    : QWidget(parent)
    , m_title(new QLabel(this))
    , m_chartView(new QChartView)
    , m_compare(new RunCompareModel(this))
    , m_differences(new RunPropertiesModel(this))
{
    m_title->setTextFormat(Qt::PlainText);
    m_title->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_title->setAccessibleName(tr("Runs compared"));
    m_chartView->setObjectName(QStringLiteral("compareChart"));
    m_chartView->setAccessibleName(tr("Throughput of both runs"));
    m_chartView->setRenderHint(QPainter::Antialiasing);
    m_chartView->setMinimumHeight(200);

    auto *proxy = new QSortFilterProxyModel(this);
    proxy->setSourceModel(m_compare);
    proxy->setSortRole(RunCompareModel::SortRole);
    m_compareView =
        newTable(proxy, QStringLiteral("compareTable"), tr("Summary of both runs with the change"));
    m_compareView->setSortingEnabled(true);
    m_compareView->sortByColumn(-1, Qt::AscendingOrder); // metric order until the user sorts
    m_differencesView =
        newTable(m_differences, QStringLiteral("differencesTable"), tr("Settings that differ"));
    m_differencesView->horizontalHeader()->hide();

    auto *tables = new QSplitter(Qt::Horizontal);
    tables->addWidget(titled(tr("&Summary, B against A"), m_compareView));
    tables->addWidget(titled(tr("Settings that &differ"), m_differencesView));
    tables->setStretchFactor(0, 3);
    tables->setStretchFactor(1, 2);
    auto *split = new QSplitter(Qt::Vertical);
    split->addWidget(m_chartView);
    split->addWidget(tables);
    split->setStretchFactor(0, 1);
    split->setStretchFactor(1, 1);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_title);
    layout->addWidget(split, 1);
}

void CompareView::setRuns(const RunRecord &a, const RunRecord &b)
{
    m_a = a;
    m_b = b;
    m_title->setText(runLine(tr("A"), a) + QLatin1Char('\n') + runLine(tr("B"), b));
    m_compare->setRuns(a, b);
    m_differences->setDifferences(a, b);
    m_compareView->resizeColumnsToContents();
    m_differencesView->resizeColumnToContents(0);
    rebuildChart();
}

void CompareView::rebuildChart()
{
    QChart *old = m_chartView->chart();
    m_chartView->setChart(createCompareChart(m_a, m_b, palette()));
    delete old; // setChart does not delete the previous chart
}

void CompareView::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange && !m_a.id.isEmpty())
        rebuildChart();
}

} // namespace spillway
