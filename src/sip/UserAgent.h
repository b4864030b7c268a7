#pragma once

#include "sip/ClientTransaction.h"
#include "sip/RecoveryBackoff.h"
#include "sip/SessionDescriptionHandler.h"
#include "sip/SipMessage.h"
#include "sip/UaSettings.h"

#include <QAbstractSocket>
#include <QHash>
#include <QJsonObject>
#include <QObject>
#include <QPointer>
#include <QTimer>

#include <map>
#include <memory>

class QWebSocket;

namespace sip {

class Registrator;
class RtcSession;

/// The SIP user agent under a ConnectionManager (JsSIP's `UA` in spec terms): one WebSocket
/// with subprotocol `sip` (RFC 7118), client transactions with digest retry (§8.5, §8.10),
/// the Registrator (§8.4), MESSAGE / OPTIONS out, and the answers to incoming requests
/// (§8.2, §8.6, §8.7, §8.9). Transport recovery after a socket that had been open closes
/// unrequested follows §7.2 with one timer and one `disconnected` per failure (§7.3).
///
/// Payloads are QJsonObjects as documented on each signal. Malformed, oversized or unmatched
/// input is logged in callboard.sip.ua, reported through inputRejected() and never closes the
/// socket.
class UserAgent : public QObject {
    Q_OBJECT

public:
    explicit UserAgent(UaSettings settings, QObject* parent = nullptr);
    ~UserAgent() override;

    const UaSettings& settings() const { return m_settings; }
    /// Opens the socket (attempts 0). transportConnecting() fires synchronously.
    void start();
    /// Shuts down (§8.10): stops recovery, un-REGISTERs when registered, closes the socket once
    /// no transaction is open or after settings().shutdownTimeoutMs, then emits
    /// transportDisconnected({socket, error:false, ...}) and stopped(). With no socket the
    /// disconnected payload is synthesised as `{socket:{url, via_transport}, error:false}`.
    void stop();
    /// Closes the open socket and reopens it at once (used to recover a failed registration
    /// without going through a state the §6 table does not have). No-op without a socket.
    void restartTransport();

    /// Opens a new socket after the first one failed before opening (a connect-level retry,
    /// spec §7.1); `transportConnecting(0)` fires. No-op while a socket exists, once a socket
    /// has been open (transport recovery owns that case) or while stopping.
    void retryStart();
    /// True once a socket of this UA completed its handshake.
    bool everConnected() const { return m_everConnected; }

    bool isTransportConnected() const;
    bool isRegistered() const;
    Registrator& registrator();

    /// `sip:<authorizationUser>@<sipServerIp>`
    QString aor() const { return m_settings.config.aor(); }
    /// Our Contact URI `sip:<random8>@<random12>.invalid;transport=ws` (§8.2), no brackets.
    QString contactUri() const;
    QString instanceId() const { return m_instanceId; }
    /// The Allow header value of every request and of 405/501/OPTIONS answers (spec §8.3).
    static QByteArray allowedMethods() {
        return QByteArrayLiteral(
            "INVITE,ACK,CANCEL,BYE,UPDATE,MESSAGE,OPTIONS,REFER,INFO,NOTIFY,SUBSCRIBE");
    }
    /// `sip:<target>@<sipServerIp>` unless `target` already is a sip:/sips: URI.
    QString targetUri(const QString& target) const;

    /// Sends an out-of-dialog request in a new client transaction (digest retry included).
    /// Fails at once with "Connection Error" when the socket is not open (returns nullptr);
    /// otherwise returns the transaction, valid until its callback ran.
    ClientTransaction* sendRequest(OutgoingRequest request, ClientTransaction::Callback callback);
    /// New request skeleton: From tag, Call-ID, random CSeq (§8.3), To = `<uri>`.
    OutgoingRequest newRequest(const QString& method, const QString& uri) const;

    /// Sends MESSAGE to `target` (§8.6). Emits newMessage(local) before sending; the outcome
    /// is messageFinished(id). Returns the id (the Call-ID), "" when not connected.
    QString sendMessage(const QString& target, const QByteArray& body, const QString& contentType);

    /// Starts an outgoing call: INVITE to `target` with the offer of the session's
    /// SessionDescriptionHandler (§8.9 outgoing; 407 -> ACK + retry). newRtcSession(local) is
    /// emitted before the INVITE leaves (which is once the offer is ready: ICE gathering).
    /// Returns the call id (its Call-ID), "" when not connected.
    QString call(const QString& target);
    /// How new sessions get their media (SDP offers and answers). Without a factory (or when
    /// it returns null) a PlaceholderDescriptionHandler: calls without audio.
    void setDescriptionHandlerFactory(SessionDescriptionHandlerFactory factory) {
        m_descriptionHandlerFactory = std::move(factory);
    }
    /// The handler for a new session `sessionId`, child of `parent` (see above).
    SessionDescriptionHandler* createDescriptionHandler(const QString& sessionId, QObject* parent);
    /// Ends call `id`: CANCEL while an outgoing call has not been answered (sent on the first
    /// 1xx when none came yet, RFC 3261 §9.1), 486 for an incoming call not answered yet, BYE
    /// once established. False for an unknown call.
    bool hangUp(const QString& id);
    /// Ids of the calls (both directions) that are not over.
    QStringList calls() const { return m_sessions.keys(); }
    /// The call `id` (answer, hold, transfer, DTMF, its own signals); nullptr when unknown or
    /// over. Owned by the UserAgent and deleted (deleteLater) after its ended().
    RtcSession* session(const QString& id) const { return m_sessions.value(id, nullptr); }

Q_SIGNALS:
    /// Call `id` got a provisional answer (outgoing) or we sent 180 (incoming) (180 Ringing, 183
    /// Session Progress, ...).
    void callProgress(const QString& id, int code, const QString& reason);
    /// Call `id` was answered: outgoing, the 2xx came (ACK sent), `{originator:"remote",
    /// response}`; incoming, our 200 left, `{originator:"local"}`.
    void callAccepted(const QString& id, const QJsonObject& payload);
    /// Call `id` is over. `originator` "local" | "remote" | "system"; `cause` a JsSIP cause
    /// ("Terminated", "Canceled", "Busy", "Rejected", "Request Timeout", "Connection Error",
    /// ...); `code` the final SIP status, 0 when none.
    void callEnded(const QString& id, const QString& originator, const QString& cause, int code);
    void transportConnecting(int attempts);
    void transportConnected();
    /// `{socket:{url, via_transport}, error, code?, reason?}`
    void transportDisconnected(const QJsonObject& payload);
    void registered(const QJsonObject& payload);         ///< `{response}`
    void unregistered(const QJsonObject& payload);       ///< `{response?, cause?}` or `{}`
    void registrationFailed(const QJsonObject& payload); ///< `{response|null, cause}`
    /// `{originator:"local"|"remote", id, request}`
    void newMessage(const QJsonObject& payload);
    /// `{event:{event, params}, request}` for an out-of-dialog NOTIFY
    void sipEvent(const QJsonObject& payload);
    /// `{originator:"local"|"remote", id, request}`. An incoming INVITE then gets 180 Ringing
    /// (session(id)->answer() / reject()), or at once 415 / 500 / 488 with
    /// `Warning: 399 <host> "no usable media: <why>"` when it cannot be taken (spec §8.9;
    /// session(id)->rejectionReason() tells why).
    void newRtcSession(const QJsonObject& payload);
    /// MESSAGE outcome: `{response?, cause?}`; `succeeded` on 2xx.
    void messageFinished(const QString& id, bool succeeded, const QJsonObject& payload);
    /// Inbound frame refused or ignored: reason + the frame (redacted, cut to 2 KiB).
    void inputRejected(const QString& reason, const QByteArray& frame);
    /// A recovery attempt is due in `delayMs` ms (§7.2); `attempts` is the coming attempt.
    void recoveryScheduled(int attempts, int delayMs);
    void stopped();

private:
    void openSocket();
    void onConnected();
    void onSocketError(QAbstractSocket::SocketError error);
    void onSocketClosed();
    void finishSocket(QJsonObject payload);
    void scheduleRecovery();
    void onFrame(const QByteArray& frame);
    void onResponse(const SipMessage& response);
    void onRequest(const SipMessage& request);
    void reply(const SipMessage& request, int code, const QString& reason,
               const QList<std::pair<QByteArray, QByteArray>>& headers = {});
    void sendTransaction(ClientTransaction* t);
    void failAllTransactions(const QString& cause);
    void maybeFinishStop();
    bool sendRaw(const QByteArray& data);
    QByteArray buildRequest(const OutgoingRequest& r, const QString& branch,
                            const QByteArray& authHeader) const;
    QJsonObject socketJson() const;
    static QString transactionKey(const QString& branch, const QString& method);
    /// ACK for a non-2xx final answer to `invite`: same branch, To from `response`.
    QByteArray buildAck(const OutgoingRequest& invite, const QString& branch,
                        const SipMessage& response) const;
    void reject(const QString& reason, const QByteArray& frame);
    /// Routes ACK, CANCEL and in-dialog requests to their session; false when none matches.
    bool routeToSession(const SipMessage& request);
    void onIncomingInvite(const SipMessage& invite);
    RtcSession* addSession(RtcSession* session);
    void endAllCalls(const QString& cause);

    friend class RtcSession; // sends raw messages and builds ACKs through the UA

    UaSettings m_settings;
    RecoveryBackoff m_backoff;
    std::unique_ptr<Registrator> m_registrator;
    std::unique_ptr<QWebSocket> m_socket;
    std::map<QString, std::unique_ptr<ClientTransaction>> m_transactions; ///< by branch|method
    QHash<QString, RtcSession*> m_sessions; ///< calls by Call-ID (children of this UA)
    SessionDescriptionHandlerFactory m_descriptionHandlerFactory;
    QTimer m_recoveryTimer;
    QTimer m_shutdownTimer;
    QString m_viaHost;
    QString m_contactUser;
    QString m_instanceId;
    QString m_callIdPrefix;
    QString m_lastError;
    int m_attempts = 0;
    bool m_socketOpen = false;
    bool m_everConnected = false;
    bool m_stopping = false;
    bool m_stopped = false;
    bool m_reopenAtOnce = false;
    bool m_sawError = false;
};

} // namespace sip
