#pragma once

#include "WireValue.h"

namespace core {

/// WCS session (ConnectionStatusEvent) statuses, SDK SESSION_STATUS (spec §3.4, §12.1). The
/// callback-only names (WARN, DEBUG, APP_DATA, SEND_DATA_STATUS, INCOMING_CALL) are not states and
/// are not listed.
enum class SessionStatus {
    Unknown, ///< text not in the table; WireValue::raw keeps it
    Pending,
    Connected,
    Established,
    Registered,
    Unregistered,
    Disconnected,
    Failed,
};

template <> struct WireTable<SessionStatus> {
    static constexpr std::array<std::pair<SessionStatus, std::string_view>, 7> entries{{
        {SessionStatus::Pending, "PENDING"},
        {SessionStatus::Connected, "CONNECTED"},
        {SessionStatus::Established, "ESTABLISHED"},
        {SessionStatus::Registered, "REGISTERED"},
        {SessionStatus::Unregistered, "UNREGISTERED"},
        {SessionStatus::Disconnected, "DISCONNECTED"},
        {SessionStatus::Failed, "FAILED"},
    }};
};

using SessionStatusValue = WireValue<SessionStatus>;

} // namespace core
