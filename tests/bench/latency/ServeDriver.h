#pragma once

#include <QByteArray>
#include <QObject>
#include <QSocketNotifier>
#include <QStringList>
#include <QTimer>

#include <vector>

namespace emulator {
class EmulatorServer;
}

namespace bench {

/// The emulator-side half of the latency bench (runs in the --serve process): changes the
/// status of the client's players with the control action `streamStatus`
/// (EmulatorServer::execute(), the path of the control endpoint and the timeline) and reports
/// when each probe frame was handed to the socket.
///
/// Input, one line on stdin: `run <phase> <probes> <intervalMs> <rate> <warmupMs>`:
/// * load: from now on `rate` status events/s (1 ms precise timer; what is due is sent, at
///   most 50 ms worth at once after a stall), round-robin over the client's players of the
///   "load-*" streams, each toggling PLAYING <-> PAUSED;
/// * probes: after `warmupMs` ms, every `intervalMs` ms the client's player of "probe" toggles
///   PAUSED (odd seq) <-> PLAYING (even seq) with info "probe <seq>" (seq counts on across
///   phases), `probes` times; then the load stops.
///
/// Output on stdout, one line each, flushed at once:
/// * `sent <seq> <ns>`: CLOCK_MONOTONIC when probe `seq`'s frame was handed to the socket
///   (EmulatorServer::frameSent);
/// * `done <phase> <load events sent> <seconds of load>` after the last probe;
/// * `error <text>` when an action fails or there is no probe player.
/// End of stdin quits the event loop.
class ServeDriver : public QObject {
    Q_OBJECT

public:
    explicit ServeDriver(emulator::EmulatorServer& server, QObject* parent = nullptr);

    /// true: at each `run`, set TCP_NODELAY on every TCP socket of this process (the client's
    /// connection included), so the emulator's frames leave without Nagle's algorithm, as from
    /// a server that disables it. The emulator itself leaves Qt's default (Nagle on).
    void setNoDelay(bool on) { m_noDelay = on; }

private:
    void readStdin();
    bool resolve();
    void run(const QByteArray& phase, int probes, int intervalMs, double rate, int warmupMs);
    void setStatus(const QString& mediaSessionId, const char* status, const QString& info);
    void probe();
    void load();
    void frameSent(int conn, const QByteArray& frame);
    void disableNagle();

    emulator::EmulatorServer& m_server;
    QSocketNotifier m_stdin;
    QByteArray m_in;
    QTimer m_probeTimer;
    QTimer m_loadTimer;
    QString m_probeId;
    QByteArray m_probeKey; ///< m_probeId in UTF-8, searched for in every outgoing frame
    QStringList m_loadIds;
    std::vector<bool> m_loadPaused;
    QByteArray m_phase;
    int m_probesLeft = 0;
    qint64 m_seq = 0;
    double m_rate = 0;
    qint64 m_loadSent = 0;
    qint64 m_loadStartNs = 0;
    bool m_noDelay = false;
};

} // namespace bench
