// Outgoing calls of sip::UserAgent: INVITE / CANCEL / ACK / BYE (RFC 3261 §9, §13-§15,
// spec §8.9). Media is not negotiated here: the caller hands in the SDP offer.
#include "sip/UserAgent.h"

#include "sip/Logging.h"
#include "sip/RandomToken.h"
#include "sip/SipCause.h"

#include <algorithm>

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

QString UserAgent::call(const QString& target, const QByteArray& sdpOffer) {
    if (!isTransportConnected()) {
        return {};
    }
    OutgoingRequest r = newRequest(u"INVITE"_s, targetUri(target));
    r.body = sdpOffer;
    r.contentType = u"application/sdp"_s;
    r.supported = u"ice,replaces,outbound"_s;
    r.headers.append({"Contact", '<' + contactUri().toUtf8() + ";ob>"});
    OutgoingCall c;
    c.id = r.callId;
    c.invite = r;
    m_calls.insert(c.id, c);
    const QString id = c.id;
    const auto preview = SipMessage::parse(buildRequest(r, RandomToken::branch(), {}));
    Q_EMIT newRtcSession({{u"originator"_s, u"local"_s},
                          {u"id"_s, id},
                          {u"request"_s, preview ? preview->toJson() : QJsonObject()}});
    ClientTransaction* t =
        sendRequest(r, [this, id](const RequestResult& result) { onInviteResult(id, result); });
    if (t && m_calls.contains(id)) {
        t->onProvisional = [this, id](const SipMessage& m) { onInviteProvisional(id, m); };
        m_calls[id].inviteTransaction = t;
    }
    qCInfo(lcUa) << "INVITE" << id << "to" << r.requestUri;
    return id;
}

void UserAgent::onInviteProvisional(const QString& id, const SipMessage& response) {
    auto it = m_calls.find(id);
    if (it == m_calls.end()) {
        return;
    }
    it->provisional = true;
    const bool cancel = it->cancelRequested;
    Q_EMIT callProgress(id, response.statusCode(), response.reasonPhrase());
    if (cancel && m_calls.contains(id)) {
        sendCancel(m_calls.value(id));
    }
}

void UserAgent::sendCancel(const OutgoingCall& call) {
    const ClientTransaction* t = call.inviteTransaction.data();
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
    x.timeoutMs = m_settings.transactionTimeoutMs;
    qCInfo(lcUa) << "CANCEL" << call.id;
    sendRequest(x, [id = call.id](const RequestResult& r) {
        qCDebug(lcUa) << "CANCEL" << id << "answered" << (r.response ? r.response->statusCode() : 0)
                      << r.cause;
    });
}

void UserAgent::onInviteResult(const QString& id, const RequestResult& result) {
    auto it = m_calls.find(id);
    if (it == m_calls.end()) {
        return;
    }
    if (!result.succeeded()) {
        const int code = result.response ? result.response->statusCode() : 0;
        const bool canceled = it->cancelRequested && code == 487;
        const QString cause = canceled          ? u"Canceled"_s
                              : result.response ? SipCause::forStatus(code)
                                                : result.cause;
        const QString originator =
            canceled ? u"local"_s : (result.response ? u"remote"_s : u"system"_s);
        m_calls.erase(it);
        qCInfo(lcUa) << "call" << id << "failed:" << cause << code;
        Q_EMIT callEnded(id, originator, cause, code);
        return;
    }
    const SipMessage& resp = *result.response;
    it->established = true;
    it->invite.cseq = result.cseq;
    it->localCseq = result.cseq;
    it->remoteTo = resp.toHeader();
    const QList<SipContact> contacts = resp.contacts();
    it->remoteTarget = contacts.isEmpty() ? it->invite.requestUri : contacts.first().uri;
    QStringList routes = resp.recordRoutes();
    std::reverse(routes.begin(), routes.end()); // RFC 3261 §12.1.2
    it->routeSet = routes;
    // ACK for a 2xx is a new transaction of its own (RFC 3261 §13.2.2.4)
    OutgoingRequest ack;
    ack.method = u"ACK"_s;
    ack.requestUri = it->remoteTarget;
    ack.to = it->remoteTo;
    ack.fromTag = it->invite.fromTag;
    ack.callId = id;
    ack.cseq = result.cseq;
    for (const QString& route : std::as_const(it->routeSet)) {
        ack.headers.append({"Route", route.toUtf8()});
    }
    sendRaw(buildRequest(ack, RandomToken::branch(), {}));
    const bool hangUpNow = it->cancelRequested; // CANCEL lost the race against the 2xx
    qCInfo(lcUa) << "call" << id << "answered";
    Q_EMIT callAccepted(id, {{u"response"_s, resp.toJson()}});
    if (hangUpNow && m_calls.contains(id)) {
        hangUp(id);
    }
}

void UserAgent::sendInDialog(OutgoingCall& call, const QString& method, bool expectAnswer) {
    OutgoingRequest r;
    r.method = method;
    r.requestUri = call.remoteTarget;
    r.to = call.remoteTo;
    r.fromTag = call.invite.fromTag;
    r.callId = call.id;
    r.cseq = ++call.localCseq;
    r.timeoutMs = m_settings.transactionTimeoutMs;
    for (const QString& route : std::as_const(call.routeSet)) {
        r.headers.append({"Route", route.toUtf8()});
    }
    const QString id = call.id;
    sendRequest(r, [id, method, expectAnswer](const RequestResult& res) {
        if (expectAnswer) {
            qCDebug(lcUa) << method << id << "answered"
                          << (res.response ? res.response->statusCode() : 0) << res.cause;
        }
    });
}

bool UserAgent::hangUp(const QString& id) {
    auto it = m_calls.find(id);
    if (it == m_calls.end()) {
        return false;
    }
    if (it->established) {
        OutgoingCall c = *it;
        m_calls.erase(it);
        sendInDialog(c, u"BYE"_s, true);
        qCInfo(lcUa) << "BYE" << id;
        Q_EMIT callEnded(id, u"local"_s, u"Terminated"_s, 0);
        return true;
    }
    if (it->cancelRequested) {
        return true;
    }
    it->cancelRequested = true;
    if (it->provisional) {
        sendCancel(*it);
    }
    return true;
}

bool UserAgent::onInDialogRequest(const SipMessage& request) {
    auto it = m_calls.find(request.callId());
    if (it == m_calls.end() || !it->established || request.fromTag().isEmpty()) {
        return false;
    }
    const QString method = request.method();
    if (method == u"BYE"_s) {
        reply(request, 200, u"OK"_s);
        m_calls.erase(it);
        qCInfo(lcUa) << "call" << request.callId() << "ended by the remote party";
        Q_EMIT callEnded(request.callId(), u"remote"_s, u"Terminated"_s, 0);
        return true;
    }
    if (method == u"INVITE"_s || method == u"UPDATE"_s) {
        reply(request, 488, u"Not Acceptable Here"_s); // no media engine to renegotiate
        return true;
    }
    if (method == u"OPTIONS"_s || method == u"INFO"_s || method == u"NOTIFY"_s) {
        reply(request, 200, u"OK"_s);
        return true;
    }
    reply(request, 405, u"Method Not Allowed"_s);
    return true;
}

void UserAgent::endAllCalls(const QString& cause) {
    const auto calls = std::exchange(m_calls, {});
    for (const OutgoingCall& c : calls) {
        Q_EMIT callEnded(c.id, u"system"_s, cause, 0);
    }
}

} // namespace sip
