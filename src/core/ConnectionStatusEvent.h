#pragma once

#include "SessionStatus.h"

#include <QDateTime>
#include <QString>

namespace core {

/// ConnectionStatusEvent (spec §3.2, §3.4, §11). No wire message carries this name:
/// ESTABLISHED comes from `getUserData`, FAILED/DISCONNECTED from the socket closing.
/// Null strings mean "absent" (spec §2.1).
struct ConnectionStatusEvent {
    SessionStatusValue status;
    QString info; ///< reason text for FAILED/DISCONNECTED (socket error, watchdog, close reason)
    QString sessionId; ///< server session key `/<clientIP>:<port>/<serverIP>:<port>` (getUserData)
    QString authToken; ///< re-attach token from getUserData; secret: never log it
    QString appKey;
    QString nodeId;     ///< WCS node that reported it (REST hooks, getUserData of recent builds)
    QString sipLogin;   ///< caller id the server accepted (getUserData)
    int closeCode = -1; ///< WebSocket close code when the socket closed, -1 otherwise
};

} // namespace core
