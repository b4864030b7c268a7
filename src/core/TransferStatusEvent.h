#pragma once

#include "TransferStatus.h"

#include <QString>

namespace core {

/// TransferStatusEvent (spec §7.5, §11), wire `notifyTransferEvent`: progress of a blind
/// transfer ACCEPTED -> TRYING -> COMPLETED | FAILED for call `callId`.
struct TransferStatusEvent {
    QString callId;
    TransferStatusValue status;
    QString target; ///< transfer destination when the server echoes it
    QString info;
    int sipStatus = -1; ///< SIP code of the NOTIFY sipfrag when known, -1 otherwise
};

} // namespace core
