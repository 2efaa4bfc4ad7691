#pragma once

// The history page: every recorded run in a sortable, filterable table over the runs folder
// (watched, so new runs appear as they are saved). Opening one run shows its charts, settings
// and result; selecting two compares them as `spillway-cli runs compare` does (the older is A,
// the base). Export Report… writes the selection as a self-contained HTML report.

#include <QWidget>

class QAction;
class QFileSystemWatcher;
class QLabel;
class QLineEdit;
class QSortFilterProxyModel;
class QSplitter;
class QStackedWidget;
class QTableView;
class QTimer;

namespace spillway {

class CompareView;
class RunListModel;
class RunView;
struct RunRecord;

class HistoryView : public QWidget
{
    Q_OBJECT

public:
    explicit HistoryView(QWidget *parent = nullptr);

    // The runs folder; empty: RunStore's default ($SPILLWAY_RUNS_DIR, else the XDG data folder).
    void setRunsDir(const QString &dir);
    QString runsDir() const;
    // Reads the folder again, keeping the selection.
    void refresh();

    // Selects runs by id (what is not listed is ignored) and shows them.
    void selectRuns(const QStringList &ids);
    // The selected runs' ids, oldest first.
    QStringList selectedRunIds() const;
    // Writes the report of the selection (one run, or two compared) to fileName; returns an
    // error message, empty on success.
    QString exportReport(const QString &fileName) const;

    QAction *refreshAction() const { return m_refreshAction; }
    QAction *exportAction() const { return m_exportAction; }
    RunListModel *model() const { return m_model; }
    RunView *runView() const { return m_runView; }
    CompareView *compareView() const { return m_compareView; }

signals:
    void runsReloaded(int count);
    void selectedRunsChanged(const QStringList &ids);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void createActions();
    void fitListPane();
    QWidget *createListPane();
    void showSelection();
    void chooseAndExport();
    void watchFolder();
    QList<const RunRecord *> selectedRecords() const;

    QString m_dir;
    RunListModel *m_model;
    QSortFilterProxyModel *m_proxy;
    QLineEdit *m_filter;
    QTableView *m_list;
    QLabel *m_status;
    QStackedWidget *m_stack;
    QLabel *m_placeholder;
    RunView *m_runView;
    CompareView *m_compareView;
    QFileSystemWatcher *m_watcher;
    QTimer *m_reloadTimer;
    QAction *m_refreshAction = nullptr;
    QAction *m_exportAction = nullptr;
    QString m_lastExportDir;
    bool m_reloaded = false;
    QSplitter *m_split = nullptr;
    bool m_splitDragged = false; // the user's split is kept; else the list fits its columns
};

} // namespace spillway
