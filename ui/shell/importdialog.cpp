#include "shell/importdialog.h"

#include "pg/catalogreader.h"
#include "pg/conninfo.h"
#include "pg/ddlimport.h"
#include "pg/localserver.h"
#include "run/connectionpassword.h"
#include "schema/importer.h"
#include "schema/schemaio.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QStackedWidget>
#include <QtConcurrent>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace spillway {

namespace {

constexpr int kEmbedded = -1; // the connection combo's item data for the embedded server

QString tableKey(const CatalogTable &t)
{
    return t.schema.isEmpty() ? t.name : t.schema + QLatin1Char('.') + t.name;
}

QString rowsText(double reltuples)
{
    if (reltuples < 0)
        return ImportDialog::tr("never analyzed");
    return ImportDialog::tr("~%L1 rows").arg(qint64(reltuples));
}

} // namespace

ImportDialog::ImportDialog(Source source, const QList<ConnectionProfile> &profiles,
                           const Schema *current, QWidget *parent)
    : QDialog(parent)
    , m_source(source)
    , m_profiles(profiles)
    , m_passwords(new ConnectionPassword(this))
    , m_pages(new QStackedWidget(this))
    , m_tables(new QTreeWidget(this))
    , m_statistics(new QCheckBox(tr("Shape the data with the table statistics (pg_stats)"), this))
    , m_rowsFrom(new QComboBox(this))
    , m_rows(new QSpinBox(this))
    , m_mergeBox(new QCheckBox(tr("Merge into the open document, keeping my edits"), this))
    , m_status(new QLabel(this))
    , m_report(new QTreeWidget(this))
    , m_reportSummary(new QLabel(this))
    , m_buttons(new QDialogButtonBox(this))
{
    if (current && !current->tables.isEmpty())
        m_current = *current;
    m_rowsFrom->addItems({tr("From the table statistics"), tr("The same for every table")});
    setWindowTitle(source == Source::Database ? tr("New from Database") : tr("Import DDL"));
    m_pages->addWidget(createSourcePage());
    m_pages->addWidget(createReportPage());
    m_importButton = m_buttons->addButton(tr("&Import"), QDialogButtonBox::AcceptRole);
    m_importButton->setEnabled(false);
    m_buttons->addButton(QDialogButtonBox::Cancel);
    connect(m_importButton, &QPushButton::clicked, this, &ImportDialog::startImport);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(&m_watcher, &QFutureWatcher<Work>::finished, this, &ImportDialog::workDone);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_pages, 1);
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_status);
    layout->addWidget(m_buttons);
    resize(720, 560);
}

ImportDialog::~ImportDialog()
{
    m_watcher.waitForFinished();
}

QWidget *ImportDialog::createSourcePage()
{
    auto *page = new QWidget(this);
    auto *form = new QFormLayout;
    if (m_source == Source::Database) {
        m_connection = new QComboBox(page);
        m_connection->addItem(tr("Embedded server"), kEmbedded);
        for (qsizetype i = 0; i < m_profiles.size(); ++i)
            m_connection->addItem(m_profiles[i].name, int(i));
        if (!m_profiles.isEmpty())
            m_connection->setCurrentIndex(1);
        form->addRow(tr("&Connection:"), m_connection);
        m_schemas = new QLineEdit(page);
        m_schemas->setPlaceholderText(tr("the connection's search_path (usually public)"));
        m_schemas->setToolTip(tr("Database schemas to read, separated by commas"));
        form->addRow(tr("&Schemas:"), m_schemas);
        m_listButton = new QPushButton(tr("&List Tables"), page);
    } else {
        m_file = new QLineEdit(page);
        m_file->setPlaceholderText(tr("pg_dump --schema-only output or CREATE TABLE statements"));
        auto *browse = new QPushButton(tr("&Browse…"), page);
        connect(browse, &QPushButton::clicked, this, [this] {
            const QString name = QFileDialog::getOpenFileName(
                this, tr("Import DDL"), QString(), tr("SQL files (*.sql);;All files (*)"));
            if (!name.isEmpty())
                setDdlFile(name);
        });
        auto *row = new QHBoxLayout;
        row->addWidget(m_file, 1);
        row->addWidget(browse);
        form->addRow(tr("DDL &file:"), row);
        m_listButton = new QPushButton(tr("&Read File"), page);
        m_statistics->setEnabled(false);
        m_statistics->setToolTip(tr("A DDL file has no statistics: types, keys and names "
                                    "shape the data"));
        m_rowsFrom->setEnabled(false); // a new table has no row estimate
        m_rowsFrom->setCurrentIndex(1);
    }
    connect(m_listButton, &QPushButton::clicked, this, &ImportDialog::listTables);
    form->addRow(QString(), m_listButton);

    m_tables->setHeaderLabels({tr("Table"), tr("Rows"), tr("Columns")});
    m_tables->setRootIsDecorated(false);
    m_tables->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_statistics->setToolTip(m_source == Source::Database
                                 ? tr("Null fractions, common values and their shares, histograms "
                                      "and correlation from pg_stats. No table row is read.")
                                 : m_statistics->toolTip());
    m_rows->setRange(1, 1000000000);
    m_rows->setValue(1000);
    m_rows->setGroupSeparatorShown(true);
    m_rows->setEnabled(m_rowsFrom->currentIndex() == 1);
    connect(m_rowsFrom, &QComboBox::currentIndexChanged, this,
            [this](int index) { m_rows->setEnabled(index == 1); });
    auto *rows = new QHBoxLayout;
    rows->addWidget(m_rowsFrom);
    rows->addWidget(m_rows);
    rows->addStretch();
    m_mergeBox->setVisible(m_current.has_value());
    m_mergeBox->setToolTip(tr("New tables and columns are added, dropped columns removed and "
                              "types and keys follow the database; your generators, null "
                              "fractions, row counts and hidden columns stay"));

    auto *layout = new QVBoxLayout(page);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(form);
    layout->addWidget(m_tables, 1);
    layout->addWidget(m_statistics);
    auto *options = new QFormLayout;
    options->addRow(tr("Rows:"), rows);
    layout->addLayout(options);
    layout->addWidget(m_mergeBox);
    return page;
}

QWidget *ImportDialog::createReportPage()
{
    auto *page = new QWidget(this);
    auto *layout = new QVBoxLayout(page);
    layout->setContentsMargins(0, 0, 0, 0);
    m_reportSummary->setWordWrap(true);
    layout->addWidget(m_reportSummary);
    m_report->setHeaderLabels({tr("Where"), tr("What"), tr("Why")});
    m_report->header()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    m_report->header()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    m_report->header()->setSectionResizeMode(2, QHeaderView::Stretch);
    m_report->setRootIsDecorated(false);
    m_report->setWordWrap(true);
    layout->addWidget(m_report, 1);
    return page;
}

void ImportDialog::setDdlFile(const QString &fileName)
{
    if (m_file)
        m_file->setText(fileName);
}

bool ImportDialog::isBusy() const
{
    return m_watcher.isRunning();
}

QString ImportDialog::embeddedConninfo(QString *error) const
{
    LocalServer server(m_serverDir);
    *error = server.start();
    return error->isEmpty() ? server.connectionString() : QString();
}

void ImportDialog::listTables()
{
    if (isBusy())
        return;
    m_importing = false;
    if (m_source == Source::DdlFile) {
        const QString fileName = m_file->text().trimmed();
        QFile file(fileName);
        if (fileName.isEmpty() || !file.open(QIODevice::ReadOnly)) {
            showError(
                tr("Cannot read '%1': %2. Choose a DDL file.")
                    .arg(fileName, fileName.isEmpty() ? tr("no file given") : file.errorString()));
            return;
        }
        m_ddlText = QString::fromUtf8(file.readAll());
        const QString text = m_ddlText;
        const QString name = QFileInfo(fileName).fileName();
        setBusy(true, tr("Applying %1 to a scratch database on the embedded server…").arg(name));
        run([this, text, name] {
            Work w;
            QString error;
            const QString conninfo = embeddedConninfo(&error);
            if (!error.isEmpty())
                return Work{{}, {}, error};
            const DdlImportResult r = importDdl(text, conninfo, CatalogSelection{});
            w.catalog = r.read.catalog;
            w.notes = r.read.notes;
            w.error = r.errorText(name);
            return w;
        });
        return;
    }
    setBusy(true, tr("Reading the catalog…"));
    const QStringList schemas = m_schemas->text().split(QLatin1Char(','), Qt::SkipEmptyParts);
    connectAndRun([schemas](const QString &conninfo) {
        QStringList trimmed;
        for (const QString &s : schemas)
            trimmed.append(s.trimmed());
        const CatalogRead r = readCatalog(conninfo, CatalogSelection{trimmed, {}, false});
        return Work{r.catalog, r.notes, r.error};
    });
}

void ImportDialog::connectAndRun(const std::function<Work(const QString &)> &work)
{
    const int which = m_connection->currentData().toInt();
    if (which == kEmbedded) {
        run([this, work] {
            QString error;
            const QString conninfo = embeddedConninfo(&error);
            return error.isEmpty() ? work(conninfo) : Work{{}, {}, error};
        });
        return;
    }
    const ConnectionProfile profile = m_profiles.value(which);
    if (const QString problem = profile.problem(); !problem.isEmpty()) {
        showError(problem);
        return;
    }
    m_passwords->obtain(profile, [this, profile, work](const PasswordResult &r) {
        if (!r.ok) {
            setBusy(false);
            return;
        }
        QString conninfo = profile.conninfo();
        if (!r.password.isEmpty())
            conninfo = ConnInfo::withOption(conninfo, QStringLiteral("password"), r.password);
        run([work, conninfo] { return work(conninfo); });
    });
}

void ImportDialog::run(const std::function<Work()> &work)
{
    m_watcher.setFuture(QtConcurrent::run(work));
}

void ImportDialog::workDone()
{
    const Work work = m_watcher.result();
    if (!work.error.isEmpty()) {
        showError(work.error);
        return;
    }
    if (m_importing) {
        finishImport(work);
        return;
    }
    m_listed = work.catalog;
    m_notes = work.notes;
    showTables(work.catalog);
    setBusy(false, work.catalog.tables.isEmpty()
                       ? tr("No tables found: check the schemas (or the file's CREATE TABLE "
                            "statements).")
                       : tr("%n table(s) found. Uncheck those you do not want.", nullptr,
                            int(work.catalog.tables.size())));
    emit tablesListed();
}

void ImportDialog::showTables(const Catalog &catalog)
{
    m_tables->clear();
    for (const CatalogTable &t : catalog.tables) {
        auto *item = new QTreeWidgetItem(m_tables);
        item->setText(0, tableKey(t));
        item->setText(1, m_source == Source::Database ? rowsText(t.reltuples) : QString());
        item->setText(2, QString::number(t.columns.size()));
        item->setCheckState(0, Qt::Checked);
        item->setToolTip(0, t.comment);
    }
    m_importButton->setEnabled(!catalog.tables.isEmpty());
}

QStringList ImportDialog::checkedTables() const
{
    QStringList names;
    for (int i = 0; i < m_tables->topLevelItemCount(); ++i) {
        const QTreeWidgetItem *item = m_tables->topLevelItem(i);
        if (item->checkState(0) == Qt::Checked)
            names.append(item->text(0));
    }
    return names;
}

Catalog ImportDialog::chosenTables(const Catalog &catalog) const
{
    const QStringList names = checkedTables();
    Catalog chosen = catalog;
    chosen.tables.clear();
    for (const CatalogTable &t : catalog.tables) {
        if (names.contains(tableKey(t)))
            chosen.tables.append(t);
    }
    return chosen;
}

void ImportDialog::startImport()
{
    if (isBusy())
        return;
    const QStringList tables = checkedTables();
    if (tables.isEmpty()) {
        showError(tr("No table is checked: check the tables to import."));
        return;
    }
    m_importing = true;
    setBusy(true, tr("Importing %n table(s)…", nullptr, int(tables.size())));
    if (m_source == Source::DdlFile) {
        const Catalog catalog = chosenTables(m_listed);
        run([catalog] { return Work{catalog, {}, {}}; });
        return;
    }
    const bool stats = m_statistics->isChecked();
    connectAndRun([tables, stats](const QString &conninfo) {
        const CatalogRead r = readCatalog(conninfo, CatalogSelection{{}, tables, stats});
        return Work{r.catalog, r.notes, r.error};
    });
}

void ImportDialog::finishImport(const Work &work)
{
    ImportOptions options;
    options.profile = m_source == Source::Database && m_statistics->isChecked();
    if (m_rowsFrom->currentIndex() == 1)
        options.rows = m_rows->value();
    options.name = m_source == Source::DdlFile ? QFileInfo(m_file->text()).completeBaseName()
                                               : m_connection->currentText();
    const ImportResult result = importCatalog(work.catalog, options);
    m_notes = m_source == Source::DdlFile ? m_notes : work.notes;
    m_notes.append(result.notes);
    Diagnostics diagnostics;
    const Schema fresh = SchemaIO::readLenient(result.document, diagnostics);
    m_merged = m_current && m_mergeBox->isChecked();
    if (m_merged) {
        const ImportMerge merge = ImportMerge::merge(*m_current, fresh);
        m_schema = merge.merged;
        m_changes = merge.changes;
    } else {
        m_schema = fresh;
        m_changes.clear();
    }
    showReport();
    setBusy(false);
    emit imported();
}

void ImportDialog::showReport()
{
    m_report->clear();
    for (const ImportChange &c : std::as_const(m_changes)) {
        auto *item = new QTreeWidgetItem(m_report);
        item->setText(0, c.column.isEmpty() ? c.table : c.table + QLatin1Char('.') + c.column);
        item->setText(1, tr("merge"));
        item->setText(2, c.describe());
    }
    int guesses = 0;
    for (const ImportNote &n : std::as_const(m_notes)) {
        auto *item = new QTreeWidgetItem(m_report);
        item->setText(0, n.column.isEmpty() ? n.table : n.table + QLatin1Char('.') + n.column);
        item->setText(1, n.kind);
        item->setText(2, n.message);
        item->setToolTip(2, n.message);
        guesses += n.kind == QLatin1String("guess") ? 1 : 0;
    }
    m_reportSummary->setText(
        tr("%n table(s) imported. ", nullptr, int(m_schema.tables.size())) +
        tr("%n column(s) were guessed from their names and types: they carry a badge in the "
           "designer until you review them. ",
           nullptr, guesses) +
        (m_merged ? tr("%n change(s) merged into your document.", nullptr, int(m_changes.size()))
                  : QString()));
    m_pages->setCurrentIndex(1);
    if (!m_openButton) {
        m_openButton = m_buttons->addButton(tr("&Open in Designer"), QDialogButtonBox::AcceptRole);
        connect(m_openButton, &QPushButton::clicked, this, &QDialog::accept);
    }
    m_importButton->hide(); // after adding: the box shows its buttons again when it lays out
}

void ImportDialog::setBusy(bool busy, const QString &status)
{
    m_listButton->setEnabled(!busy && m_pages->currentIndex() == 0);
    m_importButton->setEnabled(!busy && m_tables->topLevelItemCount() > 0);
    m_status->setText(status);
    if (busy)
        setCursor(Qt::BusyCursor);
    else
        unsetCursor();
}

void ImportDialog::showError(const QString &message)
{
    m_importing = false;
    setBusy(false);
    m_status->setText(
        QStringLiteral("<b>%1</b> %2").arg(tr("Import failed:"), message.toHtmlEscaped()));
    emit failed(message);
}

} // namespace spillway
