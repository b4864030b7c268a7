#pragma once

#include "WireValue.h"

namespace core {

/// TransferStatusEvent statuses (spec §7.5, §12.4); PENDING is API v1's incoming transfer offer.
enum class TransferStatus {
    Unknown, ///< text not in the table; WireValue::raw keeps it
    Pending,
    Accepted,
    Trying,
    Completed,
    Failed,
};

template <> struct WireTable<TransferStatus> {
    static constexpr std::array<std::pair<TransferStatus, std::string_view>, 5> entries{{
        {TransferStatus::Pending, "PENDING"},
        {TransferStatus::Accepted, "ACCEPTED"},
        {TransferStatus::Trying, "TRYING"},
        {TransferStatus::Completed, "COMPLETED"},
        {TransferStatus::Failed, "FAILED"},
    }};
};

using TransferStatusValue = WireValue<TransferStatus>;

} // namespace core
