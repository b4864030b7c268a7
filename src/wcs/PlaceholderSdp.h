#pragma once

#include <QString>

namespace wcs {

/// What a local SDP must describe. `remoteOffer` empty -> build an offer; set -> build an
/// answer that mirrors the offer's m-lines.
struct SdpRequest {
    bool audio = true;
    bool video = false;
    QString direction = QStringLiteral("sendrecv"); ///< sendrecv | sendonly | recvonly
    QString remoteOffer;
};

/// The one place that builds local SDP until the media engine (GStreamer webrtcbin) replaces
/// it: a syntactically valid RFC 8866 / JSEP-style description with ICE credentials, a
/// sha-256 fingerprint, BUNDLE, rtcp-mux, Opus/PCMU/PCMA/telephone-event for audio and VP8/H264
/// for video, and `a=setup:actpass` in offers (spec §15). It carries no candidates and no
/// media flows from it.
class PlaceholderSdp {
public:
    static QString create(const SdpRequest& request);
};

} // namespace wcs
