#pragma once

#include "emulator/Scenario.h"

#include <QHostAddress>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QUrl>

#include <memory>

class QWebSocketServer;

namespace emulator {

class ActionExecutor;
class BackgroundStreams;
class ControlServer;
class EmulatedSession;
class FrameRecorder;
class RestApiServer;
class RestHookClient;
class SdpAnswerer;
class StreamRegistry;
class Timeline;

/// The emulated Flashphoner WCS (shared/spec/wcs-protocol.md): a WebSocket server speaking the
/// client protocol of §2-§12 to any number of clients, one EmulatedSession each, with the
/// behaviour of a Scenario, plus a loopback-only control endpoint (ControlServer) that tests
/// use to trigger incoming calls, data pushes, stream failures and faults.
///
/// Usable in-process (the desktop app's --demo, the integration tests) and from the
/// `callboard-emulator` executable. Configure with the setters, then listen().
///
/// Ownership: the server owns every session and every connection (QObject children) and is
/// the only one that deletes a session: with deleteLater() once it has finished, or in the
/// destructor. Everything else that keeps a session across a call that may end it (the
/// session list, ActionExecutor's targets) holds a QPointer.
class EmulatorServer : public QObject {
    Q_OBJECT

public:
    explicit EmulatorServer(QObject* parent = nullptr);
    ~EmulatorServer() override;

    /// Scenario for sessions and the server timeline; set it before listen(). Default: a quiet
    /// Scenario{} (everyone registers, every callee answers after 1000 ms).
    void setScenario(const Scenario& scenario);
    const Scenario& scenario() const { return m_scenario; }
    /// Keep-alive ping interval (ms, spec §2.2; default 5000; 0 = no pings). Before listen().
    void setPingIntervalMs(int ms) { m_pingIntervalMs = ms; }
    /// Missed pongs in a row before the socket is closed (default 10). Before listen().
    void setPingProbes(int probes) { m_pingProbes = probes; }
    /// Control endpoint port on 127.0.0.1 (0 = any free port, the default; -1 = none).
    void setControlPort(int port) { m_controlPort = port; }
    /// WCS REST API (spec §14, RestApiServer) port on the WCS address: -1 = none (the
    /// default), 0 = any free port. Before listen().
    void setRestApiPort(int port) { m_restApiPort = port; }
    /// HTTP Basic auth for the REST API (empty user = none). Before listen().
    void setRestApiCredentials(const QString& user, const QByteArray& password) {
        m_restApiUser = user;
        m_restApiPassword = password;
    }
    /// http://HOST:PORT/rest-api, empty when there is no REST API.
    QUrl restApiUrl() const;
    /// The REST API server (null before listen() or without one), e.g. for fault tests.
    RestApiServer* restApi() const { return m_restApi; }
    /// Records every frame to `path` as JSON Lines (FrameRecorder). False with errorString().
    bool setRecordFile(const QString& path);

    /// Starts the WCS WebSocket server on `address`:`port` (0 = a free port), the control
    /// endpoint, the background streams and the server timeline. False with errorString().
    bool listen(const QHostAddress& address = QHostAddress(QHostAddress::LocalHost),
                quint16 port = 0);
    /// Stops listening and ends every session (close code 1001).
    void close();
    bool isListening() const;
    /// ws://HOST:PORT of the WCS endpoint (127.0.0.1 when bound to any address).
    QUrl serverUrl() const;
    /// ws://127.0.0.1:PORT of the control endpoint, empty when there is none.
    QUrl controlUrl() const;
    QString errorString() const { return m_error; }

    /// Runs one control action in-process, exactly as the control endpoint would.
    QJsonObject execute(const QJsonObject& action);
    /// Live, established client sessions.
    int sessionCount() const;

Q_SIGNALS:
    void sessionEstablished(const QString& sessionId);
    void sessionEnded(const QString& sessionId);
    /// A server -> client text frame (UTF-8 JSON) was just handed to connection `conn`'s socket
    /// (EmulatedConnection::frameWritten), after any configured delay or stall. Emitted on the
    /// server's thread for every frame, pings included; receivers must be cheap (the latency
    /// bench takes its send timestamps here).
    void frameSent(int conn, const QByteArray& frame);

private:
    void onNewConnection();
    void onSessionFinished(EmulatedSession* session);
    EmulatedSession* findKeptAlive(const QString& authToken) const;
    void destroySessions();

    Scenario m_scenario;
    int m_pingIntervalMs = 5000;
    int m_pingProbes = 10;
    int m_controlPort = 0;
    int m_nextConn = 1;
    QString m_error;
    std::unique_ptr<FrameRecorder> m_recorder;
    std::unique_ptr<StreamRegistry> m_registry;
    std::unique_ptr<SdpAnswerer> m_sdp;
    /// REST hooks (Scenario::restHooks); outlives the sessions, which use it until deleted.
    std::unique_ptr<RestHookClient> m_hooks;
    RestApiServer* m_restApi = nullptr;
    int m_restApiPort = -1;
    quint16 m_restApiBound = 0;
    QString m_restApiUser;
    QByteArray m_restApiPassword;
    std::unique_ptr<QWebSocketServer> m_server;
    BackgroundStreams* m_background = nullptr;
    std::unique_ptr<ActionExecutor> m_executor;
    ControlServer* m_control = nullptr;
    Timeline* m_timeline = nullptr;
    QList<QPointer<EmulatedSession>> m_sessions; ///< not finished yet, in connection order
};

} // namespace emulator
