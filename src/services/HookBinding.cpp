#include "services/HookBinding.h"

#include "core/EventJson.h"
#include "hooks/HookServer.h"
#include "services/StreamMonitor.h"

using namespace Qt::Literals::StringLiterals;

namespace services {

template <typename Event>
void HookBinding::journal(const QString& nodeId, const QString& appKey, const Event& event) {
    if (m_journal) { // without a sink nothing is built
        journalJson(nodeId, appKey, core::EventJson::toJson(event));
    }
}

HookBinding::HookBinding(hooks::HookServer& server, StreamMonitor& streams,
                         std::shared_ptr<const core::Clock> clock, QObject* parent)
    : QObject(parent)
    , m_clock(std::move(clock)) {
    using hooks::HookServer;
    connect(&server, &HookServer::streamStatusReceived, this,
            [this, &streams](const QString& node, const QString& app,
                             const core::StreamStatusEvent& e) {
                streams.apply(e, SourceRestHook);
                journal(node, app, e);
            });
    connect(&server, &HookServer::streamKeepAliveReceived, this,
            [this, &streams](const QString& node, const QString& app,
                             const core::StreamKeepAliveEvent& e) {
                streams.applyKeepAlive(e);
                if (m_journalKeepAlives) {
                    journal(node, app, e);
                }
            });
    connect(&server, &HookServer::connectionStatusReceived, this,
            [this](const QString& node, const QString& app, const core::ConnectionStatusEvent& e) {
                journal(node, app, e);
            });
    connect(&server, &HookServer::registrationStatusReceived, this,
            [this](const QString& node, const QString& app,
                   const core::RegistrationStatusEvent& e) { journal(node, app, e); });
    connect(&server, &HookServer::callStatusReceived, this,
            [this](const QString& node, const QString& app, const core::CallStatusEvent& e) {
                journal(node, app, e);
            });
    connect(&server, &HookServer::transferStatusReceived, this,
            [this](const QString& node, const QString& app, const core::TransferStatusEvent& e) {
                journal(node, app, e);
            });
    connect(&server, &HookServer::dataStatusReceived, this,
            [this](const QString& node, const QString& app, const core::DataStatusEvent& e) {
                journal(node, app, e);
            });
    connect(&server, &HookServer::onDataReceived, this,
            [this](const QString& node, const QString& app, const core::OnDataEvent& e) {
                journal(node, app, e);
            });
    connect(&server, &HookServer::sessionDebugStatusReceived, this,
            [this](const QString& node, const QString& app,
                   const core::SessionDebugStatusEvent& e) { journal(node, app, e); });
    connect(&server, &HookServer::errorReceived, this,
            [this](const QString& node, const QString& app, const core::ErrorEvent& e) {
                journal(node, app, e);
            });
}

QString HookBinding::accountIdOf(const QString& nodeId) {
    return u"hook:"_s + nodeId;
}

void HookBinding::journalJson(const QString& nodeId, const QString& appKey, QJsonObject event) {
    if (!nodeId.isEmpty() && !event.contains(u"nodeId")) {
        event.insert(u"nodeId"_s, nodeId);
    }
    if (!appKey.isEmpty() && !event.contains(u"appKey")) {
        event.insert(u"appKey"_s, appKey);
    }
    m_journal(JournalEntry::fromEventJson(m_clock->nowMs(), accountIdOf(nodeId), event));
}

} // namespace services
