// Corpus replay without libFuzzer: feeds every file named on the command line, or found in a
// folder named there, to LLVMFuzzerTestOneInput. A crash or a failed check aborts, which fails
// the CTest test; the name of each input is printed first so that the culprit is known.

#include <QByteArray>
#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <cstdint>
#include <cstdio>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
extern "C" __attribute__((weak)) int LLVMFuzzerInitialize(int *argc, char ***argv);

static int replayFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        std::fprintf(stderr, "cannot read %s\n", qPrintable(path));
        return 1;
    }
    const QByteArray data = file.readAll();
    std::fprintf(stderr, "replaying %s (%lld bytes)\n", qPrintable(path),
                 static_cast<long long>(data.size()));
    // A copy on the heap of exactly the input's size, as libFuzzer passes it.
    std::vector<uint8_t> bytes(data.begin(), data.end());
    LLVMFuzzerTestOneInput(bytes.data(), bytes.size());
    return 0;
}

int main(int argc, char **argv)
{
    if (LLVMFuzzerInitialize)
        LLVMFuzzerInitialize(&argc, &argv);
    int failures = 0, count = 0;
    for (int i = 1; i < argc; ++i) {
        const QString path = QString::fromLocal8Bit(argv[i]);
        if (QFileInfo(path).isDir()) {
            const QDir dir(path);
            const QStringList names = dir.entryList(QDir::Files, QDir::Name);
            for (const QString &name : names) {
                failures += replayFile(dir.filePath(name));
                ++count;
            }
        } else {
            failures += replayFile(path);
            ++count;
        }
    }
    std::fprintf(stderr, "%d input(s) replayed\n", count);
    return failures == 0 && count > 0 ? 0 : 1;
}
