#pragma once

#include "media/AudioCodec.h"
#include "media/AudioEndpointConfig.h"
#include "media/MediaDirection.h"
#include "media/MediaStats.h"
#include "media/PeerConnectionState.h"
#include "media/SdpType.h"

#include <QElapsedTimer>
#include <QObject>
#include <QString>
#include <QTimer>

#include <memory>
#include <optional>
#include <utility>

typedef struct _GstElement GstElement;
typedef struct _GstPad GstPad;

namespace media {

class GstRelay;

/// One audio peer connection on GStreamer's webrtcbin: ICE + DTLS-SRTP, BUNDLE (max-bundle),
/// rtcp-mux, one audio transceiver (RFC 8825 overview, RFC 8829 JSEP). Signalling is the
/// caller's: WCS carries the SDP in `call`/`answer`/`setRemoteSDP` (spec §15) and has no
/// trickle ICE, so every local description is published only when ICE gathering is complete
/// (or iceGatheringTimeoutMs passed) and carries all its `a=candidate` lines plus
/// `a=end-of-candidates`.
///
/// Pipeline. Send: source -> audioconvert -> audioresample -> 48 kHz mono -> [webrtcdsp] ->
/// level (inputLevel) -> volume (mute) -> valve (closed until negotiated and while the
/// negotiated direction does not send) -> encoder bin of the negotiated codec -> webrtcbin.
/// Receive: each webrtcbin src pad -> decodebin -> audioconvert -> audioresample -> audiomixer
/// -> level (outputLevel) -> [webrtcechoprobe] -> sink.
///
/// Codecs. The transceiver's codec-preferences list AudioEndpointConfig::codecs (Opus 111,
/// G722 9 when gstreamer1.0-libav is installed, PCMU 0, PCMA 8), so a first offer lists them
/// all. The send encoder is built once the first exchange completes, for the first voice codec
/// of the answer's m-line with the answer's payload number, and kept for later exchanges
/// (re-offers list only that codec, because webrtcbin intersects the preferences with the caps
/// already flowing). webrtcbin 1.22 answers with a single codec: the first of the offer that
/// its preferences also list; a remote offer's payload numbers are adopted before answering.
///
/// DTMF (RFC 4733). Every local description lists telephone-event at the clock rate of each
/// voice codec it lists (110/48000 next to Opus, 126/8000 next to G.711/G722; an answer takes
/// the offer's number): webrtcbin writes it into a first offer itself, and the endpoint adds it
/// to what webrtcbin 1.22 leaves out (its single-codec answers, re-offers narrowed to the codec
/// that flows) before set-local-description. sendDtmf() drives an rtpdtmfsrc behind an
/// rtpdtmfmux in front of webrtcbin's sink pad, so events share the voice stream's SSRC,
/// sequence numbers and timestamp base (RFC 4733 §2.3) and replace voice while a digit lasts;
/// the mux's telephone-event caps events are kept from webrtcbin, whose codec preferences would
/// otherwise narrow to telephone-event. Received telephone-event packets arrive on a src pad of
/// their own; rtpdtmfdepay reports each event once, as dtmfReceived().
///
/// Devices. The capture element (sourceDescription) and the playback element
/// (sinkDescription) are bins of their own and can be replaced in a running call without
/// renegotiation (setSourceDescription()/setSinkDescription()): the pad at the border is held
/// idle while the old bin goes to NULL and the new one is linked and started. When a device
/// cannot start or fails during the call, the endpoint moves on to the system default
/// (autoaudiosrc/autoaudiosink) and then to silence (`audiotestsrc wave=silence` / `fakesink`),
/// says so through deviceFailed() and sourceChanged()/sinkChanged(), and the call goes on.
///
/// Directions. webrtcbin 1.22 refuses every renegotiated direction except inactive
/// ("transceiver direction changes are not implemented"), so its transceiver stays sendrecv
/// and the endpoint owns directions (RFC 3264 §5.1, §6.1, §8.4): the direction attribute of a
/// published description is rewritten (offer: direction(); answer: answerDirection() of the
/// offer's), a remote description reaches webrtcbin as sendrecv, and the send valve opens only
/// when the negotiated direction sends. A peer that stops sending leaves outputLevel() at
/// kSilenceDb.
///
/// Threading. Construct, call and destroy on one thread with a running Qt event loop. Every
/// GStreamer callback is moved to that thread through GstRelay before it touches state or
/// emits. No GLib main loop is needed. Errors are reported through failed(), never thrown.
class WebRtcEndpoint : public QObject {
    Q_OBJECT

public:
    /// outputLevel()/inputLevel() floor in dBov: digital silence, and what outputLevel() reports
    /// when nothing was received for three level intervals (RFC 6464's lowest level).
    static constexpr double kSilenceDb = -127.0;

    explicit WebRtcEndpoint(AudioEndpointConfig config, QObject* parent = nullptr);

    /// GStreamer element factories every endpoint needs (plus webrtcdsp/webrtcechoprobe with
    /// voice processing); Gst::missingElements() of this list empty means endpoints can run.
    static QStringList requiredElements(bool voiceProcessing);
    ~WebRtcEndpoint() override;

    /// Builds the pipeline and sets it PLAYING (capture and inputLevel() start at once). Called
    /// implicitly by createOffer()/setRemoteDescription(). False (and failed()) when GStreamer,
    /// an element or a description in the config is missing or broken.
    bool start();
    /// Ends the call: pipeline to NULL, all callbacks detached, state Closed. Idempotent; the
    /// endpoint cannot be restarted afterwards.
    void stop();

    /// JSEP createOffer + setLocalDescription; localDescriptionReady(sdp, Offer) follows once
    /// gathering is complete. Only in the stable signalling state (no exchange in progress).
    bool createOffer();
    /// JSEP setRemoteDescription: an offer in the stable state, an answer after our offer.
    /// False (and failed()) for unparsable SDP or the wrong state; webrtcbin's own rejection
    /// arrives later through failed().
    bool setRemoteDescription(const QString& sdp, SdpType type);
    /// JSEP createAnswer + setLocalDescription after a remote offer; localDescriptionReady(sdp,
    /// Answer) follows once gathering is complete, and negotiationCompleted() after that.
    bool createAnswer();
    /// Our direction for hold (RFC 3264 §8.4: SendOnly/Inactive) and resume (SendRecv).
    /// After the first exchange this starts a re-offer at once (or when the exchange in
    /// progress completes): localDescriptionReady(sdp, Offer) follows, to be sent to the peer.
    void setDirection(MediaDirection direction);
    /// Sends silence instead of the source (volume mute); inputLevel() keeps measuring the
    /// source. The RTP stream and the negotiated direction are untouched (WCS spec §15: mute is
    /// local).
    void setMuted(bool muted);
    /// Asks webrtcbin for statistics; statsReady() follows (bitrates against the previous
    /// request). False when the pipeline is not running.
    bool requestStats();

    /// Replaces the capture element (gst-launch syntax, must produce live raw audio, e.g.
    /// `pulsesrc device="alsa_input.usb-..."`). Before start() it only changes the
    /// configuration. In a running call the old element stops and the new one takes its place
    /// with no renegotiation; the peer hears the new source within about one level interval.
    /// False when `description` could not start: then the fallback (autoaudiosrc, else
    /// silence) is in use, deviceFailed() and sourceChanged() said so, and the call goes on.
    bool setSourceDescription(const QString& description);
    /// Replaces the playback element (gst-launch syntax, consumes raw audio, e.g.
    /// `pulsesink device="alsa_output..."`), like setSourceDescription(): fallback
    /// autoaudiosink, else `fakesink`. Receiving, outputLevel() and the call are not
    /// interrupted.
    bool setSinkDescription(const QString& description);
    /// The capture element in use (or configured, before start()).
    QString sourceDescription() const { return m_config.sourceDescription; }
    /// The playback element in use (or configured, before start()).
    QString sinkDescription() const { return m_config.sinkDescription; }

    /// Queues RFC 4733 DTMF events (§3.2: digits 0-9, `*`, `#`, `A`-`D`, case-insensitive)
    /// on the negotiated telephone-event payload, in the voice stream: each tone lasts
    /// `durationMs` (40..5000 ms, RFC 4733 §2.5.1.2) followed by `gapMs` of voice (40..5000 ms).
    /// Tones queued by earlier calls are sent first. False (nothing queued) when a character is
    /// not a DTMF event, a duration is out of range, the call does not send, or the peer did
    /// not accept telephone-event at the send codec's clock rate (dtmfPayloadType() empty).
    bool sendDtmf(const QString& tones, int durationMs = 100, int gapMs = 70);
    /// The telephone-event payload type negotiated for the send codec's clock rate, once the
    /// peer's answer/offer listed it (RFC 4733 §7.1.1); nullopt before or without it.
    std::optional<int> dtmfPayloadType() const { return m_dtmfPayloadType; }

    MediaDirection direction() const { return m_direction; }
    /// The direction of our m-line in the last completed exchange (the answer's view for us);
    /// nullopt before the first exchange completes.
    std::optional<MediaDirection> negotiatedDirection() const { return m_negotiatedDirection; }
    /// The codec we send, once negotiated.
    std::optional<AudioCodec> sendCodec() const { return m_sendCodec; }
    bool isMuted() const { return m_muted; }
    bool isRunning() const { return m_pipeline != nullptr; }
    PeerConnectionState connectionState() const { return m_connectionState; }
    /// The last description passed to localDescriptionReady(), empty before.
    QString localDescription() const { return m_localDescription; }

Q_SIGNALS:
    /// A complete local description (all candidates), to be sent to the peer as is.
    void localDescriptionReady(const QString& sdp, media::SdpType type);
    /// An offer/answer exchange completed: both descriptions applied, send path updated.
    void negotiationCompleted();
    /// Something broke: pipeline error, webrtcbin rejected a description, missing element. The
    /// text names the cause (the GError message and the element). The endpoint keeps running
    /// unless the error came from the pipeline (then it stops itself).
    void failed(const QString& reason);
    /// RMS level of the captured audio (before mute), dBov (0 = full scale, kSilenceDb floor),
    /// every levelIntervalMs.
    void inputLevel(double dBov);
    /// RMS level of the received audio after decoding and mixing, dBov, every levelIntervalMs
    /// once anything was received; kSilenceDb when the stream went quiet.
    void outputLevel(double dBov);
    void connectionStateChanged(media::PeerConnectionState state);
    void statsReady(const media::MediaStats& stats);
    /// A capture or playback element could not start or failed during the call (device
    /// unplugged, unknown device name); `reason` names the element and the GStreamer error. The
    /// call goes on with the fallback that sourceChanged()/sinkChanged() report next.
    void deviceFailed(const QString& reason);
    /// The capture element of the running pipeline is now `description` (a switch or a
    /// fallback).
    void sourceChanged(const QString& description);
    /// The playback element of the running pipeline is now `description`.
    void sinkChanged(const QString& description);
    /// The peer sent an RFC 4733 event for a DTMF digit (§3.2: `0`-`9`, `*`, `#`, `A`-`D`), once
    /// per event, in the order received.
    void dtmfReceived(QChar tone);

private:
    enum class Signalling { Stable, HaveLocalOffer, HaveRemoteOffer };
    enum class DeviceRole { Capture, Playback };
    struct Callbacks; // GStreamer signal and bus callbacks (WebRtcEndpointPipeline.cpp)
    struct Promises;  // webrtcbin promise callbacks (WebRtcEndpointPromises.cpp)

    // WebRtcEndpointPipeline.cpp
    bool buildPipeline();
    void teardownPipeline();
    bool linkSendCodec(const AudioCodec& codec, int payloadType);
    void setCodecPreferences(const QList<AudioCodec>& codecs, const QList<int>& payloadTypes);
    void setSendGateOpen(bool open);
    void handleBusError(const QString& reason);
    void handleLevel(bool input, double dBov);

    // WebRtcEndpointDevices.cpp
    bool insertDevice(DeviceRole role, const QString& description, QString* error);
    void removeDevice(DeviceRole role);
    bool switchDevice(DeviceRole role, const QString& description, const QString& failure);
    void handleDeviceError(DeviceRole role, int generation, const QString& reason);
    /// Which device bin (role, generation) `object` belongs to; any thread.
    static std::optional<std::pair<DeviceRole, int>> deviceOf(void* object);

    // WebRtcEndpointDtmf.cpp
    bool linkSendMux(GstElement* encoderBin);
    bool ensureDtmfSource();
    void sendNextDtmfStep();
    void updateDtmfPayloadType(const QString& answer);
    QList<std::pair<int, int>> telephoneEventsFor(SdpType type) const;
    void handleDtmfEvent(int event);
    static void linkDtmfReceiver(GstElement* pipeline, GstPad* pad);

    // WebRtcEndpointPromises.cpp
    void startCreateDescription(SdpType type);
    void startSetRemoteDescription(void* description, SdpType type); ///< takes ownership
    void startGetStats();

    // WebRtcEndpoint.cpp
    void onLocalDescriptionSet(SdpType type);
    void onRemoteDescriptionSet(SdpType type);
    void onDescriptionFailed(const QString& what, const QString& error);
    void onGatheringComplete();
    void publishLocalDescription();
    void completeNegotiation();
    void setConnectionState(PeerConnectionState state);
    void onStats(const MediaStats& stats);
    void checkOutputSilence();
    void fail(const QString& reason);

    AudioEndpointConfig m_config;
    QList<AudioCodec> m_codecs; ///< what we offer, available() filtered by the config
    std::shared_ptr<GstRelay> m_relay;
    GstElement* m_pipeline = nullptr;
    GstElement* m_webrtc = nullptr;
    GstElement* m_valve = nullptr;
    GstElement* m_volume = nullptr;
    GstElement* m_captureHead = nullptr;  ///< first element after the capture bin, ref held
    GstElement* m_playbackTail = nullptr; ///< last element before the playback bin, ref held
    GstElement* m_capture = nullptr;      ///< capture bin in the pipeline (no extra ref)
    GstElement* m_playback = nullptr;     ///< playback bin in the pipeline (no extra ref)
    GstElement* m_sendMux = nullptr;      ///< rtpdtmfmux before webrtcbin (no extra ref)
    GstElement* m_dtmfSource = nullptr;   ///< rtpdtmfsrc, created by the first sendDtmf()
    int m_captureGeneration = 0;
    int m_playbackGeneration = 0;
    void* m_transceiver = nullptr; ///< GstWebRTCRTPTransceiver*, ref held
    void* m_sinkPad = nullptr;     ///< webrtcbin's sink_0 (GstPad*), ref held
    int m_id = 0;
    bool m_stopped = false;
    Signalling m_signalling = Signalling::Stable;
    MediaDirection m_direction;
    std::optional<MediaDirection> m_negotiatedDirection;
    MediaDirection m_remoteDirection = MediaDirection::SendRecv; ///< of the last remote SDP
    std::optional<AudioCodec> m_sendCodec;
    bool m_muted = false;
    bool m_renegotiatePending = false;
    bool m_weOffered = false; ///< who offered in the current/last exchange
    bool m_awaitingGathering = false;
    std::optional<SdpType> m_pendingPublish;
    QTimer m_gatheringTimer;
    QString m_localDescription;
    PeerConnectionState m_connectionState = PeerConnectionState::New;
    std::optional<MediaStats> m_lastStats;
    QTimer m_silenceTimer;
    QElapsedTimer m_sinceOutputLevel;
    bool m_outputSilent = true;
    std::optional<int> m_dtmfPayloadType;
    int m_dtmfClockRate = 0;
    /// telephone-event (payload type, clock rate) pairs of the last remote offer.
    QList<std::pair<int, int>> m_remoteTelephoneEvents;
    struct DtmfTone {
        int event = 0; ///< RFC 4733 §3.2 event code, 0..15
        int durationMs = 0;
        int gapMs = 0;
    };
    QList<DtmfTone> m_dtmfQueue; ///< the head is playing when m_dtmfToneOn
    bool m_dtmfToneOn = false;
    QTimer m_dtmfTimer;
};

} // namespace media
