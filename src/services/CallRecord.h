#pragma once

#include "core/CallStatus.h"
#include "core/TransferStatus.h"
#include "services/CallQuality.h"

#include <QString>

namespace services {

/// One call of one account as CallService knows it. Times are ms since the epoch, 0 = not yet.
struct CallRecord {
    enum class Direction { Outgoing, Incoming };

    QString accountId;
    QString callId;
    Direction direction = Direction::Outgoing;
    QString peer;     ///< callee of an outgoing call, caller of an incoming one
    QString peerName; ///< visibleName when the server gives one
    core::CallStatus status = core::CallStatus::New;
    core::TransferStatus transferStatus = core::TransferStatus::Unknown; ///< Unknown = none
    QString transferTarget;
    bool hasVideo = false;
    qint64 createdAtMs = 0;
    qint64 answeredAtMs = 0; ///< first ESTABLISHED
    qint64 endedAtMs = 0;    ///< terminal status
    QString info;            ///< reason of the end (spec §12.6), or the last info text
    int sipStatus = -1;
    bool hungUpHere = false; ///< the user hung up (or rejected) this call from Callboard
    bool hasMedia = false;   ///< a media endpoint carries the call's audio (MediaEngine)
    bool muted = false;      ///< the call's microphone is muted (MediaEngine::setMuted)
    QString mediaError;      ///< why the call has no audio (MediaEngine::mediaFailed), or ""
    CallQuality quality;     ///< audio statistics folded in by CallService::applyQuality

    bool isHeld() const { return status == core::CallStatus::Hold; }
    bool hasEnded() const { return endedAtMs != 0; }
    /// Talk time in ms: answered -> ended (or -> `nowMs` while live); 0 if never answered.
    qint64 durationMs(qint64 nowMs) const {
        if (answeredAtMs == 0) {
            return 0;
        }
        return (endedAtMs != 0 ? endedAtMs : nowMs) - answeredAtMs;
    }
};

} // namespace services
