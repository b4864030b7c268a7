#pragma once

#include "core/StreamEventType.h"

#include <QByteArray>
#include <QString>

namespace wcs {

/// `notifyStreamEvent` (spec §6.1, §6.3): resize, notEnoughBandwidth, snapshotCompleted,
/// snapshotFailed, data, audio/video muted.
struct StreamEvent {
    QString mediaSessionId;
    core::StreamEventTypeValue type;
    QByteArray payload; ///< `payload` as compact JSON text, "null" when absent
};

} // namespace wcs
