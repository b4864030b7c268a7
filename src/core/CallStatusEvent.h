#pragma once

#include "CallStatus.h"

#include <QByteArray>
#include <QString>

#include <optional>

namespace core {

/// CallStatusEvent (spec §4 call object, §7, §11): carried by `notifyTryingResponse`, `ring`,
/// `talk`, `hold`, `finish` (and API v1 `sessionProgress`, `busy`) and `notifyIncomingCall`.
/// The `status` field is the truth, never the message name. Null strings and empty optionals
/// mean "absent on the wire" (spec §2.1).
struct CallStatusEvent {
    QString callId;
    CallStatusValue status;
    int sipStatus = -1; ///< numeric SIP code (100, 180, 200, 486...), -1 when absent
    QString info; ///< end reason (spec §12.6), e.g. "Normal call clearing", "SIP 403 FORBIDDEN"
    QString caller;
    QString callee;
    QString visibleName;
    std::optional<bool> incoming;
    std::optional<bool> hasAudio;
    std::optional<bool> hasVideo;
    QString mediaProvider; ///< "WebRTC", ...
    QString sipMessageRaw; ///< raw SIP message behind a failure or an incoming INVITE
    QString parentCallId;
    QString target; ///< transfer target when the server echoes it
    std::optional<bool> holdForTransfer;
    QByteArray custom;           ///< `custom` object as compact JSON text, empty when absent
    QByteArray inviteParameters; ///< `inviteParameters` object as compact JSON, empty when absent
    bool isIncomingCallOffer = false; ///< true when it came as `notifyIncomingCall` (OnCallEvent)
    QString nodeId;                   ///< set by REST hooks
    QString appKey;                   ///< set by REST hooks
    QString sessionId;
};

} // namespace core
