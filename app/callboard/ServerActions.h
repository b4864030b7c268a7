#pragma once

#include <QHash>
#include <QObject>
#include <QString>

#include <functional>

namespace hooks {
class HookServer;
class RestApiClient;
} // namespace hooks
namespace services {
class StreamMonitor;
}
namespace ui {
class ServersPanel;
}

namespace app {

/// The operator actions of the Servers tab (issue #6), after the panel's confirmation, each
/// with an outcome line in ui::ServersPanel that is updated when the action ends:
/// * terminate a stream / its connection through the WCS REST API of the stream's node
///   (`/stream/terminate`, `/connection/terminate`; RestApiClient::actionFinished());
/// * end a stream at its next `StreamKeepAliveEvent` (403 from the hook server; reported on
///   HookServer::streamEndRequested());
/// * refuse `publishStream`/`playStream` of a name pattern (HookPolicy; every refused
///   invocation gets its own line from HookServer::invocationRefused()).
/// Part of app::ServersController, which owns it.
class ServerActions : public QObject {
    Q_OBJECT

public:
    /// The REST client of the node that serves stream `mediaSessionId`, nullptr when none.
    using Resolve = std::function<hooks::RestApiClient*(const QString& mediaSessionId)>;

    /// Everything must outlive this object.
    ServerActions(services::StreamMonitor& streams, hooks::HookServer& hookServer,
                  ui::ServersPanel* panel, Resolve resolve, QObject* parent = nullptr);

    /// Reports the actions of `client` (call once per client).
    void watch(hooks::RestApiClient& client);

    /// False (with an outcome line saying why) when the action cannot start.
    bool terminateStream(const QString& mediaSessionId);
    bool terminateConnection(const QString& mediaSessionId);
    bool endAtKeepAlive(const QString& mediaSessionId);
    /// The rule id, 0 when `pattern` is not valid.
    int refuse(const QString& method, const QString& pattern);
    bool removeRefuseRule(int ruleId);

private:
    int outcome(const QString& text, int tone);
    /// Updates the pending line of `key`, or adds a line when there is none.
    void finish(const QString& key, const QString& text, int tone);
    QString streamName(const QString& mediaSessionId) const;

    services::StreamMonitor& m_streams;
    hooks::HookServer& m_hookServer;
    ui::ServersPanel* m_panel;
    Resolve m_resolve;
    QHash<QString, int> m_pending; ///< "action/id" -> outcome line
};

} // namespace app
