#pragma once

// File › New from Database… and File › Import DDL…: a schema document made from the user's own
// tables. The source is a saved connection profile (the Run panel's), the embedded server, or a
// DDL file applied to a scratch database on the embedded server. The user picks tables (with
// their estimated rows), chooses whether pg_stats shapes the data (statistics only, never a
// table row), and gets a new document or a merge into the open one that keeps their edits;
// then the import's report: every guess with its reason, constraints not honoured, and what a
// merge changed. Catalog reads run off the GUI thread.

#include "run/connectionprofile.h"
#include "schema/importmerge.h"
#include "schema/importmodel.h"

#include <QDialog>
#include <QFutureWatcher>

#include <optional>

class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;
class QStackedWidget;
class QTreeWidget;

namespace spillway {

class ConnectionPassword;

class ImportDialog : public QDialog
{
    Q_OBJECT

public:
    enum class Source { Database, DdlFile };

    // `current`: the open document (a merge target), or null when there is none to merge into.
    ImportDialog(Source source, const QList<ConnectionProfile> &profiles, const Schema *current,
                 QWidget *parent = nullptr);
    ~ImportDialog() override;

    // After exec() returned Accepted: the schema to open (merged when merge() is true).
    const Schema &schema() const { return m_schema; }
    bool merge() const { return m_merged; }
    const QList<ImportNote> &notes() const { return m_notes; }
    const QList<ImportChange> &changes() const { return m_changes; }

    // For tests and the screenshot tour: the DDL file to read, the server folder of the
    // embedded server (empty: the default one), and the password prompt.
    void setDdlFile(const QString &fileName);
    void setServerDir(const QString &dir) { m_serverDir = dir; }
    ConnectionPassword *passwords() const { return m_passwords; }
    // Starts listing tables (the List tables / Read file button).
    void listTables();
    // Starts the import of the checked tables (the Import button).
    void startImport();
    bool isBusy() const;
    QTreeWidget *tableTree() const { return m_tables; }
    QCheckBox *statisticsBox() const { return m_statistics; }
    QCheckBox *mergeBox() const { return m_mergeBox; }
    QTreeWidget *reportTree() const { return m_report; }

signals:
    void tablesListed();
    void imported();
    void failed(const QString &message);

private:
    struct Work
    {
        Catalog catalog;
        QList<ImportNote> notes;
        QString error;
    };

    QWidget *createSourcePage();
    QWidget *createReportPage();
    void connectAndRun(const std::function<Work(const QString &conninfo)> &work);
    void run(const std::function<Work()> &work);
    void workDone();
    void showTables(const Catalog &catalog);
    void finishImport(const Work &work);
    void showReport();
    void setBusy(bool busy, const QString &status = {});
    void showError(const QString &message);
    QStringList checkedTables() const;
    Catalog chosenTables(const Catalog &catalog) const;
    QString embeddedConninfo(QString *error) const;

    Source m_source;
    std::optional<Schema> m_current;
    QList<ConnectionProfile> m_profiles;
    ConnectionPassword *m_passwords;
    QString m_serverDir;
    QString m_ddlText;

    QStackedWidget *m_pages;
    QComboBox *m_connection = nullptr;
    QLineEdit *m_schemas = nullptr;
    QLineEdit *m_file = nullptr;
    QTreeWidget *m_tables;
    QCheckBox *m_statistics;
    QComboBox *m_rowsFrom;
    QSpinBox *m_rows;
    QCheckBox *m_mergeBox;
    QLabel *m_status;
    QTreeWidget *m_report;
    QLabel *m_reportSummary;
    QDialogButtonBox *m_buttons;
    QPushButton *m_listButton;
    QPushButton *m_importButton;
    QPushButton *m_openButton = nullptr;

    QFutureWatcher<Work> m_watcher;
    bool m_importing = false;
    Catalog m_listed; // DDL files: the applied file's catalog, imported from without a server
    Schema m_schema;
    bool m_merged = false;
    QList<ImportNote> m_notes;
    QList<ImportChange> m_changes;
};

} // namespace spillway
