// spillway-cli validate, preview, ddl and examples.

#include "clicommon.h"
#include "commands.h"
#include "run/preview.h"
#include "schema/ddl.h"
#include "schema/expression.h"
#include "schema/schemaio.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>

namespace spillway::cli {

int runValidate(const QStringList &arguments)
{
    QCommandLineParser p;
    p.addPositionalArgument(QStringLiteral("SCHEMA"),
                            QStringLiteral("Schema file, example:NAME, or - (standard input)."));
    p.addOption({QStringLiteral("json"), QStringLiteral("Report problems as JSON.")});
    if (auto exit = parseCommandLine(p, arguments, QStringLiteral("validate"),
                                     QStringLiteral("Checks a schema and reports every problem "
                                                    "with its JSON path."),
                                     1, 1))
        return *exit;
    const QString argument = p.positionalArguments().first();
    Diagnostics diagnostics;
    QString readError;
    std::optional<Schema> schema;
    if (const std::optional<QByteArray> text = readSchemaText(argument, &readError)) {
        diagnostics = SchemaIO::validate(*text);
        Diagnostics ignored;
        schema = SchemaIO::parse(*text, ignored);
    } else {
        diagnostics.add(QString(), readError);
    }
    if (p.isSet(QStringLiteral("json"))) {
        QJsonArray problems;
        for (const Diagnostic &d : diagnostics.items())
            problems.append(QJsonObject{{QStringLiteral("path"), d.path},
                                        {QStringLiteral("message"), d.message},
                                        {QStringLiteral("line"), d.line},
                                        {QStringLiteral("column"), d.column}});
        printOut(QString::fromUtf8(
                     QJsonDocument(QJsonObject{{QStringLiteral("valid"), diagnostics.isEmpty()},
                                               {QStringLiteral("problems"), problems}})
                         .toJson(QJsonDocument::Compact)) +
                 QLatin1Char('\n'));
    } else if (diagnostics.isEmpty()) {
        printOut(QStringLiteral("%1: valid\n").arg(argument));
    } else {
        for (const Diagnostic &d : diagnostics.items()) {
            printErr(QStringLiteral("%1: %2\n").arg(argument, d.toString()));
            // An expression's problem: the expression with a caret under the place.
            const QString caret = schema ? expressionCaret(*schema, d) : QString();
            if (!caret.isEmpty())
                printErr(caret + QLatin1Char('\n'));
        }
        printErr(QStringLiteral("%1 problem(s) found.\n").arg(diagnostics.size()));
    }
    return diagnostics.isEmpty() ? ExitOk : ExitUsage;
}

static QString fit(const QString &text, int width)
{
    QString t = text;
    t.replace(QLatin1Char('\n'), QStringLiteral("\\n"))
        .replace(QLatin1Char('\t'), QStringLiteral("\\t"));
    if (t.size() > width)
        t = t.left(width - 1) + QChar(0x2026);
    return t;
}

int runPreview(const QStringList &arguments)
{
    QCommandLineParser p;
    p.addPositionalArgument(QStringLiteral("SCHEMA"),
                            QStringLiteral("Schema file or example:NAME."));
    p.addOptions(
        {{QStringLiteral("table"), QStringLiteral("Table to show (default: all)."),
          QStringLiteral("T")},
         {QStringLiteral("rows"), QStringLiteral("Rows to show (default 10, at most 1000)."),
          QStringLiteral("N"), QStringLiteral("10")},
         {QStringLiteral("seed"), QStringLiteral("Seed overriding the schema's."),
          QStringLiteral("S")},
         {QStringLiteral("width"), QStringLiteral("Widest column shown (default 32)."),
          QStringLiteral("N"), QStringLiteral("32")}});
    if (auto exit = parseCommandLine(p, arguments, QStringLiteral("preview"),
                                     QStringLiteral("Shows the first rows of each table as an "
                                                    "aligned table."),
                                     1, 1))
        return *exit;
    bool ok = false;
    const int rows = p.value(QStringLiteral("rows")).toInt(&ok);
    if (!ok || rows < 1 || rows > 1000) {
        printErr(QStringLiteral("error: --rows must be between 1 and 1000\n"));
        return ExitUsage;
    }
    const int width = std::clamp(p.value(QStringLiteral("width")).toInt(), 4, 1000);
    std::optional<uint64_t> seed;
    if (p.isSet(QStringLiteral("seed")))
        seed = p.value(QStringLiteral("seed")).toULongLong();
    auto schema = loadSchema(p.positionalArguments().first(), seed);
    if (!schema)
        return ExitUsage;
    Diagnostics diagnostics;
    if (!Preview::prepare(*schema, &diagnostics)) {
        for (const Diagnostic &d : diagnostics.items())
            printErr(QStringLiteral("error: %1\n").arg(d.toString()));
        return ExitUsage;
    }
    QStringList wanted = p.values(QStringLiteral("table"));
    for (const QString &name : wanted) {
        if (schema->tableIndex(name) < 0) {
            printErr(QStringLiteral("error: there is no table '%1'\n").arg(name));
            return ExitUsage;
        }
    }
    for (size_t t = 0; t < schema->tables().size(); ++t) {
        const QString &name = schema->tables()[t]->name;
        if (!wanted.isEmpty() && !wanted.contains(name))
            continue;
        const PreviewRows preview = Preview::rows(*schema, int(t), rows);
        if (!preview.problem.isEmpty()) {
            printErr(QStringLiteral("error: %1\n").arg(preview.problem));
            return ExitFailure;
        }
        QList<int> widths;
        for (const QString &h : preview.headers)
            widths.append(int(std::min<qsizetype>(h.size(), width)));
        for (qsizetype r = 0; r < preview.rows.size(); ++r) {
            for (qsizetype c = 0; c < preview.rows[r].size(); ++c) {
                // A null is shown as NULL, which may be wider than the column's values.
                const qsizetype shown =
                    preview.nulls[r][c] ? 4 : fit(preview.rows[r][c], width).size();
                widths[c] = std::max(widths[c], int(std::min<qsizetype>(shown, width)));
            }
        }
        QString out =
            QStringLiteral("%1 (%2 rows planned)\n").arg(name).arg(schema->tables()[t]->rowCount);
        auto line = [&](const QStringList &cells, const QList<bool> *nulls) {
            QStringList padded;
            for (qsizetype c = 0; c < cells.size(); ++c) {
                const QString cell =
                    nulls && (*nulls)[c] ? QStringLiteral("NULL") : fit(cells[c], width);
                padded.append(cell.leftJustified(widths[c]));
            }
            return padded.join(QStringLiteral(" | ")).trimmed() + QLatin1Char('\n');
        };
        out += line(preview.headers, nullptr);
        QStringList rule;
        for (int w : widths)
            rule.append(QString(w, QLatin1Char('-')));
        out += rule.join(QStringLiteral("-+-")) + QLatin1Char('\n');
        for (qsizetype r = 0; r < preview.rows.size(); ++r)
            out += line(preview.rows[r], &preview.nulls[r]);
        printOut(out + QLatin1Char('\n'));
    }
    return ExitOk;
}

int runDdl(const QStringList &arguments)
{
    QCommandLineParser p;
    p.addPositionalArgument(QStringLiteral("SCHEMA"),
                            QStringLiteral("Schema file or example:NAME."));
    p.addOptions({{QStringLiteral("unlogged"), QStringLiteral("CREATE UNLOGGED TABLE.")},
                  {QStringLiteral("drop"), QStringLiteral("DROP TABLE IF EXISTS first.")},
                  {QStringLiteral("if-not-exists"), QStringLiteral("CREATE TABLE IF NOT EXISTS.")},
                  {QStringLiteral("db-schema"),
                   QStringLiteral("PostgreSQL schema to create the "
                                  "tables in."),
                   QStringLiteral("NAME")}});
    if (auto exit = parseCommandLine(p, arguments, QStringLiteral("ddl"),
                                     QStringLiteral("Prints PostgreSQL CREATE TABLE statements "
                                                    "(constraints after, for loading first)."),
                                     1, 1))
        return *exit;
    auto schema = loadSchema(p.positionalArguments().first());
    if (!schema)
        return ExitUsage;
    DdlOptions options;
    options.unlogged = p.isSet(QStringLiteral("unlogged"));
    options.dropFirst = p.isSet(QStringLiteral("drop"));
    options.ifNotExists = p.isSet(QStringLiteral("if-not-exists"));
    options.schemaName = p.value(QStringLiteral("db-schema"));
    printOut(Ddl::script(*schema, options));
    return ExitOk;
}

int runExamples(const QStringList &arguments)
{
    QCommandLineParser p;
    if (auto exit = parseCommandLine(p, arguments, QStringLiteral("examples"),
                                     QStringLiteral("Lists the bundled example schemas (use them "
                                                    "as example:NAME)."),
                                     0, 0))
        return *exit;
    for (const QString &name : exampleNames()) {
        Diagnostics d;
        const auto schema = SchemaIO::load(resolveSchemaPath(QStringLiteral("example:") + name), d);
        printOut(QStringLiteral("example:%1  %2\n")
                     .arg(name.leftJustified(12), schema ? schema->description : QString()));
    }
    return ExitOk;
}

} // namespace spillway::cli
