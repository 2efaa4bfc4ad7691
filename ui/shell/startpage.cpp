#include "shell/startpage.h"

#include "shell/filecontroller.h"
#include "shell/icons.h"
#include "shell/settings.h"

#include <QDir>
#include <QEvent>
#include <QFileInfo>
#include <QFrame>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QScrollArea>
#include <QVBoxLayout>

namespace spillway {

namespace {

constexpr int kPathRole = Qt::UserRole;
constexpr int kMissingRole = Qt::UserRole + 1;
constexpr int kContentMaxWidth = 1180;

QLabel *heading(const QString &text, double scale)
{
    auto *label = new QLabel(text);
    QFont font = label->font();
    font.setBold(true);
    font.setPointSizeF(font.pointSizeF() * scale);
    label->setFont(font);
    return label;
}

QLabel *mutedLabel(const QString &text)
{
    auto *label = new QLabel(text);
    label->setForegroundRole(QPalette::PlaceholderText);
    label->setWordWrap(true);
    return label;
}

QPushButton *actionButton(const QString &example, const QString &action, const QString &text,
                          const QString &accessible)
{
    auto *button = new QPushButton(text);
    button->setObjectName(example + QLatin1Char('/') + action);
    button->setAccessibleName(accessible);
    button->setAutoDefault(false);
    return button;
}

} // namespace

StartPage::StartPage(const QList<ExampleSummary> &examples, QWidget *parent)
    : QWidget(parent)
{
    auto *content = new QWidget;
    content->setMaximumWidth(kContentMaxWidth);
    auto *columns = new QHBoxLayout;
    columns->setSpacing(24);
    columns->addWidget(createExamples(examples), 3);
    columns->addWidget(createRecent(), 2);
    auto *layout = new QVBoxLayout(content);
    layout->setContentsMargins(24, 16, 24, 16);
    layout->setSpacing(16);
    layout->addWidget(createHeader());
    layout->addLayout(columns);
    layout->addStretch(1);

    auto *centred = new QWidget;
    auto *centring = new QHBoxLayout(centred);
    centring->setContentsMargins(0, 0, 0, 0);
    centring->addStretch(1);
    centring->addWidget(content, 1000); // up to its maximum width, then centred
    centring->addStretch(1);
    auto *scroll = new QScrollArea;
    scroll->setWidget(centred);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    auto *outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    outer->addWidget(scroll);
    refreshRecent();
}

QWidget *StartPage::createHeader()
{
    auto *header = new QWidget;
    auto *text = new QVBoxLayout;
    text->setSpacing(2);
    text->addWidget(heading(tr("Spillway"), 1.8));
    text->addWidget(mutedLabel(tr("Design realistic data, write it as files or load it into "
                                  "PostgreSQL, and compare the runs.")));
    auto *newSchema =
        new QPushButton(Icons::theme(QStringLiteral("document-new")), tr("&New Empty Schema"));
    auto *open = new QPushButton(Icons::theme(QStringLiteral("document-open")), tr("&Open…"));
    newSchema->setObjectName(QStringLiteral("newSchema"));
    open->setObjectName(QStringLiteral("openSchema"));
    for (QPushButton *button : {newSchema, open})
        button->setAutoDefault(false);
    connect(newSchema, &QPushButton::clicked, this, &StartPage::newRequested);
    connect(open, &QPushButton::clicked, this, &StartPage::openRequested);
    auto *layout = new QHBoxLayout(header);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(text, 1);
    layout->addWidget(newSchema, 0, Qt::AlignBottom);
    layout->addWidget(open, 0, Qt::AlignBottom);
    return header;
}

QWidget *StartPage::createExamples(const QList<ExampleSummary> &examples)
{
    auto *box = new QWidget;
    auto *layout = new QVBoxLayout(box);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(8);
    layout->addWidget(heading(tr("Examples"), 1.2));
    for (const ExampleSummary &example : examples) {
        m_exampleNames.append(example.name);
        layout->addWidget(createExampleCard(example));
    }
    layout->addStretch(1);
    return box;
}

QWidget *StartPage::createExampleCard(const ExampleSummary &example)
{
    auto *card = new QFrame;
    card->setFrameShape(QFrame::StyledPanel);
    card->setBackgroundRole(QPalette::Base);
    card->setAutoFillBackground(true);
    card->setAccessibleName(tr("Example %1").arg(example.name));
    auto *title = heading(example.name, 1.0);
    auto *size =
        mutedLabel(tr("Tables: %1 · Columns: %2").arg(example.tables).arg(example.columns));
    size->setWordWrap(false);
    auto *titleRow = new QHBoxLayout;
    titleRow->addWidget(title);
    titleRow->addStretch(1);
    titleRow->addWidget(size);
    auto *description = new QLabel(example.description);
    description->setWordWrap(true);

    const QString name = example.name;
    auto *open = actionButton(name, QStringLiteral("open"), tr("Open"), tr("Open %1").arg(name));
    open->setToolTip(tr("Open the example in the designer"));
    auto *generate = actionButton(name, QStringLiteral("generate"), tr("Generate Files…"),
                                  tr("Generate files of %1").arg(name));
    generate->setToolTip(tr("Open the example and write its data as files into a folder"));
    auto *load = actionButton(name, QStringLiteral("load"), tr("Load into Local Server"),
                              tr("Load %1 into the local server").arg(name));
    load->setToolTip(tr("Open the example and load it into the embedded PostgreSQL server"));
    connect(open, &QPushButton::clicked, this, [this, name] { emit exampleOpenRequested(name); });
    connect(generate, &QPushButton::clicked, this,
            [this, name] { emit exampleGenerateRequested(name); });
    connect(load, &QPushButton::clicked, this, [this, name] { emit exampleLoadRequested(name); });
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(open);
    buttons->addWidget(generate);
    buttons->addWidget(load);
    buttons->addStretch(1);

    auto *layout = new QVBoxLayout(card);
    layout->setContentsMargins(12, 8, 12, 8);
    layout->setSpacing(4);
    layout->addLayout(titleRow);
    layout->addWidget(description);
    layout->addLayout(buttons);
    return card;
}

QWidget *StartPage::createRecent()
{
    auto *box = new QWidget;
    m_recent = new QListWidget;
    m_recent->setAccessibleName(tr("Recent files"));
    m_recent->setTextElideMode(Qt::ElideMiddle);
    m_recent->setUniformItemSizes(true);
    m_recent->installEventFilter(this);
    m_recentHint = mutedLabel(QString());
    m_removeRecent = new QPushButton(tr("&Remove from List"));
    m_removeRecent->setAutoDefault(false);
    m_removeRecent->setToolTip(tr("Remove the selected file from the recent files (Delete)"));
    connect(m_recent, &QListWidget::itemClicked, this, &StartPage::activateRecent);
    connect(m_recent, &QListWidget::currentItemChanged, this,
            [this](QListWidgetItem *current) { m_removeRecent->setEnabled(current != nullptr); });
    connect(m_removeRecent, &QPushButton::clicked, this, &StartPage::removeCurrentRecent);
    auto *layout = new QVBoxLayout(box);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(8);
    layout->addWidget(heading(tr("Recent Files"), 1.2));
    layout->addWidget(m_recent, 1);
    layout->addWidget(m_recentHint);
    layout->addWidget(m_removeRecent, 0, Qt::AlignLeft);
    return box;
}

void StartPage::refreshRecent()
{
    const QString current =
        m_recent->currentItem() ? m_recent->currentItem()->data(kPathRole).toString() : QString();
    m_recent->clear();
    const QStringList files = Settings::recentFiles.value();
    const QColor missingColour = palette().color(QPalette::Disabled, QPalette::Text);
    for (const QString &path : files) {
        const QFileInfo info(path);
        const bool missing = !info.isFile();
        auto *item =
            new QListWidgetItem(Icons::table(), info.fileName() + QLatin1Char('\n') +
                                                    QDir::toNativeSeparators(info.absolutePath()));
        item->setData(kPathRole, path);
        item->setData(kMissingRole, missing);
        item->setToolTip(missing ? tr("Not found: %1. Press Delete to remove it from the list.")
                                       .arg(QDir::toNativeSeparators(path))
                                 : QDir::toNativeSeparators(path));
        if (missing)
            item->setForeground(missingColour);
        m_recent->addItem(item);
        if (path == current)
            m_recent->setCurrentItem(item);
    }
    m_recentHint->setText(files.isEmpty() ? tr("No recent files yet: schemas you open or save "
                                               "appear here.")
                                          : tr("Click a file to open it."));
    m_removeRecent->setEnabled(m_recent->currentItem() != nullptr);
}

QPushButton *StartPage::exampleButton(const QString &example, const QString &action) const
{
    return findChild<QPushButton *>(example + QLatin1Char('/') + action);
}

void StartPage::activateRecent(QListWidgetItem *item)
{
    if (!item)
        return;
    const QString path = item->data(kPathRole).toString();
    if (item->data(kMissingRole).toBool()) {
        m_recentHint->setText(tr("“%1” was not found. Remove it from the list with Delete.")
                                  .arg(QFileInfo(path).fileName()));
        return;
    }
    emit recentFileRequested(path);
}

void StartPage::removeCurrentRecent()
{
    if (QListWidgetItem *item = m_recent->currentItem())
        emit recentFileRemoveRequested(item->data(kPathRole).toString());
}

bool StartPage::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_recent && event->type() == QEvent::KeyPress) {
        const int key = static_cast<QKeyEvent *>(event)->key();
        if (key == Qt::Key_Return || key == Qt::Key_Enter) {
            activateRecent(m_recent->currentItem());
            return true;
        }
        if (key == Qt::Key_Delete || key == Qt::Key_Backspace) {
            removeCurrentRecent();
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

void StartPage::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange && m_recent)
        refreshRecent(); // the missing files' grey follows the palette
}

} // namespace spillway
