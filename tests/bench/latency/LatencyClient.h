#pragma once

#include <QByteArray>
#include <QProcess>
#include <QString>

#include <map>
#include <vector>

namespace bench {

/// The client half of the latency bench: starts the emulator process (this executable with
/// --serve), connects the app's stream path to it (wcs::Session -> services::WcsBinding ->
/// services::StreamMonitor -> models::StreamTableModel, plus the journal sink), plays the probe
/// stream and the load streams, then runs the idle phase (probes only) and the loaded phase
/// (probes + `rate` events/s) and prints the latency of each.
class LatencyClient {
public:
    struct Options {
        int streams = 1000;   ///< load streams (players)
        int probes = 2000;    ///< probes per phase
        int intervalMs = 20;  ///< between probes
        double rate = 5000;   ///< load events/s in the loaded phase
        int warmupMs = 250;   ///< load before the first probe
        bool noDelay = false; ///< --nodelay: the emulator's sockets send without Nagle
        bool journal = true;  ///< History + EventLogModel on every event, as the app
    };

    explicit LatencyClient(Options options);

    /// Runs everything; the process exit code (0, or 1 on a functional error).
    int run();

private:
    /// One probe as seen by the client (CLOCK_MONOTONIC ns; 0 = not seen).
    struct Probe {
        qint64 sentNs = 0;    ///< handed to the emulator's socket
        qint64 appliedNs = 0; ///< decoded and applied to StreamMonitor
        qint64 shownNs = 0;   ///< dataChanged() covering the badge's row shows it (or a later one)
        bool superseded = false; ///< a later probe reached the badge in the same tick
    };
    struct Phase {
        QByteArray name;
        double rate = 0;
        qint64 firstSeq = 0; ///< seqs firstSeq .. firstSeq + probes - 1
        bool done = false;
        qint64 loadSent = 0;
        double loadSeconds = 0;
    };

    /// Parses the emulator's stdout lines (ServeDriver's `port`, `sent`, `done`, `error`).
    void readEmulator();
    /// Runs one phase and prints it; false on a functional error.
    bool runPhase(Phase& phase);
    /// The badge's row shows probe `seq` at `ns` (from the dataChanged() slot).
    void shown(qint64 seq, bool statusMatches, qint64 ns);

    Options m_o;
    QProcess m_emulator;
    int m_port = 0;
    int m_errors = 0; ///< `error` lines from the emulator
    std::map<qint64, Probe> m_probes;
    Phase* m_current = nullptr;
    qint64 m_nextSeq = 1;   ///< the emulator's next probe seq
    qint64 m_lastShown = 0; ///< highest probe seq the badge has shown
    qint64 m_applied = 0;   ///< status events applied to StreamMonitor (probes and load)
    int m_statusMismatches = 0;
};

} // namespace bench
