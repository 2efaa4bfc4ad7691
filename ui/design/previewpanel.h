#pragma once

// The live preview of the document's current table: sample rows (PreviewModel) and, beside
// them, the distribution of the current column (DistributionChart). Both are computed on a
// worker thread from a copy of the schema, shortly after the last edit (a single-shot debounce
// timer), so typing never waits for them; a result that an edit made stale is dropped
// (generation counter). When the schema does not compile, its problems replace the rows.

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
class QPlainTextEdit;
class QStackedWidget;
class QTableView;

namespace spillway {

class DistributionChart;
class PreviewModel;
class SchemaDocument;

struct PreviewResult
{
    int generation = 0;
    bool ok = false;
    QString problem; // when !ok
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
    int generation() const { return m_generation; }

signals:
    // A fresh preview is on screen (rows and distribution of the latest schema).
    void previewUpdated();

private:
    void scheduleUpdate();
    void startUpdate();
    void showResult();
    void showProblems();
    static PreviewResult compute(Schema schema, int table, int column, int generation,
                                 std::shared_ptr<std::atomic<int>> latest);

    QPointer<SchemaDocument> m_doc;
    PreviewModel *m_model;
    DistributionChart *m_chart;
    QStackedWidget *m_stack;
    QTableView *m_table;
    QPlainTextEdit *m_problems;
    QLabel *m_title;
    QLabel *m_status;
    QTimer m_debounce;
    QThreadPool m_pool;
    QFutureWatcher<PreviewResult> m_watcher;
    int m_generation = 0;
    std::shared_ptr<std::atomic<int>> m_latest = std::make_shared<std::atomic<int>>(0);
};

} // namespace spillway
