#pragma once

// The run panel: where to (the embedded local server — the default —, a PostgreSQL connection
// profile, files, or the user's own pipeline on generated files: PipelinePage), how much (rows or
// scale, workers, seed), how to load (mode, COPY format, constraints first) and which thresholds
// must hold; the Run (F5), Pause/Resume, Cancel and "Copy as command" buttons drive a
// RunController. Connection profiles (ConnectionProfileEditor) never hold a password: it comes from
// the system keyring, is asked for (echo off) or libpq uses .pgpass / PGPASSWORD. The Run bar stays
// in view below the scrolling settings: the estimate of rows and bytes (RunEstimator), why Run is
// disabled (the schema's or the settings' first problem, with a "Show problem" jump) and the live
// command. Every field is kept in Settings::runSettings.

#include "run/runsettings.h"

#include <QPointer>
#include <QWidget>

class QAction;
class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QScrollArea;
class QSpinBox;
class QStackedWidget;

namespace spillway {

class ConnectionProfileEditor;
class PipelinePage;
class ProblemLabel;
class RunController;
class RunEstimator;
struct RunEstimate;

class RunPanel : public QWidget
{
    Q_OBJECT

public:
    explicit RunPanel(RunController *controller, QWidget *parent = nullptr);
    ~RunPanel() override;

    RunSettings settings() const;
    void setSettings(const RunSettings &settings);
    QList<ConnectionProfile> profiles() const;
    void setProfiles(const QList<ConnectionProfile> &profiles);
    ConnectionProfileEditor *connectionEditor() const { return m_connection; }
    PipelinePage *pipelinePage() const { return m_pipeline; }

    QAction *runAction() const { return m_runAction; }
    // Runs with the panel's settings (after the profile's password: keyring, asked or libpq).
    void run();
    void copyCommand();
    void testConnection();

    // Why Run is disabled now (the schema's, the settings' and the planner's problems, the
    // document's first); empty when it can run.
    // jsonPath (if given) receives the path "Show problem" reveals (empty: none).
    QStringList runProblems(QString *jsonPath = nullptr) const;
    QString estimateText() const; // what the estimate label shows
    bool isEstimating() const;

signals:
    // The user saved or deleted a profile: store them (A's settings), without passwords.
    void profilesChanged(const QList<spillway::ConnectionProfile> &profiles);
    void settingsChanged();
    // "Show problem" next to a disabled Run: the JSON path of the schema's first problem
    // (e.g. "tables[1].columns[2].generator.max"), for DesignerPage::revealProblem.
    void problemActivated(const QString &jsonPath);

private:
    QWidget *createTargetBox();
    QWidget *createPostgresPage();
    QWidget *createFilesPage();
    QWidget *createFileFormatBox();
    QWidget *createDataBox();
    QWidget *createLoadBox();
    QWidget *createButtons();
    QWidget *createRunBar();
    QWidget *createSettingsArea();
    void connectEdits();
    void onSettingsEdited();
    void onDocumentChanged();
    void onEstimated(const RunEstimate &estimate);
    void updateButtons();
    void updateCommand();
    void requestEstimate();
    // A pipeline's map against the compiled schema: one problem per line, or none.
    QStringList mapProblems() const;
    void restoreSettings();
    // Files runs: true when nothing would be overwritten or the user agreed to it.
    bool confirmOverwrite(const RunSettings &settings);

    QPointer<RunController> m_controller;
    QComboBox *m_target;
    QStackedWidget *m_targetPages;
    ConnectionProfileEditor *m_connection;
    PipelinePage *m_pipeline;
    QWidget *m_fileFormat; // format, split and compression: files and pipeline targets
    QLineEdit *m_directory;
    QComboBox *m_format;
    QComboBox *m_splitKind;
    QComboBox *m_compression = nullptr;
    QLineEdit *m_splitValue;
    QLineEdit *m_rows;
    QDoubleSpinBox *m_scale;
    QSpinBox *m_workers;
    QLineEdit *m_seed;
    QComboBox *m_mode;
    QComboBox *m_copyFormat;
    QCheckBox *m_constraintsFirst;
    QPlainTextEdit *m_thresholds;
    QLabel *m_problems;
    QLabel *m_command;
    QLabel *m_commandNote;
    QLabel *m_estimate;
    ProblemLabel *m_reason;
    QPushButton *m_showProblem;
    QPushButton *m_copy;
    RunEstimator *m_estimator;
    QStringList m_settingsProblems; // of the fields, as onSettingsEdited() found them
    QString m_problemPath;          // JSON path "Show problem" reveals
    bool m_restoring = false;
    RunSettings m_unshown; // fields without a widget (server folder, retries), kept as set
    QAction *m_runAction;
    QPushButton *m_runButton;
    QPushButton *m_pauseButton;
    QPushButton *m_cancelButton;
};

} // namespace spillway
