#include "run/pipelinepage.h"

#include "run/commandlistmodel.h"
#include "run/mapeditor.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFileDialog>
#include <QFontDatabase>
#include <QFormLayout>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QSpinBox>
#include <QTableView>
#include <QToolButton>
#include <QVBoxLayout>

namespace spillway {
namespace {

QToolButton *toolButton(const QString &text, const QString &tip)
{
    auto *button = new QToolButton;
    button->setText(text);
    button->setToolTip(tip);
    button->setAccessibleName(tip);
    return button;
}

} // namespace

PipelinePage::PipelinePage(QWidget *parent)
    : QWidget(parent)
    , m_database(new QComboBox)
    , m_commands(new CommandListModel(this))
    , m_workingDirectory(new QLineEdit)
    , m_filesDirectory(new QLineEdit)
    , m_map(new MapEditor)
    , m_rejects(new QLineEdit)
    , m_dirty(new QDoubleSpinBox)
    , m_timeout(new QSpinBox)
    , m_repeat(new QSpinBox)
    , m_before(new QLineEdit)
{
    m_database->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_database->setMinimumContentsLength(12);
    m_database->setToolTip(tr("The database the pipeline loads into: its tables are sampled "
                              "while it runs and verified after it"));
    setProfileNames({});
    m_workingDirectory->setPlaceholderText(tr("the current folder"));
    m_filesDirectory->setPlaceholderText(tr("a new folder beside the run record"));
    m_rejects->setPlaceholderText(tr("none"));
    m_rejects->setToolTip(tr("Where your pipeline writes the rows it rejects: verify reports "
                             "dirty rows it did not"));
    m_timeout->setRange(0, 7 * 24 * 3600);
    m_timeout->setSuffix(tr(" s"));
    m_timeout->setSpecialValueText(tr("none"));
    m_timeout->setToolTip(tr("Stops every command's process group when reached"));
    m_repeat->setRange(1, 1000);
    m_repeat->setToolTip(tr("Runs the pipeline this many times and reports the median and "
                            "spread; reset the tables in your command or in Before"));
    m_before->setPlaceholderText(tr("e.g. psql -c 'truncate staging.orders'"));
    m_before->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    auto *form = new QFormLayout(this);
    form->setContentsMargins(0, 0, 0, 0);
    form->addRow(tr("Database"), m_database);
    form->addRow(createCommands());
    form->addRow(tr("Working folder"),
                 createPicker(m_workingDirectory, tr("Working folder"), false));
    form->addRow(tr("Files folder"), createPicker(m_filesDirectory, tr("Files folder"), false));
    auto *mapLabel = new QLabel(tr("Map: where each schema table and column landed"));
    mapLabel->setWordWrap(true);
    form->addRow(mapLabel);
    form->addRow(m_map);
    form->addRow(tr("Reject file"), createPicker(m_rejects, tr("Reject file"), true));
    form->addRow(tr("Dirty rows"), createDirty());
    form->addRow(tr("Timeout"), m_timeout);
    form->addRow(tr("Repeat"), m_repeat);
    form->addRow(tr("Before each run"), m_before);

    const auto edited = [this] { emit this->edited(); };
    connect(m_database, &QComboBox::currentIndexChanged, this, [this, edited] {
        m_profileName = m_database->currentData().toString();
        edited();
    });
    for (QLineEdit *e : {m_workingDirectory, m_filesDirectory, m_rejects, m_before})
        connect(e, &QLineEdit::textChanged, this, edited);
    connect(m_dirty, &QDoubleSpinBox::valueChanged, this, edited);
    connect(m_timeout, &QSpinBox::valueChanged, this, edited);
    connect(m_repeat, &QSpinBox::valueChanged, this, edited);
    connect(m_commands, &CommandListModel::commandsEdited, this, edited);
    connect(m_map, &MapEditor::mapChanged, this, edited);
}

QWidget *PipelinePage::createCommands()
{
    auto *box = new QWidget;
    m_commandView = new QTableView;
    m_commandView->setObjectName(QStringLiteral("pipelineCommands"));
    m_commandView->setAccessibleName(tr("Pipeline commands"));
    m_commandView->setModel(m_commands);
    m_commandView->verticalHeader()->hide();
    m_commandView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_commandView->setSelectionMode(QAbstractItemView::SingleSelection);
    m_commandView->horizontalHeader()->setStretchLastSection(true);
    m_commandView->setColumnWidth(CommandListModel::NameColumn,
                                  fontMetrics().averageCharWidth() * 10);
    m_commandView->setMinimumHeight(fontMetrics().height() * 6);
    // Not expanding: out of view, the page must not claim the target box's spare height.
    m_commandView->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    m_commandView->setMaximumHeight(fontMetrics().height() * 9);
    m_add = toolButton(QStringLiteral("+"), tr("Add a command"));
    m_remove = toolButton(QStringLiteral("−"), tr("Remove the selected command"));
    m_up = toolButton(QStringLiteral("↑"), tr("Move the selected command up"));
    m_down = toolButton(QStringLiteral("↓"), tr("Move the selected command down"));
    connect(m_add, &QToolButton::clicked, this, [this] {
        const int row = m_commands->addCommand();
        const QModelIndex index = m_commands->index(row, CommandListModel::CommandColumn);
        m_commandView->setCurrentIndex(index);
        m_commandView->edit(index);
    });
    connect(m_remove, &QToolButton::clicked, this, [this] {
        m_commands->removeCommand(m_commandView->currentIndex().row());
        updateCommandButtons();
    });
    connect(m_up, &QToolButton::clicked, this, [this] { moveCurrent(-1); });
    connect(m_down, &QToolButton::clicked, this, [this] { moveCurrent(1); });
    connect(m_commandView->selectionModel(), &QItemSelectionModel::currentChanged, this,
            &PipelinePage::updateCommandButtons);
    connect(m_commands, &QAbstractItemModel::modelReset, this, &PipelinePage::updateCommandButtons);
    auto *buttons = new QVBoxLayout;
    for (QToolButton *b : {m_add, m_remove, m_up, m_down})
        buttons->addWidget(b);
    auto *title = new QLabel(tr("Commands (run at the same time, each measured on its own)"));
    title->setWordWrap(true);
    auto *row = new QHBoxLayout;
    row->addWidget(m_commandView, 1);
    row->addLayout(buttons);
    // At the top without a stretch: out of view, the page claims no spare height.
    row->setAlignment(buttons, Qt::AlignTop);
    auto *layout = new QVBoxLayout(box);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(title);
    layout->addLayout(row);
    updateCommandButtons();
    return box;
}

QWidget *PipelinePage::createDirty()
{
    auto *box = new QWidget;
    m_dirty->setRange(0, DirtyOptions::kMaxFraction * 100);
    m_dirty->setDecimals(2);
    m_dirty->setSingleStep(0.5);
    m_dirty->setSuffix(QStringLiteral(" %"));
    m_dirty->setSpecialValueText(tr("none"));
    m_dirty->setToolTip(tr("The share of each table's rows written invalid, each with one kind "
                           "of damage; a manifest beside the files lists them. None: each "
                           "table's own setting in the schema"));
    auto *kinds = new QGridLayout;
    kinds->setContentsMargins(0, 0, 0, 0);
    const QList<DirtyKind> all = allDirtyKinds();
    for (qsizetype i = 0; i < all.size(); ++i) {
        auto *check = new QCheckBox(dirtyKindName(all.at(i)));
        check->setToolTip(tr("Unchecked kinds are not written; none checked: every kind"));
        connect(check, &QCheckBox::toggled, this, [this] { emit edited(); });
        kinds->addWidget(check, int(i / 2), int(i % 2)); // two columns fit a narrow panel
        m_kinds.append(check);
    }
    connect(m_dirty, &QDoubleSpinBox::valueChanged, this, [this](double value) {
        for (QCheckBox *check : std::as_const(m_kinds))
            check->setEnabled(value > 0);
    });
    auto *layout = new QVBoxLayout(box);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_dirty);
    layout->addLayout(kinds);
    for (QCheckBox *check : std::as_const(m_kinds))
        check->setEnabled(false);
    return box;
}

QWidget *PipelinePage::createPicker(QLineEdit *edit, const QString &title, bool file)
{
    auto *row = new QWidget;
    auto *browse = new QToolButton;
    browse->setText(QStringLiteral("…"));
    browse->setToolTip(title);
    browse->setAccessibleName(title);
    connect(browse, &QToolButton::clicked, this, [this, edit, title, file] {
        const QString path =
            file ? QFileDialog::getSaveFileName(this, title, edit->text(), QString(), nullptr,
                                                QFileDialog::DontConfirmOverwrite)
                 : QFileDialog::getExistingDirectory(this, title, edit->text());
        if (!path.isEmpty())
            edit->setText(path);
    });
    auto *layout = new QHBoxLayout(row);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(edit, 1);
    layout->addWidget(browse);
    return row;
}

int PipelinePage::heightForWidth(int width) const
{
    return isHidden() ? -1 : QWidget::heightForWidth(width);
}

QCheckBox *PipelinePage::dirtyKindBox(DirtyKind kind) const
{
    return m_kinds.value(allDirtyKinds().indexOf(kind));
}

void PipelinePage::updateCommandButtons()
{
    const int row = m_commandView->currentIndex().row();
    const int count = m_commands->rowCount();
    m_remove->setEnabled(row >= 0 && count > 1); // at least one row stays
    m_up->setEnabled(row > 0);
    m_down->setEnabled(row >= 0 && row + 1 < count);
}

void PipelinePage::moveCurrent(int delta)
{
    const QModelIndex current = m_commandView->currentIndex();
    if (!current.isValid() || !m_commands->moveCommand(current.row(), delta))
        return;
    m_commandView->setCurrentIndex(m_commands->index(current.row() + delta, current.column()));
    updateCommandButtons();
}

void PipelinePage::setProfileNames(const QStringList &names)
{
    const QString chosen = m_profileName;
    const QSignalBlocker block(m_database);
    m_database->clear();
    m_database->addItem(tr("Local server (embedded)"), QString());
    for (const QString &name : names)
        m_database->addItem(tr("Profile: %1").arg(name), name);
    const int index = m_database->findData(chosen);
    m_database->setCurrentIndex(std::max(0, index));
    m_profileName = chosen; // kept while its profile is not (yet) among the names
}

void PipelinePage::setSchema(const Schema &schema)
{
    m_map->setSchema(schema);
}

PipelineSettings PipelinePage::settings() const
{
    PipelineSettings s;
    for (const PipelineCommand &c : m_commands->commands()) {
        if (!c.name.isEmpty() || !c.commandLine.isEmpty()) // the editor's blank row is no command
            s.commands << c;
    }
    s.profileName = m_profileName;
    s.workingDirectory = m_workingDirectory->text().trimmed();
    s.filesDirectory = m_filesDirectory->text().trimmed();
    s.map = m_map->map();
    s.mapFile = m_map->fileName();
    s.rejectsFile = m_rejects->text().trimmed();
    s.dirtyPercent = m_dirty->value();
    const QList<DirtyKind> all = allDirtyKinds();
    for (qsizetype i = 0; i < all.size(); ++i) {
        if (m_kinds.at(i)->isChecked())
            s.dirtyKinds << dirtyKindName(all.at(i));
    }
    s.timeoutSeconds = m_timeout->value();
    s.repeat = m_repeat->value();
    s.beforeCommand = m_before->text().trimmed();
    return s;
}

void PipelinePage::setSettings(const PipelineSettings &s)
{
    m_commands->setCommands(s.commands.isEmpty() ? QList<PipelineCommand>{{}} : s.commands);
    m_profileName = s.profileName;
    {
        const QSignalBlocker block(m_database);
        const int index = m_database->findData(s.profileName);
        m_database->setCurrentIndex(std::max(0, index));
    }
    m_workingDirectory->setText(s.workingDirectory);
    m_filesDirectory->setText(s.filesDirectory);
    // The map as stored; "edited" when the file (if any) now holds another one.
    bool unsaved = !s.map.isEmpty();
    if (!s.mapFile.isEmpty()) {
        const auto onDisk = VerifyMap::load(s.mapFile, nullptr);
        unsaved = !onDisk || !(onDisk->tables == s.map.tables);
    }
    m_map->setMap(s.map, s.mapFile, unsaved);
    m_rejects->setText(s.rejectsFile);
    m_dirty->setValue(s.dirtyPercent);
    const QList<DirtyKind> all = allDirtyKinds();
    for (qsizetype i = 0; i < all.size(); ++i)
        m_kinds.at(i)->setChecked(s.dirtyKinds.contains(dirtyKindName(all.at(i))));
    m_timeout->setValue(int(s.timeoutSeconds));
    m_repeat->setValue(s.repeat);
    m_before->setText(s.beforeCommand);
    emit edited();
}

} // namespace spillway
