#include "run/dashboard.h"

#include "run/runcontroller.h"
#include "run/runlogmodel.h"
#include "run/tableprogressmodel.h"
#include "run/timeserieschart.h"
#include "run/workerstrip.h"

#include <QApplication>
#include <QGridLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QSplitter>
#include <QStyledItemDelegate>
#include <QTableView>
#include <QVBoxLayout>

namespace spillway {
namespace {

enum ThroughputSeries { RowsPerSecond, MeanRowsPerSecond, MegabytesPerSecond };
enum LatencySeries { P50, P95, P99 };
enum ServerSeries { TuplesPerSecond, WalMegabytesPerSecond };

// Paints the progress column as a bar.
class ProgressDelegate : public QStyledItemDelegate
{
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override
    {
        QStyleOptionProgressBar bar;
        bar.rect = option.rect.adjusted(2, 2, -2, -2);
        bar.minimum = 0;
        bar.maximum = 1000;
        bar.progress = int(index.data(TableProgressModel::FractionRole).toDouble() * 1000);
        bar.text = index.data().toString();
        bar.textVisible = true;
        bar.state = option.state | QStyle::State_Horizontal;
        QApplication::style()->drawControl(QStyle::CE_ProgressBar, &bar, painter);
    }
};

QTableView *compactView(QAbstractItemModel *model)
{
    auto *view = new QTableView;
    view->setModel(model);
    view->verticalHeader()->hide();
    view->verticalHeader()->setDefaultSectionSize(view->fontMetrics().height() + 8);
    view->setSelectionBehavior(QAbstractItemView::SelectRows);
    view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    view->horizontalHeader()->setStretchLastSection(true);
    return view;
}

} // namespace

Dashboard::Dashboard(QWidget *parent)
    : QWidget(parent)
    , m_banner(new QLabel)
    , m_phase(new QLabel(QStringLiteral("No run yet")))
    , m_stats(new QLabel)
    , m_progress(new QProgressBar)
    , m_throughput(new TimeSeriesChart(QStringLiteral("Throughput")))
    , m_latency(new TimeSeriesChart(QStringLiteral("Commit latency (ingest)")))
    , m_server(new TimeSeriesChart(QStringLiteral("Server (ingest)")))
    , m_tables(new TableProgressModel(this))
    , m_log(new RunLogModel(this))
    , m_details(new QPlainTextEdit)
    , m_workers(new WorkerStrip)
    , m_checkpoints(new QLabel)
{
    m_banner->setObjectName(QStringLiteral("runFailedBanner"));
    m_banner->setWordWrap(true);
    m_banner->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_banner->setStyleSheet(QStringLiteral("QLabel { background: #fde2e1; color: #8a1c1c; border: "
                                           "1px solid #e0a0a0; border-radius: 4px; padding: 6px; "
                                           "font-weight: bold; }"));
    m_banner->hide();
    auto *split = new QSplitter(Qt::Vertical);
    split->addWidget(createCharts());
    split->addWidget(createLog());
    split->setStretchFactor(0, 4);
    split->setStretchFactor(1, 1);
    split->setSizes({4000, 1300}); // scaled to the real height: about a quarter for the log
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->addWidget(m_banner);
    layout->addWidget(createHeader());
    layout->addWidget(split, 1);
}

QWidget *Dashboard::createHeader()
{
    auto *header = new QWidget;
    auto *grid = new QGridLayout(header);
    grid->setContentsMargins(0, 0, 0, 0);
    QFont bold = m_phase->font();
    bold.setBold(true);
    m_phase->setFont(bold);
    m_progress->setRange(0, 1000);
    m_progress->setValue(0);
    m_progress->setFormat(QStringLiteral("%p%"));
    m_stats->setTextFormat(Qt::PlainText);
    grid->addWidget(m_phase, 0, 0);
    grid->addWidget(m_progress, 0, 1);
    grid->addWidget(m_stats, 1, 0, 1, 2);
    grid->setColumnStretch(1, 1);
    return header;
}

QWidget *Dashboard::createCharts()
{
    m_throughput->addSeries(QStringLiteral("rows/s"), QColor(0x1f, 0x77, 0xb4));
    m_throughput->addSeries(QStringLiteral("mean rows/s"), QColor(0x1f, 0x77, 0xb4), Qt::DashLine);
    m_throughput->addSeries(QStringLiteral("MB/s"), QColor(0xff, 0x7f, 0x0e), Qt::SolidLine, true);
    m_throughput->setAxisTitles(QStringLiteral("rows/s"), QStringLiteral("MB/s"));
    m_latency->addSeries(QStringLiteral("p50"), QColor(0x2c, 0xa0, 0x2c));
    m_latency->addSeries(QStringLiteral("p95"), QColor(0xd6, 0x27, 0x28));
    m_latency->addSeries(QStringLiteral("p99"), QColor(0x94, 0x67, 0xbd), Qt::DotLine);
    m_latency->setAxisTitles(QStringLiteral("ms"));
    m_server->addSeries(QStringLiteral("tuples/s"), QColor(0x17, 0xbe, 0xcf));
    m_server->addSeries(QStringLiteral("WAL MB/s"), QColor(0x8c, 0x56, 0x4b), Qt::SolidLine, true);
    m_server->setAxisTitles(QStringLiteral("tuples/s"), QStringLiteral("WAL MB/s"));

    m_tableView = compactView(m_tables);
    m_tableView->setItemDelegateForColumn(TableProgressModel::ProgressColumn,
                                          new ProgressDelegate(m_tableView));
    m_tableView->horizontalHeader()->setSectionResizeMode(TableProgressModel::ProgressColumn,
                                                          QHeaderView::Stretch);
    m_tableView->horizontalHeader()->setStretchLastSection(false);
    auto *side = new QWidget;
    auto *sideLayout = new QVBoxLayout(side);
    sideLayout->setContentsMargins(0, 0, 0, 0);
    sideLayout->addWidget(new QLabel(QStringLiteral("Tables")));
    sideLayout->addWidget(m_tableView, 1);
    sideLayout->addWidget(new QLabel(QStringLiteral("Workers")));
    sideLayout->addWidget(m_workers);
    sideLayout->addWidget(m_checkpoints);

    auto *charts = new QWidget;
    auto *grid = new QGridLayout(charts);
    grid->setContentsMargins(0, 0, 0, 0);
    grid->addWidget(m_throughput, 0, 0);
    grid->addWidget(side, 0, 1);
    grid->addWidget(m_latency, 1, 0);
    grid->addWidget(m_server, 1, 1);
    grid->setColumnStretch(0, 1);
    grid->setColumnStretch(1, 1);
    return charts;
}

QWidget *Dashboard::createLog()
{
    m_logView = compactView(m_log);
    m_logView->setMinimumHeight(m_logView->fontMetrics().height() * 6);
    m_logView->horizontalHeader()->setSectionResizeMode(RunLogModel::TimeColumn,
                                                        QHeaderView::ResizeToContents);
    m_logView->horizontalHeader()->setSectionResizeMode(RunLogModel::LevelColumn,
                                                        QHeaderView::ResizeToContents);
    m_details->setReadOnly(true);
    m_details->setPlaceholderText(QStringLiteral("Select a log entry to see its details"));
    connect(m_logView->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &Dashboard::showLogDetails);
    auto *split = new QSplitter(Qt::Horizontal);
    split->addWidget(m_logView);
    split->addWidget(m_details);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);
    return split;
}

void Dashboard::setController(RunController *controller)
{
    if (m_controller)
        disconnect(m_controller, nullptr, this, nullptr);
    m_controller = controller;
    if (!controller)
        return;
    connect(controller, &RunController::runStarted, this, [this] { clear(); });
    connect(controller, &RunController::snapshotTaken, this, &Dashboard::addSnapshot);
    connect(controller, &RunController::runFinished, this, &Dashboard::showFinished);
    connect(controller, &RunController::logMessage, this, &Dashboard::addLog);
    connect(controller, &RunController::phaseChanged, this, [this](const QString &phase) {
        m_phase->setText(phase.left(1).toUpper() + phase.mid(1));
    });
    connect(controller, &RunController::stateChanged, this, [this](RunController::State state) {
        if (state == RunController::State::Starting)
            hideBanner();
        if (state == RunController::State::Paused)
            m_phase->setText(QStringLiteral("Paused"));
    });
}

void Dashboard::clear()
{
    m_throughput->clear();
    m_latency->clear();
    m_server->clear();
    m_tables->clear();
    m_workers->setStates({});
    m_progress->setValue(0);
    m_stats->clear();
    m_checkpoints->clear();
    m_lastServerSample = -1;
    m_serverOffset = 0;
}

void Dashboard::addSnapshot(const RunSnapshot &s)
{
    updateHeader(s);
    m_tables->setTables(s.tables);
    m_workers->setStates(s.workers);
    addChartPoints(s);
    m_throughput->flush();
    m_latency->flush();
    m_server->flush();
}

void Dashboard::updateHeader(const RunSnapshot &s)
{
    m_progress->setValue(int(s.fraction() * 1000));
    QString text = QStringLiteral("%1 of %2 rows · %3 rows/s · %4/s · elapsed %5 · ETA %6")
                       .arg(formatCount(double(s.rowsDone)), formatCount(double(s.rowsTotal)),
                            formatCount(s.rowsPerSecond), formatBytes(s.bytesPerSecond),
                            formatDuration(s.elapsedSeconds),
                            s.finished ? QStringLiteral("done") : formatDuration(s.etaSeconds));
    if (s.commitLatency.count > 0)
        text +=
            QStringLiteral(" · p95 commit %1 ms").arg(QString::number(s.commitLatency.p95, 'f', 1));
    if (s.rowsSkipped)
        text += QStringLiteral(" · %1 rows already loaded").arg(formatCount(double(s.rowsSkipped)));
    m_stats->setText(text);
}

void Dashboard::addChartPoints(const RunSnapshot &s)
{
    const double t = s.elapsedSeconds;
    if (!s.finished) { // the final snapshot carries means, not instantaneous rates
        m_throughput->append(RowsPerSecond, t, s.rowsPerSecond);
        m_throughput->append(MegabytesPerSecond, t, s.bytesPerSecond / 1e6);
    }
    m_throughput->append(MeanRowsPerSecond, t, s.meanRowsPerSecond);
    if (s.commitLatency.count > 0) {
        m_latency->append(P50, t, s.commitLatency.p50);
        m_latency->append(P95, t, s.commitLatency.p95);
        m_latency->append(P99, t, s.commitLatency.p99);
    }
    if (s.hasServerSample && s.server.elapsedSeconds != m_lastServerSample) {
        m_lastServerSample = s.server.elapsedSeconds;
        m_server->append(TuplesPerSecond, t, s.server.tuplesInsertedPerSecond);
        m_server->append(WalMegabytesPerSecond, t, s.server.walBytesPerSecond / 1e6);
        m_checkpoints->setText(
            QStringLiteral("Checkpoints during the run: %1 · COPYs in progress: %2")
                .arg(s.server.checkpoints)
                .arg(s.server.activeCopies));
    }
}

void Dashboard::showFinished(const RunResult &result)
{
    if (result.ok) {
        m_phase->setText(QStringLiteral("Finished"));
        m_progress->setValue(1000);
    } else if (result.cancelled) {
        m_phase->setText(QStringLiteral("Cancelled"));
    } else {
        m_phase->setText(QStringLiteral("Failed"));
        showBanner(QStringLiteral("The run failed: %1").arg(result.error));
    }
}

void Dashboard::addLog(LogLevel level, const QString &text, const QString &details)
{
    m_log->add(level, text, details);
    m_logView->scrollToBottom();
}

void Dashboard::showBanner(const QString &text)
{
    m_banner->setText(text);
    m_banner->show();
}

void Dashboard::hideBanner()
{
    m_banner->hide();
    m_banner->clear();
}

bool Dashboard::isBannerVisible() const
{
    return !m_banner->isHidden();
}

QString Dashboard::bannerText() const
{
    return m_banner->text();
}

void Dashboard::showLogDetails()
{
    const QModelIndex index = m_logView->currentIndex();
    if (!index.isValid())
        return m_details->clear();
    const RunLogModel::Entry &e = m_log->entry(index.row());
    m_details->setPlainText(e.details.isEmpty() ? e.text
                                                : e.text + QStringLiteral("\n\n") + e.details);
}

} // namespace spillway
