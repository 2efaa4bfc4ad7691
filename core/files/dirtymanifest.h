#pragma once

// The dirty-row manifest, `spillway-dirty.jsonl` beside the files: one JSON object per dirty
// row, in file order, written as the file sink writes the rows:
//   {"file":"orders.csv","line":1234,"record":1233,"table":"orders","row":1232,
//    "column":"total","kind":"number","text":"..."}
// line: the 1-based physical line (of the decompressed file, its header counted) where the
// record starts, with "lines" added when it spans more than one; record: its 1-based number
// among the file's records; row: the table's 0-based row index; column: null when no single
// column is damaged; text: the record as written without its line end, each byte that is not
// part of valid UTF-8 written as \xNN (what Python's errors="backslashreplace" gives).
//
// Lines of a file that is then removed (a cancelled run's partial file) are taken back.

#include <QFile>
#include <QString>

#include <cstdint>

namespace spillway {

struct DirtyManifestEntry
{
    QString file;
    uint64_t line = 0;
    uint64_t lines = 1;
    uint64_t record = 0;
    QString table;
    uint64_t row = 0;
    QString column; // empty: null
    QString kind;
    const char *text = nullptr; // the record's bytes, without the line end
    size_t size = 0;
};

class DirtyManifest
{
public:
    static QString fileName() { return QStringLiteral("spillway-dirty.jsonl"); }

    // Creates (or empties) the manifest in `directory`.
    QString open(const QString &directory);
    bool isOpen() const { return m_file.isOpen(); }
    // A new data file starts: its lines can be taken back with dropFileLines().
    void beginFile() { m_fileStart = m_file.pos(); }
    QString add(const DirtyManifestEntry &entry);
    // Removes the lines written since beginFile() (that file was removed).
    QString dropFileLines();
    QString close();

    // One entry as its JSON line (with the line end).
    static QByteArray line(const DirtyManifestEntry &entry);
    // s as the inside of a JSON string, invalid UTF-8 bytes as \xNN.
    static void appendJsonBytes(QByteArray &out, const char *s, size_t n);

private:
    QFile m_file;
    qint64 m_fileStart = 0;
};

} // namespace spillway
