#pragma once

#include "StreamKeepAliveStatus.h"

#include <QString>

#include <optional>

namespace core {

/// StreamKeepAliveEvent (spec §11, §13): REST hook only, sent every
/// `streaming_sessions_keep_alive_interval` ms for a PUBLISHING or PLAYING stream.
struct StreamKeepAliveEvent {
    QString mediaSessionId;
    QString name;
    StreamKeepAliveStatusValue status;
    std::optional<bool> published;
    QString mediaProvider;
    QString nodeId;
    QString appKey;
    QString sessionId;
};

} // namespace core
