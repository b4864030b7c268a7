#pragma once

#include "WireValue.h"

namespace core {

/// CallStatusEvent statuses, SDK CALL_STATUS (spec §7.3, §12.3). NEW and PENDING are local.
enum class CallStatus {
    Unknown, ///< text not in the table; WireValue::raw keeps it
    New,
    Pending,
    Trying,
    Ring,
    RingMedia,
    SessionProgress,
    Busy,
    Established,
    Hold,
    Finish,
    Failed,
};

template <> struct WireTable<CallStatus> {
    static constexpr std::array<std::pair<CallStatus, std::string_view>, 11> entries{{
        {CallStatus::New, "NEW"},
        {CallStatus::Pending, "PENDING"},
        {CallStatus::Trying, "TRYING"},
        {CallStatus::Ring, "RING"},
        {CallStatus::RingMedia, "RING_MEDIA"},
        {CallStatus::SessionProgress, "SESSION_PROGRESS"},
        {CallStatus::Busy, "BUSY"},
        {CallStatus::Established, "ESTABLISHED"},
        {CallStatus::Hold, "HOLD"},
        {CallStatus::Finish, "FINISH"},
        {CallStatus::Failed, "FAILED"},
    }};
};

using CallStatusValue = WireValue<CallStatus>;

} // namespace core
