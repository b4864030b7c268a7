#pragma once

#include "hooks/HookKind.h"

#include <QHostAddress>
#include <QJsonObject>
#include <QString>

namespace hooks {

/// One accepted REST hook (spec §13.1), as the hook server hands it on for the journal and
/// the UI: the method name from the URL, its type, the node and application it came from and
/// the JSON object received.
struct HookRequest {
    QString name; ///< hook name, e.g. "StreamStatusEvent"
    HookKind kind = HookKind::Unknown;
    QString nodeId;    ///< body `nodeId` (empty when absent)
    QString appKey;    ///< body `appKey` (empty when absent)
    QString sessionId; ///< body `sessionId` (empty when absent)
    QJsonObject body;  ///< as received; may hold secrets such as `sipPassword` (redact to log)
    QHostAddress remoteAddress;
    qint64 receivedMs = 0; ///< epoch ms
};

} // namespace hooks
