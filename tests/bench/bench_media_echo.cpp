// WCS call audio (issue #7) against the emulator's echo callee, over loopback: mouth-to-ear
#include "ProcessCpu.h"
// latency of the echo test, CPU per active call and memory per call. Prints its figures.
//
//   callboard-bench-media-echo [--bursts N] [--latency-calls K] [--cpu-seconds S] [--calls C]
//                              [--opus-frame-ms F]
//   callboard-bench-media-echo --one-way [--bursts N] [--opus-frame-ms F]
//
// The emulator runs in a second process (the bench re-runs itself with --serve), so the
// client's figures (getrusage, /proc/self) never include the emulator's webrtcbin; the
// emulator's own CPU and memory are read from /proc/<pid> and printed separately.
//
// Client side: wcs::Session signalling (`call` with the complete offer, `setRemoteSDP` answer)
// and one media::WebRtcEndpoint per call, configured as services::MediaEngine configures one
// with an element override (Opus 32 kbit/s, 10 ms frames and complexity 5 unless
// --opus-frame-ms/--opus-complexity, no voice processing, levels every 100 ms). Only the latency
// call differs: levels every 5 ms and a 10 ms capture block, for the resolution.
//
// Latency method (tone bursts): the 440 Hz test tone runs continuously; the endpoint's mute
// (a volume element right after the capture-side level meter) gates it. Each burst: mute, wait
// until what comes back has been silent (< -70 dBov) for 300 ms, wait a random 0-39 ms (so that
// t0 falls at a random point of the 10 ms capture blocks and Opus frames), unmute at t0 and take
// the arrival time t1 of the first received-level report above -40 dBov (the echoed tone is about
// -10 dBov). t1 - t0 covers the capture block, Opus encoding, SRTP, loopback UDP, the
// emulator's decode -> interaudiosink/src loopback -> re-encode (media::EchoEndpoint, 10 ms
// Opus frames), and our decode and mixer, up to the level meter in front of the speaker sink.
// Not included: the playout buffer of a real (clock-synced) audio sink and the sound card.
// Resolution: +-10 ms (capture block) + 0..5 ms (level interval). The N bursts are spread over
// K consecutive calls (each call fixes one phase relation between the clocked stages of both
// sides, which moves a single call's figures by up to ~15 ms), each after two untimed warm-up
// bursts (a fresh call's first bursts come back late). --one-way times the same
// bursts between two endpoints in this process (one leg, no emulator) for comparison.
//
// CPU: getrusage(RUSAGE_SELF) user + system time over --cpu-seconds with one established call
// (and no 2 ms wake-up timer), as % of one core; the same window with no call is printed as the
// idle reference. Memory: RSS (/proc/<pid>/statm) after C simultaneous calls all hear their
// echo, minus RSS before them (after a first call loaded every plugin), divided by C.
#include "emulator/EmulatorServer.h"
#include "emulator/ScenarioParser.h"
#include "media/WebRtcEndpoint.h"
#include "wcs/Session.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QProcess>
#include <QRandomGenerator>
#include <QTextStream>
#include <QTimer>
#include <QUuid>

#include <sys/resource.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <functional>
#include <memory>
#include <vector>

namespace {

using bench::processCpuSeconds;
using bench::selfCpuSeconds;

using media::SdpType;
using media::WebRtcEndpoint;

constexpr double kHeard = -40.0;  ///< dBov: the echoed tone arrived
constexpr double kSilent = -70.0; ///< dBov: nothing comes back

const char* const kScenario =
    R"({"registration":{"delayMs":0},"calls":{"ringAfterMs":0},
        "callees":{"echo":{"echo":true,"ringAfterMs":0,"answerAfterMs":0}}})";

int g_opusFrameMs = 10;   ///< --opus-frame-ms (media::AudioEndpointConfig's default)
int g_opusComplexity = 5; ///< --opus-complexity (media::AudioEndpointConfig's default)

qint64 nowNs() {
    return std::chrono::duration_cast<std::chrono::nanoseconds>(
               std::chrono::steady_clock::now().time_since_epoch())
        .count();
}

/// Runs the event loop until `done()` or `timeoutMs`; false on timeout.
bool waitUntil(const std::function<bool()>& done, int timeoutMs) {
    QElapsedTimer t;
    t.start();
    while (!done()) {
        if (t.elapsed() > timeoutMs) {
            return false;
        }
        QCoreApplication::processEvents(QEventLoop::AllEvents | QEventLoop::WaitForMoreEvents);
    }
    return true;
}

void sleepMs(int ms) {
    QElapsedTimer t;
    t.start();
    waitUntil([&] { return t.elapsed() >= ms; }, ms + 1000);
}

/// Resident set size of process `pid` (0 = self) in KiB, from /proc/<pid>/statm.
qint64 rssKiB(qint64 pid = 0) {
    QFile f(pid == 0 ? QStringLiteral("/proc/self/statm")
                     : QStringLiteral("/proc/%1/statm").arg(pid));
    if (!f.open(QIODevice::ReadOnly)) {
        return -1;
    }
    const QList<QByteArray> fields = f.readAll().split(' ');
    return fields.size() > 1 ? fields.at(1).toLongLong() * (sysconf(_SC_PAGESIZE) / 1024) : -1;
}

/// Runs the event loop for `ms` without any extra wake-up timer (for the CPU windows).
void idleMs(int ms) {
    QEventLoop loop;
    QTimer::singleShot(ms, &loop, &QEventLoop::quit);
    loop.exec();
}

/// What the client's endpoints use. `precise`: levels every 5 ms and a 10 ms capture block (the
/// latency call); otherwise what services::MediaEngine builds with a test-tone override.
media::AudioEndpointConfig clientConfig(bool precise) {
    media::AudioEndpointConfig config;
    config.sourceDescription =
        precise ? QStringLiteral("audiotestsrc is-live=true wave=sine volume=0.5 freq=440 "
                                 "samplesperbuffer=480 ! "
                                 "capsfilter caps=\"audio/x-raw,rate=48000,channels=1\"")
                : QStringLiteral("audiotestsrc is-live=true wave=sine volume=0.5 freq=440");
    config.sinkDescription = QStringLiteral("fakesink sync=false");
    config.levelIntervalMs = precise ? 5 : 100;
    config.opusFrameMs = g_opusFrameMs;
    config.opusComplexity = g_opusComplexity;
    return config;
}

/// Times tone bursts: `mute(bool)` gates the tone, the level reports of what comes back are fed
/// to level(). Returns the burst latencies in ms (fewer on failure, with a message).
class BurstTimer {
public:
    static constexpr int kWarmUp = 2;

    void level(double dBov) {
        const qint64 at = nowNs();
        m_level = dBov;
        if (m_startNs != 0 && m_heardNs == 0 && dBov > kHeard) {
            m_heardNs = at;
        }
        if (dBov > kSilent) {
            m_silentSinceNs = 0;
        } else if (m_silentSinceNs == 0) {
            m_silentSinceNs = at;
        }
    }
    double lastLevel() const { return m_level; }

    /// `bursts` timed bursts after kWarmUp untimed ones (the first bursts of a fresh call
    /// come back late while the receive path settles).
    std::vector<double> run(int bursts, const std::function<void(bool)>& mute) {
        std::vector<double> out;
        if (!waitUntil([this] { return m_level > kHeard; }, 15000)) {
            std::fprintf(stderr, "no audio came back\n");
            return out;
        }
        for (int i = -kWarmUp; i < bursts; ++i) {
            mute(true);
            m_silentSinceNs = 0;
            if (!waitUntil(
                    [this] {
                        return m_silentSinceNs != 0 && nowNs() - m_silentSinceNs > 300000000;
                    },
                    5000)) {
                std::fprintf(stderr, "burst %d: what comes back did not fall silent\n", i);
                return out;
            }
            // A random phase against the 10 ms capture blocks and the Opus frames: unmuting
            // right after a level report would always hit the same point of a frame.
            sleepMs(int(QRandomGenerator::global()->bounded(40)));
            m_heardNs = 0;
            m_startNs = nowNs();
            mute(false);
            if (!waitUntil([this] { return m_heardNs != 0; }, 5000)) {
                std::fprintf(stderr, "burst %d: nothing came back\n", i);
                return out;
            }
            if (i >= 0) {
                out.push_back(double(m_heardNs - m_startNs) / 1e6);
            }
            m_startNs = 0;
            sleepMs(100);
        }
        return out;
    }

private:
    double m_level = WebRtcEndpoint::kSilenceDb;
    qint64 m_startNs = 0;
    qint64 m_heardNs = 0;
    qint64 m_silentSinceNs = 0;
};

/// One outgoing call to the echo callee with its endpoint.
class EchoCall : public QObject {
public:
    EchoCall(wcs::Session& session, bool precise)
        : m_session(session)
        , m_callId(QUuid::createUuid().toString(QUuid::WithoutBraces))
        , m_endpoint(new WebRtcEndpoint(clientConfig(precise), this)) {
        connect(m_endpoint, &WebRtcEndpoint::localDescriptionReady, this,
                [this](const QString& sdp, SdpType) {
                    wcs::CallRequest r;
                    r.callId = m_callId;
                    r.callee = QStringLiteral("echo");
                    r.sdp = sdp;
                    m_session.call(r);
                });
        connect(&session, &wcs::Session::remoteSdpReceived, this,
                [this](const QString& id, const QString& sdp) {
                    if (id == m_callId) {
                        m_endpoint->setRemoteDescription(sdp, SdpType::Answer);
                    }
                });
        connect(m_endpoint, &WebRtcEndpoint::outputLevel, this, [this](double db) {
            m_level = db;
            if (onLevel) {
                onLevel(db);
            }
        });
        connect(m_endpoint, &WebRtcEndpoint::failed, this, [](const QString& reason) {
            std::fprintf(stderr, "media failed: %s\n", qPrintable(reason));
        });
        m_endpoint->createOffer();
    }
    ~EchoCall() override { m_session.hangUp(m_callId); }

    double level() const { return m_level; }
    WebRtcEndpoint& endpoint() { return *m_endpoint; }

    std::function<void(double dBov)> onLevel;

private:
    wcs::Session& m_session;
    QString m_callId;
    WebRtcEndpoint* m_endpoint;
    double m_level = WebRtcEndpoint::kSilenceDb;
};

/// --one-way: bursts from endpoint A's mute gate to endpoint B's received level, both in this
/// process (one leg of the echo path, no emulator).
std::vector<double> oneWayLatencies(int bursts) {
    WebRtcEndpoint a(clientConfig(true));
    WebRtcEndpoint b(clientConfig(true));
    QObject::connect(&a, &WebRtcEndpoint::localDescriptionReady, &b,
                     [&](const QString& sdp, SdpType type) {
                         if (type == SdpType::Offer) {
                             b.setRemoteDescription(sdp, SdpType::Offer);
                             b.createAnswer();
                         }
                     });
    QObject::connect(&b, &WebRtcEndpoint::localDescriptionReady, &a,
                     [&](const QString& sdp, SdpType type) {
                         if (type == SdpType::Answer) {
                             a.setRemoteDescription(sdp, SdpType::Answer);
                         }
                     });
    BurstTimer timer;
    QObject::connect(&b, &WebRtcEndpoint::outputLevel, &b,
                     [&timer](double db) { timer.level(db); });
    a.createOffer();
    return timer.run(bursts, [&a](bool muted) { a.setMuted(muted); });
}

/// --serve: the emulator with the echo callee; prints its port, runs until terminated or
/// orphaned.
int serve() {
    const auto parsed = emulator::ScenarioParser::parse(QByteArray(kScenario));
    if (!parsed.ok()) {
        return 1;
    }
    emulator::EmulatorServer server;
    server.setScenario(*parsed.scenario);
    server.setControlPort(-1);
    server.setPingIntervalMs(0);
    if (!server.listen()) {
        return 1;
    }
    QTextStream(stdout) << server.serverUrl().port() << Qt::endl;
    QTimer poll;
    QObject::connect(&poll, &QTimer::timeout, [] {
        if (getppid() == 1) {
            QCoreApplication::quit(); // the bench is gone
        }
    });
    poll.start(500);
    return QCoreApplication::exec();
}

double percentile(std::vector<double> v, double p) {
    std::sort(v.begin(), v.end());
    const auto i = std::min(v.size() - 1, size_t(p * double(v.size() - 1) + 0.5));
    return v[i];
}

void printLatencies(const char* what, const std::vector<double>& v) {
    std::printf("%s, %zu bursts (ms):", what, v.size());
    for (const double ms : v) {
        std::printf(" %.1f", ms);
    }
    std::printf("\n  median %.1f ms, p90 %.1f ms, min %.1f ms, max %.1f ms\n", percentile(v, 0.5),
                percentile(v, 0.9), *std::min_element(v.begin(), v.end()),
                *std::max_element(v.begin(), v.end()));
}

} // namespace

int main(int argc, char** argv) {
    QCoreApplication app(argc, argv);
    QCommandLineParser cli;
    cli.addHelpOption();
    cli.addOptions({{QStringLiteral("serve"), QStringLiteral("internal: run the emulator")},
                    {QStringLiteral("bursts"), QStringLiteral("tone bursts timed"),
                     QStringLiteral("N"), QStringLiteral("20")},
                    {QStringLiteral("cpu-seconds"), QStringLiteral("CPU window with one call"),
                     QStringLiteral("S"), QStringLiteral("10")},
                    {QStringLiteral("calls"), QStringLiteral("simultaneous calls for memory"),
                     QStringLiteral("C"), QStringLiteral("10")},
                    {QStringLiteral("latency-calls"),
                     QStringLiteral("consecutive calls the bursts are spread over"),
                     QStringLiteral("K"), QStringLiteral("4")},
                    {QStringLiteral("opus-frame-ms"),
                     QStringLiteral("Opus frame of the client (5, 10, 20, 40, 60)"),
                     QStringLiteral("F"), QStringLiteral("10")},
                    {QStringLiteral("opus-complexity"),
                     QStringLiteral("Opus encoder complexity of the client (0-10)"),
                     QStringLiteral("X"), QStringLiteral("5")},
                    {QStringLiteral("one-way"),
                     QStringLiteral("only time bursts between two endpoints in this process")}});
    cli.process(app);
    if (cli.isSet(QStringLiteral("serve"))) {
        return serve();
    }
    const int bursts = std::max(1, cli.value(QStringLiteral("bursts")).toInt());
    const int cpuSeconds = std::max(1, cli.value(QStringLiteral("cpu-seconds")).toInt());
    const int callCount = std::max(1, cli.value(QStringLiteral("calls")).toInt());
    const int latencyCalls =
        std::clamp(cli.value(QStringLiteral("latency-calls")).toInt(), 1, bursts);
    g_opusFrameMs = cli.value(QStringLiteral("opus-frame-ms")).toInt();
    g_opusComplexity = std::clamp(cli.value(QStringLiteral("opus-complexity")).toInt(), 0, 10);
    QTimer wake; // wakes waitUntil() at least every 2 ms (not during the CPU windows)
    wake.start(2);

    if (cli.isSet(QStringLiteral("one-way"))) {
        const std::vector<double> v = oneWayLatencies(bursts);
        if (v.size() != size_t(bursts)) {
            return 1;
        }
        std::printf("client Opus frames %d ms\n", g_opusFrameMs);
        printLatencies("one-way (endpoint to endpoint, same process)", v);
        return 0;
    }

    QProcess emulatorProcess;
    emulatorProcess.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    emulatorProcess.start(QCoreApplication::applicationFilePath(), {QStringLiteral("--serve")});
    if (!emulatorProcess.waitForReadyRead(20000)) {
        std::fprintf(stderr, "the emulator process did not start\n");
        return 1;
    }
    const int port = emulatorProcess.readLine().trimmed().toInt();
    const qint64 emulatorPid = emulatorProcess.processId();
    const auto stopEmulator = [&] {
        emulatorProcess.terminate();
        emulatorProcess.waitForFinished(5000);
    };

    wcs::SessionOptions options;
    options.url = QUrl(QStringLiteral("ws://127.0.0.1:%1").arg(port));
    options.autoReconnect = false;
    options.connection.sipLogin = QStringLiteral("1000");
    options.connection.sipDomain = QStringLiteral("bench.callboard");
    wcs::Session session(options);
    session.open();
    if (!waitUntil([&] { return session.status() == core::SessionStatus::Registered; }, 10000)) {
        std::fprintf(stderr, "no session with the emulator\n");
        stopEmulator();
        return 1;
    }
    std::printf("echo bench: emulator pid %lld on port %d, client pid %lld, client Opus frames "
                "%d ms complexity %d, echo Opus frames 10 ms\n",
                emulatorPid, port, qint64(QCoreApplication::applicationPid()), g_opusFrameMs,
                g_opusComplexity);

    // --- 1. latency: tone bursts through one echo call ---
    // Spread over several calls: each call's clocked stages (capture blocks, Opus frames, the
    // mixers, the echo loopback) fall into a new phase relation, which a single call keeps.
    std::vector<double> latencies;
    for (int c = 0; c < latencyCalls; ++c) {
        const int n = bursts / latencyCalls + (c < bursts % latencyCalls ? 1 : 0);
        EchoCall call(session, true);
        BurstTimer timer;
        call.onLevel = [&timer](double db) { timer.level(db); };
        const std::vector<double> v =
            timer.run(n, [&call](bool muted) { call.endpoint().setMuted(muted); });
        if (v.size() != size_t(n)) {
            stopEmulator();
            return 1;
        }
        latencies.insert(latencies.end(), v.begin(), v.end());
    }
    printLatencies("mouth-to-ear of the echo test (loopback)", latencies);

    // --- 2. CPU: one established call as the app configures it, then no call ---
    double clientCpu = 0;
    {
        EchoCall call(session, false);
        if (!waitUntil([&] { return call.level() > kHeard; }, 15000)) {
            std::fprintf(stderr, "the CPU call heard no echo\n");
            stopEmulator();
            return 1;
        }
        wake.stop();
        const double selfBefore = selfCpuSeconds();
        const double emuBefore = processCpuSeconds(emulatorPid);
        QElapsedTimer wall;
        wall.start();
        idleMs(cpuSeconds * 1000);
        const double seconds = double(wall.nsecsElapsed()) / 1e9;
        clientCpu = (selfCpuSeconds() - selfBefore) / seconds * 100.0;
        const double emu = (processCpuSeconds(emulatorPid) - emuBefore) / seconds * 100.0;
        wake.start(2);
        std::printf("CPU with 1 Opus call over %.1f s: client %.2f%% of one core, emulator (echo "
                    "side) %.2f%% of one core\n",
                    seconds, clientCpu, emu);
    }
    sleepMs(500);
    {
        wake.stop();
        const double selfBefore = selfCpuSeconds();
        QElapsedTimer wall;
        wall.start();
        idleMs(std::min(cpuSeconds, 3) * 1000);
        const double seconds = double(wall.nsecsElapsed()) / 1e9;
        wake.start(2);
        std::printf("CPU with no call: client %.2f%% of one core\n",
                    (selfCpuSeconds() - selfBefore) / seconds * 100.0);
    }

    // --- 3. memory: C simultaneous calls ---
    const qint64 selfBefore = rssKiB();
    const qint64 emuBefore = rssKiB(emulatorPid);
    std::vector<std::unique_ptr<EchoCall>> calls;
    for (int i = 0; i < callCount; ++i) {
        calls.push_back(std::make_unique<EchoCall>(session, false));
    }
    const bool allHeard = waitUntil(
        [&] {
            return std::all_of(calls.begin(), calls.end(),
                               [](const auto& c) { return c->level() > kHeard; });
        },
        30000);
    sleepMs(1000);
    const qint64 selfAfter = rssKiB();
    const qint64 emuAfter = rssKiB(emulatorPid);
    std::printf("memory, %d simultaneous calls%s: client %.0f KiB per call (RSS %lld -> %lld "
                "KiB), emulator %.0f KiB per call (RSS %lld -> %lld KiB)\n",
                callCount, allHeard ? "" : " (NOT all heard their echo)",
                double(selfAfter - selfBefore) / callCount, selfBefore, selfAfter,
                double(emuAfter - emuBefore) / callCount, emuBefore, emuAfter);
    calls.clear();
    sleepMs(300);
    session.close();
    stopEmulator();

    const double median = percentile(latencies, 0.5);
    std::printf("targets: mouth-to-ear <= 60 ms: %s (median %.1f ms); CPU < 5%% of a core per "
                "Opus call: %s (%.2f%%)\n",
                median <= 60.0 ? "met" : "MISSED", median, clientCpu < 5.0 ? "met" : "MISSED",
                clientCpu);
    return allHeard ? 0 : 1;
}
