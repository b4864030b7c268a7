#pragma once

#include <QLatin1StringView>

namespace core {

/// Verdict of a lifecycle table on a status change `from -> to`.
enum class Transition {
    Apply,   ///< legal move to another status
    Update,  ///< same status again: refresh the other fields, no state change
    Ignore,  ///< no state change by design: event after a terminal status, a deprecated
             ///< pseudo-status (RESIZE...), or a status text not in the table
    Illegal, ///< the lifecycle does not allow it: log with the raw frame and ignore
};

constexpr QLatin1StringView toString(Transition t) {
    switch (t) {
    case Transition::Apply:
        return QLatin1StringView("apply");
    case Transition::Update:
        return QLatin1StringView("update");
    case Transition::Ignore:
        return QLatin1StringView("ignore");
    case Transition::Illegal:
        return QLatin1StringView("illegal");
    }
    return {};
}

} // namespace core
