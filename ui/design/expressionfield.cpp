#include "design/expressionfield.h"

#include "design/expressionnames.h"
#include "design/schemadocument.h"

#include <QAbstractItemView>
#include <QCompleter>
#include <QFontDatabase>
#include <QKeyEvent>
#include <QMenu>
#include <QRegularExpression>
#include <QScrollBar>
#include <QStringListModel>
#include <QTextBlock>
#include <QTimer>
#include <QToolButton>

#include <algorithm>

namespace spillway {

namespace {

constexpr int kPauseMs = 350; // check once typing pauses this long

bool isNameChar(QChar c)
{
    return c.isLetterOrNumber() || c == QLatin1Char('_') || c == QLatin1Char('.');
}

} // namespace

ExpressionField::ExpressionField(Mode mode, QWidget *parent)
    : QPlainTextEdit(parent)
    , m_mode(mode)
    , m_completer(new QCompleter(this))
    , m_words(new QStringListModel(this))
    , m_pause(new QTimer(this))
{
    setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    setTabChangesFocus(true);
    setLineWrapMode(QPlainTextEdit::WidgetWidth);
    setWordWrapMode(QTextOption::WrapAtWordBoundaryOrAnywhere);
    const int lines = mode == Expression ? 3 : 2;
    setFixedHeight(fontMetrics().lineSpacing() * lines + 2 * frameWidth() +
                   int(document()->documentMargin() * 2) + 2);
    setPlaceholderText(mode == Expression
                           ? tr("e.g. quantity * product_id.price, parent.placed_at + "
                                "interval '3 days'")
                           : tr("e.g. {first}.{last}@example.com, {format('%05d', id)}"));
    setToolTip(tr("Ctrl+Space completes column names, parent.<column>, <reference>.<column> and "
                  "functions; Return applies"));
    m_completer->setModel(m_words);
    m_completer->setWidget(this);
    m_completer->setCompletionMode(QCompleter::PopupCompletion);
    m_completer->setCaseSensitivity(Qt::CaseInsensitive);
    m_completer->setFilterMode(Qt::MatchStartsWith);
    m_completer->setWrapAround(false);
    connect(m_completer, qOverload<const QString &>(&QCompleter::activated), this,
            &ExpressionField::insertCompletion);
    m_pause->setSingleShot(true);
    m_pause->setInterval(kPauseMs);
    connect(m_pause, &QTimer::timeout, this, [this] { checkNow(); });
    connect(this, &QPlainTextEdit::textChanged, this, [this] {
        if (m_document)
            m_pause->start();
    });
}

void ExpressionField::setContext(const SchemaDocument *document, int table, int column,
                                 const QString &parameter)
{
    m_document = document;
    m_table = table;
    m_column = column;
    m_parameter = parameter;
    updateCompletions();
}

void ExpressionField::setText(const QString &text)
{
    updateCompletions(); // the document may have new columns
    m_committed = text;
    if (toPlainText() == text)
        return;
    const QSignalBlocker blocker(this);
    setPlainText(text);
    moveCursor(QTextCursor::End);
}

int ExpressionField::rowTable() const
{
    if (!m_document || m_table < 0 || m_table >= m_document->schema().tables.size())
        return -1;
    const TableSpec &spec = m_document->schema().tables[m_table];
    if (m_column < 0 || m_column >= spec.columns.size())
        return m_table;
    const QJsonObject &generator = spec.columns[m_column].generator;
    if (generator.value(QStringLiteral("kind")).toString() != QLatin1String("aggregate"))
        return m_table;
    return int(
        m_document->schema().tableIndex(generator.value(QStringLiteral("table")).toString()));
}

void ExpressionField::updateCompletions()
{
    QStringList words;
    const int table = rowTable();
    if (m_document && table >= 0)
        words = flatExpressionNames(
            expressionNames(m_document->schema(), table, table == m_table ? m_column : -1));
    words.append(expressionWords()); // functions serve template placeholders too
    words.removeDuplicates();
    if (m_words->stringList() != words)
        m_words->setStringList(words);
}

QToolButton *ExpressionField::createInsertButton(QWidget *parent)
{
    auto *button = new QToolButton(parent);
    button->setText(tr("Insert column…"));
    button->setToolTip(tr("Insert a column of this row, of the parent row or of a looked-up row"));
    button->setAccessibleName(tr("Insert column"));
    button->setPopupMode(QToolButton::InstantPopup);
    button->setFocusPolicy(Qt::NoFocus); // the text keeps the focus (and the cursor) meanwhile
    auto *menu = new QMenu(button);
    button->setMenu(menu);
    // Built when shown, from the document as it is then.
    connect(menu, &QMenu::aboutToShow, this, [this, menu] {
        menu->clear();
        const int table = rowTable();
        const QList<ExpressionNameGroup> groups =
            m_document && table >= 0
                ? expressionNames(m_document->schema(), table, table == m_table ? m_column : -1)
                : QList<ExpressionNameGroup>();
        // The row's own columns first; the parent's and each looked-up row's in a submenu, which
        // keeps the menu short for wide tables.
        for (const ExpressionNameGroup &group : groups) {
            QMenu *target = menu;
            if (group.prefix.isEmpty()) {
                menu->addSection(group.title);
            } else {
                target = menu->addMenu(group.title);
            }
            for (const QString &name : group.names)
                target->addAction(name, this, [this, name] { insertName(name); });
        }
        if (groups.isEmpty())
            menu->addAction(tr("No columns to read"))->setEnabled(false);
    });
    return button;
}

void ExpressionField::insertName(const QString &name)
{
    const bool braces = m_mode == Template;
    insertPlainText(braces ? QLatin1Char('{') + name + QLatin1Char('}') : name);
    setFocus(Qt::OtherFocusReason);
}

QString ExpressionField::wordBeforeCursor() const
{
    const QTextCursor cursor = textCursor();
    const QString block = cursor.block().text();
    int start = cursor.positionInBlock();
    while (start > 0 && isNameChar(block[start - 1]))
        --start;
    if (m_mode == Template) {
        // Only inside a placeholder: an open '{' before the word without its '}'.
        const int open = int(block.lastIndexOf(QLatin1Char('{'), start - 1));
        const int close = int(block.lastIndexOf(QLatin1Char('}'), start - 1));
        if (open < 0 || close > open)
            return {};
    }
    return block.mid(start, cursor.positionInBlock() - start);
}

void ExpressionField::complete()
{
    const QString prefix = wordBeforeCursor();
    if (prefix.isEmpty() || prefix.front().isDigit()) {
        m_completer->popup()->hide();
        return;
    }
    if (prefix != m_completer->completionPrefix()) {
        m_completer->setCompletionPrefix(prefix);
        m_completer->popup()->setCurrentIndex(m_completer->completionModel()->index(0, 0));
    }
    const bool exact = m_completer->completionCount() == 1 &&
                       m_completer->currentCompletion().compare(prefix, Qt::CaseInsensitive) == 0;
    if (m_completer->completionCount() == 0 || exact) {
        m_completer->popup()->hide();
        return;
    }
    QRect rect = cursorRect();
    rect.setWidth(m_completer->popup()->sizeHintForColumn(0) +
                  m_completer->popup()->verticalScrollBar()->sizeHint().width());
    m_completer->complete(rect);
}

void ExpressionField::insertCompletion(const QString &completion)
{
    if (m_completer->widget() != this)
        return;
    QTextCursor cursor = textCursor();
    const int length = int(m_completer->completionPrefix().size());
    cursor.movePosition(QTextCursor::Left, QTextCursor::KeepAnchor, length);
    cursor.insertText(completion);
    setTextCursor(cursor);
}

void ExpressionField::keyPressEvent(QKeyEvent *event)
{
    const bool popup = m_completer->popup()->isVisible();
    const int key = event->key();
    if (popup && (key == Qt::Key_Enter || key == Qt::Key_Return || key == Qt::Key_Escape ||
                  key == Qt::Key_Tab || key == Qt::Key_Backtab)) {
        event->ignore(); // the completer's popup takes them
        return;
    }
    const bool ctrlSpace = key == Qt::Key_Space && (event->modifiers() & Qt::ControlModifier) != 0;
    if (ctrlSpace) {
        complete();
        return;
    }
    if ((key == Qt::Key_Return || key == Qt::Key_Enter) &&
        !(m_mode == Expression && (event->modifiers() & Qt::ShiftModifier))) {
        finish();
        return;
    }
    QPlainTextEdit::keyPressEvent(event);
    const QString typed = event->text();
    if (!typed.isEmpty() && isNameChar(typed.front()))
        complete();
    else if (popup || key == Qt::Key_Backspace)
        wordBeforeCursor().isEmpty() ? m_completer->popup()->hide() : complete();
}

void ExpressionField::focusOutEvent(QFocusEvent *event)
{
    QPlainTextEdit::focusOutEvent(event);
    // The completer's popup and the insert menu take the focus only for a moment.
    if (event->reason() != Qt::PopupFocusReason && !m_completer->popup()->isVisible())
        finish();
}

void ExpressionField::finish()
{
    if (toPlainText() == m_committed)
        return;
    m_pause->stop(); // the document checks what is committed
    m_committed = toPlainText();
    emit editingFinished();
}

QStringList ExpressionField::checkNow()
{
    m_pause->stop();
    QStringList messages;
    if (!m_document || m_table < 0 || m_table >= m_document->schema().tables.size() ||
        m_column < 0 || m_column >= m_document->schema().tables[m_table].columns.size())
        return messages;
    // The document's own validation on a copy holding the typed text: the same words and
    // positions as `spillway-cli validate`, and no second checker to drift from it.
    Schema copy = m_document->schema();
    copy.tables[m_table].columns[m_column].generator.insert(m_parameter, toPlainText());
    Diagnostics diagnostics;
    CompiledSchema::compile(copy, diagnostics);
    const QString path =
        SchemaDocument::columnPath(m_table, m_column) + QStringLiteral(".generator.") + m_parameter;
    for (const Diagnostic &d : diagnostics.items())
        if (d.path == path || d.path.startsWith(path + QLatin1Char('.')))
            messages.append(d.message);
    markProblems(messages);
    emit problemsChecked(messages);
    return messages;
}

QList<int> ExpressionField::markProblems(const QStringList &messages)
{
    static const QRegularExpression at(
        QStringLiteral("at (?:column|character) (\\d+) of the (?:expression|template)"));
    QList<QTextEdit::ExtraSelection> selections;
    m_marked.clear();
    const int length = int(toPlainText().size());
    for (const QString &message : messages) {
        const QRegularExpressionMatch m = at.match(message);
        if (!m.hasMatch())
            continue;
        const int pos = std::clamp(m.captured(1).toInt() - 1, 0, std::max(length - 1, 0));
        m_marked.append(pos);
        QTextEdit::ExtraSelection selection;
        selection.cursor = QTextCursor(document());
        // The whole name at the place (product_id.price), or one character.
        const QString text = toPlainText();
        int end = pos;
        while (end < length && isNameChar(text[end]))
            ++end;
        selection.cursor.setPosition(pos);
        selection.cursor.setPosition(std::max(end, std::min(pos + 1, length)),
                                     QTextCursor::KeepAnchor);
        selection.format.setUnderlineStyle(QTextCharFormat::WaveUnderline);
        selection.format.setUnderlineColor(QColor(0xe0, 0x40, 0x30));
        selection.format.setToolTip(message);
        selections.append(selection);
    }
    setExtraSelections(selections);
    return m_marked;
}

} // namespace spillway
