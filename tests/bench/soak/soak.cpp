// callboard-soak: Callboard's client stack, headless and wired as the desktop app wires it,
// against the WCS emulator (a separate process) for a long time: 1,000 background streams
// that flap (each played, ended by its publisher, played again), a call every few seconds
// (answered, hung up by the client) and a TCP drop of the connection every minute (the client
// reconnects by itself, re-attaching to its kept-alive server session).
//
//   callboard-soak [--duration-s 3600] [--streams 1000] [--call-every-s 5] [--call-hold-ms 2000]
//                  [--reconnect-every-s 60] [--report-every-s 60] [--no-keep-alive]
//                  [--max-rss-growth-mib 64] [--prune-ended-s 0] [--emulator PATH]
//                  [--keep-files]
//
// Prints a line every --report-every-s (RSS, fds, threads, journal rows, events written and
// delivered, calls, reconnects), then summary tables. Exits 1 when the journal does not hold
// one row per delivered event, when an event frame was lost anywhere but in a dropped
// connection, when the client did not reconnect after a drop, or when RSS, fds or threads grew
// beyond their bounds after the warm-up; 2 on a setup error. See tests/bench/README.md.
#include "CallDriver.h"
#include "EmulatorProcess.h"
#include "JournalCount.h"
#include "ProcessStats.h"
#include "ReconnectWatch.h"
#include "RecordingTally.h"
#include "SoakClient.h"
#include "SoakReport.h"
#include "SoakScenario.h"
#include "StreamDriver.h"

#include "AppServices.h"
#include "services/History.h"
#include "services/SessionMonitor.h"
#include "services/StreamMonitor.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QJsonArray>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTimer>

#include <cstdio>

namespace {

/// Runs the event loop for `ms` ms.
void spin(int ms) {
    QEventLoop loop;
    QTimer::singleShot(ms, &loop, &QEventLoop::quit);
    loop.exec();
}

/// Runs the event loop until `done()` or `ms` ms passed; returns done().
template <class F> bool spinUntil(F done, int ms) {
    QElapsedTimer t;
    t.start();
    while (!done() && t.elapsed() < ms) {
        spin(50);
    }
    return done();
}

int setupError(const QString& what) {
    std::fprintf(stderr, "callboard-soak: %s\n", qPrintable(what));
    return 2;
}

bool isUp(const services::SessionMonitor& sessions, const QString& id) {
    const core::SessionStatus s = sessions.state(id).connection;
    return s == core::SessionStatus::Established || s == core::SessionStatus::Registered;
}

} // namespace

int main(int argc, char** argv) {
    // A throw-away profile: nothing of the user's configuration, data or keychain is touched.
    QTemporaryDir home;
    if (!home.isValid()) {
        return setupError(QStringLiteral("cannot create a temporary directory"));
    }
    for (const char* var : {"XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME"}) {
        const QString dir = home.filePath(QString::fromLatin1(var).toLower());
        QDir().mkpath(dir);
        qputenv(var, QFile::encodeName(dir));
    }
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("callboard-soak"));

    QCommandLineParser cli;
    cli.setApplicationDescription(QStringLiteral("Callboard soak run against the WCS emulator."));
    cli.addHelpOption();
    const auto opt = [&cli](const char* name, const char* help, const char* def) {
        QCommandLineOption o(QString::fromLatin1(name), QString::fromLatin1(help),
                             QStringLiteral("N"), QString::fromLatin1(def));
        cli.addOption(o);
        return o;
    };
    const auto durationOpt = opt("duration-s", "Length of the load in seconds (3600).", "3600");
    const auto streamsOpt = opt("streams", "Flapping background streams (1000).", "1000");
    const auto callEveryOpt = opt("call-every-s", "Seconds between two calls (5).", "5");
    const auto holdOpt =
        opt("call-hold-ms", "Talk time before the client hangs up (2000).", "2000");
    const auto reconnectOpt =
        opt("reconnect-every-s", "Seconds between two drops by the emulator, 0 = none (60).", "60");
    const auto reportOpt = opt("report-every-s", "Seconds between two report lines (60).", "60");
    const auto pruneOpt =
        opt("prune-ended-s",
            "Diagnostic: every 10 s drop ended streams older than N s from the stream monitor "
            "(StreamMonitor::pruneEnded; the app never does), 0 = off (0).",
            "0");
    const auto rssOpt = opt("max-rss-growth-mib",
                            "Bound on the RSS growth from the warm-up to the end (64).", "64");
    const QCommandLineOption noKeepAlive(QStringLiteral("no-keep-alive"),
                                         QStringLiteral("Connect without WCS keepAlive."));
    const QCommandLineOption emulatorOpt(
        QStringLiteral("emulator"), QStringLiteral("The callboard-emulator executable."),
        QStringLiteral("PATH"),
        qEnvironmentVariable("CALLBOARD_EMULATOR", QStringLiteral(CALLBOARD_SOAK_EMULATOR)));
    const QCommandLineOption keepFiles(
        QStringLiteral("keep-files"),
        QStringLiteral("Keep the temporary directory (recording, history.sqlite)."));
    cli.addOptions({noKeepAlive, emulatorOpt, keepFiles});
    cli.process(app);
    const double durationS = cli.value(durationOpt).toDouble();
    const int streams = cli.value(streamsOpt).toInt();
    const double callEveryS = cli.value(callEveryOpt).toDouble();
    const int holdMs = cli.value(holdOpt).toInt();
    const int reconnectEveryS = cli.value(reconnectOpt).toInt();
    const double reportEveryS = cli.value(reportOpt).toDouble();
    if (durationS <= 0 || streams < 0 || streams > 10000 || callEveryS <= 0 || holdMs < 0 ||
        reconnectEveryS < 0 || reportEveryS <= 0) {
        return setupError(QStringLiteral("bad option value (see --help)"));
    }
    home.setAutoRemove(!cli.isSet(keepFiles));

    // --- the emulator ---
    soak::SoakScenario scenario;
    scenario.streams = streams;
    scenario.reconnectEveryMs = reconnectEveryS * 1000;
    const QString scenarioFile = home.filePath(QStringLiteral("scenario.json"));
    const QString recordFile = home.filePath(QStringLiteral("frames.jsonl"));
    {
        QFile f(scenarioFile);
        if (!f.open(QIODevice::WriteOnly) || f.write(scenario.toJson()) < 0) {
            return setupError(QStringLiteral("cannot write %1").arg(scenarioFile));
        }
    }
    soak::EmulatorProcess emulator;
    if (!emulator.start(cli.value(emulatorOpt), scenarioFile, recordFile)) {
        return setupError(emulator.error());
    }
    soak::RecordingTally written;
    QString error;
    if (!written.open(recordFile, &error)) {
        return setupError(error);
    }

    // --- the client ---
    const QString dataDir = home.filePath(QStringLiteral("client"));
    QDir().mkpath(dataDir);
    soak::SoakReport::Inputs in;
    in.atStart = soak::ProcessStats::self();
    soak::SoakClient client(dataDir);
    if (!client.start(emulator.wsUrl(), !cli.isSet(noKeepAlive))) {
        return setupError(client.error());
    }
    app::AppServices& s = client.services();
    const QString id = client.accountId();
    soak::ReconnectWatch reconnects(s.sessions(), id);
    soak::CallDriver calls(s.calls(), s.sessions(), id, soak::SoakScenario::callee(),
                           int(callEveryS * 1000), holdMs);
    QStringList names;
    for (int i = 0; i < streams; ++i) {
        names << soak::SoakScenario::name(i);
    }
    soak::StreamDriver streamDriver(s.connector(), s.sessions(), id, names,
                                    &soak::SoakScenario::downMs);
    if (!spinUntil([&] { return isUp(s.sessions(), id); }, 15000)) {
        return setupError(
            QStringLiteral("the account did not connect to %1").arg(emulator.wsUrl().toString()));
    }
    std::printf("callboard-soak: %.0f s, %d streams, a call every %.1f s (%d ms talk), drop every "
                "%d s, keepAlive %s; emulator pid %lld at %s, client pid %lld, files in %s\n",
                durationS, streams, callEveryS, holdMs, reconnectEveryS,
                cli.isSet(noKeepAlive) ? "off" : "on", emulator.pid(),
                qPrintable(emulator.wsUrl().toString()), QCoreApplication::applicationPid(),
                qPrintable(home.path()));
    std::fflush(stdout);
    QTimer pruneTimer;
    if (const int pruneS = cli.value(pruneOpt).toInt(); pruneS > 0) {
        QObject::connect(&pruneTimer, &QTimer::timeout,
                         [&s, pruneS] { s.streams().pruneEnded(qint64(pruneS) * 1000); });
        pruneTimer.start(10000);
    }
    calls.start();
    streamDriver.start([](int i) { return i * 5; });

    // --- the load, with a report line every reportEveryS ---
    QElapsedTimer clock;
    clock.start();
    // Warm-up: every stream played once, the event log model full (10,000 entries, about
    // 3 min at this load), SQLite's page cache filled. Growth is measured from there.
    const qint64 warmUpMs = qint64(std::min(300.0, durationS / 4) * 1000);
    bool warm = false;
    const auto report = [&] {
        written.readMore();
        const soak::ProcessStats p = soak::ProcessStats::self();
        std::printf("[%6.0f s] RSS %6.1f MiB  fds %3d  threads %2d | journal rows %8lld | "
                    "events written %8lld delivered %8lld | calls %5d placed %5d ended | "
                    "drops %3d reconnects %3d | playing %4d, stream rows %6d\n",
                    double(clock.elapsed()) / 1000.0, p.rssMiB(), p.fds, p.threads,
                    client.journalAppended() - s.history().pendingCount(), written.events(),
                    client.frames().events(), calls.placed(), calls.ended(), written.dropped(),
                    reconnects.restored(), streamDriver.playing(), client.streamRows());
        std::fflush(stdout);
    };
    QTimer reportTimer;
    QObject::connect(&reportTimer, &QTimer::timeout, report);
    reportTimer.start(int(reportEveryS * 1000));
    QTimer warmTimer;
    warmTimer.setSingleShot(true);
    QObject::connect(&warmTimer, &QTimer::timeout, [&] {
        in.afterWarmUp = soak::ProcessStats::self();
        warm = true;
    });
    warmTimer.start(int(warmUpMs));
    spin(int(durationS * 1000));
    reportTimer.stop();
    if (!warm) {
        in.afterWarmUp = soak::ProcessStats::self();
    }

    // --- the end: stop the load, measure, then quiesce and count ---
    calls.stop();
    streamDriver.stop();
    in.atEnd = soak::ProcessStats::self();
    in.emulatorAtEnd = soak::ProcessStats::of(emulator.pid());
    report();
    // An outage in progress gets its chance to end (and is then counted).
    in.upAtEnd = spinUntil([&] { return isUp(s.sessions(), id); },
                           int(std::max(30.0, double(scenario.reconnectEveryMs) / 1000) * 1000));
    // The emulator writes nothing more (a stall holds every frame back), what was written
    // reaches the client, then the client closes its session by user intent.
    // A stall is refused while the session has no socket (a drop just happened): wait for
    // the reconnect and try again.
    QJsonObject stalled;
    for (int attempt = 0; attempt < 20; ++attempt) {
        spinUntil([&] { return isUp(s.sessions(), id); }, 30000);
        stalled = emulator.request(
            {{QStringLiteral("action"), QStringLiteral("stall")}, {QStringLiteral("ms"), 600000}});
        if (stalled.value(QLatin1StringView("ok")).toBool()) {
            break;
        }
        spin(500);
    }
    spin(1500);
    const QJsonObject sessions =
        emulator.request({{QStringLiteral("action"), QStringLiteral("sessions")}});
    for (const QJsonValue v : sessions.value(QLatin1StringView("sessions")).toArray()) {
        in.queuedAtEnd += v.toObject().value(QLatin1StringView("queuedFrames")).toInt();
    }
    if (!stalled.value(QLatin1StringView("ok")).toBool()) {
        std::fprintf(stderr, "callboard-soak: stall refused: %s\n",
                     qPrintable(stalled.value(QLatin1StringView("error")).toString()));
    }
    reconnects.stop(); // the close below is no connection loss
    in.streamTableRows = client.streamRows();
    in.callTableRows = client.callRows();
    client.disconnectAccount();
    spin(500);
    s.history().flush();
    emulator.stop();
    written.readMore();

    soak::JournalCount journal;
    if (!journal.read(client.historyPath(), &error)) {
        return setupError(QStringLiteral("cannot count the journal: %1").arg(error));
    }
    in.durationS = durationS;
    in.streams = streams;
    in.reconnectEveryS = reconnectEveryS;
    in.maxRssGrowthMiB = cli.value(rssOpt).toDouble();
    in.maxFdGrowth = 16;
    in.maxThreadGrowth = 8;
    in.reconnectDeadlineS = 30;
    in.expectedDrops = reconnectEveryS > 0 ? std::max(0, int(durationS) / reconnectEveryS - 1) : 0;
    in.historyDropped = s.history().droppedCount();
    in.journalAppended = client.journalAppended();
    soak::SoakReport summary(in, written, client.frames(), journal, calls, streamDriver,
                             reconnects);
    const QStringList failures = summary.print();
    return failures.isEmpty() ? 0 : 1;
}
