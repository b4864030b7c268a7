#pragma once

#include <QByteArray>
#include <QString>

namespace soak {

/// The emulator scenario of the soak (format: src/emulator/SCENARIO.md).
///
/// * `streams` background streams `soak-0000`... (audio and video, no background viewers),
///   first published 5 ms apart, each up for `upMs(i)` and down for `downMs(i)`, ending in
///   turn with UNPUBLISHED and FAILED "Failed by RTP activity" (`end: "alternate"`).
/// * Every callee (calls.defaultCallee) rings after 100 ms and answers after 400 ms; it hangs
///   up by itself after 60 s if the client has not (a call the client lost in a drop).
/// * Server timeline: `drop` (TCP abort, no close frame) of every session every
///   `reconnectEveryMs` ms, first at `reconnectEveryMs`; 0 = no drops.
/// * Keep-alive grace 60 s, registration after 50 ms, any SIP login registers.
struct SoakScenario {
    int streams = 1000;
    int reconnectEveryMs = 60000;
    /// Up time of stream `i` (ms): 20 to 40 s, spread over the streams.
    static int upMs(int i) { return 20000 + (i * 7919) % 20000; }
    /// Down time of stream `i` (ms): 3 to 7 s, spread over the streams.
    static int downMs(int i) { return 3000 + (i * 104729) % 4000; }
    /// Name of stream `i`.
    static QString name(int i) { return QStringLiteral("soak-%1").arg(i, 4, 10, QLatin1Char('0')); }
    /// The callee number the client dials.
    static QString callee() { return QStringLiteral("2000"); }

    /// The scenario as JSON text.
    QByteArray toJson() const;
};

} // namespace soak
