// Calls of sip::UserAgent: each one is an RtcSession; the UA creates it, routes its dialog's
// messages to it and relays its main signals (spec §8.9). Media is negotiated by each
// session's SessionDescriptionHandler, made by the factory the owner installed.
#include "sip/UserAgent.h"

#include "sip/Logging.h"
#include "sip/PlaceholderDescriptionHandler.h"
#include "sip/RandomToken.h"
#include "sip/RtcSession.h"
#include "sip/SessionTimer.h"

using namespace Qt::Literals::StringLiterals;

namespace sip {

QByteArray UserAgent::buildAck(const OutgoingRequest& invite, const QString& branch,
                               const SipMessage& response) const {
    OutgoingRequest ack = invite;
    ack.method = u"ACK"_s;
    ack.to = response.toHeader();
    ack.body.clear();
    ack.contentType.clear();
    ack.headers.removeIf([](const auto& h) { return h.first != "Route"; });
    return buildRequest(ack, branch, {});
}

RtcSession* UserAgent::addSession(RtcSession* s) {
    const QString id = s->id();
    m_sessions.insert(id, s);
    connect(s, &RtcSession::progress, this,
            [this, id](int code, const QString& reason) { Q_EMIT callProgress(id, code, reason); });
    connect(s, &RtcSession::accepted, this,
            [this, id](const QJsonObject& payload) { Q_EMIT callAccepted(id, payload); });
    connect(s, &RtcSession::ended, this,
            [this, s, id](const QString& originator, const QString& cause, int code) {
                if (m_sessions.value(id) == s) {
                    m_sessions.remove(id);
                }
                s->deleteLater();
                Q_EMIT callEnded(id, originator, cause, code);
                maybeFinishStop();
            });
    return s;
}

SessionDescriptionHandler* UserAgent::createDescriptionHandler(const QString& sessionId,
                                                               QObject* parent) {
    if (m_descriptionHandlerFactory) {
        if (SessionDescriptionHandler* h = m_descriptionHandlerFactory(sessionId, parent)) {
            return h;
        }
    }
    return new PlaceholderDescriptionHandler(u"no media engine is installed"_s, parent);
}

QString UserAgent::call(const QString& target) {
    if (!isTransportConnected()) {
        return {};
    }
    OutgoingRequest r = newRequest(u"INVITE"_s, targetUri(target));
    r.contentType = u"application/sdp"_s;
    r.supported = u"ice,replaces,outbound"_s;
    r.headers.append({"Contact", '<' + contactUri().toUtf8() + ";ob>"});
    if (m_settings.sessionTimers) { // RFC 4028 §7.1, spec §8.9
        r.headers.append({"Session-Expires", QByteArray::number(SessionTimer::kDefaultIntervalS)});
        r.supported = u"timer,ice,replaces,outbound"_s;
    }
    const QString id = r.callId;
    RtcSession* s = addSession(new RtcSession(*this, RtcSession::Direction::Outgoing, id, this));
    const auto preview = SipMessage::parse(buildRequest(r, RandomToken::branch(), {}));
    Q_EMIT newRtcSession({{u"originator"_s, u"local"_s},
                          {u"id"_s, id},
                          {u"request"_s, preview ? preview->toJson() : QJsonObject()}});
    qCInfo(lcUa) << "INVITE" << id << "to" << r.requestUri << "(once the offer is ready)";
    if (m_sessions.value(id) == s) {
        s->sendInvite(r);
    }
    return id;
}

void UserAgent::onIncomingInvite(const SipMessage& invite) {
    const QString id = invite.callId();
    if (m_sessions.contains(id)) {
        qCInfo(lcUa) << "INVITE for a call that exists (retransmission or merge) ignored:" << id;
        return;
    }
    reply(invite, 100, u"Trying"_s);
    RtcSession* s = addSession(new RtcSession(*this, RtcSession::Direction::Incoming, id, this));
    s->receiveInvite(invite);
    if (s->rejectionCode() > 0) {
        qCInfo(lcUa) << "incoming call" << id << "refused:" << s->rejectionReason();
    }
    Q_EMIT newRtcSession(
        {{u"originator"_s, u"remote"_s}, {u"id"_s, id}, {u"request"_s, invite.toJson()}});
    if (m_sessions.value(id) == s) {
        s->proceed();
    }
}

bool UserAgent::routeToSession(const SipMessage& request) {
    RtcSession* s = m_sessions.value(request.callId(), nullptr);
    const QString method = request.method();
    if (!s) {
        return false;
    }
    if (method == u"CANCEL"_s && request.toTag().isEmpty()) {
        if (s->direction() != RtcSession::Direction::Incoming) {
            return false;
        }
        s->receiveCancel(request);
        return true;
    }
    if (request.toTag().isEmpty() || request.toTag() != s->dialog().localTag) {
        return false;
    }
    if (method == u"ACK"_s) {
        s->receiveAck(request);
        return true;
    }
    if (!s->dialog().matches(request)) {
        return false;
    }
    s->receiveInDialog(request);
    return true;
}

bool UserAgent::hangUp(const QString& id) {
    RtcSession* s = session(id);
    return s && s->terminate();
}

void UserAgent::endAllCalls(const QString& cause) {
    const auto sessions = m_sessions.values();
    for (RtcSession* s : sessions) {
        s->transportLost(cause);
    }
}

} // namespace sip
