#include "emulator/EmulatorServer.h"

#include "emulator/ActionExecutor.h"
#include "emulator/BackgroundStreams.h"
#include "emulator/ControlServer.h"
#include "emulator/EmulatedConnection.h"
#include "emulator/EmulatedSession.h"
#include "emulator/EmulatorLog.h"
#include "emulator/FrameRecorder.h"
#include "emulator/RestApiServer.h"
#include "emulator/RestHookClient.h"
#include "emulator/SdpAnswerer.h"
#include "emulator/SessionContext.h"
#include "emulator/StreamRegistry.h"
#include "emulator/Timeline.h"

#include <QWebSocket>
#include <QWebSocketServer>

namespace emulator {

EmulatorServer::EmulatorServer(QObject* parent)
    : QObject(parent)
    , m_registry(std::make_unique<StreamRegistry>())
    , m_sdp(std::make_unique<SdpAnswerer>())
    , m_server(std::make_unique<QWebSocketServer>(QStringLiteral("callboard-emulator"),
                                                  QWebSocketServer::NonSecureMode)) {
    m_background = new BackgroundStreams(*m_registry, QStringLiteral("127.0.0.1"), this);
    m_executor =
        std::make_unique<ActionExecutor>([this] { return m_sessions; }, *m_registry, *m_background);
    connect(m_server.get(), &QWebSocketServer::newConnection, this,
            &EmulatorServer::onNewConnection);
}

EmulatorServer::~EmulatorServer() {
    close();
    // Children (sessions, connections, timers) refer to the members below: delete them first.
    // One at a time from the live list rather than from a snapshot of children(), so a child
    // that goes away along with another one can never be deleted twice.
    while (!children().isEmpty()) {
        delete children().constFirst();
    }
    m_control = nullptr;
    m_timeline = nullptr;
    m_background = nullptr;
}

void EmulatorServer::setScenario(const Scenario& scenario) {
    m_scenario = scenario;
}

bool EmulatorServer::setRecordFile(const QString& path) {
    auto recorder = std::make_unique<FrameRecorder>();
    QString error;
    if (!recorder->open(path, &error)) {
        m_error = QStringLiteral("cannot write %1: %2").arg(path, error);
        return false;
    }
    m_recorder = std::move(recorder);
    return true;
}

bool EmulatorServer::listen(const QHostAddress& address, quint16 port) {
    if (!m_scenario.restHooks.apps.isEmpty() && !m_hooks) {
        m_hooks = std::make_unique<RestHookClient>();
        m_hooks->setApps(m_scenario.restHooks.apps);
        m_hooks->setSecret(m_scenario.restHooks.secret.toUtf8());
        m_hooks->setTimeoutMs(m_scenario.restHooks.timeoutMs);
        m_hooks->setKeepAliveIntervalMs(m_scenario.restHooks.keepAliveIntervalMs);
    }
    if (!m_server->listen(address, port)) {
        m_error = QStringLiteral("cannot listen on %1:%2: %3")
                      .arg(address.toString())
                      .arg(port)
                      .arg(m_server->errorString());
        return false;
    }
    if (m_controlPort >= 0) {
        m_control = new ControlServer([this](const QJsonObject& a) { return execute(a); }, this);
        if (!m_control->listen(static_cast<quint16>(m_controlPort))) {
            m_error = QStringLiteral("cannot listen on 127.0.0.1:%1 for control: %2")
                          .arg(m_controlPort)
                          .arg(m_control->errorString());
            m_server->close();
            delete m_control;
            m_control = nullptr;
            return false;
        }
    }
    if (m_restApiPort >= 0 && !m_restApi) {
        m_restApi = new RestApiServer(
            *m_registry, [this] { return m_sessions; }, this);
        m_restApi->setCredentials(m_restApiUser, m_restApiPassword);
        m_restApiBound =
            m_restApi->listen(m_server->serverAddress(), static_cast<quint16>(m_restApiPort));
        if (m_restApiBound == 0) {
            m_error =
                QStringLiteral("cannot listen on port %1 for the REST API").arg(m_restApiPort);
            m_server->close();
            return false;
        }
    }
    m_background->setServerAddress(serverUrl().host());
    m_background->start(m_scenario.backgroundStreams);
    QList<Scenario::TimelineEntry> entries;
    for (const auto& e : m_scenario.timeline) {
        if (e.serverScope) {
            entries.append(e);
        }
    }
    if (!entries.isEmpty()) {
        m_timeline = new Timeline(
            entries, [this](const QJsonObject& a) { execute(a); }, this);
        m_timeline->start();
    }
    qCInfo(lcEmulator).noquote() << "WCS emulator listening on" << serverUrl().toString()
                                 << "control" << controlUrl().toString();
    return true;
}

void EmulatorServer::close() {
    if (m_timeline) {
        m_timeline->stop();
    }
    if (m_control) {
        m_control->close();
    }
    m_server->close();
    const QList<QPointer<EmulatedSession>> sessions = m_sessions; // terminate() edits the list
    for (const QPointer<EmulatedSession>& guard : sessions) {
        // One read of the guard: gcc -O2 cannot see that two reads agree.
        EmulatedSession* const s = guard.data();
        if (s) {
            s->terminate(1001, QStringLiteral("server shutdown"));
        }
    }
    m_background->stopAll();
}

bool EmulatorServer::isListening() const {
    return m_server->isListening();
}

QUrl EmulatorServer::serverUrl() const {
    if (!m_server->isListening()) {
        return {};
    }
    QHostAddress host = m_server->serverAddress();
    if (host == QHostAddress::Any || host == QHostAddress::AnyIPv4) {
        host = QHostAddress(QHostAddress::LocalHost);
    } else if (host == QHostAddress::AnyIPv6) {
        host = QHostAddress(QHostAddress::LocalHostIPv6);
    }
    QUrl url;
    url.setScheme(QStringLiteral("ws"));
    url.setHost(host.toString());
    url.setPort(m_server->serverPort());
    return url;
}

QUrl EmulatorServer::restApiUrl() const {
    if (!m_restApi || m_restApiBound == 0) {
        return {};
    }
    QUrl url = serverUrl();
    url.setScheme(QStringLiteral("http"));
    url.setPort(m_restApiBound);
    url.setPath(QStringLiteral("/rest-api"));
    return url;
}

QUrl EmulatorServer::controlUrl() const {
    return m_control ? m_control->url() : QUrl();
}

QJsonObject EmulatorServer::execute(const QJsonObject& action) {
    return m_executor->execute(action);
}

int EmulatorServer::sessionCount() const {
    int n = 0;
    for (const QPointer<EmulatedSession>& guard : m_sessions) {
        // One read of the guard: gcc -O2 cannot see that two reads agree.
        EmulatedSession* const s = guard.data();
        n += s && s->isEstablished() && !s->isEnded() && !s->isMediaTransport() ? 1 : 0;
    }
    return n;
}

EmulatedSession* EmulatorServer::findKeptAlive(const QString& authToken) const {
    for (const QPointer<EmulatedSession>& guard : m_sessions) {
        // One read of the guard: gcc -O2 cannot see that two reads agree.
        EmulatedSession* const s = guard.data();
        if (s && s->isEstablished() && !s->isEnded() && s->keepAlive() && !s->isMediaTransport() &&
            s->authToken() == authToken) {
            return s;
        }
    }
    return nullptr;
}

void EmulatorServer::onNewConnection() {
    while (QWebSocket* socket = m_server->nextPendingConnection()) {
        auto* conn = new EmulatedConnection(socket, m_nextConn++, m_recorder.get(),
                                            m_pingIntervalMs, m_pingProbes);
        connect(
            conn, &EmulatedConnection::frameWritten, this,
            [this, n = conn->number()](const QByteArray& frame) { Q_EMIT frameSent(n, frame); });
        SessionContext ctx;
        ctx.scenario = &m_scenario;
        ctx.streams = m_registry.get();
        ctx.sdp = m_sdp.get();
        ctx.hooks = m_hooks.get();
        ctx.findKeptAlive = [this](const QString& token) { return findKeptAlive(token); };
        ctx.runAction = [this](const QJsonObject& a) { execute(a); };
        auto* session = new EmulatedSession(ctx, this);
        session->attach(conn);
        connect(session, &EmulatedSession::established, this, &EmulatorServer::sessionEstablished);
        connect(session, &EmulatedSession::finished, this, &EmulatorServer::onSessionFinished);
        m_sessions.append(session);
    }
}

void EmulatorServer::onSessionFinished(EmulatedSession* session) {
    m_sessions.removeIf([session](const QPointer<EmulatedSession>& s) {
        return s.isNull() || s.data() == session;
    });
    if (session->isEstablished()) {
        Q_EMIT sessionEnded(session->sessionId());
    }
    session->deleteLater();
}

} // namespace emulator
