#include "history/runview.h"

#include "history/runcharts.h"
#include "history/runlistmodel.h"
#include "history/runpropertiesmodel.h"

#include <QChart>
#include <QChartView>
#include <QEvent>
#include <QHeaderView>
#include <QLabel>
#include <QScrollArea>
#include <QTableView>
#include <QTabWidget>
#include <QVBoxLayout>

namespace spillway {

RunView::RunView(QWidget *parent)
    : QWidget(parent)
    , m_title(new QLabel(this))
    , m_tabs(new QTabWidget(this))
    , m_chartPage(new QWidget)
    , m_chartLayout(new QVBoxLayout(m_chartPage))
    , m_properties(new RunPropertiesModel(this))
    , m_propertiesView(new QTableView)
{
    m_title->setTextFormat(Qt::PlainText);
    m_title->setTextInteractionFlags(Qt::TextSelectableByMouse);
    QFont font = m_title->font();
    font.setBold(true);
    font.setPointSizeF(font.pointSizeF() * 1.15);
    m_title->setFont(font);
    m_title->setAccessibleName(tr("Run title"));

    m_chartLayout->setContentsMargins(0, 0, 0, 0);
    m_propertiesView->setModel(m_properties);
    m_propertiesView->setObjectName(QStringLiteral("runProperties"));
    m_propertiesView->setAccessibleName(tr("Run settings and result"));
    m_propertiesView->verticalHeader()->hide();
    m_propertiesView->horizontalHeader()->setStretchLastSection(true);
    m_propertiesView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_propertiesView->setWordWrap(false);
    m_propertiesView->setAlternatingRowColors(true);
    m_propertiesView->verticalHeader()->setDefaultSectionSize(
        m_propertiesView->fontMetrics().height() + 8);

    // Each chart keeps a readable height; a short window scrolls through them instead of
    // squeezing the axes into ellipses.
    auto *chartScroll = new QScrollArea;
    chartScroll->setWidgetResizable(true);
    chartScroll->setFrameShape(QFrame::NoFrame);
    chartScroll->setWidget(m_chartPage);
    m_tabs->addTab(chartScroll, tr("&Charts"));
    m_tabs->addTab(m_propertiesView, tr("&Settings and result"));
    m_tabs->setAccessibleName(tr("Run details"));

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_title);
    layout->addWidget(m_tabs, 1);
}

void RunView::setRun(const RunRecord &run)
{
    m_run = run;
    m_title->setText(
        tr("Run %1 \u2014 %2, %3").arg(run.id, run.kind, RunListModel::statusLabel(run)));
    m_properties->setRun(run);
    m_propertiesView->resizeColumnToContents(RunPropertiesModel::Name);
    rebuildCharts();
}

QChartView *RunView::addChart(QChart *chart, const QString &accessibleName)
{
    auto *view = new QChartView(chart, m_chartPage);
    view->setRenderHint(QPainter::Antialiasing);
    view->setAccessibleName(accessibleName);
    view->setMinimumHeight(fontMetrics().height() * 16); // about 260 px at 10 pt
    m_chartLayout->addWidget(view, 1);
    m_chartViews.append(view);
    return view;
}

void RunView::rebuildCharts()
{
    qDeleteAll(m_chartViews); // a QChartView owns its chart
    m_chartViews.clear();
    const QPalette pal = palette();
    addChart(createThroughputChart(m_run, pal), tr("Throughput chart"))
        ->setObjectName(QStringLiteral("throughputChart"));
    if (QChart *latency = createLatencyChart(m_run, pal))
        addChart(latency, tr("Commit latency chart"))
            ->setObjectName(QStringLiteral("latencyChart"));
    if (QChart *server = createServerChart(m_run, pal))
        addChart(server, tr("Server chart"))->setObjectName(QStringLiteral("serverChart"));
}

void RunView::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange && !m_run.id.isEmpty())
        rebuildCharts();
}

} // namespace spillway
