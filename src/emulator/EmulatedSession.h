#pragma once

#include "emulator/FrameSink.h"
#include "emulator/SessionContext.h"

#include <QByteArrayList>
#include <QJsonObject>
#include <QObject>
#include <QString>
#include <QTimer>

namespace emulator {

class CallEngine;
class EmulatedConnection;
class SessionHooks;
class SipRegistrar;
class StreamEngine;
class Timeline;

/// The server side of one WCS client session (spec §3-§12): answers `connection` with
/// `getUserData`, registers the SIP account, hands calls to its CallEngine and streams to its
/// StreamEngine, answers sendData, sessionDebug and keeps count of pushLogs. Unknown commands
/// and malformed frames are logged and ignored; nothing a client sends can end the session.
///
/// Keep-alive (spec §2.3): with `keepAlive:true` the session outlives its socket for
/// Scenario::keepAliveGraceMs; frames meanwhile are queued, and a later `connection` carrying
/// the session's `authToken` re-attaches a new socket to it (same sessionId, calls and streams,
/// `getUserData` again, `registered` again if registered, then the queued frames). Without
/// keep-alive, or when the grace period ends, the session ends: its streams stop ("Stopped by
/// session disconnect") and its calls are dropped.
class EmulatedSession : public QObject, public FrameSink {
    Q_OBJECT

public:
    /// Frames queued at most while detached.
    static constexpr int kMaxQueuedFrames = 1000;

    EmulatedSession(const SessionContext& context, QObject* parent = nullptr);
    ~EmulatedSession() override;

    /// Takes `connection` (ownership included) as this session's socket.
    void attach(EmulatedConnection* connection);
    /// The current socket, null while detached.
    EmulatedConnection* connection() const { return m_conn; }

    bool isEstablished() const { return m_established; }
    bool isMediaTransport() const { return m_mediaTransport; }
    bool isEnded() const { return m_ended; }
    bool keepAlive() const { return m_keepAlive; }
    QString sessionId() const { return m_sessionId; }
    QString authToken() const { return m_authToken; }
    QString sipLogin() const { return m_sipLogin; }
    int pushLogsCount() const { return m_pushLogs; }

    CallEngine& calls() { return *m_calls; }
    /// `OnDataEvent {operationId, payload}` from the "backend" (spec §8); returns operationId.
    QString pushData(const QJsonValue& payload);
    /// State for the control endpoint's `sessions` reply.
    QJsonObject describe() const;
    /// Ends the session now (streams stop, calls dropped, socket closed with `code`).
    void terminate(int code = 1000, const QString& reason = {});

    void sendFrame(const QByteArray& frame) override;
    QString sinkSessionId() const override { return m_sessionId; }

Q_SIGNALS:
    /// getUserData was sent (first time only).
    void established(const QString& sessionId);
    /// The session is over (or merged into a kept-alive one); the owner deletes it later.
    void finished(emulator::EmulatedSession* session);

private:
    void onFrame(const QString& text);
    void onConnectionClosed();
    void dispatch(const QString& message, const QJsonObject& arg);
    void handleConnection(const QJsonObject& arg);
    void completeConnection(const QJsonObject& arg);
    void resume(EmulatedConnection* connection, const QJsonObject& arg);
    void sendUserData(const QJsonObject& arg);
    void handleSendData(const QJsonObject& arg);
    void handleSessionDebug(const QJsonObject& arg);
    EmulatedConnection* takeConnection();
    void end();

    SessionContext m_ctx;
    EmulatedConnection* m_conn = nullptr;
    CallEngine* m_calls;
    StreamEngine* m_streams;
    SipRegistrar* m_registrar;
    Timeline* m_timeline = nullptr;
    SessionHooks* m_hooks = nullptr; ///< REST hooks (spec §13), null when the node has none
    QTimer m_graceTimer;
    QByteArrayList m_queued;
    QString m_sessionId;
    QString m_authToken;
    QString m_sipLogin;
    QString m_nodeId;
    bool m_established = false;
    bool m_connecting = false; ///< waiting for the backend's `connect` answer (spec §13.2)
    bool m_mediaTransport = false;
    bool m_keepAlive = false;
    bool m_debugOn = false;
    bool m_ended = false;
    int m_pushLogs = 0;
    int m_unknown = 0;
};

} // namespace emulator
