// Corpus replay without libFuzzer: feeds every file named on the command line, or found in a
// folder named there, to LLVMFuzzerTestOneInput, each in a child process with a time and a
// memory limit, so that one crashing or hanging input does not hide the others. Exits 1 when
// any input fails, naming each.

#include <QByteArray>
#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <csignal>
#include <cstdint>
#include <cstdio>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
extern "C" __attribute__((weak)) int LLVMFuzzerInitialize(int *argc, char ***argv);

namespace {

constexpr unsigned kSecondsPerInput = 60;
constexpr rlim_t kMemoryPerInput = rlim_t(4) << 30; // address space, bytes

[[noreturn]] void runChild(const QString &path)
{
    alarm(kSecondsPerInput);
    const rlimit memory{kMemoryPerInput, kMemoryPerInput};
    setrlimit(RLIMIT_AS, &memory);
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        std::fprintf(stderr, "cannot read %s\n", qPrintable(path));
        _exit(2);
    }
    const QByteArray data = file.readAll();
    // A copy on the heap of exactly the input's size, as libFuzzer passes it.
    std::vector<uint8_t> bytes(data.begin(), data.end());
    LLVMFuzzerTestOneInput(bytes.data(), bytes.size());
    _exit(0);
}

// Returns true when the input passes.
bool replayFile(const QString &path)
{
    std::fflush(nullptr);
    const pid_t child = fork();
    if (child < 0) {
        std::perror("fork");
        return false;
    }
    if (child == 0)
        runChild(path);
    int status = 0;
    waitpid(child, &status, 0);
    if (WIFEXITED(status) && WEXITSTATUS(status) == 0)
        return true;
    if (WIFSIGNALED(status))
        std::fprintf(stderr, "FAILED %s: %s%s\n", qPrintable(path), strsignal(WTERMSIG(status)),
                     WTERMSIG(status) == SIGALRM ? " (longer than the time limit)" : "");
    else
        std::fprintf(stderr, "FAILED %s: exit status %d\n", qPrintable(path), WEXITSTATUS(status));
    return false;
}

QStringList inputs(int argc, char **argv)
{
    QStringList files;
    for (int i = 1; i < argc; ++i) {
        const QString path = QString::fromLocal8Bit(argv[i]);
        if (!QFileInfo(path).isDir()) {
            files.append(path);
            continue;
        }
        const QDir dir(path);
        const QStringList names = dir.entryList(QDir::Files, QDir::Name);
        for (const QString &name : names)
            files.append(dir.filePath(name));
    }
    return files;
}

} // namespace

int main(int argc, char **argv)
{
    if (LLVMFuzzerInitialize)
        LLVMFuzzerInitialize(&argc, &argv);
    const QStringList files = inputs(argc, argv);
    QStringList failed;
    for (const QString &file : files) {
        if (!replayFile(file))
            failed.append(file);
    }
    std::fprintf(stderr, "%lld input(s) replayed, %lld failed\n",
                 static_cast<long long>(files.size()), static_cast<long long>(failed.size()));
    for (const QString &file : failed)
        std::fprintf(stderr, "  %s\n", qPrintable(file));
    return failed.isEmpty() && !files.isEmpty() ? 0 : 1;
}
