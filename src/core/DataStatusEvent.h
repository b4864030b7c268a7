#pragma once

#include "DataStatus.h"

#include <QString>

namespace core {

/// DataStatusEvent (spec §8, §11): the result of `sendData`, matched by `operationId`.
struct DataStatusEvent {
    QString operationId;
    DataStatusValue status;
    QString info; ///< reason for FAILED
};

} // namespace core
