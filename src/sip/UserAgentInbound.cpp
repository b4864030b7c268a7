// Inbound half of sip::UserAgent: frames, responses to our transactions, and the answers to
// incoming requests (spec §8.1, §8.2, §8.5-§8.9; RFC 3261 §8.2, §17.1.3).
#include "sip/UserAgent.h"

#include "sip/DigestAuth.h"
#include "sip/Logging.h"
#include "sip/RandomToken.h"

#include <QWebSocket>

using namespace Qt::Literals::StringLiterals;

namespace sip {

namespace {

bool isRfcMethod(const QString& m) {
    static const QStringList known{u"INVITE"_s,    u"ACK"_s,      u"CANCEL"_s,  u"BYE"_s,
                                   u"OPTIONS"_s,   u"REGISTER"_s, u"MESSAGE"_s, u"NOTIFY"_s,
                                   u"SUBSCRIBE"_s, u"REFER"_s,    u"INFO"_s,    u"UPDATE"_s,
                                   u"PRACK"_s,     u"PUBLISH"_s};
    return known.contains(m);
}

} // namespace

void UserAgent::onFrame(const QByteArray& frame) {
    if (frame == "\r\n\r\n") { // RFC 5626 §3.5.1 style keep-alive ping over the socket
        if (m_socket && m_socketOpen) {
            m_socket->sendTextMessage(u"\r\n"_s);
        }
        return;
    }
    if (frame == "\r\n") {
        return; // keep-alive pong
    }
    qCDebug(lcTransport).noquote() << "SIP in:\n"
                                   << QString::fromUtf8(SipMessage::redacted(frame)).remove(u'\r');
    QString error;
    const auto msg = SipMessage::parse(frame, &error);
    if (!msg) {
        reject(u"malformed: "_s + error, frame);
        return;
    }
    if (frame.size() > m_settings.maxMessageBytes) {
        if (msg->isRequest() && msg->method() != u"ACK"_s) {
            reply(*msg, 513, u"Message Too Large"_s); // RFC 3261 §21.5.14
        }
        reject(u"oversized: %1 bytes"_s.arg(frame.size()), frame);
        return;
    }
    if (msg->isResponse()) {
        onResponse(*msg);
    } else {
        onRequest(*msg);
    }
}

void UserAgent::onResponse(const SipMessage& response) {
    auto it = m_transactions.find(transactionKey(response.topViaBranch(), response.method()));
    if (it == m_transactions.end()) {
        // RFC 3261 §8.1.3.3 / §18.1.2: a response matching no transaction is dropped.
        reject(u"response matches no client transaction"_s, response.raw());
        return;
    }
    ClientTransaction* t = it->second.get();
    const int code = response.statusCode();
    if (code < 200) {
        t->provisionalReceived();
        if (t->onProvisional && code > 100) {
            t->onProvisional(response);
        }
        return;
    }
    if (code >= 300 && t->request().method == u"INVITE"_s) {
        sendRaw(buildAck(t->request(), t->branch(), response)); // RFC 3261 §17.1.1.3
    }
    if (code == 401 || code == 407) {
        const auto challenge = DigestChallenge::fromResponse(response);
        const bool canRetry = challenge && challenge->isSupported() &&
                              m_settings.config.password.has_value() &&
                              (t->authAttempts == 0 || (challenge->stale && !t->staleSeen));
        if (canRetry) {
            ++t->authAttempts;
            t->staleSeen = t->staleSeen || challenge->stale;
            OutgoingRequest& r = t->request();
            r.cseq += 1;
            const QByteArray header =
                (challenge->proxy ? "Proxy-Authorization: " : "Authorization: ") +
                DigestAuth::authorization(*challenge, m_settings.config.authorizationUser,
                                          *m_settings.config.password, r.method, r.requestUri, 1,
                                          RandomToken::make(12), r.body);
            auto node = m_transactions.extract(it);
            const QString newBranch = t->restart();
            node.key() = transactionKey(newBranch, r.method);
            m_transactions.insert(std::move(node));
            qCDebug(lcUa) << r.method << "challenged with" << code << "- retrying with credentials";
            sendRaw(buildRequest(r, newBranch, header));
            return;
        }
    }
    auto owned = std::move(it->second);
    m_transactions.erase(it);
    RequestResult result;
    result.response = response;
    result.cseq = owned->request().cseq;
    ClientTransaction* raw = owned.release();
    raw->finish(result);
    raw->deleteLater();
    maybeFinishStop();
}

void UserAgent::reply(const SipMessage& request, int code, const QString& reason,
                      const QList<std::pair<QByteArray, QByteArray>>& headers) {
    const QString tag = code > 100 ? RandomToken::make(10) : QString();
    const QByteArray data = request.makeResponse(code, reason, tag, headers);
    if (data.isEmpty()) {
        qCWarning(lcUa) << "could not build" << code << "for" << request.method();
        return;
    }
    sendRaw(data);
}

void UserAgent::onRequest(const SipMessage& request) {
    const QString method = request.method();
    qCInfo(lcUa) << "incoming" << method << "from" << request.fromUri();
    if (method == u"ACK"_s) {
        // ACK for a 2xx of ours goes to its call; for a non-2xx final answer it is absorbed
        // (RFC 3261 §17.2.1).
        routeToSession(request);
        return;
    }
    const QString scheme = request.requestUriScheme();
    if (scheme != u"sip"_s) {
        reply(request, 416, u"Unsupported URI Scheme"_s); // spec §8.2, RFC 3261 §8.2.2.1
        return;
    }
    const QString ruser = request.requestUriUser();
    if (ruser != m_settings.config.authorizationUser && ruser != m_contactUser) {
        reply(request, 404, u"Not Found"_s); // spec §8.2
        return;
    }
    if ((!request.toTag().isEmpty() || method == u"CANCEL"_s) && routeToSession(request)) {
        return;
    }
    if (!request.toTag().isEmpty()) {
        reply(request, 481, u"Call/Transaction Does Not Exist"_s); // RFC 3261 §12.2.2
        return;
    }
    if (method == u"OPTIONS"_s) {
        reply(request, 200, u"OK"_s, {{"Allow", allowedMethods()}, {"Accept", "application/sdp"}});
        return;
    }
    if (method == u"MESSAGE"_s) {
        Q_EMIT newMessage({{u"originator"_s, u"remote"_s},
                           {u"id"_s, request.callId()},
                           {u"request"_s, request.toJson()}});
        reply(request, 200, u"OK"_s, {{"Supported", "outbound"}});
        return;
    }
    if (method == u"NOTIFY"_s) {
        const QStringList parts = request.header("event").split(u';');
        QJsonObject params;
        for (qsizetype i = 1; i < parts.size(); ++i) {
            const QString kv = parts.at(i).trimmed();
            const qsizetype eq = kv.indexOf(u'=');
            params.insert(eq < 0 ? kv : kv.left(eq), eq < 0 ? QString() : kv.mid(eq + 1));
        }
        Q_EMIT sipEvent({{u"event"_s, QJsonObject{{u"event"_s, parts.value(0).trimmed()},
                                                  {u"params"_s, params}}},
                         {u"request"_s, request.toJson()}});
        reply(request, 200, u"OK"_s);
        return;
    }
    if (method == u"INVITE"_s) {
        onIncomingInvite(request);
        return;
    }
    if (method == u"BYE"_s || method == u"CANCEL"_s) {
        reply(request, 481, u"Call/Transaction Does Not Exist"_s); // spec §8.7
        return;
    }
    if (isRfcMethod(method)) {
        reply(request, 405, u"Method Not Allowed"_s,
              {{"Allow", allowedMethods()}}); // RFC 3261 §8.2.1
        return;
    }
    // An extension method we do not recognise: RFC 3261 §21.5.2.
    reply(request, 501, u"Not Implemented"_s, {{"Allow", allowedMethods()}});
    qCInfo(lcUa) << "answered unknown method" << method << "with 501";
}

} // namespace sip
