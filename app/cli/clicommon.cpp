#include "clicommon.h"

#include "history/runcompare.h"
#include "schema/schemaio.h"

#include <QDir>
#include <QFileInfo>
#include <QRegularExpression>

#include <QTimer>

#include <atomic>
#include <cerrno>
#include <cmath>
#include <csignal>
#include <cstdio>
#include <unistd.h>

namespace spillway::cli {

namespace {
std::atomic<int> g_pendingSignal{0}; // caught, not yet acted on
std::atomic<int> g_stopSignal{0};    // the signal that stopped the run, for the exit status
std::atomic<bool> g_stdoutClosed{false};

void onInterrupt(int signal)
{
    g_pendingSignal = signal;
    g_stopSignal = signal;
}
} // namespace

void printOut(const QString &text)
{
    if (g_stdoutClosed)
        return; // the reader went away: say nothing more, end with SIGPIPE's status
    const QByteArray bytes = text.toUtf8();
    errno = 0;
    const bool written =
        std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stdout) == size_t(bytes.size()) &&
        std::fflush(stdout) == 0;
    if (!written && errno == EPIPE)
        noteStdoutClosed();
}

void ignoreBrokenPipe()
{
    std::signal(SIGPIPE, SIG_IGN);
}

void noteStdoutClosed()
{
    g_stdoutClosed = true;
}

bool isStdoutClosed()
{
    return g_stdoutClosed;
}

int endProcess(int exitCode)
{
    const int signal = g_stdoutClosed ? SIGPIPE : g_stopSignal.load();
    if (signal == 0)
        return exitCode;
    // Die of the signal, as the shell expects: $? is 128 + its number, and a script that was
    // interrupted stops too instead of carrying on.
    std::fflush(nullptr);
    std::signal(signal, SIG_DFL);
    std::raise(signal);
    return 128 + signal; // not reached
}

void printErr(const QString &text)
{
    const QByteArray bytes = text.toUtf8();
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stderr);
    std::fflush(stderr);
}

bool stderrIsTerminal()
{
    return isatty(fileno(stderr)) == 1;
}

std::optional<int> parseCommandLine(QCommandLineParser &parser, const QStringList &arguments,
                                    const QString &command, const QString &usage, int minPositional,
                                    int maxPositional)
{
    const QCommandLineOption help({QStringLiteral("h"), QStringLiteral("help")},
                                  QStringLiteral("Show this help."));
    parser.addOption(help);
    if (!parser.parse(arguments)) {
        printErr(QStringLiteral("spillway-cli %1: %2\nTry 'spillway-cli %1 --help'.\n")
                     .arg(command, parser.errorText()));
        return ExitUsage;
    }
    if (parser.isSet(help)) {
        QString text = parser.helpText();
        // Qt's help names the program; show the command too.
        text.replace(QRegularExpression(QStringLiteral("^Usage: \\S+")),
                     QStringLiteral("Usage: spillway-cli %1").arg(command));
        printOut(usage + QStringLiteral("\n\n") + text);
        return ExitOk;
    }
    const qsizetype n = parser.positionalArguments().size();
    if (n < minPositional || (maxPositional >= 0 && n > maxPositional)) {
        printErr(QStringLiteral("spillway-cli %1: expected %2, got %3 argument(s)\nTry "
                                "'spillway-cli %1 --help'.\n")
                     .arg(command,
                          minPositional == maxPositional
                              ? QString::number(minPositional)
                              : QStringLiteral("%1 to %2").arg(minPositional).arg(maxPositional))
                     .arg(n));
        return ExitUsage;
    }
    return std::nullopt;
}

QStringList exampleNames()
{
    QStringList names;
    const auto entries = QDir(QStringLiteral(":/spillway/examples"))
                             .entryList({QStringLiteral("*.json")}, QDir::Files, QDir::Name);
    for (const QString &file : entries)
        names.append(QFileInfo(file).completeBaseName());
    return names;
}

QString resolveSchemaPath(const QString &argument)
{
    if (argument.startsWith(QLatin1String("example:")))
        return QStringLiteral(":/spillway/examples/%1.json").arg(argument.mid(8));
    return argument;
}

std::optional<QByteArray> readSchemaText(const QString &argument, QString *error)
{
    if (argument == QLatin1String("-")) {
        // Read once and kept: a command may need the text twice (validate, then compile).
        static const QByteArray input = [] {
            QFile in;
            return in.open(stdin, QIODevice::ReadOnly) ? in.readAll() : QByteArray();
        }();
        return input;
    }
    QFile file(resolveSchemaPath(argument));
    if (!file.open(QIODevice::ReadOnly)) {
        *error =
            QStringLiteral("cannot read schema file '%1': %2").arg(argument, file.errorString());
        return std::nullopt;
    }
    return file.readAll();
}

std::shared_ptr<CompiledSchema> loadSchema(const QString &argument,
                                           std::optional<uint64_t> seedOverride)
{
    const QString path = resolveSchemaPath(argument);
    if (argument.startsWith(QLatin1String("example:")) && !QFileInfo::exists(path)) {
        printErr(QStringLiteral("error: there is no bundled example '%1'; examples: %2\n")
                     .arg(argument.mid(8), exampleNames().join(QStringLiteral(", "))));
        return nullptr;
    }
    Diagnostics diagnostics;
    QString readError;
    const std::optional<QByteArray> text = readSchemaText(argument, &readError);
    if (!text)
        diagnostics.add(QString(), readError);
    auto schema = text ? SchemaIO::parse(*text, diagnostics) : std::nullopt;
    if (schema && seedOverride)
        schema->seed = *seedOverride;
    std::shared_ptr<CompiledSchema> compiled;
    if (schema)
        compiled = CompiledSchema::compile(*schema, diagnostics);
    for (const Diagnostic &d : diagnostics.items())
        printErr(QStringLiteral("%1: %2\n").arg(argument, d.toString()));
    if (!compiled && !diagnostics.isEmpty())
        printErr(QStringLiteral("%1 problem(s) in %2; fix them and try again.\n")
                     .arg(diagnostics.size())
                     .arg(argument));
    return compiled;
}

void addPlanOptions(QCommandLineParser &parser)
{
    parser.addOptions({
        {QStringLiteral("rows"),
         QStringLiteral("Rows of every root table (e.g. 10M), or TABLE=N for one table; "
                        "repeatable. Child tables follow their fan-out."),
         QStringLiteral("N")},
        {QStringLiteral("scale"), QStringLiteral("Multiply root tables' row counts by F."),
         QStringLiteral("F")},
        {QStringLiteral("seed"), QStringLiteral("Seed overriding the schema's."),
         QStringLiteral("S")},
        {QStringLiteral("chunk-rows"),
         QStringLiteral("Rows per chunk (default: about 4 MiB of output)."), QStringLiteral("N")},
        {QStringLiteral("table"), QStringLiteral("Only this table (repeatable)."),
         QStringLiteral("T")},
        {QStringLiteral("shard"),
         QStringLiteral("Make only the K-th of N contiguous row ranges (0-based), e.g. 0/4."),
         QStringLiteral("K/N")},
        {QStringLiteral("dirty"),
         QStringLiteral("Write this share of rows invalid (0 to 0.5, e.g. 0.01 or 1%), listed "
                        "in spillway-dirty.jsonl; overrides the tables' \"dirty\" setting (0: "
                        "none)."),
         QStringLiteral("FRACTION")},
        {QStringLiteral("dirty-kinds"),
         QStringLiteral("Kinds of dirty rows, comma-separated: %1 (default: all).")
             .arg(dirtyKindNames()),
         QStringLiteral("LIST")},
    });
}

bool readDirtyOptions(const QCommandLineParser &parser, DirtyOptions &options)
{
    QString error;
    const bool kinds = parser.isSet(QStringLiteral("dirty-kinds"));
    if (kinds && !parser.isSet(QStringLiteral("dirty"))) {
        printErr(QStringLiteral("error: --dirty-kinds needs --dirty FRACTION, the share of rows "
                                "to write invalid\n"));
        return false;
    }
    if (!parser.isSet(QStringLiteral("dirty")))
        return true;
    if (!DirtyOptions::parseFraction(parser.value(QStringLiteral("dirty")), options.fraction,
                                     &error) ||
        (kinds && !DirtyOptions::parseKinds(parser.value(QStringLiteral("dirty-kinds")),
                                            options.kinds, &error))) {
        printErr(QStringLiteral("error: %1\n").arg(error));
        return false;
    }
    options.isSet = true;
    return true;
}

bool readPlanOptions(const QCommandLineParser &parser, PlanOptions &options)
{
    bool ok = true;
    auto bad = [&ok](const QString &message) {
        printErr(QStringLiteral("error: %1\n").arg(message));
        ok = false;
    };
    for (const QString &value : parser.values(QStringLiteral("rows"))) {
        const qsizetype eq = value.indexOf(QLatin1Char('='));
        const auto n = parseCount(eq < 0 ? value : value.mid(eq + 1));
        if (!n)
            bad(QStringLiteral("--rows %1 is not a row count: use a whole number such as 1000000, "
                               "10M or 1G, or TABLE=N")
                    .arg(value));
        else if (eq < 0)
            options.rows = *n;
        else
            options.tableRows.insert(value.left(eq), *n);
    }
    if (parser.isSet(QStringLiteral("scale"))) {
        bool isNumber = false;
        options.scale = parser.value(QStringLiteral("scale")).toDouble(&isNumber);
        if (!isNumber || !(options.scale > 0))
            bad(QStringLiteral("--scale must be a number above 0, such as 0.1 or 10"));
        if (options.rows || !options.tableRows.isEmpty())
            bad(QStringLiteral("use --rows or --scale, not both"));
    }
    if (parser.isSet(QStringLiteral("seed"))) {
        bool isNumber = false;
        options.seed = parser.value(QStringLiteral("seed")).toULongLong(&isNumber);
        if (!isNumber)
            bad(QStringLiteral("--seed must be a whole number, 0 or more"));
    }
    if (parser.isSet(QStringLiteral("chunk-rows"))) {
        const auto n = parseCount(parser.value(QStringLiteral("chunk-rows")));
        if (!n || *n < 1 || *n > 100000000)
            bad(QStringLiteral("--chunk-rows must be between 1 and 100M"));
        else
            options.chunkRows = *n;
    }
    options.tables = parser.values(QStringLiteral("table"));
    if (parser.isSet(QStringLiteral("shard"))) {
        static const QRegularExpression re(QStringLiteral("^(\\d+)/(\\d+)$"));
        const auto m = re.match(parser.value(QStringLiteral("shard")));
        options.shardIndex = m.captured(1).toInt();
        options.shardCount = m.captured(2).toInt();
        if (!m.hasMatch() || options.shardCount < 1 || options.shardIndex >= options.shardCount)
            bad(QStringLiteral("--shard must be K/N with 0 <= K < N, such as 0/4"));
    }
    return readDirtyOptions(parser, options.dirty) && ok;
}

void execCancellable(QEventLoop &loop, QObject *context, const std::function<void()> &cancel)
{
    g_pendingSignal = 0;
    std::signal(SIGINT, onInterrupt);
    std::signal(SIGTERM, onInterrupt);
    QTimer check; // a signal handler may only set a flag; the loop's thread acts on it
    QObject::connect(&check, &QTimer::timeout, context, [&cancel] {
        if (g_pendingSignal.exchange(0) != 0)
            cancel();
    });
    check.start(50);
    loop.exec();
    std::signal(SIGINT, SIG_DFL);
    std::signal(SIGTERM, SIG_DFL);
}

} // namespace spillway::cli
