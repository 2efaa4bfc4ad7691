#include "run/runpanel.h"

#include "design/problemlabel.h"
#include "files/compressor.h"
#include "run/connectionprofileeditor.h"
#include "run/mapeditor.h"
#include "run/pipelinepage.h"
#include "run/runcontroller.h"
#include "run/runestimate.h"
#include "shell/palettes.h"
#include "shell/settings.h"
#include <QAction>
#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QDir>
#include <QDoubleSpinBox>
#include <QFileDialog>
#include <QFontDatabase>
#include <QFormLayout>
#include <QGroupBox>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QInputDialog>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QSpinBox>
#include <QStackedWidget>
#include <QStyle>
#include <QtConcurrent/QtConcurrentRun>
#include <QToolButton>
#include <QVBoxLayout>

namespace spillway {
namespace {

QComboBox *combo(const QStringList &items)
{
    auto *box = new QComboBox;
    box->addItems(items);
    // A long item ("Local server (embedded, ...)") elides in a narrow panel instead of
    // setting the panel's minimum width.
    box->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    box->setMinimumContentsLength(12);
    return box;
}

const QStringList kFormats{QStringLiteral("csv"), QStringLiteral("tsv"), QStringLiteral("pgcopy"),
                           QStringLiteral("pgbinary"), QStringLiteral("jsonl")};
const QStringList kCompressions{QStringLiteral("none"), QStringLiteral("gzip"),
                                QStringLiteral("zstd")};
const QStringList kModes{QStringLiteral("create"), QStringLiteral("truncate"),
                         QStringLiteral("append"), QStringLiteral("recreate")};
const QStringList kCopyFormats{QStringLiteral("binary"), QStringLiteral("text"),
                               QStringLiteral("csv")};

} // namespace

RunPanel::RunPanel(RunController *controller, QWidget *parent)
    : QWidget(parent)
    , m_controller(controller)
    , m_problems(new QLabel)
    , m_command(new QLabel)
    , m_commandNote(new QLabel)
    , m_estimate(new QLabel)
    , m_reason(new ProblemLabel)
    , m_showProblem(new QPushButton(tr("Show problem")))
    , m_copy(new QPushButton(tr("Copy as command")))
    , m_estimator(new RunEstimator(this))
    , m_runAction(new QAction(tr("Run"), this))
{
    m_runAction->setShortcut(QKeySequence(Qt::Key_F5));
    m_runAction->setShortcutContext(Qt::WindowShortcut);
    addAction(m_runAction);
    connect(m_runAction, &QAction::triggered, this, &RunPanel::run);
    m_problems->setWordWrap(true);
    showAsError(m_problems);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(createSettingsArea(), 1);
    layout->addWidget(createRunBar());
    connectEdits();
    connect(m_estimator, &RunEstimator::estimated, this, &RunPanel::onEstimated);
    if (controller) {
        connect(controller, &RunController::stateChanged, this, &RunPanel::updateButtons);
        connect(controller, &RunController::documentChanged, this, &RunPanel::onDocumentChanged);
    }
    restoreSettings();
    onSettingsEdited();
}

RunPanel::~RunPanel() = default;

QWidget *RunPanel::createTargetBox()
{
    auto *box = new QGroupBox(tr("Target"));
    m_target = combo({tr("Local server (embedded, started for the run)"),
                      tr("PostgreSQL connection"), tr("Files"), tr("Your pipeline")});
    m_target->setToolTip(tr("Your pipeline: Spillway generates the files, runs your own ETL "
                            "commands on them while it measures the database and the "
                            "processes, then verifies the tables they loaded"));
    m_targetPages = new QStackedWidget;
    auto *local = new QLabel(tr("A private PostgreSQL server in Spillway's data folder: "
                                "started before the run and stopped after it."));
    local->setWordWrap(true);
    auto *localPage = new QWidget; // a layout gives the wrapped text its height for the width
    auto *localLayout = new QVBoxLayout(localPage);
    localLayout->setContentsMargins(0, 0, 0, 0);
    localLayout->addWidget(local);
    m_targetPages->addWidget(localPage);
    m_targetPages->addWidget(createPostgresPage());
    m_targetPages->addWidget(createFilesPage());
    m_pipeline = new PipelinePage;
    m_targetPages->addWidget(m_pipeline);
    connect(m_target, &QComboBox::currentIndexChanged, m_targetPages,
            &QStackedWidget::setCurrentIndex);
    // The stack is as tall as its current page, not as its tallest (the PostgreSQL form):
    // pages out of view ignore their size.
    const auto fitPage = [this](int current) {
        for (int i = 0; i < m_targetPages->count(); ++i)
            m_targetPages->widget(i)->setSizePolicy(QSizePolicy::Preferred,
                                                    i == current ? QSizePolicy::Preferred
                                                                 : QSizePolicy::Ignored);
    };
    connect(m_targetPages, &QStackedWidget::currentChanged, this, fitPage);
    fitPage(m_targetPages->currentIndex());
    auto *layout = new QVBoxLayout(box);
    layout->addWidget(m_target);
    layout->addWidget(m_targetPages);
    return box;
}

QWidget *RunPanel::createPostgresPage()
{
    m_connection = new ConnectionProfileEditor;
    connect(m_connection, &ConnectionProfileEditor::profilesChanged, this,
            [this](const QList<ConnectionProfile> &profiles) {
                QStringList names;
                for (const ConnectionProfile &p : profiles)
                    names << p.name;
                m_pipeline->setProfileNames(names);
                emit profilesChanged(profiles);
            });
    connect(m_connection, &ConnectionProfileEditor::profileEdited, this,
            &RunPanel::onSettingsEdited);
    return m_connection;
}

QWidget *RunPanel::createFilesPage()
{
    auto *page = new QWidget;
    m_directory = new QLineEdit;
    m_directory->setPlaceholderText(tr("output folder"));
    auto *browse = new QToolButton;
    browse->setText(QStringLiteral("…"));
    connect(browse, &QToolButton::clicked, this, [this] {
        const QString dir =
            QFileDialog::getExistingDirectory(this, tr("Output folder"), m_directory->text());
        if (!dir.isEmpty())
            m_directory->setText(dir);
    });
    auto *dirRow = new QHBoxLayout;
    dirRow->addWidget(m_directory, 1);
    dirRow->addWidget(browse);
    auto *form = new QFormLayout(page);
    form->setContentsMargins(0, 0, 0, 0);
    form->addRow(tr("Folder"), dirRow);
    return page;
}

// Files written by a files run or generated for a pipeline: the same format fields.
QWidget *RunPanel::createFileFormatBox()
{
    auto *box = new QGroupBox(tr("Files"));
    m_format = combo(kFormats);
    m_splitKind =
        combo({tr("one file per table"), tr("split every N rows"), tr("split before SIZE bytes")});
    m_splitValue = new QLineEdit;
    m_splitValue->setPlaceholderText(tr("1M rows or 100MiB"));
    auto *splitRow = new QHBoxLayout;
    splitRow->addWidget(m_splitKind);
    splitRow->addWidget(m_splitValue, 1);
    auto *form = new QFormLayout(box);
    form->addRow(tr("Format"), m_format);
    form->addRow(tr("Split"), splitRow);
    m_compression = combo(kCompressions);
    m_compression->setToolTip(tr("Each file (and split part) is one complete gzip or "
                                 "zstd stream; split sizes count uncompressed bytes"));
    form->addRow(tr("Compression"), m_compression);
    m_fileFormat = box;
    return box;
}

QWidget *RunPanel::createDataBox()
{
    auto *box = new QGroupBox(tr("Data"));
    m_rows = new QLineEdit;
    m_rows->setPlaceholderText(tr("the schema's counts (or e.g. 10M)"));
    m_scale = new QDoubleSpinBox;
    m_scale->setRange(0.0001, 1e6);
    m_scale->setDecimals(4);
    m_scale->setValue(1.0);
    m_workers = new QSpinBox;
    m_workers->setRange(0, 256);
    m_workers->setSpecialValueText(tr("one per core"));
    m_seed = new QLineEdit;
    m_seed->setPlaceholderText(tr("the schema's seed"));
    auto *form = new QFormLayout(box);
    form->addRow(tr("Rows per root table"), m_rows);
    form->addRow(tr("Scale"), m_scale);
    form->addRow(tr("Workers"), m_workers);
    form->addRow(tr("Seed"), m_seed);
    return box;
}

QWidget *RunPanel::createLoadBox()
{
    auto *box = new QGroupBox(tr("Load and thresholds"));
    m_mode = combo(kModes);
    m_mode->setCurrentText(QStringLiteral("recreate"));
    m_copyFormat = combo(kCopyFormats);
    m_constraintsFirst = new QCheckBox(tr("Create constraints before loading"));
    m_thresholds = new QPlainTextEdit;
    m_thresholds->setPlaceholderText(tr("one per line, e.g.\nrows_per_s>=500000\n"
                                        "p95_commit_ms<=2000"));
    m_thresholds->setMaximumHeight(m_thresholds->fontMetrics().height() * 5);
    auto *form = new QFormLayout(box);
    form->addRow(tr("Mode"), m_mode);
    form->addRow(tr("COPY format"), m_copyFormat);
    form->addRow(m_constraintsFirst);
    form->addRow(tr("Thresholds"), m_thresholds);
    return box;
}

QWidget *RunPanel::createButtons()
{
    auto *row = new QWidget;
    m_runButton = new QPushButton(tr("Run (F5)"));
    m_runButton->setDefault(true);
    m_pauseButton = new QPushButton(tr("Pause"));
    m_cancelButton = new QPushButton(tr("Cancel"));
    connect(m_runButton, &QPushButton::clicked, this, &RunPanel::run);
    connect(m_pauseButton, &QPushButton::clicked, this, [this] {
        if (!m_controller)
            return;
        if (m_controller->state() == RunController::State::Paused)
            m_controller->resume();
        else
            m_controller->pause();
    });
    connect(m_cancelButton, &QPushButton::clicked, this, [this] {
        if (m_controller)
            m_controller->cancel();
    });
    auto *layout = new QHBoxLayout(row);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_runButton);
    layout->addWidget(m_estimate, 1);
    layout->addWidget(m_pauseButton);
    layout->addWidget(m_cancelButton);
    return row;
}

QWidget *RunPanel::createSettingsArea()
{
    auto *settings = new QWidget;
    auto *column = new QVBoxLayout(settings);
    column->addWidget(createTargetBox());
    column->addWidget(createFileFormatBox());
    column->addWidget(createDataBox());
    column->addWidget(createLoadBox());
    column->addWidget(m_problems);
    column->addStretch(1);
    auto *area = new QScrollArea;
    area->setWidget(settings);
    area->setWidgetResizable(true);
    area->setFrameShape(QFrame::NoFrame);
    area->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    // The settings are a form: never narrower than their labels and fields need.
    area->setMinimumWidth(settings->minimumSizeHint().width() +
                          area->style()->pixelMetric(QStyle::PM_ScrollBarExtent) + 4);
    return area;
}

// Below the scrolling settings, so Run, the estimate and the reason are always in view.
QWidget *RunPanel::createRunBar()
{
    auto *bar = new QWidget;
    auto *rule = new QFrame;
    rule->setFrameShape(QFrame::HLine);
    rule->setFrameShadow(QFrame::Sunken);
    m_estimate->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_estimate->setWordWrap(true); // beside Run, Pause and Cancel in a narrow panel
    m_showProblem->setToolTip(tr("Select the schema's first problem in the designer"));
    connect(m_showProblem, &QPushButton::clicked, this, [this] {
        if (!m_problemPath.isEmpty())
            emit problemActivated(m_problemPath);
    });
    m_command->setWordWrap(true);
    m_command->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_command->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_commandNote->setWordWrap(true);
    m_copy->setToolTip(tr("Copy the equivalent spillway-cli command (never a password)"));
    connect(m_copy, &QPushButton::clicked, this, &RunPanel::copyCommand);
    auto *reasonRow = new QHBoxLayout;
    reasonRow->addWidget(m_reason, 1);
    reasonRow->addWidget(m_showProblem, 0, Qt::AlignTop);
    auto *commandRow = new QHBoxLayout;
    commandRow->addWidget(m_command, 1);
    commandRow->addWidget(m_copy, 0, Qt::AlignTop);
    auto *layout = new QVBoxLayout(bar);
    layout->addWidget(rule);
    layout->addWidget(createButtons());
    layout->addLayout(reasonRow);
    layout->addLayout(commandRow);
    layout->addWidget(m_commandNote);
    return bar;
}

void RunPanel::connectEdits()
{
    const auto edited = [this] { onSettingsEdited(); };
    for (QLineEdit *e : {m_directory, m_splitValue, m_rows, m_seed})
        connect(e, &QLineEdit::textChanged, this, edited);
    for (QComboBox *c : {m_target, m_format, m_splitKind, m_compression, m_mode, m_copyFormat})
        connect(c, &QComboBox::currentIndexChanged, this, edited);
    connect(m_workers, &QSpinBox::valueChanged, this, edited);
    connect(m_scale, &QDoubleSpinBox::valueChanged, this, edited);
    connect(m_constraintsFirst, &QCheckBox::toggled, this, edited);
    connect(m_thresholds, &QPlainTextEdit::textChanged, this, edited);
    connect(m_pipeline, &PipelinePage::edited, this, edited);
}

RunSettings RunPanel::settings() const
{
    RunSettings s = m_unshown;
    s.target = RunTarget(m_target->currentIndex());
    s.profile = m_connection->profile();
    if (s.profile.name.isEmpty()) // the stored choice while the profiles are not loaded (yet)
        s.profile.name = m_unshown.profile.name;
    s.pipeline = m_pipeline->settings();
    if (s.usesProfile() && s.isPipeline()) {
        // The pipeline's database is a saved profile, by name (edited on the PostgreSQL page).
        const QList<ConnectionProfile> profiles = m_connection->profiles();
        const auto it = std::find_if(profiles.cbegin(), profiles.cend(), [&s](const auto &p) {
            return p.name == s.pipeline.profileName;
        });
        if (it != profiles.cend())
            s.profile = *it;
    }
    s.directory = m_directory->text().trimmed();
    FormatOptions::parseFormat(m_format->currentText(), s.format);
    Compressor::parse(m_compression->currentText(), s.compression);
    const auto split = parseByteSize(m_splitValue->text());
    if (m_splitKind->currentIndex() == 1)
        s.splitRows = parseCount(m_splitValue->text()).value_or(0);
    else if (m_splitKind->currentIndex() == 2)
        s.splitBytes = split.value_or(0);
    IngestOptions::parseMode(m_mode->currentText(), s.mode);
    IngestOptions::parseFormat(m_copyFormat->currentText(), s.copyFormat);
    s.constraintsFirst = m_constraintsFirst->isChecked();
    if (!m_rows->text().trimmed().isEmpty())
        s.rows = parseCount(m_rows->text());
    s.scale = m_scale->value();
    bool seedOk = false;
    const uint64_t seed = m_seed->text().trimmed().toULongLong(&seedOk);
    if (seedOk)
        s.seed = seed;
    s.workers = m_workers->value();
    for (const QString &line : m_thresholds->toPlainText().split(QLatin1Char('\n'))) {
        if (!line.trimmed().isEmpty())
            s.thresholds << line.trimmed();
    }
    return s;
}

void RunPanel::setSettings(const RunSettings &s)
{
    m_unshown.serverDir = s.serverDir;
    m_unshown.retries = s.retries;
    m_unshown.profile.name = s.profile.name;
    m_target->setCurrentIndex(int(s.target));
    m_connection->setProfile(s.profile);
    m_directory->setText(s.directory);
    m_format->setCurrentText(FormatOptions::formatName(s.format));
    m_compression->setCurrentText(Compressor::name(s.compression));
    m_splitKind->setCurrentIndex(s.splitRows ? 1 : s.splitBytes ? 2 : 0);
    m_splitValue->setText(s.splitRows    ? QString::number(s.splitRows)
                          : s.splitBytes ? QString::number(s.splitBytes)
                                         : QString());
    m_mode->setCurrentText(IngestOptions::modeName(s.mode));
    m_copyFormat->setCurrentText(IngestOptions::formatName(s.copyFormat));
    m_constraintsFirst->setChecked(s.constraintsFirst);
    m_rows->setText(s.rows ? QString::number(*s.rows) : QString());
    m_scale->setValue(s.scale);
    m_workers->setValue(s.workers);
    m_seed->setText(s.seed ? QString::number(*s.seed) : QString());
    m_thresholds->setPlainText(s.thresholds.join(QLatin1Char('\n')));
    m_pipeline->setSettings(s.pipeline);
    onSettingsEdited();
}

void RunPanel::onSettingsEdited()
{
    const RunSettings s = settings();
    QStringList problems = s.problems();
    if (!m_rows->text().trimmed().isEmpty() && !s.rows)
        problems << tr("Rows: write a count such as 1000000, 10M or 1G.");
    if (!m_seed->text().trimmed().isEmpty() && !s.seed)
        problems << tr("Seed: write a whole number, 0 or more.");
    if (m_splitKind->currentIndex() > 0 && !s.splitRows && !s.splitBytes)
        problems << tr("Split: write a row count (1M) or a size (100MiB).");
    m_settingsProblems = problems;
    m_problems->setText(problems.join(QLatin1Char('\n')));
    m_problems->setVisible(!problems.isEmpty());
    const bool ingest = s.isIngest();
    m_fileFormat->setVisible(s.target == RunTarget::Files || s.isPipeline());
    m_mode->setEnabled(ingest);
    m_copyFormat->setEnabled(ingest);
    m_constraintsFirst->setEnabled(ingest);
    if (m_controller)
        m_controller->setSettings(s);
    if (!m_restoring)
        Settings::runSettings.set(QJsonDocument(s.toJson()).toJson(QJsonDocument::Compact));
    updateCommand();
    requestEstimate();
    updateButtons();
    emit settingsChanged();
}

void RunPanel::onDocumentChanged()
{
    if (const SchemaDocument *doc = m_controller ? m_controller->document() : nullptr)
        m_pipeline->setSchema(doc->schema());
    updateCommand();
    requestEstimate();
    updateButtons();
}

void RunPanel::restoreSettings()
{
    const QJsonDocument stored = QJsonDocument::fromJson(Settings::runSettings.value());
    if (!stored.isObject())
        return;
    m_restoring = true;
    setSettings(RunSettings::fromJson(stored.object()));
    m_restoring = false;
}

QStringList RunPanel::runProblems(QString *jsonPath) const
{
    QStringList problems;
    QString path;
    const SchemaDocument *doc = m_controller ? m_controller->document() : nullptr;
    if (!doc)
        problems << tr("There is no schema to run.");
    else
        for (const Diagnostic &d : doc->diagnostics().items()) {
            if (path.isEmpty())
                path = d.path.isEmpty() ? QStringLiteral("$") : d.path;
            problems << doc->describe(d); // `table.column: ...`, as the designer words it
        }
    problems << m_settingsProblems;
    problems << mapProblems();
    // What the planner refuses in these settings (e.g. more rows than a unique column has).
    for (const Diagnostic &d : m_estimator->estimate().problems.items()) {
        if (path.isEmpty() && !d.path.startsWith(QLatin1String("--")))
            path = d.path;
        problems << (doc ? doc->describe(d) : d.toString());
    }
    if (jsonPath)
        *jsonPath = path == QLatin1String("$") ? QString() : path;
    return problems;
}

QStringList RunPanel::mapProblems() const
{
    const SchemaDocument *doc = m_controller ? m_controller->document() : nullptr;
    if (m_target->currentIndex() != int(RunTarget::Pipeline) || !doc || !doc->compiled())
        return {};
    const QString problems = m_pipeline->mapEditor()->map().validate(*doc->compiled());
    if (problems.isEmpty())
        return {};
    QStringList out;
    for (const QString &line : problems.split(QLatin1Char('\n'), Qt::SkipEmptyParts))
        out << tr("Map: %1").arg(line);
    return out;
}

QString RunPanel::estimateText() const
{
    return m_estimate->text();
}

bool RunPanel::isEstimating() const
{
    return m_estimator->isBusy();
}

void RunPanel::requestEstimate()
{
    const SchemaDocument *doc = m_controller ? m_controller->document() : nullptr;
    if (!doc || !doc->compiled()) {
        m_estimate->setText(QString());
        return;
    }
    if (m_estimate->text().isEmpty())
        m_estimate->setText(tr("estimating…"));
    m_estimator->request(doc->schema(), settings());
}

void RunPanel::onEstimated(const RunEstimate &estimate)
{
    // Wrapped in a narrow panel, "≈" stays with its figure.
    m_estimate->setText(estimate.text().replace(QStringLiteral("≈ "), QStringLiteral("≈\u00a0")));
    const RunSettings s = settings();
    m_estimate->setToolTip(
        s.isIngest()
            ? tr("Estimated rows of all tables, and bytes sent with COPY %1, from a sample of "
                 "rows encoded as the run encodes them")
                  .arg(IngestOptions::formatName(s.copyFormat))
            : tr("Estimated rows of all tables, and bytes of the %1 files (compression: %2), "
                 "from a sample of rows encoded as the run encodes them")
                  .arg(FormatOptions::formatName(s.format), Compressor::name(s.compression)));
    updateButtons();
}

void RunPanel::updateCommand()
{
    if (!m_controller)
        return;
    m_command->setText(m_controller->commandLine());
    const bool named = !m_controller->schemaArgument().isEmpty();
    m_copy->setEnabled(named);
    QString note;
    if (!m_controller->document())
        note = tr("There is no schema to run.");
    else if (!named)
        note = tr("Save the schema (Ctrl+S) to copy a command that runs it: the command line "
                  "reads the schema from a file.");
    else if (!m_controller->isCommandCurrent())
        note = tr("The schema has unsaved changes: the command runs the file as last saved. "
                  "Save (Ctrl+S) to include them.");
    else if (m_controller->settings().isPipeline() && m_pipeline->mapEditor()->isUnsaved())
        note = tr("The map has edits not saved to a file: the command reads the map from its "
                  "file. Save the map (Save…) to include them.");
    m_commandNote->setText(note);
    m_commandNote->setVisible(!note.isEmpty());
}

void RunPanel::updateButtons()
{
    using State = RunController::State;
    const State state = m_controller ? m_controller->state() : State::Idle;
    const bool idle = state == State::Idle;
    const QStringList problems = runProblems(&m_problemPath);
    const bool canRun = m_controller && idle && problems.isEmpty();
    m_runButton->setEnabled(canRun);
    m_runAction->setEnabled(canRun);
    QString reason;
    if (idle && !problems.isEmpty())
        reason = problems.size() == 1
                     ? tr("Cannot run: %1").arg(problems.first())
                     : tr("Cannot run: %1 (%n more)", nullptr, int(problems.size() - 1))
                           .arg(problems.first());
    m_reason->setProblems(reason.isEmpty() ? QStringList() : QStringList{reason});
    m_reason->setToolTip(problems.join(QLatin1Char('\n')));
    m_showProblem->setVisible(!reason.isEmpty() && !m_problemPath.isEmpty());
    m_runButton->setToolTip(reason.isEmpty() ? tr("Run with these settings (F5)") : reason);
    m_runAction->setToolTip(m_runButton->toolTip());
    m_cancelButton->setEnabled(!idle && state != State::Cancelling);
    m_pauseButton->setText(state == State::Paused ? tr("Resume") : tr("Pause"));
    m_pauseButton->setEnabled(state == State::Paused || (m_controller && m_controller->canPause()));
    m_pauseButton->setToolTip(settings().isIngest()
                                  ? tr("Stops the load; Resume continues it through the "
                                       "ledger, skipping committed chunks")
                                  : tr("Holds the workers; Resume continues the same run"));
}

bool RunPanel::confirmOverwrite(const RunSettings &s)
{
    QStringList tables;
    if (const SchemaDocument *doc = m_controller ? m_controller->document() : nullptr)
        for (const TableSpec &table : doc->schema().tables)
            tables << table.name;
    const QStringList existing = s.existingOutputs(tables);
    if (existing.isEmpty())
        return true;
    QStringList shown = existing.mid(0, 3);
    if (existing.size() > 3)
        shown << QStringLiteral("…");
    QMessageBox box(
        QMessageBox::Warning, tr("Overwrite files?"),
        tr("The folder %1 already holds %n file(s) that this run writes: %2.", nullptr,
           int(existing.size()))
            .arg(QDir::toNativeSeparators(s.directory), shown.join(QStringLiteral(", "))),
        QMessageBox::Cancel, this);
    box.setInformativeText(tr("Overwrite them, or cancel and choose another folder?"));
    box.setDetailedText(existing.join(QLatin1Char('\n')));
    QPushButton *overwrite = box.addButton(tr("Overwrite"), QMessageBox::DestructiveRole);
    box.setDefaultButton(QMessageBox::Cancel);
    box.exec();
    return box.clickedButton() == overwrite;
}

void RunPanel::run()
{
    if (!m_controller || m_controller->isActive() || !runProblems().isEmpty())
        return;
    const RunSettings s = settings();
    if (s.target == RunTarget::Files && !confirmOverwrite(s))
        return;
    const auto start = [this, s](const QString &password) {
        if (!m_controller || m_controller->isActive())
            return;
        m_controller->setSettings(s);
        m_controller->setPassword(password);
        m_controller->start();
        updateButtons();
    };
    if (!s.usesProfile()) {
        start(QString());
        return;
    }
    // The keyring answers asynchronously; the run starts when the password is known.
    m_connection->passwords()->obtain(s.profile, [start](const PasswordResult &r) {
        if (r.ok)
            start(r.password);
    });
}

void RunPanel::copyCommand()
{
    if (m_controller && !m_controller->schemaArgument().isEmpty())
        QGuiApplication::clipboard()->setText(m_controller->commandLine());
}

void RunPanel::testConnection()
{
    m_connection->testConnection();
}

QList<ConnectionProfile> RunPanel::profiles() const
{
    return m_connection->profiles();
}

void RunPanel::setProfiles(const QList<ConnectionProfile> &profiles)
{
    m_connection->setProfiles(profiles);
    QStringList names;
    for (const ConnectionProfile &p : profiles)
        names << p.name;
    m_pipeline->setProfileNames(names);
    onSettingsEdited();
}

} // namespace spillway
