#include "services/RestApiBinding.h"

#include "core/Lifecycle.h"
#include "hooks/RestApiClient.h"
#include "services/StreamMonitor.h"

using namespace Qt::Literals::StringLiterals;

namespace services {

namespace {

/// The event with `nodeId` left null when the monitor already has a node for the stream (a
/// hook's nodeId is WCS's own and wins over the configured node name).
core::StreamStatusEvent keepNode(const StreamMonitor& m, core::StreamStatusEvent e) {
    const int row = m.rowOf(e.mediaSessionId);
    if (row >= 0 && !m.at(row).nodeId.isEmpty()) {
        e.nodeId = QString();
    }
    return e;
}

} // namespace

QString RestApiBinding::goneInfo() {
    return u"Gone from REST API"_s;
}

RestApiBinding::RestApiBinding(hooks::RestApiClient& client, StreamMonitor& streams,
                               QObject* parent)
    : QObject(parent)
    , m_streams(streams) {
    using hooks::RestApiClient;
    connect(&client, &RestApiClient::streamsPolled, this,
            [this](const QString&, const QList<core::StreamStatusEvent>& list) {
                QSet<QString> now;
                for (const core::StreamStatusEvent& e : list) {
                    now.insert(e.mediaSessionId);
                    m_streams.apply(keepNode(m_streams, e), SourceRestApi);
                }
                for (const QString& id : std::as_const(m_lastPoll)) {
                    if (now.contains(id)) {
                        continue;
                    }
                    const int row = m_streams.rowOf(id);
                    if (row < 0) {
                        continue;
                    }
                    const StreamRecord& r = m_streams.at(row);
                    if ((r.sources & SourceRestHook) != 0 ||
                        core::Lifecycle<core::StreamStatus>::isTerminal(r.status)) {
                        continue;
                    }
                    core::StreamStatusEvent gone;
                    gone.mediaSessionId = id;
                    gone.status = r.published == StreamRecord::Tri::False
                                      ? core::StreamStatus::Stopped
                                      : core::StreamStatus::Unpublished;
                    gone.info = goneInfo();
                    m_streams.apply(gone, SourceRestApi);
                    m_metrics.remove(id);
                }
                m_lastPoll = std::move(now);
            });
    connect(&client, &RestApiClient::streamFetched, this,
            [this](const QString&, const core::StreamStatusEvent& e, const QJsonObject& metrics) {
                m_streams.apply(keepNode(m_streams, e), SourceRestApi);
                m_metrics.insert(e.mediaSessionId, metrics);
                Q_EMIT metricsChanged(e.mediaSessionId);
            });
}

} // namespace services
