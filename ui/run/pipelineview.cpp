#include "run/pipelineview.h"

#include "base/quantity.h"
#include "run/pipelinemodels.h"
#include "run/timeserieschart.h"
#include "shell/palettes.h"

#include <QGridLayout>
#include <QHeaderView>
#include <QLabel>
#include <QTableView>
#include <QVBoxLayout>

namespace spillway {
namespace {

// Hues told apart on light and dark bases (the dashboard's), one per table or command.
const QList<QColor> kHues{QColor(0x1f, 0x77, 0xb4), QColor(0xff, 0x7f, 0x0e),
                          QColor(0x2c, 0xa0, 0x2c), QColor(0xd6, 0x27, 0x28),
                          QColor(0x94, 0x67, 0xbd), QColor(0x8c, 0x56, 0x4b),
                          QColor(0xe3, 0x77, 0xc2), QColor(0x17, 0xbe, 0xcf)};

QColor hue(qsizetype i)
{
    return kHues.at(i % kHues.size());
}

enum DatabaseSeries { Active, IdleInTransaction, Waiting, Blocked, WalMegabytes };

QTableView *compactTable(QAbstractItemModel *model, const QString &name)
{
    auto *view = new QTableView;
    view->setModel(model);
    view->setObjectName(name);
    view->verticalHeader()->hide();
    view->verticalHeader()->setDefaultSectionSize(view->fontMetrics().height() + 8);
    view->setSelectionBehavior(QAbstractItemView::SelectRows);
    view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    view->horizontalHeader()->setStretchLastSection(true);
    view->setWordWrap(false);
    return view;
}

} // namespace

PipelineView::PipelineView(QWidget *parent)
    : QWidget(parent)
    , m_tablesChart(new TimeSeriesChart(tr("Rows/s into the target tables")))
    , m_commandsChart(new TimeSeriesChart(tr("Commands: CPU and memory")))
    , m_databaseChart(new TimeSeriesChart(tr("Database activity")))
    , m_commands(new CommandActivityModel(this))
    , m_tables(new TargetTableModel(this))
    , m_database(new QLabel)
    , m_verify(new QLabel)
    , m_verifyProblem(new QLabel)
{
    m_tablesChart->setAxisTitles(tr("rows/s"));
    m_databaseChart->addSeries(tr("active"), hue(0));
    m_databaseChart->addSeries(tr("idle in transaction"), hue(1));
    m_databaseChart->addSeries(tr("waiting"), hue(4));
    m_databaseChart->addSeries(tr("blocked"), hue(3));
    m_databaseChart->addSeries(tr("WAL MB/s"), hue(5), Qt::DashLine, true);
    m_databaseChart->setAxisTitles(tr("sessions"), tr("WAL MB/s"));
    m_database->setWordWrap(true);
    m_database->setTextFormat(Qt::PlainText);
    m_database->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_verify->setObjectName(QStringLiteral("pipelineVerify"));
    m_verify->setWordWrap(true);
    m_verify->setTextFormat(Qt::PlainText);
    m_verify->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_verify->hide();
    m_verifyProblem->setObjectName(QStringLiteral("pipelineVerifyProblem"));
    m_verifyProblem->setWordWrap(true);
    m_verifyProblem->setTextFormat(Qt::PlainText);
    m_verifyProblem->setTextInteractionFlags(Qt::TextSelectableByMouse);
    showAsError(m_verifyProblem);
    m_verifyProblem->hide();
    auto *databaseBox = new QWidget;
    auto *databaseLayout = new QVBoxLayout(databaseBox);
    databaseLayout->setContentsMargins(0, 0, 0, 0);
    databaseLayout->addWidget(m_databaseChart, 1);
    databaseLayout->addWidget(m_database);
    auto *grid = new QGridLayout;
    grid->setContentsMargins(0, 0, 0, 0);
    grid->addWidget(m_tablesChart, 0, 0);
    grid->addWidget(createSide(), 0, 1);
    grid->addWidget(m_commandsChart, 1, 0);
    grid->addWidget(databaseBox, 1, 1);
    grid->setColumnStretch(0, 1);
    grid->setColumnStretch(1, 1);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_verify);
    layout->addWidget(m_verifyProblem);
    layout->addLayout(grid, 1);
}

QWidget *PipelineView::createSide()
{
    auto *side = new QWidget;
    m_commandView = compactTable(m_commands, QStringLiteral("pipelineCommandActivity"));
    m_tableView = compactTable(m_tables, QStringLiteral("pipelineTargetTables"));
    for (QTableView *view : {m_commandView, m_tableView}) {
        view->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
        view->horizontalHeader()->setStretchLastSection(true);
    }
    auto *layout = new QVBoxLayout(side);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(new QLabel(tr("Commands")));
    layout->addWidget(m_commandView, 1);
    layout->addWidget(new QLabel(tr("Target tables")));
    layout->addWidget(m_tableView, 1);
    return side;
}

void PipelineView::clear()
{
    m_tablesChart->removeAllSeries();
    m_commandsChart->removeAllSeries();
    m_databaseChart->clear();
    m_commands->clear();
    m_tables->clear();
    m_tableNames.clear();
    m_commandCount = 0;
    m_database->clear();
    for (QLabel *label : {m_verify, m_verifyProblem}) {
        label->clear();
        label->hide();
    }
    m_verifyProblem->setObjectName(QStringLiteral("pipelineVerifyProblem"));
    m_verifyProblem->setWordWrap(true);
    m_verifyProblem->setTextFormat(Qt::PlainText);
    m_verifyProblem->setTextInteractionFlags(Qt::TextSelectableByMouse);
    showAsError(m_verifyProblem);
    m_verifyProblem->hide();
}

void PipelineView::start(const QStringList &commands)
{
    clear();
    m_commands->setCommands(commands);
    m_commandCount = int(commands.size());
    for (int i = 0; i < m_commandCount; ++i) {
        m_commandsChart->addSeries(tr("%1 CPU %").arg(commands.at(i)), hue(i));
        m_commandsChart->addSeries(tr("%1 MB").arg(commands.at(i)), hue(i), Qt::DashLine, true);
    }
    m_commandsChart->setAxisTitles(tr("CPU % of one core"), tr("memory MB"));
}

int PipelineView::tableSeries(const QString &table)
{
    const qsizetype known = m_tableNames.indexOf(table);
    if (known >= 0)
        return int(known);
    m_tableNames << table;
    return m_tablesChart->addSeries(table, hue(m_tableNames.size() - 1));
}

void PipelineView::addSample(const PipelineSample &s)
{
    const double t = s.elapsedSeconds;
    for (const CommandSample &c : s.commands) {
        if (c.command < 0 || c.command >= m_commandCount || !c.running)
            continue;
        m_commandsChart->append(2 * c.command, t, c.process.cpuPercent);
        m_commandsChart->append(2 * c.command + 1, t, double(c.process.rssBytes) / 1e6);
    }
    m_commands->setSample(s);
    if (s.hasDatabase) {
        const DatabaseSample &d = s.database;
        for (const TableActivity &table : d.tables) {
            m_tablesChart->append(tableSeries(table.table), t,
                                  table.insertsPerSecond + table.updatesPerSecond +
                                      table.deletesPerSecond);
        }
        SessionSummary sum;
        for (qsizetype i = 0; i < d.sessions.size() && i < m_commandCount; ++i) {
            const SessionSummary &c = d.sessions.at(i);
            sum.active += c.active;
            sum.idleInTransaction += c.idleInTransaction;
            sum.waiting += c.waiting;
            sum.blocked += c.blocked;
        }
        m_databaseChart->append(Active, t, sum.active);
        m_databaseChart->append(IdleInTransaction, t, sum.idleInTransaction);
        m_databaseChart->append(Waiting, t, sum.waiting);
        m_databaseChart->append(Blocked, t, sum.blocked);
        m_databaseChart->append(WalMegabytes, t, d.walBytesPerSecond / 1e6);
        m_tables->setTables(d.tables);
        updateDatabaseText(d);
    }
    flushCharts();
}

void PipelineView::flushCharts()
{
    for (TimeSeriesChart *chart : {m_tablesChart, m_commandsChart, m_databaseChart})
        chart->flush();
}

void PipelineView::updateDatabaseText(const DatabaseSample &d)
{
    QStringList waits;
    for (const SessionSummary &s : d.sessions)
        waits << s.waitEvents;
    waits = waits.mid(0, 3);
    QStringList parts;
    parts << (waits.isEmpty() ? tr("no wait events")
                              : tr("waits: %1").arg(waits.join(QStringLiteral(", "))));
    parts << tr("checkpoints: %1").arg(d.checkpoints);
    parts << tr("temp files: %1 (%2)").arg(d.tempFiles).arg(formatBytes(double(d.tempBytes)));
    parts << tr("COPYs in progress: %1").arg(d.activeCopies);
    if (!d.sessions.isEmpty())
        parts << tr("other sessions: %1").arg(d.sessions.constLast().total);
    m_database->setText(parts.join(QStringLiteral(" · ")));
}

QString PipelineView::databaseText() const
{
    return m_database->text();
}

QString PipelineView::verifyText() const
{
    return m_verify->isHidden() ? m_verifyProblem->text() : m_verify->text();
}

bool PipelineView::outcomeFailed(const CommandOutcome &o)
{
    return !o.error.isEmpty() || o.timedOut || o.stopped || o.signal != 0 || o.exitCode != 0;
}

QString PipelineView::outcomeText(const CommandOutcome &o)
{
    if (!o.error.isEmpty())
        return tr("did not start: %1").arg(o.error);
    if (o.timedOut)
        return tr("timed out after %1").arg(formatDuration(o.seconds));
    if (o.stopped)
        return tr("stopped after %1").arg(formatDuration(o.seconds));
    if (o.signal != 0)
        return tr("signal %1 after %2").arg(o.signal).arg(formatDuration(o.seconds));
    return tr("exit %1 after %2").arg(o.exitCode).arg(formatDuration(o.seconds));
}

void PipelineView::showCommandFinished(int command, const CommandOutcome &outcome)
{
    m_commands->setFinished(command, outcomeText(outcome), outcomeFailed(outcome));
}

QString PipelineView::verifyText(const PipelineResult &result)
{
    QStringList lines;
    const bool several = result.iterations.size() > 1;
    for (qsizetype i = 0; i < result.iterations.size(); ++i) {
        const PipelineIteration &it = result.iterations.at(i);
        const QString prefix = several ? tr("Run %1: ").arg(i + 1) : QString();
        if (!it.verifyError.isEmpty()) {
            lines << prefix + tr("Verify could not run: %1").arg(it.verifyError);
            continue;
        }
        if (!it.verified)
            continue;
        const VerifyReport &r = it.verify;
        if (r.ok()) {
            lines << prefix + tr("Verify: all %n table(s) hold what was generated (%1 rows).",
                                 nullptr, int(r.tables.size()))
                                  .arg(formatNumber(double(r.expectedRows())));
            continue;
        }
        QStringList bad;
        for (const VerifyTableReport &t : r.tables) {
            if (t.match())
                continue;
            bad << (t.exists ? tr("%1 (expected %2 rows, found %3)")
                                   .arg(t.relation.isEmpty() ? t.name : t.relation,
                                        formatNumber(double(t.expectedRows)),
                                        formatNumber(double(t.foundRows)))
                             : tr("%1 (missing)").arg(t.relation.isEmpty() ? t.name : t.relation));
        }
        lines << prefix + tr("Verify found differences: %1").arg(bad.join(QStringLiteral("; ")));
    }
    return lines.join(QLatin1Char('\n'));
}

void PipelineView::showResult(const PipelineResult &result)
{
    const QString text = verifyText(result);
    QLabel *shown = result.verifyDifferences ? m_verifyProblem : m_verify;
    QLabel *hidden = shown == m_verify ? m_verifyProblem : m_verify;
    hidden->clear();
    hidden->hide();
    shown->setText(text);
    shown->setVisible(!text.isEmpty());
}

} // namespace spillway
