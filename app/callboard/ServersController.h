#pragma once

#include "services/ServerMonitorConfig.h"

#include <QHash>
#include <QObject>
#include <QPointer>
#include <QSet>
#include <QString>
#include <QTimer>
#include <QUrl>

#include <memory>

namespace hooks {
class HookServer;
class RestApiClient;
} // namespace hooks
namespace services {
class HookBinding;
class RestApiBinding;
class ServerMonitorSettings;
} // namespace services
namespace ui {
class MainWindow;
class ServerMonitorDialog;
class ServersPanel;
} // namespace ui

namespace app {

class AppServices;
class ServerActions;

/// Wires the "Servers" tab (ui::ServersPanel) to the server-wide stream monitor of issue #6:
///
/// * the configuration (services::ServerMonitorSettings, group "servers/" of the settings
///   file; secrets in the keychain) is applied at start and after every edit in
///   ui::ServerMonitorDialog, without a restart: the hook server restarts only when its
///   address, port, prefix, limits or secret changed; a node's REST client is rebuilt only
///   when that node changed;
/// * hooks::HookServer (when enabled) feeds StreamMonitor and the journal through
///   services::HookBinding; with the signature check on it listens only once the shared
///   secret was read from the keychain (fail closed) and says why not otherwise;
/// * one hooks::RestApiClient + services::RestApiBinding per node, polling; node status and
///   errors go to the panel's node table (inline, never a dialog);
/// * operator actions after the panel's confirmation (app::ServerActions): terminate stream /
///   connection (REST API of the stream's node), end at next keep-alive and refuse rules
///   (hook server policy); each gets an outcome line, updated when the action ends;
/// * the selected stream's metrics (`/stream/find`, every 2 s while selected).
class ServersController : public QObject {
    Q_OBJECT

public:
    /// `services` and `window` must outlive the controller.
    ServersController(AppServices& services, ui::MainWindow* window, QObject* parent = nullptr);
    ~ServersController() override;

    services::ServerMonitorSettings& settings() const { return *m_settings; }
    hooks::HookServer* hookServer() const { return m_hookServer.get(); }
    /// REST client of configured node `nodeId`, nullptr when none.
    hooks::RestApiClient* client(const QString& nodeId) const;
    /// Configured node whose REST API serves stream `mediaSessionId`, empty when none.
    QString nodeFor(const QString& mediaSessionId) const;

    /// Applies the stored configuration now.
    void apply();
    /// Opens the configuration dialog (window-modal, not blocking); on OK the secrets go to
    /// the keychain, then the configuration is stored and applied.
    ui::ServerMonitorDialog* openConfigDialog();

    /// Demo: the hook server on a free loopback port; its base URL, empty when it failed.
    QUrl startDemoHookServer();
    /// Demo: polls the built-in emulator's REST API as node `wcsNodeId` ("demo" when empty).
    void addDemoNode(const QString& wcsNodeId, const QUrl& restApiUrl);

    /// The operator actions (the panel's intents, confirmed there).
    ServerActions& actions() const { return *m_actions; }

Q_SIGNALS:
    /// apply() finished its synchronous part (the hook server may still wait for its secret).
    void applied();

private:
    struct Node;
    void wirePanel();
    void applyHookServer(const services::ServerMonitorConfig& c);
    void listenHookServer(const QByteArray& secret);
    void applyNodes(const services::ServerMonitorConfig& c);
    void startNode(const services::ServerNodeConfig& config);
    void showNode(const QString& nodeId);
    void showCounters();
    void onSelected(const QString& mediaSessionId);
    void fetchMetrics();
    void saveDialog(const services::ServerMonitorConfig& config,
                    const QHash<QString, QString>& secrets);

    AppServices& m_services;
    QPointer<ui::MainWindow> m_window;
    ui::ServersPanel* m_panel;
    std::unique_ptr<services::ServerMonitorSettings> m_settings;
    std::unique_ptr<hooks::HookServer> m_hookServer;
    std::unique_ptr<services::HookBinding> m_hookBinding;
    std::unique_ptr<ServerActions> m_actions;
    QHash<QString, std::shared_ptr<Node>> m_nodes;
    QHash<QString, QString> m_streamNode; ///< mediaSessionId -> configured node polled it
    services::ServerMonitorConfig m_applied;
    bool m_hookApplied = false;
    bool m_hookSecretDirty = false;
    QSet<QString> m_dirtyPasswords; ///< node ids whose keychain password changed
    int m_hookGeneration = 0;
    QString m_selected;
    QTimer m_metricsTimer;
    QTimer m_ageTimer;
};

} // namespace app
