#pragma once

#include "StreamStatus.h"

#include <QString>

#include <optional>

namespace core {

/// StreamStatusEvent (spec §4, §6, §11, §13.1), wire `notifyStreamStatusEvent` (or legacy
/// `notifyVideoFormat`), also POSTed to REST hooks. Keyed by `mediaSessionId`; `info` holds
/// the reason text of spec §12.5. Null strings and empty optionals mean "absent".
struct StreamStatusEvent {
    QString mediaSessionId;
    QString name;
    StreamStatusValue status;
    QString info;
    std::optional<bool> published; ///< true for a publisher, false for a player
    std::optional<bool> hasAudio;
    std::optional<bool> hasVideo;
    std::optional<bool> record;
    QString recordName;         ///< file name of the recording (download under /client/records/)
    std::optional<int> width;   ///< pixels
    std::optional<int> height;  ///< pixels
    std::optional<int> bitrate; ///< kbps as the SDK sends it
    std::optional<int> quality;
    QString mediaProvider; ///< "WebRTC", "MSE", "WSPlayer", "Flash"
    QString audioState;    ///< JSON text of `audioState` (e.g. {"muted":false}), null when absent
    QString videoState;    ///< JSON text of `videoState`, null when absent
    QString sdp;
    QString nodeId;    ///< WCS node (REST hooks)
    QString appKey;    ///< application key (REST hooks)
    QString sessionId; ///< owning session (REST hooks, REST API)
};

} // namespace core
