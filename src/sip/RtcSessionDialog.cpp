// In-dialog half of sip::RtcSession: hold/unhold by re-INVITE (RFC 3264 §8.4, RFC 6337
// §5.3), the peer's re-INVITE / UPDATE / BYE / INFO / NOTIFY (RFC 3261 §12.2.2, §14.2,
// RFC 3311, RFC 6086, RFC 3515), REFER and INFO DTMF through their helpers.
#include "sip/RtcSession.h"

#include "sip/InfoDtmfSender.h"
#include "sip/Logging.h"
#include "sip/PlaceholderSdp.h"
#include "sip/ReferSubscriber.h"
#include "sip/SessionTimer.h"
#include "sip/SipCause.h"
#include "sip/UserAgent.h"

#include <QRegularExpression>

using namespace Qt::Literals::StringLiterals;

namespace sip {

bool RtcSession::hold() {
    if (!isEstablished() || m_localHold || m_reinviteInFlight || m_sdpWait != SdpWait::None) {
        return false;
    }
    startReinvite(true);
    return true;
}

bool RtcSession::unhold() {
    if (!isEstablished() || !m_localHold || m_reinviteInFlight || m_sdpWait != SdpWait::None) {
        return false;
    }
    startReinvite(false);
    return true;
}

void RtcSession::startReinvite(bool hold) {
    m_reinviteInFlight = true; // from now on a re-offer of the peer meets glare (491)
    m_pendingHold = hold;
    m_sdpWait = SdpWait::ReinviteOffer;
    m_media->createOffer(hold);
}

void RtcSession::sendReinviteNow(const QByteArray& sdp) {
    const bool hold = m_pendingHold;
    OutgoingRequest r = m_dialog.request(u"INVITE"_s);
    r.body = sdp;
    r.contentType = u"application/sdp"_s;
    r.headers.append({"Contact", contactHeader()});
    qCInfo(lcUa) << "re-INVITE" << m_id << (hold ? "hold" : "unhold")
                 << "a=" << PlaceholderSdp::direction(sdp);
    QPointer<RtcSession> weak(this);
    m_ua.sendRequest(r, [guard = weak, hold](const RequestResult& result) {
        RtcSession* self = guard.data();
        if (!self) {
            return;
        }
        self->m_reinviteInFlight = false;
        if (!self->isEstablished()) {
            return;
        }
        if (result.succeeded()) {
            self->sendAck(result.cseq);
            self->m_sessionTimer->refreshed();
            self->applyAnswer(result.response->body());
            self->m_localHold = hold;
            Q_EMIT self->holdChanged(u"local"_s, hold);
            return;
        }
        const int code = result.response ? result.response->statusCode() : 0;
        qCInfo(lcUa) << "re-INVITE of" << self->m_id << "failed:" << code << result.cause;
        self->m_media->rollback(); // RFC 3261 §14.1: the session goes on as before
        Q_EMIT self->updateFailed(result.response ? SipCause::forStatus(code) : result.cause, code);
        if (code == 408 || code == 481) {
            // RFC 3261 §14.1: the dialog is gone
            self->byeAndEnd(u"system"_s, SipCause::forStatus(code), code);
        }
    });
}

void RtcSession::receiveInDialog(const SipMessage& request) {
    const QString method = request.method();
    if (m_dialog.remoteCseq > 0 && request.cseq() <= m_dialog.remoteCseq) {
        reply(request, 500, u"Server Internal Error"_s, {{"Retry-After", "1"}}); // §12.2.2
        return;
    }
    m_dialog.remoteCseq = request.cseq();
    if (method == u"BYE"_s) {
        reply(request, 200, u"OK"_s);
        if (m_state == State::WaitingForAnswer) {
            reply(*m_incomingInvite, 487, u"Request Terminated"_s);
        }
        qCInfo(lcUa) << "call" << m_id << "ended by the remote party";
        end(u"remote"_s, u"Terminated"_s, 0);
        return;
    }
    if (!isEstablished()) {
        reply(request, 491, u"Request Pending"_s); // early dialog: nothing else is accepted
        return;
    }
    if (method == u"INVITE"_s || method == u"UPDATE"_s) {
        answerReinvite(request);
    } else if (method == u"INFO"_s) {
        answerInfo(request);
    } else if (method == u"NOTIFY"_s) {
        const bool refer = request.header("event").startsWith(u"refer"_s, Qt::CaseInsensitive);
        if (refer && m_refer) {
            const int code = m_refer->receiveNotify(request);
            reply(request, code, code == 200 ? u"OK"_s : u"Bad Request"_s);
        } else {
            reply(request, 489, u"Bad Event"_s); // RFC 6665 §8.2.2
        }
    } else if (method == u"REFER"_s) {
        // Being transferred (the transferee's side) is not supported yet.
        reply(request, 603, u"Decline"_s);
    } else if (method == u"OPTIONS"_s) {
        reply(request, 200, u"OK"_s, {{"Accept", "application/sdp"}});
    } else {
        reply(request, 405, u"Method Not Allowed"_s, {{"Allow", UserAgent::allowedMethods()}});
    }
}

void RtcSession::answerReinvite(const SipMessage& request) {
    const QByteArray offer = request.body();
    if (request.method() == u"UPDATE"_s && offer.isEmpty()) {
        replyToReinvite(request, {}); // a session refresh (RFC 4028): no SDP involved
        return;
    }
    if (m_reinviteInFlight || m_sdpWait != SdpWait::None || m_ackCarriesAnswer) {
        reply(request, 491, u"Request Pending"_s); // glare, RFC 3261 §14.2, RFC 3311 §5.2
        return;
    }
    m_reinvite = request;
    if (offer.isEmpty()) {
        // Offer-less re-INVITE: our offer goes in the 200, the answer in the ACK (§14.2).
        m_sdpWait = SdpWait::ReinviteAnswer;
        m_ackCarriesAnswer = true;
        m_media->createOffer(m_localHold);
        return;
    }
    if (const QString why = m_media->checkOffer(offer); !why.isEmpty()) {
        m_reinvite.reset();
        reply(request, 488, u"Not Acceptable Here"_s);
        qCInfo(lcUa) << "re-offer of" << m_id << "refused:" << why;
        return;
    }
    m_sdpWait = SdpWait::ReinviteAnswer;
    m_media->createAnswer(offer, m_localHold);
}

void RtcSession::replyToReinvite(const SipMessage& request, const QByteArray& sdp) {
    QList<std::pair<QByteArray, QByteArray>> headers{{"Contact", contactHeader()}};
    if (m_sessionTimer->isActive()) {
        headers.append({"Session-Expires", sessionExpiresValue()});
    }
    reply(request, 200, u"OK"_s, headers, sdp);
    m_sessionTimer->refreshed();
    const QByteArray offer = request.body();
    if (offer.isEmpty()) {
        return;
    }
    const bool held = PlaceholderSdp::isHold(PlaceholderSdp::direction(offer));
    if (held != m_remoteHold) {
        m_remoteHold = held;
        qCInfo(lcUa) << "call" << m_id << (held ? "held" : "resumed") << "by the remote party";
        Q_EMIT holdChanged(u"remote"_s, held);
    }
}

void RtcSession::answerInfo(const SipMessage& request) {
    if (request.contentType() != u"application/dtmf-relay"_s) {
        reply(request, 415, u"Unsupported Media Type"_s, {{"Accept", "application/dtmf-relay"}});
        return;
    }
    static const QRegularExpression signal(u"(?:^|\\n)\\s*Signal\\s*=\\s*([0-9A-Da-d*#])"_s);
    const auto m = signal.match(QString::fromUtf8(request.body()));
    if (!m.hasMatch()) {
        reply(request, 400, u"Bad Request"_s);
        return;
    }
    reply(request, 200, u"OK"_s);
    Q_EMIT newDtmf(u"remote"_s, m.captured(1).toUpper());
}

bool RtcSession::refer(const QString& target) {
    if (!isEstablished() || (m_refer && !m_refer->isFinished())) {
        return false;
    }
    if (m_refer) {
        m_refer->disconnect(this);
        m_refer->deleteLater();
    }
    m_refer = new ReferSubscriber(m_ua, this);
    connect(m_refer, &ReferSubscriber::referEvent, this, &RtcSession::referEvent);
    m_refer->refer(m_dialog, m_ua.targetUri(target), m_ua.aor());
    return true;
}

QByteArray RtcSession::sessionExpiresValue() const {
    return QByteArray::number(m_sessionTimer->intervalSeconds()) +
           ";refresher=" + m_refresher.toUtf8();
}

void RtcSession::sendSessionRefresh() {
    if (!isEstablished()) {
        return;
    }
    // RFC 4028 §7.4 / §9: an UPDATE without a body refreshes the session (JsSIP's default).
    OutgoingRequest r = m_dialog.request(u"UPDATE"_s);
    r.headers.append({"Contact", contactHeader()});
    r.headers.append({"Session-Expires", sessionExpiresValue()});
    r.supported = u"timer,outbound"_s;
    qCInfo(lcUa) << "session refresh (UPDATE)" << m_id;
    QPointer<RtcSession> weak(this);
    m_ua.sendRequest(r, [weak](const RequestResult& result) {
        RtcSession* self = weak.data();
        if (!self || !self->isEstablished()) {
            return;
        }
        const int code = result.response ? result.response->statusCode() : 0;
        if (result.succeeded() || (code != 408 && code != 481 && code != 0)) {
            self->m_sessionTimer->refreshed(); // refused but the dialog lives: try again later
            return;
        }
        qCInfo(lcUa) << "session refresh of" << self->m_id << "failed:" << code << result.cause;
        self->byeAndEnd(u"system"_s, SipCause::requestTimeout(), code);
    });
}

void RtcSession::onSessionExpired() {
    if (!isEstablished()) {
        return;
    }
    qCInfo(lcUa) << "session timer of" << m_id << "expired without a refresh - ending the call";
    byeAndEnd(u"local"_s, SipCause::requestTimeout(), 408,
              "SIP ;cause=408 ;text=\"Session Timer Expired\"");
}

bool RtcSession::sendDtmf(const QString& tones) {
    return isEstablished() && m_dtmf->send(tones);
}

} // namespace sip
