#include "ServersController.h"

#include "AppServices.h"
#include "ServerActions.h"

#include "core/Lifecycle.h"
#include "hooks/HookServer.h"
#include "hooks/RestApiClient.h"
#include "services/CredentialStore.h"
#include "services/History.h"
#include "services/HookBinding.h"
#include "services/RestApiBinding.h"
#include "services/ServerMonitorSettings.h"
#include "services/StreamMonitor.h"
#include "ui/dialogs/ServerMonitorDialog.h"
#include "ui/widgets/HookServerBox.h"
#include "ui/widgets/NodeTable.h"
#include "ui/widgets/RefuseRulesBox.h"
#include "ui/widgets/ServersPanel.h"
#include "ui/windows/MainWindow.h"

#include <memory>

namespace app {

using Tone = ui::StatusBadgeStyle::Tone;
using S = services::ServerMonitorSettings;

struct ServersController::Node {
    services::ServerNodeConfig config;
    std::unique_ptr<hooks::RestApiClient> client;
    std::unique_ptr<services::RestApiBinding> binding; ///< destroyed before the client
};

namespace {

/// The hook server part of a configuration: a change restarts the server.
bool sameHookSetup(const services::ServerMonitorConfig& a, const services::ServerMonitorConfig& b) {
    return a.hookServerEnabled == b.hookServerEnabled && a.hookAddress == b.hookAddress &&
           a.hookPort == b.hookPort && a.hookPathPrefix == b.hookPathPrefix &&
           a.hookMaxBodyBytes == b.hookMaxBodyBytes && a.hookAllowList == b.hookAllowList &&
           a.verifySignature == b.verifySignature;
}

} // namespace

ServersController::ServersController(AppServices& services, ui::MainWindow* window, QObject* parent)
    : QObject(parent)
    , m_services(services)
    , m_window(window)
    , m_panel(window->serversPanel())
    , m_settings(std::make_unique<S>(services.settingsFile(), services.credentials())) {
    m_hookServer = std::make_unique<hooks::HookServer>(services.clock());
    m_hookBinding = std::make_unique<services::HookBinding>(*m_hookServer, services.streams(),
                                                            services.clock());
    services::History* history = &services.history();
    m_hookBinding->setJournal([history](const services::JournalEntry& e) { history->append(e); });
    m_actions = std::make_unique<ServerActions>(
        services.streams(), *m_hookServer, m_panel,
        [this](const QString& mediaSessionId) { return client(nodeFor(mediaSessionId)); });
    m_metricsTimer.setInterval(2000);
    connect(&m_metricsTimer, &QTimer::timeout, this, &ServersController::fetchMetrics);
    m_ageTimer.setInterval(1000);
    connect(&m_ageTimer, &QTimer::timeout, this, &ServersController::showCounters);
    m_ageTimer.start();
    wirePanel();
    apply();
}

ServersController::~ServersController() {
    // Nothing may report to the panel while the clients and the server go away.
    for (const auto& node : std::as_const(m_nodes)) {
        node->client->disconnect(this);
        node->binding->disconnect(this);
    }
    m_hookServer->disconnect(this);
    m_actions.reset();
    m_nodes.clear();
    m_hookBinding.reset();
    m_hookServer.reset();
}

void ServersController::wirePanel() {
    ui::ServersPanel* p = m_panel;
    connect(p, &ui::ServersPanel::configureRequested, this, [this] { openConfigDialog(); });
    ServerActions* a = m_actions.get();
    connect(p, &ui::ServersPanel::terminateStreamRequested, a, &ServerActions::terminateStream);
    connect(p, &ui::ServersPanel::terminateConnectionRequested, a,
            &ServerActions::terminateConnection);
    connect(p, &ui::ServersPanel::endAtKeepAliveRequested, a, &ServerActions::endAtKeepAlive);
    connect(p, &ui::ServersPanel::refuseRequested, a, &ServerActions::refuse);
    connect(p, &ui::ServersPanel::removeRefuseRuleRequested, a, &ServerActions::removeRefuseRule);
    connect(p, &ui::ServersPanel::streamSelected, this, &ServersController::onSelected);
    connect(p, &ui::ServersPanel::pollRequested, this, [this](const QString& nodeId) {
        for (auto it = m_nodes.cbegin(); it != m_nodes.cend(); ++it) {
            if (nodeId.isEmpty() || it.key() == nodeId) {
                it.value()->client->pollNow();
            }
        }
    });
    connect(m_hookServer.get(), &hooks::HookServer::countersChanged, this,
            &ServersController::showCounters);
}

hooks::RestApiClient* ServersController::client(const QString& nodeId) const {
    const auto it = m_nodes.constFind(nodeId);
    return it == m_nodes.constEnd() ? nullptr : it.value()->client.get();
}

QString ServersController::nodeFor(const QString& mediaSessionId) const {
    const services::StreamMonitor& streams = m_services.streams();
    const int row = streams.rowOf(mediaSessionId);
    if (row >= 0 && m_nodes.contains(streams.at(row).nodeId)) {
        return streams.at(row).nodeId;
    }
    const QString polled = m_streamNode.value(mediaSessionId);
    if (!polled.isEmpty() && m_nodes.contains(polled)) {
        return polled;
    }
    const QStringList ids = m_nodes.keys(); // the only node, if there is just one
    return ids.size() == 1 ? ids.at(0) : QString();
}

void ServersController::apply() {
    const services::ServerMonitorConfig c = m_settings->config();
    m_services.streams().setKeepAliveInterval(c.keepAliveIntervalMs, c.staleMultiple);
    m_hookServer->setRestClientConfig(c.restClientConfig);
    applyHookServer(c);
    applyNodes(c);
    m_applied = c;
    Q_EMIT applied();
}

void ServersController::applyHookServer(const services::ServerMonitorConfig& c) {
    if (m_hookApplied && sameHookSetup(c, m_applied) && !m_hookSecretDirty) {
        return;
    }
    m_hookApplied = true;
    m_hookSecretDirty = false;
    const int generation = ++m_hookGeneration;
    m_hookServer->close();
    if (!c.hookServerEnabled) {
        m_panel->hookServerBox()->setStopped({});
        return;
    }
    m_hookServer->setOptions(S::hookServerOptions(c));
    if (!c.verifySignature) {
        listenHookServer({});
        return;
    }
    m_panel->hookServerBox()->setStopped(tr("reading the shared secret from the keychain…"));
    const QPointer<ServersController> self(this);
    m_settings->readSecret(S::hookSecretKey(), [this, self, generation](const auto& r) {
        if (self.isNull() || generation != m_hookGeneration) {
            return; // gone, or a newer configuration took over
        }
        if (!r.ok()) {
            // Fail closed: without the secret nothing could be checked.
            m_panel->hookServerBox()->setStopped(
                tr("signature check is on, but the secret is unavailable: %1")
                    .arg(r.error().message));
            return;
        }
        listenHookServer(r.value().toUtf8());
    });
}

void ServersController::listenHookServer(const QByteArray& secret) {
    m_hookServer->setSecret(secret);
    if (m_hookServer->listen()) {
        m_panel->hookServerBox()->setListening(m_hookServer->baseUrl().toString(),
                                               !secret.isEmpty());
    } else {
        m_panel->hookServerBox()->setStopped(m_hookServer->errorString());
    }
    showCounters();
}

void ServersController::showCounters() {
    m_panel->hookServerBox()->setCounters(m_hookServer->counters(), m_services.clock()->nowMs());
}

void ServersController::applyNodes(const services::ServerMonitorConfig& c) {
    QStringList ids;
    for (const services::ServerNodeConfig& n : c.nodes) {
        ids.append(n.id);
    }
    for (auto it = m_nodes.begin(); it != m_nodes.end();) {
        const services::ServerNodeConfig* wanted = c.node(it.key());
        if (!wanted || !(*wanted == it.value()->config) || m_dirtyPasswords.contains(it.key())) {
            it = m_nodes.erase(it);
        } else {
            ++it;
        }
    }
    m_dirtyPasswords.clear();
    m_panel->nodeTable()->keepNodes(ids);
    for (const services::ServerNodeConfig& n : c.nodes) {
        if (!m_nodes.contains(n.id)) {
            startNode(n);
        }
    }
}

void ServersController::startNode(const services::ServerNodeConfig& config) {
    auto node = std::make_shared<Node>();
    node->config = config;
    node->client =
        std::make_unique<hooks::RestApiClient>(S::nodeOptions(config), m_services.clock());
    node->binding = std::make_unique<services::RestApiBinding>(*node->client, m_services.streams());
    hooks::RestApiClient* client = node->client.get();
    connect(client, &hooks::RestApiClient::statusChanged, this, &ServersController::showNode);
    connect(client, &hooks::RestApiClient::streamsPolled, this,
            [this](const QString& nodeId, const QList<core::StreamStatusEvent>& streams) {
                for (const core::StreamStatusEvent& e : streams) {
                    m_streamNode.insert(e.mediaSessionId, nodeId);
                }
            });
    connect(client, &hooks::RestApiClient::streamNotFound, this,
            [this](const QString&, const QString& id) {
                m_panel->setMetricsNote(id, tr("Not on the server any more."));
            });
    m_actions->watch(*client);
    connect(node->binding.get(), &services::RestApiBinding::metricsChanged, this,
            [this, binding = node->binding.get()](const QString& id) {
                m_panel->setMetrics(id, binding->metrics(id));
            });
    m_nodes.insert(config.id, node);
    showNode(config.id);
    if (config.user.isEmpty()) {
        client->start();
        return;
    }
    const std::weak_ptr<Node> weak = node;
    m_settings->readSecret(S::nodePasswordKey(config.id), [this, weak](const auto& r) {
        const std::shared_ptr<Node> n = weak.lock();
        if (!n) {
            return; // the node was reconfigured meanwhile
        }
        if (r.ok()) {
            n->client->setPassword(r.value().toUtf8());
        } else if (!r.is(services::KeychainError::Kind::NotFound)) {
            m_panel->addOutcome(tr("Password of node %1 unavailable: %2")
                                    .arg(n->config.displayName(), r.error().message),
                                Tone::Bad);
        }
        n->client->start();
    });
}

void ServersController::showNode(const QString& nodeId) {
    const auto it = m_nodes.constFind(nodeId);
    if (it != m_nodes.constEnd()) {
        m_panel->nodeTable()->setNode(nodeId, it.value()->config.displayName(),
                                      it.value()->client->status());
    }
}

void ServersController::onSelected(const QString& mediaSessionId) {
    m_selected = mediaSessionId;
    if (mediaSessionId.isEmpty()) {
        m_metricsTimer.stop();
        return;
    }
    fetchMetrics();
    m_metricsTimer.start();
}

void ServersController::fetchMetrics() {
    const QString node = nodeFor(m_selected);
    if (node.isEmpty()) {
        m_panel->setMetricsNote(m_selected, tr("No REST API node is configured for it."));
        m_metricsTimer.stop();
        return;
    }
    const services::StreamMonitor& streams = m_services.streams();
    const int row = streams.rowOf(m_selected);
    if (row >= 0 && core::Lifecycle<core::StreamStatus>::isTerminal(streams.at(row).status)) {
        m_metricsTimer.stop();
        return;
    }
    client(node)->fetchStream(m_selected);
}

ui::ServerMonitorDialog* ServersController::openConfigDialog() {
    auto* dialog = new ui::ServerMonitorDialog(m_settings->config(), m_window.data());
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    services::CredentialStore& keychain = m_services.credentials();
    dialog->setKeychainState(keychain.availability() !=
                                 services::CredentialStore::Availability::Unavailable,
                             keychain.availabilityMessage());
    const QPointer<ui::ServerMonitorDialog> guard(dialog);
    keychain.checkAvailability([guard, &keychain](const services::KeychainResult<void>& r) {
        if (ui::ServerMonitorDialog* d = guard.data()) {
            d->setKeychainState(r.ok(), r.ok() ? QString() : keychain.availabilityMessage());
        }
    });
    connect(dialog, &QDialog::accepted, this,
            [this, dialog] { saveDialog(dialog->config(), dialog->secretEdits()); });
    dialog->open();
    return dialog;
}

void ServersController::saveDialog(const services::ServerMonitorConfig& config,
                                   const QHash<QString, QString>& secrets) {
    if (secrets.isEmpty()) {
        m_settings->setConfig(config);
        apply();
        return;
    }
    auto left = std::make_shared<int>(int(secrets.size()));
    for (auto it = secrets.cbegin(); it != secrets.cend(); ++it) {
        const QString key = it.key();
        if (key == S::hookSecretKey()) {
            m_hookSecretDirty = true;
        } else {
            m_dirtyPasswords.insert(key.mid(S::nodePasswordKey({}).size()));
        }
        const QPointer<ServersController> self(this);
        m_settings->writeSecret(key, it.value(), [this, self, key, left, config](const auto& r) {
            if (self.isNull()) {
                return;
            }
            if (!r.ok()) {
                m_panel->addOutcome(tr("Secret %1 not saved: %2").arg(key, r.error().message),
                                    Tone::Bad);
            }
            if (--*left == 0) {
                m_settings->setConfig(config);
                apply();
            }
        });
    }
}

QUrl ServersController::startDemoHookServer() {
    services::ServerMonitorConfig c = m_settings->config();
    c.hookServerEnabled = true;
    c.hookAddress = QStringLiteral("127.0.0.1");
    c.hookPort = 0;
    c.verifySignature = false;
    c.keepAliveIntervalMs = 5000;
    m_settings->setConfig(c);
    apply();
    return m_hookServer->isListening() ? m_hookServer->baseUrl() : QUrl();
}

void ServersController::addDemoNode(const QString& wcsNodeId, const QUrl& restApiUrl) {
    const QString nodeId = wcsNodeId.isEmpty() ? QStringLiteral("demo") : wcsNodeId;
    services::ServerMonitorConfig c = m_settings->config();
    if (c.node(nodeId) == nullptr) {
        c.nodes.append({nodeId, tr("Demo server"), restApiUrl, {}, 2000});
    }
    m_settings->setConfig(c);
    apply();
}

} // namespace app
