#pragma once

#include <QString>
#include <QUrl>

namespace hooks {

/// One WCS node polled through its REST API (spec §14). The Basic auth password is not here:
/// it comes from the keychain and is handed to RestApiClient::setPassword() only.
struct RestApiNodeOptions {
    QString nodeId; ///< the node's name in the UI and in StreamRecord::nodeId
    /// `http://<host>:8081/rest-api` or `https://<host>:8444/rest-api` (§14.1).
    QUrl baseUrl;
    QString user;                ///< Basic auth user (with disable_rest_auth=false), empty = none
    int pollIntervalMs = 5000;   ///< find_all / stat period (ms), 0 = poll only on pollNow()
    int timeoutMs = 5000;        ///< per request (ms); a timeout reports the node unreachable
    bool pollStats = true;       ///< also GET `/?action=stat&format=json` beside `/rest-api`
    bool pollConnections = true; ///< also `/connection/find_all`
};

} // namespace hooks
