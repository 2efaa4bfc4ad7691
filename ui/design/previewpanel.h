#pragma once

// The live preview of the document's current table: sample rows (PreviewModel) and, beside
// them, the distribution of the current column (DistributionChart). Both are computed on a
// worker thread from a copy of the schema, shortly after the last edit or selection change (a
// single-shot debounce timer), so typing and clicking never wait for them; a busy bar shows while
// one is pending, and a result that a later change made stale is dropped (generation counter).
// When the schema does not compile, its problems replace the rows, worded `table.column: …` and
// clickable (problemActivated()).

#include "design/distribution.h"
#include "run/preview.h"

#include <QFutureWatcher>
#include <QPointer>
#include <QThreadPool>
#include <QTimer>
#include <QWidget>

#include <atomic>
#include <memory>

class QLabel;
class QProgressBar;
class QScrollArea;
class QStackedWidget;
class QTableView;

namespace spillway {

class DistributionChart;
class PreviewModel;
class ProblemLabel;
class SchemaDocument;

struct PreviewResult
{
    int generation = 0;
    bool ok = false;
    QString problem;            // when !ok: what went wrong, when it is not in `problems`
    QList<Diagnostic> problems; // when !ok: the schema's problems found while preparing
    PreviewRows rows;
    ColumnDistribution distribution;
    qint64 elapsedMs = 0;
};

class PreviewPanel : public QWidget
{
    Q_OBJECT

public:
    static constexpr int kDebounceMs = 120;
    static constexpr int kRows = 50;

    explicit PreviewPanel(QWidget *parent = nullptr);
    ~PreviewPanel() override;

    void setDocument(SchemaDocument *doc);

    PreviewModel *model() const { return m_model; }
    DistributionChart *distributionChart() const { return m_chart; }
    bool isShowingProblems() const;
    bool isBusy() const; // a preview is pending (debounce) or being computed
    int generation() const { return m_generation; }
    ProblemLabel *problemList() const { return m_problemList; }

signals:
    // A fresh preview is on screen (rows and distribution of the latest schema).
    void previewUpdated();
    // A listed problem was clicked: its JSON path, for DesignerPage::revealProblem().
    void problemActivated(const QString &jsonPath);

private:
    void scheduleUpdate();
    void startUpdate();
    void showResult();
    void showProblems(const QString &summary, const QList<Diagnostic> &problems);
    void setBusy(bool busy);
    static PreviewResult compute(Schema schema, int table, int column, int generation,
                                 std::shared_ptr<std::atomic<int>> latest);

    QPointer<SchemaDocument> m_doc;
    PreviewModel *m_model;
    DistributionChart *m_chart;
    QStackedWidget *m_stack;
    QTableView *m_table;
    QScrollArea *m_problems;
    QLabel *m_problemSummary;
    ProblemLabel *m_problemList;
    QLabel *m_title;
    QLabel *m_status;
    QProgressBar *m_busy;
    QTimer m_debounce;
    QTimer m_busyDelay; // the busy bar shows only when an update takes a while
    QThreadPool m_pool;
    QFutureWatcher<PreviewResult> m_watcher;
    int m_generation = 0;
    std::shared_ptr<std::atomic<int>> m_latest = std::make_shared<std::atomic<int>>(0);
};

} // namespace spillway
