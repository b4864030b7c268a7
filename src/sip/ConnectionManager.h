#pragma once

#include "sip/ConnectionConfig.h"
#include "sip/ConnectionEvent.h"
#include "sip/ConnectionParameters.h"
#include "sip/ConnectionStateMachine.h"
#include "sip/RecoveryBackoff.h"
#include "sip/SessionDescriptionHandler.h"

#include <QJsonObject>
#include <QObject>
#include <QPointer>
#include <QSslCertificate>
#include <QTimer>

#include <functional>
#include <optional>
#include <variant>

namespace sip {

class RtcSession;
class UserAgent;

/// Tunables that are not part of TParametersConnection (tests shorten the timers).
struct ConnectionManagerOptions {
    int transactionTimeoutMs = 32000; ///< Timer B/F, spec §8.10
    int pingTimeoutMs = 10000;        ///< ping() transaction timeout, spec §8.8
    int shutdownTimeoutMs = 2000;     ///< cap on un-REGISTER before closing, spec §8.10
    qint64 maxMessageBytes = 65536;   ///< larger inbound SIP messages: 513 / dropped
    QString instanceId;               ///< stable `+sip.instance` per account; random if empty
    /// Extra CAs for wss:// (a private CA, a self-signed test server); errors never ignored.
    QList<QSslCertificate> caCertificates;
    QString defaultUserAgent = QStringLiteral("Callboard");
    /// Tries of an initial connect (spec §7.1): only a handshake that fails before the socket
    /// opens (refused, no HTTP 101, TLS error) is retried, after
    /// connectionRecoveryMinInterval seconds, each try with `connecting {attempts:0}` and its
    /// `disconnected`; `connect-failed` comes once, after the last. 1 = no retry (parity with
    /// the web client, whose retries never trigger).
    int numberOfConnectionAttempts = 1;
};

/// SIP-over-WebSocket connection manager with the lifecycle of sip-connector's
/// ConnectionManager (shared/spec/sip-connection-manager.md).
///
/// Every event of §5.1 is emitted as eventOccurred(event, payload) synchronously, the state
/// machine (§6) updated first. Payload shapes (JSON):
/// * `connect-started`, `disconnecting`: `{}`
/// * `connect-parameters-resolve-success`: ConnectionParameters::toJson() (password in clear)
/// * `connect-parameters-resolve-failed`: `{message}`
/// * `connecting`: `{socket:{url, via_transport}, attempts}`; `connected`: `{socket}`
/// * `disconnected`: `{socket, error, code?, reason?}` (exactly one per failure, §7.3)
/// * `connected-with-configuration`, `connect-succeeded`: ConnectionConfig::toJson()
/// * `registered`: `{response}`; `unregistered`: `{response?, cause?}` or `{}` on transport loss
/// * `registrationFailed`: `{response|null, cause}` (JsSIP cause strings, SipCause)
/// * `connect-failed`: the same object as the failure that ended the connect: a
///   `disconnected` payload (has `socket`), a `registrationFailed` payload (has `cause`), or
///   `{message}` for validation/provider errors (§3.2, §5.4)
/// * `newMessage`: `{originator, id, request}`; `sipEvent`: `{event:{event, params}, request}`;
///   `newRTCSession`: `{originator, id, request}`
///
/// Decisions where the spec leaves room: one `disconnected` and one recovery timer per failed
/// attempt (§7.3); an initial connect is one attempt (§7.1); a registration that fails after
/// the connect succeeded (refresh rejected, §5.11) is recovered by the manager itself: after
/// RecoveryBackoff(min, max) seconds (attempts counted per consecutive failure) the socket is
/// closed and reopened, which re-REGISTERs through the legal §6.2 path disconnected ->
/// connecting -> connected -> established.
class ConnectionManager : public QObject {
    Q_OBJECT

public:
    /// A parameter provider: parameters, or an error message (-> resolve-failed, §5.4). It is
    /// called synchronously right after `connect-started` (sip-connector's is async; the
    /// event order is the same).
    using ParametersResult = std::variant<ConnectionParameters, QString>;
    using ParametersProvider = std::function<ParametersResult()>;
    /// Result callback of ping()/sendOptions(): ok on 2xx; payload `{response?, cause?}`.
    using OptionsCallback = std::function<void(bool ok, const QJsonObject& payload)>;

    explicit ConnectionManager(ConnectionManagerOptions options = {}, QObject* parent = nullptr);
    ~ConnectionManager() override;

    /// connect() of §2.1: runs disconnectFromServer() first when a UA exists or a connect is
    /// pending, then the connect flow of §5.2-§5.6.
    void connectTo(const ConnectionParameters& parameters);
    void connectTo(ParametersProvider provider);
    /// disconnect() of §2.1 / §5.7. No-op unless a UA exists or a connect is pending.
    void disconnectFromServer();
    /// register() / unregister() of §2.1 on the live UA (no-op without an open socket); the
    /// outcome arrives as `registered` / `registrationFailed` / `unregistered`.
    void registerNow();
    void unregister();
    /// tryRegister() of §2.1: un-REGISTER when registered, then REGISTER once it is answered.
    void tryRegister();
    /// checkTelephony() of §2.1: a separate throw-away UA (no REGISTER, random user) opens its
    /// WebSocket and closes it as soon as it is open; `done(true, "")` after its clean close,
    /// `done(false, "Telephony is not available")` when it disconnects first, or
    /// `done(false, <§3.2 message>)` for a missing sipServerIp/sipServerUrl. Its events are not
    /// forwarded.
    void checkTelephony(const ConnectionParameters& parameters,
                        std::function<void(bool ok, const QString& error)> done);
    /// Sends MESSAGE (§8.6); returns its id (Call-ID) or "" when not connected. The outcome
    /// comes as messageFinished(id, ok, {response?, cause?}).
    QString sendMessage(const QString& target, const QString& body,
                        const QString& contentType = QStringLiteral("text/plain"));
    /// Outgoing call (INVITE with the offer of the session's SessionDescriptionHandler, §8.9);
    /// emits `newRTCSession` {originator:"local"} before it leaves. Returns the call id, ""
    /// when not connected. Progress comes as callProgress / callAccepted / callEnded.
    QString call(const QString& target);
    /// How the calls of every UserAgent started from now on get their media (see
    /// UserAgent::setDescriptionHandlerFactory); default: no audio.
    void setDescriptionHandlerFactory(SessionDescriptionHandlerFactory factory);
    /// CANCEL (not answered yet) or BYE (established); false for an unknown call id.
    bool hangUp(const QString& callId);
    /// Call `callId` of either direction (answer, reject, hold, unhold, refer, DTMF and its
    /// own signals); nullptr when unknown, over or not connected. Valid until its ended().
    RtcSession* session(const QString& callId) const;
    /// OPTIONS to the own AOR with a 10 s timeout (§8.8).
    void ping(OptionsCallback done);
    void sendOptions(const QString& target, OptionsCallback done);

    ConnectionStateMachine::State state() const { return m_state.state(); }
    QString connectionState() const { return ConnectionStateMachine::stateId(state()); }
    bool isIdle() const { return state() == ConnectionStateMachine::State::Idle; }
    bool isRegistered() const;
    bool isConfigured() const { return m_ua != nullptr; }
    /// Socket open, whatever the public state says (§6.4).
    bool isTransportConnected() const;
    std::optional<ConnectionConfig> connectionConfiguration() const { return m_config; }
    /// `sip:<id>@<sipServerIp>`, "" without a configuration.
    QString uri(const QString& id) const;
    UserAgent* userAgent() const { return m_ua; }

Q_SIGNALS:
    /// Call progress of both directions (see UserAgent): 1xx, answered, over (JsSIP cause,
    /// SIP code). Hold, transfer and DTMF come from session(callId).
    void callProgress(const QString& callId, int code, const QString& reason);
    void callAccepted(const QString& callId, const QJsonObject& payload);
    void callEnded(const QString& callId, const QString& originator, const QString& cause,
                   int code);
    void eventOccurred(sip::ConnectionEvent event, const QJsonObject& payload);
    void stateChanged(sip::ConnectionStateMachine::State state);
    void messageFinished(const QString& id, bool succeeded, const QJsonObject& payload);
    /// The next transport recovery attempt (§7.2) or registration recovery (§5.11 decision)
    /// is due in `delayMs` ms; `attempt` counts from 1.
    void recoveryScheduled(int attempt, int delayMs);
    /// Inbound input the UA refused (malformed, oversized, unmatched response).
    void inputRejected(const QString& reason, const QByteArray& frame);

private:
    void runConnect(const ParametersProvider& provider);
    void emitEvent(ConnectionEvent event, const QJsonObject& payload);
    void failConnect(const QJsonObject& payload);
    void succeedConnect();
    void scheduleTeardown();
    void onUaConnecting(int attempts);
    void onUaConnected();
    void onUaDisconnected(const QJsonObject& payload);
    void onUaRegistered(const QJsonObject& payload);
    void onUaRegistrationFailed(const QJsonObject& payload);
    void onUaStopped();
    void sendOptionsTo(const QString& uri, int timeoutMs, OptionsCallback done);

    ConnectionManagerOptions m_options;
    ConnectionStateMachine m_state;
    UserAgent* m_ua = nullptr; ///< child of this manager
    SessionDescriptionHandlerFactory m_descriptionHandlerFactory;
    std::optional<ConnectionConfig> m_config;
    std::optional<ParametersProvider> m_queuedConnect;
    std::optional<RecoveryBackoff> m_backoff;
    QTimer m_registrationRecovery;
    QTimer m_connectRetry;  ///< §7.1 retry of a failed initial handshake
    int m_connectTries = 0; ///< handshakes tried by the pending connect
    int m_registrationFailures = 0;
    bool m_requested = false;      ///< a connect is pending or a UA exists
    bool m_connectPending = false; ///< between START_UA and connect-succeeded/-failed
    bool m_stopping = false;
};

} // namespace sip
