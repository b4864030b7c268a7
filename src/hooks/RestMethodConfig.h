#pragma once

#include <QString>

namespace hooks {

/// One entry of `restClientConfig` (spec §13.3), the settings WCS applies to one REST method
/// of the session whose `connect` reply carried it. Field lists are comma-separated field
/// names, as on the wire.
struct RestMethodConfig {
    enum class OnError { Log, Fail };
    enum class Policy { Notify, Overwrite, Disable };

    QString clientExclude; ///< fields removed from what WCS sends to the client
    QString restExclude;   ///< fields removed from what WCS sends to the backend (e.g. "sdp")
    OnError restOnError = OnError::Log;
    Policy restPolicy = Policy::Notify;
    QString restOverwrite; ///< fields the backend may rewrite (only with Policy::Overwrite)

    friend bool operator==(const RestMethodConfig&, const RestMethodConfig&) = default;
};

} // namespace hooks
