// Stream monitor at scale: N streams in services::StreamMonitor + models::StreamTableModel, then
// a burst of M StreamStatusEvents (status changes and field updates over all streams). Prints:
//   * events/s applied: time inside StreamMonitor::apply() only, wall and thread CPU (the
//     events are built a chunk at a time beforehand, with fresh strings, as a decoder hands
//     them over; the machine may be shared, so wall time includes waiting for a core),
//   * memory per stream (RSS delta / streams),
//   * model signals emitted and the longest event-loop stall while the burst is applied in
//     chunks with the event loop running between chunks (a 1 ms precise timer records the
//     gaps between its ticks, in wall time and in this thread's CPU time),
//     once with a "view attached" simulation (signal counters) and once with a real QTableView
//     on the offscreen platform (when built with Qt Widgets).
// Usage: callboard-bench-stream-model [--streams N] [--events M] [--chunk C]
#include "core/Clock.h"
#include "models/StreamTableModel.h"
#include "services/StreamMonitor.h"

#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QFile>
#include <QThread>
#include <QTimer>

#ifdef CALLBOARD_BENCH_WIDGETS
#include <QApplication>
#include <QHeaderView>
#include <QTableView>
#else
#include <QCoreApplication>
#endif

#include <algorithm>
#include <cstdio>
#include <ctime>
#include <memory>
#include <vector>

using core::StreamStatus;
using namespace Qt::Literals::StringLiterals;

namespace {

/// Resident set size of this process in KiB (/proc/self/status VmRSS).
qint64 rssKiB(const char* key = "VmRSS:") {
    QFile f(u"/proc/self/status"_s);
    if (!f.open(QIODevice::ReadOnly)) {
        return -1;
    }
    for (const QByteArray& line : f.readAll().split('\n')) {
        if (line.startsWith(key)) {
            return line.mid(qstrlen(key)).trimmed().split(' ').first().toLongLong();
        }
    }
    return -1;
}

/// CPU time of this thread in seconds (the machine is shared: wall time includes waiting).
double threadCpuSeconds() {
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return double(ts.tv_sec) + double(ts.tv_nsec) / 1e9;
}

/// xorshift64: fast, reproducible.
struct Rng {
    quint64 s = 0x9E3779B97F4A7C15ULL;
    quint64 next() {
        s ^= s << 13;
        s ^= s >> 7;
        s ^= s << 17;
        return s;
    }
};

/// Fresh (unshared) copy, as a decoder would produce.
QString fresh(const QString& s) {
    return QString(s.constData(), s.size());
}

/// The ids and names of the streams, made from the stream number each time they are needed:
/// every event carries freshly allocated strings, as a decoder hands them over, and the bench
/// keeps no table of its own in the measured memory.
struct Streams {
    int count = 0;
    static QString id(int i) {
        // UUID-shaped, 36 characters, like WCS mediaSessionIds
        return u"%1-5b1c-4e8e-9c1d-%2"_s.arg(i, 8, 16, QLatin1Char('0'))
            .arg(quint64(i) * 2654435761ULL % 0xffffffffffffULL, 12, 16, QLatin1Char('0'));
    }
    static QString name(int i) { return u"camera-%1"_s.arg(i); }
};

/// First sighting of stream `i`, every field a fresh allocation.
core::StreamStatusEvent firstEvent(int i) {
    core::StreamStatusEvent e;
    e.mediaSessionId = Streams::id(i);
    e.name = Streams::name(i);
    const bool publisher = i % 3 == 0;
    e.status = publisher ? StreamStatus::Publishing : StreamStatus::Playing;
    e.published = publisher;
    e.hasAudio = true;
    e.hasVideo = i % 5 != 0;
    e.width = 1280;
    e.height = 720;
    e.bitrate = 1500 + i % 1000;
    e.mediaProvider = fresh(u"WebRTC"_s);
    e.nodeId = u"wcs-node-%1.example.net"_s.arg(i % 4);
    e.appKey = fresh(u"defaultApp"_s);
    e.sessionId =
        u"/192.168.%1.%2:%3/10.0.0.1:8443"_s.arg(i / 250 % 250).arg(i % 250).arg(40000 + i % 20000);
    return e;
}

/// The burst generator: keeps its own copy of each stream's status (so that generating an
/// event does not touch the monitor's memory) and builds events a chunk at a time, as a
/// decoder hands over a batch of frames.
class Burst {
public:
    explicit Burst(const Streams& streams)
        : m_state(size_t(streams.count)) {
        for (size_t i = 0; i < m_state.size(); ++i) {
            m_state[i] = i % 3 == 0 ? StreamStatus::Publishing : StreamStatus::Playing;
        }
    }

    /// ~30% status changes along legal edges, ~20% RESIZE (fields only), ~50% bitrate updates.
    void fill(std::vector<core::StreamStatusEvent>& out, int n) {
        out.clear();
        for (int i = 0; i < n; ++i) {
            out.push_back(next());
        }
    }

private:
    core::StreamStatusEvent next() {
        const quint64 r = m_rng.next();
        const size_t row = size_t(r % quint64(m_state.size()));
        core::StreamStatusEvent e;
        e.mediaSessionId = Streams::id(int(row));
        e.name = Streams::name(int(row));
        const int kind = static_cast<int>((r >> 32) % 10);
        const bool publisher = row % 3 == 0;
        StreamStatus& state = m_state[row];
        if (kind < 3) {
            switch (state) {
            case StreamStatus::Paused:
                state = publisher ? StreamStatus::Publishing : StreamStatus::Playing;
                break;
            case StreamStatus::Playing:
                state = kind == 0 ? StreamStatus::PlaybackProblem : StreamStatus::Paused;
                break;
            case StreamStatus::PlaybackProblem:
                state = StreamStatus::Playing;
                break;
            default:
                state = StreamStatus::Paused;
                break;
            }
            e.status = state;
            e.info = kind == 0 ? u"Bandwidth drop"_s : QString();
        } else if (kind < 5) {
            e.status = StreamStatus::Resize;
            e.width = 640 + static_cast<int>(r >> 40) % 1280;
            e.height = 360 + static_cast<int>(r >> 48) % 720;
        } else {
            e.status = state;
            e.bitrate = static_cast<int>((r >> 24) % 8000);
        }
        return e;
    }

    std::vector<StreamStatus> m_state;
    Rng m_rng;
};

/// Applies `events`; returns {wall s, CPU s} spent in StreamMonitor::apply().
std::pair<double, double> applyAll(services::StreamMonitor& m,
                                   const std::vector<core::StreamStatusEvent>& events) {
    QElapsedTimer t;
    const double cpu0 = threadCpuSeconds();
    t.start();
    for (const auto& e : events) {
        m.apply(e, services::SourceRestHook);
    }
    return {double(t.nsecsElapsed()) / 1e9, threadCpuSeconds() - cpu0};
}

struct Signals {
    quint64 dataChanged = 0;
    quint64 rowsInserted = 0;
    quint64 resets = 0;
    quint64 dataChangedRows = 0;
};

struct BurstResult {
    double seconds = 0;      ///< wall time inside apply()
    double cpuSeconds = 0;   ///< CPU time inside apply()
    double totalSeconds = 0; ///< wall time of the whole burst (generation, frames, paints)
    qint64 maxGapMs = 0;     ///< longest wall gap between 1 ms ticks
    double maxCpuGapMs = 0;  ///< most CPU this thread used between two ticks
    Signals sig;
};

/// Applies `events` events in chunks of `chunk`, one chunk per event-loop pass, with a 1 ms
/// timer measuring the longest gap between its ticks.
BurstResult runBurst(services::StreamMonitor& monitor, models::StreamTableModel& model,
                     Burst& burst, int events, int chunk) {
    BurstResult res;
    QMetaObject::Connection c1 = QObject::connect(
        &model, &QAbstractItemModel::dataChanged, [&](const QModelIndex& a, const QModelIndex& b) {
            ++res.sig.dataChanged;
            res.sig.dataChangedRows += quint64(b.row() - a.row() + 1);
        });
    QMetaObject::Connection c2 = QObject::connect(&model, &QAbstractItemModel::rowsInserted,
                                                  [&] { ++res.sig.rowsInserted; });
    QMetaObject::Connection c3 =
        QObject::connect(&model, &QAbstractItemModel::modelReset, [&] { ++res.sig.resets; });
    QElapsedTimer clock;
    QTimer probe;
    probe.setTimerType(Qt::PreciseTimer);
    probe.setInterval(1);
    qint64 last = 0;
    double lastCpu = threadCpuSeconds();
    QObject::connect(&probe, &QTimer::timeout, [&] {
        const qint64 now = clock.elapsed();
        const double cpu = threadCpuSeconds();
        res.maxGapMs = std::max(res.maxGapMs, now - last);
        res.maxCpuGapMs = std::max(res.maxCpuGapMs, (cpu - lastCpu) * 1000);
        last = now;
        lastCpu = cpu;
    });
    int applied = 0;
    std::vector<core::StreamStatusEvent> batch;
    QTimer feeder;
    feeder.setInterval(0);
    QObject::connect(&feeder, &QTimer::timeout, [&] {
        const int n = std::min(chunk, events - applied);
        burst.fill(batch, n);
        const auto [wall, cpu] = applyAll(monitor, batch);
        res.seconds += wall;
        res.cpuSeconds += cpu;
        applied += n;
        if (applied >= events) {
            feeder.stop();
            res.totalSeconds = double(clock.nsecsElapsed()) / 1e9;
            // let the last frame and a few probe ticks run, then stop
            QTimer::singleShot(100, [] { QCoreApplication::exit(0); });
        }
    });
    clock.start();
    probe.start();
    feeder.start();
    QCoreApplication::exec();
    QObject::disconnect(c1);
    QObject::disconnect(c2);
    QObject::disconnect(c3);
    return res;
}

void printBurst(const char* label, const BurstResult& r, int events, int chunk) {
    std::printf("%-34s %9.0f events/s applied wall, %9.0f CPU; whole burst %.2f s (chunks of "
                "%d, event loop between); longest stall %lld ms wall, %.1f ms CPU; dataChanged "
                "%llu (%llu rows), "
                "rowsInserted %llu, resets %llu\n",
                label, events / r.seconds, events / r.cpuSeconds, r.totalSeconds, chunk,
                static_cast<long long>(r.maxGapMs), r.maxCpuGapMs,
                static_cast<unsigned long long>(r.sig.dataChanged),
                static_cast<unsigned long long>(r.sig.dataChangedRows),
                static_cast<unsigned long long>(r.sig.rowsInserted),
                static_cast<unsigned long long>(r.sig.resets));
}

} // namespace

int main(int argc, char** argv) {
#ifdef CALLBOARD_BENCH_WIDGETS
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) {
        qputenv("QT_QPA_PLATFORM", "offscreen");
    }
    QApplication app(argc, argv);
#else
    QCoreApplication app(argc, argv);
#endif
    QCommandLineParser parser;
    parser.addHelpOption();
    parser.addOption({u"streams"_s, u"streams in the monitor"_s, u"N"_s, u"100000"_s});
    parser.addOption({u"events"_s, u"events in the burst"_s, u"M"_s, u"1000000"_s});
    parser.addOption({u"chunk"_s, u"events per event-loop pass"_s, u"C"_s, u"1000"_s});
    parser.process(app);
    const int nStreams = std::max(1, parser.value(u"streams"_s).toInt());
    const int nEvents = std::max(1, parser.value(u"events"_s).toInt());
    const int chunk = std::max(1, parser.value(u"chunk"_s).toInt());

    auto clock = std::make_shared<core::SystemClock>();
    services::StreamMonitor monitor(clock);
    models::StreamTableModel model(&monitor, clock);

    // ---- memory per stream -------------------------------------------------------------
    Streams streams{nStreams};
    const qint64 rss0 = rssKiB();
    QElapsedTimer t;
    t.start();
    for (int i = 0; i < nStreams; ++i) {
        monitor.apply(firstEvent(i), services::SourceRestHook);
    }
    const double populateS = double(t.nsecsElapsed()) / 1e9;
    QCoreApplication::processEvents();
    model.processFrame();
    const qint64 rss1 = rssKiB();

    std::printf("machine: %d hardware threads\n", QThread::idealThreadCount());
    std::printf("streams %d, burst %d events\n", nStreams, nEvents);
    std::printf("%-34s %9.0f streams/s\n", "populate (new streams)", nStreams / populateS);
    std::printf("%-34s %9.0f bytes/stream (RSS +%lld KiB)\n", "memory after populate",
                double(rss1 - rss0) * 1024.0 / nStreams, static_cast<long long>(rss1 - rss0));

    // ---- raw apply throughput (no event loop) --------------------------------------------
    Burst burst(streams);
    std::vector<core::StreamStatusEvent> batch;
    double applyS = 0;
    double applyCpuS = 0;
    for (int done = 0; done < nEvents; done += chunk) {
        burst.fill(batch, std::min(chunk, nEvents - done));
        const auto [wall, cpu] = applyAll(monitor, batch);
        applyS += wall;
        applyCpuS += cpu;
    }
    std::printf("%-34s %9.0f events/s wall, %9.0f events/s CPU (%.3f s, illegal %llu)\n",
                "apply, tight loop", nEvents / applyS, nEvents / applyCpuS, applyS,
                static_cast<unsigned long long>(monitor.illegalTransitions()));
    QCoreApplication::processEvents();
    t.restart();
    model.processFrame();
    std::printf("%-34s %9.1f ms (one frame after the tight loop: every row dirty)\n",
                "frame after 1M events", double(t.nsecsElapsed()) / 1e6);

    // ---- one-off costs that run inside the event loop ---------------------------------------
    t.restart();
    monitor.checkStale();
    std::printf("%-34s %9.1f ms (StreamMonitor's once-a-second stale scan)\n", "checkStale()",
                double(t.nsecsElapsed()) / 1e6);
    t.restart();
    model.refreshKeepAliveAges();
    std::printf("%-34s %9.1f ms (the model's once-a-second keep-alive column refresh)\n",
                "refreshKeepAliveAges()", double(t.nsecsElapsed()) / 1e6);

    // ---- chunked burst with the event loop running ----------------------------------------
    const BurstResult counted = runBurst(monitor, model, burst, nEvents, chunk);
    printBurst("burst, view simulated (counters)", counted, nEvents, chunk);
    const qint64 rss2 = rssKiB();
    std::printf("%-34s %9.0f bytes/stream (RSS +%lld KiB)\n", "memory after bursts",
                double(rss2 - rss0) * 1024.0 / nStreams, static_cast<long long>(rss2 - rss0));

#ifdef CALLBOARD_BENCH_WIDGETS
    {
        QTableView view;
        view.setModel(&model);
        view.verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
        view.resize(1400, 900);
        view.show();
        QCoreApplication::processEvents();
        t.restart();
        view.viewport()->repaint();
        std::printf("%-34s %9.1f ms (%d visible rows)\n", "QTableView full repaint",
                    double(t.nsecsElapsed()) / 1e6,
                    view.rowAt(view.viewport()->height()) - view.rowAt(0) + 1);
        const BurstResult viewed = runBurst(monitor, model, burst, nEvents, chunk);
        printBurst("burst, QTableView (offscreen)", viewed, nEvents, chunk);
    }
#else
    std::printf("burst, QTableView: skipped (built without Qt Widgets)\n");
#endif
    std::printf("%-34s %9lld KiB (VmHWM, whole process incl. the view's backing store)\n",
                "peak RSS", static_cast<long long>(rssKiB("VmHWM:")));
    return 0;
}
