#include "pg/ddlimport.h"

#include "pg/conninfo.h"
#include "pg/pgsession.h"
#include "schema/ddl.h"

#include <QCoreApplication>
#include <QRandomGenerator>
#include <QRegularExpression>

#include <algorithm>

namespace spillway {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("DdlImport", text);
}

bool isIdentChar(QChar c)
{
    return c.isLetterOrNumber() || c == QLatin1Char('_') || c == QLatin1Char('$') ||
           c.unicode() >= 0x80;
}

// Walks the text once, as psql's lexer does for statement boundaries: quotes ('...', E'...',
// "..."), dollar quotes ($tag$...$tag$), comments (--, nested /* */) and backslash commands.
class Splitter
{
public:
    explicit Splitter(const QString &text)
        : m_t(text)
    {}

    DdlSplit run()
    {
        while (m_i < m_t.size() && m_out.error.isEmpty()) {
            if (m_start < 0)
                between();
            else
                inside();
        }
        if (m_out.error.isEmpty() && m_start >= 0)
            finish(m_t.size());
        return m_out;
    }

private:
    QChar at(int k) const { return k < m_t.size() ? m_t[k] : QChar(); }
    bool startsWith(const char *s) const { return m_t.mid(m_i, 2) == QLatin1String(s); }

    void moveTo(int end)
    {
        for (; m_i < end && m_i < m_t.size(); ++m_i)
            m_line += m_t[m_i] == QLatin1Char('\n');
    }

    void fail(const QString &what, int line)
    {
        m_out.error = what;
        m_out.errorLine = line;
    }

    void toLineEnd()
    {
        const int nl = m_t.indexOf(QLatin1Char('\n'), m_i);
        moveTo(nl < 0 ? m_t.size() : nl + 1);
    }

    bool comment()
    {
        if (startsWith("--")) {
            toLineEnd();
            return true;
        }
        if (!startsWith("/*"))
            return false;
        const int line = m_line;
        int depth = 0;
        while (m_i < m_t.size()) {
            if (startsWith("/*")) {
                ++depth;
                moveTo(m_i + 2);
            } else if (startsWith("*/")) {
                moveTo(m_i + 2);
                if (--depth == 0)
                    return true;
            } else {
                moveTo(m_i + 1);
            }
        }
        fail(tr("a /* comment is not closed"), line);
        return true;
    }

    void between()
    {
        const QChar c = m_t[m_i];
        if (c.isSpace() || c == QLatin1Char(';')) {
            moveTo(m_i + 1);
        } else if (c == QLatin1Char('\\')) {
            const int line = m_line;
            const int nl = m_t.indexOf(QLatin1Char('\n'), m_i);
            m_out.metaCommands.append(
                QStringLiteral("%1: %2").arg(line).arg(m_t.mid(m_i, nl < 0 ? -1 : nl - m_i)));
            toLineEnd();
        } else if (!comment()) {
            m_start = m_i;
            m_startLine = m_line;
        }
    }

    void quoted(QChar quote, bool backslashes)
    {
        const int line = m_line;
        moveTo(m_i + 1);
        while (m_i < m_t.size()) {
            const QChar c = m_t[m_i];
            if (backslashes && c == QLatin1Char('\\')) {
                moveTo(m_i + 2);
            } else if (c == quote && at(m_i + 1) == quote) {
                moveTo(m_i + 2);
            } else if (c == quote) {
                moveTo(m_i + 1);
                return;
            } else {
                moveTo(m_i + 1);
            }
        }
        fail(quote == QLatin1Char('"') ? tr("a quoted identifier (\") is not closed")
                                       : tr("a string (') is not closed"),
             line);
    }

    // $tag$ ... $tag$; false when the $ starts no dollar quote ($1, a$b).
    bool dollar()
    {
        if (m_i > 0 && isIdentChar(m_t[m_i - 1]))
            return false;
        int j = m_i + 1;
        if (at(j).isDigit())
            return false;
        while (j < m_t.size() && isIdentChar(m_t[j]) && m_t[j] != QLatin1Char('$'))
            ++j;
        if (at(j) != QLatin1Char('$'))
            return false;
        const QString tag = m_t.mid(m_i, j - m_i + 1);
        const int end = m_t.indexOf(tag, j + 1);
        if (end < 0) {
            fail(tr("a dollar-quoted string (%1) is not closed").arg(tag), m_line);
            return true;
        }
        moveTo(end + tag.size());
        return true;
    }

    void inside()
    {
        const QChar c = m_t[m_i];
        if (c == QLatin1Char(';')) {
            finish(m_i);
            moveTo(m_i + 1);
            skipCopyData();
        } else if (comment()) {
        } else if (c == QLatin1Char('\'')) {
            const QChar e = m_i > 0 ? m_t[m_i - 1] : QChar();
            const bool escape = (e == QLatin1Char('E') || e == QLatin1Char('e')) &&
                                (m_i < 2 || !isIdentChar(m_t[m_i - 2]));
            quoted(c, escape);
        } else if (c == QLatin1Char('"')) {
            quoted(c, false);
        } else if (c == QLatin1Char('$') && dollar()) {
        } else {
            moveTo(m_i + 1);
        }
    }

    void finish(int end)
    {
        DdlStatement s;
        s.sql = m_t.mid(m_start, end - m_start);
        s.line = m_startLine;
        m_out.statements.append(s);
        m_start = -1;
    }

    // COPY ... FROM stdin is followed by its data up to a line "\.": not SQL, and not needed.
    void skipCopyData()
    {
        static const QRegularExpression copy(QStringLiteral("^COPY\\b.*\\bFROM\\s+stdin\\b"),
                                             QRegularExpression::CaseInsensitiveOption |
                                                 QRegularExpression::DotMatchesEverythingOption);
        DdlStatement &s = m_out.statements.last();
        if (!copy.match(s.sql).hasMatch())
            return;
        s.skip = true;
        s.skipReason = tr("data (COPY ... FROM stdin)");
        toLineEnd();
        while (m_i < m_t.size()) {
            const int nl = m_t.indexOf(QLatin1Char('\n'), m_i);
            const QString line = m_t.mid(m_i, nl < 0 ? -1 : nl - m_i).trimmed();
            toLineEnd();
            if (line == QLatin1String("\\."))
                return;
        }
    }

    const QString &m_t;
    int m_i = 0;
    int m_line = 1;
    int m_start = -1;
    int m_startLine = 0;
    DdlSplit m_out;
};

// Statements that do not shape the data and would fail on a scratch server without the
// file's roles, databases and tablespaces.
QString skipReason(const QString &sql)
{
    static const QList<std::pair<QRegularExpression, const char *>> rules = {
        {QRegularExpression(QStringLiteral("^(GRANT|REVOKE|ALTER DEFAULT PRIVILEGES)\\b")),
         QT_TRANSLATE_NOOP("DdlImport", "privileges")},
        {QRegularExpression(QStringLiteral("^ALTER\\b.*\\bOWNER TO\\b")),
         QT_TRANSLATE_NOOP("DdlImport", "an owner")},
        {QRegularExpression(QStringLiteral("^((CREATE|ALTER|DROP) (ROLE|USER|GROUP)|SET (SESSION "
                                           "AUTHORIZATION|ROLE)|RESET ROLE)\\b")),
         QT_TRANSLATE_NOOP("DdlImport", "roles")},
        {QRegularExpression(
             QStringLiteral("^((CREATE|ALTER|DROP) DATABASE|COMMENT ON DATABASE)\\b")),
         QT_TRANSLATE_NOOP("DdlImport", "a database")},
        {QRegularExpression(QStringLiteral("^((CREATE|ALTER|DROP) TABLESPACE|SET "
                                           "DEFAULT_TABLESPACE)\\b|\\bSET TABLESPACE\\b")),
         QT_TRANSLATE_NOOP("DdlImport", "a tablespace")},
        {QRegularExpression(QStringLiteral("^(SECURITY LABEL|(CREATE|ALTER|DROP) "
                                           "(PUBLICATION|SUBSCRIPTION))\\b")),
         QT_TRANSLATE_NOOP("DdlImport", "replication or security labels")},
    };
    const QString words = sql.left(4000).toUpper().replace(
        QRegularExpression(QStringLiteral("\\s+")), QStringLiteral(" "));
    for (const auto &[re, reason] : rules) {
        if (re.match(words).hasMatch())
            return QCoreApplication::translate("DdlImport", reason);
    }
    return {};
}

QString describe(const PgError &e)
{
    return e.detail.isEmpty() ? e.message : QStringLiteral("%1 (%2)").arg(e.message, e.detail);
}

// The scratch database: created on construction, dropped (its sessions cut) on destruction.
class ScratchDatabase
{
public:
    explicit ScratchDatabase(const QString &serverConninfo)
        : m_name(QStringLiteral("spillway_import_%1_%2")
                     .arg(QCoreApplication::applicationPid())
                     .arg(QRandomGenerator::global()->bounded(1000000)))
    {
        PgError e;
        if (!m_admin.connect(serverConninfo, &e)) {
            m_error = tr("cannot connect to the server for the scratch database (%1): %2")
                          .arg(ConnInfo::masked(serverConninfo), e.message);
            return;
        }
        if (!m_admin.exec(QStringLiteral("CREATE DATABASE %1 TEMPLATE template0 ENCODING 'UTF8'")
                              .arg(Ddl::quoteIdentifier(m_name)),
                          &e)) {
            m_error = tr("cannot create the scratch database %1: %2").arg(m_name, describe(e));
            return;
        }
        m_created = true;
        m_conninfo = ConnInfo::withOption(serverConninfo, QStringLiteral("dbname"), m_name);
    }
    ~ScratchDatabase()
    {
        if (m_created)
            m_admin.exec(QStringLiteral("DROP DATABASE IF EXISTS %1 WITH (FORCE)")
                             .arg(Ddl::quoteIdentifier(m_name)),
                         nullptr);
    }
    ScratchDatabase(const ScratchDatabase &) = delete;
    ScratchDatabase &operator=(const ScratchDatabase &) = delete;

    QString error() const { return m_error; }
    QString conninfo() const { return m_conninfo; }

private:
    QString m_name;
    PgSession m_admin;
    QString m_conninfo;
    QString m_error;
    bool m_created = false;
};

int errorLine(const DdlStatement &s, const PgError &e)
{
    if (e.position <= 0)
        return s.line;
    return s.line + int(s.sql.left(e.position - 1).count(QLatin1Char('\n')));
}

void apply(PgSession &session, const DdlSplit &split, DdlImportResult &result)
{
    for (const DdlStatement &s : split.statements) {
        const QString reason = s.skip ? s.skipReason : skipReason(s.sql);
        if (!reason.isEmpty()) {
            ++result.statementsSkipped;
            continue;
        }
        PgError e;
        if (!session.exec(s.sql, &e)) {
            result.error = describe(e);
            result.errorLine = errorLine(s, e);
            return;
        }
        ++result.statementsRun;
    }
}

// Every schema the file filled with tables (extensions' own tables aside).
QStringList filledSchemas(PgSession &session, QString *error)
{
    QList<QStringList> rows;
    PgError e;
    if (!session.query(
            QStringLiteral("SELECT DISTINCT n.nspname FROM pg_class c JOIN pg_namespace n ON "
                           "n.oid = c.relnamespace WHERE c.relkind IN ('r', 'p') AND n.nspname "
                           "!~ '^pg_' AND n.nspname <> 'information_schema' AND NOT EXISTS "
                           "(SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_class'::regclass AND "
                           "d.objid = c.oid AND d.deptype = 'e') ORDER BY 1"),
            &rows, &e)) {
        *error = describe(e);
        return {};
    }
    QStringList schemas;
    for (const QStringList &r : rows)
        schemas.append(r.value(0));
    if (schemas.isEmpty())
        *error = tr("the file creates no tables (CREATE TABLE)");
    return schemas;
}

} // namespace

DdlSplit splitDdl(const QString &text)
{
    return Splitter(text).run();
}

QString DdlImportResult::errorText(const QString &fileName) const
{
    if (!error.isEmpty())
        return errorLine > 0 ? QStringLiteral("%1:%2: %3").arg(fileName).arg(errorLine).arg(error)
                             : QStringLiteral("%1: %2").arg(fileName, error);
    return read.error;
}

DdlImportResult importDdl(const QString &text, const QString &serverConninfo,
                          const CatalogSelection &selection)
{
    DdlImportResult result;
    const DdlSplit split = splitDdl(text);
    if (!split.error.isEmpty()) {
        result.error = split.error;
        result.errorLine = split.errorLine;
        return result;
    }
    ScratchDatabase scratch(serverConninfo);
    if (!scratch.error().isEmpty()) {
        result.error = scratch.error();
        return result;
    }
    CatalogSelection chosen = selection;
    {
        PgSession session;
        PgError e;
        if (!session.connect(scratch.conninfo(), &e)) {
            result.error = tr("cannot connect to the scratch database: %1").arg(e.message);
            return result;
        }
        session.exec(QStringLiteral("SET client_min_messages = warning"), nullptr);
        apply(session, split, result);
        if (!result.error.isEmpty())
            return result;
        if (chosen.schemas.isEmpty())
            chosen.schemas = filledSchemas(session, &result.error);
        if (!result.error.isEmpty())
            return result;
    }
    result.read = readCatalog(scratch.conninfo(), chosen);
    // A file has no rows: "never analyzed" says nothing here.
    QList<ImportNote> &notes = result.read.notes;
    notes.erase(std::remove_if(notes.begin(), notes.end(),
                               [](const ImportNote &n) {
                                   return n.kind == QLatin1String("stats") && n.column.isEmpty();
                               }),
                notes.end());
    if (result.statementsSkipped > 0)
        notes.append(ImportNote{
            QString(), QString(), QStringLiteral("warning"),
            QCoreApplication::translate("DdlImport",
                                        "%n statement(s) about owners, privileges, roles, "
                                        "databases or tablespaces skipped: they do not shape "
                                        "the data",
                                        nullptr, result.statementsSkipped)});
    return result;
}

} // namespace spillway
