#pragma once

#include <QByteArray>
#include <QString>

namespace wcs {

/// `getUserData` (spec §3.2): the server's copy of the connection object. Receiving it makes
/// the session ESTABLISHED. Null strings mean "absent".
struct UserData {
    QString sessionId; ///< `/<clientIP>:<port>/<serverIP>:<port>`
    QString authToken; ///< secret: store for keepAlive re-attach, never log
    QString status;    ///< usually "ESTABLISHED"; the SDK ignores it and so do we
    QString appKey;
    QString nodeId;
    QString sipLogin;                          ///< caller id for outgoing calls
    QByteArray webRTCMetricsServerDescription; ///< compact JSON when present (spec §9.4)
};

} // namespace wcs
