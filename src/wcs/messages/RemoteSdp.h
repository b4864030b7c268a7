#pragma once

#include <QString>

namespace wcs {

/// `setRemoteSDP [id, sdp]` (spec §4, §10): an SDP answer (or, for an incoming call, an offer)
/// for stream `id` (mediaSessionId) or call `id` (callId).
struct RemoteSdp {
    QString id;
    QString sdp;
};

} // namespace wcs
