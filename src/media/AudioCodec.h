#pragma once

#include <QList>
#include <QString>

#include <optional>

namespace media {

/// One audio payload format the engine can offer, with the GStreamer elements that send and
/// receive it. Payload numbers follow what browsers offer WCS (spec §15): Opus 111 (dynamic,
/// RFC 7587), PCMU 0, PCMA 8 and G722 9 (static, RFC 3551 §6), and RFC 4733 telephone-event
/// 110 at 48000 Hz (next to Opus) and 126 at 8000 Hz (next to G.711/G722), the numbers Chromium
/// uses. telephone-event is not a voice codec: it has no encoder (rtpdtmfsrc builds its
/// packets, RFC 4733 §2.3) and rtpdtmfdepay reads it; WebRtcEndpoint keeps it in every
/// description by SDP editing, because webrtcbin 1.22 answers with one codec only.
struct AudioCodec {
    QString encodingName; ///< upper case as in GStreamer caps: "OPUS", "PCMU"
    int payloadType = 0;  ///< RTP payload type, 0..127
    int clockRate = 0;    ///< RTP clock rate in Hz (G722 is 8000 by RFC 3551's historical error)
    int channels = 1;     ///< `encoding-params` of the rtpmap (2 for Opus by RFC 7587)
    QString encoder;      ///< encoder factory
    QString payloader;    ///< RTP payloader factory
    QString decoder;      ///< decoder factory decodebin needs on receive

    /// Every codec the engine knows, in preference order: Opus, G722, PCMU, PCMA, then
    /// telephone-event/48000 and telephone-event/8000.
    static QList<AudioCodec> all();
    /// all() filtered to the codecs whose elements exist in this GStreamer installation (G722
    /// needs avenc_g722/avdec_g722 from gstreamer1.0-libav). Initialises GStreamer (Gst).
    static QList<AudioCodec> available();
    /// The first codec of all() with that encoding name (case-insensitive), or nullopt.
    static std::optional<AudioCodec> find(const QString& encodingName);
    /// The codec of all() with that encoding name (case-insensitive) and RTP clock rate (Hz),
    /// or nullopt: `find("telephone-event", 8000)` is payload 126.
    static std::optional<AudioCodec> find(const QString& encodingName, int clockRate);

    bool operator==(const AudioCodec&) const = default;

    /// True when the codec carries voice (has an encoder); false for telephone-event.
    bool isVoice() const { return !encoder.isEmpty(); }
    /// True for RFC 4733 telephone-event (DTMF digits as RTP events, §3.2).
    bool isTelephoneEvent() const;
    /// The `application/x-rtp` caps structure webrtcbin expects in a transceiver's
    /// `codec-preferences`, e.g. `application/x-rtp, media=audio, encoding-name=OPUS,
    /// payload=111, clock-rate=48000, encoding-params=(string)2`.
    QString rtpCaps() const;
};

} // namespace media
