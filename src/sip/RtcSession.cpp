// Set-up and tear-down of sip::RtcSession: outgoing INVITE / CANCEL / ACK, incoming INVITE /
// 180 / 200 / ACK / CANCEL, BYE either way (RFC 3261 §9, §13-§15, spec §8.9).
#include "sip/RtcSession.h"

#include "sip/InfoDtmfSender.h"
#include "sip/Logging.h"
#include "sip/PlaceholderSdp.h"
#include "sip/RandomToken.h"
#include "sip/ReferSubscriber.h"
#include "sip/SessionDescriptionHandler.h"
#include "sip/SessionTimer.h"
#include "sip/SipCause.h"
#include "sip/UserAgent.h"

#include <algorithm>

using namespace Qt::Literals::StringLiterals;

namespace sip {

namespace {
constexpr int kT1Ms = 500;
constexpr int kT2Ms = 4000;
} // namespace

RtcSession::RtcSession(UserAgent& ua, Direction direction, QString id, QObject* parent)
    : QObject(parent)
    , m_ua(ua)
    , m_direction(direction)
    , m_id(std::move(id))
    , m_state(direction == Direction::Outgoing ? State::Calling : State::WaitingForAnswer) {
    m_dialog.timeoutMs = ua.settings().transactionTimeoutMs;
    m_media = ua.createDescriptionHandler(m_id, this);
    connect(m_media, &SessionDescriptionHandler::descriptionReady, this,
            &RtcSession::onDescriptionReady);
    connect(m_media, &SessionDescriptionHandler::failed, this, &RtcSession::onDescriptionFailed);
    connect(m_media, &SessionDescriptionHandler::answerApplied, this, [this] {
        if (m_sdpWait == SdpWait::ApplyAnswer) {
            m_sdpWait = SdpWait::None;
        }
    });
    m_dtmf = new InfoDtmfSender(
        ua, [this]() -> Dialog* { return isEstablished() ? &m_dialog : nullptr; }, this);
    connect(m_dtmf, &InfoDtmfSender::toneSent, this,
            [this](const QString& tone, bool ok, int code, const QString& reason) {
                if (ok) {
                    Q_EMIT newDtmf(u"local"_s, tone);
                } else {
                    qCInfo(lcUa) << "INFO DTMF" << tone << "in" << m_id << "refused:" << code
                                 << reason;
                }
            });
    m_noAnswerTimer.setSingleShot(true);
    connect(&m_noAnswerTimer, &QTimer::timeout, this, [this] {
        if (m_state == State::WaitingForAnswer) {
            reply(*m_incomingInvite, 408, u"Request Timeout"_s);
            end(u"local"_s, u"No Answer"_s, 408);
        }
    });
    m_expiresTimer.setSingleShot(true);
    connect(&m_expiresTimer, &QTimer::timeout, this, [this] {
        if (m_state == State::WaitingForAnswer) {
            reply(*m_incomingInvite, 487, u"Request Terminated"_s);
            end(u"system"_s, u"Expires"_s, 487);
        }
    });
    m_okTimer.setSingleShot(true);
    connect(&m_okTimer, &QTimer::timeout, this, &RtcSession::retransmitOk);
    m_sessionTimer = new SessionTimer(this);
    connect(m_sessionTimer, &SessionTimer::refreshDue, this, &RtcSession::sendSessionRefresh);
    connect(m_sessionTimer, &SessionTimer::expired, this, &RtcSession::onSessionExpired);
}

RtcSession::~RtcSession() = default;

bool RtcSession::isEstablished() const {
    return m_state == State::Answered || m_state == State::Confirmed;
}

QByteArray RtcSession::contactHeader() const {
    return '<' + m_ua.contactUri().toUtf8() + ";ob>";
}

// ---------------------------------------------------------------- outgoing

void RtcSession::sendInvite(const OutgoingRequest& invite) {
    m_invite = invite;
    m_dialog.callId = invite.callId;
    m_dialog.localTag = invite.fromTag;
    m_sdpWait = SdpWait::InviteOffer;
    m_media->createOffer(false);
}

void RtcSession::sendInviteNow() {
    if (m_cancelRequested) { // hung up while the offer was being made: nothing left yet
        end(u"local"_s, u"Canceled"_s, 0);
        return;
    }
    QPointer<RtcSession> self(this);
    ClientTransaction* t = m_ua.sendRequest(m_invite, [self](const RequestResult& result) {
        if (RtcSession* s = self.data()) {
            s->onInviteResult(result);
        }
    });
    if (t && self) {
        t->onProvisional = [self](const SipMessage& m) {
            if (RtcSession* s = self.data()) {
                s->onInviteProvisional(m);
            }
        };
        m_inviteTransaction = t;
    }
}

void RtcSession::onInviteProvisional(const SipMessage& response) {
    if (m_state != State::Calling) {
        return;
    }
    m_provisional = true;
    Q_EMIT progress(response.statusCode(), response.reasonPhrase());
    if (m_cancelRequested && m_state == State::Calling) {
        sendCancel();
    }
}

void RtcSession::sendCancel() {
    const ClientTransaction* t = m_inviteTransaction.data();
    if (!t) {
        return;
    }
    OutgoingRequest x = t->request();
    x.method = u"CANCEL"_s;
    x.branch = t->branch();
    x.body.clear();
    x.contentType.clear();
    x.headers.removeIf([](const auto& h) { return h.first != "Route"; });
    x.supported = u"outbound"_s;
    x.timeoutMs = m_ua.settings().transactionTimeoutMs;
    qCInfo(lcUa) << "CANCEL" << m_id;
    m_ua.sendRequest(x, [id = m_id](const RequestResult& r) {
        qCDebug(lcUa) << "CANCEL" << id << "answered" << (r.response ? r.response->statusCode() : 0)
                      << r.cause;
    });
}

void RtcSession::onInviteResult(const RequestResult& result) {
    if (m_state != State::Calling) {
        return;
    }
    if (!result.succeeded()) {
        const int code = result.response ? result.response->statusCode() : 0;
        const bool canceled = m_cancelRequested && code == 487;
        const QString cause = canceled          ? u"Canceled"_s
                              : result.response ? SipCause::forStatus(code)
                                                : result.cause;
        const QString originator =
            canceled ? u"local"_s : (result.response ? u"remote"_s : u"system"_s);
        qCInfo(lcUa) << "call" << m_id << "failed:" << cause << code;
        end(originator, cause, code);
        return;
    }
    const SipMessage& resp = *result.response;
    m_invite.cseq = result.cseq;
    m_dialog.localCseq = result.cseq;
    m_dialog.remoteHeader = resp.toHeader();
    m_dialog.remoteTag = resp.toTag();
    const QList<SipContact> contacts = resp.contacts();
    m_dialog.remoteTarget = contacts.isEmpty() ? m_invite.requestUri : contacts.first().uri;
    QStringList routes = resp.recordRoutes();
    std::reverse(routes.begin(), routes.end()); // RFC 3261 §12.1.2
    m_dialog.routeSet = routes;
    sendAck(result.cseq); // a new transaction of its own (RFC 3261 §13.2.2.4)
    m_state = State::Confirmed;
    m_remoteHold = PlaceholderSdp::isHold(PlaceholderSdp::direction(resp.body()));
    if (resp.body().isEmpty()) { // RFC 3264 §4: the 2xx must answer our offer
        qCInfo(lcUa) << "call" << m_id << "answered without SDP";
        Q_EMIT accepted({{u"originator"_s, u"remote"_s}, {u"response"_s, resp.toJson()}});
        byeAndEnd(u"remote"_s, SipCause::badMediaDescription(), 0);
        return;
    }
    applyAnswer(resp.body());
    if (m_ua.settings().sessionTimers) {
        if (const auto se = SessionTimer::parse(resp.header("session-expires"))) {
            m_refresher = se->refresher == u"uas"_s ? u"uas"_s : u"uac"_s; // RFC 4028 §7.2
            m_sessionTimer->start(se->seconds, m_refresher == u"uac"_s);
        }
    }
    qCInfo(lcUa) << "call" << m_id << "answered";
    Q_EMIT accepted({{u"originator"_s, u"remote"_s}, {u"response"_s, resp.toJson()}});
    if (m_cancelRequested && m_state == State::Confirmed) {
        terminate(); // CANCEL lost the race against the 2xx
    }
}

void RtcSession::sendAck(quint32 cseq) {
    m_ua.sendRaw(m_ua.buildRequest(m_dialog.ack(cseq), RandomToken::branch(), {}));
}

// ---------------------------------------------------------------- incoming

void RtcSession::receiveInvite(const SipMessage& invite) {
    m_incomingInvite = invite;
    m_dialog = Dialog::fromInvite(invite, RandomToken::make(10));
    m_dialog.timeoutMs = m_ua.settings().transactionTimeoutMs;
    const QByteArray body = invite.body();
    if (!body.isEmpty() && invite.contentType() != u"application/sdp"_s) {
        m_rejectCode = 415;
        m_rejectReason = u"the INVITE body is %1, not application/sdp"_s.arg(invite.contentType());
    } else if (m_dialog.remoteTarget.isEmpty()) {
        m_rejectCode = 500;
        m_rejectReason = u"the INVITE has no Contact"_s;
    } else if (!body.isEmpty()) {
        if (const QString why = m_media->checkOffer(body); !why.isEmpty()) {
            m_rejectCode = 488;
            m_rejectReason = u"no usable media: "_s + why;
        } else {
            m_remoteHold = PlaceholderSdp::isHold(PlaceholderSdp::direction(body));
        }
    }
}

void RtcSession::proceed() {
    if (m_state != State::WaitingForAnswer || !m_incomingInvite) {
        return;
    }
    if (m_rejectCode == 488) {
        const QByteArray warning =
            "399 " + m_ua.m_viaHost.toUtf8() + " \"" + m_rejectReason.toUtf8() + '"';
        reply(*m_incomingInvite, 488, u"Not Acceptable Here"_s, {{"Warning", warning}});
        end(u"local"_s, SipCause::forStatus(488), 488);
        return;
    }
    if (m_rejectCode > 0) {
        reply(*m_incomingInvite, m_rejectCode,
              m_rejectCode == 415 ? u"Unsupported Media Type"_s : u"Server Internal Error"_s,
              m_rejectCode == 415
                  ? QList<std::pair<QByteArray, QByteArray>>{{"Accept", "application/sdp"}}
                  : QList<std::pair<QByteArray, QByteArray>>{});
        end(u"local"_s, SipCause::forStatus(m_rejectCode), m_rejectCode);
        return;
    }
    reply(*m_incomingInvite, 180, u"Ringing"_s, {{"Contact", contactHeader()}});
    m_noAnswerTimer.start(kNoAnswerTimeoutMs);
    bool ok = false;
    const int expires = m_incomingInvite->header("expires").toInt(&ok);
    if (ok && expires > 0) {
        m_expiresTimer.start(expires * 1000);
    }
    Q_EMIT progress(180, u"Ringing"_s);
}

bool RtcSession::answer() {
    if (m_direction != Direction::Incoming || m_state != State::WaitingForAnswer ||
        m_sdpWait != SdpWait::None) {
        return false;
    }
    m_noAnswerTimer.stop();
    m_expiresTimer.stop();
    m_okHeaders = {{"Contact", contactHeader()},
                   {"Allow", UserAgent::allowedMethods()},
                   {"Supported", m_ua.settings().sessionTimers ? "timer,outbound" : "outbound"}};
    const auto se = m_ua.settings().sessionTimers
                        ? SessionTimer::parse(m_incomingInvite->header("session-expires"))
                        : std::nullopt;
    if (se) {
        // The caller asked for a session timer (RFC 4028 §9): it refreshes unless it said uas.
        m_refresher = se->refresher.isEmpty() ? u"uac"_s : se->refresher;
        m_sessionTimer->start(se->seconds, m_refresher == u"uas"_s);
        m_okHeaders.append({"Session-Expires", sessionExpiresValue()});
        if (m_incomingInvite->header("supported").contains(u"timer"_s)) {
            m_okHeaders.emplace_back("Require", "timer");
        }
    }
    m_okHeaders.emplace_back("Content-Type", "application/sdp");
    m_sdpWait = SdpWait::Answer;
    const QByteArray offer = m_incomingInvite->body();
    m_ackCarriesAnswer = offer.isEmpty(); // offer-less INVITE: our 200 offers (RFC 3261 §13.2.1)
    if (offer.isEmpty()) {
        m_media->createOffer(false);
    } else {
        m_media->createAnswer(offer, false);
    }
    return true;
}

void RtcSession::sendOk() {
    if (m_state != State::WaitingForAnswer) {
        return;
    }
    m_okResponse =
        m_incomingInvite->makeResponse(200, u"OK"_s, m_dialog.localTag, m_okHeaders, m_localSdp);
    m_ua.sendRaw(m_okResponse);
    m_state = State::Answered;
    m_okIntervalMs = kT1Ms;
    m_okElapsedMs = 0;
    m_okTimer.start(m_okIntervalMs);
    qCInfo(lcUa) << "answered" << m_id;
    Q_EMIT accepted({{u"originator"_s, u"local"_s}});
}

void RtcSession::retransmitOk() {
    if (m_state != State::Answered) {
        return;
    }
    m_okElapsedMs += m_okIntervalMs;
    if (m_okElapsedMs >= 64 * kT1Ms) {
        qCInfo(lcUa) << "no ACK for the 200 of" << m_id << "- ending the call";
        byeAndEnd(u"remote"_s, u"No ACK"_s, 0);
        return;
    }
    m_ua.sendRaw(m_okResponse);
    m_okIntervalMs = std::min(m_okIntervalMs * 2, kT2Ms);
    m_okTimer.start(m_okIntervalMs);
}

void RtcSession::receiveAck(const SipMessage& ack) {
    const bool carriesAnswer = std::exchange(m_ackCarriesAnswer, false);
    if (carriesAnswer && isEstablished()) {
        if (ack.body().isEmpty()) { // RFC 3264 §4: our offer needs an answer
            byeAndEnd(u"remote"_s, SipCause::badMediaDescription(), 0);
            return;
        }
        m_remoteHold = PlaceholderSdp::isHold(PlaceholderSdp::direction(ack.body()));
        applyAnswer(ack.body());
    }
    if (m_state != State::Answered) {
        return; // ACK of a re-INVITE 2xx or of a non-2xx final answer
    }
    m_okTimer.stop();
    m_state = State::Confirmed;
    Q_EMIT confirmed();
}

bool RtcSession::reject(int code, const QString& reason) {
    if (m_direction != Direction::Incoming || m_state != State::WaitingForAnswer || code < 300 ||
        code > 699) {
        return false;
    }
    reply(*m_incomingInvite, code, reason);
    end(u"local"_s, u"Rejected"_s, code);
    return true;
}

void RtcSession::receiveCancel(const SipMessage& cancel) {
    reply(cancel, 200, u"OK"_s); // RFC 3261 §9.2
    if (m_state != State::WaitingForAnswer) {
        return;
    }
    reply(*m_incomingInvite, 487, u"Request Terminated"_s);
    qCInfo(lcUa) << "call" << m_id << "canceled by the caller";
    end(u"remote"_s, u"Canceled"_s, 487);
}

bool RtcSession::terminate() {
    switch (m_state) {
    case State::Calling:
        if (m_sdpWait == SdpWait::InviteOffer) { // the INVITE has not left yet
            m_sdpWait = SdpWait::None;
            end(u"local"_s, u"Canceled"_s, 0);
            return true;
        }
        if (!m_cancelRequested) {
            m_cancelRequested = true;
            if (m_provisional) {
                sendCancel(); // else on the first 1xx (RFC 3261 §9.1)
            }
        }
        return true;
    case State::WaitingForAnswer:
        return reject(486, u"Busy Here"_s);
    case State::Answered:
    case State::Confirmed:
        byeAndEnd(u"local"_s, u"Terminated"_s, 0);
        return true;
    case State::Terminated:
        return false;
    }
    return false;
}

void RtcSession::byeAndEnd(const QString& originator, const QString& cause, int code,
                           const QByteArray& reason) {
    OutgoingRequest bye = m_dialog.request(u"BYE"_s);
    if (!reason.isEmpty()) {
        bye.headers.emplace_back("Reason", reason); // RFC 3326
    }
    qCInfo(lcUa) << "BYE" << m_id << cause;
    m_ua.sendRequest(bye, [id = m_id](const RequestResult& r) {
        qCDebug(lcUa) << "BYE" << id << "answered" << (r.response ? r.response->statusCode() : 0)
                      << r.cause;
    });
    end(originator, cause, code);
}

void RtcSession::transportLost(const QString& cause) {
    if (m_state != State::Terminated) {
        end(u"system"_s, cause, 0);
    }
}

void RtcSession::end(const QString& originator, const QString& cause, int code) {
    if (m_state == State::Terminated) {
        return;
    }
    m_state = State::Terminated;
    m_noAnswerTimer.stop();
    m_expiresTimer.stop();
    m_okTimer.stop();
    m_dtmf->clear();
    m_sessionTimer->stop();
    m_sdpWait = SdpWait::None;
    m_media->close();
    Q_EMIT ended(originator, cause, code);
}

void RtcSession::reply(const SipMessage& request, int code, const QString& reason,
                       const QList<std::pair<QByteArray, QByteArray>>& headers,
                       const QByteArray& sdp) {
    QList<std::pair<QByteArray, QByteArray>> all = headers;
    if (!sdp.isEmpty()) {
        all.append(std::pair<QByteArray, QByteArray>("Content-Type", "application/sdp"));
    }
    const QByteArray data = request.makeResponse(code, reason, m_dialog.localTag, all, sdp);
    if (data.isEmpty()) {
        qCWarning(lcUa) << "could not build" << code << "for" << request.method();
        return;
    }
    m_ua.sendRaw(data);
}

} // namespace sip
