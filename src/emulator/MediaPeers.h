#pragma once

#include <QHash>
#include <QObject>
#include <QPointer>
#include <QString>

#include <functional>

namespace media {
class WebRtcEndpoint;
}

namespace emulator {

/// The emulator's own webrtcbin endpoints for one client session (issue #7), keyed by callId or
/// mediaSessionId: an echo endpoint (media::EchoEndpoint) for the echo callee and for incoming
/// calls marked `echo`, a receive-only sink for `publishStream`, a send-only source for
/// `playStream`. Everything else keeps the fake SDP of SdpAnswerer.
///
/// Relay. A sink given a channel writes what it receives (decoded, 48 kHz mono) to
/// `interaudiosink channel=<channel>`; a source given the same channel sends it on
/// (`interaudiosrc`), so a player of a stream published with real audio hears the publisher.
/// An inter channel has one reader: a second source on a channel that is already read, and a
/// source without a channel, send the test tone kToneDescription instead.
///
/// Only offers that carry real WebRTC get an endpoint (isRealWebRtc()): the official SDK sends
/// its offer before ICE gathering (spec §15: no candidates) and Callboard's placeholder SDP has
/// none either, so conformance runs keep the fake answers; Callboard's media engine always
/// publishes complete descriptions with candidates.
///
/// Descriptions come asynchronously (webrtcbin gathers ICE first): answer() and offer() call
/// back with the SDP text on the Qt thread, or never when the endpoint failed first (then
/// failed() says why). An endpoint lives until remove(), clear() or the destruction of this
/// object.
class MediaPeers : public QObject {
    Q_OBJECT

public:
    enum class Kind {
        Echo,   ///< sendrecv, sends back what it receives
        Sink,   ///< recvonly, received audio goes to a fakesink or a relay channel (publish)
        Source, ///< sendonly, sends a relay channel or the test tone (play)
    };
    /// What a Source sends without a relay channel: a 440 Hz sine at about -14 dBov RMS.
    static constexpr const char* kToneDescription =
        "audiotestsrc is-live=true wave=sine freq=440 volume=0.3";
    using SdpCallback = std::function<void(const QString& sdp)>;

    explicit MediaPeers(QObject* parent = nullptr);
    ~MediaPeers() override;

    /// True when GStreamer and every element of an echo endpoint and a sink are installed
    /// (checked once per process); else the emulator answers with fake SDP and logs why once.
    static bool isAvailable();
    /// True when `sdp` is a complete WebRTC description: `a=ice-ufrag`, `a=ice-pwd`,
    /// `a=fingerprint` and at least one `a=candidate` (RFC 8839 §5.1, RFC 8122 §5).
    static bool isRealWebRtc(const QString& sdp);

    /// Creates a `kind` endpoint for `id`, applies the client's `offer` and answers it;
    /// `onAnswer(sdp)` follows once gathering completed. False (no endpoint) when media is not
    /// available or the offer cannot be applied at once. `channel` (Sink, Source): the relay
    /// channel (relayChannel()) written or read; empty = fakesink / test tone.
    bool answer(const QString& id, const QString& offer, Kind kind, SdpCallback onAnswer,
                const QString& channel = {});
    /// Creates an echo endpoint for `id` and offers (incoming call, spec §7.2);
    /// `onOffer(sdp)` follows once gathering completed. False when media is not available.
    bool offer(const QString& id, SdpCallback onOffer);
    /// Applies the client's answer to our offer for `id`. False when there is no endpoint or the
    /// answer is rejected at once (the endpoint is then removed).
    bool applyAnswer(const QString& id, const QString& answer);

    bool contains(const QString& id) const { return m_endpoints.contains(id); }
    /// Stops and deletes the endpoint of `id` (no-op when there is none).
    void remove(const QString& id);
    /// Stops and deletes every endpoint.
    void clear();
    int size() const { return static_cast<int>(m_endpoints.size()); }

    /// The relay channel of the publisher `mediaSessionId` (unique in the process).
    static QString relayChannel(const QString& mediaSessionId);
    /// Endpoints alive in every MediaPeers of the process (for tests: none left after a stop).
    static int liveEndpoints();
Q_SIGNALS:
    /// ICE and DTLS are up for `id` (media::PeerConnectionState::Connected).
    void connected(const QString& id);
    /// The endpoint of `id` failed (description rejected, pipeline error, ICE/DTLS failed);
    /// it is removed.
    void failed(const QString& id, const QString& reason);

private:
    media::WebRtcEndpoint* create(const QString& id, Kind kind, SdpCallback onDescription,
                                  const QString& channel);

    QHash<QString, QPointer<media::WebRtcEndpoint>> m_endpoints;
    QHash<QString, QString> m_readChannels; ///< id -> relay channel its Source reads
};

} // namespace emulator
