#pragma once

#include "sip/SessionDescriptionHandler.h"

#include <QPointer>

namespace media {
class WebRtcEndpoint;
}

namespace services {

class MediaEngine;

/// sip::SessionDescriptionHandler on a media::WebRtcEndpoint (GStreamer webrtcbin) from the
/// MediaEngine: SIP calls carry WebRTC audio (ICE + DTLS-SRTP, RFC 8827 / RFC 8842; Opus,
/// G.722, G.711), registered in the engine under (account id, Call-ID) so that the UI can
/// mute the call, show its levels and its statistics.
///
/// * Offers and answers are published once ICE gathering is complete (all candidates in the
///   SDP, no trickle).
/// * Hold (RFC 3264 §8.4): our re-offer is `a=inactive`, so the held party hears nothing from
///   our microphone and we stop receiving; resume offers `a=sendrecv` again.
/// * checkOffer() refuses what the engine cannot take: no audio stream, plain RTP (RTP/AVP)
///   without ICE and DTLS-SRTP, or no common codec.
/// * rollback() after a refused re-INVITE re-applies the peer's last description as the answer
///   (DTLS role kept), because webrtcbin 1.22 has no JSEP rollback; the direction of the
///   refused offer stays in force until the next exchange.
class WebRtcDescriptionHandler : public sip::SessionDescriptionHandler {
    Q_OBJECT

public:
    /// The endpoint is created at once (not started) in `engine`'s registry under
    /// (`accountId`, `callId`).
    WebRtcDescriptionHandler(MediaEngine& engine, const QString& accountId, const QString& callId,
                             QObject* parent = nullptr);
    ~WebRtcDescriptionHandler() override;

    QString checkOffer(const QByteArray& offer) const override;
    void createOffer(bool hold) override;
    void createAnswer(const QByteArray& offer, bool hold) override;
    void applyAnswer(const QByteArray& answer) override;
    void rollback() override;
    void close() override;
    QString noAudioReason() const override { return {}; }

    /// Why a WebRTC engine cannot answer `offer` ("" when it can); see checkOffer().
    static QString unusableOfferReason(const QByteArray& offer);

private:
    void onLocalDescription(const QString& sdp);

    QPointer<media::WebRtcEndpoint> m_endpoint;
    bool m_waiting = false; ///< a createOffer()/createAnswer() is not answered yet
    bool m_haveLocalOffer = false;
    QString m_lastRemote; ///< the peer's last applied description
    bool m_lastRemoteWasOffer = false;
    QString m_lastLocalAnswer;          ///< our last answer (its a=setup fixes the DTLS role)
    QString m_lastLocalOffer;           ///< our last offer (its a=mid names our audio section)
    bool m_remoteOfferHadNoMid = false; ///< then our answer carries no mid/group either
    bool m_applyingAnswer = false;      ///< applyAnswer() waits for negotiationCompleted
    bool m_closed = false;
};

} // namespace services
