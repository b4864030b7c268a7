#include "models/CallActions.h"

#include "core/Lifecycle.h"

namespace models {

bool CallActions::isAllowed(Action action, core::CallStatus status,
                            services::CallRecord::Direction direction) {
    using S = core::CallStatus;
    switch (action) {
    case Action::Answer:
        return direction == services::CallRecord::Direction::Incoming &&
               (status == S::New || status == S::Ring);
    case Action::HangUp:
        return !core::Lifecycle<core::CallStatus>::isTerminal(status);
    case Action::Hold:
        return status == S::Established;
    case Action::Resume:
        return status == S::Hold;
    case Action::Transfer:
        return status == S::Established || status == S::Hold;
    }
    return false;
}

} // namespace models
