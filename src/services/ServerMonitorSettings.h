#pragma once

#include "hooks/HookServerOptions.h"
#include "hooks/RestApiNodeOptions.h"
#include "services/CredentialStore.h"
#include "services/ServerMonitorConfig.h"

#include <QObject>
#include <QStringList>

class QSettings;

namespace services {

/// The configuration of the server-wide stream monitor (ServerMonitorConfig), kept in a
/// QSettings file under the group "servers/", like AppSettings keeps "app/". Keys:
/// "servers/hook/enabled", "hook/address", "hook/port", "hook/pathPrefix", "hook/maxBodyBytes",
/// "hook/allowList" (string list), "hook/verifySignature", "hook/staleMultiple",
/// "hook/keepAliveIntervalMs", "hook/restClientConfig" (the §13.3 JSON, compact) and the array
/// "nodes" (id, name, baseUrl, user, pollIntervalMs).
///
/// Secrets never go to the settings file (nor to logs): the HMAC shared secret is in the
/// keychain under hookSecretKey() ("hooks/secret"), each node's Basic password under
/// nodePasswordKey(id) ("restapi/<id>"), read and written through CredentialStore
/// (asynchronous, may be unavailable: the callback says so).
class ServerMonitorSettings : public QObject {
    Q_OBJECT

public:
    /// `settings` and `credentials` must outlive this object.
    ServerMonitorSettings(QSettings& settings, CredentialStore& credentials,
                          QObject* parent = nullptr);

    /// The stored configuration; defaults for whatever was never written.
    ServerMonitorConfig config() const;
    /// Stores `config` and emits changed() when it differs from the stored one. The caller
    /// validates first (validate()); invalid nodes are stored as given.
    void setConfig(const ServerMonitorConfig& config);

    /// Problems of `config`, one translated sentence each; empty = valid. Checks the bind
    /// address, port (0-65535), path prefix ("/..." or empty), body limit (>= 1 KiB),
    /// allow-list entries, stale multiple (>= 1), node ids (non-empty, unique), base URLs
    /// (http/https with a host) and poll intervals (>= 500 ms).
    static QStringList validate(const ServerMonitorConfig& config);

    /// HookServer options of `config` (address, port, prefix, body limit, allow-list; entries
    /// that do not parse are left out).
    static hooks::HookServerOptions hookServerOptions(const ServerMonitorConfig& config);
    /// RestApiClient options of one node (request timeout = min(poll interval, 5000 ms)).
    static hooks::RestApiNodeOptions nodeOptions(const ServerNodeConfig& node);
    /// One allow-list entry: "10.0.0.0/8", "::1/128" or a bare address (= /32 or /128).
    /// Prefix length -1 when it does not parse.
    static QPair<QHostAddress, int> parseSubnet(const QString& text);

    /// Keychain key of the hook server's HMAC shared secret.
    static QString hookSecretKey() { return QStringLiteral("hooks/secret"); }
    /// Keychain key of node `nodeId`'s Basic auth password.
    static QString nodePasswordKey(const QString& nodeId) {
        return QStringLiteral("restapi/") + nodeId;
    }

    CredentialStore& credentials() const { return m_credentials; }
    /// Reads the secret under `key` (hookSecretKey() / nodePasswordKey()); see CredentialStore.
    void readSecret(const QString& key, CredentialStore::ReadCallback callback);
    /// Stores `secret` under `key`; an empty `secret` deletes the entry.
    void writeSecret(const QString& key, const QString& secret,
                     CredentialStore::DoneCallback callback);

Q_SIGNALS:
    /// The stored configuration changed (setConfig() with a different value).
    void changed();

private:
    QSettings& m_settings;
    CredentialStore& m_credentials;
};

} // namespace services
