#include "run/runpanel.h"

#include "files/compressor.h"
#include "run/connectionprofileeditor.h"
#include "run/runcontroller.h"

#include <QAction>
#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFileDialog>
#include <QFontDatabase>
#include <QFormLayout>
#include <QGroupBox>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QStackedWidget>
#include <QToolButton>
#include <QVBoxLayout>

namespace spillway {
namespace {

QComboBox *combo(const QStringList &items)
{
    auto *box = new QComboBox;
    box->addItems(items);
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
    , m_runAction(new QAction(QStringLiteral("Run"), this))
{
    m_runAction->setShortcut(QKeySequence(Qt::Key_F5));
    m_runAction->setShortcutContext(Qt::WindowShortcut);
    addAction(m_runAction);
    connect(m_runAction, &QAction::triggered, this, &RunPanel::run);
    m_problems->setWordWrap(true);
    m_problems->setStyleSheet(QStringLiteral("color: #a02020"));
    m_command->setWordWrap(true);
    m_command->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_command->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(createTargetBox());
    layout->addWidget(createDataBox());
    layout->addWidget(createLoadBox());
    layout->addWidget(m_problems);
    layout->addWidget(createButtons());
    layout->addWidget(m_command);
    layout->addStretch(1);
    connectEdits();
    if (controller) {
        connect(controller, &RunController::stateChanged, this, &RunPanel::updateButtons);
    }
    onSettingsEdited();
}

RunPanel::~RunPanel() = default;

QWidget *RunPanel::createTargetBox()
{
    auto *box = new QGroupBox(QStringLiteral("Target"));
    m_target = combo({QStringLiteral("Local server (embedded, started for the run)"),
                      QStringLiteral("PostgreSQL connection"), QStringLiteral("Files")});
    m_targetPages = new QStackedWidget;
    auto *local =
        new QLabel(QStringLiteral("A private PostgreSQL server in Spillway's data folder: "
                                  "started before the run and stopped after it."));
    local->setWordWrap(true);
    m_targetPages->addWidget(local);
    m_targetPages->addWidget(createPostgresPage());
    m_targetPages->addWidget(createFilesPage());
    connect(m_target, &QComboBox::currentIndexChanged, m_targetPages,
            &QStackedWidget::setCurrentIndex);
    auto *layout = new QVBoxLayout(box);
    layout->addWidget(m_target);
    layout->addWidget(m_targetPages);
    return box;
}

QWidget *RunPanel::createPostgresPage()
{
    m_connection = new ConnectionProfileEditor;
    connect(m_connection, &ConnectionProfileEditor::profilesChanged, this,
            &RunPanel::profilesChanged);
    connect(m_connection, &ConnectionProfileEditor::profileEdited, this,
            &RunPanel::onSettingsEdited);
    return m_connection;
}

QWidget *RunPanel::createFilesPage()
{
    auto *page = new QWidget;
    m_directory = new QLineEdit;
    m_directory->setPlaceholderText(QStringLiteral("output folder"));
    auto *browse = new QToolButton;
    browse->setText(QStringLiteral("…"));
    connect(browse, &QToolButton::clicked, this, [this] {
        const QString dir = QFileDialog::getExistingDirectory(this, QStringLiteral("Output folder"),
                                                              m_directory->text());
        if (!dir.isEmpty())
            m_directory->setText(dir);
    });
    m_format = combo(kFormats);
    m_splitKind = combo({QStringLiteral("one file per table"), QStringLiteral("split every N rows"),
                         QStringLiteral("split before SIZE bytes")});
    m_splitValue = new QLineEdit;
    m_splitValue->setPlaceholderText(QStringLiteral("1M rows or 100MiB"));
    auto *dirRow = new QHBoxLayout;
    dirRow->addWidget(m_directory, 1);
    dirRow->addWidget(browse);
    auto *splitRow = new QHBoxLayout;
    splitRow->addWidget(m_splitKind);
    splitRow->addWidget(m_splitValue, 1);
    auto *form = new QFormLayout(page);
    form->setContentsMargins(0, 0, 0, 0);
    form->addRow(QStringLiteral("Folder"), dirRow);
    form->addRow(QStringLiteral("Format"), m_format);
    form->addRow(QStringLiteral("Split"), splitRow);
    m_compression = combo(kCompressions);
    m_compression->setToolTip(QStringLiteral("Each file (and split part) is one complete gzip or "
                                             "zstd stream; split sizes count uncompressed bytes"));
    form->addRow(QStringLiteral("Compression"), m_compression);
    return page;
}

QWidget *RunPanel::createDataBox()
{
    auto *box = new QGroupBox(QStringLiteral("Data"));
    m_rows = new QLineEdit;
    m_rows->setPlaceholderText(QStringLiteral("the schema's counts (or e.g. 10M)"));
    m_scale = new QDoubleSpinBox;
    m_scale->setRange(0.0001, 1e6);
    m_scale->setDecimals(4);
    m_scale->setValue(1.0);
    m_workers = new QSpinBox;
    m_workers->setRange(0, 256);
    m_workers->setSpecialValueText(QStringLiteral("one per core"));
    m_seed = new QLineEdit;
    m_seed->setPlaceholderText(QStringLiteral("the schema's seed"));
    auto *form = new QFormLayout(box);
    form->addRow(QStringLiteral("Rows per root table"), m_rows);
    form->addRow(QStringLiteral("Scale"), m_scale);
    form->addRow(QStringLiteral("Workers"), m_workers);
    form->addRow(QStringLiteral("Seed"), m_seed);
    return box;
}

QWidget *RunPanel::createLoadBox()
{
    auto *box = new QGroupBox(QStringLiteral("Load and thresholds"));
    m_mode = combo(kModes);
    m_mode->setCurrentText(QStringLiteral("recreate"));
    m_copyFormat = combo(kCopyFormats);
    m_constraintsFirst = new QCheckBox(QStringLiteral("Create constraints before loading"));
    m_thresholds = new QPlainTextEdit;
    m_thresholds->setPlaceholderText(QStringLiteral("one per line, e.g.\nrows_per_s>=500000\n"
                                                    "p95_commit_ms<=2000"));
    m_thresholds->setMaximumHeight(m_thresholds->fontMetrics().height() * 5);
    auto *form = new QFormLayout(box);
    form->addRow(QStringLiteral("Mode"), m_mode);
    form->addRow(QStringLiteral("COPY format"), m_copyFormat);
    form->addRow(m_constraintsFirst);
    form->addRow(QStringLiteral("Thresholds"), m_thresholds);
    return box;
}

QWidget *RunPanel::createButtons()
{
    auto *row = new QWidget;
    m_runButton = new QPushButton(QStringLiteral("Run (F5)"));
    m_runButton->setDefault(true);
    m_pauseButton = new QPushButton(QStringLiteral("Pause"));
    m_cancelButton = new QPushButton(QStringLiteral("Cancel"));
    auto *copy = new QPushButton(QStringLiteral("Copy as command"));
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
    connect(copy, &QPushButton::clicked, this, &RunPanel::copyCommand);
    auto *layout = new QHBoxLayout(row);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_runButton);
    layout->addWidget(m_pauseButton);
    layout->addWidget(m_cancelButton);
    layout->addStretch(1);
    layout->addWidget(copy);
    return row;
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
}

RunSettings RunPanel::settings() const
{
    RunSettings s;
    s.target = RunTarget(m_target->currentIndex());
    s.profile = m_connection->profile();
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
    onSettingsEdited();
}

void RunPanel::onSettingsEdited()
{
    const RunSettings s = settings();
    QStringList problems = s.problems();
    if (!m_rows->text().trimmed().isEmpty() && !s.rows)
        problems << QStringLiteral("Rows: write a count such as 1000000, 10M or 1G.");
    if (!m_seed->text().trimmed().isEmpty() && !s.seed)
        problems << QStringLiteral("Seed: write a whole number, 0 or more.");
    if (m_splitKind->currentIndex() > 0 && !s.splitRows && !s.splitBytes)
        problems << QStringLiteral("Split: write a row count (1M) or a size (100MiB).");
    m_problems->setText(problems.join(QLatin1Char('\n')));
    m_problems->setVisible(!problems.isEmpty());
    const bool ingest = s.isIngest();
    m_mode->setEnabled(ingest);
    m_copyFormat->setEnabled(ingest);
    m_constraintsFirst->setEnabled(ingest);
    if (m_controller) {
        m_controller->setSettings(s);
        m_command->setText(m_controller->commandLine());
    }
    updateButtons();
    emit settingsChanged();
}

void RunPanel::updateButtons()
{
    using State = RunController::State;
    const State state = m_controller ? m_controller->state() : State::Idle;
    const bool idle = state == State::Idle;
    m_runButton->setEnabled(idle && m_problems->isHidden());
    m_runAction->setEnabled(idle);
    m_cancelButton->setEnabled(!idle && state != State::Cancelling);
    m_pauseButton->setText(state == State::Paused ? QStringLiteral("Resume")
                                                  : QStringLiteral("Pause"));
    m_pauseButton->setEnabled(state == State::Paused || (m_controller && m_controller->canPause()));
    m_pauseButton->setToolTip(
        settings().isIngest() ? QStringLiteral("Stops the load; Resume continues it through the "
                                               "ledger, skipping committed chunks")
                              : QStringLiteral("Holds the workers; Resume continues the same run"));
}

void RunPanel::run()
{
    if (!m_controller || m_controller->isActive())
        return;
    const RunSettings s = settings();
    const auto start = [this, s](const QString &password) {
        if (!m_controller || m_controller->isActive())
            return;
        m_controller->setSettings(s);
        m_controller->setPassword(password);
        m_controller->start();
        updateButtons();
    };
    if (s.target != RunTarget::Postgres) {
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
    if (m_controller)
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
}

} // namespace spillway
