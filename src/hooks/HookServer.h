#pragma once

#include "core/Clock.h"
#include "hooks/HookCounters.h"
#include "hooks/HookDecoder.h"
#include "hooks/HookPolicy.h"
#include "hooks/HookRequest.h"
#include "hooks/HookServerOptions.h"
#include "hooks/RestClientConfig.h"

#include <QByteArray>
#include <QObject>
#include <QPointer>
#include <QTimer>
#include <QUrl>

#include <memory>

class QHttpServerRequest;
class QHttpServerResponder;
class QTcpSocket;

namespace hooks {

class GuardedTcpServer;
class HookHttpEndpoint;

/// Callboard as the REST hook backend of one or several WCS nodes (spec §13): WCS POSTs
/// `<pathPrefix>/<MethodName>` with `Content-Type: application/json` and the object as body.
///
/// Answers (body always JSON):
/// * 200 with the body received (§13.1 convention: echo back). For `connect`, the echo plus
///   `restClientConfig` (§13.3) when one is set (setRestClientConfig()).
/// * 403 `{"error":...}`: client address not in the allow-list; `Authorization: WCS <hex
///   HMAC-MD5 of body>` missing or wrong while a secret is set; a direct invocation refused by
///   a HookPolicy rule; the `StreamKeepAliveEvent` of a stream the operator chose to end.
/// * 400 `{"error":reason}`: content type not `application/json`, body not a JSON object, an
///   event without its key field (`mediaSessionId`, `callId`, `operationId`).
/// * 404: path outside the prefix or a name that §13.1 does not list. 405 (with `Allow: POST`):
///   any method but POST. 408/413/431/503: see GuardedTcpServer (slow senders, body over
///   `maxBodyBytes`, huge heads, too many connections).
///
/// Every accepted hook is raised as hookReceived() (for the journal) and, where a domain event
/// exists, as a typed signal tagged with the body's `nodeId` and `appKey`. `publishStream` and
/// `playStream` that pass are raised as a StreamStatusEvent PENDING. Everything runs on the
/// thread that owns the server; nothing a request carries can block it.
class HookServer : public QObject {
    Q_OBJECT

public:
    explicit HookServer(std::shared_ptr<const core::Clock> clock = nullptr,
                        QObject* parent = nullptr);
    ~HookServer() override;

    /// Address, port, prefix and limits; applied by the next listen().
    void setOptions(const HookServerOptions& options);
    const HookServerOptions& options() const { return m_options; }
    /// Starts listening; false with errorString() (e.g. port in use). Restarts when listening.
    bool listen();
    void close();
    bool isListening() const;
    /// The port actually bound (useful with port 0), 0 when not listening.
    quint16 port() const;
    /// `http://<address>:<port><prefix>`: the REST base URL to configure on WCS for an appKey.
    QUrl baseUrl() const;
    QString errorString() const { return m_error; }

    /// Shared secret for the `Authorization: WCS ...` check (from the keychain; never logged,
    /// never stored by the server beyond memory). Empty = requests are not checked.
    void setSecret(const QByteArray& secret) { m_secret = secret; }
    bool signatureRequired() const { return !m_secret.isEmpty(); }

    /// The operator's refuse rules and "end at next keep-alive" requests.
    HookPolicy& policy() { return m_policy; }
    /// The `restClientConfig` put into `connect` replies (empty = none).
    void setRestClientConfig(const RestClientConfig& config) { m_restConfig = config; }
    const RestClientConfig& restClientConfig() const { return m_restConfig; }

    HookCounters counters() const;
    /// Open client connections.
    int connectionCount() const;

Q_SIGNALS:
    /// Any accepted hook (answered 200), before its typed signal.
    void hookReceived(const hooks::HookRequest& request);
    void streamStatusReceived(const QString& nodeId, const QString& appKey,
                              const core::StreamStatusEvent& event);
    void streamKeepAliveReceived(const QString& nodeId, const QString& appKey,
                                 const core::StreamKeepAliveEvent& event);
    /// `ConnectionStatusEvent`, and `connect` as status PENDING.
    void connectionStatusReceived(const QString& nodeId, const QString& appKey,
                                  const core::ConnectionStatusEvent& event);
    void registrationStatusReceived(const QString& nodeId, const QString& appKey,
                                    const core::RegistrationStatusEvent& event);
    void callStatusReceived(const QString& nodeId, const QString& appKey,
                            const core::CallStatusEvent& event);
    void transferStatusReceived(const QString& nodeId, const QString& appKey,
                                const core::TransferStatusEvent& event);
    void dataStatusReceived(const QString& nodeId, const QString& appKey,
                            const core::DataStatusEvent& event);
    void onDataReceived(const QString& nodeId, const QString& appKey,
                        const core::OnDataEvent& event);
    void sessionDebugStatusReceived(const QString& nodeId, const QString& appKey,
                                    const core::SessionDebugStatusEvent& event);
    void errorReceived(const QString& nodeId, const QString& appKey, const core::ErrorEvent& event);
    /// A direct invocation was answered 403 by refuse rule `ruleId` (stream `name`).
    void invocationRefused(const QString& method, const QString& name, const QString& nodeId,
                           const QString& appKey, int ruleId);
    /// The keep-alive of `mediaSessionId` was answered 403: WCS ends that stream.
    void streamEndRequested(const QString& mediaSessionId, const QString& nodeId);
    /// A request was answered with an error status (400, 403, 404, 405, 408, 413, ...).
    void requestRejected(int status, const QString& reason, const QString& path);
    /// Counters changed (raised at most once a second).
    void countersChanged();

private:
    void handle(const QHttpServerRequest& request, QTcpSocket* socket,
                QHttpServerResponder&& responder);
    void dispatch(const HookRequest& request, const QByteArray& rawBody,
                  QHttpServerResponder& responder);
    void fail(QHttpServerResponder& responder, int status, const QString& reason,
              const QString& path);
    void count(int status, const QString& name);
    bool allowed(const QHostAddress& address) const;
    void tick();

    std::shared_ptr<const core::Clock> m_clock;
    HookServerOptions m_options;
    QByteArray m_secret;
    HookPolicy m_policy;
    RestClientConfig m_restConfig;
    QPointer<GuardedTcpServer> m_tcp; ///< reparented to m_http by bind()
    HookHttpEndpoint* m_http = nullptr;
    QString m_error;
    HookCounters m_counters;
    qint64 m_second = 0;       ///< epoch second being counted
    quint64 m_inSecond = 0;    ///< requests in m_second
    quint64 m_lastEmitted = 0; ///< m_counters.requests at the last countersChanged
    QTimer m_tick;
};

} // namespace hooks
