#pragma once

#include "WireValue.h"

namespace core {

/// SessionDebugStatusEvent statuses (spec §9.1, §12.4).
enum class SessionDebugStatus {
    Unknown, ///< text not in the table; WireValue::raw keeps it
    Started,
    Stopped,
};

template <> struct WireTable<SessionDebugStatus> {
    static constexpr std::array<std::pair<SessionDebugStatus, std::string_view>, 2> entries{{
        {SessionDebugStatus::Started, "STARTED"},
        {SessionDebugStatus::Stopped, "STOPPED"},
    }};
};

using SessionDebugStatusValue = WireValue<SessionDebugStatus>;

} // namespace core
