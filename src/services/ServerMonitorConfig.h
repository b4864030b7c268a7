#pragma once

#include "hooks/RestClientConfig.h"
#include "services/ServerNodeConfig.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace services {

/// Everything the server-wide stream monitor needs to know (issue #6): the REST hook server
/// Callboard runs as a WCS backend (spec §13) and the WCS nodes whose REST API it polls
/// (spec §14). Secrets (the HMAC shared secret, Basic passwords) are never part of it.
struct ServerMonitorConfig {
    bool hookServerEnabled = false;                          ///< listen for hooks at all
    QString hookAddress = QStringLiteral("127.0.0.1");       ///< IPv4/IPv6 literal to bind
    int hookPort = 9091;                                     ///< 0 = any free port (demo, tests)
    QString hookPathPrefix = QStringLiteral("/rest/my_api"); ///< WCS POSTs <prefix>/<Method>
    qint64 hookMaxBodyBytes = 1024 * 1024;                   ///< larger bodies get 413
    /// Client subnets allowed, "10.0.0.0/8" or a bare address; empty = any client.
    QStringList hookAllowList;
    /// Check `Authorization: WCS <HMAC-MD5>` with the keychain secret "hooks/secret".
    bool verifySignature = false;
    /// A stream is stale after this many keep-alive intervals without a keep-alive.
    int staleMultiple = 3;
    /// WCS `streaming_sessions_keep_alive_interval` (ms) the multiple applies to.
    int keepAliveIntervalMs = 10000;
    /// `restClientConfig` put into `connect` replies (§13.3), per REST method.
    hooks::RestClientConfig restClientConfig;
    QList<ServerNodeConfig> nodes;

    /// Node by id, nullptr when none.
    const ServerNodeConfig* node(const QString& id) const {
        for (const ServerNodeConfig& n : nodes) {
            if (n.id == id) {
                return &n;
            }
        }
        return nullptr;
    }

    friend bool operator==(const ServerMonitorConfig&, const ServerMonitorConfig&) = default;
};

} // namespace services
