#pragma once

#include "media/WebRtcEndpoint.h"

#include <QString>
#include <QStringList>

namespace media {

/// A WebRtcEndpoint that sends back what it receives: the echo test of a softphone, played by
/// the WCS emulator (src/emulator) for its echo callee. Signalling is the same as for any
/// WebRtcEndpoint (setRemoteDescription + createAnswer for a client's offer, or createOffer for
/// an incoming call), direction SendRecv.
///
/// Loopback. The decoded and mixed receive branch (48 kHz mono S16LE, after `outlevel`) ends in
/// `interaudiosink channel=<unique> sync=false`, and the send branch starts at `interaudiosrc` of
/// the same channel (gstreamer1.0-plugins-bad "inter" plugin), so the received audio is
/// re-encoded and sent back. interaudiosrc is live: it emits one kPeriodMs block per period,
/// silence while nothing arrived, and the shared buffer is capped at kBufferMs (older audio is
/// dropped), so the loopback adds between 0 and kBufferMs, typically one period. The sink does not
/// sync to the clock, so webrtcbin's jitter-buffer latency (a playout target for syncing sinks)
/// is not added on the echo side.
///
/// Each endpoint takes a fresh channel name (`callboard-echo-<process id>-<n>`): inter channels
/// are process-wide, two endpoints never share one.
class EchoEndpoint : public WebRtcEndpoint {
    Q_OBJECT

public:
    /// Length of one interaudiosrc block in milliseconds (`period-time`, also the latency it
    /// reports, `latency-time`).
    static constexpr int kPeriodMs = 10;
    /// Largest loopback backlog in milliseconds (`buffer-time`).
    static constexpr int kBufferMs = 20;
    /// Opus frames the echo sends back, in milliseconds (AudioEndpointConfig::opusFrameMs): half
    /// the default, which takes about 10 ms off the echo leg (tests/bench/README.md).
    static constexpr int kOpusFrameMs = 10;

    /// Offers/answers the default codecs of AudioEndpointConfig (an answer takes the first one
    /// the offer lists); `levelIntervalMs` as in AudioEndpointConfig::levelIntervalMs.
    explicit EchoEndpoint(QObject* parent = nullptr, int levelIntervalMs = 100);

    /// The configuration of an echo endpoint on inter channel `channel` (for tests and tools).
    static AudioEndpointConfig echoConfig(const QString& channel, int levelIntervalMs = 100);
    /// GStreamer element factories an echo endpoint needs on top of
    /// WebRtcEndpoint::requiredElements(false); Gst::missingElements() of both empty means
    /// echo endpoints can run.
    static QStringList requiredElements();

    /// The inter channel of this endpoint.
    QString channel() const { return m_channel; }

private:
    EchoEndpoint(QString channel, QObject* parent, int levelIntervalMs);

    QString m_channel;
};

} // namespace media
