#pragma once

#include "WireValue.h"

namespace core {

/// DataStatusEvent statuses for a sendData operation (spec §8, §12.4).
enum class DataStatus {
    Unknown, ///< text not in the table; WireValue::raw keeps it
    Accepted,
    Failed,
};

template <> struct WireTable<DataStatus> {
    static constexpr std::array<std::pair<DataStatus, std::string_view>, 2> entries{{
        {DataStatus::Accepted, "ACCEPTED"},
        {DataStatus::Failed, "FAILED"},
    }};
};

using DataStatusValue = WireValue<DataStatus>;

} // namespace core
