#pragma once

#include <QString>

namespace wcs {

/// `outboundVideoRate` / `inboundVideoRate` (spec §4): the server's view of a stream's rate.
struct VideoRate {
    QString mediaSessionId;
    qint64 videoRate = 0; ///< bits per second
    bool inbound = false; ///< true for inboundVideoRate
};

} // namespace wcs
