// Media half of sip::RtcSession: what happens when its SessionDescriptionHandler delivers a
// description or fails (RFC 3264 offer/answer, RFC 3261 §13.2.1 and §14).
#include "sip/RtcSession.h"

#include "sip/Logging.h"
#include "sip/SessionDescriptionHandler.h"
#include "sip/SipCause.h"
#include "sip/UserAgent.h"

#include <utility>

using namespace Qt::Literals::StringLiterals;

namespace sip {

void RtcSession::onDescriptionReady(const QByteArray& sdp) {
    const SdpWait wait = std::exchange(m_sdpWait, SdpWait::None);
    if (m_state == State::Terminated) {
        return;
    }
    switch (wait) {
    case SdpWait::InviteOffer:
        m_invite.body = sdp;
        sendInviteNow();
        break;
    case SdpWait::Answer:
        m_localSdp = sdp;
        sendOk();
        break;
    case SdpWait::ReinviteOffer:
        sendReinviteNow(sdp);
        break;
    case SdpWait::ReinviteAnswer:
        if (m_reinvite) {
            const SipMessage request = *std::exchange(m_reinvite, std::nullopt);
            replyToReinvite(request, sdp);
        }
        break;
    case SdpWait::ApplyAnswer:
    case SdpWait::None:
        qCWarning(lcUa) << "call" << m_id << ": unexpected description from the media ignored";
        break;
    }
}

void RtcSession::applyAnswer(const QByteArray& sdp) {
    m_sdpWait = SdpWait::ApplyAnswer;
    m_media->applyAnswer(sdp);
}

void RtcSession::onDescriptionFailed(const QString& reason) {
    const SdpWait wait = std::exchange(m_sdpWait, SdpWait::None);
    if (m_state == State::Terminated) {
        return;
    }
    qCWarning(lcUa) << "media of call" << m_id << "failed:" << reason;
    const QByteArray warning =
        "399 " + m_ua.m_viaHost.toUtf8() + " \"" + reason.toUtf8().replace('"', '\'') + '"';
    switch (wait) {
    case SdpWait::InviteOffer: // nothing left yet
        end(u"system"_s, SipCause::webRtcError(), 0);
        break;
    case SdpWait::Answer:
        reply(*m_incomingInvite, 488, u"Not Acceptable Here"_s, {{"Warning", warning}});
        end(u"system"_s, SipCause::webRtcError(), 488);
        break;
    case SdpWait::ReinviteOffer:
        m_reinviteInFlight = false;
        Q_EMIT updateFailed(SipCause::webRtcError(), 0);
        break;
    case SdpWait::ReinviteAnswer:
        if (m_reinvite) {
            reply(*m_reinvite, 488, u"Not Acceptable Here"_s, {{"Warning", warning}});
            m_reinvite.reset();
        }
        break;
    case SdpWait::ApplyAnswer: // RFC 3261 §13.2.1: an answer we cannot use ends the call
        if (isEstablished()) {
            byeAndEnd(u"local"_s, SipCause::badMediaDescription(), 488,
                      "SIP ;cause=488 ;text=\"" + reason.toUtf8().replace('"', '\'') + '"');
        }
        break;
    case SdpWait::None:
        // The media broke during the call (ICE, DTLS, pipeline): the dialog stays up; the
        // media engine reports it to the user.
        break;
    }
}

} // namespace sip
