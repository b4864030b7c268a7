#pragma once

#include "services/CallRecord.h"

#include <QObject>

namespace models {

/// Which user action is legal on a call in its current status (spec §7.3): answer only an
/// incoming call in NEW or RING; hold only ESTABLISHED; resume only HOLD; transfer only
/// ESTABLISHED or HOLD; hang up any call that has not reached a terminal status.
class CallActions {
    Q_GADGET

public:
    enum class Action { Answer, HangUp, Hold, Resume, Transfer };
    Q_ENUM(Action)

    /// The rule on a status alone (an Unknown status counts as live: it may be hung up).
    static bool isAllowed(Action action, core::CallStatus status,
                          services::CallRecord::Direction direction);
    /// The rule on a call: nothing is legal once the call has ended.
    static bool isAllowed(Action action, const services::CallRecord& call) {
        return !call.hasEnded() && isAllowed(action, call.status, call.direction);
    }
};

} // namespace models
