#pragma once

#include "WireValue.h"

namespace core {

/// StreamKeepAliveEvent statuses (REST hook only, spec §11, §12.4).
enum class StreamKeepAliveStatus {
    Unknown, ///< text not in the table; WireValue::raw keeps it
    Publishing,
    Playing,
};

template <> struct WireTable<StreamKeepAliveStatus> {
    static constexpr std::array<std::pair<StreamKeepAliveStatus, std::string_view>, 2> entries{{
        {StreamKeepAliveStatus::Publishing, "PUBLISHING"},
        {StreamKeepAliveStatus::Playing, "PLAYING"},
    }};
};

using StreamKeepAliveStatusValue = WireValue<StreamKeepAliveStatus>;

} // namespace core
