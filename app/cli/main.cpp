// spillway-cli: the headless twin of the Spillway workbench.

#include "clicommon.h"
#include "commands.h"

#include <QCoreApplication>

using namespace spillway::cli;

static const char *const kUsage =
    "Usage: spillway-cli COMMAND [options]\n\n"
    "Commands:\n"
    "  validate SCHEMA     check a schema and list every problem\n"
    "  preview SCHEMA      show the first rows of each table\n"
    "  generate SCHEMA     generate data into files (CSV, TSV, PostgreSQL COPY)\n"
    "  ingest SCHEMA       generate straight into PostgreSQL (resumable, exactly once)\n"
    "  load FILES --table T  load existing files with parallel COPY (resumable)\n"
    "  verify SCHEMA       compare tables in PostgreSQL with what the schema generates\n"
    "  pipeline SCHEMA --run CMD  run your own ETL on generated files, measured, then verify\n"
    "  ddl SCHEMA          print CREATE TABLE statements\n"
    "  import --db CONNINFO | FILE.sql  a schema from existing tables (a database or DDL)\n"
    "  examples            list the bundled example schemas (example:NAME)\n"
    "  generators [KIND]   list the generator kinds, or one kind's parameters\n"
    "  runs list|show|compare|report  the recorded runs; compare them; HTML reports\n"
    "  server ACTION       start, stop or show the private local PostgreSQL server\n\n"
    "Run 'spillway-cli help COMMAND' (or COMMAND --help) for a command's options;\n"
    "'spillway-cli --version' (-V) for the version. SCHEMA is a file, example:NAME, or -\n"
    "for a schema read from standard input.\n"
    "Exit codes: 0 success, 1 runtime failure, 2 usage error or invalid schema,\n"
    "            3 verify found differences, 4 an --assert threshold violated;\n"
    "            130 (Ctrl+C) or 143 (SIGTERM): the run was cancelled cleanly;\n"
    "            141: standard output's reader stopped reading (e.g. | head).\n";

static int runCommand(const QString &command, const QStringList &args)
{
    if (command == QLatin1String("validate"))
        return runValidate(args);
    if (command == QLatin1String("preview"))
        return runPreview(args);
    if (command == QLatin1String("generate"))
        return runGenerate(args);
    if (command == QLatin1String("ddl"))
        return runDdl(args);
    if (command == QLatin1String("examples"))
        return runExamples(args);
    if (command == QLatin1String("generators"))
        return runGenerators(args);
    if (command == QLatin1String("runs"))
        return runRuns(args);
    if (command == QLatin1String("ingest"))
        return runIngest(args);
    if (command == QLatin1String("load"))
        return runLoad(args);
    if (command == QLatin1String("server"))
        return runServer(args);
    if (command == QLatin1String("verify"))
        return runVerify(args);
    if (command == QLatin1String("pipeline"))
        return runPipeline(args);
    if (command == QLatin1String("import"))
        return runImport(args);
    printErr(QStringLiteral("spillway-cli: unknown command '%1'\n\n").arg(command) +
             QString::fromLatin1(kUsage));
    return ExitUsage;
}

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("spillway-cli"));
    QCoreApplication::setOrganizationName(QStringLiteral("spillway"));
    QCoreApplication::setApplicationVersion(QStringLiteral(SPILLWAY_VERSION));
    ignoreBrokenPipe();
    QStringList args = QCoreApplication::arguments();
    const QString command = args.size() > 1 ? args[1] : QString();
    if (command == QLatin1String("help") && args.size() > 2) // help COMMAND: its own --help
        return endProcess(runCommand(args[2], {args[0], QStringLiteral("--help")}));
    if (command.isEmpty() || command == QLatin1String("--help") || command == QLatin1String("-h") ||
        command == QLatin1String("help")) {
        printOut(QString::fromLatin1(kUsage));
        return endProcess(command.isEmpty() ? ExitUsage : ExitOk);
    }
    if (command == QLatin1String("--version") || command == QLatin1String("-V")) {
        printOut(QStringLiteral("spillway-cli %1\n").arg(QCoreApplication::applicationVersion()));
        return endProcess(ExitOk);
    }
    args.removeAt(1); // the command's parser sees "spillway-cli [options] positional..."
    return endProcess(runCommand(command, args));
}
