#include "sip/ConnectionManager.h"

#include "sip/Logging.h"
#include "sip/Registrator.h"
#include "sip/SipCause.h"
#include "sip/UserAgent.h"

#include <QJsonDocument>
#include <QPointer>

#include <memory>

using namespace Qt::Literals::StringLiterals;

namespace sip {

using Input = ConnectionStateMachine::Input;

ConnectionManager::ConnectionManager(ConnectionManagerOptions options, QObject* parent)
    : QObject(parent)
    , m_options(std::move(options)) {
    connect(&m_state, &ConnectionStateMachine::stateChanged, this,
            &ConnectionManager::stateChanged);
    m_registrationRecovery.setSingleShot(true);
    connect(&m_registrationRecovery, &QTimer::timeout, this, [this] {
        if (m_ua && !m_stopping) {
            qCInfo(lcUa) << "registration recovery: restarting the transport";
            m_ua->restartTransport();
        }
    });
    m_connectRetry.setSingleShot(true);
    connect(&m_connectRetry, &QTimer::timeout, this, [this] {
        if (m_ua && m_connectPending && !m_stopping) {
            m_ua->retryStart();
        }
    });
}

ConnectionManager::~ConnectionManager() {
    if (m_ua) {
        m_ua->disconnect(this);
        delete m_ua;
    }
}

bool ConnectionManager::isRegistered() const {
    return m_ua && m_ua->isRegistered();
}

bool ConnectionManager::isTransportConnected() const {
    return m_ua && m_ua->isTransportConnected();
}

QString ConnectionManager::uri(const QString& id) const {
    return m_config ? u"sip:"_s + id + u'@' + m_config->sipServerIp : QString();
}

void ConnectionManager::emitEvent(ConnectionEvent event, const QJsonObject& payload) {
    if (lcUa().isInfoEnabled()) {
        const QJsonObject safe = ConnectionParameters::redactedJson(payload);
        qCInfo(lcUa).noquote() << qualifiedName(event)
                               << QJsonDocument(safe).toJson(QJsonDocument::Compact).left(600);
    }
    Q_EMIT eventOccurred(event, payload);
}

void ConnectionManager::connectTo(const ConnectionParameters& parameters) {
    connectTo(ParametersProvider([parameters] { return ParametersResult(parameters); }));
}

void ConnectionManager::connectTo(ParametersProvider provider) {
    if (m_ua || m_requested) {
        m_queuedConnect = std::move(provider);
        disconnectFromServer();
        return;
    }
    runConnect(provider);
}

void ConnectionManager::runConnect(const ParametersProvider& provider) {
    m_requested = true;
    m_stopping = false;
    m_registrationFailures = 0;
    m_connectTries = 1;
    m_state.send(Input::StartConnect);
    emitEvent(ConnectionEvent::ConnectStarted, {});
    const ParametersResult result = provider ? provider() : ParametersResult(u"no parameters"_s);
    if (const auto* error = std::get_if<QString>(&result)) {
        const QJsonObject payload{{u"message"_s, *error}};
        emitEvent(ConnectionEvent::ConnectParametersResolveFailed, payload);
        failConnect(payload);
        return;
    }
    const auto& params = std::get<ConnectionParameters>(result);
    emitEvent(ConnectionEvent::ConnectParametersResolveSuccess, params.toJson());
    if (const auto error = params.validate()) {
        failConnect({{u"message"_s, *error}});
        return;
    }
    m_config = ConnectionConfig::derive(params);
    m_backoff.emplace(params.connectionRecoveryMinInterval, params.connectionRecoveryMaxInterval);
    UaSettings s;
    s.config = *m_config;
    s.url = params.webSocketUrl();
    s.wireDisplayName = params.wireDisplayName();
    s.userAgent = params.userAgent.value_or(m_options.defaultUserAgent);
    s.extraHeaders = params.extraHeaders;
    s.registerExpires = params.registerExpires;
    s.sessionTimers = params.sessionTimers;
    s.recoveryMinSeconds = params.connectionRecoveryMinInterval;
    s.recoveryMaxSeconds = params.connectionRecoveryMaxInterval;
    s.transactionTimeoutMs = m_options.transactionTimeoutMs;
    s.shutdownTimeoutMs = m_options.shutdownTimeoutMs;
    s.maxMessageBytes = m_options.maxMessageBytes;
    s.instanceId = m_options.instanceId;
    s.caCertificates = m_options.caCertificates;
    m_state.send(Input::StartUa);
    m_connectPending = true;
    auto* ua = new UserAgent(std::move(s), this);
    ua->setDescriptionHandlerFactory(m_descriptionHandlerFactory);
    m_ua = ua;
    connect(ua, &UserAgent::transportConnecting, this, &ConnectionManager::onUaConnecting);
    connect(ua, &UserAgent::transportConnected, this, &ConnectionManager::onUaConnected);
    connect(ua, &UserAgent::transportDisconnected, this, &ConnectionManager::onUaDisconnected);
    connect(ua, &UserAgent::registered, this, &ConnectionManager::onUaRegistered);
    connect(ua, &UserAgent::unregistered, this, [this](const QJsonObject& p) {
        m_state.send(Input::UaUnregistered);
        emitEvent(ConnectionEvent::Unregistered, p);
    });
    connect(ua, &UserAgent::registrationFailed, this, &ConnectionManager::onUaRegistrationFailed);
    connect(ua, &UserAgent::newMessage, this,
            [this](const QJsonObject& p) { emitEvent(ConnectionEvent::NewMessage, p); });
    connect(ua, &UserAgent::sipEvent, this,
            [this](const QJsonObject& p) { emitEvent(ConnectionEvent::SipEvent, p); });
    connect(ua, &UserAgent::newRtcSession, this,
            [this](const QJsonObject& p) { emitEvent(ConnectionEvent::NewRtcSession, p); });
    connect(ua, &UserAgent::messageFinished, this, &ConnectionManager::messageFinished);
    connect(ua, &UserAgent::inputRejected, this, &ConnectionManager::inputRejected);
    connect(ua, &UserAgent::callProgress, this, &ConnectionManager::callProgress);
    connect(ua, &UserAgent::callAccepted, this, &ConnectionManager::callAccepted);
    connect(ua, &UserAgent::callEnded, this, &ConnectionManager::callEnded);
    connect(ua, &UserAgent::recoveryScheduled, this, &ConnectionManager::recoveryScheduled);
    connect(ua, &UserAgent::stopped, this, &ConnectionManager::onUaStopped);
    ua->start();
}

void ConnectionManager::failConnect(const QJsonObject& payload) {
    m_connectPending = false;
    m_state.send(Input::UaDisconnected);
    emitEvent(ConnectionEvent::ConnectFailed, payload);
    if (!m_ua) {
        m_requested = false; // §5.4: no UA, the state stays `disconnected`
    }
}

void ConnectionManager::succeedConnect() {
    m_connectPending = false;
    emitEvent(ConnectionEvent::ConnectSucceeded, m_config ? m_config->toJson() : QJsonObject());
}

void ConnectionManager::scheduleTeardown() {
    // After connect-failed the manager stops the UA (§5.5, §5.6). Queued so that the UA
    // finishes the handler that reported the failure first.
    QPointer<UserAgent> ua = m_ua;
    QMetaObject::invokeMethod(
        this,
        [this, ua] {
            if (ua && ua.data() == m_ua && !m_stopping) {
                disconnectFromServer();
            }
        },
        Qt::QueuedConnection);
}

void ConnectionManager::onUaConnecting(int attempts) {
    m_state.send(Input::UaConnecting);
    emitEvent(
        ConnectionEvent::Connecting,
        {{u"socket"_s,
          QJsonObject{{u"url"_s, m_ua ? m_ua->settings().url.toString() : QString()},
                      {u"via_transport"_s,
                       m_ua && m_ua->settings().url.scheme() == u"wss"_s ? u"WSS"_s : u"WS"_s}}},
         {u"attempts"_s, attempts}});
}

void ConnectionManager::onUaConnected() {
    const bool reg = m_config && m_config->register_;
    m_state.send(Input::UaConnected, reg);
    if (m_config) {
        emitEvent(ConnectionEvent::ConnectedWithConfiguration, m_config->toJson());
    }
    QJsonObject socket{
        {u"url"_s, m_ua->settings().url.toString()},
        {u"via_transport"_s, m_ua->settings().url.scheme() == u"wss"_s ? u"WSS"_s : u"WS"_s}};
    emitEvent(ConnectionEvent::Connected, {{u"socket"_s, socket}});
    if (m_connectPending && !reg) {
        succeedConnect();
    }
}

void ConnectionManager::onUaDisconnected(const QJsonObject& payload) {
    m_registrationRecovery.stop();
    m_state.send(Input::UaDisconnected);
    emitEvent(ConnectionEvent::Disconnected, payload);
    if (m_connectPending && !m_stopping && m_ua && !m_ua->everConnected() &&
        m_connectTries < m_options.numberOfConnectionAttempts) {
        ++m_connectTries;
        const int delayMs = m_ua->settings().recoveryMinSeconds * 1000;
        qCInfo(lcUa) << "handshake failed; connect try" << m_connectTries << "of"
                     << m_options.numberOfConnectionAttempts << "in" << delayMs << "ms";
        m_connectRetry.start(delayMs);
        return;
    }
    if (m_connectPending && !m_stopping) {
        failConnect(payload);
        scheduleTeardown();
    }
}

void ConnectionManager::onUaRegistered(const QJsonObject& payload) {
    m_registrationFailures = 0;
    m_state.send(Input::UaRegistered);
    emitEvent(ConnectionEvent::Registered, payload);
    if (m_connectPending) {
        succeedConnect();
    }
}

void ConnectionManager::onUaRegistrationFailed(const QJsonObject& payload) {
    m_state.send(Input::UaDisconnected);
    emitEvent(ConnectionEvent::RegistrationFailed, payload);
    if (m_connectPending && !m_stopping) {
        failConnect(payload);
        scheduleTeardown();
        return;
    }
    if (!m_stopping && m_ua && m_ua->isTransportConnected() && m_backoff) {
        const int delay = m_backoff->delaySeconds(++m_registrationFailures);
        qCInfo(lcUa) << "registration lost while connected ("
                     << payload.value(u"cause"_s).toString() << "); restarting the transport in"
                     << delay << "s";
        m_registrationRecovery.start(delay * 1000);
        Q_EMIT recoveryScheduled(m_registrationFailures, delay * 1000);
    }
}

void ConnectionManager::disconnectFromServer() {
    if (!m_ua && !m_requested) {
        return;
    }
    if (m_stopping) {
        return;
    }
    m_stopping = true;
    m_connectPending = false; // cancelled: no connect-failed (§5.1)
    m_registrationRecovery.stop();
    m_connectRetry.stop();
    m_state.send(Input::StartDisconnect);
    emitEvent(ConnectionEvent::Disconnecting, {});
    if (!m_ua) {
        m_state.send(Input::UaDisconnected);
        emitEvent(ConnectionEvent::Disconnected,
                  {{u"socket"_s, QJsonObject()}, {u"error"_s, false}});
        onUaStopped();
        return;
    }
    m_ua->stop();
}

void ConnectionManager::onUaStopped() {
    if (m_ua) {
        m_ua->disconnect(this);
        m_ua->deleteLater();
        m_ua = nullptr;
    }
    m_state.send(Input::Reset);
    m_config.reset();
    m_requested = false;
    m_stopping = false;
    if (m_queuedConnect) {
        auto provider = std::move(*m_queuedConnect);
        m_queuedConnect.reset();
        runConnect(provider);
    }
}

void ConnectionManager::registerNow() {
    if (m_ua && m_ua->isTransportConnected()) {
        m_ua->registrator().registerNow();
    }
}

void ConnectionManager::unregister() {
    if (m_ua && m_ua->isTransportConnected()) {
        m_ua->registrator().unregister();
    }
}

void ConnectionManager::tryRegister() {
    if (!m_ua || !m_ua->isTransportConnected()) {
        return;
    }
    if (!m_ua->isRegistered()) {
        m_ua->registrator().registerNow();
        return;
    }
    QPointer<UserAgent> ua = m_ua;
    m_ua->registrator().unregister([ua] {
        if (ua && ua->isTransportConnected()) {
            ua->registrator().registerNow();
        }
    });
}

void ConnectionManager::checkTelephony(const ConnectionParameters& parameters,
                                       std::function<void(bool, const QString&)> done) {
    ConnectionParameters p = parameters;
    p.register_ = false;
    if (const auto error = p.validate()) {
        done(false, *error);
        return;
    }
    UaSettings s;
    s.config = ConnectionConfig::derive(p);
    s.url = p.webSocketUrl();
    s.wireDisplayName = p.wireDisplayName();
    s.userAgent = p.userAgent.value_or(m_options.defaultUserAgent);
    s.transactionTimeoutMs = m_options.transactionTimeoutMs;
    s.caCertificates = m_options.caCertificates;
    auto* probe = new UserAgent(std::move(s), this);
    auto opened = std::make_shared<bool>(false);
    connect(probe, &UserAgent::transportConnected, probe, [probe, opened] {
        *opened = true;
        QMetaObject::invokeMethod(probe, &UserAgent::stop, Qt::QueuedConnection);
    });
    connect(probe, &UserAgent::transportDisconnected, probe, [probe, opened] {
        if (!*opened) {
            QMetaObject::invokeMethod(probe, &UserAgent::stop, Qt::QueuedConnection);
        }
    });
    connect(probe, &UserAgent::stopped, this, [probe, opened, done = std::move(done)] {
        probe->deleteLater();
        qCInfo(lcUa) << "telephony check:" << (*opened ? "available" : "not available");
        done(*opened, *opened ? QString() : u"Telephony is not available"_s);
    });
    probe->start();
}

QString ConnectionManager::sendMessage(const QString& target, const QString& body,
                                       const QString& contentType) {
    return m_ua ? m_ua->sendMessage(target, body.toUtf8(), contentType) : QString();
}

void ConnectionManager::setDescriptionHandlerFactory(SessionDescriptionHandlerFactory factory) {
    m_descriptionHandlerFactory = std::move(factory);
    if (m_ua) {
        m_ua->setDescriptionHandlerFactory(m_descriptionHandlerFactory);
    }
}

QString ConnectionManager::call(const QString& target) {
    return m_ua ? m_ua->call(target) : QString();
}

bool ConnectionManager::hangUp(const QString& callId) {
    return m_ua && m_ua->hangUp(callId);
}

RtcSession* ConnectionManager::session(const QString& callId) const {
    return m_ua ? m_ua->session(callId) : nullptr;
}

void ConnectionManager::ping(OptionsCallback done) {
    if (!m_config) {
        done(false, {{u"cause"_s, SipCause::connectionError()}});
        return;
    }
    sendOptionsTo(m_config->aor(), m_options.pingTimeoutMs, std::move(done));
}

void ConnectionManager::sendOptions(const QString& target, OptionsCallback done) {
    if (!m_ua) {
        done(false, {{u"cause"_s, SipCause::connectionError()}});
        return;
    }
    sendOptionsTo(m_ua->targetUri(target), m_options.transactionTimeoutMs, std::move(done));
}

void ConnectionManager::sendOptionsTo(const QString& uri, int timeoutMs, OptionsCallback done) {
    if (!m_ua) {
        done(false, {{u"cause"_s, SipCause::connectionError()}});
        return;
    }
    OutgoingRequest r = m_ua->newRequest(u"OPTIONS"_s, uri);
    r.timeoutMs = timeoutMs;
    m_ua->sendRequest(r, [done = std::move(done)](const RequestResult& result) {
        QJsonObject p;
        if (result.response) {
            p.insert(u"response"_s, result.response->toJson());
        }
        if (!result.succeeded()) {
            p.insert(u"cause"_s, result.response
                                     ? SipCause::forStatus(result.response->statusCode())
                                     : result.cause);
        }
        done(result.succeeded(), p);
    });
}

} // namespace sip
