#pragma once

#include "media/MediaDirection.h"

#include <QString>
#include <QStringList>

namespace media {

/// Everything a WebRtcEndpoint needs before its pipeline is built. Element descriptions use
/// gst-launch syntax (gst_parse_bin_from_description) and must produce/consume raw audio.
struct AudioEndpointConfig {
    /// Capture side, e.g. `audiotestsrc is-live=true wave=sine freq=440` (tests),
    /// `pulsesrc device=alsa_input.usb-...` (a microphone), `autoaudiosrc`. Must be live.
    QString sourceDescription = QStringLiteral("autoaudiosrc");
    /// Playback side, one instance per received stream, e.g. `fakesink` (tests, headless),
    /// `pulsesink device=alsa_output...`, `autoaudiosink`.
    QString sinkDescription = QStringLiteral("autoaudiosink");
    /// `stun://host:port`, or empty for none (webrtcbin `stun-server`).
    QString stunServer;
    /// `turn(s)://user:password@host:port` entries (webrtcbin `add-turn-server`).
    QStringList turnServers;
    /// Our direction for the first offer or answer (RFC 3264 §5.1; WebRtcEndpoint::direction()).
    MediaDirection direction = MediaDirection::SendRecv;
    /// Encoding names to offer, in preference order (AudioCodec::all() names). Codecs whose
    /// GStreamer elements are missing are dropped silently; at least one voice codec must stay.
    QStringList codecs{QStringLiteral("OPUS"), QStringLiteral("G722"), QStringLiteral("PCMU"),
                       QStringLiteral("PCMA")};
    /// Echo cancellation, noise suppression and gain control (webrtcdsp + webrtcechoprobe,
    /// gstreamer1.0-plugins-bad). Off for synthetic sources; on for a real microphone.
    bool voiceProcessing = false;
    /// Opus target bitrate in bit/s (opusenc `bitrate`, 4000..650000).
    int opusBitrate = 32000;
    /// Period of inputLevel()/outputLevel() in milliseconds (level element `interval`).
    int levelIntervalMs = 100;
    /// Longest wait for ICE gathering before the description is published with the candidates
    /// gathered so far (a STUN/TURN server that never answers), in milliseconds.
    int iceGatheringTimeoutMs = 5000;
};

} // namespace media
