#include "design/schemadocument.h"

#include "design/columnrename.h"
#include "design/schemacommands.h"
#include "schema/problemplace.h"
#include "schema/schemaio.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QRegularExpression>
#include <QUndoStack>

namespace spillway {

namespace {

const QString kExamplePrefix = QStringLiteral(":/spillway/examples/");

// Table-level keys that name a column or table, kept in step with renames and deletions.
bool renameIn(QStringList &columns, const QString &old, const QString &name)
{
    const qsizetype at = columns.indexOf(old);
    if (at < 0)
        return false;
    columns[at] = name;
    return true;
}

// Renames `old` to `name` in the keys of `spec`, the table that has the column.
bool renameKeyColumn(TableSpec &spec, const QString &old, const QString &name)
{
    bool changed = renameIn(spec.primaryKey, old, name);
    for (QStringList &key : spec.unique)
        changed |= renameIn(key, old, name);
    for (ForeignKeySpec &fk : spec.foreignKeys)
        changed |= renameIn(fk.columns, old, name);
    return changed;
}

// Renames the referenced column `table`.`old` in the foreign keys of `spec`.
bool renameReferencedColumn(TableSpec &spec, const QString &table, const QString &old,
                            const QString &name)
{
    bool changed = false;
    for (ForeignKeySpec &fk : spec.foreignKeys)
        if (fk.table == table)
            changed |= renameIn(fk.referencedColumns, old, name);
    return changed;
}

// Drops the keys of `spec` that cannot stand without column `column` of `table` (a key without
// one of its columns would mean something else): its own keys naming the column, and its
// foreign keys referencing the column (or the whole table when `column` is empty).
bool dropKeys(TableSpec &spec, const QString &table, const QString &column)
{
    const auto before = spec.primaryKey.size() + spec.unique.size() + spec.foreignKeys.size();
    if (spec.name == table && !column.isEmpty()) {
        if (spec.primaryKey.contains(column))
            spec.primaryKey.clear();
        spec.unique.removeIf([&](const QStringList &key) { return key.contains(column); });
        spec.foreignKeys.removeIf(
            [&](const ForeignKeySpec &fk) { return fk.columns.contains(column); });
    }
    spec.foreignKeys.removeIf([&](const ForeignKeySpec &fk) {
        return fk.table == table && (column.isEmpty() || fk.referencedColumns.contains(column));
    });
    return spec.primaryKey.size() + spec.unique.size() + spec.foreignKeys.size() != before;
}

} // namespace

// --- SchemaDocument -------------------------------------------------------------------------

SchemaDocument::SchemaDocument(QObject *parent)
    : QObject(parent)
    , m_undoStack(new QUndoStack(this))
{
    connect(m_undoStack, &QUndoStack::cleanChanged, this,
            [this](bool clean) { emit modifiedChanged(!clean); });
    newBlank();
}

SchemaDocument::~SchemaDocument() = default;

QString SchemaDocument::load(const QString &fileName, Diagnostics *problems)
{
    Diagnostics diagnostics;
    const std::optional<Schema> schema = SchemaIO::load(fileName, diagnostics);
    if (problems)
        *problems = diagnostics;
    if (!schema) {
        const QString first =
            diagnostics.isEmpty() ? QString() : diagnostics.items().first().toString();
        return tr("Cannot open %1: %2").arg(QDir::toNativeSeparators(fileName), first);
    }
    resetTo(*schema, fileName.startsWith(QLatin1Char(':')) ? QString() : fileName);
    return {};
}

QString SchemaDocument::save(const QString &fileName)
{
    const QString error = SchemaIO::save(m_schema, fileName);
    if (!error.isEmpty())
        return error;
    if (m_fileName != fileName) {
        m_fileName = fileName;
        emit fileNameChanged();
    }
    m_undoStack->setClean();
    return {};
}

void SchemaDocument::newBlank()
{
    Schema schema;
    schema.name = tr("untitled");
    TableSpec table;
    table.name = QStringLiteral("items");
    table.rows = 1000;
    ColumnSpec id;
    id.name = QStringLiteral("id");
    id.sqlType = QStringLiteral("bigint");
    id.primaryKey = true;
    id.generator = QJsonObject{{QStringLiteral("kind"), QStringLiteral("sequence")}};
    table.columns.append(id);
    schema.tables.append(table);
    resetTo(schema, QString());
}

void SchemaDocument::adopt(const Schema &schema)
{
    resetTo(schema, QString());
    m_undoStack->resetClean();
    emit modifiedChanged(true);
}

void SchemaDocument::replaceSchema(const Schema &schema, const QString &actionText)
{
    m_undoStack->beginMacro(actionText);
    for (int t = int(m_schema.tables.size()) - 1; t >= 0; --t)
        removeTable(t);
    for (qsizetype t = 0; t < schema.tables.size(); ++t)
        insertTable(int(t), schema.tables[t]);
    setName(schema.name);
    setDescription(schema.description);
    setSeed(schema.seed);
    m_undoStack->endMacro();
}

QString SchemaDocument::newFromExample(const QString &name)
{
    QString path = name;
    if (path.startsWith(QLatin1String("example:")))
        path = path.mid(8);
    if (!path.startsWith(QLatin1Char(':')))
        path = kExamplePrefix + path + QStringLiteral(".json");
    return load(path);
}

QStringList SchemaDocument::exampleNames()
{
    QStringList names;
    const QStringList files =
        QDir(kExamplePrefix).entryList({QStringLiteral("*.json")}, QDir::Files, QDir::Name);
    for (const QString &file : files)
        names.append(QFileInfo(file).completeBaseName());
    return names;
}

QString SchemaDocument::displayName() const
{
    if (!m_fileName.isEmpty())
        return QFileInfo(m_fileName).fileName();
    return m_schema.name.isEmpty() ? tr("untitled") : m_schema.name;
}

bool SchemaDocument::isModified() const
{
    return !m_undoStack->isClean();
}

std::shared_ptr<CompiledSchema> SchemaDocument::compileFresh() const
{
    Diagnostics ignored;
    return CompiledSchema::compile(m_schema, ignored);
}

QString SchemaDocument::describe(const Diagnostic &problem) const
{
    return ProblemPlace::describe(m_schema, problem);
}

QList<Diagnostic> SchemaDocument::diagnosticsAt(const QString &prefix) const
{
    QList<Diagnostic> result;
    for (const Diagnostic &d : m_diagnostics.items()) {
        // "tables[1]" must not match "tables[10]": the prefix ends the path or a step follows.
        if (!d.path.startsWith(prefix))
            continue;
        const QChar next = d.path.size() > prefix.size() ? d.path.at(prefix.size()) : QChar();
        if (prefix.isEmpty() || next.isNull() || next == QLatin1Char('.') ||
            next == QLatin1Char('['))
            result.append(d);
    }
    return result;
}

QString SchemaDocument::tablePath(int table)
{
    return QStringLiteral("tables[%1]").arg(table);
}

QString SchemaDocument::columnPath(int table, int column)
{
    return QStringLiteral("tables[%1].columns[%2]").arg(table).arg(column);
}

void SchemaDocument::setName(const QString &name)
{
    if (name != m_schema.name)
        m_undoStack->push(new SetHeaderCommand(this, name, m_schema.description, m_schema.seed,
                                               tr("Rename Schema")));
}

void SchemaDocument::setDescription(const QString &description)
{
    if (description != m_schema.description)
        m_undoStack->push(new SetHeaderCommand(this, m_schema.name, description, m_schema.seed,
                                               tr("Edit Description")));
}

void SchemaDocument::setSeed(uint64_t seed)
{
    if (seed != m_schema.seed)
        m_undoStack->push(new SetHeaderCommand(this, m_schema.name, m_schema.description, seed,
                                               tr("Change Seed")));
}

void SchemaDocument::setTable(int table, const TableSpec &spec, const QString &actionText)
{
    if (!validTable(table))
        return;
    m_undoStack->push(new SetTableCommand(this, table, spec,
                                          actionText.isEmpty() ? tr("Edit Table") : actionText));
}

void SchemaDocument::setColumn(int table, int column, const ColumnSpec &spec,
                               const QString &actionText)
{
    if (!validColumn(table, column))
        return;
    // A guessed generator the user changes is reviewed: its badge goes.
    const ColumnSpec &old = m_schema.tables[table].columns[column];
    if (!spec.guessed.isEmpty() && spec.guessed == old.guessed &&
        (spec.generator != old.generator || spec.sqlType != old.sqlType)) {
        ColumnSpec reviewed = spec;
        reviewed.guessed.clear();
        m_undoStack->push(new SetColumnCommand(
            this, table, column, reviewed, actionText.isEmpty() ? tr("Edit Column") : actionText));
        return;
    }
    m_undoStack->push(new SetColumnCommand(this, table, column, spec,
                                           actionText.isEmpty() ? tr("Edit Column") : actionText));
}

void SchemaDocument::renameTable(int table, const QString &name)
{
    if (!validTable(table) || name.isEmpty() || m_schema.tables[table].name == name)
        return;
    const QString old = m_schema.tables[table].name;
    m_undoStack->beginMacro(tr("Rename Table"));
    TableSpec spec = m_schema.tables[table];
    spec.name = name;
    setTable(table, spec, tr("Rename Table"));
    // Keep references to the table working: fan-out parents and reference generators.
    for (int t = 0; t < m_schema.tables.size(); ++t) {
        TableSpec other = m_schema.tables[t];
        bool changed = false;
        if (other.perParent && other.perParent->parent == old) {
            other.perParent->parent = name;
            changed = true;
        }
        for (ForeignKeySpec &fk : other.foreignKeys) {
            if (fk.table == old) {
                fk.table = name;
                changed = true;
            }
        }
        for (ColumnSpec &c : other.columns) {
            if (c.generator.value(QStringLiteral("kind")).toString() ==
                    QLatin1String("reference") &&
                c.generator.value(QStringLiteral("table")).toString() == old) {
                c.generator.insert(QStringLiteral("table"), name);
                changed = true;
            }
        }
        if (changed)
            setTable(t, other, tr("Update References"));
    }
    m_undoStack->endMacro();
}

void SchemaDocument::renameColumn(int table, int column, const QString &name)
{
    if (!validColumn(table, column) || name.isEmpty())
        return;
    const QString old = m_schema.tables[table].columns[column].name;
    if (old == name)
        return;
    const QString tableName = m_schema.tables[table].name;
    m_undoStack->beginMacro(tr("Rename Column"));
    TableSpec spec = m_schema.tables[table];
    spec.columns[column].name = name;
    renameKeyColumn(spec, old, name);
    setTable(table, spec, tr("Rename Column"));
    // Texts that read it, on its row or through parent./<ref>.: expressions, templates, after.
    Schema readers = m_schema;
    const QList<int> changedReaders = renameColumnReaders(readers, tableName, old, name);
    for (int t : changedReaders)
        setTable(t, readers.tables[t], tr("Update Expressions"));
    // Keys and the parent/reference columns naming it in other tables.
    for (int t = 0; t < m_schema.tables.size(); ++t) {
        TableSpec other = m_schema.tables[t];
        bool changed = renameReferencedColumn(other, tableName, old, name);
        for (ColumnSpec &c : other.columns) {
            const QString kind = c.generator.value(QStringLiteral("kind")).toString();
            const bool isRef = kind == QLatin1String("reference") &&
                               c.generator.value(QStringLiteral("table")).toString() == tableName;
            const bool isParent = kind == QLatin1String("parent") && other.perParent &&
                                  other.perParent->parent == tableName;
            if ((isRef || isParent) &&
                c.generator.value(QStringLiteral("column")).toString() == old) {
                c.generator.insert(QStringLiteral("column"), name);
                changed = true;
            }
        }
        if (changed)
            setTable(t, other, tr("Update References"));
    }
    m_undoStack->endMacro();
}

void SchemaDocument::insertTable(int before, const TableSpec &spec)
{
    before = std::clamp(before, 0, int(m_schema.tables.size()));
    m_undoStack->push(new InsertTableCommand(this, before, spec, true, tr("Add Table")));
}

void SchemaDocument::removeTable(int table)
{
    if (!validTable(table))
        return;
    m_undoStack->beginMacro(tr("Delete Table"));
    dropKeysNaming(m_schema.tables[table].name, QString());
    m_undoStack->push(
        new InsertTableCommand(this, table, m_schema.tables[table], false, tr("Delete Table")));
    m_undoStack->endMacro();
}

void SchemaDocument::dropKeysNaming(const QString &table, const QString &column)
{
    for (int t = 0; t < m_schema.tables.size(); ++t) {
        TableSpec spec = m_schema.tables[t];
        if (dropKeys(spec, table, column))
            setTable(t, spec, tr("Remove Keys"));
    }
}

void SchemaDocument::moveTable(int from, int to)
{
    if (validTable(from) && validTable(to) && from != to)
        m_undoStack->push(new MoveTableCommand(this, from, to));
}

void SchemaDocument::insertColumn(int table, int before, const ColumnSpec &spec)
{
    if (!validTable(table))
        return;
    before = std::clamp(before, 0, int(m_schema.tables[table].columns.size()));
    m_undoStack->push(new InsertColumnCommand(this, table, before, spec, true, tr("Add Column")));
}

void SchemaDocument::removeColumn(int table, int column)
{
    if (!validColumn(table, column))
        return;
    // One step: the keys naming the column go with it (and come back on undo).
    m_undoStack->beginMacro(tr("Delete Column"));
    dropKeysNaming(m_schema.tables[table].name, m_schema.tables[table].columns[column].name);
    m_undoStack->push(new InsertColumnCommand(
        this, table, column, m_schema.tables[table].columns[column], false, tr("Delete Column")));
    m_undoStack->endMacro();
}

void SchemaDocument::moveColumn(int table, int from, int to)
{
    if (validColumn(table, from) && validColumn(table, to) && from != to)
        m_undoStack->push(new MoveColumnCommand(this, table, from, to));
}

static QString uniqueName(const QString &base, const QStringList &taken)
{
    if (!taken.contains(base))
        return base;
    for (int i = 2;; ++i) {
        const QString candidate = base + QLatin1Char('_') + QString::number(i);
        if (!taken.contains(candidate))
            return candidate;
    }
}

TableSpec SchemaDocument::newTableSpec() const
{
    QStringList taken;
    for (const TableSpec &t : m_schema.tables)
        taken.append(t.name);
    TableSpec table;
    // Not "table" or "column": reserved words, which every SQL statement would have to quote.
    table.name = uniqueName(QStringLiteral("new_table"), taken);
    table.rows = 1000;
    ColumnSpec id;
    id.name = QStringLiteral("id");
    id.sqlType = QStringLiteral("bigint");
    id.primaryKey = true;
    id.generator = QJsonObject{{QStringLiteral("kind"), QStringLiteral("sequence")}};
    table.columns.append(id);
    return table;
}

ColumnSpec SchemaDocument::newColumnSpec(int table) const
{
    QStringList taken;
    if (validTable(table))
        for (const ColumnSpec &c : m_schema.tables[table].columns)
            taken.append(c.name);
    ColumnSpec column;
    column.name = uniqueName(QStringLiteral("new_column"), taken);
    column.sqlType = QStringLiteral("text");
    column.generator = QJsonObject{{QStringLiteral("kind"), QStringLiteral("words")},
                                   {QStringLiteral("min"), 1},
                                   {QStringLiteral("max"), 3}};
    return column;
}

void SchemaDocument::setCurrent(int table, int column)
{
    if (!validTable(table))
        table = column = -1;
    else if (!validColumn(table, column))
        column = -1;
    m_currentTable = table;
    m_currentColumn = column;
    clampCurrent();
}

// --- Primitives for the undo commands ---------------------------------------------------------

void SchemaDocument::swapHeader(QString &name, QString &description, uint64_t &seed)
{
    std::swap(m_schema.name, name);
    std::swap(m_schema.description, description);
    std::swap(m_schema.seed, seed);
    recompute();
}

void SchemaDocument::swapTable(int table, TableSpec &spec)
{
    std::swap(m_schema.tables[table], spec);
    emit tableChanged(table);
    recompute();
}

void SchemaDocument::swapColumn(int table, int column, ColumnSpec &spec)
{
    std::swap(m_schema.tables[table].columns[column], spec);
    emit columnChanged(table, column);
    recompute();
}

void SchemaDocument::insertTableAt(int index, const TableSpec &spec)
{
    emit tableAboutToBeInserted(index);
    m_schema.tables.insert(index, spec);
    if (m_currentTable >= index)
        ++m_currentTable;
    emit tableInserted(index);
    recompute();
}

TableSpec SchemaDocument::takeTable(int index)
{
    emit tableAboutToBeRemoved(index);
    TableSpec spec = m_schema.tables.takeAt(index);
    emit tableRemoved(index);
    if (m_currentTable == index)
        m_currentColumn = -1;
    else if (m_currentTable > index)
        --m_currentTable;
    recompute();
    return spec;
}

void SchemaDocument::moveTableTo(int from, int to)
{
    emit tableAboutToBeMoved(from, to);
    m_schema.tables.move(from, to);
    int &cur = m_currentTable;
    if (cur == from)
        cur = to;
    else if (from < cur && cur <= to)
        --cur;
    else if (to <= cur && cur < from)
        ++cur;
    emit tableMoved(from, to);
    recompute();
}

void SchemaDocument::insertColumnAt(int table, int index, const ColumnSpec &spec)
{
    emit columnAboutToBeInserted(table, index);
    m_schema.tables[table].columns.insert(index, spec);
    if (m_currentTable == table && m_currentColumn >= index)
        ++m_currentColumn;
    emit columnInserted(table, index);
    recompute();
}

ColumnSpec SchemaDocument::takeColumn(int table, int index)
{
    emit columnAboutToBeRemoved(table, index);
    ColumnSpec spec = m_schema.tables[table].columns.takeAt(index);
    emit columnRemoved(table, index);
    if (m_currentTable == table && m_currentColumn >= index)
        m_currentColumn = m_currentColumn == index ? -1 : m_currentColumn - 1;
    recompute();
    return spec;
}

void SchemaDocument::moveColumnTo(int table, int from, int to)
{
    emit columnAboutToBeMoved(table, from, to);
    m_schema.tables[table].columns.move(from, to);
    if (m_currentTable == table) {
        int &cur = m_currentColumn;
        if (cur == from)
            cur = to;
        else if (cur >= 0 && from < cur && cur <= to)
            --cur;
        else if (to <= cur && cur < from)
            ++cur;
    }
    emit columnMoved(table, from, to);
    recompute();
}

void SchemaDocument::resetTo(const Schema &schema, const QString &fileName)
{
    m_schema = schema;
    m_undoStack->clear();
    m_currentTable = m_currentColumn = -1;
    emit documentReset();
    if (m_fileName != fileName) {
        m_fileName = fileName;
        emit fileNameChanged();
    }
    m_currentTable = m_schema.tables.isEmpty() ? -1 : 0;
    m_announcedTable = m_announcedColumn = -2; // announce even an unchanged index
    recompute();
    emit modifiedChanged(false);
}

void SchemaDocument::recompute()
{
    Diagnostics diagnostics;
    m_compiled = CompiledSchema::compile(m_schema, diagnostics);
    m_diagnostics = diagnostics;
    emit schemaChanged();
    emit diagnosticsChanged();
    clampCurrent();
}

void SchemaDocument::clampCurrent()
{
    // Primitives adjust the indexes without signalling; announce the settled selection here.
    int table = m_currentTable;
    int column = m_currentColumn;
    if (!validTable(table))
        table = m_schema.tables.isEmpty()
                    ? -1
                    : std::min(int(m_schema.tables.size()) - 1, std::max(table, 0));
    if (!validColumn(table, column))
        column = -1;
    m_currentTable = table;
    m_currentColumn = column;
    if (table == m_announcedTable && column == m_announcedColumn)
        return;
    m_announcedTable = table;
    m_announcedColumn = column;
    emit currentChanged(table, column);
}

bool SchemaDocument::validTable(int table) const
{
    return table >= 0 && table < m_schema.tables.size();
}

bool SchemaDocument::validColumn(int table, int column) const
{
    return validTable(table) && column >= 0 && column < m_schema.tables[table].columns.size();
}

} // namespace spillway
