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
    /// TELEPHONE-EVENT (RFC 4733 DTMF) adds both of its clock rates; leave it out to offer and
    /// accept no DTMF events.
    QStringList codecs{QStringLiteral("OPUS"), QStringLiteral("G722"), QStringLiteral("PCMU"),
                       QStringLiteral("PCMA"), QStringLiteral("TELEPHONE-EVENT")};
    /// Echo cancellation, noise suppression and gain control (webrtcdsp + webrtcechoprobe,
    /// gstreamer1.0-plugins-bad). Off for synthetic sources; on for a real microphone.
    bool voiceProcessing = false;
    /// Opus target bitrate in bit/s (opusenc `bitrate`, 4000..650000).
    int opusBitrate = 32000;
    /// Opus frame duration in milliseconds (opusenc `frame-size`: 5, 10, 20, 40 or 60). 10 ms
    /// frames cut about 10 ms of mouth-to-ear latency per direction against 20 ms (the echo
    /// test's round trip: ~50 ms instead of ~61 ms, tests/bench/README.md), at twice the packet
    /// rate (about 16 kbit/s more IP/UDP/SRTP overhead and ~0.7 % of a core more).
    int opusFrameMs = 10;
    /// Opus encoder complexity 0..10 (opusenc `complexity`, libopus OPUS_SET_COMPLEXITY): the
    /// encoder's CPU/quality trade-off. libopus defaults to 10; 5 roughly halves the encoding
    /// cost, with no audible difference for 32 kbit/s speech.
    int opusComplexity = 5;
    /// Period of inputLevel()/outputLevel() in milliseconds (level element `interval`).
    int levelIntervalMs = 100;
    /// Longest wait for ICE gathering before the description is published with the candidates
    /// gathered so far (a STUN/TURN server that never answers), in milliseconds.
    int iceGatheringTimeoutMs = 5000;
};

} // namespace media
