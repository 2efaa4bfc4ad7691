#include "shell/filecontroller.h"

#include "design/schemadocument.h"
#include "run/connectionprofile.h"
#include "shell/icons.h"
#include "shell/importdialog.h"
#include "shell/settings.h"

#include <QAction>
#include <QDialog>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QLabel>
#include <QListWidget>
#include <QMenu>
#include <QMessageBox>
#include <QVBoxLayout>

namespace spillway {

namespace {

const QString kFilter = QObject::tr("Spillway schemas (*.json);;All files (*)");

QString exampleDescription(const ExampleSummary &example)
{
    return QObject::tr("%1 — %n table(s)", nullptr, example.tables).arg(example.description) +
           QObject::tr(", %n column(s)", nullptr, example.columns);
}

} // namespace

FileController::FileController(SchemaDocument *document, QWidget *window)
    : QObject(window)
    , m_document(document)
    , m_window(window)
    , m_new(new QAction(Icons::theme(QStringLiteral("document-new")), tr("&New"), this))
    , m_newFromExample(new QAction(tr("New from &Example…"), this))
    , m_newFromDatabase(new QAction(tr("New from &Database…"), this))
    , m_importDdl(new QAction(tr("&Import DDL…"), this))
    , m_open(new QAction(Icons::theme(QStringLiteral("document-open")), tr("&Open…"), this))
    , m_save(new QAction(Icons::theme(QStringLiteral("document-save")), tr("&Save"), this))
    , m_saveAs(new QAction(Icons::theme(QStringLiteral("document-save-as")), tr("Save &As…"), this))
    , m_recentMenu(new QMenu(tr("Open &Recent"), window))
{
    m_new->setShortcut(QKeySequence::New);
    m_newFromExample->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_E));
    m_open->setShortcut(QKeySequence::Open);
    m_save->setShortcut(QKeySequence::Save);
    m_saveAs->setShortcut(QKeySequence::SaveAs);
    m_new->setToolTip(tr("Start a new, blank schema"));
    m_newFromExample->setToolTip(tr("Start from one of the bundled example schemas"));
    m_newFromDatabase->setToolTip(
        tr("Start from the tables of a PostgreSQL database, shaped by its statistics"));
    m_importDdl->setToolTip(tr("Start from a DDL file (pg_dump --schema-only or CREATE TABLE)"));
    connect(m_newFromDatabase, &QAction::triggered, this, [this] { importSchema(true); });
    connect(m_importDdl, &QAction::triggered, this, [this] { importSchema(false); });
    connect(m_new, &QAction::triggered, this, &FileController::newBlank);
    connect(m_newFromExample, &QAction::triggered, this, &FileController::chooseExample);
    connect(m_open, &QAction::triggered, this, &FileController::chooseAndOpen);
    connect(m_save, &QAction::triggered, this, &FileController::save);
    connect(m_saveAs, &QAction::triggered, this, &FileController::saveAs);
    connect(document, &SchemaDocument::modifiedChanged, m_save, &QAction::setEnabled);
    m_save->setEnabled(document->isModified());
    updateRecentMenu();
}

bool FileController::maybeSave()
{
    if (!m_document->isModified())
        return true;
    const auto answer = QMessageBox::warning(
        m_window, tr("Unsaved Changes"),
        tr("The schema “%1” has unsaved changes. Save them first?").arg(m_document->displayName()),
        QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, QMessageBox::Save);
    if (answer == QMessageBox::Save)
        return save();
    return answer == QMessageBox::Discard;
}

bool FileController::open(const QString &fileName)
{
    if (!maybeSave())
        return false;
    const QString error = m_document->load(fileName);
    if (!error.isEmpty()) {
        showError(tr("Cannot Open Schema"),
                  error + QLatin1Char('\n') +
                      tr("Check that the file is a Spillway schema (JSON)."));
        return false;
    }
    addRecent(fileName);
    return true;
}

bool FileController::openExample(const QString &name)
{
    if (!maybeSave())
        return false;
    const QString error = m_document->newFromExample(name);
    if (!error.isEmpty())
        showError(tr("Cannot Open Example"), error);
    return error.isEmpty();
}

bool FileController::save()
{
    if (m_document->fileName().isEmpty())
        return saveAs();
    const QString error = m_document->save(m_document->fileName());
    if (!error.isEmpty()) {
        showError(tr("Cannot Save Schema"),
                  error + QLatin1Char('\n') + tr("Choose another folder with Save As."));
        return false;
    }
    return true;
}

bool FileController::saveAs()
{
    QString suggestion = m_document->fileName();
    if (suggestion.isEmpty())
        suggestion =
            QDir(Settings::lastDirectory.value().isEmpty() ? QDir::homePath()
                                                           : Settings::lastDirectory.value())
                .filePath(m_document->schema().name + QStringLiteral(".json"));
    const QString fileName =
        QFileDialog::getSaveFileName(m_window, tr("Save Schema As"), suggestion, kFilter);
    if (fileName.isEmpty())
        return false;
    const QString error = m_document->save(fileName);
    if (!error.isEmpty()) {
        showError(tr("Cannot Save Schema"), error);
        return false;
    }
    addRecent(fileName);
    return true;
}

bool FileController::newBlank()
{
    if (!maybeSave())
        return false;
    m_document->newBlank();
    return true;
}

QList<ExampleSummary> FileController::examples()
{
    QList<ExampleSummary> result;
    const QStringList names = SchemaDocument::exampleNames();
    for (const QString &name : names) {
        SchemaDocument probe;
        if (!probe.newFromExample(name).isEmpty())
            continue;
        ExampleSummary example;
        example.name = name;
        example.description = probe.schema().description;
        example.tables = int(probe.schema().tables.size());
        for (const TableSpec &t : probe.schema().tables)
            example.columns += int(t.columns.size());
        result.append(example);
    }
    return result;
}

void FileController::chooseExample()
{
    // A small gallery: each example with its description and size.
    QDialog dialog(m_window);
    dialog.setWindowTitle(tr("New from Example"));
    auto *list = new QListWidget(&dialog);
    list->setAccessibleName(tr("Examples"));
    list->setIconSize(QSize(32, 32));
    list->setSpacing(4);
    const QList<ExampleSummary> examples = FileController::examples();
    for (const ExampleSummary &example : examples) {
        auto *item = new QListWidgetItem(
            Icons::app(), example.name + QLatin1Char('\n') + exampleDescription(example), list);
        item->setData(Qt::UserRole, example.name);
    }
    list->setCurrentRow(0);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, &dialog);
    connect(buttons, &QDialogButtonBox::accepted, &dialog, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    connect(list, &QListWidget::itemDoubleClicked, &dialog, &QDialog::accept);
    auto *layout = new QVBoxLayout(&dialog);
    layout->addWidget(new QLabel(tr("Start from one of the bundled schemas:"), &dialog));
    layout->addWidget(list);
    layout->addWidget(buttons);
    dialog.resize(560, 320);
    if (dialog.exec() == QDialog::Accepted && list->currentItem())
        openExample(list->currentItem()->data(Qt::UserRole).toString());
}

bool FileController::chooseAndOpen()
{
    const QString fileName = QFileDialog::getOpenFileName(m_window, tr("Open Schema"),
                                                          Settings::lastDirectory.value(), kFilter);
    return !fileName.isEmpty() && open(fileName);
}

void FileController::removeRecent(const QString &fileName)
{
    QStringList recent = Settings::recentFiles.value();
    if (recent.removeAll(fileName) == 0)
        return;
    Settings::recentFiles.set(recent);
    updateRecentMenu();
}

void FileController::addRecent(const QString &fileName)
{
    const QString path = QFileInfo(fileName).absoluteFilePath();
    QStringList recent = Settings::recentFiles.value();
    recent.removeAll(path);
    recent.prepend(path);
    while (recent.size() > Settings::maxRecentFiles.value())
        recent.removeLast();
    Settings::recentFiles.set(recent);
    Settings::lastDirectory.set(QFileInfo(path).absolutePath());
    updateRecentMenu();
}

void FileController::updateRecentMenu()
{
    emit recentFilesChanged(); // every change of the list ends here
    m_recentMenu->clear();
    const QStringList recent = Settings::recentFiles.value();
    for (int i = 0; i < recent.size(); ++i) {
        const QString path = recent.at(i);
        QAction *action =
            m_recentMenu->addAction(tr("&%1 %2").arg(i + 1).arg(QDir::toNativeSeparators(path)));
        connect(action, &QAction::triggered, this, [this, path] { open(path); });
    }
    m_recentMenu->setEnabled(!recent.isEmpty());
    if (!recent.isEmpty()) {
        m_recentMenu->addSeparator();
        connect(m_recentMenu->addAction(tr("&Clear List")), &QAction::triggered, this, [this] {
            Settings::recentFiles.reset();
            updateRecentMenu();
        });
    }
}

void FileController::showError(const QString &title, const QString &message)
{
    QMessageBox::warning(m_window, title, message);
}

void FileController::importSchema(bool database)
{
    const auto source = database ? ImportDialog::Source::Database : ImportDialog::Source::DdlFile;
    ImportDialog dialog(source,
                        ConnectionProfile::listFromJson(Settings::connectionProfiles.value()),
                        &m_document->schema(), m_window);
    if (dialog.exec() != QDialog::Accepted)
        return;
    if (dialog.merge()) {
        m_document->replaceSchema(dialog.schema(), tr("Merge Re-import"));
        return;
    }
    if (maybeSave())
        m_document->adopt(dialog.schema());
}

} // namespace spillway
