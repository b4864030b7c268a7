#pragma once

#include <QString>
#include <QUrl>

namespace services {

/// One WCS node whose REST API (spec §14) the stream monitor polls, as the user configured it.
/// The Basic auth password is not here: it lives in the keychain under
/// ServerMonitorSettings::nodePasswordKey(id).
struct ServerNodeConfig {
    QString id;   ///< stable key (StreamRecord::nodeId of polled streams), unique, not empty
    QString name; ///< label in the UI; empty = the id
    /// `http://<host>:8081/rest-api` or `https://<host>:8444/rest-api`.
    QUrl baseUrl;
    QString user;              ///< Basic auth user; empty = no authentication
    int pollIntervalMs = 5000; ///< find_all / stat period (ms), >= 500

    QString displayName() const { return name.isEmpty() ? id : name; }

    friend bool operator==(const ServerNodeConfig&, const ServerNodeConfig&) = default;
};

} // namespace services
