#pragma once

#include <QString>

namespace media {

/// RTCPeerConnectionState of W3C WebRTC §4.3.3 (aggregate of ICE and DTLS), as webrtcbin's
/// `connection-state` property reports it.
enum class PeerConnectionState {
    New,
    Connecting,
    Connected,
    Disconnected,
    Failed,
    Closed,
};

/// The W3C names: "new", "connecting", "connected", "disconnected", "failed", "closed".
QString toString(PeerConnectionState state);

} // namespace media
