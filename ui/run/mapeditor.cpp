#include "run/mapeditor.h"

#include "run/mapmodel.h"

#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonDocument>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QSaveFile>
#include <QTreeView>
#include <QVBoxLayout>

namespace spillway {

MapEditor::MapEditor(QWidget *parent)
    : QWidget(parent)
    , m_model(new MapModel(this))
    , m_view(new QTreeView)
    , m_file(new QLabel)
    , m_load(new QPushButton(tr("Load…")))
    , m_save(new QPushButton(tr("Save…")))
    , m_reset(new QPushButton(tr("Reset")))
{
    m_view->setModel(m_model);
    m_view->setObjectName(QStringLiteral("pipelineMap"));
    m_view->setAccessibleName(tr("Map from schema tables and columns to the pipeline's targets"));
    m_view->setAlternatingRowColors(true);
    m_view->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed |
                            QAbstractItemView::SelectedClicked);
    m_view->setUniformRowHeights(true);
    m_view->header()->setStretchLastSection(true);
    m_view->setMinimumHeight(fontMetrics().height() * 10);
    // Not expanding: out of view, the run panel's pipeline page claims no spare height.
    m_view->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    m_file->setWordWrap(true);
    m_file->setTextFormat(Qt::PlainText);
    m_load->setToolTip(tr("Read a map file (JSON, as verify --map reads it)"));
    m_save->setToolTip(tr("Write this map to a file, for the command line and for verify"));
    m_reset->setToolTip(tr("Every table and column keeps the schema's name"));
    connect(m_load, &QPushButton::clicked, this, &MapEditor::chooseAndLoad);
    connect(m_save, &QPushButton::clicked, this, &MapEditor::chooseAndSave);
    connect(m_reset, &QPushButton::clicked, m_model, &MapModel::clearMap);
    connect(m_model, &MapModel::mapEdited, this, [this] {
        m_unsaved = true;
        updateLabel();
        emit mapChanged();
    });
    auto *buttons = new QHBoxLayout; // below the file's name: the panel stays narrow
    buttons->addStretch(1);
    buttons->addWidget(m_load);
    buttons->addWidget(m_save);
    buttons->addWidget(m_reset);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_view, 1);
    layout->addWidget(m_file);
    layout->addLayout(buttons);
    updateLabel();
}

void MapEditor::setSchema(const Schema &schema)
{
    m_model->setSchema(schema);
    m_view->expandAll();
    m_view->resizeColumnToContents(MapModel::NameColumn);
}

void MapEditor::setMap(const VerifyMap &map, const QString &fileName, bool unsaved)
{
    m_model->setMap(map);
    m_fileName = fileName;
    m_unsaved = unsaved;
    m_view->expandAll();
    updateLabel();
}

VerifyMap MapEditor::map() const
{
    return m_model->map();
}

QString MapEditor::load(const QString &path)
{
    QString error;
    const auto map = VerifyMap::load(path, &error);
    if (!map)
        return error;
    setMap(*map, QFileInfo(path).absoluteFilePath(), false);
    emit mapChanged();
    return {};
}

QString MapEditor::save(const QString &path)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        return tr("Cannot write the map to %1: %2")
            .arg(QDir::toNativeSeparators(path), file.errorString());
    }
    file.write(QJsonDocument(m_model->map().toJson()).toJson(QJsonDocument::Indented));
    if (!file.commit()) {
        return tr("Cannot write the map to %1: %2")
            .arg(QDir::toNativeSeparators(path), file.errorString());
    }
    m_fileName = QFileInfo(path).absoluteFilePath();
    m_unsaved = false;
    updateLabel();
    emit mapChanged();
    return {};
}

void MapEditor::chooseAndLoad()
{
    const QString path = QFileDialog::getOpenFileName(this, tr("Load map"), m_fileName,
                                                      tr("Map files (*.json);;All files (*)"));
    if (path.isEmpty())
        return;
    if (const QString error = load(path); !error.isEmpty())
        QMessageBox::warning(this, tr("Load map"), error);
}

void MapEditor::chooseAndSave()
{
    const QString path = QFileDialog::getSaveFileName(this, tr("Save map"), m_fileName,
                                                      tr("Map files (*.json);;All files (*)"));
    if (path.isEmpty())
        return;
    if (const QString error = save(path); !error.isEmpty())
        QMessageBox::warning(this, tr("Save map"), error);
}

void MapEditor::updateLabel()
{
    QString text;
    if (m_fileName.isEmpty())
        text = m_model->map().isEmpty() ? tr("Every table and column keeps the schema's name.")
                                        : tr("Not saved to a file yet.");
    else if (m_unsaved)
        text = tr("%1 (edited, not saved)").arg(QDir::toNativeSeparators(m_fileName));
    else
        text = QDir::toNativeSeparators(m_fileName);
    m_file->setText(text);
    m_file->setToolTip(text);
}

} // namespace spillway
