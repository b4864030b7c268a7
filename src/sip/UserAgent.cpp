#include "sip/UserAgent.h"

#include "sip/DigestAuth.h"
#include "sip/Logging.h"
#include "sip/RandomToken.h"
#include "sip/Registrator.h"
#include "sip/SipCause.h"

#include <QNetworkRequest>
#include <QRandomGenerator>
#include <QSslConfiguration>
#include <QSslError>
#include <QWebSocket>
#include <QWebSocketHandshakeOptions>

using namespace Qt::Literals::StringLiterals;

namespace sip {

namespace {

constexpr qint64 kMaxWebSocketMessage = 4 * 1024 * 1024; // beyond this Qt closes (1009)
constexpr qsizetype kRejectedFrameKept = 2048;

} // namespace

UserAgent::UserAgent(UaSettings settings, QObject* parent)
    : QObject(parent)
    , m_settings(std::move(settings))
    , m_backoff(m_settings.recoveryMinSeconds, m_settings.recoveryMaxSeconds)
    , m_viaHost(RandomToken::make(12) + u".invalid"_s)
    , m_contactUser(RandomToken::make(8))
    , m_instanceId(m_settings.instanceId.isEmpty() ? RandomToken::uuid() : m_settings.instanceId)
    , m_callIdPrefix(RandomToken::make(5)) {
    m_registrator = std::make_unique<Registrator>(*this);
    connect(m_registrator.get(), &Registrator::registered, this, &UserAgent::registered);
    connect(m_registrator.get(), &Registrator::unregistered, this, &UserAgent::unregistered);
    connect(m_registrator.get(), &Registrator::registrationFailed, this,
            &UserAgent::registrationFailed);
    m_recoveryTimer.setSingleShot(true);
    connect(&m_recoveryTimer, &QTimer::timeout, this, [this] {
        if (!m_stopping && !m_socket) {
            openSocket();
        }
    });
    m_shutdownTimer.setSingleShot(true);
    connect(&m_shutdownTimer, &QTimer::timeout, this, [this] {
        if (!m_socket) {
            return;
        }
        if (m_socket->state() == QAbstractSocket::ClosingState || m_transactions.empty()) {
            qCInfo(lcTransport) << "close handshake did not finish; aborting the socket";
            finishSocket({{u"socket"_s, socketJson()}, {u"error"_s, false}});
            return;
        }
        qCInfo(lcUa) << "shutdown cap reached with" << m_transactions.size()
                     << "open transaction(s); closing";
        failAllTransactions(SipCause::connectionError());
    });
}

UserAgent::~UserAgent() {
    if (m_socket) {
        m_socket->disconnect(this);
        m_socket->abort();
    }
}

bool UserAgent::isTransportConnected() const {
    return m_socket && m_socketOpen;
}

Registrator& UserAgent::registrator() {
    return *m_registrator;
}

bool UserAgent::isRegistered() const {
    return m_registrator->isRegistered();
}

QString UserAgent::contactUri() const {
    return u"sip:"_s + m_contactUser + u'@' + m_viaHost + u";transport=ws"_s;
}

QString UserAgent::targetUri(const QString& target) const {
    const QString t = target.trimmed();
    if (t.startsWith(u"sip:"_s, Qt::CaseInsensitive) ||
        t.startsWith(u"sips:"_s, Qt::CaseInsensitive)) {
        return t;
    }
    return u"sip:"_s + t + u'@' + m_settings.config.sipServerIp;
}

QJsonObject UserAgent::socketJson() const {
    const bool secure = m_settings.url.scheme() == u"wss"_s;
    return {{u"url"_s, m_settings.url.toString()},
            {u"via_transport"_s, secure ? u"WSS"_s : u"WS"_s}};
}

void UserAgent::start() {
    m_stopping = false;
    m_stopped = false;
    m_attempts = 0;
    openSocket();
}

void UserAgent::openSocket() {
    m_socketOpen = false;
    m_sawError = false;
    m_lastError.clear();
    Q_EMIT transportConnecting(m_attempts);
    if (m_stopping) {
        return;
    }
    m_socket = std::make_unique<QWebSocket>(QString(), QWebSocketProtocol::VersionLatest);
    m_socket->setMaxAllowedIncomingMessageSize(kMaxWebSocketMessage);
    m_socket->setMaxAllowedIncomingFrameSize(kMaxWebSocketMessage);
    QWebSocket* s = m_socket.get();
    connect(s, &QWebSocket::connected, this, &UserAgent::onConnected);
    connect(s, &QWebSocket::disconnected, this, &UserAgent::onSocketClosed);
    // Qt 6.4 names the signal error(); errorOccurred() arrived in 6.5.
    connect(s, qOverload<QAbstractSocket::SocketError>(&QWebSocket::error), this,
            &UserAgent::onSocketError);
    connect(s, &QWebSocket::textMessageReceived, this,
            [this](const QString& text) { onFrame(text.toUtf8()); });
    connect(s, &QWebSocket::binaryMessageReceived, this, &UserAgent::onFrame);
    if (m_settings.url.scheme() == u"wss"_s && !m_settings.caCertificates.isEmpty()) {
        QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
        tls.addCaCertificates(m_settings.caCertificates);
        s->setSslConfiguration(tls);
    }
    connect(s, &QWebSocket::sslErrors, this, [](const QList<QSslError>& errors) {
        for (const QSslError& e : errors) {
            qCWarning(lcTransport) << "TLS:" << e.errorString();
        }
    });
    QWebSocketHandshakeOptions options;
    options.setSubprotocols({u"sip"_s});
    qCInfo(lcTransport) << "opening" << m_settings.url.toString(QUrl::RemoveUserInfo) << "attempts"
                        << m_attempts;
    s->open(QNetworkRequest(m_settings.url), options);
}

void UserAgent::onConnected() {
    m_socketOpen = true;
    m_everConnected = true;
    m_attempts = 0;
    qCInfo(lcTransport) << "open" << m_settings.url.toString(QUrl::RemoveUserInfo) << "subprotocol"
                        << m_socket->subprotocol();
    Q_EMIT transportConnected();
    if (m_socket && m_socketOpen && !m_stopping && m_settings.config.register_) {
        m_registrator->registerNow();
    }
}

void UserAgent::onSocketError(QAbstractSocket::SocketError error) {
    if (!m_socket || sender() != m_socket.get()) {
        return;
    }
    m_sawError = true;
    m_lastError = m_socket->errorString();
    qCInfo(lcTransport) << "socket error" << error << m_lastError;
    if (!m_socketOpen || m_socket->state() == QAbstractSocket::UnconnectedState) {
        QJsonObject p{{u"socket"_s, socketJson()}, {u"error"_s, true}, {u"reason"_s, m_lastError}};
        if (m_socketOpen) {
            p.insert(u"code"_s, 1006);
        }
        finishSocket(p);
    }
}

void UserAgent::onSocketClosed() {
    if (!m_socket || sender() != m_socket.get()) {
        return;
    }
    if (!m_socketOpen && !m_sawError && !m_stopping) {
        // Qt 6.4 reports a refused TCP connect as disconnected() before error(): give the
        // error (with its text) one event-loop turn to arrive, then finish either way.
        QPointer<QWebSocket> s = m_socket.get();
        QMetaObject::invokeMethod(
            this,
            [this, s] {
                if (s && m_socket.get() == s.data()) {
                    const QString text = s->errorString();
                    finishSocket({{u"socket"_s, socketJson()},
                                  {u"error"_s, true},
                                  {u"reason"_s, text.isEmpty() ? u"closed before the WebSocket "
                                                                 u"handshake"_s
                                                               : text}});
                }
            },
            Qt::QueuedConnection);
        return;
    }
    QJsonObject p{{u"socket"_s, socketJson()}};
    const int code = static_cast<int>(m_socket->closeCode());
    const QString reason = m_socket->closeReason();
    if (!m_socketOpen) {
        p.insert(u"error"_s, !m_stopping);
        p.insert(u"reason"_s, m_lastError.isEmpty() ? reason : m_lastError);
    } else if (m_sawError && reason.isEmpty() && !m_stopping) {
        // No close frame came before the TCP connection ended: abnormal closure (RFC 6455 §7.1.5)
        p.insert(u"error"_s, true);
        p.insert(u"code"_s, 1006);
        p.insert(u"reason"_s, QString());
    } else {
        p.insert(u"error"_s, false);
        p.insert(u"code"_s, code);
        p.insert(u"reason"_s, reason);
    }
    finishSocket(p);
}

void UserAgent::finishSocket(QJsonObject payload) {
    if (!m_socket) {
        return;
    }
    QWebSocket* s = m_socket.release();
    s->disconnect(this);
    if (s->state() != QAbstractSocket::UnconnectedState) {
        s->abort();
    }
    s->deleteLater();
    m_socketOpen = false;
    m_shutdownTimer.stop();
    qCInfo(lcTransport) << "closed" << payload;
    Q_EMIT transportDisconnected(payload);
    m_registrator->transportClosed();
    failAllTransactions(SipCause::connectionError());
    endAllCalls(SipCause::connectionError());
    if (m_stopping) {
        m_stopped = true;
        Q_EMIT stopped();
        return;
    }
    if (m_reopenAtOnce) {
        m_reopenAtOnce = false;
        m_attempts = 1;
        openSocket();
        return;
    }
    if (m_everConnected) {
        scheduleRecovery();
    }
}

void UserAgent::scheduleRecovery() {
    ++m_attempts;
    const int delay = m_backoff.delaySeconds(m_attempts);
    qCInfo(lcTransport) << "recovery attempt" << m_attempts << "in" << delay << "s";
    m_recoveryTimer.start(delay * 1000);
    Q_EMIT recoveryScheduled(m_attempts, delay * 1000);
}

void UserAgent::retryStart() {
    if (m_socket || m_everConnected || m_stopping || m_stopped) {
        return;
    }
    m_attempts = 0;
    openSocket();
}

void UserAgent::restartTransport() {
    if (!m_socket || m_stopping) {
        return;
    }
    m_reopenAtOnce = true;
    if (!m_socketOpen) {
        finishSocket({{u"socket"_s, socketJson()}, {u"error"_s, false}});
        return;
    }
    m_socket->close(QWebSocketProtocol::CloseCodeNormal, u"registration recovery"_s);
    m_shutdownTimer.start(1000);
}

void UserAgent::stop() {
    if (m_stopping) {
        return;
    }
    m_stopping = true;
    m_recoveryTimer.stop();
    m_reopenAtOnce = false;
    if (!m_socket) {
        Q_EMIT transportDisconnected({{u"socket"_s, socketJson()}, {u"error"_s, false}});
        m_stopped = true;
        Q_EMIT stopped();
        return;
    }
    if (!m_socketOpen) {
        finishSocket({{u"socket"_s, socketJson()}, {u"error"_s, false}});
        return;
    }
    if (m_registrator->isRegistered()) {
        m_registrator->unregister();
    }
    for (const QString& id : m_sessions.keys()) {
        hangUp(id); // §8.10: terminate every session (CANCEL/486/BYE) on shutdown
    }
    m_shutdownTimer.start(m_settings.shutdownTimeoutMs);
    maybeFinishStop();
}

void UserAgent::maybeFinishStop() {
    if (!m_stopping || !m_socket || !m_socketOpen || !m_transactions.empty()) {
        return;
    }
    if (m_socket->state() == QAbstractSocket::ClosingState) {
        return;
    }
    qCInfo(lcTransport) << "closing (shutdown)";
    m_socket->close(QWebSocketProtocol::CloseCodeNormal);
    m_shutdownTimer.start(1000); // cap on the close handshake
}

bool UserAgent::sendRaw(const QByteArray& data) {
    if (!m_socket || !m_socketOpen || data.isEmpty()) {
        return false;
    }
    qCDebug(lcTransport).noquote() << "SIP out:\n"
                                   << QString::fromUtf8(SipMessage::redacted(data)).remove(u'\r');
    m_socket->sendTextMessage(QString::fromUtf8(data));
    return true;
}

OutgoingRequest UserAgent::newRequest(const QString& method, const QString& uri) const {
    OutgoingRequest r;
    r.method = method;
    r.requestUri = uri;
    r.to = u'<' + uri + u'>';
    r.fromTag = RandomToken::make(10);
    r.callId = m_callIdPrefix + RandomToken::make(15);
    r.cseq = QRandomGenerator::global()->bounded(10000u);
    r.timeoutMs = m_settings.transactionTimeoutMs;
    return r;
}

QByteArray UserAgent::buildRequest(const OutgoingRequest& r, const QString& branch,
                                   const QByteArray& authHeader) const {
    const QByteArray transport = m_settings.url.scheme() == u"wss"_s ? "WSS" : "WS";
    const QString display = m_settings.wireDisplayName;
    const QString from = !r.from.isEmpty()
                             ? r.from
                             : (display.isEmpty() ? QString() : u'"' + display + u"\" "_s) + u'<' +
                                   aor() + u">;tag="_s + r.fromTag;
    QByteArray out;
    out += r.method.toUtf8() + ' ' + r.requestUri.toUtf8() + " SIP/2.0\r\n";
    out += "Via: SIP/2.0/" + transport + ' ' + m_viaHost.toUtf8() + ";branch=" + branch.toUtf8() +
           "\r\n";
    out += "Max-Forwards: 69\r\n";
    out += "To: " + r.to.toUtf8() + "\r\n";
    out += "From: " + from.toUtf8() + "\r\n";
    out += "Call-ID: " + r.callId.toUtf8() + "\r\n";
    out += "CSeq: " + QByteArray::number(r.cseq) + ' ' + r.method.toUtf8() + "\r\n";
    if (!authHeader.isEmpty()) {
        out += authHeader + "\r\n";
    }
    for (const auto& [name, value] : r.headers) {
        out += name + ": " + value + "\r\n";
    }
    out += "Allow: " + allowedMethods() + "\r\n";
    out += "Supported: " + r.supported.toUtf8() + "\r\n";
    out += "User-Agent: " + m_settings.userAgent.toUtf8() + "\r\n";
    if (!r.contentType.isEmpty()) {
        out += "Content-Type: " + r.contentType.toUtf8() + "\r\n";
    }
    out += "Content-Length: " + QByteArray::number(r.body.size()) + "\r\n\r\n";
    out += r.body;
    return out;
}

QString UserAgent::transactionKey(const QString& branch, const QString& method) {
    return branch + u'|' + method; // CANCEL shares the INVITE's branch (RFC 3261 §9.1)
}

ClientTransaction* UserAgent::sendRequest(OutgoingRequest request,
                                          ClientTransaction::Callback callback) {
    if (!isTransportConnected()) {
        RequestResult result;
        result.cause = SipCause::connectionError();
        result.cseq = request.cseq;
        callback(result);
        return nullptr;
    }
    auto* t = new ClientTransaction(std::move(request), std::move(callback));
    const QString branch = t->restart();
    connect(t, &ClientTransaction::timedOut, this, [this, t] {
        auto it = m_transactions.find(transactionKey(t->branch(), t->request().method));
        if (it == m_transactions.end()) {
            return;
        }
        it->second.release();
        m_transactions.erase(it);
        qCInfo(lcUa) << t->request().method << "timed out (Timer B/F)";
        RequestResult result;
        result.cause = SipCause::requestTimeout();
        result.cseq = t->request().cseq;
        t->finish(result);
        t->deleteLater();
        maybeFinishStop();
    });
    m_transactions.emplace(transactionKey(branch, t->request().method),
                           std::unique_ptr<ClientTransaction>(t));
    sendRaw(buildRequest(t->request(), branch, {}));
    return t;
}

void UserAgent::failAllTransactions(const QString& cause) {
    auto pending = std::move(m_transactions);
    m_transactions.clear();
    for (auto& [branch, t] : pending) {
        RequestResult result;
        result.cause = cause;
        result.cseq = t->request().cseq;
        ClientTransaction* raw = t.release();
        raw->finish(result);
        raw->deleteLater();
    }
    maybeFinishStop();
}

QString UserAgent::sendMessage(const QString& target, const QByteArray& body,
                               const QString& contentType) {
    if (!isTransportConnected()) {
        return {};
    }
    OutgoingRequest r = newRequest(u"MESSAGE"_s, targetUri(target));
    r.body = body;
    r.contentType = contentType.isEmpty() ? u"text/plain"_s : contentType;
    const QString id = r.callId;
    const auto preview = SipMessage::parse(buildRequest(r, RandomToken::branch(), {}));
    Q_EMIT newMessage({{u"originator"_s, u"local"_s},
                       {u"id"_s, id},
                       {u"request"_s, preview ? preview->toJson() : QJsonObject()}});
    sendRequest(r, [this, id](const RequestResult& result) {
        QJsonObject p;
        if (result.response) {
            p.insert(u"response"_s, result.response->toJson());
        }
        if (!result.succeeded()) {
            p.insert(u"cause"_s, result.response
                                     ? SipCause::forStatus(result.response->statusCode())
                                     : result.cause);
        }
        qCInfo(lcUa) << "MESSAGE" << id << (result.succeeded() ? "delivered" : "failed")
                     << p.value(u"cause"_s).toString();
        Q_EMIT messageFinished(id, result.succeeded(), p);
    });
    return id;
}

void UserAgent::reject(const QString& reason, const QByteArray& frame) {
    qCWarning(lcUa).noquote() << "inbound SIP dropped:" << reason << "frame of" << frame.size()
                              << "bytes:"
                              << SipMessage::redacted(
                                     frame.first(std::min(frame.size(), qsizetype{200})));
    Q_EMIT inputRejected(reason, SipMessage::redacted(frame.left(kRejectedFrameKept)));
}

} // namespace sip
