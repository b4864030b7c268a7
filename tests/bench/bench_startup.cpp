// Start-up and footprint of the desktop app (issue #4 "Speed and footprint"): time from exec to
// the first painted main window, and resident memory after an idle period, over several rounds.
// Needs a display (run under xvfb-run). Prints its figures; fails only when the app does not
// paint at all.
//
//   callboard-bench-startup --app build/app/callboard/callboard [--rounds 5] [--idle-s 10]
//
// The app reports its first paint through CALLBOARD_STARTUP_REPORT (app::FirstPaintProbe) as a
// CLOCK_MONOTONIC timestamp; this program takes the same clock just before QProcess::start().
#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QThread>

#include <algorithm>
#include <cstdio>
#include <ctime>
#include <optional>
#include <vector>

namespace {

qint64 monotonicNs() {
    timespec now{};
    clock_gettime(CLOCK_MONOTONIC, &now);
    return qint64(now.tv_sec) * 1000000000 + now.tv_nsec;
}

/// VmRSS of `pid` in KiB from /proc/<pid>/status; nullopt when unreadable.
std::optional<qint64> residentKiB(qint64 pid) {
    QFile status(QStringLiteral("/proc/%1/status").arg(pid));
    if (!status.open(QIODevice::ReadOnly)) {
        return std::nullopt;
    }
    for (const QByteArray& line : status.readAll().split('\n')) {
        if (line.startsWith("VmRSS:")) {
            const QList<QByteArray> parts = line.simplified().split(' ');
            if (parts.size() >= 2) {
                return parts.at(1).toLongLong();
            }
        }
    }
    return std::nullopt;
}

double median(std::vector<double> values) {
    std::sort(values.begin(), values.end());
    const size_t n = values.size();
    return n % 2 == 1 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2.0;
}

struct Round {
    double firstPaintMs = 0;
    double rssMiB = 0;
};

std::optional<Round> runOnce(const QString& app, int idleS, QString* error) {
    QTemporaryDir home;
    const QString report = home.filePath(QStringLiteral("startup.json"));
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("CALLBOARD_STARTUP_REPORT"), report);
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), home.filePath(QStringLiteral("config")));
    env.insert(QStringLiteral("XDG_DATA_HOME"), home.filePath(QStringLiteral("data")));
    env.insert(QStringLiteral("XDG_CACHE_HOME"), home.filePath(QStringLiteral("cache")));
    QProcess process;
    process.setProcessEnvironment(env);
    process.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    process.setStandardOutputFile(QProcess::nullDevice());
    const qint64 startNs = monotonicNs();
    process.start(app, {QStringLiteral("--demo")});
    if (!process.waitForStarted(5000)) {
        *error = QStringLiteral("cannot start %1: %2").arg(app, process.errorString());
        return std::nullopt;
    }
    QElapsedTimer waited;
    waited.start();
    qint64 paintNs = 0;
    while (paintNs == 0 && waited.elapsed() < 15000 && process.state() == QProcess::Running) {
        QThread::msleep(2);
        QFile file(report);
        if (file.open(QIODevice::ReadOnly)) {
            paintNs = QJsonDocument::fromJson(file.readAll())
                          .object()
                          .value(QStringLiteral("firstPaintNs"))
                          .toInteger();
        }
    }
    Round round;
    if (paintNs == 0) {
        *error = QStringLiteral("no first paint within 15 s");
    } else {
        round.firstPaintMs = double(paintNs - startNs) / 1e6;
        QThread::sleep(static_cast<unsigned long>(idleS));
        const std::optional<qint64> rss = residentKiB(process.processId());
        if (rss) {
            round.rssMiB = double(*rss) / 1024.0;
        } else {
            *error = QStringLiteral("cannot read VmRSS");
        }
    }
    process.terminate();
    if (!process.waitForFinished(5000)) {
        process.kill();
        process.waitForFinished(2000);
    }
    if (!error->isEmpty()) {
        return std::nullopt;
    }
    return round;
}

} // namespace

int main(int argc, char* argv[]) {
    QCoreApplication core(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Start-up time to first paint and idle memory of the desktop app."));
    parser.addHelpOption();
    const QCommandLineOption appOption(QStringLiteral("app"), QStringLiteral("callboard binary"),
                                       QStringLiteral("PATH"));
    const QCommandLineOption roundsOption(QStringLiteral("rounds"), QStringLiteral("rounds"),
                                          QStringLiteral("N"), QStringLiteral("5"));
    const QCommandLineOption idleOption(QStringLiteral("idle-s"),
                                        QStringLiteral("idle seconds before reading memory"),
                                        QStringLiteral("S"), QStringLiteral("10"));
    parser.addOptions({appOption, roundsOption, idleOption});
    parser.process(core);
    const QString app = parser.value(appOption);
    const int rounds = std::max(1, parser.value(roundsOption).toInt());
    const int idleS = std::max(0, parser.value(idleOption).toInt());
    if (app.isEmpty() || qEnvironmentVariableIsEmpty("DISPLAY")) {
        std::fprintf(stderr, "callboard-bench-startup: needs --app and a DISPLAY (xvfb-run)\n");
        return 2;
    }

    std::vector<double> paint;
    std::vector<double> rss;
    for (int i = 0; i < rounds; ++i) {
        QString error;
        const std::optional<Round> r = runOnce(app, idleS, &error);
        if (!r) {
            std::fprintf(stderr, "round %d failed: %s\n", i + 1, qPrintable(error));
            return 1;
        }
        std::printf("round %d: first paint %.1f ms, RSS after %d s idle %.1f MiB\n", i + 1,
                    r->firstPaintMs, idleS, r->rssMiB);
        paint.push_back(r->firstPaintMs);
        rss.push_back(r->rssMiB);
    }
    std::printf("startup: exec -> first painted main window, median of %d: %.1f ms (min %.1f, "
                "max %.1f)\n",
                rounds, median(paint), *std::min_element(paint.begin(), paint.end()),
                *std::max_element(paint.begin(), paint.end()));
    std::printf("footprint: RSS after %d s idle in --demo, median: %.1f MiB\n", idleS, median(rss));
    return 0;
}
