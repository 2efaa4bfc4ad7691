#include "history/runview.h"

#include "base/quantity.h"

#include "history/runcharts.h"
#include "history/runlistmodel.h"
#include "history/runpropertiesmodel.h"

#include <QChart>
#include <QChartView>
#include <QDir>
#include <QEvent>
#include <QFile>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
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
    , m_logPage(new QWidget)
    , m_log(new QPlainTextEdit)
    , m_logNote(new QLabel)
    , m_fullLog(new QPushButton(tr("Show the full log")))
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
    m_log->setReadOnly(true);
    m_log->setObjectName(QStringLiteral("pipelineLog"));
    m_log->setAccessibleName(tr("The pipeline's output"));
    m_log->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_log->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_logNote->setWordWrap(true);
    m_logNote->setTextFormat(Qt::PlainText);
    m_logNote->setTextInteractionFlags(Qt::TextSelectableByMouse);
    connect(m_fullLog, &QPushButton::clicked, this, [this] {
        if (const QString e = showFullLog(); !e.isEmpty())
            m_logNote->setText(e);
    });
    auto *noteRow = new QHBoxLayout;
    noteRow->addWidget(m_logNote, 1);
    noteRow->addWidget(m_fullLog);
    auto *logLayout = new QVBoxLayout(m_logPage);
    logLayout->addLayout(noteRow);
    logLayout->addWidget(m_log, 1);
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
    showLog();
}

QString RunView::logText(const PipelineRecord &p)
{
    QHash<int, QString> names;
    for (qsizetype i = 0; i < p.commands.size(); ++i)
        names.insert(int(i), p.commands.at(i).name);
    names.insert(-1, tr("before"));
    QStringList lines;
    lines.reserve(p.log.size() + 1);
    for (qsizetype i = 0; i < p.log.size(); ++i) {
        const PipelineLogLine &line = p.log.at(i).line;
        // Where the record left lines out (between its first and its last half), say so.
        if (i > 0 && !p.logComplete() && i == p.log.size() - p.log.size() / 2)
            lines << tr("… %n line(s) left out: see the full log", nullptr,
                        int(p.logLines - p.log.size()));
        lines << QStringLiteral("%1 s %2[%3] %4")
                     .arg(QString::number(line.elapsedSeconds, 'f', 1),
                          line.fromStderr ? QStringLiteral("! ") : QString(),
                          names.value(line.command, QString::number(line.command + 1)), line.text);
    }
    return lines.join(QLatin1Char('\n'));
}

void RunView::showLog()
{
    const int index = m_tabs->indexOf(m_logPage);
    if (!m_run.pipeline) {
        if (index >= 0)
            m_tabs->removeTab(index);
        return;
    }
    if (index < 0)
        m_tabs->addTab(m_logPage, tr("&Output"));
    const PipelineRecord &p = *m_run.pipeline;
    m_log->setPlainText(logText(p));
    const bool haveFile = !p.logFile.isEmpty() && QFile::exists(p.logFile);
    m_fullLog->setVisible(haveFile);
    m_logNote->setText(
        p.logComplete()
            ? tr("%n line(s), every one the commands wrote.", nullptr, int(p.logLines))
            : tr("The record keeps the first and the last %1 of %2 lines; the "
                 "full log is %3.")
                  .arg(formatNumber(double(p.log.size() / 2)), formatNumber(double(p.logLines)),
                       QDir::toNativeSeparators(p.logFile)));
}

QString RunView::showFullLog()
{
    if (!m_run.pipeline)
        return {};
    const QString path = m_run.pipeline->logFile;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return tr("Cannot read the full log %1: %2")
            .arg(QDir::toNativeSeparators(path), file.errorString());
    // A log of many gigabytes shows its end: what a window can hold and a reader scrolls to.
    constexpr qint64 kMaxBytes = 32 * 1024 * 1024;
    const bool tail = file.size() > kMaxBytes;
    if (tail) {
        file.seek(file.size() - kMaxBytes);
        file.readLine(); // from the first whole line on
    }
    m_log->setPlainText(QString::fromUtf8(file.readAll()));
    m_logNote->setText(
        tail ? tr("The last %1 of the full log: %2")
                   .arg(formatBytes(double(kMaxBytes)), QDir::toNativeSeparators(path))
             : tr("The full log: %1").arg(QDir::toNativeSeparators(path)));
    m_fullLog->hide();
    return {};
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
    if (QChart *tables = createPipelineTablesChart(m_run, pal))
        addChart(tables, tr("Rows per second into the target tables"))
            ->setObjectName(QStringLiteral("pipelineTablesChart"));
    if (QChart *commands = createPipelineCommandsChart(m_run, pal))
        addChart(commands, tr("CPU and memory of the commands"))
            ->setObjectName(QStringLiteral("pipelineCommandsChart"));
    if (QChart *database = createPipelineDatabaseChart(m_run, pal))
        addChart(database, tr("Database activity chart"))
            ->setObjectName(QStringLiteral("pipelineDatabaseChart"));
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
