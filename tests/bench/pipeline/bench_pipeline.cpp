// Event pipeline benchmark, Callboard side: the frames of a recorded-like trace
// (gen-trace.mjs) go from a loopback WebSocket server (TraceServer, its own thread) through
// wcs::Session's real receive path (QWebSocket -> Codec::decode -> domain signals), then
// services::WcsBinding into services::CallService / StreamMonitor / SessionMonitor, then
// models::CallListModel / StreamTableModel (their frame timers run: the event loop is live),
// headless. Prints frames/s over the whole feed (first frame sent -> end marker decoded), CPU
// time of the process and peak RSS, then checks the final state against the trace manifest:
// every stream and call in the status the trace leaves it in, row counts, pongs, no illegal
// transition, no dropped frame. Exits 1 when a check fails.
//
// Set-up (not timed): the session is opened and ESTABLISHED; every trace stream is published /
// played through WcsBinding with its trace mediaSessionId (placeholder SDP: no media engine),
// so that the StreamMonitor holds a PENDING row for it, as the app does before the server
// reports the stream. Calls come to CallService with their first event (notifyTryingResponse /
// notifyIncomingCall), as for the app. No journal (History) is attached.
//
// --journal: the same pipeline with a journal sink attached, as in the desktop app: WcsBinding
// builds a services::JournalEntry (type, objectId, status, compact JSON) for every domain event,
// and the sink appends it to a models::EventLogModel (the app also writes it to SQLite through
// History, which this bench leaves out). Also checks the number of entries journaled during the
// feed (one per stream status, call status, data status, OnDataEvent and registration frame) and
// that each entry shown in the log model carries its own type, status and object id in its JSON.
//
// --transport-only: the same trace to a bare QWebSocket that only counts frames (the ceiling
// the loopback transport alone allows on this machine).
//
// Usage: callboard-bench-pipeline --trace <trace.jsonl> [--rounds R] [--journal | --transport-only]
#include "TraceServer.h"
#include "core/Clock.h"
#include "models/CallListModel.h"
#include "models/EventLogModel.h"
#include "models/StreamTableModel.h"
#include "services/CallService.h"
#include "services/SessionMonitor.h"
#include "services/StreamMonitor.h"
#include "services/WcsBinding.h"
#include "wcs/Session.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QThread>
#include <QTimer>
#include <QWebSocket>

#include <sys/resource.h>

#include <algorithm>
#include <cstdio>
#include <ctime>
#include <memory>
#include <vector>

using namespace Qt::Literals::StringLiterals;

namespace {

long peakRssKiB() {
    rusage u{};
    getrusage(RUSAGE_SELF, &u);
    return u.ru_maxrss;
}

/// CPU time of the whole process in seconds (both threads: client and trace server).
double processCpuSeconds() {
    timespec ts{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return double(ts.tv_sec) + double(ts.tv_nsec) / 1e9;
}

/// CPU time of the calling (client) thread in seconds.
double threadCpuSeconds() {
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return double(ts.tv_sec) + double(ts.tv_nsec) / 1e9;
}

/// Runs the event loop until `done()` or `timeoutMs`; returns done().
template <typename F> bool waitFor(F done, int timeoutMs) {
    QElapsedTimer t;
    t.start();
    while (!done() && t.elapsed() < timeoutMs) {
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 20);
    }
    return done();
}

/// The trace server in its own thread, loaded and listening.
class ServerThread {
public:
    explicit ServerThread(const QString& trace) {
        m_error = m_server.load(trace);
        if (m_error.isEmpty()) {
            m_error = m_server.listen();
        }
        m_server.moveToThread(&m_thread);
        m_thread.start();
    }
    ~ServerThread() {
        QMetaObject::invokeMethod(
            &m_server, [this] { m_server.moveToThread(QCoreApplication::instance()->thread()); },
            Qt::BlockingQueuedConnection);
        m_thread.quit();
        m_thread.wait();
    }
    ServerThread(const ServerThread&) = delete;
    ServerThread& operator=(const ServerThread&) = delete;

    const QString& error() const { return m_error; }
    bench::TraceServer& server() { return m_server; }
    void start() {
        QMetaObject::invokeMethod(
            &m_server, [this] { m_server.start(); }, Qt::QueuedConnection);
    }

private:
    bench::TraceServer m_server;
    QThread m_thread;
    QString m_error;
};

struct Manifest {
    QJsonObject root;
    int frames = 0;
    QString endMarker;
    int count(const char* message) const {
        return root.value("counts"_L1).toObject().value(QLatin1StringView(message)).toInt();
    }
};

bool readManifest(const QString& trace, Manifest& m) {
    QFile f(trace + ".manifest.json"_L1);
    if (!f.open(QIODevice::ReadOnly)) {
        std::fprintf(stderr, "cannot read %s.manifest.json\n", qPrintable(trace));
        return false;
    }
    m.root = QJsonDocument::fromJson(f.readAll()).object();
    m.frames = m.root.value("frames"_L1).toInt();
    m.endMarker = m.root.value("endMarker"_L1).toString();
    return m.frames > 0;
}

struct Result {
    double seconds = 0;
    double cpuSeconds = 0;       ///< whole process (client + server thread)
    double clientCpuSeconds = 0; ///< client (main) thread only
    QStringList errors;
};

/// Checks the log model's rows: each entry's JSON is an object whose type, status and object
/// id (first of mediaSessionId, callId, sessionId, id) are the entry's own columns.
void checkJournalRows(const models::EventLogModel& log, QStringList& errors) {
    for (int row = 0; row < log.rowCount() && errors.size() < 10; ++row) {
        const services::JournalEntry& e = log.entryAt(row);
        const QJsonObject o = QJsonDocument::fromJson(e.json).object();
        QString objectId;
        for (const char* key : {"mediaSessionId", "callId", "sessionId", "id"}) {
            objectId = o.value(QLatin1StringView(key)).toString();
            if (!objectId.isEmpty()) {
                break;
            }
        }
        if (o.value("type"_L1).toString() != e.type || e.type.isEmpty() ||
            o.value("status"_L1).toString() != e.status || objectId != e.objectId) {
            errors << u"journal row %1 does not match its JSON: %2"_s.arg(row).arg(
                QString::fromUtf8(e.json.left(200)));
        }
    }
}

/// One round through the whole pipeline (`journal`: with a journal sink, see --journal).
Result runPipeline(const QString& trace, const Manifest& m, bool journal) {
    Result r;
    ServerThread st(trace);
    if (!st.error().isEmpty()) {
        r.errors << st.error();
        return r;
    }
    auto clock = std::make_shared<core::SystemClock>();
    const QString account = u"bench-account"_s;
    services::CallService calls(clock);
    services::StreamMonitor streams(clock);
    services::SessionMonitor sessions(clock);
    models::CallListModel callModel(&calls, clock);
    models::StreamTableModel streamModel(&streams, clock);

    wcs::SessionOptions o;
    o.url = QUrl(u"ws://127.0.0.1:%1"_s.arg(st.server().port()));
    o.autoReconnect = false;
    o.watchdogMs = 0;
    wcs::Session session(o);
    services::WcsBinding binding(account, session, calls, streams, sessions, clock);
    models::EventLogModel eventLog;
    qint64 journaled = 0;
    if (journal) {
        binding.setJournal([&](const services::JournalEntry& e) {
            ++journaled;
            eventLog.append(e);
        });
    }

    int warnings = 0;
    QString firstWarning;
    QObject::connect(&session, &wcs::Session::protocolWarning,
                     [&](const QString& reason, const QByteArray&) {
                         if (warnings++ == 0) {
                             firstWarning = reason;
                         }
                     });
    int dataEvents = 0;
    bool ended = false;
    QElapsedTimer timer;
    double cpu0 = 0;
    double threadCpu0 = 0;
    QObject::connect(&session, &wcs::Session::dataReceived, [&](const core::OnDataEvent& e) {
        ++dataEvents;
        if (e.operationId == m.endMarker) {
            r.seconds = double(timer.nsecsElapsed()) / 1e9;
            r.cpuSeconds = processCpuSeconds() - cpu0;
            r.clientCpuSeconds = threadCpuSeconds() - threadCpu0;
            ended = true;
        }
    });

    session.open();
    if (!waitFor([&] { return session.status() == core::SessionStatus::Established; }, 10000)) {
        r.errors << u"session not ESTABLISHED"_s;
        return r;
    }
    const QJsonArray streamList = m.root.value("streams"_L1).toArray();
    for (const QJsonValue& v : streamList) {
        const QJsonObject s = v.toObject();
        wcs::StreamRequest req;
        req.mediaSessionId = s.value("id"_L1).toString();
        req.name = s.value("name"_L1).toString();
        const QString id =
            s.value("published"_L1).toBool() ? binding.publishStream(req) : binding.playStream(req);
        if (id != req.mediaSessionId) {
            r.errors << u"could not start stream %1"_s.arg(req.mediaSessionId);
            return r;
        }
    }
    // Let the set-up settle (frames out, model rows in) before timing.
    waitFor([&] { return st.server().framesReceived() > int(streamList.size()); }, 10000);
    QCoreApplication::processEvents();

    const qint64 journaledBefore = journaled;
    cpu0 = processCpuSeconds();
    threadCpu0 = threadCpuSeconds();
    timer.start();
    st.start();
    if (!waitFor([&] { return ended; }, 600000)) {
        r.errors << u"end marker not received (%1 of %2 frames sent)"_s
                        .arg(st.server().framesSent())
                        .arg(m.frames);
        return r;
    }

    // --- check: the models end where the trace leaves them ---
    const int pings = m.count("ping");
    waitFor([&] { return st.server().pongsReceived() >= pings; }, 5000);
    QElapsedTimer settle; // let the models' frame timers pick up the last changes
    settle.start();
    waitFor([&] { return settle.elapsed() > 100; }, 200);
    auto expect = [&](const QString& what, qint64 got, qint64 want) {
        if (got != want) {
            r.errors << u"%1: %2, expected %3"_s.arg(what).arg(got).arg(want);
        }
    };
    for (const QJsonValue& v : streamList) {
        const QJsonObject s = v.toObject();
        const int row = streams.rowOf(s.value("id"_L1).toString());
        const QString got = row < 0 ? u"(none)"_s : streams.at(row).statusText();
        if (got != s.value("status"_L1).toString()) {
            r.errors << u"stream %1: %2, expected %3"_s.arg(s.value("id"_L1).toString(), got,
                                                            s.value("status"_L1).toString());
        }
    }
    const QJsonArray callList = m.root.value("calls"_L1).toArray();
    for (const QJsonValue& v : callList) {
        const QJsonObject c = v.toObject();
        const services::CallRecord* rec = calls.find(account, c.value("callId"_L1).toString());
        const QString got = rec ? QString(core::toWire(rec->status)) : u"(none)"_s;
        if (got != c.value("status"_L1).toString()) {
            r.errors << u"call %1: %2, expected %3"_s.arg(c.value("callId"_L1).toString(), got,
                                                          c.value("status"_L1).toString());
        }
    }
    expect(u"stream rows (StreamMonitor)"_s, streams.size(), streamList.size());
    expect(u"stream rows (StreamTableModel)"_s, streamModel.rowCount(), streamList.size());
    expect(u"call rows (CallListModel)"_s, callModel.rowCount(), callList.size());
    expect(u"illegal stream transitions"_s, qint64(streams.illegalTransitions()), 0);
    expect(u"illegal call transitions"_s, qint64(calls.illegalTransitions()), 0);
    expect(u"OnDataEvent received"_s, dataEvents, m.count("OnDataEvent"));
    expect(u"pongs"_s, st.server().pongsReceived(), pings);
    if (warnings > 0) {
        r.errors << u"%1 frames dropped, first: %2"_s.arg(warnings).arg(firstWarning);
    }
    if (journal) {
        qint64 want = 0;
        for (const char* message :
             {"registered", "notifyStreamStatusEvent", "OnDataEvent", "DataStatusEvent",
              "notifyIncomingCall", "notifyTryingResponse", "ring", "talk", "hold", "finish"}) {
            want += m.count(message);
        }
        expect(u"journal entries during the feed"_s, journaled - journaledBefore, want);
        expect(u"journal rows shown (EventLogModel)"_s, eventLog.rowCount(),
               std::min<qint64>(journaled, eventLog.capacity()));
        checkJournalRows(eventLog, r.errors);
    }
    session.close();
    return r;
}

/// One round through the loopback transport only: a bare QWebSocket that counts frames.
Result runTransportOnly(const QString& trace, const Manifest& m) {
    Result r;
    ServerThread st(trace);
    if (!st.error().isEmpty()) {
        r.errors << st.error();
        return r;
    }
    QWebSocket client;
    int received = 0;
    bool established = false;
    QElapsedTimer timer;
    double cpu0 = 0;
    double threadCpu0 = 0;
    QObject::connect(&client, &QWebSocket::connected, [&] {
        client.sendTextMessage(uR"({"message":"connection","data":[{"appKey":"defaultApp"}]})"_s);
    });
    QObject::connect(&client, &QWebSocket::textMessageReceived, [&](const QString& text) {
        if (!established) {
            established = text.contains("getUserData"_L1);
            return;
        }
        if (++received == m.frames) {
            r.seconds = double(timer.nsecsElapsed()) / 1e9;
            r.cpuSeconds = processCpuSeconds() - cpu0;
            r.clientCpuSeconds = threadCpuSeconds() - threadCpu0;
        }
    });
    client.open(QUrl(u"ws://127.0.0.1:%1"_s.arg(st.server().port())));
    if (!waitFor([&] { return established; }, 10000)) {
        r.errors << u"transport: no getUserData"_s;
        return r;
    }
    cpu0 = processCpuSeconds();
    threadCpu0 = threadCpuSeconds();
    timer.start();
    st.start();
    if (!waitFor([&] { return received == m.frames; }, 600000)) {
        r.errors << u"transport: received %1 of %2 frames"_s.arg(received).arg(m.frames);
    }
    client.close();
    return r;
}

} // namespace

int main(int argc, char* argv[]) {
    QCoreApplication app(argc, argv);
    QCommandLineParser p;
    p.setApplicationDescription(
        u"Event pipeline throughput: trace -> Session -> services -> models"_s);
    p.addOption({u"trace"_s, u"trace file (gen-trace.mjs), with its .manifest.json"_s, u"path"_s});
    p.addOption({u"rounds"_s, u"rounds (median reported)"_s, u"n"_s, u"1"_s});
    p.addOption({u"transport-only"_s, u"measure the loopback transport alone"_s});
    p.addOption({u"journal"_s, u"attach a journal sink (JournalEntry -> EventLogModel), as the "
                               u"desktop app does"_s});
    p.addHelpOption();
    p.process(app);
    const QString trace = p.value(u"trace"_s);
    Manifest m;
    if (trace.isEmpty() || !readManifest(trace, m)) {
        std::fprintf(stderr, "usage: callboard-bench-pipeline --trace <trace.jsonl> [--rounds R] "
                             "[--journal | --transport-only]\n");
        return 2;
    }
    const bool transportOnly = p.isSet(u"transport-only"_s);
    const bool journal = p.isSet(u"journal"_s);
    const char* label = transportOnly ? "transport" : journal ? "callboard_journal" : "callboard";
    std::vector<double> rates;
    const int rounds = std::max(1, p.value(u"rounds"_s).toInt());
    for (int i = 0; i < rounds; ++i) {
        const Result r =
            transportOnly ? runTransportOnly(trace, m) : runPipeline(trace, m, journal);
        if (!r.errors.isEmpty()) {
            std::fprintf(stderr, "%s check FAILED (%lld):\n  %s\n", label,
                         static_cast<long long>(r.errors.size()),
                         qPrintable(r.errors.mid(0, 10).join("\n  "_L1)));
            return 1;
        }
        const double fps = m.frames / r.seconds;
        rates.push_back(fps);
        std::printf("%s: frames=%d seconds=%.3f cpu_seconds=%.3f client_cpu_seconds=%.3f "
                    "frames_per_s=%.0f peak_rss_kib=%ld\n",
                    label, m.frames, r.seconds, r.cpuSeconds, r.clientCpuSeconds, fps,
                    peakRssKiB());
    }
    if (!transportOnly) {
        std::printf("%s check: ok (%lld streams, %lld calls)\n", label,
                    static_cast<long long>(m.root.value("streams"_L1).toArray().size()),
                    static_cast<long long>(m.root.value("calls"_L1).toArray().size()));
    }
    if (rounds > 1) {
        std::sort(rates.begin(), rates.end());
        std::printf("%s median: %.0f frames/s\n", label, rates[rates.size() / 2]);
    }
    return 0;
}
