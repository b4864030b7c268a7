#include "ServerActions.h"

#include "hooks/HookServer.h"
#include "hooks/RestApiClient.h"
#include "services/StreamMonitor.h"
#include "ui/widgets/RefuseRulesBox.h"
#include "ui/widgets/ServersPanel.h"

namespace app {

using Tone = ui::StatusBadgeStyle::Tone;

namespace {

QString actionKey(const QString& action, const QString& id) {
    return action + QLatin1Char('/') + id;
}

} // namespace

ServerActions::ServerActions(services::StreamMonitor& streams, hooks::HookServer& hookServer,
                             ui::ServersPanel* panel, Resolve resolve, QObject* parent)
    : QObject(parent)
    , m_streams(streams)
    , m_hookServer(hookServer)
    , m_panel(panel)
    , m_resolve(std::move(resolve)) {
    connect(&hookServer, &hooks::HookServer::invocationRefused, this,
            [this](const QString& method, const QString& name, const QString& nodeId,
                   const QString&, int) {
                const QString text = method == QLatin1String("playStream")
                                         ? tr("Refused playing of \"%1\" on %2")
                                         : tr("Refused publishing of \"%1\" on %2");
                outcome(text.arg(name, nodeId), int(Tone::Attention));
            });
    connect(&hookServer, &hooks::HookServer::streamEndRequested, this,
            [this](const QString& mediaSessionId, const QString&) {
                const QString text =
                    tr("Stream \"%1\" ended at its keep-alive").arg(streamName(mediaSessionId));
                finish(actionKey(QStringLiteral("end"), mediaSessionId), text, int(Tone::Good));
            });
}

void ServerActions::watch(hooks::RestApiClient& client) {
    connect(&client, &hooks::RestApiClient::actionFinished, this,
            [this](const QString& nodeId, const QString& action, const QString& id, bool ok,
                   const QString& error) {
                const bool stream = action == QLatin1String("terminateStream");
                const QString what = stream ? streamName(id) : id;
                const QString text = ok ? (stream ? tr("Stream \"%1\" terminated on %2")
                                                  : tr("Connection %1 terminated on %2"))
                                              .arg(what, nodeId)
                                        : (stream ? tr("Terminating stream \"%1\" failed: %2")
                                                  : tr("Terminating connection %1 failed: %2"))
                                              .arg(what, error);
                finish(actionKey(action, id), text, int(ok ? Tone::Good : Tone::Bad));
            });
}

int ServerActions::outcome(const QString& text, int tone) {
    return m_panel->addOutcome(text, static_cast<Tone>(tone));
}

void ServerActions::finish(const QString& key, const QString& text, int tone) {
    const int line = m_pending.take(key);
    if (line > 0) {
        m_panel->setOutcome(line, text, static_cast<Tone>(tone));
    } else {
        outcome(text, tone);
    }
}

QString ServerActions::streamName(const QString& mediaSessionId) const {
    const int row = m_streams.rowOf(mediaSessionId);
    const QString name = row >= 0 ? m_streams.at(row).name : QString();
    return name.isEmpty() ? mediaSessionId : name;
}

bool ServerActions::terminateStream(const QString& mediaSessionId) {
    hooks::RestApiClient* const api = m_resolve(mediaSessionId);
    const QString node = api ? api->options().nodeId : QString();
    if (api == nullptr) {
        outcome(
            tr("Cannot terminate \"%1\": no REST API node for it").arg(streamName(mediaSessionId)),
            int(Tone::Bad));
        return false;
    }
    const int line =
        outcome(tr("Terminating stream \"%1\" on %2…").arg(streamName(mediaSessionId), node),
                int(Tone::Progress));
    m_pending.insert(actionKey(QStringLiteral("terminateStream"), mediaSessionId), line);
    api->terminateStream(mediaSessionId);
    return true;
}

bool ServerActions::terminateConnection(const QString& mediaSessionId) {
    const services::StreamMonitor& streams = m_streams;
    const int row = streams.rowOf(mediaSessionId);
    const QString sessionId = row >= 0 ? streams.at(row).sessionId : QString();
    hooks::RestApiClient* const api = m_resolve(mediaSessionId);
    const QString node = api ? api->options().nodeId : QString();
    if (sessionId.isEmpty() || api == nullptr) {
        outcome(tr("Cannot terminate the connection of \"%1\": %2")
                    .arg(streamName(mediaSessionId), node.isEmpty()
                                                         ? tr("no REST API node for it")
                                                         : tr("its connection is not known")),
                int(Tone::Bad));
        return false;
    }
    const int line =
        outcome(tr("Terminating connection %1 on %2…").arg(sessionId, node), int(Tone::Progress));
    m_pending.insert(actionKey(QStringLiteral("terminateConnection"), sessionId), line);
    api->terminateConnection(sessionId);
    return true;
}

bool ServerActions::endAtKeepAlive(const QString& mediaSessionId) {
    const services::StreamMonitor& streams = m_streams;
    const int row = streams.rowOf(mediaSessionId);
    const bool hooked = row >= 0 && (streams.at(row).sources & services::SourceRestHook) != 0;
    if (!m_hookServer.isListening() || !hooked) {
        outcome(tr("Cannot end \"%1\": its keep-alives do not reach the hook server")
                    .arg(streamName(mediaSessionId)),
                int(Tone::Bad));
        return false;
    }
    m_hookServer.policy().endAtNextKeepAlive(mediaSessionId);
    const int line =
        outcome(tr("Stream \"%1\" ends at its next keep-alive…").arg(streamName(mediaSessionId)),
                int(Tone::Progress));
    m_pending.insert(actionKey(QStringLiteral("end"), mediaSessionId), line);
    return true;
}

int ServerActions::refuse(const QString& method, const QString& pattern) {
    const int id = m_hookServer.policy().addRefuseRule(method, pattern);
    if (id == 0) {
        outcome(tr("\"%1\" is not a valid name pattern").arg(pattern), int(Tone::Bad));
        return 0;
    }
    m_panel->refuseBox()->setRules(m_hookServer.policy().refuseRules());
    const QString text = method == QLatin1String("playStream")
                             ? tr("Playing of \"%1\" will be refused")
                             : tr("Publishing of \"%1\" will be refused");
    outcome(m_hookServer.isListening()
                ? text.arg(pattern)
                : tr("%1, but the hook server is not listening").arg(text.arg(pattern)),
            int(m_hookServer.isListening() ? Tone::Good : Tone::Attention));
    return id;
}

bool ServerActions::removeRefuseRule(int ruleId) {
    QString pattern;
    for (const auto& r : m_hookServer.policy().refuseRules()) {
        if (r.id == ruleId) {
            pattern = r.pattern;
        }
    }
    if (!m_hookServer.policy().removeRefuseRule(ruleId)) {
        return false;
    }
    m_panel->refuseBox()->setRules(m_hookServer.policy().refuseRules());
    outcome(tr("\"%1\" is no longer refused").arg(pattern), int(Tone::Good));
    return true;
}
} // namespace app
