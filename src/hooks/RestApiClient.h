#pragma once

#include "core/Clock.h"
#include "core/StreamStatusEvent.h"
#include "hooks/NodeStatus.h"
#include "hooks/RestApiNodeOptions.h"

#include <QByteArray>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QTimer>

#include <functional>
#include <memory>

class QNetworkAccessManager;
class QNetworkRequest;

namespace hooks {

/// The WCS REST API (spec §14) of one node, for the stream monitor. Every request is
/// `POST <baseUrl><endpoint>` with `Content-Type: application/json` and a JSON body (`{}` for
/// find_all), HTTP Basic auth when a user is set; node statistics come from
/// `GET <scheme>://<host>:<port>/?action=stat&format=json`.
///
/// Polling (start(), every pollIntervalMs; a poll still running makes the next tick skip):
/// `/stream/find_all` -> streamsPolled(), `/connection/find_all` -> connectionsPolled(),
/// stat -> statsPolled(). 404 means "nothing found" (§14.1) and gives an empty list.
/// Failures are reported per node, never thrown: requestFailed() for each, and status()
/// (NodeReachability: Unauthorized for 401/403, ServerError for 5xx or a body that is not the
/// expected JSON, Unreachable for no answer or a timeout after timeoutMs) with
/// statusChanged(). Stream objects become core::StreamStatusEvent with `nodeId` set to the
/// node's id when the object has none.
class RestApiClient : public QObject {
    Q_OBJECT

public:
    explicit RestApiClient(const RestApiNodeOptions& options,
                           std::shared_ptr<const core::Clock> clock = nullptr,
                           QObject* parent = nullptr);
    ~RestApiClient() override;

    const RestApiNodeOptions& options() const { return m_options; }
    /// Basic auth password (from the keychain; kept in memory only, never logged).
    void setPassword(const QByteArray& password) { m_password = password; }

    /// Polls now and then every pollIntervalMs.
    void start();
    void stop();
    /// One poll now (skipped while one is running).
    void pollNow();
    bool isPolling() const { return m_pending > 0; }
    const NodeStatus& status() const { return m_status; }

    /// `/stream/find {mediaSessionId, display:["metrics"]}` -> streamFetched() with the
    /// `metrics` object (VIDEO_RATE, AUDIO_RATE in bps, VIDEO_FPS, VIDEO_WIDTH/HEIGHT,
    /// VIDEO_NACK, VIDEO_LOST, AUDIO_LOST, ...; empty when the server sends none), or
    /// streamNotFound() on 404.
    void fetchStream(const QString& mediaSessionId);
    /// `/stream/terminate {mediaSessionId}` -> actionFinished("terminateStream", id, ...).
    void terminateStream(const QString& mediaSessionId);
    /// `/connection/terminate {sessionId}` -> actionFinished("terminateConnection", id, ...).
    void terminateConnection(const QString& sessionId);

Q_SIGNALS:
    void streamsPolled(const QString& nodeId, const QList<core::StreamStatusEvent>& streams);
    /// Connection objects as the server sent them (sessionId, appKey, sipLogin, ...).
    void connectionsPolled(const QString& nodeId, const QJsonArray& connections);
    void statsPolled(const QString& nodeId, const QJsonObject& stats);
    void streamFetched(const QString& nodeId, const core::StreamStatusEvent& stream,
                       const QJsonObject& metrics);
    void streamNotFound(const QString& nodeId, const QString& mediaSessionId);
    /// An operator action ended; `ok` false with `error` (404: "not found").
    void actionFinished(const QString& nodeId, const QString& action, const QString& id, bool ok,
                        const QString& error);
    /// status() changed (reachability, error text or counts).
    void statusChanged(const QString& nodeId);
    /// One request failed: `endpoint` e.g. "/stream/find_all", `httpStatus` 0 = no answer.
    void requestFailed(const QString& nodeId, const QString& endpoint, int httpStatus,
                       const QString& error);

private:
    struct Answer {
        int status = 0; ///< HTTP status, 0 = none
        QByteArray body;
        QString error; ///< empty when status is 200
    };
    using Done = std::function<void(const Answer&)>;
    void post(const QString& endpoint, const QJsonObject& body, Done done);
    void get(const QUrl& url, Done done);
    void send(const QNetworkRequest& request, const QByteArray* body, Done done);
    /// Updates status() from one answer; false when it is a failure (signal raised).
    bool note(const QString& endpoint, const Answer& a);
    QList<core::StreamStatusEvent> toStreams(const QJsonArray& array) const;
    void finishPollStep();

    RestApiNodeOptions m_options;
    std::shared_ptr<const core::Clock> m_clock;
    QByteArray m_password;
    QNetworkAccessManager* m_nam;
    QTimer m_timer;
    NodeStatus m_status;
    int m_pending = 0; ///< requests of the running poll
};

} // namespace hooks
