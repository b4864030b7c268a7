// WebRtcEndpoint: the Qt-side state machine (JSEP signalling state, non-trickle publishing,
// send codec and direction after each exchange, levels and stats).
#include "media/WebRtcEndpoint.h"

#include "media/GstRelay.h"
#include "media/Logging.h"
#include "media/SdpEditor.h"
#include "media/SdpInspector.h"

#define GST_USE_UNSTABLE_API
#include <gst/gst.h>
#include <gst/sdp/sdp.h>
#include <gst/webrtc/webrtc.h>

namespace media {

namespace {

/// The SDP text of a webrtcbin description property ("local-description", ...), empty if none.
QString descriptionText(GstElement* webrtc, const char* property) {
    GstWebRTCSessionDescription* description = nullptr;
    g_object_get(webrtc, property, &description, nullptr);
    if (!description)
        return {};
    gchar* text = gst_sdp_message_as_text(description->sdp);
    const QString result = QString::fromUtf8(text);
    g_free(text);
    gst_webrtc_session_description_free(description);
    return result;
}

} // namespace

WebRtcEndpoint::WebRtcEndpoint(AudioEndpointConfig config, QObject* parent)
    : QObject(parent)
    , m_config(std::move(config))
    , m_relay(std::make_shared<GstRelay>(this))
    , m_direction(m_config.direction) {
    qRegisterMetaType<media::MediaStats>();
    qRegisterMetaType<media::SdpType>();
    qRegisterMetaType<media::PeerConnectionState>();
    m_gatheringTimer.setSingleShot(true);
    connect(&m_gatheringTimer, &QTimer::timeout, this, [this] {
        if (!m_pendingPublish)
            return;
        qCWarning(lcMedia) << "endpoint" << m_id << "ICE gathering not complete after"
                           << m_config.iceGatheringTimeoutMs << "ms; publishing what we have";
        publishLocalDescription();
    });
    m_silenceTimer.setInterval(std::max(10, m_config.levelIntervalMs));
    connect(&m_silenceTimer, &QTimer::timeout, this, &WebRtcEndpoint::checkOutputSilence);
    m_dtmfTimer.setSingleShot(true);
    connect(&m_dtmfTimer, &QTimer::timeout, this, &WebRtcEndpoint::sendNextDtmfStep);
}

WebRtcEndpoint::~WebRtcEndpoint() {
    stop();
}

bool WebRtcEndpoint::start() {
    if (m_pipeline)
        return true;
    if (m_stopped) {
        fail(QStringLiteral("the endpoint was stopped"));
        return false;
    }
    if (!buildPipeline())
        return false;
    m_sinceOutputLevel.start();
    m_silenceTimer.start();
    return true;
}

void WebRtcEndpoint::stop() {
    if (m_stopped)
        return;
    m_stopped = true;
    m_relay->detach();
    m_gatheringTimer.stop();
    m_silenceTimer.stop();
    m_dtmfTimer.stop();
    m_dtmfQueue.clear();
    m_pendingPublish.reset();
    const bool wasRunning = m_pipeline != nullptr;
    teardownPipeline();
    if (wasRunning)
        setConnectionState(PeerConnectionState::Closed);
}

bool WebRtcEndpoint::createOffer() {
    if (!start())
        return false;
    if (m_signalling != Signalling::Stable) {
        fail(QStringLiteral("createOffer while an offer/answer exchange is in progress"));
        return false;
    }
    m_signalling = Signalling::HaveLocalOffer;
    m_weOffered = true;
    startCreateDescription(SdpType::Offer);
    return true;
}

bool WebRtcEndpoint::setRemoteDescription(const QString& sdp, SdpType type) {
    if (!start())
        return false;
    const bool expected = type == SdpType::Offer ? m_signalling == Signalling::Stable
                                                 : m_signalling == Signalling::HaveLocalOffer;
    if (!expected) {
        fail(QStringLiteral("unexpected remote %1 in this signalling state").arg(toString(type)));
        return false;
    }
    // webrtcbin 1.22 rejects any renegotiated direction but inactive ("transceiver direction
    // changes are not implemented"), so it always sees sendrecv; directions are ours (see
    // publishLocalDescription and completeNegotiation).
    const auto remoteDirection = SdpInspector(sdp).audioDirection();
    GstSDPMessage* message = nullptr;
    const QByteArray utf8 = SdpEditor::withAudioDirection(sdp, MediaDirection::SendRecv).toUtf8();
    if (gst_sdp_message_new_from_text(utf8.constData(), &message) != GST_SDP_OK || !message ||
        gst_sdp_message_medias_len(message) == 0) {
        if (message)
            gst_sdp_message_free(message);
        fail(QStringLiteral("remote %1 is not valid SDP").arg(toString(type)));
        return false;
    }
    if (type == SdpType::Offer) {
        // Answer with the offerer's payload numbers: webrtcbin intersects the offer with the
        // transceiver's codec-preferences, payload type included.
        QList<AudioCodec> codecs;
        QList<int> payloadTypes;
        m_remoteTelephoneEvents.clear();
        for (const SdpInspector::RtpMap& map : SdpInspector(sdp).audioRtpMaps()) {
            if (map.encodingName.compare(QLatin1String("telephone-event"), Qt::CaseInsensitive) ==
                0)
                m_remoteTelephoneEvents.append({map.payloadType, map.clockRate});
            for (const AudioCodec& c : m_codecs) {
                const bool usable =
                    !m_sendCodec || !c.isVoice() || c.encodingName == m_sendCodec->encodingName;
                if (usable && c.clockRate == map.clockRate &&
                    c.encodingName.compare(map.encodingName, Qt::CaseInsensitive) == 0) {
                    codecs << c;
                    payloadTypes << map.payloadType;
                }
            }
        }
        if (std::none_of(codecs.begin(), codecs.end(), [](const auto& c) { return c.isVoice(); })) {
            gst_sdp_message_free(message);
            fail(QStringLiteral("the remote offer has no audio codec we can use"));
            return false;
        }
        setCodecPreferences(codecs, payloadTypes);
        m_signalling = Signalling::HaveRemoteOffer;
        m_weOffered = false;
    }
    m_remoteDirection = remoteDirection.value_or(MediaDirection::Inactive);
    startSetRemoteDescription(message, type);
    return true;
}

bool WebRtcEndpoint::createAnswer() {
    if (!m_pipeline || m_signalling != Signalling::HaveRemoteOffer) {
        fail(QStringLiteral("createAnswer without a remote offer"));
        return false;
    }
    startCreateDescription(SdpType::Answer);
    return true;
}

void WebRtcEndpoint::setDirection(MediaDirection direction) {
    if (direction == m_direction)
        return;
    m_direction = direction;
    if (!m_pipeline || !m_negotiatedDirection)
        return; // applies to the first offer or answer
    if (m_signalling == Signalling::Stable)
        createOffer();
    else
        m_renegotiatePending = true;
}

void WebRtcEndpoint::setMuted(bool muted) {
    m_muted = muted;
    if (m_volume)
        g_object_set(m_volume, "mute", gboolean(muted), nullptr);
}

bool WebRtcEndpoint::requestStats() {
    if (!m_pipeline)
        return false;
    startGetStats();
    return true;
}

void WebRtcEndpoint::onLocalDescriptionSet(SdpType type) {
    if (!m_pipeline)
        return;
    if (type == SdpType::Answer)
        m_signalling = Signalling::Stable;
    m_pendingPublish = type;
    GstWebRTCICEGatheringState state{};
    g_object_get(m_webrtc, "ice-gathering-state", &state, nullptr);
    if (state == GST_WEBRTC_ICE_GATHERING_STATE_COMPLETE) {
        publishLocalDescription();
        return;
    }
    m_gatheringTimer.start(std::max(0, m_config.iceGatheringTimeoutMs));
}

void WebRtcEndpoint::onRemoteDescriptionSet(SdpType type) {
    if (!m_pipeline || type != SdpType::Answer)
        return;
    m_signalling = Signalling::Stable;
    completeNegotiation();
}

void WebRtcEndpoint::onDescriptionFailed(const QString& what, const QString& error) {
    // The exchange is over; webrtcbin keeps its previous descriptions.
    m_signalling = Signalling::Stable;
    m_pendingPublish.reset();
    fail(QStringLiteral("%1 failed: %2").arg(what, error));
}

void WebRtcEndpoint::onGatheringComplete() {
    if (m_pendingPublish)
        publishLocalDescription();
}

void WebRtcEndpoint::publishLocalDescription() {
    if (!m_pendingPublish || !m_pipeline)
        return;
    const SdpType type = *m_pendingPublish;
    m_pendingPublish.reset();
    m_gatheringTimer.stop();
    QString sdp = descriptionText(m_webrtc, "local-description");
    if (SdpInspector(sdp).candidates().isEmpty()) {
        // A re-offer/answer after gathering completed: webrtcbin 1.22 does not copy the
        // candidates of the running ICE session into the new description. They are still
        // valid (same ufrag), so carry them over from the previous one.
        const SdpInspector previous(m_localDescription);
        if (previous.attribute(QStringLiteral("ice-ufrag")) ==
            SdpInspector(sdp).attribute(QStringLiteral("ice-ufrag")))
            sdp = SdpEditor::withCandidates(sdp, previous.candidates());
    }
    const MediaDirection direction =
        type == SdpType::Offer ? m_direction : answerDirection(m_remoteDirection, m_direction);
    m_localDescription =
        SdpEditor::withEndOfCandidates(SdpEditor::withAudioDirection(sdp, direction));
    qCInfo(lcMedia).noquote() << "endpoint" << m_id << "local" << toString(type) << "with"
                              << SdpInspector(m_localDescription).candidates().size()
                              << "candidates";
    qCDebug(lcMedia).noquote() << m_localDescription;
    Q_EMIT localDescriptionReady(m_localDescription, type);
    if (type == SdpType::Answer)
        completeNegotiation();
}

void WebRtcEndpoint::completeNegotiation() {
    const QString local = descriptionText(m_webrtc, "current-local-description");
    const QString remote = descriptionText(m_webrtc, "current-remote-description");
    const SdpInspector localSdp(local);
    const SdpInspector remoteSdp(remote);
    // The answer fixes the payload numbers both sides use (RFC 3264 §6.1).
    const SdpInspector& answer = m_weOffered ? remoteSdp : localSdp;
    if (!m_sendCodec) {
        for (const SdpInspector::RtpMap& map : answer.audioRtpMaps()) {
            const auto codec = AudioCodec::find(map.encodingName);
            if (codec && codec->isVoice() && m_codecs.contains(*codec) &&
                codec->clockRate == map.clockRate) {
                if (linkSendCodec(*codec, map.payloadType))
                    m_sendCodec = codec;
                break;
            }
        }
        if (!m_sendCodec)
            fail(QStringLiteral("the answer has no audio codec we can send"));
    }
    updateDtmfPayloadType(m_weOffered ? remote : local);
    // Directions as published and as received (webrtcbin's own copies say sendrecv).
    const MediaDirection ours =
        SdpInspector(m_localDescription).audioDirection().value_or(MediaDirection::Inactive);
    const MediaDirection theirs = m_remoteDirection;
    m_negotiatedDirection =
        directionFrom(sends(ours) && receives(theirs), receives(ours) && sends(theirs));
    setSendGateOpen(m_sendCodec && sends(*m_negotiatedDirection));
    qCInfo(lcMedia) << "endpoint" << m_id << "negotiated" << toSdpAttribute(*m_negotiatedDirection)
                    << "sending"
                    << (m_sendCodec ? m_sendCodec->encodingName : QStringLiteral("nothing"));
    Q_EMIT negotiationCompleted();
    if (m_renegotiatePending && m_signalling == Signalling::Stable) {
        m_renegotiatePending = false;
        createOffer();
    }
}

void WebRtcEndpoint::setConnectionState(PeerConnectionState state) {
    if (state == m_connectionState)
        return;
    m_connectionState = state;
    qCInfo(lcMedia) << "endpoint" << m_id << "connection" << toString(state);
    Q_EMIT connectionStateChanged(state);
}

void WebRtcEndpoint::onStats(const MediaStats& stats) {
    const MediaStats result = m_lastStats ? stats.withBitratesSince(*m_lastStats) : stats;
    m_lastStats = stats;
    Q_EMIT statsReady(result);
}

void WebRtcEndpoint::handleLevel(bool input, double dBov) {
    if (input) {
        Q_EMIT inputLevel(dBov);
        return;
    }
    m_sinceOutputLevel.restart();
    m_outputSilent = false;
    Q_EMIT outputLevel(dBov);
}

void WebRtcEndpoint::checkOutputSilence() {
    if (m_outputSilent || m_sinceOutputLevel.elapsed() < 3 * m_silenceTimer.interval())
        return;
    m_outputSilent = true;
    Q_EMIT outputLevel(kSilenceDb);
}

void WebRtcEndpoint::handleBusError(const QString& reason) {
    fail(reason);
    stop();
}

void WebRtcEndpoint::fail(const QString& reason) {
    qCWarning(lcMedia).noquote() << "endpoint" << m_id << "failed:" << reason;
    Q_EMIT failed(reason);
}

} // namespace media
