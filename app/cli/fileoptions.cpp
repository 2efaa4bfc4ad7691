#include "fileoptions.h"

#include "clicommon.h"
#include "files/compressor.h"

namespace spillway::cli {
namespace {

bool readCompressionOptions(const QCommandLineParser &p, FileSinkOptions &out)
{
    if (p.isSet(QStringLiteral("compress")) &&
        !Compressor::parse(p.value(QStringLiteral("compress")), out.compression)) {
        printErr(QStringLiteral("error: --compress %1 is unknown: use gzip, zstd or none\n")
                     .arg(p.value(QStringLiteral("compress"))));
        return false;
    }
    out.compressionLevel = Compressor::defaultLevel(out.compression);
    if (!p.isSet(QStringLiteral("compress-level")))
        return true;
    if (out.compression == Compression::None) {
        printErr(QStringLiteral("error: --compress-level needs --compress gzip or zstd\n"));
        return false;
    }
    bool isNumber = false;
    out.compressionLevel = p.value(QStringLiteral("compress-level")).toInt(&isNumber);
    const QString problem =
        isNumber ? Compressor::checkLevel(out.compression, out.compressionLevel)
                 : QStringLiteral("--compress-level must be a number, such as 1 or 6");
    if (!problem.isEmpty()) {
        printErr(QStringLiteral("error: %1\n").arg(problem));
        return false;
    }
    return true;
}

} // namespace

void addFileFormatOptions(QCommandLineParser &p)
{
    p.addOptions({
        {QStringLiteral("format"),
         QStringLiteral("csv, tsv, pgcopy (PostgreSQL COPY text), pgbinary (COPY binary) or "
                        "jsonl (one JSON object per row)."),
         QStringLiteral("F"), QStringLiteral("csv")},
        {QStringLiteral("split-rows"), QStringLiteral("Start a new file every N rows."),
         QStringLiteral("N")},
        {QStringLiteral("split-bytes"),
         QStringLiteral("Start a new file before SIZE bytes (e.g. 100MiB), counted before "
                        "compression."),
         QStringLiteral("SIZE")},
        {QStringLiteral("compress"),
         QStringLiteral("Compress each file (and each split part) as its own stream: gzip "
                        "(.gz) or zstd (.zst). With --out -, compressed bytes go to standard "
                        "output."),
         QStringLiteral("ALG")},
        {QStringLiteral("compress-level"),
         QStringLiteral("Compression level: gzip 1-9, zstd 1-19 and above (default 1, the "
                        "fastest)."),
         QStringLiteral("N")},
        {QStringLiteral("delimiter"), QStringLiteral("CSV field delimiter (default ',')."),
         QStringLiteral("C")},
        {QStringLiteral("quote"), QStringLiteral("CSV quote character (default '\"')."),
         QStringLiteral("C")},
        {QStringLiteral("null"),
         QStringLiteral("Text written for NULL (CSV/TSV default: empty; "
                        "pgcopy: \\N)."),
         QStringLiteral("TEXT")},
        {QStringLiteral("no-header"), QStringLiteral("Do not write a header line (CSV, TSV).")},
    });
}

bool readFileFormatOptions(const QCommandLineParser &p, FileSinkOptions &out)
{
    bool ok = true;
    auto bad = [&ok](const QString &m) {
        printErr(QStringLiteral("error: %1\n").arg(m));
        ok = false;
    };
    if (!FormatOptions::parseFormat(p.value(QStringLiteral("format")), out.format.format))
        bad(QStringLiteral("--format %1 is unknown: use csv, tsv, pgcopy, pgbinary or jsonl")
                .arg(p.value(QStringLiteral("format"))));
    const auto oneChar = [&](const QString &name, char &target) {
        if (!p.isSet(name))
            return;
        QString v = p.value(name);
        if (v == QLatin1String("\\t") || v == QLatin1String("tab"))
            v = QStringLiteral("\t");
        if (v.size() != 1 || v[0].unicode() > 127)
            bad(QStringLiteral("--%1 must be one ASCII character").arg(name));
        else
            target = char(v[0].unicode());
    };
    oneChar(QStringLiteral("delimiter"), out.format.delimiter);
    oneChar(QStringLiteral("quote"), out.format.quote);
    out.format.header = !p.isSet(QStringLiteral("no-header"));
    if (p.isSet(QStringLiteral("null"))) {
        out.format.nullString = p.value(QStringLiteral("null"));
        out.format.nullStringSet = true;
    }
    if (const QString e = out.format.check(); !e.isEmpty())
        bad(e);
    if (p.isSet(QStringLiteral("split-rows"))) {
        const auto n = parseCount(p.value(QStringLiteral("split-rows")));
        if (!n || *n == 0)
            bad(QStringLiteral("--split-rows must be a row count above 0, such as 1M"));
        else
            out.splitRows = *n;
    }
    if (p.isSet(QStringLiteral("split-bytes"))) {
        const auto n = parseByteSize(p.value(QStringLiteral("split-bytes")));
        if (!n)
            bad(QStringLiteral("--split-bytes must be a size such as 100MiB, 1G or 500000"));
        else
            out.splitBytes = *n;
    }
    if (out.splitRows && out.splitBytes)
        bad(QStringLiteral("use --split-rows or --split-bytes, not both"));
    return readCompressionOptions(p, out) && ok;
}

} // namespace spillway::cli
