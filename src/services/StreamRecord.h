#pragma once

#include "core/StreamStatus.h"

#include <QString>

#include <cstdint>

namespace services {

/// Where a stream was seen (bit flags; a stream may be seen by several feeds).
enum StreamSource : std::uint8_t {
    SourceOwnSession = 1, ///< our own publish/play through a wcs::Session
    SourceRestHook = 2,   ///< a WCS REST hook POSTed to our backend (spec §13)
    SourceRestApi = 4,    ///< polled from the WCS REST API (spec §14)
};

/// Everything the monitor knows about one stream instance, keyed by `mediaSessionId`.
/// Optional wire fields use sentinels to keep the record small: -1 = unknown for numbers,
/// `Tri` for booleans. Times are ms since the epoch, 0 = never.
struct StreamRecord {
    enum class Tri : std::int8_t { Unknown = -1, False = 0, True = 1 };

    QString mediaSessionId;
    QString name;
    QString accountId; ///< own-session account, empty for server-wide feeds
    QString nodeId;
    QString appKey;
    QString sessionId; ///< owning WCS client session
    QString info;      ///< last reason text (spec §12.5)
    QString statusRaw; ///< wire text when `status` is Unknown
    QString mediaProvider;
    QString recordName;
    qint64 firstSeenMs = 0;
    qint64 lastEventMs = 0;
    qint64 lastKeepAliveMs = 0;
    std::int32_t width = -1;   ///< pixels
    std::int32_t height = -1;  ///< pixels
    std::int32_t bitrate = -1; ///< kbps
    std::int32_t quality = -1;
    core::StreamStatus status = core::StreamStatus::New;
    Tri published = Tri::Unknown; ///< True = publisher, False = player
    Tri hasAudio = Tri::Unknown;
    Tri hasVideo = Tri::Unknown;
    Tri record = Tri::Unknown;
    std::uint8_t sources = 0; ///< StreamSource flags
    bool stale = false;       ///< keep-alives stopped (see StreamMonitor::setStaleAfterMs)

    QString statusText() const;
};

} // namespace services
