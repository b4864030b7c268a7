#pragma once

#include <QHash>
#include <QJsonObject>
#include <QObject>
#include <QSet>
#include <QString>

namespace hooks {
class RestApiClient;
}

namespace services {

class StreamMonitor;

/// Feeds one node's WCS REST API polls (hooks::RestApiClient, spec §14) into StreamMonitor
/// as SourceRestApi, merged with hook and own-session events by `mediaSessionId` (one row per
/// stream, never two). A node id from a REST hook (WCS's own `nodeId`) is kept over the
/// configured node name. A stream that an earlier poll listed and a successful later poll
/// does not is ended (UNPUBLISHED for a publisher, STOPPED for a player, info "Gone from REST
/// API") unless REST hooks also report it (they will say how it ended). The `metrics` of the
/// last fetchStream() are kept per stream for the detail view.
class RestApiBinding : public QObject {
    Q_OBJECT

public:
    RestApiBinding(hooks::RestApiClient& client, StreamMonitor& streams, QObject* parent = nullptr);

    /// Last `metrics` object fetched for `mediaSessionId` (spec §14.2 keys), empty if none.
    QJsonObject metrics(const QString& mediaSessionId) const {
        return m_metrics.value(mediaSessionId);
    }

    /// Info text of streams ended because a poll no longer lists them.
    static QString goneInfo();

Q_SIGNALS:
    void metricsChanged(const QString& mediaSessionId);

private:
    StreamMonitor& m_streams;
    QSet<QString> m_lastPoll;
    QHash<QString, QJsonObject> m_metrics;
};

} // namespace services
