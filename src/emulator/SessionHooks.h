#pragma once

#include "emulator/RestHookClient.h"
#include "hooks/RestClientConfig.h"

#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QString>
#include <QTimer>

#include <functional>

namespace emulator {

class FrameSink;
class StreamRegistry;

/// The REST hooks of one emulated client session, as a WCS node runs them (spec §13):
/// * `connect` is POSTed before `getUserData`; a non-200 answer declines the connection, an
///   unreachable backend is logged and the connection goes on (restOnError LOG). Its 200 body
///   may carry `restClientConfig` (§13.3), applied to every later hook of the session.
/// * direct invocations (`publishStream`, `call`, `sendData` as `OnDataEvent`, ...) wait for
///   their hook; commands behind one are queued, so their order is kept. 403 always vetoes;
///   another failure vetoes only with `restOnError: FAIL`. A vetoed stream gets
///   StreamStatusEvent FAILED ("Restricted access" for 403, else "Backend returned <code>"),
///   a vetoed sendData DataStatusEvent FAILED, anything else `fail {apiMethod, id, status:
///   "FAILED", info}`. With `restPolicy: OVERWRITE` the fields listed in `restOverwrite` are
///   taken from the backend's answer.
/// * events (every status frame the client gets: StreamStatusEvent, CallStatusEvent,
///   RegistrationStatusEvent, TransferStatusEvent, DataStatusEvent, SessionDebugStatusEvent,
///   and ConnectionStatusEvent ESTABLISHED/DISCONNECTED) are POSTed without waiting; with
///   `restOnError: FAIL` a failed one gives the client `fail {apiMethod, id, info}` (ErrorEvent,
///   seed 003) and the session goes on. `clientExclude` fields are removed from the frame.
/// * every keepAliveIntervalMs each PUBLISHING/PLAYING stream of the session is POSTed as
///   StreamKeepAliveEvent; a 403 answer ends it: FAILED "Terminated by keep-alive".
/// `restPolicy: DISABLE` skips the hook; `restExclude` fields are left out of its body.
class SessionHooks : public QObject {
    Q_OBJECT

public:
    using Proceed = std::function<void(const QJsonObject& arg)>;

    SessionHooks(RestHookClient& client, FrameSink& sink, StreamRegistry& registry,
                 QObject* parent = nullptr);

    /// Identity for every hook body. True when `appKey` has a REST base URL (hooks on).
    bool begin(const QString& appKey, const QString& nodeId, const QString& sessionId);
    bool active() const { return m_active; }
    const hooks::RestClientConfig& config() const { return m_config; }

    /// POSTs `connect` with the `connection` object; `then(accepted, reason)`.
    void connect(const QJsonObject& connection,
                 std::function<void(bool accepted, const QString& reason)> then);
    /// True for client commands that are direct invocations with a hook.
    static bool isInvocation(const QString& message);
    /// Runs the hook of command `message`, then `proceed(arg)` unless it was vetoed.
    void invoke(const QString& message, const QJsonObject& arg, Proceed proceed);
    /// An outgoing frame: POSTs its event hook when it has one; returns the frame to send to
    /// the client (without `clientExclude` fields).
    QByteArray event(const QByteArray& frame);
    /// ConnectionStatusEvent hook (`status` ESTABLISHED, DISCONNECTED, FAILED).
    void connectionStatus(const QString& status, const QString& info = {});
    void startKeepAlive();
    /// The session is over: its live streams end without a frame to the client, so their
    /// StreamStatusEvent (UNPUBLISHED / STOPPED "Stopped by session disconnect") is POSTed here.
    void sessionEnded();
    void stop();

private:
    struct Pending {
        QString message;
        QJsonObject arg;
        Proceed proceed;
    };
    QJsonObject withIdentity(QJsonObject body, const QString& method) const;
    void postEvent(const QString& method, const QJsonObject& body, const QString& objectId);
    void runNext();
    void veto(const QString& message, const QJsonObject& arg, const RestHookClient::Result& r);
    void keepAliveTick();

    RestHookClient& m_client;
    FrameSink& m_sink;
    StreamRegistry& m_registry;
    hooks::RestClientConfig m_config;
    QString m_appKey;
    QString m_nodeId;
    QString m_sessionId;
    QList<Pending> m_queue;
    bool m_busy = false;
    bool m_active = false;
    bool m_stopped = false;
    QTimer m_keepAlive;
};

} // namespace emulator
