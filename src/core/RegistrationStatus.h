#pragma once

#include "WireValue.h"

namespace core {

/// RegistrationStatusEvent statuses (spec §3.3, §11, §12.1): the seed values plus API v1's FAILED.
enum class RegistrationStatus {
    Unknown, ///< text not in the table; WireValue::raw keeps it
    Registered,
    Unregistered,
    AuthenticationFail,
    Failed,
};

template <> struct WireTable<RegistrationStatus> {
    static constexpr std::array<std::pair<RegistrationStatus, std::string_view>, 4> entries{{
        {RegistrationStatus::Registered, "REGISTERED"},
        {RegistrationStatus::Unregistered, "UNREGISTERED"},
        {RegistrationStatus::AuthenticationFail, "AUTHENTICATION_FAIL"},
        {RegistrationStatus::Failed, "FAILED"},
    }};
};

using RegistrationStatusValue = WireValue<RegistrationStatus>;

} // namespace core
