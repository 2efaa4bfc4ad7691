#include "run/dashboard.h"

#include "run/pipelineview.h"
#include "run/runcontroller.h"
#include "run/runlogmodel.h"
#include "run/tableprogressmodel.h"
#include "run/timeserieschart.h"
#include "run/workerstrip.h"

#include <QApplication>
#include <QDir>
#include <QFontMetrics>
#include <QGridLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QSplitter>
#include <QStackedWidget>
#include <QStyledItemDelegate>
#include <QTableView>
#include <QVBoxLayout>

#include <algorithm>

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

// The width a column needs to show its header and every text in full: font metrics and the
// style's margins, not the rows in view.
int columnWidth(const QTableView *view, int column, const QStringList &texts)
{
    const QStyle *style = view->style();
    QFont headerFont = view->horizontalHeader()->font();
    headerFont.setBold(true); // some styles bold the header; leave room for it
    const QString title = view->model()->headerData(column, Qt::Horizontal).toString();
    const int header = QFontMetrics(headerFont).horizontalAdvance(title) +
                       2 * style->pixelMetric(QStyle::PM_HeaderMargin, nullptr, view) + 4;
    const QFontMetrics fm = view->fontMetrics();
    int text = 0;
    for (const QString &t : texts)
        text = std::max(text, fm.horizontalAdvance(t));
    text += 2 * (style->pixelMetric(QStyle::PM_FocusFrameHMargin, nullptr, view) + 1) +
            fm.horizontalAdvance(QLatin1Char(' '));
    return std::max(header, text);
}

// Numbers get the width of the widest figure their formatter writes; the table name fits its
// longest name (set again whenever the tables change); the progress bar takes the rest, never
// less than its "100.0%".
void fitTableColumns(QTableView *view)
{
    QHeaderView *header = view->horizontalHeader();
    const QAbstractItemModel *model = view->model();
    QStringList names;
    for (int row = 0; row < model->rowCount(); ++row)
        names << model->index(row, TableProgressModel::TableColumn).data().toString();
    header->setSectionResizeMode(QHeaderView::Fixed);
    header->setSectionResizeMode(TableProgressModel::ProgressColumn, QHeaderView::Stretch);
    // A very long name is elided past 32 characters' width (its tooltip has it whole).
    header->resizeSection(TableProgressModel::TableColumn,
                          std::min(columnWidth(view, TableProgressModel::TableColumn, names),
                                   view->fontMetrics().averageCharWidth() * 32));
    const QStringList counts{formatCount(888.8e3), formatCount(88.8e6), formatCount(888.8e9)};
    header->resizeSection(TableProgressModel::RowsColumn,
                          columnWidth(view, TableProgressModel::RowsColumn, counts));
    header->resizeSection(TableProgressModel::TotalColumn,
                          columnWidth(view, TableProgressModel::TotalColumn, counts));
    header->resizeSection(TableProgressModel::BytesColumn,
                          columnWidth(view, TableProgressModel::BytesColumn,
                                      {formatBytes(888.8 * 1024), formatBytes(888.8 * 1048576),
                                       formatBytes(888.8 * 1073741824.0)}));
    const int progress =
        columnWidth(view, TableProgressModel::ProgressColumn, {QStringLiteral("100.0%")});
    header->setMinimumSectionSize(progress);
    // Wide enough for every column without a horizontal scroll bar: the charts beside give way.
    int width = progress + 2 * view->frameWidth() +
                view->style()->pixelMetric(QStyle::PM_ScrollBarExtent, nullptr, view);
    for (int c = 0; c < TableProgressModel::ColumnCount; ++c)
        width += c == TableProgressModel::ProgressColumn ? 0 : header->sectionSize(c);
    view->setMinimumWidth(width);
}

// Time and level at their full width; the message takes the rest and alone is elided.
void fitLogColumns(QTableView *view)
{
    QHeaderView *header = view->horizontalHeader();
    QStringList levels;
    for (LogLevel level : {LogLevel::Info, LogLevel::Warning, LogLevel::Error})
        levels << RunLogModel::levelName(level);
    header->setSectionResizeMode(QHeaderView::Fixed);
    header->setSectionResizeMode(RunLogModel::MessageColumn, QHeaderView::Stretch);
    header->resizeSection(RunLogModel::TimeColumn,
                          columnWidth(view, RunLogModel::TimeColumn, {QStringLiteral("88:88:88")}));
    header->resizeSection(RunLogModel::LevelColumn,
                          columnWidth(view, RunLogModel::LevelColumn, levels));
    view->setTextElideMode(Qt::ElideRight);
    view->setWordWrap(false);
}

} // namespace

Dashboard::Dashboard(QWidget *parent)
    : QWidget(parent)
    , m_banner(new QLabel)
    , m_phase(new QLabel(tr("No run yet")))
    , m_stats(new QLabel)
    , m_progress(new QProgressBar)
    , m_throughput(new TimeSeriesChart(tr("Throughput")))
    , m_latency(new TimeSeriesChart(tr("Commit latency (ingest)")))
    , m_server(new TimeSeriesChart(tr("Server (ingest)")))
    , m_tables(new TableProgressModel(this))
    , m_log(new RunLogModel(this))
    , m_details(new QPlainTextEdit)
    , m_chartStack(new QStackedWidget)
    , m_pipeline(new PipelineView)
    , m_older(new QLabel)
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
    m_pauseTicker.setInterval(1000);
    connect(&m_pauseTicker, &QTimer::timeout, this, &Dashboard::tickPause);
    m_lineFlush.setInterval(100);
    connect(&m_lineFlush, &QTimer::timeout, this, &Dashboard::flushOutput);
    connect(m_log, &RunLogModel::olderCountChanged, this, &Dashboard::updateOlderLines);
    m_chartStack->addWidget(createCharts());
    m_chartStack->addWidget(m_pipeline);
    auto *split = new QSplitter(Qt::Vertical);
    split->addWidget(m_chartStack);
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
    // A long status line wraps rather than widening the page past a 1024-pixel window.
    m_stats->setWordWrap(true);
    grid->addWidget(m_phase, 0, 0);
    grid->addWidget(m_progress, 0, 1);
    grid->addWidget(m_stats, 1, 0, 1, 2);
    grid->setColumnStretch(1, 1);
    return header;
}

QWidget *Dashboard::createCharts()
{
    m_throughput->addSeries(tr("rows/s"), QColor(0x1f, 0x77, 0xb4));
    m_throughput->addSeries(tr("mean rows/s"), QColor(0x1f, 0x77, 0xb4), Qt::DashLine);
    m_throughput->addSeries(QStringLiteral("MB/s"), QColor(0xff, 0x7f, 0x0e), Qt::SolidLine, true);
    m_throughput->setAxisTitles(tr("rows/s"), tr("MB/s"));
    m_latency->addSeries(QStringLiteral("p50"), QColor(0x2c, 0xa0, 0x2c));
    m_latency->addSeries(QStringLiteral("p95"), QColor(0xd6, 0x27, 0x28));
    m_latency->addSeries(QStringLiteral("p99"), QColor(0x94, 0x67, 0xbd), Qt::DotLine);
    m_latency->setAxisTitles(tr("ms"));
    m_server->addSeries(tr("tuples/s"), QColor(0x17, 0xbe, 0xcf));
    m_server->addSeries(tr("WAL MB/s"), QColor(0x8c, 0x56, 0x4b), Qt::SolidLine, true);
    m_server->setAxisTitles(tr("tuples/s"), tr("WAL MB/s"));

    m_tableView = compactView(m_tables);
    m_tableView->setItemDelegateForColumn(TableProgressModel::ProgressColumn,
                                          new ProgressDelegate(m_tableView));
    m_tableView->horizontalHeader()->setStretchLastSection(false);
    fitTableColumns(m_tableView);
    connect(m_tables, &QAbstractItemModel::modelReset, m_tableView,
            [this] { fitTableColumns(m_tableView); });
    auto *side = new QWidget;
    auto *sideLayout = new QVBoxLayout(side);
    sideLayout->setContentsMargins(0, 0, 0, 0);
    sideLayout->addWidget(new QLabel(tr("Tables")));
    sideLayout->addWidget(m_tableView, 1);
    sideLayout->addWidget(new QLabel(tr("Workers")));
    sideLayout->addWidget(m_workers);
    m_checkpoints->setWordWrap(true);
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
    m_logView->horizontalHeader()->setStretchLastSection(false);
    fitLogColumns(m_logView);
    m_details->setReadOnly(true);
    m_details->setPlaceholderText(tr("Select a log entry to see its details"));
    connect(m_logView->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &Dashboard::showLogDetails);
    m_older->setObjectName(QStringLiteral("olderLogLines"));
    m_older->setWordWrap(true);
    m_older->setTextFormat(Qt::PlainText);
    m_older->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_older->hide();
    auto *logBox = new QWidget;
    auto *logLayout = new QVBoxLayout(logBox);
    logLayout->setContentsMargins(0, 0, 0, 0);
    logLayout->setSpacing(2);
    logLayout->addWidget(m_older);
    logLayout->addWidget(m_logView, 1);
    auto *split = new QSplitter(Qt::Horizontal);
    split->addWidget(logBox);
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
        m_runPhase = phase.left(1).toUpper() + phase.mid(1);
        m_phase->setText(m_runPhase);
    });
    connect(controller, &RunController::pipelineStarted, this,
            [this](const QStringList &commands, const QStringList &, const QString &logFile) {
                startPipeline(commands, logFile);
            });
    connect(controller, &RunController::pipelineSampled, this, &Dashboard::addPipelineSample);
    connect(controller, &RunController::pipelineOutput, this, &Dashboard::addPipelineOutput);
    connect(controller, &RunController::commandFinished, this, &Dashboard::showCommandFinished);
    connect(controller, &RunController::pipelineFinished, this, &Dashboard::showPipelineResult);
    connect(controller, &RunController::paused, this, &Dashboard::showPaused);
    connect(controller, &RunController::resumed, this, &Dashboard::showResumed);
    connect(controller, &RunController::stateChanged, this, [this](RunController::State state) {
        if (state == RunController::State::Starting)
            hideBanner();
        if (state == RunController::State::Pausing)
            m_phase->setText(tr("Pausing"));
        if (state == RunController::State::Cancelling)
            m_phase->setText(tr("Cancelling"));
    });
}

QList<TimeSeriesChart *> Dashboard::charts() const
{
    return {m_throughput, m_latency, m_server};
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
    m_status = Status::Idle;
    m_snapshot = {};
    m_hasServer = false;
    m_pausedTotal = 0;
    m_pauseStart = -1;
    m_pauseTicker.stop();
    flushOutput();
    m_lineFlush.stop();
    m_pipeline->clear();
    m_chartStack->setCurrentIndex(0);
    m_commandNames.clear();
    m_logFile.clear();
    updateOlderLines();
}

void Dashboard::addSnapshot(const RunSnapshot &s)
{
    if (m_status == Status::Idle)
        m_status = Status::Running;
    m_snapshot = s;
    updateHeader(s);
    m_tables->setTables(s.tables);
    m_workers->setStates(s.workers);
    addChartPoints(s);
    m_throughput->flush();
    m_latency->flush();
    m_server->flush();
}

QString Dashboard::etaText(const RunSnapshot &s) const
{
    switch (m_status) {
    case Status::Paused:
        return tr("paused");
    case Status::Finished:
        return tr("finished in %1").arg(formatDuration(s.elapsedSeconds));
    case Status::Cancelled:
        return tr("cancelled");
    case Status::Failed:
        return tr("failed");
    case Status::Idle:
    case Status::Running:
        break;
    }
    return s.finished ? tr("finishing") : tr("ETA %1").arg(formatDuration(s.etaSeconds));
}

void Dashboard::updateHeader(const RunSnapshot &s)
{
    m_progress->setValue(int(s.fraction() * 1000));
    QStringList parts{
        tr("%1 of %2 rows").arg(formatCount(double(s.rowsDone)), formatCount(double(s.rowsTotal)))};
    if (m_status == Status::Running || m_status == Status::Idle)
        parts << tr("%1 rows/s").arg(formatCount(s.rowsPerSecond))
              << tr("%1/s").arg(formatBytes(s.bytesPerSecond));
    else if (m_status == Status::Finished)
        parts << tr("mean %1 rows/s").arg(formatCount(s.meanRowsPerSecond));
    if (m_status != Status::Finished) // a finished run says "finished in" instead
        parts << tr("elapsed %1").arg(formatDuration(s.elapsedSeconds));
    if (m_pausedTotal > 0)
        parts << tr("paused %1").arg(formatDuration(m_pausedTotal));
    parts << etaText(s);
    if (s.commitLatency.count > 0)
        parts << tr("p95 commit %1 ms").arg(QString::number(s.commitLatency.p95, 'f', 1));
    if (s.rowsSkipped)
        parts << tr("%1 rows already loaded").arg(formatCount(double(s.rowsSkipped)));
    m_stats->setText(parts.join(QStringLiteral(" · ")));
}

void Dashboard::updateServerText()
{
    if (!m_hasServer)
        return m_checkpoints->clear();
    // COPYs in progress belong to a run in progress only: a stopped run has none.
    m_checkpoints->setText(
        m_status == Status::Running
            ? tr("Checkpoints during the run: %1 · COPYs in progress: %2")
                  .arg(m_serverLast.checkpoints)
                  .arg(m_serverLast.activeCopies)
            : tr("Checkpoints during the run: %1").arg(m_serverLast.checkpoints));
}

void Dashboard::setWorkersAll(WorkerState state)
{
    QList<WorkerState> states = m_workers->states();
    std::fill(states.begin(), states.end(), state);
    m_workers->setStates(states);
}

void Dashboard::addChartPoints(const RunSnapshot &s)
{
    const double t = s.elapsedSeconds + m_pausedTotal; // wall time: pauses take room
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
        m_serverLast = s.server;
        m_hasServer = true;
        updateServerText();
    }
}

void Dashboard::showFinished(const RunResult &result)
{
    flushOutput(); // the last lines before "Finished"
    m_lineFlush.stop();
    m_pauseTicker.stop();
    if (m_pauseStart >= 0) { // cancelled while paused: the band ends here
        for (TimeSeriesChart *chart : charts())
            chart->endPause(m_pauseStart + double(m_pauseClock.nsecsElapsed()) / 1e9);
        m_pauseStart = -1;
    }
    if (result.ok) {
        m_status = Status::Finished;
        m_phase->setText(tr("Finished"));
    } else if (result.cancelled) {
        m_status = Status::Cancelled;
        m_phase->setText(tr("Cancelled"));
    } else {
        m_status = Status::Failed;
        m_phase->setText(tr("Failed"));
        showBanner(tr("The run failed: %1").arg(result.error));
    }
    if (result.last.rowsTotal > 0 || m_snapshot.rowsTotal == 0)
        m_snapshot = result.last;
    if (!m_snapshot.tables.isEmpty())
        m_tables->setTables(m_snapshot.tables);
    updateHeader(m_snapshot);
    if (result.ok)
        m_progress->setValue(1000);
    updateServerText();
    setWorkersAll(result.ok ? WorkerState::Done : WorkerState::Idle);
}

void Dashboard::showPaused(double activeSeconds)
{
    m_status = Status::Paused;
    m_phase->setText(tr("Paused"));
    m_pauseStart = std::max(activeSeconds, m_snapshot.elapsedSeconds) + m_pausedTotal;
    m_pauseClock.start();
    for (TimeSeriesChart *chart : charts())
        chart->beginPause(m_pauseStart);
    m_pauseTicker.start();
    updateHeader(m_snapshot);
    updateServerText();
    setWorkersAll(WorkerState::Idle);
}

void Dashboard::tickPause()
{
    const double now = m_pauseStart + double(m_pauseClock.nsecsElapsed()) / 1e9;
    for (TimeSeriesChart *chart : charts())
        chart->extendPause(now);
}

void Dashboard::showResumed(double pausedSeconds)
{
    m_pauseTicker.stop();
    if (m_pauseStart >= 0) {
        for (TimeSeriesChart *chart : charts())
            chart->endPause(m_pauseStart + pausedSeconds);
    }
    m_pauseStart = -1;
    m_pausedTotal += pausedSeconds;
    m_status = Status::Running;
    m_phase->setText(m_runPhase.isEmpty() ? tr("Running") : m_runPhase);
    updateHeader(m_snapshot);
    updateServerText();
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

QString Dashboard::phaseText() const
{
    return m_phase->text();
}

QString Dashboard::statsText() const
{
    return m_stats->text();
}

QString Dashboard::serverText() const
{
    return m_checkpoints->text();
}

void Dashboard::showLogDetails()
{
    const QModelIndex index = m_logView->currentIndex();
    if (!index.isValid())
        return m_details->clear();
    const RunLogModel::Entry &e = m_log->entry(index.row());
    const QString text = RunLogModel::messageText(e);
    m_details->setPlainText(e.details.isEmpty() ? text : text + QStringLiteral("\n\n") + e.details);
}

void Dashboard::startPipeline(const QStringList &commands, const QString &logFile)
{
    m_commandNames = commands;
    m_logFile = logFile;
    m_pipeline->start(commands);
    m_chartStack->setCurrentWidget(m_pipeline);
}

bool Dashboard::isPipelineShown() const
{
    return m_chartStack->currentWidget() == m_pipeline;
}

void Dashboard::addPipelineSample(const PipelineSample &sample)
{
    m_pipeline->addSample(sample);
}

void Dashboard::addPipelineOutput(const PipelineLogLine &line)
{
    const QString name = line.command < 0 ? tr("before") : m_commandNames.value(line.command);
    RunLogModel::Entry e;
    e.time = QDateTime::currentDateTime();
    e.level = line.fromStderr ? LogLevel::Warning : LogLevel::Info;
    e.text = line.text;
    e.source = name.isEmpty() ? QString::number(line.command + 1) : name;
    if (line.fromStderr)
        e.details = tr("%1 wrote this to its standard error at %2 s.")
                        .arg(e.source, QString::number(line.elapsedSeconds, 'f', 1));
    m_pendingLines.append(e);
    if (!m_lineFlush.isActive())
        m_lineFlush.start();
}

void Dashboard::flushOutput()
{
    if (m_pendingLines.isEmpty()) {
        m_lineFlush.stop();
        return;
    }
    m_log->addEntries(std::exchange(m_pendingLines, {}));
    m_logView->scrollToBottom();
}

// The job's own notice says in the log how the command ended; the command table shows it.
void Dashboard::showCommandFinished(int command, const CommandOutcome &outcome)
{
    if (command >= 0) // -1: the before command, whose outcome is in the log and the record
        m_pipeline->showCommandFinished(command, outcome);
}

void Dashboard::showPipelineResult(const PipelineResult &result)
{
    if (!result.logFile.isEmpty())
        m_logFile = result.logFile;
    m_pipeline->showResult(result);
    updateOlderLines();
}

void Dashboard::updateOlderLines()
{
    const qint64 older = m_log->olderCount();
    if (older == 0) {
        m_older->hide();
        m_older->clear();
        return;
    }
    const QString count = formatNumber(double(older));
    m_older->setText(m_logFile.isEmpty()
                         ? tr("%1 older lines are in the run's full log.").arg(count)
                         : tr("%1 older lines are in the full log: %2")
                               .arg(count, QDir::toNativeSeparators(m_logFile)));
    m_older->show();
}

QString Dashboard::olderLinesText() const
{
    return m_older->isHidden() ? QString() : m_older->text();
}

} // namespace spillway
