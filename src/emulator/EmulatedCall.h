#pragma once

#include "core/CallStatus.h"

#include <QString>

#include <optional>

namespace emulator {

/// One SIP call leg as the emulated WCS sees it (spec §4 call object, §7).
struct EmulatedCall {
    quint64 serial = 0; ///< unique per engine; stale timers compare it
    QString callId;
    QString caller;
    QString callee;
    QString visibleName;
    QString mediaProvider = QStringLiteral("WebRTC");
    bool incoming = false;
    bool hasAudio = true;
    bool hasVideo = false;
    core::CallStatus status = core::CallStatus::Pending;
    int sipStatus = -1; ///< last SIP code, -1 when none yet
    QString info;
    std::optional<bool> holdForTransfer; ///< echoed in the `hold` reply
    QString dtmf;                        ///< digits received with sendDtmf
    int hangupAfterMs = 0;               ///< remote hangs up this long after ESTABLISHED
};

} // namespace emulator
