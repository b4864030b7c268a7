#pragma once

#include "core/CallStatusEvent.h"
#include "core/Clock.h"
#include "core/ConnectionStatusEvent.h"
#include "core/DataStatusEvent.h"
#include "core/DtmfType.h"
#include "core/ErrorEvent.h"
#include "core/OnDataEvent.h"
#include "core/RegistrationStatusEvent.h"
#include "core/SessionDebugStatusEvent.h"
#include "core/StreamEventType.h"
#include "core/StreamStatusEvent.h"
#include "core/TransferStatusEvent.h"
#include "wcs/CallRequest.h"
#include "wcs/ReconnectBackoff.h"
#include "wcs/SessionOptions.h"
#include "wcs/StreamRequest.h"
#include "wcs/messages/ServerMessage.h"

#include <QAbstractSocket>
#include <QElapsedTimer>
#include <QHash>
#include <QObject>
#include <QSslError>
#include <QTimer>

#include <memory>

class QWebSocket;

namespace wcs {

class SdpOfferCache;

/// One client session with a WCS server over QWebSocket (shared/spec/wcs-protocol.md).
///
/// Lifecycle (§3.4): open() -> PENDING -> socket open, `connection` sent -> CONNECTED ->
/// `getUserData` -> ESTABLISHED -> `registered` -> REGISTERED; socket error, connect timeout or
/// receive watchdog -> FAILED; any other close -> DISCONNECTED. After FAILED/DISCONNECTED that
/// the user did not ask for (close()), it reconnects with ReconnectBackoff; with
/// `connection.keepAlive` it re-attaches with the stored `authToken` (§2.3).
///
/// Every inbound frame goes through Codec::decode; `ping` is answered at once with `pong`,
/// the other messages become the domain-event signals below. A frame the codec cannot use, an
/// unknown message or an oversized message raises protocolWarning() with the reason and the
/// redacted frame and the session goes on. Nothing here throws.
///
/// Commands return the id they use (callId, mediaSessionId, operationId): the caller's when
/// given, else a fresh random UUID (§10). A command issued while the session is not at least
/// CONNECTED is refused: it returns a null QString / false and raises commandRefused().
class Session : public QObject {
    Q_OBJECT

public:
    explicit Session(SessionOptions options, QObject* parent = nullptr);
    /// As above with an injected clock (SDP cache ages, next-attempt times) for tests.
    Session(SessionOptions options, std::shared_ptr<const core::Clock> clock,
            QObject* parent = nullptr);
    ~Session() override;

    /// Opens the socket. No-op while a socket is already open or opening.
    void open();
    /// Closes by user intent: DISCONNECTED, no reconnect, kept-alive token forgotten.
    void close();

    core::SessionStatus status() const { return m_status; }
    bool isDebugSessionOn() const { return m_debugOn; }
    const SessionOptions& options() const { return m_options; }
    /// Server session key from getUserData (§3.2), null before.
    QString sessionId() const { return m_sessionId; }
    /// Reconnect attempts since the last ESTABLISHED (0 when none pending).
    int reconnectAttempt() const { return m_reconnectAttempt; }
    /// Epoch ms of the next reconnect attempt, 0 when none is scheduled.
    qint64 nextReconnectAtMs() const { return m_nextReconnectAtMs; }

    // --- calls (§5.3, §7) ---
    /// Sends `call`. Empty callId/caller/sdp are filled (UUID, sipLogin, placeholder SDP).
    QString call(CallRequest request);
    /// Sends `answer` for incoming call `callId`; false when no offer has arrived for it (§7.2).
    bool answer(const QString& callId, CallRequest request = {});
    bool hangUp(const QString& callId); ///< also how an incoming call is rejected (§7.2, §16)
    bool hold(const QString& callId, bool holdForTransfer = false);
    bool unhold(const QString& callId);
    bool transfer(const QString& callId, const QString& target);
    bool sendDtmf(const QString& callId, const QString& digits,
                  core::DtmfType type = core::DtmfType::Rfc2833);
    /// The offer the server sent for incoming call `callId` (null when none is cached).
    QString remoteOffer(const QString& callId) const;

    // --- streams (§5.2, §6) ---
    QString publishStream(StreamRequest request); ///< fills mediaSessionId and placeholder SDP
    QString playStream(StreamRequest request);
    bool unPublishStream(const QString& mediaSessionId);
    bool stopStream(const QString& mediaSessionId);
    /// Asks whether stream `name` exists; the reply is streamAvailabilityReceived(id).
    QString availableStream(const QString& name);
    /// Snapshot of stream `name`; the reply is a streamEventReceived() of type
    /// snapshotCompleted/snapshotFailed for the returned mediaSessionId.
    QString snapshot(const QString& name, const QString& mediaSessionId = {});
    bool sendStreamEvent(const QString& mediaSessionId, core::StreamEventType type,
                         const QByteArray& payloadJson = {});

    // --- session level (§5.1, §8, §9) ---
    /// Sends `sendData`; `payloadJson` is any JSON text. Reply: dataStatusReceived(operationId).
    QString sendData(const QByteArray& payloadJson);
    bool startDebug();
    bool stopDebug();
    /// Uploads one log line; refused (false) unless the server debug session is STARTED (§9.2).
    bool pushLogs(const QString& line);

Q_SIGNALS:
    void connectionStatusChanged(const core::ConnectionStatusEvent& event);
    void registrationStatusChanged(const core::RegistrationStatusEvent& event);
    void callStatusChanged(const core::CallStatusEvent& event);
    /// `notifyIncomingCall` (OnCallEvent); also reported through callStatusChanged().
    void incomingCallReceived(const core::CallStatusEvent& event);
    void transferStatusChanged(const core::TransferStatusEvent& event);
    void streamStatusChanged(const core::StreamStatusEvent& event);
    void streamEventReceived(const wcs::StreamEvent& event);
    void streamAvailabilityReceived(const wcs::StreamAvailability& reply);
    void videoRateReceived(const wcs::VideoRate& rate);
    void sessionDebugStatusChanged(const core::SessionDebugStatusEvent& event);
    void dataStatusReceived(const core::DataStatusEvent& event);
    void dataReceived(const core::OnDataEvent& event);
    void errorReceived(const core::ErrorEvent& event);
    /// setRemoteSDP for one of our streams or calls (or a cached incoming offer).
    void remoteSdpReceived(const QString& id, const QString& sdp);
    void reconnectScheduled(int attempt, int delayMs);
    /// A frame that was dropped or ignored: decode error, unknown message, oversize. `frame` is
    /// redacted and cut to Codec::kMaxRawKept bytes.
    void protocolWarning(const QString& reason, const QByteArray& frame);
    void commandRefused(const QString& command, const QString& reason);
    /// Every text frame, both ways, redacted; for the event journal and debug panel.
    void frameLogged(bool outgoing, const QByteArray& redactedFrame);

private:
    void createSocket();
    void onConnected();
    void onDisconnected();
    void onErrorOccurred(QAbstractSocket::SocketError error);
    void onSslErrors(const QList<QSslError>& errors);
    void onTextMessage(const QString& text);
    void dispatch(ServerMessage&& message);
    void handleUserData(const UserData& data);
    void handleFail(const core::ErrorEvent& event);
    void fail(const QString& reason);
    void finishSocket(core::SessionStatus terminal, const QString& reason);
    void scheduleReconnect();
    void setStatus(core::SessionStatus status, const QString& info = {});
    bool send(const char* command, const QByteArray& frame);
    bool ready(const char* command);
    void failLocalObjects(const QString& info);

    SessionOptions m_options;
    std::shared_ptr<const core::Clock> m_clock;
    std::unique_ptr<QWebSocket> m_socket;
    std::unique_ptr<SdpOfferCache> m_offers;
    ReconnectBackoff m_backoff;
    QTimer m_watchdog;           ///< periodic check of m_lastInbound (receive watchdog)
    QElapsedTimer m_lastInbound; ///< restarted by every inbound frame
    QTimer m_connectTimer;
    QTimer m_reconnectTimer;
    core::SessionStatus m_status = core::SessionStatus::Pending;
    QString m_sessionId;
    QString m_authToken;
    QString m_sipLogin;
    QString m_failReason;
    bool m_userClosed = false;
    bool m_debugOn = false;
    bool m_socketFailed = false;
    int m_reconnectAttempt = 0;
    qint64 m_nextReconnectAtMs = 0;
    QHash<QString, StreamRequest> m_streams;       ///< live streams by mediaSessionId
    QHash<QString, core::CallStatusEvent> m_calls; ///< live calls by callId
};

} // namespace wcs
