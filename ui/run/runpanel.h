#pragma once

// The run panel: where to (the embedded local server — the default —, a PostgreSQL connection
// profile, or files), how much (rows or scale, workers, seed), how to load (mode, COPY format,
// constraints first) and which thresholds must hold; the Run (F5), Pause/Resume, Cancel and
// "Copy as command" buttons drive a RunController. Connection profiles (ConnectionProfileEditor)
// never hold a password: it comes from the system keyring, is asked for (echo off) or libpq
// uses .pgpass / PGPASSWORD.

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
class QSpinBox;
class QStackedWidget;

namespace spillway {

class ConnectionProfileEditor;
class RunController;

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

    QAction *runAction() const { return m_runAction; }
    // Runs with the panel's settings (after the profile's password: keyring, asked or libpq).
    void run();
    void copyCommand();
    void testConnection();

signals:
    // The user saved or deleted a profile: store them (A's settings), without passwords.
    void profilesChanged(const QList<spillway::ConnectionProfile> &profiles);
    void settingsChanged();

private:
    QWidget *createTargetBox();
    QWidget *createPostgresPage();
    QWidget *createFilesPage();
    QWidget *createDataBox();
    QWidget *createLoadBox();
    QWidget *createButtons();
    void connectEdits();
    void onSettingsEdited();
    void updateButtons();

    QPointer<RunController> m_controller;
    QComboBox *m_target;
    QStackedWidget *m_targetPages;
    ConnectionProfileEditor *m_connection;
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
    QAction *m_runAction;
    QPushButton *m_runButton;
    QPushButton *m_pauseButton;
    QPushButton *m_cancelButton;
};

} // namespace spillway
