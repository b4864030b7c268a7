#pragma once

#include <QJsonObject>
#include <QString>

namespace hooks {

/// Reachability of one WCS node's REST API, for the UI's node badge.
enum class NodeReachability {
    Unknown,      ///< not polled yet
    Reachable,    ///< the last poll answered 200 (or 404 = nothing found)
    Unauthorized, ///< 401/403: Basic auth missing or wrong
    ServerError,  ///< 5xx or an answer that is not the JSON of §14
    Unreachable,  ///< no HTTP answer: refused, DNS, TLS, timeout
};

/// What the REST API client knows about one node.
struct NodeStatus {
    NodeReachability reachability = NodeReachability::Unknown;
    int lastHttpStatus = 0;   ///< of the last request, 0 = no answer
    QString lastError;        ///< text of the last failure, empty after a good poll
    qint64 lastAttemptMs = 0; ///< epoch ms
    qint64 lastSuccessMs = 0; ///< epoch ms, 0 = never
    int streams = -1;         ///< streams in the last find_all, -1 = unknown
    int connections = -1;     ///< connections in the last find_all, -1 = unknown
    QJsonObject stats;        ///< last `/?action=stat&format=json` object (§14.2 stat keys)
};

} // namespace hooks
