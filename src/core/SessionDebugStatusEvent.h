#pragma once

#include "SessionDebugStatus.h"

#include <QString>

namespace core {

/// SessionDebugStatusEvent (spec §9.1, §11), wire `notifySessionDebugEvent`.
struct SessionDebugStatusEvent {
    SessionDebugStatusValue status;
    QString file; ///< server path of the collected debug log, usually with STOPPED
};

} // namespace core
