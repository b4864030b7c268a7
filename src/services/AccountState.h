#pragma once

#include "core/RegistrationStatus.h"
#include "core/SessionDebugStatus.h"
#include "core/SessionStatus.h"

#include <QString>

namespace services {

/// Live state of one account's session as SessionMonitor tracks it. Times: ms since epoch.
struct AccountState {
    QString accountId;
    core::SessionStatus connection = core::SessionStatus::Disconnected;
    QString connectionInfo; ///< reason of the last FAILED/DISCONNECTED
    qint64 connectionSinceMs = 0;
    bool registrationWanted = false;
    core::RegistrationStatus registration = core::RegistrationStatus::Unregistered;
    QString registrationInfo; ///< reason of the last registration failure
    qint64 registrationSinceMs = 0;
    core::SessionDebugStatus debug = core::SessionDebugStatus::Stopped;
    QString debugFile;   ///< server path of the last debug log (STOPPED)
    QString lastFailure; ///< most recent failure of any kind, for the tooltip
    qint64 lastFailureMs = 0;
    int reconnectAttempt = 0;   ///< 0 when no reconnect is pending
    qint64 nextAttemptAtMs = 0; ///< 0 when no reconnect is pending
    QString sessionId;
};

} // namespace services
