#include "design/previewpanel.h"

#include "design/distributionchart.h"
#include "design/previewmodel.h"
#include "design/problemlabel.h"
#include "design/schemadocument.h"

#include <QElapsedTimer>
#include <QHeaderView>
#include <QLabel>
#include <QProgressBar>
#include <QScrollArea>
#include <QSplitter>
#include <QStackedWidget>
#include <QTableView>
#include <QtConcurrent/QtConcurrentRun>
#include <QVBoxLayout>

namespace spillway {

PreviewPanel::PreviewPanel(QWidget *parent)
    : QWidget(parent)
    , m_model(new PreviewModel(this))
    , m_chart(new DistributionChart)
    , m_stack(new QStackedWidget)
    , m_table(new QTableView)
    , m_problems(new QScrollArea)
    , m_problemSummary(new QLabel)
    , m_problemList(new ProblemLabel)
    , m_title(new QLabel)
    , m_status(new QLabel)
    , m_busy(new QProgressBar)
{
    m_table->setModel(m_model);
    m_table->setAlternatingRowColors(true);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectColumns);
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 6);
    m_table->horizontalHeader()->setMaximumSectionSize(320);
    auto *problems = new QWidget;
    auto *problemLayout = new QVBoxLayout(problems);
    m_problemSummary->setWordWrap(true);
    problemLayout->addWidget(m_problemSummary);
    problemLayout->addWidget(m_problemList);
    problemLayout->addStretch(1);
    m_problems->setWidget(problems);
    m_problems->setWidgetResizable(true);
    m_problems->setObjectName(QStringLiteral("previewProblems"));
    m_problems->setAccessibleName(tr("Schema problems"));
    connect(m_problemList, &ProblemLabel::problemActivated, this, &PreviewPanel::problemActivated);
    m_stack->addWidget(m_table);
    m_stack->addWidget(m_problems);
    m_status->setForegroundRole(QPalette::PlaceholderText);
    // Indeterminate: a preview takes from milliseconds to a few seconds.
    m_busy->setRange(0, 0);
    m_busy->setTextVisible(false);
    m_busy->setMaximumSize(80, m_status->fontMetrics().height());
    m_busy->setAccessibleName(tr("Preview is updating"));
    m_busy->hide();

    auto *header = new QHBoxLayout;
    QFont bold = m_title->font();
    bold.setBold(true);
    m_title->setFont(bold);
    header->addWidget(m_title, 1);
    header->addWidget(m_busy);
    header->addWidget(m_status);
    auto *splitter = new QSplitter(Qt::Horizontal);
    splitter->addWidget(m_stack);
    splitter->addWidget(m_chart);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    splitter->setSizes({3000, 2000}); // scaled to the real width: 60% rows, 40% chart
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addLayout(header);
    layout->addWidget(splitter, 1);

    m_pool.setMaxThreadCount(1);
    m_debounce.setSingleShot(true);
    m_debounce.setInterval(kDebounceMs);
    connect(&m_debounce, &QTimer::timeout, this, &PreviewPanel::startUpdate);
    m_busyDelay.setSingleShot(true);
    m_busyDelay.setInterval(kDebounceMs + 200);
    connect(&m_busyDelay, &QTimer::timeout, m_busy, &QWidget::show);
    connect(&m_watcher, &QFutureWatcher<PreviewResult>::finished, this, &PreviewPanel::showResult);
    m_chart->showMessage(tr("No column selected"));
}

PreviewPanel::~PreviewPanel()
{
    m_latest->store(-1); // a queued computation returns at once
    m_watcher.waitForFinished();
    m_pool.waitForDone();
}

void PreviewPanel::setDocument(SchemaDocument *doc)
{
    if (m_doc)
        disconnect(m_doc, nullptr, this, nullptr);
    m_doc = doc;
    if (doc) {
        connect(doc, &SchemaDocument::schemaChanged, this, &PreviewPanel::scheduleUpdate);
        connect(doc, &SchemaDocument::currentChanged, this, &PreviewPanel::scheduleUpdate);
    }
    scheduleUpdate();
}

bool PreviewPanel::isShowingProblems() const
{
    return m_stack->currentWidget() == m_problems;
}

bool PreviewPanel::isBusy() const
{
    return m_debounce.isActive() || m_watcher.isRunning();
}

void PreviewPanel::setBusy(bool busy)
{
    if (busy) {
        m_status->setText(tr("updating…"));
        if (!m_busy->isVisible() && !m_busyDelay.isActive())
            m_busyDelay.start();
    } else {
        m_busyDelay.stop();
        m_busy->hide();
    }
}

void PreviewPanel::scheduleUpdate()
{
    ++m_generation;
    m_latest->store(m_generation);
    setBusy(true);
    m_debounce.start();
}

void PreviewPanel::showProblems(const QString &summary, const QList<Diagnostic> &problems)
{
    m_problemSummary->setText(summary);
    m_problemList->setProblems(problems, m_doc->schema());
    m_stack->setCurrentWidget(m_problems);
    m_model->clear();
    m_chart->showMessage(problems.isEmpty() ? summary.section(QLatin1Char('\n'), 0, 0)
                                            : tr("No preview: the schema has problems"));
    m_status->setText(problems.isEmpty() ? QString()
                                         : tr("%n problem(s)", nullptr, int(problems.size())));
    setBusy(false);
    emit previewUpdated();
}

void PreviewPanel::startUpdate()
{
    if (!m_doc || m_doc->schema().tables.isEmpty()) {
        m_title->setText(tr("Preview"));
        m_model->clear();
        m_chart->showMessage(tr("No table"));
        setBusy(false);
        m_status->clear();
        emit previewUpdated();
        return;
    }
    if (!m_doc->compiled()) {
        const QList<Diagnostic> &problems = m_doc->diagnostics().items();
        showProblems(tr("The schema has %n problem(s); the preview shows again once they are "
                        "fixed. Click one to go to it.",
                        nullptr, int(problems.size())),
                     problems);
        return;
    }
    const int table = std::clamp(m_doc->currentTable(), 0, int(m_doc->schema().tables.size()) - 1);
    m_title->setText(tr("Preview — %1").arg(m_doc->schema().tables.at(table).name));
    m_watcher.setFuture(QtConcurrent::run(&m_pool, &PreviewPanel::compute, m_doc->schema(), table,
                                          m_doc->currentColumn(), m_generation, m_latest));
}

void PreviewPanel::showResult()
{
    const PreviewResult result = m_watcher.result();
    if (result.generation != m_generation)
        return; // a change came after this computation started: its own result follows
    if (!result.ok) {
        showProblems(result.problems.isEmpty()
                         ? result.problem
                         : tr("The preview cannot be made: the schema has %n problem(s). Click "
                              "one to go to it.",
                              nullptr, int(result.problems.size())),
                     result.problems);
        return;
    }
    m_stack->setCurrentWidget(m_table);
    m_model->setRows(result.rows);
    m_table->resizeColumnsToContents();
    m_chart->showDistribution(result.distribution);
    // The charted column stands out in the rows.
    const int shown = int(result.rows.headers.indexOf(result.distribution.column));
    if (shown >= 0) {
        m_table->selectColumn(shown);
        m_table->scrollTo(m_model->index(0, shown));
    }
    setBusy(false);
    m_status->setText(tr("%1 rows · %2 ms").arg(result.rows.rows.size()).arg(result.elapsedMs));
    emit previewUpdated();
}

PreviewResult PreviewPanel::compute(Schema schema, int table, int column, int generation,
                                    std::shared_ptr<std::atomic<int>> latest)
{
    PreviewResult r;
    r.generation = generation;
    if (latest->load() != generation)
        return r; // stale before it started
    QElapsedTimer clock;
    clock.start();
    Diagnostics diagnostics;
    auto compiled = CompiledSchema::compile(schema, diagnostics);
    if (!compiled || !Preview::prepare(*compiled, &diagnostics)) {
        r.problems = diagnostics.items();
        return r;
    }
    int t = 0;
    while (t < int(compiled->tables().size()) &&
           compiled->tables()[size_t(t)]->schemaIndex != table)
        ++t;
    if (t == int(compiled->tables().size())) {
        r.problem = tr("The table is not part of the compiled schema.");
        return r;
    }
    r.rows = Preview::rows(*compiled, t, kRows);
    if (!r.rows.problem.isEmpty()) {
        r.problem = r.rows.problem;
        return r;
    }
    const TableRuntime &runtime = *compiled->tables()[size_t(t)];
    const TableSpec &spec = schema.tables.at(table);
    const QString name = column >= 0 && column < spec.columns.size()
                             ? spec.columns.at(column).name
                             : (runtime.outputColumns.empty()
                                    ? QString()
                                    : runtime.columns[size_t(runtime.outputColumns[0])].name);
    const int c = runtime.columnIndex(name);
    if (c >= 0 && latest->load() == generation) {
        try {
            r.distribution = DistributionSampler::sample(*compiled, t, c);
        } catch (const std::bad_alloc &) {
            r.problem = Preview::outOfMemoryMessage(runtime.name);
            return r;
        }
    }
    r.ok = true;
    r.elapsedMs = clock.elapsed();
    return r;
}

} // namespace spillway
