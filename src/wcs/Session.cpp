#include "wcs/Session.h"

#include "core/Lifecycle.h"
#include "wcs/Codec.h"
#include "wcs/Logging.h"
#include "wcs/PlaceholderSdp.h"
#include "wcs/SdpOfferCache.h"
#include "wcs/TlsConfigurator.h"

#include <QMetaMethod>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QUuid>
#include <QWebSocket>

namespace wcs {

namespace {

QString newId() {
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

template <class... Ts> struct Overloaded : Ts... { using Ts::operator()...; };

bool isTerminalStatusText(const QString& status, bool forStream) {
    if (forStream) {
        return core::Lifecycle<core::StreamStatus>::isTerminal(
            core::fromWire<core::StreamStatus>(QStringView(status)).value);
    }
    return core::Lifecycle<core::CallStatus>::isTerminal(
        core::fromWire<core::CallStatus>(QStringView(status)).value);
}

} // namespace

Session::Session(SessionOptions options, QObject* parent)
    : Session(std::move(options), std::make_shared<core::SystemClock>(), parent) {}

Session::Session(SessionOptions options, std::shared_ptr<const core::Clock> clock, QObject* parent)
    : QObject(parent)
    , m_options(std::move(options))
    , m_clock(std::move(clock))
    , m_offers(std::make_unique<SdpOfferCache>(m_clock, m_options.sdpCacheTtlMs))
    , m_backoff(m_options.reconnectMinMs, m_options.reconnectMaxMs, 20,
                [] { return QRandomGenerator::global()->generateDouble(); }) {
    m_connectTimer.setSingleShot(true);
    m_reconnectTimer.setSingleShot(true);
    connect(&m_watchdog, &QTimer::timeout, this, [this] {
        if (m_lastInbound.isValid() && m_lastInbound.elapsed() < m_options.watchdogMs) {
            return;
        }
        fail(QStringLiteral("no frame from the server for %1 ms (receive watchdog, spec §2.2)")
                 .arg(m_options.watchdogMs));
    });
    connect(&m_connectTimer, &QTimer::timeout, this, [this] {
        fail(
            QStringLiteral("the socket did not open within %1 ms").arg(m_options.connectTimeoutMs));
    });
    connect(&m_reconnectTimer, &QTimer::timeout, this, [this] {
        m_nextReconnectAtMs = 0;
        open();
    });
}

Session::~Session() {
    if (m_socket) {
        m_socket->disconnect(this);
        m_socket->abort();
    }
}

void Session::open() {
    if (m_socket) {
        return;
    }
    m_userClosed = false;
    m_socketFailed = false;
    m_failReason.clear();
    m_reconnectTimer.stop();
    createSocket();
    setStatus(core::SessionStatus::Pending);
    qCInfo(lcTransport) << "opening" << m_options.url.toString(QUrl::RemoveUserInfo) << "attempt"
                        << m_reconnectAttempt;
    if (m_options.connectTimeoutMs > 0) {
        m_connectTimer.start(m_options.connectTimeoutMs);
    }
    m_socket->open(m_options.url);
}

void Session::close() {
    m_userClosed = true;
    m_reconnectTimer.stop();
    m_nextReconnectAtMs = 0;
    m_reconnectAttempt = 0;
    m_authToken.clear();
    if (m_socket) {
        m_socket->close(QWebSocketProtocol::CloseCodeNormal, QStringLiteral("closed by user"));
        // A socket that never opened emits no disconnected(); finish it here.
        if (m_socket && m_socket->state() != QAbstractSocket::ClosingState) {
            finishSocket(core::SessionStatus::Disconnected, QStringLiteral("closed by user"));
        }
    }
}

void Session::createSocket() {
    m_socket = std::make_unique<QWebSocket>(QString(), QWebSocketProtocol::VersionLatest);
    m_socket->setMaxAllowedIncomingMessageSize(static_cast<quint64>(m_options.maxMessageBytes));
    m_socket->setMaxAllowedIncomingFrameSize(static_cast<quint64>(m_options.maxMessageBytes));
    if (m_options.url.scheme() == QLatin1StringView("wss")) {
        TlsConfigurator::apply(*m_socket, m_options.tls);
    }
    QWebSocket* s = m_socket.get();
    connect(s, &QWebSocket::connected, this, &Session::onConnected);
    connect(s, &QWebSocket::disconnected, this, &Session::onDisconnected);
    // Qt 6.4 names the signal error(); errorOccurred() arrived in 6.5.
    connect(s, qOverload<QAbstractSocket::SocketError>(&QWebSocket::error), this,
            &Session::onErrorOccurred);
    connect(s, &QWebSocket::sslErrors, this, &Session::onSslErrors);
    connect(s, &QWebSocket::textMessageReceived, this, &Session::onTextMessage);
    connect(s, &QWebSocket::binaryMessageReceived, this, [this](const QByteArray& data) {
        m_lastInbound.start(); // spec §2.1: binary frames on the main socket are ignored
        qCDebug(lcProtocol) << "ignored binary frame of" << data.size() << "bytes";
    });
}

void Session::onConnected() {
    m_connectTimer.stop();
    setStatus(core::SessionStatus::Connected);
    ConnectionParameters params = m_options.connection;
    if (params.keepAlive.value_or(false) && !m_authToken.isEmpty()) {
        params.authToken = m_authToken; // re-attach to the kept-alive server session (§2.3)
    }
    send("connection", Codec::connection(params));
    if (m_options.watchdogMs > 0) {
        // Checked a few times per period rather than restarted per frame: restarting a QTimer
        // for every inbound frame costs more than decoding it.
        m_lastInbound.start();
        m_watchdog.start(std::max(10, m_options.watchdogMs / 10));
    }
}

void Session::onErrorOccurred(QAbstractSocket::SocketError error) {
    if (!m_socket) {
        return;
    }
    m_socketFailed = true;
    if (m_failReason.isEmpty()) {
        m_failReason = m_socket->errorString();
    }
    qCWarning(lcTransport) << "socket error" << error << m_failReason;
    // Errors before the socket opened produce no disconnected() in every Qt version.
    if (m_socket->state() == QAbstractSocket::UnconnectedState) {
        QTimer::singleShot(0, this, [this, s = m_socket.get()] {
            if (m_socket.get() == s) {
                finishSocket(core::SessionStatus::Failed, m_failReason);
            }
        });
    }
}

void Session::onSslErrors(const QList<QSslError>& errors) {
    if (TlsConfigurator::accepts(*m_socket, m_options.tls, errors)) {
        m_socket->ignoreSslErrors(errors);
        return;
    }
    QStringList reasons;
    for (const QSslError& e : errors) {
        reasons << e.errorString();
    }
    m_failReason = QStringLiteral("TLS certificate rejected: %1").arg(reasons.join(u"; "));
    m_socketFailed = true;
}

void Session::onDisconnected() {
    if (!m_socket) {
        return;
    }
    // A socket that never opened (refused, unreachable, TLS rejected) failed, whatever order
    // Qt reports error() and disconnected() in.
    const bool neverOpened = m_status == core::SessionStatus::Pending;
    if (neverOpened && !m_userClosed) {
        m_socketFailed = true;
        if (m_failReason.isEmpty()) {
            m_failReason =
                QStringLiteral("could not connect to %1: %2")
                    .arg(m_options.url.toString(QUrl::RemoveUserInfo), m_socket->errorString());
        }
    }
    QString reason = m_failReason;
    if (reason.isEmpty()) {
        reason = m_userClosed ? QStringLiteral("closed by user")
                              : QStringLiteral("server closed the connection (code %1%2)")
                                    .arg(m_socket->closeCode())
                                    .arg(m_socket->closeReason().isEmpty()
                                             ? QString()
                                             : QStringLiteral(", ") + m_socket->closeReason());
    }
    const bool failed = m_socketFailed && !m_userClosed;
    finishSocket(failed ? core::SessionStatus::Failed : core::SessionStatus::Disconnected, reason);
}

void Session::fail(const QString& reason) {
    if (!m_socket) {
        return;
    }
    qCWarning(lcTransport) << "session failed:" << reason;
    m_failReason = reason;
    m_socketFailed = true;
    finishSocket(core::SessionStatus::Failed, reason);
}

void Session::finishSocket(core::SessionStatus terminal, const QString& reason) {
    if (!m_socket) {
        return;
    }
    m_watchdog.stop();
    m_connectTimer.stop();
    std::unique_ptr<QWebSocket> socket = std::move(m_socket);
    const int closeCode = socket->closeCode();
    socket->disconnect(this);
    socket->abort();
    socket.release()->deleteLater();

    m_debugOn = false;
    failLocalObjects(reason);
    m_offers->clear();
    core::ConnectionStatusEvent e;
    e.status = terminal;
    e.info = reason;
    e.sessionId = m_sessionId;
    e.closeCode = closeCode;
    m_status = terminal;
    qCInfo(lcTransport) << "session" << core::toWire(terminal) << reason;
    Q_EMIT connectionStatusChanged(e);
    if (!m_userClosed && m_options.autoReconnect) {
        scheduleReconnect();
    }
}

void Session::failLocalObjects(const QString& info) {
    // The SDK fails every stream it knew about when the session ends (spec §2.3); calls die with
    // the media connection too. Report them FAILED with the reason instead of leaving them live.
    const QString why = QStringLiteral("session ended: %1").arg(info);
    const auto streams = std::exchange(m_streams, {});
    for (auto it = streams.cbegin(); it != streams.cend(); ++it) {
        core::StreamStatusEvent s;
        s.mediaSessionId = it.key();
        s.name = it->name;
        s.published = it->published;
        s.status = core::StreamStatus::Failed;
        s.info = why;
        Q_EMIT streamStatusChanged(s);
    }
    const auto calls = std::exchange(m_calls, {});
    for (auto it = calls.cbegin(); it != calls.cend(); ++it) {
        core::CallStatusEvent c = *it;
        c.status = core::CallStatus::Failed;
        c.info = why;
        c.isIncomingCallOffer = false;
        Q_EMIT callStatusChanged(c);
    }
}

void Session::scheduleReconnect() {
    ++m_reconnectAttempt;
    const int delay = m_backoff.delayMs(m_reconnectAttempt);
    m_nextReconnectAtMs = m_clock->nowMs() + delay;
    qCInfo(lcTransport) << "reconnect attempt" << m_reconnectAttempt << "in" << delay << "ms";
    m_reconnectTimer.start(delay);
    Q_EMIT reconnectScheduled(m_reconnectAttempt, delay);
}

void Session::setStatus(core::SessionStatus status, const QString& info) {
    m_status = status;
    core::ConnectionStatusEvent e;
    e.status = status;
    e.info = info;
    e.sessionId = m_sessionId;
    Q_EMIT connectionStatusChanged(e);
}

void Session::onTextMessage(const QString& text) {
    m_lastInbound.start(); // any inbound frame proves liveness (§2.2)
    static const QMetaMethod logSignal = QMetaMethod::fromSignal(&Session::frameLogged);
    if (isSignalConnected(logSignal)) {
        Q_EMIT frameLogged(false, Codec::redact(text.toUtf8()));
    }
    Decoded decoded = Codec::decode(QStringView(text));
    if (auto* error = std::get_if<DecodeError>(&decoded)) {
        qCWarning(lcProtocol) << "dropped frame:" << error->reason;
        Q_EMIT protocolWarning(error->reason, Codec::redact(error->raw));
        return;
    }
    dispatch(std::get<ServerMessage>(std::move(decoded)));
}

void Session::dispatch(ServerMessage&& message) {
    std::visit(Overloaded{
                   [this](const Ping&) { send("pong", Codec::pong()); },
                   [this](const UserData& u) { handleUserData(u); },
                   [this](const core::RegistrationStatusEvent& r) {
                       if (r.status == core::RegistrationStatus::Registered) {
                           m_status = core::SessionStatus::Registered;
                       }
                       Q_EMIT registrationStatusChanged(r);
                   },
                   [this](const RemoteSdp& r) {
                       if (m_streams.contains(r.id) || m_calls.contains(r.id)) {
                           Q_EMIT remoteSdpReceived(r.id, r.sdp);
                       } else {
                           m_offers->put(r.id, r.sdp); // an incoming-call offer comes first (§7.2)
                       }
                   },
                   [this](const core::StreamStatusEvent& s) {
                       if (core::Lifecycle<core::StreamStatus>::isTerminal(s.status.value)) {
                           m_streams.remove(s.mediaSessionId);
                       }
                       Q_EMIT streamStatusChanged(s);
                   },
                   [this](const StreamEvent& e) { Q_EMIT streamEventReceived(e); },
                   [this](const StreamAvailability& a) { Q_EMIT streamAvailabilityReceived(a); },
                   [this](const VideoRate& v) { Q_EMIT videoRateReceived(v); },
                   [this](const core::CallStatusEvent& c) {
                       if (core::Lifecycle<core::CallStatus>::isTerminal(c.status.value)) {
                           m_calls.remove(c.callId);
                           m_offers->remove(c.callId);
                       } else {
                           m_calls.insert(c.callId, c);
                       }
                       if (c.isIncomingCallOffer) {
                           Q_EMIT incomingCallReceived(c);
                       }
                       Q_EMIT callStatusChanged(c);
                   },
                   [this](const core::TransferStatusEvent& t) { Q_EMIT transferStatusChanged(t); },
                   [](const AudioCodec& a) {
                       qCDebug(lcProtocol) << "notifyAudioCodec" << a.callId << a.codecName;
                   },
                   [this](const core::DataStatusEvent& d) { Q_EMIT dataStatusReceived(d); },
                   [this](const core::OnDataEvent& d) { Q_EMIT dataReceived(d); },
                   [this](const core::SessionDebugStatusEvent& d) {
                       m_debugOn = d.status == core::SessionDebugStatus::Started;
                       Q_EMIT sessionDebugStatusChanged(d);
                   },
                   [this](const core::ErrorEvent& e) { handleFail(e); },
                   [](const MetricsControl& m) {
                       qCDebug(lcProtocol)
                           << m.message << "ignored: metrics upload is not supported";
                   },
                   [this](const UnknownMessage& u) {
                       const QString reason =
                           QStringLiteral("%1 message '%2' ignored")
                               .arg(u.legacy ? QStringLiteral("API v1") : QStringLiteral("unknown"),
                                    u.name);
                       qCInfo(lcProtocol) << reason;
                       Q_EMIT protocolWarning(reason, {});
                   },
               },
               message);
}

void Session::handleUserData(const UserData& u) {
    m_sessionId = u.sessionId;
    if (!u.authToken.isEmpty()) {
        m_authToken = u.authToken;
    }
    m_sipLogin = u.sipLogin.isEmpty() ? m_options.connection.sipLogin : u.sipLogin;
    m_reconnectAttempt = 0;
    m_nextReconnectAtMs = 0;
    core::ConnectionStatusEvent e;
    e.status = core::SessionStatus::Established;
    e.sessionId = u.sessionId;
    e.appKey = u.appKey;
    e.nodeId = u.nodeId;
    e.sipLogin = m_sipLogin;
    m_status = core::SessionStatus::Established;
    Q_EMIT connectionStatusChanged(e);
}

void Session::handleFail(const core::ErrorEvent& e) {
    qCWarning(lcProtocol) << "fail from server:" << e.apiMethod << e.id << e.info << e.status;
    Q_EMIT errorReceived(e); // always a warning (spec §11)
    if (e.apiMethod == QLatin1StringView("RegistrationStatusEvent") && !e.status.isEmpty()) {
        core::RegistrationStatusEvent r;
        r.status = core::fromWire<core::RegistrationStatus>(QStringView(e.status));
        r.info = e.info;
        if (m_status == core::SessionStatus::Registered) {
            m_status = core::SessionStatus::Established;
        }
        Q_EMIT registrationStatusChanged(r);
        return;
    }
    if (e.id.isEmpty() || e.status.isEmpty()) {
        return;
    }
    // Fail the referenced object only with a terminal status (spec §11).
    if (const auto it = m_streams.constFind(e.id);
        it != m_streams.cend() && isTerminalStatusText(e.status, true)) {
        core::StreamStatusEvent s;
        s.mediaSessionId = e.id;
        s.name = it->name;
        s.published = it->published;
        s.status = core::fromWire<core::StreamStatus>(QStringView(e.status));
        s.info = e.info;
        m_streams.remove(e.id);
        Q_EMIT streamStatusChanged(s);
    } else if (const auto call = m_calls.constFind(e.id);
               call != m_calls.cend() && isTerminalStatusText(e.status, false)) {
        core::CallStatusEvent c = *call;
        c.status = core::fromWire<core::CallStatus>(QStringView(e.status));
        c.info = e.info;
        c.isIncomingCallOffer = false;
        m_calls.remove(e.id);
        Q_EMIT callStatusChanged(c);
    }
}

bool Session::ready(const char* command) {
    if (m_socket && (m_status == core::SessionStatus::Established ||
                     m_status == core::SessionStatus::Registered)) {
        return true;
    }
    const QString reason =
        QStringLiteral("session is %1, not ESTABLISHED").arg(core::toWire(m_status));
    qCWarning(lcProtocol) << "refused" << command << ":" << reason;
    Q_EMIT commandRefused(QLatin1StringView(command), reason);
    return false;
}

bool Session::send(const char* command, const QByteArray& frame) {
    if (!m_socket || m_socket->state() != QAbstractSocket::ConnectedState) {
        Q_EMIT commandRefused(QLatin1StringView(command), QStringLiteral("socket is not open"));
        return false;
    }
    static const QMetaMethod logSignal = QMetaMethod::fromSignal(&Session::frameLogged);
    if (isSignalConnected(logSignal) || lcProtocol().isDebugEnabled()) {
        const QByteArray redacted = Codec::redact(frame);
        qCDebug(lcProtocol) << ">>>" << redacted;
        Q_EMIT frameLogged(true, redacted);
    }
    m_socket->sendTextMessage(QString::fromUtf8(frame));
    return true;
}

// --- calls ---

QString Session::call(CallRequest r) {
    if (!ready("call")) {
        return {};
    }
    if (r.callId.isEmpty()) {
        r.callId = newId();
    }
    if (r.caller.isNull()) {
        r.caller = m_options.connection.appKey == QLatin1StringView("clickToCallApp")
                       ? QStringLiteral("")
                       : m_sipLogin;
    }
    if (r.visibleName.isNull()) {
        r.visibleName = r.caller; // the SDK's default display name (conformance, spec §5.3)
    }
    if (r.sdp.isEmpty()) {
        r.sdp = PlaceholderSdp::create({r.hasAudio, r.hasVideo, QStringLiteral("sendrecv"), {}});
    }
    core::CallStatusEvent c;
    c.callId = r.callId;
    c.status = core::CallStatus::Pending;
    c.caller = r.caller;
    c.callee = r.callee;
    c.incoming = false;
    m_calls.insert(r.callId, c);
    return send("call", Codec::call(r)) ? r.callId : QString();
}

bool Session::answer(const QString& callId, CallRequest r) {
    if (!ready("answer")) {
        return false;
    }
    const QString offer = m_offers->find(callId);
    if (offer.isEmpty()) {
        Q_EMIT commandRefused(QStringLiteral("answer"),
                              QStringLiteral("no SDP offer from the server for call %1 yet "
                                             "(spec §7.2)")
                                  .arg(callId));
        return false;
    }
    r.callId = callId;
    if (const auto it = m_calls.constFind(callId); it != m_calls.cend()) {
        if (r.caller.isEmpty()) {
            r.caller = it->caller;
        }
        if (r.callee.isEmpty()) {
            r.callee = it->callee;
        }
    }
    if (r.sdp.isEmpty()) {
        r.sdp = PlaceholderSdp::create({true, false, QStringLiteral("sendrecv"), offer});
    }
    return send("answer", Codec::answer(r));
}

bool Session::hangUp(const QString& callId) {
    return ready("hangup") && send("hangup", Codec::hangup(callId));
}

bool Session::hold(const QString& callId, bool holdForTransfer) {
    return ready("hold") && send("hold", Codec::hold(callId, holdForTransfer));
}

bool Session::unhold(const QString& callId) {
    return ready("unhold") && send("unhold", Codec::unhold(callId));
}

bool Session::transfer(const QString& callId, const QString& target) {
    if (target.trimmed().isEmpty()) {
        Q_EMIT commandRefused(QStringLiteral("transfer"), QStringLiteral("empty transfer target"));
        return false;
    }
    return ready("transfer") && send("transfer", Codec::transfer(callId, target.trimmed()));
}

bool Session::sendDtmf(const QString& callId, const QString& digits, core::DtmfType type) {
    static const QRegularExpression valid(QStringLiteral("^[0-9*#A-Da-d]+$"));
    if (!valid.match(digits).hasMatch()) {
        Q_EMIT commandRefused(QStringLiteral("sendDtmf"),
                              QStringLiteral("DTMF digits must be 0-9, *, #, A-D"));
        return false;
    }
    return ready("sendDtmf") && send("sendDtmf", Codec::sendDtmf(callId, digits.toUpper(), type));
}

QString Session::remoteOffer(const QString& callId) const {
    return m_offers->find(callId);
}

// --- streams ---

QString Session::publishStream(StreamRequest r) {
    if (!ready("publishStream")) {
        return {};
    }
    if (r.mediaSessionId.isEmpty()) {
        r.mediaSessionId = newId();
    }
    r.published = true;
    r.status = QStringLiteral("PENDING");
    if (r.sdp.isEmpty()) {
        r.sdp = PlaceholderSdp::create({r.hasAudio, r.hasVideo, QStringLiteral("sendonly"), {}});
    }
    m_streams.insert(r.mediaSessionId, r);
    return send("publishStream", Codec::publishStream(r)) ? r.mediaSessionId : QString();
}

QString Session::playStream(StreamRequest r) {
    if (!ready("playStream")) {
        return {};
    }
    if (r.mediaSessionId.isEmpty()) {
        r.mediaSessionId = newId();
    }
    r.published = false;
    r.status = QStringLiteral("PENDING");
    if (r.sdp.isEmpty()) {
        r.sdp = PlaceholderSdp::create({r.hasAudio, r.hasVideo, QStringLiteral("recvonly"), {}});
    }
    m_streams.insert(r.mediaSessionId, r);
    return send("playStream", Codec::playStream(r)) ? r.mediaSessionId : QString();
}

bool Session::unPublishStream(const QString& mediaSessionId) {
    if (!ready("unPublishStream")) {
        return false;
    }
    StreamRequest r = m_streams.value(mediaSessionId);
    r.mediaSessionId = mediaSessionId;
    r.status = QStringLiteral("PUBLISHING");
    return send("unPublishStream", Codec::unPublishStream(r));
}

bool Session::stopStream(const QString& mediaSessionId) {
    if (!ready("stopStream")) {
        return false;
    }
    StreamRequest r = m_streams.value(mediaSessionId);
    r.mediaSessionId = mediaSessionId;
    r.status = QStringLiteral("PLAYING");
    return send("stopStream", Codec::stopStream(r));
}

QString Session::availableStream(const QString& name) {
    const QString id = newId();
    return ready("availableStream") && send("availableStream", Codec::availableStream(id, name))
               ? id
               : QString();
}

QString Session::snapshot(const QString& name, const QString& mediaSessionId) {
    const QString id = mediaSessionId.isEmpty() ? newId() : mediaSessionId;
    return ready("snapshot") && send("snapshot", Codec::snapshot(id, name)) ? id : QString();
}

bool Session::sendStreamEvent(const QString& mediaSessionId, core::StreamEventType type,
                              const QByteArray& payloadJson) {
    return ready("sendStreamEvent") &&
           send("sendStreamEvent", Codec::sendStreamEvent(mediaSessionId, type, payloadJson));
}

// --- session level ---

QString Session::sendData(const QByteArray& payloadJson) {
    const QString id = newId();
    return ready("sendData") && send("sendData", Codec::sendData(id, payloadJson)) ? id : QString();
}

bool Session::startDebug() {
    return ready("sessionDebug") && send("sessionDebug", Codec::sessionDebug(true));
}

bool Session::stopDebug() {
    return ready("sessionDebug") && send("sessionDebug", Codec::sessionDebug(false));
}

bool Session::pushLogs(const QString& line) {
    if (!m_debugOn) {
        return false; // spec §9.2: only while the server debug session is on
    }
    return ready("pushLogs") && send("pushLogs", Codec::pushLogs(line));
}

} // namespace wcs
