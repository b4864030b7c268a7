// A main() for a libFuzzer target built without -fsanitize=fuzzer (any compiler): runs
// LLVMFuzzerTestOneInput once on every file of tests/fuzz/regressions/<target>/ and
// tests/fuzz/seeds/<target>/, or on the files and directories given as arguments. A broken
// invariant aborts, so the unit test fails with the fuzz target's message. Used by
// tests/unit (tst_FuzzReplay_*) so that reproducers stay fixed in every build.
// CALLBOARD_FUZZ_TARGET (a compile definition) names the target.

#include <QByteArray>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QString>
#include <QStringList>

#include <cstddef>
#include <cstdint>
#include <cstdio>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size);
extern "C" int LLVMFuzzerInitialize(int* argc, char*** argv) __attribute__((weak));

namespace {

QStringList filesOf(const QString& path) {
    const QFileInfo info(path);
    if (info.isDir()) {
        QStringList out;
        const QDir dir(path);
        for (const QString& name : dir.entryList(QDir::Files, QDir::Name)) {
            if (!name.startsWith(QStringLiteral("README"))) {
                out << dir.filePath(name);
            }
        }
        return out;
    }
    return info.exists() ? QStringList{path} : QStringList{};
}

} // namespace

int main(int argc, char** argv) {
    if (LLVMFuzzerInitialize) {
        LLVMFuzzerInitialize(&argc, &argv);
    }
    QStringList paths;
    for (int i = 1; i < argc; ++i) {
        paths << QString::fromLocal8Bit(argv[i]);
    }
    if (paths.isEmpty()) {
        const QByteArray source = qgetenv("CALLBOARD_SOURCE_DIR");
        const QString fuzzDir =
            source.isEmpty() ? QFileInfo(QStringLiteral(__FILE__)).absolutePath()
                             : QString::fromLocal8Bit(source) + QStringLiteral("/tests/fuzz");
        const QString target = QStringLiteral(CALLBOARD_FUZZ_TARGET);
        paths << fuzzDir + QStringLiteral("/regressions/") + target
              << fuzzDir + QStringLiteral("/seeds/") + target;
    }
    int runs = 0;
    for (const QString& path : paths) {
        for (const QString& file : filesOf(path)) {
            QFile f(file);
            if (!f.open(QIODevice::ReadOnly)) {
                std::fprintf(stderr, "cannot read %s\n", qPrintable(file));
                return 1;
            }
            const QByteArray data = f.readAll();
            std::fprintf(stderr, "replay %s (%lld bytes)\n", qPrintable(file),
                         static_cast<long long>(data.size()));
            LLVMFuzzerTestOneInput(reinterpret_cast<const std::uint8_t*>(data.constData()),
                                   static_cast<std::size_t>(data.size()));
            ++runs;
        }
    }
    std::fprintf(stderr, "%d inputs replayed\n", runs);
    return runs > 0 ? 0 : 1;
}
