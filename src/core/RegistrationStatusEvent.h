#pragma once

#include "RegistrationStatus.h"

#include <QString>

namespace core {

/// RegistrationStatusEvent (spec §3.3, §11): `registered`, or a `fail` whose `apiMethod` is
/// `RegistrationStatusEvent` (API v1 style). Null strings mean "absent".
struct RegistrationStatusEvent {
    RegistrationStatusValue status;
    QString info;       ///< failure reason, e.g. "AUTHENTICATION_FAIL" or a SIP status line
    QString sipLogin;   ///< registered SIP user when the server says so
    int sipStatus = -1; ///< SIP response code when known, -1 otherwise
};

} // namespace core
